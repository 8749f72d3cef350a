"""The cost of the statistical NER stage: articles per CPU-second with and without it.

    .venv/bin/python bench/ner_cost.py [--limit 300] [--repeats 3]

One process.  The same articles of ../shared/data/news run through the default pipeline and
through it without the `ner` stage; CPU time (process_time, robust to other load on the machine),
median of ``--repeats`` passes.  Also prints how many sentences the gate sent to the CRF, the
tokens it tagged and the mentions it added.  Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

from rasd.pipeline import Pipeline, default_pipeline
from rasd.settings import shared_dir

sys.path.insert(0, str(Path(__file__).parent))
from extract_news import articles, run_all  # noqa: E402


def gate_figures(batch: list[dict]) -> tuple[int, int, int, int, dict]:
    """Sentences in all, sentences tagged, tokens tagged, mentions added, reasons: read from the
    stage's own trace (``doc.notes["ner"]``: each tagged sentence, why, and the windows read)."""
    pipe = default_pipeline()
    stage = next(s for s in pipe.stages if s.name == "ner")
    before = Pipeline([s for s in pipe.stages if s.name in ("clean", "sentences", "mentions")])
    sents = tagged = toks = added = 0
    reasons: dict[str, int] = {}
    for a in batch:
        doc = before.run(a.get("content") or "")
        n0 = len(doc.mentions)
        sents += len(doc.sentences)
        doc = stage(doc)
        added += len(doc.mentions) - n0
        for t in doc.notes.get("ner", []):
            tagged += 1
            reasons[t["why"]] = reasons.get(t["why"], 0) + 1
            for start, end in t["windows"]:
                toks += sum(1 for tok in doc.tokens if start <= tok.start and tok.end <= end)
    return sents, tagged, toks, added, reasons


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    batch = list(islice(articles(shared / "data" / "news"), args.limit))
    full = default_pipeline()
    without = Pipeline([s for s in full.stages if s.name != "ner"])
    run_all(full, batch[:30])
    run_all(without, batch[:30])
    figures = {}
    for name, pipe in (("without ner", without), ("with ner", full)):
        times = []
        for _ in range(max(1, args.repeats)):
            t0 = time.process_time()
            run_all(pipe, batch)
            times.append(time.process_time() - t0)
        figures[name] = statistics.median(times)
    n = len(batch)
    for name, sec in figures.items():
        print(f"{name:<14} {n / sec:7.1f} articles per CPU-second ({sec:.2f} s for {n} articles)")
    extra = figures["with ner"] - figures["without ner"]
    print(f"ner stage      {extra / n * 1000:.2f} ms per article ({extra / figures['without ner']:+.0%} of the rest)")
    sents, tagged, toks, added, reasons = gate_figures(batch)
    gated = sum(reasons.values())
    print(f"sentences      {sents:,}; sent to the CRF {gated:,} ({gated / max(1, sents):.0%}): "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(reasons.items())))
    print(f"tokens tagged  {toks:,} ({toks / n:.0f} per article, in {tagged:,} sentences)")
    print(f"mentions added {added:,} ({added / n:.2f} per article)")


if __name__ == "__main__":
    main()
