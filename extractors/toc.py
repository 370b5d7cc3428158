"""The printed table of contents: every entry with its number, title, level and printed page.

Forms handled: "title<TAB>page" (a two-cell table row in a transcript), dot leaders
("Forord.......4"), "Side N" pages, entries wrapped over several lines, "Ministermål 1: …"
entries, numbered sub-entries ("6.1 …"), and a flattened "1. Indledning Side 2 1. Baggrund
Side 2 …" (split into lines by `clean.split_flattened_lines`).

Levels, in this order of trust: the depth of the number ("6.1" → 2); the entry's indentation
or weight in a PDF; a restart of the numbering ("1. Indledning", "1. Baggrund" → the second
is a sub-entry); entries after "Bilag" that are not numbered are sub-entries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractors.wording import CHAPTER_RE, norm_key
from models.document import Line, LineFlag, ParsedDocument, Table
from models.records import TocEntry

EXTRACTOR = "toc"
VERSION = "1"
TOC_HEADING_RE = re.compile(r"^\W*(indhold|indholdsfortegnelse|indholdsliste|contents|table of contents)\W*$", re.I)
LEADER_RE = re.compile(r"(\s*[.…·_]{2,}\s*|\s*(\.\s){2,}\s*)")
PAGE_AT_END_RE = re.compile(r"^(?P<title>.*?\S)[\s.…·_]*(?:\bSide\s+|\bs\.\s*)?(?<![\d,])(?P<page>\d{1,3})\s*$", re.I)
NUMBER_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")
LABELLED_RE = re.compile(r"^[A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){0,2}\s+\d{1,2}\s*[-–—:.]\s")
APPENDIX_RE = re.compile(r"^(bilag|appendiks|appendix|bilagsoversigt)\b", re.I)
MAX_WRAP_LINES = 3
MIN_LINK_ENTRIES = 3


@dataclass
class _Raw:
    text: str
    page: Optional[int]          # printed page of the entry
    x0: Optional[float] = None
    bold: bool = False
    source_page: Optional[int] = None
    line_start: Optional[int] = None
    line_end: Optional[int] = None


def extract_toc(doc: ParsedDocument) -> list[TocEntry]:
    """The printed TOC entries, in printed order; [] when the document prints none."""
    links = _entries_from_links(doc)
    if links:
        return _to_records(doc, links)
    heading = find_toc_heading(doc)
    if heading is None:
        return []
    raws = _entries_from_table(doc, heading) or _entries_from_lines(doc, heading)
    return _to_records(doc, raws)


def _entries_from_links(doc: ParsedDocument) -> list[_Raw]:
    """A web page's contents list of in-page links (flagged by the loader): no page numbers."""
    raws = [_Raw(text=ln.text, page=None, x0=ln.indent, source_page=ln.page, line_start=ln.line_no,
                 line_end=ln.line_no) for ln in doc.lines if LineFlag.TOC_ENTRY in ln.flags]
    return raws if len(raws) >= MIN_LINK_ENTRIES else []


