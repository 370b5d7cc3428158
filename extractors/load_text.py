"""Text transcripts (.txt, .md) → ParsedDocument.

- bytes are decoded as UTF-8, falling back to cp1252;
- form feeds and page markers ("Side 3 af 13") start pages: a marker alone on its line
  closes its page (a footer); a marker that starts a line opens it (a flattened transcript);
- `#` headings and setext headings (a line underlined with === or ---) are headings (their
  depth is kept in `Line.heading_level`); HTML comments are dropped;
- a list of in-page links ("- [Forord](#forord)") is a contents list: its entries are
  flagged TOC_ENTRY;
- tab-separated rows, markdown `|` rows and columns aligned with spaces (`pdftotext -layout`,
  see `text_layout.py`) are tables; HTML fragments in cells become text,
  with <p>/<li> items kept as separate paragraphs;
- markdown emphasis, links and horizontal rules are removed from the text.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from extractors.errors import Errors, LoadError
from extractors.html_text import fragment_to_parts
from extractors.lists import split_marker
from extractors.text_layout import tabify_cell_lines, tabify_layout_tables
from extractors.wording import fix_ligatures
from models.document import FORMAT_BY_SUFFIX, Cell, Line, LineFlag, Page, ParsedDocument, Table, TableRow

PAGE_MARKER_RE = re.compile(r"\bSide\s+(\d{1,4})\s+af\s+(\d{1,4})\b", re.IGNORECASE)
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
RULE_RE = re.compile(r"^\s*([-*_=]\s*){3,}$")
SEPARATOR_CELL_RE = re.compile(r"^\s*:?-{3,}:?\s*$")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
FOOTER_RE = re.compile(r"^\s*(?:(?P<n1>\d{1,3})\s*[|·•]\s*\S.{2,80}|\S.{2,80}?\s*[|·•]\s*(?P<n2>\d{1,3})"
                       r"|side\s+(?P<n3>\d{1,3}))\s*$", re.I)
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)
PIPE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
TOC_LINK_RE = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+\[(?P<title>[^\]]+)\]\(#[^)]*\)\s*$")
EMPHASIS_RE = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_bytes(data: bytes) -> str:
    """UTF-16 when the bytes start with its byte-order mark (Windows "Unicode" text), else
    UTF-8, else cp1252; typographic ligatures become plain letters."""
    encodings = ("utf-16",) if data.startswith(UTF16_BOMS) else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            return fix_ligatures(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise LoadError(Errors.E006)


def load_text(path: Path, doc_id: str, source_path: str, data: Optional[bytes] = None) -> ParsedDocument:
    raw = path.read_bytes() if data is None else data
    text = decode_bytes(raw)
    fmt = "markdown" if FORMAT_BY_SUFFIX.get(path.suffix.lower()) == "markdown" else "text"
    return text_to_document(text, doc_id=doc_id, source_path=source_path, file_name=path.name, fmt=fmt)


def text_to_document(text: str, doc_id: str = "test", source_path: str = "", file_name: str = "",
                     fmt: str = "text") -> ParsedDocument:
    doc = ParsedDocument(doc_id=doc_id, source_path=source_path, file_name=file_name, format=fmt)
    builder = _Builder(doc)
    text = HTML_COMMENT_RE.sub(lambda m: re.sub(r"[^\n\f]", "", m.group(0)), text)   # keep line and page breaks
    if fmt == "markdown":
        text = FRONT_MATTER_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)     # YAML metadata is not the plan
    if "\f" in text:
        builder.page = 1
    for chunk_no, chunk in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f")):
        if chunk_no:
            builder.new_page(builder.page + 1 if builder.page else chunk_no + 1)
        lines = tabify_layout_tables(_outer_pipes(chunk.split("\n")))
        for raw_line in tabify_cell_lines(lines, skip=FOOTER_RE):
            builder.feed(raw_line)
    builder.finish()
    if not any(ln.page for ln in doc.lines):
        pages_from_footers(doc)
    doc.pages = [Page(number=n) for n in sorted({ln.page for ln in doc.lines if ln.page})]
    return doc


def pages_from_footers(doc: ParsedDocument) -> None:
    """Text copied from a PDF viewer keeps the page footers ("7 | Beskæftigelsesplan 2014",
    "Side 7") but no page breaks: a footer line that recurs with rising numbers closes its
    page; the lines before the first one belong to its page."""
    footers = _footer_run(doc.lines)
    if not footers:
        return
    page_of = {}
    current = footers[0][1]
    for ln in doc.lines:
        page_of[ln.line_no] = current
        if ln.line_no in dict(footers):
            ln.flags.add(LineFlag.FOOTER)
            current = dict(footers)[ln.line_no] + 1
    for ln in doc.lines:
        ln.page = page_of[ln.line_no]
    for table in doc.tables:
        page = page_of.get(min(table.anchor_line, len(doc.lines) - 1))
        table.page = page
        for row in table.rows:
            row.page = page
            for cell in row.cells:
                cell.page = page


def _footer_run(lines: list[Line]) -> list[tuple[int, int]]:
    """(line_no, page number) of the longest family of footer lines with rising numbers."""
    families: dict[str, list[tuple[int, int]]] = {}
    for ln in lines:
        m = FOOTER_RE.match(ln.text)
        if m:
            number = int(m.group("n1") or m.group("n2") or m.group("n3"))
            key = re.sub(r"\d+", "#", ln.text.casefold())
            families.setdefault(key, []).append((ln.line_no, number))
    runs = [f for f in families.values() if len(f) >= 3 and all(b[1] > a[1] for a, b in zip(f, f[1:]))]
    return max(runs, key=len, default=[])


HEADING_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")


class _Builder:
    """Feeds raw lines into lines and tables, tracking pages and paragraphs."""

    def __init__(self, doc: ParsedDocument):
        self.doc = doc
        self.page: Optional[int] = None
        self.blank = True
        self.rows: list[list[str]] = []
        self.indents: list[float] = []

    def new_page(self, number: Optional[int]) -> None:
        self.flush_table()
        self.page = number
        self.blank = True

    def feed(self, raw: str) -> None:
        hard_break = raw.endswith("  ")      # markdown line break: the next line starts anew
        raw = _list_item_tab(raw.replace("\u00a0", " ").rstrip())
        if "\t" in raw or raw.lstrip().startswith("|"):
            self.add_row(raw)
            return
        if not raw.strip():
            self.blank = True
            return
        self.flush_table()
        if self.underlines_heading(raw):
            return
        if RULE_RE.match(raw):
            self.blank = True
            return
        self.add_text(raw)
        self.blank = self.blank or hard_break

    def underlines_heading(self, raw: str) -> bool:
        """"Forord" over "======" (level 1) or "------" (level 2): a setext heading. A rule
        after a blank line, or under a list item, stays a rule."""
        m = SETEXT_RE.match(raw)
        last = self.doc.lines[-1] if self.doc.lines else None
        if not m or len(m.group(1)) < 3 or self.blank or last is None or last.flags or last.heading_level \
                or split_marker(last.text)[0] is not None:
            return False
        last.heading_level, last.para_start = (1 if m.group(1)[0] == "=" else 2), True
        self.blank = True
        return True

    # ---- text lines and page markers
    def add_text(self, raw: str) -> None:
        pos = 0
        for m in PAGE_MARKER_RE.finditer(raw):
            before = raw[pos:m.start()].strip()
            opens = bool(raw[m.end():].strip()) or m.start() > 0
            if before and opens and not raw[m.end():].strip():
                self.add_marker(m.group(0), int(m.group(1)), opens=True)
                self.append(Line(line_no=0, text=before, page=self.page, flags={LineFlag.HEADER}))
                pos = m.end()
                continue      # "Beskæftigelsesplan 2016 · Aalborg Kommune    Side 3 af 7": a running header
            if before:
                self.add_line(raw[:m.start()].rstrip() if pos == 0 else before)
            self.add_marker(m.group(0), int(m.group(1)), opens=opens)
            pos = m.end()
        rest = raw[pos:]
        if rest.strip():
            self.add_line(rest if pos == 0 else rest.strip())

    def add_marker(self, text: str, number: int, opens: bool) -> None:
        """A marker opening a page (flattened transcript) starts page `number` now; a footer
        marker alone on its line closes page `number`: what follows is on the next page."""
        if opens:
            self.new_page(number)
            self.append(Line(line_no=0, text=text, page=number, flags={LineFlag.PAGE_MARKER}))
        else:
            self._set_open_page(number)
            self.append(Line(line_no=0, text=text, page=number, flags={LineFlag.PAGE_MARKER}))
            self.new_page(number + 1)

    def _set_open_page(self, number: int) -> None:
        """Lines since the last marker belong to the page this footer closes."""
        for ln in reversed(self.doc.lines):
            if ln.page is not None and ln.page != self.page:
                break
            if LineFlag.PAGE_MARKER in ln.flags:
                break
            ln.page = number
        for table in self.doc.tables:
            if table.page == self.page:
                table.page = number
                for row in table.rows:
                    row.page = number
                    for cell in row.cells:
                        cell.page = number
        self.page = number

    def add_line(self, text: str) -> None:
        link = TOC_LINK_RE.match(text)
        if link:
            self.append(Line(line_no=0, text=_plain(link.group("title")), page=self.page, flags={LineFlag.TOC_ENTRY},
                             indent=float(len(text) - len(text.lstrip(" ")))))
            return
        level = None
        bold = False
        indent = float(len(text) - len(text.lstrip(" ")))
        m = HEADING_RE.match(text)
        if m:
            level, text = len(m.group(1)), m.group(2)
        if re.fullmatch(r"\s*(\*\*|__).+(\*\*|__)\s*", text):
            bold = True
        text = _plain(text)
        if not text:
            return
        self.append(Line(line_no=0, text=text, page=self.page, heading_level=level, bold=bold,
                         para_start=self.blank or level is not None, indent=indent))
        self.blank = level is not None

    def append(self, line: Line) -> None:
        line.line_no = len(self.doc.lines)
        self.doc.lines.append(line)

    # ---- tables
    def add_row(self, raw: str) -> None:
        cells = _split_row(raw)
        if cells is None:
            return  # a separator row such as |---|---|
        self.rows.append(cells)
        self.indents.append(float(len(raw) - len(raw.lstrip(" "))))
        self.blank = False

    def flush_table(self) -> None:
        if not self.rows:
            return
        rows = [TableRow(page=self.page, cells=[_cell(c, self.page) for c in r]) for r in self.rows]
        for row, indent in zip(rows, self.indents):
            row.cells[0].indent = indent
        rows = [r for r in rows if any(c.text for c in r.cells)]
        self.rows, self.indents = [], []
        if not rows:
            return
        table = Table(table_no=len(self.doc.tables), rows=rows, page=rows[0].page,
                      anchor_line=len(self.doc.lines), source="tsv")
        self.doc.tables.append(table)
        self.blank = True

    def finish(self) -> None:
        self.flush_table()


def _outer_pipes(lines: list[str]) -> list[str]:
    """A Markdown table may leave out its outer pipes ("Ydelse | 2019 | 2020" over
    "--- | ---: | ---:"): give its rows a leading "|" so they read as table rows."""
    out = list(lines)
    for i, line in enumerate(lines):
        if i == 0 or not PIPE_SEPARATOR_RE.match(line) or "|" not in lines[i - 1]:
            continue
        k = i - 1
        while k < len(lines) and "|" in lines[k]:
            if not lines[k].lstrip().startswith("|"):
                out[k] = "| " + lines[k]
            k += 1
    return out


def _list_item_tab(raw: str) -> str:
    """"•\tStyrke …" and "2.1\tIndsatser" are a list item and a heading, not a table row:
    the tab after a lone marker or heading number becomes a space."""
    parts = [p for p in raw.split("\t") if p.strip()]
    if len(parts) != 2:
        return raw
    head = parts[0].strip()
    if split_marker(head + " x")[1] == "x" or HEADING_NUMBER_RE.match(head):
        return raw.replace("\t", " ")
    return raw


def _split_row(raw: str) -> Optional[list[str]]:
    if raw.lstrip().startswith("|"):
        inner = raw.strip()
        inner = inner[1:-1] if inner.endswith("|") and len(inner) > 1 else inner[1:]
        cells = [c.strip() for c in inner.split("|")]
    else:
        cells = [c.strip() for c in raw.split("\t")]
    if all(SEPARATOR_CELL_RE.match(c) or not c for c in cells) and any(cells):
        return None
    return cells


def _cell(raw: str, page: Optional[int]) -> Cell:
    parts, bold = fragment_to_parts(raw) if "<" in raw else ([_plain(raw)] if raw else [], False)
    parts = [_plain(p) for p in parts if _plain(p)]
    if raw.strip().startswith(("**", "__")):
        bold = True
    return Cell(text=" ".join(parts), page=page, paragraphs=parts if len(parts) > 1 else [],
                bold=bold)


def _plain(text: str) -> str:
    """Remove markdown emphasis and links; collapse whitespace."""
    text = MD_LINK_RE.sub(r"\1", text)
    text = EMPHASIS_RE.sub("", text)
    if "<" in text and ">" in text:
        parts, _ = fragment_to_parts(text)
        text = " ".join(parts)
    return " ".join(text.split())
