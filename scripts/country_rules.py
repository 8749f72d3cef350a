#!/usr/bin/env python3
"""How often a country or capital named as an actor is read as a PLACE over the unlabelled news, by
rule, and on what (issue 8: a country is a place where something happens there, an actor where it acts).

    .venv/bin/python scripts/country_rules.py [--limit 1000] [--kwic 12] [--seed 8]

The sample is the snapshot's (scripts/snapshot.py: every 44th SaudiNewsNet article and every 27th
Al Mayadeen article, read and cleaned as `rasd ingest` does). Every PLACE mention that the
``place_context`` stage moved out of a state's actor entity carries a ``why`` naming its rule
(a dateline, a verb of happening, a territory word, a list of places after a preposition, the country
of the place before it); the script counts them per rule, counts the state mentions left as actors,
and prints a reproducible random sample of contexts to read. Nothing is copied from ../shared: the
text is read at run time. Prints figures, asserts nothing.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402

RULES = (("dateline", "a dateline"), ("happened", "happened"), ("territory", "the territory of the country"),
         ("list", "an item of a list of places"), ("apposed", "the country of the place before it"))


def rule_of(why: str) -> str:
    return next((name for name, marker in RULES if marker in why), "other")


def main() -> None:
    args = options(__doc__.splitlines()[0])

    from rasd.pipeline import default_pipeline

    fired: dict[str, list[str]] = defaultdict(list)

    pipe = default_pipeline()
    run = pipe.run
    res = pipe.stages[0].resources
    idx, gaz = res.mention_index, res.gazetteer

    def run_and_count(text, *a, **k):
        doc = run(text, *a, **k)
        for e in doc.entities:
            for m in e.mentions:
                if e.type == "PLACE" and m.why and " as a place: " in m.why:
                    fired[rule_of(m.why)].append(kwic(doc.text, m.start, m.end))
                elif e.type == "ACTOR" and e.kb_id:
                    h = idx.places.match_at(doc.tokens, m.tok[0])
                    if h is not None and h.j == m.tok[1] and any(gaz.get(p).kind in ("country", "city")
                                                                 for p in h.payloads):
                        fired["left as actor"].append(kwic(doc.text, m.start, m.end))
        return doc
    pipe.run = run_and_count

    n = run_sample(args.limit)
    report(n, fired, (*(r for r, _ in RULES), "other", "left as actor"), args.kwic, args.seed)


if __name__ == "__main__":
    main()
