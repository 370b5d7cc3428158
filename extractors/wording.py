"""Shared wording: how plans label a goal, and the key two titles are compared by.

`GOAL_LABELS` is the one list of words that introduce a goal ("Ministermål 2:", "Lokalt
mål A:", "Indsatsområde 3 –"); the outline, goals and targets stages build their own
patterns from it. `norm_key` is the comparison key of titles and labels."""
from __future__ import annotations

import re

MINISTER_LABELS = r"ministermål|ministerens\s+mål|beskæftigelsesministerens\s+mål|beskæftigelsespolitisk(?:e)?\s+mål"
GOAL_LABELS = rf"{MINISTER_LABELS}|beskæftigelsesmål|indsatsområde|fokusområde|lokalt\s+mål|mål"


CHAPTER_WORDS = r"kapitel|afsnit|del"        # "Kapitel 2 Arbejdsmarkedet" is chapter 2
CHAPTER_RE = re.compile(rf"^(?:{CHAPTER_WORDS})\s+(?P<number>\d{{1,2}})\.?\s*[:.–-]?\s+(?P<title>\S.*)$", re.I)
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
CID_RE = re.compile(r"\(cid:\d+\)")


def fix_ligatures(text: str) -> str:
    """Typographic ligatures some fonts put in the text layer ("ﬂere") as plain letters."""
    return text.translate(LIGATURES)


def unmapped_share(words: list[str]) -> float:
    """The share of words made of glyphs the PDF gives no Unicode for ("(cid:71)(cid:72)")."""
    return sum(1 for w in words if CID_RE.search(w)) / len(words) if words else 0.0


def norm_key(text: str) -> str:
    """Case-folded words only: "4.1 Flere unge – i job!" → "4 1 flere unge i job"."""
    return re.sub(r"\W+", " ", text.casefold()).strip()
