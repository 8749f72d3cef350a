"""Directories: every file below, recursively, in a stable (sorted) order; hidden files skipped.

Metadata files are not reports: an ``index.jsonl`` (and any JSON-lines file whose lines describe
files by ``text_file``, such as a gold file) and a ``NAME.json`` beside ``NAME.txt`` give the
publication metadata of the files they name (see :mod:`rasd.ingest.meta`).  A dangling symlink
is an input that cannot be read, and is rejected, not skipped.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasd.ingest import meta
from rasd.ingest.records import RawReport, Rejected


class FolderMeta:
    """The ``index.jsonl`` of each folder, read once per folder."""

    def __init__(self) -> None:
        self._index: dict[Path, dict[str, dict]] = {}

    def of(self, path: Path) -> dict:
        folder = path.parent
        if folder not in self._index:
            idx = folder / meta.INDEX_NAME
            self._index[folder] = meta.read_index(idx) if idx.is_file() else {}
        found = dict(self._index[folder].get(path.name, {}))
        found.update(meta.sidecar_json(path) or {})
        return found


def is_metadata(path: Path) -> bool:
    return meta.is_index(path) or meta.is_annotation_file(path) or meta.is_sidecar(path)


def read(root: Path) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import read_file

    folders = FolderMeta()
    for path in sorted(p for p in root.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists())):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.exists() and is_metadata(path):
            continue
        yield from read_file(path, folders.of(path) if path.exists() else None)
