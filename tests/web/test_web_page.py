"""The web page in a real browser: Debian's chromium driven by Playwright over a live `rasd serve`.

The store is built by hand (invented names and places, plus one report whose names are hostile
markup), so nothing here depends on extraction.  Each test saves a screenshot of its view under
``screenshots/`` (git-ignored) for a reviewer.  Outside CI the tests skip when chromium, the
Playwright package or the page's npm files (``npm ci``) are missing; under CI they fail.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the API extra is not installed (pip install 'rasd[api]')")

import hand_store  # noqa: E402

CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "rasd" / "web" / "vendor"
SHOTS = ROOT / "screenshots"
TOKEN = "test-token-123"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]




def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI requires this: {reason}")
    pytest.skip(reason)


# ---- a hand-made store -------------------------------------------------------------------------

HOSTILE = '<img src=x onerror="window.__pwned=1">'
# the API tests' entities and a person; documents by the same builder (tests/hand_store.py)
ENTITIES = [*hand_store.ENTITIES,
            {"id": "E5", "type": "PERSON", "name_ar": "سامر الوادي", "name_en": "Samer al-Wadi", "kb_id": "person:samer"}]


def document(doc_id: str, outlet: str, published: str, sentences: list[str], events: list[dict],
             entities: list[dict] = ENTITIES) -> dict:
    return hand_store.document(doc_id, outlet, published, sentences, events, entities)


DOCS = [
    document("aaaa000000000001", "alpha", "2019-04-03",
             ["شنت طائرات لواء النسور الحمر غارة على مواقع جبهة الصمود الجديدة في تل الورد فجر الثلاثاء.",
              "واندلعت اشتباكات عنيفة بين جبهة الصمود الجديدة ولواء النسور الحمر قرب عين الزيتون."],
             [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
               "date": "2019-04-02", "fatalities": 4, "sentence": 0, "trigger_word": "غارة"},
              {"id": "V2", "type": "ARMED_CLASH", "agents": ["E2"], "targets": ["E1"], "places": ["E4"],
               "date": "2019-04-03", "sentence": 1, "trigger_word": "اشتباكات"}]),
    document("bbbb000000000002", "beta", "2019-04-05",
             ["قال شهود إن غارة للواء النسور الحمر أصابت تل الورد وقتل فيها ستة.",
              "والتقى سامر الوادي قادة جبهة الصمود الجديدة في عين الزيتون يوم الجمعة."],
             [{"id": "V1", "type": "AIRSTRIKE", "agents": ["E1"], "targets": ["E2"], "places": ["E3"],
               "date": "2019-04-02", "fatalities": 6, "sentence": 0, "trigger_word": "غارة"},
              {"id": "V2", "type": "MEETING", "partners": ["E5", "E2"], "places": ["E4"], "date": "2019-04-05",
               "sentence": 1, "trigger_word": "والتقى"}]),
    document("cccc000000000003", "gamma</title><script>window.__pwned=2</script>", "2019-05-01",
             [f"اعتقلت {HOSTILE} عناصر من جبهة الصمود الجديدة في تل الورد."],
             [{"id": "V1", "type": "ARREST", "agents": ["E9"], "targets": ["E2"], "places": ["E3"],
               "date": "2019-05-01", "sentence": 0, "trigger_word": "اعتقلت"}],
             [*ENTITIES, {"id": "E9", "type": "ACTOR", "name_ar": HOSTILE, "name_en": "<b>bold</b>",
                          "kb_id": None, "category": "<script>x</script>"}]),
]


def build_store(path: Path) -> None:
    hand_store.build(path, DOCS)


# ---- the server and the browser ----------------------------------------------------------------

@pytest.fixture
def server(tmp_path_factory):
    """A fresh store and server per test: corrections made by one test do not leak into another."""
    import uvicorn

    from rasd.api.app import create_app

    if not (VENDOR / "leaflet.js").is_file():
        _missing("the page's npm files are missing: run `npm ci` in the checkout")
    db = tmp_path_factory.mktemp("web") / "rasd.db"
    build_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, token=TOKEN, allowed_hosts=["127.0.0.1", "localhost"])
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}/", "db": db}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        _missing(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page with its console errors, uncaught exceptions and requests to other hosts recorded."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1400, "height": 1800})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

        def route(r):
            if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.external.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)

    def open(self, query: str = "") -> object:
        self.page.goto(self.base + query)
        self.page.wait_for_selector("body[data-loaded]")
        self.page.wait_for_selector("body[data-borders]")
        return self.page

    def assert_clean(self) -> None:
        """No console error, no uncaught exception, no request elsewhere, no error in the status line."""
        assert self.errors == []
        assert self.external == []
        assert "error" not in (self.page.get_attribute("#status", "class") or ""), self.page.inner_text("#status")

    def shot(self, name: str) -> None:
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server):
    w = Watched(browser, server["url"])
    yield w
    w.close()


def wait_until(check, timeout: float = 15.0) -> None:
    """Poll ``check`` from Python: the page's CSP (no eval) refuses Playwright's wait_for_function."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the page")
        time.sleep(0.05)


