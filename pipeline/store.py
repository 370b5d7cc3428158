"""The DuckDB store: schema, numbered migrations, and one transaction per document.

Every table is declared once in `TABLES` (column, DuckDB type, Arrow type); the DDL and
the Arrow schemas for bulk inserts are both made from it. Rows are written in bulk: each
table's records for a document become one Arrow table, inserted with
`INSERT INTO t BY NAME SELECT * FROM arrow` — never row by row.
A document is written in one transaction keyed by its doc_id (the sha256 of its bytes):
its old rows are deleted first, so a rerun replaces and never duplicates.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa

from extractors.errors import is_retryable
from models.catalogues import minister_goals
from models.records import DocumentResult

S, I, D, B, T = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.timestamp("us")
SL = pa.list_(pa.string())
PROV = [("page", "INTEGER", I), ("line_start", "INTEGER", I), ("line_end", "INTEGER", I),
        ("extractor", "VARCHAR", S), ("extractor_version", "VARCHAR", S)]

TABLES: dict[str, list[tuple[str, str, pa.DataType]]] = {
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY", S), ("source_path", "VARCHAR", S), ("file_name", "VARCHAR", S),
        ("format", "VARCHAR", S), ("municipality", "VARCHAR", S), ("municipality_code", "INTEGER", I),
        ("also_covers", "VARCHAR[]", SL), ("plan_year", "INTEGER", I), ("title", "VARCHAR", S),
        ("is_draft", "BOOLEAN", B), ("page_count", "INTEGER", I), ("status", "VARCHAR", S),
        ("error", "VARCHAR", S), ("extractor_version", "VARCHAR", S), ("ingested_at", "TIMESTAMP", T)],
    "document_paths": [
        ("doc_id", "VARCHAR", S), ("source_path", "VARCHAR", S), ("file_name", "VARCHAR", S)],
    "toc_entries": [
        ("doc_id", "VARCHAR", S), ("ord", "INTEGER", I), ("level", "INTEGER", I), ("number", "VARCHAR", S),
        ("title", "VARCHAR", S), ("page", "INTEGER", I), ("source_page", "INTEGER", I),
        ("line_start", "INTEGER", I), ("line_end", "INTEGER", I), ("extractor", "VARCHAR", S),
        ("extractor_version", "VARCHAR", S)],
    "sections": [
        ("doc_id", "VARCHAR", S), ("section_id", "VARCHAR", S), ("ord", "INTEGER", I),
        ("parent_id", "VARCHAR", S), ("level", "INTEGER", I), ("number", "VARCHAR", S),
        ("title", "VARCHAR", S), ("page_start", "INTEGER", I), ("page_end", "INTEGER", I),
        ("text", "VARCHAR", S), *PROV],
    "minister_goals": [
        ("goal_key", "VARCHAR PRIMARY KEY", S), ("year", "INTEGER", I), ("number", "INTEGER", I),
        ("text_da", "VARCHAR", S), ("theme", "VARCHAR", S), ("confirmed", "BOOLEAN", B),
        ("variants", "VARCHAR[]", SL)],
    "goals": [
        ("doc_id", "VARCHAR", S), ("goal_id", "VARCHAR", S), ("ord", "INTEGER", I), ("kind", "VARCHAR", S),
        ("number_in_doc", "VARCHAR", S), ("text", "VARCHAR", S), ("minister_goal_key", "VARCHAR", S),
        ("theme", "VARCHAR", S), ("match_score", "DOUBLE", D), ("section_id", "VARCHAR", S),
        ("goal_year", "INTEGER", I), ("mentions", "INTEGER", I), *PROV],
    "actions": [
        ("doc_id", "VARCHAR", S), ("action_id", "VARCHAR", S), ("ord", "INTEGER", I),
        ("goal_id", "VARCHAR", S), ("section_id", "VARCHAR", S), ("cue", "VARCHAR", S),
        ("text", "VARCHAR", S), ("parent_id", "VARCHAR", S), ("parent_text", "VARCHAR", S), *PROV],
    "targets": [
        ("doc_id", "VARCHAR", S), ("target_id", "VARCHAR", S), ("ord", "INTEGER", I),
        ("goal_id", "VARCHAR", S), ("section_id", "VARCHAR", S), ("origin", "VARCHAR", S),
        ("text", "VARCHAR", S), ("period", "VARCHAR", S), ("baseline_text", "VARCHAR", S),
        ("target_value", "DOUBLE", D), ("unit", "VARCHAR", S), ("direction", "VARCHAR", S),
        ("target_year", "INTEGER", I), ("comparator", "VARCHAR", S), ("target_group", "VARCHAR", S),
        ("data_source", "VARCHAR", S), ("follow_up", "VARCHAR", S), ("same_as", "VARCHAR", S), *PROV],
    "stat_tables": [
        ("doc_id", "VARCHAR", S), ("table_id", "VARCHAR", S), ("caption", "VARCHAR", S),
        ("n_rows", "INTEGER", I), ("n_cols", "INTEGER", I), ("columns", "VARCHAR[]", SL), *PROV],
    "stat_values": [
        ("doc_id", "VARCHAR", S), ("table_id", "VARCHAR", S), ("row_ord", "INTEGER", I),
        ("col_ord", "INTEGER", I), ("row_label", "VARCHAR", S), ("target_group", "VARCHAR", S),
        ("column_label", "VARCHAR", S), ("value_text", "VARCHAR", S), ("value", "DOUBLE", D),
        ("unit", "VARCHAR", S), *PROV],
    "extraction_warnings": [
        ("doc_id", "VARCHAR", S), ("stage", "VARCHAR", S), ("message", "VARCHAR", S)],
}
DOC_TABLES = [t for t in TABLES if t != "minister_goals"]
RENAMES = {"toc_entries": {"page": "source_page", "printed_page": "page"}}
RECORD_FIELDS = {"toc_entries": "toc", "sections": "sections", "goals": "goals", "actions": "actions",
                 "targets": "targets", "stat_tables": "stat_tables", "stat_values": "stat_values",
                 "extraction_warnings": "warnings"}


def _create_table_sql(name: str) -> str:
    cols = ", ".join(f"{col} {ddl}" for col, ddl, _ in TABLES[name])
    return f"CREATE TABLE IF NOT EXISTS {name} ({cols})"


def _migration_1() -> list[str]:
    return [_create_table_sql(name) for name in TABLES]


def _migration_2() -> list[str]:
    from pipeline.views import VIEWS
    return [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in VIEWS.items()]


MIGRATIONS: list[tuple[int, str, callable]] = [
    (1, "create the tables of SCHEMA.md and document_paths", _migration_1),
    (2, "views for the common questions", _migration_2),
]


def connect(db_path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db_path), read_only=read_only)
    if not read_only:
        migrate(con)
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations not yet recorded in `schema_migrations`; return those applied."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name VARCHAR, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, statements in MIGRATIONS:
        if version in done:
            continue
        with transaction(con):
            for sql in statements():
                con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime.now()])
        applied.append(version)
    _reconcile(con)
    return applied


def _reconcile(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store made by an older bplan up to `TABLES` and `VIEWS`: add columns it lacks
    (NULL in old rows) and redefine the views, which may read the new columns."""
    with transaction(con):
        for name, columns in TABLES.items():
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}
            for col, ddl, _ in columns:
                if col not in have:
                    con.execute(f"ALTER TABLE {name} ADD COLUMN {col} {ddl.replace(' PRIMARY KEY', '')}")
        for sql in _migration_2():
            con.execute(sql)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def load_minister_goals(con: duckdb.DuckDBPyConnection) -> int:
    """Replace the minister_goals table with the project's catalogue (every ingest)."""
    rows = [{"goal_key": g.goal_key, "year": g.year, "number": g.number, "text_da": g.text_da,
             "theme": g.theme, "confirmed": g.confirmed, "variants": g.variants}
            for g in minister_goals()]
    with transaction(con):
        con.execute("DELETE FROM minister_goals")
        _insert(con, "minister_goals", rows)
    return len(rows)


