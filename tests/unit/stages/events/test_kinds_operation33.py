"""A military operation (عملية عسكرية, triggers.yaml weapon_clause) is typed by the weapon its clause
says it was made with (Round 33: type33); with none named it stays a clash. Composed sentences."""
from __future__ import annotations

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def run(text: str) -> list:
    """The events of ``text`` with the resistance (E1) as a party and Jenin (P1) as a place."""
    return parties_events(EVENTS, text, {"E1": ("المقاومة", "non_state_armed_group")}, place="جنين")


def test_an_operation_made_with_missiles_is_missile_fire():
    evs = run("نفذت المقاومة عملية عسكرية استهدفت موقعا قرب جنين بالصواريخ.")
    assert [e.type for e in evs] == ["SHELLING"]
    assert "weapon_clause" in evs[0].extra["why"]["type"]


def test_an_instrument_word_a_few_words_before_the_weapon_names_it():
    evs = run("نفذت المقاومة عملية عسكرية استهدفت موقعا قرب جنين عبر سرب من المسيرات.")
    assert [e.type for e in evs] == ["AIRSTRIKE"]


def test_an_operation_with_no_weapon_named_stays_a_clash():
    evs = run("نفذت المقاومة عملية عسكرية في جنين.")
    assert [e.type for e in evs] == ["ARMED_CLASH"]
    assert "is listed as ARMED_CLASH" in evs[0].extra["why"]["type"]
