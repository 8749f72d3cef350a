"""The eventcoref stage on a hand-built Doc: one record per event, every evidence sentence kept."""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Entity, Event, Mention
from rasd.kb.resources import Resources
from rasd.pipeline import run_stage
from rasd.stages.eventcoref import EventCoref

S1 = "غارات على سراقب."
S2 = "قتل خمسة مدنيين في الغارات التي شنتها الطائرات على سراقب."
S3 = "وقصفت الطائرات أريحا أيضا."
S4 = "وأدت هذه الغارات إلى دمار كبير في البلدة."
TEXT = "\n".join([S1, S2, S3, S4])


def _span(s: str) -> tuple[int, int]:
    a = TEXT.index(s)
    return a, a + len(s)


def _place(id_: str, name: str, lat: float, lon: float) -> Entity:
    a = TEXT.index(name)
    return Entity(id_, "PLACE", name, None, None, [Mention(a, a + len(name), name, "PLACE")],
                  geo={"lat": lat, "lon": lon, "feature": "locality", "precision": 1})


def _doc() -> Doc:
    doc = Doc(TEXT)
    doc.sentences = [_span(S1), _span(S2), _span(S3), _span(S4)]
    saa = Entity("E1", "ACTOR", "الطائرات", None, "saa", [])
    civ = Entity("E2", "ACTOR", "مدنيين", None, "civilians", [])
    doc.entities = [saa, civ, _place("P1", "سراقب", 35.86, 36.8), _place("P2", "أريحا", 35.81, 36.61)]
    t1 = TEXT.index("غارات")
    t3 = TEXT.index("وقصفت") + 1
    t4 = TEXT.index("الغارات", TEXT.index(S4))
    doc.events = [
        Event("V1", "AIRSTRIKE", (t1, t1 + 5), agents=["E1"], places=["P1"], evidence=[_span(S1)],
              extra={"why": {"type": "trigger"}}),
        Event("V2", "CASUALTIES", None, agents=[], targets=["E2"], places=["P1"], fatalities=5,
              evidence=[_span(S2)], extra={"why": {"type": "a toll"}}),
        Event("V3", "AIRSTRIKE", (t3, t3 + 4), agents=["E1"], places=["P2"], evidence=[_span(S3)],
              extra={"why": {"type": "trigger"}}),
        Event("V4", "AIRSTRIKE", (t4, t4 + 7), agents=[], places=["P1"], evidence=[_span(S4)],
              extra={"why": {"type": "trigger"}}),
    ]
    return doc


def test_toll_sentence_folds_into_its_strike_and_other_places_stay_apart():
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), _doc())
    # the toll joins the strike it counts; هذه الغارات refers back to the last strike (Ariha)
    assert [(e.id, e.type, e.places) for e in doc.events] == [("V1", "AIRSTRIKE", ["P1"]),
                                                              ("V2", "AIRSTRIKE", ["P2", "P1"])]
    assert doc.events[1].evidence == [_span(S3), _span(S4)]
    first = doc.events[0]
    assert first.evidence == [_span(S1), _span(S2)]
    assert first.fatalities == 5
    merged = first.extra["why"]["merged"]
    assert merged[0]["type"] == "CASUALTIES" and "toll" in merged[0]["why"]
    assert "toll" in first.extra["why"]["fatalities"]


def test_stage_can_be_switched_off():
    doc = EventCoref(Resources("/nonexistent-rasd-data"), enabled=False)(_doc())
    assert len(doc.events) == 4


def _unlocated_doc(feature: str | None) -> Doc:
    """One violent act told at a place, one told only in a country (or nowhere), one meeting."""
    doc = _doc()
    doc.events = doc.events[:1]
    if feature is not None:
        a = TEXT.index("أريحا")
        doc.entities.append(Entity("P3", "PLACE", "سوريا", None, None, [Mention(a, a + 5, "أريحا", "PLACE")],
                                   geo={"lat": 35.0, "lon": 38.5, "feature": feature, "precision": 3}))
    t3 = TEXT.index("وقصفت") + 1
    doc.events.append(Event("V2", "SHELLING", (t3, t3 + 4), agents=["E1"], places=["P3"] if feature else [],
                            evidence=[_span(S3)], extra={"why": {"type": "trigger"}}))
    doc.events.append(Event("V3", "MEETING", (t3, t3 + 4), partners=["E1", "E2"], evidence=[_span(S3)],
                            extra={"why": {"type": "trigger"}}))
    return doc


