"""Coded, human error messages (spaCy style). A loader raises `LoadError`; the
pipeline turns it into a `documents` row with status `failed` and this one line."""
from __future__ import annotations


class Errors:
    E001 = "empty file (0 bytes)"
    E002 = "password-protected PDF: cannot read it without the password"
    E003 = "not a readable PDF ({detail})"
    E004 = "no text layer: the PDF holds only images (scanned pages){ocr_hint}"
    E005 = "unsupported file type {suffix!r}: bplan reads .pdf, .txt, .md and .html"
    E006 = "cannot decode the text as UTF-16 (with its byte-order mark), UTF-8 or cp1252"
    E007 = "timed out after {seconds:.0f} s"
    E008 = "extraction crashed: {detail}"
    E009 = "file not found or unreadable: {detail}"


# failures that may not happen again (a slow machine, a killed worker): a rerun retries them
RETRY_PREFIXES = (Errors.E007.split("{")[0], Errors.E008.split("{")[0])


def is_retryable(status: str, error: str | None) -> bool:
    return status == "failed" and bool(error) and error.startswith(RETRY_PREFIXES)


class LoadError(Exception):
    """A file that cannot be read: the message is the one-line reason stored in `documents.error`."""
