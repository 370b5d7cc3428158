"""Tables without ruling lines, found from text that lines up in columns.

`lines_to_aligned_tables` runs over the physical lines of one reading-order band:
1. a seed is two or more consecutive lines split into cells by wide gaps;
2. the table's columns are the x-intervals its words cover, taken from the data lines (lines
   holding numbers) when there are some, so a header cell spanning several columns does
   not merge them; the white rivers between intervals separate the columns;
3. the region grows downwards over close lines whose words stay inside the columns (wrapped
   cells), and upwards over close header lines;
4. lines become rows: where rows are spaced wider than the lines inside a cell, the narrow
   gap marks a wrapped cell line; a cell line starting with a list marker starts a new
   paragraph of that cell; a header cell spanning columns marks the others `spanned`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from models.document import Cell, Table, TableRow

if TYPE_CHECKING:
    from extractors.load_pdf import RawLine, Word

SEGMENT_GAP_EM = 1.2        # a gap wider than this many font sizes splits a line into cells
MAX_HEADER_LINES = 4        # header lines above a table's first multi-cell row
MIN_RIVER = 6.0             # points of white space that separate two columns
NOTE_RE = re.compile(r"^\s*(kilde|anm\.?|note|noter|fodnote)\s*:", re.I)
BULLETS = {"•", "▪", "■", "●", "◦", "○", "–", "-", "*", "+", "o", "", "", "➢", "►", "✓"}


def lines_to_aligned_tables(lines: list["RawLine"], number: int) -> tuple[list["RawLine"], list[Table]]:
    """(lines outside tables, tables found) for one band of lines."""
    for ln in lines:
        ln.segments = segment_line(ln)
    kept: list["RawLine"] = []
    tables: list[Table] = []
    i = floor = 0
    while i < len(lines):
        found = _region_at(lines, i, number, floor)
        if found is None:
            kept.append(lines[i])
            i += 1
            continue
        start, end, table = found
        del kept[len(kept) - (i - start):]          # header lines taken back from `kept`
        tables.append(table)
        i = floor = end
    return kept, tables


def segment_line(line: "RawLine") -> list[list["Word"]]:
    """Split a line where the gap between words is wider than SEGMENT_GAP_EM font sizes.
    A lone bullet or list number does not count as a cell of its own."""
    segs: list[list["Word"]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        gap = w.x0 - prev.x1
        lone_marker = len(segs) == 1 and _is_marker(segs[0])
        if gap > SEGMENT_GAP_EM * max(prev.size, w.size, 6.0) and not lone_marker:
            segs.append([w])
        else:
            segs[-1].append(w)
    return segs


def _is_marker(seg: list["Word"]) -> bool:
    text = " ".join(w.text for w in seg)
    return text in BULLETS or bool(re.fullmatch(r"\(?\d{1,2}[.)]|[a-z][.)]", text))


# ---------------------------------------------------------------- regions
def _region_at(lines: list["RawLine"], i: int, number: int, floor: int = 0):
    """The table whose rows start at lines[i]: the seed of multi-cell lines, grown down over
    lines that fit its columns and up over header lines — never above `floor`, the end of
    the table before it, and never more than MAX_HEADER_LINES."""
    seed_end = _seed_end(lines, i)
    if seed_end - i < 2 or looks_like_toc(lines[i:seed_end]):
        return None
    columns = column_intervals(lines[i:seed_end])
    if len(columns) < 2:
        return None
    limit = _row_gap_limit(lines[i:seed_end])
    end = seed_end
    while end < len(lines) and _fits(lines[end], columns) and _gap(lines[end - 1], lines[end]) <= limit \
            and not NOTE_RE.match(lines[end].text):
        end += 1
    start = i
    while start > max(floor, i - MAX_HEADER_LINES) and _gap(lines[start - 1], lines[start]) <= limit \
            and _header_like(lines[start - 1], columns):
        start -= 1
    region = lines[start:end]
    columns = column_intervals(region)
    if len(columns) < 2 or not _is_tabular(region, columns):
        return None
    rows = lines_to_rows(region, columns, number)
    if len(rows) < 2:
        return None
    bbox = (min(ln.x0 for ln in region), region[0].top, max(ln.x1 for ln in region), region[-1].bottom)
    return start, end, Table(table_no=0, rows=rows, page=number, bbox=bbox, ruled=False, source="aligned")


def _seed_end(lines: list["RawLine"], i: int) -> int:
    end = i
    while end < len(lines) and len(lines[end].segments) >= 2 and \
            (end == i or _gap(lines[end - 1], lines[end]) < 1.6 * lines[end].size):
        end += 1
    return end


def _gap(a: "RawLine", b: "RawLine") -> float:
    return b.top - a.bottom


def _row_gap_limit(seed: list["RawLine"]) -> float:
    """How far below the table a line may be and still belong to it: rows are padded more
    than the lines inside a cell, so the seed's widest gap, with room to spare."""
    gaps = [_gap(a, b) for a, b in zip(seed, seed[1:])]
    return max(1.6 * max(gaps), 1.2 * seed[-1].size)


