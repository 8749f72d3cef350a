"""Typing a trigger (stages/events/kinds.py, issue 8 item 1, types9): an attack with no weapon and no
target that tells its kind is typed by whom its sentence says it hurt: unarmed people make it an
attack on civilians, a fighter among them keeps the clash. And trigger stems written out where a
prefix form matched words of another sense (تصدير، احتجاز، تخليد …). Each with its control case."""
from __future__ import annotations

from functools import partial

import pytest
from hand_docs import actor_events

from rasd.arabic.normalize import fold_str
from rasd.kb.resources import Resources
from rasd.stages.events import Events

RES = Resources("/nonexistent-rasd-data")
EVENTS = Events(RES)

run = partial(actor_events, EVENTS, category="non_state_armed_group")


def test_an_attack_that_killed_unarmed_people_is_an_attack_on_civilians_and_says_whom():
    (ev,) = run("هاجمت بوكو حرام ثلاث قرى في بورنو حيث قتلت عشرة أشخاص.", "بوكو حرام", place="بورنو")
    assert ev.type == "ATTACK_ON_CIVILIANS"
    why = ev.extra["why"]["type"]
    assert "unarmed_victims" in why and "'أشخاص'" in why


def test_the_victims_may_stand_before_the_attack_word():
    (ev,) = run("قتل عدد من الأشخاص وأصيب آخرون في هجوم مسلح شنه مسلحون في بورنو.", "مسلحون", place="بورنو")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_a_fighter_among_the_hurt_keeps_the_clash():
    (ev,) = run("قتل ثلاثة جنود ومدنيان في هجوم شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_an_attack_with_nobody_hurt_stays_a_clash():
    (ev,) = run("شنت بوكو حرام هجوما على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "unarmed_victims" not in ev.extra["why"]["type"]


def test_control_an_attack_on_a_military_object_stays_a_clash_whoever_died():
    (ev,) = run("شنت بوكو حرام هجوما على مواقع في بورنو أدى إلى مقتل خمسة أشخاص.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_an_unarmed_word_far_from_any_harm_word_does_not_decide():
    # السكان here are who reports, not who was hurt
    (ev,) = run("قال السكان المحليون في بورنو إن بوكو حرام شنت هجوما على البلدة.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH"


def test_control_a_weapon_still_decides_before_the_victims():
    (ev,) = run("قتل عشرة أشخاص في هجوم صاروخي شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "SHELLING"


@pytest.mark.parametrize("word", ["تصدير", "تصديق", "احتجاز", "احتجزت", "تخليد", "اتحدث", "يتفقد"])
def test_a_word_of_another_sense_opens_no_trigger_of_the_stem(word):
    cands = RES.triggers.candidates(fold_str(word))
    assert not [d.type for _, d in cands if d.type in ("ARMED_CLASH", "PROTEST", "TERRITORY_HANDOVER",
                                                       "ALLIANCE", "AGREEMENT")]


@pytest.mark.parametrize("word,typ", [("تصدت", "ARMED_CLASH"), ("تصدى", "ARMED_CLASH"), ("تصديها", "ARMED_CLASH"),
                                      ("احتجوا", "PROTEST"), ("يحتجون", "PROTEST"), ("تخلي", "TERRITORY_HANDOVER"),
                                      ("اتحدت", "ALLIANCE"), ("يتفق", "AGREEMENT"), ("احتجزت", "ARREST")])
def test_control_the_stems_own_forms_still_open_their_trigger(word, typ):
    assert typ in {d.type for _, d in RES.triggers.candidates(fold_str(word))}


def test_shot_by_a_force_is_an_attack_on_the_unarmed_it_hurt_and_its_shooter_is_the_agent():
    (ev,) = run("استشهد شاب فلسطيني برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS" and ev.agents == ["E1"]
    assert "unarmed_victims" in ev.extra["why"]["type"]


def test_control_fighters_shot_make_the_shooting_a_clash_and_say_why():
    (ev,) = run("قتل مقاتلان برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ARMED_CLASH" and "armed_victims" in ev.extra["why"]["type"]


def test_control_a_shooting_with_nobody_named_stays_an_attack_on_civilians():
    (ev,) = run("أصيب العشرات برصاص قوات الاحتلال في جنين.", "قوات الاحتلال", place="جنين")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_a_site_targeted_with_no_weapon_named_is_fire_from_afar():
    (ev,) = run("استهدفت المقاومة قاعدة عسكرية في الشدادي.", "المقاومة", place="الشدادي")
    assert ev.type == "SHELLING" and "fixed_sites" in ev.extra["why"]["type"]


def test_control_a_force_in_the_field_targeted_with_no_weapon_is_fought():
    (ev,) = run("استهدفت المقاومة دورية عسكرية في الشدادي.", "المقاومة", place="الشدادي")
    assert ev.type == "ARMED_CLASH" and "force in the field" in ev.extra["why"]["type"]


def test_control_a_weapon_named_beside_the_site_still_types_it():
    (ev,) = run("استهدفت المقاومة قاعدة عسكرية في الشدادي بطائرة مسيرة.", "المقاومة", place="الشدادي")
    assert ev.type == "AIRSTRIKE"


# Review of 8f276ad..main (mendA): each with the sentence the reviewer built.

def test_a_site_named_after_the_force_struck_is_not_what_is_struck():
    # the patrol is struck; the site is where it was (only the first military object is the target)
    (ev,) = run("استهدفت بوكو حرام دورية للجيش قرب موقع في بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "fixed_sites" not in ev.extra["why"]["type"]


def test_control_a_site_as_the_first_object_is_still_fire_from_afar():
    (ev,) = run("استهدفت بوكو حرام قاعدة للجيش قرب دورية في بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "SHELLING" and "fixed_sites" in ev.extra["why"]["type"]


def test_the_hurt_of_another_attack_in_the_sentence_do_not_type_this_one():
    evs = run("قتل 5 أشخاص في هجوم شنته بوكو حرام على بورنو، وقتل جنديان في هجوم آخر.", "بوكو حرام",
              place="بورنو")
    first = evs[0]
    assert first.type == "ATTACK_ON_CIVILIANS" and "'أشخاص'" in first.extra["why"]["type"]


def test_control_the_hurt_of_a_where_clause_still_type_the_attack():
    # حيث (victim_links) goes on telling of the same act, and so a relative clause does
    (ev,) = run("شنت بوكو حرام هجوما على بورنو حيث قتل جنديان.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "armed_victims" in ev.extra["why"]["type"]


def test_control_hurt_named_after_another_clause_break_do_not_type_the_attack():
    # بعد opens another clause (clause_breaks, not victim_links): the hurt named there are not this attack's
    (ev,) = run("شنت بوكو حرام هجوما على بورنو بعد مقتل عشرة أشخاص.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "unarmed_victims" not in ev.extra["why"]["type"]


@pytest.mark.parametrize("man", ["رجل أمن", "شاب شرطة", "رجل الأمن"])
def test_an_unarmed_noun_made_an_armed_man_by_the_next_word_is_a_fighter(man):
    (ev,) = run(f"قتل {man} في هجوم شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ARMED_CLASH" and "armed_qualifiers" in ev.extra["why"]["type"]


def test_control_an_unarmed_noun_alone_is_still_unarmed():
    (ev,) = run("قتل رجل في هجوم شنته بوكو حرام على بورنو.", "بوكو حرام", place="بورنو")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def _triggers_with(tmp_path, edit):
    """A knowledge folder whose triggers.yaml is the shipped one changed by ``edit``, and its Resources."""
    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    import shutil
    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    p = kdir / "triggers.yaml"
    p.write_text(edit(p.read_text(encoding="utf-8")), encoding="utf-8")
    return kdir


def test_a_fixed_site_missing_from_the_military_objects_is_an_error_with_its_line(tmp_path, monkeypatch):
    from rasd.errors import KnowledgeError
    from rasd.stages.events.lexicon import load_lexicon
    kdir = _triggers_with(tmp_path, lambda s: s.replace("fixed_sites: [", "fixed_sites: [صومعة, ", 1))
    line = next(n for n, ln in enumerate((kdir / "triggers.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if ln.startswith("fixed_sites:"))
    res = Resources("/nonexistent-rasd-data")
    monkeypatch.setattr(res, "knowledge", lambda name: kdir / f"{name}.yaml")
    with pytest.raises(KnowledgeError) as e:
        load_lexicon(res)
    assert f"triggers.yaml:{line}" in str(e.value) and "صومعة" in str(e.value)


def test_control_the_shipped_fixed_sites_are_all_military_objects():
    words = RES.triggers.words
    assert words["fixed_sites"] and words["fixed_sites"] <= words["military_objects"]


def test_the_advance_verb_and_noun_share_one_needs_near_list_and_keep_their_lines():
    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    text = (KNOWLEDGE_DIR / "triggers.yaml").read_text(encoding="utf-8")
    ds = [d for ds in RES.triggers.exact.values() for d in ds if d.pattern == (fold_str("تقدم"),)]
    assert {d.pos for d in ds} == {"verb", "noun"}
    verb, noun = sorted(ds, key=lambda d: d.pos, reverse=True)
    assert verb.needs_near == noun.needs_near and len(verb.needs_near) > 20
    lines = text.splitlines()
    for d in ds:   # the why names the line of each entry, not of the list it shares
        assert lines[d.line - 1].strip() == "- type: ARMED_CLASH" and f"pos: {d.pos}" in lines[d.line]
    assert text.count("مشارف, تخوم, عمق") == 1


# Review of type13 (mend13): a neighbouring sentence that retells the act by a definite back-reference
# names how it was done, before the doer rule (an armed group has no air force → SHELLING).

def test_a_retelling_sentence_names_the_weapon_before_the_doer_rule():
    evs = run("استهدفت المقاومة قاعدة عسكرية في الشدادي. وكان الهجوم بطائرة مسيرة.", "المقاومة", place="الشدادي")
    assert evs[0].type == "AIRSTRIKE" and "back_references" in evs[0].extra["why"]["type"]


def test_control_a_weapon_next_door_with_no_back_reference_leaves_the_doer_rule():
    evs = run("استهدفت المقاومة قاعدة عسكرية في الشدادي. وحلقت طائرة مسيرة فوق المدينة.", "المقاومة",
              place="الشدادي")
    assert evs[0].type == "SHELLING" and "back_references" not in evs[0].extra["why"]["type"]


# Review of mend13 (mend14): the targeting path (by weapon types) and the bare قصف path (by air or ground
# words) ask one method, Kinds.retold, what the retelling sentences name; worked out once per sentence and type.

def test_a_retelling_sentence_names_the_air_word_of_a_bare_shelling_before_the_doer_rule():
    evs = run("قصفت المقاومة مواقع في الشدادي. وكان القصف من الطائرات الحربية.", "المقاومة", place="الشدادي")
    assert evs[0].type == "AIRSTRIKE" and "back_references" in evs[0].extra["why"]["type"]


def test_a_retelling_sentence_names_the_ground_weapon_of_a_bare_shelling():
    evs = run("قصفت المقاومة مواقع في الشدادي. وكان القصف بالمدفعية الثقيلة.", "المقاومة", place="الشدادي")
    assert evs[0].type == "SHELLING" and "back_references" in evs[0].extra["why"]["type"]


def test_control_an_air_word_next_door_with_no_back_reference_leaves_the_doer_rule_of_a_bare_shelling():
    evs = run("قصفت المقاومة مواقع في الشدادي. وحلقت الطائرات الحربية فوق المدينة.", "المقاومة", place="الشدادي")
    assert evs[0].type == "SHELLING" and "back_references" not in evs[0].extra["why"]["type"]


def test_the_retelling_is_read_once_per_sentence_and_trigger_type(monkeypatch):
    from rasd.stages.events.kinds import Kinds

    asked, read = [], []
    retold, spans = Kinds.retold, Kinds.retelling_spans
    monkeypatch.setattr(Kinds, "retold", lambda self, st, t: asked.append(t.i) or retold(self, st, t))
    monkeypatch.setattr(Kinds, "retelling_spans", lambda self, st, t: read.append(t.i) or spans(self, st, t))
    evs = run("قصفت المقاومة مواقع في الشدادي وقصفت مواقع في الحسكة. وكان القصف من الطائرات الحربية.",
              "المقاومة", place="الشدادي")
    assert evs and all(e.type == "AIRSTRIKE" for e in evs)
    assert len(set(asked)) == 2 and len(read) == 1   # both triggers asked; the neighbours were read once


def test_a_ramming_that_hurt_soldiers_is_a_clash_and_says_why():
    (ev,) = run("أصيب جنديان في عملية دهس نفذها مسلح قرب الخليل.", "مسلح", place="الخليل")
    assert ev.type == "ARMED_CLASH" and "armed_victims" in ev.extra["why"]["type"]


def test_control_a_stabbing_that_hurt_civilians_stays_an_attack_on_civilians():
    (ev,) = run("أصيب ثلاثة أشخاص في عملية طعن نفذها مسلح قرب الخليل.", "مسلح", place="الخليل")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_control_a_stabbing_with_nobody_named_stays_an_attack_on_civilians():
    (ev,) = run("نفذ مسلح عملية طعن قرب الخليل.", "مسلح", place="الخليل")
    assert ev.type == "ATTACK_ON_CIVILIANS"


def test_a_capture_of_a_drone_is_no_territory_taken_but_a_clash_and_says_why():
    (ev,) = run("سيطرت كتائب المقاومة على طائرة مسيرة في سماء جنين.", "كتائب المقاومة", place="جنين")
    assert ev.type == "ARMED_CLASH" and "seized_things" in ev.extra["why"]["type"]


def test_control_a_capture_of_a_town_stays_territory_taken():
    (ev,) = run("سيطرت كتائب المقاومة على بلدة جنين.", "كتائب المقاومة", place="جنين")
    assert ev.type == "TERRITORY_TAKEN"


def test_hostages_freed_are_no_territory_taken_but_a_prisoner_release_and_say_why():
    (ev,) = run("أعلنت كتائب المقاومة تحرير عشرة رهائن في جنين.", "كتائب المقاومة", place="جنين")
    assert ev.type == "PRISONER_RELEASE" and "freed_words" in ev.extra["why"]["type"]


def test_control_a_liberated_town_stays_territory_taken():
    (ev,) = run("أعلنت كتائب المقاومة تحرير بلدة جنين.", "كتائب المقاومة", place="جنين")
    assert ev.type == "TERRITORY_TAKEN"