def pixels(png: bytes) -> list[tuple[int, int, int]]:
    """The RGB pixels of an 8-bit RGB/RGBA PNG (as Chromium writes screenshots), decoded with zlib."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + n
    raw, stride, out, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += [tuple(line[i:i + 3]) for i in range(0, stride, bpp)]
        prev = line
    return out


def reload_when_loaded(page, action) -> None:
    before = page.get_attribute("body", "data-loaded")
    action()
    wait_until(lambda: page.get_attribute("body", "data-loaded") != before)


# ---- the tests ---------------------------------------------------------------------------------

def test_page_loads_clean_offline_with_borders_and_one_marker_per_located_event(watched):
    page = watched.open()
    assert page.get_attribute("body", "data-total") == "4"   # 4 merged events (the airstrike told twice)
    # Natural Earth borders drawn as SVG paths by Leaflet
    assert page.locator("path.country-border").count() >= 1
    d = page.locator("path.country-border").first.get_attribute("d") or ""
    assert d.count("L") >= 10    # clipped to the view by Leaflet: the Turkish border runs across it
    # and they are seen: zoomed out, the map shows land (#f5f3ec), sea (#c9dcec) and border lines
    page.click(".leaflet-control-zoom-out")
    page.click(".leaflet-control-zoom-out")
    time.sleep(0.6)
    px = pixels(page.locator("#map").screenshot(animations="disabled"))
    share = lambda rgb: sum(1 for p in px if all(abs(p[i] - rgb[i]) <= 4 for i in range(3))) / len(px)  # noqa: E731
    assert share((245, 243, 236)) > 0.2 and share((201, 220, 236)) > 0.05
    assert sum(1 for p in px if max(p) < 140) > 500   # dark pixels: border lines, labels
    # one marker or cluster per located event: markers + the events inside the clusters == 4
    page.wait_for_selector(".event-marker, .marker-cluster")
    singles = page.locator(".event-marker").count()
    clustered = sum(int(t) for t in page.locator(".marker-cluster span").all_inner_texts())
    assert singles + clustered == 4
    assert page.get_attribute("#map", "data-markers") == "4"
    assert page.locator("#events tbody tr").count() == 4
    # approximate governorate lines, drawn from the installed gazetteer's localities inside Syria
    page.wait_for_selector("#map[data-admin-lines]", state="attached")
    assert int(page.get_attribute("#map", "data-admin-lines")) > 100
    assert page.locator("path.admin-line-governorate").count() == 1
    assert "approximate" in page.inner_text(".leaflet-control-attribution")
    watched.shot("01-page")
    watched.assert_clean()


def test_a_filter_changes_the_count_and_the_url(watched):
    page = watched.open()
    reload_when_loaded(page, lambda: page.select_option("#filters select[name=type]", "AIRSTRIKE"))
    assert page.get_attribute("body", "data-total") == "1"
    assert page.locator("#events tbody tr").count() == 1
    assert "type=AIRSTRIKE" in page.url
    wait_until(lambda: "all (4)" in page.locator("#filters select[name=type] option").first.inner_text())
    watched.shot("02-filtered")
    # the URL reproduces the view
    page2 = watched.open("?outlet=beta")
    assert page2.get_attribute("body", "data-total") == "2"
    watched.assert_clean()


def test_report_view_highlights_spans_at_their_offsets(watched):
    page = watched.open()
    page.locator("#events tbody tr .report-link").first.click()
    page.wait_for_selector("#report-text mark")
    doc = DOCS[0]
    marks = page.eval_on_selector_all(
        "#report-text mark", "ms => ms.map(m => [+m.dataset.start, +m.dataset.end, m.textContent, m.dataset.label])")
    want = {(m["start"], m["end"]) for e in doc["entities"] for m in e["mentions"]}
    want |= {(ev["trigger"]["start"], ev["trigger"]["end"]) for ev in doc["events"]}
    assert {(s, e) for s, e, _, _ in marks} == want
    for s, e, text, _ in marks:
        assert doc["text"][s:e] == text
    # the text is the report's text, whole, right to left
    assert page.inner_text("#report-text").replace("\n", "") .count(doc["text"][:20]) == 1
    assert page.get_attribute("#report-text", "dir") == "rtl"
    evidence = page.eval_on_selector_all("#report-text .evidence",
                                         "es => es.map(e => [+e.dataset.spanStart, +e.dataset.spanEnd, e.textContent])")
    assert sorted((s, e) for s, e, _ in evidence) == sorted(tuple(ev["evidence"][0]) for ev in doc["events"])
    assert all(doc["text"][s:e] == t for s, e, t in evidence)
    assert page.locator(".report-event").count() == 2
    assert "the only namesake" in page.inner_text("#report-events")   # a place's why
    watched.shot("03-report")
    watched.assert_clean()


def test_hostile_text_stays_inert(watched):
    page = watched.open()
    page.wait_for_selector("#events tbody tr")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#events img, #detail img, #report-text img, #events script").count() == 0
    assert HOSTILE in page.inner_text("#events")                     # shown as text
    row = page.locator("#events tbody tr", has_text="ARREST")
    row.click()
    assert HOSTILE in page.inner_text("#detail")
    page.hover(".event-marker.selected")                               # the map's hover card
    page.wait_for_selector(".leaflet-tooltip .card")
    assert HOSTILE in page.inner_text(".leaflet-tooltip .card")
    assert page.locator(".leaflet-tooltip img, .leaflet-tooltip b:has-text('bold')").count() == 0
    row.locator(".report-link").click()
    page.wait_for_selector("#report-text mark")
    assert HOSTILE in page.inner_text("#report-text")
    assert page.locator("#report-text img, #report-events img").count() == 0
    assert page.evaluate("window.__pwned") is None
    watched.shot("04-hostile")
    watched.assert_clean()


def test_a_correction_round_trips_into_the_gold_export(watched, server, tmp_path):
    page = watched.open()
    page.click("#analyst summary")
    page.fill("#analyst-name", "Layla")
    page.fill("#analyst-token", TOKEN)
    page.dispatch_event("#analyst-name", "change")
    page.dispatch_event("#analyst-token", "change")
    page.locator("#events tbody tr", has_text="ARMED_CLASH").click()
    page.click("#correct-button")
    page.select_option("#correct-form select[name=type]", "SHELLING")
    with page.expect_response(lambda r: "/corrections" in r.url and r.request.method == "POST") as resp:
        page.click("#correct-save")
    assert resp.value.status == 201
    page.wait_for_selector("#events .badge.corrected")
    assert "SHELLING" in page.inner_text("#events")
    page.wait_for_selector("#correct-dialog", state="hidden")   # closes as soon as the correction is saved
    wait_until(lambda: "1 corrections" in page.inner_text("#stats"))
    assert "type ARMED_CLASH" in page.inner_text("#detail .machine")     # the machine's value, kept
    watched.shot("05-corrected")

    # the gold export scores the machine's own output against what the analyst fixed
    r = page.request.get(server["url"] + "corrections/gold.zip")
    assert r.status == 200
    out = tmp_path / "gold"
    (tmp_path / "gold.zip").write_bytes(r.body())
    zipfile.ZipFile(tmp_path / "gold.zip").extractall(out)
    gold = [json.loads(line) for line in (out / "corrections" / "gold.jsonl").read_text("utf-8").splitlines()]
    assert [g["doc_id"] for g in gold] == ["aaaa000000000001"]
    assert sorted(e["type"] for e in gold[0]["events"]) == ["AIRSTRIKE", "SHELLING"]
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(DOCS[0], ensure_ascii=False) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "rasd.cli.main", "eval", str(out / "corrections" / "gold.jsonl"),
                             "--pred", str(pred), "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (1, 1, 1)   # the clash is now a miss
    watched.assert_clean()


def test_writes_from_the_page_need_the_token(watched):
    page = watched.open()
    page.click("#analyst summary")
    page.fill("#analyst-name", "Mallory")
    page.fill("#analyst-token", "wrong")
    page.locator("#events tbody tr", has_text="AIRSTRIKE").click()
    with page.expect_response(lambda r: "/corrections" in r.url) as resp:
        page.click("#wrong-button")
    assert resp.value.status == 401
    wait_until(lambda: "R805" in page.inner_text("#status"))   # the page handles the response after it arrives
    watched.errors = [e for e in watched.errors if "401" not in e]   # the refused fetch is logged
    assert watched.errors == [] and watched.external == []   # the status line shows the refusal, as it should


def test_a_click_selects_the_event_everywhere(watched):
    page = watched.open()
    page.locator("#events tbody tr", has_text="ARMED_CLASH").click()
    mid = page.locator("#events tbody tr.selected").get_attribute("data-event")
    assert "ARMED_CLASH" in page.inner_text("#detail") and f"event {mid}" in page.inner_text("#detail")
    page.wait_for_selector(f".event-marker.selected[data-event='{mid}']")   # the map zooms to it
    assert page.locator("#timeline .bar.picked").count() == 1
    assert page.locator("#timeline .bar.picked").get_attribute("data-type") == "ARMED_CLASH"
    assert page.locator("#network .node.picked").count() == 2             # its agent and its target
    # and back: a marker, reached by keyboard, selects its row
    page.locator("#events tbody tr", has_text="MEETING").click()
    assert page.locator("#events tbody tr.selected").get_attribute("data-event") != mid
    marker = page.locator(f".event-marker[data-event='{mid}']")
    marker.focus()
    marker.press("Enter")
    assert page.locator("#events tbody tr.selected").get_attribute("data-event") == mid
    watched.shot("06-selected")
    watched.assert_clean()


def drag(page, selector: str, x0: float, x1: float, y: float) -> None:
    box = page.locator(selector).bounding_box()
    page.mouse.move(box["x"] + x0 * box["width"], box["y"] + y * box["height"])
    page.mouse.down()
    page.mouse.move(box["x"] + (x0 + x1) / 2 * box["width"], box["y"] + y * box["height"], steps=3)
    page.mouse.move(box["x"] + x1 * box["width"], box["y"] + y * box["height"], steps=3)
    page.mouse.up()


def test_brushing_the_timeline_filters_the_dates(watched):
    page = watched.open()
    # the events span 2019-04-02 .. 2019-05-01 in day bins; brush the first third (April 2-11)
    reload_when_loaded(page, lambda: drag(page, "#timeline", 0.05, 0.33, 0.5))
    assert page.input_value("#filters input[name=from]") == "2019-04-02"
    to = page.input_value("#filters input[name=to]")
    assert "2019-04-05" <= to < "2019-05-01"
    assert page.get_attribute("body", "data-total") == "3" and "from=2019-04-02" in page.url
    watched.shot("07-brushed")
    watched.assert_clean()


def test_a_box_drawn_on_the_map_filters_the_places(watched):
    page = watched.open()
    page.click("#draw-box")
    # the view is fitted to Tall al-Ward (south-west) and Ain al-Zaytun (north-east): box the south-west half
    reload_when_loaded(page, lambda: _box(page))
    west, south, east, north = map(float, page.input_value("#filters input[name=bbox]").split(","))
    assert west < 36.72 < east and south < 35.61 < north and not (south < 36.31 < north and west < 37.41 < east)
    assert page.get_attribute("body", "data-total") == "2"      # the airstrike and the arrest at Tall al-Ward
    watched.shot("08-box")
    watched.assert_clean()


def _box(page) -> None:
    """Drag a box around Tall al-Ward's marker, from above-left to below-right of it."""
    boxes: list[dict] = []

    def both_places_drawn() -> bool:
        # a marker the cluster layer is still adding or animating has no box yet (None): wait
        # until both places' markers are on the map (under load they come late)
        # (read in one step in the page: a locator per element waits for one the animation removed)
        boxes[:] = page.evaluate("""() => [...document.querySelectorAll('.event-marker, .marker-cluster')]
            .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0)
            .map((r) => ({x: r.x, y: r.y, width: r.width, height: r.height}))""")
        return len(boxes) >= 2

    wait_until(both_places_drawn)
    low = max(boxes, key=lambda b: b["y"])               # Tall al-Ward is the southern one
    cx, cy = low["x"] + low["width"] / 2, low["y"] + low["height"] / 2
    page.mouse.move(cx - 40, cy - 40)
    page.mouse.down()
    page.mouse.move(cx, cy, steps=3)
    page.mouse.move(cx + 40, cy + 40, steps=3)
    page.mouse.up()


