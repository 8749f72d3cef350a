"""rasd.stages.mentions.places on hand-written sentences: a gazetteer name needs its context."""
from __future__ import annotations

import pytest
from conftest import at

from rasd.stages.mentions import places
from rasd.stages.mentions.regions import region_hit


def test_a_village_after_its_type_word_is_a_place(finder):
    f = finder("قصفت الطائرات قرية المشيرفة.")
    h = places.place_hit(f, at(f, "المشيرفة"))
    assert h is not None and set(h.payloads) == {"ocha:C9001", "ocha:C9002"}


def test_a_village_name_with_no_cue_is_not_a_place(finder):
    f = finder("المشيرفة جميلة.")
    assert places.place_hit(f, at(f, "المشيرفة")) is None


def test_a_governorate_needs_no_cue(finder):
    f = finder("وصلت التعزيزات إدلب.")
    assert places.place_hit(f, at(f, "إدلب")) is not None


def test_a_type_word_is_not_the_place(finder):
    f = finder("قصفت الطائرات قرية المشيرفة.")
    assert places.place_hit(f, at(f, "قرية")) is None


def test_a_direction_from_a_governorate_is_a_region_but_from_a_district_names_the_district(finder):
    f = finder("سقطت قذائف على جنوب إدلب.")
    i = at(f, "جنوب")
    assert places.base_only(f, i, region_hit(f, i)) is None
    f = finder("سقطت قذائف على جنوب أعزاز.")
    i = at(f, "جنوب")
    base = places.base_only(f, i, region_hit(f, i))
    assert base is not None and base.payloads == ("admin:SY0204",)


def test_a_two_word_direction_from_a_district_names_the_district_too(finder):
    # شمال شرق X: the base follows both direction words, and is read as after one
    f = finder("سقطت قذائف على شمال شرق أعزاز.")
    i = at(f, "شمال")
    assert region_hit(f, i)[1]["direction"] == "north-east"
    base = places.base_only(f, i, region_hit(f, i))
    assert base is not None and base.payloads == ("admin:SY0204",)
    f = finder("سقطت قذائف على شمال شرق إدلب.")
    i = at(f, "شمال")
    assert places.base_only(f, i, region_hit(f, i)) is None


def test_an_unknown_name_after_a_strong_cue_runs_to_a_word_with_a_pronoun(finder):
    f = finder("سيطر المقاتلون على تلة الزعتر كعادتهم.")
    i = at(f, "الزعتر")
    assert places.unknown_place_at(f, i) == i + 1


def test_add_place_keeps_the_cue_and_takes_the_type_word_into_the_span(finder):
    f = finder("قصفت الطائرات قرية المشيرفة.")
    places.add_place(f, places.place_hit(f, at(f, "المشيرفة")))
    (m,) = f.out
    assert f.doc.text[m.start:m.end] == m.text == "قرية المشيرفة" and m.name == "المشيرفة"
    assert m.cue == f.toks[at(f, "قرية")].key and m.place_ids and m.tok[0] == at(f, "قرية")


def test_a_type_word_after_a_preposition_on_the_name_stays_out(finder):
    f = finder("سقطت قذائف على قرية بالمشيرفة.")
    places.add_place(f, f.R.places.match_at(f.toks, at(f, "بالمشيرفة")))
    (m,) = f.out
    assert m.text == "المشيرفة" and m.name is None


def test_a_title_and_a_given_name_are_a_man_not_a_village(finder):
    f = finder("قال الشيخ خالد إن الوضع هادئ.")
    i = at(f, "الشيخ")
    assert f.R.places.match_at(f.toks, i).j == i + 2      # the gazetteer holds the name
    assert places.place_hit(f, i) is None
    f = finder("سقطت قذائف على الشيخ خالد.")
    assert places.place_hit(f, at(f, "الشيخ")) is not None   # a preposition before it: the village



