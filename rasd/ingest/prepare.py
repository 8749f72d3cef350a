"""RawReport → Report: boilerplate removal, whitespace cleaning, identity and the input checks."""
from __future__ import annotations

import hashlib
import re

from rasd.errors import InputError
from rasd.ingest import html as html_reader
from rasd.ingest.encoding import arabic_share
from rasd.ingest.meta import check_published
from rasd.ingest.records import (
    BAD_METADATA,
    EMPTY,
    NOT_ARABIC,
    TOO_LARGE,
    RawReport,
    Rejected,
    Report,
)

MAX_CHARS = 200_000        # longer is a dump or a book, not a news report
MAX_HTML_CHARS = html_reader.MAX_HTML_CHARS
MIN_ARABIC_SHARE = 0.5
MIN_CHARS = 20

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BREAKS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalised whitespace: one space inside lines, at most one empty line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip()


def identity(text: str) -> str:
    """A report's identity: sha256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare(raw: RawReport) -> Report | Rejected:
    title, published, warnings = raw.title, raw.published, raw.warnings
    if raw.html is not None:
        if len(raw.html) > MAX_HTML_CHARS:
            return Rejected(raw.origin, TOO_LARGE, f"{len(raw.html)} characters of HTML")
        body, page_title, page_date, more = html_reader.page_text(raw.html, raw.url)
        title, published, warnings = title or page_title, published or page_date, warnings + more
    else:
        body = raw.text or ""
    try:
        published = check_published(published)
    except InputError as e:
        return Rejected(raw.origin, BAD_METADATA, e.message)
    if published is None and raw.fallback_published:
        try:   # a header date (WARC, HTTP) is a hint: a malformed one is ignored, not fatal
            published = check_published(raw.fallback_published)
        except InputError:
            published = None
    text = clean_text(body)
    if len(text) < MIN_CHARS:
        return Rejected(raw.origin, EMPTY, f"{len(text)} characters of text after cleaning")
    if len(text) > MAX_CHARS:
        return Rejected(raw.origin, TOO_LARGE, f"{len(text)} characters; a report has at most {MAX_CHARS}")
    share = arabic_share(text)
    if share < MIN_ARABIC_SHARE:
        return Rejected(raw.origin, NOT_ARABIC, f"{share:.0%} of the letters are Arabic")
    return Report(origin=raw.origin, sha=identity(text), text=text, title=title, url=raw.url,
                  outlet=raw.outlet, published=published, doc_id=raw.doc_id, warnings=warnings)
