"""Records and merging (rasd.export.records) on a hand-written document, and every exporter on it.

The document, its Arabic sentences and the armed groups in it are invented for these tests;
the towns are real, with their approximate coordinates.
"""
from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.export import (
    EXPORTERS,
    ExportError,
    acled_csv,
    export,
    jsonl,
    merge_records,
    plover,
    records_from_document,
)
from rasd.export import geojson as geojson_export

SENTENCES = [
    "اشتبكت قوات النظام مع مقاتلي جبهة الأحرار الجديدة قرب مدينة سراقب، ما أدى إلى مقتل 5 عناصر.",
    'وقال ناشطون إن طائرات روسية قصفت بلدة كفرنبل، وأصابت "مدرسة" الحي، فقتل مدنيون.',
    "ويعتزم لواء الفجر الكاذب تنظيم مظاهرة في مدينة الموصل يوم الجمعة.",
    "والتقى وفد من جبهة الأحرار الجديدة بممثلين عن لواء الفجر الكاذب في مكان لم يُكشف عنه.",
]
ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
                "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
                "notes", "fatalities", "tags", "timestamp"]


def sample_doc(doc_id: str = "d1", outlet: str = "aawsat", fatalities: int | None = 5,
               published: str = "2018-01-12") -> dict:
    text = " ".join(SENTENCES)
    spans = [[text.index(s), text.index(s) + len(s)] for s in SENTENCES]

    def mention(name: str) -> list[dict]:
        start = text.index(name)
        return [{"start": start, "end": start + len(name), "text": name}]

    def actor(eid, name_ar, name_en, kb_id, category):
        return {"id": eid, "type": "ACTOR", "name_ar": name_ar, "name_en": name_en, "kb_id": kb_id,
                "category": category, "mentions": mention(name_ar), "confidence": 0.9}

    def place(eid, name_ar, name_en, kb_id, geo):
        return {"id": eid, "type": "PLACE", "name_ar": name_ar, "name_en": name_en, "kb_id": kb_id,
                "mentions": mention(name_ar), "geo": geo, "confidence": 0.9}

    def event(eid, type_, acled, plover_type, span, **fields):
        base = {"id": eid, "type": type_, "acled": acled, "plover": plover_type, "trigger": None,
                "agents": [], "targets": [], "partners": [], "places": [],
                "date": {"value": "2018-01-11", "end": None, "precision": "day", "text": None},
                "modality": "asserted", "attribution": None, "fatalities": None,
                "evidence": [span], "confidence": 0.8}
        return {**base, **fields}

    clash_trigger = text.index("اشتبكت")
    return {
        "schema": "rasd.document/1",
        "doc_id": doc_id,
        "source": {"outlet": outlet, "url": None, "published": published, "title": "عنوان تجريبي"},
        "text": text,
        "sentences": spans,
        "entities": [
            actor("E1", "قوات النظام", "Military Forces of Syria", "actor:test-syrian-army", "state_force"),
            actor("E2", "جبهة الأحرار الجديدة", None, None, "non_state_armed_group"),
            actor("E3", "طائرات روسية", "Russian Air Force", "actor:test-russian-air", "state_force"),
            actor("E4", "مدنيون", "civilians", None, "civilians"),
            actor("E5", "لواء الفجر الكاذب", None, None, "political"),
            place("E6", "سراقب", "Saraqib", "test:saraqib",
                  {"lat": 35.8622, "lon": 36.8047, "precision": 1, "feature": "town", "admin1": "إدلب",
                   "admin2": "إدلب", "admin3": "سراقب", "why": "the only town of this name"}),
            place("E7", "كفرنبل", "Kafr Nabl", "test:kafrnabl",
                  {"lat": 35.6136, "lon": 36.5606, "precision": 1, "feature": "town", "admin1": "ادلب",
                   "admin2": "معرة النعمان", "admin3": "كفرنبل", "why": "the only town of this name"}),
            place("E8", "الموصل", "Mosul", "test:mosul",
                  {"lat": 36.34, "lon": 43.13, "precision": 1, "feature": "city", "admin1": "نينوى",
                   "admin2": "الموصل", "admin3": None, "why": "the city, not the district"}),
            {"id": "E9", "type": "SOURCE", "name_ar": "ناشطون", "name_en": "activists", "kb_id": None,
             "mentions": mention("ناشطون"), "confidence": 0.9},
        ],
        "events": [
            event("V1", "ARMED_CLASH", {"event_type": "Battles", "sub_event_type": "Armed clash"}, "ASSAULT",
                  spans[0], agents=["E1"], targets=["E2"], places=["E6"], fatalities=fatalities,
                  trigger={"start": clash_trigger, "end": clash_trigger + 6, "text": "اشتبكت"}),
            event("V2", "AIRSTRIKE", {"event_type": "Explosions/Remote violence",
                                      "sub_event_type": "Air/drone strike"}, "ASSAULT",
                  spans[1], agents=["E3"], targets=["E4"], places=["E7"], attribution="E9"),
            event("V3", "PROTEST", {"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "PROTEST",
                  spans[2], agents=["E5"], places=["E8"], modality="planned",
                  date={"value": "2018-01-19", "end": None, "precision": "day", "text": "يوم الجمعة"}),
            event("V4", "MEETING", {"event_type": "Strategic developments", "sub_event_type": "Other"},
                  "CONSULT", spans[3], partners=["E2", "E5"], date=None),
        ],
        "relations": [],
    }


@pytest.fixture
def records() -> list[dict]:
    return records_from_document(sample_doc())


# --- records ---------------------------------------------------------------------------------

def test_one_record_per_event_with_resolved_names(records):
    assert [r["event_id"] for r in records] == ["d1:V1", "d1:V2", "d1:V3", "d1:V4"]
    clash = records[0]
    assert clash["agents"][0]["name_en"] == "Military Forces of Syria"
    assert clash["targets"][0]["name_ar"] == "جبهة الأحرار الجديدة"
    assert clash["places"][0]["lat"] == 35.8622 and clash["places"][0]["country"] == "SYR"
    assert clash["sources"][0]["evidence"] == [SENTENCES[0]]
    assert clash["trigger"] == "اشتبكت"
    assert clash["fatalities_reported"] == [{"value": 5, "doc_id": "d1", "outlet": "aawsat"}]
    assert records[1]["attribution"] == "ناشطون"
    assert records[1]["agents"][0]["country"] == "RUS"
    assert records[1]["fatalities_reported"] == []
    assert records[2]["places"][0]["country"] == "IRQ"
    assert records[3]["partners"][1]["category"] == "political"


def test_records_reject_broken_documents():
    with pytest.raises(ExportError):
        records_from_document({"schema": "something/else"})
    doc = sample_doc()
    doc["events"][0]["agents"] = ["E99"]
    with pytest.raises(ExportError, match="E99"):
        records_from_document(doc)
    doc = sample_doc()
    doc["events"][0]["evidence"] = [[0, len(doc["text"]) + 10]]
    with pytest.raises(ExportError):
        records_from_document(doc)
    doc = sample_doc()
    del doc["events"][1]["id"]
    with pytest.raises(ExportError, match="malformed"):
        records_from_document(doc)


def test_merge_keeps_the_lowest_figure_and_every_source():
    a = records_from_document(sample_doc("d1", "aawsat", fatalities=5))[0]
    b = records_from_document(sample_doc("d2", "okaz", fatalities=3))[0]
    b["targets"].append({"id": "E1", "name_ar": "فصيل آخر", "name_en": None, "kb_id": None,
                         "category": "non_state_armed_group", "country": None})
    merged = merge_records([a, b])
    assert merged["fatalities"] == 3
    assert sorted(e["value"] for e in merged["fatalities_reported"]) == [3, 5]
    assert [s["doc_id"] for s in merged["sources"]] == ["d1", "d2"]
    assert [s["evidence"] for s in merged["sources"]] == [[SENTENCES[0]], [SENTENCES[0]]]
    assert set(merged["differences"]) == {"fatalities"}
    # the shared target (same name, no kb_id) is kept once; the extra one is added
    assert [t["name_ar"] for t in merged["targets"]] == ["جبهة الأحرار الجديدة", "فصيل آخر"]
    assert len(merged["agents"]) == 1


def test_merge_lists_disagreeing_dates_and_modalities():
    a = records_from_document(sample_doc("d1"))[0]
    b = records_from_document(sample_doc("d2", "okaz"))[0]
    b["date"] = {"value": "2018-01-10", "end": None, "precision": "day", "text": None}
    b["modality"] = "negated"
    merged = merge_records([a, b])
    assert merged["date"]["value"] == "2018-01-11"      # the first record leads
    assert [e["value"]["value"] for e in merged["differences"]["date"]] == ["2018-01-11", "2018-01-10"]
    assert {e["outlet"]: e["value"] for e in merged["differences"]["modality"]} == {
        "aawsat": "asserted", "okaz": "negated"}
    assert "fatalities" not in merged["differences"]


def test_merge_of_agreeing_sources_has_no_differences(records):
    other = records_from_document(sample_doc("d2", "okaz"))
    assert merge_records([records[1], other[1]])["differences"] == {}
    assert merge_records([records[0], records[0]])["sources"] == records[0]["sources"]
    with pytest.raises(ExportError):
        merge_records([])


@given(st.lists(st.one_of(st.none(), st.integers(0, 500)), min_size=1, max_size=5))
@settings(max_examples=40)
def test_merge_is_conservative_and_associative(figures):
    base = records_from_document(sample_doc())[0]
    recs = []
    for i, f in enumerate(figures):
        r = copy.deepcopy(base)
        r["event_id"] = f"d{i}:V1"
        r["sources"][0].update(doc_id=f"d{i}", event_id=f"d{i}:V1", outlet=f"outlet{i}")
        r["fatalities"] = f
        r["fatalities_reported"] = [] if f is None else [{"value": f, "doc_id": f"d{i}", "outlet": f"outlet{i}"}]
        recs.append(r)
    merged = merge_records(recs)
    known = [f for f in figures if f is not None]
    assert merged["fatalities"] == (min(known) if known else None)
    assert len(merged["sources"]) == len(figures)
    if len(recs) > 1:
        assert merge_records([merge_records(recs[:1]), merge_records(recs[1:])]) == merged


# --- ACLED CSV -------------------------------------------------------------------------------

def _acled_rows(records, **options) -> tuple[list[str], list[dict]]:
    out = io.StringIO(newline="")
    assert acled_csv.write(records, out, timestamp=1516000000, **options) == len(records)
    reader = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"), newline=""))
    rows = list(reader)
    return reader.fieldnames, rows


def test_acled_header_and_clash_row(records):
    header, rows = _acled_rows(records)
    assert header == ACLED_HEADER
    clash = rows[0]
    assert clash["event_id_cnty"] == "SYR1"
    assert (clash["event_date"], clash["year"], clash["time_precision"]) == ("2018-01-11", "2018", "1")
    assert clash["disorder_type"] == "Political violence"
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["actor1"], clash["inter1"]) == ("Military Forces of Syria", "1")
    assert (clash["actor2"], clash["inter2"], clash["interaction"]) == ("جبهة الأحرار الجديدة", "2", "12")
    assert (clash["iso"], clash["region"], clash["country"]) == ("760", "Middle East", "Syria")
    # one language (issue 9): the district's English name from the gazetteer, never Arabic beside
    # an English location; without installed data the name is left empty rather than mixed
    assert (clash["admin1"], clash["location"]) == ("Idleb", "Saraqib")
    assert clash["admin2"] in ("Idlib", "")
    assert (float(clash["latitude"]), float(clash["longitude"]), clash["geo_precision"]) == (35.8622, 36.8047, "1")
    assert (clash["source"], clash["source_scale"]) == ("aawsat", "Regional")
    assert clash["notes"].startswith("On 11 January 2018, Military Forces of Syria clashed with "
                                     "جبهة الأحرار الجديدة in Saraqib.")
    assert SENTENCES[0] in clash["notes"]
    assert (clash["fatalities"], clash["timestamp"]) == ("5", "1516000000")
    assert clash["civilian_targeting"] == ""
    assert "rasd_event=d1:V1" in clash["tags"]