def column_intervals(region: list["RawLine"]) -> list[tuple[float, float]]:
    """x-intervals covered by the words of the data lines (or of every multi-cell line)."""
    multi = [ln for ln in region if len(ln.segments) >= 2]
    data = [ln for ln in multi if _numeric_share(ln) >= 0.5]
    source = data if len(data) >= 2 else multi
    spans = sorted((w.x0, w.x1) for ln in source for w in ln.words)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + MIN_RIVER:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _numeric_share(line: "RawLine") -> float:
    cells = line.segments[1:]
    return sum(1 for seg in cells if _numeric(" ".join(w.text for w in seg))) / len(cells) if cells else 0.0


def _numeric(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits > 0 and digits >= 0.5 * sum(ch.isalnum() for ch in text)


def _fits(line: "RawLine", columns) -> bool:
    """No word of the line bridges two columns (a wrapped cell line may stick out of the
    part of its column seen so far, but prose runs across the rivers)."""
    hits = [sum(1 for a, b in columns if w.x0 < b - 1 and w.x1 > a + 1) for w in line.words]
    return all(h <= 1 for h in hits) and any(hits)


def _header_like(line: "RawLine", columns) -> bool:
    """A line above the table that spans the table's columns with short labels."""
    left, right = columns[0][0] - 3, columns[-1][1] + 3
    inside = all(left <= w.x0 and w.x1 <= right for w in line.words)
    return inside and len(line.segments) >= 2 and _numeric_share(line) < 0.5


def _is_tabular(region: list["RawLine"], columns) -> bool:
    multi = [ln for ln in region if len(ln.segments) >= 2]
    if len(multi) < 2:
        return False
    cells = sum(len(ln.segments) - 1 for ln in multi)
    numeric = sum(1 for ln in multi for seg in ln.segments[1:] if _numeric(" ".join(w.text for w in seg)))
    return numeric >= 0.3 * cells or len(columns) >= 3


def looks_like_toc(run: list["RawLine"]) -> bool:
    """A contents list set with tabs: text on the left, non-decreasing page numbers on the right."""
    pages = []
    for ln in (x for x in run if len(x.segments) >= 2):    # wrapped title lines have no page
        last = " ".join(w.text for w in ln.segments[-1]).strip(". ")
        last = last.removeprefix("Side ").strip()
        if not last.isdigit():
            return False
        pages.append(int(last))
    return len(pages) >= 2 and pages == sorted(pages)


# ---------------------------------------------------------------- rows
def lines_to_rows(region: list["RawLine"], columns, number: int) -> list[TableRow]:
    wrap_gap = _wrapped_line_gap(region)
    rows: list[list[list[str]]] = []           # row → column → paragraphs
    spans: list[set[int]] = []
    prev: Optional["RawLine"] = None
    for ln in region:
        texts, spanned = _line_cells(ln, columns)
        wrapped = prev is not None and (wrap_gap is not None and _gap(prev, ln) <= wrap_gap
                                        or wrap_gap is None and _continues_row(prev, ln, texts))
        if rows and wrapped:
            _merge_line(rows[-1], texts)
            spans[-1] |= spanned
        else:
            rows.append([[t] if t else [] for t in texts])
            spans.append(spanned)
        prev = ln
    return [_to_row(r, s, number) for r, s in zip(rows, spans)]


def _line_cells(line: "RawLine", columns) -> tuple[list[str], set[int]]:
    """Cell texts of one line; a segment over several columns goes to the first, the others spanned."""
    texts = [""] * len(columns)
    spanned: set[int] = set()
    for seg in line.segments:
        x0, x1 = seg[0].x0, seg[-1].x1
        hit = [k for k, (a, b) in enumerate(columns) if x0 < b + 2 and x1 > a - 2] or [_nearest(columns, x0, x1)]
        texts[hit[0]] = (texts[hit[0]] + " " + " ".join(w.text for w in seg)).strip()
        spanned |= set(hit[1:])
    return texts, spanned


def _nearest(columns, x0: float, x1: float) -> int:
    mid = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - mid))


def _wrapped_line_gap(region: list["RawLine"]) -> Optional[float]:
    """When rows are spaced wider than the lines inside a cell, the narrower gap marks a
    wrapped cell line; None when all gaps are alike."""
    gaps = [_gap(a, b) for a, b in zip(region, region[1:])]
    if len(gaps) < 2:
        return None
    return min(gaps) + 0.6 if max(gaps) - min(gaps) > 1.0 else None


def _continues_row(prev: "RawLine", line: "RawLine", texts: list[str]) -> bool:
    """A line close below the row above, with an empty first cell and no numbers: a wrap."""
    close = _gap(prev, line) < 0.6 * line.size
    filled = [t for t in texts if t]
    return close and not texts[0] and bool(filled) and not any(_numeric(t) for t in filled)


def _merge_line(row: list[list[str]], texts: list[str]) -> None:
    from extractors.clean import join_hyphenated
    from extractors.lists import split_marker
    for paragraphs, text in zip(row, texts):
        if not text:
            continue
        if paragraphs and split_marker(text)[0] is None:
            paragraphs[-1] = join_hyphenated(paragraphs[-1], text)
        else:
            paragraphs.append(text)


def _to_row(cells: list[list[str]], spanned: set[int], number: int) -> TableRow:
    out = []
    for k, paragraphs in enumerate(cells):
        out.append(Cell(text=" ".join(paragraphs), page=number,
                        paragraphs=paragraphs if len(paragraphs) > 1 else [],
                        spanned=k in spanned and not paragraphs))
    return TableRow(cells=out, page=number)
