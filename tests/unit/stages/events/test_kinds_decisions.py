"""Type decisions and trigger senses of the events stage on composed sentences (issue 8): the
doer of a bare قصف, missiles and drones in one act, liberation of a place, deployments, arrest
warrants, advances, sieges, and meetings with nobody named. Each decision keeps its control case."""
from __future__ import annotations

from functools import partial

from hand_docs import actor_events, doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)


run = partial(actor_events, EVENTS)


# --- the doer of a bare bombardment ----------------------------------------------------------
def test_a_bare_bombardment_whose_doer_strikes_from_the_air_is_an_airstrike():
    (ev,) = run("صعد جيش الاحتلال وتيرة قصفه على رفح.", "جيش الاحتلال", kb_id="actor:idf", place="رفح")
    assert ev.type == "AIRSTRIKE" and "air_first_actors" in ev.extra["why"]["type"]
    (ev,) = run("تواصل قصف جيش الاحتلال على رفح.", "جيش الاحتلال", kb_id="actor:idf", place="رفح")
    assert ev.type == "AIRSTRIKE"


def test_a_bare_bombardment_by_another_party_keeps_its_listed_type():
    (ev,) = run("صعدت الجماعة وتيرة قصفها على تعز.", "الجماعة", kb_id="actor:houthis",
                category="non_state_armed_group", place="تعز")
    assert ev.type == "SHELLING" and "no air or ground cue" in ev.extra["why"]["type"]


def test_a_ground_weapon_still_makes_the_air_first_doers_bombardment_a_shelling():
    (ev,) = run("صعد جيش الاحتلال قصفه المدفعي على رفح.", "جيش الاحتلال", kb_id="actor:idf", place="رفح")
    assert ev.type == "SHELLING"


# --- missiles and drones ----------------------------------------------------------------------
def test_an_attack_with_missiles_and_drones_is_coded_as_both_kinds_of_fire():
    evs = run("استهدف الحرس الثوري القاعدة العسكرية بعشرات الصواريخ والمسيرات.", "الحرس الثوري")
    assert sorted(e.type for e in evs) == ["AIRSTRIKE", "SHELLING"]
    assert any("one act coded as both" in e.extra["why"]["type"] for e in evs)


def test_an_attack_with_missiles_alone_is_one_event():
    evs = run("استهدف الحرس الثوري القاعدة العسكرية بعشرات الصواريخ الثقيلة.", "الحرس الثوري")
    assert [e.type for e in evs] == ["SHELLING"]


# --- trigger senses ---------------------------------------------------------------------------
def test_liberation_of_a_place_is_a_capture_but_an_editor_is_not():
    (ev,) = run("أعلن الجيش تحرير مدينة الرمادي من المسلحين.", "الجيش", place="مدينة الرمادي")
    assert ev.type == "TERRITORY_TAKEN"
    assert run("قال رئيس تحرير صحيفة الرمادي إن الجيش بخير.", "الجيش", place="الرمادي") == []


def test_a_spread_is_no_deployment_but_forces_spreading_out_are():
    assert run("حذر الجيش من انتشار الأمراض في مدينة الرمادي.", "الجيش", place="مدينة الرمادي") == []
    (ev,) = run("انتشرت قوات الجيش في مدينة الرمادي.", "الجيش", place="مدينة الرمادي")
    assert ev.type == "MOBILIZATION"


def test_an_arrest_warrant_is_no_arrest():
    assert run("طلب المدعي العام إصدار مذكرة اعتقال بحق قائد الجيش.", "الجيش") == []
    (ev,) = run("أعلن الجيش اعتقال خمسة مسلحين في مدينة الرمادي.", "الجيش", place="مدينة الرمادي")
    assert ev.type == "ARREST"


def test_progress_or_an_offer_is_no_advance_but_a_force_moving_on_a_place_is():
    assert all(e.type != "ARMED_CLASH" for e in run("بحثت الحكومة التقدم المحرز في الشراكة.", "الحكومة", category="government"))
    (ev,) = run("يتابع الجيش التقدم في ريف الرمادي.", "الجيش", place="ريف الرمادي")
    assert ev.type == "ARMED_CLASH"


