"""The distributed merge (rasd.batch.merging) gives exactly the SQLite store's merged events."""
import json
import random

import pytest

from rasd.batch.merging import Bucket, assign, buckets, components
from rasd.ingest.records import Report
from rasd.store import Store, merge
from rasd.store.dedupe import signature

PLACES = [("ocha:a", 36.20, 37.16), ("ocha:b", 36.25, 37.20), ("ocha:c", 35.93, 36.63),
          (None, 36.21, 37.17), (None, 35.94, 36.70), ("ocha:d", None, None), (None, 33.5, 36.3),
          ("ocha:e", 36.249, 37.499), (None, 36.251, 37.501)]          # the last two straddle a cell edge
ACTORS = ["actor:a", "actor:b", "actor:c"]
TYPES = ["AIRSTRIKE", "SHELLING"]
DATES = [None, "2017-03-01", "2017-03-02", "2017-03-03", "2017-03-05", "2017-03-06", "2017-03", "2017-02-30"]


def random_doc(rng: random.Random, n: int) -> dict:
    entities, events = [], []
    for i, (kb, lat, lon) in enumerate(PLACES):
        entities.append({"id": f"P{i}", "type": "PLACE", "kb_id": kb, "mentions": [],
                         "geo": None if lat is None else {"lat": lat, "lon": lon}})
    for i, a in enumerate(ACTORS):
        entities.append({"id": f"A{i}", "type": "ACTOR", "kb_id": a, "mentions": []})
    for v in range(rng.randint(1, 4)):
        events.append({"id": f"V{v}", "type": rng.choice(TYPES),
                       "date": {"value": rng.choice(DATES)},
                       "places": rng.sample([f"P{i}" for i in range(len(PLACES))], rng.randint(0, 2)),
                       "agents": rng.sample([f"A{i}" for i in range(3)], rng.randint(0, 1)),
                       "targets": [], "partners": [], "fatalities": rng.choice([None, 1, 5])})
    return {"doc_id": f"d{n}", "source": {"published": "2017-03-04"}, "text": f"t{n}", "entities": entities,
            "events": events}


@pytest.mark.parametrize("seed", range(12))
def test_assign_gives_the_stores_groups(tmp_path, seed):
    rng = random.Random(seed)
    docs = [random_doc(rng, n) for n in range(40)]
    with Store(tmp_path / "db") as store:
        for n, doc in enumerate(docs):
            store.add(Report(f"o{n}", f"{n:064d}", doc["text"], None, None, None, "2017-03-04"), doc,
                      signature(f"report number {n} " * 3))
        stored = store.conn.execute("SELECT r.sha, e.vid, e.merged_id FROM events e JOIN reports r "
                                    "ON r.id = e.report_id ORDER BY e.id").fetchall()
    shas, keys, names = [], [], []
    for n, doc in enumerate(docs):
        for ev, key in merge.keys_of(doc):
            shas.append(f"{n:064d}")
            # the dataset keeps keys as JSON, as the store does
            keys.append(merge.EventKey.from_json(key.type, key.date, json.loads(json.dumps(key.to_json()))))
            names.append((f"{n:064d}", ev["id"]))
    # per bucket, as the Dask step runs it
    ours: dict[tuple, tuple] = {}
    for b in buckets((k.type, k.date) for k in keys):
        idx = [i for i, k in enumerate(keys) if k.type == b.type and k.date in b.dates]
        groups = assign([shas[i] for i in idx], [keys[i] for i in idx])
        for i, g in zip(idx, groups):
            ours[names[i]] = (b.name, g)
    theirs = {(sha, vid): mid for sha, vid, mid in stored}
    assert len(ours) == len(theirs) == len(keys)

    def partition(labels):
        out = {}
        for name, label in labels.items():
            out.setdefault(label, set()).add(name)
        return sorted(sorted(g) for g in out.values())

    assert partition(ours) == partition(theirs)
    assert len(set(theirs.values())) < len(theirs), "the sample merged nothing: it tests too little"


def test_buckets_chain_days_within_the_window_and_keep_odd_dates_apart():
    got = buckets([("A", "2017-03-01"), ("A", "2017-03-02"), ("A", "2017-03-04"), ("A", None), ("A", "2017-03"),
                   ("B", "2017-03-02")])
    assert got == [Bucket("A", ("2017-03-01", "2017-03-02")), Bucket("A", ("2017-03-04",)),
                   Bucket("A", ("2017-03",)), Bucket("A", (None,)), Bucket("B", ("2017-03-02",))]


def test_components_join_across_a_cell_edge_but_not_far_places_or_far_dates():
    k = lambda places, d="2017-03-01": merge.EventKey("A", d, tuple(places), frozenset())  # noqa: E731
    keys = [k([(None, 36.249, 37.499)]), k([(None, 36.251, 37.501)]), k([(None, 33.5, 36.3)]),
            k([("x", None, None)]), k([("x", None, None)], "2017-03-09")]
    comp = components(keys)
    assert comp[0] == comp[1] and len({comp[0], comp[2], comp[3], comp[4]}) == 4
