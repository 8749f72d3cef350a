"""Bulk endpoints: exports of the matching events, table counts, the quarantine."""
from __future__ import annotations

from collections.abc import Iterator
from tempfile import SpooledTemporaryFile
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, StreamingResponse

from rasd.api import queries
from rasd.api.errors import NotFoundError
from rasd.api.params import MAX_ID, Filter, Modality, Offset
from rasd.api.state import Api
from rasd.export import EXPORTERS

SPOOL_BYTES = 8 * 2**20   # an export larger than this is spooled to a temporary file
CHUNK = 64 * 2**10

router = APIRouter()


@router.get("/export/{fmt}")
def export(api: Api, fmt: str, f: Filter, modality: Modality = None,
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
        with api.reading() as s:
            recs, _ = queries.page(s, f, modality, offset, limit)
        if not wrong:
            recs = [r for r in recs if not (r.get("correction") or {}).get("wrong")]
        exporter.write(recs, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return StreamingResponse(_chunks(spool), media_type=exporter.media_type, headers={
        "Content-Disposition": f'attachment; filename="rasd-events{exporter.suffix}"'})


def _chunks(spool) -> Iterator[bytes]:
    with spool:
        while block := spool.read(CHUNK):
            yield block.encode("utf-8")


@router.get("/stats")
def stats(api: Api) -> dict:
    """How many rows each table of the store holds."""
    with api.reading() as s:
        counts = s.counts()
        counts["corrections"] = s.conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
        return counts


@router.get("/quarantine")
def quarantine(api: Api, reason: str | None = None,
               limit: Annotated[int, Query(ge=0, le=MAX_ID)] = 0) -> JSONResponse:
    """Rejected inputs with their reason (limit 0: all)."""
    with api.reading() as s:
        rows = s.quarantined(reason, limit or None)
    return JSONResponse({"count": len(rows), "quarantined": rows})
