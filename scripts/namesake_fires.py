#!/usr/bin/env python3
"""How often a person mention is removed as the name of a thing named after a person (a square, a
mosque, a unit, a paper: rasd.stages.ner NerStage._namesakes, lexicon namesake_heads), over the
snapshot's sample of the unlabelled news, and on what.

    .venv/bin/python scripts/namesake_fires.py [--limit 1000] [--kwic 30] [--seed 8]

Prints the count (per 1,000 articles) and a reproducible random sample of contexts to read.
Nothing is copied from ../shared: the text is read at run time.  Prints figures, asserts nothing.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402

RULES = ("namesake: knowledge-base person", "namesake: person read by rasd")


def main() -> None:
    args = options(__doc__.splitlines()[0])
    from rasd.stages.ner import NerStage

    fired: dict[str, list[str]] = defaultdict(list)
    original = NerStage._namesakes

    def counted(self, doc, verdicts):
        before = list(doc.mentions)
        original(self, doc, verdicts)
        kept = {id(m) for m in doc.mentions}
        for m in before:
            if id(m) not in kept and m.type == "PERSON" and not m.surname_of:
                fired[RULES[0] if m.kb_id else RULES[1]].append(kwic(doc.text, m.start, m.end))

    NerStage._namesakes = counted
    n = run_sample(args.limit)
    report(n, fired, RULES, args.kwic, args.seed)


if __name__ == "__main__":
    main()
