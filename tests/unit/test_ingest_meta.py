"""Publication metadata (issue 9, "Dates and merges"): sidecars, checked dates, the user's doc_id."""
import json
import sqlite3

import pytest
from test_store import ARTICLE, fake_extract, write_jsonl

from rasd.errors import InputError
from rasd.ingest.meta import check_published
from rasd.ingest.prepare import prepare
from rasd.ingest.records import Report
from rasd.ingest.run import ingest
from rasd.ingest.sources import read_source
from rasd.store import Store


def stored(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT r.doc_id, r.published, s.outlet, s.url FROM reports r JOIN sources s "
                        "ON s.report_id = r.id ORDER BY r.doc_id").fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("value", ["14/03/2026", "2019-5-2", "2019-02-30", "yesterday", "0001-01-01", "20190502"])
def test_malformed_dates_are_refused(value):
    with pytest.raises(InputError) as e:
        check_published(value)
    assert value in e.value.message and "YYYY-MM-DD" in (e.value.message + e.value.hint)


@pytest.mark.parametrize("value,day", [("2015-07-24", "2015-07-24"), ("2015-07-24T10:00:00Z", "2015-07-24"),
                                       ("2015-07-24 13:05:12", "2015-07-24"), ("", None), (None, None)])
def test_good_dates_are_cut_to_the_day(value, day):
    assert check_published(value) == day


def test_dev_corpus_index_gives_dates_outlets_and_doc_ids(shared, tmp_path):
    db = tmp_path / "db"
    with Store(db) as store:
        summary = ingest([str(shared / "corpus" / "dev")], store, extract=fake_extract)
        quarantined = [q["source"] for q in store.quarantined()]
    index = [json.loads(x) for x in (shared / "corpus" / "dev" / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = stored(db)
    assert summary.stored == len(index) == 12
    # the index and the gold file are metadata, never quarantined as reports
    assert not any(q.endswith(("index.jsonl", "gold.jsonl")) or ".jsonl#" in q for q in quarantined)
    assert [(r[0], r[1], r[2]) for r in rows] == [(x["doc_id"], x["published"], x["outlet"]) for x in index]
    assert all(r[3] for r in rows)


def test_json_sidecar_beside_a_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2016-02-03", "outlet": "عنب بلدي",
                                                 "doc_id": "mine-1"}), encoding="utf-8")
    for source in (tmp_path, tmp_path / "a.txt"):
        [r] = [prepare(x) for x in read_source(str(source))]
        assert (r.published, r.outlet, r.doc_id) == ("2016-02-03", "عنب بلدي", "mine-1")


def test_published_and_outlet_for_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    db = tmp_path / "db"
    with Store(db) as store:
        ingest([str(tmp_path / "a.txt")], store, extract=fake_extract,
               defaults={"published": "2015-07-20", "outlet": "okaz"})
    assert [(r[1], r[2]) for r in stored(db)] == [("2015-07-20", "okaz")]
    with Store(db) as store, pytest.raises(InputError):
        ingest([str(tmp_path / "a.txt")], store, extract=fake_extract, defaults={"published": "20/07/2015"})


def test_a_record_with_a_malformed_date_is_quarantined_not_stored(tmp_path):
    src = write_jsonl(tmp_path / "r.jsonl", [
        {"text": ARTICLE.format(n=1), "published": "14/03/2026"},
        {"text": ARTICLE.format(n=2), "published": 20150720},
        {"text": ARTICLE.format(n=3), "published": "2015-07-20", "doc_id": "user-7"}])
    with Store(tmp_path / "db") as store:
        s = ingest([src], store, extract=fake_extract)
        assert (s.stored, s.quarantined, dict(s.reasons)) == (1, 2, {"bad_metadata": 2})
    assert stored(tmp_path / "db")[0][:2] == ("user-7", "2015-07-20")


def test_html_meta_and_warc_headers_give_the_date(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = f"<html><head><title>t</title></head><body><article><p>{ARTICLE.format(n=5)}</p>" \
           f"<p>{ARTICLE.format(n=6)}</p></article></body></html>"
    with open(tmp_path / "c.warc", "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                              ("Last-Modified", "Tue, 04 Oct 2016 08:00:00 GMT")],
                                   protocol="HTTP/1.1")
        import io
        w.write_record(w.create_warc_record("http://x.example/1", "response", payload=io.BytesIO(page.encode()),
                                            http_headers=headers))
    [r] = [prepare(x) for x in read_source(str(tmp_path / "c.warc"))]
    assert isinstance(r, Report) and r.published == "2016-10-04"


def test_undated_reports_never_merge_and_dated_ones_keep_each_figure(tmp_path):
    text_a, text_b = ARTICLE.format(n=9), ARTICLE.format(n=4) + " وقال ناشطون إن القصف استمر ساعات."
    with Store(tmp_path / "undated") as store:
        ingest([write_jsonl(tmp_path / "u.jsonl", [{"text": text_a}, {"text": text_b}])], store, extract=fake_extract)
        assert store.counts()["merged_events"] == 2
        assert sorted(r["fatalities"] for r in store.event_rows()) == [4, 9]
    with Store(tmp_path / "dated") as store:
        ingest([write_jsonl(tmp_path / "d.jsonl", [
            {"text": text_a, "published": "2017-05-02", "outlet": "أ"},
            {"text": text_b, "published": "2017-05-02", "outlet": "ب"}])], store, extract=fake_extract)
        [rec] = list(store.records())
        assert rec["fatalities"] == 4
        assert sorted(e["value"] for e in rec["fatalities_reported"]) == [4, 9]
        assert rec["fatalities_source"]["outlet"] == "ب"
        [row] = store.event_rows()
        assert row["fatality_figures"] == [4, 9]
