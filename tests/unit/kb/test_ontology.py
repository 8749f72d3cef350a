"""rasd.kb.ontology: an event's ACLED/PLOVER mapping from its ontology entry."""
from __future__ import annotations

from rasd.kb.ontology import event_mapping, load_ontology


def test_mapping_takes_the_entry_acled_pair_and_plover_root():
    entry = load_ontology()["AIRSTRIKE"]
    m = event_mapping(entry)
    assert m == {"acled": {"event_type": entry["acled"][0], "sub_event_type": entry["acled"][1]},
                 "plover": entry["plover"]}
    assert event_mapping(entry, state_agent=True) == m          # no acled_state: the same pair


def test_a_state_agent_takes_the_state_sub_event_type_where_the_entry_has_one():
    entry = load_ontology()["TERRITORY_TAKEN"]
    assert event_mapping(entry)["acled"]["sub_event_type"] == entry["acled"][1]
    assert event_mapping(entry, state_agent=True)["acled"]["sub_event_type"] == entry["acled_state"][1]
    assert entry["acled_state"][1] != entry["acled"][1]
