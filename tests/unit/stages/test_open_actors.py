"""The open_actors stage on composed sentences: forces and groups the knowledge base lacks.

Needs the installed data for the mentions stage before it.
"""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline
from rasd.stages.open_actors import nationality_forms


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def actors(text: str, on: bool = True) -> list:
    names = ["clean", "sentences", "mentions"] + (["open_actors"] if on else []) + ["link"]
    doc = Pipeline.build(default_resources(), names).run(text)
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    spans = sorted((m.start, m.end) for m in doc.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions overlap"
    return [e for e in doc.entities if e.type == "ACTOR"]


def named(ents, name):
    return next((e for e in ents if e.name_ar == name), None)


def test_nationality_forms_cover_the_agreeing_adjectives():
    forms = nationality_forms("تركي")
    assert {"التركي", "التركيه", "تركيين", "تركيه", "الاتراك"} & forms == {"التركي", "التركيه", "تركيين", "تركيه"}


@pytest.mark.parametrize("text, name, category", [
    ("اشتبكت قوات الأمن الباكستانية مع عناصر من الحركة قرب الحدود.", "قوات الأمن الباكستانية", "state_force"),
    ("أعلن الجيش الكيني مقتل خمسة عناصر في الهجوم.", "الجيش الكيني", "state_force"),
    # soldiers of a country national_forces names are its force (groups15): a country it does not name here
    ("قتل جنديين كينيين في هجوم على موقع حدودي.", "جنديين كينيين", "state_force"),
    ("وتركز الحكومة اليابانية على زيادة الأجور.", "الحكومة اليابانية", "government"),
    ("واعتقل رجال الشرطة الكينية عشرة أشخاص في الساحة.", "رجال الشرطة الكينية", "state_force"),
    # a parliament, a council or a service with its nationality (actor13)
    ("وافق البرلمان الكيني على القانون بعد جلسة طويلة.", "البرلمان الكيني", "government"),
    ("وقرر مجلس الوزراء الكيني تمديد حظر التجول.", "مجلس الوزراء الكيني", "government"),
    ("وأعلنت حكومة تصريف الأعمال الكينية موعد الانتخابات.", "حكومة تصريف الأعمال الكينية", "government"),
])
def test_a_force_phrase_with_a_nationality_is_an_actor(text, name, category):
    e = named(actors(text), name)
    assert e is not None and e.category == category and e.kb_id is None
    assert named(actors(text, on=False), name) is None


def test_a_business_council_is_no_government_body():
    # تصريف الأعمال is a modifier after حكومة only (open_actors.yaml head_modifiers): after مجلس the
    # words name a business council (mend13, review of actor13)
    text = "وقال مجلس الأعمال الكيني إن الصادرات ارتفعت."
    assert not any(e.name_ar.startswith("مجلس الأعمال") for e in actors(text))


def test_a_longer_phrase_replaces_a_short_form_that_names_another_country():
    ents = actors("قالت الشرطة الكينية إنها أوقفت شابين في نيروبي.")
    assert named(ents, "الشرطة الكينية") is not None
    assert not any(e.kb_id for e in ents)   # not the short form's (another country's) police


def test_a_security_phrase_of_no_known_country_stays_an_unlinked_state_force():
    # رجال الشرطة means a state's police only in a report about that state (actors.yaml in_context);
    # with no country in the report it is no one's, but still a state force: the force phrase
    (e,) = actors("واعتقل رجال الشرطة عشرة أشخاص في الساحة.")
    assert e.name_ar == "رجال الشرطة" and e.kb_id is None and e.category == "state_force"
    assert actors("واعتقل رجال الشرطة عشرة أشخاص في الساحة.", on=False) == []


def test_every_form_of_a_group_links_under_one_name():
    ents = actors("هاجم مستوطنون قرية فلسطينية، وأحرق المستوطنين منازل فيها.")
    e = named(ents, "مستوطنون")
    assert e is not None and len(e.mentions) == 2 and e.category == "other"


@pytest.mark.parametrize("text, word", [
    ("قال وزير الدفاع الأميركي إن بلاده لن ترسل قوات.", "الدفاع الأميركي"),
    ("نقلت تنسيقيات المسلحين بيانا عن القيادة.", "المسلحين"),
    ("أعلنت الشرطة أنها فتحت تحقيقا.", "الشرطة"),
    # a ministry that speaks is not made an actor by its portfolio (actor13: الصحة، الخارجية are no modifiers)
    ("وقالت وزارة الصحة الكينية إن عدد الجرحى ارتفع.", "وزارة الصحة"),
])
def test_no_actor_where_the_phrase_is_a_title_a_medium_or_a_bare_head(text, word):
    assert not any(m.pattern and word in m.text for e in actors(text) for m in e.mentions)


# ---------------------------------------------------------------- counted and described victims (victims14)
@pytest.mark.parametrize("text, span", [
    ("أصيب أربعة فلسطينيين برصاص الجنود قرب الحاجز.", "أربعة فلسطينيين"),
    ("قتل 15 أردنيا في الهجوم على الحافلة.", "15 أردنيا"),
    ("واستشهد رضيع فلسطيني في حريق المنزل.", "رضيع فلسطيني"),
    ("واعتقلت الشرطة ثلاثة أطفال فلسطينيين قرب المدرسة.", "ثلاثة أطفال فلسطينيين"),
    ("وأفرج الخاطفون عن صحافيين إيطاليين بعد أسبوع.", "صحافيين إيطاليين"),
    # a definite noun with a definite adjective; a broken plural nationality; a count with its digits
    ("وأحرق المهاجمون منزل الرضيع الفلسطيني فجرا.", "الرضيع الفلسطيني"),
    ("وخطف المسلحون عشرة أتراك من الموقع.", "عشرة أتراك"),
    ("وطالبت الحركة بالإفراج عن 6 آلاف أسير فلسطيني.", "6 آلاف أسير فلسطيني"),
])
def test_counted_or_described_victims_of_a_nationality_are_civilians(text, span):
    ents = actors(text)
    hit = [e for e in ents for m in e.mentions if m.text == span]
    assert hit and hit[0].category == "civilians"
    assert not any(m.text == span for e in actors(text, on=False) for m in e.mentions)


@pytest.mark.parametrize("text, word", [
    ("وقال الفلسطينيين إنهم لن يقبلوا بالقرار.", "الفلسطينيين"),   # a nationality alone: a people or a side
    ("ولعب طفل في الحديقة قرب المنزل.", "طفل"),                      # a people noun alone: anyone's child
    ("وأعلن ثلاثة وزراء فلسطينيين استقالتهم.", "فلسطينيين"),         # a number before a non-people noun
    ("وأصيب الشاب فلسطيني الأصل في الحادث.", "فلسطيني"),             # no agreement in definiteness
    ("وقال الصحافي الأميركي توماس فريدمان إن الحرب طويلة.", "الأميركي"),   # a person's description
])
def test_no_victims_from_a_nationality_or_a_people_noun_alone(text, word):
    assert not any(m.pattern and word in m.text for e in actors(text) for m in e.mentions)


@pytest.mark.parametrize("text, span", [
    ("وهاجمت مجموعة مسلحة حاجزا للشرطة قرب المدينة.", "مجموعة مسلحة"),
    ("واتهم البيان الجماعات التكفيرية بتنفيذ التفجير.", "الجماعات التكفيرية"),
])
def test_a_group_word_with_its_kind_is_an_unnamed_armed_group(text, span):
    hit = [e for e in actors(text) for m in e.mentions if m.text == span]
    assert hit and hit[0].category == "non_state_armed_group"
    assert not any(m.text == span for e in actors(text, on=False) for m in e.mentions)


def test_a_group_word_alone_is_no_armed_group():
    assert not any(m.pattern for e in actors("وزارت مجموعة من الطلاب المتحف.") for m in e.mentions)


def test_victims_link_under_the_civilians_actor():
    # one civilians actor per report (open_actors.yaml victims.actor): the counted civilians and the
    # described ones are one side of the act
    ents = [e for e in actors("قتل خمسة مدنيين في الغارة، وأصيب أربعة فلسطينيين برصاص الجنود.")
            if e.category == "civilians"]
    assert len(ents) == 1 and ents[0].kb_id == "actor:civilians" and len(ents[0].mentions) == 2


def test_settlers_named_by_their_religion_keep_it():
    ents = actors("وأحرق مستوطنين يهود منزلا في القرية.")
    assert any(m.text == "مستوطنين يهود" for e in ents for m in e.mentions)


# ---------------------------------------------------------------- branch groups15

@pytest.mark.parametrize("text, name", [
    # nationalities made from the country's name in world_places.yaml (open_actors.yaml country_nisbas)
    ("أعلن الجيش الكاميروني مقتل عشرة من المسلحين.", "الجيش الكاميروني"),
    ("وقتل الجيش البوروندي خمسة مسلحين قرب العاصمة.", "الجيش البوروندي"),
    ("وقالت الحكومة الكرواتية إنها ستغلق الحدود.", "الحكومة الكرواتية"),
    ("واعتقلت الشرطة الفيتنامية ثلاثة أشخاص.", "الشرطة الفيتنامية"),
])
def test_a_nationality_made_from_a_country_name_makes_a_force_phrase(text, name):
    e = named(actors(text), name)
    assert e is not None and e.kb_id is None
    assert any("country_nisbas" in (m.why or "") for m in e.mentions)


def test_country_nisbas_follow_the_relative_adjective_rule():
    from rasd.kb.yamlfile import load
    from rasd.stages.open_actors import country_nisbas

    made = country_nisbas(load("open_actors")["country_nisbas"])
    # the article goes, a final يا / ا / ة goes, ي is added once (الكاميرون، كرواتيا، بوروندي، تركية)
    assert {"كاميروني", "كرواتي", "بوروندي", "تركي", "الماني"} <= made
    assert not any(w.endswith("يي") for w in made)
    assert "كوبي" not in made and "مملكي" not in made   # the rule's `not` list
    assert "مالي" not in made   # the gazetteer names Mali only by a longer name ("financial")
    assert not {"كونغوي", "اوروغواي", "بروناي"} & made   # review15: no nisba the press writes


def test_a_given_name_after_a_police_head_is_no_nationality():
    # كوبي is left out of the made nationalities: المفتش العام للشرطة كوبي شبتاي is a person
    assert named(actors("وقال المفتش العام للشرطة كوبي شبتاي إن الشرطة ستنتشر."), "الشرطة كوبي") is None


@pytest.mark.parametrize("text, name", [
    ("وقتلت قوة درك كينية مسلحين قرب الحدود.", "قوة درك كينية"),
    ("ودخلت قوات عسكرية كينية إلى البلدة.", "قوات عسكرية كينية"),
    ("وقصفت المدفعية الكينية مواقع المسلحين.", "المدفعية الكينية"),
])
def test_a_force_gendarmerie_or_artillery_with_a_nationality_is_a_state_force(text, name):
    e = named(actors(text), name)
    assert e is not None and e.category == "state_force" and e.kb_id is None


@pytest.mark.parametrize("text, kb_id", [
    ("واستهدفت الكتائب قوة إسرائيلية راجلة في المخيم.", "actor:idf"),
    ("ودخلت قوات عسكرية تركية إلى القرية.", "actor:turkish_forces"),
    ("قتل جنديين أردنيين في هجوم على موقع حدودي.", "actor:jordanian_forces"),
])
def test_a_countrys_forces_as_a_whole_link_to_its_force(text, kb_id):
    (e,) = [e for e in actors(text) if e.category == "state_force"]
    assert e.kb_id == kb_id


def test_a_service_of_a_country_stays_its_own():
    # القوات الجوية / قوة درك: a service the gold keeps apart from the army (open_actors.yaml army_heads)
    ents = actors("وقتلت قوة درك تركية مسلحين قرب الحدود.")
    e = named(ents, "قوة درك تركية")
    assert e is not None and e.kb_id is None


def test_national_security_is_no_body():
    # القومي is no force modifier: الأمن القومي الإيراني is the concept, not a service
    ents = actors("وقال أمين المجلس الأعلى للأمن القومي الإيراني إن المحادثات مستمرة.")
    assert not any("القومي" in e.name_ar and e.kb_id is None and e.category == "state_force" for e in ents)


def test_a_soldier_named_after_the_phrase_is_a_person_not_a_force():
    # the force phrase before a person's name describes the person (groups15; as victims do)
    ents = actors("وقال الجندي الأميركي تشارلز جنكينز إنه عبر الحدود.")
    assert not any(m.text == "الجندي الأميركي" for e in ents for m in e.mentions)


def test_artillery_shells_of_a_country_name_no_force():
    # the indefinite مدفعية qualifies a weapon (قذائف مدفعية): no head (open_actors.yaml heads)
    ents = actors("ووافقت الحكومة على تزويد الجيش بقذائف مدفعية أوكرانية مخزنة لديها.")
    assert not any("مدفعية" in m.text for e in ents for m in e.mentions)


@pytest.mark.parametrize("text, name, span", [
    # a construct: the indefinite head with the place as its genitive (bodies16)
    ("وأعلنت حكومة كينيا أنها سترسل قوات إلى الحدود.", "حكومة كينيا", "حكومة"),
    ("وقال مجلس محافظة الأنبار إن الاشتباكات مستمرة.", "مجلس محافظة الأنبار", "مجلس"),
    # a preposition or ل before the place, after a definite or modified head
    ("واتهمت السلطات المحلية في نيجيريا مسلحين بمهاجمة قرية.", "السلطات المحلية في نيجيريا", "السلطات المحلية"),
    ("وطالبت الحكومة المحلية لمحافظة الأنبار بالدعم.", "الحكومة المحلية لمحافظة الأنبار", "الحكومة المحلية"),
    # a day after the place is no part of a name
    ("وقالت السلطات المحلية في نيجيريا الاثنين إن الهجوم مدان.", "السلطات المحلية في نيجيريا", "السلطات المحلية"),
])
def test_a_government_head_with_its_place_is_the_places_body(text, name, span):
    e = named(actors(text), name)
    assert e is not None and e.category == "government" and e.kb_id is None
    assert [m.text for m in e.mentions] == [span]   # the place keeps its own PLACE mention
    assert named(actors(text, on=False), name) is None


@pytest.mark.parametrize("text", [
    # a definite head takes no genitive: the place is something else's (الحكومة العراق is no phrase)
    "وحملت الحكومة كينيا المسؤولية عن الهجوم.",
    # في before no place: a statement, not a place
    "وأكدت الحكومة في بيان أنها لن تتراجع.",
    # a person's title before the head keeps the phrase the title's
    "وقال رئيس حكومة كينيا إن الجيش تقدم.",
    # a building word before the head: the building and where it stands (review15b)
    "واقتحم المسلحون قصر الرئاسة في كينيا.",
    "وانفجرت عبوة أمام مجلس مدينة كينيا.",
])
def test_no_body_of_a_place_without_the_construct_or_behind_a_title(text):
    assert not any(e.category == "government" and e.kb_id is None and " " in e.name_ar
                   and e.name_ar.split()[-1] in ("كينيا", "بيان") for e in actors(text))


def test_a_countrys_body_named_by_its_place_joins_the_body_named_by_its_adjective():
    # حكومة العراق = الحكومة العراقية (actors.yaml): one actor when the report names both (bodies16)
    ents = actors("وقالت الحكومة العراقية إن الهجوم مدان. وأعلنت حكومة العراق الحداد.")
    gov = [e for e in ents if e.category == "government"]
    assert len(gov) == 1 and gov[0].kb_id == "actor:iraq_government"
    assert "حكومة" in [m.text for m in gov[0].mentions]
    # named only by its place, it keeps that name (the gold names it so)
    alone = named(actors("وأعلنت حكومة العراق الحداد."), "حكومة العراق")
    assert alone is not None and alone.kb_id is None


def test_an_actors_own_nationality_adjective_joins_its_mention():
    """الموساد الإسرائيلي: the adjective of the actor's own country is part of its name (Round 24)."""
    e = named(actors("وقالت الصحيفة إن عملاء الموساد الإسرائيلي نفذوا العملية."), "الموساد")
    assert e is not None and [m.text for m in e.mentions] == ["الموساد الإسرائيلي"]
    assert "own country's adjective" in e.mentions[0].why


def test_another_countrys_adjective_stays_out_of_the_mention():
    e = named(actors("وقالت الصحيفة إن الموساد التركي نفذ العملية."), "الموساد")
    assert e is None or [m.text for m in e.mentions] == ["الموساد"]
