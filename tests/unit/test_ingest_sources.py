"""Each SOURCE kind read from files the tests make; bad input becomes a Rejected, never an exception."""
import gzip
import http.server
import io
import json
import threading
import zipfile
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.ingest.encoding import arabic_share, decode
from rasd.ingest.prepare import clean_text, identity, prepare
from rasd.ingest.records import RawReport, Rejected, Report
from rasd.ingest.sources import read_source

S1 = "أعلنت فصائل المعارضة السيطرة على قرية في ريف حماة الشمالي بعد معارك عنيفة مع القوات الحكومية."
S2 = "قالت مصادر طبية إن ثلاثة مدنيين قتلوا في قصف مدفعي استهدف سوقا شعبيا في مدينة دير الزور."
NAV = "الرئيسية | أخبار | رياضة | اتصل بنا"
PAGE = f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>معارك في ريف حماة</title>
<meta property="article:published_time" content="2016-10-04T08:00:00Z"></head>
<body><nav>{NAV}</nav><article><h1>معارك في ريف حماة</h1><p>{S1}</p><p>{S2}</p><p>{S1} {S2}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
RSS = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة تجريبية</title>
<item><title>خبر أول</title><link>http://feed.example/1</link><pubDate>Tue, 04 Oct 2016 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{S1}</p>]]></description></item>
<item><title>خبر ثان</title><link>http://feed.example/2</link><description>{S2}</description></item>
</channel></rss>"""


def reports(source, **options):
    return [prepare(x) if isinstance(x, RawReport) else x for x in read_source(str(source), **options)]


def texts(items):
    return [x.text for x in items if isinstance(x, Report)]


def test_text_file_in_utf8_and_windows_1256(tmp_path):
    (tmp_path / "a.txt").write_bytes(S1.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(S2.encode("cp1256"))
    assert texts(reports(tmp_path / "a.txt")) == [S1]
    assert texts(reports(tmp_path / "b.txt")) == [S2]


def test_html_page_loses_boilerplate_and_keeps_title_and_date(tmp_path):
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    [r] = reports(tmp_path / "p.html")
    assert S2 in r.text and NAV not in r.text
    assert r.title == "معارك في ريف حماة" and r.published == "2016-10-04"


def test_html_declared_windows_1256(tmp_path):
    (tmp_path / "p.htm").write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256"))
    [r] = reports(tmp_path / "p.htm")
    assert S1 in r.text


def test_rss_file(tmp_path):
    (tmp_path / "f.rss").write_text(RSS, encoding="utf-8")
    rs = reports(tmp_path / "f.rss")
    assert texts(rs) == [S1, S2]
    assert (rs[0].url, rs[0].outlet, rs[0].published, rs[0].title) == (
        "http://feed.example/1", "وكالة تجريبية", "2016-10-04", "خبر أول")


def test_warc_written_by_the_test(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, body in (("http://w.example/a", "text/html; charset=utf-8", PAGE.encode()),
                             ("http://w.example/logo.png", "image/png", b"\x89PNG\r\n")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue())
    page, image = reports(tmp_path / "crawl.warc.gz")
    assert S1 in page.text and page.url == "http://w.example/a"
    assert isinstance(image, Rejected) and image.reason == "unsupported"


def test_jsonl_and_the_news_array(tmp_path):
    (tmp_path / "r.jsonl").write_text(
        json.dumps({"text": S1, "outlet": "س", "published": "2016-10-04"}, ensure_ascii=False) + "\n"
        + json.dumps({"html": PAGE, "url": "http://h.example"}) + "\nnot json\n", encoding="utf-8")
    a, b, c = reports(tmp_path / "r.jsonl")
    assert (a.text, a.outlet, a.published) == (S1, "س", "2016-10-04")
    assert S2 in b.text and b.url == "http://h.example"
    assert c.reason == "bad_record" and c.origin.endswith("#3")
    news = [{"source": "outlet1", "url": "http://n.example/1", "date_extracted": "2015-07-21 02:51:32",
             "title": "عنوان", "author": "مراسل", "content": S2}]
    (tmp_path / "day.json").write_text(json.dumps(news), encoding="utf-8")
    [n] = reports(tmp_path / "day.json")
    assert (n.text, n.outlet, n.published, n.title) == (S2, "outlet1", "2015-07-21", "عنوان")


def test_zip_and_directory_recursively(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep/b.txt", S2)
    with zipfile.ZipFile(tmp_path / "all.zip", "w") as z:
        z.writestr("a.txt", S1)
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("img.bin", b"\x00\x01\x02")
    assert texts(reports(tmp_path / "all.zip")) == [S1, S2]
    d = tmp_path / "dir" / "sub"
    d.mkdir(parents=True)
    (d / "x.txt").write_text(S1, encoding="utf-8")
    (tmp_path / "dir" / ".hidden.txt").write_text(S2, encoding="utf-8")
    (tmp_path / "dir" / "page.html").write_text(PAGE, encoding="utf-8")
    rs = reports(tmp_path / "dir")
    assert len(rs) == 2 and S1 in rs[0].text and texts(rs)[1] == S1


@pytest.fixture
def server(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_page_feed_and_missing(server):
    [page] = reports(f"{server}/page.html", allow_private=True)
    assert S1 in page.text and page.url == f"{server}/page.html"
    assert texts(reports(f"{server}/feed.xml", allow_private=True)) == [S1, S2]
    [missing] = reports(f"{server}/nope.html", allow_private=True)
    assert missing.reason == "unreadable" and "404" in missing.message


def test_bad_inputs_are_rejected_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "english.txt").write_text("A plain English paragraph about the weather and markets.", encoding="utf-8")
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "blob").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "nav.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    reasons = {r.origin.rsplit("/", 1)[-1]: r.reason for r in reports(tmp_path)}
    assert reasons == {"bad.zip": "unreadable", "blob": "unsupported", "empty.txt": "empty",
                       "english.txt": "not_arabic", "nav.html": "empty"}
    [gone] = reports(tmp_path / "missing.txt")
    assert gone.reason == "unreadable"


def test_gzip_that_is_not_warc_is_rejected(tmp_path):
    (tmp_path / "x.warc.gz").write_bytes(gzip.compress(b"hello"))
    [r] = reports(tmp_path / "x.warc.gz")
    assert r.reason == "unreadable"


@given(st.text(alphabet=" \t\n\r\u00a0ابتثجح.،"))
def test_clean_text_is_idempotent_and_identity_ignores_spacing(s):
    once = clean_text(s)
    assert clean_text(once) == once
    assert identity(clean_text(s.replace(" ", "  \t"))) == identity(once)


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءآأؤإئة.0123456789", min_size=1))
def test_arabic_text_survives_windows_1256(s):
    # Arabic letters are lead bytes in UTF-8 never followed by continuation bytes here, so UTF-8 fails
    assert decode(s.encode("cp1256")) == s or arabic_share(s) == 0


def test_gzipped_json_lines_and_json_are_read_not_taken_for_warc(tmp_path):
    lines = [{"id": "x-1", "source": "outlet2", "url": "http://g.example/1", "published": "2023-01-24",
              "title": "ع", "content": S1},
             {"text": S2, "published": "2024-02-01"}]
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines).encode("utf-8")
    (tmp_path / "part-0000.jsonl.gz").write_bytes(gzip.compress(body))
    a, b = reports(tmp_path / "part-0000.jsonl.gz")
    assert (a.text, a.outlet, a.published, a.url) == (S1, "outlet2", "2023-01-24", "http://g.example/1")
    assert (b.text, b.published) == (S2, "2024-02-01")
    assert [a.origin, b.origin] == [f"{tmp_path / 'part-0000.jsonl.gz'}#{n}" for n in (1, 2)]
    (tmp_path / "day.json.gz").write_bytes(gzip.compress(json.dumps([lines[1]]).encode()))
    [c] = reports(tmp_path / "day.json.gz")
    assert c.text == S2
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    [d] = reports(tmp_path / "p.html.gz")
    assert S2 in d.text and d.published == "2016-10-04"


def test_a_gzipped_warc_is_a_warc_whatever_its_name(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    body = PAGE.encode("utf-8")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("http://x.example/a", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    for name in ("crawl.gz", "crawl-no-suffix"):
        (tmp_path / name).write_bytes(buf.getvalue())
        [r] = reports(tmp_path / name)
        assert isinstance(r, Report) and S1 in r.text and r.url == "http://x.example/a", name


def test_gzip_that_is_broken_nested_or_a_bomb_is_rejected_with_a_reason(tmp_path):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    [r] = reports(tmp_path / "bad.jsonl.gz")
    assert isinstance(r, Rejected) and r.reason == "unreadable"
    (tmp_path / "two.jsonl.gz.gz").write_bytes(gzip.compress(gzip.compress(b"{}")))
    [r] = reports(tmp_path / "two.jsonl.gz.gz")
    assert isinstance(r, Rejected) and r.reason == "unsupported"
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b"\x00" * (8 * 1024 * 1024)))
    [r] = reports(tmp_path / "bomb.jsonl.gz")
    assert isinstance(r, Rejected) and r.reason == "too_large"


def test_a_gzipped_jsonl_counts_its_lines_for_the_progress_total(tmp_path):
    from rasd.ingest.sources import estimate

    body = "".join(json.dumps({"text": S1}) + "\n" for _ in range(3)).encode()
    (tmp_path / "r.jsonl.gz").write_bytes(gzip.compress(body))
    assert estimate(str(tmp_path / "r.jsonl.gz")) == 3
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert estimate(str(tmp_path / "bad.jsonl.gz")) == 1


def test_a_news2_shard_is_read_line_by_line_by_ingest_and_batch_alike(shared):
    """The Al Mayadeen shards (../shared/data/news2/*.jsonl.gz): every line a dated report, the
    same origins through `rasd ingest`'s reader and `rasd batch`'s shard reader."""
    from rasd.batch.shards import Shard, read_shard

    shard = sorted((shared / "data" / "news2").glob("*.jsonl.gz"))[0]
    by_ingest = list(read_source(str(shard)))
    assert len(by_ingest) == sum(1 for line in gzip.open(shard) if line.strip()) > 100
    assert all(isinstance(r, RawReport) and r.text and r.published for r in by_ingest)
    by_batch = list(read_shard(Shard(0, (str(shard),))))
    assert [(r.origin, r.published, r.text) for r in by_batch] == [(r.origin, r.published, r.text) for r in by_ingest]
