"""Exports: one Parquet or CSV file per table, written by DuckDB's COPY."""
from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.store import TABLES

FORMATS = {"parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER TRUE)"}


def export_tables(db_path: Path | str, fmt: str, out_dir: Path | str) -> dict[str, Path]:
    """Write every table to out_dir/<table>.<fmt>; return table → file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use parquet or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=True)
    written = {}
    try:
        for table in [*TABLES, "schema_migrations"]:
            target = out / f"{table}.{fmt}"
            con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(target)}' {FORMATS[fmt]}")
            written[table] = target
    finally:
        con.close()
    return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
