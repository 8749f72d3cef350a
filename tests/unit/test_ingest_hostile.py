"""Bad input never stops an ingest and nothing is lost (issue 9): each hostile input becomes a
stored report or a quarantined one with its reason, and ``read == stored + duplicates +
quarantined`` holds with one quarantine row per rejected input."""
import gzip
import http.server
import io
import json
import multiprocessing
import sqlite3
import threading
import time
import zipfile

import pytest
from test_store import ARTICLE, OTHER, fake_extract, write_jsonl

from rasd.ingest import url as url_reader
from rasd.ingest import zip as zip_reader
from rasd.ingest.encoding import decode
from rasd.ingest.prepare import prepare
from rasd.ingest.records import RawReport, Rejected, Report
from rasd.ingest.run import ingest
from rasd.ingest.sources import read_source
from rasd.store import Store


def items(source, **kw):
    return [prepare(x) if isinstance(x, RawReport) else x for x in read_source(str(source), **kw)]


def huge_figure_extract(text, **source):
    doc = fake_extract(text, **source)
    if "999" in text:
        for ev in doc["events"]:
            ev["fatalities"] = 2 ** 63
    return doc


def identity_holds(summary, store):
    assert summary.read == summary.stored + summary.duplicates + summary.quarantined
    assert len(store.quarantined()) >= summary.quarantined


# ---- the store refuses a value: that report is quarantined, the batch is kept ---------------

def test_a_figure_beyond_64_bits_or_a_lone_surrogate_quarantines_one_report(tmp_path):
    rows = [{"text": ARTICLE.format(n=i + 2), "published": "2017-03-01"} for i in range(5)]
    rows[1]["text"] = ARTICLE.format(n=999)
    rows[3]["title"] = "عنوان \ud800 مكسور"
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")   # \ud800 escaped
    for _ in range(2):   # a rerun does not crash at the same place either
        with Store(tmp_path / "db") as store:
            s = ingest([str(path)], store, extract=huge_figure_extract, batch=200)
            identity_holds(s, store)
            assert store.counts()["reports"] == 3
            reasons = {q["source"].rsplit("#", 1)[-1]: q["reason"] for q in store.quarantined()}
    assert reasons == {"2": "store_failed", "4": "store_failed"}


# ---- zip bombs ------------------------------------------------------------------------------

def bomb(members: int, size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ok.txt", ARTICLE.format(n=3))
        for i in range(members):
            z.writestr(f"zeros{i}.txt", b"\0" * size)
    return buf.getvalue()


def test_zip_bomb_members_are_refused_by_ratio_without_unpacking(tmp_path):
    (tmp_path / "bomb.zip").write_bytes(bomb(3, 20 * 1024 * 1024))
    assert (tmp_path / "bomb.zip").stat().st_size < 200_000
    got = items(tmp_path / "bomb.zip")
    assert [type(x).__name__ for x in got] == ["Report", "Rejected", "Rejected", "Rejected"]
    assert all(x.reason == "too_large" and "ratio" in x.message for x in got[1:])


def test_total_expanded_size_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_reader, "MAX_TOTAL_BYTES", 600)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i in range(4):
            z.writestr(f"{i}.txt", ARTICLE.format(n=i))
    (tmp_path / "a.zip").write_bytes(buf.getvalue())
    got = items(tmp_path / "a.zip")
    assert isinstance(got[0], Report) and any(isinstance(x, Rejected) and x.reason == "too_large" for x in got)
    assert len(got) == 4


def test_nested_zips_are_opened_one_level_only(tmp_path):
    inner = ARTICLE.format(n=1).encode()
    for level in range(3):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("x.zip" if level else "x.txt", inner)
        inner = buf.getvalue()
    (tmp_path / "deep.zip").write_bytes(inner)
    [got] = items(tmp_path / "deep.zip")
    assert isinstance(got, Rejected) and got.reason == "too_large" and "deep" in got.message


