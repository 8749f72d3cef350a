"""WARC crawls: each HTML (or plain-text) response record is one report.

warcio is the reference WARC reader (gzip members, chunked and malformed records handled).
Requests, warcinfo and metadata records are not inputs; a response of another content type
(image, script) is an input rasd does not read, and is quarantined as unsupported.
"""
from __future__ import annotations

import io
from email.utils import parsedate_to_datetime
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import (
    EMPTY,
    UNDECODABLE,
    UNREADABLE,
    UNSUPPORTED,
    RawReport,
    Rejected,
)


def _day(value: str | None) -> str | None:
    """The date of a WARC-Date (ISO) or HTTP Last-Modified (RFC 1123) header, else None."""
    if not value:
        return None
    if len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    """Each response record; an archive with none (empty, garbage) is one rejected input."""
    found = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response":
                continue
            found += 1
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            origin = f"{name}#{uri}"
            # the page's own date wins (HTML meta, at preparation); then Last-Modified, then capture
            when = (_day(rec.http_headers.get_header("Last-Modified")) if rec.http_headers else None) \
                or _day(rec.rec_headers.get_header("WARC-Date"))
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
                yield RawReport(origin=origin, html=text, url=uri, fallback_published=when)
            else:
                yield RawReport(origin=origin, text=text, url=uri, fallback_published=when)
    except ArchiveLoadFailed as e:
        yield Rejected(name, UNREADABLE, f"not a readable WARC file: {e}")
        return
    except Exception as e:  # noqa: BLE001 - warcio raises many kinds on a truncated or garbled crawl
        yield Rejected(name, UNREADABLE, f"the WARC file is damaged after {found} records: "
                                         f"{type(e).__name__}: {e}")
        return
    if found == 0:
        yield Rejected(name, EMPTY, "no response records (an empty or unreadable WARC file)")
