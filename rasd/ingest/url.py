"""URLs: a page or a feed fetched over HTTP(S) with httpx; a feed's entries become reports.

A fetch is bounded: only ``http``/``https``; hosts that resolve to loopback, private, link-local
or reserved addresses are refused unless the caller allows them (a server-side ingest must not
become a way into the local network); the body is streamed and cut at ``MAX_BYTES``; the whole
fetch, redirects included, has one deadline (``DEADLINE`` seconds), so a slow-drip server cannot
hang an ingest.  Redirects are followed by hand so that every hop is checked the same way.

The address check cannot be separated from the connection (DNS rebinding: a name that answers a
public address to the check and a private one to the connect).  So the host is resolved once,
every address it answers is checked, and the request is sent to the checked address itself (the
URL's host replaced by the IP; the ``Host`` header and, for https, the TLS server name and the
certificate check keep the real name).  As a second guard, the address the response actually
came from (httpx's ``network_stream`` extension) is checked again before a byte of the body is
read.  Environment proxies are not used while private addresses are refused: a proxy would
connect on rasd's behalf, where neither guard can see.
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


def _non_public(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return (addr.is_loopback or addr.is_private or addr.is_link_local or addr.is_multicast
            or addr.is_reserved or addr.is_unspecified)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(text.split("%", 1)[0])


def check_target(url: str, allow_private: bool = False) -> str | None:
    """Raise :class:`Refused` for a scheme other than http(s) or, unless allowed, a host that
    resolves to a loopback, private, link-local, multicast or reserved address.

    Returns the checked address the request must be sent to (None when private addresses are
    allowed: then the host is left to httpx to resolve)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Refused(f"scheme {parts.scheme or '(none)'!r} is not fetched; only http and https")
    host = parts.hostname
    if not host:
        raise Refused("the URL has no host")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise Refused(f"cannot resolve {host}: {e}") from None
    for info in infos:
        addr = _address(info[4][0])
        if _non_public(addr):
            raise Refused(f"{host} resolves to the non-public address {addr} "
                          "(pass --allow-private to fetch it)")
    if not infos:
        raise Refused(f"cannot resolve {host}: no address")
    return infos[0][4][0].split("%", 1)[0]


def pinned(url: str, ip: str) -> tuple[httpx.URL, dict, dict]:
    """The request for ``url`` sent to the address ``ip``: (URL with the IP as its host, the
    ``Host`` header, httpx extensions naming the TLS server so the certificate is checked
    against the real host name)."""
    u = httpx.URL(url)
    extensions = {"sni_hostname": u.raw_host.decode("ascii")} if u.scheme == "https" else {}
    return u.copy_with(host=ip), {"Host": u.netloc.decode("ascii")}, extensions


def _check_connected(r: httpx.Response, host: str) -> None:
    """Refuse a response that came from a non-public address (whatever the resolver said)."""
    stream = r.extensions.get("network_stream")
    server = stream.get_extra_info("server_addr") if stream is not None else None
    if not server:
        return
    addr = _address(str(server[0]))
    if _non_public(addr):
        raise Refused(f"{host} connected to the non-public address {addr} "
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
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers,
                      trust_env=allow_private) as client:
        for _ in range(MAX_REDIRECTS + 1):
            ip = check_target(url, allow_private)
            target, extra, extensions = (url, {}, {}) if ip is None else pinned(url, ip)
            with client.stream("GET", target, headers=extra, extensions=extensions) as r:
                if not allow_private:
                    _check_connected(r, urlsplit(url).hostname or url)
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
                return url, dict(r.headers), b"".join(chunks)
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
