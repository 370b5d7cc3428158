"""OCR for scanned PDFs without a text layer, when `ocrmypdf` (with Tesseract and its Danish
language data) is installed. Without it, such a PDF is stored as `failed` with a hint."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

OCR_TIMEOUT = 600


def ocr_available() -> bool:
    return shutil.which("ocrmypdf") is not None


def ocr_hint() -> str:
    return "" if ocr_available() else "; install ocrmypdf and tesseract-ocr-dan to OCR it"


@contextmanager
def ocr_copy(path: Path) -> Iterator[Optional[Path]]:
    """An OCR'd copy of the PDF in a temporary folder that is removed afterwards; None when
    OCR is unavailable or fails."""
    if not ocr_available():
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="bplan-ocr-"))
    try:
        yield _run_ocrmypdf(path, folder / path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_ocrmypdf(path: Path, out: Path) -> Optional[Path]:
    languages = "dan+eng" if _has_danish() else "eng"
    try:
        subprocess.run(["ocrmypdf", "--force-ocr", "-q", "-l", languages, str(path), str(out)],
                       check=True, timeout=OCR_TIMEOUT, capture_output=True)
    except (subprocess.SubprocessError, OSError):
        return None
    return out if out.exists() else None


def _has_danish() -> bool:
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (subprocess.SubprocessError, OSError):
        return False
    return "dan" in listed.stdout.split()
