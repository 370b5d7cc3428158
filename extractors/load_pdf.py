"""PDF → ParsedDocument with pdfplumber.

Each page is parsed once, as a stream (its cache is released when done):
`page_to_words` → `find_ruled_tables` → `words_to_rows` → `rows_to_bands` (two-column
pages are read column by column) → `band_to_lines` → `lines_to_aligned_tables`
(tables without ruling lines). Running headers/footers, page numbers and hyphenation are
handled document-wide in `extractors.clean`.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import Errors, LoadError
from extractors.pdf_aligned import lines_to_aligned_tables
from extractors.wording import fix_ligatures, unmapped_share
from models.document import Cell, Line, Page, ParsedDocument, Table, TableRow

DEFAULT_WORD_SETTINGS = {"x_tolerance": 2, "y_tolerance": 3, "keep_blank_chars": False,
                         "extra_attrs": ["size", "fontname"]}
DEFAULT_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                          "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
MIN_EDGES_FOR_TABLES = 4
MAX_UNMAPPED_SHARE = 0.3   # of a page's words printed as "(cid:NN)"
TOUCHING_GAP = 2.0          # points between two pieces of one word (as x_tolerance)
GUTTER_SEARCH = (0.25, 0.75)
MIN_GUTTER_WIDTH = 6.0
MIN_COLUMN_ROWS = 5


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass
class RawLine:
    words: list[Word]
    column: int = 0
    segments: list[list[Word]] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class PageContent:
    """What one page yields: its lines in reading order and its tables (anchored by line index)."""
    page: Page
    lines: list[RawLine]
    tables: list[tuple[int, Table]]  # (index in `lines` the table sits before, table)
    error: Optional[str] = None


def load_pdf(path: Path, doc_id: str, source_path: str, ocr: bool = True) -> ParsedDocument:
    """Read a PDF; a PDF without a text layer is OCR'd first when ocrmypdf is installed."""
    doc = ParsedDocument(doc_id=doc_id, source_path=source_path, file_name=path.name, format="pdf")
    for content in iter_pdf_pages(path):
        if content.page.has_text is None:
            doc.unreadable_pages.append(content.page.number)
            doc.warnings.append(f"page {content.page.number} could not be read ({content.error})")
            content.page.has_text = False
        _append_page(doc, content)
    if doc.pages and not any(p.has_text for p in doc.pages):
        if ocr:
            from extractors.ocr import ocr_copy
            with ocr_copy(path) as ocred:
                if ocred is not None:
                    doc = load_pdf(ocred, doc_id, source_path, ocr=False)
                    doc.file_name, doc.ocr = path.name, True
                    doc.warnings.append("no text layer: the text was made by OCR (ocrmypdf)")
                    return doc
        from extractors.ocr import ocr_hint
        raise LoadError(Errors.E004.format(ocr_hint=ocr_hint()))
    return doc


def iter_pdf_pages(path: Path) -> Iterator[PageContent]:
    """Yield each page's content; the page's parsed objects are released after use. A page
    that cannot be parsed (a truncated file) yields an empty page marked unreadable."""
    with _open_pdf(path) as pdf:
        for number, page in enumerate(_pages(pdf), start=1):
            try:
                yield read_page(page)
            except Exception as exc:  # one broken page must not lose the document
                yield PageContent(page=Page(number=number, has_text=None), lines=[], tables=[],
                                  error=_short(exc))
            finally:
                page.close()


def _pages(pdf):
    try:
        yield from pdf.pages
    except Exception:
        return


def _open_pdf(path: Path):
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # force the page tree to be read
        return pdf
    except PDFPasswordIncorrect:
        raise LoadError(Errors.E002) from None
    except PdfminerException as exc:
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect):
            raise LoadError(Errors.E002) from None
        raise LoadError(Errors.E003.format(detail=_short(exc))) from None
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError, AssertionError) as exc:
        raise LoadError(Errors.E003.format(detail=_short(exc))) from None


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


