"""The same 2,000 news articles through `rasd ingest` and through the Dask runner (a 2-worker
LocalCluster, `rasd batch`) give the same events, the same merged events, and, imported with
`rasd store import`, the same database.  Needs ../shared, the installed data and the batch extra.
"""
import json
import os
import sqlite3
from itertools import islice

import pytest

N = int(os.environ.get("RASD_BATCH_N", "2000"))   # the 2,000; lower it for a quick look
SHARDS = 8


@pytest.fixture(scope="module")
def news_shards(shared, tmp_path_factory) -> list[str]:
    """The first N SaudiNewsNet articles (in ingest's reading order) as 8 JSON lines shards."""
    from rasd.batch.shards import write_jsonl
    from rasd.ingest.sources import read_source

    return write_jsonl(islice(read_source(str(shared / "data" / "news")), N), tmp_path_factory.mktemp("shards"),
                       SHARDS)


def _events(db) -> list:
    c = sqlite3.connect(db)
    rows = c.execute("SELECT r.sha, e.vid, e.type, e.date, e.fatalities, e.key FROM events e "
                     "JOIN reports r ON r.id = e.report_id ORDER BY r.sha, e.vid").fetchall()
    c.close()
    return rows


def _groups(db) -> list:
    c = sqlite3.connect(db)
    out = {}
    for sha, vid, mid in c.execute("SELECT r.sha, e.vid, e.merged_id FROM events e JOIN reports r "
                                   "ON r.id = e.report_id"):
        out.setdefault(mid, set()).add((sha, vid))
    c.close()
    return sorted(sorted(g) for g in out.values())


def _dump(db) -> dict:
    c = sqlite3.connect(db)
    tables = ("reports", "sources", "entities", "mentions", "events", "merged_events", "participants",
              "near_duplicates")
    out = {t: c.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    out["quarantine"] = c.execute("SELECT source, reason, message FROM quarantine ORDER BY id").fetchall()
    c.close()
    return out


def test_ingest_and_the_dask_runner_give_the_same_events(news_shards, installed, tmp_path, rasd_cli):
    pytest.importorskip("distributed", reason="needs the batch extra (pip install 'rasd[batch]')")
    from rasd.batch import dataset
    from rasd.ingest.run import ingest
    from rasd.store import Store

    with Store(tmp_path / "ingest.db") as store:
        one = ingest(news_shards, store, workers=2)
    assert one.read == N and one.stored > 0.9 * N, one.to_json()

    out = tmp_path / "dataset"
    r = rasd_cli("batch", *news_shards, "--out", out, "--workers", 2, "--json")
    assert r.code == 0, r.err
    batch = json.loads(r.out)
    assert {k: batch[k] for k in ("read", "stored", "duplicates", "quarantined")} == \
        {k: one.to_json()[k] for k in ("read", "stored", "duplicates", "quarantined")}

    r = rasd_cli("store", "import", out, "--db", tmp_path / "batch.db", "--json")
    assert r.code == 0, r.err
    ingested, imported = _events(tmp_path / "ingest.db"), _events(tmp_path / "batch.db")
    assert len(ingested) > N / 4, "too few events to compare"
    assert imported == ingested
    # the distributed merge step made the store's merged events
    merged = {}
    for row in dataset.read(out, "merged", ["sha", "vid", "group"]).to_pylist():
        merged.setdefault(row["group"], set()).add((row["sha"], row["vid"]))
    assert sorted(sorted(g) for g in merged.values()) == _groups(tmp_path / "ingest.db")
    assert batch["merged_events"] == len(merged) < batch["events"] == len(ingested)
    assert _dump(tmp_path / "ingest.db") == _dump(tmp_path / "batch.db")
