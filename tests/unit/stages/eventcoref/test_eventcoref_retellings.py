"""Round 28 (coref28): which tellings are one act, on hand-built Docs and composed sentences.

A trigger opened by a verb of doing is read by its noun (شنوا هجوماً … بقذائف: the attack is the
shelling); a sentence printed again word for word retells its events whatever type each copy was given.
"""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Entity, Event, Mention
from rasd.kb.resources import Resources
from rasd.pipeline import run_stage
from rasd.stages.eventcoref import EventCoref


def _res() -> Resources:
    return Resources("/nonexistent-rasd-data")


def _doc(sentences: list[str], events: list[tuple[str, str, int, int]], place: str = "سراقب") -> Doc:
    """A Doc of ``sentences`` (one a line), one PLACE (``place``, its first mention) and ``events``:
    (type, trigger word, sentence, which occurrence of the word in that sentence), each at the place."""
    text = "\n".join(sentences)
    doc = Doc(text)
    spans, at = [], 0
    for s in sentences:
        spans.append((at, at + len(s)))
        at += len(s) + 1
    doc.sentences = spans
    a = text.index(place)
    doc.entities = [Entity("P1", "PLACE", place, None, None, [Mention(a, a + len(place), place, "PLACE")],
                           geo={"lat": 35.86, "lon": 36.8, "feature": "locality", "precision": 1})]
    evs = []
    for n, (etype, word, s, occ) in enumerate(events, 1):
        start = spans[s][0] - 1
        for _ in range(occ + 1):
            start = text.index(word, start + 1)
        evs.append(Event(f"V{n}", etype, (start, start + len(word)), places=["P1"], evidence=[spans[s]],
                         extra={"why": {"type": "trigger"}}))
    doc.events = evs
    return doc


@pytest.mark.parametrize("verb, one", [("شنوا", True), ("نفذوا", True), ("صدوا", False)])
def test_a_trigger_opened_by_a_verb_of_doing_is_read_by_its_noun(verb, one):
    # شنوا هجوماً … بقذائف المدفعية على سراقب: the attack named by a verb of doing is the shelling told by
    # its weapon; an attack repelled (صدوا هجوماً) is not the act of the sentence
    s = f"أعلن الفصيل أن مقاتليه {verb} هجوماً واسعاً وأطلقوا قذائف المدفعية على سراقب."
    doc = _doc([s], [("ARMED_CLASH", f"{verb} هجوماً", 0, 0), ("SHELLING", "قذائف", 0, 0)])
    out = run_stage(EventCoref(_res(), sideless="keep"), doc)   # the hand-built events name no side
    assert [e.type for e in out.events] == (["SHELLING"] if one else ["ARMED_CLASH", "SHELLING"])
    if one:
        assert "generic attack word" in out.events[0].extra["why"]["merged"][0]["why"]


def test_a_sentence_printed_again_word_for_word_retells_its_events_whatever_their_types():
    lead = "قصف للتحالف يستهدف قرية سراقب ويسفر عن مقتل ثلاثة مدنيين."
    body = "وقال مركز حقوقي إن الطيران التابع للتحالف نفذ القصف صباح اليوم."
    # the copy at the foot was typed SHELLING (no air word near it), the lead AIRSTRIKE
    doc = _doc([lead, body, lead], [("AIRSTRIKE", "قصف", 0, 0), ("SHELLING", "قصف", 2, 0)])
    out = run_stage(EventCoref(_res()), doc)
    assert [e.type for e in out.events] == ["AIRSTRIKE"]
    merged = out.events[0].extra["why"]["merged"]
    assert merged[0]["type"] == "SHELLING" and "word for word" in merged[0]["why"]
    assert out.events[0].evidence == [doc.sentences[0], doc.sentences[2]]


def test_a_short_sentence_repeated_is_no_retelling():
    # fewer words than eventcoref.yaml repeated_sentence_words: a stock phrase, not a lead printed again
    doc = _doc(["قصف على سراقب.", "وقال مركز حقوقي إن الطيران شارك.", "قصف على سراقب."],
               [("AIRSTRIKE", "قصف", 0, 0), ("SHELLING", "قصف", 2, 0)])
    out = run_stage(EventCoref(_res()), doc)
    assert [e.type for e in out.events] == ["AIRSTRIKE", "SHELLING"]
