"""HTML pages: one page, one report; boilerplate removed by trafilatura at preparation.

trafilatura is the maintained boilerplate remover the field evaluates against; it also finds
the page's title and publication date, which we keep.  Two guards come before it: a page larger
than ``MAX_HTML_CHARS`` is refused before any parsing (parsing costs about 20 bytes of memory per
byte of HTML), and when the parse yields no text although the page has some (lxml gives up on
pages nested deeper than 255 elements) the text is taken with the standard library's tolerant
``html.parser`` instead, with a warning.
"""
from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from rasd.errors import InputError
from rasd.ingest.encoding import decode
from rasd.ingest.records import UNDECODABLE, RawReport, Rejected

MAX_HTML_CHARS = 5_000_000
_SKIP = {"script", "style", "noscript", "template", "head", "svg"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
          "blockquote", "td", "title"}


def read(name: str, data: bytes, url: str | None = None) -> Iterator[RawReport | Rejected]:
    try:
        yield RawReport(origin=name, html=decode(data), url=url)
    except InputError as e:
        yield Rejected(name, UNDECODABLE, e.message)


class _Text(HTMLParser):
    """Every text node outside script/style, a line break at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """All the text of a page, however deeply nested or broken (no boilerplate removal)."""
    p = _Text()
    p.feed(html)
    p.close()
    return "".join(p.parts)


def check_size(html: str) -> None:
    if len(html) > MAX_HTML_CHARS:
        raise InputError(f"the page has {len(html):,} characters of HTML; rasd reads pages up to "
                         f"{MAX_HTML_CHARS:,}", hint="Save the article's text, or a smaller page.")


def page_text(html: str, url: str | None = None) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """Main text, title, publication date (YYYY-MM-DD) and warnings of a page; text '' when none.

    Raises InputError, before parsing, when the page is larger than ``MAX_HTML_CHARS``."""
    check_size(html)
    import trafilatura  # heavy import, only where HTML is met

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True)
    except (ValueError, RecursionError) as e:  # lxml/trafilatura on pathological markup
        doc, err = None, f"{type(e).__name__}"
    else:
        err = None
    text = (doc.text or "") if doc is not None else ""
    title = (doc.title or None) if doc is not None else None
    date = (doc.date or None) if doc is not None else None
    if text.strip() or (doc is not None and err is None):
        return text, title, date, ()
    fallback = plain_text(html)
    if fallback.strip():
        why = f"the HTML parser failed ({err})" if err else "the HTML parser gave up (nesting too deep?)"
        return fallback, title, date, (f"{why}; read the page as plain text, boilerplate included",)
    return "", title, date, ()


def to_text(html: str, url: str | None = None) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date (YYYY-MM-DD) of a page; text is '' when none."""
    text, title, date, _ = page_text(html, url)
    return text, title, date
