"""Whether a span the CRF proposes where rasd has no mention is kept: a classifier learned at install.

The hand rules of :meth:`rasd.stages.ner.NerStage._accept_why` (a lone word needs a title, a sure
CRF, a bare rare word …) were each chosen on a few hundred sentences; on the validation slice of
ANERcorp's train half a third of the spans they keep are wrong, and some they reject are right.
This module learns the decision instead: a logistic regression over the span's features (the CRF's
lowest label marginal, class, length, what the lexicons say of its first and last words and of the
words beside it, their word clusters, why the gate tagged the sentence, and the hand rules' own
verdict, which becomes one feature among others) estimates the probability that the span is a
name exactly as ANERcorp's annotators drew it.  A span is kept when that reaches ``THRESHOLD``
(chosen on the validation slice, scripts/ner_validation.py); its ``why`` says so ("kept: acceptor
0.81 (rule: several words)").

The CRF is over-sure of the sentences it was trained on, so the examples come from cross-fitting
at install (:func:`build`): the training sentences (:func:`rasd.ner.corpus.training_sentences`:
never the CAMeL test half or its copies) are cut into ``FOLDS`` parts; for each, a CRF is trained
on the others, the part's sentences go through rasd's stages up to the mentions, and the NER stage
with that CRF reports every candidate span (its features; the label: the same extent and class
among the gold spans).  The fit is :func:`rasd.ner.likely.fit` (scipy's L-BFGS).

**Measured, and not used by default.**  Cross-fitted on the 3,309 training sentences outside the
validation slice (1,014 candidate spans, 742 right), it ranks the slice's 334 candidates better
than the hand rules do (AUC .66–.68 against .56) but not well enough to pay: at every threshold
and penalty tried (thresholds .3–.7, L2 .3–10, with and without class conjunctions and fine
clusters) it drops about as many right spans as wrong ones (threshold .5: −48 right, −30 wrong;
micro-F1 on the slice .673 with the rules, .658 with it, .664 at its best threshold).  So
`rasd data install` does not fit it and the rules decide; the NER stage uses it only when a data
folder holds ``ner_acceptor.json`` (``scripts/ner_validation.py build --acceptor``, then
``score --accept T``), so that the experiment can be repeated when the training data grows.
"""
from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from rasd.arabic.normalize import strip_article

FILENAME = "ner_acceptor.json"
VERSION = 1
THRESHOLD = 0.5     # a candidate span this likely to be a name is kept (chosen on the validation slice)
FOLDS = 3
CHUNK = 20          # sentences joined into one text, as `rasd eval ner` runs them
L2 = 1.0


def features(keys: list[str], before: str | None, after: str | None, cls: str, conf: float, gate: str,
             rule: str, lex, common: Callable[[str], bool], known: frozenset[str],
             forms: Callable[[str], tuple[str, ...]]) -> dict[str, float]:
    """The features of a candidate span: ``keys`` its folded words, ``before``/``after`` the folded
    words beside it (None at a sentence edge), ``cls`` and ``conf`` the CRF's class and lowest
    marginal, ``gate`` why the sentence was tagged, ``rule`` the hand rules' verdict; ``common``
    tells an ordinary word of the NER corpora, ``known`` is the news vocabulary, ``forms`` gives a
    word's readings (as written, then behind its proclitics)."""
    n = len(keys)
    f: dict[str, float] = {"bias": 1.0, f"cls={cls}": 1.0, f"len={cls}:{min(n, 4)}": 1.0,
                           "conf": conf, f"conf:{cls}": conf, f"conf<.7:{cls}": float(conf < 0.7),
                           f"rule={rule}": 1.0, f"gate={gate.split(' (')[0].split(' ')[0]}": 1.0}

    def word(tag: str, key: str) -> None:
        on: dict[str, float] = {}
        fs = forms(key)
        bare = strip_article(key)
        c = lex.clusters.get(key) or lex.clusters.get(bare)
        names = [f"{tag}.coarse={c[0]}", f"{tag}.fine={c[1]}"] if c else [f"{tag}.no-cluster"]
        if bare != key:
            names.append(f"{tag}.article")
        if key not in known:
            names.append(f"{tag}.unknown")
        if any(w in lex.given for w in fs):
            names.append(f"{tag}.given")
        for w in fs:
            k = lex.kb.get(w)
            if k:
                names.append(f"{tag}.kb={k}")
                break
        for w in fs:
            k = lex.places.get(w)
            if k:
                names.append(f"{tag}.place={k}")
                break
        if common(key):
            names.append(f"{tag}.common")
        for w in fs:
            for lst in lex._on.get(w, ()):
                names.append(f"{tag}.list={lst}")
        for nm in names:
            on[nm] = 1.0
            on[f"{nm}:{cls}"] = 1.0
        f.update(on)

    if n == 1:
        word("only", keys[0])
    else:
        word("first", keys[0])
        word("last", keys[-1])
    if before is not None:
        word("before", before)
    else:
        f["before.none"] = 1.0
    if after is not None:
        word("after", after)
    else:
        f["after.none"] = 1.0
    return f


