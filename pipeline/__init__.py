"""Orchestration: stage list, batch ingest, DuckDB store, reports, evaluation and the CLI."""
