"""Instructions per article: a driver for valgrind, whose counts a shared, busy machine does not disturb.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 \\
        .venv/bin/python bench/instructions.py 0
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.120 \\
        .venv/bin/python bench/instructions.py 120
    .venv/bin/python bench/instructions.py --per-article /tmp/cg.0 /tmp/cg.120

Loads the default pipeline and reads the first ``--read`` (default 120, at least N) SaudiNewsNet
articles (archive order, benchlib.articles) into memory, then extracts the first N of them once,
and exits. Reading (unzipping and decoding a whole archive member) happens for every N, so it
cancels out of the difference below instead of being charged to the articles. Run under valgrind for N=0 (loading only) and N=120, the
instructions per article are (I(120) − I(0)) / 120: ``--per-article A B`` reads the two callgrind
files' totals (their ``summary:``/``totals:`` line) and prints that figure, taking N from the
second file's name suffix unless ``--n`` says it. Callgrind counts instructions, not time, so the
figure is the same whoever else uses the cores; wall and CPU seconds (profile_stages.py,
side_by_side.py) are not. PYTHONHASHSEED=0 keeps set and dict orders, and so the work, fixed.
After loading, the garbage collector is set up as an ingest or Dask worker sets it
(:func:`rasd.runtime.prepare_for_batch`: the loaded objects frozen, a young-generation threshold of
20,000), so the figure is a worker's. That also builds every lazily built part of the resources
before the first article (rasd.runtime.load_all), so I(0) holds all the loading and the per-article
figure is the steady state (about 68 M instructions at speed12). ``--no-gc-tuning`` leaves Python's
settings and the lazy parts to the first articles, which then carry about 5.5 G instructions of
loading (about 45 M of each article's figure at N=120): the figures before branch speed12 (112.6 M at
e3e0d2c) were taken so. Prints figures; never passes or fails.

On a busy machine the loading under full instrumentation takes most of the time (about 10 G
instructions); ``--toggle`` (with valgrind's ``--instr-atstart=no``) turns the instrumentation on
only around the articles (``callgrind_control -i on`` / ``-i off`` on this process), so the loading
runs several times faster and the file's total is the articles' alone, plus the two control calls
(a constant: measure it with N=0 and subtract, or compare two such runs, whose difference is exact):

    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg.t40 \\
        .venv/bin/python bench/instructions.py 40 --toggle
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
from itertools import islice
from pathlib import Path


def total(path: Path) -> int:
    """The instruction total of one callgrind output file: the largest of its ``summary:`` and
    ``totals:`` lines (with ``--toggle`` the summary, taken while instrumentation was off, is 0)."""
    found = [int(m.group(1)) for line in path.read_text(errors="replace").splitlines()
             if (m := re.match(r"(?:summary|totals):\s+(\d+)", line))]
    if not found:
        raise SystemExit(f"no totals line in {path}")
    return max(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=0, help="articles to extract after loading")
    ap.add_argument("--per-article", nargs=2, type=Path, metavar=("CG0", "CGN"),
                    help="two callgrind files (N=0 and N): print (I(N) - I(0)) / N")
    ap.add_argument("--n", type=int, default=0, help="N of --per-article (default: the CGN name's last number)")
    ap.add_argument("--read", type=int, default=120, help="articles read into memory before extracting (at least N)")
    ap.add_argument("--toggle", action="store_true",
                    help="instrument only the articles (valgrind --instr-atstart=no; callgrind_control -i on/off)")
    ap.add_argument("--no-gc-tuning", action="store_true",
                    help="leave the garbage collector as Python sets it (no rasd.runtime.prepare_for_batch)")
    a = ap.parse_args()
    if a.per_article:
        lo, hi = (total(p) for p in a.per_article)
        n = a.n or int(re.findall(r"\d+", a.per_article[1].name)[-1])
        print(f"I(0) {lo / 1e6:,.1f} M; I({n}) {hi / 1e6:,.1f} M; per article {(hi - lo) / n / 1e6:.1f} M")
        return
    from rasd.doc import Doc
    from rasd.errors import RasdError
    from rasd.pipeline import default_pipeline, run_stage
    from rasd.settings import shared_dir
    from benchlib import articles  # noqa: E402 - bench/ is on sys.path when a script runs

    pipe = default_pipeline()
    batch = list(islice(articles(shared_dir() / "data" / "news"), max(a.n, a.read)))
    if not a.no_gc_tuning:
        from rasd.runtime import prepare_for_batch
        prepare_for_batch(pipe.stages[0].resources)
    done = 0
    if a.toggle:
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    for art in batch[:a.n]:
        doc = Doc(art.get("content") or "", outlet=art.get("source"), url=art.get("url"), title=art.get("title"),
                  published=(art.get("date_extracted") or "")[:10] or None)
        try:
            for st in pipe.stages:
                doc = run_stage(st, doc)
        except RasdError:
            pass
        done += 1
    if a.toggle:
        subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)
    print(f"articles {done}")


if __name__ == "__main__":
    main()
