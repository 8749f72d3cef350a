#!/usr/bin/env python3
"""How often each worthiness rule drops an event on the unlabelled news, with what cue, and on what.

Runs the pipeline up to the worthiness stage over a fixed random sample of ../shared/data/news2
(Al Mayadeen 2023-24) and/or ../shared/data/news (SaudiNewsNet 2015), then asks every rule of
:mod:`rasd.stages.worthiness.rules` about every event read (not only the first that fires, so a
rule's own reach is counted). Prints, per rule and cue, the number of events it drops and the
number of documents, and ``--show`` contexts of each (a fixed random draw, so a by-eye sample of 20
is ``--show 20 --rule NAME``). It also prints how many events a document keeps on average.

    .venv/bin/python scripts/worth_firing.py --n 600 --show 3
    .venv/bin/python scripts/worth_firing.py --n 600 --rule habitual --show 20

Prints figures, asserts nothing (issue 8, item 6: a cue is kept only with a stated precision).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cue_firing import context, read_sample  # noqa: E402

from rasd.kb.heldout import held_out  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from _shared import data_or_exit  # noqa: E402
from rasd.stages.clauses import clause_cuts  # noqa: E402
from rasd.stages.worthiness import site_of  # noqa: E402
from rasd.stages.worthiness.rules import RULES, demand, foretold, toll_negation  # noqa: E402

CUE = re.compile(r"'([^']*)'")


def rule_fires(doc, cues, rules, res) -> list[tuple[str, object]]:
    """(rule: cue, event) for every rule of ``rules`` that finds an event of ``doc`` no event: every
    rule is asked (not only the first that fires), so each rule's own reach is counted. ``res``: the
    resources the document's clause cuts are read with (rasd.stages.clauses), as the stage reads them
    (required: without cuts a Site would get no clause start)."""
    starts = [t.start for t in doc.tokens]
    cuts = clause_cuts(doc, res)
    out = []
    for ev in doc.events:
        site = site_of(doc, ev, starts, cues.clause_ends, None, cuts)
        if site is None:
            continue
        for rule in rules:
            why = rule(site, cues)
            if why:
                m = CUE.search(why)
                out.append((f"{rule.__name__}: {m.group(1) if m else why[:50]}", ev))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("news2", "news", "both"), default="both")
    ap.add_argument("--n", type=int, default=300, help="articles per corpus (default 300)")
    ap.add_argument("--show", type=int, default=3, help="contexts shown per rule and cue")
    ap.add_argument("--rule", default=None, help="only this rule (a function name of worthiness.rules)")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    res = default_resources()
    pipe = Pipeline.build(res)
    head = Pipeline(pipe.stages[:pipe.names.index("worthiness")])
    cues = res.worthiness_cues
    rules = [r for r in (*RULES, toll_negation, demand, foretold) if args.rule in (None, r.__name__)]
    fires: Counter = Counter()
    docs_of: dict[str, set] = defaultdict(set)
    seen: dict[str, list[str]] = defaultdict(list)
    n_docs = n_events = 0
    skip = held_out(data_or_exit())      # the held-out reports are never read for a rule
    corpora = ("news2", "news") if args.corpus == "both" else (args.corpus,)
    for corpus, a, doc in read_sample(head, corpora, args.n, args.seed, skip):   # held-out reports never drawn
        n_docs += 1
        n_events += len(doc.events)
        for key, ev in rule_fires(doc, cues, rules, res):
            fires[key] += 1
            docs_of[key].add((corpus, a.get("id") or a.get("url")))
            seen[key].append(f"[{corpus}] {ev.type} {ev.modality}: "
                             f"{context(doc.text, ev.trigger[0], ev.trigger[1], 70)}")
    print(f"worthiness rules over {n_docs} articles, {n_events} events read before the stage")
    by_rule: Counter = Counter()
    for key, n in fires.items():
        by_rule[key.split(":")[0]] += n
    for rule, n in by_rule.most_common():
        print(f"{n:5d}  {rule}")
    rng = random.Random(args.seed)
    for key, n in sorted(fires.items(), key=lambda kv: (kv[0].split(":")[0], -kv[1])):
        print(f"\n{n:5d} events, {len(docs_of[key])} docs  {key}")
        shown = seen[key] if len(seen[key]) <= args.show else rng.sample(seen[key], args.show)
        for c in shown:
            print("       " + c)


if __name__ == "__main__":
    main()
