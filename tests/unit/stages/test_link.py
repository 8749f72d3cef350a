"""The link stage on hand-built mentions: which mentions become one entity, and why."""
from __future__ import annotations

from hand_docs import doc_of, mention

from rasd.doc import Mention
from rasd.kb.gazetteer import Place
from rasd.kb.knowledge import ContextName, Sense
from rasd.kb.resources import Resources
from rasd.stages.link import (Link, country_votes, link, read_in_context, report_country, resolve_context_names,
                              sites_apart, tied_countries)

LINK = Link(Resources("/nonexistent-rasd-data"))


def linked(text: str, *specs):
    doc = doc_of(text)
    doc.mentions = sorted((mention(doc, s, t, n, **kw) for s, t, n, kw in specs), key=lambda m: m.start)
    return LINK(doc)


def test_a_short_form_joins_the_actor_named_before_it():
    doc = linked("أعلنت هيئة تحرير الشام النفير. وقال بيان للهيئة إن مقاتليها جاهزون.",
                 ("هيئة تحرير الشام", "ACTOR", 0, {"kb_id": "actor:hts"}),
                 ("هيئة", "ACTOR", 1, {"kb_id": "actor:hts", "short": True}))
    (e,) = doc.entities
    assert e.kb_id == "actor:hts" and len(e.mentions) == 2 and e.name_en
    assert e.mentions[1].why.startswith("short form of actor:hts, named before it")


def test_a_short_form_with_no_full_name_in_the_report_is_dropped():
    doc = linked("وقال بيان للهيئة إن مقاتليها جاهزون.", ("هيئة", "ACTOR", 0, {"kb_id": "actor:hts", "short": True}))
    assert doc.entities == []


def test_sources_word_refers_back_to_the_last_source():
    doc = linked("قال المرصد إن الاشتباكات مستمرة. وأضافت المصادر أن القصف توقف.",
                 ("المرصد", "SOURCE", 0, {}), ("المصادر", "SOURCE", 0, {"anaphor": True}))
    (e,) = doc.entities
    assert [m.text for m in e.mentions] == ["المرصد", "المصادر"] and "last source" in e.mentions[1].why


def test_a_surname_alone_joins_the_full_name():
    doc = linked("قال رامي عبد الرحمن إن القصف مستمر. وأضاف عبد الرحمن أن الطيران غائب.",
                 ("رامي عبد الرحمن", "PERSON", 0, {"pattern": True}),
                 ("عبد الرحمن", "PERSON", 1, {"pattern": True}))
    (e,) = doc.entities
    assert e.name_ar == "رامي عبد الرحمن" and "longer name" in e.mentions[1].why


def test_a_type_word_does_not_split_a_place():
    doc = linked("دخلت القوات مدينة الزبداني. وقصفت الطائرات الزبداني.",
                 ("مدينة الزبداني", "PLACE", 0, {}), ("الزبداني", "PLACE", 1, {}))
    (e,) = doc.entities
    assert e.type == "PLACE" and len(e.mentions) == 2


def _camp_doc(camp_ids, town_ids):
    doc = doc_of("داهمت القوات مخيم نابلس ثم انسحبت إلى نابلس.")
    doc.mentions = [mention(doc, "مخيم نابلس", "PLACE", 0, place_ids=camp_ids),
                    mention(doc, "نابلس", "PLACE", 0, place_ids=town_ids)]
    names = {"نابلس": town_ids}
    return doc, sites_apart(doc.mentions, frozenset({"مخيم"}), {"مخيم": "known_apart"}, lambda key: names.get(key, []))


def test_a_camp_with_a_gazetteer_entry_of_its_own_is_apart_from_its_town():
    doc, apart = _camp_doc(["world:camp"], ["world:town"])
    assert apart == {id(doc.mentions[0])} and "entry of its own" in doc.mentions[0].why
    doc = link(doc, LINK.resources.kb, apart=apart)
    assert [e.name_ar for e in doc.entities] == ["مخيم نابلس", "نابلس"]


def test_a_camp_sharing_its_entry_with_the_bare_name_is_the_same_place():
    doc, apart = _camp_doc(["world:town"], ["ocha:C1", "world:town"])
    assert apart == frozenset() and doc.mentions[0].why is None
    (e,) = link(doc, LINK.resources.kb, apart=apart).entities
    assert len(e.mentions) == 2


def test_a_camp_the_gazetteer_does_not_know_is_its_town_and_a_site_is_apart_without_asking_it():
    """A word with the condition (مخيم) asks the gazetteer only for a mention it placed, and a camp
    the gazetteer did not place is its town; a word without one (مطار) is apart without asking."""
    doc = doc_of("هبطت طائرة في مطار نابلس وداهمت القوات مخيم نابلس.")
    doc.mentions = [mention(doc, "مطار نابلس", "PLACE", 0), mention(doc, "مخيم نابلس", "PLACE", 0)]
    asked = []
    apart = sites_apart(doc.mentions, frozenset({"مطار", "مخيم"}), {"مخيم": "known_apart"}, asked.append)
    assert apart == {id(doc.mentions[0])} and asked == [] and doc.mentions[0].why is None