def test_acled_foreign_state_force_civilians_crowds_and_strategic(records):
    _, (clash, strike, protest, meeting) = _acled_rows(records)
    assert (strike["event_id_cnty"], strike["inter1"], strike["actor2"]) == ("SYR2", "8", "Civilians (Syria)")
    assert (strike["interaction"], strike["civilian_targeting"]) == ("78", "Civilian targeting")
    assert strike["fatalities"] == "0" and "fatalities=unreported" in strike["tags"]
    assert SENTENCES[1] in strike["notes"]          # quotes and commas survive verbatim
    assert (protest["event_id_cnty"], protest["country"], protest["iso"]) == ("IRQ1", "Iraq", "368")
    assert (protest["actor1"], protest["assoc_actor_1"]) == ("Protesters (Iraq)", "لواء الفجر الكاذب")
    assert (protest["inter1"], protest["interaction"], protest["disorder_type"]) == ("6", "60", "Demonstrations")
    assert "modality=planned" in protest["tags"] and "planned" in protest["notes"]
    assert protest["admin1"] == "Ninewa"
    assert meeting["event_id_cnty"] == "XXX1" and meeting["disorder_type"] == "Strategic developments"
    assert (meeting["actor1"], meeting["actor2"]) == ("جبهة الأحرار الجديدة", "لواء الفجر الكاذب")
    assert (meeting["event_date"], meeting["time_precision"]) == ("2018-01-12", "2")
    assert "date=publication" in meeting["tags"]


