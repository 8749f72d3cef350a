"""Reading endpoints: health, extraction (nothing stored), stored events, facets, reports, places."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

import rasd
from rasd.api import queries
from rasd.api.params import DEFAULT_LIMIT, ExtractRequest, Filter, Limit, MergedId, Modality, Offset, quote
from rasd.api.state import Api, report_id
from rasd.store import corrections as corr

router = APIRouter()


@router.get("/healthz")
def healthz(api: Api) -> dict:
    with api.reading() as s:
        reports = s.counts()["reports"]
    return {"status": "ok", "version": rasd.__version__, "schema": rasd.SCHEMA, "reports": reports}


@router.post("/extract")
async def extract(body: ExtractRequest) -> JSONResponse:
    """Extract one report (nothing is stored): the rasd.document/1 object."""
    source = body.model_dump(exclude={"text"}, exclude_none=True)

    def run() -> dict:
        # no lock: the pipeline is thread-safe (tests/unit/test_pipeline.py runs it from threads)
        return rasd.extract(body.text, **source)

    return JSONResponse(await run_in_threadpool(run))


@router.get("/events")
def events(request: Request, api: Api, f: Filter, modality: Modality = None, limit: Limit = DEFAULT_LIMIT,
           offset: Offset = 0) -> JSONResponse:
    """Stored events, merged across reports (export record shape), by date; one page of them.

    ``count`` is the events on this page, ``total`` all that match, ``next`` the query of the
    next page (None on the last).  Corrected events carry ``correction`` and ``machine``.
    """
    with api.reading() as s:
        recs, total = queries.page(s, f, modality, offset, limit)
    nxt = None
    if limit and offset + len(recs) < total:
        params = dict(request.query_params)
        params.update(offset=str(offset + len(recs)), limit=str(limit))
        nxt = "events?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())
    return JSONResponse({"count": len(recs), "total": total, "offset": offset, "limit": limit,
                         "next": nxt, "events": recs})


@router.get("/facets")
def facets(api: Api, f: Filter) -> JSONResponse:
    """How many matching events each type, outlet, modality and governorate has (datasette's
    facets): the counts beside each filter choice."""
    with api.reading() as s:
        return JSONResponse(queries.facets(s, f))


@router.get("/events/{merged_id}")
def event(api: Api, merged_id: MergedId) -> JSONResponse:
    """One stored event by its id (the ``merged_id`` of GET /events), as corrected."""
    with api.reading() as s:
        return JSONResponse(queries.event(s, merged_id))


@router.get("/reports/{doc_id}")
def report(api: Api, doc_id: str) -> JSONResponse:
    """The stored rasd.document/1 object of a report."""
    with api.reading() as s:
        return JSONResponse(s.document(report_id(s, doc_id)))


@router.get("/reports/{doc_id}/events")
def report_events(api: Api, doc_id: str) -> JSONResponse:
    """Each event of a report with the merged event it joined, its corrections and the events
    analysts added to the report."""
    with api.reading() as s:
        rid = report_id(s, doc_id)
        return JSONResponse({"doc_id": doc_id, "events": queries.report_events(s, rid),
                             "added": corr.added(s.conn, rid)})


@router.get("/places")
def places(name: Annotated[str, Query(min_length=1, max_length=100)]) -> JSONResponse:
    """The gazetteer's namesakes for a place name (to pick the right one in a correction)."""
    from rasd.arabic.normalize import fold_str
    from rasd.kb.resources import default_resources

    found = default_resources().gazetteer.lookup(fold_str(name))[:50]
    return JSONResponse({"count": len(found), "places": [
        {"kb_id": p.id, "name_ar": p.name_ar, "name_en": p.name_en, "lat": p.lat, "lon": p.lon,
         "kind": p.kind, "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3} for p in found]})


@router.get("/geo/admin")
def admin_layer() -> JSONResponse:
    """Governorates and districts as labelled points (GeoJSON) and the localities by unit from
    which the page draws approximate boundaries: the map's administrative layer."""
    from rasd.api.admin_layer import admin_layer as layer
    from rasd.kb.resources import default_resources

    return JSONResponse(layer(default_resources().gazetteer.places()))
