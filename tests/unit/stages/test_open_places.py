"""The open_places stage on composed sentences: places after cue words that no gazetteer lists.

Needs the installed data (common words, gazetteer) for the mentions stage before it.
"""
import pytest

from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline


@pytest.fixture(autouse=True)
def _data(installed):
    yield


def places(text: str, open_places: bool = True) -> list:
    names = ["clean", "sentences", "mentions"] + (["open_places"] if open_places else [])
    doc = Pipeline.build(default_resources(), names).run(text)
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    return [m for m in doc.mentions if m.type == "PLACE"]


def texts(ms) -> list[str]:
    return [m.name or m.text for m in ms]


def test_a_facility_word_names_a_site_the_gazetteer_lacks():
    text = "أعلنت المقاومة استهداف موقع الجرداح الإسرائيلي بالأسلحة الصاروخية."   # (السماقة is listed since place4)
    assert "الجرداح" not in texts(places(text, open_places=False))
    found = [m for m in places(text) if m.name == "الجرداح"]
    assert found and found[0].text == "موقع الجرداح" and found[0].facility
    assert "موقع الجرداح الإسرائيلي" not in [m.text for m in places(text)]   # the adjective is no part


def test_what_a_facility_serves_is_part_of_its_type_and_the_name_follows_it():
    # (a field the world list lacks: كونيكو is listed since kbplaces)
    ms = places('وقالت المصادر إن قصف القاعدة في حقل غاز "جحار" تم بصاروخين.')
    site = [m for m in ms if m.name == "جحار"]
    assert site and site[0].facility and site[0].text.startswith("حقل غاز") and "حقل غاز" in site[0].why
    plain = [m for m in places("قصفت الطائرات محطة كهرباء الزارة في ريف حماة.") if m.name == "الزارة"]
    assert plain and plain[0].text == "محطة كهرباء الزارة"


def test_a_facility_kind_with_no_name_after_it_is_no_place():
    text = "استهدفت الغارات محطّة قطار، ومحطّة كهرباء، ومركزاً للإنشاءات."
    assert any("كهرباء" in m.text for m in places(text, open_places=False))   # what the pattern read
    assert not any("كهرباء" in m.text or "قطار" in m.text for m in places(text))


def test_a_settlement_word_names_a_village_of_two_words():
    found = texts(places("اقتحمت قوات الاحتلال بلدة بيت زمرينا فجر اليوم."))
    assert "بيت زمرينا" in found


def test_every_quoted_item_after_a_plural_cue_is_a_place():
    found = texts(places('دوت صفارات الإنذار في مستوطنات "دوفيف" و"برعام" و"يارؤون" في الجليل.'))
    assert {"دوفيف", "برعام", "يارؤون"} <= set(found)


def test_a_dual_cue_names_two_places_and_no_more():
    found = texts(places("قصفت الطائرات بلدتي زمرينا وكفرتونا وسط اشتباكات عنيفة."))
    assert {"زمرينا", "كفرتونا"} <= set(found)


@pytest.mark.parametrize("text, word", [
    ('وذكر موقع "واللا" الإخباري أن الجيش انسحب من المنطقة.', "واللا"),
    ("قصفت الطائرات منطقة واسعة من الريف.", "واسعة"),
    ("وقصفت المعارضة بلدات محاصرة بالقذائف.", "محاصرة"),
    ("نشرت الحركة بيانا على موقع فيسبوك أمس.", "فيسبوك"),
    ("دعا إلى القتال في مناطق النزال دون تردد.", "النزال"),
    # a relative adjective agreeing with a plural type word (an inanimate plural's adjective is feminine)
    ("وقال إن هذه ليست مواقع دفاعية كما يزعمون.", "دفاعية"),
    ("وصلت الشبكة إلى مناطق ريفية ونائية في الشمال.", "ريفية"),
    # the same behind a proclitic on the plural type word
    ("قصفت الطائرات مخازن ومواقع لوجستية للمسلحين.", "لوجستية"),
    # an ordinary noun in construct (a verbal noun) after the type word: what the site is for, or
    # where something happened, not a name
    ("وصل المحققون إلى موقع تحطم الطائرة صباح اليوم.", "تحطم"),
    ("دمرت الغارة مواقع إطلاق الصواريخ في الجبل.", "إطلاق"),
    # teh marbuta opened before a pronoun, on a word the news uses often: قضاء is "spending" here
    ("سافر الجنود لقضاء عطلتهم في الريف.", "عطلتهم"),
])
def test_a_cue_word_used_in_another_sense_names_no_place(text, word):
    assert not any(word in m.text for m in places(text))