def test_a_region_of_the_world_list_needs_no_cue():
    """A continent or a province abroad (kind region) is named alone, as a governorate is
    (knowledge/place_kinds.yaml named_without_cue)."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.kb.gazetteer import Gazetteer, Place
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    region = Place("world:zz-karmulia", "كرموليا", "Karmulia", 10.0, 20.0, "region", rank=5)
    places_ = [*geo_fake.ALL, region]
    gaz = Gazetteer({p.id: p for p in places_}, [(p.name_ar, p.id) for p in places_])
    res = Resources("/nonexistent-rasd-data").provide(gazetteer=gaz, given_names=frozenset(),
                                                      common_words=frozenset())
    f = Finder(doc_of("وقال إن كرموليا تواجه أزمة."), res.mention_index)
    h = places.place_hit(f, at(f, "كرموليا"))
    assert h is not None and list(h.payloads) == ["world:zz-karmulia"]


def test_a_world_name_listed_with_its_type_word_holds_when_its_name_is_an_ordinary_word():
    """world_places.yaml lists a name that is also an ordinary word only with its type word
    (محافظة ينبع، مستشفى الشفاء): that whole phrase is the place. A Syrian gazetteer name of the same
    shape whose second word is an ordinary word still needs that word to be a name."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.arabic.normalize import fold_str
    from rasd.arabic.normalize import fold_str
    from rasd.kb.gazetteer import WORLD_SOURCE, Gazetteer, Place
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    listed = Place("world:xx-jamila", "محافظة جميلة", "Jamila province", 10.0, 20.0, "city", rank=3,
                   source=WORLD_SOURCE, country="xx")
    syrian = Place("ocha:C9999", "محافظة كبيرة", "Kabira", 35.0, 37.0, "locality", rank=1)
    places_ = [*geo_fake.ALL, listed, syrian]
    gaz = Gazetteer({p.id: p for p in places_}, [(p.name_ar, p.id) for p in places_])
    res = Resources("/nonexistent-rasd-data").provide(gazetteer=gaz, given_names=frozenset(),
                                                      common_words=frozenset(map(fold_str, ("جميلة", "كبيرة"))))
    f = Finder(doc_of("وصل الوفد إلى محافظة جميلة أمس."), res.mention_index)
    i = at(f, "محافظة")
    h = places.place_hit(f, i)
    assert h is not None and list(h.payloads) == ["world:xx-jamila"] and h.j == i + 2
    f = Finder(doc_of("وصل الوفد إلى محافظة كبيرة أمس."), res.mention_index)
    assert places.place_hit(f, at(f, "محافظة")) is None


def test_a_bare_alias_of_a_world_entry_whose_name_has_the_article_is_a_place():
    """المجر / هنغاريا: the world list gives the bare form, so "إلى هنغاريا" is the country even though
    its display name has the article; a Syrian name with the article still needs it (ورقة is no الرقة)."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.arabic.normalize import fold_str
    from rasd.kb.gazetteer import WORLD_SOURCE, Gazetteer, Place
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    country = Place("world:xy", "المجرة", "Majara", 47.0, 19.0, "country", rank=6, source=WORLD_SOURCE, country="xy")
    syrian = Place("ocha:C9998", "الكرمة", "Karma", 35.0, 37.0, "locality", rank=1, source="syrianarchive")
    places_ = [*geo_fake.ALL, country, syrian]
    aliases = [(p.name_ar, p.id) for p in places_] + [("هنغاريا", "world:xy"), ("مجرة", "world:xy"),
                                                      ("كرمة", "ocha:C9998")]
    gaz = Gazetteer({p.id: p for p in places_}, aliases)
    res = Resources("/nonexistent-rasd-data").provide(gazetteer=gaz, given_names=frozenset(),
                                                      common_words=frozenset())
    for text, word in (("وصل الوفد إلى هنغاريا أمس.", "هنغاريا"), ("وصل الوفد إلى مجرة أمس.", "مجرة")):
        f = Finder(doc_of(text), res.mention_index)
        h = places.place_hit(f, at(f, word))
        assert h is not None and list(h.payloads) == ["world:xy"], text
    f = Finder(doc_of("وصل الوفد إلى كرمة أمس."), res.mention_index)
    assert places.place_hit(f, at(f, "كرمة")) is None


def _ordinary_finder(text: str, ordinary: bool):
    """A Syrian village named by an ordinary phrase (الفجر الجديد), listed in ordinary_places.yaml or not."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.arabic.normalize import fold_str
    from rasd.kb.gazetteer import Gazetteer, Place
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    village = Place("sa:99001", "الفجر الجديد", "Fajr Jadid", 35.8, 36.6, "locality", "إدلب", rank=1,
                    source="syrianarchive")
    places_ = [*geo_fake.ALL, village]
    gaz = Gazetteer({p.id: p for p in places_}, [(p.name_ar, p.id) for p in places_])
    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=gaz, given_names=frozenset(), common_words=frozenset(),
        ordinary_places=frozenset({gaz.canon(fold_str("الفجر الجديد"))} if ordinary else ()))
    return Finder(doc_of(text), res.mention_index)


