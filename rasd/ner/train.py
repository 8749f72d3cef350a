"""Train the CRF at install (python-crfsuite: a small, well-kept C library with a Python binding;
a CRF by hand would be slower and less exact).

:func:`build` is what `rasd data install` calls, with a local copy or a download alike: it learns
word clusters from the news (when the data holds news/), reads the training sentences through
:func:`rasd.ner.corpus.training_sentences` (never the CAMeL test half or its copies), and writes
``ner.crfsuite`` and ``ner_clusters.json`` into the data folder, the learned word model of likely
name words (``ner_likely.json``, :mod:`rasd.ner.likely`, fitted on the same sentences), then the
precomputed vectors of the news's frequent words (``ner_words.npz``, :mod:`rasd.ner.wordtable`).
"""
from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.kb.names import FILENAME as NAMES_FILE
from rasd.ner.clusters import FILENAME as CLUSTERS_FILE
from rasd.ner.clusters import build as build_clusters
from rasd.kb.heldout import REPO_ANNOTATIONS
from rasd.ner.corpus import ANERCORP, NEWSFANE, Sentence, TrainingData, training_sentences
from rasd.ner.features import Lexicons, token_features

MODEL = "ner.crfsuite"
META = "ner.json"
# AQMAR (Wikipedia) is left out of the CRF: on 500 held-out sentences of ANERcorp's train half it cost
# 1.5 micro-F1 (ORG precision .76 → .70); it still feeds the given-name list.
CRF_CORPORA = (ANERCORP, NEWSFANE)
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 80, "feature.possible_transitions": True}
# each sentence projected from annotations/train (rasd.ner.domain) is seen this many times; 0: not
# used. Off: in the grouped 4-fold cross-validation of scripts/ner_domain_cv.py (docs/lexicon-checks.md,
# nerdom10) the CRF alone gains 11-17 micro-F1 on the held-out folds' projected spans and .006 on the
# CAMeL test split, but rasd's PERSON F1 on the held-out folds falls (weight 1: 86.3 -> 85.2 mean;
# weight 3: 85.3 -> 84.3 pooled, one more true person, six more false ones) and PLACE does not move.
DOMAIN_WEIGHT = 0


def domain_training(ner_dir: Path, lex: Lexicons, data: TrainingData, common: frozenset[str], gaz=None,
                    annotations: Path | None = REPO_ANNOTATIONS) -> tuple[list, dict]:
    """The projected sentences of ``annotations``/train (rasd.ner.domain) for the CRF, minus any that
    shares text with annotations/test and annotations/valid (HELD_OUT_PARTS), seed, dev (``ner_dir``/../../corpus) or the CAMeL test half
    (``data``'s split); ``common``: names.json's common words.  ([] and why) when the checkout's annotations or their texts are not at hand (a download)."""
    from rasd.errors import RasdError
    from rasd.ner.domain import DOMAIN, domain_sentences, project_guard, state_names, train_records

    if annotations is None or not (annotations / "train").is_dir():
        return [], {"skipped": f"no {annotations}/train beside the code"}
    try:
        records = train_records(annotations)
        corpus = ner_dir.parent.parent / "corpus"
        guard = project_guard(annotations, corpus if corpus.is_dir() else None, data)
    except RasdError as e:     # the report texts live in ../shared/data: a download install has none
        return [], {"skipped": f"annotations/train unreadable: {e}"}
    if gaz is None:
        from rasd.kb.gazetteer import load_gazetteer
        gaz = load_gazetteer()
    dom = domain_sentences(records, lex, common, guard, state_names(gaz))
    return [(DOMAIN, s) for _, s in dom.sentences], {
        "reports": len(records), "sentences": len(dom.sentences), "weight": DOMAIN_WEIGHT,
        "dropped as held-out text": dom.dropped, "repeats": dom.repeats}


def owed(corpus: str, sent: list[tuple[str, str]], counts: dict[str, int], min_count: int) -> frozenset[str]:
    """The given names that would miss the list without this sentence's own evidence: its person
    names, counted once more for an ANERcorp sentence (NewsFANE's re-annotation of it counts too).
    Training then sees the name feature as it is at run time on a new name (leave-one-out)."""
    here: dict[str, int] = {}
    for t, g in sent:
        if g == "B-PERS":
            k = fold_str(t)
            here[k] = here.get(k, 0) + (2 if corpus == ANERCORP else 1)
    return frozenset(k for k, n in here.items() if k in counts and counts[k] - n < min_count)


