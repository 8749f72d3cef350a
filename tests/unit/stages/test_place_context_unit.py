"""The place_context stage on hand-built Docs: entities and their geo written by hand
(tests/hand_docs.py), no gazetteer and no earlier stage (countries as places, which reads the
mention index, is left to tests/unit/stages/test_place_context.py)."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.place_context import PlaceContext

RES = Resources("/nonexistent-rasd-data")
UNPLACED = {"lat": None, "lon": None, "precision": None, "why": "not in the gazetteer"}
ALEPPO = {"lat": 36.2, "lon": 37.15, "precision": 1, "feature": "locality", "admin1": "حلب", "why": "hand-built"}


def run(doc, **config):
    return PlaceContext(RES, countries=False, **config)(doc)


def test_an_unplaced_site_is_placed_at_the_town_it_lies_in_with_precision_2_and_a_why():
    doc = doc_of("استهدفت الطائرات موقع السماقة في مدينة حلب صباح اليوم.")
    site = entity(doc, "E1", "PLACE", "موقع السماقة", geo=dict(UNPLACED))
    entity(doc, "E2", "PLACE", "حلب", surfaces=["مدينة حلب"], geo=dict(ALEPPO))
    run(doc)
    assert (site.geo["lat"], site.geo["lon"], site.geo["precision"]) == (36.2, 37.15, 2)
    assert site.geo["feature"] == "container" and "placed at its container 'مدينة حلب'" in site.geo["why"]
    assert site.kb_id is None


def test_containers_off_leaves_the_site_unplaced():
    doc = doc_of("استهدفت الطائرات موقع السماقة في مدينة حلب صباح اليوم.")
    site = entity(doc, "E1", "PLACE", "موقع السماقة", geo=dict(UNPLACED))
    entity(doc, "E2", "PLACE", "حلب", surfaces=["مدينة حلب"], geo=dict(ALEPPO))
    run(doc, containers=False)
    assert site.geo["lat"] is None


def test_a_sentence_end_between_a_site_and_a_town_gives_no_container():
    doc = doc_of("استهدفت الطائرات موقع السماقة. وفي مدينة حلب هدوء.")
    site = entity(doc, "E1", "PLACE", "موقع السماقة", geo=dict(UNPLACED))
    entity(doc, "E2", "PLACE", "حلب", surfaces=["مدينة حلب"], geo=dict(ALEPPO))
    run(doc)
    assert site.geo["lat"] is None


def test_a_town_named_only_by_its_edge_is_coded_near_it():
    doc = doc_of("قصفت المدفعية الأطراف الغربية لمدينة حلب أمس.")
    town = entity(doc, "E1", "PLACE", "حلب", surfaces=["مدينة حلب"], geo=dict(ALEPPO))
    run(doc)
    assert town.geo["precision"] == 2 and "names only its edge" in town.geo["why"]


def test_a_settlement_anaphor_refers_to_the_village_named_before_it():
    doc = doc_of("دخلت القوات قرية زمرينا فجرا. وانسحبت من القرية بعد ساعات.")
    village = entity(doc, "E1", "PLACE", "زمرينا", surfaces=["قرية زمرينا"])
    run(doc)
    back = [m for m in village.mentions if m.anaphor]
    assert [m.text for m in back] == ["القرية"] and "refers back to 'قرية زمرينا'" in back[0].why
    assert doc.text[back[0].start:back[0].end] == back[0].text


def test_an_anaphor_with_no_place_before_it_stays_unresolved():
    doc = doc_of("انسحبت القوات من القرية بعد ساعات. ثم دخلت قرية زمرينا.")
    village = entity(doc, "E1", "PLACE", "زمرينا", surfaces=["قرية زمرينا"])
    run(doc)
    assert not any(m.anaphor for m in village.mentions)


def test_the_owner_adjective_after_a_site_does_not_hide_its_container():
    text = "استهدفت المقاومة موقع السماقة الإسرائيلي، في مدينة حلب صباح اليوم."
    for owner, placed in (("facility", True), (None, False)):   # control: any other actor between stops the reading
        doc = doc_of(text)
        site = entity(doc, "E1", "PLACE", "موقع السماقة", geo=dict(UNPLACED))
        idf = entity(doc, "E3", "ACTOR", "الجيش الإسرائيلي", surfaces=["الإسرائيلي"], category="state_force")
        idf.mentions[0].party_of = owner
        entity(doc, "E2", "PLACE", "حلب", surfaces=["مدينة حلب"], geo=dict(ALEPPO))
        run(doc)
        assert (site.geo["lat"] is not None) is placed
