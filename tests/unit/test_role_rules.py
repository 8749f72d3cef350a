"""scripts/role_rules.py names the rule that gave each participant its role (the event's why, without
its quoted words; a carried agent by how near its source event's type is, not which type or how far)
and scores it against the gold events of its type in the same sentence: same role, other role, wrong."""
from __future__ import annotations

import pytest
from script_loader import load_script


@pytest.fixture(scope="module")
def rr():
    return load_script("role_rules")


def test_one_rule_is_one_line_whatever_its_words_and_distance(rr):
    assert rr.rule_of("subject right after the verb: 'قوات النظام'") == "subject right after the verb"
    a = rr.rule_of("carried over: the agent of the report's earlier ARREST (2 sentences before), of the same "
                   "type (no actor in this clause)")
    b = rr.rule_of("carried over: the agent of the report's earlier SHELLING (the sentence before), of the "
                   "same type (no actor in this clause)")
    assert a == b == "carried over: the agent of the report's earlier event, of the same type (no actor in this clause)"
    assert rr.rule_of("the trigger is passive (triggers.yaml passive_markers); what would be its agent "
                      "undergoes it — x") == "the trigger is passive (triggers.yaml passive_markers)"


def _gold(text: str) -> dict:
    return {"doc_id": "d1", "actors": [
        {"key": "a1", "aliases": ["قوات النظام"]}, {"key": "a2", "aliases": ["المعارضة"]}],
        "persons": [], "places": [], "relations": [],
        "events": [{"type": "SHELLING", "agents": ["a1"], "targets": ["a2"], "partners": [], "places": [],
                    "evidence": text.split(".")[1].strip(), "modality": "asserted"}]}


def _doc(text: str, agents: dict, targets: dict) -> dict:
    s2 = text.index(".") + 2
    ents = [{"id": "E1", "type": "ACTOR", "name_ar": "قوات النظام", "mentions": []},
            {"id": "E2", "type": "ACTOR", "name_ar": "المعارضة", "mentions": []}]
    return {"text": text, "entities": ents, "sentences": [[0, s2 - 1], [s2, len(text)]],
            "events": [{"type": "SHELLING", "agents": list(agents), "targets": list(targets), "partners": [],
                        "evidence": [[s2, len(text)]],
                        "why": {"agents": agents, "targets": targets}}]}


def test_each_participant_is_scored_against_the_gold_events_of_its_sentence(rr):
    text = "اندلعت اشتباكات عنيفة. وقصفت قوات النظام مواقع المعارضة."
    rows = rr.rows_of(_gold(text), _doc(text, {"E1": "subject right after the verb: 'قوات النظام'"},
                                        {"E2": "named after the trigger, not its agent: 'المعارضة'"}), text)
    assert [(r["role"], r["rule"], r["verdict"]) for r in rows] == [
        ("agents", "subject right after the verb", "role"),
        ("targets", "named after the trigger, not its agent", "role")]
    # the sides swapped: each is a gold participant of the event, in the other role
    rows = rr.rows_of(_gold(text), _doc(text, {"E2": "x"}, {"E1": "y"}), text)
    assert [r["verdict"] for r in rows] == ["other_role", "other_role"]


def test_an_event_with_no_gold_event_of_its_type_in_its_sentence_is_not_scored(rr):
    text = "اندلعت اشتباكات عنيفة. وقصفت قوات النظام مواقع المعارضة."
    gold = _gold(text)
    gold["events"][0]["type"] = "AIRSTRIKE"
    assert rr.rows_of(gold, _doc(text, {"E1": "x"}, {}), text) == []