def test_a_village_named_by_an_ordinary_phrase_needs_a_strong_place_context():
    """ordinary_places.yaml lists Syrian names the news uses mostly as ordinary words: such a name is a
    place after a type word, in a list of places or before its container, not after a preposition."""
    text = "تحدث الوزير عن الفجر الجديد للبلاد."
    f = _ordinary_finder(text, ordinary=False)
    assert places.place_hit(f, at(f, "الفجر")) is not None      # a preposition sufficed before
    f = _ordinary_finder(text, ordinary=True)
    assert places.place_hit(f, at(f, "الفجر")) is None
    for text, word in (("قصفت الطائرات قرية الفجر الجديد أمس.", "الفجر"),
                       ("قصفت الطائرات الفجر الجديد بريف إدلب أمس.", "الفجر"),
                       ("قصفت الطائرات المشيرفة والفجر الجديد أمس.", "والفجر")):
        f = _ordinary_finder(text, ordinary=True)
        assert places.place_hit(f, at(f, word)) is not None, text


def test_after_a_type_word_only_a_settlement_word_makes_an_ordinary_name_the_village():
    """محطة سان ميشال، مستشفى العيون: after a facility or other type word an ordinary-word village name
    names something else; after a settlement word (قرية) it is the village unless the name goes on."""
    for text in ("وصل الوفد إلى محطة الفجر الجديد.", "وصل الوفد إلى مطار كالفجر الجديد.",
                 "قصفت الطائرات قرية الفجر الجديد ميشال."):
        f = _ordinary_finder(text, ordinary=True)
        word = next(t for t in ("كالفجر", "الفجر") if t in text)
        assert places.place_hit(f, at(f, word)) is None, text
    f = _ordinary_finder("وصل الوفد إلى محطة الفجر الجديد.", ordinary=False)
    assert places.place_hit(f, at(f, "الفجر")) is not None    # not listed: accepted as before
    f = _ordinary_finder("قصفت الطائرات قرية الفجر الجديد.", ordinary=True)
    assert places.place_hit(f, at(f, "الفجر")) is not None


def test_a_comma_after_a_place_opens_a_clause_unless_the_list_goes_on():
    """"المشيرفة، الفجر الجديد عن": a name that only a comma joins to the place before it is a list
    item only when the list goes on after it (a comma, و or the sentence's end)."""
    f = _ordinary_finder("قصفت الطائرات المشيرفة، الفجر الجديد عن رأيه.", ordinary=True)
    assert places.place_hit(f, at(f, "الفجر")) is None
    for text in ("قصفت الطائرات المشيرفة، الفجر الجديد، وأبو دالي.", "قصفت الطائرات المشيرفة، الفجر الجديد.",
                 "قصفت الطائرات المشيرفة، الفجر الجديد وأبو دالي أمس."):
        f = _ordinary_finder(text, ordinary=True)
        assert places.place_hit(f, at(f, "الفجر")) is not None, text


def test_the_place_context_statistic_is_the_finders_own():
    """scripts/place_contexts.py counts with placeness.place_context: a listed name after a facility
    word is no place context (the finder does not take it), after a settlement word it is."""
    from rasd.stages.mentions.placeness import place_context, strong_context

    f = _ordinary_finder("وصل الوفد إلى محطة الفجر الجديد.", ordinary=True)
    i = at(f, "الفجر")
    h = f.place_at(i)
    assert strong_context(f, i, h) and not place_context(f, i, h)
    f = _ordinary_finder("قصفت الطائرات قرية الفجر الجديد.", ordinary=True)
    i = at(f, "الفجر")
    assert place_context(f, i, f.place_at(i))


