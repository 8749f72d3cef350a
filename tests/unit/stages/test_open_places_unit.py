"""The open_places stage on hand-built Docs: the mentions before it placed by hand
(tests/hand_docs.py), the miniature gazetteer (tests/geo_fake.py), no installed data."""
from __future__ import annotations

from geo_fake import fake_gazetteer
from hand_docs import doc_of, mention

from rasd.kb.resources import Resources
from rasd.stages.open_places import OpenPlaces

RES = Resources("/nonexistent-rasd-data").provide(gazetteer=fake_gazetteer(), common_words=frozenset())


def run(text: str, *specs, **config):
    doc = doc_of(text)
    doc.mentions = sorted((mention(doc, s, t, n, **kw) for s, t, n, kw in specs), key=lambda m: m.start)
    out = OpenPlaces(RES, **config)(doc)
    for m in out.mentions:
        assert out.text[m.start:m.end] == m.text
    return out


def places(doc) -> list[tuple[str, str]]:
    """(surface, name) of each PLACE mention; the name is the surface when the cue is not part of it."""
    return [(m.text, m.name or m.text) for m in doc.mentions if m.type == "PLACE"]


def test_a_facility_word_names_a_site_without_its_adjective():
    doc = run("أعلنت المقاومة استهداف موقع السماقة الإسرائيلي بالأسلحة الصاروخية.")
    (m,) = [m for m in doc.mentions if m.type == "PLACE"]
    assert (m.text, m.name, m.facility) == ("موقع السماقة", "السماقة", True)
    assert m.why


def test_a_dual_cue_names_two_places():
    doc = run("قصفت الطائرات بلدتي زمرينا وكفرتونا وسط اشتباكات عنيفة.")
    assert [n for _, n in places(doc)] == ["زمرينا", "كفرتونا"]
    assert [m.list_item for m in doc.mentions] == ["after_cue", "after_cue"]


def test_an_unknown_name_between_two_known_places_of_a_list_is_a_place_only_with_lists_on():
    text = "سقطت قذائف على حلب وزمرينا ودمشق صباح اليوم."
    known = (("حلب", "PLACE", 0, {}), ("دمشق", "PLACE", 0, {}))
    assert "زمرينا" in [m.text for m in run(text, *known).mentions]
    assert "زمرينا" not in [m.text for m in run(text, *known, lists=False).mentions]


def test_a_cue_word_in_another_sense_names_no_place():
    assert places(run("قصفت الطائرات منطقة واسعة من الريف.")) == []


def test_the_mentions_before_it_are_kept():
    doc = run("اقتحمت القوات بلدة بيت زمرينا قرب حلب.", ("حلب", "PLACE", 0, {"kb_id": "admin:SY02"}))
    assert places(doc) == [("بلدة بيت زمرينا", "بيت زمرينا"), ("حلب", "حلب")]
    assert [m.kb_id for m in doc.mentions] == [None, "admin:SY02"]


def test_cue_word_forms_follow_the_clitic_letters_in_use():
    from dataclasses import replace

    from rasd.arabic import clitics
    from rasd.arabic.normalize import fold_str
    from rasd.stages.open_places import word_forms

    L = clitics.letters()
    word = fold_str("قاعدة")
    assert L.ka + word in word_forms([word]) and L.conj[0] + L.ka + word in word_forms([word])
    no_ka = clitics.Clitics(replace(L, preps=tuple(p for p in L.preps if p != L.ka)))
    with clitics.using(no_ka):
        forms = word_forms([word])
    assert L.ka + word not in forms and L.bi + word in forms and L.lam_article + word in forms


# ---- list completion and derived duals (branch lists10) -----------------------------------------

BETWEEN = "an unknown name between two places of one list"


def test_unknown_names_between_two_places_of_one_list_are_places():
    text = "استهدفت المقاومة حلب، زمرينا، كفرتونا، إدلب صباح اليوم."
    known = (("حلب", "PLACE", 0, {}), ("إدلب", "PLACE", 0, {}))
    added = [m for m in run(text, *known).mentions if m.why == BETWEEN]
    assert [m.text for m in added] == ["زمرينا", "كفرتونا"]
    assert all(not m.place_ids and m.list_item == "between" for m in added)
    assert not [m for m in run(text, *known, lists=False).mentions if m.why == BETWEEN]


