"""Text boxes drawn as tables: a plan that presents each goal in a framed box — a shaded
title cell over cells such as "Indsatser" (a bullet list) and "Resultatmål" (a paragraph)
— uses a table for layout, not for data. Such a table is replaced by the lines it holds,
in reading order (row by row, cell by cell), so the outline, goal, action and target stages
read it as text: the title becomes a bold heading line, a cell's short first line becomes
a cue ("Resultatmål" → "Resultatmål:"), each paragraph or list item its own line.

A table is a box when it has at most four rows and three columns, no number cells, and
either a first row with one filled cell (the title) over cells of running text or lists,
or a single cell.
"""
from __future__ import annotations

import re

from extractors.danish import is_year, parse_cell_value
from models.document import Cell, Line, ParsedDocument, Table

MAX_BOX_ROWS = 4
MAX_BOX_COLS = 3
MIN_BOX_CHARS = 80
LABEL_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:\s+[\wæøåÆØÅ\-]+){0,2}$")


def unbox_text_tables(doc: ParsedDocument) -> None:
    """Replace every text-box table of `doc` by its lines (in place)."""
    boxes = [t for t in doc.tables if is_text_box(t)]
    for table in sorted(boxes, key=lambda t: (t.anchor_line, t.table_no), reverse=True):
        new = box_lines(table)
        doc.lines[table.anchor_line:table.anchor_line] = new
        for other in doc.tables:
            if other.anchor_line > table.anchor_line or (other.anchor_line == table.anchor_line
                                                        and other.table_no > table.table_no):
                other.anchor_line += len(new)
        doc.tables.remove(table)
    if boxes:
        doc.renumber()


def is_text_box(table: Table) -> bool:
    rows = [r for r in table.rows if any(c.text.strip() for c in r.cells)]
    cells = [c for r in rows for c in r.cells if c.text.strip()]
    if not rows or len(rows) > MAX_BOX_ROWS or table.n_cols > MAX_BOX_COLS or not cells:
        return False
    if any(_is_number(c.text) for c in cells) or sum(len(c.text) for c in cells) < MIN_BOX_CHARS:
        return False
    titled = sum(1 for c in rows[0].cells if c.text.strip()) == 1 and len(rows) >= 2 \
        and any(len(c.paragraphs) >= 2 or len(c.text) >= 100 for r in rows[1:] for c in r.cells)
    return titled or len(cells) == 1


def box_lines(table: Table) -> list[Line]:
    out: list[Line] = []
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            if not cell.text.strip() or cell.spanned:
                continue
            title = r == 0 and len(table.rows) > 1
            out += [_line(text, cell, table, bold=title) for text in _cell_lines(cell, title)]
    return out


def _cell_lines(cell: Cell, title: bool) -> list[str]:
    parts = [" ".join(p.split()) for p in (cell.paragraphs or [cell.text]) if p.strip()]
    if title:
        return [" ".join(parts)]
    if len(parts) >= 2 and LABEL_RE.match(parts[0]):
        parts[0] += ":"            # "Resultatmål" heading the cell's paragraphs is their cue
    return parts


def _line(text: str, cell: Cell, table: Table, bold: bool) -> Line:
    return Line(line_no=0, text=text, page=cell.page or table.page, bbox=cell.bbox, bold=bold, para_start=True)


def _is_number(text: str) -> bool:
    parsed = parse_cell_value(text)
    return parsed is not None and not is_year(parsed[0], text)
