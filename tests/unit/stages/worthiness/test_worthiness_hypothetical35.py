"""The hypothetical rule (worthiness.yaml hypothetical, round 35): an act of "any" kind or one guarded against
is no act told; a denied act's "any", "any of" a set and "that is" are left alone. Composed sentences."""
from __future__ import annotations

import pytest

from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.worthiness import rules
from rasd.stages.worthiness.rules import Site, unworthy


@pytest.fixture(scope="module")
def cues():
    return Resources("/nonexistent-rasd-data").worthiness_cues


def site(sentence: str, trigger: str, type_: str = "ARMED_CLASH", modality: str = "asserted") -> Site:
    toks = tokenize(sentence)
    i = next(t.i for t in toks if sentence[t.start:t.end] == trigger)
    return Site([t.key for t in toks], i, i + 1, type_, modality, True, False)


@pytest.mark.parametrize("sentence, trigger", [
    ("أكدت الكتيبة جاهزيتها للتصدي لأي عدوان يستهدف المدينة", "يستهدف"),
    ("قال القائد إن الجبهة سترد على أي اعتداء عليها في المنطقة", "اعتداء"),
    ("أكد أن الجيش مستعد في أي وقت لمثل الهجمات التي يشنها التنظيم", "الهجمات"),
    ("وأي هجوم على المدينة سيقابل برد قاس", "هجوم"),
    ("نشرت الشرطة قواتها في الساحة تحسبا لهجمات جديدة", "لهجمات"),
])
def test_an_act_of_any_kind_or_guarded_against_is_not_told(cues, sentence, trigger):
    why = rules.hypothetical(site(sentence, trigger), cues)
    assert why and ("any kind" in why or "guarded against" in why)
    assert unworthy(site(sentence, trigger), cues)


@pytest.mark.parametrize("sentence, trigger, modality", [
    # a denied act's "any": left to the negation rules (the events stage reads it negated, or not)
    ("ولم تسجل أي اشتباكات في المنطقة", "اشتباكات", "asserted"),
    ("داهمت القوات منازل من دون أي اعتقالات", "اعتقالات", "asserted"),
    ("ولم تسجل أي اشتباكات في المنطقة", "اشتباكات", "negated"),
    # "any of" a set; "that is": no act of a kind
    ("لم يعلن أي من الفصائل مسؤوليته عن الهجوم", "الهجوم", "asserted"),
    ("وصل الوفد يوم الاثنين أي بعد يومين من الهجوم على البلدة", "الهجوم", "asserted"),
    # the controls: an act told
    ("شن مسلحون هجوما على حاجز للجيش في البلدة", "هجوما", "asserted"),
    ("نشرت الشرطة قواتها في الساحة، وقصفت الطائرات البلدة", "وقصفت", "asserted"),
])
def test_a_denied_any_a_set_and_a_told_act_are_kept(cues, sentence, trigger, modality):
    assert rules.hypothetical(site(sentence, trigger, modality=modality), cues) is None


def test_the_any_word_reaches_no_further_than_its_window(cues):
    far = site("سترد الجبهة على أي خرق يحدث في أي مكان وبعد ذلك قصفت الطائرات البلدة", "قصفت")
    assert rules.hypothetical(far, cues) is None


def test_a_negation_before_the_any_word_denies_the_act(cues):
    far = site("ولم ترد أي تقارير عن وقوع اشتباكات في المدينة", "اشتباكات")
    assert rules.hypothetical(far, cues) is None
    assert rules.modality(far, cues)[0] == "negated"
    told = site("شن مسلحون هجوما على حاجز للجيش في البلدة", "هجوما")
    assert rules.modality(told, cues) is None


def test_a_toll_denied_after_the_any_word_leaves_the_act_told(cues):
    toll = site("ولم تسجل أي إصابات بسقوط صاروخين على الحي", "صاروخين", "SHELLING")
    assert rules.hypothetical(toll, cues) is None
    assert rules.denied_any(toll, cues) is None


def test_that_is_before_a_number_is_no_any(cues):
    told = site("ألقت الطائرات قنبلتين زنة ألفي رطل أي 907 غارة على البلدة", "غارة", "AIRSTRIKE")
    assert rules.hypothetical(told, cues) is None
