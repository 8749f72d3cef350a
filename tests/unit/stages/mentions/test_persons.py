"""rasd.stages.mentions.persons: given names, titles, lineages, surnames."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import persons


def test_a_given_name_with_a_family_name(finder):
    f = finder("قال سامر العلي إن المعارك مستمرة.")
    i = at(f, "سامر")
    assert persons.person_at(f, i) == i + 2


def test_a_lineage_takes_every_name_after_its_joiner(finder):
    f = finder("وصل خالد بن سامر العلي إلى المدينة.")
    i = at(f, "خالد")
    assert persons.person_at(f, i) == at(f, "العلي") + 1


def test_a_conjunction_on_a_given_name_is_its_prefix(finder):
    f = finder("وصل وخالد العلي.")
    assert persons.given_prefix(f, at(f, "وخالد")) == 1 and persons.given_prefix(f, at(f, "العلي")) is None


def test_a_title_two_words_back_makes_a_name(finder):
    f = finder("قال وزير الدفاع نديم الحسن إن الهجوم فشل.")
    assert persons.titled(f, at(f, "نديم"))
    assert not persons.titled(f, at(f, "الهجوم"))


def test_a_word_of_no_person_class_opens_a_name_only_after_a_title(finder):
    """person_at's gate: a word that is no given name, kunya or ambiguous name is tried only when a
    title (or an alias marker) stands before it; after a place type word it opens no name."""
    from rasd.stages.mentions.index import PERSON

    f = finder("قال العقيد المنشق نديم الحسن إن الهجوم فشل.")
    i = at(f, "نديم")
    assert not f.words[i][0] & PERSON and persons.person_at(f, i) == i + 2
    f = finder("دخلت القوات قرية نديم الحسن أمس.")
    assert persons.person_at(f, at(f, "نديم")) is None


def test_a_surname_alone_later_is_the_same_person(finder):
    f = finder("قال سامر العلي إن المعارك مستمرة. وأضاف العلي أن القصف توقف.")
    i = at(f, "سامر")
    persons.add_person(f, i, persons.person_at(f, i))
    persons.surnames(f)
    assert [m.text for m in f.out] == ["سامر العلي", "العلي"] and f.out[1].surname_of == "سامر العلي"


def test_the_family_marker_takes_the_family_name_even_an_ordinary_word(finder):
    f = finder("استقبل خالد بن سامر آل ثاني الوفد.")
    assert persons.person_at(f, at(f, "خالد")) == at(f, "ثاني") + 1
    f = finder("وصل خالد بن سامر آل من دمشق.")      # a stop word is no family name
    assert persons.person_at(f, at(f, "خالد")) == at(f, "سامر") + 1


def test_a_given_name_behind_a_preposition_before_a_family_name(finder):
    f = finder("بعد الإطاحة بسامر العلي أمس.")
    i = at(f, "بسامر")
    assert persons.given_prefix(f, i) == 1 and persons.person_at(f, i) == i + 2
    f = finder("مر بخالد في الطريق.")            # no family name after it: an ordinary word read
    assert persons.given_prefix(f, at(f, "بخالد")) is None


def _finder_where_allah_is_an_ordinary_word(text: str):
    """As in the installed data, where the NER corpora use الله mostly outside names."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=geo_fake.fake_gazetteer(), given_names=frozenset({"سامر", "خالد"}),
        common_words=frozenset({"الله"}))
    return Finder(doc_of(text), res.mention_index)


def test_a_compound_given_name_after_a_title():
    f = _finder_where_allah_is_an_ordinary_word("وقال الشيخ عبد الله أحد العسكريين إن الثوار انسحبوا.")
    i = at(f, "عبد")
    assert persons.person_at(f, i) == i + 2


