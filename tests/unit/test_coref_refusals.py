"""scripts/coref_refusals.py finds the false events that may be retellings (a sentence with no gold event,
or beside a matched one of its type) and groups refusal reasons whatever their numbers."""
from __future__ import annotations

import pytest
from script_loader import load_script

TEXT = "قصف الجيش النظامي قرية تل السنديان يوم الخميس. وقالت كتائب النور إن القصف دمر منازل."
FIRST = (0, TEXT.index(".") + 1)
SECOND = (FIRST[1] + 1, len(TEXT))


@pytest.fixture(scope="module")
def cr():
    return load_script("coref_refusals")


def _gold() -> dict:
    return {"doc_id": "t-1", "text_file": "t/t-1.txt", "published": None,
            "actors": [{"key": "army", "aliases": ["الجيش النظامي"]}], "persons": [],
            "places": [{"key": "sindyan", "kind": "village", "aliases": ["تل السنديان"], "lat": 35.5,
                        "lon": 36.5, "tolerance_km": 5}],
            "events": [{"key": "v1", "type": "SHELLING", "agents": ["army"], "targets": [], "partners": [],
                        "places": ["sindyan"], "modality": "asserted",
                        "evidence": "قصف الجيش النظامي قرية تل السنديان"}],
            "relations": []}


def _event(eid: str, sentence: tuple[int, int], type_: str = "SHELLING") -> dict:
    return {"id": eid, "type": type_, "agents": ["E1"], "targets": [], "partners": [], "places": ["E2"],
            "modality": "asserted", "evidence": [list(sentence)], "trigger": None}


def _out(*events) -> dict:
    ents = [{"id": "E1", "type": "ACTOR", "name_ar": "الجيش النظامي", "mentions": []},
            {"id": "E2", "type": "PLACE", "name_ar": "تل السنديان", "mentions": [], "geo": {"lat": 35.5, "lon": 36.5}}]
    return {"schema": "rasd.document/1", "doc_id": "t-1", "text": TEXT, "sentences": [list(FIRST), list(SECOND)],
            "entities": ents, "events": list(events), "relations": []}


def test_a_false_event_in_a_sentence_without_gold_and_a_repeat_beside_a_match(cr):
    fps, used = cr.false_events(_gold(), _out(_event("V1", FIRST), _event("V2", SECOND)), TEXT)
    assert used == {0} and fps == [(1, "no_gold_in_sent")]
    fps, used = cr.false_events(_gold(), _out(_event("V1", FIRST), _event("V2", FIRST)), TEXT)
    assert used == {0} and fps == [(1, "dup_of_matched")]
    # a false event of another type than the sentence's gold event is no retelling candidate
    fps, _ = cr.false_events(_gold(), _out(_event("V1", FIRST), _event("V2", FIRST, "PROTEST")), TEXT)
    assert fps == []


def test_reasons_group_whatever_their_numbers(cr):
    assert cr._group("4 sentences apart (at most 2 for x (eventcoref.yaml:7))") == \
        cr._group("9 sentences apart (at most 2 for x (eventcoref.yaml:7))")


def test_the_gold_matching_is_event_causes_own(cr):
    """coref_refusals reads the matching and the gold sentences from event_causes.matched_events."""
    ec = load_script("event_causes")
    _, pairs, g_sent = ec.matched_events(_gold(), _out(_event("V1", SECOND, "PROTEST"), _event("V2", FIRST)), TEXT)
    assert pairs == {0: 1} and g_sent == [FIRST]
    _, pairs, _ = ec.matched_events(_gold(), _out(_event("V1", FIRST, "PROTEST")), TEXT)
    assert pairs == {}
    assert cr.false_events(_gold(), _out(_event("V1", SECOND, "PROTEST"), _event("V2", FIRST)), TEXT)[1] == {1}
