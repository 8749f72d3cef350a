"""URLs: a page or a feed fetched over HTTP(S) with httpx; a feed's entries become reports.

A fetch is bounded: only ``http``/``https``; hosts that resolve to loopback, private, link-local
or reserved addresses are refused unless the caller allows them (a server-side ingest must not
become a way into the local network); the body is streamed and cut at ``MAX_BYTES``; the whole
fetch, redirects included, has one deadline (``DEADLINE`` seconds), so a slow-drip server cannot
hang an ingest.  Redirects are followed by hand so that every hop is checked the same way.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from rasd import __version__
from rasd.ingest import feed, html
from rasd.ingest.records import REFUSED, TOO_LARGE, UNREADABLE, RawReport, Rejected

TIMEOUT = 30.0            # per network operation (connect, each read)
DEADLINE = 120.0          # the whole fetch, redirects included
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class Refused(Exception):
    """A URL rasd will not fetch (internal to this module: becomes a Rejected record)."""


def has_scheme(source: str) -> bool:
    """``scheme://…``: a URL (fetched if http/https, refused otherwise), not a file name."""
    return bool(_SCHEME.match(source))


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def check_target(url: str, allow_private: bool = False) -> None:
    """Raise :class:`Refused` for a scheme other than http(s) or, unless allowed, a host that
    resolves to a loopback, private, link-local, multicast or reserved address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Refused(f"scheme {parts.scheme or '(none)'!r} is not fetched; only http and https")
    host = parts.hostname
    if not host:
        raise Refused("the URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise Refused(f"cannot resolve {host}: {e}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if (addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_multicast
                or addr.is_reserved or addr.is_unspecified):
            raise Refused(f"{host} resolves to the non-public address {addr} "
                          "(pass --allow-private to fetch it)")


def fetch(url: str, *, allow_private: bool = False, max_bytes: int | None = None,
          deadline: float | None = None, timeout: float | None = None) -> tuple[str, dict, bytes]:
    """GET ``url`` within the limits (default: the module's); return (final URL, headers, body).

    Raises :class:`Refused` (scheme, address, size) or ``httpx.HTTPError``/``TimeoutError``."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    deadline = DEADLINE if deadline is None else deadline
    timeout = TIMEOUT if timeout is None else timeout
    end = time.monotonic() + deadline
    headers = {"User-Agent": f"rasd/{__version__}"}
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_target(url, allow_private)
            with client.stream("GET", url) as r:
                if r.is_redirect and "location" in r.headers:
                    url = urljoin(url, r.headers["location"])
                    continue
                r.raise_for_status()
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise Refused(f"the body is {declared} bytes; rasd fetches at most {max_bytes}")
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise Refused(f"the body exceeds {max_bytes} bytes")
                    if time.monotonic() > end:
                        raise TimeoutError(f"the fetch took longer than {deadline:g} s")
                    chunks.append(chunk)
                return str(r.url), dict(r.headers), b"".join(chunks)
        raise Refused(f"more than {MAX_REDIRECTS} redirects")


def _header_date(headers: dict) -> str | None:
    value = headers.get("last-modified")
    try:
        return parsedate_to_datetime(value).date().isoformat() if value else None
    except (TypeError, ValueError):
        return None


def read(url: str, allow_private: bool = False) -> Iterator[RawReport | Rejected]:
    try:
        final, headers, body = fetch(url, allow_private=allow_private)
    except Refused as e:
        reason = TOO_LARGE if "bytes" in str(e) else REFUSED
        yield Rejected(url, reason, str(e))
        return
    except (httpx.HTTPError, TimeoutError, OSError) as e:
        yield Rejected(url, UNREADABLE, f"fetch failed: {type(e).__name__}: {e}")
        return
    ctype = headers.get("content-type", "")
    if "rss" in ctype or "atom" in ctype or feed.looks_like_feed(body):
        yield from feed.read(url, body)
    else:
        for item in html.read(url, body, url=final):
            if isinstance(item, RawReport):
                item = replace(item, fallback_published=_header_date(headers))
            yield item