def test_two_unknown_names_stay_two_entities():
    doc = linked("قال سامر إن خالد غادر.", ("سامر", "PERSON", 0, {}), ("خالد", "PERSON", 0, {}))
    assert [e.name_ar for e in doc.entities] == ["سامر", "خالد"]


def test_a_partial_name_joins_the_first_group_named_in_the_report_with_it():
    doc = linked("قال رامي عبد الرحمن وخالد عبد الرحمن إن القصف مستمر. وأضاف عبد الرحمن أن الطيران غائب.",
                 ("رامي عبد الرحمن", "PERSON", 0, {"pattern": True}),
                 ("خالد عبد الرحمن", "PERSON", 0, {"pattern": True}),
                 ("عبد الرحمن", "PERSON", 2, {"pattern": True}))
    assert [e.name_ar for e in doc.entities] == ["رامي عبد الرحمن", "خالد عبد الرحمن"]
    assert [m.text for m in doc.entities[0].mentions] == ["رامي عبد الرحمن", "عبد الرحمن"]


def test_the_longer_name_given_as_the_reason_is_the_longest_written():
    # one person written two ways (same name); the reason quotes the longest writing, whatever the
    # hash seed (the names were once a set, and the reason changed from run to run)
    doc = linked("استقبل سلمان بن عبد العزيز الوفد. وقال الملك سلمان بن عبد العزيز إن عبد العزيز حاضر.",
                 ("سلمان بن عبد العزيز", "PERSON", 0, {"pattern": True}),
                 ("الملك سلمان بن عبد العزيز", "PERSON", 0, {"pattern": True, "name": "سلمان بن عبد العزيز"}),
                 ("عبد العزيز", "PERSON", 2, {"pattern": True}))
    (e,) = doc.entities
    assert e.mentions[-1].why == "part of the longer name 'الملك سلمان بن عبد العزيز' in the report"


def test_part_of_a_longer_name_says_the_longest_whatever_the_hash_seed():
    """The why once named whichever longer name a set of strings gave first (it changed with
    PYTHONHASHSEED); it names the longest."""
    from rasd.stages.link import _merge_partial_names

    doc = doc_of("وصل سلمان بن عبد العزيز. واستقبل الملك سلمان بن عبد العزيز الوفد. وقال عبد العزيز إن اللقاء مثمر.")
    long1 = mention(doc, "سلمان بن عبد العزيز", "PERSON")
    long2 = mention(doc, "الملك سلمان بن عبد العزيز", "PERSON")
    short = mention(doc, "عبد العزيز", "PERSON", nth=2)
    groups = {"person:سلمان بن عبد العزيز": [long1, long2], "person:عبد العزيز": [short]}
    _merge_partial_names(groups)
    assert list(groups) == ["person:سلمان بن عبد العزيز"] and short in groups["person:سلمان بن عبد العزيز"]
    assert short.why == "part of the longer name 'الملك سلمان بن عبد العزيز' in the report"


def test_a_kunya_in_its_three_cases_is_one_person():
    doc = linked("قال أبو عبيدة إن الهجوم فشل. وأكد أبا عبيدة ذلك. ونقل عن أبي عبيدة قوله.",
                 ("أبو عبيدة", "PERSON", 0, {}), ("أبا عبيدة", "PERSON", 0, {}), ("أبي عبيدة", "PERSON", 0, {}))
    (e,) = doc.entities
    assert len(e.mentions) == 3
    doc = linked("قال أبو عبيدة إن الهجوم فشل. وأكد أبو حمزة ذلك.",
                 ("أبو عبيدة", "PERSON", 0, {}), ("أبو حمزة", "PERSON", 0, {}))
    assert len(doc.entities) == 2


# ---- names whose meaning depends on the report (actors.yaml in_context) -----------------------


GUARD = ContextName(senses=(Sense("actor:ye_guard", frozenset({"YE"}), None, None, "actors.yaml:10"),),
                    plain=("actor:sy_guard",))
ARMY = ContextName(senses=(Sense("actor:ye_gov_army", frozenset({"YE"}), None, "2022-12-31", "actors.yaml:20"),
                           Sense("actor:sanaa_forces", frozenset({"YE"}), "2023-01-01", None, "actors.yaml:30")))
NATIONAL = ContextName(senses=(Sense("actor:ye_gov_army", frozenset({"YE"}), None, None, "actors.yaml:40"),),
                       short=("actor:sna", "actor:ye_gov_army"))
