"""The HTTP API: extraction, the stored events and their exports, and the web page.

FastAPI gives request validation and an OpenAPI description for free.  Every error, ours or the
framework's (unknown route, bad parameter), answers with one JSON shape,
``{"error": {"code", "message", "hint"}}``, never a traceback (design §7).

The database is opened once, read-only (``PRAGMA query_only``): the API never writes, so an
ingest may run beside it (WAL).  One sqlite3 connection is not safe for concurrent use, so
requests take turns on it under a lock.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

import rasd
from rasd.api.errors import NotFoundError, RequestError, http_status
from rasd.errors import InputError, RasdError, StoreError
from rasd.export import EXPORTERS
from rasd.store import EventFilter, Store, parse_bbox

WEB = Path(__file__).resolve().parent.parent / "web"
DATE = r"^\d{4}-\d{2}-\d{2}$"
SPOOL_BYTES = 8 * 2**20   # an export larger than this is spooled to a temporary file
CHUNK = 64 * 2**10


class ExtractRequest(BaseModel):
    """The body of POST /extract: a report text and what is known of its source."""

    model_config = ConfigDict(extra="forbid")   # a misspelt field is an error, not ignored

    text: str = Field(min_length=1, max_length=2_000_000)
    published: str | None = Field(None, pattern=DATE)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    doc_id: str | None = None


def _error(status: int, code: str, message: str, hint: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "hint": hint}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg')}")
    return "; ".join(parts) or "invalid request"


def event_filter(type: str | None = None, actor: str | None = None, person: str | None = None,
                 place: str | None = None,
                 bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH")] = None,
                 date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
                 date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
                 source: str | None = None,
                 text: Annotated[str | None, Query(description="Full-text query (SQLite FTS5)")] = None,
                 limit: Annotated[int, Query(ge=0, description="At most this many events (0: all)")] = 1000,
                 ) -> EventFilter:
    """The filters of ``rasd events``, as query parameters."""
    try:
        box = parse_bbox(bbox)
    except InputError as e:   # a bad query parameter is a 422 like every other one
        raise RequestError(e.message, hint=e.hint) from None
    return EventFilter(type=type, actor=actor, person=person, place=place, bbox=box,
                       date_from=date_from, date_to=date_to, source=source, text=text, limit=limit or None)


Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(db_path: str | Path | None = None) -> FastAPI:
    """The ASGI app over the database at ``db_path`` (default: ``rasd.settings.default_db()``).

    The database must exist: serving an empty one made by mistake would hide a wrong path.
    """
    from rasd.settings import default_db

    path = Path(db_path) if db_path is not None else default_db()
    if not path.is_file():
        raise StoreError(f"no database at {path}",
                         hint="Ingest reports first (rasd ingest SOURCES --db PATH), or give the right --db.")
    store = Store(path)
    store.conn.execute("PRAGMA query_only = ON")
    db_lock, extract_lock = threading.Lock(), threading.Lock()

    app = FastAPI(title="rasd", version=rasd.__version__, docs_url=None, redoc_url=None,
                  description="Arabic conflict reports → structured, geolocated event data.")
    app.state.store = store

    @contextmanager
    def reading() -> Iterator[Store]:
        with db_lock:
            yield store

    def records(f: EventFilter) -> list[dict]:
        with reading() as s:
            try:
                return list(s.records(f))
            except StoreError as e:
                if f.text:   # the likely cause is the caller's full-text query
                    raise RequestError(e.message, hint="Check the text parameter: SQLite FTS5 syntax "
                                                       "(words, \"a phrase\", OR, NOT).") from e
                raise

    # ---- errors: one shape everywhere ------------------------------------------------------

    @app.exception_handler(RasdError)
    async def rasd_error(request: Request, exc: RasdError) -> JSONResponse:
        return JSONResponse(exc.to_json(), status_code=http_status(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(RequestError.status, RequestError.code, _validation_message(exc),
                      "See GET /openapi.json for the parameters and body of each endpoint.")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error(404, NotFoundError.code, f"nothing at {request.method} {request.url.path}",
                          "The endpoints are listed in GET /openapi.json.")
        return _error(exc.status_code, "R800", str(exc.detail), "See GET /openapi.json.")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "R999", f"unexpected {type(exc).__name__}: {exc}",
                      "This is a bug in rasd; the server log has the details. Please report it.")

    # ---- endpoints ------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/healthz")
    def healthz() -> dict:
        with reading() as s:
            reports = s.counts()["reports"]
        return {"status": "ok", "version": rasd.__version__, "schema": rasd.SCHEMA, "reports": reports}

    @app.post("/extract")
    def extract(body: ExtractRequest) -> JSONResponse:
        """Extract one report (nothing is stored): the rasd.document/1 object."""
        source = body.model_dump(exclude={"text"}, exclude_none=True)
        with extract_lock:   # the pipeline's caches are not known to be thread-safe
            doc = rasd.extract(body.text, **source)
        return JSONResponse(doc)

    @app.get("/events")
    def events(f: Filter) -> JSONResponse:
        """Stored events, merged across reports (export record shape), by date."""
        recs = records(f)
        return JSONResponse({"count": len(recs), "events": recs})

    @app.get("/events/{merged_id}")
    def event(merged_id: int) -> JSONResponse:
        """One stored event by its id (the ``merged_id`` of GET /events)."""
        # The Store has no lookup by merged id; the event's type and date narrow records() to a few.
        with reading() as s:
            row = s.conn.execute("SELECT type, date FROM merged_events WHERE id = ?", (merged_id,)).fetchone()
        found = row and next((r for r in records(EventFilter(type=row["type"], date_from=row["date"],
                                                                     date_to=row["date"]))
                              if r["merged_id"] == merged_id), None)
        if not found:
            raise NotFoundError(f"no event {merged_id}")
        return JSONResponse(found)

    @app.get("/reports/{doc_id}")
    def report(doc_id: str) -> JSONResponse:
        """The stored rasd.document/1 object of a report."""
        with reading() as s:
            row = s.conn.execute("SELECT id FROM reports WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no report with doc_id {doc_id!r}")
            return JSONResponse(s.document(row["id"]))

    @app.get("/export/{fmt}")
    def export(fmt: str, f: Filter) -> StreamingResponse:
        """The matching events in an export format; the file is streamed back in chunks."""
        exporter = EXPORTERS.get(fmt)
        if exporter is None:
            raise NotFoundError(f"unknown export format {fmt!r}", hint=f"Use one of: {', '.join(EXPORTERS)}.")
        # Written in full before the first byte is sent, so an export error is still a JSON error.
        spool = SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
        try:
            exporter.write(records(f), spool)
        except BaseException:
            spool.close()
            raise
        spool.seek(0)

        def chunks() -> Iterator[bytes]:
            with spool:
                while block := spool.read(CHUNK):
                    yield block.encode("utf-8")

        return StreamingResponse(chunks(), media_type=exporter.media_type, headers={
            "Content-Disposition": f'attachment; filename="rasd-events{exporter.suffix}"'})

    @app.get("/stats")
    def stats() -> dict:
        """How many rows each table of the store holds."""
        with reading() as s:
            return s.counts()

    @app.get("/quarantine")
    def quarantine(reason: str | None = None, limit: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
        """Rejected inputs with their reason (limit 0: all)."""
        with reading() as s:
            rows = s.quarantined(reason, limit or None)
        return JSONResponse({"count": len(rows), "quarantined": rows})

    return app
