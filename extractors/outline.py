"""The section tree, recovered from the document's own headings.

Signals, in this order of trust:
1. numbering: "1.", "6.1", "Ministermål 3:", "Beskæftigelsesmål 2 -" (the number's depth
   gives the level);
2. entries of the printed table of contents (a line that repeats an entry's title is a
   heading at the entry's level; in a flattened transcript the heading is split off the
   sentence it was glued to);
3. font size and weight (PDF), or `#` depth (markdown): a heading without a number or TOC
   entry is a child of the last numbered heading unless it is set at least as large;
4. in plain text without either, a short stand-alone line without end punctuation.

A numbered line is taken as a heading only with support from (2) or (3) — or, in plain
text, when it continues the run of heading numbers — so numbered list items stay list items.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Optional

from extractors.wording import CHAPTER_RE, GOAL_LABELS, norm_key
from models.document import Line, ParsedDocument
from models.records import Section, TocEntry

EXTRACTOR = "outline"
VERSION = "1"
NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[A-ZÆØÅ\"“'‘].*)$")
GOAL_PREFIX_RE = re.compile(
    rf"^(?P<prefix>(?:{GOAL_LABELS})\s*(?:nr\.?\s*)?(?P<number>\d{{1,2}})?)\s*[:\-–.]\s*(?P<title>\S.*)$", re.I)
NOT_HEADING_RE = re.compile(r"^(figur|tabel|kilde|anm\.|note|side\s+\d|vi vil\b|det gør vi|særlige indsatsområder|indsatser\b|initiativer\b)", re.I)
MAX_HEADING_CHARS = 220


@dataclass
class _Heading:
    line: Line
    number: str
    title: str
    level: Optional[int]      # anchored level (numbering or TOC), else None
    style: tuple              # bigger is more prominent
    last_line: int = -1       # a heading wrapped over several lines ends here


def build_outline(doc: ParsedDocument, toc: list[TocEntry]) -> list[Section]:
    """Sections in document order, each with its parent, pages and own text."""
    if doc.flattened and toc:
        split_inline_headings(doc, toc)
    headings = find_headings(doc, toc)
    _assign_levels(headings)
    return _to_sections(doc, headings)


# ---------------------------------------------------------------- flattened transcripts
def split_inline_headings(doc: ParsedDocument, toc: list[TocEntry]) -> None:
    """In a flattened transcript, cut each TOC entry's heading out of the running text it was
    glued to ("… 2016-18. 3 Den beskæftigelsesrettede indsats i Lejre i 2018 4.1 Indledning
    Med afsæt i …"). Entries are searched in printed order, each after the previous one."""
    skip = _toc_span(doc, toc)
    cursor = (skip[1] + 1, 0)
    for entry in toc:
        found = _find_title(doc, entry, cursor)
        if found is None:
            continue
        line_idx, start, end = found
        cursor = _cut_line(doc, line_idx, start, end)
    doc.renumber()


def _find_title(doc: ParsedDocument, entry: TocEntry, cursor: tuple[int, int]):
    number = re.escape(entry.number) + r"\.?\s+|\d{1,2}\.\d{1,2}\.?\s+" if entry.number else r"\d{1,2}\.\d{1,2}\.?\s+"
    pattern = re.compile(r"(?:(?<=^)|(?<=[.!?:]\s)|(?<=\s\d\s)|(?<=\d\s)|(?<=\s))(?:" + number + r")?"
                         + re.escape(entry.title) + r"(?=\s+[A-ZÆØÅ0-9]|\s*$)")
    line_idx, offset = cursor
    for i in range(line_idx, min(len(doc.lines), line_idx + 80)):
        ln = doc.lines[i]
        if not ln.is_content:
            continue
        m = pattern.search(ln.text, offset if i == line_idx else 0)
        if m and (m.start() == 0 or _sentence_boundary_before(ln.text, m.start())):
            return i, m.start(), m.end()
    return None


def _sentence_boundary_before(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return bool(re.search(r"([.!?:]|\s\d{1,2}|^\d{1,2})$", before)) or not before


def _cut_line(doc: ParsedDocument, i: int, start: int, end: int) -> tuple[int, int]:
    """Split lines[i] into [before][heading][after]; return the cursor after the heading."""
    ln = doc.lines[i]
    before, heading, after = ln.text[:start].strip(), ln.text[start:end].strip(), ln.text[end:].strip()
    before = re.sub(r"\s\d{1,2}$", "", before)   # a footnote number left before the heading
    pieces = [(p, k == 0) for k, p in enumerate((before, heading, after)) if p]
    new = [ln.model_copy(update={"text": p, "para_start": not is_before or ln.para_start})
           for p, is_before in pieces]
    doc.lines[i:i + 1] = new
    for table in doc.tables:
        if table.anchor_line > i:
            table.anchor_line += len(new) - 1
    heading_at = i + (1 if before else 0)
    return heading_at + 1, 0


def _toc_span(doc: ParsedDocument, toc: list[TocEntry]) -> tuple[int, int]:
    """Lines of the printed contents list, from its heading to its last entry."""
    from extractors.toc import toc_line_span
    span = toc_line_span(doc, toc) if toc else None
    return span if span else (-1, -1)


def _in_span(line_no: int, span: tuple[int, int]) -> bool:
    return span[0] <= line_no <= span[1]


# ---------------------------------------------------------------- heading candidates
def find_headings(doc: ParsedDocument, toc: list[TocEntry]) -> list[_Heading]:
    content = doc.content_lines()
    body_size = _body_font_size(content)
    toc_span = _toc_span(doc, toc)
    matcher = _TocMatcher(toc)
    plain = doc.format != "pdf" and not any(ln.heading_level for ln in content)
    headings: list[_Heading] = []
    last_top = 0
    i = 0
    while i < len(content):
        ln = content[i]
        if _in_span(ln.line_no, toc_span):
            i += 1
            continue
        wrapped = _wrapped_heading_lines(content, i, body_size)
        text = " ".join(x.text.strip() for x in wrapped)
        ctx = _Context(content, i, body_size, plain, last_top, matcher)
        heading = _classify(ln, text, ctx)
        if heading is None and len(wrapped) > 1:
            wrapped = wrapped[:1]
            heading = _classify(ln, ln.text.strip(), ctx)
        if heading is not None:
            heading.last_line = wrapped[-1].line_no
            headings.append(heading)
            if heading.number and "." not in heading.number and heading.level == 1:
                last_top = int(heading.number)
            i += len(wrapped)
        else:
            i += 1
    return headings


@dataclass
class _Context:
    content: list[Line]
    i: int
    body_size: float
    plain: bool
    last_top: int
    toc: "_TocMatcher"


class _TocMatcher:
    """Matches heading lines to the printed TOC in order: each entry once, never going back,
    so a later line repeating an earlier title ("Indledning" under 1 and under 4.1) takes
    the right entry."""
    LOOKAHEAD = 6

    def __init__(self, toc: list[TocEntry]):
        self.entries = toc
        self.pointer = 0
        self.max_depth = max((e.number.count(".") + 1 for e in toc if e.number), default=0)

    def match(self, number: str, title: str, dotless: bool = False) -> Optional[TocEntry]:
        for j in range(self.pointer, min(len(self.entries), self.pointer + self.LOOKAHEAD)):
            entry = self.entries[j]
            if _same_entry(entry, number, title, dotless):
                self.pointer = j + 1
                return entry
        return None

    def lists_depth(self, number: str) -> bool:
        """The TOC lists numbered headings of this depth (so an unlisted one is not a heading)."""
        return self.max_depth >= number.count(".") + 1


def _same_entry(entry: TocEntry, number: str, title: str, dotless: bool = False) -> bool:
    """Same title (fuzzy when the numbers agree), and numbers that agree: equal, or the TOC
    prints only the last part ("1." in the TOC for "3.1" in the text)."""
    from rapidfuzz import fuzz
    a, b = norm_key(_drop_parenthetical(entry.title)), norm_key(_drop_parenthetical(title))
    if not a or not b:
        return False
    if number and entry.number and not _numbers_agree(number, entry.number):
        # a stray footnote number ("3 Den …") before a top-level heading
        return a == b and dotless and "." not in entry.number
    if a == b:
        return True
    threshold = 80 if number and entry.number else 92
    return len(a) >= 8 and fuzz.ratio(a, b) >= threshold


def _numbers_agree(body: str, printed: str) -> bool:
    body_parts, printed_parts = body.strip(".").split("."), printed.strip(".").split(".")
    return body_parts == printed_parts or body_parts[-len(printed_parts):] == printed_parts


def _drop_parenthetical(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", text)


def _wrapped_heading_lines(content: list[Line], i: int, body_size: float) -> list[Line]:
    """A heading set larger or bold may wrap: following lines in the same style that do not
    start a paragraph belong to it."""
    first = content[i]
    lines = [first]
    if first.font_size is None or not _typographic(first, body_size) or first.heading_level:
        return lines
    for nxt in content[i + 1:i + 4]:
        same = nxt.font_size == first.font_size and nxt.bold == first.bold and nxt.page == first.page
        if not same or nxt.para_start or NUMBERED_RE.match(nxt.text):
            break
        lines.append(nxt)
    return lines


def _classify(ln: Line, text: str, ctx: _Context) -> Optional[_Heading]:
    if NOT_HEADING_RE.match(text) or not text[:1].isalnum():
        return None
    number, title = _split_number(text)
    typo = _typographic(ln, ctx.body_size)
    style = _style(ln)
    dotless = bool(re.match(r"^\d{1,2}\s", text))
    list_item = not typo and _in_list(ctx.content, ctx.i)
    entry = ctx.toc.match(number, title, dotless) if not list_item and (typo or ctx.plain or len(text) < 160) else None
    if entry is not None:
        if number and not _numbers_agree(number, entry.number or number):
            number = entry.number
        return _Heading(ln, number or entry.number, title, _depth(number) if number else entry.level, style)
    if len(text) > MAX_HEADING_CHARS or text.endswith(":"):
        return None
    goal = GOAL_PREFIX_RE.match(text)
    if goal and (typo or ctx.plain and _standalone(ctx.content, ctx.i)) and len(goal.group("title")) > 3:
        return _Heading(ln, goal.group("number") or "", text, None, style)
    if number:
        if ctx.toc.entries and ctx.toc.lists_depth(number):
            return None   # the contents list would have listed it
        plain_ok = (ctx.plain and _continues_numbering(number, ctx.last_top)
                    and _standalone(ctx.content, ctx.i) and not _in_list(ctx.content, ctx.i))
        return _Heading(ln, number, title, _depth(number), style) if typo or plain_ok else None
    if typo and _heading_shaped(text):
        return _Heading(ln, "", text, None, style)
    if ctx.plain and _weak_plain_heading(ctx.content, ctx.i):
        return _Heading(ln, "", text, None, PLAIN_STYLE)
    return None


def _split_number(text: str) -> tuple[str, str]:
    m = NUMBERED_RE.match(text) or CHAPTER_RE.match(text)
    return (m.group("number"), m.group("title").strip()) if m else ("", text)


def _depth(number: str) -> int:
    return number.count(".") + 1


def _typographic(ln: Line, body_size: float) -> bool:
    """Set apart as a heading: a markdown/HTML heading, a larger font, or a short bold line."""
    if ln.heading_level:
        return True
    if ln.font_size and body_size and ln.font_size >= body_size + 1.0:
        return True
    return ln.bold and ln.para_start and len(ln.text) <= 160


NO_HEADING_LEVEL = -7      # below <h6>: a bold paragraph is less prominent than any marked heading
PLAIN_STYLE = (NO_HEADING_LEVEL, 0, False)


def _style(ln: Line) -> tuple:
    """How prominently a heading is set; a larger tuple is more prominent."""
    return (-ln.heading_level if ln.heading_level else NO_HEADING_LEVEL, round(ln.font_size or 0), ln.bold)


def _body_font_size(content: list[Line]) -> float:
    sizes = [round(ln.font_size, 1) for ln in content if ln.font_size and len(ln.text) > 40]
    return statistics.mode(sizes) if sizes else 0.0


def _heading_shaped(text: str) -> bool:
    return not text.endswith((",", ";")) and not re.match(r"^[a-zæøå]", text) and len(text) <= 160


def _standalone(content: list[Line], i: int) -> bool:
    nxt = content[i + 1] if i + 1 < len(content) else None
    return content[i].para_start and (nxt is None or nxt.para_start)


def _in_list(content: list[Line], i: int) -> bool:
    """The line belongs to a list: the lines above it, back to a cue ending in ':', are list items."""
    from extractors.lists import split_marker
    if split_marker(content[i].text)[0] is None:
        return False
    number = _split_number(content[i].text)[0]
    previous = split_marker(content[i - 1].text)[0] if i else None
    if previous and previous[0].isdigit() and number and "." not in number:
        if int(re.sub(r"\D", "", previous)) + 1 != int(number):
            return False      # "2. Udvikling" after item "2." does not continue that list
    for prev in reversed(content[max(0, i - 15):i]):
        if prev.text.rstrip().endswith(":"):
            return True
        if split_marker(prev.text)[0] is None:
            return False
    return False


def _continues_numbering(number: str, last_top: int) -> bool:
    if "." in number:
        return int(number.split(".")[0]) == last_top
    return int(number) == last_top + 1


OPEN_ENDINGS = {"at", "og", "eller", "som", "der", "i", "på", "til", "med", "for", "af", "er", "om", "en", "et"}


def _weak_plain_heading(content: list[Line], i: int) -> bool:
    text = content[i].text.strip()
    if text.split()[-1].casefold() in OPEN_ENDINGS:
        return False     # a lead-in that runs on into a list ("Målet med X er, at")
    return (len(text) <= 70 and _standalone(content, i) and text[0].isupper()
            and not text.endswith((".", ":", ",", ";", "!", "?")) and ":" not in text
            and len(text.split()) <= 9 and i + 1 < len(content) and len(content[i + 1].text) > 60)


# ---------------------------------------------------------------- levels and sections
def _assign_levels(headings: list[_Heading]) -> None:
    """Unanchored headings are children of the last anchored heading, unless set at least
    as prominently as it (then they are its siblings); among unanchored headings, one set
    less prominently than the heading above it is that heading's child ("Succeskriterier"
    in bold under "Fokusområde 1: …" in a heading font)."""
    anchor: Optional[_Heading] = None
    above: list[_Heading] = []          # unanchored headings since the anchor, outermost first
    for k, h in enumerate(headings):
        if h.level is not None:
            anchor, above = h, []
            continue
        while above and above[-1].style <= h.style:
            above.pop()
        if above and h.style != PLAIN_STYLE:
            h.level = above[-1].level + 1
        elif anchor is None:
            h.level = 1
        elif h.style >= anchor.style and h.style != PLAIN_STYLE:
            h.level = anchor.level
        else:
            h.level = (anchor.level or 1) + 1
        if _has_body(headings, k):
            above.append(h)


def _has_body(headings: list[_Heading], k: int) -> bool:
    """Text stands between this heading and the next (a cover's title lines have none)."""
    nxt = headings[k + 1].line.line_no if k + 1 < len(headings) else None
    return nxt is None or nxt > headings[k].last_line + 1


def _to_sections(doc: ParsedDocument, headings: list[_Heading]) -> list[Section]:
    sections: list[Section] = []
    stack: list[Section] = []
    content_index = [ln for ln in doc.lines]
    bounds = [h.line.line_no for h in headings] + [len(doc.lines)]
    for k, h in enumerate(headings):
        start, end = bounds[k], bounds[k + 1]
        body = [ln for ln in content_index[max(start, h.last_line) + 1:end] if ln.is_content]
        while stack and stack[-1].level >= h.level:
            stack.pop()
        pages = [ln.page for ln in [h.line, *body] if ln.page is not None]
        section = Section(doc_id=doc.doc_id, page=h.line.page, line_start=start, line_end=end - 1,
                          extractor=EXTRACTOR, extractor_version=VERSION,
                          section_id=f"{doc.doc_id}-s{k}", ord=k,
                          parent_id=stack[-1].section_id if stack else None, level=h.level or 1,
                          number=h.number, title=h.title,
                          page_start=h.line.page, page_end=max(pages) if pages else None,
                          text=" ".join(ln.text for ln in body), heading_line=start)
        sections.append(section)
        stack.append(section)
    return sections


def section_of_table(sections: list[Section], table) -> Optional[Section]:
    """The section a table sits in (it stands just before lines[anchor_line])."""
    return section_at(sections, table.anchor_line - 1) if table.anchor_line > 0 else None


def section_at(sections: list[Section], line_no: int) -> Optional[Section]:
    """The innermost section whose heading is at or before `line_no`."""
    found = None
    for s in sections:
        if s.heading_line <= line_no:
            found = s
        else:
            break
    return found

