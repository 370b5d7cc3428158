"""HTML pages → ParsedDocument, with BeautifulSoup (Python's html.parser backend).

- The plan is the page's main content: the largest <main>/<article>/[role=main] or element
  named as content (id/class "indhold", "content", "main") that holds most of the text, else
  <body>. Scripts, styles, navigation, headers, footers, sidebars (<aside>) and forms are
  skipped, and so are elements a CMS names as site chrome (id/class "menu", "sti",
  "breadcrumb", "sidefod", "cookie", …).
- Headings <h1>–<h6> keep their level; <p>/<li>/<div> text become lines.
- Lists: each <li> is a line with a marker ("•", or "1." in an <ol>); a nested list's items
  are indented one step deeper, so sub-items keep their parent.
- A list of in-page links ("<a href='#forord'>1. Forord</a>") is a contents list: its
  entries become lines flagged TOC_ENTRY (no page numbers on the web).
- <table>s become tables on a grid that honours rowspan and colspan (covered cells are
  empty and `spanned`); <caption> stays a line above the table; <tfoot> notes become lines.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Optional

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from extractors.danish import parse_cell_value
from extractors.html_text import all_bold, split_at_breaks
from extractors.load_text import decode_bytes
from models.document import Cell, Line, LineFlag, ParsedDocument, Table, TableRow

SKIP_TAGS = {"script", "style", "nav", "footer", "header", "noscript", "template", "svg", "form", "aside"}
TEXT_TAGS = {"p", "li", "div", "span", "td", "dt", "dd", "blockquote", "pre", "caption", "figcaption"}
BLOCK_CHILDREN = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"]
LIST_INDENT = 4.0          # one nesting step, in the "spaces" unit of text documents
MAIN_SHARE = 0.5           # a <main>/<article> holding this share of the text is the plan
CHROME_NAMES = {"menu", "hovedmenu", "undermenu", "topmenu", "nav", "navigation", "navbar", "breadcrumb",
                "breadcrumbs", "brødkrumme", "broedkrumme", "cookie", "cookies", "cookiebanner", "sidefod",
                "sidehoved", "topbar", "search", "soeg", "søg", "sidebar", "relaterede", "skip"}
CHROME_IDS = {"sti", "top", "header", "footer", "related", "share"}   # words too common as parts of names
CONTENT_NAMES = {"indhold", "content", "main", "maincontent", "main-content", "artikel", "article"}


def load_html(path: Path, doc_id: str, source_path: str, data: Optional[bytes] = None) -> ParsedDocument:
    markup = decode_bytes(path.read_bytes() if data is None else data)
    return html_to_document(markup, doc_id=doc_id, source_path=source_path, file_name=path.name)


def html_to_document(markup: str, doc_id: str = "test", source_path: str = "",
                     file_name: str = "") -> ParsedDocument:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    doc = ParsedDocument(doc_id=doc_id, source_path=source_path, file_name=file_name, format="html")
    for tag in soup.find_all(SKIP_TAGS):
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]):
            continue          # an article's own header holds its title
        if tag.name == "nav" and _in_page_links(tag):
            continue          # the plan's contents list, not the site's navigation
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if _is_chrome(t)]:
        tag.decompose()
    _walk(main_content(soup), doc)
    doc.pages = []
    return doc


def main_content(soup: BeautifulSoup) -> Tag:
    """The element that holds the plan: the largest <main>, <article> or [role=main] with
    most of the page's text; the whole body otherwise (cookie banners and site chrome
    outside it are left out)."""
    body = soup.body or soup
    total = len(body.get_text(" ", strip=True)) or 1
    found = (soup.find_all(["main", "article"]) + soup.find_all(attrs={"role": "main"})
             + [t for t in soup.find_all(True) if _names(t) & CONTENT_NAMES])
    best = max(found, key=lambda t: len(t.get_text(" ", strip=True)), default=None)
    if best is not None and len(best.get_text(" ", strip=True)) >= MAIN_SHARE * total:
        return best
    return body


def _is_chrome(tag: Tag) -> bool:
    """Site chrome named by id or class: any part of a name for the unambiguous words
    ("cookie-banner", "hovedmenu"), the whole name for common ones ("sti", "footer")."""
    if getattr(tag, "attrs", None) is None:
        return False
    whole = {v.casefold() for v in [tag.get("id") or "", *(tag.get("class") or [])] if v}
    return bool(_names(tag) & CHROME_NAMES or whole & CHROME_IDS)


def _names(tag: Tag) -> set[str]:
    """The words of a tag's id and classes ("side-fod menu" → {"side", "fod", "side-fod", "menu"})."""
    if getattr(tag, "attrs", None) is None:
        return set()
    values = [tag.get("id") or ""] + list(tag.get("class") or [])
    words = {v.casefold() for v in values if v}
    return words | {p for v in words for p in re.split(r"[-_]", v) if p}


