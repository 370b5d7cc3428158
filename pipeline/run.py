"""One document through all stages: file → ParsedDocument → clean → stages → DocumentResult.

Only the loaders open files. A file that cannot be read gives a `failed` result with a
one-line reason; a stage that raises gives a `partial` result with a warning.
"""
from __future__ import annotations

import hashlib
import re
import traceback
from pathlib import Path
from typing import Optional

from extractors.clean import clean_document, split_flattened_lines
from extractors.errors import Errors, LoadError
from extractors.load_html import load_html
from extractors.load_pdf import load_pdf
from extractors.load_text import UTF16_BOMS, load_text
from models.document import FORMAT_BY_SUFFIX, ParsedDocument
from models.records import DocumentResult, DocumentRow, StageRecords
from pipeline.stages import STAGES, StageContext
from pipeline.version import extractor_version

SUPPORTED_SUFFIXES = set(FORMAT_BY_SUFFIX)
PLAN_WORDS_RE = re.compile(r"beskæftigelse|jobcent|ledig|forsørgelse", re.I)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(data: bytes) -> str:
    """A document is named by its bytes: the same file under two names is one document."""
    return file_digest(data)[:16]


def unreadable_doc_id(source_path: str) -> str:
    """A file whose bytes cannot be read is named by its path instead."""
    return doc_id_for(source_path.encode())


def load_document(path: Path, source_path: str, data: bytes) -> ParsedDocument:
    """Dispatch on the file's type (checked against its first bytes); raise LoadError."""
    suffix = path.suffix.lower()
    fmt = FORMAT_BY_SUFFIX.get(suffix)
    doc_id = doc_id_for(data)
    if not data:
        raise LoadError(Errors.E001)
    if fmt == "pdf":
        _check_pdf_magic(data)
        return load_pdf(path, doc_id, source_path)
    if fmt in ("text", "markdown"):
        _check_not_binary(data, suffix)
        return load_text(path, doc_id, source_path, data=data)
    if fmt == "html":
        return load_html(path, doc_id, source_path, data=data)
    raise LoadError(Errors.E005.format(suffix=suffix or path.name))


def _check_pdf_magic(data: bytes) -> None:
    head = data[:1024]
    if b"%PDF" in head:
        return
    kind = _sniff(head)
    raise LoadError(Errors.E003.format(detail=f"{kind}, not a PDF" if kind else "no %PDF header"))


def _sniff(head: bytes) -> Optional[str]:
    signatures = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
                  b"PK\x03\x04": "a ZIP/Office file", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}
    return next((name for sig, name in signatures.items() if head.startswith(sig)), None)


def _check_not_binary(data: bytes, suffix: str) -> None:
    head = data[:4096]
    if head.startswith(UTF16_BOMS):
        return            # UTF-16 text has NUL bytes by nature
    if b"\x00" in head or _sniff(head):
        raise LoadError(f"binary data in a {suffix} file ({_sniff(head) or 'NUL bytes'})")


def process_file(path: Path, source_path: Optional[str] = None, data: Optional[bytes] = None) -> DocumentResult:
    """Read and extract one file. Never raises for a bad file: the result says what happened."""
    source_path = source_path if source_path is not None else str(path)
    try:
        data = path.read_bytes() if data is None else data
    except OSError as exc:
        return failed_result(path, source_path, unreadable_doc_id(source_path),
                             Errors.E009.format(detail=exc.strerror or exc))
    try:
        doc = load_document(path, source_path, data)
        return extract(doc)
    except LoadError as exc:
        return failed_result(path, source_path, doc_id_for(data), str(exc))
    except Exception as exc:  # a loader or pipeline bug must not lose the batch
        return failed_result(path, source_path, doc_id_for(data), Errors.E008.format(detail=_one_line(exc)))


def extract(doc: ParsedDocument) -> DocumentResult:
    """Clean the document and run every stage on it."""
    ctx = StageContext(doc=doc)
    for message in doc.warnings:
        ctx.warn("load", message)
    failures = []
    try:
        clean_document(doc)
        split_flattened_lines(doc)
    except Exception as exc:
        failures.append("clean")
        ctx.warn("clean", f"cleaning failed: {_one_line(exc)}")
    for stage in STAGES:
        try:
            stage.run(ctx)
        except Exception as exc:
            failures.append(stage.name)
            ctx.warn(stage.name, f"stage failed: {_one_line(exc)} [{_where(exc)}]")
    _warn_if_not_a_plan(ctx)
    if doc.unreadable_pages:
        failures.append(f"pages {', '.join(map(str, doc.unreadable_pages))} unreadable")
    row = DocumentRow(doc_id=doc.doc_id, source_path=doc.source_path, file_name=doc.file_name,
                      format=doc.format, page_count=doc.page_count, extractor_version=extractor_version(),
                      status="partial" if failures else "ok",
                      error=f"stage(s) failed: {', '.join(failures)}" if failures else None,
                      **ctx.meta.model_dump())
    return DocumentResult(document=row, pages_done=len(doc.pages),
                          **{name: getattr(ctx, name) for name in StageRecords.model_fields})


def _warn_if_not_a_plan(ctx: StageContext) -> None:
    text = " ".join(ln.text for ln in ctx.doc.content_lines()[:2000])
    if len(PLAN_WORDS_RE.findall(text)) < 3 or (ctx.meta.plan_year is None and ctx.meta.municipality is None):
        ctx.warn("document", "this does not look like an employment plan (no plan year or municipality, "
                             "few employment words)")


def failed_result(path: Path, source_path: str, doc_id: str, error: str) -> DocumentResult:
    fmt = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    row = DocumentRow(doc_id=doc_id, source_path=source_path, file_name=path.name, format=fmt,
                      status="failed", error=error, extractor_version=extractor_version())
    return DocumentResult(document=row)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    return f"{Path(last.filename).name}:{last.lineno}" if last else "?"
