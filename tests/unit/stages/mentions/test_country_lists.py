"""A state's name in a list: a place where the list's first item follows a place preposition, a
party where the list is one of parties (بين، كل من). The mention finder and link on composed
sentences over the installed gazetteer and the real knowledge files (actor13)."""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def types(text: str) -> dict[str, set[str]]:
    """Each mention text → the types it is found as."""
    doc = Pipeline.build(default_resources(), ["clean", "sentences", "mentions", "link"]).run(text)
    out: dict[str, set[str]] = {}
    for m in doc.mentions:
        out.setdefault(m.text, set()).add(m.type)
    return out


def test_a_state_listed_after_a_place_preposition_is_a_place():
    t = types("وصل المبعوث أمس إلى سوريا ولبنان والأردن في جولة إقليمية.")
    assert t["سوريا"] == {"PLACE"} and t["لبنان"] == {"PLACE"} and t["الأردن"] == {"PLACE"}


def test_states_between_which_a_relation_runs_are_parties():
    t = types("بحث الوزيران العلاقات بين مصر والأردن أمس.")
    assert t["مصر"] == {"ACTOR"} and t["الأردن"] == {"ACTOR"}


def test_each_of_the_states_is_a_party_unless_in_each_of_the_places():
    assert types("تسعى كل من تركيا والأردن إلى الاستثمار في الميناء.")["الأردن"] == {"ACTOR"}
    assert types("وقعت انفجارات في كل من تركيا والأردن أمس.")["الأردن"] == {"PLACE"}
