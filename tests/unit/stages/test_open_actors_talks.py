"""Nationality adjectives of talks and deals (roles14): after a talks or deal noun (open_actors.yaml
talks_nouns) the adjective names a party, the country's state, not its army; after an act of force it
still names the force. Composed sentences; needs the installed data for the mentions stage."""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def adjectives(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = Pipeline.build(default_resources(), ["clean", "sentences", "mentions", "open_actors", "link"]).run(text)
    return [(m.text, m.party_of, m.kb_id) for m in doc.mentions if m.party_of]


def test_the_adjectives_of_talks_name_the_states():
    got = adjectives("انطلقت في جنيف اليوم المحادثات الأميركية الروسية حول الأزمة.")
    assert got == [("الأميركية", "talks", "actor:usa"), ("الروسية", "talks", "actor:russia")]


def test_a_talks_modifier_may_stand_before_the_adjective():
    got = adjectives("وتحدث الوزير عن المفاوضات الثنائية التركية حول الحدود.")
    assert got == [("التركية", "talks", "actor:turkey")]


def test_a_deal_named_after_a_force_of_the_country_still_names_the_state():
    # the report names the Iranian forces: an act's adjective would name them, a deal's names the state
    got = adjectives("وصلت القوات الإيرانية إلى الحدود بعد الاتفاق الإيراني العراقي.")
    assert ("الإيراني", "talks", "actor:iran") in got


def test_the_adjective_of_an_act_of_force_still_names_the_force():
    got = adjectives("تواصل القصف الإسرائيلي على البلدة.")
    assert got == [("الإسرائيلي", "attack", "actor:idf")]


def test_an_adjective_after_another_noun_names_no_party():
    assert adjectives("وقال إن الاقتصاد الروسي تراجع.") == []


def test_sociology_is_no_meeting():
    # عالم الاجتماع: a word of learning before الاجتماع (open_actors.yaml talks_not_after)
    assert adjectives("وقال عالم الاجتماع الفرنسي إن الظاهرة قديمة.") == []


def test_a_delegation_adjective_names_its_state():
    got = adjectives("والتقى الوفد الإيراني وزير الخارجية في مسقط.")
    assert got == [("الإيراني", "talks", "actor:iran")]


# Round 21 (actor21): a second party's adjective after a dash, or with the conjunction right after the first
def test_a_dash_between_two_adjectives_of_an_act_names_both_parties():
    got = adjectives("واصلت طائرات العدوان الأميركي - البريطاني غاراتها على الساحل.")
    assert got == [("الأميركي", "attack", "actor:us_military"), ("البريطاني", "attack", "actor:uk_forces")]


def test_a_dash_between_two_adjectives_of_talks_names_both_states():
    got = adjectives("وانتهت الجولة الثالثة من المحادثات الإيرانية – الأميركية غير المباشرة.")
    assert [(t, p) for t, p, _ in got] == [("الإيرانية", "talks"), ("الأميركية", "talks")]


def test_an_adjective_with_the_conjunction_after_a_party_names_a_second_party():
    got = adjectives("وتوالت الضربات الأميركية والبريطانية على المواقع الساحلية.")
    assert got == [("الأميركية", "attack", "actor:us_military"), ("البريطانية", "attack", "actor:uk_forces")]


def test_an_adjective_with_the_conjunction_after_no_party_names_none():
    # the first adjective qualifies no act: the second names nobody either
    assert adjectives("وحضر المعرض زوار من الجالية المصرية والبريطانية.") == []