PLACES = {"world:ye": Place("world:ye", "اليمن", "Yemen", 15.5, 47.5, "country", country="ye"),
          "world:ye-sanaa": Place("world:ye-sanaa", "صنعاء", "Sanaa", 15.35, 44.2, "city", country="ye"),
          "admin:SY07": Place("admin:SY07", "إدلب", "Idlib", 35.77, 36.67, "governorate", "إدلب"),
          "ocha:C1": Place("ocha:C1", "المنصورة", "Mansura", 35.9, 38.5, "locality", country="sy"),
          "world:eg-mansura": Place("world:eg-mansura", "المنصورة", "Mansoura", 31.04, 31.38, "city", country="eg")}


def _guard_doc(text: str, published: str | None, places: dict[str, list[str]]):
    doc = doc_of(text, published=published)
    doc.mentions = [mention(doc, "الحرس الجمهوري", "ACTOR", kb_id="actor:sy_guard")]
    doc.mentions += [mention(doc, s, "PLACE", place_ids=ids) for s, ids in places.items()]
    return doc


def test_a_report_country_is_the_one_its_cities_and_provinces_name_most():
    doc = _guard_doc("قتل عناصر من الحرس الجمهوري في صنعاء وإدلب واليمن.", None,
                     {"صنعاء": ["world:ye-sanaa"], "إدلب": ["admin:SY07"], "اليمن": ["world:ye"]})
    assert country_votes(doc.mentions, PLACES.get) == {"YE": 2, "SY": 1}
    assert report_country({"YE": 2, "SY": 1}) == "YE"
    assert report_country({"YE": 1, "SY": 1}) is None and report_country({}) is None


def test_a_village_name_or_a_name_with_namesakes_abroad_tells_no_country():
    doc = _guard_doc("قتل عناصر من الحرس الجمهوري في المنصورة.", None,
                     {"المنصورة": ["ocha:C1", "world:eg-mansura"]})
    assert country_votes(doc.mentions, PLACES.get) == {}


def test_a_context_name_takes_the_reading_of_the_report_country_and_says_why():
    doc = _guard_doc("قتل عناصر من الحرس الجمهوري في صنعاء.", "2015-05-02", {"صنعاء": ["world:ye-sanaa"]})
    kb = type("KB", (), {"context_names": {"حرس جمهوري": GUARD}})()
    resolve_context_names(doc, kb, PLACES.get)
    m = doc.mentions[0]
    assert m.kb_id == "actor:ye_guard" and "report about YE" in m.why and "in_context" in m.why


def test_only_a_loyalist_phrase_that_names_its_side_is_kept_from_the_report_country():
    """A loyalist phrase whose words name the side (marked ``loyalist`` by the finder) keeps that
    side; its unnamed-side reading (nominal), and any other pattern-found actor with a knowledge-base
    id, is read by the report's country."""
    kb = type("KB", (), {"context_names": {"حرس جمهوري": GUARD}})()
    for loyalist, nominal, read in ((True, False, False), (True, True, True), (False, False, True)):
        doc = _guard_doc("قتل عناصر من الحرس الجمهوري في صنعاء.", "2015-05-02", {"صنعاء": ["world:ye-sanaa"]})
        m = doc.mentions[0]
        m.pattern, m.loyalist, m.nominal = True, loyalist, nominal
        resolve_context_names(doc, kb, PLACES.get)
        assert (m.kb_id == "actor:ye_guard") == read, (loyalist, nominal)


def test_outside_its_countries_a_context_name_keeps_the_actor_that_holds_it_as_an_alias():
    doc = _guard_doc("قتل عناصر من الحرس الجمهوري في إدلب.", "2015-05-02", {"إدلب": ["admin:SY07"]})
    kb = type("KB", (), {"context_names": {"حرس جمهوري": GUARD}})()
    resolve_context_names(doc, kb, PLACES.get)
    assert doc.mentions[0].kb_id == "actor:sy_guard" and "only there" in doc.mentions[0].why


def test_the_period_decides_between_two_readings_in_one_country():
    m = Mention(0, 11, "الجيش اليمني", "ACTOR", "actor:ye_gov_army")
    read_in_context(m, ARMY, "YE", "2015-07-01")
    assert m.kb_id == "actor:ye_gov_army"
    read_in_context(m, ARMY, "YE", "2024-01-12")
    assert m.kb_id == "actor:sanaa_forces" and "of 2024-01-12" in m.why


def test_with_no_date_or_no_country_a_name_no_actor_holds_is_dropped():
    m = Mention(0, 11, "الجيش اليمني", "ACTOR", "actor:ye_gov_army")
    assert read_in_context(m, ARMY, "YE", None) is False and "no date" in m.why and "dropped" in m.why
    m = Mention(0, 11, "الجيش اليمني", "ACTOR", "actor:ye_gov_army")
    assert read_in_context(m, ARMY, None, "2015-07-01") is False and "no one country" in m.why


