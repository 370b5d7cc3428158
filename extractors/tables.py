"""Table normalisation: page joins, continuation rows, header rows, column labels, captions.

- A table split over a page break is joined with its continuation when nothing but running
  headers/footers stands between the parts and the column counts agree; a repeated header
  row on the next page is dropped. Every row keeps its own page.
- A row whose first cell is empty either finishes the row above (its cells carry on the
  sentences above: a row broken over a page) or belongs to the group above (a new
  requirement under the same goal); only the first kind is merged.
- Header rows are the leading rows before the first row holding a number; column labels
  join the header cells top to bottom with " / ", a spanning header cell repeated over the
  columns it spans.
- The caption is a "Tabel N …" line just before (or just after) the table, else a short
  title line right above it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.clean import join_hyphenated
from extractors.danish import is_year, parse_cell_value
from models.document import Cell, Line, ParsedDocument, Table, TableRow

CAPTION_RE = re.compile(r"^\s*(tabel|tab\.|table)\s*\d+", re.I)
MAX_HEADER_ROWS = 4


@dataclass
class NormTable:
    table_no: int
    rows: list[TableRow]              # data rows (header rows removed)
    header: list[TableRow]
    columns: list[str]
    caption: Optional[str]
    page: Optional[int]
    anchor_line: int
    parts: list[int] = field(default_factory=list)   # table_no of the joined parts
    source: str = "tsv"

    @property
    def n_cols(self) -> int:
        return len(self.columns)


def normalise_tables(doc: ParsedDocument) -> list[NormTable]:
    out = []
    for group in join_split_tables(doc):
        rows = _rows_of(group)
        rows = merge_continuation_rows(rows)
        header_count = count_header_rows(rows)
        header, data = rows[:header_count], rows[header_count:]
        first = group[0]
        out.append(NormTable(table_no=first.table_no, rows=data, header=header,
                             columns=column_labels(header, _width(rows), first.source),
                             caption=find_caption(doc, first, group[-1]), page=first.page,
                             anchor_line=first.anchor_line, parts=[t.table_no for t in group],
                             source=first.source))
    return out


# ---------------------------------------------------------------- page joins
def join_split_tables(doc: ParsedDocument) -> list[list[Table]]:
    groups: list[list[Table]] = []
    for table in doc.tables:
        if groups and _continues(doc, groups[-1][-1], table, groups[-1][0]):
            groups[-1].append(table)
        else:
            groups.append([table])
    return groups


def _continues(doc: ParsedDocument, prev: Table, table: Table, first: Table) -> bool:
    between = [ln for ln in doc.lines[prev.anchor_line:table.anchor_line] if ln.is_content]
    if between or prev.n_cols != table.n_cols:
        return False
    if doc.format == "pdf":
        return table.page == (prev.page or 0) + 1 or table.page == prev.page and _same_columns(prev, table)
    return True      # transcript: only blank lines between two blocks of the same width


def _same_columns(a: Table, b: Table) -> bool:
    if not a.bbox or not b.bbox:
        return False
    return abs(a.bbox[0] - b.bbox[0]) < 3 and abs(a.bbox[2] - b.bbox[2]) < 3


def _rows_of(group: list[Table]) -> list[TableRow]:
    rows = list(group[0].rows)
    first_texts = [_row_key(r) for r in rows[:MAX_HEADER_ROWS]]
    for part in group[1:]:
        part_rows = list(part.rows)
        while part_rows and _row_key(part_rows[0]) in first_texts:
            part_rows.pop(0)      # a header row repeated on the new page
        rows += part_rows
    return [_pad(r, _width(rows)) for r in rows]


def _row_key(row: TableRow) -> tuple[str, ...]:
    return tuple(" ".join(c.text.split()).casefold() for c in row.cells)


def _width(rows: list[TableRow]) -> int:
    return max((len(r.cells) for r in rows), default=0)


def _pad(row: TableRow, width: int) -> TableRow:
    if len(row.cells) < width:
        row = row.model_copy(update={"cells": row.cells + [Cell(text="", page=row.page)
                                                           for _ in range(width - len(row.cells))]})
    return row


# ---------------------------------------------------------------- continuation rows
def merge_continuation_rows(rows: list[TableRow]) -> list[TableRow]:
    out: list[TableRow] = []
    for row in rows:
        if out and _finishes_row_above(out[-1], row):
            out[-1] = _merge(out[-1], row)
        else:
            out.append(row)
    return out


def _finishes_row_above(above: TableRow, row: TableRow) -> bool:
    """Every filled cell carries on an unfinished sentence of the cell above it."""
    if row.cells[0].text.strip():
        return False
    filled = [(a, c) for a, c in zip(above.cells, row.cells) if c.text.strip()]
    if not filled:
        return False
    unfinished = all(a.text.strip() and not a.text.rstrip().endswith((".", ":", ";", "!", "?", "%"))
                     for a, _ in filled)
    return unfinished and any(c.text.strip()[:1].islower() for _, c in filled)


def _merge(above: TableRow, row: TableRow) -> TableRow:
    cells = []
    for a, c in zip(above.cells, row.cells):
        if not c.text.strip():
            cells.append(a)
            continue
        text = join_hyphenated(a.text, c.text)
        ours, theirs = a.paragraphs or [a.text], c.paragraphs or [c.text]
        paragraphs = ours[:-1] + [join_hyphenated(ours[-1], theirs[0])] + theirs[1:]
        pages = (a.paragraph_pages or [a.page] * len(ours)) + [c.page] * (len(theirs) - 1)
        cells.append(a.model_copy(update={"text": text, "paragraphs": paragraphs if len(paragraphs) > 1 else [],
                                          "paragraph_pages": pages if len(paragraphs) > 1 else []}))
    return above.model_copy(update={"cells": cells})


# ---------------------------------------------------------------- header rows and labels
def is_value_cell(text: str) -> bool:
    """A cell holding one number that is not a year ("2017" heads a column)."""
    parsed = parse_cell_value(text)
    return parsed is not None and not is_year(parsed[0], text)


def count_header_rows(rows: list[TableRow]) -> int:
    """The first row, unless it holds numbers, and the rows after it that continue the header:
    no number outside the first column, and an empty first cell (the second line of a
    two-level header) or a first cell naming the label column under an empty one
    ("" / "Fuldtidspersoner" above "Ydelse" / "2016")."""
    if len(rows) < 2 or _has_value(rows[0]):
        return 0
    count = 1
    for row in rows[1:MAX_HEADER_ROWS]:
        label_below_blank = (not rows[count - 1].cells[0].text.strip() and _all_headings(row)
                             and (_has_year(row) or _has_span(rows[count - 1])))
        if _has_value(row) or (row.cells[0].text.strip() and not label_below_blank):
            break
        count += 1
    return count


def _has_year(row: TableRow) -> bool:
    return any(parse_cell_value(c.text) and is_year(parse_cell_value(c.text)[0], c.text) for c in row.cells)


def _has_span(row: TableRow) -> bool:
    """A header cell repeated over the columns it spans (as the transcript loaders lay it out)."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    return len(texts) > len(set(texts))


