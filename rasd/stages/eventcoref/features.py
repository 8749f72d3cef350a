"""Pure features of a pair of event tellings: is the later one the earlier one told again?

A :class:`Telling` is what the ranker needs of an event (type, trigger word, sentence, places with
their size and coordinates, participants, date, modality); :func:`features` compares two of them.
Nothing here touches a Doc, so the features are tested on hand-built tellings.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from rasd.stages.eventcoref.rules import CrossType, Rules
from rasd.arabic.clitics import matches_form
from rasd.stages.events.dating import apart_in_time, narrower, span_of  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class Place:
    id: str
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None      # the gazetteer's kind: country, governorate, region, locality …
    kb: str | None = None           # the gazetteer entry it was resolved to (None: none)


@dataclass
class Telling:
    n: int                          # position in the document's event list
    type: str
    words: tuple[str, ...]          # readings of the trigger's first word (folded); () without a trigger
    sentence: int
    places: tuple[Place, ...] = ()
    agents: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    partners: frozenset[str] = frozenset()
    date: str | None = None         # the date value, when the sentence gives a day
    modality: str = "asserted"
    toll_only: bool = False         # read from a death toll, without a trigger
    running_total: bool = False     # a war's running total of the dead (events stage, triggers.yaml running_total_*)
    anaphor: str | None = None      # the demonstrative that makes it refer back (هذا الهجوم)
    told_in: frozenset[int] = frozenset()   # every sentence it is told in (evidence and trigger)
    # participant id → (the party it names, the wholes it is part of): the knowledge base's
    # part_of chain (the Israeli army → Israel), so a party and its whole count as one side
    parties: dict = field(default_factory=dict)
    back_ref: str | None = None     # the event noun with the article it is told by (الغارة): it may refer back
    back_generic: bool = False      # … a noun that names no kind of act (الهجوم): it may name any violent act
    toll_cause: bool = True         # a toll's sentence names what caused the deaths (eventcoref.yaml toll_causes)
    toll_notice: bool = False       # … or is a party's notice of its own dead (eventcoref.yaml toll_notices)
    toll_period: bool = False       # … or counts the dead over a period (eventcoref.yaml toll_periods)
    # the days the telling's date covers, ISO (first, last): a day, a week, a month or a year; None undated
    span: tuple[str, str] | None = None
    sentence_keys: frozenset[str] = frozenset()   # the folded words of its trigger's sentence
    # a headline or lead telling at a coarse place that took a body telling's finer place (eventcoref
    # absorb): it now stands for that act, not for the coarse place the lead named
    bound: bool = False

    def __post_init__(self):
        self.told_in = frozenset(self.told_in) | {self.sentence}
    extra: dict = field(default_factory=dict)

    @property
    def participants(self) -> frozenset[str]:
        return self.agents | self.targets | self.partners


def one_side(x: str, y: str, parties: dict) -> bool:
    """Participants ``x`` and ``y`` name one party: the same entity, or one is part of the other
    (الجيش الإسرائيلي and إسرائيل; الموساد and إسرائيل). Two parts of one whole are not one side
    (the army and the police of a state are two parties)."""
    if x == y:
        return True
    px, py = parties.get(x), parties.get(y)
    return px is not None and py is not None and (px[0] == py[0] or px[0] in py[1] or py[0] in px[1])


def common(xs: frozenset[str], ys: frozenset[str], parties: dict) -> int:
    """How many of ``xs`` name a party that ``ys`` names too (or its part, or its whole)."""
    if not parties:   # no part or whole known: one side is one entity, so the entities in common
        return len(xs & ys)
    return sum(any(one_side(x, y, parties) for y in ys) for x in xs)


@dataclass(frozen=True)
class Features:
    link: str | None                # "same type" or the cross-type rule's note; None: they never corefer
    host_first: bool                # the earlier telling's type is the one kept
    place: str                      # same | contains | quarters | open | differ (| union: an anaphor's places are joined)
    finer: int | None               # which telling (0 earlier, 1 later) has the finer place, for contains
    shared: int                     # participants in common
    nested: bool                    # one telling's participants are all among the other's
    agent_conflict: bool            # both name agents and none in common
    gap: int                        # sentences between them
    lead_first: bool                # the earlier telling is in the headline or lead
    coarse_in_lead: bool            # for contains: the coarser telling is in the headline or lead
    placeless_in_lead: bool         # for open: the telling without a place is in the headline or lead
    open_ok: bool                   # the cross-type rule lets a telling without a place join
    date_conflict: bool
    modality_conflict: bool
    max_sentences: int
    partyless: bool = False         # one of the two tellings names no participant at all
    min_sentences: int = 0          # the cross-type rule's least distance (1: never two words of one sentence)
    carry_parties: bool = True      # the later telling's participants join the event (not for a back-reference)
    toll_cause: bool = True         # each toll of the pair names a cause of its deaths in its sentence
    toll_notice: bool = False       # a toll of the pair is a party's notice of its own dead
    toll_period: bool = False       # a toll of the pair counts the dead over a period
    same_day: bool = False          # both tellings are dated to one day, the same day
    one_sentence_ok: bool = False   # told in one sentence, the cross type lets them be one there (no veto word)
    target_conflict: bool = False   # both name targets and none in common


def km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def contains(big: Place, small: Place, sizes: dict[str, float]) -> bool:
    """``big`` is a coarse place (a country, governorate, region) and ``small`` lies inside it."""
    r = sizes.get(big.feature or "")
    if r is None or big.id == small.id:
        return False
    if sizes.get(small.feature or "", 0.0) >= r:
        return False    # as coarse as it or coarser
    d = km(big, small)
    return d is not None and d <= r


def quarters(p: Place, q: Place, rules: Rules) -> bool:
    """One of ``p`` and ``q`` is a city (a kind of eventcoref.yaml ``quarters.cities``) and the other a quarter
    (a kind of ``quarters.parts``: a neighbourhood) within ``quarters.km`` of it. Two quarters alone
    are not one place (dev codes one event per quarter: حيي جب القبة وبستان القصر)."""
    if not rules.quarter_kinds or p.id == q.id:
        return False
    if not (p.feature in rules.city_kinds and q.feature in rules.quarter_kinds
            or q.feature in rules.city_kinds and p.feature in rules.quarter_kinds):
        return False
    d = km(p, q)
    return d is not None and d <= rules.quarters_km


def one_place(p: Place, q: Place, rules: Rules | None = None) -> bool:
    """``p`` and ``q`` name one place for coreference: one entity, or two entities resolved to one gazetteer
    entry at one point (قاعدة خراب الجير and خراب الجير: the base coded at its town, with the town's
    entry; within eventcoref.yaml ``at_container.km``). A part of it told by its direction (شرقي سوريا،
    which keeps the country's entry at a point of its own) is not the whole."""
    if p.id == q.id:
        return True
    if p.kb is None or p.kb != q.kb or rules is None or not rules.container_km:
        return False
    d = km(p, q)
    return d is not None and d <= rules.container_km


def at_container(big: Place, small: Place, rules: Rules | None) -> bool:
    """``small`` is a place the gazetteer has no entry for, placed at the point of the place its phrase
    names as its container (eventcoref.yaml ``at_container``: الجفينة جنوب غرب مأرب، شارع الستين بمدينة
    تعز), and ``big`` is that container: it lies inside it, whatever its kind. Two such places at one
    container are not (two villages by one town stay two)."""
    kinds = rules.container_kinds if rules is not None else frozenset()
    if not kinds or small.feature not in kinds or big.feature in kinds or big.id == small.id:
        return False
    d = km(big, small)
    return d is not None and d <= rules.container_km


def place_relation(a: Telling, b: Telling, sizes: dict[str, float],
                   rules: Rules | None = None, points: bool = True) -> tuple[str, int | None]:
    """How the places of ``a`` and ``b`` relate; ``points``: two places at one point (:func:`one_place`
    by the gazetteer entry, :func:`at_container`) may be one (else only one entity is one place)."""
    if not a.places or not b.places:
        return "open", None
    at = rules if points else None
    if any(one_place(p, q, at) for p in a.places for q in b.places):
        return "same", None
    if any(contains(p, q, sizes) or at_container(p, q, at) for p in a.places for q in b.places):
        return "contains", 1
    if any(contains(q, p, sizes) or at_container(q, p, at) for p in a.places for q in b.places):
        return "contains", 0
    if rules is not None and any(quarters(p, q, rules) for p in a.places for q in b.places):
        return "quarters", None
    return "differ", None


def type_link(a: Telling, b: Telling, rules: Rules) -> tuple[str | None, bool, int, bool, int]:
    """How the two types may be one event: (reason, earlier is host, max sentences apart, a
    telling without a place may join, min sentences apart)."""
    if a.type == b.type:
        if a.running_total != b.running_total:
            return None, True, 0, False, 0     # a war's running total is no retelling of one toll
        if a.type in rules.partner_types:
            return None, True, 0, False, 0     # told apart by their parties and dates in the events stage
        return "same type", True, 10 ** 6, True, 0
    for ct in rules.cross_type:
        for host, guest, host_first in ((a, b, True), (b, a, False)):
            if host.type in ct.host and guest.type == ct.guest and _guest_fits(guest, ct):
                return (f"{ct.note} (eventcoref.yaml:{ct.line})", host_first, ct.max_sentences, ct.open_place,
                        ct.min_sentences)
    return None, True, 0, False, 0


def one_sentence_ok(a: Telling, b: Telling, rules: Rules) -> bool:
    """The cross type that links ``a`` and ``b`` lets two words of one sentence be one act (its
    ``one_sentence_unless``), and their sentence holds none of its veto words (العدوان الإسرائيلي بغارات
    جوية … 4 صواريخ استهدفت المطار: the raid's own missiles; a drone named beside them makes the attack
    both kinds of fire, as the events stage codes it)."""
    if a.sentence != b.sentence:
        return False
    for ct in rules.cross_type:
        if ct.one_sentence_unless is None:
            continue
        for host, guest in ((a, b), (b, a)):
            if host.type in ct.host and guest.type == ct.guest and _guest_fits(guest, ct):
                keys = a.sentence_keys | b.sentence_keys
                return not any(matches_form(v, k) for v in ct.one_sentence_unless for k in keys)
    return False


def _guest_fits(g: Telling, ct: CrossType) -> bool:
    if ct.toll_only and not g.toll_only:
        return False
    return ct.guest_words is None or any(w in ct.guest_words for w in g.words)


def swapped_sides(a: Telling, b: Telling, rules: Rules, parties: dict) -> bool:
    """Both tellings are of a type of eventcoref.yaml ``two_sides`` (a riot) and one names as its doer a
    side the other names as the one it is against: the two sides told in the other order (مواجهات بين
    الشرطة والمتظاهرين … مواجهات بين المستوطنين والشرطة).
    :func:`features` reads it only for two tellings that share a place below a country: without one, the
    sides of a protest or a war meet in many places of one report."""
    if a.type not in rules.two_sides or b.type not in rules.two_sides:
        return False
    return bool(common(a.agents, b.targets, parties) or common(a.targets, b.agents, parties))


def features(a: Telling, b: Telling, rules: Rules) -> Features:
    """``a`` is told before ``b`` in the report."""
    link, host_first, max_s, open_ok, min_s = type_link(a, b, rules)
    # one sentence that names a place and another at its point (غارات على درعا … ومنطقة غرز، صاروخ على
    # مخيم درعا) names two places on purpose, one event each: the gazetteer entry and the container
    # join places only across sentences
    place, finer = place_relation(a, b, rules.contains_km, rules, points=not (a.told_in & b.told_in))
    mods = {a.modality, b.modality}
    # a party and its whole count as one side only where the two tellings share a place below a
    # whole country: without one, a different name for the party is too weak a sign of one act
    located = place in ("same", "contains") and any(p.feature not in rules.country_features
                                                    for p in (*a.places, *b.places))
    parties = {**a.parties, **b.parties} if located else {}
    pa, pb = a.participants, b.participants
    shared = common(pa, pb, parties)
    # a toll's sentence words matter only when a telling of the pair is a bare toll (else the defaults)
    tolls = [x for x in (a, b) if x.toll_only] if a.toll_only or b.toll_only else ()
    return Features(
        link=link, host_first=host_first, place=place, finer=finer,
        shared=shared,
        nested=bool(pa and pb) and (shared == len(pa) or common(pb, pa, parties) == len(pb)),
        agent_conflict=bool(a.agents and b.agents and not common(a.agents, b.agents, parties))
        and not (located and swapped_sides(a, b, rules, parties)),
        gap=min(abs(x - y) for x in a.told_in for y in b.told_in),
        lead_first=min(a.told_in) < rules.lead_sentences,
        coarse_in_lead=finer is not None and (b if finer == 0 else a).sentence < rules.lead_sentences
        and not (b if finer == 0 else a).bound,
        placeless_in_lead=any(not x.places and x.sentence < rules.lead_sentences
                              and x.participants <= y.participants for x, y in ((a, b), (b, a)))
        and bool(a.places or b.places),
        open_ok=open_ok,
        # two acts of force whose dates share no day; a meeting, a deal or talks last and are told by the
        # dates of their phases (the deal of 2015 named by the year a party left it), so not for them
        date_conflict=bool(a.date and b.date and a.date != b.date)
        or a.type in rules.violent and b.type in rules.violent and apart_in_time(a.span, b.span),
        modality_conflict=len(mods) > 1 and "negated" in mods or mods == {"asserted", "conditional"},
        max_sentences=max_s,
        partyless=not a.participants or not b.participants,
        toll_cause=all(x.toll_cause for x in tolls),
        toll_notice=any(x.toll_notice for x in tolls),
        toll_period=any(x.toll_period for x in tolls),
        same_day=a.span is not None and a.span == b.span and a.span[0] == a.span[1],
        min_sentences=min_s,
        one_sentence_ok=bool(link) and link != "same type" and one_sentence_ok(a, b, rules),
        target_conflict=bool(a.targets and b.targets and not common(a.targets, b.targets, parties)))
