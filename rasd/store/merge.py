"""Is this event, told by another report, one already stored?  Pure functions over event keys.

Two events are the same real-world event when they have the same type, dates within a day of
each other (both known to the day: an undated event never merges across reports, since "both
unknown" says nothing about being the same day), overlapping places (the same place kb_id, or within 10 km) and compatible
actors (a shared actor kb_id among the participants, or no known actor on one side).  Events of
one report are distinct by construction and never merge with each other.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

PLACE_KM = 10.0
DAYS = 1


@dataclass(frozen=True, slots=True)
class EventKey:
    type: str
    date: str | None
    places: tuple[tuple[str | None, float | None, float | None], ...]  # (kb_id, lat, lon)
    actors: frozenset[str]

    def to_json(self) -> dict:
        return {"places": [list(p) for p in self.places], "actors": sorted(self.actors)}

    @classmethod
    def from_json(cls, type_: str, date_: str | None, d: dict) -> EventKey:
        return cls(type_, date_, tuple(tuple(p) for p in d["places"]), frozenset(d["actors"]))


def event_date(event: dict) -> str | None:
    d = event.get("date") or {}
    return d.get("value") if isinstance(d, dict) else None


def keys_of(doc: dict) -> list[tuple[dict, EventKey]]:
    """Each event of a rasd.document/1 dict with its merge key."""
    ents = {e["id"]: e for e in doc.get("entities", [])}
    out = []
    for ev in doc.get("events", []):
        places = []
        for pid in ev.get("places", []):
            e = ents.get(pid) or {}
            geo = e.get("geo") or {}
            places.append((e.get("kb_id"), geo.get("lat"), geo.get("lon")))
        actors = frozenset(
            ents[eid]["kb_id"] for role in ("agents", "targets", "partners") for eid in ev.get(role, [])
            if eid in ents and ents[eid].get("kb_id") and ents[eid].get("type") != "PLACE")
        # an event the text gives no date is dated by its report, as ACLED does
        when = event_date(ev) or ((doc.get("source") or {}).get("published") or "")[:10] or None
        out.append((ev, EventKey(ev["type"], when, tuple(places), actors)))
    return out


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def date_window(value: str | None) -> tuple[str, str] | None:
    """The stored dates a candidate may have (ISO strings, inclusive); None: no candidate (the
    event is not dated to the day)."""
    day = _day(value)
    if day is None:
        return None
    return (day - timedelta(days=DAYS)).isoformat(), (day + timedelta(days=DAYS)).isoformat()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def same_date(a: str | None, b: str | None) -> bool:
    """Both dated to the day, within ``DAYS`` of each other."""
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return False
    return abs((da - db).days) <= DAYS


def box(lat: float) -> tuple[float, float]:
    """Half-sizes in degrees (lat, lon) of a box that holds every point within ``PLACE_KM``."""
    dlat = PLACE_KM / 111.0 + 1e-6
    dlon = PLACE_KM / (111.32 * max(0.01, math.cos(math.radians(min(89.0, abs(lat)))))) + 1e-6
    return dlat, min(180.0, dlon)


def places_overlap(a: EventKey, b: EventKey) -> bool:
    for ka, lat_a, lon_a in a.places:
        for kb, lat_b, lon_b in b.places:
            if ka is not None and ka == kb:
                return True
            if None not in (lat_a, lon_a, lat_b, lon_b) and km(lat_a, lon_a, lat_b, lon_b) <= PLACE_KM:
                return True
    return False


def actors_compatible(a: EventKey, b: EventKey) -> bool:
    return not a.actors or not b.actors or bool(a.actors & b.actors)


def same_event(a: EventKey, b: EventKey) -> bool:
    return (a.type == b.type and same_date(a.date, b.date) and places_overlap(a, b)
            and actors_compatible(a, b))


def conservative_fatalities(figures: list[int | None]) -> int | None:
    """ACLED's most-conservative rule: the lowest reported figure."""
    known = [f for f in figures if f is not None]
    return min(known) if known else None
