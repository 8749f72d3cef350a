"""`/events` latency under concurrent clients, and the page's time to first map; prints figures.

    .venv/bin/python bench/api_events.py --db STORE.db [--clients 20] [--requests 10]
        [--path '/events?limit=100'] [--app rasd.api.app] [--workers N] [--page]

Starts `rasd serve`'s app under uvicorn in a child process (so the clients do not share its
interpreter), then ``--clients`` concurrent clients each send ``--requests`` GETs of ``--path``;
prints p50/p90/p99/max latency and requests/s.  ``--app MODULE`` serves another module's
``create_app`` (e.g. an older copy, for a before/after figure).  ``--page`` also opens the page in
Debian's chromium (Playwright) and prints the time until the first markers are on the map.
Never passes or fails.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

SERVER = """
import importlib, os, sys, uvicorn
if int(sys.argv[4]) > 1:
    os.environ["RASD_SERVE_DB"] = sys.argv[2]
    uvicorn.run("rasd.api.app:app_from_env", factory=True, workers=int(sys.argv[4]), host="127.0.0.1",
                port=int(sys.argv[3]), log_level="warning")
else:
    app = importlib.import_module(sys.argv[1]).create_app(sys.argv[2])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app_module: str, db: Path, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, app_module, str(db), str(port), str(workers)])
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


async def clients(base: str, path: str, n_clients: int, n_requests: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=n_clients)

    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as http:
        async def one_client() -> None:
            for _ in range(n_requests):
                t0 = time.perf_counter()
                r = await http.get(path)
                r.raise_for_status()
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(n_clients)))
        return latencies, time.perf_counter() - t0


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def first_map(base: str) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium"), args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        page.goto(base)
        page.wait_for_selector(".event-marker, .marker-cluster", timeout=120_000)
        markers = time.perf_counter() - t0
        page.wait_for_selector("body[data-borders]", timeout=120_000)
        borders = time.perf_counter() - t0
        browser.close()
    return markers, borders


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=10, help="requests per client")
    ap.add_argument("--path", default="/events?limit=100")
    ap.add_argument("--app", default="rasd.api.app", help="module whose create_app(db) is served")
    ap.add_argument("--page", action="store_true", help="also time the page's first map in chromium")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (rasd serve --workers)")
    args = ap.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(args.app, args.db, port, args.workers)
    try:
        stats = httpx.get(base + "/stats", timeout=60).json()
        t0 = time.perf_counter()
        httpx.get(base + args.path, timeout=600).raise_for_status()
        single = time.perf_counter() - t0
        latencies, wall = asyncio.run(clients(base, args.path, args.clients, args.requests))
        print(f"store: {stats.get('reports')} reports, {stats.get('merged_events')} events ({args.db})")
        print(f"app: {args.app}, {args.workers} worker(s); GET {args.path}: one client alone {single * 1000:.0f} ms")
        print(f"{args.clients} concurrent clients x {args.requests} requests: "
              f"p50 {pct(latencies, .5) * 1000:.0f} ms, p90 {pct(latencies, .9) * 1000:.0f} ms, "
              f"p99 {pct(latencies, .99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms, "
              f"mean {statistics.mean(latencies) * 1000:.0f} ms; {len(latencies) / wall:.1f} requests/s")
        if args.page:
            markers, borders = first_map(base + "/")
            print(f"page: first markers on the map after {markers * 1000:.0f} ms, borders after {borders * 1000:.0f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
