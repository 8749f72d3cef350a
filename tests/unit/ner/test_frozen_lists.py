"""The CRF's lexicons (rasd/ner/resources.py, mend14): the gazetteer-like features read the world list's
places, the knowledge base's names and the lexicon's lists from a file frozen at a version of the
knowledge (rasd/ner/frozen_lists.json), so a knowledge edit leaves the CRF's features as they were;
the Syrian gazetteer's names (shared data) are read as installed, and the gate knows today's names."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from rasd.arabic.normalize import fold_str
from rasd.kb.gazetteer import WORLD_SOURCE
from rasd.ner.features import LISTS
from rasd.ner.resources import FROZEN, frozen_lists, lexicons, live_names


@dataclass
class _Place:
    kind: str
    source: str


class _Gaz:
    """A gazetteer of (alias, place id, kind, source) rows."""

    def __init__(self, rows):
        self.rows = rows

    def names(self):
        return iter([(a, pid) for a, pid, _, _ in self.rows])

    def get(self, pid):
        return next(_Place(k, s) for _, p, k, s in self.rows if p == pid)


@dataclass
class _Entry:
    names: list[str]


@dataclass
class _Kb:
    actors: dict = field(default_factory=dict)
    persons: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    lexicon: dict = field(default_factory=dict)


SYRIA = [("سراقب", "sa:1", "locality", "syrianarchive"), ("ريف إدلب", "sa:2", "locality", "syrianarchive")]
WORLD = [("بغداد", "world:iq-baghdad", "city", WORLD_SOURCE), ("العراق", "world:iq", "country", WORLD_SOURCE)]


def _kb(actor_names=("حزب الله",), preps=("في", "قرب")) -> _Kb:
    folded = {"place_preps": frozenset(fold_str(w) for w in preps), "person_titles": frozenset({fold_str("الوزير")})}
    return _Kb(actors={"a": _Entry(list(actor_names))}, persons={"p": _Entry(["نصرالله"])}, sources={},
               lexicon={"_folded": folded})


def _freeze(tmp_path, gaz, kb):
    path = tmp_path / "frozen.json"
    path.write_text(json.dumps(frozen_lists(gaz, kb, "test"), ensure_ascii=False), encoding="utf-8")
    return path


def test_lists_frozen_from_the_knowledge_give_the_lexicons_the_knowledge_gives(tmp_path):
    gaz, kb = _Gaz(SYRIA + WORLD), _kb()
    live = lexicons(tmp_path, gaz, kb, frozen=None)
    fixed = lexicons(tmp_path, gaz, kb, frozen=_freeze(tmp_path, gaz, kb))
    assert fixed == live and fixed._on == live._on
    assert live.places[fold_str("بغداد")] == "city" and live.kb[fold_str("نصرالله")] == "person"


def test_a_knowledge_edit_leaves_the_frozen_features_as_they_were(tmp_path):
    frozen = _freeze(tmp_path, _Gaz(SYRIA + WORLD), _kb())
    # the edit: a world place, an actor and a place preposition more
    gaz = _Gaz(SYRIA + WORLD + [("الموصل", "world:iq-mosul", "city", WORLD_SOURCE)])
    kb = _kb(actor_names=("حزب الله", "الحشد"), preps=("في", "قرب", "نحو"))
    fixed, live = lexicons(tmp_path, gaz, kb, frozen=frozen), lexicons(tmp_path, gaz, kb, frozen=None)
    assert fold_str("الموصل") in live.places and fold_str("الموصل") not in fixed.places
    assert fold_str("الحشد") in live.kb and fold_str("الحشد") not in fixed.kb
    assert fold_str("نحو") in live.lists["place_preps"] and fold_str("نحو") not in fixed.lists["place_preps"]
    assert fixed == lexicons(tmp_path, _Gaz(SYRIA + WORLD), _kb(), frozen=frozen)
    # the gate still knows the names the knowledge gives now
    assert {fold_str("الموصل"), fold_str("الحشد")} <= live_names(gaz, kb)


def test_the_syrian_gazetteer_is_read_as_installed_under_the_frozen_lists(tmp_path):
    frozen = _freeze(tmp_path, _Gaz(SYRIA + WORLD), _kb())
    gaz = _Gaz(SYRIA + WORLD + [("كفرنبل", "sa:3", "locality", "syrianarchive")])
    fixed = lexicons(tmp_path, gaz, _kb(), frozen=frozen)
    assert fixed.places[fold_str("كفرنبل")] == "village" and fold_str("ريف") in fixed.place_first


def test_the_frozen_file_holds_the_world_the_knowledge_base_and_the_feature_lists():
    data = json.loads(FROZEN.read_text(encoding="utf-8"))
    assert data["version"] and set(data["lists"]) <= set(LISTS) and "place_preps" in data["lists"]
    assert len(data["world"]) > 500 and len(data["kb"]) > 100
    assert set(data["world"].values()) <= {"country", "city", "admin", "region", "village"}
