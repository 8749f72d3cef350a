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


def test_clause_features_stop_at_a_clause_break(doc):
    from rasd.stages.evdecide.features import Lexicons

    view = DocView(doc)
    # ردا opens a new clause: the second قصف's clause does not reach back to الطائرات
    lex = Lexicons((), {"air_cues": frozenset({"طايرات"}), "clause_breaks": frozenset({"ردا"})}, {})
    f1, f2 = features(view, 1, lex), features(view, 2, lex)
    assert {"clause_cls=air_cues", "clause_type|AIRSTRIKE|air_cues"} <= set(f1)
    assert "cls<air_cues" in f2 and "clause_cls=air_cues" not in f2
    lex = Lexicons((), {"air_cues": frozenset({"طايرات"})}, {})
    assert "clause_cls=air_cues" in features(view, 2, lex)


def test_modality_cues_in_their_window_and_reporting_verbs(doc):
    from rasd.stages.evdecide.features import Lexicons

    view = DocView(doc)

    def lex(window):
        mod = {"negated": {"window": window, "before": frozenset({"المصادر"})},
               "reporting_verbs": frozenset({"قالت"})}
        return Lexicons((), {}, {}, mod)

    # قصفت is the third word after المصادر (المصادر إن الطائرات قصفت)
    assert "modcue=negated" not in features(view, 1, lex(2))
    assert "modcue=negated" in features(view, 1, lex(3))
    assert "modcue_sentence=reporting_verbs" in features(view, 1, lex(3))
    assert "modcue_sentence=reporting_verbs" not in features(view, 0, lex(3))


def test_told_before_with_type_place_and_headline(doc, lex):
    view = DocView(doc)
    f2 = features(view, 2, lex)
    assert {"told_type=1", "told_type_place=0", "told_in_headline=True"} <= set(f2)
    doc.events[2].places = ["E1"]
    assert "told_type_place=1" in features(DocView(doc), 2, lex)
    assert {"told_type=0", "told_in_headline=False"} <= set(features(view, 1, lex))
    assert not any(x.startswith("told_in_headline") for x in features(view, 0, lex))
