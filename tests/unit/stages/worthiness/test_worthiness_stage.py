"""The worthiness stage on a hand-built Doc: unworthy events leave with their reason in warnings."""
from __future__ import annotations

import shutil

import pytest

from rasd.doc import Doc, Event
from rasd.errors import KnowledgeError
from rasd.kb.resources import Resources
from rasd.pipeline import run_stage
from rasd.stages.worthiness import Worthiness

TEXT = ("قصفت المقاومة موقع الاحتلال ردا على قصف القرى. "
        "لم تسجل إصابات بسقوط قذيفتين على الحي.")


def _event(text: str, word: str, type_: str, modality: str = "asserted", nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    sent = next((a, b) for a, b in _sentences(text) if a <= start < b)
    return Event("", type_, (start, start + len(word)), agents=["E1"], modality=modality,
                 evidence=[sent], extra={"why": {"modality": "a cue"}})


def _sentences(text: str) -> list[tuple[int, int]]:
    cut = text.index(".") + 1
    return [(0, cut), (cut + 1, len(text))]


def _doc() -> Doc:
    doc = Doc(TEXT)
    doc.sentences = _sentences(TEXT)
    doc.events = [_event(TEXT, "قصفت", "SHELLING"), _event(TEXT, "قصف", "SHELLING", nth=1),
                  _event(TEXT, "بسقوط", "SHELLING", modality="negated")]
    return doc


def test_stage_drops_the_motive_and_asserts_the_act_whose_toll_is_denied():
    res = Resources("/nonexistent-rasd-data")
    doc = run_stage(Worthiness(res), _doc())
    assert [TEXT[e.trigger[0]:e.trigger[1]] for e in doc.events] == ["قصفت", "بسقوط"]
    assert doc.events[1].modality == "asserted" and "toll" in doc.events[1].extra["why"]["modality"]
    assert any(w.startswith("worthiness: no event from SHELLING 'قصف'") and "motive" in w for w in doc.warnings)
    assert doc.stages == ["worthiness"]


def test_stage_can_be_switched_off():
    doc = Worthiness(Resources("/nonexistent-rasd-data"), enabled=False)(_doc())
    assert len(doc.events) == 3 and not doc.warnings


def test_a_bad_event_type_names_file_and_line(tmp_path):
    from rasd.kb.yamlfile import KNOWLEDGE_DIR

    kdir = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, kdir)
    p = kdir / "worthiness.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("types: [TERRITORY_TAKEN", "types: [NO_SUCH_TYPE"),
                 encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"worthiness.yaml:\d+"):
        Resources("/nonexistent-rasd-data", kdir).worthiness_cues


def test_stage_reads_the_clause_end_after_the_trigger():
    text = "هل تقصف الطائرات المدينة؟ قصفت الطائرات المدينة."
    doc = Doc(text)
    cut = text.index("؟") + 1
    doc.sentences = [(0, len(text))]          # one sentence: the mark that ends the clause decides
    doc.events = [Event("", "AIRSTRIKE", (text.index("تقصف"), text.index("تقصف") + 4), evidence=[(0, len(text))]),
                  Event("", "AIRSTRIKE", (text.index("قصفت"), text.index("قصفت") + 4), evidence=[(0, len(text))])]
    doc = run_stage(Worthiness(Resources("/nonexistent-rasd-data")), doc)
    assert [text[e.trigger[0]:e.trigger[1]] for e in doc.events] == ["قصفت"]
    assert any("asked about" in w for w in doc.warnings) and cut > 0


def test_the_events_of_one_sentence_share_one_reading_of_its_cue_words():
    """site_of reads a sentence's cue readings once (cues.sentence_forms) into the caller's memo; the
    events of that sentence get that one list, and a Site built by hand reads the same."""
    from rasd.arabic.clitics import using
    from rasd.stages.worthiness import site_of
    from rasd.stages.worthiness.cues import forms, sentence_forms
    from rasd.stages.worthiness.rules import Site

    res = Resources("/nonexistent-rasd-data")
    doc = _doc()
    with using(res.clitics):
        memo: dict = {}
        a, b, c = (site_of(doc, ev, doc.token_starts, "", memo) for ev in doc.events)
        assert a.forms is b.forms and a.forms is not c.forms and len(memo) == 2
        assert a.forms == [forms(k) for k in a.keys] == sentence_forms(a.keys)
        assert Site(a.keys, a.i, a.j, a.type, a.modality, False, False).forms == a.forms


def test_site_of_reads_where_the_triggers_clause_starts():
    """The word after the last clause mark before the trigger, within its sentence, starts its clause
    (worthiness.yaml irrealis clause_marks); without marks the sentence's first word does."""
    from rasd.stages.clauses import ClauseCuts, clause_cuts
    from rasd.stages.worthiness import site_of

    text = "قال المتحدث: سنواصل الضغط، وقد شنت القوات هجوما على المدينة."
    doc = Doc(text)
    doc.sentences = [(0, len(text))]
    at = text.index("هجوما")
    ev = Event("", "ARMED_CLASH", (at, at + 5), agents=["E1"], evidence=[(0, len(text))])
    s = site_of(doc, ev, doc.token_starts, "", None, clause_cuts(doc, Resources("/nonexistent-rasd-data")))
    assert s.keys[s.clause_start] == "وقد" and s.clause_start < s.i
    colon = ClauseCuts([text.index(":")], {})
    assert site_of(doc, ev, doc.token_starts, "", None, colon).keys[2] == "سنواصل"
    assert site_of(doc, ev, doc.token_starts, "", None, colon).clause_start == 2
    assert site_of(doc, ev, doc.token_starts).clause_start == 0


def test_stage_makes_a_placed_foretold_act_planned_and_drops_an_unplaced_one():
    text = "أكد المتحدث أن القوات سوف تقصف المدينة. وقال إن الطائرات سوف تقصف."
    doc = Doc(text)
    cut = text.index(".") + 1
    doc.sentences = [(0, cut), (cut + 1, len(text))]
    first, second = text.index("تقصف"), text.index("تقصف", text.index("تقصف") + 1)
    doc.events = [Event("", "SHELLING", (first, first + 4), agents=["E1"], places=["E2"], evidence=[(0, cut)],
                        extra={"why": {"modality": "a cue"}}),
                  Event("", "SHELLING", (second, second + 4), agents=["E1"], evidence=[(cut + 1, len(text))],
                        extra={"why": {"modality": "a cue"}})]
    doc = run_stage(Worthiness(Resources("/nonexistent-rasd-data")), doc)
    assert [e.trigger[0] for e in doc.events] == [first]
    assert doc.events[0].modality == "planned" and "foretold" in doc.events[0].extra["why"]["modality"]
    assert any("foretold" in w and "no place" in w for w in doc.warnings)


def test_site_of_reads_the_proclitics_before_the_trigger_and_the_stage_drops_a_ground_aim():
    """The events stage starts a trigger after its proclitics (ولل + سيطرة): site_of gives them as the
    Site's prefix, and a planned capture carrying the purpose lam leaves as an aim (worthiness.yaml aim)."""
    from rasd.stages.worthiness import site_of

    text = "تتنافس القوى في الشمال وللسيطرة على الميناء. سيطرت القوى على الميناء."
    doc = Doc(text)
    cut = text.index(".") + 1
    doc.sentences = [(0, cut), (cut + 1, len(text))]
    aimed, told = text.index("سيطرة"), text.index("سيطرت")
    doc.events = [Event("", "TERRITORY_TAKEN", (aimed, aimed + 5), agents=["E1"], modality="planned",
                        evidence=[(0, cut)], extra={"why": {"modality": "a cue"}}),
                  Event("", "TERRITORY_TAKEN", (told, told + 5), agents=["E1"], evidence=[(cut + 1, len(text))],
                        extra={"why": {"modality": "a cue"}})]
    assert site_of(doc, doc.events[0], doc.token_starts).prefix == "ولل"
    assert site_of(doc, doc.events[1], doc.token_starts).prefix == ""
    doc = run_stage(Worthiness(Resources("/nonexistent-rasd-data")), doc)
    assert [e.trigger[0] for e in doc.events] == [told]
    assert any("purpose lam" in w for w in doc.warnings)


def test_stage_keeps_an_act_going_on_at_one_site_and_drops_a_list_of_sites():
    """يواصل … at one named quarter is an act told there; the same words over two sites (one trigger, one
    event per place) sum up a campaign: site_of gives such an event no places_geo."""
    from rasd.doc import Entity
    from rasd.stages.worthiness import places_geo, site_of

    text = "ويواصل الجيش قصف الحي الشرقي. وتواصل الفصائل استهداف القاعدة والمطار."
    doc = Doc(text)
    cut = text.index(".") + 1
    doc.sentences = [(0, cut), (cut + 1, len(text))]
    doc.entities = [Entity(f"E{n}", "PLACE", name, None, None, [], geo={"precision": p, "feature": f})
                    for n, name, p, f in ((2, "الحي الشرقي", 1, "neighbourhood"), (3, "القاعدة", 1, "locality"),
                                          (4, "المطار", 1, "locality"))]
    doc.entities.append(Entity("E5", "PLACE", "البلد", None, None, [], geo={"lat": None}))
    one, two = text.index("قصف"), text.index("استهداف")
    doc.events = [Event("", "SHELLING", (one, one + 3), agents=["E1"], places=["E2"], evidence=[(0, cut)],
                        extra={"why": {"modality": "a cue"}})]
    doc.events += [Event("", "SHELLING", (two, two + 8), agents=["E1"], places=[p], evidence=[(cut + 1, len(text))],
                         extra={"why": {"modality": "a cue"}}) for p in ("E3", "E4")]
    assert places_geo(doc, doc.events[0]) == ((1, "neighbourhood"),)
    assert places_geo(doc, Event("", "SHELLING", None, places=["E5", "E9"])) == ()
    listed = frozenset({(two, two + 8)})
    assert site_of(doc, doc.events[1], doc.token_starts, "", None, None, listed).places_geo == ()
    assert site_of(doc, doc.events[0], doc.token_starts, "", None, None, listed).places_geo == ((1, "neighbourhood"),)
    doc = run_stage(Worthiness(Resources("/nonexistent-rasd-data")), doc)
    assert [e.trigger[0] for e in doc.events] == [one]
    assert sum("going on" in w for w in doc.warnings) == 2
