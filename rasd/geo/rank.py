"""Rank gazetteer candidates and explain the choice — pure, tested on hand-built candidates.

A weighted sum of rasd.geo.features; the weights favour what an analyst reads first (the admin
unit the sentence names, then the cue word, then the report's other places, then the prior).
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.geo.features import Context, containment, features, km, nearness, point
from rasd.kb.gazetteer import ADMIN_KINDS, WORLD_SOURCE, Place

WEIGHTS = {"contain": 2.0, "cue": 2.5, "near": 3.0, "neighbour": 2.5, "centre": 2.0, "governorate": 1.0,
           "prior": 1.0, "country": 1.0}


PROMINENT_POPULATION = 50_000   # a city abroad this large outweighs a village namesake (world_places.yaml)
NEAR_EVIDENCE = 0.3             # nearness (exp(-d/15 km)) that counts as the sentence naming a neighbour: ~18 km


@dataclass(frozen=True)
class Ranked:
    place: Place
    score: float
    features: dict[str, float]
    note: str = ""          # why the weighted sum was overruled (see rank), for :func:`why`


def prominent(p: Place) -> bool:
    """A capital, a country or a region of the world list, or a city of it with PROMINENT_POPULATION
    people or more (its ``population``)."""
    return p.source == WORLD_SOURCE and (p.rank >= 4 or (p.population or 0) >= PROMINENT_POPULATION)


def village(p: Place) -> bool:
    """A village or quarter of the Syrian gazetteers (no seat of a district or subdistrict)."""
    return p.source != WORLD_SOURCE and p.kind in ("locality", "neighbourhood") and p.rank <= 1


def named_here(r: Ranked, ctx: Context) -> bool:
    """Evidence in the mention's own sentence for a village reading: the admin unit it lies in, a
    place within ~18 km of it, or a type word that names no city (قرية، بلدة، حي، مطار)."""
    f = r.features
    return f["contain"] > 0 or f["near"] >= NEAR_EVIDENCE or bool(ctx.cue and "city" not in ctx.cue["prefer"])


def rank(cands: list[Place], ctx: Context) -> list[Ranked]:
    """Candidates best first; ties keep the gazetteer's order.

    Namesakes of very different size: a Syrian village named like a capital or a large city abroad
    (القاهرة، الرياض، الدمام، النجف) wins only with evidence in its own sentence (:func:`named_here`).
    The report's other places (neighbour, centre, governorate, country) do not suffice: reports
    about Syria name Cairo and Riyadh as the seats of talks and statements far more often than
    these villages, which hold a few thousand people at most."""
    out = []
    for p in cands:
        f = features(p, ctx)
        out.append(Ranked(p, sum(WEIGHTS[k] * v for k, v in f.items()), f))
    out.sort(key=lambda r: -r.score)
    if len(out) > 1 and village(out[0].place) and not named_here(out[0], ctx):
        big = next((r for r in out if prominent(r.place)), None)
        if big is not None:
            v = out[0].place
            size = "capital" if big.place.rank >= 4 and big.place.kind == "city" else \
                f"city of about {big.place.population:,} people" if big.place.population else big.place.kind
            note = (f"a {size}, preferred to its namesake the village {v.name_en}"
                    f"{' in ' + v.admin1 if v.admin1 else ''}: the sentence names no place near that village "
                    f"and no village type word ({len(out)} namesakes)")
            out.remove(big)
            out.insert(0, Ranked(big.place, big.score, big.features, note))
    return out


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
    if best.note:
        return f"{head}; {best.note}"
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
