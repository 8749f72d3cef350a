"""Build the CRF's :class:`~rasd.ner.features.Lexicons` from the installed data and the knowledge base.

The only module of rasd.ner that reads data; features and tagging are pure given its result.
"""
from __future__ import annotations

import json
from pathlib import Path

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.tokens import WORD
from rasd.ner.clusters import FILENAME as CLUSTERS_FILE
from rasd.ner.clusters import load as load_clusters
from rasd.ner.features import LISTS, Lexicons

# gazetteer kinds → the class the feature names (a country is not a village)
KIND_CLASS = {"country": "country", "city": "city", "region": "region", "governorate": "admin",
              "district": "admin", "subdistrict": "admin", "locality": "village", "neighbourhood": "village"}
_RANK = ("country", "city", "admin", "region", "village")


# The CRF's gazetteer-like features (the world list's place names, the knowledge base's names and the
# lexicon's word lists: features.LISTS) read this file, frozen at a version of rasd/knowledge, not the
# knowledge files themselves: an edit of world_places.yaml, actors.yaml or lexicon.yaml then no longer
# changes the CRF's features and person spans (README.md, the NER section: frozen feature lists).
# Rewritten only on purpose, by scripts/freeze_ner_lists.py; the Syrian gazetteer's names (shared
# data, and geo_cues.yaml's name variants) are read as installed.
FROZEN = Path(__file__).resolve().parent / "frozen_lists.json"


def lexicons(base: Path, gaz=None, kb=None, frozen: Path | None = FROZEN) -> Lexicons:
    """Lexicons from the data folder ``base`` (names.json, clusters) and the given gazetteer and
    knowledge base (the installed/packaged ones when None). ``frozen``: the feature lists frozen at a
    version of the knowledge (:data:`FROZEN`), read for the world list's places, the knowledge base's
    names and the lexicon's lists in place of the knowledge files; None: the knowledge as it is."""
    if gaz is None:
        from rasd.kb.gazetteer import load_gazetteer
        gaz = load_gazetteer()
    if kb is None and frozen is None:
        from rasd.kb.knowledge import load_kb
        kb = load_kb()
    fixed = json.loads(frozen.read_text(encoding="utf-8")) if frozen is not None else None
    places, place_first = _places(gaz, "all" if fixed is None else "geo")
    if fixed is None:
        kbw, kb_first = _kb_words(kb)
        lists = kb.lexicon["_folded"]
        lists = {k: lists[k] for k in LISTS if k in lists}
    else:
        for form, cls in fixed["world"].items():
            _rank_in(places, form, cls)
        place_first |= set(fixed["world_first"])
        kbw, kb_first = dict(fixed["kb"]), frozenset(fixed["kb_first"])
        lists = {k: frozenset(fixed["lists"][k]) for k in LISTS if k in fixed["lists"]}
    try:
        given = frozenset(json.loads((base / "names.json").read_text(encoding="utf-8"))["names"])
    except FileNotFoundError:
        given = frozenset()
    return Lexicons(places=places, place_first=frozenset(place_first), kb=kbw, kb_first=kb_first,
                    given=given, lists=lists, clusters=load_clusters(base / CLUSTERS_FILE))


def _places(gaz, which: str = "all") -> tuple[dict[str, str], set[str]]:
    """One-word place names → their kind class (the highest ranked of a name's namesakes), and the
    first words of longer names, from the gazetteer's aliases: ``which`` "all", "geo" (all but the
    world list's, world_places.yaml) or "world" (only those)."""
    from rasd.kb.gazetteer import WORLD_SOURCE

    places: dict[str, str] = {}
    place_first: set[str] = set()
    for alias, pid in gaz.names():
        p = gaz.get(pid)
        if which != "all" and (p.source == WORLD_SOURCE) != (which == "world"):
            continue
        words = WORD.findall(fold_str(alias))
        if not words:
            continue
        if len(words) == 1:
            cls = KIND_CLASS.get(p.kind, "village")
            for form in {words[0], strip_article(words[0])}:
                _rank_in(places, form, cls)
        else:
            place_first.update((words[0], strip_article(words[0])))
    return places, place_first


def _rank_in(places: dict[str, str], form: str, cls: str) -> None:
    """``places[form]`` becomes ``cls`` unless a namesake of a higher-ranked class holds it (a country
    over a village)."""
    old = places.get(form)
    if old is None or _RANK.index(cls) < _RANK.index(old):
        places[form] = cls


def _kb_words(kb) -> tuple[dict[str, str], frozenset[str]]:
    """One-word names of the knowledge base → actor/person/source, and the first words of longer ones."""
    kbw: dict[str, str] = {}
    kb_first: set[str] = set()
    for kind, table in (("actor", kb.actors), ("person", kb.persons), ("source", kb.sources)):
        for e in table.values():
            for n in e.names:
                words = WORD.findall(fold_str(n))
                if len(words) == 1:
                    kbw.setdefault(words[0], kind)
                    kbw.setdefault(strip_article(words[0]), kind)
                elif words:
                    kb_first.update((words[0], strip_article(words[0])))
    return kbw, frozenset(kb_first)


def live_names(gaz, kb) -> frozenset[str]:
    """The one-word names the knowledge gives as it is now (the world list's places, the knowledge
    base's names): words the gate (rasd.ner.gate) counts as known beside the CRF's frozen lexicons."""
    return frozenset(_places(gaz, "world")[0]) | frozenset(_kb_words(kb)[0])


def frozen_lists(gaz, kb, version: str) -> dict:
    """The content of :data:`FROZEN` from the knowledge as it is (scripts/freeze_ner_lists.py)."""
    world, world_first = _places(gaz, "world")
    kbw, kb_first = _kb_words(kb)
    folded = kb.lexicon["_folded"]
    return {"version": version, "world": dict(sorted(world.items())), "world_first": sorted(world_first),
            "kb": dict(sorted(kbw.items())), "kb_first": sorted(kb_first),
            "lists": {k: sorted(folded[k]) for k in LISTS if k in folded}}