def test_a_name_with_the_article_after_a_plural_type_word_is_still_a_list_item():
    ms = texts(places('واستهدفت المقاومة مواقع العاصي و"بركة ريشا" بالصواريخ.'))
    assert "العاصي" in ms and "بركة ريشا" in ms


def test_an_unknown_name_between_two_places_of_a_list_is_a_place():
    text = "سقطت قذائف على حلب وزمرينا ودمشق صباح اليوم."
    assert "زمرينا" not in texts(places(text, open_places=False))
    assert "زمرينا" in texts(places(text))


def test_a_longer_reading_replaces_a_cut_pattern_place_and_never_overlaps_others():
    ms = places("وقعت اشتباكات عند حاجز أبو رفاعي قرب المدينة.")
    spans = sorted((m.start, m.end) for m in ms)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert any(m.text.endswith("أبو رفاعي") for m in ms)


def test_a_natural_feature_keeps_its_type_word_and_a_settlement_takes_it_whole():
    assert "بحيرة تشاد" in [m.text for m in places("قتل عشرة صيادين قرب بحيرة تشاد أمس.")]
    assert "تل السبع" in texts(places("اقتحمت القوات منزلا في بلدة تل السبع في النقب."))


def test_a_noun_with_a_pronoun_is_no_list_item():
    assert not any("حشوده" in m.text for m in places("واصلت المقاومة عملياتها ضد مواقع الاحتلال وحشوده."))


# ---- place3: spans, cue senses and list joints (issue 8 item 4) ----------------------------------
def test_a_type_word_joins_the_span_and_the_name_stays_bare():
    (m,) = [m for m in places("اقتحمت قوات الاحتلال بلدة بيت زمرينا فجر اليوم.") if m.name == "بيت زمرينا"]
    assert m.text == "بلدة بيت زمرينا"


def test_a_quoted_item_after_a_comma_and_the_conjunction_is_a_place():
    text = 'قصفت المقاومة مواقع "العاصي" و"بركة ريشا"، و"بياض بليدا" التابعة للاحتلال.'
    assert {"العاصي", "بركة ريشا", "بياض بليدا"} <= set(texts(places(text)))


def test_a_cue_coordinated_with_another_noun_names_no_place():
    ms = places('تخوض القوات معركة ضد مواقع ومقار "قسد" في أرياف دير الزور.')
    assert not any(m.text.startswith("ومقار") or m.name == "ومقار" for m in ms)


def test_a_base_word_without_the_article_is_a_base_not_the_organisation():
    doc = Pipeline.build(default_resources(), ["clean", "sentences", "mentions", "open_places"]).run(
        "تبنت المقاومة استهداف قاعدة عين زيتيم بالصواريخ. وقال إن تنظيم القاعدة يتمدد.")
    # (a base the world list does not hold: قاعدة ميرون is listed since branch place4)
    base = [m for m in doc.mentions if m.type == "PLACE" and m.name == "عين زيتيم"]
    assert base and base[0].text == "قاعدة عين زيتيم" and base[0].facility
    actors = [m.text for m in doc.mentions if m.type == "ACTOR"]
    assert "تنظيم القاعدة" in actors and "قاعدة" not in actors


def test_an_outlet_told_something_is_not_the_town_of_its_name():
    assert not places("قال مسؤول عسكري للميادين إن القصف مستمر.")
    assert "الميادين" in texts(places("قتل ثلاثة مدنيين في بلدة الميادين بريف دير الزور."))


def test_a_type_word_with_the_article_heads_no_name():
    assert not places("قال المتحدث إن المنطقة ستنفجر إذا استمر القصف.")
    assert not places("توفي ثلاثة في المستشفى متأثرين بجروحهم.")


def test_a_direction_from_a_country_is_a_region_of_its_own():
    ms = places("استهدفت المقاومة القوات الأميركية في شرقي سوريا.")
    (m,) = [m for m in ms if "سوريا" in m.text]
    assert m.text == "شرقي سوريا" and m.region


