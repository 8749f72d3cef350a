"""The CRF's domain sentences (rasd.ner.domain, projected from annotations/train; install adds them
when rasd.ner.train.DOMAIN_WEIGHT > 0, off today) hold no sentence of the held-out texts:
annotations/test and /valid, seed, dev, and ANERcorp's CAMeL test half."""
from __future__ import annotations

from rasd.kb.heldout import HELD_OUT_PARTS, REPO_ANNOTATIONS


def _texts(files):
    from rasd.eval.gold import load_gold

    return [r.text() for f in files for r in load_gold(f)]


def test_domain_training_holds_no_held_out_sentence(shared, installed):
    from rasd.kb.names import common_words
    from rasd.ner.corpus import HeldOutGuard, training_sentences
    from rasd.ner.resources import lexicons
    from rasd.ner.train import CRF_CORPORA, domain_training
    from rasd.settings import data_dir

    ner = training_sentences(shared / "data" / "ner", CRF_CORPORA)
    domain, info = domain_training(shared / "data" / "ner", lexicons(data_dir()), ner, common_words())
    assert info["reports"] >= 100 and len(domain) > 500, info
    # the held-out texts read here on their own (white-space words: the guard reads letters only)
    held = _texts([f for part in HELD_OUT_PARTS for f in sorted((REPO_ANNOTATIONS / part).glob("*.jsonl"))]
                  + [shared / "corpus" / "seed" / "gold.jsonl", shared / "corpus" / "dev" / "gold.jsonl"])
    assert len(held) >= 60
    guard = HeldOutGuard.of_sentences([[(w, "O") for w in t.split()] for t in held],
                                      ner.split.test, ner.split.test_rebuilt)
    assert not [s for _, s in domain if guard.seen(t for t, _ in s)]
    # train reports share boilerplate paragraphs with test draws (annotations/README): found and dropped
    assert info["dropped as held-out text"] > 0

