"""The version written to documents.extractor_version: the package version plus a digest of
the stage versions, so changing any extractor makes stored documents out of date."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        return metadata.version("bplan")
    except metadata.PackageNotFoundError:
        return "0.0.0+local"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    from pipeline.stages import STAGES
    parts = ",".join(f"{s.name}:{s.version}" for s in STAGES)
    digest = hashlib.sha1(parts.encode()).hexdigest()[:8]
    return f"{package_version()}+{digest}"
