"""Features and ranking on hand-built candidate lists (no data access)."""
import math

import geo_fake as F
from hypothesis import given
from hypothesis import strategies as st

from rasd.geo.features import Context, containment, cue_fit, features, km
from rasd.geo.rank import precision, rank, why
from rasd.geo.regions import geo_cues


def test_km_known_distance():
    # one degree of latitude is about 111 km
    assert abs(km((35.0, 36.0), (36.0, 36.0)) - 111.2) < 0.5


@given(st.floats(-80, 80), st.floats(-179, 179), st.floats(-80, 80), st.floats(-179, 179))
def test_km_is_symmetric_and_non_negative(a, b, c, d):
    assert km((a, b), (c, d)) >= 0 and math.isclose(km((a, b), (c, d)), km((c, d), (a, b)), abs_tol=1e-6)


def test_the_named_subdistrict_decides_between_namesakes():
    ctx = Context(hits=[("ناحية التمانعة", [F.SUB_TAMANAH])])
    ranked = rank([F.VILLAGE_B, F.VILLAGE_A], ctx)
    assert ranked[0].place is F.VILLAGE_A
    assert "التمانعة" in why(ranked, ctx)


def test_containment_levels():
    assert containment(F.VILLAGE_A, [("x", [F.SUB_TAMANAH])])[0] == 3
    assert containment(F.VILLAGE_A, [("x", [F.DIS_MAARRA])])[0] == 2
    assert containment(F.VILLAGE_A, [("x", [F.GOV_IDLIB])])[0] == 1
    assert containment(F.VILLAGE_B, [("x", [F.SUB_TAMANAH])])[0] == 0


def test_neighbouring_places_decide_without_sentence_evidence():
    ctx = Context(anchors=[("أبو دالي", F.VILLAGE_C)], centre=(35.45, 36.9))
    assert rank([F.VILLAGE_B, F.VILLAGE_A], ctx)[0].place is F.VILLAGE_A


def test_report_centre_prefers_the_syrian_namesake():
    ctx = Context(anchors=[("أبو دالي", F.VILLAGE_C)], centre=(35.45, 36.9))
    ranked = rank([F.SINJAR_IQ, F.SINJAR_SY], ctx)
    assert ranked[0].place is F.SINJAR_SY and "km from" in why(ranked, ctx)


def test_bare_city_name_prefers_the_city_over_the_governorate():
    ranked = rank([F.GOV_ALEPPO, F.ALEPPO_CITY], Context())
    assert ranked[0].place is F.ALEPPO_CITY


def test_governorate_cue_prefers_the_governorate():
    spec = geo_cues().cues["محافظه"]
    ranked = rank([F.ALEPPO_CITY, F.GOV_ALEPPO], Context(cue=spec, cue_word="محافظة"))
    assert ranked[0].place is F.GOV_ALEPPO


def test_cue_fit_penalises_a_mismatch():
    spec = geo_cues().cues["حي"]
    assert cue_fit(F.GOV_ALEPPO, spec) < 0 < cue_fit(F.VILLAGE_A, geo_cues().cues["قريه"])


def test_admin_units_get_no_distance_features():
    f = features(F.GOV_IDLIB, Context(anchors=[("x", F.VILLAGE_C)], centre=(35.45, 36.9)))
    assert f["centre"] == f["neighbour"] == f["near"] == 0.0


def test_precision():
    fac = geo_cues().cues["مطار"]
    assert precision(F.VILLAGE_A, Context()) == 1
    assert precision(F.VILLAGE_A, Context(cue=fac)) == 2
    assert precision(F.DIS_MAARRA, Context()) == 3


def test_single_candidate_why():
    assert "only gazetteer entry" in why(rank([F.VILLAGE_C], Context()), Context())


# two namesakes in two countries, nothing nearer to decide between them (branch place4)
TRIPOLI_LB = F.Place("world:lb-tripoli", "طرابلس", "Tripoli (Lebanon)", 34.44, 35.83, "city", rank=3, country="lb")
TRIPOLI_LY = F.Place("world:ly-tripoli", "طرابلس", "Tripoli (Libya)", 32.89, 13.19, "city", rank=4, country="ly")


def test_the_country_the_report_is_about_decides_between_far_namesakes():
    for country, want in (("ly", TRIPOLI_LY), ("lb", TRIPOLI_LB)):
        for order in ([TRIPOLI_LB, TRIPOLI_LY], [TRIPOLI_LY, TRIPOLI_LB]):
            ctx = Context(country=country)
            ranked = rank(order, ctx)
            assert ranked[0].place is want
            assert f"about {country.upper()}" in why(ranked, ctx)


