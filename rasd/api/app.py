"""The HTTP API: extraction, the stored events and their exports, corrections, and the web page.

FastAPI gives request validation and an OpenAPI description for free.  Every error, ours or the
framework's (unknown route, bad parameter), answers with one JSON shape,
``{"error": {"code", "message", "hint"}}``, never a traceback (design §7: :mod:`rasd.api.handlers`).

Reads: every request borrows a read-only connection of its own (``PRAGMA query_only``) from a
small pool, so readers run side by side (WAL lets them beside an ingest).  Writes: only analysts'
corrections, with a token, on one writer connection under a lock (design §14: a single writer;
:mod:`rasd.api.state`).  Extraction runs in FastAPI's thread pool, off the event loop.
:mod:`rasd.api.guard` checks Host, caps bodies and adds security headers.

The endpoints live in one module per group: :mod:`rasd.api.reading` (health, extract, events,
facets, reports, places), :mod:`rasd.api.data` (exports, stats, quarantine),
:mod:`rasd.api.correcting` (corrections) and :mod:`rasd.api.page` (the web page); the store
queries behind them in :mod:`rasd.api.queries`, the parameters in :mod:`rasd.api.params`.
"""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

import rasd
from rasd.api import correcting, data, handlers, page, reading
from rasd.api.guard import Guard
from rasd.api.state import ApiState
from rasd.errors import StoreError

MAX_BODY = 4 * 2**20      # default request body limit (bytes)
READERS = 8               # read connections kept open at most
ENV_DB, ENV_MAX_BODY, ENV_HOSTS, ENV_TOKEN = "RASD_SERVE_DB", "RASD_SERVE_MAX_BODY", "RASD_SERVE_HOSTS", "RASD_TOKEN"


def create_app(db_path: str | Path | None = None, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, readers: int = READERS) -> FastAPI:
    """The ASGI app over the database at ``db_path`` (default: ``rasd.settings.default_db()``).

    ``token``: writes (corrections) need ``Authorization: Bearer TOKEN``; without a token they are
    refused.  ``allowed_hosts``: the Host names served (None: any).  The database must exist:
    serving an empty one made by mistake would hide a wrong path.
    """
    api = ApiState(_existing_db(db_path), readers, token)
    app = FastAPI(title="rasd", version=rasd.__version__, docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="Arabic conflict reports → structured, geolocated event data.")
    app.state.api = api
    app.state.store = api.pool.open()   # read-only; for callers that want the path or a quick look
    app.state.readers = api.pool
    app.state.writes = token is not None
    handlers.install(app)
    page.install(app)
    for module in (reading, data, correcting):
        app.include_router(module.router)
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts)
    return app


def _existing_db(db_path: str | Path | None) -> Path:
    from rasd.settings import default_db

    path = Path(db_path) if db_path is not None else default_db()
    if not path.is_file():
        raise StoreError(f"no database at {path}",
                         hint="Ingest reports first (rasd ingest SOURCES --db PATH), or give the right --db.")
    return path


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.store.close()
    app.state.api.close()


def app_from_env() -> FastAPI:
    """:func:`create_app` configured from the environment, for uvicorn's worker processes
    (``rasd serve --workers N``): each worker process builds its own app, with its own connections."""
    import os

    hosts = os.environ.get(ENV_HOSTS)
    return create_app(os.environ[ENV_DB], token=os.environ.get(ENV_TOKEN) or None,
                      max_body=int(os.environ.get(ENV_MAX_BODY, MAX_BODY)),
                      allowed_hosts=json.loads(hosts) if hosts else None)
