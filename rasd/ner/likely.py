"""Which words the news vocabulary knows are likely parts of a name: a word model learned at install.

The gate (:mod:`rasd.ner.gate`) spends the CRF around words no lexicon knows and around given
names near a trigger or a role word.  A name the news vocabulary has met (الجزيرة، أوبك، بكين، فورد،
نيويورك) is "known", no given name, and often stands in a sentence with no trigger or role word, so
the CRF never reads it: on the validation slice of ANERcorp's train half this was the largest
single cause of the names the CRF alone finds and rasd does not.  Rather than another list of
cue rules, a logistic regression over cheap word features (its word cluster learned from the news,
the lexicons' verdicts on it and on its stem, article, length, and the word itself when the NER
corpora use it often enough) is fitted at `rasd data install` on the CRF's own training sentences
(:func:`rasd.ner.corpus.training_sentences`: never the CAMeL test half or its copies) to tell
whether a token is inside a PERS/LOC/ORG name.  Every word of the news vocabulary is scored once
when the stage loads; those at or above ``THRESHOLD`` are seeds of the CRF's windows and open a
sentence to it ("likely name الجزيره (p=0.83)").  They replace the hand rule that seeded windows
with the words of "name clusters" (clusters ≥ 20 % named).  ``THRESHOLD`` was chosen on the
validation slice (scripts/ner_validation.py), weighing the names found against the NER stage's
cost (`bench/ner_parts.py`, 300 news articles): the hand rule .666 (109,468 tokens tagged);
learned seeds at .4 / .5 / .6 / .7: .672 (122,263) / .672 (114,277) / .669 (108,589) / .664; at .5
with the hand rule kept as well .673 (121,711).  At .5 the stage cost +9 to +16 % CPU in
alternated runs (more spans, more words new to the tagger), over the 10 % the issue allows; .6
tags fewer tokens than the hand rule did.

The fit is scipy's L-BFGS on the L2-penalised log loss over a sparse design matrix: scipy is
already a dependency (the word clusters use it), the objective is a few lines of numpy, and
scikit-learn (tens of MB) would add nothing this model uses.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

from rasd.arabic.normalize import fold_str, strip_article

FILENAME = "ner_likely.json"
VERSION = 2
THRESHOLD = 0.6     # a known word this likely to be in a name seeds the CRF (chosen on the validation slice)
KEEP = 0.3          # words scored at least this are saved (thresholds down to it can be tried without a refit)
MIN_WORD = 3        # a word is a feature of its own when the training sentences hold it this often
L2 = 1.0            # the penalty on the squared weights (on the summed, not the mean, log loss)


def features(key: str, lex, common: frozenset[str] = frozenset(), words: frozenset[str] | Mapping = frozenset()) \
        -> list[str]:
    """The features of the folded word ``key``: always a bias, its word clusters (or those of its
    form without the article), what the lexicons say of it and of that form, whether the NER corpora
    use it as an ordinary word, article, length, and the word itself when it is in ``words``."""
    bare = strip_article(key)
    out = ["bias", f"len={min(len(key), 9)}"]
    if bare != key:
        out.append("article")
    c = lex.clusters.get(key)
    if c is None and bare != key:
        c = lex.clusters.get(bare)
        if c is not None:
            out.append("bare-clustered")
    if c is None:
        out.append("no-cluster")
    else:
        out += [f"coarse={c[0]}", f"fine={c[1]}"]
    for tag, form in (("", key), ("bare-", bare)):
        if form in lex.given:
            out.append(tag + "given")
        kind = lex.kb.get(form)
        if kind:
            out.append(f"{tag}kb={kind}")
        kind = lex.places.get(form)
        if kind:
            out.append(f"{tag}place={kind}")
        if form in lex.kb_first:
            out.append(tag + "kb-first")
        if form in lex.place_first:
            out.append(tag + "place-first")
        if form in common:
            out.append(tag + "common")
        on = lex._on.get(form)
        if on:
            out += [f"{tag}list={n}" for n in on]
        if bare == key:
            break
    if key in words:
        out.append("word=" + key)
    return out


def examples(sentences: Iterable[list[tuple[str, str]]]) -> tuple[list[str], np.ndarray]:
    """(folded tokens, 1 for a token inside a name) of BIO-tagged sentences; punctuation and
    digits, which are no seed, are left out."""
    keys, ys = [], []
    for sent in sentences:
        for tok, tag in sent:
            key = fold_str(tok)
            if not any(c.isalpha() for c in key):
                continue
            keys.append(key)
            ys.append(tag != "O")
    return keys, np.asarray(ys, dtype=float)


def fit(rows: list[list[str]] | list[Mapping[str, float]], y: np.ndarray, l2: float = L2) -> dict[str, float]:
    """Logistic regression: feature → weight, minimising the log loss plus ``l2`` times the squared
    weights (the bias unpenalised).  A row is a list of features present (value 1) or a mapping
    feature → value; every row has "bias"."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    cols, vals, ptr = [], [], [0]
    for r in rows:
        items = r.items() if isinstance(r, Mapping) else ((f, 1.0) for f in r)
        for f, v in items:
            cols.append(index.setdefault(f, len(index)))
            vals.append(v)
        ptr.append(len(cols))
    X = csr_matrix((np.asarray(vals, dtype=float), cols, ptr), shape=(len(rows), len(index)))
    penal = np.full(len(index), l2)
    penal[index["bias"]] = 0.0
    s = 2 * y - 1           # labels as ±1

    def loss(w):
        z = X @ w
        m = -s * z
        lse = np.logaddexp(0, m)            # log(1 + e^m), stable
        g = X.T @ (-s / (1 + np.exp(-m)))   # d lse / dz = sigmoid(m), times dm/dz = -s
        return lse.sum() + (penal * w * w).sum(), g + 2 * penal * w

    # Run to convergence (the loss is convex) and round: stopped early, the weights kept differences
    # of 1e-4 that come from the CPU's BLAS kernels (OpenBLAS picks them by processor), so two
    # machines learned different word lists and gave different output (tests/quality/test_snapshot.py).
    w = minimize(loss, np.zeros(len(index)), jac=True, method="L-BFGS-B",
                 options={"maxiter": 5000, "ftol": 1e-14, "gtol": 1e-9}).x
    w = np.round(w, 5)
    return {f: float(w[i]) for f, i in index.items() if w[i] != 0.0}


