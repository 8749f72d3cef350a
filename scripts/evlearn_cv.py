"""Leave-one-set-out evaluation of the learned event decision (rasd.stages.evdecide).

Groups: seed+dev (../shared/corpus), the Saudi train part's first draws (001–100) and its
train-again draws (101+), Al Mayadeen train 000–049 and Al Mayadeen train 050+ (annotations/train). Never annotations/test and annotations/valid (HELD_OUT_PARTS). For each held-out group the model
is trained on the other three, the two thresholds are chosen by an inner leave-one-group-out over
those three (never on the held-out group), and EVENT P/R/F1 is scored with rasd's scorer on the
held-out group, before (rules only) and after. Last, the thresholds for shipping are chosen on the
pooled out-of-fold predictions of all groups.

    RASD_DATA_DIR=$PWD/.rasd-data .venv/bin/python scripts/evlearn_cv.py [--c2 1.0]
"""
from __future__ import annotations

import argparse
import copy
import pickle
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from _shared import shared_or_exit  # noqa: E402

from rasd.eval.gold import load_gold  # noqa: E402
from rasd.eval.score import Counts, score_document  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import run_stage  # noqa: E402
from rasd.stages.eventcoref import EventCoref  # noqa: E402
from rasd.stages.evdecide import apply_decisions, decisions  # noqa: E402
from rasd.stages.evdecide.features import Lexicons  # noqa: E402
from rasd.stages.evdecide.model import train_in_memory  # noqa: E402
from rasd.stages.evdecide.train import examples, pipeline_before_decision, propose, training_files  # noqa: E402

KEEP_AT = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
RETYPE_AT = (0.5, 0.6, 0.7, 0.8, 2.0)   # 2.0: never retype


def group_of(path: Path, doc_id: str) -> str:
    if path.parent.name in ("seed", "dev"):
        return "seed+dev"
    m = re.search(r"(\d+)$", doc_id)
    if doc_id.startswith("saudi"):     # draws 1-100 and the train-again draws 101+ (annotations/README.md)
        return "saudi-001..100" if m and int(m.group(1)) <= 100 else "saudi-101+"
    return "mayadeen-000..049" if m and int(m.group(1)) < 50 else "mayadeen-050+"


class Item:
    def __init__(self, rec, doc, exs, group):
        self.rec, self.doc, self.exs, self.group = rec, doc, exs, group
        self.events = copy.deepcopy(doc.events)
        self.warnings = list(doc.warnings)
        self.stages = list(doc.stages)


def score(items, probs_by_doc, keep_at, retype_at, coref, ontology) -> Counts:
    total = Counts()
    for it in items:
        doc = it.doc
        doc.events = copy.deepcopy(it.events)
        doc.warnings = list(it.warnings)
        doc.stages = list(it.stages)
        if probs_by_doc is not None:
            apply_decisions(doc, decisions(doc, probs_by_doc[it.rec.doc_id], keep_at, retype_at), ontology)
        if coref is not None:     # the decision came before event coreference: run it after
            doc = run_stage(coref, doc)
        total += score_document(it.rec.data, doc.to_json()).events
    return total


def fit(items, c2):
    return train_in_memory([(e.feats, e.label) for it in items for e in it.exs], c2)


def probs_for(items, model, lex):
    """Probabilities from the examples' (possibly reduced) features, per document and event."""
    out = {}
    for it in items:
        ps: list = [None] * len(it.events)
        for e in it.exs:
            ps[e.n] = (model.probs(e.feats), e.feats)
        out[it.rec.doc_id] = ps
    return out


def best_thresholds(items, probs, coref, ontology):
    best = None
    for k in KEEP_AT:
        for r in RETYPE_AT:
            c = score(items, probs, k, r, coref, ontology)
            f = c.f1 or 0.0
            if best is None or f > best[0] + 1e-9:
                best = (f, k, r)
    return best[1], best[2]


def fmt(c: Counts) -> str:
    p, r, f = (x * 100 if x is not None else 0.0 for x in (c.precision, c.recall, c.f1))
    return f"{p:5.1f}/{r:5.1f}/{f:5.1f} (tp {c.tp} fp {c.fp} fn {c.fn})"


def _auc(pairs) -> float:
    pos = sorted(p for p, y in pairs if y)
    neg = sorted(p for p, y in pairs if not y)
    if not pos or not neg:
        return float("nan")
    import bisect
    won = sum(bisect.bisect_left(neg, p) + 0.5 * (bisect.bisect_right(neg, p) - bisect.bisect_left(neg, p))
              for p in pos)
    return won / (len(pos) * len(neg))


