"""ASGI middleware in front of the API: Host check, request body limit, security headers.

A plain ASGI middleware rather than Starlette's ``BaseHTTPMiddleware``, so a body is counted as
it streams in (a missing or false Content-Length cannot slip past the limit) and refusals keep
the API's one JSON error shape.
"""
from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable

from starlette.exceptions import HTTPException

Scope = dict
Message = dict
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# The page loads only its own files; Leaflet sets inline styles from script (CSSOM, allowed) and
# draws tiles-free SVG; images are its own icons or data: URIs.  Nothing may frame the page.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class BodyTooLarge(HTTPException):
    """Raised while the body streams in; FastAPI passes an HTTPException on, the app answers 413."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is larger than {limit} bytes")


def _host_of(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):                     # [::1]:8000
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Wrap ``app``: refuse a Host outside ``allowed_hosts`` (None: any) with 400, a body beyond
    ``max_body`` bytes with 413, and add the security headers to every response."""

    def __init__(self, app: App, max_body: int, allowed_hosts: Iterable[str] | None = None):
        self.app = app
        self.max_body = max_body
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed is not None:
            host = _host_of(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.allowed:
                await self._refuse(send, 400, "R803", f"host {host!r} is not served here",
                                   "Open the page at the address rasd serve printed, or start it with "
                                   "--allow-host NAME.")
                return
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(send, 413, "R804", f"the request body is larger than {self.max_body} bytes",
                                   "Send a smaller body, or start rasd serve with a larger --max-body.")
                return

        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, counted, secured)
        except BodyTooLarge:
            if not started:
                await self._refuse(send, 413, "R804", f"the request body is larger than {self.max_body} bytes",
                                   "Send a smaller body, or start rasd serve with a larger --max-body.")

    @staticmethod
    async def _refuse(send: Send, status: int, code: str, message: str, hint: str) -> None:
        body = json.dumps({"error": {"code": code, "message": message, "hint": hint}}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), *HEADERS]})
        await send({"type": "http.response.body", "body": body})