def test_the_report_country_weighs_less_than_an_admin_unit_the_sentence_names():
    ctx = Context(hits=[("ناحية التمانعة", [F.SUB_TAMANAH])], country="iq")
    assert rank([F.SINJAR_IQ, F.VILLAGE_A], ctx)[0].place is F.VILLAGE_A


@given(st.floats(-80, 80), st.floats(-179, 179), st.floats(-80, 80), st.floats(-179, 179),
       st.sampled_from([15.0, 20.0, 75.0]))
def test_kept_decay_is_the_very_float_a_fresh_one_gives(a, b, c, d, scale):
    from rasd.geo.features import decay
    memo: dict = {}
    fresh = math.exp(-km((a, b), (c, d)) / scale)
    assert decay((a, b), (c, d), scale, memo) == fresh == decay((a, b), (c, d), scale)
    assert decay((a, b), (c, d), scale, memo) == fresh and len(memo) == 1     # the second time from the memo


def test_features_with_a_memo_equal_features_without_over_rounds():
    ctx = dict(hits=[("ناحية التمانعة", [F.SUB_TAMANAH]), ("x", [F.VILLAGE_A, F.VILLAGE_B])],
               anchors=[("أبو دالي", F.VILLAGE_C), ("y", F.VILLAGE_A)], centre=(35.45, 36.9))
    memo: dict = {}
    for _ in range(3):                               # the stage's rounds ask the same pairs again
        for p in (F.VILLAGE_A, F.VILLAGE_B, F.VILLAGE_C, F.GOV_IDLIB):
            assert features(p, Context(**ctx, memo=memo)) == features(p, Context(**ctx))
    assert memo


def _capital_and_village():
    from rasd.kb.gazetteer import WORLD_SOURCE, Place

    capital = Place("world:xx-kabira", "الكبيرة", "Kabira (capital)", 30.0, 31.2, "city", rank=4,
                    source=WORLD_SOURCE, country="xx")
    village = Place("ocha:C9101", "الكبيرة", "Kabira (village)", 35.44, 36.91, "locality", "إدلب",
                    "معرة النعمان", "التمانعة", admin_ids=("admin:SY07", "admin:SY0702", "admin:SY070204"),
                    rank=1, source="syrianarchive")
    return capital, village


def test_a_capital_outweighs_a_village_namesake_that_only_the_report_context_favours():
    """The report's other places (a village 1 km away, its governorate) favour the village by the
    weighted sum; with nothing in the sentence for it, the capital abroad is kept, and why says so."""
    capital, village = _capital_and_village()
    ctx = Context(anchors=[("أبو دالي", F.VILLAGE_C)], centre=(35.45, 36.9), governorates={"إدلب"}, country="sy")
    plain = sorted(rank([capital, village], ctx), key=lambda r: -r.score)
    assert plain[0].place is village          # what the weighted sum alone prefers
    ranked = rank([capital, village], ctx)
    assert ranked[0].place is capital
    assert "capital" in why(ranked, ctx) and "Kabira (village)" in why(ranked, ctx)


def test_a_village_namesake_named_with_its_container_or_type_word_stays():
    capital, village = _capital_and_village()
    ctx = Context(hits=[("ناحية التمانعة", [F.SUB_TAMANAH])], country="sy")
    assert rank([capital, village], ctx)[0].place is village
    cues = geo_cues()
    spec = next(s for w, s in cues.cues.items() if "city" not in s["prefer"] and "locality" in s["prefer"])
    ctx = Context(anchors=[("أبو دالي", F.VILLAGE_C)], centre=(35.45, 36.9), cue=spec, cue_word="قرية")
    assert rank([capital, village], ctx)[0].place is village


def test_a_small_city_abroad_does_not_outweigh_a_village_by_size():
    """A world-list town without a population of PROMINENT_POPULATION (a border village listed as a
    city) is weighed as before, by the report's places."""
    from dataclasses import replace

    capital, village = _capital_and_village()
    town = replace(capital, id="world:xx-town", rank=3, population=None)
    ctx = Context(anchors=[("أبو دالي", F.VILLAGE_C)], centre=(35.45, 36.9), governorates={"إدلب"})
    assert rank([town, village], ctx)[0].place is village
    big = replace(town, population=400_000)
    assert rank([big, village], ctx)[0].place is big
