"""The HTTP API: extraction, the stored events and their exports, corrections, and the web page.

FastAPI gives request validation and an OpenAPI description for free.  Every error, ours or the
framework's (unknown route, bad parameter), answers with one JSON shape,
``{"error": {"code", "message", "hint"}}``, never a traceback (design §7).

Reads: every request borrows a read-only connection of its own (``PRAGMA query_only``) from a
small pool, so readers run side by side (WAL lets them beside an ingest).  Writes: only analysts'
corrections, with a token, on one writer connection under a lock (design §14: a single writer).
Extraction runs in FastAPI's thread pool, off the event loop, under a lock until the pipeline is
known to be thread-safe.  :mod:`rasd.api.guard` checks Host, caps bodies and adds security headers.
"""
from __future__ import annotations

import hmac
import io
import json
import math
import queue
import threading
import zipfile
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Path as PathParam, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

import rasd
from rasd.api.errors import ForbiddenError, NotFoundError, RequestError, UnauthorizedError, http_status
from rasd.api.guard import Guard
from rasd.errors import InputError, RasdError, StoreError
from rasd.export import EXPORTERS
from rasd.store import EventFilter, Store, parse_bbox
from rasd.store import corrections as corr

WEB = Path(__file__).resolve().parent.parent / "web"
DATE = r"^\d{4}-\d{2}-\d{2}$"
SPOOL_BYTES = 8 * 2**20   # an export larger than this is spooled to a temporary file
CHUNK = 64 * 2**10
MAX_BODY = 4 * 2**20      # default request body limit (bytes)
DEFAULT_LIMIT = 100       # events per page unless the client asks otherwise
MAX_LIMIT = 10_000
MAX_OFFSET = 10_000_000
MAX_ID = 2**63 - 1        # SQLite's largest integer: beyond it is a 422, not an overflow
READERS = 8               # read connections kept open at most


class ExtractRequest(BaseModel):
    """The body of POST /extract: a report text and what is known of its source."""

    model_config = ConfigDict(extra="forbid")   # a misspelt field is an error, not ignored

    text: str = Field(min_length=1, max_length=2_000_000)
    published: str | None = Field(None, pattern=DATE)
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    doc_id: str | None = None


