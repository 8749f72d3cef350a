"""Where one core's time goes: CPU time per article and each stage's share, over news articles.

    .venv/bin/python bench/profile_stages.py [--limit 300] [--skip 0] [--top 0] [--memory N]

One process, one core. Loads the default pipeline, warms it on 20 articles, then runs the first
``--limit`` SaudiNewsNet articles (after ``--skip``) once, timing each stage with
``time.process_time`` (CPU time, so a shared and noisy machine disturbs the figures less than
wall time would). Prints CPU ms per article, each stage's share, garbage-collection share
(``gc.callbacks``), the resident memory after loading and after the run, and with ``--top N``
cProfile's top N functions by internal time for one more pass. ``--scaling 10000,1000000``
joins articles into one document of each length and prints each stage's CPU per 1,000 characters
(growth with the length means worse than linear). Unless ``--no-gc-tuning``, the collector is set up as
a batch worker sets it (:func:`rasd.runtime.prepare_for_batch`). ``--memory N`` instead runs N
articles (cycling the archive) and prints resident memory every N/10 articles, with where the heap
is (benchlib.heap_mb): the per-worker memory bound of issue 11. Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import time
from collections import defaultdict
from itertools import islice
from pathlib import Path
from typing import Iterator

from rasd.doc import Doc
from rasd.errors import RasdError
from rasd.pipeline import Pipeline, default_pipeline, run_stage
from rasd.settings import shared_dir
from benchlib import articles, articles_forever, heap_line  # noqa: E402 - bench/ is on sys.path when a script runs

WARM_UP = 20



def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MB."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import resource

    return pages * resource.getpagesize() / 2**20


def run_timed(pipe: Pipeline, batch: list[dict], per_stage: dict[str, float]) -> int:
    """Run every article stage by stage, adding each stage's CPU seconds to ``per_stage``."""
    refused = 0
    clock = time.process_time
    for a in batch:
        doc = Doc(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"),
                  published=(a.get("date_extracted") or "")[:10] or None)
        try:
            for st in pipe.stages:
                t0 = clock()
                doc = run_stage(st, doc)
                per_stage[st.name] += clock() - t0
        except RasdError:
            refused += 1
    return refused


class GcTimer:
    """CPU seconds spent in the garbage collector, from gc.callbacks."""

    def __init__(self):
        self.total = 0.0
        self._t0 = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t0 = time.process_time()
        else:
            self.total += time.process_time() - self._t0


def memory_run(pipe: Pipeline, source: Iterator[dict], n: int) -> None:
    step = max(1, n // 10)
    print(f"rss after loading  {rss_mb():.0f} MB   heap: {heap_line()}")
    for k, a in enumerate(islice(source, n), 1):
        try:
            pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"))
        except RasdError:
            pass
        if k % step == 0:
            print(f"rss after {k:>7,}  {rss_mb():.0f} MB   heap: {heap_line()}", flush=True)


def scaling_run(pipe: Pipeline, source: Iterator[dict], lengths: list[int]) -> None:
    """One long document per length (articles joined by blank lines); a stage whose cost per
    1,000 characters grows with the length is worse than linear in it."""
    texts = []
    for a in source:
        texts.append(a.get("content") or "")
        if sum(map(len, texts)) >= max(lengths):
            break
    joined = "\n\n".join(texts)
    print(f"{'chars':>9}  " + "  ".join(f"{st.name:>9}" for st in pipe.stages) + "   (CPU ms per 1,000 chars)")
    for n in lengths:
        text = joined[:n]
        cut = text.rfind("\n\n")
        text = text[:cut] if cut > 0 else text
        per_stage: dict[str, float] = defaultdict(float)
        run_timed(pipe, [{"content": text}], per_stage)
        print(f"{len(text):>9,}  " + "  ".join(f"{1e6 * per_stage[st.name] / len(text):9.3f}" for st in pipe.stages))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300, help="articles timed (default 300)")
    ap.add_argument("--skip", type=int, default=0, help="articles skipped first")
    ap.add_argument("--top", type=int, default=0, help="print cProfile's top N functions by internal time")
    ap.add_argument("--memory", type=int, default=0, help="run N articles and print resident memory")
    ap.add_argument("--scaling", type=str, default="",
                    help="comma-separated document lengths in characters (e.g. 10000,100000,1000000): "
                         "articles joined into one document of each length, CPU per 1,000 chars per stage")
    ap.add_argument("--no-gc-tuning", action="store_true",
                    help="leave the garbage collector as Python sets it (no rasd.runtime.prepare_for_batch)")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    news = shared / "data" / "news"
    pipe = default_pipeline()
    t0 = time.process_time()
    warm = list(islice(articles(news), WARM_UP))
    run_timed(pipe, warm, defaultdict(float))
    if not args.no_gc_tuning:
        try:
            from rasd.runtime import prepare_for_batch
        except ImportError:  # an older checkout (before/after comparisons)
            prepare_for_batch = None
        if prepare_for_batch:
            prepare_for_batch(pipe.stages[0].resources)
    load_cpu = time.process_time() - t0
    if args.memory:
        memory_run(pipe, articles_forever(news), args.memory)
        return
    if args.scaling:
        scaling_run(pipe, articles(news), [int(x) for x in args.scaling.split(",")])
        return
    batch = list(islice(articles(news), args.skip, args.skip + args.limit))
    rss0 = rss_mb()
    per_stage: dict[str, float] = defaultdict(float)
    gct = GcTimer()
    gc.callbacks.append(gct)
    t0 = time.process_time()
    refused = run_timed(pipe, batch, per_stage)
    cpu = time.process_time() - t0
    gc.callbacks.remove(gct)
    n = len(batch)
    print(f"articles          {n:,} ({refused} refused)")
    print(f"load+warm-up CPU  {load_cpu:.2f} s")
    print(f"CPU total         {cpu:.2f} s")
    print(f"CPU per article   {1000 * cpu / max(1, n):.2f} ms  ({n / cpu:.1f} articles per CPU-second)")
    staged = sum(per_stage.values())
    for name, s in sorted(per_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {1000 * s / max(1, n):7.2f} ms  {100 * s / cpu:5.1f}%")
    print(f"  {'(between)':<10} {1000 * (cpu - staged) / max(1, n):7.2f} ms  {100 * (cpu - staged) / cpu:5.1f}%")
    print(f"gc (inside above) {100 * gct.total / cpu:5.1f}%")
    print(f"rss before / after {rss0:.0f} / {rss_mb():.0f} MB")
    if args.top:
        prof = cProfile.Profile()
        prof.runcall(run_timed, pipe, batch, defaultdict(float))
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
