"""Round 26 (fp26m), fresh Al Mayadeen reports: an air-defence interception is no clash (not_near),
crowds are a build-up only with forces near them, a siege paired with the war is its standing state,
and reconciliation counts only with the article (definite: مصالحه "its interests" folds into it).
Reader.rejection names the rule that drops a trigger."""
from __future__ import annotations

from hand_docs import doc_of, trigger_rejections

from rasd.kb.resources import Resources

RES = Resources("/nonexistent-rasd-data")


def _rejections(text: str) -> dict[str, tuple[str, str | None]]:
    return trigger_rejections(doc_of(text), RES)


def test_air_defences_that_confront_a_strike_are_no_clash():
    found = _rejections("وتصدت الدفاعات الجوية السورية لعدوان إسرائيلي استهدف محيط دمشق.")
    assert found["وتصدت"] == ("ARMED_CLASH", "not_near")
    found = _rejections("وقد تصدت وسائط دفاعنا الجوي لصواريخ العدوان.")
    assert found["تصدت"] == ("ARMED_CLASH", "not_near")
    found = _rejections("والدفاعات الجوية تتصدى لعدوان إسرائيلي على محيط دمشق.")
    assert found["تتصدى"] == ("ARMED_CLASH", "not_near")


def test_control_fighters_that_confront_a_force_are_a_clash():
    found = _rejections("وتصدى المقاومون لقوات الاحتلال التي توغلت داخل المخيم.")
    assert found["وتصدى"] == ("ARMED_CLASH", None)


def test_crowds_are_a_build_up_only_with_forces_near_them():
    assert _rejections("وتوافدت حشود جماهيرية غفيرة إلى الساحات في صنعاء.")["حشود"] == ("MOBILIZATION", "needs_near")
    assert _rejections("وسط وصول حشود عسكرية كبيرة إلى جبهة الشمال.")["حشود"] == ("MOBILIZATION", None)


def test_a_siege_paired_with_the_war_is_its_standing_state():
    found = _rejections("يعانون من أزمة إنسانية بسبب العدوان والحصار الإسرائيليين.")
    assert found["والحصار"] == ("ARMED_CLASH", "not_after")
    assert _rejections("وفرضت القوات حصارا على البلدة.")["حصارا"] == ("ARMED_CLASH", None)


def test_reconciliation_counts_only_with_the_article():
    found = _rejections("بسبب عملياته ضد سفن الاحتلال ومصالحه في المنطقة.")
    assert found["ومصالحه"] == ("AGREEMENT", "definite")
    assert _rejections("وأعلن الطرفان إتمام المصالحة بينهما في القاهرة.")["المصالحة"] == ("AGREEMENT", None)
