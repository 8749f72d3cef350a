"""A generic trigger (استهدفت) with a run of weapons after it (بالصواريخ الموجهة والقذائف المدفعية):
the weapon joined by the conjunction to the instrument is part of the instrument, so it types the
generic trigger instead of displacing it (round 30, trig30: before, the generic trigger gave way to
the second weapon, and both weapons were then skipped as the weapons of the act before them, so
the sentence told no event at all). Each decision keeps its control case."""
from __future__ import annotations

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def strike(text: str) -> list:
    """The events of ``text`` with the resistance (E1) as a party and the radar site (P1) as a place."""
    return parties_events(EVENTS, text, {"E1": ("المقاومة", "non_state_armed_group")}, place="موقع الرادار")


def test_a_targeting_with_two_joined_weapons_is_one_act_typed_by_them():
    (ev,) = strike("استهدفت المقاومة موقع الرادار بالصواريخ الموجهة والقذائف المدفعية.")
    assert ev.type == "SHELLING" and ev.places == ["P1"] and ev.agents == ["E1"]
    assert "weapon" in ev.extra["why"]["type"]


def test_the_run_holds_with_the_weapons_before_the_target():
    (ev,) = strike("استهدفت المقاومة بالصواريخ الموجهة والقذائف المدفعية موقع الرادار.")
    assert ev.type == "SHELLING" and ev.places == ["P1"]


def test_one_weapon_alone_types_the_targeting_as_before():
    (ev,) = strike("استهدفت المقاومة موقع الرادار بالقذائف المدفعية.")
    assert ev.type == "SHELLING" and ev.places == ["P1"]


def test_a_weapon_not_joined_to_an_instrument_still_tells_the_act():
    # control: a specific trigger of its own in the clause (no instrument before it) still displaces
    # the generic one; one event, from the specific trigger
    (ev,) = strike("استهدفت المقاومة موقع الرادار وسقطت قذائف الهاون عليه.")
    assert ev.type == "SHELLING"