def _walk(node: Tag, doc: ParsedDocument) -> None:
    for child in node.children:
        if not isinstance(child, Tag):
            _add_line(doc, str(child))
            continue
        name = child.name.lower()
        if name == "table":
            _add_table(child, doc)
        elif name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            _add_line(doc, child.get_text(" "), level=int(name[1]), bold=True)
        elif name in {"ul", "ol"}:
            _add_list(child, doc, depth=0, toc=is_link_list(child))
        elif name == "summary":
            _add_line(doc, child.get_text(" "), bold=True)        # the title of a <details> block
        elif name in TEXT_TAGS and not child.find(BLOCK_CHILDREN):
            _add_line(doc, child.get_text(" "), bold=name != "div" and bool(child.find(["b", "strong"]))
                      and all_bold(child))   # "<strong>Resultatmål:</strong> …" is a labelled paragraph
        else:
            _walk(child, doc)


def _in_page_links(tag: Tag) -> bool:
    links = [a["href"] for a in tag.find_all("a", href=True)]
    return len(links) >= 3 and all(h.startswith("#") for h in links)


def is_link_list(lst: Tag) -> bool:
    """Every item of the list is an in-page link: a contents list."""
    items = lst.find_all("li")
    links = [li.find("a", href=True, recursive=False) for li in items]
    return len(items) >= 3 and all(a is not None and a["href"].startswith("#") for a in links)


def _add_list(lst: Tag, doc: ParsedDocument, depth: int, toc: bool) -> None:
    ordered = lst.name.lower() == "ol"
    start = int(lst.get("start", 1) or 1) if ordered else 1
    for k, li in enumerate(lst.find_all("li", recursive=False)):
        nested = li.find_all(["ul", "ol"], recursive=False)
        own = " ".join(t.get_text(" ") if isinstance(t, Tag) else str(t)
                       for t in li.children if not (isinstance(t, Tag) and t in nested))
        marker = "" if toc else (f"{start + k}. " if ordered else "• ")
        _add_line(doc, marker + own, indent=depth * LIST_INDENT,
                  flags={LineFlag.TOC_ENTRY} if toc else None)
        for sub in nested:
            _add_list(sub, doc, depth + 1, toc)


def _add_line(doc: ParsedDocument, text: str, level: Optional[int] = None, bold: bool = False,
              indent: float = 0.0, flags: Optional[set[LineFlag]] = None) -> None:
    text = " ".join(text.split())
    if text and text not in {"•", "1."}:
        doc.lines.append(Line(line_no=len(doc.lines), text=text, heading_level=level, bold=bold,
                              para_start=True, indent=indent, flags=flags or set()))


# ---------------------------------------------------------------- tables
def _add_table(table: Tag, doc: ParsedDocument) -> None:
    caption = table.find("caption")
    if caption is not None:
        _add_line(doc, caption.get_text(" "))
    notes = [tr for tr in table.select("tfoot tr") if not any(_is_number(td.get_text(" "))
                                                               for td in tr.find_all(["td", "th"]))]
    body_rows = [tr for tr in table.find_all("tr") if tr not in notes]     # a total row in <tfoot> is data
    rows = [TableRow(cells=cells) for cells in _grid(body_rows) if any(c.text for c in cells)]
    if rows:
        doc.tables.append(Table(table_no=len(doc.tables), rows=rows, anchor_line=len(doc.lines),
                                source="html"))
    for tr in notes:
        _add_line(doc, tr.get_text(" "))


def _grid(trs: list[Tag]) -> list[list[Cell]]:
    """Rows of cells with every rowspan/colspan laid out: a covered position holds an
    empty `spanned` cell, so columns line up as they do on screen."""
    grid: list[list[Optional[Cell]]] = []
    for r, tr in enumerate(trs):
        while len(grid) <= r:
            grid.append([])
        row = grid[r]
        col = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while col < len(row) and row[col] is not None:
                col += 1
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                target.extend([None] * (col + colspan - len(target)))
                for dc in range(colspan):
                    target[col + dc] = _cell(td) if dr == dc == 0 else Cell(text="", spanned=True)
            col += colspan
    width = max((len(row) for row in grid), default=0)
    return [[c or Cell(text="") for c in row] + [Cell(text="")] * (width - len(row)) for row in grid[:len(trs)]]


def _is_number(text: str) -> bool:
    return parse_cell_value(" ".join(text.split())) is not None


def _span(td: Tag, attr: str) -> int:
    try:
        return max(1, min(50, int(td.get(attr, 1) or 1)))
    except ValueError:
        return 1


def _cell(td: Tag) -> Cell:
    parts = [" ".join(x.get_text(" ").split()) for x in td.find_all(["li", "p"])]
    if not parts and td.find("br"):
        parts = split_at_breaks(td)
    return Cell(text=" ".join(td.get_text(" ").split()), paragraphs=[p for p in parts if p] if len(parts) > 1 else [],
                bold=td.name == "th" or bool(td.find(["b", "strong"])))
