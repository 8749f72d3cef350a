"""Fire opened toward someone (issue 8 items 3 and 6, recall10): إطلاق النار with a direction word
other than على (تجاه، نحو، في اتجاه) and every form of the verb أطلق with النار after its subject
are acts; a ceasefire (وقف إطلاق النار) and أطلق in another sense (أطلق حملة، أطلق سراح) are not.
Reader.rejection names the context rule that drops a trigger."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events, doc_of, entity, trigger_rejections

from rasd.kb.resources import Resources
from rasd.stages.events import Events
from rasd.stages.events.reader import Reader
from rasd.stages.events.triggers import find_triggers

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)
VIOLENT = {"ARMED_CLASH", "ATTACK_ON_CIVILIANS", "SHELLING", "AIRSTRIKE"}


def test_fire_opened_toward_a_post_with_tijah_is_an_act():
    evs = run("وقامت قوات الاحتلال بإطلاق النار تجاه نقطة للمقاومين في جنين.", "قوات الاحتلال", place="جنين")
    assert {e.type for e in evs} & VIOLENT
    assert any("إطلاق النار" in why_type(e) for e in evs)


def test_the_verb_with_its_subject_between_it_and_the_fire_is_an_act():
    evs = run("أطلقت زوارق الاحتلال النار نحو الصيادين قبالة ساحل غزة.", "زوارق الاحتلال", place="غزة")
    assert {e.type for e in evs} & VIOLENT


def test_control_a_ceasefire_is_no_fire():
    # end to end the AGREEMENT entry (وقف إطلاق النار) wins; the not_after rule is tested on its own below
    evs = run("دعت مصر إلى وقف إطلاق النار نحو شهر في غزة.", "مصر", place="غزة")
    assert not {e.type for e in evs} & VIOLENT


def test_control_the_verb_in_another_sense_is_no_act():
    evs = run("أطلقت الوزارة حملة تجاه المدارس في غزة.", "الوزارة", place="غزة")
    assert not {e.type for e in evs} & VIOLENT


def why_type(e) -> str:
    return e.extra["why"]["type"]


def _rejections(text: str) -> dict[str, str | None]:
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الوزارة", category="state_force")
    return {k: why for k, (_type, why) in trigger_rejections(doc, RES).items()}


def test_fire_toward_after_a_ceasefire_word_is_refused_by_not_after():
    """The rule itself: the entry's إطلاق النار read on its own after وقف is rejected by not_after.
    In running text the AGREEMENT entry (وقف إطلاق النار) opens at وقف and takes the words first
    (leftmost, longest), so the end-to-end control above passes without this rule; the trigger is
    therefore found here from إطلاق on."""
    text = "دعت مصر إلى وقف إطلاق النار نحو شهر في غزة."
    doc = doc_of(text)
    k = next(t.i for t in doc.tokens if t.start == text.index("إطلاق"))
    with RES.scope():
        r = Reader(doc, RES)
        (st,) = list(r.sentences())
        trigs = find_triggers(doc.tokens, k, st.hi, set(), RES.triggers, RES.news_vocab)
        r.sentence_triggers = trigs
        assert [(t.i, t.d.type) for t in trigs][:1] == [(k, "ARMED_CLASH")]
        assert r.rejection(st, trigs[0]) == "not_after"
        # the same words with no وقف before them are kept (نحو is near)
        text = "دعت مصر إلى إطلاق النار نحو شهر في غزة."
        doc = doc_of(text)
        r = Reader(doc, RES)
        (st,) = list(r.sentences())
        trigs = find_triggers(doc.tokens, st.lo, st.hi, set(), RES.triggers, RES.news_vocab)
        r.sentence_triggers = trigs
        assert [t.d.type for t in trigs] == ["ARMED_CLASH"] and r.rejection(st, trigs[0]) is None


def test_rejection_names_the_rule_that_dropped_the_trigger_and_keep_agrees():
    found = _rejections("أطلقت الوزارة حملة واسعة في المدينة.")
    assert found == {"أطلقت": "needs_near"}


def test_rejection_is_none_for_a_kept_trigger():
    found = _rejections("أطلقت الوزارة النار على المتظاهرين في المدينة.")
    assert list(found.values()) == [None]
