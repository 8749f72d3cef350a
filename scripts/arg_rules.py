#!/usr/bin/env python3
"""How often each clause-level argument rule of issue 8 (branch args6) fires over the unlabelled news, and on what.

    .venv/bin/python scripts/arg_rules.py [--limit 1000] [--kwic 12] [--seed 8] [--more 0]

The sample is the snapshot's (scripts/snapshot.py: every 44th SaudiNewsNet article and every 27th
Al Mayadeen article, read and cleaned as `rasd ingest` does); ``--more N`` adds N Al Mayadeen
articles the snapshot does not read (every 11th from the 6th on), where conflict reports are dense
enough to read 30-40 fires of a rare rule. Reports the annotation draws chose (train and
held-out test) are left out. Each rule is watched by wrapping the
method of the events reader that decides it, so the counts are what the pipeline does:

- ``quoted_item``: two places of a list joined by و where the second name is in quote marks
  (مواقع العاصي و"بركة ريشا"): the marks no longer hide the conjunction, the second place is a new
  event place;
- ``conjunct_noun``: a place after و + a settlement, site or edge noun (وقريتي X، وأطراف X، ومحيط بلدة X:
  triggers.yaml place_conjuncts) starts a new event place rather than qualifying the one before;

It prints each rule's count and a reproducible random sample of contexts to read (the two places,
the first in [brackets], the second in {braces}). Nothing is copied from ../shared: the text is
read at run time.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import report  # noqa: E402

RULES = ("quoted_item", "conjunct_noun")


def pair_ctx(text: str, a, b, w: int = 45) -> str:
    """The two mentions in context: the first in [brackets], the second in {braces}."""
    return (text[max(0, a.start - w):a.start] + "[" + text[a.start:a.end] + "]" + text[a.end:b.start] + "{"
            + text[b.start:b.end] + "}" + text[b.end:b.end + w]).replace("\n", " ")


def options():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="articles of the snapshot sample to read")
    ap.add_argument("--more", type=int, default=0, help="Al Mayadeen articles outside the snapshot sample to read")
    ap.add_argument("--kwic", type=int, default=12, help="contexts to print per rule")
    ap.add_argument("--seed", type=int, default=8)
    return ap.parse_args()


def annotated_titles(shared: Path) -> set[str]:
    """Titles of every report the annotation draws may have chosen (annotations/select.py, both sets,
    train and held-out test alike, the first 80 of each draw): their contexts are never printed here."""
    import importlib.util   # annotations/select.py shares its name with the standard select module

    spec = importlib.util.spec_from_file_location("annotation_draws", ROOT / "annotations" / "select.py")
    draws = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draws)

    out: set[str] = set()
    for source in (draws.mayadeen_articles, draws.saudi_articles):
        out |= {row[4] for row in draws.draw(source(shared / "data"), 80, 8, 300, 2500)}
    return out


def run_articles(limit: int, more: int) -> int:
    """Extract the snapshot sample's first ``limit`` reports and ``more`` Al Mayadeen articles it does
    not hold (every 11th from the 6th), leaving out annotated reports; the number read."""
    from snapshot import _news2, sample

    from rasd import extract
    from rasd.ingest.run import Worker
    from rasd.settings import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    skip = annotated_titles(shared)
    worker = Worker(extract, frozenset())
    k = 0
    extra = islice(_news2(shared / "data" / "news2"), 5, 5 + 11 * more, 11) if more else ()
    for raw in [*sample(shared, limit), *extra]:
        if (getattr(raw, "title", None) or "").strip() in skip:
            continue
        worker(raw)
        k += 1
    return k


def main() -> None:
    args = options()

    from rasd.arabic.normalize import fold_str
    from rasd.stages.events.places import GAP_MARKS, Places

    fired: dict[str, list[str]] = defaultdict(list)
    coordinated = Places._coordinated
    conjunct = Places.conjunct_noun
    seen: dict[str, object] = {}

    def watched_coordinated(self, prev, m):
        seen["pair"] = (prev, m)
        out = coordinated(self, prev, m)
        gap = self.doc.text[prev.end:m.start]
        raw = [w for w in fold_str(gap).split() if w.strip(GAP_MARKS)]
        if out and raw and any(c in gap for c in "\"'«»“”") and not raw[-1] == "و" and not conjunct(self, raw[-1].strip(GAP_MARKS)):
            fired["quoted_item"].append(pair_ctx(self.doc.text, prev, m))
        return out

    def watched_conjunct(self, w):
        out = conjunct(self, w)
        if out and "pair" in seen:
            fired["conjunct_noun"].append(pair_ctx(self.doc.text, *seen["pair"]))
        return out

    Places._coordinated = watched_coordinated
    Places.conjunct_noun = watched_conjunct
    n = run_articles(args.limit, args.more)
    # a trigger's places are read once per event it makes: a pair is counted once
    report(n, {k: list(dict.fromkeys(v)) for k, v in fired.items()}, RULES, args.kwic, args.seed)


if __name__ == "__main__":
    main()
