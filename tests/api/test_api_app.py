"""The HTTP API (rasd/api/app.py) over a small hand-made store: every endpoint, the filters, one error shape.

Documents are built by hand (invented names and places), so nothing here depends on extraction.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the API extra is not installed (pip install 'rasd[api]')")
from fastapi.testclient import TestClient  # noqa: E402

import hand_store  # noqa: E402
from http_checks import assert_error  # noqa: E402

from rasd.api.app import create_app  # noqa: E402
from rasd.errors import DataMissingError, StoreError  # noqa: E402
from rasd.ingest.records import Rejected  # noqa: E402
from rasd.store import Store  # noqa: E402

def document(sentences: list[str], events: list[dict], doc_id: str, outlet: str, published: str) -> dict:
    """A rasd.document/1 dict (tests/hand_store.py); each event's ``sentence`` is its evidence."""
    return hand_store.document(doc_id, outlet, published, sentences, events)


FIRST = document(
    ["شنت طائرات لواء النسور الحمر غارة على مواقع جبهة الصمود الجديدة في تل الورد فجر الثلاثاء.",
     "واندلعت اشتباكات عنيفة بين جبهة الصمود الجديدة ولواء النسور الحمر قرب عين الزيتون يوم الأربعاء."],
    [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
      "date": "2019-04-02", "fatalities": 4, "sentence": 0},
     {"id": "V2", "type": "ARMED_CLASH", "agents": ["E2"], "targets": ["E1"], "places": ["E4"],
      "date": "2019-04-03", "sentence": 1}],
    "aaaa000000000001", "alpha", "2019-04-03")
SECOND = document(
    ["قال شهود إن غارة للواء النسور الحمر أصابت تل الورد وقتل فيها ستة من جبهة الصمود الجديدة.",
     "ووقع لواء النسور الحمر وجبهة الصمود الجديدة اتفاق تهدئة في عين الزيتون يوم الجمعة."],
    [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
      "date": "2019-04-02", "fatalities": 6, "sentence": 0},
     {"id": "V2", "type": "AGREEMENT", "partners": ["E1", "E2"], "places": ["E4"], "date": "2019-04-05",
      "sentence": 1}],
    "bbbb000000000002", "beta", "2019-04-05")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = hand_store.build(tmp_path_factory.mktemp("api") / "rasd.db", [FIRST, SECOND])
    with Store(path) as store:
        store.quarantine(Rejected("feed.xml#3", "not_arabic", "too few Arabic letters"))
        store.quarantine(Rejected("dir/empty.txt", "empty", "nothing left after boilerplate removal"))
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def events(client, **params) -> list[dict]:
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["count"] == len(body["events"])
    return body["events"]


# ---- reading ---------------------------------------------------------------------------------

def test_healthz_and_stats(client):
    assert client.get("/healthz").json() == {"status": "ok", "version": "0.1.0", "schema": "rasd.document/1",
                                             "reports": 2}
    stats = client.get("/stats").json()
    assert (stats["reports"], stats["sources"], stats["events"], stats["quarantine"]) == (2, 2, 4, 2)
    assert stats["merged_events"] == 3   # the airstrike told by both reports is one event


def test_events_are_merged_records_by_date(client):
    evs = events(client)
    assert [(e["type"], e["date"]["value"]) for e in evs] == [
        ("AIRSTRIKE", "2019-04-02"), ("ARMED_CLASH", "2019-04-03"), ("AGREEMENT", "2019-04-05")]
    strike = evs[0]
    assert {s["outlet"] for s in strike["sources"]} == {"alpha", "beta"}
    assert strike["fatalities"] == 4 and "fatalities" in strike["differences"]
    assert any("تل الورد" in ev for s in strike["sources"] for ev in s["evidence"])
    assert strike["places"][0]["lat"] == 35.61 and strike["places"][0]["lon"] == 36.72


