"""rasd's entities against the CRF on a validation slice of ANERcorp's CAMeL *train* half.

The installed CRF and given-name list have seen the whole train half, so their output there is
flattered.  ``build`` makes a validation data folder: a copy of an installed one (gazetteer,
clusters) whose given-name list, CRF and likely-name word model (and, with ``--acceptor``,
the learned span acceptor) are rebuilt from the NER corpora less the last
``--hold`` sentences of the train half and their copies in NewsFANE/AQMAR (the CAMeL test half stays
out as always: rasd.ner.corpus.training_sentences).  ``score`` runs, with RASD_DATA_DIR set to that
folder, the CRF alone and rasd's whole pipeline on the held-out sentences and prints per-class
P/R/F1; ``--explain FILE`` writes every sentence where rasd and the gold differ, with the CRF's
spans and each rasd mention's reason, and prints the misses counted by kind.  The CAMeL test half
is never read here.

**The learned span acceptor** (an experiment, not used by rasd; moved here from the library, where
its runtime branch in the NER stage never ran).  Whether a span the CRF proposes where rasd has no mention is kept: a classifier learned at install.

The hand rules of :meth:`rasd.stages.ner.NerStage._accept_why` (a lone word needs a title, a sure
CRF, a bare rare word …) were each chosen on a few hundred sentences; on the validation slice of
ANERcorp's train half a third of the spans they keep are wrong, and some they reject are right.
It learns the decision instead: a logistic regression over the span's features (the CRF's
lowest label marginal, class, length, what the lexicons say of its first and last words and of the
words beside it, their word clusters, why the gate tagged the sentence, and the hand rules' own
verdict, which becomes one feature among others) estimates the probability that the span is a
name exactly as ANERcorp's annotators drew it.  A span is kept when that reaches ``THRESHOLD``
(chosen on the validation slice, scripts/ner_validation.py); its ``why`` says so ("kept: acceptor
0.81 (rule: several words)").

The CRF is over-sure of the sentences it was trained on, so the examples come from cross-fitting
at install (:func:`build_acceptor`): the training sentences (:func:`rasd.ner.corpus.training_sentences`:
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
`rasd data install` does not fit it and the rules decide; ``build --acceptor`` fits it into a
validation folder and ``score --accept T`` runs :class:`LearnedStage` with it, so that the
experiment can be repeated when the training data grows.

Each miss of a span the CRF alone had is put down to the component that lost it, from the NER
stage's trace (``notes.ner_spans``): "untagged (gate or window)", "held: a knowledge-base name /
a gazetteer place / a pattern mention", "rejected: <the acceptance rule>", "dropped: low
confidence" ….  ``score --likely T`` and ``--accept T`` set the thresholds of the learned seeds
(rasd.ner.likely) and of the learned acceptor (rasd.ner.acceptor; above 1: the hand rules).

    .venv/bin/python scripts/ner_validation.py build /tmp/rasd-val --from .rasd-data
    RASD_DATA_DIR=/tmp/rasd-val .venv/bin/python scripts/ner_validation.py score --explain /tmp/val.txt
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from rasd.arabic.normalize import strip_article
from rasd.ner.camel import _join as _join_sentences
from rasd.stages.ner import NerStage

HOLD = 800
COPIED = ("gazetteer.pkl", "ner_clusters.json", "NOTICE", "installed.json")
OPTIONAL = ("news_names.json", "news_cued_names.json")   # given names learned from the news (never ANERcorp), when installed
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
    """(features, labels) of every candidate span ``stage`` (a LearnedStage) meets in ``sentences``
    (BIO-tagged), each chunk of CHUNK sentences run as one text through ``pipeline`` (the stages
    before ner) and then ``stage``; label 1 when the span, extent and class, is a gold span."""
    from rasd.ner.corpus import spans

    rows, ys = [], []
    for k in range(0, len(sentences), CHUNK):
        chunk = sentences[k:k + CHUNK]
        text, offsets, sent_of = _join_sentences(chunk)
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


def build_acceptor(data, lex, base: Path, names: dict | None = None) -> dict:
    """Cross-fit the acceptor on ``data`` (a TrainingData) and save it in the data folder ``base``."""
    from dataclasses import replace

    from rasd.kb.resources import Resources
    from rasd.ner.likely import fit
    from rasd.ner.tag import Tagger
    from rasd.ner.train import train
    from rasd.pipeline import Pipeline
    from rasd.registry import STAGES
    from rasd.stages.ner import stage_for

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
            stage = stage_for(res, Tagger(model, lex), cls=LearnedStage)
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


class LearnedStage(NerStage):
    """The NER stage with the learned acceptor deciding in place of the hand rules (whose verdict
    is one of its features): ``acceptor`` its weights (None: the rules decide); ``collect``, when a
    list, receives every candidate span (its features, extent and class) for the cross-fitting."""

    def __init__(self, *args, acceptor: dict[str, float] | None = None, threshold: float = THRESHOLD, **kw):
        super().__init__(*args, **kw)
        self.acceptor, self.threshold = acceptor, threshold
        self.collect: list | None = None

    def _decide(self, doc, i: int, j: int, sp, reason: str) -> tuple[bool, str]:
        from rasd.arabic.clitics import readings as stems

        ok, why = super()._decide(doc, i, j, sp, reason)
        toks = doc.tokens
        feats = features([t.key for t in toks[i:j]], toks[i - 1].key if i > 0 else None,
                         toks[j].key if j < len(toks) else None, sp.cls, sp.confidence, reason,
                         ("kept: " if ok else "rejected: ") + why, self.tagger.lex, self._common, self.gate.known,
                         lambda key: (key, *(st for _, st in stems(key))))
        if self.collect is not None:
            self.collect.append((feats, (toks[i].start, toks[j - 1].end), sp.cls))
        if self.acceptor is None:
            return ok, why
        p = prob(feats, self.acceptor)
        return p >= self.threshold, f"acceptor {p:.2f} (rule: {why})"


def build(out: Path, src: Path, ner_dir: Path, hold: int, acceptor: bool = False) -> None:
    from rasd.kb.gazetteer import load_gazetteer
    from rasd.kb.names import FILENAME, build_names, common_words
    from rasd.ner.likely import FILENAME as LIKELY_FILE
    from rasd.ner.likely import build as build_likely
    from rasd.ner.corpus import training_sentences
    from rasd.ner.resources import lexicons
    from rasd.ner.train import CRF_CORPORA, MODEL, train

    out.mkdir(parents=True, exist_ok=True)
    for f in COPIED:
        shutil.copy2(src / f, out / f)
    for f in OPTIONAL:
        if (src / f).is_file():
            shutil.copy2(src / f, out / f)
    print(build_names(ner_dir, out / FILENAME, validation=hold))
    names = json.loads((out / FILENAME).read_text(encoding="utf-8"))
    data = training_sentences(ner_dir, CRF_CORPORA, validation=hold)
    gaz = load_gazetteer(out)
    lex = lexicons(out, gaz)
    print(train(data, lex, out / MODEL, name_counts=names["counts"], min_count=names["min_count"]))
    print(build_likely([s for _, s in data.sentences], lex, common_words(out), out / LIKELY_FILE))
    if acceptor:
        print(build_acceptor(data, lex, out, names))
    print(f"held out {len(data.held_out)} sentences; dropped as copies: {data.dropped}")


def _line(name: str, t: dict) -> str:
    return name + "  " + "  ".join(f"{c} {t[c]['p']:.3f}/{t[c]['r']:.3f}/{t[c]['f1']:.3f}"
                                   for c in ("PERS", "LOC", "ORG", "micro"))


def score(ner_dir: Path, hold: int, explain: Path | None, limit: int | None, accept: float | None = None) -> None:
    from rasd import check_input
    from rasd.kb.resources import default_resources
    from rasd.ner.camel import (CHUNK, _join, description_words, edge_groups, edge_words, gold_spans, lead_words,
                                predicted, state_names, train_half)
    from rasd.ner.corpus import camel_split, training_sentences
    from rasd.ner.evaluate import Counts
    from rasd.pipeline import default_pipeline

    held = training_sentences(ner_dir, (), validation=hold).held_out[:limit]
    res = default_resources()
    tagger = res.ner_tagger.tagger
    weights = load(res.data_dir / FILENAME) if accept is not None and accept <= 1 else None
    if weights is not None:   # the learned acceptor decides (build --acceptor fitted it)
        from rasd.stages.ner import stage_for

        res._built["ner_tagger"] = stage_for(res, tagger, cls=LearnedStage, acceptor=weights, threshold=accept)
    is_state = state_names(res.gazetteer)
    lead = lead_words(res)
    # ANERcorp's edge words, counted on the train half without the held-out slice
    train = train_half(camel_split(ner_dir), hold)
    edges = edge_words(train, edge_groups(res))
    desc = description_words(train, edge_groups(res))

    windows: list[tuple[int, int]] = []   # the CRF's windows in the last text run
    verdicts: list[dict] = []             # what the stage made of each span the CRF proposed there

    def extract(text: str) -> dict:
        check_input(text, {})
        d = default_pipeline().run(text, explain=True).to_json(trace=True)
        notes = d["trace"]["notes"]
        windows[:] = [tuple(w) for t in notes.get("ner", []) for w in t["windows"]]
        verdicts[:] = notes.get("ner_spans", [])
        return d

    crf, rasd = Counts(), Counts()
    kinds: Counter = Counter()
    lines: list[str] = []
    for k in range(0, len(held), CHUNK):
        chunk = held[k:k + CHUNK]
        preds = predicted(chunk, extract, is_state, lead, edges, res.common_words, desc)
        _, offsets, sent_of = _join(chunk)
        for si, (s, pm) in enumerate(zip(chunk, preds)):
            base = sent_of.index(si)

            def tagged(x: tuple) -> str:
                a, b = offsets[base + x[0]][0], offsets[base + x[1] - 1][1]
                if not any(wa <= a and b <= wb for wa, wb in windows):
                    return "untagged (gate or window)"
                same = [v for v in verdicts if v["span"] == [a, b]]
                if same:
                    v = same[0]
                    return v["verdict"] + ("" if v["cls"] == x[2] else f" (as {v['cls']})")
                over = [v for v in verdicts if v["span"][0] < b and v["span"][1] > a]
                if over:
                    return "window read another extent: " + over[0]["verdict"]
                return "window read no span"
            toks = [t for t, _ in s]
            g = gold_spans(s)
            c = {(x.start, x.end, x.cls) for x in tagger.spans(toks)}
            p = set(pm)
            crf.add(g, c)
            rasd.add(g, p)
            if g == p:
                continue
            lines.append(" ".join(f"{n}:{t}" for n, t in enumerate(toks)))
            for x in sorted(g - p):
                kind = _miss_kind(x, p, c) + ("; " + tagged(x) if x in c else "")
                kinds["FN " + kind] += 1
                lines.append(f"  FN {x[2]} {' '.join(toks[x[0]:x[1]])}  [{kind}]")
            for x in sorted(p - g):
                kind = _fp_kind(x, g, c)
                m = pm[x]
                src = m.get("kb_id") or ("ner" if (m.get("why") or "").startswith("statistical") else
                                         "pattern" if m.get("pattern") else "kb/gaz")
                kinds[f"FP {kind} ({src})"] += 1
                lines.append(f"  FP {x[2]} {' '.join(toks[x[0]:x[1]])}  [{kind}; {src}; {m['type']}; "
                             f"{(m.get('why') or '')[:90]}]")
            lines.append("  CRF: " + "; ".join(f"{x[2]} {' '.join(toks[x[0]:x[1]])}" for x in sorted(c)))
    print(f"{len(held)} held-out sentences")
    print(_line("CRF ", crf.table()))
    print(_line("rasd", rasd.table()))
    for kind, n in kinds.most_common():
        print(f"{n:5d}  {kind}")
    if explain:
        explain.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _miss_kind(x: tuple, pred: set, crf: set) -> str:
    """Why a gold span is not among rasd's: what rasd has over its tokens, and whether the CRF had it."""
    over = [p for p in pred if p[0] < x[1] and p[1] > x[0]]
    crf_has = "CRF had it" if x in crf else "CRF missed"
    if not over:
        return f"nothing; {crf_has}"
    if any(p[:2] == x[:2] for p in over):
        return f"retyped; {crf_has}"
    return f"other extent; {crf_has}"