def read_page(page) -> PageContent:
    number = page.page_number
    words = page_to_words(page)
    info = Page(number=number, width=float(page.width), height=float(page.height),
                has_text=bool(words))
    ruled = find_ruled_tables(page, number, words)
    words = [w for w in words if not any(_inside(w, t.bbox) for t in ruled)]
    rows = words_to_rows(words)
    bands, columns = rows_to_bands(rows, float(page.width), float(page.height))
    info.columns = columns
    lines: list[RawLine] = []
    tables: list[tuple[int, Table]] = []
    for band in bands:
        band_lines = [ln for row in band for ln in row]
        kept, aligned = lines_to_aligned_tables(band_lines, number)
        for table in aligned:
            tables.append((len(lines) + _count_before(kept, table), table))
        lines.extend(kept)
    for table in ruled:
        tables.append((_index_for_table(lines, table.bbox), table))
    tables.sort(key=lambda it: (it[0], it[1].bbox[1] if it[1].bbox else 0))
    return PageContent(page=info, lines=lines, tables=tables)


def page_to_words(page) -> list[Word]:
    raw = page.extract_words(**DEFAULT_WORD_SETTINGS)
    if unmapped_share([w["text"] for w in raw]) > MAX_UNMAPPED_SHARE:
        return []        # glyphs without Unicode: no usable text layer (OCR may read the page)
    return drop_footnote_marks(merge_touching([Word(text=fix_ligatures(w["text"]), x0=float(w["x0"]), x1=float(w["x1"]), top=float(w["top"]),
                                bottom=float(w["bottom"]), size=round(float(w.get("size") or 0), 1),
                                bold=_is_bold(w.get("fontname") or ""))
                           for w in raw if w["text"].strip()]))


FOOTNOTE_MARK_RE = re.compile(r"^(?:\d{1,2}|[*†])$")


def drop_footnote_marks(words: list[Word]) -> list[Word]:
    """Remove footnote references: a small raised number right after a word ("42 %.²"),
    so it is not read as a value. The footnote text itself keeps its full-size number."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and FOOTNOTE_MARK_RE.match(w.text) and w.size <= 0.8 * prev.size \
                and w.bottom < prev.bottom - 1.5 and 0 <= w.x0 - prev.x1 <= 3 and w.top >= prev.top - prev.size:
            continue
        out.append(w)
    return out


def merge_touching(words: list[Word]) -> list[Word]:
    """Join pieces of one word that the size split apart: small caps print the first letter
    larger ("F" + "ORORD"). Pieces touch and share a baseline; a raised footnote number
    does not share it and stays apart."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and 0 <= w.x0 - prev.x1 <= TOUCHING_GAP and abs(w.bottom - prev.bottom) <= 1.0 \
                and w.size != prev.size:
            out[-1] = Word(text=prev.text + w.text, x0=prev.x0, x1=w.x1, top=min(prev.top, w.top),
                           bottom=max(prev.bottom, w.bottom), size=max(prev.size, w.size), bold=prev.bold or w.bold)
        else:
            out.append(w)
    return out


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(k in name for k in ("bold", "black", "heavy", "semibold", "demi"))


# ---------------------------------------------------------------- ruled tables
def find_ruled_tables(page, number: int, words: list[Word]) -> list[Table]:
    if len(page.lines) + len(page.rects) < MIN_EDGES_FOR_TABLES // 2:
        return []
    if len(page.edges) < MIN_EDGES_FOR_TABLES:
        return []
    found = page.find_tables(table_settings=DEFAULT_TABLE_SETTINGS)
    tables = [_ruled_to_table(t, number, words) for t in found]
    return [t for t in tables if t is not None]


def _ruled_to_table(found, number: int, words: list[Word]) -> Optional[Table]:
    rows: list[TableRow] = []
    for row_obj in found.rows:
        cells = [_ruled_cell(bb, number, words) for bb in row_obj.cells]
        if any(c.text for c in cells):
            rows.append(TableRow(cells=cells, page=number))
    if len(rows) < 2 or max(len(r.cells) for r in rows) < 2:
        return None
    return Table(table_no=0, rows=rows, page=number, bbox=tuple(found.bbox), ruled=True,
                 source="ruled")


def _ruled_cell(bbox, number: int, words: list[Word]) -> Cell:
    """A cell's text from the words inside it; paragraphs split where the line gap widens or
    a line starts with a list marker. A merged-away cell (no bbox) is marked `spanned`."""
    if bbox is None:
        return Cell(text="", page=number, spanned=True)
    inside = [w for w in words if _inside(w, bbox)]
    paragraphs = _cell_paragraphs(words_to_rows(inside))
    return Cell(text=" ".join(paragraphs), page=number, bbox=tuple(bbox),
                paragraphs=paragraphs if len(paragraphs) > 1 else [],
                bold=bool(inside) and all(w.bold for w in inside))


