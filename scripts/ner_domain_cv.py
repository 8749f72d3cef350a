"""Grouped cross-validation of the CRF with domain sentences projected from annotations/train.

Folds are the 121 train reports dealt round-robin within each set (Saudi, Al Mayadeen), so each
fold holds both outlets; a report is never split. For each fold the CRF is trained on what install
trains it on (ANERcorp's CAMeL train half and deduplicated NewsFANE, :data:`rasd.ner.train.CRF_CORPORA`)
plus the projected sentences of the other folds (``--weight`` copies each), then scored:

- the CRF alone on the held-out fold's projected spans (PERS / LOC / ORG, exact spans), against
  the installed (ANERcorp-only) model on the same spans;
- with ``--rasd``: `rasd eval` on the held-out fold's reports (PERSON / PLACE / ACTOR F1), with a
  data folder that is the installed one with the fold's model in place of ner.crfsuite (the word
  table, built for the installed model, is left out: it is only a cache).

Never reads annotations/test, seed or dev for training: their texts only build the guard that drops
any sentence sharing text with them. ``--show N`` prints the projected sentences of the first N
train reports (by-eye check) and stops.

    RASD_DATA_DIR=$PWD/.rasd-data .venv/bin/python scripts/ner_domain_cv.py --folds 4 [--weight 1] [--rasd]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from _shared import shared_or_exit  # noqa: E402

from rasd.kb.names import common_words  # noqa: E402
from rasd.ner.corpus import spans, training_sentences  # noqa: E402
from rasd.ner.domain import DOMAIN, domain_sentences, project_guard, state_names, train_records  # noqa: E402
from rasd.ner.evaluate import Counts  # noqa: E402
from rasd.ner.features import token_features  # noqa: E402
from rasd.ner.resources import lexicons  # noqa: E402
from rasd.ner.train import CRF_CORPORA, MODEL, train  # noqa: E402
from rasd.settings import data_dir  # noqa: E402


def folds_of(doc_ids: list[str], k: int) -> dict[str, int]:
    """doc_id → fold: round-robin over each set's sorted reports (the set is the id's prefix)."""
    out, by_set = {}, {}
    for d in sorted(doc_ids):
        by_set.setdefault(d.rsplit("-", 1)[0], []).append(d)
    n = 0
    for ids in by_set.values():
        for d in ids:
            out[d] = n % k
            n += 1
    return out


def crf_scores(model: Path, sents, lex) -> Counts:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    c = Counts()
    for s in sents:
        pred = tagger.tag(token_features([t for t, _ in s], lex))
        c.add(spans([g for _, g in s]), spans(pred))
    tagger.close()
    return c


def rasd_eval(base: Path, docs: list[str]) -> dict:
    env = {**os.environ, "RASD_DATA_DIR": str(base)}
    cmd = [str(ROOT / ".venv/bin/rasd"), "eval", str(ROOT / "annotations/train"), "--json"]
    for d in docs:
        cmd += ["--doc", d]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    res = json.loads(out)
    part = res["parts"][0] if "parts" in res else res
    return part


def fold_data_dir(base: Path, model: Path, where: Path, clusters: Path | None = None) -> Path:
    """A data folder that is ``base`` with ``model`` as its CRF (and ``clusters`` as its word
    clusters), every other file linked; the caches built for base's model are left out."""
    where.mkdir(parents=True, exist_ok=True)
    if clusters is not None:
        (where / clusters.name).unlink(missing_ok=True)
        (where / clusters.name).symlink_to(clusters.resolve())
    for f in base.iterdir():
        if f.name in (MODEL, "ner_words.npz", "word_answers.marshal") or (clusters and f.name == clusters.name):
            continue
        link = where / f.name
        if not link.exists():
            link.symlink_to(f.resolve())
    (where / MODEL).unlink(missing_ok=True)
    (where / MODEL).symlink_to(model.resolve())
    return where


def f1s(c: Counts) -> dict[str, float]:
    t = c.table()
    return {k: t[k]["f1"] for k in ("PERS", "LOC", "ORG", "micro")}


def entity_f1(part: dict) -> dict[str, float]:
    """F1 and the counts behind it per entity type (the counts pool over folds)."""
    out = {}
    for k in ("PERSON", "PLACE", "ACTOR"):
        e = part["entities"][k]
        out[k] = e["f1"]
        out[k + "_n"] = [e["tp"], e["fp"], e["fn"]]
    return out


