"""The link stage on hand-built mentions: which mentions become one entity, and why."""
from __future__ import annotations

from hand_docs import doc_of, mention

from rasd.kb.resources import Resources
from rasd.stages.link import Link

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
