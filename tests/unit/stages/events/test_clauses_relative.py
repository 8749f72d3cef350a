"""recall11 (issue 8 items 3 and 6): a security operation told as one (عملية أمنية, indefinite) is a
clash like عملية عسكرية, the definite names security work in general; a relative clause right after a
noun trigger (التفجير الذي وقع في X) tells the act's place and participants, and an actor in it is no
genitive agent of the noun."""
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


def test_a_relative_clause_about_a_noun_trigger_gives_its_place():
    # التفجير الذي وقع في X: the clause break (الذي) no longer cuts the act from where it happened
    evs = run("وأدانت قسد التفجير الذي وقع في مدينة الرقة أمس.", "قسد", place="مدينة الرقة")
    bombing = [e for e in evs if e.type == "BOMBING"]
    assert bombing and bombing[0].places


def test_an_actor_in_the_relative_clause_is_no_genitive_agent():
    evs = run("وأدانت الوزارة القصف الصاروخي الذي طال قسد في مدينة الرقة.", "قسد", place="مدينة الرقة")
    shelling = [e for e in evs if e.type == "SHELLING"]
    assert shelling and not shelling[0].agents


def test_control_a_relative_clause_after_the_object_place_describes_the_place():
    # قصف إدلب التي تسيطر عليها X: the clause is about إدلب, X is no target of the shelling
    evs = run("وأدان البيان قصف إدلب التي تسيطر عليها هيئة تحرير الشام.", "هيئة تحرير الشام", place="إدلب")
    assert not any(e.type == "SHELLING" and e.targets for e in evs)


def test_a_nationality_adjective_between_keeps_the_clause_the_act_s():
    # القصف الإسرائيلي الذي استهدف X: the adjective qualifies the act, the clause gives its place
    from hand_docs import doc_of, entity

    doc = doc_of("وأدانت الوزارة القصف الإسرائيلي الذي استهدف مدينة الرقة أمس.")
    entity(doc, "E1", "ACTOR", "الإسرائيلي", category="state_force", kb_id="actor:israel")
    doc.entities[0].mentions[0].party_of = "il"
    entity(doc, "E2", "PLACE", "مدينة الرقة")
    strike = [e for e in EVENTS(doc).events if e.type == "AIRSTRIKE"]
    assert strike and strike[0].places == ["E2"]
