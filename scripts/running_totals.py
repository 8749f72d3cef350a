#!/usr/bin/env python3
"""How often the running-total rule of the events reader fires on the unlabelled news, and on what.

    python scripts/running_totals.py --n 600 --show 20

A running total (ما يرفع عدد الشهداء إلى 110، بارتفاع حصيلة العدوان إلى 20 ألفاً و674 شهيداً) is read
by ``Reader.running_total`` (triggers.yaml running_total_raise / running_total_words / running_total_to):
the trigger words after it make no event and its count is a CASUALTIES report of its own. Over a fixed
random sample of ../shared/data/news2 and ../shared/data/news (seed 8; the held-out reports of
annotations/test and annotations/valid (HELD_OUT_PARTS) left out, rasd.kb.heldout), the script runs the pipeline, and prints:

- sentences where the rule fires, the trigger words it sets aside, and the CASUALTIES it makes;
- a fixed random draw of ``--show`` contexts (the cue, the count read, the words set aside), to be
  read by eye.

Prints figures, asserts nothing; the news is read at run time.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cue_firing import sample  # noqa: E402
from rasd.doc import Doc  # noqa: E402
from rasd.kb.heldout import held_out  # noqa: E402
from rasd.pipeline import default_pipeline, run_stage  # noqa: E402
from _shared import data_or_exit  # noqa: E402
from rasd.stages.events.reader import Reader  # noqa: E402


class Recording(Reader):
    """The events reader, noting each running total and the trigger words it sets aside."""

    def __init__(self, doc, res):
        super().__init__(doc, res)
        self.fires: list[tuple[int, int, int, list[str]]] = []   # (sentence start, end, cue token, words)

    def running_total(self, st):
        total = super().running_total(st)   # (its raise word, its إلى) or None
        if total is not None:
            self.fires.append((st.start, st.end, total[0], []))
        return total

    def outside_total(self, st, trigs, total_at):
        kept = super().outside_total(st, trigs, total_at)
        s, e, k, _ = self.fires[-1]
        self.fires[-1] = (s, e, k, [self.doc.text[self.toks[t.i].start:self.toks[t.j - 1].end]
                                    for t in trigs if t not in kept])
        return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600, help="articles per corpus (default 600)")
    ap.add_argument("--show", type=int, default=20, help="contexts drawn for reading by eye")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    pipe = default_pipeline()
    skip = held_out(data_or_exit())
    rows, counts = [], Counter()
    for corpus in ("news2", "news"):
        arts = sample(corpus, args.n, args.seed, skip=skip)   # held-out reports left out by the draw
        counts[f"{corpus} articles"] = len(arts)
        for a in arts:
            text = a.get("content") or ""
            if not text.strip():
                continue
            doc = Doc(text)
            rec = None
            for stage in pipe.stages:
                if stage.name == "events":
                    with stage.resources.scope():
                        rec = Recording(doc, stage.resources)
                        doc.events = rec.run() if doc.entities else []
                    doc.stages.append(stage.name)
                    continue
                doc = run_stage(stage, doc)
            if rec is None or not rec.fires:
                continue
            counts[f"{corpus} articles with a running total"] += 1
            made = {a: ev for ev in doc.events if ev.type == "CASUALTIES" for a, _ in ev.evidence}
            for s, e, k, aside in rec.fires:
                counts[f"{corpus} running totals"] += 1
                counts[f"{corpus} trigger words set aside"] += len(aside)
                ev = made.get(s)
                counts[f"{corpus} told in a CASUALTIES event (after coreference)"] += ev is not None
                cue = text[rec.toks[k].start:rec.toks[min(k + 1, len(rec.toks) - 1)].end]
                rows.append((corpus, text[s:e].replace("\n", " ")[:400], cue, ev.fatalities if ev else None, aside))
    for name, n in sorted(counts.items()):
        print(f"{name:<50} {n}")
    print()
    for corpus, sent, cue, fat, aside in random.Random(args.seed).sample(rows, min(args.show, len(rows))):
        print(f"[{corpus}] cue '{cue}' count {fat} set aside {aside}\n    {sent}\n")


if __name__ == "__main__":
    main()
