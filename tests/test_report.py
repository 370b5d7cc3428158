"""The report and the exports. The report of corpus/ is opened in headless Chromium
(Debian's chromium and chromium-driver, installed by .ci/run)."""
import shutil

import duckdb
import pytest

from conftest import ROOT
from pipeline import store
from pipeline.export import export_tables
from pipeline.ingest import IngestOptions, ingest
from pipeline.report import build_report, dk_number

SCREENSHOT = ROOT / "docs" / "report.png"


def test_report_danish_numbers():
    assert [dk_number(v) for v in (1288, 74.3, -4.25, 0, None)] == ["1.288", "74,3", "-4,25", "0", ""]


def test_report_is_self_contained(corpus_db, tmp_path):
    html = build_report(corpus_db, tmp_path / "r.html").read_text(encoding="utf-8")
    lower = html.lower()
    assert "<script" not in lower and "<link" not in lower and 'src="http' not in lower and "url(http" not in lower
    assert "<svg" in html and "Tårnby" in html and "Beskæftigelsesplaner" in html


def test_report_of_one_plan_and_of_failed_documents_only(tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(ROOT / "corpus" / "text" / "002_679db35b35e02709.txt", one)
    db = tmp_path / "one.duckdb"
    ingest([one], db, IngestOptions(workers=1))
    assert "Fredericia" in build_report(db, tmp_path / "one.html").read_text(encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.pdf").write_bytes(b"")
    db = tmp_path / "bad.duckdb"
    ingest([bad], db, IngestOptions(workers=1))
    html = build_report(db, tmp_path / "bad.html").read_text(encoding="utf-8")
    assert "empty file (0 bytes)" in html
    empty = tmp_path / "empty.duckdb"
    store.connect(empty).close()
    assert "Ingen dokumenter" in build_report(empty, tmp_path / "e.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_report_exports_have_the_row_counts_of_the_tables(corpus_db, tmp_path, fmt):
    import pandas as pd
    files = export_tables(corpus_db, fmt, tmp_path)
    con = duckdb.connect(str(corpus_db), read_only=True)
    for table, path in files.items():
        expected = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
        assert duckdb.connect().execute(f"SELECT count(*) FROM {reader}('{path}')").fetchone()[0] == expected, table
        frame = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path)
        assert len(frame) == expected, table


@pytest.mark.browser
def test_report_renders_in_chromium(corpus_db, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver_path, "Debian's chromium and chromium-driver are needed (.ci/run installs them)"
    report = build_report(corpus_db, tmp_path / "report.html")
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,2000"):
        options.add_argument(arg)
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        browser.get(report.resolve().as_uri())
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        text = browser.find_element(By.TAG_NAME, "body").text
        con = duckdb.connect(str(corpus_db), read_only=True)
        for (municipality,) in con.execute("SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL").fetchall():
            assert municipality in text
        for (theme,) in con.execute("SELECT DISTINCT theme FROM goals WHERE theme IS NOT NULL").fetchall():
            assert theme in text
        assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 10
        browser.save_screenshot(str(tmp_path / "report.png"))
        assert (tmp_path / "report.png").stat().st_size > 10_000
    finally:
        browser.quit()