def test_an_open_vocabulary_phrase_with_no_fitting_reading_stays_as_it_was():
    m = Mention(0, 11, "الجيش اليمني", "ACTOR", None, nominal=True, category="state_force")
    assert read_in_context(m, ARMY, None, "2015-07-01") is True and m.kb_id is None
    assert read_in_context(m, ARMY, "YE", "2024-01-12") is True and m.kb_id == "actor:sanaa_forces"


def test_a_dropped_context_name_makes_no_entity():
    doc = doc_of("قتل عناصر من الجيش اليمني في المنصورة.", published=None)
    doc.mentions = [mention(doc, "الجيش اليمني", "ACTOR", kb_id="actor:ye_gov_army")]
    kb = type("KB", (), {"context_names": {"جيش يمني": ARMY}})()
    skip = resolve_context_names(doc, kb, PLACES.get)
    assert skip == {id(doc.mentions[0])}
    assert link(doc, LINK.resources.kb, skip).entities == []


def test_outside_its_countries_a_context_name_falls_back_to_its_short_form_readings():
    m = Mention(0, 11, "الجيش الوطني", "ACTOR", "actor:ye_gov_army")
    read_in_context(m, NATIONAL, "SY", "2023-03-01")
    assert (m.kb_id, m.short, m.alts) == ("actor:sna", True, ["actor:ye_gov_army"])
    assert "short form of actor:sna" in m.why and "only there" in m.why   # not the alias's old why


def test_a_short_form_fallback_links_only_after_a_full_name():
    doc = doc_of("أعلن الجيش الوطني السوري هجوما. وقال الجيش الوطني إن قواته تقدمت.")
    doc.mentions = [mention(doc, "الجيش الوطني السوري", "ACTOR", kb_id="actor:sna"),
                    mention(doc, "الجيش الوطني", "ACTOR", 1, kb_id="actor:ye_gov_army")]
    kb = type("KB", (), {"context_names": {"جيش وطني": NATIONAL}})()
    resolve_context_names(doc, kb, PLACES.get)
    (e,) = link(doc, LINK.resources.kb).entities
    assert e.kb_id == "actor:sna" and len(e.mentions) == 2


KHAN_YUNIS = Place("world:ps-khan-yunis", "خان يونس", "Khan Yunis", 31.34, 34.31, "city", rank=3, country="ps",
                   admin_ids=("world:ps",))


def _palestine():
    import geo_fake

    from rasd.kb.gazetteer import Gazetteer

    places = [*geo_fake.ALL, KHAN_YUNIS]
    return Resources("/nonexistent-rasd-data").provide(
        gazetteer=Gazetteer({p.id: p for p in places}, [(p.name_ar, p.id) for p in places] + geo_fake.EXTRA_ALIASES),
        given_names=frozenset(), common_words=frozenset())


def test_a_nationality_adjective_follows_the_reading_of_the_report_country():
    """open_actors gives القصف الإسرائيلي the Israeli party the report names before link reads the
    report's in_context names; link counts again after reading them (follow_adjectives), so the
    adjective joins the army that الاحتلال الإسرائيلي is in a report about Palestine."""
    from rasd.stages.mentions import Mentions
    from rasd.stages.open_actors import OpenActors

    res = _palestine()
    doc = doc_of("استهدف الاحتلال الإسرائيلي منزلا في مدينة خان يونس، وأدى القصف الإسرائيلي إلى مقتل مدنيين.",
                 "2023-11-20")
    doc = Link(res)(OpenActors(res)(Mentions(res)(doc)))
    es = {e.kb_id: [m.text for m in e.mentions] for e in doc.entities if e.type == "ACTOR"}
    assert es["actor:idf"] == ["الاحتلال الإسرائيلي", "الإسرائيلي"] and "actor:israel" not in es, es
    adjective = next(m for m in doc.mentions if m.text == "الإسرائيلي")
    assert "re-read after the report's in_context names" in adjective.why and "actor:idf" in adjective.why


def test_a_state_and_its_army_named_by_one_frame_are_one_party():
    """A report that calls the army "the occupation" names the state and its army alike: the
    state's mentions join the army's entity (actor13, lexicon.yaml one_party_frames)."""
    doc = linked("قصفت قوات الاحتلال الإسرائيلي بلدة في الجنوب، وقالت إسرائيل إنها ردت على صاروخ.",
                 ("قوات الاحتلال الإسرائيلي", "ACTOR", 0, {"kb_id": "actor:idf"}),
                 ("إسرائيل", "ACTOR", 0, {"kb_id": "actor:israel"}))
    (e,) = [e for e in doc.entities if e.type == "ACTOR"]
    assert [m.text for m in e.mentions] == ["قوات الاحتلال الإسرائيلي", "إسرائيل"]
    assert "one party with actor:idf" in e.mentions[1].why


