"""Ingest the news archive (../shared/data/news) and print the summary, articles/s and peak memory.

    .venv/bin/python bench/ingest_news.py --workers 2 [--limit N] [--db PATH]

Prints figures; never passes or fails.  --limit N ingests the first N articles only (for a quick
look), through the same code path (a JSONL file of them written to a temporary directory).
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
from itertools import islice
from pathlib import Path

from rasd.ingest.run import ingest
from rasd.ingest.sources import read_source
from rasd.settings import shared_dir
from rasd.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        raise SystemExit("no ../shared folder beside the checkout (set RASD_SHARED)")
    news = str(shared / "data" / "news")
    with tempfile.TemporaryDirectory() as tmp:
        source = news
        if args.limit:
            source = str(Path(tmp) / "subset.jsonl")
            with open(source, "w", encoding="utf-8") as fh:
                for raw in islice(read_source(news), args.limit):
                    fh.write(json.dumps({"text": raw.text, "html": raw.html, "title": raw.title, "url": raw.url,
                                         "outlet": raw.outlet, "published": raw.published},
                                        ensure_ascii=False) + "\n")
        with Store(args.db or Path(tmp) / "bench.db") as store:
            s = ingest([source], store, workers=args.workers)
            counts = store.counts()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps(s.to_json(), ensure_ascii=False))
    print(f"stored rows: {counts}")
    print(f"{s.per_second:.1f} articles/s with {args.workers} workers, {s.elapsed:.1f} s")
    print(f"peak memory: main {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest worker {children / 1024:.0f} MB")


if __name__ == "__main__":
    main()