def test_a_violent_act_with_no_place_or_only_a_country_is_dropped_with_its_reason():
    for feature in (None, "country"):
        doc = _unlocated_doc(feature)
        # no town named in the shelling's sentence either (eventcoref.yaml sentence_place would take it)
        doc.entities = [x for x in doc.entities if x.id != "P2"]
        doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)
        assert [e.type for e in doc.events] == ["AIRSTRIKE", "MEETING"]     # a meeting needs no place
        assert [e.id for e in doc.events] == ["V1", "V2"]
        (w,) = [w for w in doc.warnings if w.startswith("eventcoref: no event from SHELLING")]
        assert ("no place" if feature is None else "whole country") in w


def test_a_violent_act_in_a_town_is_kept_and_dropping_can_be_switched_off():
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), _unlocated_doc("locality"))
    assert [e.type for e in doc.events] == ["AIRSTRIKE", "SHELLING", "MEETING"]
    kept = EventCoref(Resources("/nonexistent-rasd-data"), unlocated="keep")(_unlocated_doc(None))
    assert [e.type for e in kept.events] == ["AIRSTRIKE", "SHELLING", "MEETING"]


def _anaphor_of(text: str, trigger: str):
    from rasd.arabic.tokens import tokenize
    from rasd.stages.eventcoref import _anaphor

    doc = Doc(text)
    doc.tokens = tokenize(text)
    at = text.index(trigger)
    k = next(t.i for t in doc.tokens if t.start == at)
    j = next(t.i for t in doc.tokens if t.end >= at + len(trigger)) + 1
    return _anaphor(doc, k, j, Resources("/nonexistent-rasd-data").eventcoref_rules)


def test_a_demonstrative_refers_back_only_to_a_noun_with_the_article_right_after_it():
    assert _anaphor_of("وأدت هذه الغارات إلى دمار كبير", "الغارات") == "هذه الغارات"
    assert _anaphor_of("ووقع الهجوم نفسه قرب المدينة", "الهجوم") == "الهجوم نفسه"
    # the same act told by its means
    assert _anaphor_of("وقصفت القوات البلدة، وذلك بقذائف الهاون", "بقذائف") == "وذلك بقذائف"
    # a discourse link opens a new act: after a comma, before a verb or an indefinite noun
    assert _anaphor_of("إلى جانب ذلك، استهدفت المدفعية البلدة", "استهدفت") is None
    assert _anaphor_of("وفي غضون ذلك، القصف طال البلدة", "القصف") is None
    assert _anaphor_of("هذا واعتقلت قوات الاحتلال شابا من البلدة", "واعتقلت") is None
    assert _anaphor_of("وسبق ذلك استهدافها مطار المدينة", "استهدافها") is None


def test_a_b_initial_noun_refers_back_only_as_the_means_after_the_listed_demonstrative():
    # ب is the preposition of the means only after "وذلك" (eventcoref.yaml anaphors.means_before)
    assert _anaphor_of("وقصفت المروحيات الحي، وذلك ببراميل متفجرة", "ببراميل") == "وذلك ببراميل"
    # after هذه the ب of براميل is a root letter: a new act, no anaphor (the old rule took any ب)
    assert _anaphor_of("وألقت المروحيات هذه براميل متفجرة على الحي", "براميل") is None
    assert _anaphor_of("وقالت إن هذه بلدات محاصرة منذ أشهر", "بلدات") is None
    # a bare ب is no word of the means
    assert _anaphor_of("وذلك ب الصواريخ", "ب") is None