def test_a_state_named_before_its_army_still_makes_the_army_entity():
    """The merged entity is the army's (its kb_id and state_force category) even when the state is
    named first: the group is keyed by the army (review of actor13, mend13)."""
    doc = linked("قالت إسرائيل إنها ردت على صاروخ، وقصفت قوات الاحتلال الإسرائيلي بلدة في الجنوب.",
                 ("إسرائيل", "ACTOR", 0, {"kb_id": "actor:israel"}),
                 ("قوات الاحتلال الإسرائيلي", "ACTOR", 0, {"kb_id": "actor:idf"}))
    (e,) = [e for e in doc.entities if e.type == "ACTOR"]
    assert [m.text for m in e.mentions] == ["إسرائيل", "قوات الاحتلال الإسرائيلي"]
    assert e.kb_id == "actor:idf" and e.category == "state_force"


def test_without_a_frame_word_a_state_and_its_army_stay_two():
    doc = linked("قصف الجيش الإسرائيلي بلدة في الجنوب، وقالت إسرائيل إنها ردت على صاروخ.",
                 ("الجيش الإسرائيلي", "ACTOR", 0, {"kb_id": "actor:idf"}),
                 ("إسرائيل", "ACTOR", 0, {"kb_id": "actor:israel"}))
    assert sorted(e.kb_id for e in doc.entities) == ["actor:idf", "actor:israel"]


def test_a_force_that_is_not_the_state_army_is_not_joined_to_the_state():
    """Only the army a nationality adjective names (open_actors.yaml national_forces) is the
    state's own: its police, a named unit or an intelligence service stays apart."""
    doc = linked("اعتقلت شرطة الاحتلال شابا، وقالت إسرائيل إنه مطلوب.",
                 ("شرطة الاحتلال", "ACTOR", 0, {"kb_id": "actor:israel_police"}),
                 ("إسرائيل", "ACTOR", 0, {"kb_id": "actor:israel"}))
    assert sorted(e.kb_id for e in doc.entities) == ["actor:israel", "actor:israel_police"]


def test_a_report_in_the_frame_of_aggression_joins_a_state_and_its_army():
    """The frame is the report's, not only its actor names: a report that calls the strikes
    "the aggression" names Washington and its forces alike (actor13, one_party_frames)."""
    doc = linked("أدانت الحركة العدوان على اليمن، وقالت إن القوات الأميركية قصفت الميناء بدعم من الولايات المتحدة.",
                 ("القوات الأميركية", "ACTOR", 0, {"kb_id": "actor:us_military"}),
                 ("الولايات المتحدة", "ACTOR", 0, {"kb_id": "actor:usa"}))
    (e,) = [e for e in doc.entities if e.type == "ACTOR"]
    assert e.kb_id == "actor:us_military" and "('العدوان')" in e.mentions[1].why


def test_a_site_named_after_its_town_is_a_place_apart_from_the_town():
    """مطار بغداد (a world-list name, not marked a facility) is not بغداد (lexicon site_cues, place14),
    while مدينة بغداد still is."""
    doc = linked("انفجرت سيارة في بغداد ثم هبطت طائرة في مطار بغداد ووصلت إلى مدينة بغداد.",
                 ("بغداد", "PLACE", 0, {}), ("مطار بغداد", "PLACE", 0, {}), ("مدينة بغداد", "PLACE", 0, {}))
    assert sorted([m.text for m in e.mentions] for e in doc.entities) == [["بغداد", "مدينة بغداد"], ["مطار بغداد"]]


def test_a_frame_word_behind_a_preposition_and_the_elided_article_still_frames_the_report():
    """The frame word is found under a proclitic reading whose stem has lost the article (للعدوان: ل +
    ال elided, stem عدوان): link._one_party's fast filter keeps words ending with a frame word without
    its article as well as with it (speed14)."""
    doc = linked("تصدت الدفاعات للعدوان على اليمن، وقالت إن القوات الأميركية قصفت الميناء بدعم من الولايات المتحدة.",
                 ("القوات الأميركية", "ACTOR", 0, {"kb_id": "actor:us_military"}),
                 ("الولايات المتحدة", "ACTOR", 0, {"kb_id": "actor:usa"}))
    (e,) = [e for e in doc.entities if e.type == "ACTOR"]
    assert e.kb_id == "actor:us_military" and "('للعدوان')" in e.mentions[1].why


def test_a_word_that_only_ends_like_a_frame_word_frames_nothing():
    """A word ending with a frame word's letters behind no proclitic (معدوان) is no frame word: the
    fast filter only picks words for the proclitic reading to decide (speed14)."""
    doc = linked("قالت وكالة معدوان إن القوات الأميركية قصفت الميناء بدعم من الولايات المتحدة.",
                 ("القوات الأميركية", "ACTOR", 0, {"kb_id": "actor:us_military"}),
                 ("الولايات المتحدة", "ACTOR", 0, {"kb_id": "actor:usa"}))
    assert sorted(e.kb_id for e in doc.entities) == ["actor:us_military", "actor:usa"]


