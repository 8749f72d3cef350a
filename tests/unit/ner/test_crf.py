"""rasd.ner.crf: the model read from crfsuite's file is crfsuite's (its own dump agrees), and the
batched Viterbi and marginals agree with brute force over every label sequence."""
from __future__ import annotations

from itertools import product

import numpy as np
import pycrfsuite
import pytest

from rasd.errors import DataMissingError
from rasd.ner.crf import batch, marginals, read_model, viterbi


def train(path, data):
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in data:
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30, "feature.possible_transitions": True})
    trainer.train(str(path))


def test_the_model_is_the_one_crfsuite_dumps(tmp_path):
    p = tmp_path / "m.crfsuite"
    train(p, [([["a", "x=1"], ["b"], ["c", "é"]], ["O", "B-X", "I-X"]),
              ([["b", "x=2"], ["a"]], ["B-Y", "O"])])
    m = read_model(p)
    raw = pycrfsuite.Tagger()
    raw.open(str(p))
    info = raw.info()
    assert set(m.labels) == set(info.labels)
    assert {(a, m.labels[y]) for a, i in m.attrs.items() for y in range(len(m.labels)) if m.state[i, y]} \
        == set(info.state_features)
    for (a, y), w in info.state_features.items():      # the dump prints six decimals
        assert m.state[m.attrs[a], m.labels.index(y)] == pytest.approx(w, abs=1e-6)
    for (a, b), w in info.transitions.items():
        assert m.trans[m.labels.index(a), m.labels.index(b)] == pytest.approx(w, abs=1e-6)
    assert not m.state[m.zero].any() and m.vector([]).shape == (len(m.labels),)


def test_a_file_that_is_no_model_is_refused(tmp_path):
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + b"\0" * 60)
    with pytest.raises(DataMissingError):
        read_model(bad)
    with pytest.raises(DataMissingError):
        read_model(tmp_path / "missing.crfsuite")


def brute(E, T):
    """The best sequence and the marginals by enumerating every label sequence."""
    n, L = E.shape
    scores = {}
    for ys in product(range(L), repeat=n):
        scores[ys] = sum(E[t, y] for t, y in enumerate(ys)) + sum(T[a, b] for a, b in zip(ys, ys[1:]))
    best = max(scores, key=scores.get)
    z = np.logaddexp.reduce(list(scores.values()))
    marg = np.zeros((n, L))
    for ys, s in scores.items():
        for t, y in enumerate(ys):
            marg[t, y] += np.exp(s - z)
    return list(best), marg


def test_batched_decoding_is_exact_on_sequences_of_many_lengths():
    rng = np.random.default_rng(7)
    L = 3
    T = rng.normal(0, 2, (L, L))
    lengths = [3, 1, 5, 2, 5, 4]
    seqs = [rng.normal(0, 3, (n, L)) for n in lengths]
    E = np.zeros((sum(lengths) + 2 * len(lengths), L))
    starts = []
    at = 0
    for s in seqs:                                  # windows apart in one array, as Tagger.scores lays them
        starts.append(at + 1)
        E[at + 1:at + 1 + len(s)] = s
        at += len(s) + 2
    order, lens, X = batch(E, starts, lengths)
    assert list(lens) == sorted(lengths, reverse=True)
    y = viterbi(X, lens, T)
    M = marginals(X, lens, T)
    for r, k in enumerate(order):
        best, marg = brute(seqs[k], T)
        n = lengths[k]
        assert list(y[r, :n]) == best
        assert np.allclose(M[r, :n], marg, atol=1e-12)
