"""A whole ingest: read every SOURCE, prepare and extract in a process pool, store with one writer.

Reading happens in the calling process; preparing (boilerplate removal, MinHash) and extraction
run in ``workers`` processes, one window of ``batch`` inputs at a time, while the previous
window is written in one transaction.  Results come back in input order, so an interrupted run
restarted ends with the same database as an uninterrupted one.  Progress goes to a callback:
the library never prints.
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from rasd.errors import RasdError, StoreError
from rasd.ingest.meta import check_published
from rasd.ingest.prepare import prepare
from rasd.ingest.records import EXTRACT_FAILED, STORE_FAILED, RawReport, Rejected, Report
from rasd.ingest.sources import read_source
from rasd.store.dedupe import signature
from rasd.store.store import Store

Extract = Callable[..., dict]


class Interrupted(RasdError):
    """Ctrl-C during an ingest: ``summary`` is what was committed before it."""

    code = "R130"
    hint = "Run the same command again: it skips what is stored and resumes."

    def __init__(self, summary: "Summary"):
        super().__init__(f"interrupted after {summary.read} inputs: {summary.stored} stored, "
                         f"{summary.duplicates} duplicates, {summary.quarantined} quarantined")
        self.summary = summary
Outcome = Rejected | tuple[Report, dict | None, bytes | None]


@dataclass
class Summary:
    """``read == stored + duplicates + quarantined`` once the run is over."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def add(self, other: "Summary") -> None:
        self.read += other.read
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.quarantined += other.quarantined
        self.reasons.update(other.reasons)
        self.warnings.extend(other.warnings)

    @property
    def per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def to_json(self) -> dict:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "quarantined": self.quarantined, "reasons": dict(sorted(self.reasons.items())),
                "warnings": self.warnings,
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
                       title=report.title, doc_id=report.doc_id or report.sha[:16])
        return report, doc, signature(report.text)
    except Exception as e:  # noqa: BLE001 - one bad report must not stop the batch; it is quarantined
        return Rejected(item.origin, EXTRACT_FAILED, f"{type(e).__name__}: {e}"[:2000])


def _windows(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while window := list(islice(it, size)):
        yield window


def _inputs(sources: Iterable[str], defaults: dict | None = None,
            allow_private: bool = False) -> Iterator[RawReport | Rejected]:
    """Every input of every SOURCE, each with an origin of its own: a second input that comes
    from the same place (two records of one URL in a crawl, a repeated zip member) is told apart
    by ``#2``, ``#3``…, so every rejected input keeps its own quarantine row."""
    seen: Counter = Counter()
    for source in sources:
        for item in read_source(source, defaults=defaults, allow_private=allow_private):
            seen[item.origin] += 1
            if seen[item.origin] > 1:
                item = replace(item, origin=f"{item.origin}#{seen[item.origin]}")
            yield item


def _reject(store: Store, rejected: Rejected, batch: Summary) -> None:
    store.quarantine(rejected)
    batch.quarantined += 1
    batch.reasons[rejected.reason] += 1


def _write(store: Store, outcomes: list[Outcome], summary: Summary,
           progress: Callable[[Summary], None] | None) -> None:
    """Write one window in one transaction; ``summary`` counts it only once it is committed."""
    batch = Summary()
    with store.transaction():
        for out in outcomes:
            batch.read += 1
            if isinstance(out, Rejected):
                _reject(store, out, batch)
                continue
            report = out[0]
            try:
                with store.savepoint():
                    _, new = store.add(*out)
            except (sqlite3.Error, OverflowError, UnicodeError, ValueError, TypeError, StoreError) as e:
                # one report the database refuses (a figure beyond 64 bits, a lone surrogate) is
                # quarantined; its savepoint is rolled back and the batch goes on
                _reject(store, Rejected(report.origin, STORE_FAILED, f"{type(e).__name__}: {e}"[:2000]), batch)
                continue
            batch.stored += new
            batch.duplicates += not new
            batch.warnings.extend(f"{report.origin}: {w}" for w in report.warnings)
    summary.add(batch)
    summary.elapsed = time.monotonic() - summary.started
    if progress:
        progress(summary)


def ingest(sources: Iterable[str], store: Store, extract: Extract | None = None, workers: int = 1,
           batch: int = 200, progress: Callable[[Summary], None] | None = None, *,
           defaults: dict | None = None, allow_private: bool = False) -> Summary:
    """Ingest every SOURCE into ``store``; ``extract`` defaults to :func:`rasd.extract`.

    ``defaults`` (``published``, ``outlet``) fill the metadata a source does not give (checked:
    a malformed date raises InputError before anything is read); ``allow_private`` lets URL
    sources reach private and loopback addresses.  Ctrl-C raises :class:`Interrupted`, which
    carries the summary of what was committed (a rerun resumes from there).
    """
    if extract is None:
        from rasd import extract
    defaults = dict(defaults or {})
    if defaults.get("published") is not None:
        defaults["published"] = check_published(defaults["published"], "--published")
    summary = Summary()
    try:
        return _run(sources, store, extract, workers, batch, progress, defaults, allow_private, summary)
    except KeyboardInterrupt:
        summary.elapsed = time.monotonic() - summary.started
        raise Interrupted(summary) from None


def _run(sources, store, extract, workers, batch, progress, defaults, allow_private, summary) -> Summary:
    known = frozenset(store.known_shas())
    windows = _windows(_inputs(sources, defaults, allow_private), batch)
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