def test_the_given_and_family_name_join_the_name_with_the_father_s_between_them():
    """سامر زياد كرمول … سامر كرمول: a report names a person again without the father's name (round 19);
    a two-word name is no such longer name, and another given name stays apart."""
    doc = linked("قال سامر زياد كرمول إن القصف مستمر. وأضاف سامر كرمول أن خالد كرمول غائب.",
                 ("سامر زياد كرمول", "PERSON", 0, {"pattern": True}),
                 ("سامر كرمول", "PERSON", 0, {"pattern": True}),
                 ("خالد كرمول", "PERSON", 0, {"pattern": True}))
    assert [e.name_ar for e in doc.entities] == ["سامر زياد كرمول", "خالد كرمول"]
    assert [m.text for m in doc.entities[0].mentions] == ["سامر زياد كرمول", "سامر كرمول"]
    assert doc.entities[0].mentions[1].why == "part of the longer name 'سامر زياد كرمول' in the report"


def test_a_site_named_after_a_person_with_and_without_the_title_is_one_place():
    """place21: مسجد الإمام الصادق and مسجد الصادق name one mosque (lexicon.yaml site_name_titles)."""
    doc = linked("فجّر انتحاري مسجد الإمام الصادق. واعترف المتهمون بتفجير مسجد الصادق.",
                 ("مسجد الإمام الصادق", "PLACE", 0, {"facility": True}), ("مسجد الصادق", "PLACE", 0, {"facility": True}))
    (e,) = doc.entities
    assert len(e.mentions) == 2


def test_a_title_does_not_join_two_different_sites():
    doc = linked("قصفت الطائرات مسجد الإمام علي ثم مسجد الإمام الحسين.",
                 ("مسجد الإمام علي", "PLACE", 0, {"facility": True}),
                 ("مسجد الإمام الحسين", "PLACE", 0, {"facility": True}))
    assert len(doc.entities) == 2


# ---- Round 21 (actor21): knowledge-base names read end to end on composed sentences -------------


def _actors(text: str, published: str) -> dict[str, list[str]]:
    import rasd

    doc = rasd.extract(text, published=published)
    return {e["kb_id"]: [m["text"] for m in e["mentions"]] for e in doc["entities"] if e["type"] == "ACTOR"}


def test_the_coalition_forces_of_a_report_about_syria_are_the_us_led_coalition(installed):
    got = _actors("وقالت مصادر إن قوات التحالف شنت غارات على مواقع قرب مدينة الرقة في سوريا.", "2015-07-20")
    assert "قوات التحالف" in got.get("actor:coalition", [])


def test_the_putschists_of_a_report_about_yemen_are_the_houthis(installed):
    got = _actors("وتقدمت المقاومة الشعبية نحو مواقع الانقلابيين في مدينة تعز اليمنية.", "2015-08-01")
    assert "الانقلابيين" in got.get("actor:houthis", [])


def test_a_un_mission_named_by_its_country_is_the_mission_not_the_un(installed):
    got = _actors("وأعلنت بعثة الأمم المتحدة في مالي مقتل اثنين من موظفيها في هجوم على فندق.", "2015-08-08")
    assert "actor:minusma" in got and "actor:un" not in got


def test_a_short_form_resolved_to_an_actor_is_an_actor_mention():
    """صواريخ الأسد: the short form a person and an actor share, resolved to the actor named in the
    report, is typed as that actor's mention, so the entity is no PERSON named by the army (round 21)."""
    doc = linked("سقطت صواريخ الأسد على المدينة. وقالت قوات النظام السوري إنها تتقدم.",
                 ("الأسد", "PERSON", 0, {"kb_id": "person:bashar_assad", "short": True, "alts": ["actor:saa"]}),
                 ("قوات النظام السوري", "ACTOR", 0, {"kb_id": "actor:saa"}))
    (e,) = doc.entities
    assert e.type == "ACTOR" and e.kb_id == "actor:saa"
    assert e.mentions[0].type == "ACTOR" and "an ACTOR mention, not a PERSON" in e.mentions[0].why


ADEN = Place("world:ye-aden", "عدن", "Aden", 12.78, 45.04, "city", rank=3, country="ye", admin_ids=("world:ye",))


def _actors_of(text: str, day: str, extra: Place = KHAN_YUNIS) -> dict:
    import geo_fake

    from rasd.kb.gazetteer import Gazetteer
    from rasd.stages.mentions import Mentions
    from rasd.stages.open_actors import OpenActors

    places = [*geo_fake.ALL, extra]
    res = Resources("/nonexistent-rasd-data").provide(
        gazetteer=Gazetteer({p.id: p for p in places}, [(p.name_ar, p.id) for p in places] + geo_fake.EXTRA_ALIASES),
        given_names=frozenset(), common_words=frozenset())
    doc = Link(res)(OpenActors(res)(Mentions(res)(doc_of(text, day))))
    return {m.text: m for m in doc.mentions if m.type == "ACTOR"}