def prob(feats: list[str], weights: Mapping[str, float]) -> float:
    z = sum(weights.get(f, 0.0) for f in feats)
    return float(1.0 / (1.0 + np.exp(-z)))


def build(sentences: list[list[tuple[str, str]]], lex, common: frozenset[str], out: Path) -> dict:
    """Fit the word model on the training ``sentences`` (BIO over PERS/LOC/ORG) and save at ``out``
    its weights and every word of the news vocabulary scored at ``KEEP`` or more (the stage reads
    those at load: scoring 40,000 words would add a third of a second to every start)."""
    t0 = time.process_time()
    keys, y = examples(sentences)
    seen = Counter(keys)
    words = frozenset(k for k, n in seen.items() if n >= MIN_WORD)
    weights = fit([features(k, lex, common, words) for k in keys], y)
    scored = likely_words(weights, lex, common, KEEP)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": VERSION, "tokens": len(keys), "names": int(y.sum()),
                               "weights": weights, "words": scored}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    return {"NER likely-name model tokens": len(keys), "NER likely name words": sum(p >= THRESHOLD for p in scored.values()),
            "NER likely-name model CPU seconds": round(time.process_time() - t0)}


def load(path: Path, threshold: float | None = None) -> dict[str, float] | None:
    """The words saved at ``path`` whose probability reaches ``threshold`` (THRESHOLD when None):
    word → probability; None when the data folder has no model (its install predates it)."""
    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if d.get("version") != VERSION:
        return None
    t = THRESHOLD if threshold is None else threshold
    return {w: p for w, p in d["words"].items() if p >= t}


def likely_words(weights: Mapping[str, float], lex, common: frozenset[str],
                 threshold: float = THRESHOLD) -> dict[str, float]:
    """Words of the news vocabulary (the clustered words) whose probability of standing inside a
    name reaches ``threshold``: word → probability."""
    words = frozenset(f[5:] for f in weights if f.startswith("word="))
    out = {}
    for key in lex.clusters:
        p = prob(features(key, lex, common, words), weights)
        if p >= threshold:
            out[key] = round(p, 3)
    return out