def find_toc_heading(doc: ParsedDocument) -> Optional[Line]:
    content = doc.content_lines()
    limit = max(40, len(content) // 3)
    return next((ln for ln in content[:limit] if TOC_HEADING_RE.match(ln.text)), None)


def toc_line_span(doc: ParsedDocument, entries: list[TocEntry]) -> tuple[int, int] | None:
    """First and last line of the printed TOC (so the outline can skip it)."""
    heading = find_toc_heading(doc)
    if heading is None:
        return None
    last = max((e.line_end for e in entries if e.line_end is not None), default=heading.line_no)
    return heading.line_no, last


# ---------------------------------------------------------------- from a table (transcripts)
def _entries_from_table(doc: ParsedDocument, heading: Line) -> list[_Raw]:
    table = _table_after(doc, heading)
    if table is None:
        return []
    raws = []
    for row in table.rows:
        cells = [c.text.strip() for c in row.cells if c.text.strip()]
        if not cells:
            continue
        page_text = cells[-1].removeprefix("Side").strip() if len(cells) > 1 else ""
        if page_text.isdigit():
            raws.append(_Raw(text=" ".join(cells[:-1]), page=int(page_text), source_page=row.page,
                             line_start=heading.line_no, line_end=heading.line_no, x0=row.cells[0].indent))
        else:
            raws.extend(_entries_from_texts([" ".join(cells)], row.page, heading.line_no))
    return raws if len(raws) >= 2 else []


def _table_after(doc: ParsedDocument, heading: Line) -> Optional[Table]:
    following = [ln for ln in doc.lines[heading.line_no + 1:] if ln.is_content]
    next_line = following[0].line_no if following else len(doc.lines)
    return next((t for t in doc.tables if heading.line_no < t.anchor_line <= next_line), None)


def _entries_from_texts(texts: list[str], page: Optional[int], line_no: int) -> list[_Raw]:
    out = []
    for text in texts:
        m = PAGE_AT_END_RE.match(text)
        if m:
            out.append(_Raw(text=m.group("title"), page=int(m.group("page")), source_page=page,
                            line_start=line_no, line_end=line_no))
    return out


# ---------------------------------------------------------------- from lines (PDF, plain text)
def _entries_from_lines(doc: ParsedDocument, heading: Line) -> list[_Raw]:
    raws: list[_Raw] = []
    pending: list[Line] = []
    for ln in doc.lines[heading.line_no + 1:]:
        if not ln.is_content:
            continue
        if raws and _starts_body(ln, raws):
            break
        m = PAGE_AT_END_RE.match(ln.text)
        if m and (_has_leader_or_side(ln.text) or not pending or _is_short_number_tail(ln.text)):
            raws.append(_raw_from(pending + [ln], m))
            pending = []
            continue
        if len(pending) >= MAX_WRAP_LINES - 1 or len(ln.text) > 200:
            break
        pending.append(ln)
    return raws


def _has_leader_or_side(text: str) -> bool:
    return bool(LEADER_RE.search(text) or re.search(r"\bSide\s+\d+\s*$", text))


def _is_short_number_tail(text: str) -> bool:
    return bool(re.search(r"\s\d{1,3}\s*$", text))


def _starts_body(line: Line, raws: list[_Raw]) -> bool:
    """The body has begun when a line repeats the first entry's title as a heading."""
    first = norm_key(NUMBER_RE.sub(r"\g<title>", raws[0].text))
    text = norm_key(NUMBER_RE.sub(r"\g<title>", line.text))
    return bool(first) and text == first and not PAGE_AT_END_RE.match(line.text)


def _raw_from(lines: list[Line], m: re.Match) -> _Raw:
    head = " ".join(ln.text for ln in lines[:-1])
    title = f"{head} {m.group('title')}".strip() if head else m.group("title")
    first = lines[0]
    x0 = first.bbox[0] if first.bbox else first.indent
    return _Raw(text=title, page=int(m.group("page")), x0=x0,
                bold=first.bold, source_page=first.page, line_start=first.line_no,
                line_end=lines[-1].line_no)


# ---------------------------------------------------------------- records and levels
def _clean_title(text: str) -> str:
    text = LEADER_RE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .\t")
    return text


def _split_number(text: str) -> tuple[str, str]:
    m = NUMBER_RE.match(text) or CHAPTER_RE.match(text)
    if not m:
        return "", text
    return m.group("number"), m.group("title")


def _to_records(doc: ParsedDocument, raws: list[_Raw]) -> list[TocEntry]:
    parts = [_split_number(_clean_title(r.text)) for r in raws]
    levels = assign_levels(raws, parts, doc)
    return [TocEntry(doc_id=doc.doc_id, page=r.source_page, line_start=r.line_start,
                     line_end=r.line_end, extractor=EXTRACTOR, extractor_version=VERSION,
                     ord=i, level=level, number=number, title=title, printed_page=r.page)
            for i, (r, (number, title), level) in enumerate(zip(raws, parts, levels))]


def assign_levels(raws: list[_Raw], parts: list[tuple[str, str]], doc: ParsedDocument) -> list[int]:
    """Levels: a dotted number's depth; else indentation (an entry indented deeper than the
    entry above it is its child); else the run of numbers; an unnumbered entry with its own
    label and number ("Mål 2 – …") sits under the numbered entry above it; else 'after
    Bilag' → level 2."""
    indented = _uses_indentation(raws)
    levels: list[int] = []
    stack: list[tuple[float, int]] = []       # (indent, level) of the entries above
    top_no = sub_no = 0
    in_appendix = False
    last_numbered = 0
    for raw, (number, title) in zip(raws, parts):
        if "." in number:
            level = number.count(".") + 1
        elif indented:
            level = _level_by_indent(stack, raw.x0 or 0.0)
        elif number:
            level, top_no, sub_no = _numbered_level(int(number), top_no, sub_no, title, doc)
        elif last_numbered and LABELLED_RE.match(title) and not APPENDIX_RE.match(title):
            level = last_numbered + 1       # "Mål 2 – …" under "3. Ministerens mål for 2021"
        else:
            level = 2 if in_appendix and not APPENDIX_RE.match(title) else 1
        if number:
            last_numbered = level
        if indented:
            while stack and stack[-1][0] >= (raw.x0 or 0.0) - 2:
                stack.pop()
            stack.append((raw.x0 or 0.0, level))
        if level == 1:
            in_appendix = bool(APPENDIX_RE.match(title))
        levels.append(level)
    return levels


def _uses_indentation(raws: list[_Raw]) -> bool:
    xs = [r.x0 for r in raws if r.x0 is not None]
    return len(xs) == len(raws) and bool(xs) and max(xs) - min(xs) >= 3


def _level_by_indent(stack: list[tuple[float, int]], x0: float) -> int:
    above = [(x, lvl) for x, lvl in stack if x < x0 - 2]
    return above[-1][1] + 1 if above else 1


def _numbered_level(n: int, top_no: int, sub_no: int, title: str, doc: ParsedDocument):
    """Level of an entry numbered with one number, from the run of numbers so far:
    a restart at 1 opens sub-entries; a number continuing both runs is decided by how the
    body prints the heading ("4.1 Indledning" → sub), else it continues the sub-entries."""
    if top_no == 0:
        return 1, n, 0
    continues_sub = sub_no >= 1 and n == sub_no + 1
    if n == 1:
        return 2, top_no, 1
    if continues_sub and n == top_no + 1:
        evidence = _body_numbering(doc, title)
        if evidence == "top":
            return 1, n, 0
        return 2, top_no, n
    if continues_sub:
        return 2, top_no, n
    if n > top_no:
        return 1, n, 0
    return 2, top_no, n


def _body_numbering(doc: ParsedDocument, title: str) -> Optional[str]:
    """'sub' when the body prints this title with a two-level number ("4.1 Indledning"),
    'top' when it prints it alone or with one number, None when the title is not found."""
    sub = re.compile(r"(?:^|\s)\d{1,2}\.\d{1,2}\.?\s+" + re.escape(title[:40]), re.I)
    top = re.compile(r"(?<!\d\.\d\s)(?<!\d\.\d\d\s)" + re.escape(title[:40]), re.I)
    found = None
    for ln in doc.content_lines():
        if PAGE_AT_END_RE.match(ln.text):
            continue   # an entry of the contents list itself
        if sub.search(ln.text):
            return "sub"
        if top.search(ln.text):
            found = "top"
    return found