def test_a_means_demonstrative_must_be_a_demonstrative(tmp_path):
    import shutil
    from pathlib import Path

    import rasd
    from rasd.errors import RasdError
    from rasd.kb.resources import Resources as R
    from rasd.stages.eventcoref.rules import load_rules

    bad = tmp_path / "eventcoref.yaml"
    shutil.copy(Path(rasd.__file__).parent / "knowledge" / "eventcoref.yaml", bad)
    bad.write_text(bad.read_text(encoding="utf-8").replace("means_before: [ذلك]", "means_before: [عبر]"),
                   encoding="utf-8")
    with pytest.raises(RasdError, match="means_before"):
        load_rules(bad, R("/nonexistent-rasd-data").ontology)


def _act_then_noun(s1: str, s2: str, place: str, point: tuple[float, float], first: tuple[str, int],
                   noun: str, second: str) -> Doc:
    """Two sentences: an act (type, trigger length) at ``place`` told first, then ``noun`` read as an
    act of type ``second`` with no place of its own."""
    text = f"{s1}\n{s2}"
    doc = Doc(text)
    doc.sentences = [(0, len(s1)), (len(s1) + 1, len(text))]
    a = text.index(place)
    doc.entities = [Entity("P1", "PLACE", place, None, None, [Mention(a, a + len(place), place, "PLACE")],
                           geo={"lat": point[0], "lon": point[1], "feature": "locality", "precision": 1})]
    t2 = text.index(noun, len(s1))
    doc.events = [Event("V1", first[0], (0, first[1]), places=["P1"], evidence=[doc.sentences[0]],
                        extra={"why": {"type": "trigger"}}),
                  Event("V2", second, (t2, t2 + len(noun)), evidence=[doc.sentences[1]],
                        extra={"why": {"type": "trigger"}})]
    return doc


@pytest.mark.parametrize("noun, joins", [("الهجوم", True), ("هجوم", False), ("للهجوم", True), ("لهجوم", False)])
def test_a_definite_event_noun_later_in_the_report_joins_the_act(noun, joins):
    # للهجوم is ل + الهجوم (the article written لل): definite, read by the clitic readings
    doc = _act_then_noun("انفجرت سيارة مفخخة في سراقب.", f"وقال الضابط إن المنفذ {noun} انتحاري.", "سراقب",
                         (35.86, 36.8), ("BOMBING", 6), noun, "ARMED_CLASH")
    told = list(doc.events[1].trigger)
    doc.explain = True
    out = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)
    assert [e.type for e in out.events] == ["BOMBING"]      # the placeless clash alone is dropped as unlocated
    merged = out.events[0].extra["why"].get("merged", [])
    assert bool(merged) == joins
    if joins:
        assert "the event noun with the article" in merged[0]["why"]
        assert out.events[0].evidence == doc.sentences
    else:
        # the trace says why the indefinite telling joined nothing
        assert out.notes["eventcoref_refused"][0]["trigger"] == told


def test_a_traced_doc_rerun_holds_each_refusal_once():
    """The trace's eventcoref_refused is built afresh on each run: a traced Doc read back
    (Doc.from_json keeps its notes) and run again does not pile up the same refusals."""
    stage = EventCoref(Resources("/nonexistent-rasd-data"))
    doc = _doc()
    doc.explain = True
    once = run_stage(stage, doc).notes["eventcoref_refused"]
    again = _doc()
    again.explain = True
    again.notes["eventcoref_refused"] = [dict(r) for r in once]   # as Doc.from_json of the traced run
    twice = run_stage(stage, again).notes["eventcoref_refused"]
    assert once and twice == once


def _refused(tmp_path, old: str, new: str, match: str, by=None) -> None:
    """A copy of eventcoref.yaml with ``old`` (which must be there) edited to ``new`` is refused by the
    loader (or by ``by``, called with the copy's path) with a RasdError matching ``match``."""
    import shutil
    from pathlib import Path

    import rasd
    from rasd.errors import RasdError
    from rasd.stages.eventcoref.rules import load_rules

    bad = tmp_path / "eventcoref.yaml"
    shutil.copy(Path(rasd.__file__).parent / "knowledge" / "eventcoref.yaml", bad)
    text = bad.read_text(encoding="utf-8")
    assert old in text
    bad.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(RasdError, match=match):
        (by or (lambda path: load_rules(path, Resources("/nonexistent-rasd-data").ontology)))(bad)


