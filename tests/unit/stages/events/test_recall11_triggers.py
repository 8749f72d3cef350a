"""Trigger forms added by recall11 (issue 8 items 3 and 6): a security operation told as one (عملية
أمنية, indefinite) is a clash like عملية عسكرية; the definite names security work in general."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)


def test_an_indefinite_security_operation_is_a_clash():
    evs = run("أطلقت قسد عملية أمنية واسعة في الرقة.", "قسد", place="الرقة")
    assert [e.type for e in evs] == ["ARMED_CLASH"]
    assert "عملية أمنية" in evs[0].extra["why"]["type"]


def test_control_the_definite_security_operation_is_no_event():
    evs = run("وأشاد قسد بجهود رجال الأمن في العملية الأمنية الأخيرة في الرقة.", "قسد", place="الرقة")
    assert not evs
