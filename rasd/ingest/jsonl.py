"""JSON records: JSON lines (one report per line) or a JSON array of reports.

A record has ``text`` or ``html`` plus optional ``title``, ``url``, ``outlet``, ``published``
(YYYY-MM-DD, a time may follow; anything else quarantines the record) and ``doc_id`` (kept).
The news-archive shape {source, url, date_extracted, title, author, content} is read too:
source → outlet, date_extracted → published (its date), content → text.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import BAD_RECORD, UNDECODABLE, UNREADABLE, RawReport, Rejected


def _str(v) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def record(origin: str, obj) -> RawReport | Rejected:
    if not isinstance(obj, dict):
        return Rejected(origin, BAD_RECORD, f"a record must be a JSON object, not {type(obj).__name__}")
    text = obj.get("text", obj.get("content"))
    html = obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Rejected(origin, BAD_RECORD, "the record has no 'text', 'content' or 'html' string")
    # checked (and cut to YYYY-MM-DD) at preparation: a malformed date quarantines the record
    published = obj.get("published") if obj.get("published") is not None else obj.get("date_extracted")
    if isinstance(published, str):
        published = published.strip() or None
    return RawReport(origin=origin, text=text if isinstance(text, str) else None,
                     html=None if isinstance(text, str) else html, title=_str(obj.get("title")),
                     url=_str(obj.get("url")), outlet=_str(obj.get("outlet")) or _str(obj.get("source")),
                     published=published, doc_id=_str(obj.get("doc_id")))


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    try:
        body = decode(data)
    except InputError as e:
        yield Rejected(name, UNDECODABLE, e.message)
        return
    if body.lstrip().startswith("["):
        try:
            items = json.loads(body)
        except json.JSONDecodeError as e:
            yield Rejected(name, UNREADABLE, f"not a JSON array: {e}")
            return
        for i, obj in enumerate(items):
            yield record(f"{name}#{i}", obj)
        return
    for n, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{name}#{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(origin, BAD_RECORD, f"line {n} is not JSON: {e}")
            continue
        yield record(origin, obj)