def test_a_rule_whose_least_distance_passes_its_greatest_is_refused_with_file_and_line(tmp_path):
    _refused(tmp_path, "min_sentences: 1\n", "min_sentences: 4\n",
             r"eventcoref\.yaml:\d+: min_sentences is more than max_sentences")


@pytest.mark.parametrize("sentence, cause, notice, period", [
    ("وقتل خمسة مدنيين في الغارات على البلدة.", True, False, False),
    ("ما أسفر عن مقتل ثلاثة عناصر.", True, False, False),
    ("وسقط شهيدان جراء قصفٍ على الحي.", True, False, False),
    ("وزفّت المقاومة الشهيد الذي ارتقى أثناء قيامه بواجبه الجهادي.", False, True, False),
    ("وأقر الجيش بمقتل ضابط في جنوبي القطاع.", False, False, False),
    ("وارتقى حتى الآن أكثر من ألف شهيد.", False, False, True),
    ("وقتل 88 ضابطا وجنديا منذ بدء الحرب.", False, False, True),
    ("وقتل ثلاثة جنود بعد الاتفاق بيومين.", False, False, False),     # an agreement is no cause of deaths
])
def test_what_a_toll_sentence_says_of_its_dead(sentence, cause, notice, period):
    from rasd.arabic.tokens import tokenize
    from rasd.stages.eventcoref import _toll_words

    doc = Doc(sentence)
    doc.tokens = tokenize(sentence)
    doc.sentences = [(0, len(sentence))]
    toll = Event("V1", "CASUALTIES", None, evidence=[(0, len(sentence))], fatalities=1)
    got = _toll_words(doc, toll, Resources("/nonexistent-rasd-data").eventcoref_rules, [x.start for x in doc.tokens])
    assert got == {"toll_cause": cause, "toll_notice": notice, "toll_period": period}


@pytest.mark.parametrize("feature, kept", [(None, False), ("country", True), ("locality", True)])
def test_an_arrest_or_protest_with_no_place_is_dropped_but_a_country_is_place_enough(feature, kept):
    # eventcoref.yaml place_needed: حملات اعتقال واسعة names no place; a protest in France is coded by country
    doc = _unlocated_doc(feature)
    doc.events[1].type = "ARREST"
    doc.events.append(Event("V4", "PROTEST", (0, 5), agents=["E2"], places=["P3"] if feature else [],
                            evidence=[_span(S1)], extra={"why": {"type": "trigger"}}))
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data"), enabled=False), doc)
    types = [e.type for e in doc.events]
    assert types == (["AIRSTRIKE", "ARREST", "MEETING", "PROTEST"] if kept else ["AIRSTRIKE", "MEETING"])
    if not kept:
        assert any("no event from ARREST" in w and "place_needed" in w for w in doc.warnings)


def _row_line(row: str) -> int:
    """The line of a row of eventcoref.yaml (the row's own line, not the document's first line)."""
    from pathlib import Path

    import rasd

    text = (Path(rasd.__file__).parent / "knowledge" / "eventcoref.yaml").read_text(encoding="utf-8")
    return next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith(row))


def test_an_unknown_type_of_the_place_table_is_refused_with_the_line_of_its_row(tmp_path):
    line = _row_line("  ARREST:")
    _refused(tmp_path, "  ARREST:    {place: true", "  ARRESTS:   {place: true",
             rf"eventcoref\.yaml:{line}: place_needed: 'ARRESTS' is no event type")


def test_a_country_that_counts_for_a_type_needing_no_place_is_refused_with_the_line_of_its_row(tmp_path):
    line = _row_line("  RIOT:")
    _refused(tmp_path, "  RIOT:      {place: true,", "  RIOT:      {place: false,",
             rf"eventcoref\.yaml:{line}: place_needed: RIOT: a country counts as a place only")


