"""rasd.stages.mentions.known: a definite short form is an anaphor only when written definite."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import known


def test_an_indefinite_noun_heading_a_name_is_not_the_known_actor(finder):
    f = finder("قال حزب كاديما إن الحكومة سقطت.")
    h = f.kb_hit(at(f, "حزب"))
    assert h is not None and known.indefinite_short(f, h)


def test_the_definite_short_form_stays_the_known_actor(finder):
    for text, word in (("قال الحزب إن الحكومة سقطت.", "الحزب"), ("وأعلن للحزب أنه انسحب.", "للحزب"),
                       ("قال مقاتلو الحزب إنهم انسحبوا.", "الحزب")):
        f = finder(text)
        h = f.kb_hit(at(f, word))
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


def test_a_definite_rules_name_matches_only_with_the_article_it_is_written_with(finder):
    """actors.yaml's occupation rule says ``definite: true``: الاحتلال (also after ب or لل) is the
    name; the indefinite احتلال of قوة احتلال, and احتلال heading a genitive (the act), are not."""
    for text, word in (("قال المتحدث إن إسرائيل قوة احتلال في الضفة.", "احتلال"),
                       ("أعادت القوات احتلال المدينة بعد أيام.", "احتلال"),
                       ("وتحدث عن هيمنة واحتلال ونهب.", "واحتلال")):
        f = finder(text)
        h = f.kb_hit(at(f, word))
        assert h is not None and known.context_misread(f, h), text
    for text, word in (("قصف الاحتلال منزلا في المدينة.", "الاحتلال"), ("ندد الوزير بالاحتلال أمس.", "بالاحتلال"),
                       ("لا شرعية للاحتلال في المدينة.", "للاحتلال"), ("تقدمت قوات الاحتلال نحو البلدة.", "قوات")):
        f = finder(text)
        h = f.kb_hit(at(f, word))
        assert h is not None and not known.context_misread(f, h), text


def test_a_rule_that_is_not_definite_reads_its_first_word_either_way(finder):
    """الشرطة's rules are not definite: شرطة heading a genitive (شرطة المدينة) is still the police."""
    f = finder("قال مدير شرطة المدينة إن الهجوم فشل.")
    h = f.kb_hit(at(f, "شرطة"))
    assert h is not None and h.j == h.i + 1 and not known.context_misread(f, h)
