"""The worthiness rules on composed sentences: each drops the clause it names and keeps its control."""
from __future__ import annotations

import pytest

from rasd.arabic.tokens import tokenize
from rasd.kb.resources import Resources
from rasd.stages.worthiness import rules
from rasd.stages.worthiness.rules import Site, toll_negation, unworthy


@pytest.fixture(scope="module")
def cues():
    return Resources("/nonexistent-rasd-data").worthiness_cues


def site(sentence: str, trigger: str, type_: str = "SHELLING", nth: int = 0, modality: str = "asserted",
         has_place: bool = True, words: int = 1) -> Site:
    toks = tokenize(sentence)
    hits = [t.i for t in toks if sentence[t.start:t.end] == trigger]
    i = hits[nth]
    after = sentence[toks[i + words - 1].end:].lstrip()
    return Site([t.key for t in toks], i, i + words, type_, modality, has_place,
                bool(after) and after[0] in rules.OPENING_QUOTES)


def test_motive_drops_the_act_named_as_a_reason_and_keeps_the_act_it_motivates(cues):
    s = "قصفت المقاومة موقع الاحتلال ردا على قصف القرى الحدودية"
    assert "motive" in unworthy(site(s, "قصف"), cues)
    assert unworthy(site(s, "قصفت"), cues) is None


def test_motive_act_dated_in_passing_is_kept(cues):
    s = "أغارت الطائرات على مواقع في الجنوب ردا على صواريخ أطلقت الثلاثاء"
    assert rules.motive(site(s, "صواريخ"), cues) is None


def test_opinion_fear_and_possibility_are_not_reports(cues):
    assert "opinion" in unworthy(site("يخشى المسؤولون أن تندلع معارك في الجنوب", "معارك", "ARMED_CLASH"), cues)
    assert "opinion" in unworthy(site("قال القائد إن الصواريخ يمكن أن تضرب هدفها خلال دقيقة", "تضرب"), cues)
    assert unworthy(site("قال المتحدث إن معارك عنيفة اندلعت في الجنوب", "معارك", "ARMED_CLASH"), cues) is None


def test_judgement_after_the_act(cues):
    s = "أكد الوزير أن الهجوم على القاعدة حق مشروع"
    assert "judged" in rules.judgement(site(s, "الهجوم", "ARMED_CLASH"), cues)
    # bare مشروع is also "a project": no judgement
    assert rules.judgement(site("استهدفت القذائف مشروع مستشفى في الحي", "القذائف"), cues) is None


def test_habitual_and_generic_object(cues):
    assert "habitual" in unworthy(site("يقصف الجيش القرى المجاورة بانتظام", "يقصف"), cues)
    assert "phenomenon" in unworthy(site("أكد أن المملكة تتصدى للإرهاب بكل أشكاله", "تتصدى", "ARMED_CLASH"), cues)
    assert unworthy(site("تتصدى القوات لهجوم المسلحين على البلدة", "تتصدى", "ARMED_CLASH"), cues) is None


def test_campaign_name_in_quotes_is_a_reference_unless_launched(cues):
    ref = site('قتل عدد من أسرى معركة "النصر" في القصف', "معركة", "ARMED_CLASH")
    assert ref.quoted_name_after and "campaign" in unworthy(ref, cues)
    launched = site('أطلقت الفصائل معركة "النصر" في الريف الجنوبي', "معركة", "ARMED_CLASH")
    assert rules.campaign_name(launched, cues) is None
    assert rules.campaign_name(site("دارت معركة عنيفة في البلدة", "معركة", "ARMED_CLASH"), cues) is None


def test_aim_of_an_attempt_is_no_outcome(cues):
    s = "يحاول التنظيم التقدم للسيطرة على قرى في الريف الشمالي"
    assert "aim" in unworthy(site(s, "للسيطرة", "TERRITORY_TAKEN"), cues)
    # the attempt itself is a fight told (محاولة اقتحام): only outcome types are aims
    assert rules.aim(site("صدت القوات محاولة اقتحام البلدة", "اقتحام", "ARMED_CLASH"), cues) is None
    assert unworthy(site("سيطرت القوات على قرى في الريف الشمالي", "سيطرت", "TERRITORY_TAKEN"), cues) is None


