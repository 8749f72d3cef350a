"""A tiny stand-in extractor for ingest/store tests: they must not depend on extraction quality.

Every report yields one AIRSTRIKE in a fixed place on its published date, its fatalities the
first number of the text; a report mentioning "حلب" yields a second event there.
"""
import re

ARTICLE = "قصفت طائرات حربية بلدة في ريف إدلب الجنوبي صباح اليوم ما أدى إلى مقتل {n} مدنيين وإصابة آخرين بجروح."
OTHER = "أفاد مراسلون بأن طائرات استهدفت أحياء في مدينة حلب وقتل {n} أشخاص بينهم أطفال ونساء."


def fake_extract(text, outlet=None, url=None, published=None, title=None, doc_id=None):
    n = re.search(r"\d+", text)
    entities = [
        {"id": "E1", "type": "ACTOR", "name_ar": "سلاح الجو", "name_en": "Air Force", "kb_id": "actor:saf",
         "mentions": [], "confidence": 0.9},
        {"id": "E2", "type": "PLACE", "name_ar": "إدلب", "name_en": "Idlib", "kb_id": "ocha:idlib",
         "mentions": [], "geo": {"lat": 35.93, "lon": 36.63, "precision": 1}, "confidence": 0.9},
        {"id": "E3", "type": "PLACE", "name_ar": "حلب", "name_en": "Aleppo", "kb_id": "ocha:aleppo",
         "mentions": [], "geo": {"lat": 36.2, "lon": 37.16, "precision": 1}, "confidence": 0.9},
    ]

    def event(vid, place):
        return {"id": vid, "type": "AIRSTRIKE", "trigger": None, "agents": ["E1"], "targets": [], "partners": [],
                "places": [place], "date": {"value": published, "end": None, "precision": "day", "text": None},
                "modality": "asserted", "attribution": None, "fatalities": int(n.group()) if n else None,
                "evidence": [[0, len(text)]], "confidence": 0.8}

    events = [event("V1", "E2")]
    if "حلب" in text:
        events.append(event("V2", "E3"))
    return {"schema": "rasd.document/1", "doc_id": doc_id,
            "source": {"outlet": outlet, "url": url, "published": published, "title": title},
            "text": text, "sentences": [[0, len(text)]], "entities": entities, "events": events, "relations": []}


def failing_extract(text, **source):
    raise ValueError("pipeline broke")


# ---- the store, with the stand-in extractor ---------------------------------------------------

import sqlite3  # noqa: E402

import pytest  # noqa: E402

from rasd.ingest.records import Report  # noqa: E402
from rasd.ingest.run import ingest  # noqa: E402
from rasd.store import EventFilter, Store  # noqa: E402
from rasd.store.dedupe import signature  # noqa: E402
from rasd.store.migrations import MIGRATIONS, version  # noqa: E402


