"""The map's administrative layer, from the installed gazetteer (Open-Syria units, OCHA localities).

The shared data carries no boundary polygons, only points: governorate and district centres, and
~5,800 localities each filed under its governorate (admin1) and district (admin2).  The page
derives *approximate* boundaries from those points (a Voronoi tessellation of the localities; an
edge between two neighbouring localities of different units is drawn as boundary) and says so in
its legend.  This module only packs the points compactly: unit names once, localities as
``[lon, lat, admin1 index, admin2 index]`` rows (≈150 kB instead of ≈1 MB of GeoJSON features).
"""
from __future__ import annotations

from collections.abc import Iterable

from rasd.kb.gazetteer import Place

ATTRIBUTION = "Open-Syria data-geography (CC BY 4.0); localities: Syrian Archive / OCHA"


def admin_layer(places: Iterable[Place]) -> dict:
    """GeoJSON of governorate/district centres plus ``cells``: the locality points by unit."""
    features: list[dict] = []
    units: dict[str, int] = {}
    rows: list[list] = []

    def unit(name: str | None) -> int:
        if not name:
            return -1
        return units.setdefault(name, len(units))

    for p in places:
        if p.kind in ("governorate", "district"):
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                             "properties": {"id": p.id, "kind": p.kind, "name_ar": p.name_ar, "name_en": p.name_en}})
        elif p.kind == "locality" and p.admin1 and p.country == "sy":
            rows.append([round(p.lon, 4), round(p.lat, 4), unit(p.admin1), unit(p.admin2)])
    return {"type": "FeatureCollection", "features": features, "attribution": ATTRIBUTION,
            "cells": {"units": list(units), "points": rows,
                      "note": "localities by governorate and district; boundaries drawn from them are approximate"}}
