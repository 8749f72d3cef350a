"""Reading and writing the Parquet dataset of :mod:`rasd.batch.tables` (pyarrow).

Every file is written to a temporary name and renamed into place, so a killed task leaves no
half-written part; a part's name carries its shard's content key, so a rerun overwrites rather
than adds.  The dataset lives on a filesystem every worker and the client see (local disk for
a LocalCluster, a shared mount for a cluster).
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from rasd.batch.tables import SCHEMAS
from rasd.errors import InputError

PARTITIONING = ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive")
MARKERS = "_shards"


def write_part(root: Path, table: str, date: str, name: str, data: pa.Table) -> Path:
    folder = root / table / f"date={date}"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"part-{name}.parquet"
    tmp = folder / f".{final.name}.{uuid.uuid4().hex}.tmp"
    pq.write_table(data, tmp, compression="zstd")
    os.replace(tmp, final)
    return final


def remove_part(root: Path, table: str, date: str, name: str) -> None:
    (root / table / f"date={date}" / f"part-{name}.parquet").unlink(missing_ok=True)


def clear(root: Path, table: str) -> None:
    shutil.rmtree(root / table, ignore_errors=True)


def read(root: Path, table: str, columns: list[str] | None = None, filter=None) -> pa.Table:
    """One table of the dataset (``date`` is the partition column); empty when it has no part."""
    folder = root / table
    schema = SCHEMAS[table].append(pa.field("date", pa.string()))
    if not folder.is_dir():
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    dataset = ds.dataset(folder, format="parquet", partitioning=PARTITIONING, schema=schema,
                         exclude_invalid_files=False, ignore_prefixes=[".", "_"])
    return dataset.to_table(columns=columns, filter=filter)


def check(root: Path) -> None:
    if not (root / "documents").is_dir() and not (root / MARKERS).is_dir():
        raise InputError(f"{root} is not a rasd batch dataset (no documents/ folder)",
                         hint="Give the folder `rasd batch --out` wrote.")


def is_done(root: Path, key: str) -> bool:
    return (root / MARKERS / f"{key}.json").is_file()


def mark_done(root: Path, key: str, record: dict) -> None:
    folder = root / MARKERS
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{key}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / f"{key}.json")
