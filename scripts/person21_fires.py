#!/usr/bin/env python3
"""How often the person rules of round 21 (branch person21) fire over the snapshot's sample of the
unlabelled news, and on what: a compound given name with a definite second word inside a longer
name, read on to the family name after it (rasd.stages.mentions.persons._compound_head in
_more_parts: فهد سليمان عبد المحسن القباع).

    .venv/bin/python scripts/person21_fires.py [--limit 1000] [--kwic 30] [--seed 8]

Prints the counts and a reproducible random sample of contexts to read (the name as finally kept,
in brackets).  Nothing is copied from ../shared: the text is read at run time.  Prints figures,
asserts nothing.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402

RULES = ("compound name read on to the family name",)


def main() -> None:
    args = options(__doc__.splitlines()[0])
    from rasd.stages.mentions import persons

    fired: dict[str, list[str]] = defaultdict(list)
    compound, more = persons._compound_head, persons._more_parts

    def counted_more(f, i, j):
        hit = []

        def seen(f2, k):
            yes = compound(f2, k)
            if yes:
                hit.append(k)
            return yes
        persons._compound_head = seen
        try:
            end = more(f, i, j)
        finally:
            persons._compound_head = compound
        if hit:
            fired[RULES[0]].append(kwic(f.doc.text, f.toks[i].start, f.toks[end - 1].end))
        return end

    persons._more_parts = counted_more
    n = run_sample(args.limit)
    report(n, fired, RULES, args.kwic, args.seed)


if __name__ == "__main__":
    main()
