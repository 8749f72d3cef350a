"""What grows in one worker's memory: the caches' sizes and tracemalloc's allocation sites, diffed
between two points of a long run.

    .venv/bin/python bench/memory_growth.py [--at 2000,6000] [--top 25] [--frames 2] [--no-trace]
                                            [--trace-from N] [--min-size BYTES] [--trim]

One process, the default pipeline, SaudiNewsNet articles in archive order (cycling the archive).
At each article count of ``--at`` it prints the resident memory, every bounded cache it can find
(``functools.lru_cache`` wrappers: filled / maximum; and dicts of more than 5,000 entries, with the
function or object that holds them where gc can tell), and, from the second point on, tracemalloc's
top ``--top`` allocation sites by growth since the first point.  A cache still filling, or a site
that keeps growing between later points, is what makes RSS climb.  ``--no-trace`` leaves tracemalloc
off (it makes the run 2-3 times slower) and prints only the caches and RSS.  Prints figures; never
passes or fails.
"""
from __future__ import annotations

import argparse
import functools
import gc
import tracemalloc
from itertools import islice

from rasd.errors import RasdError
from rasd.pipeline import default_pipeline
from rasd.settings import shared_dir
from benchlib import articles_forever, heap_line, rss_mb  # noqa: E402 - bench/ is on sys.path when a script runs

BIG_DICT = 5000


def _holder(obj) -> str:
    """Who refers to ``obj`` (a dict): an instance's attribute, a closure's cell, or a type name."""
    for ref in gc.get_referrers(obj):
        if isinstance(ref, dict):
            for ref2 in gc.get_referrers(ref):
                if getattr(ref2, "__dict__", None) is ref:
                    names = [k for k, v in ref.items() if v is obj]
                    return f"{type(ref2).__module__}.{type(ref2).__qualname__}.{names[0] if names else '?'}"
        if type(ref).__name__ == "cell":
            return "a closure cell"
        if isinstance(ref, tuple):
            return "a tuple (maybe (names, dict) state)"
    return "?"


def caches() -> list[tuple[str, int, int | None]]:
    """(name, entries, maximum) of every lru_cache wrapper and large dict alive."""
    out = []
    for o in gc.get_objects():
        if isinstance(o, functools._lru_cache_wrapper):
            info = o.cache_info()
            if info.currsize:
                f = getattr(o, "__wrapped__", o)
                name = f"{getattr(f, '__module__', '?')}.{getattr(f, '__qualname__', repr(f))}"
                out.append((name, info.currsize, info.maxsize))
        elif type(o) is dict and len(o) > BIG_DICT:
            out.append((f"dict held by {_holder(o)}", len(o), None))
    return sorted(out, key=lambda x: -x[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--at", default="2000,6000", help="article counts at which to report (comma-separated)")
    ap.add_argument("--top", type=int, default=25, help="allocation sites printed per point")
    ap.add_argument("--frames", type=int, default=2, help="tracemalloc frames per allocation")
    ap.add_argument("--no-trace", action="store_true", help="no tracemalloc: caches and RSS only")
    ap.add_argument("--trim", action="store_true",
                    help="at each point also print RSS after glibc's malloc_trim(0): what the C heap kept "
                         "of freed memory (RSS that trimming gives back is no live object)")
    ap.add_argument("--trace-from", type=int, default=0,
                    help="start tracemalloc only after this many articles (the first --at point should be "
                         "later; the run up to it goes at full speed)")
    ap.add_argument("--min-size", type=int, default=0,
                    help="list only allocations of at least this many bytes (512: the blocks pymalloc leaves to "
                         "malloc, such as big dict and set tables, long lists and strings, numpy arrays)")
    args = ap.parse_args()
    points = sorted(int(x) for x in args.at.split(","))
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    pipe = default_pipeline()
    try:
        pipe.run("")  # load everything
    except RasdError:
        pass
    print(f"rss after loading {rss_mb():.0f} MB")
    first = None
    source = articles_forever(shared / "data" / "news")
    done = 0
    if not args.no_trace:
        for a in islice(source, args.trace_from):
            try:
                pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"))
            except RasdError:
                pass
        done = args.trace_from
        print(f"rss after {done:,} articles (untraced) {rss_mb():.0f} MB")
        tracemalloc.start(args.frames)
    for point in points:
        for a in islice(source, point - done):
            try:
                pipe.run(a.get("content") or "", outlet=a.get("source"), url=a.get("url"), title=a.get("title"))
            except RasdError:
                pass
        done = point
        gc.collect()
        print(f"\n== after {point:,} articles: rss {rss_mb():.0f} MB   heap: {heap_line()}")
        if args.trim:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
            print(f"   after malloc_trim(0): rss {rss_mb():.0f} MB")
        for name, n, cap in caches():
            if n < 1000:
                continue
            print(f"  {n:>8,} / {cap if cap is not None else '-':>7}  {name}")
        ner = pipe.stages[0].resources.ner_tagger     # its dicts hold atoms only: gc does not list them
        print(f"  {len(ner.tagger._cache):>8,} / {65536:>7}  rasd.ner.tag.Tagger._cache (word vectors)")
        print(f"  {len(ner.gate._named[1]):>8,} / {65536:>7}  rasd.ner.gate.Gate answers (per name set)")
        if args.no_trace:
            continue
        snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        if args.min_size:   # the raw traces are (domain, size, frames, total frames): keep the big ones
            snap = tracemalloc.Snapshot([t for t in snap.traces._traces if t[1] >= args.min_size],
                                        snap.traceback_limit)
        traced = sum(s.size for s in snap.statistics("filename")) / 2**20
        print(f"  traced Python allocations {traced:.1f} MB")
        if first is not None:
            print(f"  top growth since {points[0]:,} articles:")
            for st in snap.compare_to(first, "traceback")[:args.top]:
                where = " <- ".join(f"{f.filename.split('/rasd/')[-1]}:{f.lineno}" for f in st.traceback)
                print(f"    {st.size_diff / 2**10:+9.0f} KiB {st.count_diff:+8,} blocks  {where}")
        else:
            first = snap


if __name__ == "__main__":
    main()
