"""The `bplan` command line: a thin layer over the library functions.

Library errors become one-line messages; no traceback reaches the user.
Exit codes: 0 success; 1 some documents failed (ingest) or a query/eval problem; 2 usage.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from pipeline.ingest import DEFAULT_TIMEOUT
from pipeline.version import extractor_version

console = Console(stderr=True)
out = Console()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(extractor_version(), prog_name="bplan")
def main() -> None:
    """bplan turns Danish municipal employment plans (Beskæftigelsesplaner) into research data.

    \b
    Typical use:
      bplan ingest plans/ --db plans.duckdb       # extract every plan into one DuckDB file
      bplan report --db plans.duckdb --out report.html
      bplan query --db plans.duckdb "SELECT municipality, plan_year FROM documents"
      bplan eval --golden golden/ --db plans.duckdb
    """


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    sys.exit(code)


# ---------------------------------------------------------------- ingest
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="DuckDB file to write (created if missing).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Documents extracted in parallel (default: number of CPU cores).")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document may take before it is marked failed.")
@click.option("--force", is_flag=True, help="Re-extract documents already stored with this extractor version.")
@click.option("--no-progress", is_flag=True, help="Do not draw the progress bar.")
def ingest(paths: tuple[Path, ...], db_path: Path, workers: Optional[int], timeout: float, force: bool,
           no_progress: bool) -> None:
    """Extract plans from files and folders (searched recursively) into a DuckDB file.

    Reads .pdf, .txt, .md and .html. Each document is written in one transaction keyed by
    the sha256 of its bytes, so running the same folder twice changes nothing; documents
    already stored with this extractor version are skipped (use --force to redo them).
    A file that cannot be read gets a `documents` row with status `failed` and the reason;
    the batch always goes on. Exit code 1 when any document failed.
    """
    from pipeline.ingest import IngestOptions, ingest as run_ingest

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}", 2)
    options = IngestOptions(timeout=timeout, force=force)
    if workers:
        options.workers = workers
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TextColumn("docs · {task.fields[pages]} pages"),
                        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                        console=console, disable=no_progress, transient=False)
    task_id = progress.add_task("ingesting", total=None, pages=0)

    def on_start(total: int, skipped: int) -> None:
        progress.update(task_id, total=total)
        if skipped:
            console.print(f"skipping {skipped} document(s) already stored with extractor {extractor_version()}")

    def on_result(result, summary) -> None:
        progress.update(task_id, advance=1, pages=summary.pages,
                        description=f"{result.document.status:>7} {result.document.file_name[:40]}")

    try:
        with progress:
            summary = run_ingest(paths, db_path, options, on_result=on_result, on_start=on_start)
    except KeyboardInterrupt:
        _fail("interrupted; documents finished so far are stored (run again to complete)", 130)
    except Exception as exc:  # e.g. the database is locked by another process
        _fail(f"ingest stopped: {exc}")
    _print_summary(summary, db_path)
    sys.exit(1 if summary.failed else 0)


def _print_summary(summary, db_path: Path) -> None:
    table = Table(title=f"bplan ingest → {db_path}", show_edge=False)
    for col in ("ok", "partial", "failed", "skipped", "pages", "warnings", "seconds"):
        table.add_column(col, justify="right")
    table.add_row(str(summary.ok), str(summary.partial), str(summary.failed), str(summary.skipped),
                  str(summary.pages), str(summary.warnings), f"{summary.seconds:.1f}")
    console.print(table)
    if summary.problems:
        problems = Table(title="documents that are not ok", show_edge=False)
        problems.add_column("status")
        problems.add_column("file")
        problems.add_column("reason")
        for path, status, reason in summary.problems:
            problems.add_row(status, path, reason)
        console.print(problems)


# ---------------------------------------------------------------- query
@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="DuckDB file to read (opened read-only).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.argument("sql")
def query(db_path: Path, fmt: str, sql: str) -> None:
    """Run one SQL statement on the database, opened read-only, and print the result."""
    import duckdb
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if cols else []
    except duckdb.Error as exc:
        _fail(" ".join(str(exc).split())[:400])
    _print_rows(cols, rows, fmt)


def _print_rows(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        import csv
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
    elif fmt == "json":
        click.echo(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, default=str, indent=1))
    else:
        table = Table(show_edge=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r])
        out.print(table)


# ---------------------------------------------------------------- eval
@main.command(name="eval")
@click.option("--golden", "golden_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of hand-written answers, one sub-folder per document.")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the scores as JSON to this file.")
@click.option("--per-doc", is_flag=True, help="Print the scores of each document too.")
@click.option("--mismatches", is_flag=True, help="List every golden record that was missed or differs.")
def eval_cmd(golden_dir: Path, db_path: Path, json_out: Optional[Path], per_doc: bool, mismatches: bool) -> None:
    """Score extraction against golden/: precision, recall and F1 per field, and the
    accuracies of values on matched records."""
    from pipeline.evaluate import evaluate
    try:
        report = evaluate(golden_dir, db_path)
    except Exception as exc:      # a broken answer file or database: one line, no traceback
        _fail(f"eval failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")
    if not report.per_doc and not report.missing_docs:
        _fail(f"no answers in {golden_dir}: each document needs a folder with a meta.yaml", 2)
    _print_scores("all documents", report.fields)
    for label, pred in (("PDF", lambda d: d.endswith(".pdf")), ("text", lambda d: not d.endswith(".pdf"))):
        _print_scores(label, report.subset(pred))
    if per_doc:
        for doc, scores in sorted(report.per_doc.items()):
            _print_scores(doc, scores)
    if mismatches:
        for line in report.mismatches:
            click.echo(line)
    if report.missing_docs:
        console.print(f"[yellow]not in the database:[/yellow] {', '.join(report.missing_docs)}")
    if json_out:
        json_out.write_text(json.dumps(report.as_dict(), indent=1, ensure_ascii=False), encoding="utf-8")


def _print_scores(title: str, scores) -> None:
    table = Table(title=title, show_edge=False)
    for col in ("field", "P", "R", "F1", "accuracy", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "field" else "left")
    for name, s in sorted(scores.items()):
        if s.checked:
            table.add_row(name, "", "", "", f"{s.accuracy:.3f} ({s.right}/{s.checked})", "", "", "")
        else:
            table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", "",
                          str(s.tp), str(s.fp), str(s.fn))
    out.print(table)


# ---------------------------------------------------------------- report and export
@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write.")
def report(db_path: Path, out_path: Path) -> None:
    """Write one self-contained HTML report comparing the ingested plans: coverage of
    municipalities and years, goals per theme, targets side by side, statistics charts and
    a section per document. CSS and charts are inline; it opens offline."""
    from pipeline.report import build_report
    try:
        path = build_report(db_path, out_path)
    except Exception as exc:
        _fail(f"report failed: {' '.join(str(exc).split())[:300]}")
    console.print(f"wrote {path}")


@main.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write one file per table into.")
def export(db_path: Path, fmt: str, out_dir: Path) -> None:
    """Export every table as one Parquet or CSV file per table (readable by DuckDB, pandas, R)."""
    from pipeline.export import export_tables
    try:
        written = export_tables(db_path, fmt, out_dir)
    except Exception as exc:
        _fail(f"export failed: {' '.join(str(exc).split())[:300]}")
    console.print(f"wrote {len(written)} files to {out_dir}")


if __name__ == "__main__":
    main()
