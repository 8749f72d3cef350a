"""The place_context stage on composed reports: containers, countries used as places, anaphors.

Needs the installed data (gazetteer) for the stages before it.
"""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline

UPTO = ["clean", "sentences", "mentions", "open_places", "link", "geocode"]


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def run(text: str, **config):
    return Pipeline.build(default_resources(), UPTO + ["place_context"], {"place_context": config}).run(text)


def entity_with(doc, text: str, typ: str = "PLACE"):
    return next((e for e in doc.entities if e.type == typ and any(m.text == text or m.name == text
                                                                 for m in e.mentions)), None)


def test_an_unplaced_site_is_placed_at_the_town_it_lies_in_with_a_coarser_precision():
    text = "استهدفت الطائرات موقع الجرداح في مدينة حلب صباح اليوم."
    off = entity_with(run(text, containers=False), "موقع الجرداح")
    assert off is not None and off.geo["lat"] is None
    doc = run(text)
    site, town = entity_with(doc, "موقع الجرداح"), entity_with(doc, "حلب")
    assert site.geo["lat"] == town.geo["lat"] and site.geo["lon"] == town.geo["lon"]
    assert site.geo["precision"] >= 2 and "container" in site.geo["why"]
    assert site.kb_id is None      # it is not the town: corefer must not merge them


def test_a_place_with_no_link_word_before_the_next_place_gets_no_container():
    doc = run("استهدفت الطائرات موقع الجرداح وحلب صباح اليوم.")
    site = entity_with(doc, "موقع الجرداح")
    assert site is not None and site.geo["lat"] is None


def test_a_dateline_country_is_a_place():
    text = "تركيا: مقتل ثلاثة جنود في هجوم\n\nقتل ثلاثة جنود في هجوم مسلح."
    assert entity_with(run(text, countries=False), "تركيا") is None
    e = entity_with(run(text), "تركيا")
    assert e is not None and e.geo["lat"] is not None and "dateline" in e.mentions[0].why


def test_the_country_a_blast_struck_is_a_place():
    e = entity_with(run("أدانت الدول العربية التفجيرات التي ضربت باكستان أمس."), "باكستان")
    assert e is not None and e.geo["lat"] is not None


def test_a_settlement_anaphor_refers_to_the_village_named_before_it():
    doc = run("قصفت الطائرات بلدة زمرينا فجر اليوم. وقال ناشطون إن البلدة تعرضت لعشر غارات.")
    village = entity_with(doc, "زمرينا")
    ana = [m for m in village.mentions if m.anaphor]
    assert ana and ana[0].text == "البلدة" and "زمرينا" in ana[0].why


def test_a_dual_anaphor_refers_to_both_villages():
    doc = run("قصفت الطائرات بلدتي زمرينا وكفرتونا فجر اليوم. ونزح معظم سكان البلدتين.")
    for name in ("زمرينا", "كفرتونا"):
        e = entity_with(doc, name)
        assert any(m.anaphor and m.text == "البلدتين" for m in e.mentions)


def test_an_anaphor_with_no_place_before_it_stays_unresolved():
    doc = run("قال مسؤول إن المنطقة تشهد هدوءا حذرا.")
    assert not any(m.anaphor for e in doc.entities for m in e.mentions)


def test_a_town_named_only_by_its_edge_is_coded_near_it():
    text = "سيطرت قوات النظام على الأطراف الغربية لمدينة سراقب بعد معارك."
    assert entity_with(run(text, outskirts=False), "سراقب").geo["precision"] == 1
    e = entity_with(run(text), "سراقب")
    assert e.geo["precision"] == 2 and "edge" in e.geo["why"]
    plain = entity_with(run("قصف الطيران مدينة سراقب ومحيط مدينة سراقب."), "سراقب")
    assert plain.geo["precision"] == 1     # also named as itself: the town


def test_a_region_phrase_ending_on_its_type_word_takes_the_town_after_it():
    doc = run("دارت اشتباكات في الريف الغربي لمدينة حماة.")
    region = next(e for e in doc.entities if e.type == "PLACE" and e.mentions[0].text.startswith("الريف"))
    town = entity_with(doc, "حماة")
    assert region.geo["lat"] == town.geo["lat"] and region.geo["precision"] == 3


