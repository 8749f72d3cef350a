"""Trigger senses decided from context (issue 8 item 2, types9): evacuating is a handover only when a
position or an area is left; a note of protest is no demonstration. Each with its control case."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)


def types(text: str, actor: str, place: str | None = None) -> list[str]:
    return [e.type for e in run(text, actor, place=place)]


def test_evacuating_a_building_or_people_hands_over_no_ground():
    assert "TERRITORY_HANDOVER" not in types("عممت الهيئة على عناصرها بإخلاء المقار في إدلب.", "الهيئة", place="إدلب")
    assert "TERRITORY_HANDOVER" not in types("أخلى الجيش السكان من منازلهم في إدلب.", "الجيش", place="إدلب")


def test_control_evacuating_positions_is_a_handover():
    assert types("أخلى الجيش أغلبية مواقعه العسكرية قرب إدلب.", "الجيش", place="إدلب") == ["TERRITORY_HANDOVER"]
    assert "TERRITORY_HANDOVER" in types("أعلن الجيش إخلاء مواقعه في إدلب.", "الجيش", place="إدلب")


def test_a_note_of_protest_is_no_demonstration():
    assert "PROTEST" not in types("سلمت الخارجية السفير التركي مذكرة احتجاج في بغداد.", "الخارجية", place="بغداد")


def test_control_a_protest_in_the_street_is_one():
    assert "PROTEST" in types("خرج المتظاهرون في احتجاج أمام السفارة في بغداد.", "المتظاهرون", place="بغداد")