def test_unknown_names_after_one_place_with_no_place_after_them_are_not_taken():
    text = "قصفت الطائرات حلب وزمرينا وكفرتونا صباح اليوم."
    assert places(run(text, ("حلب", "PLACE", 0, {}))) == [("حلب", "حلب")]


def test_more_unknown_names_in_a_row_than_a_list_holds_are_not_taken():
    names = "، ".join(["زمرينا", "كفرتونا", "بيرزيت", "عرابة", "برقين"])
    text = f"زار الوفد حلب، {names}، إدلب أمس."
    known = (("حلب", "PLACE", 0, {}), ("إدلب", "PLACE", 0, {}))
    assert not [m for m in run(text, *known).mentions if m.why == BETWEEN]


def test_an_ordinary_word_the_gazetteer_names_is_a_place_only_between_two_places():
    from rasd.arabic.normalize import fold_str

    res = Resources("/nonexistent-rasd-data").provide(gazetteer=fake_gazetteer(),
                                                      common_words=frozenset({fold_str("المشيرفة")}))
    known = (("أعزاز", "PLACE", 0, {}), ("حلب", "PLACE", 0, {}))

    def between(text):
        doc = doc_of(text)
        doc.mentions = sorted((mention(doc, s, t, n, **kw) for s, t, n, kw in known if s in text),
                              key=lambda m: m.start)
        return [m for m in OpenPlaces(res)(doc).mentions if m.why == BETWEEN]

    (m,) = between("سيطرت القوات على مناطق أعزاز والمشيرفة وحلب أمس.")
    assert m.text == "المشيرفة" and set(m.place_ids) == {"ocha:C9001", "ocha:C9002"}
    assert between("سيطرت القوات على مناطق أعزاز والمشيرفة أمس.") == []


def test_a_name_closing_a_list_must_end_it():
    known = (("حلب", "PLACE", 0, {}), ("إدلب", "PLACE", 0, {}))
    closed = run("سيطرت القوات على حلب وإدلب وزمرينا.", *known)
    assert [m.list_item for m in closed.mentions if m.text == "زمرينا"] == ["closing"]
    going_on = run("سيطرت القوات على حلب وإدلب وزمرينا إلى الشمال.", *known)
    assert "زمرينا" not in [m.text for m in going_on.mentions]


def test_the_dual_of_any_feminine_type_word_names_two_places():
    found = places(run("قصفت الطائرات محافظتي زمرينا وكفرتونا صباح اليوم."))
    assert [n for _, n in found] == ["زمرينا", "كفرتونا"]
    found = places(run("سيطرت القوات على منطقتا \"تياسير\" و\"الحمرا\" في الأغوار."))
    assert [n for _, n in found] == ["تياسير", "الحمرا"]


def test_a_masculine_type_word_gets_no_derived_dual():
    assert places(run("دعا إلى اتفاق إقليمي ينقذ المنطقة من الحروب.")) == []
    assert places(run("قتل عدد من جامعي الكمأة في البادية.")) == []


def test_derived_duals_put_the_endings_for_the_feminine_ending():
    from rasd.arabic.normalize import fold_str
    from rasd.stages.open_places import derived_duals

    f = fold_str
    assert derived_duals(frozenset({f("محافظة"), f("مطار")}), ["تي", "تا"], f("ة")) == {f("محافظتي"), f("محافظتا")}


def test_a_place_word_with_a_pronoun_is_no_list_item():
    found = places(run("قصفت الطائرات بلدتي زمرينا وريفها صباح اليوم."))
    assert [n for _, n in found] == ["زمرينا"]


def test_a_feminine_noun_with_a_pronoun_is_no_name_after_a_plural_cue():
    # teh marbuta opens to teh before the pronoun: سيطرتهم is سيطرة + هم, an ordinary noun
    common = RES.common_words | {"سيطره"}
    res = Resources("/nonexistent-rasd-data").provide(gazetteer=fake_gazetteer(), common_words=frozenset(common))
    doc = doc_of("يحاول المسلحون الحفاظ على مناطق سيطرتهم في الشمال.")
    out = OpenPlaces(res)(doc)
    assert [m.text for m in out.mentions if m.type == "PLACE"] == []
    doc = doc_of("يحاول المسلحون الحفاظ على مناطق زمرينا في الشمال.")
    assert [m.text for m in OpenPlaces(res)(doc).mentions if m.type == "PLACE"] == ["زمرينا"]
