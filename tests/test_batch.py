"""Batch runs that hold: bad files, reruns, kills, timeouts. Every bad input gets a
`documents` row with a one-line reason and the batch goes on."""
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import CORPUS, ROOT
from extractors.load_text import text_to_document
from pipeline import store
from pipeline.cli import main
from pipeline.ingest import IngestOptions, ingest

BAD = ROOT / "tests" / "fixtures" / "bad"
PLAN_CP1252 = ("Beskæftigelsesplan 2022\nJobcenter Sorø\n\n1. Indledning\n\nSorø Kommune vil have flere ledige i job "
               "og færre borgere på offentlig forsørgelse i 2022.\n")


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(CORPUS / "text" / "000_11a39eb46d51ec46.txt", folder / "plan med mellemrum (2019) æøå.txt")
    shutil.copy(CORPUS / "pdf" / "002_679db35b35e02709.pdf", folder / "Fredericia (udkast) 2023.pdf")
    (folder / "sorø_cp1252.txt").write_bytes(PLAN_CP1252.encode("cp1252"))
    (folder / "empty.pdf").write_bytes(b"")
    data = (CORPUS / "pdf" / "000_11a39eb46d51ec46.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    (folder / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    shutil.copy(BAD / "encrypted.pdf", folder / "encrypted.pdf")
    shutil.copy(BAD / "scanned.pdf", folder / "scanned.pdf")
    (folder / "opskrift.txt").write_text("Boller i karry\n\nIngredienser: kød, løg, karry og ris.\n", encoding="utf-8")
    plan = (CORPUS / "text" / "004_d7598ee1c513263d.txt").read_text(encoding="utf-8")
    (folder / "stor.txt").write_text(plan * (15_000_000 // len(plan.encode()) + 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def mixed_run(mixed_folder, tmp_path_factory):
    db = tmp_path_factory.mktemp("mixeddb") / "mixed.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(mixed_folder), "--db", str(db), "--no-progress", "--workers", "2"])
    return db, result


def _rows(db):
    con = duckdb.connect(str(db), read_only=True)
    return {r[0]: (r[1], r[2], r[3]) for r in con.execute(
        "SELECT file_name, status, error, doc_id FROM documents").fetchall()}


def test_batch_every_bad_input_has_a_row_with_its_reason(mixed_run):
    db, result = mixed_run
    rows = _rows(db)
    reasons = {name: (status, error) for name, (status, error, _) in rows.items()}
    assert reasons["empty.pdf"] == ("failed", "empty file (0 bytes)")
    assert reasons["truncated.pdf"][0] in ("failed", "partial") and reasons["truncated.pdf"][1]
    assert reasons["random.pdf"] == ("failed", "not a readable PDF (no %PDF header)")
    assert reasons["image.pdf"] == ("failed", "not a readable PDF (a PNG image, not a PDF)")
    assert reasons["encrypted.pdf"] == ("failed", "password-protected PDF: cannot read it without the password")
    assert reasons["scanned.pdf"][0] == "failed" and reasons["scanned.pdf"][1].startswith("no text layer")
    assert len(rows) == 11


def test_batch_good_files_are_fully_extracted(mixed_run):
    db, _ = mixed_run
    con = duckdb.connect(str(db), read_only=True)
    got = dict(con.execute("SELECT d.file_name, count(g.goal_id) FROM documents d LEFT JOIN goals g USING (doc_id) "
                           "WHERE d.status = 'ok' GROUP BY 1").fetchall())
    assert got["plan med mellemrum (2019) æøå.txt"] == 7
    assert got["Fredericia (udkast) 2023.pdf"] == 10
    assert got["stor.txt"] >= 5
    meta = con.execute("SELECT municipality, plan_year FROM documents WHERE file_name = 'sorø_cp1252.txt'").fetchone()
    assert meta == ("Sorø", 2022)
    draft = con.execute("SELECT is_draft FROM documents WHERE file_name = 'Fredericia (udkast) 2023.pdf'").fetchone()
    assert draft == (False,)      # the file name says "udkast"; the text does not


def test_batch_a_document_that_is_not_a_plan_is_stored_with_a_warning(mixed_run):
    db, _ = mixed_run
    con = duckdb.connect(str(db), read_only=True)
    status, message = con.execute(
        "SELECT d.status, w.message FROM documents d JOIN extraction_warnings w USING (doc_id) "
        "WHERE d.file_name = 'opskrift.txt' AND w.stage = 'document'").fetchone()
    assert status == "ok" and "does not look like an employment plan" in message


def test_batch_exit_code_and_summary_say_what_happened(mixed_run):
    _, result = mixed_run
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "failed" in result.output and "password-protected PDF" in result.output


def test_batch_rerun_changes_no_row_count(mixed_run, mixed_folder):
    db, _ = mixed_run
    before = store.row_counts(store.connect(db))
    summary = ingest([mixed_folder], db, IngestOptions(workers=2))
    assert summary.skipped == 11 and summary.processed == 0
    assert store.row_counts(store.connect(db)) == before


def test_batch_killed_run_then_rerun_ends_like_an_uninterrupted_run(tmp_path):
    folder = tmp_path / "plans"
    shutil.copytree(CORPUS, folder)
    whole = tmp_path / "whole.duckdb"
    ingest([folder], whole, IngestOptions(workers=2))
    killed = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--db", str(killed), "--no-progress", "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    ingest([folder], killed, IngestOptions(workers=2))
    assert store.row_counts(store.connect(killed)) == store.row_counts(store.connect(whole))


def test_batch_timeout_marks_the_document_failed_and_a_rerun_retries_it(tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    plan = (CORPUS / "text" / "004_d7598ee1c513263d.txt").read_text(encoding="utf-8")
    (folder / "slow.txt").write_text(plan * 200, encoding="utf-8")
    summary = ingest([folder], tmp_path / "t.duckdb", IngestOptions(workers=1, timeout=1))
    assert summary.failed == 1 and summary.problems[0][2] == "timed out after 1 s"
    again = ingest([folder], tmp_path / "t.duckdb", IngestOptions(workers=1, timeout=1))
    assert again.skipped == 0 and again.failed == 1      # a timeout is retried, not skipped


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_batch_text_loader_never_crashes_fuzz(text):
    doc = text_to_document(text)
    assert all(ln.line_no == i for i, ln in enumerate(doc.lines))
    assert all(ln.text.strip() for ln in doc.lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Side 2 af 9", "\t", "|", "<b>x</b>", "## Mål", "1. ", "- ", "\f", "Tabel 1:",
                                 "1.288", "\n", "\n\n", "Vi vil:", "Målsætning:", "æøå"]), max_size=60))
def test_batch_text_loader_on_plan_like_fragments_fuzz(parts):
    from pipeline.run import extract
    result = extract(text_to_document("".join(parts)))
    assert result.document.status == "ok", [w.message for w in result.warnings]
