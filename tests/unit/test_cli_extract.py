"""`rasd extract`: the JSON has the shape of spec/output.md, --format table, --published, stdin, --jsonl."""
from __future__ import annotations

import json

import pytest

REPORT = ("قالت مصادر محلية إن عناصر من تنظيم داعش هاجموا أمس نقطة عسكرية للجيش السوري قرب قرية تل حسن "
          "في ريف حلب الشمالي، ما أدى إلى مقتل ثلاثة جنود.\n"
          "وردّ الجيش السوري بقصف مدفعي على مواقع التنظيم في محيط مدينة الباب.")
PUBLISHED = "2023-06-15"
NULLABLE_STR = (str, type(None))


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


def extract_json(rasd_cli, *args, stdin: bytes = b"") -> dict:
    result = rasd_cli("extract", *args, stdin=stdin)
    assert result.code == 0, result.err
    return json.loads(result.out)


def check_span(doc: dict, span: dict) -> None:
    assert set(span) >= {"start", "end", "text"}
    assert doc["text"][span["start"]:span["end"]] == span["text"]


def check_shape(doc: dict) -> None:
    """The fields spec/output.md names, with their types (more fields may be added)."""
    assert doc["schema"] == "rasd.document/1"
    assert isinstance(doc["doc_id"], str) and doc["doc_id"]
    assert set(doc["source"]) >= {"outlet", "url", "published", "title"}
    assert isinstance(doc["text"], str)
    assert all(isinstance(s, list) and len(s) == 2 for s in doc["sentences"])
    ids = set()
    for e in doc["entities"]:
        assert set(e) >= {"id", "type", "name_ar", "name_en", "kb_id", "mentions", "confidence"}, e
        assert e["type"] in {"ACTOR", "PERSON", "PLACE", "SOURCE", "DATE"} and e["name_ar"]
        assert isinstance(e["kb_id"], NULLABLE_STR) and isinstance(e["name_en"], NULLABLE_STR)
        assert 0 <= e["confidence"] <= 1 and e["mentions"]
        for m in e["mentions"]:
            check_span(doc, m)
        if e["type"] == "PLACE":
            assert "geo" in e
            if e["geo"] and e["geo"].get("lat") is not None:
                assert set(e["geo"]) >= {"lat", "lon", "precision", "why"} and e["geo"]["precision"] in (1, 2, 3)
        ids.add(e["id"])
    for v in doc["events"]:
        assert set(v) >= {"id", "type", "acled", "plover", "trigger", "agents", "targets", "partners", "places",
                          "date", "modality", "attribution", "fatalities", "evidence", "confidence"}, v
        assert set(v["acled"]) >= {"event_type", "sub_event_type"}
        if v["trigger"] is not None:
            check_span(doc, v["trigger"])
        if v["date"] is not None:
            assert set(v["date"]) >= {"value", "end", "precision", "text"}
        assert set(v["agents"] + v["targets"] + v["partners"] + v["places"]) <= ids
        assert all(len(span) == 2 for span in v["evidence"]) and 0 <= v["confidence"] <= 1
    for r in doc["relations"]:
        assert set(r) >= {"type", "head", "tail", "evidence", "confidence"} and {r["head"], r["tail"]} <= ids


def test_json_has_the_contract_shape(rasd_cli, report, installed):
    doc = extract_json(rasd_cli, report, "--outlet", "مراسل", "--url", "https://example.org/a", "--title", "عنوان")
    check_shape(doc)
    assert doc["text"] == REPORT
    assert doc["source"] == {"outlet": "مراسل", "url": "https://example.org/a", "published": None, "title": "عنوان"}
    assert doc["entities"] and doc["events"]        # the report names actors and places and an attack


def test_published_feeds_source_and_resolves_yesterday(rasd_cli, report, installed):
    doc = extract_json(rasd_cli, report, "--published", PUBLISHED)
    assert doc["source"]["published"] == PUBLISHED
    dated = [v["date"] for v in doc["events"] if v["date"]]
    assert {"value": "2023-06-14", "text": "أمس"}.items() <= dated[0].items(), dated


