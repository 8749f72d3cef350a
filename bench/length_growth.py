"""Which functions grow faster than a report's length: cProfile one short and one long document.

    .venv/bin/python bench/length_growth.py [--small 100000] [--big 1600000] [--top 25]

Joins SaudiNewsNet articles (blank lines between them) into one document of ``--small`` and one of
``--big`` characters, runs the default pipeline once on each under cProfile (CPU time), and prints
the functions whose own time grows most beyond the length ratio: ``excess`` is the long run's time
minus the short run's times the length ratio, ``ratio`` the long over the short. A linear function
has a ratio near the length ratio; one far above it compares pairs, or scans the document once per
something that grows with it (issue 11: no part worse than O(n log n) in document length).
``bench/profile_stages.py --scaling`` gives the same by stage. Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from rasd.errors import RasdError
from rasd.pipeline import default_pipeline
from rasd.settings import shared_dir
from benchlib import articles  # noqa: E402 - bench/ is on sys.path when a script runs


def own_times(pipe, text: str) -> dict[str, float]:
    """Function (file:name) → its own CPU seconds over one run of the pipeline on ``text``."""
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    try:
        pipe.run(text)
    except RasdError:
        pass
    prof.disable()
    out: dict[str, float] = {}
    for (path, _line, name), row in pstats.Stats(prof).stats.items():
        key = f"{path.split('/')[-1]}:{name}"
        out[key] = out.get(key, 0.0) + row[2]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=100_000)
    ap.add_argument("--big", type=int, default=1_600_000)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    news = shared_dir()
    if news is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    pipe = default_pipeline()
    texts: list[str] = []
    for a in articles(news / "data" / "news"):
        texts.append(a.get("content") or "")
        if sum(map(len, texts)) >= args.big:
            break
    joined = "\n\n".join(texts)
    for t in texts[:20]:     # everything loaded lazily is loaded before the clock starts
        try:
            pipe.run(t)
        except RasdError:
            pass
    runs = {}
    for n in (args.small, args.big):
        text = joined[:n]
        text = text[:text.rfind("\n\n")] if "\n\n" in text else text
        t0 = time.process_time()
        runs[n] = (len(text), own_times(pipe, text), time.process_time() - t0)
    (ls, small, ts), (lb, big, tb) = runs[args.small], runs[args.big]
    r = lb / ls
    print(f"{ls:,} chars: {ts:.2f} CPU-s ({1e3 * ts / ls * 1e3:.2f} ms per 1,000 chars); {lb:,} chars: {tb:.2f} CPU-s "
          f"({1e3 * tb / lb * 1e3:.2f} ms per 1,000 chars); length ×{r:.1f}, time ×{tb / ts:.1f} (under cProfile)")
    rows = sorted(((v - small.get(k, 0.0) * r, v, small.get(k, 0.0), k) for k, v in big.items()), reverse=True)
    print(f"{'excess s':>9} {'long s':>8} {'short s':>8} {'ratio':>7}  function")
    for ex, v, a, k in rows[:args.top]:
        print(f"{ex:9.2f} {v:8.2f} {a:8.3f} {v / a if a else float('inf'):7.1f}  {k}")


if __name__ == "__main__":
    main()
