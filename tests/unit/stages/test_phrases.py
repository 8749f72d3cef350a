"""The phrases stage on composed sentences: an actor's mention runs on over its noun phrase."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.stages.phrases import Phrases
from rasd.kb.resources import default_resources

PHRASES = Phrases(default_resources())


def texts(doc, eid="E1"):
    ent = next(e for e in PHRASES(doc).entities if e.id == eid)
    return [m.text for m in ent.mentions]


def test_an_agreeing_epithet_joins_a_definite_name():
    doc = doc_of("هاجمت جماعة بوكو حرام المتطرفة قرية في الشمال.")
    entity(doc, "E1", "ACTOR", "جماعة بوكو حرام", kb_id="actor:boko_haram")
    assert texts(doc) == ["جماعة بوكو حرام المتطرفة"]


def test_an_indefinite_epithet_does_not_join_a_definite_name():
    doc = doc_of("قتل الجيش مسلحين متطرفين في الشمال.")
    entity(doc, "E1", "ACTOR", "الجيش")
    assert texts(doc) == ["الجيش"]


def test_a_noun_after_the_name_is_not_an_epithet():
    doc = doc_of("استهدف التنظيم المدنيين في السوق.")
    entity(doc, "E1", "ACTOR", "التنظيم")
    assert texts(doc) == ["التنظيم"]


def test_who_leads_a_coalition_is_part_of_its_phrase():
    doc = doc_of("نفذ التحالف الذي تقوده الولايات المتحدة غارات على المدينة.")
    entity(doc, "E1", "ACTOR", "التحالف")
    entity(doc, "E2", "ACTOR", "الولايات المتحدة")
    assert texts(doc) == ["التحالف الذي تقوده الولايات المتحدة"]
    assert texts(doc, "E2") == ["الولايات المتحدة"]


def test_bi_qiyada_names_the_leader():
    doc = doc_of("شن التحالف العربي بقيادة السعودية غارات على صعدة.")
    entity(doc, "E1", "ACTOR", "التحالف العربي")
    entity(doc, "E2", "ACTOR", "السعودية")
    assert texts(doc) == ["التحالف العربي بقيادة السعودية"]


def test_bi_qiyada_without_a_name_after_it_stops():
    doc = doc_of("تقدم الجيش بقيادة ميدانية جديدة.")
    entity(doc, "E1", "ACTOR", "الجيش")
    assert texts(doc) == ["الجيش"]


def test_the_person_a_title_names_ends_the_phrase():
    doc = doc_of("قصفت قوات الرئيس السابق علي عبد الله صالح المدينة.")
    entity(doc, "E1", "ACTOR", "قوات الرئيس السابق")
    entity(doc, "E2", "PERSON", "علي عبد الله صالح")
    assert texts(doc) == ["قوات الرئيس السابق علي عبد الله صالح"]


def test_whom_it_is_loyal_to():
    doc = doc_of("تقدمت المقاومة الموالية للرئيس عبد ربه منصور هادي نحو المطار.")
    entity(doc, "E1", "ACTOR", "المقاومة")
    entity(doc, "E2", "PERSON", "عبد ربه منصور هادي")
    assert texts(doc) == ["المقاومة الموالية للرئيس عبد ربه منصور هادي"]


def test_the_head_of_a_construct_before_a_definite_name():
    doc = doc_of("انسحبت ميليشيات الحوثيين من المدينة.")
    entity(doc, "E1", "ACTOR", "الحوثيين", kb_id="actor:houthis")
    assert texts(doc) == ["ميليشيات الحوثيين"]


def test_a_proclitic_stays_out_and_a_quote_is_closed():
    doc = doc_of("أعلن انتماءه لتنظيم «داعش» المتطرف أمس.")
    entity(doc, "E1", "ACTOR", "تنظيم «داعش", kb_id="actor:isis")
    assert texts(doc) == ["تنظيم «داعش» المتطرف"]


def test_places_and_persons_keep_their_spans():
    doc = doc_of("زار الرئيس السابق المدينة المحتلة.")
    entity(doc, "E1", "PLACE", "المدينة")
    assert texts(doc) == ["المدينة"]


def test_a_mention_without_its_token_span_is_left_alone():
    doc = doc_of("المتطرفين قتلهم الجيش.")
    ent = entity(doc, "E1", "ACTOR", "الجيش")
    ent.mentions[0].tok = (0, 0)   # read from token 0, the epithet there would end the phrase before it begins
    assert texts(doc) == ["الجيش"]


def test_the_verb_s_object_that_is_a_mention_is_no_epithet_of_its_subject():
    # review14: in verb-subject-object order the object follows the subject; where another mention
    # starts, the subject's phrase ends
    doc = doc_of("هاجم الجيش المتمردين في الشمال.")
    entity(doc, "E1", "ACTOR", "الجيش")
    entity(doc, "E2", "ACTOR", "المتمردين")
    assert texts(doc) == ["الجيش"] and texts(doc, "E2") == ["المتمردين"]

