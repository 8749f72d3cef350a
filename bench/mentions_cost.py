"""The mentions stage alone: what profile_stages.py's "mentions" figure is made of.

    .venv/bin/python bench/mentions_cost.py [--limit 400] [--reps 3] [--top 0]

One process, one core, CPU time (time.process_time). The stages before mentions run once on the
first ``--limit`` SaudiNewsNet articles; the batch is set up as a worker sets it
(:func:`rasd.runtime.prepare_for_batch`) and the stage warmed on 20 of them. Then it prints,
per article:

- ``tokens``: folding and tokenizing (``doc.tokens``). The mentions stage is the first to ask for
  the tokens, so profile_stages.py counts this in "mentions" although every later stage uses them;
- ``first pass``: the stage over the other articles, the index's per-word cache still filling
  (what profile_stages.py's short runs see);
- ``warm``: the best of ``--reps`` further passes, every word cached (a long run's steady state).

``--top N`` prints cProfile's top N functions of one warm pass. Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time

from rasd.pipeline import default_pipeline, run_stage
from rasd.runtime import prepare_for_batch
from rasd.settings import shared_dir
from benchlib import docs_before  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 20


def per_article_ms(seconds: float, n: int) -> str:
    return f"{1000 * seconds / max(1, n):.3f} ms per article"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400, help="articles (default 400)")
    ap.add_argument("--reps", type=int, default=3, help="warm passes, the best is printed (default 3)")
    ap.add_argument("--top", type=int, default=0, help="print cProfile's top N functions of a warm pass")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    pipe = default_pipeline()
    stage = pipe.stage("mentions")
    docs = docs_before(pipe, "mentions", shared / "data" / "news", 0, args.limit + WARM_UP)
    prepare_for_batch(stage.resources)
    warm, docs = docs[:WARM_UP], docs[WARM_UP:]
    for d in warm:
        run_stage(stage, d)
    clock = time.process_time
    t0 = clock()
    for d in docs:
        d.tokens
    print(f"articles      {len(docs):,}")
    print(f"tokens        {per_article_ms(clock() - t0, len(docs))}")
    t0 = clock()
    for d in docs:
        run_stage(stage, d)
    print(f"first pass    {per_article_ms(clock() - t0, len(docs))}")
    best = float("inf")
    for _ in range(args.reps):
        t0 = clock()
        for d in docs:
            run_stage(stage, d)
        best = min(best, clock() - t0)
    print(f"warm          {per_article_ms(best, len(docs))}  (best of {args.reps})")
    if args.top:
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            run_stage(stage, d)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
