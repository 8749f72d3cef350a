"""A hand-built document with three proposed events and hand-built lexicons (features and stage tests)."""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Event
from rasd.stages.evdecide.features import Lexicons
from rasd.stages.worthiness.cues import CueList, phrases

TEXT = "قصف على حلب. وقالت المصادر إن الطائرات قصفت البلدة ردا على قصف القرى."


def build_doc() -> Doc:
    doc = Doc(TEXT)
    cut = TEXT.index(".") + 1
    doc.sentences = [(0, cut), (cut + 1, len(TEXT))]

    def ev(word, nth, type_, why):
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(word, start + 1)
        return Event("", type_, (start, start + len(word)), places=["E1"] if nth == 0 else [],
                     evidence=[doc.sentences[doc.sentence_of(start)]], extra={"why": {"type": why}})

    doc.events = [ev("قصف", 0, "SHELLING", "trigger 'قصف' (noun, triggers.yaml:116) is air or ground fire"),
                  ev("قصفت", 0, "AIRSTRIKE", "trigger 'قصفت' (verb, triggers.yaml:112) is listed as AIRSTRIKE"),
                  ev("قصف", 2, "SHELLING", "trigger 'قصف' (noun, triggers.yaml:116) is air or ground fire")]
    return doc


@pytest.fixture
def doc() -> Doc:
    return build_doc()


@pytest.fixture
def lex() -> Lexicons:
    return Lexicons((CueList("motive", 60, phrases(["ردا على"])),), {"air_cues": frozenset({"طايرات"})}, {})