# ---- URLs -----------------------------------------------------------------------------------

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        page = f"<html><body><article><p>{ARTICLE.format(n=2)}</p><p>{OTHER.format(n=3)}</p></article></body></html>"
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>x</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_and_other_schemes_are_refused_by_default(server):
    [r] = items(f"{server}/page")
    assert r.reason == "refused" and "127.0.0.1" in r.message
    [ok] = items(f"{server}/page", allow_private=True)
    assert isinstance(ok, Report)
    for bad in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x/"):
        [r] = items(bad)
        assert r.reason == "refused" and "scheme" in r.message
    [r] = items(f"{server}/to-file", allow_private=True)   # a redirect is checked like the URL
    assert r.reason == "refused"


def test_body_cap_and_deadline(server, monkeypatch):
    monkeypatch.setattr(url_reader, "MAX_BYTES", 1024 * 1024)
    [r] = items(f"{server}/big", allow_private=True)
    assert r.reason == "too_large"
    monkeypatch.setattr(url_reader, "DEADLINE", 1.0)
    start = time.monotonic()
    [r] = items(f"{server}/drip", allow_private=True)
    assert r.reason == "unreadable" and "longer than" in r.message
    assert time.monotonic() - start < 3.5


class Named(http.server.BaseHTTPRequestHandler):
    """Answers with the name of the server it runs on and the Host header it was sent."""
    name = ""

    def log_message(self, *a):
        pass

    def do_GET(self):
        body = json.dumps({"server": self.name, "host": self.headers.get("Host")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def public_and_internal():
    """One port on two loopback addresses: 127.0.0.2 plays a public web server, 127.0.0.1 an
    internal service a rebinding name must not reach."""
    for _ in range(20):
        public = http.server.ThreadingHTTPServer(("127.0.0.2", 0), type("P", (Named,), {"name": "public"}))
        port = public.server_address[1]
        try:
            internal = http.server.ThreadingHTTPServer(("127.0.0.1", port), type("I", (Named,), {"name": "internal"}))
            break
        except OSError:
            public.server_close()
    else:
        pytest.skip("no port free on both 127.0.0.1 and 127.0.0.2")
    for httpd in (public, internal):
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield port
    for httpd in (public, internal):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def rebinding(monkeypatch):
    """A resolver whose name ``rebind.test`` answers the "public" 127.0.0.2 once, then 127.0.0.1
    (a DNS-rebinding attacker's TTL-0 answers); only 127.0.0.2 counts as a public address."""
    import socket

    real, asked = socket.getaddrinfo, []

    def getaddrinfo(host, port, *a, **kw):
        if host == "rebind.test":
            asked.append(host)
            return real("127.0.0.2" if len(asked) == 1 else "127.0.0.1", port, *a, **kw)
        return real(host, port, *a, **kw)

    non_public = url_reader._non_public
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(url_reader, "_non_public", lambda addr: str(addr) != "127.0.0.2" and non_public(addr))
    return asked


def test_a_rebinding_name_reaches_only_the_address_that_was_checked(public_and_internal, rebinding):
    final, headers, body = url_reader.fetch(f"http://rebind.test:{public_and_internal}/page")
    assert json.loads(body) == {"server": "public", "host": f"rebind.test:{public_and_internal}"}
    assert final == f"http://rebind.test:{public_and_internal}/page"
    assert rebinding == ["rebind.test"]          # resolved once: the check's answer is the connection's
    [r] = items(f"http://rebind.test:{public_and_internal}/page")   # asked again: now 127.0.0.1
    assert r.reason == "refused" and "127.0.0.1" in r.message


def test_a_connection_that_lands_on_a_private_address_is_refused_before_the_body(
        public_and_internal, rebinding, monkeypatch):
    """Were the request not pinned (a client resolving by itself), the address the response came
    from is still checked: the rebinding answer is caught after the connect."""
    monkeypatch.setattr(url_reader, "pinned", lambda url, ip: (url, {}, {}))
    with pytest.raises(url_reader.Refused, match="connected to the non-public address 127.0.0.1"):
        url_reader.fetch(f"http://rebind.test:{public_and_internal}/page")
    assert rebinding == ["rebind.test", "rebind.test"]


def test_a_pinned_https_request_names_the_real_host_to_tls():
    target, headers, extensions = url_reader.pinned("https://news.example:8443/a?b=1", "93.184.216.34")
    assert str(target) == "https://93.184.216.34:8443/a?b=1"
    assert headers == {"Host": "news.example:8443"} and extensions == {"sni_hostname": "news.example"}
    target, headers, extensions = url_reader.pinned("http://xn--mgbh0fb.example/x", "2001:db8::1")
    assert str(target) == "http://[2001:db8::1]/x" and headers == {"Host": "xn--mgbh0fb.example"}
    assert extensions == {}


# ---- silent drops -------------------------------------------------------------------------------

def test_empty_or_garbage_warc_and_dangling_symlink_are_rejected(tmp_path):
    (tmp_path / "empty.warc").write_bytes(b"")
    (tmp_path / "junk.warc").write_bytes(b"WARC/1.0\r\nnot really a record\r\n" * 3)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    got = {x.origin.rsplit("/", 1)[-1]: x for x in items(tmp_path)}
    assert set(got) == {"empty.warc", "junk.warc", "gone.txt"}
    assert all(isinstance(x, Rejected) for x in got.values())
    assert got["gone.txt"].reason == "unreadable" and "symbolic link" in got["gone.txt"].message


def test_rejects_that_share_an_origin_each_keep_a_row(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(3):
                z.writestr("same.txt", "English only text, nothing Arabic here at all.")
    (tmp_path / "dups.zip").write_bytes(buf.getvalue())
    with Store(tmp_path / "db") as store:
        s = ingest([str(tmp_path / "dups.zip")], store, extract=fake_extract)
        assert s.quarantined == 3 and len(store.quarantined()) == 3


# ---- formats ----------------------------------------------------------------------------------

def test_deeply_nested_html_falls_back_to_plain_text_with_a_warning(tmp_path):
    body = "".join(f"<p>{ARTICLE.format(n=i)}</p>" for i in range(3))
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 300 + body + "</div>" * 300 + "</body></html>",
                                        encoding="utf-8")
    [r] = items(tmp_path / "deep.html")
    assert isinstance(r, Report) and ARTICLE.format(n=1) in r.text
    assert r.warnings and "plain text" in r.warnings[0]


def test_html_size_is_checked_before_parsing():
    from rasd.errors import InputError
    from rasd.ingest.html import MAX_HTML_CHARS, page_text

    huge = "<html><body>" + "<div>" * (MAX_HTML_CHARS // 5) + "</body></html>"
    start = time.monotonic()
    with pytest.raises(InputError):
        page_text(huge)
    assert time.monotonic() - start < 2.0   # refused before trafilatura sees it


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path, codec):
    text = ARTICLE.format(n=4) + "\n" + OTHER.format(n=2)
    assert decode(text.encode(codec)) == text
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    [r] = items(tmp_path / "a.txt")
    assert isinstance(r, Report) and r.text.startswith(ARTICLE[:10])


def test_binary_with_nul_bytes_is_still_unsupported(tmp_path):
    (tmp_path / "blob").write_bytes(b"\x00\xff" * 100)
    [r] = items(tmp_path / "blob")
    assert r.reason == "unsupported"


# ---- the whole folder ---------------------------------------------------------------------------

def test_a_folder_of_hostile_files(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    (d / "copy.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    (d / "empty.warc").write_bytes(b"")
    (d / "gone.txt").symlink_to(d / "nowhere")
    (d / "bomb.zip").write_bytes(bomb(2, 8 * 1024 * 1024))
    (d / "utf16.txt").write_bytes(OTHER.format(n=6).encode("utf-16-le"))
    (d / "deep.html").write_text("<html><body>" + "<div>" * 300 + f"<p>{OTHER.format(n=8)}</p>" + "</div>" * 300
                                 + "</body></html>", encoding="utf-8")
    (d / "blob.bin").write_bytes(b"\x00\x01\x02" * 50)
    (d / "lines.jsonl").write_text("\n".join([
        json.dumps({"text": ARTICLE.format(n=999), "published": "2017-01-01"}),
        json.dumps({"text": ARTICLE.format(n=5), "title": "\ud800"}),
        json.dumps({"text": ARTICLE.format(n=7), "published": "14/03/2026"}),
        "{not json", json.dumps([1, 2]), json.dumps({"text": ARTICLE.format(n=11), "published": "2017-01-02"})]),
        encoding="utf-8")
    (d / "part.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": OTHER.format(n=12)}).encode()))
    (d / "bomb.jsonl.gz").write_bytes(gzip.compress(b"\n" * (64 * 1024 * 1024)))
    with Store(tmp_path / "db") as store:
        s = ingest([str(d)], store, extract=huge_figure_extract)
        rows = store.quarantined()
        counts = store.counts()
    assert s.read == s.stored + s.duplicates + s.quarantined == 18
    assert len(rows) == s.quarantined and counts["reports"] == s.stored
    # stored: good.txt, utf16.txt, deep.html, lines.jsonl#6, part.jsonl.gz#1;
    # copies of good.txt: copy.txt, bomb.zip!ok.txt
    assert (s.stored, s.duplicates) == (5, 2)
    assert sorted(r["reason"] for r in rows) == sorted(
        ["unsupported", "empty", "unreadable", "too_large", "too_large",    # blob, empty.warc, gone, 2 bombs
         "too_large",                                                       # the gzip bomb
         "store_failed", "store_failed", "bad_metadata", "bad_record", "bad_record"])  # the JSON lines


# ---- two writers ----------------------------------------------------------------------------------

COPY_TAIL = " وأضافوا أن الدفاع المدني وصل لاحقا."


def _second_writer(warmup, copies, db, started, go):
    """Opens the store and stores one report (so its near-duplicate index exists), then waits
    while the other writer stores the originals, then stores their copies."""
    with Store(db) as store:
        ingest([warmup], store, extract=fake_extract, batch=1)
        started.set()
        go.wait(30)
        ingest([copies], store, extract=fake_extract, batch=1)


def test_a_second_writer_sees_what_the_first_stored_meanwhile(tmp_path):
    n = 6
    base = [f"{ARTICLE.format(n=i + 2)} وذكر شهود أن الغارات تكررت في القرية رقم {i * 13} عند الفجر." for i in range(n)]
    originals = write_jsonl(tmp_path / "a.jsonl", [{"text": t, "published": "2017-03-01"} for t in base])
    copies = write_jsonl(tmp_path / "b.jsonl", [{"text": t + COPY_TAIL, "published": "2017-03-01"} for t in base])
    warmup = write_jsonl(tmp_path / "w.jsonl", [{"text": OTHER.format(n=99) + " تقرير مختلف تماما عن غيره."}])
    db = tmp_path / "db"
    Store(db).close()
    ctx = multiprocessing.get_context("fork")
    started, go = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_second_writer, args=(warmup, copies, db, started, go))
    child.start()
    assert started.wait(30)
    with Store(db) as store:
        ingest([originals], store, extract=fake_extract, batch=1)
    go.set()
    child.join(60)
    assert child.exitcode == 0
    with Store(db) as store:
        text_of = {r[0]: r[1] for r in store.conn.execute("SELECT id, text FROM reports")}
        links = {frozenset((text_of[x], text_of[y])) for x, y in
                 store.conn.execute("SELECT report_id, dup_of FROM near_duplicates")}
    assert [i for i, t in enumerate(base) if frozenset((t, t + COPY_TAIL)) not in links] == []


def _hold_the_write_lock(db, held, seconds):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_an_ingest_waits_for_another_writer_instead_of_failing(tmp_path):
    db = tmp_path / "db"
    Store(db).close()
    ctx = multiprocessing.get_context("fork")
    held = ctx.Event()
    holder = ctx.Process(target=_hold_the_write_lock, args=(db, held, 6.5))   # longer than sqlite's 5 s default
    holder.start()
    assert held.wait(30)
    src = write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=3), "published": "2017-03-01"}])
    with Store(db) as store:
        s = ingest([src], store, extract=fake_extract)
    holder.join(30)
    assert s.stored == 1


def test_rasd_extract_refuses_a_huge_page_before_parsing_it(rasd_cli, tmp_path, installed):
    from rasd.ingest.html import MAX_HTML_CHARS

    page = tmp_path / "big.html"
    page.write_text("<html><body>" + "<div><p>نص</p></div>" * (MAX_HTML_CHARS // 16) + "</body></html>",
                    encoding="utf-8")
    start = time.monotonic()
    r = rasd_cli("extract", page)
    assert r.code == 2 and "characters of HTML" in r.err and "Traceback" not in r.err
    assert time.monotonic() - start < 10