@pytest.mark.parametrize("params, types", [
    ({"type": "AIRSTRIKE"}, ["AIRSTRIKE"]),
    ({"actor": "actor:steadfast"}, ["AIRSTRIKE", "ARMED_CLASH", "AGREEMENT"]),
    ({"actor": "النسور"}, ["AIRSTRIKE", "ARMED_CLASH", "AGREEMENT"]),
    ({"actor": "actor:nobody"}, []),
    ({"person": "Eagles"}, []),                       # an actor is not a person
    ({"place": "عين الزيتون"}, ["ARMED_CLASH", "AGREEMENT"]),
    ({"place": "ocha:T1"}, ["AIRSTRIKE"]),
    ({"bbox": "36.5,35.5,37.0,35.8"}, ["AIRSTRIKE"]),
    ({"from": "2019-04-03"}, ["ARMED_CLASH", "AGREEMENT"]),
    ({"from": "2019-04-03", "to": "2019-04-04"}, ["ARMED_CLASH"]),
    ({"source": "beta"}, ["AIRSTRIKE", "AGREEMENT"]),
    ({"source": "alpha.example"}, ["AIRSTRIKE", "ARMED_CLASH"]),
    ({"text": "اتفاق"}, ["AIRSTRIKE", "AGREEMENT"]),   # full text matches the report, not the sentence
    ({"limit": 1}, ["AIRSTRIKE"]),
    ({"limit": 0}, ["AIRSTRIKE", "ARMED_CLASH", "AGREEMENT"]),
])
def test_event_filters(client, params, types):
    assert [e["type"] for e in events(client, **params)] == types


def test_one_event_by_id(client):
    for rec in events(client):
        r = client.get(f"/events/{rec['merged_id']}")
        assert r.status_code == 200 and r.json() == rec
    assert_error(client.get("/events/999"), 404, "R801")
    assert_error(client.get("/events/abc"), 422, "R802")


def test_report_is_the_stored_document(client):
    doc = client.get(f"/reports/{SECOND['doc_id']}").json()
    assert doc == SECOND
    text = doc["text"]
    assert all(text[m["start"]:m["end"]] == m["text"] for e in doc["entities"] for m in e["mentions"])
    assert "unknown" in assert_error(client.get("/reports/unknown"), 404, "R801")["message"]


def test_quarantine(client):
    body = client.get("/quarantine").json()
    assert body["count"] == 2 and {q["reason"] for q in body["quarantined"]} == {"not_arabic", "empty"}
    assert [q["source"] for q in client.get("/quarantine", params={"reason": "empty"}).json()["quarantined"]] \
        == ["dir/empty.txt"]
    assert client.get("/quarantine", params={"limit": 1}).json()["count"] == 1


# ---- exports ---------------------------------------------------------------------------------

def test_export_acled_csv_parses(client):
    r = client.get("/export/acled-csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text, newline="")))
    assert [(row["location"], row["latitude"], row["fatalities"]) for row in rows] == [
        ("Tall al-Ward", "35.61", "4"), ("Ain al-Zaytun", "36.31", "0"), ("Ain al-Zaytun", "36.31", "0")]
    assert "قرب عين الزيتون" in rows[1]["notes"]   # the Arabic evidence survives the round trip


def test_export_geojson_parses_and_filters(client):
    r = client.get("/export/geojson", params={"type": "AIRSTRIKE"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = json.loads(r.text)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.72, 35.61]}


@pytest.mark.parametrize("fmt", ["jsonl", "plover-jsonl"])
def test_export_json_lines(client, fmt):
    r = client.get(f"/export/{fmt}", params={"from": "2019-04-03"})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert len([json.loads(line) for line in r.text.splitlines()]) == 2


def test_unknown_export_format(client):
    assert "acled-csv" in assert_error(client.get("/export/xlsx"), 404, "R801")["hint"]


# ---- extraction ------------------------------------------------------------------------------

def test_extract_passes_the_source_on(client, monkeypatch):
    import rasd

    seen = {}

    def fake(text, **source):
        seen.update(source, text=text)
        return document([text], [], "cccc000000000003", source.get("outlet") or "none", source["published"])

    monkeypatch.setattr(rasd, "extract", fake)
    text = "أعلن لواء النسور الحمر سيطرته على تل الورد."
    r = client.post("/extract", json={"text": text, "published": "2020-01-02", "outlet": "gamma"})
    assert r.status_code == 200 and r.json()["text"] == text
    assert seen == {"text": text, "published": "2020-01-02", "outlet": "gamma"}


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "نص", "published": "2 Jan 2020"},
                                  {"text": "نص", "publshed": "2020-01-02"}, [1, 2]])
