"""Features of a proposed event on a hand-built document (conftest.py)."""
from __future__ import annotations

from rasd.stages.evdecide.features import DocView, features


def test_position_entry_and_shape(doc, lex):
    view = DocView(doc)
    f0, f1 = features(view, 0, lex), features(view, 1, lex)
    assert "at=headline" in f0 and "at=lead" in f1
    assert {"entry=116", "pos=noun", "places=1"} <= set(f0)
    # the why's English words name the kind of type decision; its quoted Arabic is left out
    assert {"entry=112", "pos=verb", "places=0", "typewhy=trigger_verb_triggers_yaml_is_listed"} <= set(f1)
    assert "events_in_sentence=1" in f0 and "events_in_sentence=2" in f1


def test_window_words_cue_classes_and_word_classes(doc, lex):
    view = DocView(doc)
    f1 = features(view, 1, lex)
    f2 = features(view, 2, lex)
    assert any(x.startswith("l=") for x in f1) and any(x.startswith("r=") for x in f1)
    assert "cls<air_cues" in f1 and "cls<air_cues" in f2      # الطائرات before both triggers
    assert "cue<motive" in f2 and "cue<motive" not in f1       # ردا على before the second قصف only


def test_a_same_type_event_told_earlier(doc, lex):
    view = DocView(doc)
    assert "same_type_earlier=True" in features(view, 2, lex)     # the headline's SHELLING
    assert "same_type_earlier=False" in features(view, 1, lex)    # no AIRSTRIKE before
    assert "any_earlier=False" in features(view, 0, lex)