def test_a_row_of_the_place_table_without_its_country_is_refused_by_its_shape_with_its_line(tmp_path):
    from rasd.kb import shapes
    from rasd.kb.loaders import validate

    _refused(tmp_path, "  PROTEST:   {place: true, country: true}", "  PROTEST:   {place: true}",
             rf"eventcoref\.yaml:{_row_line('  PROTEST:')}: place_needed\.PROTEST\.country",
             by=lambda path: validate(path, shapes.EventCoref))


def test_the_place_table_gives_each_violent_type_the_violent_row_and_a_named_row_overrides_it():
    from rasd.stages.eventcoref.rules import place_needed

    res = Resources("/nonexistent-rasd-data")
    violent = res.eventcoref_rules.violent
    table = {"__line__": 1, "violent": {"place": True, "country": False, "__line__": 2},
             "SHELLING": {"place": False, "country": False, "__line__": 3},
             "PROTEST": {"place": True, "country": True, "__line__": 4}}
    got = place_needed("eventcoref.yaml", {"place_needed": table}, res.ontology, violent)
    assert "SHELLING" in violent and "SHELLING" not in got      # the named row: no place needed
    assert got["AIRSTRIKE"].country is False and got["AIRSTRIKE"].line == 2 and got["AIRSTRIKE"].what == "a violent act"
    assert got["PROTEST"].country is True and got["PROTEST"].what == "a PROTEST"
    assert "MEETING" not in got                                     # a type not listed needs no place
    assert set(got) == (violent - {"SHELLING"}) | {"PROTEST"}


def test_the_installed_place_table_is_the_rule_of_before():
    # the violent types need a place below a country; arrests, protests, riots and abductions any place
    rules = Resources("/nonexistent-rasd-data").eventcoref_rules
    placed = {"ARREST", "PROTEST", "RIOT", "ABDUCTION"}
    assert {t for t, n in rules.place_needed.items() if not n.country} == rules.violent - placed
    assert {t for t, n in rules.place_needed.items() if n.country} == placed \
        == {t for t, n in rules.place_needed.items() if n.row != "violent"}


def _raid_then_arrest(same_paragraph: bool, arrest_agents: list[str]) -> Doc:
    """A raid told at a town, then an arrest with no place: in the raid's paragraph or the next one."""
    s1 = "اقتحمت قوات الاحتلال بلدة بيت أمر فجر اليوم."
    s2 = "واعتقلت ثلاثة شبان من البلدة."
    text = s1 + (" " if same_paragraph else "\n") + s2
    doc = Doc(text)
    doc.sentences = [(0, len(s1)), (text.index(s2), len(text))]
    town = text.index("بيت أمر")
    doc.entities = [Entity("E1", "ACTOR", "قوات الاحتلال", None, "idf", []),
                    Entity("E2", "ACTOR", "الجيش", None, None, []),
                    Entity("P1", "PLACE", "بيت أمر", None, None, [Mention(town, town + 7, "بيت أمر", "PLACE")],
                           geo={"lat": 31.62, "lon": 35.1, "feature": "locality", "precision": 1})]
    t1, t2 = text.index("اقتحمت"), text.index("واعتقلت") + 1
    doc.events = [
        Event("V1", "ATTACK_ON_CIVILIANS", (t1, t1 + 6), agents=["E1"], places=["P1"], evidence=[doc.sentences[0]],
              extra={"why": {"type": "trigger"}}),
        Event("V2", "ARREST", (t2, t2 + 6), agents=arrest_agents, evidence=[doc.sentences[1]],
              extra={"why": {"type": "trigger"}}),
    ]
    return doc