def test_every_mention_of_a_country_used_as_a_place_belongs_to_an_entity():
    # the country is named as a place before (في الكويت) and as a dateline after: one PLACE entity
    doc = run("تفجير في الكويت\n\nالكويت: قال مسؤول إن الانفجار وقع في الكويت صباحا.")
    ids = {e.id for e in doc.entities}
    assert all(m.entity in ids for e in doc.entities for m in e.mentions)
    kuwait = [e for e in doc.entities if e.type == "PLACE" and any(m.text == "الكويت" for m in e.mentions)]
    assert len(kuwait) == 1


def test_a_state_that_acts_and_is_named_as_a_territory_gives_one_actor_and_one_place():
    text = "أعلنت الكويت اعتقال خلية إرهابية. وقال الوزير إن الخلية خططت للعبث بأمن الكويت."
    off = run(text, countries=False)
    assert entity_with(off, "الكويت", "ACTOR") is not None and entity_with(off, "الكويت") is None
    doc = run(text)
    actor, place = entity_with(doc, "الكويت", "ACTOR"), entity_with(doc, "الكويت")
    assert actor is not None and place is not None and actor is not place
    assert [m.start for m in actor.mentions] == [text.index("الكويت")]
    assert [m.start for m in place.mentions] == [text.rindex("الكويت")]
    assert place.geo["lat"] is not None and "territory" in place.mentions[0].why
    assert all(text[m.start:m.end] == m.text for e in doc.entities for m in e.mentions)


def test_states_listed_after_a_preposition_and_at_a_border_are_places():
    doc = run("قتل جندي عند الحدود الشمالية مع لبنان. وذكّر البيان بهجمات على نيويورك وواشنطن.")
    assert entity_with(doc, "لبنان", "ACTOR") is None and entity_with(doc, "واشنطن", "ACTOR") is None
    assert entity_with(doc, "لبنان") is not None and entity_with(doc, "واشنطن") is not None


def test_a_border_of_two_states_is_placed_between_them_and_linked_to_neither():
    doc = run("قتل جنديان في اشتباك على الحدود السورية التركية أمس. وقالت سوريا إن التحقيق جار.")
    e = entity_with(doc, "الحدود السورية التركية")
    assert e is not None and e.kb_id is None and e.geo["precision"] == 3
    assert 35.5 < e.geo["lat"] < 37.5 and 36.0 < e.geo["lon"] < 42.5     # along the Syria–Turkey border
    assert "Syria" in e.geo["why"] and "Turkey" in e.geo["why"]


def test_a_capital_after_the_capital_word_is_the_city_not_its_government():
    text = "وقع انفجار قرب محطة الحافلات في العاصمة أنقرة مساء أمس. وقالت أنقرة إن التحقيق جار."
    off = run(text, countries=False)
    assert entity_with(off, "أنقرة") is None
    doc = run(text)
    place, actor = entity_with(doc, "أنقرة"), entity_with(doc, "أنقرة", "ACTOR")
    assert place is not None and place.geo["lat"] is not None and place.kb_id == "world:tr-ankara"
    assert [m.start for m in place.mentions] == [text.index("أنقرة")]
    assert "title" in place.mentions[0].why and "العاصمة أنقرة" in place.mentions[0].why
    assert actor is not None and [m.start for m in actor.mentions] == [text.rindex("أنقرة")]


def test_a_capital_word_with_a_proclitic_titles_the_city_but_the_indefinite_word_does_not():
    assert entity_with(run("تظاهر المئات بالعاصمة طهران أمس."), "طهران") is not None
    assert entity_with(run("وصل الوفد إلى عاصمة طهران أمس."), "طهران") is None


def test_a_state_outside_which_or_in_whose_streets_something_happens_is_a_place():
    doc = run("امتدت الاحتجاجات إلى خارج الولايات المتحدة. وتظاهر الآلاف في شوارع طهران أمس.")
    usa, tehran = entity_with(doc, "الولايات المتحدة"), entity_with(doc, "طهران")
    assert usa is not None and "خارج الولايات المتحدة" in usa.mentions[0].why
    assert tehran is not None and "شوارع طهران" in tehran.mentions[0].why
    assert entity_with(doc, "الولايات المتحدة", "ACTOR") is None and entity_with(doc, "طهران", "ACTOR") is None