def test_open_vow_without_place(cues):
    s = "توعد القائد بالرد على الهجوم"
    assert "vow" in rules.vow(site(s, "الهجوم", "ARMED_CLASH", modality="planned", has_place=False), cues)
    assert rules.vow(site(s, "الهجوم", "ARMED_CLASH", modality="planned", has_place=True), cues) is None


@pytest.mark.parametrize("sentence,trigger,type_", [
    ("تقدمت الحركة بالتعازي إلى عائلات الضحايا", "تقدمت", "ARMED_CLASH"),
    ("قال إن العقوبات لا تقدم ولا تؤخر", "تقدم", "ARMED_CLASH"),
    ("حذر من انفجار الوضع في المنطقة", "انفجار", "BOMBING"),
    ("شنت طائرات التحالف غارات على المدينة", "التحالف", "ALLIANCE"),
    ("يماطل الجيش في إخلاء الجرحى من المستشفى", "إخلاء", "TERRITORY_HANDOVER"),
    ("قالت الخارجية إن باكستان تتقدم باحتجاج على هذا العمل", "باحتجاج", "PROTEST"),
    ("استدعت الوزارة السفير لتسليمه مذكرة احتجاج رسمي", "احتجاج", "PROTEST"),
    ("أقر البرلمان القانون بعد انسحاب المعارضة من الجلسة", "انسحاب", "TERRITORY_HANDOVER"),
    ("أعلن المرشح انسحابه من السباق الرئاسي", "انسحابه", "TERRITORY_HANDOVER"),
    ("أكدت الوزارة استمرار تحرير الأراضي من دنس التمرد الحوثي", "التمرد", "DEFECTION"),
    ("تمكنت الفصائل في حلب من تحرير 25 امرأة وطفلا", "تحرير", "TERRITORY_TAKEN"),
    ("فرضت الدول عقوبات تمنع تزويد الجيش بالصواريخ البالستية", "بالصواريخ", "SHELLING"),
    ("أعلن قائد القوة الجوية تصنيع أول صاروخ فرط صوتي", "صاروخ", "SHELLING"),
    ("قال المسؤولون إن زوجته قيد الاعتقال لدى القوات الأميركية", "الاعتقال", "ARREST"),
    ("قال المصدر إن محادثات وقف إطلاق النار في غزة مستمرة", "وقف", "AGREEMENT"),
    ("تنفذ القوات مداهمات في محاولة للسيطرة على الأمور في المخيم", "للسيطرة", "TERRITORY_TAKEN"),
    ("ارتفعت صادرات النفط إلى 1.3 مليون برميل يوميا", "برميل", "AIRSTRIKE"),
])
def test_trigger_sense_told_by_the_word_beside_it(cues, sentence, trigger, type_):
    assert "worthiness.yaml:" in rules.sense(site(sentence, trigger, type_), cues)


@pytest.mark.parametrize("sentence,trigger,type_", [
    ("تقدمت القوات نحو البلدة من الجهة الشرقية", "تقدمت", "ARMED_CLASH"),
    ("أطلقت الفصائل عشرات الصواريخ على المستوطنات", "الصواريخ", "SHELLING"),
    ("ألقى الطيران المروحي برميلا متفجرا على البلدة", "برميلا", "AIRSTRIKE"),
    ("اعتقلت القوات شابين بعد مداهمة منزلهما في البلدة", "اعتقلت", "ARREST"),
    ("أعلن الطرفان وقف إطلاق النار في المدينة صباح اليوم", "وقف", "AGREEMENT"),
    ("أعلنت الفصائل تحالف جديد بين ثلاث فصائل", "تحالف", "ALLIANCE"),
    ("هز انفجار عنيف وسط المدينة", "انفجار", "BOMBING"),
    ("نظم المعلمون احتجاجا أمام مبنى الوزارة", "احتجاجا", "PROTEST"),
    ("أعلن الجيش انسحاب قواته من البلدة", "انسحاب", "TERRITORY_HANDOVER"),
    ("أعلن قائد الكتيبة التمرد على قيادة الجيش", "التمرد", "DEFECTION"),
    ("أعلن الجيش تحرير مدينة الرمادي من المسلحين", "تحرير", "TERRITORY_TAKEN"),
])
def test_the_conflict_sense_is_kept(cues, sentence, trigger, type_):
    assert rules.sense(site(sentence, trigger, type_), cues) is None


