"""rasd.stages.mentions.organisations: quoted names, numbered units, counts that are not units."""
from __future__ import annotations

from conftest import at

from rasd.stages.mentions import organisations


def test_a_quoted_name_runs_to_the_closing_quote(finder):
    f = finder('هاجمت حركة "فرسان الوادي الأخضر" المواقع.')
    i = at(f, "حركة")
    assert organisations.org_at(f, i) == at(f, "الأخضر") + 1


def test_a_unit_number_is_part_of_the_name_but_a_count_is_not(finder):
    f = finder("تقدمت الفرقة 30 نحو البلدة.")
    i = at(f, "الفرقة")
    assert organisations.org_at(f, i) == i + 2
    f = finder("خسرت الحركة 14 عنصرا في المعارك.")
    assert organisations.org_at(f, at(f, "الحركة")) is None


def test_the_quotes_stay_out_of_the_name(finder):
    f = finder('هاجمت حركة "فرسان الوادي الأخضر" المواقع.')
    i = at(f, "حركة")
    organisations.add_org(f, i, organisations.org_at(f, i))
    (m,) = f.out
    assert m.name == "فرسان الوادي الأخضر" and m.category == "non_state_armed_group"
    assert "named by the quoted words" in m.why


def test_a_quoted_name_names_the_organisation_without_its_head_word(finder):
    """منظمة "X": the head word describes; the quoted words are the name (actor22). A bare or
    numbered name keeps its head word (لواء الفاتحين، الفرقة 30)."""
    f = finder('وتبنت منظمة «نسور الجبل» الهجوم، وقاتل لواء الفاتحين إلى جانبها.')
    for word in ("منظمة", "لواء"):
        i = at(f, word)
        organisations.add_org(f, i, organisations.org_at(f, i))
    quoted, bare = f.out
    assert quoted.text.startswith("منظمة") and quoted.name == "نسور الجبل"
    assert bare.name in (None, "") or bare.name.startswith("لواء")


def test_a_front_where_something_happens_is_a_place_not_an_organisation(finder):
    for text, word in [("قتل خمسة مسلحين في جبهة الوعرة جنوب المحافظة.", "جبهة"),
                       ("استهدفت الغارات مواقع بجبهة الوعرة أمس.", "بجبهة"),
                       ("وفي جبهة الوعرة تقدمت القوات.", "جبهة"),
                       ("واشتدت المعارك جبهة الوعرة غرب المدينة.", "جبهة")]:
        f = finder(text)
        i = at(f, word)
        assert organisations.org_at(f, i) is None, text
        end = organisations.front_at(f, i)
        assert end == i + 2, text
        organisations.add_front(f, i, end)
        (m,) = f.out
        assert m.type == "PLACE" and m.name == "الوعرة" and m.key and m.place_ids == [] and "front" in m.why


def test_a_front_that_acts_is_an_organisation(finder):
    f = finder("وأعلنت جبهة الوعرة مسؤوليتها عن الهجوم.")
    i = at(f, "جبهة")
    assert organisations.org_at(f, i) == i + 2 and organisations.front_at(f, i) is None


def test_a_quoted_number_keeps_its_head_word(finder):
    f = finder('قتل جنديان من الكتيبة "50" في الاشتباك.')
    i = at(f, "الكتيبة")
    organisations.add_org(f, i, organisations.org_at(f, i))
    (m,) = f.out
    assert m.name == "الكتيبة 50"


def test_a_quoted_head_word_opens_no_name(finder):
    """"الجيش" الإسرائيلي قال: the quote right after the head closes the head itself (an outlet's
    quotes around a side's army), so the words after it are no organisation's name."""
    f = finder('وقال "الجيش" الإسرائيلي يصنع "القبة" الجديدة.')
    assert organisations.org_at(f, at(f, "الجيش")) is None


def test_a_head_with_the_article_behind_a_preposition_heads_no_name(finder):
    """حركة X is a group's name; للحركة X and بالحركة X are not: a definite noun heads no construct."""
    f = finder("وقال المتحدث باسم حركة نديم الحسن إن الهجوم فشل.")
    assert organisations.org_at(f, at(f, "حركة")) == at(f, "الحسن") + 1
    f = finder("وقال المتحدث العسكري للحركة نديم الحسن إن الهجوم فشل.")
    assert organisations.org_at(f, at(f, "للحركة")) is None
    f = finder("وانضم بالحركة نديم الحسن أمس.")
    assert organisations.org_at(f, at(f, "بالحركة")) is None


def test_a_second_unit_number_after_the_conjunction_is_named_with_the_first(finder):
    """اللواءين 12 و13: the dual of a unit word before two numbers names both units (Round 24)."""
    f = finder("قصفت الطائرات اللواءين 12 و13 قرب الحدود.")
    i = at(f, "اللواءين")
    assert organisations.org_at(f, i) == i + 3
    f = finder("تقدمت الفرقة 30 وسيطرت على التلة.")
    i = at(f, "الفرقة")
    assert organisations.org_at(f, i) == i + 2   # a word after the conjunction is no second number


def test_a_noun_of_flow_after_the_head_is_traffic_not_a_group(finder):
    """حركة الملاحة، حركة نزوح: the traffic of ships or people, no movement (Round 28: person28)."""
    for text in ("وهددوا حركة الملاحة في البحر.", "وشهدت المدينة حركة نزوح واسعة."):
        f = finder(text)
        assert organisations.org_at(f, at(f, "حركة")) is None
    f = finder("وأعلن لواء الفاتحين النفير.")
    assert organisations.org_at(f, at(f, "لواء")) is not None


def test_a_unit_named_by_its_number_is_a_state_force(finder):
    """الكتيبة 8104: armies number their units (lexicon numbered_unit_category; Round 34: actor34); a
    named unit keeps the armed group's category."""
    f = finder("وقتل جنديان من الكتيبة 8104 وقاتل لواء الفاتحين إلى جانب الحركة.")
    for word in ("الكتيبة", "لواء"):
        i = at(f, word)
        organisations.add_org(f, i, organisations.org_at(f, i))
    numbered, named = f.out
    assert numbered.category == "state_force" and "by its number" in numbered.why
    assert named.category == "non_state_armed_group"
