"""A whole ingest: read every SOURCE, prepare and extract in worker processes, store with one writer.

Reading happens in the calling process, which streams inputs to ``workers`` processes (a
bounded number of chunks in flight, no window barrier: a worker that finishes takes the next
chunk at once).  Preparing (boilerplate removal, MinHash) and extraction run in the workers;
the calling process is the one writer, committing every ``batch`` outcomes in one transaction.
Results are written in input order, so an interrupted run restarted ends with the same
database as an uninterrupted one.  Progress goes to a callback: the library never prints.

Workers are spawn-safe: each builds its state (the extractor, warmed up, and the hashes
already stored) in its initializer from picklable arguments (:class:`WorkerSpec`), never from
globals inherited through fork.
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Set
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from rasd.errors import RasdError, StoreError
from rasd.ingest.meta import check_published
from rasd.ingest.prepare import prepare
from rasd.ingest.records import EXTRACT_FAILED, STORE_FAILED, RawReport, Rejected, Report, Tally
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

CHUNK = 4          # inputs per task sent to a worker
IN_FLIGHT = 4      # chunks in flight per worker: enough to keep every worker busy, bounded memory
RECYCLE_AFTER = 20_000   # inputs a pool of workers reads before fresh workers take over (see _run)


@dataclass
class Summary(Tally):
    """An ingest's tally (``read == stored + duplicates + quarantined`` once the run is over)."""

    warnings: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def add(self, other: "Summary") -> None:
        self.add_tally(other)
        self.warnings.extend(other.warnings)

    @property
    def per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def to_json(self) -> dict:
        return {**self.tally_json(), "warnings": self.warnings,
                "seconds": round(self.elapsed, 2), "per_second": round(self.per_second, 2)}


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker process needs, picklable: it rebuilds its state from this alone.

    ``extract`` must be importable by name (a module-level function) when workers are spawned;
    ``data_dir`` is the installed data the worker's pipeline loads; ``db`` is the store whose
    already-stored hashes the worker skips (read once, read-only, when the worker starts).
    """

    extract: Extract | None
    data_dir: str | None
    db: str | None


class Worker:
    """Prepare and extract one input; what a worker process (or the caller, for one worker) runs."""

    def __init__(self, extract: Extract, known: Set[str]):
        self.extract = extract
        self.known = known

    def __call__(self, item: RawReport | Rejected) -> Outcome:
        if isinstance(item, Rejected):
            return item
        try:
            report = prepare(item)
            if isinstance(report, Rejected) or report.sha in self.known:
                return report if isinstance(report, Rejected) else (report, None, None)
            doc = self.extract(report.text, outlet=report.outlet, url=report.url, published=report.published,
                               title=report.title, doc_id=report.doc_id or report.sha[:16])
            return report, doc, signature(report.text)
        except Exception as e:  # noqa: BLE001 - one bad report must not stop the batch; it is quarantined
            return Rejected(item.origin, EXTRACT_FAILED, f"{type(e).__name__}: {e}"[:2000])


def _stored_shas(db: str | None) -> frozenset[str]:
    if not db:
        return frozenset()
    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return frozenset(r[0] for r in conn.execute("SELECT sha FROM reports"))
    finally:
        conn.close()


def _worker(spec: WorkerSpec) -> Worker:
    """The worker of this process for ``spec``: built once by the pool initializer and kept by the
    process's Resources of ``spec.data_dir`` (Resources.keep), so no state lives in this module."""
    from rasd.kb.resources import default_resources

    def build() -> Worker:
        extract = spec.extract
        if extract is None:
            from rasd import extract
        return Worker(extract, _stored_shas(spec.db))

    return default_resources().keep(("ingest-worker", spec), build)


def _init_worker(spec: WorkerSpec) -> None:
    from rasd.batch.warm import start_worker

    start_worker(spec.data_dir, warm=spec.extract is None)
    _worker(spec)