def test_acled_merged_record_names_every_outlet_and_the_disagreement():
    a = records_from_document(sample_doc("d1", "aawsat", fatalities=5))[0]
    b = records_from_document(sample_doc("d2", "SANA", fatalities=3))[0]
    _, [row] = _acled_rows([merge_records([a, b])])
    assert (row["source"], row["source_scale"], row["fatalities"]) == ("aawsat; SANA", "National-Regional", "3")
    assert "Sources differ on fatalities: 5 (aawsat), 3 (SANA)" in row["notes"]


def test_acled_bom_is_optional(records):
    with_bom, without = io.StringIO(), io.StringIO()
    acled_csv.write(records, with_bom, bom=True, timestamp=0)
    acled_csv.write(records, without, timestamp=0)
    assert with_bom.getvalue() == "\ufeff" + without.getvalue()
    decoded = with_bom.getvalue().encode("utf-8").decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(decoded)))[0] == "event_id_cnty"


_AWKWARD = st.text(alphabet=st.sampled_from(list("سراقبكفرنلموصداحة ،,\"'\n\r\t«»؛")), min_size=1, max_size=60)


@given(st.lists(_AWKWARD, min_size=1, max_size=4))
@settings(max_examples=60)
def test_acled_csv_survives_quotes_newlines_commas(evidence):
    base = records_from_document(sample_doc())[0]
    recs = []
    for i, sentence in enumerate(evidence):
        r = copy.deepcopy(base)
        r["sources"][0]["evidence"] = [sentence]
        r["places"][0]["name_ar"] = r["places"][0]["name_en"] = sentence
        recs.append(r)
    _, rows = _acled_rows(recs)
    assert len(rows) == len(evidence)
    for row, sentence in zip(rows, evidence):
        assert row["notes"].endswith(sentence) and row["location"] == sentence
        assert row["event_id_cnty"].startswith("SYR")


