"""Benchmark: bplan's end-to-end ingest against bare text extraction over the same pages.

    python bench/run_bench.py [--out bench/results.md]

Measures, in one run on this machine:
- bare pdfplumber `page.extract_words()` and bare pypdfium2 `get_textpage().get_text_range()`
  over every page of corpus/pdf and of a 200-page PDF made from the corpus pages;
- bplan end-to-end (load, clean, every stage, DuckDB write) on the same files, in process
  and through `ingest` with one worker;
- peak memory (max RSS) of the in-process run and of a worker;
- `ingest` of a folder of 12 distinct PDFs with 1 and with 2 workers (the speed-up).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from pipeline import store  # noqa: E402
from pipeline.ingest import IngestOptions, ingest  # noqa: E402
from pipeline.run import process_file  # noqa: E402

CORPUS_PDFS = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))


def make_pdf(pages: int, out: Path, offset: int = 0) -> Path:
    """A PDF of `pages` pages taken round-robin from the corpus PDFs, starting at `offset`."""
    sources = [pdfium.PdfDocument(str(p)) for p in CORPUS_PDFS]
    flat = [(k, i) for k, src in enumerate(sources) for i in range(len(src))]
    new = pdfium.PdfDocument.new()
    for n in range(pages):
        k, i = flat[(n + offset) % len(flat)]
        new.import_pages(sources[k], [i])
    new.save(str(out))
    return out


def time_it(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare_extract_words(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()
                pages += 1
    return pages


def bare_pdfium(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            page.get_textpage().get_text_range()
            pages += 1
    return pages


def bplan_in_process(paths: list[Path], db: Path) -> None:
    con = store.connect(db)
    for path in paths:
        store.write_result(con, process_file(path))
    con.close()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, paths: list[Path], tmp: Path) -> dict:
    slug = "".join(ch if ch.isalnum() else "_" for ch in label)
    pages = bare_extract_words(paths)                 # warm the file cache
    words = min(time_it(lambda: bare_extract_words(paths)) for _ in range(2))
    pdfium_s = min(time_it(lambda: bare_pdfium(paths)) for _ in range(2))
    cold = time_it(lambda: bplan_in_process(paths, tmp / f"{slug}-a.duckdb"))
    warm = time_it(lambda: bplan_in_process(paths, tmp / f"{slug}-c.duckdb"))
    folder = tmp / f"{slug}-files"
    folder.mkdir()
    for p in paths:
        shutil.copy(p, folder / p.name)
    summaries = []
    ingest_1 = time_it(lambda: summaries.append(ingest([folder], tmp / f"{slug}-b.duckdb", IngestOptions(workers=1))))
    return {"label": label, "pages": pages, "extract_words_s": words, "pdfium_s": pdfium_s,
            "bplan_s": min(cold, warm), "bplan_cold_s": cold, "ingest_1_s": ingest_1,
            "worker_mb": summaries[0].worker_peak_mb}


def speedup(tmp: Path) -> dict:
    folder = tmp / "twelve"
    folder.mkdir()
    for n in range(12):
        make_pdf(20, folder / f"plan_{n:02d}.pdf", offset=n * 7)
    one = time_it(lambda: ingest([folder], tmp / "w1.duckdb", IngestOptions(workers=1)))
    two = time_it(lambda: ingest([folder], tmp / "w2.duckdb", IngestOptions(workers=2)))
    return {"docs": 12, "pages": 240, "one_s": one, "two_s": two, "speedup": one / two}


def render(rows: list[dict], par: dict, rss: float) -> str:
    lines = ["| input | pages | bare `extract_words` | bare pypdfium2 text | bplan end-to-end, in process (first run) | "
             "`bplan ingest`, 1 worker | bplan ÷ `extract_words` throughput | pypdfium2 speed ÷ bplan | peak memory of a worker |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        p = r["pages"]
        lines.append(f"| {r['label']} | {p} | {r['extract_words_s']:.2f} s ({p / r['extract_words_s']:.1f} p/s) | "
                     f"{r['pdfium_s']:.2f} s ({p / r['pdfium_s']:.0f} p/s) | "
                     f"{r['bplan_s']:.2f} s ({p / r['bplan_s']:.1f} p/s; first {r['bplan_cold_s']:.2f} s) | "
                     f"{r['ingest_1_s']:.2f} s | {r['extract_words_s'] / r['bplan_s']:.0%} | "
                     f"{r['bplan_s'] / r['pdfium_s']:.0f}× | {r['worker_mb']:.0f} MB |")
    lines += ["", f"Workers: {par['docs']} PDFs, {par['pages']} pages: `--workers 1` {par['one_s']:.1f} s, "
              f"`--workers 2` {par['two_s']:.1f} s — speed-up {par['speedup']:.2f}×.",
              f"Peak memory of the benchmark process (bare runs and in-process bplan): {rss:.0f} MB."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="also write the table (Markdown) to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        big = make_pdf(200, tmp / "plan_200_pages.pdf")
        rows = [measure("corpus/pdf (5 PDFs)", CORPUS_PDFS, tmp), measure("200-page PDF", [big], tmp)]
        par = speedup(tmp)
    table = render(rows, par, peak_rss_mb())
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