def test_extract_rejects_bad_bodies(client, body):
    assert_error(client.post("/extract", json=body), 422, "R802")


def test_extract_errors_keep_the_shape(client, monkeypatch):
    import rasd

    def missing(text, **source):
        raise DataMissingError("no gazetteer installed")

    def broken(text, **source):
        raise ValueError("a bug deep inside")

    monkeypatch.setattr(rasd, "extract", missing)
    assert assert_error(client.post("/extract", json={"text": "نص"}), 503, "R300")["hint"].startswith("Run")
    monkeypatch.setattr(rasd, "extract", broken)
    assert "ValueError" in assert_error(client.post("/extract", json={"text": "نص"}), 500, "R999")["message"]


# ---- errors, the page, the database ----------------------------------------------------------

@pytest.mark.parametrize("path, params", [
    ("/events", {"limit": -1}), ("/events", {"limit": "many"}), ("/events", {"from": "April 2019"}),
    ("/events", {"bbox": "1,2,3"}), ("/export/geojson", {"bbox": "west"}), ("/quarantine", {"limit": -2}),
])
def test_bad_parameters_are_422(client, path, params):
    assert_error(client.get(path, params=params), 422, "R802")


def test_unknown_route_and_method(client):
    assert_error(client.get("/nowhere"), 404, "R801")
    assert_error(client.delete("/events"), 405, "R800")


@settings(max_examples=60)
@given(query=st.text(max_size=30))
def test_any_full_text_query_is_answered_or_refused_cleanly(client, query):
    r = client.get("/events", params={"text": query})
    if r.status_code != 200:
        assert_error(r, 422, "R802")


@settings(max_examples=40)
@given(name=st.text(max_size=20))
def test_any_actor_name_is_a_filter_not_an_error(client, name):
    assert client.get("/events", params={"actor": name}).status_code == 200


# A URL with a scheme or "//" host in src=, href=, url(), @import or fetch(): a resource from elsewhere.
EXTERNAL = re.compile(r"""(src|href)\s*=\s*["']?(\w+:)?//|url\(\s*["']?(\w+:)?//|@import|fetch\(\s*[`"'](\w+:)?//""")


def test_page_and_its_files(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<script src="static/app.js"' in r.text and 'dir="auto"' in r.text
    for name, kind in (("app.js", "javascript"), ("style.css", "text/css")):
        f = client.get(f"/static/{name}")
        assert f.status_code == 200 and kind in f.headers["content-type"]
    assert_error(client.get("/static/missing.js"), 404, "R801")
    for name in ("index.html", "app.js", "style.css"):   # self-contained: nothing fetched elsewhere
        body = client.get(f"/static/{name}").text
        assert not EXTERNAL.search(body), EXTERNAL.search(body)


def test_the_api_never_writes(client):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        client.app.state.store.conn.execute("DELETE FROM quarantine")


def test_missing_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "nowhere.db")
    assert not (tmp_path / "nowhere.db").exists()


def test_serve_command(rasd_cli, db, tmp_path, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    assert rasd_cli("serve", "--db", db, "--port", "8765").code == 0
    (app, kw), = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8765 and app.state.store.path == db
    result = rasd_cli("serve", "--db", tmp_path / "nowhere.db")
    assert result.code == 2 and "R500" in result.err and "Traceback" not in result.err
