"""The topic rule's "talk of" cue (worthiness.yaml topic, round 36): a truce, talks or a deal that is
"talked of" is no act told; a deal told as signed and an attack after the words are left alone. Composed
sentences."""
from __future__ import annotations

import pytest

from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.worthiness import rules
from rasd.stages.worthiness.rules import Site, unworthy


@pytest.fixture(scope="module")
def cues():
    return Resources("/nonexistent-rasd-data").worthiness_cues


def site(sentence: str, trigger: str, type_: str = "AGREEMENT") -> Site:
    toks = tokenize(sentence)
    i = next(t.i for t in toks if sentence[t.start:t.end] == trigger)
    return Site([t.key for t in toks], i, i + 1, type_, "asserted", True, False)


@pytest.mark.parametrize("sentence, trigger, type_", [
    ("ورغم الحديث عن تجدد الوساطة بين الطرفين استمر التوتر في المدينة", "الوساطة", "MEETING"),
    ("قال المتحدث إن الحديث عن هدنة في الجنوب سابق لأوانه", "هدنة", "AGREEMENT"),
    ("يأتي ذلك في ظل الحديث عن عودة المفاوضات في العاصمة", "المفاوضات", "MEETING"),
    ("وترفض الحركة أي حديث عن تبادل جديد للأسرى", "تبادل", "PRISONER_RELEASE"),
    ("وضجت الصحف بالحديث عن اتفاق قريب بين الجانبين", "اتفاق", "AGREEMENT"),
])
def test_talk_of_a_truce_talks_or_deal_is_not_told(cues, sentence, trigger, type_):
    why = rules.topic(site(sentence, trigger, type_), cues)
    assert why and "حديث عن" in why
    assert unworthy(site(sentence, trigger, type_), cues)


@pytest.mark.parametrize("sentence, trigger, type_", [
    # the controls: a deal told as signed; an act, not of a diplomacy type, after the words
    ("وقع الطرفان اتفاق وقف إطلاق النار في المدينة", "اتفاق", "AGREEMENT"),
    ("وتحدث الشهود عن قصف عنيف على البلدة", "قصف", "SHELLING"),
    # the cue reaches at most two words past "عن"
    ("دار الحديث عن أمور كثيرة في المدينة ثم وقع الطرفان اتفاقا", "اتفاقا", "AGREEMENT"),
])
def test_a_told_deal_an_act_and_a_far_trigger_are_kept(cues, sentence, trigger, type_):
    assert rules.topic(site(sentence, trigger, type_), cues) is None
