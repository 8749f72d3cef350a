"""The place_context stage on hand-built Docs: entities and their geo written by hand
(tests/hand_docs.py), no gazetteer and no earlier stage (countries as places, which reads the
mention index, is left to tests/unit/stages/test_place_context.py)."""
from __future__ import annotations

import pytest
from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.place_context import PlaceContext, _Context

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


# ---- countries and capitals: the syntax around a state's name (used_as_place) ---------------------
COUNTRY = {"lat": 30.0, "lon": 31.0, "precision": 3, "feature": "country", "why": "hand-built"}
REGION = {"lat": 29.5, "lon": 33.8, "precision": 3, "feature": "region", "why": "hand-built"}
TOWN = {"lat": 40.7, "lon": -74.0, "precision": 1, "feature": "city", "why": "hand-built"}


def why_place(doc, actor_surface: str):
    """What place_context says of the actor mention ``actor_surface`` in a hand-built Doc."""
    ctx = _Context(doc, RES.open_places, RES)
    m = next(m for e in doc.entities if e.type == "ACTOR" for m in e.mentions if m.text == actor_surface)
    return ctx.used_as_place(m)


def test_a_state_right_after_a_territory_word_is_the_country():
    doc = doc_of("وحذر الوزير من أي محاولة للعبث بأمن الكويت وأمان مواطنيها.")
    entity(doc, "E1", "ACTOR", "الكويت", kb_id="actor:kuwait")
    assert "the territory of the country ('بأمن الكويت')" == why_place(doc, "الكويت")


def test_a_state_after_a_border_word_adjectives_a_place_and_a_border_link_is_the_country():
    doc = doc_of("أصيب جنود عند الحدود الشمالية لفلسطين المحتلة مع لبنان منذ بدء الحرب.")
    entity(doc, "E1", "PLACE", "فلسطين المحتلة", geo=dict(COUNTRY))
    entity(doc, "E2", "ACTOR", "لبنان", kb_id="actor:lebanon")
    assert "territory" in why_place(doc, "لبنان")


def test_a_territory_word_further_back_without_a_border_link_says_nothing():
    doc = doc_of("تهدد الأزمة أمن المنطقة الشرقية لبنان.")
    entity(doc, "E1", "ACTOR", "لبنان", kb_id="actor:lebanon")
    assert why_place(doc, "لبنان") is None


def test_the_subject_of_an_act_stays_an_actor():
    doc = doc_of("قصفت إسرائيل مواقع في جنوب لبنان. وأكدت مصر رفضها للتصعيد.")
    entity(doc, "E1", "ACTOR", "إسرائيل", kb_id="actor:israel")
    entity(doc, "E2", "ACTOR", "مصر", kb_id="actor:egypt")
    assert why_place(doc, "إسرائيل") is None and why_place(doc, "مصر") is None


def test_an_item_of_a_list_of_places_after_a_preposition_is_a_place():
    doc = doc_of("في أعقاب هجمات عام 2001 على نيويورك وواشنطن.")
    entity(doc, "E1", "PLACE", "نيويورك", geo=dict(TOWN))
    entity(doc, "E2", "ACTOR", "واشنطن", kb_id="actor:usa")
    assert why_place(doc, "واشنطن") == "an item of a list of places after a preposition ('نيويورك وواشنطن')"


def test_a_state_right_after_a_region_names_the_country_it_lies_in():
    doc = doc_of("فيديو انفجار سيناء مصر")
    entity(doc, "E1", "PLACE", "سيناء", geo=dict(REGION))
    entity(doc, "E2", "ACTOR", "مصر", kb_id="actor:egypt")
    assert "the country of the place before it" in why_place(doc, "مصر")


def test_a_dateline_after_a_colon_inside_a_line_is_a_place():
    doc = doc_of("رابط الخبر بصحيفة الوئام: تركيا: مقتل 3 جنود في هجوم")
    entity(doc, "E1", "ACTOR", "تركيا", kb_id="actor:turkey")
    assert why_place(doc, "تركيا").startswith("a dateline")


def test_a_comma_and_inside_a_longer_list_of_places_is_an_item():
    doc = doc_of("تعزيز وجوده في العراق وسوريا، ولبنان قبل الانتخابات.")
    entity(doc, "E1", "PLACE", "العراق", geo=dict(COUNTRY))
    entity(doc, "E2", "PLACE", "سوريا", geo=dict(COUNTRY))
    entity(doc, "E3", "ACTOR", "لبنان", kb_id="actor:lebanon")
    assert why_place(doc, "لبنان") == "an item of a list of places after a preposition ('العراق وسوريا، ولبنان')"


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