def test_shooting_oneself_in_the_foot_is_an_idiom_and_shooting_at_youths_is_not(cues):
    s = "قال المحلل إن الحكومة تطلق النار على قدميها"
    assert "idiom" in rules.sense(site(s, "تطلق", "ATTACK_ON_CIVILIANS", words=3), cues)
    s = "قالت المصادر إن قوات الاحتلال تطلق النار على الشبان"
    assert rules.sense(site(s, "تطلق", "ATTACK_ON_CIVILIANS", words=3), cues) is None


def test_toll_negation_asserts_the_act(cues):
    s = "لم تسجل إصابات بسقوط قذيفتين على الحي الشرقي"
    assert "toll" in toll_negation(site(s, "بسقوط", modality="negated"), cues)
    assert toll_negation(site(s, "بسقوط", modality="asserted"), cues) is None
    assert toll_negation(site("لم تقصف الطائرات البلدة اليوم", "تقصف", modality="negated"), cues) is None


def test_a_count_of_acts_is_a_statistic(cues):
    s = "تعرضت القوات للهجوم 12 مرة على الأقل في الأسبوع الماضي"
    assert "count" in unworthy(site(s, "للهجوم", "ARMED_CLASH"), cues)
    assert rules.tally(site("استهدفت المقاومة القاعدة للمرة الثانية", "استهدفت"), cues) is None


def test_a_demand_is_planned(cues):
    s = "أكد الأهالي ضرورة الإفراج عن كل الأسرى"
    assert "planned" in rules.demand(site(s, "الإفراج", "PRISONER_RELEASE"), cues)
    assert rules.demand(site("أعلنت السلطات الإفراج عن الأسرى", "الإفراج", "PRISONER_RELEASE"), cues) is None


def test_campaign_name_after_a_preposition_is_a_reference_too(cues):
    ref = site('والتحاما بمعركة "النصر" تواصل الفصائل عملياتها', "بمعركة", "ARMED_CLASH")
    assert "campaign" in rules.campaign_name(ref, cues)
    assert rules.campaign_name(site("والتحاما بمعركة عنيفة في البلدة", "بمعركة", "ARMED_CLASH"), cues) is None


def test_advance_with_condolences_a_few_words_later_is_no_advance(cues):
    s = "وتقدمت لجان المقاومة في فلسطين بالتعازي من العائلات"
    assert "offer or submit" in rules.sense(site(s, "وتقدمت", "ARMED_CLASH"), cues)
    assert rules.sense(site("وتقدمت قوات الجيش في ريف المدينة الجنوبي", "وتقدمت", "ARMED_CLASH"), cues) is None


def test_timeframe_the_war_a_count_runs_from_is_no_act_and_a_dated_clash_is(cues):
    s = "ارتفعت حصيلة القتلى منذ بدء المواجهات في المدينة إلى مئة"
    assert "span a count" in unworthy(site(s, "المواجهات", "ARMED_CLASH"), cues)
    assert "span a count" in unworthy(site("قتل ألف مدني منذ اندلاع الحرب", "الحرب", "ARMED_CLASH"), cues)
    assert rules.timeframe(site("اندلعت المواجهات في المدينة منذ الصباح", "المواجهات", "ARMED_CLASH"), cues) is None


def test_a_question_asks_whether_an_act_happens_and_tells_none(cues):
    q = site("هل تشن إسرائيل هجوما على لبنان", "هجوما", "ARMED_CLASH")
    assert rules.question(q, cues) is None                      # no mark: the rule needs the clause's end
    from dataclasses import replace
    assert "asked about" in unworthy(replace(q, clause_end="؟"), cues)
    assert unworthy(replace(q, clause_end="."), cues) is None


