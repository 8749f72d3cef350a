"""The roster stage on composed sentences: the population and kinds of groups that no event takes
are dropped, and an armed wing's name names its party (Round 21, actor21).

Needs the installed data for the stages before it.
"""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline, default_pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def run(text: str, roster: bool = True):
    names = [n for n in default_pipeline().names if roster or n != "roster"]
    return Pipeline.build(default_resources(), names).run(text, published="2019-05-02")


def actor(doc, kb_id):
    return next((e for e in doc.entities if e.kb_id == kb_id), None)


def in_events(doc, ent) -> bool:
    return any(ent.id in (*ev.agents, *ev.targets, *ev.partners) for ev in doc.events)


def test_the_population_named_in_passing_is_dropped_with_its_reason():
    text = "ناشدت البلدية المواطنين الابتعاد عن الشواطئ خلال العاصفة."
    assert actor(run(text, roster=False), "actor:civilians") is not None
    doc = run(text)
    assert actor(doc, "actor:civilians") is None
    assert any(w.startswith("roster: dropped") and "population" in w for w in doc.warnings)


def test_the_population_an_event_takes_stays():
    doc = run("قصفت طائرات حربية منازل المواطنين في بلدة كفرنبل بريف إدلب الجنوبي.")
    civ = actor(doc, "actor:civilians")
    assert civ is not None and in_events(doc, civ)


def test_civilians_named_otherwise_stay_without_an_event():
    doc = run("وقال التقرير الشهري إن المدنيين يشكون من نقص الدواء.")
    assert actor(doc, "actor:civilians") is not None


def test_a_kind_of_group_named_by_no_event_is_dropped():
    text = "وحذر البيان من خطر الجماعات الإرهابية على الشباب في المدارس."
    assert actor(run(text, roster=False), "actor:armed_groups") is not None
    doc = run(text)
    assert actor(doc, "actor:armed_groups") is None
    assert any("kinds.generic_actors" in w for w in doc.warnings)


def test_a_group_named_by_its_kind_and_no_event_is_dropped():
    text = "ونبه المسؤول إلى خطر أفكار مجموعة إرهابية على الطلاب."
    before = [e for e in run(text, roster=False).entities if e.name_ar == "مسلحون"]
    assert before
    doc = run(text)
    assert not [e for e in doc.entities if e.name_ar == "مسلحون"]
    assert any("named by its kind only" in w for w in doc.warnings)


def test_a_group_named_by_its_kind_that_an_event_takes_stays():
    doc = run("وقال الجيش إن مجموعة إرهابية هاجمت حاجزا عسكريا في ريف حماة الشمالي.")
    groups = [e for e in doc.entities if e.name_ar == "مسلحون"]
    assert groups and in_events(doc, groups[0])


def test_an_armed_wings_name_names_its_party_too():
    doc = run("وأعلنت كتائب القسام، الجناح العسكري لحركة حماس، قصف مستوطنة سديروت برشقة صاروخية.")
    hamas, qassam = actor(doc, "actor:hamas"), actor(doc, "actor:qassam")
    assert hamas is not None and qassam is not None
    (m,) = hamas.mentions
    assert doc.text[m.start:m.end] == m.text == "حركة حماس" and "wing_heads" in m.why
    # added after the events: the apposition is no argument of the shelling
    assert not in_events(doc, hamas)


def test_the_party_of_a_wing_joins_its_entity_when_the_report_names_it():
    doc = run("وقالت حركة الجهاد الإسلامي إن سرايا القدس، الجناح العسكري لحركة الجهاد الإسلامي، "
              "قصفت مستوطنات الغلاف.")
    pij = [e for e in doc.entities if e.kb_id == "actor:pij"]
    assert len(pij) == 1 and len(pij[0].mentions) == 2


def test_doc_mentions_follow_the_entities():
    # a dropped entity's mentions leave the document's mentions; an added party's mention joins them
    doc = run("ناشدت البلدية المواطنين الابتعاد عن الشواطئ خلال العاصفة.")
    assert not [m for m in doc.mentions if m.kb_id == "actor:civilians"]
    doc = run("وأعلنت كتائب القسام، الجناح العسكري لحركة حماس، قصف مستوطنة سديروت برشقة صاروخية.")
    hamas = actor(doc, "actor:hamas")
    assert hamas.mentions[0] in doc.mentions
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)


