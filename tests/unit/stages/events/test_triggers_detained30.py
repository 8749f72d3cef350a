"""أوقف / توقيف / إيقاف as an arrest (round 30, saudi30): the detention verb and nouns of the Levantine
and Maghrebi press are an ARREST only with a detained person (or, for the verb, a number word) within
the window after them; alone they stop things (flights, fire, a player). Composed sentences."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events, doc_of, entity, trigger_rejections

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
run = partial(actor_events, Events(RES))


def arrest_words(text: str) -> dict[str, str | None]:
    """The ARREST triggers of ``text`` with the rule that drops each (None: it stands)."""
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "الجيش", category="state_force")
    return {k: why for k, (typ, why) in trigger_rejections(doc, RES).items() if typ == "ARREST"}


def test_the_verb_with_a_detained_person_after_it_is_an_arrest():
    evs = run("أوقف الجيش في بلدة بريتال أربعة أشخاص مطلوبين.", "الجيش", place="بريتال")
    assert [e.type for e in evs] == ["ARREST"]


def test_the_verb_with_a_number_word_right_after_is_an_arrest():
    assert arrest_words("قالت الشرطة إنها أوقفت يهوديين اثنين في المدينة.") == {"أوقفت": None}


def test_the_noun_with_suspects_after_it_is_an_arrest():
    assert arrest_words("أعلنت الوزارة عن توقيف عناصر يشتبه في ضلوعهم في التفجيرات.") == {"توقيف": None}
    assert arrest_words("وقال إنه تم إيقاف المتهم في الحي.") == {"إيقاف": None}


def test_control_the_verb_stopping_a_thing_is_no_arrest():
    assert arrest_words("أوقفت الشركات رحلاتها إلى المدينة منذ الصيف الماضي.") == {"أوقفت": "needs_near"}


def test_control_the_noun_with_a_count_of_things_is_no_arrest():
    # a number word is enough for the verb only: إيقاف عدد من الفعاليات، إيقاف اللاعب ستة أشهر
    assert arrest_words("أعلنت الإدارة إيقاف عدد من الفعاليات ستة أيام.") == {"إيقاف": "needs_near"}
