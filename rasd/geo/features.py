"""Features of one gazetteer candidate for one place entity — pure functions, no data access.

A :class:`Context` holds what the candidate lookup gathered from the report (admin names after
the mention, the other resolved places, the report's governorates, the cue word); :func:`features`
turns (candidate, context) into named numbers that rasd.geo.rank weighs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from rasd.kb.gazetteer import ADMIN_KINDS, Place

ADMIN_LEVEL = {"governorate": 1, "district": 2, "subdistrict": 3}
# How strongly a kind stands for a bare name when nothing else decides (a seat town first).
KIND_PRIOR = {"country": 1.6, "governorate": 1.2, "district": 1.0, "subdistrict": 0.8, "region": 1.2,
              "city": 1.4, "neighbourhood": 0.2}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def point(p: Place) -> tuple[float, float]:
    return (p.lat, p.lon)


def decay(a: tuple[float, float], b: tuple[float, float], scale_km: float, memo: dict | None = None) -> float:
    """exp(-km(a, b) / scale_km), kept in ``memo`` (one dict per document, made by the geocode
    stage) when given: the ranking rounds ask the same (candidate, anchor) pairs again and again.
    The key is the exact inputs, so a kept value is the very float a fresh call would give."""
    if memo is None:
        return math.exp(-km(a, b) / scale_km)
    key = (a, b, scale_km)
    v = memo.get(key)
    if v is None:
        v = memo[key] = math.exp(-km(a, b) / scale_km)
    return v


@dataclass
class Context:
    """Evidence around one entity. ``hits`` are the places named after a mention in its sentence,
    each a list of namesakes with the surface text; ``anchors`` the report's resolved places."""
    hits: list[tuple[str, list[Place]]] = field(default_factory=list)
    anchors: list[tuple[str, Place]] = field(default_factory=list)
    centre: tuple[float, float] | None = None
    governorates: set[str] = field(default_factory=set)   # admin1 names the report is about
    cue: dict | None = None                               # spec of the cue word (geo_cues.yaml)
    cue_word: str | None = None
    country: str | None = None                            # the country the report is about, if one stands out
    memo: dict | None = None                              # decay values of one document (see decay)


def prior(p: Place) -> float:
    if p.kind == "locality":
        return {3: 1.5, 2: 1.0, 1: 0.5}.get(p.rank, 0.3)
    return KIND_PRIOR.get(p.kind, 0.5)


def containment(p: Place, hits: list[tuple[str, list[Place]]]) -> tuple[float, str | None]:
    """Deepest admin unit named in the sentence that contains ``p`` (3 subdistrict … 1 governorate)."""
    best, text = 0.0, None
    own = set(p.admin_ids)
    for surface, places in hits:
        for h in places:
            if h.kind in ADMIN_KINDS and h.id in own and ADMIN_LEVEL[h.kind] > best:
                best, text = ADMIN_LEVEL[h.kind], surface
            elif h.kind == "governorate" and h.name_ar == p.admin1 and best < 1:
                best, text = 1.0, surface
    return best, text


def nearness(p: Place, hits: list[tuple[str, list[Place]]], scale_km: float = 15.0,
             memo: dict | None = None) -> tuple[float, str | None]:
    """exp(-d/scale) to the closest place (not an admin area) named near the mention."""
    best, text = 0.0, None
    here = point(p)
    for surface, places in hits:
        for h in places:
            if h.id == p.id or h.kind in ADMIN_KINDS or h.kind == "country":
                continue
            v = decay(here, point(h), scale_km, memo)
            if v > best:
                best, text = v, surface
    return best, text


def cue_fit(p: Place, cue: dict | None) -> float:
    if not cue:
        return 0.0
    prefer = cue["prefer"]
    if p.kind in prefer or (p.kind == "city" and "locality" in prefer):
        fit = 1.0 - 0.1 * prefer.index(p.kind if p.kind in prefer else "locality")
        return fit + (0.5 * p.rank / 3 if cue.get("large") and p.kind == "locality" else 0.0)
    return -1.0


def features(p: Place, ctx: Context) -> dict[str, float]:
    contain, _ = containment(p, ctx.hits)
    near, _ = nearness(p, ctx.hits, memo=ctx.memo)
    f = {"prior": prior(p), "cue": cue_fit(p, ctx.cue), "contain": contain, "near": near,
         "governorate": 1.0 if p.admin1 and p.admin1 in ctx.governorates else 0.0,
         "centre": 0.0, "neighbour": 0.0,
         "country": 1.0 if ctx.country and p.country == ctx.country else 0.0}
    if p.kind in ADMIN_KINDS or p.kind == "country":
        # distances to a centroid say nothing about an area; containment speaks for it instead
        f["near"] = 0.0
        return f
    here = point(p)
    if ctx.centre is not None:
        f["centre"] = decay(here, ctx.centre, 75.0, ctx.memo)
    others = [a for _, a in ctx.anchors if a.id != p.id and a.kind not in ("country", "governorate")]
    if others:
        f["neighbour"] = max(decay(here, point(a), 20.0, ctx.memo) for a in others)
    return f
