"""rasd.batch on a 2-worker LocalCluster with the stand-in extractor: dataset, rerun, import, failures."""
import gzip
import json
import sqlite3

import pytest

pytest.importorskip("distributed", reason="needs the batch extra (pip install 'rasd[batch]')")

from rasd.batch import dataset  # noqa: E402
from rasd.batch.importer import import_dataset  # noqa: E402
from rasd.batch.runner import run_batch  # noqa: E402
from rasd.batch.shards import plan, read_shard  # noqa: E402
from rasd.ingest.run import ingest  # noqa: E402
from rasd.store import Store  # noqa: E402
from test_store import ARTICLE, OTHER, dump, failing_extract, fake_extract, write_jsonl  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def rows(n: int, offset: int = 0) -> list[dict]:
    return [{"text": ARTICLE.format(n=i + 3) + (OTHER.format(n=i) if i % 3 == 0 else "") + f" رقم {i * 7}.",
             "outlet": "أ", "url": f"http://a.example/{i}", "published": f"2017-03-{i % 6 + 1:02d}"}
            for i in range(offset, offset + n)]


@pytest.fixture
def shards(tmp_path):
    """Three shards (one gzip JSON lines): a text repeated within a shard and across shards, bad lines."""
    first = rows(10)
    first.append({**first[2], "outlet": "ب"})
    second = rows(10, 10) + [{**first[0], "outlet": "ج"}, {"text": ""}, {"title": "بلا نص"}]
    for r in second[7:10]:
        r.pop("published")          # undated reports: their events merge among themselves only
    third = tmp_path / "c.jsonl.gz"
    with gzip.open(third, "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows(6, 20)))
    return [write_jsonl(tmp_path / "a.jsonl", first), write_jsonl(tmp_path / "b.jsonl", second), str(third)]


def groups_of_store(db) -> list:
    c = sqlite3.connect(db)
    out = {}
    for sha, vid, mid in c.execute("SELECT r.sha, e.vid, e.merged_id FROM events e JOIN reports r ON r.id = e.report_id"):
        out.setdefault(mid, set()).add((sha, vid))
    return sorted(sorted(g) for g in out.values())


def groups_of_dataset(root) -> list:
    out = {}
    for r in dataset.read(root, "merged", ["sha", "vid", "group"]).to_pylist():
        out.setdefault(r["group"], set()).add((r["sha"], r["vid"]))
    return sorted(sorted(g) for g in out.values())


def test_batch_then_import_equals_ingest_and_a_rerun_skips_every_shard(tmp_path, shards, client):
    """rasd ingest and rasd batch read the same shards (a gzipped JSON-lines one included) the
    same way: the same counts, the same store."""
    out = tmp_path / "ds"
    s = run_batch(shards, out, extract=fake_extract, client=client)
    assert (s.read, s.stored, s.duplicates, s.quarantined) == (30, 26, 2, 2)
    with Store(tmp_path / "ingest.db") as store:
        i = ingest(shards, store, extract=fake_extract)
    assert (i.read, i.stored, i.duplicates, i.quarantined) == (s.read, s.stored, s.duplicates, s.quarantined)
    with Store(tmp_path / "import.db") as store:
        imp = import_dataset(out, store)
        assert imp.reports == 26 and imp.sources == 2
        assert import_dataset(out, store).new == 0          # importing again adds nothing
    assert dump(tmp_path / "ingest.db") == dump(tmp_path / "import.db")
    assert groups_of_dataset(out) == groups_of_store(tmp_path / "ingest.db")
    assert s.merged == len(groups_of_store(tmp_path / "ingest.db")) < s.events

    files = sorted(p for p in out.rglob("*.parquet"))
    fourth = write_jsonl(tmp_path / "d.jsonl", rows(4, 30))
    again = run_batch(shards + [fourth], out, extract=fake_extract, client=client)
    assert (again.skipped_shards, again.shards) == (3, 4)
    assert again.stored == 30 and again.read == 34
    assert set(files) <= set(out.rglob("*.parquet"))
    docs = dataset.read(out, "documents", ["date"]).column("date").to_pylist()
    assert sorted(set(docs)) == [f"2017-03-0{d}" for d in range(1, 7)] + ["unknown"]   # partitioned by date


def test_a_gzipped_shard_gives_the_same_origins_to_ingest_and_batch(tmp_path, shards):
    from rasd.ingest.sources import read_source

    [gz_shard] = [s for s in plan(shards) if s.files[0].endswith(".gz")]
    by_batch = [r.origin for r in read_shard(gz_shard)]
    assert by_batch == [r.origin for r in read_source(shards[2])]
    assert by_batch == [f"{shards[2]}#{n}" for n in range(1, 7)]


def test_a_failing_extraction_goes_to_the_quarantine_partition_with_its_reason(tmp_path, shards, client):
    out = tmp_path / "ds"
    s = run_batch(shards[:1], out, extract=failing_extract, client=client)
    q = dataset.read(out, "quarantine").to_pylist()
    assert s.quarantined == len(q) == 11 and {r["reason"] for r in q} == {"extract_failed"}
    assert all("pipeline broke" in r["message"] for r in q)


class Crash(BaseException):
    """Not an Exception: the per-report guard lets it through, so the whole shard task fails."""


def crashing_extract(text, **source):
    raise Crash("the worker lost its footing")


def test_a_shard_whose_task_fails_is_quarantined_and_retried_on_rerun(tmp_path, shards, client):
    out = tmp_path / "ds"
    s = run_batch(shards[:2], out, extract=crashing_extract, client=client)
    assert s.failed_shards == 2 and s.quarantined == 2
    q = dataset.read(out, "quarantine").to_pylist()
    assert sorted(r["origin"] for r in q) == sorted(shards[:2])
    assert all(r["reason"] == "extract_failed" and "Crash" in r["message"] for r in q)
    assert not (out / dataset.MARKERS).exists()          # nothing marked done: a rerun tries again
    again = run_batch(shards[:2], out, extract=fake_extract, client=client)
    assert (again.failed_shards, again.skipped_shards, again.stored) == (0, 0, 20)
    # the failures of the first run are gone with the shards that are now done
    assert sorted(r["reason"] for r in dataset.read(out, "quarantine").to_pylist()) == ["bad_record", "empty"]


def test_plan_expands_folders_and_globs_in_ingest_order(tmp_path):
    folder = tmp_path / "f"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt"):
        (folder / name).write_text(ARTICLE.format(n=1), encoding="utf-8")
    got = plan([str(folder), str(tmp_path / "f" / "*.txt")], files_per_shard=2)
    assert [s.files for s in got] == [(str(folder / "a.txt"), str(folder / "b.txt")), (str(folder / "sub/c.txt"),),
                                      (str(folder / "a.txt"),), (str(folder / "b.txt"),)]
    assert [s.no for s in got] == [0, 1, 2, 3]
    from rasd.ingest.sources import read_source
    assert [r.origin for s in got[:2] for r in read_shard(s)] == [r.origin for r in read_source(str(folder))]


def test_plan_refuses_a_missing_input(tmp_path):
    from rasd.errors import InputError

    with pytest.raises(InputError):
        plan([str(tmp_path / "nope.jsonl")])
    with pytest.raises(InputError):
        plan([str(tmp_path / "*.nothing")])


def test_a_running_scheduler_is_reached_by_its_address(tmp_path, shards, client):
    """--scheduler ADDRESS: the runner connects its own client to a running cluster, and leaves
    the cluster running when it is done."""
    s = run_batch(shards[:1], tmp_path / "ds", extract=fake_extract, scheduler=client.scheduler.address)
    assert (s.read, s.stored, s.duplicates) == (11, 10, 1) and s.dashboard is not None
    assert client.run(lambda: 1)                        # the cluster's workers are still there
    assert "rasd-resources" in client.run(lambda dask_worker: list(dask_worker.plugins)).popitem()[1]


def test_inputs_written_as_shards_read_back_in_the_same_order(tmp_path):
    from rasd.batch.shards import write_jsonl as write_shards
    from rasd.ingest.records import RawReport

    raws = [RawReport(f"in#{i}", text=f"نص رقم {i}", title=f"t{i}", outlet="o", published="2015-07-0{}".format(i + 1))
            for i in range(5)]
    paths = write_shards(raws, tmp_path, 2)
    assert [p.rsplit("/", 1)[1] for p in paths] == ["part-0.jsonl", "part-1.jsonl"]
    back = [r for s in plan(paths) for r in read_shard(s)]
    assert [(r.text, r.title, r.published) for r in back] == [(r.text, r.title, r.published) for r in raws]
