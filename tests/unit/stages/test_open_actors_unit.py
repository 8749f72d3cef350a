"""The open_actors stage on hand-built Docs: no gazetteer and no earlier stage, only the mentions
placed by hand (tests/hand_docs.py) and the knowledge files."""
from __future__ import annotations

from hand_docs import doc_of, mention

from rasd.kb.resources import Resources
from rasd.stages.open_actors import OpenActors

STAGE = OpenActors(Resources("/nonexistent-rasd-data").provide(common_words=frozenset()))


def run(text: str, *specs):
    doc = doc_of(text)
    doc.mentions = sorted((mention(doc, s, t, n, **kw) for s, t, n, kw in specs), key=lambda m: m.start)
    return STAGE(doc)


def actors(doc):
    return [(m.text, m.category) for m in doc.mentions if m.type == "ACTOR"]


def test_a_force_head_with_a_nationality_is_a_state_force_with_its_why():
    doc = run("اشتبكت قوات الأمن التركية مع عناصر الحزب قرب الحدود.")
    (m,) = [m for m in doc.mentions if m.type == "ACTOR"]
    assert (m.text, m.category) == ("قوات الأمن التركية", "state_force")
    assert m.pattern and "nationality" in m.why
    assert doc.text[m.start:m.end] == m.text


def test_a_crowd_word_is_an_unnamed_group_and_a_proclitic_stays_out_of_the_span():
    doc = run("هاجم مسلحون حاجزا للشرطة. واعتقلت الشرطة ومسلحين آخرين.")
    found = [m for m in doc.mentions if m.type == "ACTOR"]
    assert [m.text for m in found] == ["مسلحون", "مسلحين"]          # و of ومسلحين left out
    assert all(m.name == "مسلحون" and "unnamed group" in m.why for m in found)
    assert all(doc.text[m.start:m.end] == m.text for m in found)


def test_a_named_actor_of_the_knowledge_base_is_left_alone():
    doc = run("أعلن الجيش التركي مقتل جنديين.", ("الجيش التركي", "ACTOR", 0, {"kb_id": "actor:tsk"}))
    assert [(m.text, m.kb_id) for m in doc.mentions] == [("الجيش التركي", "actor:tsk")]


def test_a_short_actor_mention_inside_the_phrase_is_replaced_by_the_whole_force():
    doc = run("أعلن الجيش الباكستاني مقتل خمسة عناصر.", ("الجيش", "ACTOR", 0, {"short": True}))
    assert actors(doc) == [("الجيش الباكستاني", "state_force")]


def test_a_force_word_inside_a_person_s_title_is_no_force():
    doc = run("قال وزير الدفاع الأميركي إن القوات الأميركية ستبقى.")
    assert actors(doc) == [("القوات الأميركية", "state_force")]


def test_a_text_with_no_force_word_gets_no_mention():
    assert run("ارتفعت أسعار الخبز في الأسواق.").mentions == []


def test_a_known_actor_named_by_head_and_nationality_is_a_description():
    stage = OpenActors(Resources("/nonexistent-rasd-data").provide(common_words=frozenset({"الخارجيه"})))

    def described(text, surface, kb):
        doc = doc_of(text)
        doc.mentions = [mention(doc, surface, "ACTOR", 0, kb_id=kb)]
        (m,) = [m for m in stage(doc).mentions if m.kb_id == kb]
        return m.nominal

    assert described("قال الجيش الأميركي إن الهجوم فشل.", "الجيش الأميركي", "actor:us_military")
    assert described("قالت الخارجية الأمريكية إن الهجوم فشل.", "الخارجية الأمريكية", "actor:usa")
    assert described("قالت القوات المسلحة العراقية إن الهجوم فشل.", "القوات المسلحة العراقية", "actor:iraqi_army")
    assert not described("قال حزب الله اللبناني إن الهجوم فشل.", "حزب الله اللبناني", "actor:hezbollah")
    assert not described("قال مجلس الأمن إن الهجوم فشل.", "مجلس الأمن", "actor:unsc")