def test_bad_published_date_is_an_error(rasd_cli, report):
    result = rasd_cli("extract", report, "--published", "15/06/2023")
    assert result.code == 2 and "YYYY-MM-DD" in result.err


def test_table_format(rasd_cli, report, installed, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    result = rasd_cli("extract", report, "--format", "table", "--published", PUBLISHED)
    assert result.code == 0, result.err
    assert "Entities" in result.out and "Events" in result.out and "┃" in result.out
    assert "تل حسن" in result.out or "الباب" in result.out
    assert not result.out.lstrip().startswith("{")


def test_standard_input_and_doc_id_from_text(rasd_cli, installed):
    doc = extract_json(rasd_cli, "-", stdin=REPORT.encode("utf-8"))
    assert doc["text"] == REPORT
    again = extract_json(rasd_cli, "-", stdin=REPORT.encode("utf-8"))
    assert again["doc_id"] == doc["doc_id"] and len(doc["doc_id"]) == 16


def test_many_files_give_a_json_array_and_json_lines_with_jsonl(rasd_cli, report, tmp_path, installed):
    other = tmp_path / "other.txt"
    other.write_text("اشتباكات متقطعة في ريف حلب الشمالي.", encoding="utf-8")
    texts = [REPORT, "اشتباكات متقطعة في ريف حلب الشمالي."]
    result = rasd_cli("extract", report, other)
    assert result.code == 0, result.err
    docs = json.loads(result.out)                   # one JSON value, not concatenated objects
    assert isinstance(docs, list) and [d["text"] for d in docs] == texts
    check_shape(docs[0])
    result = rasd_cli("extract", "--jsonl", report, other)
    assert result.code == 0, result.err
    assert [json.loads(line)["text"] for line in result.out.splitlines()] == texts
    one = rasd_cli("extract", report)               # one file stays one object
    assert one.code == 0 and json.loads(one.out)["text"] == REPORT


def test_a_missing_file_among_many_fails_before_any_output(rasd_cli, report, tmp_path):
    result = rasd_cli("extract", report, tmp_path / "missing.txt")
    assert result.code != 0 and result.out == "" and "missing.txt" in result.err


def test_trace_keeps_each_stage(rasd_cli, report, tmp_path, installed):
    from rasd.registry import STAGES

    trace = tmp_path / "trace"
    assert rasd_cli("extract", report, "--trace", trace).code == 0
    assert [p.stem.split("-", 1)[1] for p in sorted(trace.iterdir())] == list(STAGES)


def test_unknown_format_is_an_error(rasd_cli, report):
    result = rasd_cli("extract", report, "--format", "xml")
    assert result.code == 2 and result.err.startswith("error R")


def test_rerun_one_stage_from_a_trace_gives_the_same_document(rasd_cli, report, tmp_path, installed):
    trace = tmp_path / "trace"
    first = rasd_cli("extract", report, "--trace", trace)
    assert first.code == 0, first.err
    from rasd.registry import STAGES

    last = list(STAGES)[-1]
    before_last = sorted(trace.iterdir())[-2]              # what the last stage reads
    assert not before_last.stem.endswith(last)
    again = rasd_cli("rerun", last, before_last)
    assert again.code == 0, again.err
    got, want = json.loads(again.out), json.loads(first.out)
    assert got["events"] == want["events"] and got["entities"] == want["entities"]


def test_rerun_needs_a_trace_taken_after_what_the_stage_requires(rasd_cli, report, tmp_path, installed):
    trace = tmp_path / "trace"
    assert rasd_cli("extract", report, "--trace", trace).code == 0
    clean = sorted(trace.iterdir())[0]
    result = rasd_cli("rerun", "events", clean)
    assert result.code != 0 and "events" in result.err and "needs" in result.err


def test_rerun_unknown_stage_is_a_clear_error(rasd_cli, report, tmp_path, installed):
    trace = tmp_path / "trace"
    assert rasd_cli("extract", report, "--trace", trace).code == 0
    result = rasd_cli("rerun", "tagger", sorted(trace.iterdir())[0])
    assert result.code != 0 and "no stage called 'tagger'" in result.err
