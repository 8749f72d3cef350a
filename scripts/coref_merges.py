#!/usr/bin/env python3
"""What event coreference does on the unlabelled news: events per article before and after, and each merge.

Runs the pipeline up to the eventcoref stage over a fixed random sample of ../shared/data/news2
and/or ../shared/data/news (the held-out reports skipped, rasd/kb/heldout.py), then the stage
itself. Prints the events per article before coreference, after its merges, and after its drop of
unlocated violent tellings; the merges counted by reason (the rule named in ``why.merged``); and
``--show`` merges drawn at random, each with both tellings in context, for a by-eye reading
(issue 8, item 2: when two real events get merged, when a retelling stays separate).

    .venv/bin/python scripts/coref_merges.py --n 300 --show 20

Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import copy
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cue_firing import context, read_sample  # noqa: E402

from rasd.kb.heldout import held_out  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from _shared import data_or_exit  # noqa: E402
from rasd.stages.eventcoref import corefer_events, drop_unlocated, wholes_of  # noqa: E402

RULE = re.compile(r"\(eventcoref\.yaml:\d+\)|\d+")


def reason(why: str) -> str:
    """A merge's why without its numbers, so merges group by the rule that made them."""
    return RULE.sub("#", why)[:110]


def merged_whys(events) -> list[dict]:
    return [m for ev in events for m in (ev.extra.get("why") or {}).get("merged", [])]


def merges(doc, text_of, earlier: set[int], plain: set | None = None) -> list[tuple[str, str, str]]:
    """(reason, host context, guest context) of every telling coreference folded into another event
    (``earlier``: the ids of the merge records the events stage had written already; ``plain``,
    when given: the triggers merged without the part_of chains, left out)."""
    out = []
    for ev in doc.events:
        host = text_of(ev.trigger, ev.evidence)
        for m in (ev.extra.get("why") or {}).get("merged", []):
            if id(m) in earlier or plain is not None and tuple(m.get("trigger") or ()) in plain:
                continue
            guest = text_of(m.get("trigger"), [m.get("evidence")])
            out.append((reason(m.get("why", "")), f"{ev.type}: {host}", f"{m.get('type')}: {guest}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("news2", "news", "both"), default="both")
    ap.add_argument("--n", type=int, default=300, help="articles per corpus (default 300)")
    ap.add_argument("--show", type=int, default=10, help="merges shown, drawn at random")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--wholes", action="store_true",
                    help="list only the merges the part_of chains make (a party and its whole one side): "
                         "those coreference without the knowledge base would not make")
    args = ap.parse_args()
    res = default_resources()
    pipe = Pipeline.build(res)
    head = Pipeline(pipe.stages[:pipe.names.index("eventcoref")])
    rules = res.eventcoref_rules
    wholes = wholes_of(res.kb)
    skip = held_out(data_or_exit())
    n_docs = before = after = kept = 0
    by_reason: Counter = Counter()
    seen: list[tuple[str, str, str, str]] = []
    corpora = ("news2", "news") if args.corpus == "both" else (args.corpus,)
    for corpus, _, doc in read_sample(head, corpora, args.n, args.seed, skip):   # held-out reports never drawn
        n_docs += 1
        before += len(doc.events)
        earlier = {id(m) for m in merged_whys(doc.events)}
        plain: set = set()
        if args.wholes and len(doc.events) > 1:
            alone = copy.deepcopy(doc)
            plain = {tuple(m.get("trigger") or ()) for m in merged_whys(corefer_events(alone, rules))}
        if len(doc.events) > 1:
            doc.events = corefer_events(doc, rules, wholes)
        after += len(doc.events)
        kept += len(drop_unlocated(doc, rules)) if doc.events else 0

        def text_of(trig, evidence, d=doc):
            if trig:
                return context(d.text, trig[0], trig[1], 60)
            a_, b_ = (evidence or [[0, 0]])[0]
            return d.text[a_:b_][:140].replace("\n", " ")

        for r, h, g in merges(doc, text_of, earlier, plain if args.wholes else None):
            by_reason[r] += 1
            seen.append((corpus, r, h, g))
    print(f"eventcoref over {n_docs} articles: {before} events before ({before / max(n_docs, 1):.2f} per article), "
          f"{after} after merging ({after / max(n_docs, 1):.2f}), {kept} after dropping unlocated violent "
          f"tellings ({kept / max(n_docs, 1):.2f}); {before - after} merges")
    for r, n in by_reason.most_common():
        print(f"{n:5d}  {r}")
    rng = random.Random(args.seed)
    for corpus, r, h, g in rng.sample(seen, min(args.show, len(seen))):
        print(f"\n[{corpus}] {r}\n   host : {h}\n   guest: {g}")


if __name__ == "__main__":
    main()