def test_a_front_of_fighting_is_no_clash():
    evs = run("أصيب عناصر الجيش في محور القتال شرق الرمادي.", "الجيش", place="الرمادي")
    assert all(e.type != "ARMED_CLASH" for e in evs)
    (ev,) = run("دارت معارك عنيفة بين الجيش والمسلحين شرق الرمادي.", "الجيش", place="الرمادي")
    assert ev.type == "ARMED_CLASH"


def test_a_standing_siege_is_no_act_but_imposing_one_is():
    assert run("يعيش السكان في ظل الحصار الذي يفرضه الجيش على الرمادي.", "الجيش", place="الرمادي") == []
    (ev,) = run("فرض الجيش حصارا على مدينة الرمادي.", "الجيش", place="مدينة الرمادي")
    assert ev.type == "ARMED_CLASH"


def test_a_meeting_with_nobody_named_is_no_event():
    doc = doc_of("ناقش الاجتماع في الرمادي جدول الأعمال.")
    entity(doc, "E2", "PLACE", "الرمادي")
    assert EVENTS(doc).events == []
    (ev,) = run("عقد الجيش اجتماعا في الرمادي.", "الجيش", place="الرمادي")
    assert ev.type == "MEETING"


def test_a_person_joining_a_group_is_no_alliance():
    doc = doc_of("انضم أبو محمد إلى التنظيم في الموصل.")
    entity(doc, "E1", "PERSON", "أبو محمد")
    entity(doc, "E3", "ACTOR", "التنظيم", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", "الموصل")
    assert [e.type for e in EVENTS(doc).events] == []
    doc = doc_of("اندمجت الجبهة مع التنظيم في الموصل.")
    entity(doc, "E1", "ACTOR", "الجبهة", category="non_state_armed_group")
    entity(doc, "E3", "ACTOR", "التنظيم", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", "الموصل")
    assert [e.type for e in EVENTS(doc).events] == ["ALLIANCE"]


def test_joining_is_no_alliance_word():
    # a membership (a club, a treaty, an organisation, a recruit), not two parties allying (round 19, nogold19)
    doc = doc_of("انضمت الجبهة إلى التنظيم في الموصل.")
    entity(doc, "E1", "ACTOR", "الجبهة", category="non_state_armed_group")
    entity(doc, "E3", "ACTOR", "التنظيم", category="non_state_armed_group")
    entity(doc, "E2", "PLACE", "الموصل")
    assert [e.type for e in EVENTS(doc).events] == []


def test_gathering_and_strengthening_are_a_mobilization_only_with_forces_near():
    # round 19 (nogold19): حشد / عزز alone rally support, name a crowd or strengthen ties
    (ev,) = run("حشد الجيش قواته في ريف الرمادي.", "الجيش", place="ريف الرمادي")
    assert ev.type == "MOBILIZATION"
    (ev,) = run("عزز الجيش وجوده في ريف الرمادي.", "الجيش", place="ريف الرمادي")
    assert ev.type == "MOBILIZATION"
    assert run("عزز الجيش صورته في ريف الرمادي.", "الجيش", place="ريف الرمادي") == []
    assert run("حشد الجيش التأييد في ريف الرمادي.", "الجيش", place="ريف الرمادي") == []


def test_gathered_forces_hit_by_a_strike_are_its_target_not_a_mobilization():
    evs = run("قصفت الكتائب حشود الجيش في الرمادي.", "الكتائب", category="non_state_armed_group", place="الرمادي")
    assert [e.type for e in evs] == ["SHELLING"]
    (ev,) = run("وصلت حشود الجيش إلى ريف الرمادي.", "الجيش", place="ريف الرمادي")
    assert ev.type == "MOBILIZATION"


def test_opening_fire_is_read_in_the_present_and_with_a_pronoun_after_on():
    (ev,) = run("قال شهود إن قوات الاحتلال تطلق النار عليه في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS" and ev.places == ["E2"]
    (ev,) = run("قالت المصادر إن قوات الاحتلال أطلقت النار عليهم في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS"