def camel(base: Path, ner_dir: Path) -> dict:
    """`rasd eval ner`'s micro-F1 (CRF alone, rasd) on the given and rebuilt CAMeL test file."""
    env = {**os.environ, "RASD_DATA_DIR": str(base)}
    out = subprocess.run([str(ROOT / ".venv/bin/rasd"), "eval", "ner", "--json", "--ner-data", str(ner_dir)],
                         env=env, capture_output=True, text=True, check=True).stdout
    res = json.loads(out)
    return {f"{who}_{split}": res[who][split]["micro"]["f1"] for who in ("crf", "rasd") for split in ("given", "rebuilt")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--weight", type=int, default=1)
    ap.add_argument("--rasd", action="store_true", help="also run `rasd eval` per fold")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--only", type=int, default=None, help="run this fold only")
    ap.add_argument("--clusters", default=None,
                    help="learn the word clusters from these news corpora (e.g. news,news2) for both "
                         "models; the ANERcorp-only model is then retrained with them")
    ap.add_argument("--domain", type=int, default=1, help="0: no domain sentences (clusters alone)")
    ap.add_argument("--full", action="store_true",
                    help="train one model on every train report and score it on the CAMeL test split")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "rasd_ner_domain_cv")
    args = ap.parse_args()
    shared = shared_or_exit()
    base = data_dir()
    ner_dir = shared / "data" / "ner"
    lex = lexicons(base)
    args.work.mkdir(parents=True, exist_ok=True)
    names = json.loads((base / "names.json").read_text(encoding="utf-8"))
    before = base
    if args.clusters:
        import dataclasses

        from rasd.ner.clusters import FILENAME as CLUSTERS_FILE
        from rasd.ner.clusters import build as build_clusters
        from rasd.ner.clusters import load as load_clusters

        cfile = args.work / CLUSTERS_FILE
        if not cfile.is_file():
            print(build_clusters(shared / "data" / "news", cfile, tuple(args.clusters.split(","))), flush=True)
        lex = dataclasses.replace(lex, clusters=load_clusters(cfile))
    common = common_words(base)
    ner = training_sentences(ner_dir, CRF_CORPORA)
    records = train_records(ROOT / "annotations")
    if args.clusters:
        bmodel = args.work / "base" / MODEL
        if not bmodel.is_file():
            train(ner, lex, bmodel, name_counts=names.get("counts"), min_count=names.get("min_count", 2))
        before = fold_data_dir(base, bmodel, args.work / "base" / "data", cfile)
    guard = project_guard(ROOT / "annotations", shared / "corpus", ner)
    from rasd.kb.gazetteer import load_gazetteer

    dom = domain_sentences(records, lex, common, guard, state_names(load_gazetteer()))
    print(f"{len(records)} train reports: {len(dom.sentences)} sentences "
          f"({sum(len(s) for _, s in dom.sentences)} tokens), {dom.dropped} dropped as held-out text, "
          f"{dom.repeats} repeats; spans: " + ", ".join(
              f"{c} {sum(1 for _, s in dom.sentences for sp in spans([g for _, g in s]) if sp[2] == c)}"
              for c in ("PERS", "LOC", "ORG")))
    if args.show:
        shown = [r[0] for r in records[:args.show]]
        for doc_id, s in dom.sentences:
            if doc_id in shown:
                print(doc_id, " ".join(t if g == "O" else f"[{t}/{g}]" for t, g in s))
        return
    if args.full:
        extra = [(DOMAIN, s) for _, s in dom.sentences] * args.weight
        data = type(ner)(ner.sentences + extra, ner.dropped, ner.repeats, ner.split, ner.guard)
        out = args.work / "full" / MODEL
        train(data, lex, out, name_counts=names.get("counts"), min_count=names.get("min_count", 2))
        print("CAMeL before", json.dumps(camel(before, ner_dir)), flush=True)
        print("CAMeL after ", json.dumps(camel(fold_data_dir(base, out, args.work / "full" / "data",
                                                             cfile if args.clusters else None), ner_dir)))
        return
    fold = folds_of([r[0] for r in records], args.folds)
    rows = []
    for k in range(args.folds):
        if args.only is not None and k != args.only:
            continue
        held = [s for d, s in dom.sentences if fold[d] == k]
        docs = sorted(d for d in fold if fold[d] == k)
        extra = [(DOMAIN, s) for d, s in dom.sentences if fold[d] != k] * args.weight * args.domain
        data = type(ner)(ner.sentences + extra, ner.dropped, ner.repeats, ner.split, ner.guard)
        out = args.work / f"fold{k}" / MODEL
        info = train(data, lex, out, name_counts=names.get("counts"), min_count=names.get("min_count", 2))
        row = {"fold": k, "reports": len(docs), "sentences": len(held), "train_cpu": info["NER training CPU seconds"],
               "crf_before": f1s(crf_scores(before / MODEL, held, lex)), "crf_after": f1s(crf_scores(out, held, lex))}
        if args.rasd:
            row["rasd_before"] = entity_f1(rasd_eval(before, docs))
            row["rasd_after"] = entity_f1(rasd_eval(fold_data_dir(base, out, args.work / f"fold{k}" / "data",
                                                                  cfile if args.clusters else None), docs))
        rows.append(row)
        print(json.dumps(row), flush=True)
    keys = [k for k in ("crf_before", "crf_after", "rasd_before", "rasd_after") if k in rows[0]]
    print("mean over folds:")
    for key in keys:
        cols = [c for c in rows[0][key] if not c.endswith("_n")]
        print(f"  {key:12s} " + "  ".join(f"{c} {sum(r[key][c] for r in rows) / len(rows):.4f}" for c in cols))
    for key in ("rasd_before", "rasd_after"):
        if key in rows[0]:
            pooled = []
            for c in ("PERSON", "PLACE", "ACTOR"):
                tp, fp, fn = (sum(r[key][c + "_n"][i] for r in rows) for i in range(3))
                pooled.append(f"{c} {2 * tp / (2 * tp + fp + fn):.4f} ({tp}/{fp}/{fn})")
            print(f"  {key:12s} pooled " + "  ".join(pooled))


if __name__ == "__main__":
    main()
