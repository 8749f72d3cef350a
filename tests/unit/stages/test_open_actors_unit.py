"""The open_actors stage on hand-built Docs: no gazetteer and no earlier stage, only the mentions
placed by hand (tests/hand_docs.py) and the knowledge files."""
from __future__ import annotations

import pytest

from hand_docs import doc_of, mention

from rasd.kb.resources import Resources
from rasd.stages.open_actors import OpenActors

STAGE = OpenActors(Resources("/nonexistent-rasd-data").provide(common_words=frozenset()))


def run(text: str, *specs):
    doc = doc_of(text)
    doc.mentions = sorted((mention(doc, s, t, n, **kw) for s, t, n, kw in specs), key=lambda m: m.start)
    return STAGE(doc)


def actors(doc):
    return [(m.text, m.category) for m in doc.mentions if m.type == "ACTOR"]


def test_a_force_head_with_a_nationality_is_a_state_force_with_its_why():
    doc = run("اشتبكت قوات الأمن التركية مع عناصر الحزب قرب الحدود.")
    (m,) = [m for m in doc.mentions if m.type == "ACTOR"]
    assert (m.text, m.category) == ("قوات الأمن التركية", "state_force")
    assert m.pattern and "nationality" in m.why
    assert doc.text[m.start:m.end] == m.text


def test_a_crowd_word_is_an_unnamed_group_and_a_proclitic_stays_out_of_the_span():
    doc = run("هاجم مسلحون حاجزا للشرطة. واعتقلت الشرطة ومسلحين آخرين.")
    found = [m for m in doc.mentions if m.type == "ACTOR"]
    assert [m.text for m in found] == ["مسلحون", "مسلحين"]          # و of ومسلحين left out
    assert all(m.name == "مسلحون" and "unnamed group" in m.why for m in found)
    assert all(doc.text[m.start:m.end] == m.text for m in found)


def test_a_nationality_after_a_crowd_word_belongs_to_its_mention_and_the_name_stays():
    doc = run("هاجم مستوطنون إسرائيليون قرية جيت. واشتبك مقاومين فلسطينيين مع الجنود. وأطلق المقاومون النار.")
    found = [(m.text, m.name, m.category) for m in doc.mentions if m.type == "ACTOR"]
    assert found == [("مستوطنون إسرائيليون", "مستوطنون", "other"),
                     ("مقاومين فلسطينيين", "مقاومون", "non_state_armed_group"),
                     ("المقاومون", "مقاومون", "non_state_armed_group")]
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)


def test_an_adjective_of_kind_makes_an_armed_group_of_elements_and_joins_a_crowd_word():
    doc = run("استهدف الجيش العناصر الإرهابية. وزرعت عناصر تكفيرية عبوة. وخط مستوطنون متطرفون شعارات.")
    found = [(m.text, m.name, m.category) for m in doc.mentions if m.type == "ACTOR"]
    assert found == [("العناصر الإرهابية", "مسلحون", "non_state_armed_group"),
                     ("عناصر تكفيرية", "مسلحون", "non_state_armed_group"),
                     ("مستوطنون متطرفون", "مستوطنون", "other")]
    assert "kind" in doc.mentions[0].why and "with its kind" in doc.mentions[2].why


def test_elements_without_a_kind_are_no_group():
    doc = run("أعلنت الشرطة مقتل عناصر في الهجوم. وفر العناصر من الموقع.")
    assert [m for m in doc.mentions if m.type == "ACTOR" and m.name == "مسلحون"] == []


def test_a_nationality_taken_by_another_mention_leaves_the_crowd_word_alone():
    doc = run("هاجم مستوطنون إسرائيليين.", ("إسرائيليين", "ACTOR", 0, {"kb_id": "actor:idf"}))
    assert [(m.text, m.kb_id) for m in doc.mentions] == [("مستوطنون", None), ("إسرائيليين", "actor:idf")]


def test_a_named_actor_of_the_knowledge_base_is_left_alone():
    doc = run("أعلن الجيش التركي مقتل جنديين.", ("الجيش التركي", "ACTOR", 0, {"kb_id": "actor:tsk"}))
    assert [(m.text, m.kb_id) for m in doc.mentions] == [("الجيش التركي", "actor:tsk")]


def test_a_short_actor_mention_inside_the_phrase_is_replaced_by_the_whole_force():
    doc = run("أعلن الجيش الباكستاني مقتل خمسة عناصر.", ("الجيش", "ACTOR", 0, {"short": True}))
    assert actors(doc) == [("الجيش الباكستاني", "state_force")]


def test_a_force_word_inside_a_person_s_title_is_no_force():
    doc = run("قال وزير الدفاع الأميركي إن القوات الأميركية ستبقى.")
    assert actors(doc) == [("القوات الأميركية", "state_force")]


def test_a_text_with_no_force_word_gets_no_mention():
    assert run("ارتفعت أسعار الخبز في الأسواق.").mentions == []