def test_a_missed_event_is_added_from_a_selected_span(watched, server, tmp_path):
    page = watched.open()
    page.click("#analyst summary")
    page.fill("#analyst-name", "Layla")
    page.fill("#analyst-token", TOKEN)
    page.locator("#events tbody tr", has_text="MEETING").locator(".report-link").click()
    page.wait_for_selector("#report-text mark")
    doc = DOCS[1]
    start = doc["text"].index("والتقى")
    end = start + len("والتقى سامر الوادي قادة جبهة الصمود الجديدة")
    # select those characters in the rendered text (through the pieces' data-start offsets)
    page.evaluate("""([start, end]) => {
        const at = (offset) => {
          const els = [...document.querySelectorAll('#report-text [data-start]')];
          const el = els.filter(e => +e.dataset.start <= offset).pop();
          return [el.firstChild, offset - +el.dataset.start];
        };
        const r = document.createRange();
        r.setStart(...at(start)); r.setEnd(...at(end));
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
    }""", [start, end])
    page.click("#add-from-selection")
    assert "والتقى" in page.inner_text("#correct-title")
    page.select_option("#correct-form select[name=type]", "MEETING")
    page.fill("#correct-form input[name=agents]", "سامر الوادي؛ جبهة الصمود الجديدة")
    with page.expect_response(lambda r: "/corrections" in r.url and r.request.method == "POST") as resp:
        page.click("#correct-save")
    assert resp.value.status == 201
    added = resp.value.json()
    assert (added["fields"]["start"], added["fields"]["end"]) == (start, end)
    page.wait_for_selector(".report-event.added")
    watched.shot("09-added")
    watched.assert_clean()
