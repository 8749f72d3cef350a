"""A whole ingest: read every SOURCE, prepare and extract in a process pool, store with one writer.

Reading happens in the calling process; preparing (boilerplate removal, MinHash) and extraction
run in ``workers`` processes, one window of ``batch`` inputs at a time, while the previous
window is written in one transaction.  Results come back in input order, so an interrupted run
restarted ends with the same database as an uninterrupted one.  Progress goes to a callback:
the library never prints.
"""
from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from rasd.ingest.prepare import prepare
from rasd.ingest.records import EXTRACT_FAILED, RawReport, Rejected, Report
from rasd.ingest.sources import read_source
from rasd.store.dedupe import signature
from rasd.store.store import Store

Extract = Callable[..., dict]
Outcome = Rejected | tuple[Report, dict | None, bytes | None]


@dataclass
class Summary:
    """``read == stored + duplicates + quarantined`` once the run is over."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def to_json(self) -> dict:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "quarantined": self.quarantined, "reasons": dict(sorted(self.reasons.items())),
                "seconds": round(self.elapsed, 2), "per_second": round(self.per_second, 2)}


# Per-process state of the workers, set by _init (a pool initializer, or in-process for workers=1).
_EXTRACT: Extract | None = None
_KNOWN: frozenset[str] = frozenset()


def _init(extract: Extract, known: frozenset[str]) -> None:
    global _EXTRACT, _KNOWN
    _EXTRACT, _KNOWN = extract, known


def _work(item: RawReport | Rejected) -> Outcome:
    if isinstance(item, Rejected):
        return item
    try:
        report = prepare(item)
        if isinstance(report, Rejected) or report.sha in _KNOWN:
            return report if isinstance(report, Rejected) else (report, None, None)
        doc = _EXTRACT(report.text, outlet=report.outlet, url=report.url, published=report.published,
                       title=report.title, doc_id=report.sha[:16])
        return report, doc, signature(report.text)
    except Exception as e:  # noqa: BLE001 - one bad report must not stop the batch; it is quarantined
        return Rejected(item.origin, EXTRACT_FAILED, f"{type(e).__name__}: {e}")


def _windows(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while window := list(islice(it, size)):
        yield window


def _inputs(sources: Iterable[str]) -> Iterator[RawReport | Rejected]:
    for source in sources:
        yield from read_source(source)


def _write(store: Store, outcomes: list[Outcome], summary: Summary,
           progress: Callable[[Summary], None] | None) -> None:
    with store.transaction():
        for out in outcomes:
            summary.read += 1
            if isinstance(out, Rejected):
                store.quarantine(out)
                summary.quarantined += 1
                summary.reasons[out.reason] += 1
            else:
                _, new = store.add(*out)
                summary.stored += new
                summary.duplicates += not new
    summary.elapsed = time.monotonic() - summary.started
    if progress:
        progress(summary)


def ingest(sources: Iterable[str], store: Store, extract: Extract | None = None, workers: int = 1,
           batch: int = 200, progress: Callable[[Summary], None] | None = None) -> Summary:
    """Ingest every SOURCE into ``store``; ``extract`` defaults to :func:`rasd.extract`."""
    if extract is None:
        from rasd import extract
    summary = Summary()
    known = frozenset(store.known_shas())
    windows = _windows(_inputs(sources), batch)
    if workers <= 1:
        _init(extract, known)
        for window in windows:
            _write(store, [_work(x) for x in window], summary, progress)
    else:
        chunk = max(1, batch // (workers * 4))
        with multiprocessing.get_context("fork").Pool(workers, _init, (extract, known)) as pool:
            pending = None
            for window in windows:
                running = pool.map_async(_work, window, chunk)
                if pending is not None:
                    _write(store, pending.get(), summary, progress)
                pending = running
            if pending is not None:
                _write(store, pending.get(), summary, progress)
    summary.elapsed = time.monotonic() - summary.started
    return summary
