"""What the rule-counting scripts share (country_rules.py, place_rules.py): their options, a
keyword-in-context line, a run of the pipeline over the snapshot's sample of the unlabelled news,
and the printed counts with a reproducible random sample of contexts per rule."""
from __future__ import annotations

import argparse
import random


def options(description: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--limit", type=int, default=1000, help="articles of the snapshot sample to read")
    ap.add_argument("--kwic", type=int, default=12, help="contexts to print per rule")
    ap.add_argument("--seed", type=int, default=8)
    return ap.parse_args()


def kwic(text: str, s: int, e: int, w: int = 45) -> str:
    return (text[max(0, s - w):s] + "[" + text[s:e] + "]" + text[e:e + w]).replace("\n", " ")


def run_sample(limit: int) -> int:
    """Extract the first ``limit`` articles of the snapshot's sample as `rasd ingest` does (through
    the default pipeline, which the caller may have wrapped to count); the number read."""
    from snapshot import sample

    from rasd import extract
    from rasd.ingest.run import Worker
    from _shared import shared_or_exit

    shared = shared_or_exit()
    worker = Worker(extract, frozenset())
    n = 0
    for raw in sample(shared, limit):
        worker(raw)
        n += 1
    return n


def report(n: int, fired: dict[str, list[str]], names, contexts: int, seed: int) -> None:
    rnd = random.Random(seed)
    print(f"{n} articles of the snapshot sample")
    for name in names:
        hits = fired.get(name, [])
        print(f"\n== {name}: {len(hits)}")
        for h in rnd.sample(hits, min(contexts, len(hits))):
            print("  ", h)
