"""Zip archives: every member is read as the file kind its name says (zips may nest)."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from rasd.ingest.records import TOO_LARGE, UNREADABLE, RawReport, Rejected


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    from rasd.ingest.sources import MAX_FILE_BYTES, read_bytes

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as e:
        yield Rejected(name, UNREADABLE, f"not a readable zip file: {e}")
        return
    for m in members:
        origin = f"{name}!{m.filename}"
        if m.file_size > MAX_FILE_BYTES:
            yield Rejected(origin, TOO_LARGE, f"{m.file_size} bytes unpacked")
            continue
        try:
            body = archive.read(m)
        except (zipfile.BadZipFile, OSError, RuntimeError) as e:  # RuntimeError: encrypted member
            yield Rejected(origin, UNREADABLE, str(e))
            continue
        yield from read_bytes(origin, body)
