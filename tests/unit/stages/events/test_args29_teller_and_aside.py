"""Round 29 (args29) on composed sentences, entities placed by hand, each with its control case: the
body a teller speaks for (قائد حركة X أنّ …، المتحدث باسم X إن …) is not the doer of an act told with
its own doer after the complement; soldiers named as hurt stay hurt when a time between commas
stands before the word of cause (قتل ثلاثة جنود، أمس الخميس، في انفجار)."""
from __future__ import annotations

from functools import partial

from hand_docs import parties_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


events = partial(parties_events, EVENTS)   # (text, actors, place="نابلس") → the events found


TELL = {"E1": ("حركة الجهاد", "political"), "E2": ("كتيبة نابلس", "non_state_armed_group")}


def test_the_tellers_body_is_not_the_doer_told_of():
    evs = events("وأكد قائد حركة الجهاد أن كتيبة نابلس لا تزال تستهدف الحواجز في نابلس.", TELL)
    assert evs and evs[0].agents == ["E2"]
    assert "speech_complements" in evs[0].extra["why"]["agents"]["E2"]


def test_control_a_teller_with_no_doer_after_the_complement_stays_the_doer():
    evs = events("وأكد قائد حركة الجهاد أن الحركة لا تزال تستهدف الحواجز في نابلس.",
                 {"E1": ("حركة الجهاد", "non_state_armed_group")})
    assert evs and evs[0].agents == ["E1"]


def test_control_a_body_named_without_a_tellers_title_stays_the_doer():
    evs = events("وأكدت حركة الجهاد أن كتيبة نابلس لا تزال تستهدف الحواجز في نابلس.",
                 {"E1": ("حركة الجهاد", "non_state_armed_group"), "E2": ("كتيبة نابلس", "non_state_armed_group")})
    assert evs and evs[0].agents == ["E1"]


SOLDIERS = {"E1": ("جنود مصريين", "state_force")}


def test_soldiers_hurt_before_a_time_between_commas_are_a_target():
    evs = events("قتل ثلاثة جنود مصريين، أمس الخميس، في انفجار عبوة ناسفة في العريش.", SOLDIERS, place="العريش")
    assert evs and "E1" not in evs[0].agents and "E1" in evs[0].targets


def test_control_a_comma_before_other_words_parts_the_hurt_from_the_act():
    evs = events("قتل ثلاثة جنود مصريين، وقال الجيش إنه سيرد، في انفجار عبوة ناسفة في العريش.", SOLDIERS,
                 place="العريش")
    assert all("E1" not in ev.targets for ev in evs)
