"""The one document model every loader fills and every later stage reads.

A `ParsedDocument` is a flat, ordered list of `Line`s (the normalised text of the
document, one entry per visual line of a PDF or per paragraph line of a transcript)
plus the `Table`s found in it. A table is anchored in the line stream by
`Table.anchor_line`: it sits just before `lines[anchor_line]`.

Cleaning never deletes: running headers, footers, page numbers and junk are *flagged*
(`Line.flags`) and left out of `ParsedDocument.content_lines()`, the view extractors use.
"""
from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

FileFormat = Literal["pdf", "text", "markdown", "html"]
FORMAT_BY_SUFFIX: dict[str, FileFormat] = {".pdf": "pdf", ".txt": "text", ".text": "text", ".md": "markdown",
                                           ".markdown": "markdown", ".html": "html", ".htm": "html"}

from pydantic import BaseModel, Field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


class LineFlag(str, Enum):
    HEADER = "header"
    FOOTER = "footer"
    PAGE_NUMBER = "page_number"
    NOISE = "noise"          # OCR junk, a web page's related-documents list, site boilerplate
    PAGE_MARKER = "page_marker"  # "Side 3 af 13" in a transcript
    TOC_ENTRY = "toc_entry"      # an entry of a contents list of in-page links (web pages)


class Line(BaseModel):
    line_no: int                      # index in ParsedDocument.lines
    text: str
    page: Optional[int] = None        # 1-based physical page (PDF) or marker page (text)
    bbox: Optional[BBox] = None
    font_size: Optional[float] = None
    bold: bool = False
    flags: set[LineFlag] = Field(default_factory=set)
    heading_level: Optional[int] = None  # markdown '#' depth or an HTML <hN>
    para_start: bool = True           # starts a paragraph (blank line / vertical gap before it)
    column: int = 0                   # 0 full width, 1 left column, 2 right column
    indent: float = 0.0               # x offset from the column's left text edge (PDF), else 0
    flag_reason: Optional[str] = None

    @property
    def is_content(self) -> bool:
        return not self.flags


class Cell(BaseModel):
    text: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    paragraphs: list[str] = Field(default_factory=list)  # <p>/<li> items or separate paragraphs
    paragraph_pages: list[Optional[int]] = Field(default_factory=list)  # when a row runs over a page break
    bold: bool = False
    spanned: bool = False             # covered by a merged cell to its left or above (PDF)
    indent: float = 0.0               # leading spaces of a transcript row's first cell

    def parts(self) -> list[str]:
        return self.paragraphs or ([self.text] if self.text else [])


class TableRow(BaseModel):
    cells: list[Cell]
    page: Optional[int] = None

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


class Table(BaseModel):
    table_no: int                     # order of the table in the document (0-based)
    rows: list[TableRow]
    page: Optional[int] = None        # page of the first row
    anchor_line: int = 0              # the table sits just before lines[anchor_line]
    bbox: Optional[BBox] = None
    ruled: bool = False
    source: Literal["ruled", "aligned", "tsv", "markdown", "html"] = "tsv"
    continued_from: Optional[int] = None  # table_no of the part on the previous page, once joined

    @property
    def n_cols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


class Page(BaseModel):
    number: int
    width: Optional[float] = None
    height: Optional[float] = None
    has_text: Optional[bool] = True     # None: the page could not be parsed
    columns: int = 1


class ParsedDocument(BaseModel):
    doc_id: str
    source_path: str
    file_name: str
    format: FileFormat
    pages: list[Page] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    flattened: bool = False           # a transcript whose pages were flattened into long lines
    unreadable_pages: list[int] = Field(default_factory=list)   # PDF pages that could not be parsed
    ocr: bool = False                 # the text layer was made by OCR

    @property
    def page_count(self) -> Optional[int]:
        return len(self.pages) if self.format == "pdf" else None

    def content_lines(self) -> list[Line]:
        """Lines the extractors see: everything not flagged as header, footer or junk."""
        return [ln for ln in self.lines if ln.is_content]

    def renumber(self) -> None:
        """Restore `line_no == index` after lines were split or merged."""
        for i, ln in enumerate(self.lines):
            ln.line_no = i