def test_worshippers_in_a_report_of_no_event_are_dropped():
    """Worshippers at prayer in a report of no act (open_actors.yaml crowds with_events_only, Round 24)."""
    text = "واشتكى عدد من المصلين من قلة السجاد في المسجد الجديد بالحي."
    assert any(e.name_ar == "مصلون" for e in run(text, roster=False).entities)
    doc = run(text)
    assert not any(e.name_ar == "مصلون" for e in doc.entities)
    assert any(w.startswith("roster: dropped") and "with_events_only" in w for w in doc.warnings)


def test_worshippers_in_a_report_of_an_attack_stay():
    doc = run("فجر انتحاري حزامه الناسف وسط المصلين في مسجد بمدينة كويتا يوم الجمعة، ما أدى إلى مقتل 12 شخصا.")
    assert doc.events and any(e.name_ar == "مصلون" for e in doc.entities)


# Extremists and terrorists told by the indefinite plural (open_actors.yaml crowds, party_only; Round 34:
# doers34): the doers of an attack the report gives no group for are a party, and the same words in talk of
# a kind of enemy are dropped by the roster when no event takes them.

def crowd(doc):
    return next((e for e in doc.entities if e.type == "ACTOR" and e.name_ar == "متطرفون"), None)


def test_extremists_who_burn_a_house_are_the_agent_of_the_attack():
    doc = run("وأحرق متطرفون يهود منزلا في قرية دوما بالضفة الغربية فجر الجمعة.")
    ext = crowd(doc)
    assert ext is not None and ext.category == "non_state_armed_group"
    # the religion after the group word belongs to its mention (the gold's alias متطرفون يهود)
    assert any(m.text == "متطرفون يهود" for m in ext.mentions)
    ev = next(e for e in doc.events if e.type == "ATTACK_ON_CIVILIANS")
    assert ext.id in ev.agents


def test_terrorists_who_launch_an_attack_are_its_agent():
    doc = run("وقتل شرطي في هجوم شنه إرهابيون على سيارة مصفحة في مدينة العريش.")
    ext = crowd(doc)
    assert ext is not None and any(ext.id in ev.agents for ev in doc.events)


def test_the_words_in_talk_of_a_kind_of_enemy_are_dropped_when_no_event_takes_them():
    text = "وقال الوزير إن بلاده ستواصل محاربة متطرفين يهددون المنطقة. وقصفت الطائرات مواقع في مدينة حلب."
    assert crowd(run(text, roster=False)) is not None
    doc = run(text)
    assert doc.events and crowd(doc) is None
    assert any(w.startswith("roster: dropped") and "party_only" in w for w in doc.warnings)


def test_the_definite_plural_is_no_crowd():
    # المتطرفين is the press's talk of a kind of enemy or another name of a known group: not listed
    doc = run("وأعلنت الشرطة أن المتطرفين هاجموا حاجزا في مدينة العريش.", roster=False)
    assert crowd(doc) is None


def test_civilians_named_only_by_their_nationality_and_no_event_are_dropped():
    text = "وقالت المحكمة إن من بين المتهمين سبعة كويتيين وخمسة سعوديين."
    assert actor(run(text, roster=False), "actor:civilians") is not None
    doc = run(text)
    assert actor(doc, "actor:civilians") is None
    assert any("nationals_in_passing" in w for w in doc.warnings)


def test_captives_named_by_their_nationality_stay_without_an_event():
    doc = run("وقالت الهيئة إن الأسرى الفلسطينيين يعانون من الإهمال الطبي في السجون.")
    assert actor(doc, "actor:civilians") is not None


def test_nationals_an_event_takes_stay():
    doc = run("قتل خمسة فلسطينيين برصاص قوات الاحتلال في مدينة جنين.")
    civ = actor(doc, "actor:civilians")
    assert civ is not None and in_events(doc, civ)


def test_a_described_victim_stays_without_an_event():
    doc = run("وقالت الصحيفة إن صحفي تركي كتب مقالا عن الانتخابات.")
    assert actor(doc, "actor:civilians") is not None