def test_a_type_word_with_the_article_and_a_village_name_with_it_are_a_noun_and_its_adjective(finder):
    """القرية المشيرفة reads "the … village" (a description), قرية المشيرفة the village."""
    f = finder("وعادت الحياة إلى القرية المشيرفة بعد القصف.")
    assert places.place_hit(f, at(f, "المشيرفة")) is None
    f = finder("وعادت الحياة إلى قرية المشيرفة بعد القصف.")
    assert places.place_hit(f, at(f, "المشيرفة")) is not None


def test_a_city_joined_to_a_club_word_is_the_club(finder):
    """دينامو حلب، لاعب حلب، حلب يونايتد: the club; فريق في حلب and a bare حلب stay the city."""
    _place_hit_decided(finder, places.club_not_place, True, (
        ("وفاز دينامو حلب على ضيفه.", "حلب"), ("وسجل لاعب حلب هدفا.", "حلب"), ("وخسر حلب يونايتد المباراة.", "حلب")))
    _place_hit_decided(finder, places.club_not_place, False, (
        ("ووصل فريق إلى حلب أمس.", "حلب"), ("وقال لاعب بحلب إن القصف اشتد.", "بحلب"), ("قصفت الطائرات حلب أمس.", "حلب")))


def _place_hit_decided(finder, rule, expected: bool, cases) -> None:
    """Each (text, word): the word is a place hit, and ``rule(finder, i, hit)`` says ``expected`` of it."""
    for text, word in cases:
        f = finder(text)
        i = at(f, word)
        ph = places.place_hit(f, i)
        assert ph is not None and bool(rule(f, i, ph)) is expected, text


def test_a_town_with_a_masculine_nationality_adjective_is_the_club(finder):
    """سنجار العراقي: a town is feminine, so the masculine adjective agrees with the club the name
    stands for, in a sentence of sport; the feminine adjective, a head word before the name (whose
    adjective it is), an area (الجولان السوري) and a sentence with no word of sport keep the place."""
    f = finder("وتعادل سنجار العراقي مع ضيفه.")
    i = at(f, "سنجار")
    ph = places.place_hit(f, i)
    assert ph is not None and places.club_not_place(f, i, ph)
    for text, word in (("وزار الوفد سنجار العراقية أمس.", "سنجار"), ("قصفت الطائرات ريف سنجار العراقي.", "سنجار"),
                       ("وصلت التعزيزات إلى قرية سنجار العراقي.", "سنجار"), ("وصلت التعزيزات إدلب السوري.", "إدلب"),
                       ("وتعادل سنجار مع ضيفه.", "سنجار"), ("وصلت السفن إلى ميناء سنجار العراقي أمس.", "سنجار")):
        f = finder(text)
        i = at(f, word)
        ph = places.place_hit(f, i)
        assert ph is not None and not places.club_not_place(f, i, ph), text


def test_a_word_of_sport_counts_in_the_names_sentence_only(finder):
    """سنجار العراقي is the club when a word of sport stands in its own sentence, before or after
    it; one in the sentence before or after does not make it so."""
    for text, club in (("وتعادل سنجار العراقي أمس.", True), ("وصل سنجار العراقي في المباراة.", True),
                       ("وانتهت المباراة. ووصل وفد إلى سنجار العراقي أمس.", False),
                       ("ووصل وفد إلى سنجار العراقي أمس. وانتهت المباراة.", False)):
        f = finder(text)
        assert len(f.doc.sentences) == text.count("."), text
        i = at(f, "سنجار")
        ph = places.place_hit(f, i)
        assert ph is not None and places.club_not_place(f, i, ph) == club, text