def test_the_bare_enemy_of_a_report_about_palestine_is_israel_s_army():
    """العدو alone in a report about Palestine is the army the bare الاحتلال is there (enemy21), and
    says which in_context rule read it; عدو without the article is any enemy and stays no actor."""
    ms = _actors_of("قالت فصائل المقاومة إن العدو قصف منازل في مدينة خان يونس، وإن لكل شعب عدو.", "2024-01-09")
    assert ms["العدو"].kb_id == "actor:idf" and "in_context rule" in ms["العدو"].why
    assert "عدو" not in ms


def test_the_enemy_with_its_nationality_keeps_the_state_it_names():
    """العدو الإسرائيلي is an alias of Israel's; the bare-word rule does not cut it short."""
    ms = _actors_of("شن العدو الإسرائيلي غارات على مدينة خان يونس.", "2024-01-09")
    assert "العدو" not in ms and ms["العدو الإسرائيلي"].kb_id in ("actor:israel", "actor:idf")


def test_the_bare_enemy_of_a_report_about_no_country_is_no_one():
    """With no country the report is about, العدو names no party (an Ukrainian or Israeli report's
    enemy is another's)."""
    ms = _actors_of("قال المتحدث إن العدو تكبد خسائر كبيرة.", "2024-01-09")
    assert ms["العدو"].entity is None and "dropped in a report about no one country" in ms["العدو"].why


def test_the_bare_militias_of_a_yemeni_report_of_the_war_years_are_the_houthis():
    """الميليشيات alone in a report about Yemen of 2014-2018 is the Houthis (enemy21); a longer name
    keeps its own actor, and the same word in a later year is no one's."""
    text = "سيطرت الميليشيات على مطار عدن، وقالت المقاومة في عدن إن الميليشيات الشيعية قصفت المدينة."
    ms = _actors_of(text, "2015-07-20", ADEN)
    assert ms["الميليشيات"].kb_id == "actor:houthis" and "in_context rule" in ms["الميليشيات"].why
    assert ms["الميليشيات الشيعية"].kb_id == "actor:shia_militias"
    later = _actors_of(text, "2023-07-20", ADEN)
    assert later["الميليشيات"].entity is None


BENGHAZI = Place("world:ly-benghazi", "بنغازي", "Benghazi", 32.12, 20.07, "city", rank=3, country="ly")


def test_the_syrian_opposition_named_in_full_is_the_actor_in_any_report():
    """المعارضة السورية names its country: an alias, read so in a Turkish or Libyan report too."""
    ms = _actors_of("قال مسؤول في بنغازي إن المعارضة السورية رفضت الاتفاق.", "2015-07-20", BENGHAZI)
    assert ms["المعارضة السورية"].kb_id == "actor:opposition"


def test_the_turkish_outlets_transliterations_of_the_pkk_and_the_dhkpc_are_known():
    """بي كا كا / بي كيه كيه are the PKK; جبهة حزب التحرير الشعبي الثوري is the DHKP-C, not the PFLP
    (الجبهة الشعبية) nor a lone حزب التحرير (actor22)."""
    ms = _actors_of("اعتقلت الشرطة عناصر من بي كا كا ومن جبهة حزب التحرير الشعبي الثوري، وقصفت مواقع بي كيه كيه.",
                    "2015-08-01")
    assert ms["بي كا كا"].kb_id == ms["بي كيه كيه"].kb_id == "actor:pkk"
    assert ms["جبهة حزب التحرير الشعبي الثوري"].kb_id == "actor:dhkpc"


def test_the_bare_name_of_the_gaza_strip_is_the_strip(installed):
    """قطاع غزة is a place apart from the city (lexicon.yaml site_cues `قطاع: named_bare`); the bare
    غزة of a report that names قطاع غزة is the Strip, while مدينة غزة stays the city."""
    from rasd import extract
    d = extract("اشتباكات في غزة. قتل جنديان في قطاع غزة. وقصف حي الزيتون في مدينة غزة",
                published="2024-01-01")
    places = {e["kb_id"]: [m["text"] for m in e["mentions"]] for e in d["entities"] if e["type"] == "PLACE"}
    assert places["world:ps-gaza-strip"] == ["غزة", "قطاع غزة"]
    assert places["world:ps-gaza"] == ["مدينة غزة"]


