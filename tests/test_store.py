from pathlib import Path

from pipeline import store
from pipeline.ingest import IngestOptions, ingest

TEXT = ("Beskæftigelsesplan 2021\nJobcenter Holbæk\n\nIndhold\n\n1. Indledning\t2\n\n1. Indledning\n\n"
        "Holbæk Kommune vil have flere ledige i job og færre på offentlig forsørgelse.\n")


def _write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_store_migrations_are_recorded_once(tmp_path):
    con = store.connect(tmp_path / "a.duckdb")
    assert store.migrate(con) == []
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [v for v, _, _ in store.MIGRATIONS]
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(store.TABLES) <= tables


def test_store_older_store_gains_new_columns_and_views(tmp_path):
    db = tmp_path / "old.duckdb"
    con = store.connect(db)
    con.execute("DROP VIEW goal_coverage")
    con.execute("ALTER TABLE targets DROP COLUMN comparator")
    con.close()
    con = store.connect(db)
    columns = {r[0] for r in con.execute("DESCRIBE targets").fetchall()}
    assert "comparator" in columns
    assert con.execute("SELECT count(*) FROM goal_coverage").fetchone() == (0,)


def test_store_rerun_leaves_row_counts_unchanged(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "plan.txt", TEXT.encode())
    _write(folder, "broken.pdf", b"%PDF-1.4 not really")
    db = tmp_path / "b.duckdb"
    ingest([folder], db, IngestOptions(workers=1))
    first = store.row_counts(store.connect(db))
    ingest([folder], db, IngestOptions(workers=1, force=True))
    assert store.row_counts(store.connect(db)) == first
    ingest([folder], db, IngestOptions(workers=1))
    assert store.row_counts(store.connect(db)) == first


def test_store_broken_file_gets_failed_row_and_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "good plan (ny) æøå.txt", TEXT.encode())
    _write(folder, "empty.pdf", b"")
    _write(folder, "image.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    db = tmp_path / "c.duckdb"
    summary = ingest([folder], db, IngestOptions(workers=1))
    assert (summary.ok, summary.failed) == (1, 2)
    rows = dict(store.connect(db).execute("SELECT file_name, status || ': ' || coalesce(error, '') FROM documents").fetchall())
    assert rows["empty.pdf"] == "failed: empty file (0 bytes)"
    assert rows["image.pdf"].startswith("failed: not a readable PDF (a PNG image")
    assert rows["good plan (ny) æøå.txt"] == "ok: "


def test_store_same_bytes_under_two_names_stored_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.txt", TEXT.encode())
    _write(folder, "b.txt", TEXT.encode())
    db = tmp_path / "d.duckdb"
    ingest([folder], db, IngestOptions(workers=1))
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert sorted(r[0] for r in con.execute("SELECT file_name FROM document_paths").fetchall()) == ["a.txt", "b.txt"]
