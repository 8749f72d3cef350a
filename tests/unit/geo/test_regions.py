"""Region phrases on self-written sentences, against the miniature gazetteer."""
import pytest
from geo_fake import fake_gazetteer

from rasd.arabic.tokens import tokenize
from rasd.geo.regions import compound, geo_cues, match_region, place_kinds, region_table

CUES, TABLE = geo_cues(), region_table()


@pytest.fixture(scope="module")
def gaz():
    return fake_gazetteer()


def first_region(text, gaz):
    toks = tokenize(text)
    for i in range(len(toks)):
        hit = match_region(toks, i, gaz, CUES, TABLE.named)
        if hit:
            return i, hit[0], hit[1]
    return None


@pytest.mark.parametrize("text, direction, base", [
    ("دارت اشتباكات في ريف إدلب الجنوبي الشرقي أمس", "south-east", "admin:SY07"),
    ("قصفت الطائرات بلدات بريف حلب الشمالي", "north", "admin:SY02"),
    ("وصلت التعزيزات إلى ريف حماة", None, "admin:SY05"),
    ("تقدمت القوات في الريف الشرقي لحماة", "east", "admin:SY05"),
])
def test_rif_phrases(gaz, text, direction, base):
    _, _, info = first_region(text, gaz)
    assert info["rif"] and info["direction"] == direction and base in info["base_ids"]


def test_rif_span_ends_after_the_direction(gaz):
    i, end, _ = first_region("سيطرت الفصائل على ريف إدلب الجنوبي وقرى أخرى", gaz)
    toks = tokenize("سيطرت الفصائل على ريف إدلب الجنوبي وقرى أخرى")
    assert [t.key for t in toks[i:end]] == ["ريف", "ادلب", "الجنوبي"]


def test_dual_rif_keeps_both_directions(gaz):
    _, _, info = first_region("غارات على ريفي حلب الشرقي والشمالي", gaz)
    assert info["direction"] == "east" and info["also"] == "north"


def test_anaphoric_countryside(gaz):
    _, _, info = first_region("وتقدمت القوات في الريف الجنوبي الشرقي للمحافظة", gaz)
    assert info["anaphor"] and info["base_ids"] == [] and info["direction"] == "south-east"


@pytest.mark.parametrize("text, direction", [("اشتباكات شرق حماة", "east"), ("قصف شمالي حلب", "north"),
                                             ("معارك جنوب غرب إدلب", "south-west")])
def test_direction_before_a_name(gaz, text, direction):
    _, _, info = first_region(text, gaz)
    assert info["direction"] == direction and not info["rif"]


def test_direction_before_a_small_village_is_not_a_region(gaz):
    assert first_region("تقع القرية شرق المشيرفة", gaz) is None


def test_named_subregion(gaz):
    _, _, info = first_region("قصف مدفعي على جبل الزاوية", gaz)
    assert info["named"] and info["base_ids"]


def test_plain_sentence_has_no_region(gaz):
    assert first_region("قال المتحدث إن الاجتماع انتهى", gaz) is None


def test_compound_orders_north_first():
    order = geo_cues().order
    assert compound(["east", "north"], order) == "north-east" == compound(["north", "east"], order)


def test_region_table_has_every_governorate():
    govs = region_table().governorates
    assert len(govs) == 14 and all("default" in row for row in govs.values())


def test_plural_countryside_is_the_countryside_of_each_name(gaz):
    text = "غارات على أرياف إدلب وحلب وحماة أمس"
    i, end, info = first_region(text, gaz)
    toks = tokenize(text)
    assert [t.key for t in toks[i:end]][-1] == "وحماه"
    assert "admin:SY07" in info["base_ids"] and info["rif"]
    assert [(a, b, n) for a, b, _, n in info["more"]] == [(4, 5, 1), (5, 6, 1)]
    assert "admin:SY02" in info["more"][0][2] and info["more"][1][2] == ["admin:SY05"]
    assert info["text_key"] == "ارياف ادلب"   # the first countryside's own words


def test_singular_countryside_takes_no_later_name(gaz):
    _, _, info = first_region("غارات على ريف إدلب وحلب", gaz)
    assert "more" not in info


@pytest.fixture(scope="module")
def gaz_with_capital():
    from geo_fake import ALL, EXTRA_ALIASES
    from rasd.kb.gazetteer import Gazetteer

    # a made-up capital phrase of the miniature gazetteer: العاصمة + an adjective, naming Aleppo city
    return Gazetteer({p.id: p for p in ALL},
                     [(p.name_ar, p.id) for p in ALL] + EXTRA_ALIASES + [("العاصمة الشمالية", "ocha:C1007")])


@pytest.mark.parametrize("text, last", [("قصف ريف العاصمة الشمالية حلب أمس", "حلب"),
                                        ("قصف جنوبي العاصمة الشمالية حلب أمس", "حلب"),
                                        ("قصف الريف الغربي للعاصمة الشمالية حلب أمس", "حلب"),
                                        ("قصف ريف العاصمة الشمالية أمس", "الشمالية")])
def test_a_capital_s_own_name_in_apposition_is_part_of_the_phrase(gaz_with_capital, text, last):
    i, end, info = first_region(text, gaz_with_capital)
    toks = tokenize(text)
    assert toks[end - 1].key == tokenize(last)[0].key
    assert "ocha:C1007" in info["base_ids"]


def test_a_type_word_without_the_article_after_the_countryside_is_followed_by_its_name(gaz):
    """الريف الشرقي لمحافظة إدلب names Idlib; only للمحافظة (with the article) refers back."""
    _, _, info = first_region("تقدمت القوات في الريف الشرقي لمحافظة إدلب أمس", gaz)
    assert not info["anaphor"] and "admin:SY07" in info["base_ids"] and info["direction"] == "east"


def test_a_city_type_word_without_the_article_ends_the_countryside_phrase(gaz):
    """الريف الغربي لمدينة حماة: the phrase ends on لمدينة and the town after it is its base (place_context);
    only a governorate type word (لمحافظة إدلب) is read with its name inside the phrase."""
    text = "دارت اشتباكات في الريف الغربي لمدينة حماة أمس"
    _, end, info = first_region(text, gaz)
    assert info["anaphor"] and info["rif"] and tokenize(text)[end - 1].key == tokenize("لمدينة")[0].key


@pytest.mark.parametrize("change, msg", [
    (("rif_one: ريف\n", ""), "rif_one"),                                   # missing: no silent ""
    (("rif_plural: [ريفي, ارياف, الارياف]", "rif_plural: [ريفي, ارياف, الارياف, اطراف]"), "rif_plural"),
])
def test_the_loader_checks_the_plural_countryside_words(tmp_path, change, msg):
    from rasd.errors import KnowledgeError
    from rasd.kb.yamlfile import KNOWLEDGE_DIR

    text = (KNOWLEDGE_DIR / "geo_cues.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    (tmp_path / "geo_cues.yaml").write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"geo_cues.yaml:\d+.*{msg}"):
        geo_cues(tmp_path / "geo_cues.yaml", place_kinds(KNOWLEDGE_DIR / "place_kinds.yaml"))