def test_a_known_actor_named_by_head_and_nationality_is_a_description():
    stage = OpenActors(Resources("/nonexistent-rasd-data").provide(common_words=frozenset({"الخارجيه"})))

    def described(text, surface, kb):
        doc = doc_of(text)
        doc.mentions = [mention(doc, surface, "ACTOR", 0, kb_id=kb)]
        (m,) = [m for m in stage(doc).mentions if m.kb_id == kb]
        return m.nominal

    assert described("قال الجيش الأميركي إن الهجوم فشل.", "الجيش الأميركي", "actor:us_military")
    assert described("قالت الخارجية الأمريكية إن الهجوم فشل.", "الخارجية الأمريكية", "actor:usa")
    assert described("قالت القوات المسلحة العراقية إن الهجوم فشل.", "القوات المسلحة العراقية", "actor:iraqi_army")
    assert not described("قال حزب الله اللبناني إن الهجوم فشل.", "حزب الله اللبناني", "actor:hezbollah")
    assert not described("قال مجلس الأمن إن الهجوم فشل.", "مجلس الأمن", "actor:unsc")


# ---- nationality adjectives as parties (issue 8: event participants)

def adjectives(doc):
    return [(m.text, m.kb_id, m.party_of) for m in doc.mentions if m.party_of]


def test_a_nationality_adjective_after_an_act_of_force_names_the_country_s_force():
    doc = run("قتل عشرة مدنيين في القصف الإسرائيلي على المدينة.")
    assert adjectives(doc) == [("الإسرائيلي", "actor:idf", "attack")]
    (m,) = [m for m in doc.mentions if m.party_of]
    assert "who did the act" in m.why and doc.text[m.start:m.end] == m.text


def test_modifiers_may_stand_between_the_act_and_the_adjective_and_two_adjectives_name_two_forces():
    doc = run("شنت الطائرات غارات جوية تركية. وتواصل العدوان الأميركي البريطاني على اليمن.")
    assert adjectives(doc) == [("تركية", "actor:turkish_forces", "attack"),
                               ("الأميركي", "actor:us_military", "attack"),
                               ("البريطاني", "actor:uk_forces", "attack")]


def test_after_a_military_facility_the_adjective_names_its_owner():
    doc = run("استهدفت المقاومة بالقاعدة الأميركية مقرا إسرائيليا قرب الحدود.")
    assert adjectives(doc) == [("الأميركية", "actor:us_military", "facility"),
                               ("إسرائيليا", "actor:idf", "facility")]


def test_an_adjective_after_any_other_noun_is_no_party():
    # a weapon's nationality tells who made it; a people, a country's land are no force; a delegation
    # names its state as a party to talks (roles14), never the state's force
    doc = run("وصلت صواريخ أميركية إلى الشعب الفلسطيني على الأراضي السورية مع الوفد التركي.")
    assert adjectives(doc) == [("التركي", "actor:turkey", "talks")]


def test_an_adjective_inside_a_force_phrase_stays_the_phrase_s():
    doc = run("أعلن الجيش الباكستاني مقتل خمسة عناصر.")
    assert adjectives(doc) == [] and actors(doc) == [("الجيش الباكستاني", "state_force")]


def test_a_facility_word_after_a_speech_word_is_a_source_not_a_base():
    doc = run("وذكرت مواقع إسرائيلية أن المقاومة استهدفت مواقع إسرائيلية في المزارع.")
    assert adjectives(doc) == [("إسرائيلية", "actor:idf", "facility")]
    assert doc.mentions[0].start > doc.text.index("استهدفت")


def test_the_adjective_joins_the_country_s_party_the_report_names():
    # the report names Israel's government (الاحتلال الإسرائيلي is one of its names): the adjective is it
    doc = run("واصل الاحتلال الإسرائيلي القصف الإسرائيلي على غزة.",
              ("الاحتلال الإسرائيلي", "ACTOR", 0, {"kb_id": "actor:israel"}))
    assert adjectives(doc) == [("الإسرائيلي", "actor:israel", "attack")]
    assert "the country's party the report names" in doc.mentions[-1].why


def test_an_actor_named_right_after_a_facility_owns_it():
    doc = run("استهدفت المقاومة قاعدة الاحتلال الأميركي في التنف. وقال الاحتلال الأميركي إن القاعدة سليمة.",
              ("الاحتلال الأميركي", "ACTOR", 0, {"kb_id": "actor:us_military"}),
              ("الاحتلال الأميركي", "ACTOR", 1, {"kb_id": "actor:us_military"}))
    assert [(m.text, m.party_of) for m in doc.mentions] == [("الاحتلال الأميركي", "facility"),
                                                          ("الاحتلال الأميركي", None)]


def test_a_named_facility_s_adjective_names_its_owner():
    doc = run('استهدفت المقاومة قاعدة كونيكو الأميركية وقاعدة "حرير" الأميركية. ووصل الوفد إلى بغداد الأميركية.',
              ("قاعدة كونيكو", "PLACE", 0, {}), ("حرير", "PLACE", 0, {}), ("بغداد", "PLACE", 0, {}))
    assert adjectives(doc) == [("الأميركية", "actor:us_military", "facility")] * 2


