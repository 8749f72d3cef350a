"""scripts/trigger_gaps.py puts a missed gold event in the first group that fits what became of the
trigger words of its sentence (built and dropped later, no arguments, untyped, sense rejected, none)."""
from __future__ import annotations

import pytest
from script_loader import load_script

TEXT = "جملة أولى. جملة ثانية."
DOC = {"sentences": [(0, 10), (11, 22)]}


@pytest.fixture(scope="module")
def tg():
    return load_script("trigger_gaps")


def row(sentence: str) -> dict:
    return {"sentence": sentence}


def test_a_sentence_with_no_trigger_word_is_a_lexicon_gap(tg):
    assert tg.group(row("جملة ثانية."), DOC, {}, set(), TEXT) == ("no_trigger", [])


def test_a_built_event_that_is_gone_was_dropped_later_before_any_other_fate(tg):
    fates = {11: {3: ("x [SHELLING]", "untyped"), 4: ("y [AIRSTRIKE]", "built")}}
    assert tg.group(row("جملة ثانية."), DOC, fates, set(), TEXT)[0] == "dropped_later"


def test_the_fates_are_read_in_order_no_arguments_first(tg):
    fates = {11: {3: ("x [ARREST]", "sense_rejected"), 4: ("y [MEETING]", "no_arguments")}}
    assert tg.group(row("جملة ثانية."), DOC, fates, set(), TEXT)[0] == "no_arguments"
    fates = {11: {3: ("x [ARREST]", "sense_rejected")}}
    assert tg.group(row("جملة ثانية."), DOC, fates, set(), TEXT)[0] == "sense_rejected"


def test_a_headline_sentence_is_its_own_group(tg):
    assert tg.group(row("جملة أولى."), DOC, {0: {1: ("x", "built")}}, {0}, TEXT)[0] == "headline"