def test_an_adjective_of_sites_joins_the_span_and_opens_a_name_of_an_ordinary_word():
    # (حقل العمر النفطي itself is in the world list since kbplaces: another field of an ordinary word)
    (m,) = [m for m in places("دوت انفجارات في حقل الثورة النفطي في ريف دير الزور.") if m.name == "الثورة"]
    assert m.text == "حقل الثورة النفطي" and m.facility
    assert not [m for m in places("دوت انفجارات في حقل الثورة في ريف دير الزور.") if m.name == "الثورة"]
    assert not [m for m in places("تضرر حقل التجارب في الجامعة.") if m.name == "التجارب"]


def test_a_known_place_takes_the_adjective_occupied_and_keeps_its_bare_name():
    (m,) = [m for m in places("اقتحمت قوات الاحتلال القدس المحتلة فجر اليوم.") if m.text.startswith("القدس")]
    assert m.text == "القدس المحتلة" and m.name == "القدس"


def test_a_direction_phrase_the_gazetteer_names_whole_is_that_place():
    doc = Pipeline.build(default_resources()).run("تفشت الكوليرا في جنوب السودان. وقصفت الطائرات جنوب لبنان.")
    kinds = {e.name_ar: (e.kb_id, e.geo["precision"]) for e in doc.entities if e.type == "PLACE"}
    assert kinds["جنوب السودان"][0] == "world:ss" and kinds["جنوب لبنان"][0] == "world:lb-south"


def test_a_kunya_name_after_a_settlement_word_is_a_place_not_a_man():
    doc = Pipeline.build(default_resources(), ["clean", "sentences", "mentions", "open_places"]).run(
        "سيطر التنظيم على بلدات أبو حردوب والجرذي وأبو حمام. وقال أبو محمد الجولاني إن المعركة مستمرة.")
    kinds = {m.name or m.text: m.type for m in doc.mentions}
    assert kinds.get("أبو حردوب") == "PLACE" and kinds.get("أبو حمام") == "PLACE"
    assert kinds.get("أبو محمد الجولاني") == "PERSON"


def test_a_border_named_by_two_states_adjectives_is_a_place():
    for text, span in (("قتل جنديان في اشتباك على الحدود السورية التركية أمس.", "الحدود السورية التركية"),
                       ("قصفت المدفعية مواقع قرب الحدود العراقية-التركية.", "الحدود العراقية-التركية")):
        found = [m for m in places(text) if m.text == span]
        assert found and "border" in found[0].why
    # one state's adjective names no one border; the same adjective twice is no pair of states
    assert not any("الحدود" in m.text for m in places("تتواصل الاشتباكات على الحدود اللبنانية."))
    assert not any("الحدود" in m.text for m in places("وصلوا إلى الحدود السورية السورية."))


def test_a_glued_conjunction_after_a_comma_is_no_part_of_the_list_item():
    """لبلدات زمرينا، وبيت فجار: a comma and then و glued to the next name is one joint, as "، و"."""
    ms = places("اقتحمت قوات الاحتلال بلدات زمرينا، وبيت فجار جنوبي بيت لحم.")
    assert "بيت فجار" in texts(ms)
    assert not any((m.name or m.text).startswith("وبيت") for m in ms)
    # "، وحاصرت القوات": a comma and a glued و opening a clause is no list item
    ms = places("اقتحمت قوات الاحتلال بلدات زمرينا، وحاصرت القوات منزلا.")
    assert not any("حاصرت" in m.text for m in ms), [m.text for m in ms]


def test_a_yemeni_district_word_names_a_place_and_a_directorate_none():
    """مديرية X is Yemen's district (its type word joins the span); مديرية الدفاع المدني and
    المديرية العامة are directorates: an ordinary word after it names no place."""
    ms = places("شن العدوان غارات على جبل عرام بمديرية همدان ومديريتي حيفان ومقبنة.")
    names = set(texts(ms))
    assert {"جبل عرام", "حيفان", "مقبنة"} <= names, names
    assert any(m.text == "مديرية همدان" for m in ms), [m.text for m in ms]
    assert not any("بمديرية" in m.text for m in ms)
    for text in ("أعلنت مديرية الدفاع المدني حصيلة الحريق.", "قالت المديرية العامة للجوازات إن العمل بدأ.",
                 "أفرجت مديرية المخابرات في الجيش عن الموقوف."):
        assert places(text) == [], text


