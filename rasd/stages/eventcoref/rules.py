"""eventcoref.yaml read into the rules the ranker applies: cross-type pairs, distances, place sizes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasd.arabic.clitics import letters
from rasd.arabic.normalize import fold_str
from rasd.kb.yamlfile import key_line, load, require


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
    back_sentences: int = 0                       # how far back a definite back-reference looks
    toll_causes: frozenset[str] = frozenset()     # words that tie a toll sentence to an act (أسفر، جراء)
    toll_notices: frozenset[str] = frozenset()    # verbs of a party's notice of its own dead (زفّت، نعت)
    toll_periods: frozenset[str] = frozenset()    # words of a period a toll is counted over (منذ، الآن)
    placed_types: frozenset[str] = frozenset()    # non-violent acts told at a place (arrest, protest …)


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
                             bool(item.get("open_place", True)), int(item.get("min_sentences", 0))))
    km = {k: float(v) for k, v in data["contains_km"].items() if k != "__line__"}
    partners = frozenset(t for t, m in ontology.items() if m.get("partners"))
    ana = data["anaphors"]
    violent = frozenset(t for t, m in ontology.items() if m.get("violent"))
    before = frozenset(fold_str(w) for w in ana["before"])
    means = frozenset(fold_str(w) for w in ana.get("means_before") or [])
    for w in means - before:
        require(False, path, ana, f"means_before word {w!r} is not among the anaphors' before words")
    for t in data.get("placed_types") or []:
        require(t in ontology, path, {"__line__": key_line(path, "placed_types")},
                f"placed_types: unknown event type {t!r}")
    back = data.get("back_references") or {}
    generic = frozenset(fold_str(w) for w in back.get("generic") or [])
    nouns = frozenset(fold_str(w) for w in back.get("nouns") or []) | generic
    for w in nouns:
        require(" " not in w and not w.startswith(letters().article), path, back,
                f"back_references noun {w!r}: one word, written without the article")
    return Rules(tuple(out), int(data["lead_sentences"]), int(data["open_place_sentences"]), km, partners,
                 before, frozenset(fold_str(w) for w in ana["after"]),
                 int(ana["sentences"]), violent, anaphor_means=means,
                 back_nouns=nouns, back_generic=generic, back_sentences=int(back.get("sentences", 0)),
                 toll_causes=frozenset(fold_str(w) for w in data.get("toll_causes") or []),
                 toll_notices=frozenset(fold_str(w) for w in data.get("toll_notices") or []),
                 toll_periods=frozenset(fold_str(w) for w in data.get("toll_periods") or []),
                 placed_types=frozenset(data.get("placed_types") or []))
