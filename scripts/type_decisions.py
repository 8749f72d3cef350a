#!/usr/bin/env python3
"""How often each event-type decision fires on the unlabelled news, and on what (issue 8, items 1 and 6).

    python scripts/type_decisions.py --n 500 --match unarmed_victims --show 20
    python scripts/type_decisions.py --n 300 --type ARMED_CLASH --type ATTACK_ON_CIVILIANS

Runs the whole pipeline over a sample of Al Mayadeen 2023-24 (../shared/data/news2) and SaudiNewsNet
2015 (../shared/data/news) articles, the held-out reports left out (cue_firing.sample), and counts the
output events by type and by the kind of their ``why.type`` (the decision that typed them, its quoted
words blanked so one rule is one line: :func:`decision`). ``--match`` keeps the events whose why holds
one of the given words (a rule's knowledge list, e.g. ``unarmed_victims``); ``--show N`` prints N of
them drawn at random (fixed seed) with their sentence, for a by-eye check of how often the decision is
right. Reads ../shared at run time; prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cue_firing import context, read_sample  # noqa: E402

from rasd.arabic.normalize import fold_str  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

QUOTED = re.compile(r"'[^']*'")
LINE = re.compile(r":\d+\)")


def decision(why: str) -> str:
    """A type's why with its quoted words and its line numbers blanked: one line per rule."""
    return LINE.sub(")", QUOTED.sub("'…'", why or "no why"))


def fires(doc, types: set[str], match: list[str]) -> list[tuple[str, str, str, str]]:
    """(type, decision, context, folded trigger word) of each event of ``doc`` whose type is in ``types`` (all when empty)
    and whose why holds one of ``match`` (any when empty)."""
    out = []
    for ev in doc.events:
        why = (ev.extra.get("why") or {}).get("type", "")
        if (types and ev.type not in types) or (match and not any(m in why for m in match)):
            continue
        s, e = ev.trigger if ev.trigger else ev.evidence[0]
        word = fold_str(doc.text[s:e]) if ev.trigger else "(no trigger)"
        out.append((ev.type, decision(why), context(doc.text, s, e, 90), word))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("news2", "news", "both"), default="both")
    ap.add_argument("--n", type=int, default=300, help="articles per corpus (default 300)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--type", action="append", default=[], help="event types to count (default all)")
    ap.add_argument("--match", action="append", default=[], help="words the why must hold (default any)")
    ap.add_argument("--show", type=int, default=0, help="events shown, drawn at random")
    ap.add_argument("--words", type=int, default=30, help="trigger words listed, most frequent first")
    args = ap.parse_args()
    pipe = Pipeline.build(default_resources())
    corpora = ("news2", "news") if args.corpus == "both" else (args.corpus,)
    counts: Counter = Counter()
    per_doc: Counter = Counter()
    words: Counter = Counter()
    rows = []
    docs = 0
    for corpus, _a, doc in read_sample(pipe, corpora, args.n, args.seed):
        docs += 1
        found = fires(doc, set(args.type), args.match)
        for typ, rule, ctx, word in found:
            counts[(corpus, typ, rule)] += 1
            words[(typ, word)] += 1
            rows.append((corpus, typ, ctx))
        for key in {(corpus, typ, rule) for typ, rule, _, _ in found}:
            per_doc[key] += 1
    print(f"{docs} articles, {sum(counts.values())} events")
    for (corpus, typ, rule), n in counts.most_common():
        print(f"{n:5d} events {per_doc[(corpus, typ, rule)]:4d} docs  {corpus:6s} {typ:20s} {rule[:150]}")
    print("\nby trigger word (both corpora): " + ", ".join(f"{typ} {w} {n}" for (typ, w), n in words.most_common(args.words)))
    for corpus, typ, ctx in random.Random(args.seed).sample(rows, min(args.show, len(rows))):
        print(f"\n[{corpus} {typ}] {ctx}")


if __name__ == "__main__":
    main()
