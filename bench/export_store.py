"""Build a store of many synthetic events, then time the merge-on-insert and every export.

    .venv/bin/python bench/export_store.py [--events 30000] [--per-report 10] [--db PATH]

Prints figures; never passes or fails.  The reports are synthetic rasd.document/1 objects (no
extraction): each has ``--per-report`` AIRSTRIKE/SHELLING/ARMED_CLASH events at places drawn from a
pool of 300 points in Syria, dated over two years, so some events of different reports merge
(same type, place and day) and most do not.  With --db pointing at an existing file the build is
skipped and only the exports are timed.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rasd.export import EXPORTERS
from rasd.ingest.records import Report
from rasd.store import Store
from rasd.store.dedupe import signature

TYPES = ("AIRSTRIKE", "SHELLING", "ARMED_CLASH")
WORDS = "قصف طائرات حربية مدينة بلدة ريف قوات فصائل معارك مقتل مدنيين إصابة جرحى أطفال نساء".split()


def synthetic_doc(i: int, per_report: int, rng: random.Random) -> dict:
    places = [{"id": f"P{k}", "type": "PLACE", "name_ar": f"مكان {p}", "name_en": f"Place {p}",
               "kb_id": f"bench:{p}", "mentions": [], "confidence": 0.9,
               "geo": {"lat": 32.5 + (p % 20) * 0.25, "lon": 36.0 + (p // 20) * 0.3, "precision": 1}}
              for k, p in enumerate(rng.sample(range(300), per_report))]
    actors = [{"id": "A1", "type": "ACTOR", "name_ar": "قوات النظام", "name_en": "Syrian regime forces",
               "kb_id": "actor:saa", "category": "state_force", "mentions": [], "confidence": 0.9},
              {"id": "A2", "type": "ACTOR", "name_ar": "تنظيم الدولة", "name_en": "Islamic State",
               "kb_id": "actor:isis", "category": "non_state_armed_group", "mentions": [], "confidence": 0.9}]
    text = f"تقرير {i}: " + " ".join(rng.choice(WORDS) for _ in range(120))
    day = (date(2015, 1, 1) + timedelta(days=rng.randrange(730))).isoformat()
    events = [{"id": f"V{k}", "type": rng.choice(TYPES), "trigger": None, "agents": ["A1"], "targets": ["A2"],
               "partners": [], "places": [f"P{k}"], "date": {"value": day, "end": None, "precision": "day", "text": None},
               "modality": "asserted", "attribution": None, "fatalities": rng.randrange(0, 30),
               "evidence": [[0, 40]], "confidence": 0.8} for k in range(per_report)]
    return {"schema": "rasd.document/1", "doc_id": f"bench-{i}", "text": text, "sentences": [[0, len(text)]],
            "source": {"outlet": rng.choice(["okaz", "alriyadh", "aawsat"]), "url": None, "published": day,
                       "title": None},
            "entities": actors + places, "events": events, "relations": []}


def build(path: Path, n_events: int, per_report: int) -> float:
    rng = random.Random(9)
    start = time.perf_counter()
    with Store(path) as store:
        reports = n_events // per_report
        for lo in range(0, reports, 200):
            with store.transaction():
                for i in range(lo, min(reports, lo + 200)):
                    doc = synthetic_doc(i, per_report, rng)
                    sha = hashlib.sha256(doc["text"].encode()).hexdigest()
                    store.add(Report(origin=doc["doc_id"], sha=sha, text=doc["text"], title=None, url=None,
                                     outlet=doc["source"]["outlet"], published=doc["source"]["published"]),
                              doc, signature(doc["text"]))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=30_000)
    ap.add_argument("--per-report", type=int, default=10)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.db"
    print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if not path.exists():
        seconds = build(path, args.events, args.per_report)
        print(f"build: {args.events:,} events in {args.events // args.per_report:,} reports stored in "
              f"{seconds:.1f} s ({args.events / seconds:,.0f} events/s, merge matching included)")
    with Store(path) as store:
        counts = store.counts()
        print(f"store: {counts['events']:,} events, {counts['merged_events']:,} merged events, "
              f"{counts['reports']:,} reports")
        for name, exporter in EXPORTERS.items():
            start, cpu = time.perf_counter(), time.process_time()
            sink = io.StringIO()
            n = exporter.write(store.records(), sink)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"export {name}: {n:,} written in {seconds:.2f} s wall, {cpu:.2f} s CPU "
                  f"({counts['merged_events'] / seconds:,.0f} merged events/s, {len(sink.getvalue()) / 1e6:.1f} MB)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
