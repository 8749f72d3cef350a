"""What two cores of this machine give two processes: the same extraction alone and two at once.

    .venv/bin/python bench/parallel_ceiling.py [--limit 600]

Runs rasd's pipeline over the first ``--limit`` SaudiNewsNet articles in one child process alone,
then in two child processes at once (each its own copy of the same work, nothing shared), and a
pure-Python loop that touches no memory beyond the interpreter's the same two ways. Prints each
run's wall and CPU seconds. When two copies at once each need more CPU than one alone, the two
cores share the host's resources (hyper-threads, caches, memory bandwidth) and no division of the
work into two processes can run faster than ``2 / (CPU at once / CPU alone)`` times one: the
ceiling `rasd ingest --workers 2` is measured against (bench/scale.py). Needs a quiet machine
(``uptime``'s load is printed). Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time


def extraction(limit: int, q) -> None:
    from benchlib import articles
    from rasd.errors import RasdError
    from rasd.pipeline import default_pipeline
    from rasd.settings import shared_dir

    pipe = default_pipeline()
    docs = []
    for a in articles(shared_dir() / "data" / "news"):
        docs.append(a.get("content") or "")
        if len(docs) >= limit + 20:
            break
    for t in docs[:20]:                       # loading stays off the clock
        try:
            pipe.run(t)
        except RasdError:
            pass
    t0, c0 = time.perf_counter(), time.process_time()
    for t in docs[20:]:
        try:
            pipe.run(t)
        except RasdError:
            pass
    q.put((time.perf_counter() - t0, time.process_time() - c0))


def spin(limit: int, q) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    x = 0
    for i in range(limit * 60_000):
        x = (x + i * 7) % 1_000_003
    q.put((time.perf_counter() - t0, time.process_time() - c0))


def run(job, limit: int, copies: int) -> list[tuple[float, float]]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    ps = [ctx.Process(target=job, args=(limit, q)) for _ in range(copies)]
    for p in ps:
        p.start()
    out = [q.get() for _ in ps]
    for p in ps:
        p.join()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=600)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    for name, job in (("pure-Python loop", spin), ("rasd extraction", extraction)):
        alone = run(job, args.limit, 1)[0]
        both = run(job, args.limit, 2)
        cpu = sum(c for _, c in both) / 2
        print(f"{name}: alone {alone[0]:.1f} s wall / {alone[1]:.1f} s CPU; two at once "
              + ", ".join(f"{w:.1f} s wall / {c:.1f} s CPU" for w, c in both)
              + f"; CPU per copy ×{cpu / alone[1]:.2f}, so two processes reach at most ×{2 * alone[1] / cpu:.2f}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
