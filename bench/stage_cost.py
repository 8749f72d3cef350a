"""CPU time per pipeline stage over the first news articles (../shared/data/news), one process.

    .venv/bin/python bench/stage_cost.py [--limit 500]

After a warm-up over 20 articles (knowledge and gazetteer loaded), runs every stage of the default
pipeline on each article and prints each stage's total CPU seconds and share, so the cost of a new
stage (worthiness, eventcoref) is seen beside the others. Prints figures; never passes or fails.
"""
from __future__ import annotations

import argparse
import json
import time
import zipfile
from collections import Counter
from itertools import islice

from rasd.doc import Doc
from rasd.pipeline import default_pipeline, run_stage
from rasd.settings import shared_dir


def articles():
    for path in sorted((shared_dir() / "data" / "news").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name).decode("utf-8")):
                    text = f"{art.get('title') or ''}\n\n{art.get('content') or ''}".strip()
                    if text:
                        yield text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    pipe = default_pipeline()
    for text in islice(articles(), 20):
        pipe.run(text)
    cost: Counter = Counter()
    n = events = 0
    for text in islice(articles(), 20, 20 + args.limit):
        doc = Doc(text)
        for st in pipe.stages:
            t0 = time.process_time()
            doc = run_stage(st, doc)
            cost[st.name] += time.process_time() - t0
        n += 1
        events += len(doc.events)
    total = sum(cost.values())
    print(f"{n} articles, {events} events, {total:.2f} CPU s ({n / total:.0f} articles/s)")
    for st in pipe.stages:
        print(f"  {st.name:12s} {cost[st.name]:7.3f} s  {100 * cost[st.name] / total:5.1f}%")


if __name__ == "__main__":
    main()