def _all_headings(row: TableRow) -> bool:
    """Every cell a short heading or a year, none a number or a sentence."""
    cells = [c.text.strip() for c in row.cells if c.text.strip()]
    return len(cells) >= 2 and all(len(c.split()) <= 6 and not c.endswith(".") or c.endswith("pct.") for c in cells)


def _has_value(row: TableRow) -> bool:
    return any(is_value_cell(c.text) for c in row.cells[1:])


def column_labels(header: list[TableRow], width: int, source: str) -> list[str]:
    grid = [[c.text.strip() for c in row.cells] + [""] * (width - len(row.cells)) for row in header]
    for r, row in enumerate(grid):
        if r < len(grid) - 1 or source in ("ruled", "aligned"):
            _fill_spans(row, header[r] if source in ("ruled", "aligned") else None)
    labels = []
    for col in range(width):
        parts = [grid[r][col] for r in range(len(grid)) if grid[r][col]]
        deduped = [p for k, p in enumerate(parts) if k == 0 or p != parts[k - 1]]
        labels.append(" / ".join(deduped))
    return labels


def _fill_spans(row: list[str], ruled_row: Optional[TableRow]) -> None:
    """A header cell spanning several columns leaves the next cells empty: repeat its text
    there (in a ruled PDF table only over cells that were merged, not over empty cells)."""
    for i in range(1, len(row)):
        if row[i] or not row[i - 1] or i == 0:
            continue
        if ruled_row is not None and not getattr(ruled_row.cells[i], "spanned", False):
            continue
        row[i] = row[i - 1]


# ---------------------------------------------------------------- captions
def find_caption(doc: ParsedDocument, first: Table, last: Table) -> Optional[str]:
    before = _content_before(doc, first.anchor_line, 4)
    for k in reversed(range(len(before))):           # the caption nearest the table
        ln = before[k]
        if CAPTION_RE.match(ln.text):
            text = ln.text.strip()
            for nxt in before[k + 1:]:      # the title on the next line(s) ("Tabel 1:" / "Udviklingen …")
                if nxt.para_start and len(text) >= 20:
                    break
                text = join_hyphenated(text, nxt.text.strip())
            return " ".join(text.split())
    after = _content_after(doc, last.anchor_line, 2)
    for ln in after:
        if CAPTION_RE.match(ln.text):
            return " ".join(ln.text.split())
    if before and _title_like(before[-1]):
        return before[-1].text.strip()
    return None


def _content_before(doc: ParsedDocument, anchor: int, n: int) -> list[Line]:
    out = []
    for ln in reversed(doc.lines[:anchor]):
        if ln.is_content:
            out.append(ln)
            if len(out) == n:
                break
    return list(reversed(out))


def _content_after(doc: ParsedDocument, anchor: int, n: int) -> list[Line]:
    return [ln for ln in doc.lines[anchor:anchor + 6] if ln.is_content][:n]


def _title_like(line: Line) -> bool:
    text = line.text.strip()
    return 8 < len(text) <= 180 and not text.endswith((":", ",")) and text[:1].isupper() \
        and text.count(". ") <= 1 and len(text.split()) <= 30