def test_a_region_named_like_a_news_outlet_is_the_region_only_after_a_preposition():
    """الشرق الأوسط: the region after في or ب, the newspaper Asharq al-Awsat after a verb, a quote
    mark or ل."""
    assert "الشرق الأوسط" in texts(places("وتحدث الوزير عن سياسات إيران في الشرق الأوسط أمس."))
    assert "الشرق الأوسط" in texts(places("وتعهد بدعم الدول الخاصة بالشرق الأوسط أمس."))
    for text in ("وقال الوزير لـ«الشرق الأوسط» إن الخيار صعب.", "وعلمت «الشرق الأوسط» من مصادر مطلعة أن الهجوم فشل."):
        assert "الشرق الأوسط" not in texts(places(text)), text


def test_a_glued_item_that_closes_the_sentence_is_a_list_item():
    """The open finder's "، وX" item ends at a full stop as the gazetteer finder's does (one test,
    placeness.ends_item): it used to need a comma, و or a placing word after it."""
    ms = places("اقتحمت قوات الاحتلال بلدات زمرينا، وبيت فجار. واعتقلت شابين.")
    assert "بيت فجار" in texts(ms)


# ---- places11: hotels, stadiums, palaces and hills as open-vocabulary places (issue 8) ---------
@pytest.mark.parametrize("text, span", [
    ("انفجرت عبوة ناسفة قرب فندق الرمانة في وسط المدينة.", "فندق الرمانة"),
    ("تجمع المتظاهرون في ملعب الزهراء قبل أن تفرقهم الشرطة.", "ملعب الزهراء"),
    ("سقطت قذيفة على قصر المرجان في العاصمة.", "قصر المرجان"),
])
def test_a_hotel_stadium_or_palace_word_names_a_site(text, span):
    assert span not in [m.text for m in places(text, open_places=False)]
    found = [m for m in places(text) if m.text == span]
    assert found and found[0].facility


def test_a_hills_word_keeps_its_type_word_like_a_natural_feature():
    text = "قصفت المدفعية موقعا في تلال كفرحمام المحتلة."
    assert "تلال كفرحمام" not in [m.text for m in places(text, open_places=False)]
    found = [m for m in places(text) if m.text == "تلال كفرحمام"]
    assert found and "تلال" in found[0].why


def test_an_adverb_of_place_after_a_cue_opens_no_name():
    """مواقع قرب الطريق، مناطق داخل القطاع: the adverb says where the sites are (open_places.yaml
    not_names, place14); a real name after the cue is still read."""
    assert not any(t.startswith(("قرب", "داخل")) for t in texts(places("قصفت الطائرات مواقع قرب الطريق ومناطق داخل القطاع.")))
    assert "الجرداح" in texts(places("استهدفت المقاومة موقع الجرداح أمس."))


def test_an_ordinary_word_the_gazetteer_starts_names_with_still_opens_a_name():
    # عين is an ordinary word, but place names open with it: the construct reading does not apply
    assert "قاعدة عين الأسد" in " ".join(texts(places("سقطت الصواريخ على قاعدة عين الأسد صباح اليوم.")))


def test_a_mosque_is_named_after_the_body_it_serves_in_construct():
    # مسجد is a building named for whom it serves: a construct phrase after it is its name
    assert any("قوة الطوارئ" in t for t in texts(places("وقع تفجير في مسجد قوة الطوارئ أمس.")))


def test_a_street_or_roundabout_is_named_by_an_ordinary_word_or_a_number_word():
    """place19: شارع and دوار open names that are ordinary words with the article (streets and
    roundabouts are named so: شارع الستين، دوار الشهداء); دوار الشمس is the sunflower, no place."""
    ms = places("اندلعت اشتباكات في شارع الخمسين قرب دوار المحاكم صباح اليوم.")
    assert {"شارع الخمسين", "دوار المحاكم"} <= {m.text for m in ms}, [m.text for m in ms]
    assert not places("ارتفعت أسعار زيت دوار الشمس في الأسواق.")


def test_a_port_keeps_its_type_word_and_stays_apart_from_its_town():
    """place19: ميناء / مرفأ before a known town is the port (a facility), not the town itself."""
    doc = Pipeline.build(default_resources()).run("رست سفينة المساعدات في ميناء الحديدة. وقصفت الطائرات مدينة الحديدة.")
    ents = [e for e in doc.entities if e.type == "PLACE"]
    port = [e for e in ents if any(m.text == "ميناء الحديدة" for m in e.mentions)]
    assert port and not any(m.text == "مدينة الحديدة" for m in port[0].mentions)


