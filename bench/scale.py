"""All cores and a LocalCluster: `rasd ingest` with 1 and 2 workers, and `rasd batch` on a
2-worker LocalCluster, over the same first N SaudiNewsNet articles (8 JSONL shards).

    .venv/bin/python bench/scale.py [--limit 1000] [--workers 2]

Each run is a fresh `rasd` process (its children's CPU counted once they exit), into a new
database or dataset.  Prints wall seconds, CPU seconds (all processes), articles per wall-second,
the speed-up of N workers over one, and the Dask runner's phases (cluster start with resources
loaded on every worker, extraction, merge) and its `rasd store import`.  Wall figures need a quiet
machine (`uptime`'s load is printed with them); CPU figures less so.  Prints; never passes or fails.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

SHARDS = 8


def write_shards(news: Path, folder: Path, limit: int) -> list[str]:
    from rasd.batch.shards import write_jsonl
    from rasd.ingest.sources import read_source

    return write_jsonl(islice(read_source(str(news)), limit), folder, SHARDS)


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds (the command and every process below it) and its standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def probe(shards: list[str], db: str, workers: int) -> None:
    """One ingest in this process: the writer's CPU (this process) apart from the workers'."""
    from rasd.ingest.run import ingest
    from rasd.store import Store

    t0 = time.perf_counter()
    with Store(db) as store:
        s = ingest(shards, store, workers=workers)
    wall = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"read": s.read, "wall": wall, "writer_cpu": me.ru_utime + me.ru_stime,
                      "workers_cpu": kids.ru_utime + kids.ru_stime}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-dask", action="store_true", help="only the ingest runs")
    ap.add_argument("--probe", nargs=3, metavar=("SHARDS", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        probe(args.probe[0].split(","), args.probe[1], int(args.probe[2]))
        return
    from rasd.settings import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    rasd = [sys.executable, "-m", "rasd.cli.main"]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    with tempfile.TemporaryDirectory() as tmp:
        shards = write_shards(shared / "data" / "news", Path(tmp), args.limit)
        rows = {}
        for w in (1, args.workers):
            wall, cpu, out = timed(rasd + ["ingest", *shards, "--db", f"{tmp}/w{w}.db", "--workers", str(w), "--json"])
            rows[w] = (wall, cpu, json.loads(out))
        print(f"{'':26}{'wall s':>8}{'CPU s':>8}{'articles/s':>12}")
        for w, (wall, cpu, s) in rows.items():
            print(f"ingest, {w} worker{'s' if w > 1 else ' '}{'':10}{wall:8.1f}{cpu:8.1f}{s['read'] / wall:12.1f}")
        (w1, c1, _), (w2, c2, _) = rows[1], rows[args.workers]
        print(f"speed-up with {args.workers} workers: ×{w1 / w2:.2f} wall (CPU ×{c2 / c1:.2f} of one worker's)")
        out = subprocess.run([sys.executable, __file__, "--probe", ",".join(shards), f"{tmp}/probe.db",
                              str(args.workers)], capture_output=True, text=True, check=True).stdout
        p = json.loads(out)
        total = p["writer_cpu"] + p["workers_cpu"]      # the writer shares the cores with the workers
        # one worker runs in the calling process, so its wall is its CPU; N workers' wall is at least
        # their run's CPU over N cores and at least the writer's CPU: the speed-up N idle cores allow
        bound = c1 / max(p["writer_cpu"], c2 / args.workers)
        print(f"where the CPU goes with {args.workers} workers: writer (reading, SQLite, merge) {p['writer_cpu']:.1f} s, "
              f"workers (prepare, extract, MinHash) {p['workers_cpu']:.1f} s ({total:.1f} s); on {args.workers} idle "
              f"cores the speed-up is at most ×{bound:.2f} (one worker's CPU over the larger of the writer's CPU "
              f"and the {args.workers}-worker run's CPU per core)")
        if args.no_dask:
            return
        wall, cpu, out = timed(rasd + ["batch", *shards, "--out", f"{tmp}/ds", "--workers", str(args.workers),
                                       "--json"])
        s = json.loads(out)
        print(f"rasd batch, {args.workers}-worker LocalCluster: {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{s['read'] / wall:.1f} articles/s overall; cluster start + resources {s['cluster_seconds']:.1f} s, "
              f"extraction {s['extract_seconds']:.1f} s ({s['per_second']:.1f} articles/s), "
              f"merge {s['merge_seconds']:.1f} s; {s['events']} events, {s['merged_events']} merged")
        size = sum(p.stat().st_size for p in Path(f"{tmp}/ds").rglob("*.parquet"))
        print(f"dataset: {size / 1e6:.1f} MB of Parquet, {size / max(1, s['stored']) / 1e3:.1f} kB per stored article")
        wall, cpu, out = timed(rasd + ["store", "import", f"{tmp}/ds", "--db", f"{tmp}/import.db", "--json"])
        print(f"rasd store import: {wall:.1f} s wall, {cpu:.1f} s CPU: {out.strip()}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
