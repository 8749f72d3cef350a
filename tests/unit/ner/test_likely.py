"""rasd.ner.likely: the word model of likely name words, fitted on tagged sentences."""
from __future__ import annotations

import json

import numpy as np

from rasd.ner import likely
from rasd.ner.features import Lexicons


def test_the_fit_separates_what_the_labels_separate():
    rows = [["bias", "x"]] * 30 + [["bias", "y"]] * 30 + [["bias", "x", "y"]] * 4
    y = np.array([1.0] * 30 + [0.0] * 30 + [1.0, 0.0, 1.0, 0.0])
    w = likely.fit(rows, y)
    assert w["x"] > 1 > -1 > w["y"]
    assert likely.prob(["bias", "x"], w) > 0.8 > 0.2 > likely.prob(["bias", "y"], w)
    assert abs(likely.prob(["bias", "x", "y"], w) - 0.5) < 0.25


def test_a_stronger_penalty_gives_smaller_weights():
    rows = [["bias", "x"]] * 10 + [["bias"]] * 10
    y = np.array([1.0] * 10 + [0.0] * 10)
    assert abs(likely.fit(rows, y, l2=10.0)["x"]) < abs(likely.fit(rows, y, l2=0.1)["x"])


def test_features_read_the_lexicons_the_bare_form_and_the_cluster():
    lex = Lexicons(places={"دمشق": "city"}, kb={"حماس": "actor"}, given=frozenset({"خالد"}),
                   clusters={"الجزيره": ("3", "17")})
    assert {"coarse=3", "fine=17", "article"} <= set(likely.features("الجزيره", lex))
    assert "bare-place=city" in likely.features("الدمشق", lex)
    assert "kb=actor" in likely.features("حماس", lex) and "given" in likely.features("خالد", lex)
    assert "no-cluster" in likely.features("كرمول", lex)
    assert "common" in likely.features("الوضع", lex, common=frozenset({"الوضع"}))
    assert "word=كرمول" in likely.features("كرمول", lex, words=frozenset({"كرمول"}))
    assert not any(f.startswith("word=") for f in likely.features("كرمول", lex))


def test_a_cluster_of_names_in_training_makes_an_unseen_member_likely(tmp_path):
    # training: the words of cluster "n" are names, those of cluster "v" are not
    lex = Lexicons(clusters={"زيد": ("0", "n"), "عمرو": ("0", "n"), "بكر": ("0", "n"), "سلمان": ("0", "n"),
                             "قال": ("1", "v"), "اكد": ("1", "v"), "اضاف": ("1", "v"), "ذكر": ("1", "v")})
    sents = [[("قال", "O"), ("زيد", "B-PERS")], [("اكد", "O"), ("عمرو", "B-PERS")],
             [("اضاف", "O"), ("بكر", "B-PERS")], [("قال", "O"), ("عمرو", "B-PERS"), (".", "O")]] * 5
    out = tmp_path / likely.FILENAME
    counts = likely.build(sents, lex, frozenset(), out)
    assert counts["NER likely-name model tokens"] == 40          # the full stops are no examples
    got = likely.load(out, threshold=0.5)
    assert "سلمان" in got and got["سلمان"] > 0.5                  # never in training: its cluster speaks
    assert not {"قال", "اكد", "اضاف", "ذكر"} & set(got)
    assert set(likely.load(out, threshold=0.0)) <= set(lex.clusters)   # the news vocabulary only


def test_load_wants_the_current_version_and_applies_the_threshold(tmp_path):
    p = tmp_path / likely.FILENAME
    assert likely.load(p) is None
    words = {"زيد": 0.9, "عمرو": 0.55, "قال": 0.35}
    p.write_text(json.dumps({"version": likely.VERSION + 1, "words": words}), encoding="utf-8")
    assert likely.load(p) is None
    p.write_text(json.dumps({"version": likely.VERSION, "words": words}), encoding="utf-8")
    assert likely.load(p, threshold=0.5) == {"زيد": 0.9, "عمرو": 0.55}
    assert likely.load(p, threshold=0.6) == {"زيد": 0.9}
