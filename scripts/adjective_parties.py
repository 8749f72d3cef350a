#!/usr/bin/env python3
"""Where the nationality-adjective parties of open_actors fire in the unlabelled news, and on what.

Runs rasd's stages up to ``open_actors`` over the first ``--limit`` articles of each corpus
(../shared/data/news and news2, read at run time by scripts/lexicon_fires.py's readers), counts
the ACTOR mentions made from a nationality adjective (``Mention.party_of``: "attack" after an
act of force, "facility" after a military facility) and prints a reproducible random sample of
their contexts to read (docs/lexicon-checks.md records the counts and the read precision)::

    .venv/bin/python scripts/adjective_parties.py --limit 3000 --sample 20
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit  # noqa: E402
from lexicon_fires import load  # noqa: E402

from rasd.doc import Doc  # noqa: E402
from rasd.pipeline import default_pipeline, run_stage  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--corpus", choices=["news", "news2"], action="append")
    ap.add_argument("--limit", type=int, default=2000, help="articles read from each corpus")
    ap.add_argument("--sample", type=int, default=20, help="contexts printed for each kind")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--width", type=int, default=45)
    a = ap.parse_args(argv)
    stages = []
    for st in default_pipeline().stages:
        stages.append(st)
        if st.name == "open_actors":
            break
    hits: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for corpus in a.corpus or ["news", "news2"]:
        for art in load(data_or_exit(a.data), [corpus], a.limit):
            doc = Doc(art.text)
            for st in stages:
                doc = run_stage(st, doc)
            for m in doc.mentions:
                if m.party_of:
                    left = doc.text[max(0, m.start - a.width):m.start].replace("\n", " ")
                    right = doc.text[m.end:m.end + a.width // 2].replace("\n", " ")
                    hits[(corpus, m.party_of)].append(f"{left}[{m.text}→{m.kb_id}]{right}")
    rng = random.Random(a.seed)
    for (corpus, kind), ctx in sorted(hits.items()):
        print(f"== {corpus} {kind}: {len(ctx)} mentions in the first {a.limit} articles")
        for line in rng.sample(ctx, min(a.sample, len(ctx))):
            print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
