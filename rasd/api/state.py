"""What one app serves from: its read connections, its single writer and the corrections token.

An :class:`ApiState` is made by ``create_app`` and kept on ``app.state.api``; endpoints receive it
through the :data:`Api` dependency, so nothing lives at module level and two apps never share one.
"""
from __future__ import annotations

import hmac
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request

from rasd.api.errors import ForbiddenError, NotFoundError, UnauthorizedError
from rasd.store import Store


class Readers:
    """Read-only Stores, one per request at a time; opened on demand, at most ``size`` kept."""

    def __init__(self, path: Path, size: int):
        self.path = path
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue(maxsize=size)

    def open(self) -> Store:
        store = Store(self.path)
        store.conn.execute("PRAGMA query_only = ON")
        return store

    @contextmanager
    def reading(self) -> Iterator[Store]:
        try:
            store = self.idle.get_nowait()
        except queue.Empty:
            store = self.open()
        try:
            yield store
        finally:
            try:
                self.idle.put_nowait(store)
            except queue.Full:
                store.close()

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


class ApiState:
    """The read pool, the one writer (under a lock: design §14) and the token writes need."""

    def __init__(self, path: Path, readers: int, token: str | None):
        self.writer = Store(path)   # migrates an older database (the corrections table) before readers open
        self.pool = Readers(path, readers)
        self.token = token
        self._write_lock = threading.Lock()

    def reading(self):
        """A ``with`` block over a read-only Store of the pool."""
        return self.pool.reading()

    def require_token(self, authorization: str | None) -> None:
        """Refuse a write without the server's token (or on a server that takes no writes)."""
        if self.token is None:
            raise ForbiddenError("corrections are off: this server was started without a token",
                                 hint="Start it with rasd serve --token TOKEN (or set RASD_TOKEN).")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise UnauthorizedError("a correction needs the server's token",
                                    hint="Send the header Authorization: Bearer TOKEN.")

    def write(self, fn: Callable[..., Any], *args, **kwargs) -> Any:
        """``fn(conn, *args, **kwargs)`` on the writer, in one transaction, one writer at a time."""
        with self._write_lock, self.writer.transaction():
            return fn(self.writer.conn, *args, **kwargs)

    def close(self) -> None:
        self.pool.close()
        self.writer.close()


def api_state(request: Request) -> ApiState:
    return request.app.state.api


Api = Annotated[ApiState, Depends(api_state)]


def report_id(s: Store, doc_id: str) -> int:
    """The store's id of the report ``doc_id`` (404 when there is none)."""
    row = s.conn.execute("SELECT id FROM reports WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no report with doc_id {doc_id!r}")
    return row["id"]
