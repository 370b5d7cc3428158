"""HTML to plain text with a real parser (BeautifulSoup over Python's html.parser).

`fragment_to_parts` turns a cell such as `<ol><li>1. A</li><li>2. B</li></ol>` or
`<p>x</p> <p>y</p>` into its parts ["1. A", "2. B"]; plain inline markup (`<b>`) is removed.
"""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning


def _soup(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "html.parser")


def fragment_to_parts(markup: str) -> tuple[list[str], bool]:
    """(parts, bold): block-level items of a fragment as separate texts, and whether the
    whole fragment was bold."""
    soup = _soup(markup)
    bold = bool(soup.find(["b", "strong"])) and all_bold(soup)
    items = soup.find_all("li") or [p for p in soup.find_all("p")]
    if not items and soup.find("br"):
        return split_at_breaks(soup), bold
    if items:
        parts = [" ".join(it.get_text(" ").split()) for it in items]
        rest = _text_outside(soup, items)
        parts = ([rest] if rest else []) + parts
    else:
        parts = [" ".join(soup.get_text(" ").split())]
    return [p for p in parts if p], bold


BREAK = "\u2028"      # stands in for <br> while the text is read


def split_at_breaks(tag) -> list[str]:
    """The parts of a fragment separated by <br> ("1) … <br/> 2) …"); inline tags such as
    <b> do not split."""
    for br in tag.find_all("br"):
        br.replace_with(BREAK)
    return [p for p in (" ".join(part.split()) for part in tag.get_text(" ").split(BREAK)) if p]


def all_bold(soup: BeautifulSoup) -> bool:
    bold_text = "".join(t.get_text() for t in soup.find_all(["b", "strong"]))
    return len(bold_text.strip()) >= 0.8 * len(soup.get_text().strip())


def _text_outside(soup: BeautifulSoup, items) -> str:
    for it in items:
        it.extract()
    return " ".join(soup.get_text(" ").split())
