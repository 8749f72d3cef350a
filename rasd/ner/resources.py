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


def lexicons(base: Path, gaz=None, kb=None) -> Lexicons:
    """Lexicons from the data folder ``base`` (names.json, clusters) and the given gazetteer and
    knowledge base (the installed/packaged ones when None)."""
    if gaz is None:
        from rasd.kb.gazetteer import load_gazetteer
        gaz = load_gazetteer()
    if kb is None:
        from rasd.kb.knowledge import load_kb
        kb = load_kb()
    places: dict[str, str] = {}
    place_first: set[str] = set()
    for alias, pid in gaz.names():
        words = WORD.findall(fold_str(alias))
        if not words:
            continue
        if len(words) == 1:
            cls = KIND_CLASS.get(gaz.get(pid).kind, "village")
            for form in {words[0], strip_article(words[0])}:
                old = places.get(form)
                if old is None or _RANK.index(cls) < _RANK.index(old):
                    places[form] = cls
        else:
            place_first.update((words[0], strip_article(words[0])))
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
    try:
        given = frozenset(json.loads((base / "names.json").read_text(encoding="utf-8"))["names"])
    except FileNotFoundError:
        given = frozenset()
    folded = kb.lexicon["_folded"]
    return Lexicons(places=places, place_first=frozenset(place_first), kb=kbw, kb_first=frozenset(kb_first),
                    given=given, lists={k: folded[k] for k in LISTS if k in folded},
                    clusters=load_clusters(base / CLUSTERS_FILE))