# a state after another name that reads as no place (the second entity stays an actor), each with its reason
@pytest.mark.parametrize("text, place, geo, state, kb_id", [
    # قادة كندا وأميركا: a list of governments, not of places
    ("اجتمع قادة كندا وأميركا أمس.", "كندا", COUNTRY, "أميركا", "actor:usa"),
    # a state right after a country is no apposition
    ("قالت سوريا إيران تدعمها.", "سوريا", COUNTRY, "إيران", "actor:iran"),
    # a list after "between" relates states
    ("لا توجد مسافة بين كندا وأميركا.", "كندا", COUNTRY, "أميركا", "actor:usa"),
    # a name that begins with waw after a full stop is no list item
    ("وقعت اشتباكات في نيويورك. واشنطن تعترف بالخسائر.", "نيويورك", TOWN, "واشنطن", "actor:usa"),
    # a comma and after a two-item start opens a new clause
    ("لن نسمح بأي تدخل في اليمن، وطهران كان دورها سلبيا.", "اليمن", COUNTRY, "طهران", "actor:iran"),
], ids=["no-preposition", "no-apposition", "between", "waw-after-full-stop", "comma-and-new-clause"])
def test_a_state_after_a_place_that_reads_as_no_place_says_nothing(text, place, geo, state, kb_id):
    doc = doc_of(text)
    entity(doc, "E1", "PLACE", place, geo=dict(geo))
    entity(doc, "E2", "ACTOR", state, kb_id=kb_id)
    assert why_place(doc, state) is None


# ---- list items (branch lists10) -----------------------------------------------------------------

AZAZ = {"lat": 36.58, "lon": 37.04, "precision": 1, "feature": "locality", "admin1": "حلب", "why": "hand-built"}
MARE = {"lat": 36.48, "lon": 37.2, "precision": 1, "feature": "locality", "admin1": "حلب", "why": "hand-built"}
DAMASCUS = {"lat": 33.51, "lon": 36.29, "precision": 1, "feature": "locality", "admin1": "دمشق", "why": "hand-built"}


def _listed(text: str, right: dict, list_item: str | None = "between", why: str | None = None):
    doc = doc_of(text)
    entity(doc, "E1", "PLACE", "أعزاز", geo=dict(AZAZ))
    item = entity(doc, "E2", "PLACE", "زمرينا", geo=dict(UNPLACED))
    item.mentions[0].list_item, item.mentions[0].why = list_item, why
    entity(doc, "E3", "PLACE", "مارع", geo=dict(right))
    return doc, item


def test_a_list_item_is_placed_between_its_neighbours_in_the_list_when_they_are_near():
    doc, item = _listed("قصفت الطائرات أعزاز، زمرينا، مارع أمس.", MARE)
    run(doc)
    assert item.geo["precision"] == 2 and item.geo["feature"] == "list"
    assert (item.geo["lat"], item.geo["lon"]) == (36.53, 37.12)
    assert item.geo["admin1"] == "حلب" and "'أعزاز' and 'مارع'" in item.geo["why"]


def test_an_item_after_a_plural_type_word_is_placed_the_same_way_and_lists_off_leaves_it():
    doc, item = _listed("قصفت الطائرات بلدات أعزاز، زمرينا، مارع أمس.", MARE, "after_cue")
    run(doc)
    assert item.geo["feature"] == "list"
    doc, item = _listed("قصفت الطائرات بلدات أعزاز، زمرينا، مارع أمس.", MARE, "after_cue")
    run(doc, lists=False)
    assert item.geo["lat"] is None


def test_neighbours_far_apart_or_another_clause_place_no_list_item():
    doc, item = _listed("قصفت الطائرات أعزاز، زمرينا، مارع أمس.", DAMASCUS, "")
    run(doc)
    assert item.geo["lat"] is None
    doc, item = _listed("قصفت الطائرات أعزاز، زمرينا. وفي مارع هدوء.", MARE, "")
    run(doc)
    assert item.geo["lat"] is None


def test_a_name_taken_for_another_reason_is_not_placed_by_the_list():
    """The list_item flag decides, not the why's wording: a name after a place word, one closing a list
    or coordinated after a plural word stays unplaced, even under a why that reads like a list's."""
    from rasd.stages.open_places import LIST_WHY

    for list_item, why in ((None, "a name after the place word 'بلدة'"), (None, LIST_WHY),
                           ("closing", None), ("coordinated", None)):
        doc, item = _listed("قصفت الطائرات أعزاز، زمرينا، مارع أمس.", MARE, list_item, why)
        run(doc)
        assert item.geo["lat"] is None, (list_item, why)


def test_the_anaphor_pass_reads_a_subset_of_the_cue_forms_kept_by_the_resources():
    doc = doc_of("قصفت الطائرات البلدة صباح اليوم.")
    ctx = _Context(doc, RES.open_places, RES)
    forms = ctx.anaphor_forms()
    assert forms <= RES.open_places.forms and forms is ctx.anaphor_forms()
    # every token the cues read as an anaphor is one of them
    assert all(k in forms for k in doc.keys if RES.open_places.readings(k).get("anaphor"))
