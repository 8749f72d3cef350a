"""What requests carry: the bodies, the query parameters shared by several endpoints and their limits."""
from __future__ import annotations

import math
from typing import Annotated, Any, Literal
from urllib.parse import quote as _url_quote

from fastapi import Depends, Path as PathParam, Query
from pydantic import BaseModel, ConfigDict, Field

from rasd.api.errors import RequestError
from rasd.errors import InputError
from rasd.store import EventFilter, parse_bbox

DATE = r"^\d{4}-\d{2}-\d{2}$"
DEFAULT_LIMIT = 100       # events per page unless the client asks otherwise
MAX_LIMIT = 10_000
MAX_OFFSET = 10_000_000
MAX_ID = 2**63 - 1        # SQLite's largest integer: beyond it is a 422, not an overflow


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


def quote(value: str) -> str:
    """A query parameter's value, escaped for a URL."""
    return _url_quote(value, safe="")
