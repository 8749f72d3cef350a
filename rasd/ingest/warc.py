"""WARC crawls: each HTML (or plain-text) response record is one report.

warcio is the reference WARC reader (gzip members, chunked and malformed records handled).
Requests, warcinfo and metadata records are not inputs; a response of another content type
(image, script) is an input rasd does not read, and is quarantined as unsupported.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import (
    UNDECODABLE,
    UNREADABLE,
    UNSUPPORTED,
    RawReport,
    Rejected,
)


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response":
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            origin = f"{name}#{uri}"
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
            body = rec.content_stream().read()
            if "html" not in ctype and "text/plain" not in ctype:
                yield Rejected(origin, UNSUPPORTED, f"content type {ctype or 'unknown'}")
                continue
            try:
                text = decode(body)
            except InputError as e:
                yield Rejected(origin, UNDECODABLE, e.message)
                continue
            if "html" in ctype:
                yield RawReport(origin=origin, html=text, url=uri)
            else:
                yield RawReport(origin=origin, text=text, url=uri)
    except ArchiveLoadFailed as e:
        yield Rejected(name, UNREADABLE, f"not a readable WARC file: {e}")