def test_a_head_word_is_found_whatever_its_class_says_of_region_phrases(finder):
    """placeness._head and region_head (the club rule's test of the word before a name) answer from
    the index's region class first (a word with no region reading is no head): the same answers as
    reading every proclitic reading against the region heads."""
    from rasd.arabic.clitics import readings
    from rasd.stages.mentions.placeness import _head, region_head

    f = finder("وقعت اشتباكات بريف حلب الشمالي وشرقي حماة وفي منطقة البادية وجنوب إدلب، قرب بلدة المشيرفة.")
    heads = f.R.region_heads
    slow = [("place_cues" in f.lists[k]) or any(st in heads for _, st in readings(f.toks[k].key)) for k in range(f.n)]
    assert [_head(f, k) for k in range(f.n)] == slow
    assert [region_head(f, k) for k in range(f.n)] == [any(st in heads for _, st in readings(f.toks[k].key))
                                                       for k in range(f.n)]
    assert sum(slow) >= 3   # ريف، شرقي، جنوب … are heads here


def test_a_name_ending_on_a_head_word_before_a_name_word_heads_a_longer_name(finder):
    """قرية خربة خوي: خربة, which a gazetteer may hold alone, heads the village's longer name."""
    f = finder("قصفت الطائرات قرية خربة خوي أمس.")
    i = at(f, "خربة")
    assert places.heads_longer_name(f, i, i + 1)
    f = finder("قصفت الطائرات منطقة تل زعرب أمس.")
    assert places.heads_longer_name(f, at(f, "منطقة"), at(f, "تل") + 1)


@pytest.mark.parametrize("text, first, last", [
    ("هجوم على مدينة رأس العين وأريافها", "رأس", "العين"),    # a word with the article ends a name
    ("حفل بمدينة العين بحضور الوزير", "العين", "العين"),
    ("قصفت الطائرات قرية خربة في الريف", "خربة", "خربة"),      # a preposition after it
])
def test_a_head_word_at_the_end_of_a_name_is_left_alone(finder, text, first, last):
    f = finder(text)
    assert not places.heads_longer_name(f, at(f, first), at(f, last) + 1)


def test_the_adjective_of_the_state_a_place_lies_in_joins_it_and_picks_its_namesake(finder):
    """سنجار العراقية: the adjective of the state after a place's name is part of the phrase, and only
    the namesakes in that state remain; an adjective of another state is left out (سنجار التركية)."""
    f = finder("قصفت الطائرات مدينة سنجار العراقية أمس.")
    i = at(f, "سنجار")
    h = places.place_hit(f, i)
    assert places.nationality_end(f, h, h.j) == i + 2
    places.add_place(f, h)
    m = f.out[-1]
    assert m.place_ids == ["world:iq-sinjar"] and m.name == "سنجار" and m.text.endswith("العراقية")
    f = finder("قصفت الطائرات مدينة سنجار التركية أمس.")
    h = places.place_hit(f, at(f, "سنجار"))
    assert places.nationality_end(f, h, h.j) == h.j


def test_a_city_after_a_charter_or_agreement_word_names_that_thing(finder):
    """place21: ميثاق حلب، اتفاق حلب، دول إدلب: the charter, the agreement or the states of a region,
    not the place; اتفاق في حلب (a preposition) and a bare حلب stay the city."""
    _place_hit_decided(finder, places.names_a_thing, True, (
        ("وقع الطرفان على ميثاق حلب للسلام.", "حلب"), ("ودعا إلى تطبيق اتفاق حلب فورا.", "حلب"),
        ("وانتهت أزمة حلب بعد شهرين.", "حلب")))
    _place_hit_decided(finder, places.names_a_thing, False, (
        ("وجرى الاتفاق في حلب أمس.", "حلب"), ("ووقع اتفاق بحلب أمس.", "بحلب"), ("قصفت الطائرات حلب أمس.", "حلب")))


def test_a_facility_word_before_a_quoted_place_name_takes_it_in(finder):
    """مطار "سنجار": an opening quote between a facility word and a known place's name does not part
    them: the mention is the site named after the place, as without the quote, and says why."""
    f = finder('قصفت المسيرة مطار "سنجار" أمس.')
    places.add_place(f, places.place_hit(f, at(f, "سنجار")))
    m = f.out[-1]
    assert m.facility and m.tok[0] == at(f, "مطار") and m.name == "سنجار" and "quoted" in m.why
    assert f.doc.text[m.start:m.end] == m.text == 'مطار "سنجار'
    f = finder('قصفت المسيرة مطار، "سنجار" أمس.')
    places.add_place(f, places.place_hit(f, at(f, "سنجار")))
    assert not f.out[-1].facility and f.out[-1].text == "سنجار"