def test_an_iraqi_district_word_makes_a_known_name_a_place():
    """place19: قضاء X is Iraq's (and Lebanon's) district: it makes a gazetteer name that is also an
    ordinary word (حديثة "modern") the place; قضاء in its other sense before no place names none."""
    assert "قضاء حديثة" in [m.text for m in places("وصلت التعزيزات إلى قضاء حديثة غربي الأنبار.")]
    assert not places("ذهب الموظفون لقضاء إجازة قصيرة.")


def test_an_iranian_province_of_two_names_joined_by_and_is_one_place():
    """place19: world_places lists Sistan and Baluchestan, named whole with its و."""
    doc = Pipeline.build(default_resources()).run("وقع هجوم مسلح في محافظة سيستان وبلوشستان جنوبي شرقي إيران.")
    ids = {e.kb_id for e in doc.entities if e.type == "PLACE"}
    assert "world:ir-sistan-baluchestan" in ids, ids


def test_a_known_name_after_ibn_in_a_site_name_is_part_of_the_name():
    """place19: مستشفى ابن سينا is one site: after ابن / بن / عبد the next word belongs to the name even
    when the gazetteer knows it (سينا, Sinai), and the site is not cut at ابن."""
    ms = places("نقل المصابون إلى مستشفى ابن سينا في المدينة.")
    assert [m.text for m in ms] == ["مستشفى ابن سينا"], [m.text for m in ms]


def test_a_site_named_after_a_person_keeps_the_title_and_the_name():
    """place21: after a facility word, a person's title (الإمام، الملك، الشهيد) and the name after it
    are the site's name, also when the name is an ordinary word (فهد) or the person finder read it."""
    ms = places("نقل الجرحى إلى مستشفى الملك فهد ثم صلّوا في مسجد الإمام الرضا بالمدينة.")
    assert {"مستشفى الملك فهد", "مسجد الإمام الرضا"} <= {m.text for m in ms}, [m.text for m in ms]
    assert all(m.facility for m in ms if m.text.startswith(("مستشفى", "مسجد")))


def test_a_kunya_opens_and_a_joiner_continues_a_site_name():
    """place21: مسجد أبي بكر: the kunya أبي is no relative adjective (أب + ي) here, and بن inside the
    name of the person the site is named after does not cut it (مسجد عمرو بن العاص)."""
    found = [m.text for m in places("سقطت قذيفة قرب مسجد أبي بكر الصديق، وأخرى قرب مسجد عمرو بن العاص.")]
    assert "مسجد أبي بكر الصديق" in found and "مسجد عمرو بن العاص" in found, found


def test_a_title_alone_after_a_facility_word_names_no_site():
    found = [m.text for m in places("وزار الوفد مستشفى الملك في الصباح.")]
    assert not any(t.startswith("مستشفى الملك") for t in found), found


def test_one_frequent_word_after_a_plural_cue_is_no_list_of_one_place():
    """place21: مواقع الميليشيا، محطتي حافلات: a frequent news word the gazetteer does not know, alone
    after a plural or dual cue, is what the sites are of; a list that goes on, or a quoted or rare
    name, stays (بلدات الجبين والضهيرة، مستوطنات "شلومي")."""
    assert not [m.text for m in places("هاجم مقاتلو العشائر مواقع الميليشيا الكردية.") if "الميليشيا" in m.text]
    assert not [m.text for m in places("استهدف تفجيران محطتي حافلات في المدينة.") if "حافلات" in m.text]
    found = [m.text for m in places("قصفت المدفعية بلدات الجبين والضهيرة.")]
    assert "الجبين" in found and "الضهيرة" in found, found


def test_a_hyphen_with_no_space_joins_the_words_of_one_name():
    """place21: منطقة كاباردينو-بلكاريا is one place; القامشلي - عامودا (spaced) is no one name."""
    found = [m.text for m in places("اشتبكت الشرطة مع مسلحين في منطقة زيبارو-كالتينا الجبلية.")]
    assert "منطقة زيبارو-كالتينا" in found, found