def diagnose(items, oof) -> None:
    """Out-of-fold: the rank AUC of P(NONE) for the NONE label (pooled and per group), the labels
    under each cut, and the type decision's accuracy on the examples whose sentence tells a gold
    event (label KEEP or TO_x): the model's likelier of KEEP and the TO_ labels against the rules'
    type (always KEEP)."""
    pairs, by_group, typed = [], {}, {}
    for it in items:
        probs = oof[it.rec.doc_id]
        for e in it.exs:
            p = probs[e.n][0]
            pr = (p.get("NONE", 0.0), e.label == "NONE")
            pairs.append(pr)
            by_group.setdefault(it.group, []).append(pr)
            if e.label != "NONE":
                best = max((lab for lab in p if lab != "NONE"), key=p.get)
                t = typed.setdefault(it.group, [0, 0, 0])
                t[0] += 1
                t[1] += best == e.label
                t[2] += e.label == "KEEP"
    print(f"OOF AUC of P(NONE): {_auc(pairs):.3f} ({sum(y for _, y in pairs)} NONE of {len(pairs)})")
    for g in sorted(by_group):
        t = typed.get(g, [0, 0, 0])
        print(f"  {g:20s} AUC {_auc(by_group[g]):.3f} ({sum(y for _, y in by_group[g])} NONE of {len(by_group[g])}); "
              f"type decision right {t[1]}/{t[0]} (rules {t[2]}/{t[0]})")
    t = [sum(x[i] for x in typed.values()) for i in range(3)]
    print(f"  type decision (gold event in the sentence): model {t[1]}/{t[0]}, rules' type {t[2]}/{t[0]}")
    for cut in (0.5, 0.6, 0.7, 0.8, 0.9):
        sel = [y for p, y in pairs if p >= cut]
        print(f"  P(NONE) >= {cut}: {len(sel)} dropped, {sum(sel)} of them NONE")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c2", type=float, default=1.0)
    ap.add_argument("--after", default="eventcoref", choices=("worthiness", "eventcoref"),
                    help="the stage the decision follows (the proposals it sees)")
    ap.add_argument("--drop", default="", help="leave out features starting with these prefixes (comma-separated), "
                                               "e.g. 'l=,r=,l1=,r1=,w=,type|w=' for no word features")
    ap.add_argument("--cache", type=Path, help="keep the proposed documents in this pickle (reread when it exists)")
    ap.add_argument("--diagnose", action="store_true", help="print how well P(NONE) separates the labels")
    args = ap.parse_args()
    R = default_resources()
    pipe = pipeline_before_decision(R, args.after)
    lex = Lexicons.of(R.worthiness_cues, R.triggers)
    coref = EventCoref(R) if args.after == "worthiness" else None
    ontology = R.ontology
    items = []
    if args.cache and args.cache.is_file():
        items = pickle.loads(args.cache.read_bytes())
        with R.scope():
            for it in items:     # features follow the code; the proposals come from the cache
                it.doc.events = copy.deepcopy(it.events)
                it.exs = examples(it.doc, it.rec.data, lex)
    else:
        with R.scope():
            for f in training_files(shared_or_exit() / "corpus", ROOT / "annotations"):
                for rec in load_gold(f):
                    doc = propose(pipe, rec)
                    items.append(Item(rec, doc, examples(doc, rec.data, lex), group_of(f, rec.doc_id)))
        if args.cache:
            for it in items:     # the per-document reading table holds the Clitics' caches: rebuilt on ask
                it.doc.__dict__.pop("readings", None)
            args.cache.write_bytes(pickle.dumps(items))
    drop = tuple(x for x in args.drop.split(",") if x)
    if drop:
        for it in items:
            for e in it.exs:
                e.feats = [f for f in e.feats if not f.startswith(drop)]
    groups = sorted({it.group for it in items})
    print("groups:", {g: (sum(it.group == g for it in items), sum(len(it.exs) for it in items if it.group == g))
                      for g in groups}, "(reports, examples)")
    from collections import Counter
    print("labels:", dict(Counter(e.label for it in items for e in it.exs)))
    oof = {}
    rows = []
    with R.scope():
        for g in groups:
            held = [it for it in items if it.group == g]
            rest = [it for it in items if it.group != g]
            inner = {}
            for h in sorted({it.group for it in rest}):
                m = fit([it for it in rest if it.group != h], args.c2)
                inner.update(probs_for([it for it in rest if it.group == h], m, lex))
            k, r = best_thresholds(rest, inner, coref, ontology)
            m = fit(rest, args.c2)
            probs = probs_for(held, m, lex)
            oof.update(probs)
            before = score(held, None, 0, 0, coref, ontology)
            after = score(held, probs, k, r, coref, ontology)
            rows.append((g, before, after))
            print(f"{g:20s} keep_at {k:.1f} retype_at {r:.1f}  before {fmt(before)}  after {fmt(after)}", flush=True)
        fb = sum((b.f1 or 0) for _, b, _ in rows) / len(rows)
        fa = sum((a.f1 or 0) for _, _, a in rows) / len(rows)
        pooled_b, pooled_a = Counts(), Counts()
        for _, b, a in rows:
            pooled_b += b
            pooled_a += a
        print(f"mean F1 over held-out groups: before {fb * 100:.1f}  after {fa * 100:.1f}")
        print(f"pooled held-out: before {fmt(pooled_b)}  after {fmt(pooled_a)}")
        if args.diagnose:
            diagnose(items, oof)
        k, r = best_thresholds(items, oof, coref, ontology)
        print(f"thresholds chosen on the pooled out-of-fold predictions: keep_at {k:.1f} retype_at {r:.1f}; "
              f"pooled OOF then {fmt(score(items, oof, k, r, coref, ontology))}")
        for g in groups:
            held = [it for it in items if it.group == g]
            print(f"  {g:20s} OOF at those thresholds {fmt(score(held, oof, k, r, coref, ontology))}")


if __name__ == "__main__":
    main()