class CorrectionRequest(BaseModel):
    """The body of POST /events/{id}/corrections and POST /reports/{doc_id}/corrections."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["wrong", "edit", "add"]
    analyst: str = Field(min_length=1, max_length=100)
    fields: dict[str, Any] = Field(default_factory=dict)
    note: str | None = Field(None, max_length=300)


def _error(status: int, code: str, message: str, hint: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "hint": hint}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg')}")
    return "; ".join(parts) or "invalid request"


def checked_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """parse_bbox, and finite degrees in range with south <= north (NaN and inf are refused)."""
    box = parse_bbox(value)
    if box is None:
        return None
    west, south, east, north = box
    if not all(math.isfinite(v) for v in box) or not (-180 <= west <= 180 and -180 <= east <= 180
                                                     and -90 <= south <= north <= 90 and west <= east):
        raise InputError(f"bad bbox {value!r}: give finite degrees, west <= east, south <= north",
                         hint="Give WEST,SOUTH,EAST,NORTH in degrees, e.g. 35.5,32.3,42.4,37.4.")
    return box


def event_filter(type: str | None = None, actor: str | None = None, person: str | None = None,
                 place: str | None = None,
                 bbox: Annotated[str | None, Query(description="WEST,SOUTH,EAST,NORTH")] = None,
                 date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
                 date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
                 source: Annotated[str | None, Query(description="Outlet name, or part of a URL")] = None,
                 outlet: Annotated[str | None, Query(description="Same as source")] = None,
                 text: Annotated[str | None, Query(description="Full-text query (SQLite FTS5)")] = None,
                 ) -> EventFilter:
    """The filters of ``rasd events``, as query parameters."""
    try:
        box = checked_bbox(bbox)
    except InputError as e:   # a bad query parameter is a 422 like every other one
        raise RequestError(e.message, hint=e.hint) from None
    if date_from and date_to and date_from > date_to:
        raise RequestError(f"from {date_from} is after to {date_to}", hint="Swap the dates.")
    return EventFilter(type=type, actor=actor, person=person, place=place, bbox=box,
                       date_from=date_from, date_to=date_to, source=source or outlet, text=text)


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"At most this many events (0: all; "
                                                               f"default {DEFAULT_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many events (pagination)")]
Modality = Annotated[Literal["asserted", "negated", "planned", "conditional"] | None,
                     Query(description="Only events of this modality (as corrected)")]
MergedId = Annotated[int, PathParam(ge=1, le=MAX_ID)]


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


def create_app(db_path: str | Path | None = None, *, token: str | None = None, max_body: int = MAX_BODY,
               allowed_hosts: list[str] | None = None, readers: int = READERS) -> FastAPI:
    """The ASGI app over the database at ``db_path`` (default: ``rasd.settings.default_db()``).

    ``token``: writes (corrections) need ``Authorization: Bearer TOKEN``; without a token they are
    refused.  ``allowed_hosts``: the Host names served (None: any).  The database must exist:
    serving an empty one made by mistake would hide a wrong path.
    """
    from rasd.settings import default_db

    path = Path(db_path) if db_path is not None else default_db()
    if not path.is_file():
        raise StoreError(f"no database at {path}",
                         hint="Ingest reports first (rasd ingest SOURCES --db PATH), or give the right --db.")
    writer = Store(path)   # migrates an older database (the corrections table) before readers open
    pool = Readers(path, readers)
    write_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()
        app.state.store.close()
        writer.close()

    app = FastAPI(title="rasd", version=rasd.__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Arabic conflict reports → structured, geolocated event data.")
    app.state.store = pool.open()   # read-only; for callers that want the path or a quick look
    app.state.readers = pool
    app.state.writes = token is not None

    def records(s: Store, f: EventFilter) -> Iterator[dict]:
        try:
            yield from s.records(f)
        except StoreError as e:
            if f.text:   # the likely cause is the caller's full-text query
                raise RequestError(e.message, hint="Check the text parameter: SQLite FTS5 syntax "
                                                   "(words, \"a phrase\", OR, NOT).") from e
            raise

    def merged_ids(s: Store, f: EventFilter) -> list[int]:
        try:
            return s.merged_ids(replace(f, limit=None))
        except StoreError as e:
            if f.text:
                raise RequestError(e.message, hint="Check the text parameter: SQLite FTS5 syntax.") from e
            raise

    def corrected(s: Store, recs: list[dict]) -> list[dict]:
        history = corr.of_events(s.conn, [r["merged_id"] for r in recs])
        return [corr.apply(r, history.get(r["merged_id"], [])) for r in recs]

    def modality_of(s: Store, ids: list[int]) -> dict[int, str]:
        """Each event's (corrected) modality: the first report's, as merged records take it."""
        if not ids:
            return {}
        machine = dict(s.conn.execute(
            "SELECT e.merged_id, json_extract(j.value, '$.modality') FROM events e "
            "JOIN reports r ON r.id = e.report_id, json_each(r.doc, '$.events') j "
            "WHERE e.merged_id IN (SELECT value FROM json_each(?)) AND json_extract(j.value, '$.id') = e.vid "
            "AND e.id = (SELECT min(id) FROM events WHERE merged_id = e.merged_id)", (json.dumps(ids),)))
        history = corr.of_events(s.conn, ids)
        out = {}
        for mid in ids:
            c = corr.in_force(history.get(mid, []))
            out[mid] = (c["fields"].get("modality") if c else None) or machine.get(mid) or "asserted"
        return out

    def modality_ids(s: Store, ids: list[int], modality: str) -> list[int]:
        """Of ``ids``, in order, those whose (corrected) modality is ``modality``."""
        of = modality_of(s, ids)
        return [mid for mid in ids if of[mid] == modality]

    def page(s: Store, f: EventFilter, modality: str | None, offset: int, limit: int) -> tuple[list[dict], int]:
        """One page of corrected records and the number of matching events."""
        ids = merged_ids(s, f)
        if modality:
            ids = modality_ids(s, ids, modality)
        chosen = ids[offset:offset + limit] if limit else ids[offset:]
        return corrected(s, records_of(s, f, chosen, offset)), len(ids)

    def records_of(s: Store, f: EventFilter, chosen: list[int], offset: int) -> list[dict]:
        """The records of ``chosen`` (a page of ``merged_ids(f)``), built without building the pages
        before it: Store.records is asked, per (type, date) of the page's events, for that day and
        type only, so little beyond the page is built.  Events without a full YYYY-MM-DD date cannot
        be narrowed so: for them the records before the page are built and skipped."""
        if not chosen:
            return []
        rows = s.conn.execute("SELECT id, type, date FROM merged_events WHERE id IN (SELECT value FROM json_each(?))",
                              (json.dumps(chosen),)).fetchall()
        if len(rows) != len(chosen) or not all(r["date"] and len(r["date"]) == 10 for r in rows):
            return list(islice(records(s, replace(f, limit=offset + len(chosen))), offset, None))
        groups: dict[tuple[str, str], set[int]] = {}
        for r in rows:
            groups.setdefault((r["type"], r["date"]), set()).add(r["id"])
        found: dict[int, dict] = {}
        for (typ, day), want in groups.items():
            for rec in records(s, replace(f, type=typ, date_from=day, date_to=day, limit=None)):
                if rec["merged_id"] in want:
                    found[rec["merged_id"]] = rec
                    want.discard(rec["merged_id"])
                    if not want:
                        break
        return [found[m] for m in chosen if m in found]

    def require_token(authorization: str | None) -> None:
        if token is None:
            raise ForbiddenError("corrections are off: this server was started without a token",
                                 hint="Start it with rasd serve --token TOKEN (or set RASD_TOKEN).")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise UnauthorizedError("a correction needs the server's token",
                                    hint="Send the header Authorization: Bearer TOKEN.")

    def write(fn, *args, **kwargs):
        with write_lock, writer.transaction():
            return fn(writer.conn, *args, **kwargs)

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
        if exc.status_code == 413:
            return _error(413, "R804", str(exc.detail),
                          "Send a smaller body, or start rasd serve with a larger --max-body.")
        return _error(exc.status_code, "R800", str(exc.detail), "See GET /openapi.json.")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "R999", f"unexpected {type(exc).__name__}: {exc}",
                      "This is a bug in rasd; the server log has the details. Please report it.")

    # ---- the page ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    # ---- reading ----------------------------------------------------------------------------

    @app.get("/healthz")
    def healthz() -> dict:
        with pool.reading() as s:
            reports = s.counts()["reports"]
        return {"status": "ok", "version": rasd.__version__, "schema": rasd.SCHEMA, "reports": reports}

    @app.post("/extract")
    async def extract(body: ExtractRequest) -> JSONResponse:
        """Extract one report (nothing is stored): the rasd.document/1 object."""
        source = body.model_dump(exclude={"text"}, exclude_none=True)

        def run() -> dict:
            # no lock: the pipeline is thread-safe (tests/unit/test_pipeline.py runs it from threads)
            return rasd.extract(body.text, **source)

        return JSONResponse(await run_in_threadpool(run))

    @app.get("/events")
    def events(request: Request, f: Filter, modality: Modality = None, limit: Limit = DEFAULT_LIMIT,
               offset: Offset = 0) -> JSONResponse:
        """Stored events, merged across reports (export record shape), by date; one page of them.

        ``count`` is the events on this page, ``total`` all that match, ``next`` the query of the
        next page (None on the last).  Corrected events carry ``correction`` and ``machine``.
        """
        with pool.reading() as s:
            recs, total = page(s, f, modality, offset, limit)
        nxt = None
        if limit and offset + len(recs) < total:
            params = dict(request.query_params)
            params.update(offset=str(offset + len(recs)), limit=str(limit))
            nxt = "events?" + "&".join(f"{k}={_quote(v)}" for k, v in params.items())
        return JSONResponse({"count": len(recs), "total": total, "offset": offset, "limit": limit,
                             "next": nxt, "events": recs})

    @app.get("/facets")
    def facets(f: Filter) -> JSONResponse:
        """How many matching events each type, outlet, modality and governorate has (datasette's
        facets): the counts beside each filter choice."""
        with pool.reading() as s:
            ids = merged_ids(s, f)
            arg = json.dumps(ids)
            sub = "(SELECT value FROM json_each(?))"
            history = corr.of_events(s.conn, ids)
            types: dict[str, int] = {}
            for mid, typ in s.conn.execute(f"SELECT id, type FROM merged_events WHERE id IN {sub}", (arg,)):
                c = corr.in_force(history.get(mid, []))
                typ = (c["fields"].get("type") if c else None) or typ
                types[typ] = types.get(typ, 0) + 1
            outlets = dict(s.conn.execute(
                f"SELECT coalesce(s.outlet, '?'), count(DISTINCT e.merged_id) FROM events e JOIN sources s "
                f"ON s.report_id = e.report_id WHERE e.merged_id IN {sub} GROUP BY 1", (arg,)))
            regions = dict(s.conn.execute(
                f"SELECT n.name_ar, count(DISTINCT e.merged_id) FROM events e JOIN participants p "
                f"ON p.event_id = e.id JOIN entities n ON n.report_id = p.report_id AND n.eid = p.eid "
                f"WHERE p.role = 'place' AND e.merged_id IN {sub} AND n.name_ar IS NOT NULL "
                f"GROUP BY 1 ORDER BY 2 DESC LIMIT 30", (arg,)))
            modalities: dict[str, int] = {}
            for value in modality_of(s, ids).values():
                modalities[value] = modalities.get(value, 0) + 1
            n_corrected = sum(1 for mid in ids if mid in history)
        order = lambda d: dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))  # noqa: E731
        return JSONResponse({"total": len(ids), "corrected": n_corrected, "type": order(types),
                             "outlet": order(outlets), "modality": {k: v for k, v in modalities.items() if v},
                             "place": regions})

    @app.get("/events/{merged_id}")
    def event(merged_id: MergedId) -> JSONResponse:
        """One stored event by its id (the ``merged_id`` of GET /events), as corrected."""
        # The Store has no lookup by merged id; the event's type and date narrow records() to a few.
        with pool.reading() as s:
            row = s.conn.execute("SELECT type, date FROM merged_events WHERE id = ?", (merged_id,)).fetchone()
            found = row and next((r for r in records(s, EventFilter(type=row["type"], date_from=row["date"],
                                                                    date_to=row["date"]))
                                  if r["merged_id"] == merged_id), None)
            if not found:
                raise NotFoundError(f"no event {merged_id}")
            history = corr.of_events(s.conn, [merged_id]).get(merged_id, [])
        return JSONResponse(corr.apply(found, history))

    @app.get("/reports/{doc_id}")
    def report(doc_id: str) -> JSONResponse:
        """The stored rasd.document/1 object of a report."""
        with pool.reading() as s:
            return JSONResponse(s.document(_report_id(s, doc_id)))

    @app.get("/reports/{doc_id}/events")
    def report_events(doc_id: str) -> JSONResponse:
        """Each event of a report with the merged event it joined, its corrections and the events
        analysts added to the report."""
        with pool.reading() as s:
            rid = _report_id(s, doc_id)
            rows = s.conn.execute("SELECT vid, merged_id FROM events WHERE report_id = ? ORDER BY id",
                                  (rid,)).fetchall()
            history = corr.of_events(s.conn, [r["merged_id"] for r in rows])
            out = []
            for r in rows:
                c = corr.in_force(history.get(r["merged_id"], []))
                n_reports = s.conn.execute("SELECT count(DISTINCT report_id) FROM events WHERE merged_id = ?",
                                           (r["merged_id"],)).fetchone()[0]
                out.append({"vid": r["vid"], "merged_id": r["merged_id"], "reports": n_reports,
                            "correction": c, "history": history.get(r["merged_id"], [])})
            return JSONResponse({"doc_id": doc_id, "events": out, "added": corr.added(s.conn, rid)})

    @app.get("/places")
    def places(name: Annotated[str, Query(min_length=1, max_length=100)]) -> JSONResponse:
        """The gazetteer's namesakes for a place name (to pick the right one in a correction)."""
        from rasd.arabic.normalize import fold_str
        from rasd.kb.resources import default_resources

        found = default_resources().gazetteer.lookup(fold_str(name))[:50]
        return JSONResponse({"count": len(found), "places": [
            {"kb_id": p.id, "name_ar": p.name_ar, "name_en": p.name_en, "lat": p.lat, "lon": p.lon,
             "kind": p.kind, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3} for p in found]})

    @app.get("/geo/admin")
    def admin_layer() -> JSONResponse:
        """Governorates and districts as labelled points (GeoJSON) and the localities by unit from
        which the page draws approximate boundaries: the map's administrative layer."""
        from rasd.api.admin_layer import admin_layer
        from rasd.kb.resources import default_resources

        return JSONResponse(admin_layer(default_resources().gazetteer.places()))

    @app.get("/export/{fmt}")
    def export(fmt: str, f: Filter, modality: Modality = None,
               limit: Annotated[int, Query(ge=0, le=MAX_ID)] = 0, offset: Offset = 0,
               wrong: Annotated[bool, Query(description="Include events analysts marked wrong")] = False,
               ) -> StreamingResponse:
        """The matching events (as corrected) in an export format; the file is streamed back."""
        exporter = EXPORTERS.get(fmt)
        if exporter is None:
            raise NotFoundError(f"unknown export format {fmt!r}", hint=f"Use one of: {', '.join(EXPORTERS)}.")
        # Written in full before the first byte is sent, so an export error is still a JSON error.
        spool = SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
        try:
            with pool.reading() as s:
                recs, _ = page(s, f, modality, offset, limit)
            if not wrong:
                recs = [r for r in recs if not (r.get("correction") or {}).get("wrong")]
            exporter.write(recs, spool)
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
        with pool.reading() as s:
            counts = s.counts()
            counts["corrections"] = s.conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
            return counts

    @app.get("/quarantine")
    def quarantine(reason: str | None = None, limit: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> JSONResponse:
        """Rejected inputs with their reason (limit 0: all)."""
        with pool.reading() as s:
            rows = s.quarantined(reason, limit or None)
        return JSONResponse({"count": len(rows), "quarantined": rows})

    # ---- corrections (writes: token required) ----------------------------------------------

    @app.get("/corrections")
    def corrections(limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
        """Analysts' corrections, newest first."""
        with pool.reading() as s:
            rows = corr.listed(s.conn, limit or None, offset)
        return JSONResponse({"count": len(rows), "corrections": rows, "writes": token is not None})

    @app.post("/events/{merged_id}/corrections", status_code=201)
    def correct_event(merged_id: MergedId, body: CorrectionRequest,
                      authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
        """Mark an event wrong, or change its type, modality, places, agents, targets or partners."""
        require_token(authorization)
        if body.kind == "add":
            raise RequestError("an added event belongs to a report",
                               hint="POST /reports/{doc_id}/corrections with kind add and the span.")
        made = write(corr.add, body.kind, body.fields, body.analyst, merged_id=merged_id, note=body.note)
        return JSONResponse(made, status_code=201)

    @app.post("/reports/{doc_id}/corrections", status_code=201)
    def add_event(doc_id: str, body: CorrectionRequest,
                  authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
        """Add an event the machine missed, read from a span (start, end) of the report's text."""
        require_token(authorization)
        if body.kind != "add":
            raise RequestError("a report takes added events only (kind add)",
                               hint="Correct a stored event with POST /events/{id}/corrections.")
        with pool.reading() as s:
            rid = _report_id(s, doc_id)
        made = write(corr.add, "add", body.fields, body.analyst, report_id=rid, note=body.note)
        return JSONResponse(made, status_code=201)

    @app.get("/corrections/gold.zip")
    def gold_zip() -> Response:
        """Every corrected report as gold (spec/gold.md): ``corrections/gold.jsonl`` and the texts
        it points to; unzip and run ``rasd eval corrections/gold.jsonl``."""
        buf = io.BytesIO()
        with pool.reading() as s, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            lines = []
            for rec, text in corr.gold_records(s, "corrections/texts"):
                z.writestr(rec["text_file"], text)
                lines.append(json.dumps(rec, ensure_ascii=False))
            z.writestr("corrections/gold.jsonl", "".join(line + "\n" for line in lines))
        return Response(buf.getvalue(), media_type="application/zip",
                        headers={"Content-Disposition": 'attachment; filename="rasd-gold.zip"'})

    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts)
    return app


ENV_DB, ENV_MAX_BODY, ENV_HOSTS, ENV_TOKEN = "RASD_SERVE_DB", "RASD_SERVE_MAX_BODY", "RASD_SERVE_HOSTS", "RASD_TOKEN"


def app_from_env() -> FastAPI:
    """:func:`create_app` configured from the environment, for uvicorn's worker processes
    (``rasd serve --workers N``): each worker process builds its own app, with its own connections."""
    import os

    hosts = os.environ.get(ENV_HOSTS)
    return create_app(os.environ[ENV_DB], token=os.environ.get(ENV_TOKEN) or None,
                      max_body=int(os.environ.get(ENV_MAX_BODY, MAX_BODY)),
                      allowed_hosts=json.loads(hosts) if hosts else None)


def _report_id(s: Store, doc_id: str) -> int:
    row = s.conn.execute("SELECT id FROM reports WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no report with doc_id {doc_id!r}")
    return row["id"]


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")

