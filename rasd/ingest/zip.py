"""Zip archives: every member is read as the file kind its name says (zips may nest, once).

Archives are untrusted: a few megabytes can claim gigabytes (a zip bomb).  Before a member is
unpacked its declared size and compression ratio are checked; while it is unpacked the bytes
actually produced are counted (headers can lie) against the member limit and the archive's
total; a zip inside a zip inside a zip is not opened.  Each refusal is a rejected record with
its reason, and the rest of the archive is still read.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from rasd.ingest.records import TOO_LARGE, UNREADABLE, RawReport, Rejected

MAX_MEMBER_BYTES = 256 * 1024 * 1024      # one member, unpacked
MAX_TOTAL_BYTES = 1024 * 1024 * 1024      # all members of one archive (nested ones included)
MAX_RATIO = 200                           # unpacked / packed size of one member
MAX_DEPTH = 2                             # an archive may hold archives, which may not


def depth_of(name: str) -> int:
    """How many archives ``name`` lies inside (``a.zip!b.zip!c.txt`` → 2)."""
    return name.count("!")


def _read_member(archive: zipfile.ZipFile, m: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The member's bytes, or None when it unpacks to more than ``limit`` bytes."""
    with archive.open(m) as fh:
        body = fh.read(limit + 1)
    return None if len(body) > limit else body


def read(name: str, data: bytes, budget: list[int] | None = None) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import read_bytes

    if depth_of(name) >= MAX_DEPTH:
        yield Rejected(name, TOO_LARGE, f"an archive nested {depth_of(name) + 1} deep; rasd opens "
                                        f"archives at most {MAX_DEPTH} deep")
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        yield Rejected(name, UNREADABLE, f"not a readable zip file: {e}")
        return
    budget = budget if budget is not None else [MAX_TOTAL_BYTES]
    for m in members:
        origin = f"{name}!{m.filename}"
        if m.file_size > MAX_MEMBER_BYTES:
            yield Rejected(origin, TOO_LARGE, f"{m.file_size} bytes unpacked; at most {MAX_MEMBER_BYTES}")
            continue
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(1, m.compress_size):
            yield Rejected(origin, TOO_LARGE, f"compression ratio {m.file_size // max(1, m.compress_size)}:1 "
                                              f"(a zip bomb?); at most {MAX_RATIO}:1")
            continue
        if m.file_size > budget[0]:
            yield Rejected(origin, TOO_LARGE, f"the archive unpacks to more than {MAX_TOTAL_BYTES} bytes")
            continue
        try:
            body = _read_member(archive, m, min(MAX_MEMBER_BYTES, budget[0]))
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, NotImplementedError) as e:
            yield Rejected(origin, UNREADABLE, str(e) or type(e).__name__)  # RuntimeError: encrypted
            continue
        if body is None:
            yield Rejected(origin, TOO_LARGE, "unpacks to more than its header says or the archive allows")
            budget[0] = 0
            continue
        budget[0] -= len(body)
        if body[:4] == b"PK\x03\x04" or m.filename.lower().endswith(".zip"):
            yield from read(origin, body, budget)
        else:
            yield from read_bytes(origin, body)