@pytest.mark.parametrize("same_paragraph, agents, placed", [
    (True, ["E1"], True),       # the raiders arrest in the town they raided
    (True, [], True),           # no doer named: the act goes on with the scene
    (False, ["E1"], False),     # another paragraph tells another scene
    (True, ["E2"], False),      # another doer: not the same scene's act
])
def test_an_arrest_with_no_place_takes_the_place_of_the_act_before_it_in_its_paragraph(same_paragraph, agents, placed):
    # sideless="keep": the arrest with no doer names no one arrested either (side_needed is tested below)
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data"), sideless="keep"),
                    _raid_then_arrest(same_paragraph, agents))
    arrests = [e for e in doc.events if e.type == "ARREST"]
    if placed:
        (e,) = arrests
        assert e.places == ["P1"]
        assert "same paragraph" in e.extra["why"]["places"]["P1"]
    else:
        assert arrests == []
        assert any("no event from ARREST" in w for w in doc.warnings)


def test_the_paragraph_place_can_be_switched_off_and_is_not_given_to_an_act_of_force():
    off = EventCoref(Resources("/nonexistent-rasd-data"), paragraph_place=False)(_raid_then_arrest(True, ["E1"]))
    assert [e.type for e in off.events] == ["ATTACK_ON_CIVILIANS"]
    doc = _raid_then_arrest(True, ["E1"])
    doc.events[1].type = "SHELLING"      # a violent act told with no place keeps none from the paragraph
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)
    assert [e.type for e in doc.events] == ["ATTACK_ON_CIVILIANS"]


@pytest.mark.parametrize("noun, joins", [("اللقاء", True), ("لقاء", False), ("المحادثات", True), ("والاتفاق", False)])
def test_a_definite_meeting_noun_later_in_the_report_names_the_meeting(noun, joins):
    # الاتفاق names an agreement, not the meeting told before
    doc = _act_then_noun("التقى وزير الخارجية نظيره في دمشق.", f"وتناول {noun} الوضع في المنطقة.", "دمشق",
                         (33.51, 36.29), ("MEETING", 5), noun, "AGREEMENT" if "اتفاق" in noun else "MEETING")
    out = run_stage(EventCoref(Resources("/nonexistent-rasd-data"), sideless="keep"), doc)   # no parties named
    assert len(out.events) == (1 if joins else 2)
    merged = out.events[0].extra["why"].get("merged", [])
    assert bool(merged) == joins
    if joins:
        assert "the event noun with the article" in merged[0]["why"]


def test_meeting_nouns_refer_back_in_eventcoref_only():
    # the events stage reads the strike nouns of back_references as a retelling of a strike; a meeting's
    # or an agreement's noun is none, and names no cause of a toll's deaths
    from rasd.arabic.normalize import fold_str
    from rasd.stages.events.lexicon import load_lexicon

    res = Resources("/nonexistent-rasd-data")
    rules = res.eventcoref_rules
    assert fold_str("اتفاق") in rules.back_partner and rules.back_partner <= rules.back_nouns
    assert not rules.back_partner & load_lexicon(res).words["back_references"]
    assert fold_str("غارة") in load_lexicon(res).words["back_references"]


def _state_arrest(sentence: str, doer: str, etype: str = "ARREST") -> Doc:
    """An arrest told with no place by a state's force, in a report that names the state as a place."""
    text = sentence + "\nوتشهد تركيا حملة أمنية واسعة."
    doc = Doc(text)
    first = (0, len(sentence))
    doc.sentences = [first, (len(sentence) + 1, len(text))]
    at = text.index("تركيا")
    doc.entities = [Entity("E1", "ACTOR", "قوات الأمن التركية", None, doer, []),
                    Entity("P1", "PLACE", "تركيا", None, "world:tr", [Mention(at, at + 5, "تركيا", "PLACE")],
                           geo={"lat": 39.0, "lon": 35.0, "feature": "country", "precision": 3})]
    t = text.index("اعتقلت")
    doc.events = [Event("V1", etype, (t, t + 6), agents=["E1"], evidence=[first], extra={"why": {"type": "trigger"}})]
    return doc


