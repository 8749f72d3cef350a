"""eventcoref.yaml sentence_place: an unplaced violent act takes the place a later clause of its sentence names."""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Entity, Event, Mention
from rasd.kb.resources import Resources
from rasd.pipeline import run_stage
from rasd.stages.eventcoref import EventCoref

from test_eventcoref_stage import _refused, _row_line

# a strike told in its clause with a country only, and where it fell in a clause of its own
TEXT = "قتل القيادي في غارة جوية في سوريا بينما كان يتنقل في سيارة قرب بلدة كفرنبل أمس."


def _place(doc: Doc, id_: str, name: str, feature: str, at: int = 0) -> Entity:
    a = doc.text.index(name, at)
    return Entity(id_, "PLACE", name, None, None, [Mention(a, a + len(name), name, "PLACE")],
                  geo={"lat": 35.5, "lon": 36.6, "feature": feature, "precision": 1})


def _doc(text: str = TEXT, etype: str = "AIRSTRIKE", trigger: str = "غارة جوية", modality: str = "asserted",
         town: str = "كفرنبل") -> Doc:
    doc = Doc(text)
    doc.sentences = [(0, len(text))]
    doc.entities = [_place(doc, "P1", "سوريا", "country"), _place(doc, "P2", town, "locality")]
    t = text.index(trigger)
    doc.events = [Event("V1", etype, (t, t + len(trigger)), places=["P1"], modality=modality,
                        evidence=[(0, len(text))], extra={"why": {"type": "trigger"}})]
    return doc


def _run(doc: Doc) -> Doc:
    return run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)


def test_an_act_placed_only_in_a_country_takes_the_town_a_later_clause_of_its_sentence_names():
    doc = _run(_doc())
    assert [(e.type, e.places) for e in doc.events] == [("AIRSTRIKE", ["P2", "P1"])]
    why = doc.events[0].extra["why"]["places"]["P2"]
    assert "كفرنبل" in why and f"eventcoref.yaml:{_row_line('sentence_place:')} sentence_place" in why


@pytest.mark.parametrize("etype, modality", [("ARMED_CLASH", "asserted"), ("AIRSTRIKE", "planned")])
def test_a_clash_or_an_act_not_told_as_done_is_not_placed_by_its_sentence(etype, modality):
    doc = _run(_doc(etype=etype, modality=modality))
    assert doc.events == [] and any("whole country" in w for w in doc.warnings)


def test_a_place_named_as_where_someone_was_headed_is_no_place_of_the_act():
    text = "قتل القيادي في غارة جوية في سوريا بينما كان يتنقل في سيارة باتجاه بلدة كفرنبل أمس."
    doc = _run(_doc(text))
    assert doc.events == []


def test_a_place_named_only_before_the_trigger_is_not_taken():
    text = "في بلدة كفرنبل قتل القيادي في غارة جوية في سوريا أمس."
    doc = _run(_doc(text))
    assert doc.events == []


def test_a_place_another_act_of_the_sentence_holds_is_not_taken():
    text = "قتل القيادي في غارة جوية في سوريا بينما قصفت المدفعية بلدة كفرنبل أمس."
    doc = _doc(text)
    t = text.index("قصفت")
    doc.events.append(Event("V2", "SHELLING", (t, t + 4), places=["P2"], evidence=[(0, len(text))],
                            extra={"why": {"type": "trigger"}}))
    doc = _run(doc)
    assert [(e.type, e.places) for e in doc.events] == [("SHELLING", ["P2"])]


def test_an_unknown_or_non_violent_type_of_the_sentence_place_row_is_refused_with_its_line(tmp_path):
    line = _row_line("sentence_place:")
    _refused(tmp_path, "sentence_place: {types: [AIRSTRIKE,", "sentence_place: {types: [AIRSTRIKES,",
             rf"eventcoref\.yaml:{line}: sentence_place: 'AIRSTRIKES' is no event type")
    _refused(tmp_path, "sentence_place: {types: [AIRSTRIKE,", "sentence_place: {types: [MEETING,",
             rf"eventcoref\.yaml:{line}: sentence_place: 'MEETING' is no violent type")
