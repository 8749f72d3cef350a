"""What a worker does: one shard → its Parquet parts, and one merge bucket → its groups.

These run on Dask workers (or anywhere): they take picklable arguments, read their input from
the filesystem and write their output there, returning only small summaries to the client.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from rasd.batch import dataset
from rasd.batch.merging import Bucket, assign
from rasd.batch.shards import Shard, content_key, failed_part, read_shard
from rasd.batch.tables import SCHEMAS, UNKNOWN, ShardRows, day, seq_of
from rasd.ingest.records import Rejected, Tally
from rasd.ingest.run import Worker
from rasd.store import merge

Extract = Callable[..., dict]
FLUSH_ITEMS = 2000   # a shard's rows are written in parts of this many inputs: bounded memory


@dataclass
class ShardResult(Tally):
    no: int
    key: str
    skipped: bool = False

    def to_json(self) -> dict:
        return {"no": self.no, "key": self.key, **self.tally_json()}


def process_shard(shard: Shard, root: str, extract: Extract | None = None) -> ShardResult:
    """Prepare and extract every input of ``shard`` into the dataset at ``root``; a shard whose
    content is already done is skipped (idempotent by content hash)."""
    out = Path(root)
    key = content_key(shard)
    if dataset.is_done(out, key):
        done = json.loads((out / dataset.MARKERS / f"{key}.json").read_text(encoding="utf-8"))
        return ShardResult(shard.no, key, skipped=True, read=done["read"], stored=done["stored"],
                           duplicates=done["duplicates"], quarantined=done["quarantined"],
                           reasons=Counter(done["reasons"]))
    if extract is None:
        from rasd import extract
    seen: set[str] = set()
    work = Worker(extract, seen)   # a text met twice in one shard is extracted once
    result = ShardResult(shard.no, key)
    rows, part = ShardRows(), 0
    for item_no, item in enumerate(read_shard(shard)):
        seq = seq_of(shard.no, item_no)
        outcome = work(item)
        result.read += 1
        if isinstance(outcome, Rejected):
            rows.rejected(seq, outcome)
            result.quarantined += 1
            result.reasons[outcome.reason] += 1
        else:
            report, doc, minhash = outcome
            if doc is None:
                rows.source(seq, report)
                result.duplicates += 1
            else:
                seen.add(report.sha)
                rows.document(seq, report, doc, minhash)
                result.stored += 1
        if result.read % FLUSH_ITEMS == 0:
            _flush(out, rows, f"{key[:20]}-{part:04d}")
            rows, part = ShardRows(), part + 1
    _flush(out, rows, f"{key[:20]}-{part:04d}")
    dataset.mark_done(out, key, {**result.to_json(), "files": list(shard.files)})
    dataset.remove_part(out, "quarantine", UNKNOWN, failed_part(shard))   # an earlier run's failure is stale
    return result


def _flush(out: Path, rows: ShardRows, name: str) -> None:
    for (table, date), data in rows.tables().items():
        dataset.write_part(out, table, date, name, data)


def merge_bucket(root: str, bucket: Bucket, superseded: frozenset[tuple[str, int]]) -> int:
    """Merge one bucket's events (the copies in ``superseded`` left out); write its groups."""
    out = Path(root)
    parts = sorted({day(d) for d in bucket.dates})
    cond = (pc.field("type") == bucket.type) & pc.field("date").isin(parts)
    t = dataset.read(out, "events", ["sha", "seq", "idx", "vid", "key_date", "key"], cond)
    wanted = set(bucket.dates)
    rows = sorted((r for r in t.to_pylist()
                   if r["key_date"] in wanted and (r["sha"], r["seq"]) not in superseded),
                  key=lambda r: (r["seq"], r["idx"]))
    keys = [merge.EventKey.from_json(bucket.type, r["key_date"], json.loads(r["key"])) for r in rows]
    groups = assign([r["sha"] for r in rows], keys)
    first = {}
    for r, g in zip(rows, groups):
        first.setdefault(g, f"{r['sha'][:16]}/{r['vid']}")   # a group is named by its first event
    by_date: dict[str, list[dict]] = {}
    for r, g in zip(rows, groups):
        by_date.setdefault(day(r["key_date"]), []).append(
            {"sha": r["sha"], "seq": r["seq"], "vid": r["vid"], "type": bucket.type,
             "key_date": r["key_date"], "group": first[g]})
    for date, recs in by_date.items():
        dataset.write_part(out, "merged", date, bucket.name, pa.Table.from_pylist(recs, schema=SCHEMAS["merged"]))
    return len(rows)


def distinct_type_dates(root: str) -> list[tuple[str, str | None]]:
    t = dataset.read(Path(root), "events", ["type", "key_date"])
    if t.num_rows == 0:
        return []
    g = t.group_by(["type", "key_date"]).aggregate([])
    return list(zip(g.column("type").to_pylist(), g.column("key_date").to_pylist()))