@pytest.mark.parametrize("sentence, doer, etype, placed", [
    ("اعتقلت قوات الأمن التركية 851 شخصا في حملة.", "actor:turkish_security_forces", "ARREST", True),
    ("اعتقلت قوات الأمن التركية، منذ أمس، ٣٢٠ شخصا.", "actor:turkish_security_forces", "ARREST", True),
    ("اعتقلت قوات الأمن التركية مشتبها بهم في حملة.", "actor:turkish_security_forces", "ARREST", False),  # no count
    ("اعتقلت عناصر التنظيم 12 شخصا في حملة.", "actor:isis", "ARREST", False),      # no state's force
    ("اعتقلت قوات الأمن التركية 851 شخصا في حملة.", "actor:turkish_security_forces", "PROTEST", False),
])
def test_a_counted_arrest_by_a_states_force_takes_that_state_as_its_place(sentence, doer, etype, placed):
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), _state_arrest(sentence, doer, etype))
    if placed:
        (e,) = doc.events
        assert e.places == ["P1"]
        assert "the country of its doer" in e.extra["why"]["places"]["P1"]
    else:
        assert doc.events == []
        assert any(f"no event from {etype}" in w for w in doc.warnings)


def test_the_doer_country_can_be_switched_off():
    off = EventCoref(Resources("/nonexistent-rasd-data"), doer_country=False)(
        _state_arrest("اعتقلت قوات الأمن التركية 851 شخصا في حملة.", "actor:turkish_security_forces"))
    assert off.events == []


def _named_victim_doc(victim_type: str, modality: str = "asserted", word: str = "اغتال") -> Doc:
    """One attack (its trigger ``word``) told with no place against one victim (a PERSON or an ACTOR)."""
    text = f"{word} مسلحون مجهولون القاضي سامر الحلبي أمس."
    doc = Doc(text)
    doc.sentences = [(0, len(text))]
    a = text.index("سامر")
    doc.entities = [Entity("E1", victim_type, "سامر الحلبي", None, None,
                           [Mention(a, a + len("سامر الحلبي"), "سامر الحلبي", victim_type)])]
    doc.events = [Event("V1", "ATTACK_ON_CIVILIANS", (0, len(word)), targets=["E1"], modality=modality,
                        evidence=[(0, len(text))], extra={"why": {"type": "trigger"}})]
    return doc


@pytest.mark.parametrize("victim_type, modality, word, kept", [
    ("PERSON", "asserted", "اغتال", True), ("PERSON", "planned", "اغتال", False), ("ACTOR", "asserted", "اغتال", False),
    ("PERSON", "asserted", "أعدم", False)])
def test_an_assassination_told_as_done_of_a_named_person_stands_with_no_place(victim_type, modality, word, kept):
    # eventcoref.yaml named_victim: one act against one known victim; a planned one, a group or an
    # execution (as often a sentence as an act) still needs a place
    doc = _named_victim_doc(victim_type, modality)
    if word != "اغتال":
        doc = _named_victim_doc(victim_type, modality, word)
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)
    assert [e.type for e in doc.events] == (["ATTACK_ON_CIVILIANS"] if kept else [])
    if kept:
        why = doc.events[0].extra["why"]["place_needed"]
        assert "سامر الحلبي" in why and f"eventcoref.yaml:{_row_line('named_victim:')} named_victim" in why
    else:
        assert any("no event from ATTACK_ON_CIVILIANS" in w for w in doc.warnings)


def test_an_unknown_type_of_the_named_victim_row_is_refused_with_its_line(tmp_path):
    _refused(tmp_path, "named_victim: {types: [ATTACK_ON_CIVILIANS],", "named_victim: {types: [ASSASSINATION],",
             rf"eventcoref\.yaml:{_row_line('named_victim:')}: named_victim: 'ASSASSINATION' is no event type")


def test_an_assassination_placed_only_in_a_country_is_not_kept_by_its_named_victim():
    # told of a named person and placed only in countries, one telling split by country: dropped as before
    doc = _named_victim_doc("PERSON")
    a = doc.text.index("أمس")
    doc.entities.append(Entity("P1", "PLACE", "سوريا", None, None, [Mention(a, a + 3, "أمس", "PLACE")],
                               geo={"lat": 35.0, "lon": 38.5, "feature": "country", "precision": 3}))
    doc.events[0].places = ["P1"]
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data")), doc)
    assert doc.events == [] and any("whole country" in w for w in doc.warnings)


