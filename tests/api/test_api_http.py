"""The HTTP API's guards and paging: body limit, integer ranges, bbox, security headers, Host
check, pagination, facets, read connections per request, extraction off the event loop."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

pytest.importorskip("fastapi", reason="the API extra is not installed (pip install 'rasd[api]')")
from fastapi.testclient import TestClient  # noqa: E402

import hand_store  # noqa: E402
from http_checks import assert_error as error  # noqa: E402
from rasd.api.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return hand_store.build(tmp_path_factory.mktemp("api") / "rasd.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, max_body=4096), raise_server_exceptions=False) as c:
        yield c


# ---- body limit ----------------------------------------------------------------------------------

def test_a_body_beyond_the_limit_is_413(client):
    text = "نص " * 3000   # ~15 kB > 4096
    assert "4096" in error(client.post("/extract", json={"text": text}), 413, "R804")["message"]


def test_a_body_without_content_length_is_counted_as_it_streams(client):
    def chunks():
        for _ in range(10):
            yield b'{"text": "' + b"a" * 1000
        yield b'"}'

    error(client.post("/extract", content=chunks(), headers={"Content-Type": "application/json"}), 413, "R804")


def test_a_small_body_passes_the_limit(client, monkeypatch):
    import rasd

    monkeypatch.setattr(rasd, "extract", lambda text, **kw: {"text": text})
    assert client.post("/extract", json={"text": "نص قصير"}).json() == {"text": "نص قصير"}


def test_every_post_route_has_the_body_limit(db):
    """Each POST the app declares (extract and the token-guarded corrections) refuses an
    oversized body with 413 before the route (its token check, its parsing) sees it."""
    app = create_app(db, max_body=4096, token="t0ken")
    # from the OpenAPI description: routes of included routers are not all listed in app.routes
    posts = sorted(path for path, ops in app.openapi()["paths"].items() if "post" in ops)
    assert len(posts) >= 3 and "/extract" in posts
    big = {"analyst": "A", "kind": "edit", "text": "نص " * 3000}
    with TestClient(app, raise_server_exceptions=False) as c:
        for path in posts:
            url = path.replace("{merged_id}", "1").replace("{doc_id}", "x")
            r = c.post(url, json=big)          # no token either: the size is refused first
            error(r, 413, "R804")


# ---- integers, bbox, dates -------------------------------------------------------------------------

@pytest.mark.parametrize("path, params", [
    ("/events", {"limit": 2**63}), ("/events", {"limit": 10**6}), ("/events", {"offset": 2**63}),
    ("/events/99999999999999999999", {}), ("/events/0", {}), ("/events/-1", {}),
    ("/quarantine", {"limit": 2**64}), ("/export/jsonl", {"limit": 2**64}),
    ("/events", {"bbox": "nan,35,37,36"}), ("/events", {"bbox": "36,35,inf,36"}),
    ("/events", {"bbox": "36,37,37,35"}), ("/events", {"bbox": "200,35,210,36"}),
    ("/events", {"from": "2019-05-01", "to": "2019-04-01"}), ("/facets", {"bbox": "nan,nan,nan,nan"}),
    ("/events", {"modality": "maybe"}),
])
def test_out_of_range_values_are_422(client, path, params):
    error(client.get(path, params=params), 422, "R802")


def test_the_largest_id_is_a_404_not_an_overflow(client):
    error(client.get(f"/events/{2**63 - 1}"), 404, "R801")


# ---- security headers, Host check ---------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/static/app.js", "/events", "/nowhere", "/events/abc"])
def test_security_headers_on_every_response(client, path):
    h = client.get(path).headers
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert "default-src 'self'" in h["content-security-policy"]
    assert "unsafe-inline" not in h["content-security-policy"] and "unsafe-eval" not in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_host_check(db):
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://localhost:8000") as c:
        assert c.get("/healthz").status_code == 200
    with TestClient(app, base_url="http://attacker.example") as c:
        assert "attacker.example" in error(c.get("/healthz"), 400, "R803")["message"]
    with TestClient(app, base_url="http://[::1]:8000") as c:
        error(c.get("/healthz"), 400, "R803")   # not in this list


# ---- pagination and facets -----------------------------------------------------------------------

def test_default_page_and_pages_cover_everything_once(client):
    body = client.get("/events").json()
    assert body["limit"] == 100 and body["offset"] == 0 and body["total"] == 4 and body["next"] is None
    every = [e["merged_id"] for e in body["events"]]
    seen, url = [], "/events?limit=2"
    while url:
        page = client.get(url).json()
        assert page["total"] == 4 and page["count"] <= 2
        seen += [e["merged_id"] for e in page["events"]]
        url = page["next"] and "/" + page["next"]
    assert seen == every and len(set(seen)) == 4


def test_next_keeps_the_filters(client):
    page = client.get("/events", params={"place": "تل الورد", "limit": 1}).json()
    assert page["total"] == 2 and "place=" in page["next"]
    second = client.get("/" + page["next"]).json()
    assert second["offset"] == 1 and second["count"] == 1 and second["next"] is None
    assert second["events"][0]["merged_id"] != page["events"][0]["merged_id"]


def test_modality_filter_and_facets(client):
    assert [e["type"] for e in client.get("/events", params={"modality": "planned"}).json()["events"]] == ["AGREEMENT"]
    f = client.get("/facets").json()
    assert f["total"] == 4
    assert f["type"] == {"AGREEMENT": 1, "AIRSTRIKE": 1, "ARMED_CLASH": 1, "ARREST": 1}
    assert f["modality"] == {"asserted": 3, "planned": 1}
    assert f["outlet"] == {"alpha": 2, "beta": 2, "gamma": 1}
    assert client.get("/facets", params={"outlet": "gamma"}).json()["type"] == {"ARREST": 1}


# ---- concurrency -----------------------------------------------------------------------------

def test_each_request_reads_on_its_own_connection(db):
    app = create_app(db, readers=4)
    pool = app.state.readers
    with pool.reading() as a, pool.reading() as b:
        assert a is not b and a.conn is not b.conn
        assert a.conn.execute("PRAGMA query_only").fetchone()[0] == 1
    # concurrent readers do not wait on one another: two slow reads overlap
    inside, overlap = [], threading.Event()

    def read():
        with pool.reading() as s:
            inside.append(1)
            if len(inside) == 2:
                overlap.set()
            overlap.wait(2)
            s.counts()

    threads = [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlap.is_set()


def test_extraction_runs_off_the_event_loop(db, monkeypatch):
    """While one slow extraction runs, the server still answers other requests."""
    import httpx

    import rasd

    started = threading.Event()

    def slow(text, **kw):
        started.set()
        time.sleep(1.0)
        return {"text": text}

    monkeypatch.setattr(rasd, "extract", slow)
    app = create_app(db)

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            slow_call = asyncio.create_task(c.post("/extract", json={"text": "نص"}))
            while not started.is_set():
                await asyncio.sleep(0.01)
            t0 = time.monotonic()
            health = await c.get("/healthz")
            waited = time.monotonic() - t0
            await slow_call
            return health.status_code, waited

    status, waited = asyncio.run(run())
    assert status == 200 and waited < 0.8


def test_serve_with_workers_passes_its_settings_to_each_worker(rasd_cli, db, monkeypatch):
    import uvicorn

    from rasd.api import app as api_app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    for name in (api_app.ENV_DB, api_app.ENV_MAX_BODY, api_app.ENV_HOSTS, api_app.ENV_TOKEN):
        monkeypatch.setenv(name, "")   # recorded, so what serve sets is undone after the test
        monkeypatch.delenv(name)
    result = rasd_cli("serve", "--db", db, "--workers", "3", "--max-body", "5000", "--token", "tok")
    assert result.code == 0, result.err
    (target, kw), = calls
    assert target == "rasd.api.app:app_from_env" and kw["factory"] is True and kw["workers"] == 3
    worker = api_app.app_from_env()          # what each worker process builds
    assert worker.state.store.path == db and worker.state.writes is True
    with TestClient(worker, base_url="http://localhost") as c:
        assert c.get("/healthz").status_code == 200
        assert c.post("/extract", content=b"x" * 6000, headers={"Content-Type": "application/json"}).status_code == 413
    with TestClient(worker, base_url="http://elsewhere.example") as c:
        assert c.get("/healthz").status_code == 400   # the loopback Host check travels too


def test_events_with_year_or_month_only_dates_are_served_not_400(tmp_path):
    """The news store holds events dated "2004" or "2015-07"; a page of them once failed with
    400 (the page was narrowed by day with --from 2004)."""
    from rasd.ingest.records import Report
    from rasd.store import Store
    from rasd.store.dedupe import signature

    path = hand_store.build(tmp_path / "db")
    doc = hand_store.document("dddd000000000004", "delta", "2015-07-20",
                             ["اعتقلت جبهة الصمود الجديدة عناصر من لواء النسور الحمر في تل الورد عام 2004."],
                             [{"id": "V1", "type": "ARREST", "agents": ["E2"], "targets": ["E1"], "places": ["E3"],
                               "date": "2004", "sentence": 0},
                              {"id": "V2", "type": "ARREST", "agents": ["E1"], "targets": ["E2"], "places": ["E4"],
                               "date": "2015-07", "sentence": 0}])
    doc["events"][0]["date"]["precision"] = "year"
    doc["events"][1]["date"]["precision"] = "month"
    with Store(path) as store:
        store.add(Report(origin="d.txt", sha="d" * 64, text=doc["text"], title=None, url=doc["source"]["url"],
                         outlet="delta", published="2015-07-20"), doc, signature(doc["text"]))
        dates = {r[0] for r in store.conn.execute("SELECT date FROM merged_events")}
    assert {"2004", "2015-07"} <= dates, dates
    client = TestClient(create_app(path))
    body = client.get("/events").json()
    assert body["total"] == 6 and body["count"] == 6, body
    seen = []
    for offset in range(6):
        page = client.get("/events", params={"limit": 1, "offset": offset})
        assert page.status_code == 200, page.text
        seen += [r["merged_id"] for r in page.json()["events"]]
    assert sorted(seen) == sorted(r["merged_id"] for r in body["events"])
