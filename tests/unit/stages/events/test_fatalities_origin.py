"""A toll's place is not a person's home town (prec12): in "زفّت المقاومة الشهيد X من بلدة Y" the place after
the origin word that follows the person's name tells where X is from; the toll takes the sentence's next
place, or none. Each with its control case."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


def toll(text: str, person: str | None, places: list[str]):
    doc = doc_of(text)
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state")
    if person:
        entity(doc, "E2", "PERSON", person)
    for n, p in enumerate(places):
        entity(doc, f"P{n}", "PLACE", p)
    return [e for e in EVENTS(doc).events if e.type == "CASUALTIES"]


def test_a_martyrs_home_town_is_no_place_of_his_death():
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور من شقرا في جنوب لبنان.", "حسن بديع عاشور",
                 ["شقرا", "جنوب لبنان"])
    assert ev.places == ["P1"]
    (ev,) = toll('زفت المقاومة الشهيد أحمد عبود "زين العابدين" من شقرا.', "أحمد عبود", ["شقرا"])
    assert ev.places == []


def test_control_a_place_after_min_with_no_person_before_it_is_the_tolls():
    (ev,) = toll("قتل 3 عناصر من المقاومة في شقرا.", None, ["شقرا"])
    assert ev.places == ["P0"]


def test_the_tolls_place_why_says_home_towns_are_skipped_and_why_when_every_place_was_one():
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور من شقرا في جنوب لبنان.", "حسن بديع عاشور",
                 ["شقرا", "جنوب لبنان"])
    why = ev.extra["why"]
    assert "not a named person's home town" in why["places"]["P1"] and "person_origin_markers" in why["places"]["P1"]
    assert "unplaced" not in why
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور من شقرا.", "حسن بديع عاشور", ["شقرا"])
    assert ev.places == [] and "home town" in ev.extra["why"]["unplaced"] and "شقرا" in ev.extra["why"]["unplaced"]
    (ev,) = toll("قتل 3 عناصر من المقاومة.", None, [])
    assert "unplaced" not in ev.extra["why"]


def test_the_home_town_rule_reads_its_own_list_person_origin_markers(tmp_path):
    """origin_of_person reads triggers.yaml person_origin_markers, not the fire markers: emptied, the
    home town is the toll's place again."""
    import shutil

    from rasd.kb.yamlfile import KNOWLEDGE_DIR

    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    path = kdir / "triggers.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, x in enumerate(lines) if x.startswith("person_origin_markers:"))
    lines[n] = "person_origin_markers: []"
    path.write_text("\n".join(lines), encoding="utf-8")
    events = Events(Resources("/nonexistent-rasd-data", kdir))
    doc = doc_of("زفت المقاومة الشهيد حسن بديع عاشور من شقرا.")
    entity(doc, "E1", "ACTOR", "المقاومة", category="non_state")
    entity(doc, "E2", "PERSON", "حسن بديع عاشور")
    entity(doc, "P0", "PLACE", "شقرا")
    (ev,) = [e for e in events(doc).events if e.type == "CASUALTIES"]
    assert ev.places == ["P0"]
