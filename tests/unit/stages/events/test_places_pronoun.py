"""A capture's object pronoun (سيطر … عليها، تحريرها) refers back to the place named last before it, in
its sentence or the sentence before (rasd/stages/events/places.py pronoun_place) — on hand-built Docs
with the real knowledge files."""
from __future__ import annotations

from hand_docs import actors_and_places

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def read(text: str, places: list[str], actors: tuple[str, ...] = ("قوات النظام",)):
    doc = actors_and_places(text, actors, places, categories=("state_force", "state_force"))
    return [e for e in EVENTS(doc).events if e.type == "TERRITORY_TAKEN"]


def test_the_pronoun_a_liberation_word_carries_is_the_place_named_before_it_in_the_sentence():
    evs = read("عاد الأهالي إلى مدينة كفرنبل بعد تحريرها من قبل قوات النظام الأسبوع الماضي.", ["كفرنبل"])
    assert [e.places for e in evs] == [["E2"]]
    assert "object pronoun of the capture word" in evs[0].extra["why"]["places"]["E2"]
    assert "in its sentence" in evs[0].extra["why"]["places"]["E2"]


def test_a_separate_pronoun_after_the_capture_gives_no_place():
    evs = read("أغلق مطار كويرس بعد معارك أدت إلى سيطرة قوات النظام عليه مساء الأحد.", ["مطار كويرس"])
    assert all("object pronoun" not in str(e.extra["why"]["places"]) for e in evs)


def test_the_pronoun_refers_to_the_sentence_before_when_its_own_names_no_place():
    evs = read("يعيش أهالي بلدة كفرنبل أوضاعا صعبة. وكانت قوات النظام استعادها الشهر الماضي.", ["كفرنبل"])
    assert [e.places for e in evs] == [["E2"]]
    assert "in the sentence before" in evs[0].extra["why"]["places"]["E2"]


def test_a_pronoun_the_trigger_carries_is_the_place_too():
    evs = read("يعيش أهالي بلدة كفرنبل أوضاعا صعبة. وكانت قوات النظام أعلنت تحريرها الشهر الماضي.", ["كفرنبل"])
    assert [e.places for e in evs] == [["E2"]]


def test_after_a_relative_the_pronoun_is_its_antecedent_not_the_place_before():
    evs = read("دخلت قوات النظام بلدة كفرنبل وسلمت المؤسسات التي حررها الجيش سابقا.", ["كفرنبل"])
    assert evs == [] or all("object pronoun" not in str(e.extra["why"]["places"]) for e in evs)


def test_no_pronoun_no_place():
    evs = read("تقدمت قوات النظام نحو بلدة كفرنبل. وأعلنت التحرير الكامل بعد ظهر اليوم.", ["كفرنبل"])
    assert all("object pronoun" not in str(e.extra["why"]["places"]) for e in evs)