def _work_chunk(spec: WorkerSpec, chunk: list[RawReport | Rejected]) -> list[Outcome]:
    worker = _worker(spec)
    return [worker(x) for x in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


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


class _Writer:
    """The one writer: commits every ``batch`` outcomes in a transaction, then reports progress."""

    def __init__(self, store: Store, batch: int, summary: Summary,
                 progress: Callable[[Summary], None] | None):
        self.store, self.batch, self.summary, self.progress = store, max(1, batch), summary, progress
        self.pending: list[Outcome] = []

    def put(self, outcomes: Iterable[Outcome]) -> None:
        for out in outcomes:
            self.pending.append(out)
            if len(self.pending) >= self.batch:
                self.flush()

    def flush(self) -> None:
        """Write the pending outcomes in one transaction; the summary counts them only once they
        are committed.  One report the database refuses (a figure beyond 64 bits, a lone
        surrogate) is quarantined: its savepoint is rolled back and the batch goes on."""
        if not self.pending:
            return
        store, batch = self.store, Summary()
        with store.transaction():
            for out in self.pending:
                batch.read += 1
                if isinstance(out, Rejected):
                    _reject(store, out, batch)
                    continue
                report = out[0]
                try:
                    with store.savepoint():
                        _, new = store.add(*out)
                except (sqlite3.Error, OverflowError, UnicodeError, ValueError, TypeError, StoreError) as e:
                    _reject(store, Rejected(report.origin, STORE_FAILED, f"{type(e).__name__}: {e}"[:2000]),
                            batch)
                    continue
                batch.stored += new
                batch.duplicates += not new
                batch.warnings.extend(f"{report.origin}: {w}" for w in report.warnings)
        self.pending = []
        self.summary.add(batch)
        self.summary.elapsed = time.monotonic() - self.summary.started
        if self.progress:
            self.progress(self.summary)


def _stream(pool: ProcessPoolExecutor, spec: WorkerSpec, chunks: Iterator[list],
            limit: int) -> Iterator[list[Outcome]]:
    """Results of every chunk, in input order, with at most ``limit`` chunks in flight."""
    flight: deque[Future] = deque()
    for chunk in chunks:
        flight.append(pool.submit(_work_chunk, spec, chunk))
        if len(flight) >= limit:
            yield flight.popleft().result()
    while flight:
        yield flight.popleft().result()


def ingest(sources: Iterable[str], store: Store, extract: Extract | None = None, workers: int = 1,
           batch: int = 200, progress: Callable[[Summary], None] | None = None, *,
           defaults: dict | None = None, allow_private: bool = False,
           start_method: str | None = None, recycle_after: int = RECYCLE_AFTER) -> Summary:
    """Ingest every SOURCE into ``store``; ``extract`` defaults to :func:`rasd.extract`.

    ``defaults`` (``published``, ``outlet``) fill the metadata a source does not give (checked:
    a malformed date raises InputError before anything is read); ``allow_private`` lets URL
    sources reach private and loopback addresses.  ``start_method`` ("fork", "spawn",
    "forkserver") picks how worker processes start; the default is the platform's, and workers
    are spawn-safe whichever is used.  With several workers, fresh worker processes take over after
    every ``recycle_after`` inputs, so that a long run's workers stay within their memory bound
    (a worker's per-word caches and C heap grow with what it has read; docs/scale.md).  Ctrl-C raises :class:`Interrupted`, which carries the
    summary of what was committed (a rerun resumes from there).
    """
    defaults = dict(defaults or {})
    if defaults.get("published") is not None:
        defaults["published"] = check_published(defaults["published"], "--published")
    summary = Summary()
    inputs = _inputs(sources, defaults, allow_private)
    try:
        _run(inputs, store, extract, workers, _Writer(store, batch, summary, progress), start_method,
             recycle_after)
    except KeyboardInterrupt:
        summary.elapsed = time.monotonic() - summary.started
        raise Interrupted(summary) from None
    summary.elapsed = time.monotonic() - summary.started
    return summary


def _run(inputs: Iterator, store: Store, extract: Extract | None, workers: int, writer: _Writer,
         start_method: str | None, recycle_after: int = RECYCLE_AFTER) -> None:
    if workers <= 1:
        if extract is None:
            from rasd import extract
        work = Worker(extract, frozenset(store.known_shas()))
        for item in inputs:
            writer.put([work(item)])
    else:
        from rasd.settings import data_dir
        spec = WorkerSpec(extract, str(data_dir()), str(store.path))
        ctx = multiprocessing.get_context(start_method)
        chunks = _chunks(inputs, CHUNK)
        per_pool = max(1, recycle_after // CHUNK)
        # a pool reads ``per_pool`` chunks, then fresh workers take over.  Done here rather than
        # with ProcessPoolExecutor's max_tasks_per_child, which refuses the "fork" start method;
        # the cost is one drain of the chunks in flight and one worker start-up per pool
        while (first := next(chunks, None)) is not None:
            part = chain([first], islice(chunks, per_pool - 1))
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(spec,)) as pool:
                try:
                    for outcomes in _stream(pool, spec, part, workers * IN_FLIGHT):
                        writer.put(outcomes)
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
    writer.flush()
