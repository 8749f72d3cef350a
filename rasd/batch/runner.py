"""``rasd batch``: sharded inputs → a Parquet dataset on a dask.distributed cluster.

A LocalCluster (one single-threaded worker process per core) by default, or any running
scheduler by address (dask-jobqueue, Kubernetes, Coiled).  Each worker loads the knowledge base
and gazetteer once, from its own installed data dir, when it joins (:class:`RasdResources`, a
worker plugin): nothing large is shipped from the client.  Tasks are shards; results are small
summaries.  After the shards: duplicate copies across shards are listed, then the merge runs
as one task per bucket (:mod:`rasd.batch.merging`).  Progress goes to a callback; the library
never prints.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from rasd.batch import dataset
from rasd.batch.merging import buckets
from rasd.batch.shards import Shard, failed_part, plan
from rasd.batch.tables import SCHEMAS, UNKNOWN, seq_of
from rasd.batch.work import Extract, ShardResult, distinct_type_dates, merge_bucket, process_shard
from rasd.errors import BatchError
from rasd.ingest.records import EXTRACT_FAILED, Tally

PLUGIN = "rasd-resources"


class RasdResources(WorkerPlugin):
    """Loads the pipeline's resources once per worker process, from the worker's own data dir
    (``data_dir`` overrides it), before the worker runs its first task."""

    name = PLUGIN

    def __init__(self, data_dir: str | None = None, warm: bool = True):
        self.data_dir = data_dir
        self.warm = warm

    def setup(self, worker) -> None:
        from rasd.batch.warm import start_worker

        start_worker(self.data_dir, self.warm)


@dataclass
class BatchSummary(Tally):
    shards: int = 0
    done_shards: int = 0
    skipped_shards: int = 0
    failed_shards: int = 0
    events: int = 0
    merged: int = 0
    started: float = field(default_factory=time.monotonic)
    cluster_seconds: float = 0.0   # start of the cluster, workers' resources loaded
    extract_seconds: float = 0.0
    merge_seconds: float = 0.0
    elapsed: float = 0.0
    dashboard: str | None = None

    @property
    def per_second(self) -> float:
        return self.read / self.extract_seconds if self.extract_seconds > 0 else 0.0

    def add(self, r: ShardResult) -> None:
        self.skipped_shards += r.skipped
        self.add_tally(r)

    def to_json(self) -> dict:
        return {"shards": self.shards, "skipped_shards": self.skipped_shards, "failed_shards": self.failed_shards,
                **self.tally_json(), "events": self.events, "merged_events": self.merged,
                "cluster_seconds": round(self.cluster_seconds, 2), "extract_seconds": round(self.extract_seconds, 2),
                "merge_seconds": round(self.merge_seconds, 2), "seconds": round(self.elapsed, 2),
                "per_second": round(self.per_second, 2)}


def _client(scheduler: str | None, workers: int, dashboard: str | None) -> tuple[Client, LocalCluster | None]:
    try:
        if scheduler:
            return Client(scheduler, timeout="30s"), None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=dashboard, silence_logs=50)
        return Client(cluster), cluster
    except (OSError, TimeoutError) as e:
        raise BatchError(f"cannot reach a Dask scheduler at {scheduler or 'a new LocalCluster'}: {e}") from e


def run_batch(inputs: list[str], out: str | Path, *, scheduler: str | None = None, workers: int = 2,
              data_dir: str | None = None, extract: Extract | None = None, merge: bool = True,
              dashboard: str | None = None, progress: Callable[[BatchSummary, str], None] | None = None,
              client: Client | None = None, shards: list[Shard] | None = None) -> BatchSummary:
    """Extract every INPUT into the dataset at ``out``, then merge events across reports.

    ``extract`` replaces :func:`rasd.extract` (it must pickle: a module-level function); a
    given ``client`` is used as is (and not closed); ``shards``, when given, is ``plan(inputs)``
    already made.  A rerun skips shards already done.
    """
    root = Path(out).resolve()
    root.mkdir(parents=True, exist_ok=True)
    shards = plan(inputs) if shards is None else shards
    summary = BatchSummary(shards=len(shards))
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, workers, dashboard)
    try:
        summary.dashboard = client.dashboard_link if (dashboard or scheduler) else None
        client.register_plugin(RasdResources(data_dir, warm=extract is None), name=PLUGIN)
        summary.cluster_seconds = time.monotonic() - summary.started
        if progress:
            progress(summary, "extract")
        t0 = time.monotonic()
        futures = client.map(process_shard, shards, root=str(root), extract=extract, pure=False)
        by_future = dict(zip(futures, shards))
        for fut in as_completed(futures):
            shard = by_future[fut]
            if fut.status == "error":
                _shard_failed(root, shard, fut.exception(), summary)
            else:
                summary.add(fut.result())
            fut.release()
            summary.done_shards += 1
            if progress:
                progress(summary, "extract")
        summary.extract_seconds = time.monotonic() - t0
        if merge:
            t1 = time.monotonic()
            if progress:
                progress(summary, "merge")
            summary.events, summary.merged, copies = merge_dataset(client, root)
            summary.stored -= copies     # a text met in two shards is one report, the later copy a duplicate
            summary.duplicates += copies
            summary.merge_seconds = time.monotonic() - t1
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    summary.elapsed = time.monotonic() - summary.started
    return summary


def _shard_failed(root: Path, shard: Shard, error: BaseException, summary: BatchSummary) -> None:
    """A shard whose task failed (a worker died, the file vanished): each file goes to the
    quarantine partition, and the shard is not marked done, so a rerun tries it again."""
    summary.failed_shards += 1
    message = f"the shard's task failed: {type(error).__name__}: {error}"
    rows = [{"seq": seq_of(shard.no, 0), "origin": name, "reason": EXTRACT_FAILED, "message": message}
            for name in shard.files]
    dataset.write_part(root, "quarantine", UNKNOWN, failed_part(shard),
                       pa.Table.from_pylist(rows, schema=SCHEMAS["quarantine"]))
    summary.read += len(rows)
    summary.quarantined += len(rows)
    summary.reasons[EXTRACT_FAILED] += len(rows)


def superseded(root: Path) -> frozenset[tuple[str, int]]:
    """Copies of one text met in several shards: all but the first (by arrival order)."""
    docs = dataset.read(root, "documents", ["sha", "seq"])
    if docs.num_rows == 0:
        return frozenset()
    first = docs.group_by("sha").aggregate([("seq", "min")])
    firsts = set(zip(first.column("sha").to_pylist(), first.column("seq_min").to_pylist()))
    counts = docs.group_by("sha").aggregate([("seq", "count")])
    repeated = pc.filter(counts.column("sha"), pc.greater(counts.column("seq_count"), 1)).to_pylist()
    if not repeated:
        return frozenset()
    rows = docs.filter(pc.is_in(docs.column("sha"), pa.array(repeated))).to_pylist()
    return frozenset((r["sha"], r["seq"]) for r in rows if (r["sha"], r["seq"]) not in firsts)


def merge_dataset(client: Client, root: Path) -> tuple[int, int, int]:
    """The distributed merge step: one task per bucket; returns (events, merged events, copies
    of a text met in another shard first)."""
    dup = superseded(root)
    dataset.clear(root, "duplicates")
    if dup:
        dataset.write_part(root, "duplicates", UNKNOWN, "all", pa.Table.from_pylist(
            [{"sha": s, "seq": q} for s, q in sorted(dup)], schema=SCHEMAS["duplicates"]))
    dataset.clear(root, "merged")
    plan_ = buckets(distinct_type_dates(str(root)))
    # one object to every worker once (scatter would split a bare collection into its items)
    dup_f = client.scatter([dup], broadcast=True)[0] if dup else dup
    futures = client.map(merge_bucket, [str(root)] * len(plan_), plan_, superseded=dup_f, pure=False)
    events = sum(client.gather(futures))
    groups = dataset.read(root, "merged", ["group"])
    merged = len(set(groups.column("group").to_pylist())) if groups.num_rows else 0
    return events, merged, len(dup)
