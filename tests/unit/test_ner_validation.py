"""scripts/ner_validation.py: the learned span acceptor (an experiment rasd does not run): its
features, its decision in the NER stage's place (LearnedStage), and the candidates the stage hands
to the cross-fitting; the plain NER stage keeps the hand rules."""
from __future__ import annotations

import sys

import pytest
from script_loader import load_script

from rasd.doc import Doc
from rasd.ner.features import Lexicons
from rasd.stages.ner import NerStage
from tests.unit.stages.test_ner import GATE, FakeTagger, doc_of


@pytest.fixture(scope="module")
def nv():
    yield load_script("ner_validation")
    sys.modules.pop("ner_validation", None)


def explained(text: str) -> Doc:
    d = doc_of(text)
    d.explain = True
    return d


def feats(nv, keys, before=None, after=None, cls="PERS", conf=0.9, rule="kept: several words", **lex):
    return nv.features(keys, before, after, cls, conf, "unknown word", rule, Lexicons(**lex),
                       lambda k: k == "الوضع", frozenset({"قال", "الوضع"}), lambda k: (k,))


def test_features_of_a_span_its_words_and_its_neighbours(nv):
    f = feats(nv, ["كرمول", "زيتوني"], before="قال", after="الوضع", given=frozenset({"كرمول"}),
              lists={"person_titles": frozenset({"قال"})})
    assert f["conf"] == 0.9 and f["cls=PERS"] == 1.0 and f["len=PERS:2"] == 1.0
    assert f["rule=kept: several words"] == 1.0 and f["gate=unknown"] == 1.0
    assert {"first.given", "first.given:PERS", "first.unknown", "last.unknown", "before.list=person_titles",
            "after.common", "after.article"} <= set(f)
    assert "only.given" not in f and "before.unknown" not in f
    lone = feats(nv, ["كرمول"])
    assert "only.unknown" in lone and "before.none" in lone and "after.none" in lone


def test_prob_weighs_feature_values(nv):
    w = {"bias": -1.0, "conf": 4.0}
    assert nv.prob({"bias": 1.0, "conf": 0.9}, w) > 0.9
    assert nv.prob({"bias": 1.0, "conf": 0.1}, w) < 0.5


def test_the_acceptor_decides_in_place_of_the_rules_and_says_so(nv):
    text = "وقال القائد كرمول زيتوني إن الوضع هادئ"
    tagger = FakeTagger({"كرمول": (2, "PERS", 0.9)})
    assert NerStage(tagger, GATE)(doc_of(text)).mentions          # the rules keep a two-word person
    assert nv.LearnedStage(tagger, GATE)(doc_of(text)).mentions   # no weights: the rules decide
    d = nv.LearnedStage(tagger, GATE, acceptor={"bias": -3.0})(explained(text))
    assert not d.mentions
    (v,) = d.notes["ner_spans"]
    assert v["verdict"] == "rejected: acceptor 0.05 (rule: several words)"
    d = nv.LearnedStage(FakeTagger({"كرمول": (1, "PERS", 0.6)}), GATE, acceptor={"bias": 3.0})(
        doc_of("وقال كرمول إن الوضع هادئ"))                       # the rules reject an unsure lone person
    (m,) = d.mentions
    assert "kept: acceptor 0.95 (rule: an unsure lone person)" in m.why
    d = nv.LearnedStage(tagger, GATE, acceptor={"bias": 0.5}, threshold=0.7)(doc_of(text))
    assert not d.mentions                                         # p .62 under the threshold given


def test_collect_receives_every_candidate_with_its_extent(nv):
    text = "وقال القائد كرمول زيتوني إن الوضع هادئ"
    stage = nv.LearnedStage(FakeTagger({"كرمول": (2, "PERS", 0.9)}), GATE)
    stage.collect = got = []
    d = stage(doc_of(text))
    ((f, (a, b), cls),) = got
    assert text[a:b] == "كرمول زيتوني" and cls == "PERS" and f["rule=kept: several words"] == 1.0
    assert d.mentions      # collecting without weights leaves the rules' decision


def test_the_library_stage_has_no_acceptor_branch():
    stage = NerStage(FakeTagger({}), GATE)
    assert not hasattr(stage, "acceptor") and not hasattr(stage, "collect")
