"""Directories: every file below, recursively, in a stable (sorted) order; hidden files skipped."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasd.ingest.records import RawReport, Rejected


def read(root: Path) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import read_file

    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        yield from read_file(path)