def test_a_date_after_a_site_name_is_no_part_of_it():
    """place21: مسجد الزيتوني الشهر الماضي: the date words end the name."""
    found = [m.text for m in places("فجّر انتحاري نفسه في مسجد الزيتوني الشهر الماضي.")]
    assert "مسجد الزيتوني" in found, found


def test_a_place_word_behind_ka_like_names_no_place():
    """place21: كتلة الديمقراطيين "the Democrats' bloc" is no ك + تلة, and كمنطقة عازلة "as a buffer
    zone" compares, it names no place."""
    found = [m.text for m in places("قال رئيس كتلة الديمقراطيين إن الخطة تصف الليطاني كمنطقة عازلة.")]
    assert not any(t.startswith(("تلة", "منطقة")) for t in found), found


def test_a_frequent_word_after_a_village_or_town_plural_may_be_a_name():
    """place21: after قرى، مدن، مديريات the lone-word test does not apply (قرى الراحة، مدن الوشم)."""
    found = [m.text for m in places("احتفل أهالي قرى الراحة بالعيد.")]
    assert any("الراحة" in t for t in found), found


def test_an_ordinary_word_after_mintaqa_is_a_name_when_a_known_place_locates_it():
    """place24: منطقة + an ordinary word with the article is a place when a direction or a word of
    containment and a place the report names follow at once; alone it is no name."""
    found = places("دارت اشتباكات عنيفة في منطقة السوق شرق حلب منذ الصباح.")
    assert "منطقة السوق" in [m.text for m in found]
    assert any("locates" in (m.why or "") for m in found if m.text == "منطقة السوق")
    found = places("قصفت المدفعية منطقة المطاحن في مدينة حمص أمس.")
    assert "منطقة المطاحن" in [m.text for m in found]


@pytest.mark.parametrize("text", [
    "سدد اللاعب كرة قوية من حدود منطقة الجزاء في الدقيقة الأخيرة.",
    "توجهت القوات إلى منطقة الحرب بجنوب شرقي أوكرانيا.",
    "دارت اشتباكات في منطقة السوق، ثم امتدت إلى حلب.",
])
def test_an_ordinary_word_after_mintaqa_is_no_name_without_a_place_locating_it(text):
    assert not any(m.text.startswith("منطقة") for m in places(text))


def test_unknown_names_each_joined_by_and_closing_a_list_of_two_places_are_places():
    """place24: two unknown names, each joined by و, after two known places and ending the list."""
    text = "سيطر المقاتلون على حلب ودمشق وزمرينا وكفرتخاريم، فيما تواصلت المعارك."
    found = places(text)
    assert {"زمرينا", "كفرتخاريم"} <= set(texts(found))
    assert any("closing a list" in (m.why or "") for m in found if m.text == "زمرينا")


def test_unknown_words_after_a_list_that_goes_on_into_a_clause_are_no_places():
    text = "سيطر المقاتلون على حلب ودمشق وزمرينا وقالوا إن المعارك مستمرة."
    assert "قالوا" not in " ".join(texts(places(text)))


def test_a_two_word_item_without_the_article_closes_no_list():
    """place24: ونيوزلندا ذهابا وإيابا: a second word without the article at a list's end is an adverb."""
    text = "تبحر السفن إلى حلب ودمشق وزمرينا ذهابا وإيابا."
    assert "إيابا" not in " ".join(m.text for m in places(text))


def test_a_construct_head_is_no_name_also_through_an_indefinite_word():
    """place28: موقع إطلاق قذائف المورتر is "a mortar launch site", a verbal noun in construct with an
    indefinite word and then a defined one; not a site named إطلاق قذائف المورتر."""
    ms = places("دمرت الغارات نقطة تفتيش ومبنى وموقع إطلاق قذائف المورتر قرب المدينة.")
    assert not any("إطلاق" in m.text for m in ms), [m.text for m in ms]


def test_an_israeli_news_site_after_the_site_word_is_an_outlet_not_a_place():
    """place28: sources.yaml lists the Israeli news sites the press cites as موقع "X" (والاه، واينت)."""
    for text in ('وقال محلل الشؤون العسكرية في موقع "والاه" الإسرائيلي إن الصواريخ ستنطلق.',
                 'وذكر موقع "واينت" أن الجيش أغلق المنطقة.'):
        assert not places(text), [m.text for m in places(text)]