@pytest.mark.parametrize("text, counted", [
    ("اعتقلت الشرطة أمس الأحد 35 شخصا في العاصمة.", True),      # digits within the six words
    ("اعتقلت الشرطة أكثر من ٤٠ متظاهرا.", True),                 # Eastern Arabic digits after a qualifier
    ("اعتقلت الشرطة ثلاثة أشخاص في العاصمة.", False),            # a count in words is not one in digits
    ("اعتقلت الشرطة عند الساعة 6:30 صباحا شابا.", False),        # a time of day is no count
    ("اعتقلت الشرطة شابا في العاصمة يوم الأحد الماضي قرب 12 مدرسة.", False),   # beyond the six words
])
def test_an_arrest_is_counted_by_a_number_in_digits_the_number_reader_finds_after_it(text, counted):
    """counted_after asks the number reader for the quantities among the six words after the arrest
    word: one written in digits counts (rasd.arabic.numbers FoundNumber, its number a digit atom)."""
    from rasd.stages.eventcoref import counted_after

    doc = Doc(text)
    assert counted_after(doc, text.index("اعتقلت") + len("اعتقلت"), Resources("/nonexistent-rasd-data").numbers) is counted


def _sideless_doc() -> Doc:
    """A located strike with its doer, then a clash, an arrest, a shelling, an air strike and a protest
    told at the same place with no participant at all, and a meeting with its parties."""
    doc = _unlocated_doc("locality")
    doc.events = doc.events[:1]
    t3 = TEXT.index("وقصفت") + 1
    for n, typ in enumerate(("ARMED_CLASH", "ARREST", "SHELLING", "AIRSTRIKE", "PROTEST"), 2):
        doc.events.append(Event(f"V{n}", typ, (t3, t3 + 4), places=["P3"], evidence=[_span(S3)],
                                extra={"why": {"type": "trigger"}}))
    doc.events.append(Event("V7", "MEETING", (t3, t3 + 4), partners=["E1", "E2"], evidence=[_span(S3)],
                            extra={"why": {"type": "trigger"}}))
    return doc


def test_an_act_that_needs_a_side_told_with_none_is_dropped_with_its_reason():
    # eventcoref.yaml side_needed: a clash or an arrest with no side named codes no event; a shell or an
    # air strike is told by its weapon (سقطت قذيفة هاون مجهولة المصدر), a protest by its unnamed crowd:
    # they stand without one
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data"), enabled=False), _sideless_doc())
    assert [e.type for e in doc.events] == ["AIRSTRIKE", "SHELLING", "AIRSTRIKE", "PROTEST", "MEETING"]
    assert [e.id for e in doc.events] == ["V1", "V2", "V3", "V4", "V5"]
    dropped = [w for w in doc.warnings if "side_needed" in w]
    assert len(dropped) == 2
    assert dropped[0].startswith("eventcoref: no event from ARMED_CLASH") and "no side named" in dropped[0]
    assert dropped[1].startswith("eventcoref: no event from ARREST")


def test_an_act_with_one_side_is_kept_and_dropping_the_sideless_can_be_switched_off():
    doc = _sideless_doc()
    doc.events[1].targets = ["E2"]            # the clash names whom it was fought against
    doc = run_stage(EventCoref(Resources("/nonexistent-rasd-data"), enabled=False), doc)
    assert [e.type for e in doc.events] == ["AIRSTRIKE", "ARMED_CLASH", "SHELLING", "AIRSTRIKE", "PROTEST",
                                            "MEETING"]
    kept = EventCoref(Resources("/nonexistent-rasd-data"), enabled=False, sideless="keep")(_sideless_doc())
    assert len(kept.events) == 7


def test_an_unknown_type_of_the_side_table_is_refused_with_file_and_line(tmp_path):
    _refused(tmp_path, "side_needed: {types: [ARMED_CLASH,", "side_needed: {types: [ARMED_CLASHES,",
             r"eventcoref\.yaml:\d+: side_needed: 'ARMED_CLASHES' is no event type")
