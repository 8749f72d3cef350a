"""The parallel mechanics of rasd.ingest.run: streaming to spawn-safe workers, one writer."""
import pytest

from rasd.ingest.run import Worker, WorkerSpec, _stream, _work_chunk, ingest
from rasd.store import Store
from test_store import corpus, dump, fake_extract, failing_extract  # noqa: F401 - corpus is a fixture


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_workers_started_any_way_give_the_one_process_database(tmp_path, corpus, method):  # noqa: F811
    with Store(tmp_path / "one.db") as store:
        one = ingest([corpus], store, extract=fake_extract, batch=5)
    with Store(tmp_path / "two.db") as store:
        two = ingest([corpus], store, extract=fake_extract, batch=5, workers=2, start_method=method)
    assert one.to_json() | {"seconds": 0, "per_second": 0} == two.to_json() | {"seconds": 0, "per_second": 0}
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_a_worker_reads_the_stored_hashes_itself_and_skips_them(tmp_path, corpus):  # noqa: F811
    db = tmp_path / "db.sqlite"
    with Store(db) as store:
        ingest([corpus], store, extract=fake_extract)
    from rasd.ingest.sources import read_source
    raws = list(read_source(corpus))
    outs = _work_chunk(WorkerSpec(failing_extract, None, str(db)), raws)
    stored = [o for o in outs if isinstance(o, tuple)]
    assert len(stored) == 13 and all(doc is None and sig is None for _, doc, sig in stored)


def test_a_failing_extraction_is_an_outcome_not_an_exception(corpus):  # noqa: F811
    from rasd.ingest.sources import read_source
    outs = [Worker(failing_extract, frozenset())(r) for r in read_source(corpus)]
    assert sum(getattr(o, "reason", None) == "extract_failed" for o in outs) == 13


def test_stream_keeps_input_order_and_bounds_what_is_in_flight():
    submitted = []

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    class Pool:
        def submit(self, fn, spec, chunk):
            submitted.append(chunk)
            return Done([x * 10 for x in chunk])

    def chunks():
        for i in range(10):
            # when chunk i is asked for, at most `limit` earlier chunks may still be unreturned
            assert len(submitted) - len(results) <= 3
            yield [i]

    results = []
    for out in _stream(Pool(), None, chunks(), 3):
        results.append(out)
    assert results == [[i * 10] for i in range(10)]


def test_fresh_workers_take_over_after_recycle_after_inputs_and_the_result_is_the_same(tmp_path, corpus,  # noqa: F811
                                                                                        monkeypatch):
    import rasd.ingest.run as run

    pools = []

    class Counted(run.ProcessPoolExecutor):
        def __init__(self, *a, **k):
            pools.append(self)
            super().__init__(*a, **k)

    monkeypatch.setattr(run, "ProcessPoolExecutor", Counted)
    with Store(tmp_path / "one.db") as store:
        one = ingest([corpus], store, extract=fake_extract, batch=5)
    with Store(tmp_path / "two.db") as store:
        two = ingest([corpus], store, extract=fake_extract, batch=5, workers=2, start_method="fork",
                     recycle_after=run.CHUNK)
    # 13 inputs, one chunk of CHUNK inputs per pool: a pool for every chunk
    assert len(pools) == -(-13 // run.CHUNK)
    assert one.to_json() | {"seconds": 0, "per_second": 0} == two.to_json() | {"seconds": 0, "per_second": 0}
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    pools.clear()
    with Store(tmp_path / "three.db") as store:
        ingest([corpus], store, extract=fake_extract, batch=5, workers=2, start_method="fork")
    assert len(pools) == 1      # the default reads 20,000 inputs before recycling
