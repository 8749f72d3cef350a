"""Throughput and memory of the whole `extract` pipeline over the news archive (../shared/data/news).

    .venv/bin/python bench/extract_news.py [--limit 2000] [--repeats 3] [--profile]

One process, one core.  After a warm-up pass over 50 articles (knowledge and gazetteer loaded),
the timed loop runs ``--repeats`` times over the first ``--limit`` articles; the figures are the
median.  Prints figures; never passes or fails.  --profile prints cProfile's top 25 functions by
cumulative time for one more pass.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import statistics
import time
from itertools import islice
from pathlib import Path

from rasd.errors import RasdError
from rasd.pipeline import Pipeline, default_pipeline
from rasd.settings import shared_dir
from benchlib import articles  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 50



def run_all(pipe: Pipeline, batch: list[dict]) -> tuple[int, int, int]:
    """Extract every article; returns entities, events and inputs the pipeline refused."""
    entities = events = refused = 0
    for a in batch:
        try:
            doc = pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"),
                           title=a.get("title"), published=(a.get("date_extracted") or "")[:10] or None)
        except RasdError:
            refused += 1
            continue
        entities += len(doc.entities)
        events += len(doc.events)
    return entities, events, refused


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=2000, help="articles in the timed loop (default 2000)")
    ap.add_argument("--repeats", type=int, default=3, help="timed passes; the median is reported")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top 25 by cumulative time")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    batch = list(islice(articles(shared / "data" / "news"), args.limit))
    chars = sum(len(a.get("content") or "") for a in batch)
    pipe = default_pipeline()
    run_all(pipe, batch[:WARM_UP])

    times = []
    for _ in range(max(1, args.repeats)):
        t0 = time.perf_counter()
        entities, events, refused = run_all(pipe, batch)
        times.append(time.perf_counter() - t0)
    seconds = statistics.median(times)
    n = len(batch)
    print(f"articles         {n:,} ({refused} refused by the pipeline)")
    print(f"total chars      {chars:,}")
    print(f"seconds          {seconds:.2f} (median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})")
    print(f"articles/s       {n / seconds:.1f}")
    print(f"chars/s          {chars / seconds:,.0f}")
    print(f"entities/article {entities / max(1, n):.2f}")
    print(f"events/article   {events / max(1, n):.2f}")
    print(f"peak memory      {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run_all, pipe, batch)
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())


if __name__ == "__main__":
    main()
