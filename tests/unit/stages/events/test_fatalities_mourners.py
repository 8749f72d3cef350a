"""A toll with no trigger names the side of its dead, not their killer, when that side mourns, owns or
announces them as martyrs (round 28 args28): "زفّت المقاومة الشهيد X", "أقرّ الجيش بمقتل ضابط", "أعلنت
القيادة استشهادهم" (triggers.yaml own_dead_verbs; announce_verbs with martyr_words). That side is the
toll's target; a person named after the toll or the mourner is one of the dead, no agent. Composed
sentences, entities placed by hand; each rule with its control case."""
from __future__ import annotations

from hand_docs import doc_of, entity

from rasd.kb.resources import Resources
from rasd.stages.events import Events

EVENTS = Events(Resources("/nonexistent-rasd-data"))


def toll(text: str, actors: dict[str, tuple[str, str]], person: str | None = None):
    doc = doc_of(text)
    for eid, (name, category) in actors.items():
        entity(doc, eid, "ACTOR", name, category=category)
    if person:
        entity(doc, "E9", "PERSON", person)
    return [e for e in EVENTS(doc).events if e.type == "CASUALTIES"]


def test_the_side_that_mourns_its_martyr_is_the_tolls_target_not_its_agent():
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور.", {"E1": ("المقاومة", "non_state_armed_group")},
                 person="حسن بديع عاشور")
    assert ev.agents == [] and ev.targets == ["E1"]
    assert "own_dead_verbs" in ev.extra["why"]["targets"]["E1"]


def test_the_mourned_person_is_no_agent():
    (ev,) = toll("زفت المقاومة الشهيد حسن بديع عاشور.", {"E1": ("المقاومة", "non_state_armed_group")},
                 person="حسن بديع عاشور")
    assert "E9" not in ev.agents


def test_a_force_that_admits_its_losses_is_their_side_svo_too():
    (ev,) = toll("الجيش أقر بمقتل 3 جنود.", {"E1": ("الجيش", "state_force")})
    assert ev.agents == [] and ev.targets == ["E1"]


def test_control_the_killer_named_in_a_toll_stays_its_agent():
    (ev,) = toll("قتل 3 عناصر من المقاومة على يد الجيش.", {"E1": ("المقاومة", "non_state_armed_group"),
                                                             "E2": ("الجيش", "state_force")})
    assert ev.agents == ["E1"] and ev.targets == []   # the first actor, as before: no mourning verb


def test_control_a_mourning_verb_far_from_the_actor_before_it_does_not_make_it_the_dead_side():
    (ev,) = toll("تواصل المقاومة القتال في المدينة، وزفت البلدة الشهيد الأول بعد مقتل 3 عناصر.",
                 {"E1": ("المقاومة", "non_state_armed_group")})
    assert ev.agents == ["E1"]


def test_who_announces_martyrs_is_their_side():
    (ev,) = toll("أعلنت قيادة التحالف استشهاد 3 من جنودها.", {"E1": ("التحالف", "coalition")})
    assert ev.agents == [] and ev.targets == ["E1"]
    assert "announce_verbs" in ev.extra["why"]["targets"]["E1"]


def test_control_who_announces_kills_without_a_word_of_martyrdom_stays_the_agent():
    (ev,) = toll("أعلنت قيادة التحالف مقتل 30 من المسلحين.", {"E1": ("التحالف", "coalition")})
    assert ev.agents == ["E1"]


def test_control_a_word_of_martyrdom_inside_a_name_is_none():
    (ev,) = toll("أعلنت كتائب الشهيد عز الدين القسام مقتل 3 جنود.",
                 {"E1": ("كتائب الشهيد عز الدين القسام", "non_state_armed_group")})
    assert ev.agents == ["E1"]


def test_control_the_subject_of_a_clause_after_anna_is_not_the_announcer():
    (ev,) = toll("وأعلن أن الاحتلال ارتكب 17 مجزرة راح ضحيتها 200 شهيد.", {"E1": ("الاحتلال", "state_force")})
    assert ev.agents == ["E1"]


def test_the_genitive_of_a_noun_of_the_dead_is_their_side():
    (ev,) = toll("ارتفع عدد قتلى جيش الاحتلال إلى 577 منذ بدء الحرب.", {"E1": ("جيش الاحتلال", "state_force")})
    assert ev.agents == [] and ev.targets == ["E1"]
    assert "dead_side_nouns" in ev.extra["why"]["targets"]["E1"]


def test_control_the_genitive_of_martyrs_names_no_side_of_the_dead():
    (ev,) = toll("ارتفع عدد شهداء العدوان الإسرائيلي على غزة إلى 577.", {"E1": ("العدوان الإسرائيلي", "state_force")})
    assert ev.agents == ["E1"]
