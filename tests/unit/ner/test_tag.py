"""rasd.ner.tag: the tagger gives crfsuite's own tags and marginals (read from the same model file),
window by window or many at once, from its cache or past it; shared by threads (the API's pool
shares one pipeline) it tags as it does alone."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pycrfsuite
import pytest

import rasd.ner.tag as tag
from rasd.ner.corpus import spans
from rasd.ner.features import token_features
from rasd.ner.tag import Tagger
from toy_crf import LEX, train_model

NEW = [["وقال", "الوزير", "كرمول", "إن", "القصف", "طال", "وبدمشق"], ["زار", "سامر", "حلب"], ["؟"],
       ["قال", "الوزير", "سامر", "حداد", "في", "الجيش", "السوري", "إن", "دمشق", "آمنة"], ["سامر"]]


@pytest.fixture
def path(tmp_path):
    return train_model(tmp_path / "m.crfsuite")


def reference(raw, toks):
    """crfsuite's tags and its spans with the lowest marginal of their labels."""
    tags = raw.tag(token_features(toks, LEX))
    return tags, [(s, e, c, min(raw.marginal(tags[k], k) for k in range(s, e))) for s, e, c in sorted(spans(tags))]


def check(got, want):
    assert [(x.start, x.end, x.cls) for x in got] == [w[:3] for w in want]
    assert np.allclose([x.confidence for x in got], [w[3] for w in want], rtol=0, atol=1e-12)


def test_tags_and_marginals_are_crfsuite_s(path):
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    found = 0
    for toks in NEW * 2:     # twice: the second time from the tagger's cache
        tags, want = reference(raw, toks)
        assert t.tags(toks) == tags
        check(t.spans(toks), want)
        found += len(want)
    assert found                       # the sentences have spans to compare


def test_the_marginal_that_the_word_after_a_span_is_outside_a_name_is_crfsuite_s(path):
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    seen = 0
    for toks in NEW:
        raw.set(token_features(toks, LEX))
        for x in t.spans(toks):
            if x.end < len(toks):
                assert abs(x.outside - raw.marginal("O", x.end)) < 1e-12
                seen += 1
            else:
                assert x.outside == 0.0     # no word after the span
    assert seen


def test_every_word_s_marginal_of_no_name_is_crfsuite_s(path):
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    plain = ["في", "ذلك", "الوقت", "."]         # no name in it: its marginals all the same
    windows = [*NEW, plain, []]
    found, got = t.spans_outside(windows, range(len(windows)))
    for toks, sps in zip([*NEW, plain], found):  # the same spans as crfsuite's own Viterbi tags
        assert [(x.start, x.end, x.cls) for x in sps] == sorted(spans(raw.tag(token_features(toks, LEX))))
    assert found[len(NEW)] == found[len(NEW) + 1] == [] and len(got) == len(NEW) + 1   # an empty window: no words, no marginals
    for toks, outs in zip([*NEW, plain], (got[k] for k in range(len(NEW) + 1))):
        raw.set(token_features(toks, LEX))
        assert len(outs) == len(toks)
        assert np.allclose(outs, [raw.marginal("O", k) for k in range(len(toks))], rtol=0, atol=1e-12)


def test_windows_tagged_together_are_tagged_as_alone(path):
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    windows = [NEW[3], [], NEW[1], NEW[0], NEW[4], NEW[2], NEW[3][2:5]]
    got = t.spans_many(windows)
    assert got[1] == [] and len(got) == len(windows)
    for toks, g in zip(windows, got):
        check(g, reference(raw, toks)[1] if toks else [])


def test_words_past_the_cache_are_scored_all_the_same(path, monkeypatch):
    monkeypatch.setattr(tag, "CACHE_SIZE", 3)
    t = Tagger(path, LEX)
    raw = pycrfsuite.Tagger()
    raw.open(str(path))
    for toks in NEW * 2:
        check(t.spans(toks), reference(raw, toks)[1])
    assert len(t._cache) == 3


def test_label_scores_are_the_summed_weights_of_the_items(path):
    t = Tagger(path, LEX)
    m = t.model
    toks = NEW[3]
    E, (start,) = t.scores([toks])
    for i, item in enumerate(token_features(toks, LEX)):
        want = sum((m.state[m.attrs[a]] for a in item if a in m.attrs), np.zeros(len(m.labels)))
        assert np.allclose(E[start + i], want, rtol=0, atol=1e-12)


def test_threads_sharing_one_tagger_get_the_spans_of_one_thread(installed, shared):
    from rasd.kb.resources import Resources
    from rasd.settings import data_dir

    tagger = Resources(data_dir()).ner_tagger.tagger
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "dev").glob("*.txt"))).split()
    # sentences of many lengths, so that one thread's marginals cannot fit another's sentence
    sentences = [words[i:i + n] for i, n in zip(range(0, 4000, 37), [3, 40, 7, 25, 12, 60, 2, 18] * 20)
                 if words[i:i + n]]
    alone = [tagger.spans(s) for s in sentences]
    assert any(alone)
    fresh = Resources(data_dir()).ner_tagger.tagger    # its cache filled by the threads at once
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)          # switch threads as often as possible
    try:
        with ThreadPoolExecutor(6) as pool:
            got = list(pool.map(fresh.spans, sentences * 4))
    finally:
        sys.setswitchinterval(old)
    assert got == alone * 4


def test_the_installed_model_tags_news_as_crfsuite_does(installed, shared):
    from rasd.kb.resources import Resources
    from rasd.ner.train import MODEL
    from rasd.settings import data_dir

    tagger = Resources(data_dir()).ner_tagger.tagger
    raw = pycrfsuite.Tagger()
    raw.open(str(data_dir() / MODEL))
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "dev").glob("*.txt"))).split()
    windows = [words[i:i + n] for i, n in zip(range(0, 6000, 23), [9, 30, 4, 17, 1, 48] * 50) if words[i:i + n]]
    got = tagger.spans_many(windows)
    n = 0
    for toks, g in zip(windows, got):
        tags = raw.tag(token_features(toks, tagger.lex))
        want = [(s, e, c, min(raw.marginal(tags[k], k) for k in range(s, e))) for s, e, c in sorted(spans(tags))]
        check(g, want)
        n += len(want)
    assert n > 20