def test_repeated_acts_and_a_scene_of_attacks_are_habitual(cues):
    s = "تشهد مناطق ريف دير الزور هجمات متكررة لمقاتلي العشائر"
    assert "habitual" in unworthy(site(s, "هجمات", "ARMED_CLASH"), cues)
    s = "كان الإقليم في الماضي مسرحا لهجمات شنها مسلحون"
    assert "habitual" in unworthy(site(s, "لهجمات", "ARMED_CLASH"), cues)
    assert unworthy(site("شن مقاتلو العشائر هجمات على مواقع قسد في ذيبان", "هجمات", "ARMED_CLASH"), cues) is None


def test_a_backdrop_after_fi_zill_is_no_act_told(cues):
    s = "يأتي التصعيد في ظل المفاوضات التركية السورية"
    assert "span a count or state runs from" in unworthy(site(s, "المفاوضات", "MEETING"), cues)
    assert unworthy(site("عقد الطرفان مفاوضات في أنقرة", "مفاوضات", "MEETING"), cues) is None


def test_a_fear_with_a_pronoun_is_an_opinion(cues):
    s = "يبدي الاحتلال تخوفه من انضمام الحزب إلى المعركة"
    assert "opinion" in unworthy(site(s, "انضمام", "ALLIANCE"), cues)


def test_a_deal_or_talk_as_a_topic_is_not_told_as_reached(cues):
    s = "فشل تبني مشروع قرار بشأن وقف إطلاق النار في غزة"
    assert "topic" in unworthy(site(s, "وقف", "AGREEMENT"), cues)
    s = "قال إن الأرضية أصبحت مناسبة للتوصل إلى اتفاق نهائي"
    assert "topic" in unworthy(site(s, "اتفاق", "AGREEMENT"), cues)
    assert unworthy(site("وقع الطرفان اتفاقا لوقف القتال في المدينة", "اتفاقا", "AGREEMENT"), cues) is None
    # only the types of diplomacy: a warning about an attack leaves the attack told
    assert rules.topic(site("نقلت تحذيرا بخصوص الهجوم على القاعة", "الهجوم", "ARMED_CLASH"), cues) is None


def test_the_purpose_an_act_is_done_for_is_no_act_told_of_any_type(cues):
    s = "تضغط الدول على الاحتلال من أجل وقف إطلاق النار في القطاع"
    assert "purpose" in unworthy(site(s, "وقف", "AGREEMENT"), cues)
    s = "تظاهر المستوطنون من أجل منع الهجوم التالي على المستوطنة"
    assert "purpose" in rules.purpose(site(s, "الهجوم", "ARMED_CLASH"), cues)
    # the act done for a purpose is told: the cue stands after its trigger
    s = "شنت القوات هجوما على البلدة من أجل السيطرة على الطريق"
    assert rules.purpose(site(s, "هجوما", "ARMED_CLASH"), cues) is None
    assert "purpose" in rules.purpose(site(s, "السيطرة", "TERRITORY_TAKEN"), cues)


def test_the_act_a_protest_denounces_is_its_motive_not_told(cues):
    s = "خرجت تظاهرات حاشدة في العاصمة تنديدا بمجازر الاحتلال"
    assert "motive" in unworthy(site(s, "بمجازر", "ATTACK_ON_CIVILIANS"), cues)
    s = "شارك المئات في وقفة احتجاجا على القصف الإسرائيلي"
    assert "motive" in unworthy(site(s, "القصف", "AIRSTRIKE"), cues)
    assert unworthy(site(s, "وقفة", "PROTEST"), cues) is None


def test_an_anniversary_names_the_date_an_act_is_remembered_on(cues):
    s = "افتتح الحزب متحفا بمناسبة الذكرى السادسة لتحرير الجرود الشرقية"
    assert "span a count" in unworthy(site(s, "لتحرير", "TERRITORY_TAKEN"), cues)
    s = "حررت المقاومة الجرود الشرقية قبل ست سنوات"
    assert rules.timeframe(site(s, "حررت", "TERRITORY_TAKEN"), cues) is None