def arrow_table(name: str, rows: list[dict]) -> pa.Table:
    schema = pa.schema([(col, typ) for col, _, typ in TABLES[name]])
    cols = {col: [r.get(col) for r in rows] for col in schema.names}
    return pa.table(cols, schema=schema)


def _insert(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    if not rows:
        return
    data = arrow_table(name, rows)
    con.register("_bplan_rows", data)
    try:
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _bplan_rows")
    finally:
        con.unregister("_bplan_rows")


def result_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """Each table's rows for one document, as dicts keyed by column name."""
    doc = result.document
    rows: dict[str, list[dict]] = {"documents": [doc.model_dump()]}
    rows["document_paths"] = [{"doc_id": doc.doc_id, "source_path": doc.source_path,
                               "file_name": doc.file_name}]
    for table, field in RECORD_FIELDS.items():
        renames = RENAMES.get(table, {})
        out = []
        for record in getattr(result, field):
            data = record.model_dump()
            for old, new in renames.items():
                data[new] = record.model_dump().get(old)
            out.append(data)
        rows[table] = out
    return rows


def write_result(con: duckdb.DuckDBPyConnection, result: DocumentResult,
                 extra_paths: Iterable[tuple[str, str]] = ()) -> None:
    """Replace everything stored for this document, in one transaction."""
    rows = result_rows(result)
    rows["document_paths"] += [{"doc_id": result.document.doc_id, "source_path": p, "file_name": n}
                               for p, n in extra_paths]
    with transaction(con):
        for table in DOC_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [result.document.doc_id])
        for table in DOC_TABLES:
            _insert(con, table, _dedupe_paths(rows[table]) if table == "document_paths" else rows[table])


def add_path(con: duckdb.DuckDBPyConnection, doc_id: str, source_path: str, file_name: str) -> None:
    """Record another path holding the same bytes as a stored document."""
    exists = con.execute("SELECT 1 FROM document_paths WHERE doc_id = ? AND source_path = ?",
                         [doc_id, source_path]).fetchone()
    if not exists:
        _insert(con, "document_paths", [{"doc_id": doc_id, "source_path": source_path, "file_name": file_name}])


def _dedupe_paths(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        if r["source_path"] not in seen:
            seen.add(r["source_path"])
            out.append(r)
    return out


def stored_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """doc_id → extractor_version of what is stored, for documents that need no retry
    (a timeout or crash is tried again on the next run)."""
    rows = con.execute("SELECT doc_id, extractor_version, status, error FROM documents").fetchall()
    return {doc_id: version for doc_id, version, status, error in rows if not is_retryable(status, error)}


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
