"""Event-type decisions of the events stage on composed sentences (issue 8): a raid is coded
as what it meets (arrests, a fight) and is never a capture. Each decision keeps its control case."""
from __future__ import annotations

from functools import partial

import pytest
from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)


# --- a raid (اقتحم، اقتحام) is coded as what it meets, never as a capture -------------------------
def test_a_raid_alone_is_no_event():
    assert run("اقتحمت قوات الاحتلال بلدة الزاوية غربي سلفيت.", "قوات الاحتلال", place="الزاوية") == []


def test_a_raid_that_meets_a_fight_is_that_clash_at_the_raided_place():
    evs = run("اقتحمت قوات الاحتلال بلدة الزاوية وسط اشتباكات عنيفة.", "قوات الاحتلال", place="الزاوية")
    assert {e.type for e in evs} == {"ARMED_CLASH"}
    assert all(e.places for e in evs)


def test_a_raid_named_as_a_noun_beside_an_arrest_is_the_arrest():
    evs = run("اعتقلت قوات الاحتلال شابا خلال اقتحام بلدة الزاوية.", "قوات الاحتلال", place="الزاوية")
    assert [e.type for e in evs] == ["ARREST"]


def test_two_raids_do_not_license_each_other():
    # only_with counts only a trigger that has no only_with of its own
    evs = run("اقتحمت قوات الاحتلال بلدة الزاوية بعد اقتحام مدينة جنين.", "قوات الاحتلال", place="الزاوية")
    assert evs == []


def test_a_capture_is_still_told_by_its_own_words():
    evs = run("سيطرت الفصائل على بلدة الزاوية.", "الفصائل", category="non_state_armed_group", place="الزاوية")
    assert [e.type for e in evs] == ["TERRITORY_TAKEN"]


@pytest.mark.parametrize("field, entry", [("only_with", "[ARMED_CLASH]"), ("not_with", "[ARREST]")])
def test_only_with_or_not_with_naming_an_unknown_event_type_is_refused_with_its_file(tmp_path, field, entry):
    # one test for the two fields (type13's only_with, trig7's not_with)
    import types

    from rasd.errors import RasdError
    from rasd.stages.events.lexicon import load_lexicon

    text = RES.knowledge("triggers").read_text(encoding="utf-8")
    assert f"{field}: {entry}" in text
    bad = tmp_path / "triggers.yaml"
    bad.write_text(text.replace(f"{field}: {entry}", f"{field}: [PICNIC]"), encoding="utf-8")
    res = types.SimpleNamespace(knowledge=lambda name: bad if name == "triggers" else RES.knowledge(name),
                                ontology=RES.ontology)
    with pytest.raises(RasdError, match=rf"triggers\.yaml:\d+: {field} names an unknown event type"):
        load_lexicon(res)


# --- weapon words with the doer's possessive, and the accusative after a number -----------------------
def test_artillery_with_its_possessive_makes_a_bare_strike_shelling():
    evs = run("وشنت الطائرات غارات على بلدة الخيام. فيما قصفت مدفعيته أطراف بلدة عيترون.", "الطائرات",
              place="عيترون")
    assert "SHELLING" in [e.type for e in evs if e.places]


def test_aircraft_with_its_possessive_makes_a_bare_strike_an_airstrike():
    evs = run("ويواصل جيش الاحتلال عدوانه حيث تقصف طائراته محيط مدينة رفح.", "جيش الاحتلال", place="رفح")
    assert [e.type for e in evs] == ["AIRSTRIKE"]


def test_missiles_counted_in_the_accusative_type_a_bare_strike():
    # the air raids of the sentence before are another party's; the strike's own weapon decides
    evs = run("وشنت الطائرات غارات على بلدة الخيام. وقصفت المقاومة ثكنة ليمان بـ 20 صاروخا.", "المقاومة",
              category="non_state_armed_group", place="ليمان")
    assert evs and {e.type for e in evs} == {"SHELLING"}


# --- who struck decides before the sentences around it (kinds.doer_kind) ------------------------------
AIR_BEFORE = "وشنت الطائرات الإسرائيلية غارات على بلدة الخيام. "


def test_an_armed_group_that_targets_a_site_fires_from_the_ground_whatever_the_raids_around():
    evs = run(AIR_BEFORE + "وأعلنت المقاومة الإسلامية استهدافها موقع الراهب.", "المقاومة الإسلامية",
              category="non_state_armed_group", place="الراهب")
    (ev,) = [e for e in evs if "استهداف" in e.extra["why"]["type"]]
    assert ev.type == "SHELLING" and "ground_first_categories" in ev.extra["why"]["type"]


def test_a_state_that_strikes_from_the_air_makes_a_bare_strike_an_airstrike_before_the_artillery_around():
    evs = run("وقصفت المدفعية أطراف بلدة عيترون. واستهدف الاحتلال منزلا في مخيم الشاطئ.", "الاحتلال",
              kb_id="actor:idf", place="مخيم الشاطئ")
    assert "AIRSTRIKE" in [e.type for e in evs]


def test_the_genitive_after_a_bare_strike_noun_is_no_doer():
    # قصف جنود الاحتلال: the soldiers are what is struck; the raids around still decide
    evs = run(AIR_BEFORE + "ونشرت السرايا مشاهد عن استهداف جنود الاحتلال في موقع أبو عريبان.", "جنود الاحتلال",
              kb_id="actor:idf", place="أبو عريبان")
    assert all("doer" not in e.extra["why"]["type"] for e in evs)


def test_a_weapon_in_the_sentence_still_decides_before_the_doer():
    evs = run(AIR_BEFORE + "وأعلنت المقاومة الإسلامية استهدافها موقع الراهب بطائرة مسيرة.", "المقاومة الإسلامية",
              category="non_state_armed_group", place="الراهب")
    assert "AIRSTRIKE" in [e.type for e in evs if "استهداف" in e.extra["why"]["type"]]
