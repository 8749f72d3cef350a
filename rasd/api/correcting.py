"""Analysts' corrections: listed by anyone, written with the server's token, exported as gold."""
from __future__ import annotations

import io
import json
import zipfile
from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse, Response

from rasd.api.errors import RequestError
from rasd.api.params import DEFAULT_LIMIT, CorrectionRequest, Limit, MergedId, Offset
from rasd.api.state import Api, report_id
from rasd.store import corrections as corr

router = APIRouter()


@router.get("/corrections")
def corrections(api: Api, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> JSONResponse:
    """Analysts' corrections, newest first."""
    with api.reading() as s:
        rows = corr.listed(s.conn, limit or None, offset)
    return JSONResponse({"count": len(rows), "corrections": rows, "writes": api.token is not None})


@router.post("/events/{merged_id}/corrections", status_code=201)
def correct_event(api: Api, merged_id: MergedId, body: CorrectionRequest,
                  authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Mark an event wrong, or change its type, modality, places, agents, targets or partners."""
    api.require_token(authorization)
    if body.kind == "add":
        raise RequestError("an added event belongs to a report",
                           hint="POST /reports/{doc_id}/corrections with kind add and the span.")
    made = api.write(corr.add, body.kind, body.fields, body.analyst, merged_id=merged_id, note=body.note)
    return JSONResponse(made, status_code=201)


@router.post("/reports/{doc_id}/corrections", status_code=201)
def add_event(api: Api, doc_id: str, body: CorrectionRequest,
              authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Add an event the machine missed, read from a span (start, end) of the report's text."""
    api.require_token(authorization)
    if body.kind != "add":
        raise RequestError("a report takes added events only (kind add)",
                           hint="Correct a stored event with POST /events/{id}/corrections.")
    with api.reading() as s:
        rid = report_id(s, doc_id)
    made = api.write(corr.add, "add", body.fields, body.analyst, report_id=rid, note=body.note)
    return JSONResponse(made, status_code=201)


@router.get("/corrections/gold.zip")
def gold_zip(api: Api) -> Response:
    """Every corrected report as gold (spec/gold.md): ``corrections/gold.jsonl`` and the texts
    it points to; unzip and run ``rasd eval corrections/gold.jsonl``."""
    buf = io.BytesIO()
    with api.reading() as s, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        lines = []
        for rec, text in corr.gold_records(s, "corrections/texts"):
            z.writestr(rec["text_file"], text)
            lines.append(json.dumps(rec, ensure_ascii=False))
        z.writestr("corrections/gold.jsonl", "".join(line + "\n" for line in lines))
    return Response(buf.getvalue(), media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="rasd-gold.zip"'})
