"""rasd.stages.mentions.known: a definite short form is an anaphor only when written definite."""
from __future__ import annotations

import pytest
from conftest import at

from rasd.stages.mentions import known


def test_an_indefinite_noun_heading_a_name_is_not_the_known_actor(finder):
    f = finder("قال حزب كاديما إن الحكومة سقطت.")
    h = f.kb_hit(at(f, "حزب"))
    assert h is not None and known.indefinite_short(f, h)


@pytest.mark.parametrize("text,word", [("قال الحزب إن الحكومة سقطت.", "الحزب"), ("وأعلن للحزب أنه انسحب.", "للحزب"),
                                       ("قال مقاتلو الحزب إنهم انسحبوا.", "الحزب")])
def test_the_definite_short_form_stays_the_known_actor(finder, text, word):
    h = (f := finder(text)).kb_hit(at(f, word))
    assert h is not None and not known.indefinite_short(f, h), text


def test_a_full_name_is_never_cut(finder):
    f = finder("قالت حركة حماس إن الهدنة انتهت.")
    h = f.kb_hit(at(f, "حركة"))
    assert h is not None and not known.indefinite_short(f, h)


def test_a_context_name_matches_only_with_its_articles_as_written(finder):
    f = finder("شنت قوات جيش الفتح قصفا على المواقع.")
    h = f.kb_hit(at(f, "قوات"))
    assert h is not None and h.j == at(f, "جيش") + 1    # the article-blind matcher reads قوات الجيش here
    assert known.context_misread(f, h)                    # but قوات جيش الفتح is no قوات الجيش
    f = finder("تقدمت قوات الجيش نحو البلدة.")
    h = f.kb_hit(at(f, "قوات"))
    assert h is not None and not known.context_misread(f, h)


@pytest.mark.parametrize("text,word,misread", [
    ("قال المتحدث إن إسرائيل قوة احتلال في الضفة.", "احتلال", True),
    ("أعادت القوات احتلال المدينة بعد أيام.", "احتلال", True),
    ("وتحدث عن هيمنة واحتلال ونهب.", "واحتلال", True),
    ("قصف الاحتلال منزلا في المدينة.", "الاحتلال", False), ("ندد الوزير بالاحتلال أمس.", "بالاحتلال", False),
    ("لا شرعية للاحتلال في المدينة.", "للاحتلال", False), ("تقدمت قوات الاحتلال نحو البلدة.", "قوات", False)])
def test_a_definite_rules_name_matches_only_with_the_article_it_is_written_with(finder, text, word, misread):
    """actors.yaml's occupation rule says ``definite: true``: الاحتلال (also after ب or لل) is the
    name; the indefinite احتلال of قوة احتلال, and احتلال heading a genitive (the act), are not."""
    h = (f := finder(text)).kb_hit(at(f, word))
    assert h is not None and known.context_misread(f, h) is misread, text


def test_a_rule_that_is_not_definite_reads_its_first_word_either_way(finder):
    """الشرطة's rules are not definite: شرطة heading a genitive (شرطة المدينة) is still the police."""
    f = finder("قال مدير شرطة المدينة إن الهجوم فشل.")
    h = f.kb_hit(at(f, "شرطة"))
    assert h is not None and h.j == h.i + 1 and not known.context_misread(f, h)



@pytest.mark.parametrize("text, state", [
    ("هاجمت جماعات مدعومة من تركيا مواقع قسد.", "تركيا"),
    ("تقدم الجيش بدعم من روسيا نحو المدينة.", "روسيا"),
])
def test_a_state_after_a_backing_word_and_its_preposition_is_the_backer_not_a_place(installed, text, state):
    from rasd.kb.resources import default_resources
    from rasd.pipeline import Pipeline

    run = Pipeline.build(default_resources(), ["clean", "sentences", "mentions"]).run
    assert [m.type for m in run(text).mentions if m.text == state] == ["ACTOR"]
    # the same state after the preposition alone is the country (عاد الوفد من روسيا)
    assert [m.type for m in run(f"عاد الوفد من {state} أمس.").mentions if m.text == state] == ["PLACE"]


@pytest.mark.parametrize("text,word,adjective", [
    ("أعلنت السفارة السعودية أمس إغلاق أبوابها.", "السعودية", True),
    ("قصفت المدفعية السعودية مواقع على الحدود.", "السعودية", True),
    ("قالت السعودية إنها سترد على الهجوم.", "السعودية", False),
    ("وصل الوفد الى السعودية صباح اليوم.", "السعودية", False),
    ("أعلنت الوزارة، السعودية ترحب بالقرار.", "السعودية", False),
])
def test_a_state_s_name_written_as_its_adjective_after_a_definite_noun(finder, text, word, adjective):
    h = (f := finder(text)).kb_hit(at(f, word))
    assert h is not None and known.adjective_of_noun(f, h) == adjective, text


@pytest.mark.parametrize("text,word,family", [
    ("اعتقل أحد الأشخاص من آل فياض في تشيكيا.", "فياض", True),      # the Fayyad family, no Falih al-Fayyad
    ("قال فالح الفياض إن الحشد باق.", "فالح", False),
    ("وأكد الفياض أن الحشد باق.", "الفياض", False),
])
def test_a_family_name_after_the_family_marker_is_the_family(finder, text, word, family):
    f = finder(text)
    h = f.kb_hit(at(f, word))
    assert h is not None and known.family_named(f, h) is family, text
