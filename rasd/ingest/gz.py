"""Gzipped files other than WARC (``part-0000.jsonl.gz``, ``page.html.gz``, ``day.json.gz``):
unpacked, then read as the kind the name without ``.gz`` says.

The standard library's ``gzip`` reads the stream.  Like a zip member, what it unpacks is untrusted
(a few megabytes can claim gigabytes), so the bytes actually produced are counted against a cap
and a compression ratio before anything is parsed.  A refusal is a rejected record with its reason.
Reports keep the name of the file on disk as their origin (``part-0000.jsonl.gz#3``), so
``rasd ingest`` and ``rasd batch`` name the same line the same way.
"""
from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator

from rasd.ingest.records import TOO_LARGE, UNREADABLE, UNSUPPORTED, RawReport, Rejected
from rasd.ingest.zip import MAX_MEMBER_BYTES, MAX_RATIO

MAGIC = b"\x1f\x8b"


def inner_name(name: str) -> str:
    """``a/b.jsonl.gz`` → ``a/b.jsonl`` (the name whose suffix says what the unpacked bytes are)."""
    return name[:-3] if name.lower().endswith(".gz") else name


def head(data: bytes, n: int = 512) -> bytes:
    """The first ``n`` unpacked bytes of a gzip stream (b"" when the stream is unreadable)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:64 * 1024], n)
    except zlib.error:
        return b""


def is_warc(data: bytes) -> bool:
    """A gzipped WARC (record by record, as crawlers write them) rather than gzipped reports."""
    return head(data).lstrip().startswith((b"WARC/", b"ARC/"))


def unpack(data: bytes, limit: int = MAX_MEMBER_BYTES) -> bytes | None:
    """The unpacked bytes, or None when they would exceed ``limit`` or ``MAX_RATIO`` times the
    packed size (beyond the first megabyte).  Raises OSError/EOFError/zlib.error on a bad stream."""
    cap = min(limit, max(1024 * 1024, MAX_RATIO * len(data)))
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        body = fh.read(cap + 1)
    return None if len(body) > cap else body


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import KINDS, kind_of

    inner = inner_name(name)
    try:
        body = unpack(data)
    except (OSError, EOFError, zlib.error) as e:
        yield Rejected(name, UNREADABLE, f"not a readable gzip file: {e}")
        return
    if body is None:
        yield Rejected(name, TOO_LARGE, f"unpacks to more than {MAX_MEMBER_BYTES} bytes or "
                                        f"{MAX_RATIO} times its size (a gzip bomb?)")
        return
    kind = kind_of(inner, body)
    if kind == "gzip" or body.startswith(MAGIC):
        yield Rejected(name, UNSUPPORTED, "a gzip inside a gzip; rasd unpacks one level")
        return
    if kind is None:
        yield Rejected(name, UNSUPPORTED, "unpacks to a file kind rasd does not read (binary content)")
        return
    yield from KINDS[kind](name, body)


def count_lines(path, limit: int = MAX_MEMBER_BYTES) -> int:
    """About how many JSON lines a gzipped file holds (newlines in at most ``limit`` unpacked
    bytes, read a block at a time: a bomb without newlines never becomes one huge line)."""
    n, seen, last = 0, 0, b"\n"
    with gzip.open(path, "rb") as fh:
        while seen < limit and (block := fh.read(1 << 20)):
            n += block.count(b"\n")
            seen += len(block)
            last = block[-1:]
    return n + (last != b"\n")
