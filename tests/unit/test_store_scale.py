"""The store at scale (issue 9): merge candidates found by SQL, export records built once per
report, and the schema step that moves an old database over."""
from __future__ import annotations

import hashlib
import sqlite3

from test_store import ARTICLE, fake_extract

from rasd.ingest.records import Report
from rasd.store import Store
from rasd.store import merge as merge_mod
from rasd.store.dedupe import signature
from rasd.store.migrations import MIGRATIONS


def far_doc(i: int, n_events: int = 1, lat: float = 33.0, published: str = "2017-05-02") -> dict:
    """A report whose events lie at distinct places far from each other (no merge candidates)."""
    text = ARTICLE.format(n=i) + f" رقم {i}"
    doc = fake_extract(text, published=published, doc_id=f"d{i}")
    doc["entities"] = [doc["entities"][0]] + [
        {"id": f"P{k}", "type": "PLACE", "name_ar": f"مكان {i}-{k}", "name_en": None, "kb_id": f"test:{i}-{k}",
         "mentions": [], "geo": {"lat": lat + k * 0.2, "lon": 30.0 + i * 0.3}, "confidence": 0.9}
        for k in range(n_events)]
    doc["events"] = [{**doc["events"][0], "id": f"V{k}", "places": [f"P{k}"]} for k in range(n_events)]
    return doc


def add(store: Store, doc: dict, outlet: str = "أ") -> None:
    text = doc["text"]
    report = Report(origin=doc["doc_id"], sha=hashlib.sha256(doc["doc_id"].encode()).hexdigest(), text=text, title=None, url=None,
                    outlet=outlet, published=doc["source"]["published"], doc_id=doc["doc_id"])
    with store.transaction():
        store.add(report, doc, signature(text))


def test_match_looks_only_at_candidates_sql_found(tmp_path, monkeypatch):
    with Store(tmp_path / "db") as store:
        for i in range(40):
            add(store, far_doc(i))
        calls = []
        real = merge_mod.same_event
        monkeypatch.setattr(merge_mod, "same_event", lambda a, b: calls.append(1) or real(a, b))
        near = far_doc(7)          # same place kb_id as report 7's event, same day: one candidate
        near["doc_id"] = "near"
        add(store, near)
        assert len(calls) == 1
        assert store.counts()["merged_events"] == 40


def test_records_are_built_once_per_report_and_source(tmp_path, monkeypatch):
    import rasd.export.records as records_mod

    with Store(tmp_path / "db") as store:
        for i in range(5):
            add(store, far_doc(i, n_events=6))
        calls = []
        real = records_mod.records_from_document
        monkeypatch.setattr(records_mod, "records_from_document", lambda d: calls.append(d["doc_id"]) or real(d))
        recs = list(store.records())
    assert len(recs) == 30 and sorted(calls) == [f"d{i}" for i in range(5)]


def test_version_2_moves_places_of_old_events_into_their_table(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript("CREATE TABLE schema_version (version INTEGER NOT NULL);\n" + MIGRATIONS[0]
                       + "\nINSERT INTO schema_version VALUES (1);")
    conn.execute("INSERT INTO reports (id, sha, doc_id, text, doc) VALUES (1, 'x', 'd', 't', '{}')")
    conn.execute("INSERT INTO merged_events (id, type, date) VALUES (1, 'AIRSTRIKE', '2017-05-02')")
    conn.execute("INSERT INTO events (report_id, vid, type, date, key, merged_id) VALUES "
                 "(1, 'V1', 'AIRSTRIKE', '2017-05-02', ?, 1)",
                 ('{"places": [["ocha:idlib", 35.9, 36.6], [null, 36.0, 36.7]], "actors": []}',))
    conn.commit()
    conn.close()
    with Store(db) as store:
        rows = [tuple(r) for r in store.conn.execute("SELECT event_id, kb_id, lat, lon FROM event_places ORDER BY lat")]
    assert rows == [(1, "ocha:idlib", 35.9, 36.6), (1, None, 36.0, 36.7)]