def test_a_name_in_quotes_right_after_a_persons_name_is_his_nom_de_guerre():
    """الشهيد X "أبو Y": one person (Round 28: person28); a kunya elsewhere stays apart."""
    text = 'وزفت المقاومة الشهيد سامر خالد زيتوني "أبو علي" من البلدة. والتقى أبو حسن بالوفد.'
    doc = linked(text, ("سامر خالد زيتوني", "PERSON", 0, {"pattern": True}),
                 ("أبو علي", "PERSON", 0, {"pattern": True}), ("أبو حسن", "PERSON", 0, {"pattern": True}))
    first, other = doc.entities
    assert [m.text for m in first.mentions] == ["سامر خالد زيتوني", "أبو علي"]
    assert first.name_ar == "سامر خالد زيتوني" and "nom de guerre" in first.mentions[1].why
    assert [m.text for m in other.mentions] == ["أبو حسن"]


def test_a_quoted_title_right_after_a_persons_name_is_no_nom_de_guerre():
    """X Y «Z W»: after a two-word name, a quoted name that opens on no kunya is as often a show's or a
    book's title."""
    text = 'وقال سامر زيتوني «كرمول حسن» إن الوضع هادئ.'
    doc = linked(text, ("سامر زيتوني", "PERSON", 0, {"pattern": True}),
                 ("كرمول حسن", "PERSON", 0, {"pattern": True}))
    assert len(doc.entities) == 2


def test_a_quoted_laqab_after_a_three_word_name_is_his_nom_de_guerre():
    """الشهيد المجاهد X Y Z "زين العابدين": a death notice's triple name, then the fighter's laqab."""
    text = 'وزفت المقاومة الشهيد سامر خالد زيتوني "كرمول حسن" من البلدة.'
    doc = linked(text, ("سامر خالد زيتوني", "PERSON", 0, {"pattern": True}),
                 ("كرمول حسن", "PERSON", 0, {"pattern": True}))
    (e,) = doc.entities
    assert [m.text for m in e.mentions] == ["سامر خالد زيتوني", "كرمول حسن"]


# a name read alike in two countries (the US-led coalition's forces in Iraq and in Syria) and one read
# differently (the security forces of each) (Round 34: actor34)
COALITION = ContextName(senses=(Sense("actor:coalition", frozenset({"IQ", "SY"}), "2014-01-01", None, "actors.yaml:50"),
                                Sense("actor:saudi_coalition", frozenset({"YE"}), None, "2022-12-31", "actors.yaml:60")),
                        short=("actor:coalition",))
SECURITY = ContextName(senses=(Sense("actor:iq_security", frozenset({"IQ"}), None, None, "actors.yaml:70"),
                               Sense("actor:sy_security", frozenset({"SY"}), None, None, "actors.yaml:80")))


def test_the_tied_countries_are_those_named_most_and_as_often():
    assert tied_countries({"IQ": 2, "SY": 2, "YE": 1}) == ("IQ", "SY")
    assert tied_countries({"IQ": 2, "SY": 1}) == () and tied_countries({}) == ()


def test_a_name_read_alike_in_every_tied_country_takes_that_reading():
    m = Mention(0, 12, "قوات التحالف", "ACTOR", "actor:coalition", short=True)
    assert read_in_context(m, COALITION, None, "2015-07-24", ties=("IQ", "SY")) is True
    assert (m.kb_id, m.short) == ("actor:coalition", False) and "IQ and SY alike" in m.why


def test_a_name_read_differently_in_the_tied_countries_keeps_no_country_reading():
    m = Mention(0, 10, "قوات الأمن", "ACTOR", None, nominal=True, category="state_force")
    assert read_in_context(m, SECURITY, None, "2015-07-24", ties=("IQ", "SY")) is True and m.kb_id is None
    m = Mention(0, 12, "قوات التحالف", "ACTOR", "actor:coalition", short=True)
    read_in_context(m, COALITION, None, "2015-07-24", ties=("IQ", "YE"))
    assert m.short is True and "no one country" in m.why   # YE reads it otherwise: the short-form fallback


def test_resolve_reads_a_tie_from_the_report_places():
    doc = doc_of("ألقت قوات التحالف منشورات على الفلوجة والرقة.", published="2015-07-24")
    doc.mentions = [mention(doc, "قوات التحالف", "ACTOR", kb_id="actor:coalition", short=True),
                    mention(doc, "الفلوجة", "PLACE", place_ids=["world:iq-fallujah"]),
                    mention(doc, "الرقة", "PLACE", place_ids=["world:sy-raqqa"])]
    places = {"world:iq-fallujah": Place("world:iq-fallujah", "الفلوجة", "Fallujah", 33.35, 43.78, "city", country="iq"),
              "world:sy-raqqa": Place("world:sy-raqqa", "الرقة", "Raqqa", 35.95, 39.01, "city", country="sy")}
    kb = type("KB", (), {"context_names": {"قوات تحالف": COALITION}})()
    assert resolve_context_names(doc, kb, places.get) == set()
    assert doc.mentions[0].kb_id == "actor:coalition" and doc.mentions[0].short is False
