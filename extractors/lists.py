"""List items: bullet and number markers, shared by the loaders, actions and targets."""
from __future__ import annotations

import re
from typing import Optional

BULLET_CHARS = "•▪■●◦○–—\\-*➢►✓·"
MARKER_RE = re.compile(
    rf"^\s*(?P<marker>[{BULLET_CHARS}]+|\(?\d{{1,2}}[.)](?!\d)|[a-zA-Z][.)](?=\s))\s*(?P<rest>.*)$")


def split_marker(text: str) -> tuple[Optional[str], str]:
    """("1.", "Gennemføre …") for "1. Gennemføre …"; (None, text) when no list marker."""
    m = MARKER_RE.match(text)
    if not m or not m.group("rest"):
        return None, text.strip()
    marker = m.group("marker")
    if marker in {"-", "–", "—"} and re.match(r"^\s*[-–—]\s*\d", text):
        return None, text.strip()   # a negative number, not a bullet
    return marker, m.group("rest").strip()


def marker_kind(marker: Optional[str]) -> Optional[str]:
    if marker is None:
        return None
    if marker[0].isdigit() or marker[0] == "(":
        return "number"
    if marker[0].isalpha():
        return "letter"
    return "bullet"


def split_cell_items(lines: list[str]) -> list[str]:
    """A table cell's lines as items: a marked line starts an item, other lines continue it."""
    from extractors.clean import join_hyphenated
    items: list[str] = []
    for line in lines:
        marker, rest = split_marker(line)
        if marker is not None or not items:
            items.append(rest if marker is not None else line.strip())
        else:
            items[-1] = join_hyphenated(items[-1], line.strip())
    return items
