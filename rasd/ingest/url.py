"""URLs: a page or a feed fetched over HTTP(S) with httpx; a feed's entries become reports."""
from __future__ import annotations

from collections.abc import Iterator

import httpx

from rasd import __version__
from rasd.ingest import feed, html
from rasd.ingest.records import UNREADABLE, RawReport, Rejected

TIMEOUT = 30.0


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read(url: str) -> Iterator[RawReport | Rejected]:
    try:
        r = httpx.get(url, timeout=TIMEOUT, follow_redirects=True,
                      headers={"User-Agent": f"rasd/{__version__}"})
        r.raise_for_status()
    except httpx.HTTPError as e:
        yield Rejected(url, UNREADABLE, f"fetch failed: {e}")
        return
    ctype = r.headers.get("content-type", "")
    if "rss" in ctype or "atom" in ctype or feed.looks_like_feed(r.content):
        yield from feed.read(url, r.content)
    else:
        yield from html.read(url, r.content, url=str(r.url))
