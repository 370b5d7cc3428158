"""Shared fixtures. Unit tests build small ParsedDocuments by hand (`make_doc`); corpus
tests run the real pipeline once per session on corpus/ and score it against golden/."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.document import Cell, Line, ParsedDocument, Table, TableRow

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = ROOT / "golden"


def make_doc(lines: list, tables: list | None = None, fmt: str = "text", doc_id: str = "d0") -> ParsedDocument:
    """Lines are strings or (text, {field: value}) pairs; tables are (anchor_line, rows)."""
    doc = ParsedDocument(doc_id=doc_id, source_path="mem", file_name="mem.txt", format=fmt)
    for i, item in enumerate(lines):
        text, extra = (item, {}) if isinstance(item, str) else item
        doc.lines.append(Line(line_no=i, text=text, **extra))
    for k, (anchor, rows) in enumerate(tables or []):
        doc.tables.append(Table(table_no=k, anchor_line=anchor, source="tsv",
                                rows=[TableRow(cells=[Cell(text=c) for c in r]) for r in rows]))
    return doc


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """corpus/ ingested once with two workers."""
    from pipeline.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    summary = ingest([CORPUS], db, IngestOptions(workers=2))
    assert summary.failed == 0, summary.problems
    return db


@pytest.fixture(scope="session")
def corpus_eval(corpus_db):
    from pipeline.evaluate import evaluate
    return evaluate(GOLDEN, corpus_db)