def test_a_given_name_closed_by_the_compound_end():
    f = _finder_where_allah_is_an_ordinary_word("وقال المتحدث سامر الله إن الهجوم فشل.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "الله") + 1


def test_a_kunya_after_a_weapon_word_is_the_weapons_name(finder):
    f = finder("وأطلقوا مائتي صاروخ أبو سامر على المدينة.")
    assert persons.person_at(f, at(f, "أبو")) is None
    f = finder("وقال أبو سامر إن الهجوم فشل.")
    assert persons.person_at(f, at(f, "أبو")) is not None


def test_a_type_word_behind_a_proclitic_is_no_name_part(finder):
    f = finder("قال الناطق العسكري لكتائب العلي إن الهجوم فشل.")
    assert not f.name_like(at(f, "لكتائب"), first=True)


def _with_common(*words: str):
    """A finder over the fixture's parts with these (folded) ordinary words."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder
    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=geo_fake.fake_gazetteer(), given_names=frozenset({"سامر", "خالد"}),
        common_words=frozenset(words))
    return lambda text: Finder(doc_of(text), res.mention_index)


def test_a_name_set_off_by_commas_after_its_role_runs_to_the_comma():
    finder = _with_common("كبيره", "جميله")   # ordinary words: no name part elsewhere
    f = finder("وأكد المتحدث باسم وزارة الصحة، سامر كبيرة، أن الوضع صعب.")
    i = at(f, "سامر")
    assert persons.person_at(f, i) == at(f, "كبيرة") + 1
    f = finder("وأكد سامر كبيرة أن الوضع صعب.")
    assert persons.person_at(f, at(f, "سامر")) is None


def test_a_titled_name_after_the_role_comma_runs_to_the_next_comma():
    f = _with_common("كبيره", "جميله")("وأفاد المتحدث باسم القوات، العميد سامر جميلة، بأن الطيران شن غارات.")
    i = at(f, "سامر")
    assert persons.person_at(f, i) == at(f, "جميلة") + 1


def test_no_apposition_without_a_role_or_the_closing_comma(finder):
    f = finder("وصل الوفد إلى المدينة، سامر كبيرة، أمس.")        # no title before the comma
    assert persons._apposition(f, at(f, "سامر")) is None
    f = finder("وأكد المتحدث باسم الوزارة، سامر كبيرة أن الوضع صعب.")   # no comma after the name
    assert persons._apposition(f, at(f, "سامر")) is None
    f = finder("وأكد المتحدث باسم الوزارة، سامر وخالد، أن الوضع صعب.")   # two names, not one
    assert persons._apposition(f, at(f, "سامر")) is None


def test_ali_spelled_as_the_name_is_a_fathers_name_between_two_name_parts(finder):
    f = finder("وأصيب الفتى سامر علي شبات (13 عاما) بجروح.")
    i = at(f, "سامر")
    assert persons.person_at(f, i) == at(f, "شبات") + 1
    f = finder("وحصل سامر على شبات (13 عاما).")     # the preposition, as written
    assert not persons._father_ambiguous(f, at(f, "سامر"), at(f, "سامر") + 1)


def test_a_place_before_the_role_comma_does_not_make_the_name_a_list_item(index):
    from hand_docs import doc_of

    from rasd.stages.mentions.finder import find
    text = "وقال المتحدث في حلب، سامر العلي، إن الوضع صعب."
    got = [(m.text, m.type) for m in find(doc_of(text), index)]
    assert ("حلب", "PLACE") in got and ("سامر العلي", "PERSON") in got


# ---- names read part by part (given, father, grandfather, family) ------------------------------

def test_a_name_runs_over_the_fathers_and_grandfathers_given_names_to_the_family_name(finder):
    f = finder("اعتقلت القوات سامر زياد فادي العلي أمس.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "العلي") + 1


def test_a_family_name_closes_the_name(finder):
    f = finder("قال سامر زياد العلي فادي إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "العلي") + 1


def test_a_word_that_is_no_given_name_ends_the_chain(finder):
    f = finder("قال سامر زياد مساء أمس إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "زياد") + 1


def test_a_compound_given_name_keeps_the_name_open_for_the_fathers_name(finder):
    f = finder("اعتقلت القوات ذبيح الله سامر زياد أمس.")
    assert persons.person_at(f, at(f, "ذبيح")) == at(f, "زياد") + 1


def test_a_lineage_takes_a_compound_ancestor_name(finder):
    f = finder("استقبل خالد بن عبد الله في المدينة.")
    assert persons.person_at(f, at(f, "خالد")) == at(f, "الله") + 1


def test_a_name_ends_before_an_organisations_type_word(finder):
    """إلهام البنك التجاري: a bank's type word is no family name; a given name left alone is no
    name of the pattern, and a longer one keeps its parts before the type word."""
    f = finder("كان مصدر إلهام سامر البنك التجاري للنجاح.")
    assert persons.person_at(f, at(f, "سامر")) is None
    f = finder("وقال سامر خالد البنك إن المعارك مستمرة.")
    assert persons._before_org_word(f, at(f, "سامر"), at(f, "البنك") + 1) == at(f, "البنك")
    assert persons._before_org_word(f, at(f, "سامر"), at(f, "خالد") + 1) == at(f, "خالد") + 1


def test_ali_as_written_is_a_grandfather_s_name_and_a_bare_family_name_closes_it(finder):
    """سامر خالد علي زهر الذي …: علي, spelled as the name, between the father's name and a bare family
    name that a clear end follows, is the grandfather's name; the family name closes the name."""
    f = finder("زفت المقاومة الشهيد سامر خالد علي زهر الذي ارتقى.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "زهر") + 1
    f = finder("وصل سامر خالد على المدينة.")   # the preposition على, as written, is no name
    assert persons.person_at(f, at(f, "سامر")) == at(f, "خالد") + 1


def test_ali_opens_a_name_set_off_by_commas_after_a_role(finder):
    f = finder("وتوجه وزير الدفاع، علي كرمول زهران، إلى المدينة.")   # كرمول: no known given name
    assert persons.person_at(f, at(f, "علي")) == at(f, "زهران") + 1


def test_a_role_noun_with_its_adjective_is_not_a_third_name_part():
    """كرمول زيتوني محلل سياسي: a bare third word followed by a relative adjective made from an ordinary
    word (سياسي, from سياسة) is a role (analyst), not the name's third part."""
    import geo_fake
    from hand_docs import doc_of

    from rasd.arabic.normalize import fold_str
    from rasd.kb.resources import Resources
    from rasd.stages.mentions.context import Finder

    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=geo_fake.fake_gazetteer(), given_names=frozenset({"سامر"}), common_words=frozenset({fold_str("سياسة")}))
    f = Finder(doc_of("وأكد كرمول زيتوني محلل سياسي أن الهجوم فشل."), res.mention_index)
    assert not persons._foreign_three(f, at(f, "محلل"))
    f = Finder(doc_of("وأكد كرمول زيتوني محلل، أن الهجوم فشل."), res.mention_index)
    assert persons._foreign_three(f, at(f, "محلل"))


def test_ali_as_written_opens_a_name_before_a_nisba_family_name(finder):
    f = finder("وقال علي الزهراني إن الوضع هادئ.")    # علي spelled as the name, a nisba family name
    assert persons.person_at(f, at(f, "علي")) == at(f, "الزهراني") + 1
    f = finder("وحصل علي المؤشرات أمس.")    # the preposition written علي before a plural noun: no name
    assert persons.person_at(f, at(f, "علي")) is None
    f = finder("وقال على الزهراني إن الوضع هادئ.")    # the preposition as written
    assert persons.person_at(f, at(f, "على")) is None
    f = finder("وسيطر علي التمانعة أمس.")                 # a place after it: no name
    assert persons.person_at(f, at(f, "علي")) is None


# ---- round 19: facilities named after a person; a family name set off by punctuation ------------

def test_a_name_after_an_article_less_facility_word_is_the_facility(finder):
    """مصنع سامر زياد، مدرسة الشيخ سامر العلي: a facility named after a person is no person; a definite
    facility word stands in apposition (the finder leaves the name to the other rules)."""
    f = finder("وقصفت الطائرات مصنع سامر العلي في المدينة.")
    assert persons.person_at(f, at(f, "سامر")) is None
    f = finder("وقصفت الطائرات مصنع \"سامر العلي\" في المدينة.")
    assert persons.person_at(f, at(f, "سامر")) is None
    f = finder("وقال سامر العلي إن المصنع قصف.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "العلي") + 1


def test_a_bare_family_name_set_off_by_punctuation_closes_a_two_part_name(finder):
    """سامر زياد كرمول، …: a bare word after a two-part name, followed by a comma or a full stop, is
    the family name; followed by a stop word or a noun it is not taken (a verb may stand there)."""
    f = finder("واعتقلت القوات سامر زياد كرمول، ثم انسحبت.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "كرمول") + 1
    f = finder("واعتقلت القوات سامر زياد كرمول. ثم انسحبت.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "كرمول") + 1
    f = finder("وقال سامر زياد كرمول إن المعارك مستمرة.")   # (the other rules may take it: _foreign_three)
    end = at(f, "زياد") + 1
    assert persons._closing_family(f, at(f, "سامر"), end) == end
    f = finder("وقال سامر زياد كرمولا، ثم انسحب.")   # an accusative is no family name
    end = at(f, "زياد") + 1
    assert persons._closing_family(f, at(f, "سامر"), end) == end


# ---- round 21 (person21) ----------------------------------------------------------------------------

def test_a_compound_given_name_with_a_definite_second_word_reads_on_to_the_family_name(finder):
    """سامر زياد عبد المحسن العلي: المحسن ends the compound عبد المحسن, not the name."""
    f = finder("اعتقلت القوات سامر زياد عبد المحسن العلي أمس.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "العلي") + 1


def test_a_title_that_is_a_family_name_closes_a_name_before_a_clear_end(finder):
    f = finder("وقال سامر الشيخ، إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "الشيخ") + 1
    f = finder("وقال سامر زياد القاضي إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "القاضي") + 1
    # a title opening the next name, or a title of an office, is no family name
    f = finder("واستقبل سامر زياد الشيخ خالد في المدينة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "زياد") + 1
    f = finder("وقال سامر زياد المتحدث باسم الجيش إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "زياد") + 1


def test_a_kunya_with_a_number_after_it_is_a_designation(finder):
    f = finder("أسقطت الدفاعات طائرة مسيرة من نوع أم كيو 9 فوق المدينة.")
    assert persons.person_at(f, at(f, "أم")) is None
    f = finder("وصل أبو سامر العلي إلى المدينة.")
    assert persons.person_at(f, at(f, "أبو")) == at(f, "العلي") + 1


def test_an_ordinary_word_listed_as_a_family_name_closes_the_name():
    """سامر الصباح، سامر بن خالد الصباح: a definite family name that is also an ordinary word (lexicon
    ordinary_surnames) closes the name right after a name part, whatever follows it (round 22)."""
    finder = _with_common("صباح", "مسا")   # folded
    f = finder("وقال سامر الصباح إن الوضع خطير.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "الصباح") + 1
    f = finder("وكان الشيخ سامر بن خالد الصباح أكد ضرورة التنسيق.")
    assert persons.person_at(f, at(f, "سامر")) == at(f, "الصباح") + 1
    # an ordinary word with the article that is not listed ends the name before it
    f = finder("وقال سامر المساء إن الوضع خطير.")
    assert persons.person_at(f, at(f, "سامر")) is None
    f = finder("وقال سامر صباح اليوم إن الوضع خطير.")       # no article: the time of day
    assert persons.person_at(f, at(f, "سامر")) is None


def test_ali_as_written_opens_a_name_after_a_person_noun(finder):
    """الطفل علي X، الرضيع الفلسطيني علي X: after a person noun (lexicon person_nouns), maybe over a
    nationality, علي as the name is written opens a name before a name word (round 22); before an
    ordinary word it is the preposition, and spelled على it is none."""
    finder = _with_common("معدل", "التفكير")
    f = finder("وكان الطفل الفلسطيني علي زيتوني قد أصيب أمس.")
    assert persons.person_at(f, at(f, "علي")) == at(f, "زيتوني") + 1
    f = finder("وشيع الأهالي الشهيد علي سامر العلي أمس.")
    assert persons.person_at(f, at(f, "علي")) == at(f, "العلي") + 1
    f = finder("وفي حال حصول الطالب علي معدل أقل لا يحق له.")
    assert persons.person_at(f, at(f, "علي")) is None
    f = finder("تنمية قدرة الطفل علي التفكير السليم.")
    assert persons.person_at(f, at(f, "علي")) is None
    f = finder("وكان الطفل على زيتوني قد أصيب أمس.")        # the preposition's spelling
    assert persons.person_at(f, at(f, "على")) is None
    f = finder("وكان الفريق علي زيتوني قد وصل أمس.")          # no person noun before it
    assert persons.person_at(f, at(f, "علي")) is None


def test_a_bare_name_after_a_verb_of_naming_is_a_person(finder):
    """رجل يدعى X Y: after a verb of naming (lexicon naming_verbs) a bare name opens a person, whatever
    its words, and says why; in quotes (a ship, a firm: تدعى "X") it opens none."""
    f = finder("واعتقلت الشرطة رجلا يدعى كرمول زيتوني أمس.")
    i = at(f, "كرمول")
    assert persons.person_at(f, i) == i + 2
    persons.add_person(f, i, i + 2)
    assert "يدعى" in f.out[-1].why
    f = finder('ورست في الميناء سفينة تدعى "كرمول زيتوني" أمس.')
    assert persons.person_at(f, at(f, "كرمول")) is None
    f = finder("وقال شاهد كرمول زيتوني إن القصف توقف.")     # no verb of naming, no given name: no name
    assert persons.person_at(f, at(f, "كرمول")) is None


def test_a_kunya_behind_a_conjunction_opens_the_next_person_of_a_list(finder):
    f = finder("قتل القياديان أبو حمزة الفرنسي وأبو قتادة التونسي في الغارة.")
    i = at(f, "أبو")
    assert persons.person_at(f, i) == at(f, "الفرنسي") + 1



def test_an_unknown_name_set_off_by_commas_after_its_role_is_a_person(finder):
    """وزير الدفاع الكيني، عدن دوالي، …: a name the lists lack (its given name even a place's) after a
    role phrase holding a title, closed by a comma, is a person; a clause set off so is not."""
    f = finder("رفعت دعوى ضد وزير الدفاع الكيني، عدن دوالي، بشأن الجيش.")
    i = at(f, "عدن")
    assert persons._unknown_apposition(f, i) == i + 2
    f = finder("وقال وزير الخارجية، خلال مؤتمر صحفي، إن المحادثات فشلت.")
    assert persons._unknown_apposition(f, at(f, "خلال")) is None
    f = finder("وقال المتحدث باسم الجيش، في بيان، إن القوات تقدمت.")
    assert persons._unknown_apposition(f, at(f, "في")) is None


def test_a_kunya_after_a_ship_word_is_the_ships_name(finder):
    """السفينة "أم سامر": a ship named so is no person (Round 28: person28)."""
    f = finder('واستهدفوا السفينة "أم سامر" في البحر.')
    assert persons.person_at(f, at(f, "أم")) is None


def test_the_tokens_after_a_comma_are_those_whose_gap_before_is_a_comma_alone(finder):
    """appositions reads only the tokens right after a comma (found by str.find, not a test of every
    gap): the same tokens as every gap tested, a comma inside a longer gap (، و) or before the first
    word or after the last one giving none, an Arabic and a Latin comma both counting."""
    from rasd.stages.mentions.persons import _after_commas, _commas
    for text in ("، قال المتحدث، سامر خالد ، إن القصف, استمر،",
                 "قال،، سامر ،و خالد . ، بيروت ,,",
                 "لا فاصلة هنا", "", "،"):
        f = finder(text)
        assert _after_commas(f) == [i for i in range(1, f.n) if _commas(f.gap(i - 1))], text
    f = finder("قال المتحدث، سامر خالد ، إن القصف, استمر")
    assert [f.doc.text[f.toks[i].start:f.toks[i].end] for i in _after_commas(f)] == ["سامر", "إن", "استمر"]


def test_a_surname_is_read_wherever_a_later_word_ends_in_it(finder):
    """surnames picks the words ending in a surname by one pass over the document's keys: a later
    bare surname and one behind a conjunction (والعلي) are read, the words of the name itself and
    a word ending otherwise (الشمالي) are not."""
    f = finder("قال سامر العلي إن المعارك مستمرة. وأكد العلي ذلك، ثم عاد والعلي وسافر الشمالي.")
    i = at(f, "سامر")
    persons.add_person(f, i, persons.person_at(f, i))
    persons.surnames(f)
    assert [m.text for m in f.out] == ["سامر العلي", "العلي", "العلي"]
    assert f.out[2].tok[0] == at(f, "والعلي") and f.out[1].tok[0] == at(f, "وأكد") + 1
    assert all(m.surname_of == "سامر العلي" for m in f.out[1:])


def test_after_a_title_an_unknown_given_name_opens_before_a_known_fathers_name(finder):
    """العريف فاهم سامر العلي: after a title, a bare word no list knows, followed by a known given name
    (the father's) and a third name word, opens the name; a rank's qualifier (title_modifiers: ركن) does not."""
    f = finder("استشهد العريف فاهم سامر العلي أمس.")
    assert persons.person_at(f, at(f, "فاهم")) == at(f, "العلي") + 1
    f = finder("قال العميد ركن سامر العلي إن القوات تقدمت.")
    assert persons.person_at(f, at(f, "ركن")) is None
    assert persons.person_at(f, at(f, "سامر")) == at(f, "العلي") + 1
    f = finder("استشهد فاهم سامر العلي أمس.")   # no title before it: the lists' given name opens the name
    assert persons.person_at(f, at(f, "فاهم")) is None


def test_an_unknown_given_name_opens_only_after_a_definite_title(finder):
    """والعريف فاهم …: the article behind a conjunction still makes the title definite; a title in construct
    (محافظ X: the town it governs) or a word behind a preposition and the article (للتعليم) opens no name."""
    f = finder("استشهد سامر العلي والعريف فاهم سامر العلي أمس.")
    assert persons.person_at(f, at(f, "فاهم")) == at(f, "فاهم") + 3
    f = finder("حضر محافظ عفيف سامر العلي الحفل.")
    assert persons.person_at(f, at(f, "عفيف")) is None
    f = finder("حضر المدير العام للتعليم سامر العلي الحفل.")
    assert persons.person_at(f, at(f, "للتعليم")) is None


def test_two_bare_words_after_a_definite_title_are_a_foreign_name(finder):
    """وأضافت المراسلة X Y أن: after a definite title (a reporter's too, Round 34), two bare words no list
    or vocabulary knows, ending clearly, are a transliterated name; not after a title in construct
    (محافظ X: the town it governs), nor when an ordinary word runs on after them."""
    f = finder("وأضافت المراسلة زويا كرمندي أن الحرب طويلة.")
    i = at(f, "زويا")
    assert persons.person_at(f, i) == i + 2
    f = finder("وقال محافظ زويا كرمندي إن الحرب طويلة.")
    assert persons.person_at(f, at(f, "زويا")) is None
    f = finder("وأضافت المراسلة زويا كرمندي جميلة جدا.")
    assert persons.person_at(f, at(f, "زويا")) is None


def test_a_compound_grandfathers_name_inside_a_name_chain(finder):
    """خالد سامر عبد الله العلي: a compound given name (عبد الله) between the father's name and the family
    name is the grandfather's, one name; the rule asks for the family name after it."""
    f = finder("قال خالد سامر عبد الله العلي إن المعارك مستمرة.")
    assert persons.person_at(f, at(f, "خالد")) == at(f, "العلي") + 1
    assert persons._compound_ancestor(f, at(f, "عبد"))
    f = finder("حضر خالد سامر عبد الله أمس.")
    assert not persons._compound_ancestor(f, at(f, "عبد"))


def test_a_gap_breaks_a_phrase_when_it_holds_a_break_mark():
    """_breaks is the test of every character of the gap against the break marks (quotes, white
    space and letters break nothing)."""
    from rasd.stages.mentions.persons import _BREAKS, _breaks

    gaps = ["", " ", "، ", " , ", ". ", " (", "«", " » ", "؛", "\n", ":", "ab", " - ", "!?"]
    assert [_breaks(g) for g in gaps] == [any(c in _BREAKS for c in g) for g in gaps]
    assert _breaks("، ") and not _breaks(" « ")


def test_a_bare_word_after_a_person_noun_before_a_given_name_chain_opens_the_name(finder):
    """الفتاة X سامر العلي: after a person noun (feminine too), a bare word the lists lack followed by
    a known given name and a name word is the given name the lists lack; a noun with a pronoun there
    (وكيله: the person's agent) is none, and without the person noun the word opens nothing."""
    f = finder("استشهدت الفتاة ميمونة سامر العلي أمس.")
    i = at(f, "ميمونة")
    assert persons.person_at(f, i) == at(f, "العلي") + 1
    f = finder("أهدى اللاعب وكيله سامر العلي هدية.")
    assert persons.person_at(f, at(f, "وكيله")) is None
    f = finder("استشهدت ميمونة سامر العلي أمس.")
    assert persons.person_at(f, at(f, "ميمونة")) is None
