"""RSS and Atom feeds: one entry, one report (the entry's full content, else its summary).

feedparser reads every RSS/Atom dialect and their date formats, which a hand parser would not.
An entry body is an HTML fragment, not a page: its text is taken whole (lxml), since a
boilerplate remover would discard a fragment that has no page around it.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
import lxml.html
from lxml.etree import ParserError

from rasd.ingest.records import UNREADABLE, RawReport, Rejected


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _date(entry) -> str | None:
    t = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", t) if t else None


def fragment_text(body: str) -> str:
    if not body.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(body, create_parent="div")
    except ParserError:
        return body
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content()


def read(name: str, data: bytes) -> Iterator[RawReport | Rejected]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a readable feed: {parsed.get('bozo_exception', 'no entries')}"
        yield Rejected(name, UNREADABLE, reason)
        return
    outlet = parsed.feed.get("title") or None
    for i, entry in enumerate(parsed.entries):
        content = entry.get("content")
        body = content[0].get("value") if content else entry.get("summary")
        link = entry.get("link") or None
        yield RawReport(origin=f"{name}#{link or i}", text=fragment_text(body or ""), title=entry.get("title") or None,
                        url=link, outlet=outlet, published=_date(entry))