def test_a_place_in_a_slogan_after_its_head_word_is_no_place():
    """tolls28: شهيداً على طريق القدس: a place of slogan_places right after a word of slogan_heads is
    the cause a fighter died for; apart (طريق إلى القدس), or another place after the head, it stays."""
    from types import SimpleNamespace

    from rasd.kb.yamlfile import load

    lex = load("lexicon")
    assert "طريق" in lex["slogan_heads"] and "القدس" in lex["slogan_places"]

    class F:
        def __init__(self, lists, joined=True):
            self.lists, self._joined = lists, joined

        def joined(self, i):
            return self._joined

        def is_(self, i, lst):
            return lst in self.lists.get(i, ())

    hit = SimpleNamespace(i=4, j=5, prefix=0, payloads=())
    assert places.in_slogan(F({3: {"slogan_heads"}, 4: {"slogan_places"}}), 4, hit)
    assert not places.in_slogan(F({3: {"slogan_heads"}}), 4, hit)               # another place
    assert not places.in_slogan(F({4: {"slogan_places"}}), 4, hit)              # no head word before it
    assert not places.in_slogan(F({3: {"slogan_heads"}, 4: {"slogan_places"}}, joined=False), 4, hit)
    assert not places.in_slogan(F({3: {"slogan_heads"}, 4: {"slogan_places"}}), 4,
                                SimpleNamespace(i=4, j=6, prefix=0, payloads=()))   # a longer name


def _with_world_region(word: str):
    """Finder factory over the miniature gazetteer plus one world-list region named by ``word``, an
    everyday word of the corpora (as الجليل "venerable" is)."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.arabic.normalize import fold_str
    from rasd.kb.gazetteer import WORLD_SOURCE, Gazetteer, Place
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    region = Place("world:zz-test-region", word, "Test region", 32.9, 35.4, "region", source=WORLD_SOURCE,
                   country="zz")
    places = geo_fake.ALL + [region]
    gaz = Gazetteer({p.id: p for p in places}, [(p.name_ar, p.id) for p in places])
    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=gaz, given_names=frozenset({"سامر"}), common_words=frozenset(map(fold_str, ("الجليلة", "جميلة"))))
    return lambda text: Finder(doc_of(text), res.mention_index)


def test_an_everyday_word_that_names_a_world_region_is_the_region_after_a_place_preposition():
    """place28: في الجليل is the Galilee, while الجليل after the noun it praises is the adjective."""
    make = _with_world_region("الجليلة")
    f = make("سقطت الصواريخ في الجليلة أمس.")
    assert places.place_hit(f, at(f, "الجليلة")) is not None
    f = make("أطلقت الصواريخ إلى الجليلة أمس.")
    assert places.place_hit(f, at(f, "الجليلة")) is not None
    f = make("وهذا العمل الجليلة جميلة.")
    assert places.place_hit(f, at(f, "الجليلة")) is None


def _places_found(index, text: str) -> list:
    from hand_docs import doc_of

    from rasd.stages.mentions.finder import find
    return [m for m in find(doc_of(text), index) if m.type == "PLACE"]


def test_a_town_with_its_new_or_old_quarter_adjective_is_the_quarter(index):
    """lexicon quarter_adjectives: حلب الجديدة is a place of its own inside the town, named and keyed by
    the whole phrase, the type word before it left out of the span, coded to the town's ids."""
    ms = _places_found(index, "انفجرت عبوة في حي حلب الجديدة صباح اليوم.")
    assert len(ms) == 1
    m = ms[0]
    assert m.text == "حلب الجديدة" and m.name == "حلب الجديدة" and m.facility
    assert "ocha:C1007" in m.place_ids and "quarter_adjectives" in m.why


def test_a_quarter_adjective_after_no_town_is_not_read(index):
    """إدلب is a governorate only (no city or locality among its namesakes): its adjective is no quarter."""
    ms = _places_found(index, "وصلت التعزيزات إلى إدلب الجديدة أمس.")
    assert all(m.text != "إدلب الجديدة" and not (m.why or "").startswith("a town's name") for m in ms)