def prob(feats: Mapping[str, float], weights: Mapping[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return float(1.0 / (1.0 + np.exp(-z)))


def load(path: Path) -> dict[str, float] | None:
    """The weights saved at ``path`` (None when the data folder has none)."""
    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return d["weights"] if d.get("version") == VERSION else None


def examples(sentences: list[list[tuple[str, str]]], pipeline, stage, resources) -> tuple[list[dict], list[float]]:
    """(features, labels) of every candidate span ``stage`` (a NerStage) meets in ``sentences``
    (BIO-tagged), each chunk of CHUNK sentences run as one text through ``pipeline`` (the stages
    before ner) and then ``stage``; label 1 when the span, extent and class, is a gold span."""
    from rasd.ner.camel import _join
    from rasd.ner.corpus import spans

    rows, ys = [], []
    for k in range(0, len(sentences), CHUNK):
        chunk = sentences[k:k + CHUNK]
        text, offsets, sent_of = _join(chunk)
        gold = [set(spans([g for _, g in s])) for s in chunk]
        doc = pipeline.run(text)
        got: list = []
        stage.collect = got
        try:
            with resources.scope():
                stage(doc)
        finally:
            stage.collect = None
        for feats, (a, b), cls in got:
            # the corpus tokens the span overlaps, as `rasd eval ner` maps a mention
            hit = [n for n, (x, y) in enumerate(offsets) if x < b and y > a]
            si = sent_of[hit[0]] if hit else -1
            base = sent_of.index(si) if hit else 0
            rows.append(feats)
            ys.append(float(bool(hit) and (hit[0] - base, hit[-1] + 1 - base, cls) in gold[si]))
    return rows, ys


def build(data, lex, base: Path, train: Callable, stage_for: Callable, names: dict | None = None) -> dict:
    """Cross-fit the acceptor on ``data`` (a TrainingData) and save it in the data folder ``base``.
    ``train(data, lex, path, ...)`` fits a CRF (rasd.ner.train.train); ``stage_for(resources,
    tagger)`` builds the NER stage over a tagger (rasd.stages.ner.stage_for)."""
    from dataclasses import replace

    from rasd.kb.resources import Resources
    from rasd.ner.likely import fit
    from rasd.ner.tag import Tagger
    from rasd.pipeline import Pipeline
    from rasd.registry import STAGES

    t0 = time.process_time()
    res = Resources(base)
    before = list(STAGES)[:list(STAGES).index("ner")]
    pipeline = Pipeline.build(res, names=before)
    sents = data.sentences
    rows: list[dict] = []
    ys: list[float] = []
    names = names or {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            lo, hi = fold * len(sents) // FOLDS, (fold + 1) * len(sents) // FOLDS
            part = replace(data, sentences=sents[:lo] + sents[hi:])
            model = Path(tmp) / f"fold{fold}.crfsuite"
            train(part, lex, model, name_counts=names.get("counts"), min_count=names.get("min_count", 2))
            stage = stage_for(res, Tagger(model, lex))
            r, y = examples([s for _, s in sents[lo:hi]], pipeline, stage, res)
            rows += r
            ys += y
    y = np.asarray(ys)
    weights = fit(rows, y, l2=L2)
    out = base / FILENAME
    tmp_out = out.with_suffix(".tmp")
    tmp_out.write_text(json.dumps({"version": VERSION, "candidates": len(rows), "names": int(y.sum()),
                                   "weights": weights}, ensure_ascii=False), encoding="utf-8")
    tmp_out.replace(out)
    return {"NER acceptor candidate spans": len(rows), "NER acceptor right spans": int(y.sum()),
            "NER acceptor CPU seconds": round(time.process_time() - t0)}
