"""Corrections over HTTP: the token, who/when, shown as corrected in views and exports, never
overwriting the machine's rows, and exported as gold that `rasd eval` scores against."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

import pytest

pytest.importorskip("fastapi", reason="the API extra is not installed (pip install 'rasd[api]')")
from fastapi.testclient import TestClient  # noqa: E402

import hand_store  # noqa: E402
from http_checks import assert_error as error  # noqa: E402
from rasd.api.app import create_app  # noqa: E402
from rasd.eval import evaluate  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path):
    return hand_store.build(tmp_path / "rasd.db")


@pytest.fixture
def client(db):
    with TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def event_of(client, type_: str) -> dict:
    return next(e for e in client.get("/events").json()["events"] if e["type"] == type_)


def machine_rows(db) -> list:
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id, type, date, fatalities, key, merged_id FROM events ORDER BY id").fetchall()


# ---- the token ---------------------------------------------------------------------------------

def test_writes_are_refused_without_a_token_configured(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        mid = c.get("/events").json()["events"][0]["merged_id"]
        r = c.post(f"/events/{mid}/corrections", json={"kind": "wrong", "analyst": "Layla"}, headers=AUTH)
        assert "--token" in error(r, 403, "R806")["hint"]
        assert c.get("/corrections").json()["writes"] is False


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"}, {"Authorization": TOKEN + "x"},
                                     {"Authorization": "Basic " + TOKEN + "="}])
def test_writes_need_the_right_token(client, headers):
    mid = event_of(client, "ARREST")["merged_id"]
    error(client.post(f"/events/{mid}/corrections", json={"kind": "wrong", "analyst": "Mallory"}, headers=headers),
          401, "R805")
    assert client.get("/corrections").json()["count"] == 0


def test_serve_reads_the_token_from_the_environment(rasd_cli, db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setenv("RASD_TOKEN", TOKEN)
    assert rasd_cli("serve", "--db", db).code == 0
    (app, _), = calls
    assert app.state.writes is True
    with TestClient(app, base_url="http://localhost") as c:
        mid = c.get("/events").json()["events"][0]["merged_id"]
        assert c.post(f"/events/{mid}/corrections", json={"kind": "wrong", "analyst": "A"},
                      headers=AUTH).status_code == 201
        # bound to loopback, the server answers to loopback names only (DNS rebinding)
    with TestClient(app, base_url="http://evil.example") as c:
        assert c.get("/healthz").status_code == 400


def test_serve_warns_beyond_loopback(rasd_cli, db, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    result = rasd_cli("serve", "--db", db, "--host", "0.0.0.0")
    assert result.code == 0 and "warning" in result.err and "beyond loopback" in result.err
    assert "warning" not in rasd_cli("serve", "--db", db).err


# ---- corrections shown everywhere, machine rows untouched ------------------------------------------

def test_an_edit_is_shown_as_corrected_and_keeps_the_machine_values(client, db):
    before = machine_rows(db)
    clash = event_of(client, "ARMED_CLASH")
    body = {"kind": "edit", "analyst": "Layla", "note": "mortars, not a clash",
            "fields": {"type": "SHELLING", "modality": "asserted",
                       "targets": [{"name_ar": "أهالي عين الزيتون", "name_en": "civilians"}]}}
    r = client.post(f"/events/{clash['merged_id']}/corrections", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["author"] == "Layla" and made["time"] and made["kind"] == "edit"

    shown = client.get(f"/events/{clash['merged_id']}").json()
    assert shown["type"] == "SHELLING" and shown["machine"]["type"] == "ARMED_CLASH"
    assert shown["correction"]["author"] == "Layla" and shown["correction"]["fields"] == ["modality", "targets", "type"]
    assert [t["name_ar"] for t in shown["targets"]] == ["أهالي عين الزيتون"]
    assert shown["acled"]["event_type"] != clash["acled"]["event_type"]   # the ACLED coding follows the type
    listed = {e["merged_id"]: e for e in client.get("/events").json()["events"]}
    assert listed[clash["merged_id"]]["type"] == "SHELLING"
    assert client.get("/events", params={"type": "ARMED_CLASH"}).json()["total"] == 1  # the filter reads the store
    assert client.get("/facets").json()["type"].get("SHELLING") == 1
    assert machine_rows(db) == before            # never overwriting the machine's output
    rows = list(csv.DictReader(io.StringIO(client.get("/export/acled-csv").text, newline="")))
    corrected = [row for row in rows if "corrected_by=Layla" in row["tags"]]
    assert len(corrected) == 1 and "shelling" in corrected[0]["sub_event_type"].lower()
    lines = [json.loads(x) for x in client.get("/export/jsonl").text.splitlines()]
    assert any(x.get("correction", {}).get("author") == "Layla" for x in lines)


def test_a_wrong_event_is_marked_in_views_and_left_out_of_exports(client):
    arrest = event_of(client, "ARREST")
    assert client.post(f"/events/{arrest['merged_id']}/corrections", json={"kind": "wrong", "analyst": "Omar"},
                       headers=AUTH).status_code == 201
    assert event_of(client, "ARREST")["correction"]["wrong"] is True
    assert len(client.get("/export/jsonl").text.splitlines()) == 3
    assert len(client.get("/export/jsonl", params={"wrong": "true"}).text.splitlines()) == 4
    # a later edit lifts the mark; the history is kept
    r = client.post(f"/events/{arrest['merged_id']}/corrections",
                    json={"kind": "edit", "analyst": "Omar", "fields": {"type": "ABDUCTION"}}, headers=AUTH)
    assert r.status_code == 201
    shown = client.get(f"/events/{arrest['merged_id']}").json()
    assert shown["type"] == "ABDUCTION" and shown["correction"]["wrong"] is False and shown["correction"]["history"] == 2
    assert client.get("/corrections").json()["count"] == 2


@pytest.mark.parametrize("body, what", [
    ({"kind": "edit", "analyst": "A", "fields": {"type": "AIR_RAID"}}, "unknown event type"),
    ({"kind": "edit", "analyst": "A", "fields": {"modality": "maybe"}}, "unknown modality"),
    ({"kind": "edit", "analyst": "A", "fields": {}}, "at least one field"),
    ({"kind": "edit", "analyst": "A", "fields": {"colour": "red"}}, "no field colour"),
    ({"kind": "wrong", "analyst": "A", "fields": {"type": "ARREST"}}, "no field type"),
    ({"kind": "edit", "analyst": "A", "fields": {"places": [{"name_ar": "x", "lat": float("nan"), "lon": 1}]}}, None),
    ({"kind": "edit", "analyst": "A", "fields": {"places": [{"name_ar": "x", "lat": 95, "lon": 1}]}}, "lat and lon"),
    ({"kind": "edit", "analyst": "A", "fields": {"agents": [{"name_en": ""}]}}, "name_ar"),
    ({"kind": "edit", "analyst": "", "fields": {"type": "ARREST"}}, None),
    ({"kind": "add", "analyst": "A", "fields": {"type": "ARREST"}}, "belongs to a report"),
    ({"kind": "edit", "analyst": "A", "fields": {"type": "ARREST"}, "extra": 1}, None),
])
def test_bad_corrections_are_refused(client, body, what):
    mid = event_of(client, "ARREST")["merged_id"]
    r = client.post(f"/events/{mid}/corrections", content=json.dumps(body, allow_nan=True),
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code in (400, 422), r.text
    assert set(r.json()) == {"error"}
    if what:
        assert what in r.json()["error"]["message"]
    assert client.get("/corrections").json()["count"] == 0


def test_a_correction_of_an_unknown_event_is_refused(client):
    r = client.post("/events/999/corrections", json={"kind": "wrong", "analyst": "A"}, headers=AUTH)
    assert r.status_code == 400 and "no event 999" in r.json()["error"]["message"]


# ---- gold export, scored by rasd eval ------------------------------------------------------------

def unzip_gold(client, tmp_path):
    r = client.get("/corrections/gold.zip")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zipfile.ZipFile(io.BytesIO(r.content)).extractall(tmp_path / "g")
    return tmp_path / "g" / "corrections" / "gold.jsonl"


def predictions(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in hand_store.DOCS), encoding="utf-8")
    return pred


def test_gold_from_an_uncorrected_report_scores_the_machine_perfectly(client, tmp_path):
    doc = hand_store.DOCS[2]
    span = doc["text"].find("اعتقلت")
    r = client.post(f"/reports/{doc['doc_id']}/corrections", headers=AUTH, json={
        "kind": "add", "analyst": "Layla",
        "fields": {"type": "ARMED_CLASH", "start": span, "end": len(doc["text"]),
                   "agents": [{"name_ar": "جبهة الصمود الجديدة", "kb_id": "actor:steadfast"}],
                   "places": [{"name_ar": "تل الورد", "kb_id": "ocha:T1", "lat": 35.61, "lon": 36.72}]}})
    assert r.status_code == 201, r.text
    gold_path = unzip_gold(client, tmp_path)
    (gold,) = [json.loads(x) for x in gold_path.read_text("utf-8").splitlines()]
    assert gold["doc_id"] == doc["doc_id"] and gold["published"] == "2019-05-01"
    assert (gold_path.parent.parent / gold["text_file"]).read_text("utf-8") == doc["text"]
    assert [e["type"] for e in gold["events"]] == ["ARREST", "ARMED_CLASH"]
    assert gold["events"][1]["evidence"] == doc["text"][span:]
    result = evaluate(gold_path, predictions(tmp_path))
    ev = result.summary.events
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 1)   # the machine's arrest matches; the added event is a miss


def test_gold_follows_edits_and_wrong_marks(client, tmp_path):
    clash, strike = event_of(client, "ARMED_CLASH"), event_of(client, "AIRSTRIKE")
    assert client.post(f"/events/{clash['merged_id']}/corrections", headers=AUTH,
                       json={"kind": "edit", "analyst": "L", "fields": {"type": "SHELLING"}}).status_code == 201
    assert client.post(f"/events/{strike['merged_id']}/corrections", headers=AUTH,
                       json={"kind": "wrong", "analyst": "L"}).status_code == 201
    gold_path = unzip_gold(client, tmp_path)
    gold = {g["doc_id"]: g for g in map(json.loads, gold_path.read_text("utf-8").splitlines())}
    # the airstrike joined both reports: both are in the gold, without it
    assert sorted(gold) == ["aaaa000000000001", "bbbb000000000002"]
    assert [e["type"] for e in gold["aaaa000000000001"]["events"]] == ["SHELLING"]
    assert [e["type"] for e in gold["bbbb000000000002"]["events"]] == ["AGREEMENT"]
    assert gold["bbbb000000000002"]["events"][0]["modality"] == "planned"
    result = evaluate(gold_path, predictions(tmp_path))
    ev = result.summary.events
    # machine: airstrike (now wrong: fp) and clash (now shelling: fp + fn) in A; airstrike (fp), agreement (tp) in B
    assert (ev.tp, ev.fp, ev.fn) == (1, 3, 1)


def test_export_gold_command(rasd_cli, client, db, tmp_path):
    mid = event_of(client, "ARREST")["merged_id"]
    client.post(f"/events/{mid}/corrections", headers=AUTH, json={"kind": "edit", "analyst": "L",
                                                                   "fields": {"modality": "negated"}})
    result = rasd_cli("corrections", "export-gold", tmp_path / "out", "--db", db)
    assert result.code == 0, result.err
    gold = tmp_path / "out" / "corrections" / "gold.jsonl"
    assert json.loads(gold.read_text("utf-8"))["events"][0]["modality"] == "negated"
    listed = rasd_cli("corrections", "list", "--db", db)
    assert json.loads(listed.out.splitlines()[0])["fields"] == {"modality": "negated"}


def test_an_older_database_gains_the_corrections_table_when_served(db):
    with sqlite3.connect(db) as c:
        c.execute("DROP TABLE corrections")
        c.execute("ALTER TABLE events DROP COLUMN modality")        # and the events' modality (4)
        c.execute("DELETE FROM schema_version WHERE version > 2")  # the corrections migration
    with TestClient(create_app(db, token=TOKEN)) as c:
        assert c.get("/stats").json()["corrections"] == 0
        mid = c.get("/events").json()["events"][0]["merged_id"]
        assert c.post(f"/events/{mid}/corrections", json={"kind": "wrong", "analyst": "A"}, headers=AUTH).status_code == 201