def write_jsonl(path, rows):
    import json
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def dump(db) -> dict:
    """Every table's rows except the quarantine timestamps: what 'the same database' means."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                         "AND name NOT LIKE 'reports_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    out["quarantine"] = [r[:4] for r in out["quarantine"]]
    conn.close()
    return out


@pytest.fixture
def corpus(tmp_path):
    """Twelve distinct reports, an exact duplicate under another outlet, and three bad lines."""
    rows = [{"text": ARTICLE.format(n=i + 3) + f" وذكر المرصد أن الحصيلة {i} قابلة للارتفاع في قرية رقم {i * 7}.",
             "outlet": "أ", "url": f"http://a.example/{i}", "published": f"2017-03-{i + 1:02d}"} for i in range(12)]
    rows.append({**rows[0], "outlet": "ب", "url": "http://b.example/0"})
    rows += [{"text": ""}, {"text": "An English wire story about markets and the weather in London today."},
             {"title": "بلا نص"}]
    return write_jsonl(tmp_path / "reports.jsonl", rows)


def test_ingest_counts_add_up_and_is_idempotent(tmp_path, corpus):
    with Store(tmp_path / "db.sqlite") as store:
        first = ingest([corpus], store, extract=fake_extract, batch=4)
        assert (first.read, first.stored, first.duplicates, first.quarantined) == (16, 12, 1, 3)
        assert first.reasons == {"empty": 1, "not_arabic": 1, "bad_record": 1}
        before = store.counts()
        again = ingest([corpus], store, extract=fake_extract, batch=4)
        assert (again.stored, again.duplicates, again.quarantined) == (0, 13, 3)
        assert store.counts() == before
        assert before["sources"] == 13 and before["quarantine"] == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_interrupted_run_restarted_equals_uninterrupted(tmp_path, corpus, workers):
    with Store(tmp_path / "whole.db") as store:
        ingest([corpus], store, extract=fake_extract, batch=3, workers=workers)

    class Killed(Exception):
        pass

    def kill_after_two(summary):
        if summary.read >= 6:
            raise Killed

    with Store(tmp_path / "resumed.db") as store:
        with pytest.raises(Killed):
            ingest([corpus], store, extract=fake_extract, batch=3, workers=workers, progress=kill_after_two)
        assert 0 < store.counts()["reports"] < 12
        ingest([corpus], store, extract=fake_extract, batch=3, workers=workers)
    assert dump(tmp_path / "whole.db") == dump(tmp_path / "resumed.db")


def test_same_text_two_outlets_is_one_report_and_one_event_per_real_event(tmp_path):
    text = ARTICLE.format(n=5) + " " + OTHER.format(n=2)
    with Store(tmp_path / "db") as store:
        ingest([write_jsonl(tmp_path / "a.jsonl", [
            {"text": text, "outlet": "الأولى", "published": "2017-05-02"},
            {"text": "  " + text.replace(" ", "  ") + "\n", "outlet": "الثانية", "published": "2017-05-02"}])],
            store, extract=fake_extract)
        rows = store.event_rows()
        assert store.counts()["reports"] == 1
        assert len(rows) == 2 and all(r["sources"] == 2 for r in rows)


def test_events_from_two_reports_merge_with_the_lowest_fatality_figure(tmp_path):
    a = ARTICLE.format(n=12) + " وقالت مصادر محلية إن الغارات تركزت على الأطراف الشرقية."
    b = ARTICLE.format(n=9) + " ونقلت وكالة محلية عن شهود أن الطائرات حلقت لساعات فوق المنطقة."
    c = ARTICLE.format(n=4) + " وفي سياق منفصل أعلنت السلطات عن افتتاح مدرسة جديدة في المدينة."
    with Store(tmp_path / "db") as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", [
            {"text": a, "outlet": "x", "published": "2017-05-02"},
            {"text": b, "outlet": "y", "published": "2017-05-03"},   # within a day: the same event
            {"text": c, "outlet": "z", "published": "2017-05-09"}])], store, extract=fake_extract)
        rows = store.event_rows()
        assert [(r["fatalities"], r["fatality_figures"], len(r["reports"])) for r in rows] == [
            (9, [9, 12], 2), (4, [4], 1)]


def test_event_filters(tmp_path):
    text = ARTICLE.format(n=5) + " " + OTHER.format(n=2)
    with Store(tmp_path / "db") as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", [{"text": text, "outlet": "x", "published": "2017-05-02"}])],
               store, extract=fake_extract)
        assert len(store.merged_ids(EventFilter(place="Aleppo"))) == 1
        assert len(store.merged_ids(EventFilter(place="ocha:idlib"))) == 1
        assert len(store.merged_ids(EventFilter(bbox=(36.0, 35.5, 36.9, 36.1)))) == 1
        assert len(store.merged_ids(EventFilter(actor="actor:saf"))) == 2
        assert store.merged_ids(EventFilter(actor="actor:isis")) == []
        assert store.merged_ids(EventFilter(date_from="2017-06-01")) == []
        assert len(store.merged_ids(EventFilter(source="x", type="AIRSTRIKE"))) == 2
        assert len(store.merged_ids(EventFilter(text="حلب"))) == 2
        assert store.merged_ids(EventFilter(text="دمشق")) == []


def test_near_duplicates_are_linked(tmp_path):
    base = " ".join(ARTICLE.format(n=k) for k in range(3, 9))
    edited = base.replace("صباح اليوم", "فجر اليوم", 1) + " المصدر: وكالات."
    unrelated = " ".join(OTHER.format(n=k) for k in range(3, 9))
    with Store(tmp_path / "db") as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", [{"text": t, "published": "2017-05-02"}
                                                   for t in (base, edited, unrelated)])],
               store, extract=fake_extract)
        assert [d for d, _ in store.near_duplicates(2)] == [1]
        assert store.near_duplicates(3) == []


def test_a_failing_extractor_quarantines_and_a_later_run_recovers(tmp_path, corpus):
    with Store(tmp_path / "db") as store:
        s = ingest([corpus], store, extract=failing_extract)
        assert s.reasons["extract_failed"] == 13 and s.stored == 0
        s = ingest([corpus], store, extract=fake_extract)
        assert s.stored == 12
        assert [q["reason"] for q in store.quarantined()] == ["empty", "not_arabic", "bad_record"]


def test_add_needs_a_document_for_new_text(tmp_path):
    from rasd.errors import StoreError
    with Store(tmp_path / "db") as store, pytest.raises(StoreError):
        store.add(Report("x", "0" * 64, "نص", None, None, None, None), None, None)


def test_migrations_run_once_and_refuse_a_newer_database(tmp_path):
    from rasd.errors import StoreError
    Store(tmp_path / "db").close()
    with Store(tmp_path / "db") as store:
        assert version(store.conn) == len(MIGRATIONS)
        store.conn.execute("INSERT INTO schema_version VALUES (99)")
    with pytest.raises(StoreError):
        Store(tmp_path / "db")


def test_records_keep_every_source(tmp_path, monkeypatch):
    """Store.records hands each (report, source) to records_from_document and merges the group."""
    import sys
    import types
    stand_in = types.ModuleType("rasd.export.records")
    stand_in.records_from_document = lambda doc: [
        {"event": ev["id"], "fatalities": ev["fatalities"], "sources": [doc["source"]["outlet"]]} for ev in doc["events"]]
    stand_in.merge_records = lambda recs: {
        "sources": sorted(s for r in recs for s in r["sources"]),
        "fatalities": min(r["fatalities"] for r in recs)}
    monkeypatch.setitem(sys.modules, "rasd.export.records", stand_in)
    text = ARTICLE.format(n=7)
    with Store(tmp_path / "db") as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", [
            {"text": text, "outlet": "م1", "published": "2017-05-02"},
            {"text": text, "outlet": "م2", "published": "2017-05-02"},
            {"text": ARTICLE.format(n=3) + " تفاصيل إضافية.", "outlet": "م3", "published": "2017-05-02"}])],
            store, extract=fake_extract)
        recs = list(store.records())
    assert recs == [{"sources": ["م1", "م2", "م3"], "fatalities": 3, "merged_id": 1}]


def test_signature_ignores_spelling_variants():
    assert signature("قتل أحمد في مدينة إدلب") == signature("قتل احمد في مدينه ادلب")


def test_place_filter_matches_english_spelling_variants_through_the_gazetteer(tmp_path):
    """The gazetteer spells the city "Idleb" and the governorate "Idlib", both إدلب: either
    English spelling finds what the Arabic one finds; a name the gazetteer lacks finds nothing."""
    from rasd.kb.gazetteer import Gazetteer, Place

    places = {"ocha:C3871": Place("ocha:C3871", "إدلب", "Idleb", 35.93, 36.64, "locality"),
              "admin:SY07": Place("admin:SY07", "إدلب", "Idlib", 35.77, 36.67, "governorate"),
              "ocha:C1": Place("ocha:C1", "عقربات", "Aqrabat (Idleb)", 35.89, 36.44, "locality")}
    gaz = Gazetteer(places, [(p.name_ar, p.id) for p in places.values()])

    def spelled(name_en, kb_id):
        def extract(text, **source):
            doc = fake_extract(text, **source)
            doc["entities"][1].update(name_en=name_en, kb_id=kb_id)
            return doc
        return extract

    with Store(tmp_path / "db", gazetteer=gaz) as store:
        ingest([write_jsonl(tmp_path / "a.jsonl", [{"text": ARTICLE.format(n=3), "published": "2017-05-02"}])],
               store, extract=spelled("Idleb", "ocha:C3871"))
        ingest([write_jsonl(tmp_path / "b.jsonl", [{"text": OTHER.format(n=4), "published": "2017-06-02"}])],
               store, extract=spelled(None, None))            # only its Arabic name إدلب
        arabic = store.merged_ids(EventFilter(place="إدلب"))
        assert len(arabic) == 2
        for spelling in ("Idlib", "idleb", "IDLIB", "ادلب"):
            assert store.merged_ids(EventFilter(place=spelling)) == arabic, spelling
        assert len(store.merged_ids(EventFilter(place="ocha:C3871"))) == 1    # a kb_id: that place only
        assert store.merged_ids(EventFilter(place="Aqrabat")) == []          # a namesake-free other place
        assert store.merged_ids(EventFilter(place="Homs")) == []


def test_an_older_database_gains_the_events_modality_from_its_documents(tmp_path):
    """Migration 4 fills events.modality from each report's stored document, as new rows get it."""
    def planned(text, **kw):
        doc = fake_extract(text, **kw)
        doc["events"][-1]["modality"] = "planned"
        return doc

    db = tmp_path / "rasd.db"
    with Store(db) as store:
        ingest([write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=3) + " " + OTHER.format(n=2),
                                                    "outlet": "x", "published": "2017-05-02"}])],
               store, extract=planned)
        want = [tuple(r) for r in store.conn.execute("SELECT vid, modality FROM events ORDER BY id")]
    assert sorted(m for _, m in want) == ["asserted", "planned"]
    with sqlite3.connect(db) as c:
        c.execute("ALTER TABLE events DROP COLUMN modality")
        c.execute("DELETE FROM schema_version WHERE version > 3")
    with Store(db) as store:
        assert [tuple(r) for r in store.conn.execute("SELECT vid, modality FROM events ORDER BY id")] == want