def train(data: TrainingData, lex: Lexicons, out: Path, params: dict | None = None,
          name_counts: dict[str, int] | None = None, min_count: int = 2) -> dict:
    """Fit the CRF on ``data`` and save it at ``out``; returns counts and CPU seconds.
    ``name_counts``: the evidence behind the given-name list (names.json), for :func:`owed`."""
    import pycrfsuite

    t0 = time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tok = 0
    for corpus, sent in data.sentences:
        unknown = owed(corpus, sent, name_counts, min_count) if name_counts else frozenset()
        trainer.append(token_features([t for t, _ in sent], lex, unknown), [g for _, g in sent])
        n_tok += len(sent)
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(out)
    return {"NER training sentences": len(data.sentences), "NER training tokens": n_tok,
            "NER training CPU seconds": round(time.process_time() - t0)}


def with_domain(data: TrainingData, domain: list[tuple[str, Sentence]], weight: int | None = None) -> TrainingData:
    """``data`` with the projected domain sentences added ``weight`` times (DOMAIN_WEIGHT), every
    other field kept as it was."""
    return dataclasses.replace(data, sentences=data.sentences + domain * (DOMAIN_WEIGHT if weight is None else weight))


def build(ner_dir: Path, news_dir: Path, base: Path, gaz=None, kb=None,
          annotations: Path | None = REPO_ANNOTATIONS) -> dict:
    """Clusters, then the CRF (the NER corpora and the projected sentences of ``annotations``/train,
    :func:`domain_training`), into the data folder ``base``."""
    from rasd.kb.names import common_words
    from rasd.ner.likely import FILENAME as LIKELY_FILE
    from rasd.ner.likely import build as build_likely
    from rasd.ner.resources import lexicons
    from rasd.ner.tag import Tagger
    from rasd.ner.wordtable import build as build_word_table

    t0 = time.process_time()
    counts = build_clusters(news_dir, base / CLUSTERS_FILE)
    counts["NER cluster CPU seconds"] = round(time.process_time() - t0)
    data = training_sentences(ner_dir, CRF_CORPORA)
    names = json.loads((base / NAMES_FILE).read_text(encoding="utf-8")) if (base / NAMES_FILE).is_file() else {}
    lex = lexicons(base, gaz, kb)
    domain, dom_info = domain_training(ner_dir, lex, data, common_words(base), gaz, annotations) \
        if DOMAIN_WEIGHT else ([], {"skipped": "DOMAIN_WEIGHT is 0 (see rasd.ner.train)"})
    counts |= train(with_domain(data, domain), lex, base / MODEL, name_counts=names.get("counts"), min_count=names.get("min_count", 2))
    counts["NER domain sentences (annotations/train)"] = len(domain)
    counts |= build_likely([s for _, s in data.sentences], lex, common_words(base), base / LIKELY_FILE)
    counts |= build_word_table(base, news_dir, lambda table=False: Tagger(base / MODEL, lexicons(base, gaz, kb)))
    dropped = sum(data.dropped.values())
    counts["NER sentences dropped as copies of the CAMeL test half"] = dropped
    (base / META).write_text(json.dumps({"version": 1, "params": PARAMS, "corpora": CRF_CORPORA,
                                         "dropped": data.dropped, "newsfane_repeats": data.repeats,
                                         "skipped": data.skipped, "domain": dom_info,
                                         "counts": counts}, ensure_ascii=False, indent=1), encoding="utf-8")
    return counts


def refresh_word_table(base: Path, news_dir: Path, gaz=None, kb=None) -> dict:
    """Rebuild the word table of the data folder ``base`` when it is missing or stale (the feature
    code or the lexicons changed since install; a stale table is ignored at load, so this only
    restores the speed): {} when it is current."""
    from rasd.ner.resources import lexicons
    from rasd.ner.tag import Tagger
    from rasd.ner.wordtable import FILENAME
    from rasd.ner.wordtable import build as build_word_table

    lex = lexicons(base, gaz, kb)
    if Tagger(base / MODEL, lex, table=base / FILENAME).table_words:
        return {}
    return build_word_table(base, news_dir, lambda table=False: Tagger(base / MODEL, lex))