def _fp_kind(x: tuple, gold: set, crf: set) -> str:
    over = [g for g in gold if g[0] < x[1] and g[1] > x[0]]
    crf_has = "CRF too" if x in crf else "not CRF"
    if not over:
        return f"no gold name; {crf_has}"
    if any(g[:2] == x[:2] for g in over):
        return f"wrong type; {crf_has}"
    return f"wrong extent; {crf_has}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--from", dest="src", type=Path, default=Path(".rasd-data"))
    b.add_argument("--acceptor", action="store_true", help="also cross-fit the learned span acceptor (LearnedStage), "
                   "which install does not fit: it did not beat the hand rules here")
    s = sub.add_parser("score")
    s.add_argument("--explain", type=Path)
    s.add_argument("--limit", type=int)
    s.add_argument("--likely", type=float, help="the learned seeds' threshold (rasd.ner.likely.THRESHOLD)")
    s.add_argument("--accept", type=float, help="run the learned acceptor (build --acceptor) at this threshold; "
                   "above 1: the hand rules decide")
    for p in (b, s):
        p.add_argument("--ner", type=Path, help="the CAMeL NER folder (default ../shared/data/ner)")
        p.add_argument("--hold", type=int, default=HOLD)
    a = ap.parse_args()
    if a.ner is None:
        from _shared import data_or_exit   # run as a script: the scripts folder is on the path

        a.ner = data_or_exit() / "ner"
    if a.cmd == "build":
        build(a.out, a.src, a.ner, a.hold, a.acceptor)
    else:
        if a.likely is not None:
            from rasd.ner import likely
            likely.THRESHOLD = a.likely
        score(a.ner, a.hold, a.explain, a.limit, a.accept)


if __name__ == "__main__":
    main()