# ---- the matching ids a Store keeps per filter ------------------------------------------------

def test_kept_ids_follow_writes_of_this_and_other_connections(tmp_path):
    """Store.merged_ids keeps answers per filter; a write by another connection or by this one
    must show in the next answer (a kept answer never goes stale)."""
    from tests.hand_store import DOCS, build
    from rasd.ingest.records import Report
    from rasd.store import EventFilter, Store
    from rasd.store.dedupe import signature

    db = build(tmp_path / "s.db", DOCS[:1])
    reader = Store(db)
    first = reader.merged_ids(EventFilter())
    assert reader.merged_ids(EventFilter()) == first and len(first) == 2
    assert reader.merged_ids(EventFilter(type="ARREST")) == []

    def add(store, doc):
        store.add(Report(origin="x.txt", sha=doc["doc_id"] * 4, text=doc["text"], title=None,
                         url=doc["source"]["url"], outlet=doc["source"]["outlet"],
                         published=doc["source"]["published"]), doc, signature(doc["text"]))

    with Store(db) as other:          # another connection commits a report with an arrest
        add(other, DOCS[2])
    assert len(reader.merged_ids(EventFilter(type="ARREST"))) == 1
    add(reader, DOCS[1])              # this connection writes: the agreement appears at once
    assert len(reader.merged_ids(EventFilter(type="AGREEMENT"))) == 1
    ids = reader.merged_ids(EventFilter())
    ids.clear()                       # a caller changing its list leaves the kept answer intact
    assert len(reader.merged_ids(EventFilter())) >= 4
    reader.close()
