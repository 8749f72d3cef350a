"""Gzipped files other than WARC (``reports.jsonl.gz``, ``page.html.gz``, ``a.json.gz``): unpacked
and read as the kind the name without ``.gz`` says.

The standard library's ``gzip`` reads the stream; like a zip member, what it unpacks is untrusted
(a few megabytes can claim gigabytes), so the bytes actually produced are counted against a cap
and a compression ratio before anything is parsed.  A refusal is a rejected record with its reason.
"""
from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator

from rasd.ingest.records import TOO_LARGE, UNREADABLE, UNSUPPORTED, RawReport, Rejected
from rasd.ingest.zip import MAX_MEMBER_BYTES, MAX_RATIO


def inner_name(name: str) -> str:
    """``a/b.jsonl.gz`` → ``a/b.jsonl`` (the name the unpacked bytes are read by)."""
    return name[:-3] if name.lower().endswith(".gz") else name


def unpack(data: bytes, limit: int = MAX_MEMBER_BYTES) -> bytes | None:
    """The unpacked bytes, or None when they would exceed ``limit`` or ``MAX_RATIO`` times the
    packed size (beyond the first megabyte).  Raises OSError/EOFError/zlib.error on a bad stream."""
    cap = min(limit, max(1024 * 1024, MAX_RATIO * len(data)))
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        body = fh.read(cap + 1)
    return None if len(body) > cap else body


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import read_bytes

    inner = inner_name(name)
    if inner.lower().endswith(".gz"):
        yield Rejected(name, UNSUPPORTED, "a gzip inside a gzip; rasd unpacks one level")
        return
    try:
        body = unpack(data)
    except (OSError, EOFError, zlib.error) as e:
        yield Rejected(name, UNREADABLE, f"not a readable gzip file: {e}")
        return
    if body is None:
        yield Rejected(name, TOO_LARGE, f"unpacks to more than {MAX_MEMBER_BYTES} bytes or "
                                        f"{MAX_RATIO} times its size (a gzip bomb?)")
        return
    yield from read_bytes(inner, body)