def test_continuation_drops_a_campaign_told_as_going_on(cues):
    # a verb of going on with its subject between it and the act noun: the campaign summed up
    s = "وتواصل الفصائل المسلحة في الشمال استهداف المواقع العسكرية على طول الحدود"
    assert "going on" in unworthy(site(s, "استهداف"), cues)
    # an adjective of going on with the article, only definite words between
    s = "قتل ثلاثة أشخاص في القصف الجوي المتواصل على المدينة"
    assert "going on" in rules.continuation(site(s, "القصف", "AIRSTRIKE"), cues)


def test_continuation_keeps_acts_told(cues):
    # right after the verb the act is its subject: the clashes went on, told
    assert rules.continuation(site("وتواصلت الاشتباكات في الحي الشرقي", "الاشتباكات", "ARMED_CLASH"), cues) is None
    assert rules.continuation(site("تواصل الاشتباكات في الحي الشرقي", "الاشتباكات", "ARMED_CLASH"), cues) is None
    # a trigger joined by و is the fellow of the word after the verb
    s = "تواصل القوات تقدمها وسيطرتها على نقاط في المدينة"
    assert rules.continuation(site(s, "وسيطرتها", "TERRITORY_TAKEN"), cues) is None
    # another clause between: a word joined by و, or an opener
    s = "تواصل المقاومة عملياتها وتعلن استهدافها نقطة عسكرية"
    assert rules.continuation(site(s, "استهدافها"), cues) is None
    s = "ويواصل الجيش اعتداءاته على الجنوب حيث استهدفت المدفعية أطراف البلدة"
    assert rules.continuation(site(s, "المدفعية"), cues) is None
    # after a preposition the word is the noun, and a noun with the article is no verb
    s = "ومع تواصل المعارك تظاهر العشرات في العاصمة"
    assert rules.continuation(site(s, "تظاهر", "PROTEST"), cues) is None
    s = "نشر ناشطون على مواقع التواصل الاجتماعي صور الانفجار في الميناء"
    assert rules.continuation(site(s, "الانفجار", "BOMBING"), cues) is None
    # an indefinite adjective tells fighting going on at a place; past a word without the article
    # the adjective belongs to another noun
    s = "تخوض الفصائل معارك مستمرة مع القوات في البلدة"
    assert rules.continuation(site(s, "معارك", "ARMED_CLASH"), cues) is None
    s = "خرجت تظاهرات تنديدا بالعدوان المستمر على المدينة"
    assert rules.continuation(site(s, "تظاهرات", "PROTEST"), cues) is None


def test_habitual_systematic_act_is_a_practice(cues):
    s = "قالت الرئاسة إن الهجمات العسكرية الممنهجة على الإقليم لا مسوغ لها"
    assert "habitual" in unworthy(site(s, "الهجمات", "ARMED_CLASH"), cues)
    assert unworthy(site("قالت الرئاسة إن الهجمات العسكرية على الإقليم أوقعت قتلى", "الهجمات", "ARMED_CLASH"),
                    cues) is None


def test_sense_imminent_danger_is_no_raid(cues):
    s = "قالت الحركة إن سياسة الحكومة باتت خطرا داهما على الأسرى"
    assert "imminent" in unworthy(site(s, "داهما", "ARREST"), cues)
    assert unworthy(site("داهمت القوات منازل في البلدة واعتقلت شابين", "داهمت", "ARREST"), cues) is None


def test_a_part_taken_in_fighting_is_a_record_not_an_act(cues):
    career = "وأشار الجهاز إلى أن المعتقل انضم إلى التنظيم كمقاتل واشترك في عدة هجمات ضد القوات الأمنية"
    assert "part taken" in unworthy(site(career, "هجمات", "ARMED_CLASH"), cues)
    tour = "سحب الجيش الكتيبة بعد أشهر من المشاركة في القتال شمالي القطاع"
    assert "part taken" in rules.participation(site(tour, "القتال", "ARMED_CLASH"), cues)
    # a protest one takes part in is the event told; a fight told with its own verb is kept
    assert rules.participation(site("شارك الآلاف في التظاهرة وسط المدينة", "التظاهرة", "PROTEST"), cues) is None
    assert unworthy(site("اندلعت اشتباكات عنيفة بين الجيش والمسلحين في البلدة", "اشتباكات", "ARMED_CLASH"), cues) is None
