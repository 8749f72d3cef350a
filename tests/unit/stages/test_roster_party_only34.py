"""Extremists and terrorists told by the indefinite plural (open_actors.yaml crowds, party_only; Round 34:
doers34): the doers of an attack the report gives no group for are a party, and the same words in talk of
a kind of enemy are dropped by the roster when no event takes them.

Needs the installed data for the stages before it.
"""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline, default_pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def run(text: str, roster: bool = True):
    names = [n for n in default_pipeline().names if roster or n != "roster"]
    return Pipeline.build(default_resources(), names).run(text, published="2019-05-02")


def crowd(doc):
    return next((e for e in doc.entities if e.type == "ACTOR" and e.name_ar == "متطرفون"), None)


def test_extremists_who_burn_a_house_are_the_agent_of_the_attack():
    doc = run("وأحرق متطرفون يهود منزلا في قرية دوما بالضفة الغربية فجر الجمعة.")
    ext = crowd(doc)
    assert ext is not None and ext.category == "non_state_armed_group"
    # the religion after the group word belongs to its mention (the gold's alias متطرفون يهود)
    assert any(m.text == "متطرفون يهود" for m in ext.mentions)
    ev = next(e for e in doc.events if e.type == "ATTACK_ON_CIVILIANS")
    assert ext.id in ev.agents


def test_terrorists_who_launch_an_attack_are_its_agent():
    doc = run("وقتل شرطي في هجوم شنه إرهابيون على سيارة مصفحة في مدينة العريش.")
    ext = crowd(doc)
    assert ext is not None and any(ext.id in ev.agents for ev in doc.events)


def test_the_words_in_talk_of_a_kind_of_enemy_are_dropped_when_no_event_takes_them():
    text = "وقال الوزير إن بلاده ستواصل محاربة متطرفين يهددون المنطقة. وقصفت الطائرات مواقع في مدينة حلب."
    assert crowd(run(text, roster=False)) is not None
    doc = run(text)
    assert doc.events and crowd(doc) is None
    assert any(w.startswith("roster: dropped") and "party_only" in w for w in doc.warnings)


def test_the_definite_plural_is_no_crowd():
    # المتطرفين is the press's talk of a kind of enemy or another name of a known group: not listed
    doc = run("وأعلنت الشرطة أن المتطرفين هاجموا حاجزا في مدينة العريش.", roster=False)
    assert crowd(doc) is None
