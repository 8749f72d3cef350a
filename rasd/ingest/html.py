"""HTML pages: one page, one report; boilerplate removed by trafilatura at preparation.

trafilatura is the maintained boilerplate remover the field evaluates against; it also finds
the page's title and publication date, which we keep.
"""
from __future__ import annotations

from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import UNDECODABLE, RawReport, Rejected


def read(name: str, data: bytes, url: str | None = None) -> Iterator[RawReport | Rejected]:
    try:
        yield RawReport(origin=name, html=decode(data), url=url)
    except InputError as e:
        yield Rejected(name, UNDECODABLE, e.message)


def to_text(html: str, url: str | None = None) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date (YYYY-MM-DD) of a page; text is '' when none."""
    import trafilatura  # heavy import, only where HTML is met

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.title or None, doc.date or None