# --- GeoJSON ---------------------------------------------------------------------------------

def test_geojson_passes_the_geojson_validator(records):
    geojson = pytest.importorskip("geojson", reason="the geojson validator is a test extra (pip install -e .[test])")
    out = io.StringIO()
    geojson_export.write(records, out)
    collection = geojson.loads(out.getvalue())
    assert collection.is_valid, collection.errors()
    assert len(collection["features"]) == 3


def test_geojson_follows_rfc7946(records):
    skipped = []
    out = io.StringIO()
    assert geojson_export.write(records, out, on_skip=skipped.append) == 3
    assert [r["event_id"] for r in skipped] == ["d1:V4"]
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    by_id = {f["properties"]["event_id"]: f for f in fc["features"]}
    assert by_id["d1:V1"]["geometry"] == {"type": "Point", "coordinates": [36.8047, 35.8622]}
    assert by_id["d1:V3"]["geometry"]["coordinates"] == [43.13, 36.34]
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    props = by_id["d1:V1"]["properties"]
    assert props["place_name_ar"] == "سراقب" and props["event_date"] == "2018-01-11"
    assert json.loads(props["agents"])[0]["name_en"] == "Military Forces of Syria"


def test_geojson_leaves_out_impossible_coordinates(records):
    records[0]["places"][0]["lat"] = 200.0
    records[1]["places"][0]["lon"] = float("nan")
    skipped = []
    assert geojson_export.write(records, io.StringIO(), on_skip=skipped.append) == 1
    assert [r["event_id"] for r in skipped] == ["d1:V1", "d1:V2", "d1:V4"]


