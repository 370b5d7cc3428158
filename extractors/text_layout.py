"""Tables in plain text laid out with runs of spaces (the output of `pdftotext -layout`, or a
Word document saved as text), turned into tab-separated rows so the transcript loader reads
them like any other table.

A table is a run of at least two data lines: lines split at runs of two or more spaces into
a label and at least two number cells, and few other cells (justified prose also has double
spaces, but then nearly every word is a cell). Up to three header lines directly above the
run (no blank line between) are kept as header rows; a header cell over several number
columns ("Fuldtidspersoner (årsgennemsnit)" over 2016, 2017, 2018) is repeated in each, so
the header flattens to "Fuldtidspersoner (årsgennemsnit) / 2016". A line holding only text
in the label column continues the label above ("Integrationsydelse (flygtninge og" /
"familiesammenførte)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractors.danish import is_year, parse_cell_value

GAP_RE = re.compile(r"\S+(?: \S+)*")        # cells: text separated by two or more spaces
LEADER_RE = re.compile(r"\.{4,}|(?:\. ){3,}|…{2,}|_{4,}")
MAX_HEADER_LINES = 3
MAX_HEADER_WORDS = 8                        # a header cell longer than this is a sentence
MAX_TEXT_CELLS = 2                          # a data line: label (+ one note) and numbers


@dataclass
class _Cell:
    start: int
    end: int
    text: str

    @property
    def is_value(self) -> bool:
        parsed = parse_cell_value(self.text)
        return parsed is not None and not is_year(parsed[0], self.text)


def tabify_layout_tables(lines: list[str]) -> list[str]:
    """The lines with every space-aligned table rewritten as tab-separated rows."""
    if any("\t" in ln or ln.lstrip().startswith("|") for ln in lines):
        return lines                        # the transcript marks its tables itself
    out = list(lines)
    i = len(lines)
    for start, end in reversed(_data_runs(lines)):
        if end > i:
            continue
        head = _header_start(lines, start)
        out[head:end] = _tab_rows(lines[head:start], lines[start:end])
        i = head
    return out


def _cells(line: str) -> list[_Cell]:
    return [_Cell(m.start(), m.end(), m.group(0)) for m in GAP_RE.finditer(line)]


def _is_data_line(line: str) -> bool:
    if LEADER_RE.search(line):
        return False                        # a contents entry: "3   Arbejdsmarkedet ......   4"
    cells = _cells(line)
    values = sum(c.is_value for c in cells)
    return values >= 2 and len(cells) - values <= MAX_TEXT_CELLS and cells[-1].is_value


def _data_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of runs of data lines, with label continuation lines inside them."""
    runs, i = [], 0
    while i < len(lines):
        if not _is_data_line(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (_is_data_line(lines[j]) or _continues_label(lines[i], lines[j])):
            j += 1
        while j > i and not _is_data_line(lines[j - 1]):
            j -= 1                              # a trailing text line is prose, not a label part
        if sum(_is_data_line(ln) for ln in lines[i:j]) >= 2:
            runs.append((i, j))
        i = j
    return runs


def _continues_label(first_data: str, line: str) -> bool:
    cells = _cells(line)
    label_end = _cells(first_data)[0].end + 2
    return len(cells) == 1 and not cells[0].is_value and cells[0].start <= label_end and cells[0].end <= label_end + 20


def _header_start(lines: list[str], start: int) -> int:
    """Header lines directly above the data (no blank line between): short, not sentences."""
    head = start
    while head > 0 and start - head < MAX_HEADER_LINES:
        cells = _cells(lines[head - 1])
        text = " ".join(c.text for c in cells)
        if not cells or len(text) > 120 or text.endswith(":") or any(c.is_value for c in cells) \
                or any(len(c.text.split()) > MAX_HEADER_WORDS for c in cells):
            break
        head -= 1
    return head


def _columns(data: list[list[_Cell]]) -> list[tuple[int, int]]:
    """(start, end) of each column: the cells of the data lines grouped where their spans
    overlap (numbers share their right edge, text its left edge)."""
    spans: list[list[int]] = []
    for cells in data:
        for c in cells:
            hit = next((s for s in spans if c.start <= s[1] and c.end >= s[0]), None)
            if hit is None:
                spans.append([c.start, c.end])
            else:
                hit[0], hit[1] = min(hit[0], c.start), max(hit[1], c.end)
    return _merge_overlapping(sorted((a, b) for a, b in spans))


def _merge_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _tab_rows(header: list[str], body: list[str]) -> list[str]:
    data = [_cells(ln) for ln in body]
    columns = _columns([cells for cells, ln in zip(data, body) if _is_data_line(ln)])
    rows: list[list[str]] = [_header_row(_cells(ln), columns) for ln in header]
    for cells, line in zip(data, body):
        if not _is_data_line(line) and len(rows) > len(header):
            rows[-1][0] = f"{rows[-1][0]} {cells[0].text}".strip()     # the label wraps
            continue
        rows.append(_data_row(cells, columns))
    return ["\t".join(r) for r in rows] + [""] * (len(header) + len(body) - len(rows))


def _data_row(cells: list[_Cell], columns: list[tuple[int, int]]) -> list[str]:
    row = [""] * len(columns)
    for c in cells:
        k = _overlapping(c, columns)
        row[k] = f"{row[k]} {c.text}".strip()
    return row


def _header_row(cells: list[_Cell], columns: list[tuple[int, int]]) -> list[str]:
    """Header cells over the columns they cover: a wide cell over several columns is
    repeated in each it reaches over most of ("Fuldtidspersoner" over 2016, 2017, 2018);
    any other cell goes to the column it overlaps most, else the one ending nearest."""
    row = [""] * len(columns)
    for c in cells:
        covered = [k for k, (a, b) in enumerate(columns) if min(c.end, b) - max(c.start, a) >= 0.6 * (b - a)]
        for k in covered if len(covered) > 1 else [_overlapping(c, columns)]:
            row[k] = f"{row[k]} {c.text}".strip()
    return row


def _overlapping(c: _Cell, columns: list[tuple[int, int]]) -> int:
    overlap = [min(c.end, b) - max(c.start, a) for a, b in columns]
    best = max(range(len(columns)), key=lambda k: overlap[k])
    if overlap[best] > 0:
        return best
    return min(range(len(columns)), key=lambda k: abs(columns[k][1] - c.end))


# ---------------------------------------------------------------- one cell per line
MIN_CELL_ROWS = 3
DASH_CELLS = {"-", "–", "—", "..", "*"}


def tabify_cell_lines(lines: list[str], skip: Optional[re.Pattern] = None) -> list[str]:
    """A table copied from a PDF viewer with one cell per line ("A-dagpenge", "8.214",
    "7.905", "-12,4 %", "Kontanthjælp", …): rows of a label (one line, or two when the
    second goes on in lower case) and the same number of value lines, at least three rows,
    under as many short header lines. Lines matching `skip` (page footers) stay where they
    are. The rows become tab-separated lines; the number of lines is kept."""
    out = list(lines)
    i = 0
    while i < len(lines):
        rows, end = _cell_rows(lines, i, skip)
        width = len(rows[0][1]) + 1 if rows else 0
        head = _cell_header(lines, i, width)
        if len(rows) < MIN_CELL_ROWS or head is None:
            i += 1
            continue
        _write_cell_rows(out, head, i, end, rows, skip)
        i = end
    return out


def _cell_rows(lines: list[str], i: int, skip) -> tuple[list[tuple[list[int], list[int]]], int]:
    """(label line indexes, value line indexes) per row from line i; and the end index."""
    rows: list[tuple[list[int], list[int]]] = []
    j = i
    while j < len(lines):
        while j < len(lines) and skip is not None and skip.match(lines[j]):
            j += 1
        label = [j] if j < len(lines) and _is_label_line(lines[j]) else []
        if label and j + 1 < len(lines) and _is_label_line(lines[j + 1]) and lines[j + 1].strip()[:1].islower():
            label.append(j + 1)
        k = label[-1] + 1 if label else j
        values = []
        while k < len(lines) and _is_value_line(lines[k]):
            values.append(k)
            k += 1
        if not label or len(values) < 2 or (rows and len(values) != len(rows[0][1])):
            break
        rows.append((label, values))
        j = k
    return rows, (rows[-1][1][-1] + 1 if rows else i)


def _is_value_line(line: str) -> bool:
    text = line.strip()
    if text in DASH_CELLS:
        return True
    parsed = parse_cell_value(text)
    return parsed is not None and not is_year(parsed[0], text)


def _is_label_line(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= 60 and not _is_value_line(text) and not text.endswith(":") \
        and not (text.endswith(".") and len(text.split()) > 4)      # "Kontanthjælp (inkl." is a label


def _cell_header(lines: list[str], i: int, width: int) -> Optional[list[str]]:
    """The `width` short lines right above the first row, when there are that many."""
    if width < 3 or i < width:
        return None
    head = [lines[k].strip() for k in range(i - width, i)]
    if all(0 < len(h) <= 40 and not h.endswith((".", ":")) for h in head):
        return head
    return None


def _write_cell_rows(out: list[str], head: list[str], i: int, end: int, rows, skip) -> None:
    width = len(head)
    start = i - width
    new: dict[int, str] = {start: "\t".join(head)}
    for label, values in rows:
        text = " ".join(out[k].strip() for k in label)
        new[label[0]] = "\t".join([text] + [out[k].strip() for k in values])
    for k in range(start, end):
        if k in new:
            out[k] = new[k]
        elif skip is None or not skip.match(out[k]):
            out[k] = ""
