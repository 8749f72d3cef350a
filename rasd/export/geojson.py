"""GeoJSON (RFC 7946): a FeatureCollection with one Point per (event, place with coordinates).

Coordinates are ``[lon, lat]`` in WGS84 and there is no ``crs`` member, so QGIS, Leaflet and
geojson.io read the file as is.  Properties hold the record's scalar fields as they are, its
lists and objects JSON-encoded as strings (GIS attribute tables take no nesting), the place's own
fields prefixed ``place_``, and ``event_date`` for time filters: YYYY-MM-DD by the same rule as the
ACLED CSV (the event's date, completed if partial, else its earliest publication date).

An event none of whose places has valid coordinates cannot be drawn: it is left out, and
``on_skip`` is called with its record so the caller can report it (nothing is dropped silently).
"""
from __future__ import annotations

import json
import math
from typing import Callable, Iterable, TextIO

from rasd.export.acled_csv import event_date


def _coordinates(place: dict) -> list[float] | None:
    lat, lon = place.get("lat"), place.get("lon")
    for v in (lat, lon):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return [float(lon), float(lat)]


def _properties(record: dict, place: dict) -> dict:
    props = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
             for k, v in record.items()}
    props["event_date"] = event_date(record)[0] or None
    props.update({f"place_{k}": v for k, v in place.items()})
    return props


def features(records: Iterable[dict], on_skip: Callable[[dict], None] | None = None) -> list[dict]:
    """The Point features of ``records``; records with no drawable place go to ``on_skip``."""
    out = []
    for record in records:
        drawn = [(i, p, c) for i, p in enumerate(record.get("places") or [])
                 if (c := _coordinates(p)) is not None]
        if not drawn and on_skip is not None:
            on_skip(record)
        out.extend({"type": "Feature", "id": f"{record.get('event_id')}#{i}",
                    "geometry": {"type": "Point", "coordinates": coords},
                    "properties": _properties(record, place)} for i, place, coords in drawn)
    return out


def write(records: Iterable[dict], out: TextIO, *, on_skip: Callable[[dict], None] | None = None) -> int:
    """Write a FeatureCollection to ``out``, one record at a time; return the number of features."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for record in records:
        for feat in features([record], on_skip):
            out.write(("\n" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False, allow_nan=False))
            n += 1
    out.write("\n]}\n")
    return n
