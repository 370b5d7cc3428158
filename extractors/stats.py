"""Statistics tables: the numeric tables that are not target tables.

One `stat_tables` row per table (caption, page, flattened column labels) and one
`stat_values` row per numeric cell: the value as printed, the parsed value, its unit (from
the cell, else its column label, else the caption), the row label and its target group.
Tables of contents, goal tables ("Ministermål | Indsatsområder") and target tables are
left out.
"""
from __future__ import annotations

import re
from typing import Optional

from extractors.danish import parse_cell_value
from extractors.tables import NormTable, is_value_cell
from extractors.targets import target_table_roles
from models.catalogues import match_target_group
from models.document import ParsedDocument
from models.records import StatTable, StatValue

EXTRACTOR = "stats"
VERSION = "1"
MIN_NUMERIC_SHARE = 0.3
ANDEL = r"\bandel"
LABEL_UNITS = [(r"pct\.?\s*-?\s*point|procentpoint|%-point", "pct_points"), (r"\bpct\b|%|procent", "pct"), (ANDEL, "pct"),
               (r"\buger\b", "weeks"), (r"fuldtidspers|helårspers", "full_time_persons"),
               (r"mio\.?\s*kr", "dkk_million"), (r"\btimer\b", "hours")]


def extract_stats(doc: ParsedDocument, tables: list[NormTable]) -> tuple[list[StatTable], list[StatValue]]:
    stat_tables, values = [], []
    for table in tables:
        if not is_statistics_table(table):
            continue
        table_id = f"{doc.doc_id}-st{table.table_no}"
        cells = _values(doc.doc_id, table_id, table)
        if not cells:
            continue
        stat_tables.append(StatTable(
            doc_id=doc.doc_id, page=table.page, line_start=table.anchor_line, line_end=table.anchor_line,
            extractor=EXTRACTOR, extractor_version=VERSION, table_id=table_id, caption=table.caption,
            n_rows=len(table.rows), n_cols=table.n_cols, columns=table.columns))
        values += cells
    return stat_tables, values


def is_statistics_table(table: NormTable) -> bool:
    if target_table_roles(table) is not None or _is_contents(table) or not table.rows or table.n_cols < 2:
        return False
    cells = [c for row in table.rows for c in row.cells[1:] if c.text.strip()]
    numeric = sum(1 for c in cells if is_value_cell(c.text))
    return numeric > 0 and numeric >= MIN_NUMERIC_SHARE * len(cells)


def _is_contents(table: NormTable) -> bool:
    """A contents list held in a table: titles with non-decreasing small page numbers."""
    if table.n_cols != 2:
        return False
    pages = [r.cells[1].text.removeprefix("Side").strip() for r in [*table.header, *table.rows]]
    if not all(p.isdigit() and int(p) < 1000 for p in pages):
        return False
    numbers = [int(p) for p in pages]
    return numbers == sorted(numbers) and len(numbers) >= 3


def _values(doc_id: str, table_id: str, table: NormTable) -> list[StatValue]:
    out = []
    caption_unit = _label_unit(table.caption or "", caption=True)
    n_labels = label_column_count(table)
    for r, (row, label) in enumerate(zip(table.rows, row_labels(table, n_labels))):
        group = match_target_group(label, allow_generic=True) if label else None
        for c, cell in enumerate(row.cells[n_labels:], start=n_labels):
            parsed = parse_cell_value(cell.text) if is_value_cell(cell.text) else None
            if parsed is None:
                continue
            value, unit = parsed
            column = table.columns[c] if c < len(table.columns) else ""
            out.append(StatValue(
                doc_id=doc_id, page=cell.page or row.page, line_start=table.anchor_line,
                line_end=table.anchor_line, extractor=EXTRACTOR, extractor_version=VERSION,
                table_id=table_id, row_ord=r, col_ord=c, row_label=label, target_group=group,
                column_label=column, value_text=" ".join(cell.text.split()), value=value,
                unit=unit or _label_unit(column) or caption_unit))
    return out


def label_column_count(table: NormTable) -> int:
    """Leading columns that hold no numbers: the row labels ("Ydelse | Målgruppe | 2019 …")."""
    n = 1
    while n < table.n_cols - 1 and not any(
            n < len(row.cells) and is_value_cell(row.cells[n].text) for row in table.rows):
        n += 1
    return n


def row_labels(table: NormTable, n_labels: int) -> list[str]:
    """Each row's label; with a group column and a sub-group column the label is
    "Kontanthjælp / jobparate", the group carried down over its merged (empty) cells."""
    out, group = [], ""
    for row in table.rows:
        parts = [" ".join(c.text.split()) for c in row.cells[:n_labels]]
        if n_labels > 1 and parts[0]:
            group = parts[0]
        elif n_labels > 1 and any(parts[1:]):
            parts[0] = group       # a vertically merged group cell
        out.append(" / ".join(p for p in parts if p))
    return out


def _label_unit(label: str, caption: bool = False) -> Optional[str]:
    for pattern, unit in LABEL_UNITS:
        if caption and pattern == ANDEL:
            continue      # "andel" in a caption does not make every column a percentage
        if re.search(pattern, label, re.I):
            return unit
    return None