def _cell_paragraphs(rows: list[list[Word]]) -> list[str]:
    """Lines of a cell joined into paragraphs: a new paragraph starts at a list marker or where
    the gap between lines is clearly wider than the cell's line spacing."""
    from extractors.lists import split_marker
    gaps = [b[0].top - max(w.bottom for w in a) for a, b in zip(rows, rows[1:])]
    size = max((w.size for row in rows for w in row), default=10.0) or 10.0
    narrow = min(gaps, default=0.0)
    parts: list[str] = []
    for k, row in enumerate(rows):
        text = " ".join(w.text for w in row)
        gap = gaps[k - 1] if k else None
        wide = gap is not None and (gap > narrow + 1.0 or gap > 0.5 * size)
        if k == 0 or wide or split_marker(text)[0] is not None:
            parts.append(text)
        else:
            parts[-1] = _join_wrapped([parts[-1], text])
    return [" ".join(p.split()) for p in parts]


def _join_wrapped(lines: list[str]) -> str:
    from extractors.clean import join_hyphenated
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        out = join_hyphenated(out, ln) if out else ln
    return out


def _inside(word: Word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1


def _index_for_table(lines: list[RawLine], bbox) -> int:
    """Where a table sits in reading order: before the first line below its top in its own
    column (a table inside the right column of a two-column page follows that column's
    text, not the left column's), else after the last line of that column above it."""
    column = _column_of(lines, bbox)
    same = (0, column) if column else (0, 1)
    below = [i for i, ln in enumerate(lines) if ln.column in same and ln.top >= bbox[1]]
    if below:
        return below[0]
    if not column:
        return len(lines)        # a full-width table at the foot of the page
    above = [i for i, ln in enumerate(lines) if ln.column in same and ln.top < bbox[1]]
    return above[-1] + 1 if above else len(lines)


def _column_of(lines: list[RawLine], bbox) -> int:
    """2 for a table inside the right column, 1 inside the left column, 0 across both."""
    right = [ln.x0 for ln in lines if ln.column == 2]
    left = [ln.x1 for ln in lines if ln.column == 1]
    if not (left and right):
        return 0
    if bbox[0] >= max(left):
        return 2
    return 1 if bbox[2] <= min(right) else 0


def _count_before(kept: list[RawLine], table: Table) -> int:
    return sum(1 for ln in kept if ln.top < table.bbox[1])


# ---------------------------------------------------------------- rows, columns, lines
def words_to_rows(words: list[Word]) -> list[list[Word]]:
    """Group words into physical rows by vertical position; each row sorted left to right.
    A word joins a row when it overlaps the row's first word vertically (no chaining)."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if rows and _same_row(rows[-1][0], w):
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w.x0)
    return rows


def _same_row(ref: Word, w: Word) -> bool:
    overlap = min(ref.bottom, w.bottom) - max(ref.top, w.top)
    return overlap > 0.5 * min(ref.bottom - ref.top, w.bottom - w.top)


def rows_to_bands(rows: list[list[Word]], width: float, height: float):
    """Split the page into bands in reading order. On a two-column page, the words between
    two full-width rows are split at the gutter and each column is read top to bottom, left
    column first; a row with a word across the gutter stays a full-width band.
    Returns (bands, number_of_columns); each band is a list of rows, each row a list of RawLine."""
    gutter = find_gutter(rows, width, height)
    if gutter is None:
        return [[[RawLine(words=r)] for r in rows]], 1
    mid = (gutter[0] + gutter[1]) / 2
    bands: list[list[list[RawLine]]] = []
    pending: list[Word] = []
    for row in rows:
        in_margin = not 0.06 * height < row[0].top < 0.94 * height
        if in_margin or any(w.x0 < mid - 1 and w.x1 > mid + 1 for w in row):
            if pending:
                bands.append(_two_column_band(pending, mid))
                pending = []
            bands.append([[RawLine(words=row)]])
        else:
            pending.extend(row)
    if pending:
        bands.append(_two_column_band(pending, mid))
    return bands, 2


def _two_column_band(words: list[Word], mid: float) -> list[list[RawLine]]:
    left = words_to_rows([w for w in words if (w.x0 + w.x1) / 2 < mid])
    right = words_to_rows([w for w in words if (w.x0 + w.x1) / 2 >= mid])
    return [[RawLine(words=r, column=1)] for r in left] + [[RawLine(words=r, column=2)] for r in right]


def find_gutter(rows: list[list[Word]], width: float, height: float) -> Optional[tuple[float, float]]:
    """The x-interval of a column gutter, when the page is set in two columns of prose."""
    body = [r for r in rows if 0.06 * height < r[0].top < 0.94 * height]
    if len(body) < 2 * MIN_COLUMN_ROWS:
        return None
    lo, hi = int(width * GUTTER_SEARCH[0]), int(width * GUTTER_SEARCH[1])
    cover = [0] * (int(width) + 2)
    for row in body:
        for w in row:
            for x in range(max(lo, int(w.x0)), min(hi, int(w.x1)) + 1):
                cover[x] += 1
    allowed = max(1, len(body) // 12)
    best = _widest_run(cover, lo, hi, allowed)
    if best is None or best[1] - best[0] < MIN_GUTTER_WIDTH:
        return None
    return best if _both_sides_are_prose(body, best) else None


def _widest_run(cover: list[int], lo: int, hi: int, allowed: int):
    best, start = None, None
    for x in range(lo, hi + 1):
        if cover[x] <= allowed:
            start = x if start is None else start
            if best is None or x - start > best[1] - best[0]:
                best = (float(start), float(x))
        else:
            start = None
    return best


def _both_sides_are_prose(body: list[list[Word]], gutter) -> bool:
    """Both columns hold several lines of running text that fill their column: a table
    with a wide gap between its columns does not."""
    left = [r for r in ([w for w in row if w.x1 <= gutter[0]] for row in body) if r]
    right = [r for r in ([w for w in row if w.x0 >= gutter[1]] for row in body) if r]
    if len(left) < MIN_COLUMN_ROWS or len(right) < MIN_COLUMN_ROWS:
        return False
    return _fill_ratio(left) >= 0.6 and _fill_ratio(right) >= 0.6


def _fill_ratio(rows: list[list[Word]]) -> float:
    x0 = min(r[0].x0 for r in rows)
    x1 = max(r[-1].x1 for r in rows)
    span = max(x1 - x0, 1.0)
    fills = sorted((r[-1].x1 - r[0].x0) / span for r in rows)
    return statistics.median(fills)


# ---------------------------------------------------------------- assemble the document
def _append_page(doc: ParsedDocument, content: PageContent) -> None:
    doc.pages.append(content.page)
    first = len(doc.lines)
    margins = _column_margins(content.lines)
    table_at = {}
    for idx, table in content.tables:
        table_at.setdefault(idx, []).append(table)
    prev: Optional[RawLine] = None
    for i, raw in enumerate(content.lines):
        for table in table_at.pop(i, []):
            _add_table(doc, table)
        doc.lines.append(_to_line(raw, len(doc.lines), content.page.number, prev, margins))
        prev = raw
    for tables in table_at.values():
        for table in tables:
            _add_table(doc, table)
    if len(doc.lines) == first and not content.tables and content.page.has_text is False:
        doc.warnings.append(f"page {content.page.number}: no text")


def _add_table(doc: ParsedDocument, table: Table) -> None:
    table.table_no = len(doc.tables)
    table.anchor_line = len(doc.lines)
    doc.tables.append(table)


def _column_margins(lines: list[RawLine]) -> dict[int, float]:
    """The usual left text edge of each column: the most common rounded x0."""
    margins: dict[int, float] = {}
    for col in {ln.column for ln in lines}:
        xs = [round(ln.x0) for ln in lines if ln.column == col]
        margins[col] = float(statistics.mode(xs)) if xs else 0.0
    return margins


def _to_line(raw: RawLine, line_no: int, page: int, prev: Optional[RawLine],
             margins: dict[int, float]) -> Line:
    bold_chars = sum(len(w.text) for w in raw.words if w.bold)
    total = sum(len(w.text) for w in raw.words) or 1
    return Line(line_no=line_no, text=raw.text, page=page,
                bbox=(raw.x0, raw.top, raw.x1, raw.bottom), font_size=raw.size,
                bold=bold_chars / total >= 0.6, para_start=_starts_paragraph(raw, prev),
                column=raw.column, indent=max(0.0, raw.x0 - margins.get(raw.column, raw.x0)))


def _starts_paragraph(raw: RawLine, prev: Optional[RawLine]) -> bool:
    if prev is None or prev.column != raw.column:
        return True
    gap = raw.top - prev.bottom
    if gap > 0.55 * raw.size or gap < -2:
        return True
    return abs(raw.size - prev.size) > 0.6
