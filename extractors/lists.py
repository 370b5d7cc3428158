"""List items: bullet and number markers, shared by the loaders, actions and targets."""
from __future__ import annotations

import re
from typing import Optional

BULLET_CHARS = "•▪■●◦○–—\\-*+➢►✓·"
MARKER_RE = re.compile(
    rf"^\s*(?P<marker>[{BULLET_CHARS}]+|o(?=\s)|\(?\d{{1,2}}[.)](?!\d)|[a-zA-Z][.)](?=\s))\s*(?P<rest>.*)$")


ORDINAL_NOUN_RE = re.compile(
    r"(kvartal|kvt|halvår|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)\b", re.I)


def split_marker(text: str) -> tuple[Optional[str], str]:
    """("1.", "Gennemføre …") for "1. Gennemføre …"; (None, text) when no list marker."""
    m = MARKER_RE.match(text)
    if not m or not m.group("rest"):
        return None, text.strip()
    marker = m.group("marker")
    if marker in {"-", "–", "—", "+"} and re.match(r"^\s*[-–—+]\s*\d", text):
        return None, text.strip()   # a negative number, not a bullet
    if marker[0].isdigit() and ORDINAL_NOUN_RE.match(m.group("rest")):
        return None, text.strip()   # "2. kvartal", "1. januar": a date, not a list number
    if marker[0].isalpha() and re.match(r"^[a-zæøå]{1,3}\.", m.group("rest")):
        return None, text.strip()   # "f. eks. …", "m. fl.": an abbreviation, not a letter item
    return marker, m.group("rest").strip()


def marker_kind(marker: Optional[str]) -> Optional[str]:
    if marker is None:
        return None
    if marker[0].isdigit() or marker[0] == "(":
        return "number"
    if marker[0].isalpha() and marker != "o":
        return "letter"
    return "bullet"


INLINE_NUMBER_RE = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s+(?=\S)")


def split_inline_numbered(text: str) -> list[str]:
    """'1. Reduktion … 2. Mindst 40 % …' → the items, when the text starts with item 1 and
    the numbers run 1, 2, 3 …; otherwise [text]."""
    cuts, expected = [], 1
    for m in INLINE_NUMBER_RE.finditer(text):
        if int(m.group(1)) != expected or ORDINAL_NOUN_RE.match(text[m.end():]):
            continue
        if expected == 1 and text[:m.start()].strip():
            return [text]
        cuts.append((m.start(), m.end()))
        expected += 1
    if len(cuts) < 2:
        return [text]
    bounds = [c[1] for c in cuts]
    ends = [c[0] for c in cuts[1:]] + [len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, ends)]
