"""Sharded inputs: what one Dask task reads, in the order ``rasd ingest`` would read it.

A shard is one file (a news zip, a JSONL or JSONL.gz shard, a WARC) or a run of up to
``FILES_PER_SHARD`` small files of a folder.  Globs expand in sorted order; a folder expands to
its files below in the order :mod:`rasd.ingest.directory` reads them, so the position of every
input (shard number, then item number) is the order a one-process ingest meets it.
"""
from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.records import RawReport, Rejected
from rasd.ingest.sources import read_file

FILES_PER_SHARD = 64


@dataclass(frozen=True)
class Shard:
    no: int                   # position in the input order
    files: tuple[str, ...]


def _folder_files(root: Path) -> list[str]:
    return [str(p) for p in sorted(p for p in root.rglob("*") if p.is_file())
            if not any(part.startswith(".") for part in p.relative_to(root).parts)]


def plan(inputs: list[str], files_per_shard: int = FILES_PER_SHARD) -> list[Shard]:
    """The shards of every INPUT (file, folder or glob), numbered in input order."""
    groups: list[tuple[str, ...]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = _folder_files(path)
            groups += [tuple(files[i:i + files_per_shard]) for i in range(0, len(files), files_per_shard)]
        elif path.exists():
            groups.append((item,))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"no file matches {item!r}", hint="Check the pattern; quote it so the shell "
                                 "does not expand it.")
            for m in matches:
                groups += [tuple(_folder_files(Path(m)))] if Path(m).is_dir() else [(m,)]
        else:
            raise InputError(f"no such file or folder: {item}",
                             hint="rasd batch reads files, folders and globs (URLs: use rasd ingest).")
    return [Shard(no, files) for no, files in enumerate(g for g in groups if g)]


def content_key(shard: Shard) -> str:
    """The shard's identity: sha256 over its files' bytes (a rerun skips a shard whose key is done)."""
    h = hashlib.sha256()
    for name in shard.files:
        h.update(len(name.encode()).to_bytes(4, "big"))
        try:
            with open(name, "rb") as fh:
                while block := fh.read(1 << 20):
                    h.update(block)
        except OSError:
            h.update(b"\0unreadable")
    return h.hexdigest()


def failed_part(shard: Shard) -> str:
    """The quarantine part naming a failed task of this shard (by its file names: the content may
    be what could not be read); removed when the shard is done."""
    return "failed-" + hashlib.sha256("\n".join(shard.files).encode()).hexdigest()[:20]


def read_shard(shard: Shard) -> Iterator[RawReport | Rejected]:
    """Every report (or rejected input) of the shard, read exactly as ``rasd ingest`` reads each
    file (gzipped JSON lines included: :mod:`rasd.ingest.gz`)."""
    for name in shard.files:
        yield from read_file(Path(name))


def write_jsonl(raws: Iterable[RawReport], folder: Path, shards: int) -> list[str]:
    """Write inputs, in order and as evenly as they divide, as ``shards`` JSON-lines files
    (``part-0.jsonl`` …, the fields rasd's JSONL reader takes) in ``folder``: one corpus split so
    that ``rasd ingest`` and ``rasd batch`` read the same inputs in the same order."""
    items = list(raws)
    per = -(-len(items) // shards)
    paths = []
    for i in range(shards):
        path = Path(folder) / f"part-{i}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for raw in items[i * per:(i + 1) * per]:
                fh.write(json.dumps({"text": raw.text, "html": raw.html, "title": raw.title, "url": raw.url,
                                     "outlet": raw.outlet, "published": raw.published}, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths
