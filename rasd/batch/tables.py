"""The Parquet dataset ``rasd batch`` writes: its tables, their schemas, and one shard's rows.

Layout (hive-style, partitioned by date; ``unknown`` when there is none)::

    DATASET/documents/date=2015-07-21/part-<shard key>.parquet   one row per extracted report
    DATASET/sources/...      every copy of a report (outlet, url, published, origin)
    DATASET/events/...       one row per event, partitioned by its merge date
    DATASET/entities/...     one row per entity
    DATASET/quarantine/...   rejected inputs with their reason
    DATASET/merged/...       each event's merged group (the distributed merge step)
    DATASET/duplicates/      copies of one text met in several shards: the later ones
    DATASET/_shards/<key>.json   done markers: a rerun skips a shard whose content is done

``seq`` orders everything as a one-process ingest meets it: shard number × 2^32 + item number.
Documents keep the ``rasd.document/1`` dict (without its text) as JSON, so nothing is lost.
"""
from __future__ import annotations

import json
import re

import pyarrow as pa

from rasd.ingest.records import Rejected, Report
from rasd.store import merge

UNKNOWN = "unknown"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("sha", pa.string()), ("seq", pa.int64()), ("origin", pa.string()), ("doc_id", pa.string()),
        ("title", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
        ("text", pa.string()), ("doc", pa.string()), ("minhash", pa.binary()),
        ("n_entities", pa.int32()), ("n_events", pa.int32())]),
    "sources": pa.schema([
        ("sha", pa.string()), ("seq", pa.int64()), ("origin", pa.string()), ("title", pa.string()),
        ("outlet", pa.string()), ("url", pa.string()), ("published", pa.string())]),
    "events": pa.schema([
        ("sha", pa.string()), ("seq", pa.int64()), ("idx", pa.int32()), ("vid", pa.string()),
        ("type", pa.string()), ("key_date", pa.string()), ("fatalities", pa.int64()), ("key", pa.string()),
        ("event", pa.string())]),
    "entities": pa.schema([
        ("sha", pa.string()), ("seq", pa.int64()), ("eid", pa.string()), ("type", pa.string()),
        ("name_ar", pa.string()), ("name_en", pa.string()), ("kb_id", pa.string()), ("category", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64())]),
    "quarantine": pa.schema([
        ("seq", pa.int64()), ("origin", pa.string()), ("reason", pa.string()), ("message", pa.string())]),
    "merged": pa.schema([
        ("sha", pa.string()), ("seq", pa.int64()), ("vid", pa.string()), ("type", pa.string()),
        ("key_date", pa.string()), ("group", pa.string())]),
    "duplicates": pa.schema([("sha", pa.string()), ("seq", pa.int64())]),
}
TABLES = tuple(SCHEMAS)


def seq_of(shard_no: int, item: int) -> int:
    return (shard_no << 32) | item


def day(value: str | None) -> str:
    """The partition of a date value: the ISO day, else ``unknown``."""
    return value[:10] if value and _DAY.match(value[:10]) else UNKNOWN


class ShardRows:
    """Rows of one shard, per table and date partition."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], list[dict]] = {}

    def add(self, table: str, date: str, row: dict) -> None:
        self.rows.setdefault((table, date), []).append(row)

    def source(self, seq: int, report: Report) -> None:
        self.add("sources", day(report.published), {
            "sha": report.sha, "seq": seq, "origin": report.origin, "title": report.title,
            "outlet": report.outlet, "url": report.url, "published": report.published})

    def rejected(self, seq: int, rej: Rejected) -> None:
        self.add("quarantine", UNKNOWN, {"seq": seq, "origin": rej.origin, "reason": rej.reason,
                                         "message": rej.message})

    def document(self, seq: int, report: Report, doc: dict, minhash: bytes) -> None:
        when = day(report.published)
        slim = {k: v for k, v in doc.items() if k != "text"}
        self.add("documents", when, {
            "sha": report.sha, "seq": seq, "origin": report.origin, "doc_id": doc.get("doc_id") or report.sha[:16],
            "title": report.title, "url": report.url, "outlet": report.outlet, "published": report.published,
            "text": doc.get("text", report.text), "doc": json.dumps(slim, ensure_ascii=False), "minhash": minhash,
            "n_entities": len(doc.get("entities", [])), "n_events": len(doc.get("events", []))})
        self.source(seq, report)
        for e in doc.get("entities", []):
            geo = e.get("geo") or {}
            self.add("entities", when, {
                "sha": report.sha, "seq": seq, "eid": e["id"], "type": e["type"], "name_ar": e.get("name_ar"),
                "name_en": e.get("name_en"), "kb_id": e.get("kb_id"), "category": e.get("category"),
                "lat": geo.get("lat"), "lon": geo.get("lon")})
        for idx, (ev, key) in enumerate(merge.keys_of(doc)):
            self.add("events", day(key.date), {
                "sha": report.sha, "seq": seq, "idx": idx, "vid": ev["id"], "type": key.type,
                "key_date": key.date, "fatalities": ev.get("fatalities"), "key": json.dumps(key.to_json()),
                "event": json.dumps(ev, ensure_ascii=False)})

    def tables(self) -> dict[tuple[str, str], pa.Table]:
        return {(t, d): pa.Table.from_pylist(rows, schema=SCHEMAS[t]) for (t, d), rows in self.rows.items()}
