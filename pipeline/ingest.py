"""Batch ingest: folders → documents, extracted in worker processes, written by one writer.

- Files are found recursively; each is identified by the sha256 of its bytes (doc_id).
  The same bytes under two names are extracted once and both paths are recorded.
- A document whose doc_id and extractor version are already stored is skipped unless
  `force`; so a batch killed mid-run and run again ends with the same rows.
- Each document runs in a worker process with a time limit; a worker that runs past it is
  stopped and the document gets a `failed` row saying so. A crashing worker is replaced.
- The main process is the only DuckDB writer: one transaction per document.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections import defaultdict
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Callable, Iterable, Optional

from extractors.errors import Errors
from models.records import DocumentResult
from pipeline import store
from pipeline.run import SUPPORTED_SUFFIXES, doc_id_for, failed_result, process_file, unreadable_doc_id
from pipeline.version import extractor_version

DEFAULT_TIMEOUT = 300.0


@dataclass
class IngestOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = DEFAULT_TIMEOUT
    force: bool = False


@dataclass
class IngestSummary:
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    seconds: float = 0.0
    problems: list[tuple[str, str, str]] = field(default_factory=list)   # (path, status, reason)
    warnings: int = 0
    worker_peak_mb: float = 0.0

    @property
    def processed(self) -> int:
        return self.ok + self.partial + self.failed

    def add(self, result: DocumentResult) -> None:
        status = result.document.status
        setattr(self, status, getattr(self, status) + 1)
        self.pages += result.pages_done
        self.warnings += len(result.warnings)
        self.worker_peak_mb = max(self.worker_peak_mb, result.peak_rss_mb)
        if status != "ok":
            self.problems.append((result.document.source_path, status, result.document.error or ""))


@dataclass
class _Task:
    doc_id: str
    path: Path
    source_path: str
    other_paths: list[tuple[str, str]]


ProgressHook = Callable[[DocumentResult, "IngestSummary"], None]


def discover(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(path, path-as-given) for every file: folders are searched recursively for supported
    files; a file named on the command line is always taken (a wrong type gets a failed row)."""
    found: dict[Path, str] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not _hidden(f, p):
                    found.setdefault(f.resolve(), str(f))
        else:
            found.setdefault(p.resolve() if p.exists() else p, str(p))
    return sorted(((p, s) for p, s in found.items()), key=lambda it: it[1])


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def plan_tasks(files: list[tuple[Path, str]]) -> tuple[list[_Task], list[DocumentResult]]:
    """Group files by the hash of their bytes. Unreadable files become failed results now."""
    groups: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    unreadable: list[DocumentResult] = []
    for path, source in files:
        try:
            groups[doc_id_for(path.read_bytes())].append((path, source))
        except OSError as exc:
            unreadable.append(failed_result(path, source, unreadable_doc_id(source),
                                            Errors.E009.format(detail=exc.strerror or exc)))
    tasks = [_Task(doc_id, group[0][0], group[0][1], [(s, p.name) for p, s in group[1:]])
             for doc_id, group in groups.items()]
    return tasks, unreadable


def ingest(paths: Iterable[str | Path], db_path: str | Path, options: Optional[IngestOptions] = None,
           on_result: Optional[ProgressHook] = None, on_start: Optional[Callable[[int, int], None]] = None
           ) -> IngestSummary:
    """Ingest files and folders into the DuckDB file at `db_path`; return the summary."""
    options = options or IngestOptions()
    started = time.monotonic()
    summary = IngestSummary()
    con = store.connect(db_path)
    try:
        store.load_minister_goals(con)
        tasks, unreadable = plan_tasks(discover(paths))
        todo = _skip_stored(con, tasks, options.force, summary)
        if on_start:
            on_start(len(todo) + len(unreadable), summary.skipped)
        for result in unreadable:
            _record(con, result, [], summary, on_result)
        for task, result in run_tasks(todo, options):
            _record(con, result, task.other_paths, summary, on_result)
    finally:
        con.close()
    summary.seconds = time.monotonic() - started
    return summary


def _skip_stored(con, tasks: list[_Task], force: bool, summary: IngestSummary) -> list[_Task]:
    if force:
        return tasks
    stored = store.stored_versions(con)
    version = extractor_version()
    todo = []
    for task in tasks:
        if stored.get(task.doc_id) == version:
            summary.skipped += 1
            for source, name in [(task.source_path, task.path.name), *task.other_paths]:
                store.add_path(con, task.doc_id, source, name)
        else:
            todo.append(task)
    return todo


def _record(con, result: DocumentResult, other_paths, summary: IngestSummary,
            on_result: Optional[ProgressHook]) -> None:
    store.write_result(con, result, other_paths)
    summary.add(result)
    if on_result:
        on_result(result, summary)


# ---------------------------------------------------------------- worker processes
def _worker_main(conn: Connection) -> None:
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        path, source = task
        result = process_file(Path(path), source)
        result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.send(result)


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    task: Optional[_Task] = None
    started: float = 0.0


def _context():
    try:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.run"])
        return ctx
    except ValueError:
        return mp.get_context("spawn")


def _spawn(ctx) -> _Worker:
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_worker_main, args=(child,), daemon=True)
    process.start()
    child.close()
    return _Worker(process=process, conn=parent)


def run_tasks(tasks: list[_Task], options: IngestOptions):
    """Yield (task, result) as workers finish, keeping at most `workers` documents in flight."""
    if not tasks:
        return
    ctx = _context()
    queue = list(reversed(tasks))
    workers = [_spawn(ctx) for _ in range(max(1, min(options.workers, len(tasks))))]
    try:
        while queue or any(w.task for w in workers):
            for w in workers:
                if w.task is None and queue:
                    w.task, w.started = queue.pop(), time.monotonic()
                    w.conn.send((str(w.task.path), w.task.source_path))
            busy = [w for w in workers if w.task is not None]
            ready = wait([w.conn for w in busy], timeout=0.5)
            for i, w in enumerate(workers):
                if w.task is None:
                    continue
                if w.conn in ready:
                    task, result = w.task, _receive(w)
                    w.task = None
                    if result is None:
                        workers[i] = _replace(ctx, w)
                        result = failed_result(task.path, task.source_path, task.doc_id,
                                               Errors.E008.format(detail="the worker process died"))
                    yield task, result
                elif time.monotonic() - w.started > options.timeout:
                    task = w.task
                    workers[i] = _replace(ctx, w)
                    yield task, failed_result(task.path, task.source_path, task.doc_id,
                                              Errors.E007.format(seconds=options.timeout))
    finally:
        for w in workers:
            _stop(w)


def _receive(w: _Worker) -> Optional[DocumentResult]:
    try:
        return w.conn.recv()
    except (EOFError, OSError):
        return None


def _replace(ctx, w: _Worker) -> _Worker:
    w.process.kill()
    w.process.join(5)
    w.conn.close()
    return _spawn(ctx)


def _stop(w: _Worker) -> None:
    try:
        w.conn.send(None)
    except (OSError, BrokenPipeError):
        pass
    w.process.join(2)
    if w.process.is_alive():
        w.process.kill()
        w.process.join(2)
    w.conn.close()
