"""Running totals of the dead (issue 8): a raise word with a total word, a word of the dead and
إلى (ما يرفع عدد الشهداء إلى 110) is one CASUALTIES report of its own; a war noun framed as its period
(منذ بدء المعارك البرية) is no act; an act told before it keeps its own toll. Each with its control case."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS)


def test_a_running_total_is_one_casualties_report_and_its_war_noun_no_clash():
    (ev,) = run("وارتفع عدد قتلى الجيش الإسرائيلي منذ بدء المعارك البرية في غزة إلى 161 قتيلاً.",
                "الجيش الإسرائيلي", place="غزة")
    assert ev.type == "CASUALTIES" and ev.fatalities == 161
    assert ev.extra["running_total"] and "running_total_raise" in ev.extra["why"]["type"]


def test_control_battles_told_without_a_total_are_a_clash():
    evs = run("اندلعت المعارك البرية في غزة وقتل 5 من الجيش الإسرائيلي.", "الجيش الإسرائيلي", place="غزة")
    assert [e.type for e in evs] == ["ARMED_CLASH"]


def test_the_count_after_ila_is_the_total_even_with_no_word_of_the_dead_after_it():
    evs = run("أقر الجيش الإسرائيلي بمقتل ضابط، مما يرفع مجموع قتلاه منذ 7 تشرين الأول إلى 665.",
              "الجيش الإسرائيلي", place=None)
    # the officer's death and the war's total are two reports: neither is the other told again
    assert sorted((e.fatalities, bool(e.extra.get("running_total"))) for e in evs) == [(1, False), (665, True)]
    assert {e.type for e in evs} == {"CASUALTIES"}


def test_an_act_told_before_the_total_keeps_its_own_toll_and_the_total_is_a_report_of_its_own():
    evs = run("قتل 4 مدنيين في قصف مدفعي للجيش على غزة، ما يرفع عدد القتلى إلى 300.", "الجيش", place="غزة")
    by_type = {e.type: e for e in evs}
    assert by_type["SHELLING"].fatalities == 4
    assert by_type["CASUALTIES"].fatalities == 300 and by_type["CASUALTIES"].extra["running_total"]


def test_a_strike_not_framed_as_the_totals_period_stays_an_event():
    evs = run("وارتفع عدد شهداء العائلة إلى 21 شهيدا في قصف مدفعي للجيش على منزلهم في غزة.", "الجيش", place="غزة")
    assert "SHELLING" in {e.type for e in evs} and "CASUALTIES" in {e.type for e in evs}


def test_control_a_count_of_raids_is_no_running_total_of_the_dead():
    evs = run("وارتفع عدد الغارات التي شنها الطيران الحربي على غزة إلى 16 غارة.", "الطيران الحربي", place="غزة")
    assert "CASUALTIES" not in {e.type for e in evs}


def test_a_strike_without_the_article_framed_by_khilal_is_still_an_act():
    # خلال قصفها مدينة أريحا: a strike named with its object, not the war as a whole
    evs = run("وارتفعت حصيلة قتلى تحطم طائرة حربية خلال قصفها مدينة أريحا إلى 37 قتيلا.", "طائرة حربية", place="أريحا")
    assert "AIRSTRIKE" in {e.type for e in evs}


def test_a_number_further_on_than_ila_is_no_total():
    evs = run("وارتفع عدد قتلى الجيش الإسرائيلي في غزة إلى الضعف خلال أسبوع، بينهم 3 ضباط.",
              "الجيش الإسرائيلي", place="غزة")
    assert not any(e.extra.get("running_total") for e in evs)   # 3 officers are no total of the dead


def test_the_raise_word_filter_lets_every_raise_word_through():
    """Lexicon.raise_ends is a necessary condition of the look-up: every form the look-up accepts
    (with a conjunction, with or without the article) ends with one of them."""
    L = RES.triggers
    from rasd.arabic.clitics import letters

    a, conj = letters().article, sorted(letters().conj)
    words = L.words["running_total_raise"]
    keys = {p + q + w for w in words for p in ["", *conj] for q in ("", a)} | {"قتل", "الى", "عدد"}
    accepted = [k for k in keys if "running_total_raise" in L.lists_of.lookup(k)]
    assert len(accepted) >= len(words)
    assert all(k.endswith(L.raise_ends) for k in accepted)
