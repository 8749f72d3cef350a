"""Candidate lookup — the only part of geocoding that reads the gazetteer.

For a PLACE entity: its namesakes (the finder's ``place_ids`` or a lookup of its key), the places
named after each mention in the same sentence (admin units, towns: "التابعة لمنطقة X", "بريف X",
"شرق X", "X، Y" chains), and the point a region phrase stands for.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from typing import Callable

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.clitics import readings as stems
from rasd.doc import Doc, Entity, Mention
from rasd.geo.regions import GeoCues, NamedRegions, RegionTable, match_region
from rasd.kb.gazetteer import Gazetteer, Place, canon_word



def entity_candidates(entity: Entity, gaz: Gazetteer) -> list[Place]:
    """Namesakes over all mentions, in gazetteer order, without duplicates."""
    seen: dict[str, Place] = {}
    for m in entity.mentions:
        ids = m.place_ids
        places = [gaz.get(i) for i in ids if _known(gaz, i)] if ids else \
            gaz.lookup(m.key) if m.key else []
        for p in places:
            seen.setdefault(p.id, p)
    return list(seen.values())


def _known(gaz: Gazetteer, pid: str) -> bool:
    try:
        gaz.get(pid)
    except KeyError:
        return False
    return True


def cue_of(entity: Entity, cues: GeoCues) -> tuple[str | None, dict | None]:
    """The first cue word any mention carries, with its spec from geo_cues.yaml."""
    for m in entity.mentions:
        w = m.cue
        if w:
            spec = cues.cues.get(fold_str(w))
            if spec:
                return w, spec
    return None, None


GATE_CACHE_SIZE = 1 << 15


def word_gate(gaz: Gazetteer, cues: GeoCues, named) -> Callable[[str], bool]:
    """Whether a folded word, under some proclitic reading, can open a region phrase
    (:func:`match_region`'s own first test) or a gazetteer name (:func:`_firsts`): a word that
    opens neither is passed over at once by :meth:`DocPlaces.sentence_hits`. The answers are kept
    in a bounded cache owned by the returned function (the geocode stage keeps one per Resources)."""
    firsts = named.first_words if isinstance(named, NamedRegions) else {k.split(" ", 1)[0] for k in named}
    starts = gaz.may_start

    @lru_cache(maxsize=GATE_CACHE_SIZE)
    def opens(key: str) -> bool:
        rs = stems(key)
        if not cues.heads.isdisjoint(f for _, f in rs):
            return True
        # a reading is one word (no space, no underscore: a token), so its canon() is canon_word()
        # of it, worked out once here for both tests (and not kept in the gazetteer's canon cache)
        for _, f in rs:
            w = canon_word(f)
            if w in firsts or (len(f) >= 3 and starts(f, w)):
                return True
        return False
    return opens


class DocPlaces:
    """Candidate lookup over one document: token offsets and the region phrase at each token are
    worked out once (many mentions share a sentence and would otherwise scan it again).
    Made per document by the geocode stage; it dies with the run."""

    def __init__(self, doc: Doc, gaz: Gazetteer, cues: GeoCues, table: RegionTable,
                 opens: Callable[[str], bool] | None = None):
        self.doc, self.gaz, self.cues, self.table = doc, gaz, cues, table
        self.opens = opens or word_gate(gaz, cues, table.named)   # see word_gate
        self.starts, self.ends = doc.token_starts, doc.token_ends   # the document's columns (read only)
        self._region: dict[int, tuple[int, dict] | None] = {}
        self._firsts: dict[int, list[str]] = {}
        self._names: dict[tuple[int, int], tuple[int, list[Place]] | None] = {}

    def token_range(self, m: Mention) -> tuple[int, int]:
        """[first, after) token indices of a mention."""
        return bisect_right(self.ends, m.start), bisect_left(self.starts, m.end)

    def region_at(self, j: int):
        if j not in self._region:
            self._region[j] = match_region(self.doc.tokens, j, self.gaz, self.cues, self.table.named,
                                           self.doc.readings[self.doc.keys[j]])
        return self._region[j]

    def name_starts(self, j: int) -> list[str]:
        """The readings of token j that can start a gazetteer name (:func:`_firsts`), once per token."""
        if j not in self._firsts:
            self._firsts[j] = _firsts(self.doc.tokens[j], self.gaz, self.doc.readings[self.doc.keys[j]])
        return self._firsts[j]

    def name_at(self, j: int, stop: int) -> tuple[int, list[Place]] | None:
        """:func:`_longest` at token j, once per (j, words it may span): the mentions of one
        sentence scan the same tokens, and the answer depends on ``stop`` only through min(3, stop - j)."""
        key = (j, min(3, stop - j))
        if key not in self._names:
            self._names[key] = _longest(self.doc.tokens, j, stop, self.gaz, self.cues.context_kinds,
                                        self.name_starts(j))
        return self._names[key]

    def sentence_hits(self, m: Mention) -> list[tuple[str, list[Place]]]:
        """Places named in the few tokens after ``m`` in its sentence, each with its surface text."""
        doc, gaz = self.doc, self.gaz
        window = self.cues.window
        sent = doc.sentences[doc.sentence_of(m.start)] if doc.sentences else (0, len(doc.text))
        toks = doc.tokens
        first, after = self.token_range(m)
        # a few words before (X و Y chains, في ريف حلب قرية X) and a window after (التابعة لمنطقة X)
        j = max(first - window // 2, 0)
        while j < first and toks[j].start < sent[0]:
            j += 1
        stop = min(len(toks), after + window)
        while stop > after and toks[stop - 1].end > sent[1]:
            stop -= 1
        out = []
        # only the words where a region phrase or a name may start (most words: none), picked by
        # one C-level pass over the window's keys; a word a phrase before it covers is passed over
        for k in compress(range(j, stop), map(self.opens, doc.keys[j:stop])):
            if k < j or first <= k < after:
                continue
            j = k
            region = self.region_at(j)
            if region and region[0] > stop:
                region = None
            if region:
                j_end, info = region
                if j_end <= first or j >= after:
                    out.append((doc.text[toks[j].start:toks[j_end - 1].end],
                                [gaz.get(i) for i in info["base_ids"] if _known(gaz, i)]))
                j = max(j_end, j + 1)
                continue
            hit = self.name_at(j, stop)
            if hit:
                j_end, places = hit
                if j_end <= first or j >= after:
                    out.append((doc.text[toks[j].start:toks[j_end - 1].end], places))
                j = j_end
            else:
                j += 1
        return out

    def region_info(self, entity: Entity) -> tuple[Mention, dict] | None:
        """The first mention that is a region phrase (from the finder, or matched here)."""
        for m in entity.mentions:
            if m.region:
                return m, m.region
        for m in entity.mentions:
            if strip_article(fold_str(m.text)) in self.cues.gov_anaphors:
                return m, {"base_ids": [], "direction": None, "rif": False, "anaphor": True, "named": False,
                           "badia": False, "text_key": fold_str(m.text)}
        for m in entity.mentions:
            if any(_known(self.gaz, i) and self.gaz.get(i).kind in ("region", "country") for i in m.place_ids or ()):
                continue   # جنوب لبنان، جنوب السودان: the gazetteer names the whole phrase
            a, b = self.token_range(m)
            toks = self.doc.tokens[a:b]
            if toks:
                hit = match_region(toks, 0, self.gaz, self.cues, self.table.named)
                if hit and hit[0] == len(toks):
                    return m, hit[1]
        return None


def _firsts(tok, gaz: Gazetteer, reads: tuple[tuple[int, str], ...] | None = None) -> list[str]:
    """Only readings that can start a name and are long enough to count (most words: none).
    ``reads``: the token's readings when the caller has them (``Doc.readings``)."""
    return [f for _, f in (stems(tok.key) if reads is None else reads) if len(f) >= 3 and gaz.may_start(f)]


def _longest(toks, j: int, stop: int, gaz: Gazetteer, kinds: frozenset[str], firsts: list[str] | None = None):
    # kinds: the place kinds that may serve as context around a mention (place_kinds.yaml context)
    # firsts: _firsts of token j, when the caller has them
    if firsts is None:
        firsts = _firsts(toks[j], gaz)
    if not firsts:
        return None
    for n in range(min(3, stop - j), 0, -1):
        rest = " ".join(t.key for t in toks[j + 1:j + n])
        for first in firsts:
            places = [p for p in gaz.lookup(f"{first} {rest}".strip()) if p.kind in kinds]
            # a bare one-word village name is too weak a signal unless it is an admin unit or a seat
            if n == 1:
                places = [p for p in places if p.kind != "locality" or p.rank >= 2]
            if places:
                return j + n, places
    return None


# a compass direction as (north, east) steps
_STEPS = {"north": (1, 0), "north-east": (1, 1), "east": (0, 1), "south-east": (-1, 1), "south": (-1, 0),
          "south-west": (-1, -1), "west": (0, -1), "north-west": (1, -1)}
MIN_PLACES = 5      # known places of a country needed to tell its extent


def _middle_spread(xs: list[float]) -> float:
    """The spread of the middle 80 % of the values (10th to 90th percentile): robust to outliers."""
    xs = sorted(xs)
    return xs[int(0.9 * (len(xs) - 1))] - xs[int(0.1 * (len(xs) - 1))]


MIN_SIDE = 2       # known places on the named side of a country's point needed to place that side by them


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def _on_side(lat: float, lon: float, origin: Place, step: tuple[int, int]) -> bool:
    """Whether a point lies on the side of ``origin`` a compass step names (both ways for a diagonal)."""
    return (step[0] == 0 or (lat - origin.lat) * step[0] > 0) and (step[1] == 0 or (lon - origin.lon) * step[1] > 0)


class CountryPlaces(dict):
    """country code → its places (:func:`country_places`), and ``parts``: the answers of
    :func:`country_part` worked out over them, by (country, direction). An answer depends on the
    country's place, the direction and these places only, so it is worked out once: the part reads
    every place of the country (thousands for Syria) to build it, and the same few parts (شرق سوريا،
    شمال العراق, the sides of a border) come back report after report. At most one answer per
    country of the gazetteer and direction (nine values), so the memo is bounded by the gazetteer."""

    __slots__ = ("parts",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts: dict[tuple[Place, str | None], tuple[Place, str]] = {}


def country_places(gaz: Gazetteer) -> CountryPlaces:
    """The gazetteer's places other than countries, per country code, in gazetteer order: what
    :func:`country_part` reads, grouped once (the geocode stage keeps it per Resources) instead of
    a scan of the whole gazetteer per region phrase; its parts are kept with it (:class:`CountryPlaces`)."""
    out = CountryPlaces()
    for p in gaz.places():
        if p.kind != "country":
            out.setdefault(p.country, []).append(p)
    return out


def country_part(country: Place, direction: str, gaz: Gazetteer,
                 by_country: dict[str, list[Place]] | None = None) -> tuple[Place, str]:
    """The part of a country a compass word names (شرقي سوريا، شمال العراق، شرق ليبيا), with the
    country's id: the median of the places the gazetteer holds in that country on that side of its
    point (its provinces, where it holds them), the farther half of them (so the towns just past the point do not pull the part back to
    the middle). A country's point is the middle of its land, while the press names a part by where its
    towns are (east Libya is Cyrenaica's coast, not the desert east of the centroid), so the towns
    of that side place it better than the centroid moved. With fewer than MIN_SIDE places on that
    side, the country's point is moved that way by half the middle spread of its known places (the
    rule before branch place4), or kept when too few places are known to tell the extent.
    ``by_country``: :func:`country_places` of ``gaz``, when the caller keeps it (its answers are
    then kept with it, :class:`CountryPlaces`)."""
    parts = getattr(by_country, "parts", None)
    if parts is None:
        return _country_part(country, direction, gaz, by_country)
    key = (country, direction)
    got = parts.get(key)
    if got is None:
        got = parts[key] = _country_part(country, direction, gaz, by_country)
    return got


def _country_part(country: Place, direction: str, gaz: Gazetteer,
                  by_country: dict[str, list[Place]] | None) -> tuple[Place, str]:
    """:func:`country_part`, worked out."""
    own = (by_country if by_country is not None else country_places(gaz)).get(country.country, [])
    pts = [(p.lat, p.lon) for p in own]
    step = _STEPS.get(direction)
    if step is not None:
        # a country whose provinces the gazetteer holds (Syria) is told by them: they cover the land
        # evenly, where its villages crowd into the densely mapped provinces
        units = [(p.lat, p.lon) for p in own if p.kind == "governorate"]
        side = sorted((a, b) for a, b in (units if len(units) >= MIN_PLACES else pts)
                      if _on_side(a, b, country, step))
        if len(side) >= MIN_SIDE:
            # the farther half of that side, by how far each place lies that way (all of them when
            # there are too few to halve: the east of Syria is its two eastern provinces)
            side.sort(key=lambda ab: step[0] * (ab[0] - country.lat) + step[1] * (ab[1] - country.lon))
            far = side[len(side) // 2:] if len(side) >= 2 * MIN_SIDE else side
            lat, lon = round(_median([a for a, _ in far]), 2), round(_median([b for _, b in far]), 2)
            return replace(country, lat=lat, lon=lon), \
                f"the {direction} of {country.name_en}: the median of the farther half of the " \
                f"{len(side)} known {'provinces' if len(units) >= MIN_PLACES else 'places'} that lie " \
                f"{direction} of the country's point"
    if step is None or len(pts) < MIN_PLACES:
        return country, f"the {direction or 'part'} of {country.name_en}, coded to the country " \
                        f"(too few known places there to tell its extent)"
    lat = round(country.lat + step[0] * _middle_spread([a for a, _ in pts]) / 2, 2)
    lon = round(country.lon + step[1] * _middle_spread([b for _, b in pts]) / 2, 2)
    return replace(country, lat=lat, lon=lon), \
        f"the {direction} of {country.name_en}: the country's point moved {direction} by half the " \
        f"spread of its {len(pts)} known places"


_HEADINGS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west")


def heading(a: Place, b: Place) -> str:
    """The compass direction (of _STEPS) from a's point to b's."""
    dlat = b.lat - a.lat
    dlon = (b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    angle = math.degrees(math.atan2(dlon, dlat)) % 360
    return _HEADINGS[int((angle + 22.5) // 45) % 8]


def border_place(a: Place, b: Place, gaz: Gazetteer,
                 by_country: dict[str, list[Place]] | None = None) -> tuple[Place, str]:
    """The point a border between states a and b is coded to (الحدود السورية التركية): midway between
    the part of each state that faces the other (:func:`country_part`), with a's id, precision 3."""
    pa, _ = country_part(a, heading(a, b), gaz, by_country)
    pb, _ = country_part(b, heading(b, a), gaz, by_country)
    lat, lon = round((pa.lat + pb.lat) / 2, 2), round((pa.lon + pb.lon) / 2, 2)
    return replace(a, lat=lat, lon=lon, name_en=f"{a.name_en}–{b.name_en} border"), \
        f"the border of {a.name_en} and {b.name_en}: midway between the {heading(a, b)} of " \
        f"{a.name_en} and the {heading(b, a)} of {b.name_en}, the parts that face each other"


def region_place(info: dict, gaz: Gazetteer, last_governorate: str | None, table: RegionTable,
                 by_country: dict[str, list[Place]] | None = None) -> tuple[Place | None, str]:
    """The place a region phrase is coded to, and a short reason."""
    if info.get("named"):
        if not info["base_ids"]:
            return None, "a named region too large or vague to place on a map"
        p = gaz.get(info["base_ids"][0])
        return p, f"named region, coded to {p.name_en} ({p.kind}) by convention"
    base = [gaz.get(i) for i in info.get("base_ids", []) if _known(gaz, i)]
    if info.get("anaphor") and last_governorate:
        base = [gaz.get(last_governorate)]
    if not base:
        return None, "the region's base place is not in the gazetteer"
    govs = [p for p in base if p.kind == "governorate"]
    direction = info.get("direction")
    if info.get("anaphor") and not info.get("rif") and govs:
        return govs[0], f"the governorate last named before it, {govs[0].name_en}"
    if govs and not (len(base) > 1 and info.get("city")):
        gov = govs[0]
        row = table.governorates.get(gov.id, {})
        key = "badia" if info.get("badia") else direction or "default"
        pid = row.get(key) or row.get("default") or gov.id
        p = gaz.get(pid) if _known(gaz, pid) else gov
        area = "desert" if info.get("badia") else "countryside" if info.get("rif") else "area"
        return p, f"{direction + ' ' if direction else ''}{area} of {gov.name_en} governorate, " \
                  f"coded to {p.name_en} {p.kind} by convention"
    countries = [p for p in base if p.kind == "country"]
    if direction and countries and len(countries) == len(base):
        return country_part(countries[0], direction, gaz, by_country)
    regions = [p for p in base if p.kind == "region"]
    if direction and regions and len(regions) == len(base):
        part = region_part(regions[0], direction, gaz, by_country)
        if part is not None:
            return part
    for kind in ("district", "subdistrict", "city", "locality", "region", "country"):
        for p in base:
            if p.kind == kind and (kind != "locality" or p.rank >= 1):
                return p, f"surroundings of {p.name_en}, coded to the {p.kind}"
    return None, "the region's base place is not in the gazetteer"


def region_part(region: Place, direction: str, gaz: Gazetteer,
                by_country: dict[str, list[Place]] | None = None) -> tuple[Place, str] | None:
    """The part of a region of the world list a compass word names (شمالي قطاع غزة، جنوب الضفة
    الغربية), as :func:`country_part` places a country's: the median of the farther half of the
    gazetteer's places in that region (``admin1`` its name) on that side of its point; None when
    fewer than MIN_SIDE are known there (the caller codes the region itself). The press names the
    north of the Strip for Jabalia and Beit Lahia and its south for Khan Yunis and Rafah, not for
    the Strip's middle."""
    step = _STEPS.get(direction)
    if step is None:
        return None
    own = (by_country if by_country is not None else country_places(gaz)).get(region.country, [])
    side = [(p.lat, p.lon) for p in own
            if p.admin1 == region.name_ar and p.kind != "region" and _on_side(p.lat, p.lon, region, step)]
    if len(side) < MIN_SIDE:
        return None
    side.sort(key=lambda ab: step[0] * (ab[0] - region.lat) + step[1] * (ab[1] - region.lon))
    far = side[len(side) // 2:] if len(side) >= 2 * MIN_SIDE else side
    lat, lon = round(_median([a for a, _ in far]), 2), round(_median([b for _, b in far]), 2)
    return replace(region, lat=lat, lon=lon), \
        f"the {direction} of {region.name_en}: the median of the farther half of the {len(side)} " \
        f"known places in it that lie {direction} of its point"
