"""eventcoref.yaml read into the rules the ranker applies: cross-type pairs, distances, place sizes."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rasd.arabic.clitics import letters
from rasd.arabic.normalize import fold_str
from rasd.kb.yamlfile import load, require


@dataclass(frozen=True)
class CrossType:
    note: str
    line: int
    host: frozenset[str]
    guest: str
    guest_words: frozenset[str] | None    # None: any trigger of the guest type
    toll_only: bool                      # the guest is a toll sentence (no trigger)
    max_sentences: int
    open_place: bool                     # a telling without a place may join (with a participant in common)
    min_sentences: int = 0               # how many sentences apart at least (1: never two words of one sentence)
    one_sentence_unless: frozenset[str] | None = None   # … but one sentence may, unless it holds one of these


@dataclass(frozen=True)
class PlaceNeed:
    """What a type of event needs for a place to stand as an event of its own (eventcoref.yaml place_needed)."""
    country: bool    # a whole country is place enough
    row: str         # the row that says so: "violent" or the type's own
    line: int        # the line of its row

    @property
    def what(self) -> str:
        """How a dropped telling is named in its reason: "a violent act", "a PROTEST"."""
        return "a violent act" if self.row == "violent" else f"a {self.row}"


@dataclass(frozen=True)
class Rules:
    cross_type: tuple[CrossType, ...]
    lead_sentences: int
    open_place_sentences: int
    contains_km: dict[str, float]
    partner_types: frozenset[str] = frozenset()   # meetings, agreements: the events stage merges them by their parties
    anaphor_before: frozenset[str] = frozenset()  # هذا، تلك … before a trigger: it refers back
    anaphor_after: frozenset[str] = frozenset()   # نفسه، ذاته after it
    anaphor_sentences: int = 3
    violent: frozenset[str] = frozenset()
    country_features: frozenset[str] = frozenset({"country"})   # gazetteer kinds that name a whole country
    anaphor_means: frozenset[str] = frozenset()   # ذلك: "وذلك بـ" the means of the act told
    back_nouns: frozenset[str] = frozenset()      # event nouns that, with the article, refer back (الغارة)
    back_generic: frozenset[str] = frozenset()    # … of them, those that name no kind of act (الهجوم)
    back_partner: frozenset[str] = frozenset()    # … of them, a meeting's or an agreement's (اللقاء): no cause of deaths
    back_sentences: int = 0                       # how far back a definite back-reference looks
    toll_causes: frozenset[str] = frozenset()     # words that tie a toll sentence to an act (أسفر، جراء)
    toll_notices: frozenset[str] = frozenset()    # verbs of a party's notice of its own dead (زفّت، نعت)
    toll_periods: frozenset[str] = frozenset()    # words of a period a toll is counted over (منذ، الآن)
    place_needed: dict[str, PlaceNeed] = field(default_factory=dict)   # by type: the types that need a place
    city_kinds: frozenset[str] = frozenset()      # gazetteer kinds of a city (eventcoref.yaml quarters)
    quarter_kinds: frozenset[str] = frozenset()   # … of a quarter of a city (a neighbourhood)
    quarters_km: float = 0.0                      # how far a quarter lies from its city
    named_victim_types: frozenset[str] = frozenset()   # types whose telling against a named person needs no place
    named_victim_line: int = 0                    # the line of eventcoref.yaml named_victim
    named_victim_words: frozenset[str] = frozenset()   # … its trigger words (folded; * any ending)
    doer_country_types: frozenset[str] = frozenset()        # types placed in their state doer's country
    doer_country_categories: frozenset[str] = frozenset()   # … the actor categories of such a doer
    doing_verbs: frozenset[str] = frozenset()     # verbs of doing (شن، نفذ): a trigger they open is named by its noun
    repeat_min_words: int = 0                     # a sentence repeated word for word, this long at least, retells
    side_needed: frozenset[str] = frozenset()     # types dropped when their record names no participant
    side_needed_line: int = 0                     # the line of eventcoref.yaml side_needed
    container_kinds: frozenset[str] = frozenset()   # place kinds placed at their container's point (at_container)
    container_km: float = 0.0                     # … how near that point the container lies
    two_sides: frozenset[str] = frozenset()       # fights whose doer and foe a retelling may name in either order
    sentence_place_types: frozenset[str] = frozenset()   # unplaced acts placed by a later clause of their sentence
    sentence_place_line: int = 0                  # the line of eventcoref.yaml sentence_place
    sentence_place_not_after: frozenset[str] = frozenset()   # … words that make the place after them no place of the act


def load_rules(path: Path, ontology) -> Rules:
    """The rules of eventcoref.yaml; an unknown event type names file and line."""
    data = load(path)
    out = []
    for item in data["cross_type"]:
        for t in [*item["host"], item["guest"]]:
            require(t in ontology, path, item, f"unknown event type {t!r}")
        require(int(item.get("min_sentences", 0)) <= int(item.get("max_sentences", 2)), path, item,
                "min_sentences is more than max_sentences: no distance is left where the pair may be one event")
        words = item.get("guest_words")
        out.append(CrossType(item["note"], item.get("__line__", 0), frozenset(item["host"]), item["guest"],
                             frozenset(fold_str(w) for w in words) if words else None,
                             bool(item.get("toll_only")), int(item.get("max_sentences", 2)),
                             bool(item.get("open_place", True)), int(item.get("min_sentences", 0)),
                             frozenset(fold_str(w) for w in item["one_sentence_unless"])
                             if item.get("one_sentence_unless") is not None else None))
    km = {k: float(v) for k, v in data["contains_km"].items() if k != "__line__"}
    partners = frozenset(t for t, m in ontology.items() if m.get("partners"))
    ana = data["anaphors"]
    violent = frozenset(t for t, m in ontology.items() if m.get("violent"))
    before = frozenset(fold_str(w) for w in ana["before"])
    means = frozenset(fold_str(w) for w in ana.get("means_before") or [])
    for w in means - before:
        require(False, path, ana, f"means_before word {w!r} is not among the anaphors' before words")
    back = data.get("back_references") or {}
    generic = frozenset(fold_str(w) for w in back.get("generic") or [])
    partner_nouns = frozenset(fold_str(w) for w in back.get("partner_nouns") or [])
    nouns = frozenset(fold_str(w) for w in back.get("nouns") or []) | generic | partner_nouns
    for w in nouns:
        require(" " not in w and not w.startswith(letters().article), path, back,
                f"back_references noun {w!r}: one word, written without the article")
    quarters = data.get("quarters") or {}
    at_container = data.get("at_container") or {}
    for t in data.get("two_sides") or []:
        require(t in ontology, path, data, f"two_sides: {t!r} is no event type of the ontology")
    require(not at_container.get("kinds") or float(at_container.get("km") or 0.0) > 0, path, at_container,
            "at_container: kinds without a distance (km > 0) join no place")
    named = data.get("named_victim") or {}
    for t in named.get("types") or []:
        require(t in ontology, path, named, f"named_victim: {t!r} is no event type of the ontology")
    doer = data.get("doer_country") or {}
    for t in doer.get("types") or []:
        require(t in ontology, path, doer, f"doer_country: {t!r} is no event type of the ontology")
    side = data.get("side_needed") or {}
    spl = data.get("sentence_place") or {}
    for t in spl.get("types") or []:
        require(t in ontology, path, spl, f"sentence_place: {t!r} is no event type of the ontology")
        require(t in violent, path, spl, f"sentence_place: {t!r} is no violent type (a violent act needs a place)")
    for t in side.get("types") or []:
        require(t in ontology, path, side, f"side_needed: {t!r} is no event type of the ontology")
    return Rules(tuple(out), int(data["lead_sentences"]), int(data["open_place_sentences"]), km, partners,
                 before, frozenset(fold_str(w) for w in ana["after"]),
                 int(ana["sentences"]), violent, anaphor_means=means,
                 back_nouns=nouns, back_generic=generic, back_partner=partner_nouns, back_sentences=int(back.get("sentences", 0)),
                 toll_causes=frozenset(fold_str(w) for w in data.get("toll_causes") or []),
                 toll_notices=frozenset(fold_str(w) for w in data.get("toll_notices") or []),
                 toll_periods=frozenset(fold_str(w) for w in data.get("toll_periods") or []),
                 place_needed=place_needed(path, data, ontology, violent),
                 city_kinds=frozenset(quarters.get("cities") or []),
                 quarter_kinds=frozenset(quarters.get("parts") or []),
                 quarters_km=float(quarters.get("km") or 0.0),
                 named_victim_types=frozenset(named.get("types") or []),
                 named_victim_line=int(named.get("__line__", 0)),
                 named_victim_words=frozenset(fold_str(w) for w in named.get("words") or []),
                 doer_country_types=frozenset(doer.get("types") or []),
                 doer_country_categories=frozenset(doer.get("categories") or []),
                 doing_verbs=frozenset(fold_str(w) for w in data.get("doing_verbs") or []),
                 repeat_min_words=int(data.get("repeated_sentence_words") or 0),
                 side_needed=frozenset(side.get("types") or []),
                 side_needed_line=int(side.get("__line__", 0)),
                 container_kinds=frozenset(at_container.get("kinds") or []),
                 container_km=float(at_container.get("km") or 0.0),
                 two_sides=frozenset(data.get("two_sides") or []),
                 sentence_place_types=frozenset(spl.get("types") or []),
                 sentence_place_line=int(spl.get("__line__", 0)),
                 sentence_place_not_after=frozenset(fold_str(w) for w in spl.get("not_after") or []))


def place_needed(path: Path, data: dict, ontology, violent: frozenset[str]) -> dict[str, PlaceNeed]:
    """eventcoref.yaml ``place_needed`` by event type: the row ``violent`` for each violent type of the
    ontology, a row naming a type over it; a type whose row needs no place is left out. A row that names
    no event type, or lets a country count for a type that needs no place, names its file and line."""
    rows = {k: v for k, v in (data.get("place_needed") or {}).items() if k != "__line__"}
    out: dict[str, PlaceNeed] = {}
    for name, row in sorted(rows.items(), key=lambda kv: kv[0] != "violent"):   # the violent row first
        require(name == "violent" or name in ontology, path, row,
                f"place_needed: {name!r} is no event type of the ontology (nor `violent`)")
        require(row["place"] or not row["country"], path, row,
                f"place_needed: {name}: a country counts as a place only for a type that needs one")
        for t in sorted(violent) if name == "violent" else [name]:
            out.pop(t, None)
            if row["place"]:
                out[t] = PlaceNeed(bool(row["country"]), name, int(row.get("__line__", 0)))
    return out
