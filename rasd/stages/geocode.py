"""Geocode stage: every PLACE entity gets ``geo`` (with a ``why``), ``kb_id`` and ``name_en``.

candidates (rasd.geo.candidates, the only data access) → features → rank (pure) → explicit NONE
→ why.  Places are resolved in rounds: region phrases and places with one candidate (or
namesakes all within a few km) first; they anchor the report, and each later round ranks the
ambiguous names against the anchors resolved so far.
"""
from __future__ import annotations

import re
from operator import is_

from rasd.arabic.clitics import with_article
from rasd.arabic.normalize import fold_str, strip_article
from rasd.doc import Doc, Entity
from rasd.geo.candidates import (DocPlaces, border_place, country_places, cue_of, entity_candidates, region_place,
                                 word_gate)
from rasd.geo.features import Context, km, point
from rasd.geo.rank import precision, rank, why
from rasd.kb.gazetteer import ADMIN_KINDS, NO_COUNTRY, Place
from rasd.pipeline import Stage
from rasd.stages.mentions.index import state_adjectives


def _none(entity: Entity, reason: str) -> None:
    entity.geo = {"lat": None, "lon": None, "precision": None, "why": reason}
    entity.kb_id = None


def _assign(entity: Entity, p: Place, prec: int, reason: str, feature: str | None = None) -> None:
    entity.geo = {"lat": p.lat, "lon": p.lon, "precision": prec, "feature": feature or p.kind,
                  "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3, "why": reason}
    entity.kb_id = p.id
    entity.name_en = entity.name_en or p.name_en


def _centre(anchors: list[tuple[str, Place]]) -> tuple[float, float] | None:
    """Component-wise median of the anchors (countries left out): robust to one far place."""
    pts = sorted(point(a) for _, a in anchors if a.kind != "country")
    if not pts:
        return None
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def _spread(cands: list[Place]) -> float:
    return max((km(point(a), point(b)) for a in cands for b in cands), default=0.0)


def _last_governorate(doc: Doc, entity: Entity, resolved: dict[str, Place]) -> str | None:
    """The governorate of the last resolved place named before this entity's first mention."""
    start = min(m.start for m in entity.mentions)
    best, at = None, -1
    for e in doc.entities:
        p = resolved.get(e.id)
        if p is None or not p.admin_ids and p.kind != "governorate":
            continue
        for m in e.mentions:
            if at < m.start < start:
                best, at = (p.id if p.kind == "governorate" else p.admin_ids[0]), m.start
    return best


class Geocode(Stage):
    """Settings: ``rounds`` of ranking against the anchors, ``same_place_km`` (namesakes closer
    than this are one place for anchoring)."""

    name = "geocode"
    requires = ("entities",)
    assigns = ("entities[PLACE].geo",)

    @classmethod
    def defaults(cls) -> dict:
        return {"rounds": 3, "same_place_km": 10.0}

    def __call__(self, doc: Doc) -> Doc:
        return geocode(doc, self.resources, self.config["rounds"], self.config["same_place_km"])


def geocode(doc: Doc, res, rounds: int, same_place_km: float) -> Doc:
    places = [e for e in doc.entities if e.type == "PLACE"]
    if not places:
        return doc
    gaz = res.gazetteer
    opens = res.keep("geo-word-gate", lambda: word_gate(gaz, res.geo_cues, res.region_table.named))
    by_country = res.keep("geo-country-places", lambda: country_places(gaz))
    lookup = DocPlaces(doc, gaz, res.geo_cues, res.region_table, opens)
    resolved: dict[str, Place] = {}
    pending: dict[str, tuple[Entity, list[Place]]] = {}
    regions = []
    for e in places:
        reg = lookup.region_info(e)
        if reg is not None:
            regions.append((e, reg[1]))
            continue
        cands = [] if _named_with_a_word(e, res) else entity_candidates(e, gaz)
        if not cands:
            states = _border_states(e, gaz, res.kb.lexicon["_folded"]["border_words"],
                                    res.open_places.border_adjectives)
            if states:
                p, reason = border_place(*states, gaz, by_country)
                _assign(e, p, 3, reason, feature="region")
                e.kb_id = None      # the border, not the state whose id the point carries
            else:
                _none(e, _no_entry(e, res.kb.lexicon["_folded"]["border_words"]))
        elif len(cands) == 1 or _spread(cands) <= same_place_km:
            resolved[e.id] = cands[0]
            pending[e.id] = (e, cands)
        else:
            pending[e.id] = (e, cands)
    for e, info in sorted(regions, key=lambda r: not r[1].get("anaphor")):
        p, reason = region_place(info, gaz, _last_governorate(doc, e, resolved) if info.get("anaphor") else None,
                                 res.region_table, by_country)
        if p is None:
            _none(e, reason)
            continue
        _assign(e, p, 3, reason, feature="region")
        resolved[e.id] = p
    governorates = {p.admin1 for p in resolved.values() if p.admin1}
    hits = {eid: [h for m in e.mentions for h in lookup.sentence_hits(m)] for eid, (e, _) in pending.items()}
    by_id = {e.id: e for e in places}
    country = _report_country(places, resolved)
    memo: dict = {}     # distance decays of this document, asked again each round (features.decay)
    for _ in range(rounds):
        # a round reads only ``resolved`` as it stands at its start (the anchors and the centre);
        # when it ends with every entity on the place it started with, another round would repeat it
        before = list(resolved.values())
        anchors = [(by_id[eid].name_ar, p) for eid, p in resolved.items()]
        centre = _centre(anchors)
        for eid, (e, cands) in pending.items():
            word, spec = cue_of(e, res.geo_cues)
            own = {c.id for c in cands}
            ctx = Context(hits=hits[eid], anchors=[a for a in anchors if a[1].id not in own],
                          centre=centre, governorates=governorates, cue=spec, cue_word=word, country=country,
                          memo=memo)
            ranked = rank(cands, ctx)
            resolved[eid] = ranked[0].place
            _assign(e, ranked[0].place, precision(ranked[0].place, ctx), why(ranked, ctx),
                    feature="facility" if spec and spec.get("facility") else None)
        if len(before) == len(resolved) and all(map(is_, before, resolved.values())):
            break
    dropped = _country_prior(places, resolved, hits, res.kb.lexicon["_folded"], pending,
                             res.keep("geo-state-adjectives", lambda: state_adjectives(res.open_places.border_adjectives)))
    if dropped:
        doc.entities = [e for e in doc.entities if e.id not in dropped]
    return doc


def _border_states(e: Entity, gaz, border_words: frozenset[str], adjectives: dict[str, str]) -> list[Place] | None:
    """The two states a border place is named by (الحدود السورية التركية: Syria, Turkey), or None."""
    for m in e.mentions:
        words = [w for w in re.split(r"[\s\-–]+", fold_str(m.text)) if w]
        if len(words) == 3 and words[0] in border_words and all(w in adjectives for w in words[1:]):
            ids = [f"world:{adjectives[w]}" for w in words[1:]]
            try:
                states = [gaz.get(i) for i in ids]
            except KeyError:
                return None
            return states if states[0].id != states[1].id else None
    return None


def _no_entry(e: Entity, border_words: frozenset[str]) -> str:
    """Why a place without gazetteer candidates stays unplaced."""
    firsts = {(fold_str(m.text).split() or [""])[0] for m in e.mentions}
    if e.mentions and firsts <= border_words:
        return f"{e.name_ar} is a border, a line that no one point stands for"
    return f"no gazetteer entry for {e.name_ar}"


def _named_with_a_word(e: Entity, res) -> bool:
    """حقل العمر، مطار المزة: a site the press names with an ordinary word is not the village that
    happens to bear that word (العمر near Afrin): a site found by its type word whose name is an
    ordinary word gets no gazetteer candidates (place_context may still place it at its container)."""
    if not e.mentions or not all(m.pattern and m.facility and m.key for m in e.mentions):
        return False
    common = res.common_words   # read only for such sites
    return all(m.key in common or strip_article(m.key) in common for m in e.mentions)


# kinds that tell which country a report is about (a village name alone does not)
_TELLING = {"country", "city", "governorate", "district", "region"}
NEAR_KM = 30.0   # a Syrian village named this close to a candidate in its sentence speaks for the Syrian reading


def _country_votes(places: list[Entity], resolved: dict[str, Place]) -> dict[str, int]:
    """Mentions of the resolved places that tell a country (a country, city, province …), per country.
    A region of no country (الشرق الأوسط، البحر الأحمر: the world list's "zz") tells none."""
    votes: dict[str, int] = {}
    for e in places:
        p = resolved.get(e.id)
        if p is not None and p.kind in _TELLING and p.country and p.country != NO_COUNTRY:
            votes[p.country] = votes.get(p.country, 0) + len(e.mentions)
    return votes


def _report_country(places: list[Entity], resolved: dict[str, Place]) -> str | None:
    """The country a report is about: the one whose countries, cities and provinces (those resolved
    without doubt) it names most, at least twice and more often than any other; None when no
    country stands out. A namesake there is preferred when nothing nearer decides (طرابلس in a
    report about Libya is Tripoli of Libya, in one about Lebanon Tripoli of Lebanon)."""
    votes = sorted(_country_votes(places, resolved).items(), key=lambda kv: -kv[1])
    if not votes or votes[0][1] < 2 or (len(votes) > 1 and votes[1][1] == votes[0][1]):
        return None
    return votes[0][0]


def _country_prior(places: list[Entity], resolved: dict[str, Place], hits: dict, lex: dict,
                   pending: dict[str, tuple[Entity, list[Place]]] | None = None,
                   adjectives: dict[str, str] | None = None) -> set[str]:
    """A report about another country (Iraq, Lebanon …) that names no Syrian city or province:
    a bare village name there is not its Syrian namesake, unless the sentence names a Syrian unit.
    A name that also has a namesake in that country is that namesake (سنجار، أبين in reports
    about Iraq and Yemen), whatever the ranking preferred.

    Such a name with no type word before it (no قرية، مخيم، موقع …) is taken for what it mostly
    is there, an ordinary word that happens to name a Syrian village (بصورة، مقتله، عز الدين،
    لل+ميادين): the ids of those entities are returned, for the caller to drop. One after a type
    word stays a place, unplaced (مخيم الشاطئ in a Gaza report)."""
    votes = _country_votes(places, resolved)
    if not votes or votes.get("sy", 0) or max(votes.values()) < 2:
        return set()
    elsewhere = max(votes, key=votes.get)
    cue_words = lex["place_cues"] | lex["strong_place_cues"]

    def syrian_only(text: str, qs: list[Place], p: Place) -> bool:
        """The sentence names a place that can only be Syrian: a village near ``p`` or a unit that
        contains it. A Syrian unit that does not contain it is no such evidence: in a report about
        Yemen, حي النهضة بمديرية الثورة names two Yemeni places, not the village النهضة of Aleppo
        and the Syrian district الثورة on the Euphrates."""
        word = strip_article(fold_str(text).split()[0]) if text.split() else ""
        named = word not in cue_words and with_article(word) not in cue_words   # "قرية" is a type word here
        if not (named and qs and all(q.country == "sy" for q in qs)):
            return False
        own = set(p.admin_ids)
        return any(q.id in own or (q.kind == "governorate" and q.name_ar == p.admin1) or
                   (q.kind not in ADMIN_KINDS and q.id != p.id and km(point(q), point(p)) <= NEAR_KM) for q in qs)

    dropped: set[str] = set()
    for e in places:
        p = resolved.get(e.id)
        if p is None or p.country != "sy" or p.kind in _TELLING:
            continue
        if any(syrian_only(text, qs, p) for text, qs in hits.get(e.id, [])):
            continue   # the sentence names a place that can only be Syrian
        if any((adjectives or {}).get(fold_str(m.text).split()[-1]) == "sy" for m in e.mentions if m.text.split()):
            continue   # مدينة الزبداني السورية: its own mention says it is Syrian
        there = [q for q in (pending or {}).get(e.id, (e, []))[1] if q.country == elsewhere]
        if there:
            q = there[0]
            resolved[e.id] = q
            _assign(e, q, 3 if q.kind in _TELLING - {"city"} else 1,
                    f"{q.name_en} ({q.kind}): the report is about {elsewhere.upper()} and names no Syrian "
                    f"city or province, so the namesake there rather than the Syrian one")
            continue
        _none(e, f"only a Syrian namesake is known, and the report is about {elsewhere.upper()} "
                 f"(it names no Syrian city or province)")
        if not any(m.cue or m.facility or m.pattern for m in e.mentions):
            dropped.add(e.id)
    return dropped