def test_a_website_is_no_facility_and_a_word_in_ta_marbuta_takes_no_accusative_alef():
    doc = run('وكان موقع "أكسيوس" الأميركي قال إن موقع روسي يتحدث. التي لجأت إليها روسيا.',
              ("أكسيوس", "PLACE", 0, {}), ("روسيا", "ACTOR", 0, {"kb_id": "actor:russia"}))
    assert adjectives(doc) == [] and [m.party_of for m in doc.mentions] == [None, None]


def test_only_an_armed_actor_owns_a_facility_named_before_it():
    doc = run("تنتهك قواعد هيئة التفاوض وقواعد الاحتلال الأميركي.",
              ("هيئة التفاوض", "ACTOR", 0, {"kb_id": "actor:hnc"}),
              ("الاحتلال الأميركي", "ACTOR", 0, {"kb_id": "actor:us_military"}))
    assert [m.party_of for m in doc.mentions] == [None, "facility"]


def test_an_actor_joined_by_and_after_a_facility_word_is_no_owner():
    # القاعدة here is al-Qaeda, listed with ISIS: the name after و owns nothing
    doc = run("انضموا إلى تنظيمي القاعدة وداعش.", ("داعش", "ACTOR", 0, {"kb_id": "actor:isis"}))
    assert [m.party_of for m in doc.mentions] == [None]


@pytest.mark.parametrize("text, state_force", [
    ("قتل جنود أجانب في الهجوم.", None),                       # any foreigner: no state
    ("وأطلق جنود يهود النار على الشبان.", None),                # a religion
    ("وتقدمت قوات الأكراد نحو المدينة.", None),                 # a people without a state
    ("قتل جنود أتراك في الهجوم.", "جنود أتراك"),               # a broken national that names a state
])
def test_a_force_head_with_a_nationality_that_names_no_state_is_no_state_force(text, state_force):
    """review14: the broken nationals that name no state (victims.stateless_nationals) are read after a
    number, a people noun or a group word, but after a force's head word they made a state force with
    no state (جنود أجانب). They make none; one that names a state still does."""
    found = [m.text for m in run(text).mentions if m.type == "ACTOR" and m.category == "state_force"]
    assert found == ([state_force] if state_force else [])


def test_a_nationality_that_names_no_state_still_counts_victims_and_qualifies_a_group():
    doc = run("قتل ثلاثة أجانب، واعتقل صحافيين أجانب، وتظاهر محتجون أكراد.")
    assert actors(doc) == [("ثلاثة أجانب", "civilians"), ("صحافيين أجانب", "civilians"), ("محتجون أكراد", "civilians")]


def test_a_religion_is_a_nationality_after_a_group_word_only():
    """review15: يهود (victims.group_only_nationals) names settlers after a group word, but a number
    before it is a poll's figure (واحد من كل خمسة يهود), no counted victims, and a force head before it
    makes no state force."""
    found = lambda text: [m.text for m in run(text).mentions if m.type == "ACTOR"]
    assert found("وأحرق مستوطنين يهود منزلا في القرية.") == ["مستوطنين يهود"]
    assert found("وقال واحد من كل خمسة يهود إنه يؤيد الاتفاق.") == []
    assert found("وأطلق جنود يهود النار.") == [] and found("وتقدمت قوات يهود نحو القرية.") == []


def test_country_nisbas_are_made_from_the_resources_world_places(tmp_path):
    """review15b: the nationalities of country_nisbas come from the world_places.yaml given (the
    Resources' knowledge dir), not from the package's."""
    import shutil

    from rasd.kb.yamlfile import KNOWLEDGE_DIR
    from rasd.stages.open_actors import load_forces

    world = tmp_path / "world_places.yaml"
    shutil.copy(KNOWLEDGE_DIR / "world_places.yaml", world)
    base = load_forces(KNOWLEDGE_DIR / "open_actors.yaml", world=world)
    assert "زمبراني" not in base.made_nationalities
    with open(world, "a", encoding="utf-8") as f:
        f.write("\n- {id: zz, kind: country, en: Zembrania, lat: 1.0, lon: 1.0, ar: [زمبرانيا]}\n")
    made = load_forces(KNOWLEDGE_DIR / "open_actors.yaml", world=world).made_nationalities
    assert "زمبراني" in made and "الزمبراني" in made


def test_nisba_of_follows_country_nisbas_and_its_not_list():
    """review15b: the body rule's nisba_of is the country_nisbas rule itself (one code), honours its
    ``not`` list, and strips only an article as written (ألمانيا is no ال + مانيا)."""
    from rasd.kb.yamlfile import load
    from rasd.stages.open_actors import _nisba_rule, nisba_of

    rule = _nisba_rule(load("open_actors")["country_nisbas"])
    assert nisba_of("العراق", rule) == "عراقي" and nisba_of("سوريا", rule) == "سوري"
    assert nisba_of("ألمانيا", rule) == "الماني"
    assert nisba_of("المملكة", rule) is None and nisba_of("الأمم المتحدة", rule) is None



def test_the_first_pass_holds_every_word_kind_the_stage_visits():
    f = STAGE.resources.open_actors
    assert f.forms <= f.first_pass and set(f.adjectives) <= f.first_pass
    assert f.counted_nationals <= f.first_pass and f.nationalities <= f.first_pass
