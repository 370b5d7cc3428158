"""HTML pages → ParsedDocument, with BeautifulSoup (Python's html.parser backend).

Headings <h1>–<h6> keep their level, <p>/<li>/<div> text become lines, <table>s become
tables (cells keep their <p>/<li> parts). Scripts, styles, navigation and footers are skipped.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Optional

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from extractors.load_text import decode_bytes
from models.document import Cell, Line, Page, ParsedDocument, Table, TableRow

SKIP_TAGS = {"script", "style", "nav", "footer", "header", "noscript", "template", "svg", "form"}
TEXT_TAGS = {"p", "li", "div", "span", "td", "dt", "dd", "blockquote", "pre", "caption", "figcaption"}


def load_html(path: Path, doc_id: str, source_path: str, data: Optional[bytes] = None) -> ParsedDocument:
    markup = decode_bytes(path.read_bytes() if data is None else data)
    return html_to_document(markup, doc_id=doc_id, source_path=source_path, file_name=path.name)


def html_to_document(markup: str, doc_id: str = "test", source_path: str = "",
                     file_name: str = "") -> ParsedDocument:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    doc = ParsedDocument(doc_id=doc_id, source_path=source_path, file_name=file_name, format="html")
    for tag in soup.find_all(SKIP_TAGS):
        tag.decompose()
    root = soup.body or soup
    _walk(root, doc)
    doc.pages = []
    return doc


def _walk(node: Tag, doc: ParsedDocument) -> None:
    for child in node.children:
        if not isinstance(child, Tag):
            text = " ".join(str(child).split())
            if text:
                _add_line(doc, text, None, False)
            continue
        name = child.name.lower()
        if name == "table":
            _add_table(child, doc)
        elif name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            _add_line(doc, child.get_text(" "), int(name[1]), True)
        elif name in {"ul", "ol"}:
            for li in child.find_all("li", recursive=False):
                _add_line(doc, "• " + li.get_text(" "), None, False)
        elif name in TEXT_TAGS and not child.find(["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4"]):
            _add_line(doc, child.get_text(" "), None, bool(child.find(["b", "strong"])) and name != "div")
        else:
            _walk(child, doc)


def _add_line(doc: ParsedDocument, text: str, level: Optional[int], bold: bool) -> None:
    text = " ".join(text.split())
    if text:
        doc.lines.append(Line(line_no=len(doc.lines), text=text, heading_level=level, bold=bold,
                              para_start=True))


def _add_table(table: Tag, doc: ParsedDocument) -> None:
    rows: list[TableRow] = []
    for tr in table.find_all("tr"):
        cells = []
        for td in tr.find_all(["td", "th"], recursive=False):
            parts = [" ".join(x.get_text(" ").split()) for x in td.find_all(["li", "p"])] or []
            text = " ".join(td.get_text(" ").split())
            cells.append(Cell(text=text, paragraphs=[p for p in parts if p] if len(parts) > 1 else [],
                              bold=td.name == "th" or bool(td.find(["b", "strong"]))))
            for _ in range(int(td.get("colspan", 1) or 1) - 1):
                cells.append(Cell(text=""))
        if any(c.text for c in cells):
            rows.append(TableRow(cells=cells))
    if rows:
        doc.tables.append(Table(table_no=len(doc.tables), rows=rows, anchor_line=len(doc.lines),
                                source="html"))
