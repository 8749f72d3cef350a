#!/usr/bin/env python3
"""How often round 21's two state-name rules (branch country21) fire over the unlabelled news: a state
named only as the leader inside a coalition's phrase loses its actor entity (التحالف الذي تقوده
السعودية names the coalition, not Saudi Arabia as a party of its own; rasd.stages.phrases
drop_lone_leaders), and a state's name written as its definite adjective after a definite noun is no
mention of the state (السفارة السعودية; rasd.stages.mentions.known.adjective_of_noun).

    .venv/bin/python scripts/country21_fires.py [--limit 1000] [--kwic 25] [--seed 8]

The sample is the snapshot's (scripts/snapshot.py), read as `rasd ingest` does. Counts the phrases
widened over their leader whose leader's actor went ("dropped") and those whose leader stays an actor
because it has other mentions or an event or relation reads it ("kept"), and prints a reproducible
random sample of each, and every adjective the mentions stage passed over ("adjective"), to read. Nothing is copied from ../shared. Prints figures, asserts nothing.
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

    import rasd.stages.mentions.known as known
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
    adjective = known.adjective_of_noun

    def adjective_and_count(f, h):
        said = adjective(f, h)
        if said:
            t = f.toks
            fired["adjective"].append(kwic(f.doc.text, t[h.i].start, t[h.i].end))
        return said
    known.adjective_of_noun = adjective_and_count

    n = run_sample(args.limit)
    report(n, fired, ("dropped", "kept", "adjective"), args.kwic, args.seed)


if __name__ == "__main__":
    main()
