"""Plain-text reports: one file, one report."""
from __future__ import annotations

from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import UNDECODABLE, RawReport, Rejected


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    try:
        yield RawReport(origin=name, text=decode(data))
    except InputError as e:
        yield Rejected(name, UNDECODABLE, e.message)