# --- PLOVER ----------------------------------------------------------------------------------

PLOVER_KEYS = {"id", "event_id", "event_date", "event_type", "event_mode", "event_text", "contexts",
               "actor", "recipient", "location", "source", "story_date", "story_ids", "language"}


def test_plover_lines(records):
    out = io.StringIO()
    assert plover.write(records, out) == 4
    events = [json.loads(line) for line in out.getvalue().rstrip("\n").split("\n")]
    assert all(PLOVER_KEYS <= set(e) for e in events)
    strike = events[1]
    assert (strike["event_type"], strike["event_mode"], strike["language"]) == ("ASSAULT", "aerial", "ar")
    assert strike["actor"] == {"name": "Russian Air Force", "name_raw": "طائرات روسية", "country": "RUS",
                               "sector": "Military", "kb_id": "actor:test-russian-air"}
    assert strike["recipient"]["sector"] == "Civilian"
    assert (strike["location"]["lat"], strike["location"]["lon"]) == (35.6136, 36.5606)
    assert strike["event_text"] == SENTENCES[1] and strike["story_ids"] == ["d1"]
    assert events[2]["modality"] == "planned" and events[2]["event_type"] == "PROTEST"
    assert events[3]["location"] is None and events[3]["event_date"] == "2018-01-12"
    assert events[3]["recipient"]["name"] == "لواء الفجر الكاذب"


# --- JSONL and the registry ------------------------------------------------------------------

def test_jsonl_round_trip_and_registry(records):
    out = io.StringIO()
    assert export("jsonl", records, out) == 4
    assert [json.loads(line) for line in out.getvalue().rstrip("\n").split("\n")] == records
    assert "مقتل" in out.getvalue()             # ensure_ascii=False: Arabic stays readable
    with pytest.raises(ExportError, match="unknown export format"):
        export("kml", records, io.StringIO())
    assert EXPORTERS["jsonl"].write is jsonl.write


_ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A) | st.sampled_from(' ،."\n'),
                  min_size=1, max_size=80)


@st.composite
def documents(draw):
    doc = sample_doc(fatalities=draw(st.one_of(st.none(), st.integers(0, 10_000))))
    text = draw(_ARABIC)
    doc["text"] = text
    for ev in doc["events"]:
        a = draw(st.integers(0, len(text)))
        ev["evidence"] = [[a, draw(st.integers(a, len(text)))]]
        ev["confidence"] = draw(st.floats(0, 1))
        ev["modality"] = draw(st.sampled_from(["asserted", "negated", "planned", "conditional"]))
    return doc


@given(documents())
@settings(max_examples=50)
def test_every_record_set_round_trips_through_jsonl(doc):
    recs = records_from_document(doc)
    for name in EXPORTERS:               # every exporter accepts what records_from_document makes
        export(name, recs, io.StringIO())
    out = io.StringIO()
    jsonl.write(recs, out)
    assert [json.loads(line) for line in out.getvalue().rstrip("\n").split("\n")] == recs
