"""The version written to documents.extractor_version: the package version plus a digest of
the stage versions and of the code and catalogues that extraction reads. Changing any
extractor, model or catalogue file makes stored documents out of date, so `bplan ingest`
extracts them again without `--force`; the report, store and CLI code do not count."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION_SOURCES = ("extractors", "models", "pipeline/run.py", "pipeline/stages.py")


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        return metadata.version("bplan")
    except metadata.PackageNotFoundError:
        return "0.0.0+local"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    from pipeline.stages import STAGES
    digest = hashlib.sha1(",".join(f"{s.name}:{s.version}" for s in STAGES).encode())
    for path in _source_files():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{package_version()}+{digest.hexdigest()[:8]}"


def _source_files() -> list[Path]:
    files: list[Path] = []
    for name in EXTRACTION_SOURCES:
        path = ROOT / name
        found = path.rglob("*") if path.is_dir() else [path]
        files += [f for f in found if f.is_file() and f.suffix in (".py", ".yaml", ".yml", ".json", ".csv", ".md", ".txt")]
    return sorted(files)
