"""Rank gazetteer candidates and explain the choice — pure, tested on hand-built candidates.

A weighted sum of rasd.geo.features; the weights favour what an analyst reads first (the admin
unit the sentence names, then the cue word, then the report's other places, then the prior).
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.geo.features import Context, containment, features, km, nearness, point
from rasd.kb.gazetteer import ADMIN_KINDS, Place

WEIGHTS = {"contain": 2.0, "cue": 2.5, "near": 3.0, "neighbour": 2.5, "centre": 2.0, "governorate": 1.0,
           "prior": 1.0, "country": 1.0}


@dataclass(frozen=True)
class Ranked:
    place: Place
    score: float
    features: dict[str, float]


def rank(cands: list[Place], ctx: Context) -> list[Ranked]:
    """Candidates best first; ties keep the gazetteer's order."""
    out = []
    for p in cands:
        f = features(p, ctx)
        out.append(Ranked(p, sum(WEIGHTS[k] * v for k, v in f.items()), f))
    return sorted(out, key=lambda r: -r.score)


def precision(p: Place, ctx: Context) -> int:
    """ACLED geo_precision: 1 the place itself, 2 a facility coded to its town, 3 an area."""
    if p.kind in ADMIN_KINDS or p.kind in ("country", "region"):
        return 3
    return 2 if ctx.cue and ctx.cue.get("facility") else 1


def describe(p: Place) -> str:
    kind = {"locality": "place", "city": "city"}.get(p.kind, p.kind)
    where = ", ".join(x for x in (f"{p.admin3} subdistrict" if p.admin3 and p.kind == "locality" else None,
                                  p.admin1 if p.admin1 and p.kind != "governorate" else None) if x)
    return f"{kind} {p.name_en}" + (f" in {where}" if where else "")


def why(ranked: list[Ranked], ctx: Context) -> str:
    """One plain sentence naming the deciding evidence."""
    best = ranked[0]
    head = describe(best.place)
    if len(ranked) == 1:
        return f"{head}; the only gazetteer entry of this name"
    f = best.features
    runner = ranked[1].features
    deciding = max(WEIGHTS, key=lambda k: WEIGHTS[k] * (f[k] - runner[k]))
    n = len(ranked)
    if deciding == "contain":
        return f"{head}; the sentence names {containment(best.place, ctx.hits)[1]} ({n} namesakes)"
    if deciding == "near":
        return f"{head}; closest to {nearness(best.place, ctx.hits)[1]}, named in the same sentence"
    if deciding == "cue" and ctx.cue_word:
        return f"{head}; the text calls it {ctx.cue_word}"
    if deciding in ("neighbour", "centre") and ctx.anchors:
        name, a = min(((s, a) for s, a in ctx.anchors if a.id != best.place.id),
                      key=lambda sa: km(point(best.place), point(sa[1])), default=(None, None))
        if a is not None:
            return f"{head}; {km(point(best.place), point(a)):.0f} km from {name}, named in the report ({n} namesakes)"
    if deciding == "country":
        return f"{head}; the report is about {ctx.country.upper()}, where it lies ({n} namesakes)"
    if deciding == "governorate":
        return f"{head}; the report is about {best.place.admin1} ({n} namesakes)"
    return f"{head}; the most prominent of {n} namesakes"
