#!/usr/bin/env python3
"""How often a state named only as the leader inside a coalition's phrase loses its actor entity over
the unlabelled news (round 21, country21: التحالف الذي تقوده السعودية names the coalition, not Saudi
Arabia as a party of its own; rasd.stages.phrases drop_lone_leaders).

    .venv/bin/python scripts/leader_rules.py [--limit 1000] [--kwic 25] [--seed 8]

The sample is the snapshot's (scripts/snapshot.py), read as `rasd ingest` does. Counts the phrases
widened over their leader whose leader's actor went ("dropped") and those whose leader stays an actor
because it has other mentions or an event or relation reads it ("kept"), and prints a reproducible
random sample of each to read. Nothing is copied from ../shared. Prints figures, asserts nothing.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402

DROPPED = "named only as its leader here"


def main() -> None:
    args = options(__doc__.splitlines()[0])

    from rasd.pipeline import default_pipeline

    fired: dict[str, list[str]] = defaultdict(list)
    pipe = default_pipeline()
    run = pipe.run

    def run_and_count(text, *a, **k):
        doc = run(text, *a, **k)
        for e in doc.entities:
            for m in e.mentions:
                why = m.why or ""
                if DROPPED in why:
                    fired["dropped"].append(kwic(doc.text, m.start, m.end))
                elif "who leads it" in why:
                    fired["kept"].append(kwic(doc.text, m.start, m.end))
        return doc
    pipe.run = run_and_count

    n = run_sample(args.limit)
    report(n, fired, ("dropped", "kept"), args.kwic, args.seed)


if __name__ == "__main__":
    main()
