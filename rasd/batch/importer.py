"""``rasd store import DATASET``: a batch dataset into the SQLite store.

Reports, their sources and the quarantine go through :class:`rasd.store.Store`'s own API in
arrival order (``seq``), so the store ends as ``rasd ingest`` over the same inputs would leave
it: the same reports, sources, near-duplicates and merged events (the store's merge runs on each
event as it is added, and gives the groups of the dataset's distributed merge step; the
equivalence test checks both).  Re-importing adds nothing.  The whole dataset is read into
memory: SQLite is for what fits one machine; beyond that, query the Parquet (DuckDB, pyarrow).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rasd.batch import dataset
from rasd.ingest.records import Rejected, Report
from rasd.store import Store

BATCH = 500


@dataclass
class ImportSummary:
    reports: int = 0
    new: int = 0
    sources: int = 0
    quarantined: int = 0
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def to_json(self) -> dict:
        return {"reports": self.reports, "new_reports": self.new, "extra_sources": self.sources,
                "quarantined": self.quarantined, "seconds": round(self.elapsed, 2)}


def _report(row: dict, text: str = "") -> Report:
    return Report(origin=row["origin"], sha=row["sha"], text=text, title=row["title"], url=row["url"],
                  outlet=row["outlet"], published=row["published"])


def import_dataset(root: str | Path, store: Store,
                   progress: Callable[[ImportSummary, int], None] | None = None) -> ImportSummary:
    root = Path(root)
    dataset.check(root)
    summary = ImportSummary()
    dup = set(zip(*[dataset.read(root, "duplicates", [c]).column(c).to_pylist() for c in ("sha", "seq")]))
    items: list[tuple[int, int, str, dict]] = []
    kept: set[tuple[str, int]] = set()
    for row in dataset.read(root, "documents").to_pylist():
        if (row["sha"], row["seq"]) not in dup:
            kept.add((row["sha"], row["seq"]))
            items.append((row["seq"], 0, "doc", row))
    for row in dataset.read(root, "sources").to_pylist():
        if (row["sha"], row["seq"]) not in kept:   # the kept copy's own source comes with its report
            items.append((row["seq"], 1, "source", row))
    for row in dataset.read(root, "quarantine").to_pylist():
        items.append((row["seq"], 2, "rejected", row))
    items.sort(key=lambda x: (x[0], x[1]))
    for start in range(0, len(items), BATCH):
        with store.transaction():
            for _, _, kind, row in items[start:start + BATCH]:
                if kind == "doc":
                    doc = {**json.loads(row["doc"]), "text": row["text"]}
                    _, new = store.add(_report(row, row["text"]), doc, row["minhash"])
                    summary.reports += 1
                    summary.new += new
                elif kind == "source":
                    store.add(_report(row), None, None)
                    summary.sources += 1
                else:
                    store.quarantine(Rejected(row["origin"], row["reason"], row["message"]))
                    summary.quarantined += 1
        summary.elapsed = time.monotonic() - summary.started
        if progress:
            progress(summary, len(items))
    summary.elapsed = time.monotonic() - summary.started
    return summary
