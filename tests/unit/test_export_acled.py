"""Exports an analyst can load (issue 9, "Exports"): full dates, knowledge-base names by date,
no persons as actors, actor1 != actor2, modality, and nothing dropped without a count.

The documents are hand-built (invented sentences, real places with approximate coordinates);
the actors and persons are knowledge-base entries (rasd/knowledge/actors.yaml, persons.yaml).
"""
from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from rasd.export import acled_csv, geojson, merge_records, plover, records_from_document
from rasd.export.select import Tally, select

TEXT = "قصفت طائرات النظام مواقع جبهة النصرة في ريف إدلب وقتل عشرة. وقال الرئيس بشار الأسد إن الجيش سيواصل."

ENTITIES = {
    "hts": {"type": "ACTOR", "name_ar": "جبهة النصرة", "name_en": "Hay'at Tahrir al-Sham", "kb_id": "actor:hts",
            "category": "non_state_armed_group"},
    "saa": {"type": "ACTOR", "name_ar": "قوات النظام", "name_en": "Syrian regime forces", "kb_id": "actor:saa",
            "category": "state_force"},
    "assad": {"type": "PERSON", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad", "kb_id": "person:bashar_assad"},
    "civ1": {"type": "ACTOR", "name_ar": "مدنيون", "name_en": "Civilians", "kb_id": "actor:civilians",
             "category": "civilians"},
    "civ2": {"type": "ACTOR", "name_ar": "أهالي", "name_en": "Civilians", "kb_id": None, "category": "civilians"},
    "idlib": {"type": "PLACE", "name_ar": "إدلب", "name_en": "Idlib", "kb_id": "admin:SY07",
              "geo": {"lat": 35.93, "lon": 36.63, "precision": 2, "admin1": "إدلب"}},
    "nowhere": {"type": "PLACE", "name_ar": "قرية مجهولة", "name_en": None, "kb_id": None,
                "geo": {"lat": None, "lon": None}},
}


def doc(events: list[dict], published: str | None = "2015-07-24", outlet: str = "okaz", doc_id: str = "d1") -> dict:
    ents = [{"id": k, **v, "mentions": [{"start": 0, "end": 4, "text": TEXT[:4]}], "confidence": 0.9}
            for k, v in ENTITIES.items()]
    full = []
    for i, ev in enumerate(events):
        full.append({"id": f"V{i + 1}", "type": "AIRSTRIKE", "trigger": None, "agents": [], "targets": [],
                     "partners": [], "places": ["idlib"], "date": None, "modality": "asserted",
                     "attribution": None, "fatalities": None, "evidence": [[0, 20]], "confidence": 0.8, **ev})
    return {"schema": "rasd.document/1", "doc_id": doc_id, "text": TEXT, "sentences": [[0, len(TEXT)]],
            "source": {"outlet": outlet, "url": None, "published": published, "title": None},
            "entities": ents, "events": full, "relations": []}


def csv_rows(records, **kw) -> list[dict]:
    out = io.StringIO()
    acled_csv.write(records, out, timestamp=0, **kw)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_event_date_is_always_a_full_day_that_pandas_reads():
    recs = records_from_document(doc([
        {"date": {"value": "2015-07-22", "precision": "day"}},
        {"date": {"value": "2015-07", "precision": "month"}},
        {"date": {"value": "2015", "precision": "year"}},
        {"date": None},
    ]))
    out = io.StringIO()
    acled_csv.write(recs, out, timestamp=0)
    df = pd.read_csv(io.StringIO(out.getvalue()))
    dates = pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    assert list(df["event_date"]) == ["2015-07-22", "2015-07-01", "2015-01-01", "2015-07-24"]
    assert list(df["time_precision"]) == [1, 3, 3, 2]
    assert list(df["year"]) == [d.year for d in dates]


def test_a_record_with_no_date_at_all_is_counted_not_written_as_a_broken_row():
    recs = records_from_document(doc([{"date": None}, {"date": {"value": "2015-07-22", "precision": "day"}}],
                                     published=None))
    tally = Tally()
    rows = csv_rows(select(recs, tally))
    assert [r["event_date"] for r in rows] == ["2015-07-22"]
    assert tally.no_date == 1 and any("no date" in line for line in tally.lines("acled-csv"))


def test_planned_negated_conditional_are_left_out_unless_asked():
    recs = records_from_document(doc([{"modality": m} for m in ("asserted", "planned", "negated", "conditional")]))
    tally = Tally()
    assert len(csv_rows(select(recs, tally))) == 1
    assert dict(tally.left_out) == {"planned": 1, "negated": 1, "conditional": 1}
    rows = csv_rows(select(recs, Tally(), include_unasserted=True))
    assert [r["tags"].split("; ")[0] for r in rows[1:]] == ["modality=planned", "modality=negated",
                                                           "modality=conditional"]


def test_actor_names_follow_the_rebrands_by_date():
    for published, name in (("2015-07-24", "Jabhat al-Nusra"), ("2016-09-01", "Jabhat al-Nusra"),
                            ("2018-03-01", "Hay'at Tahrir al-Sham")):
        [row] = csv_rows(records_from_document(doc([{"agents": ["saa"], "targets": ["hts"]}], published=published)))
        assert row["actor2"] == name, published
        [line] = [json.loads(x) for x in _plover(records_from_document(
            doc([{"agents": ["hts"]}], published=published)))]
        assert line["actor"]["name"] == name


def test_persons_are_not_actors_and_actor1_is_never_actor2():
    recs = records_from_document(doc([
        {"agents": ["assad"], "targets": ["hts"]},        # the president stands for his government
        {"agents": ["saa"], "targets": ["assad"]},        # a regime strike "on Assad": no actor2
        {"agents": ["civ1"], "targets": ["civ2"]},        # two civilian sides
    ]))
    rows = csv_rows(recs)
    for r in rows:
        assert "Assad" not in r["actor1"] + r["actor2"] + r["assoc_actor_1"] + r["assoc_actor_2"]
        assert r["actor1"] != r["actor2"]
    assert rows[0]["actor1"] and rows[0]["actor2"] == "Jabhat al-Nusra"
    assert rows[1]["actor2"] == ""


def test_rows_without_coordinates_are_counted_and_geojson_says_so():
    recs = records_from_document(doc([{"places": ["idlib"]}, {"places": ["nowhere"]}, {"places": []}]))
    tally = Tally()
    out = io.StringIO()
    n = geojson.write(select(recs, tally), out)
    assert n == 1 and len(json.loads(out.getvalue())["features"]) == 1
    assert tally.records == 3 and tally.no_coordinates == 2
    assert any("2 events have no coordinates" in x and "not drawn" in x for x in tally.lines("geojson"))
    rows = csv_rows(records_from_document(doc([{"places": ["nowhere"]}])))
    assert len(rows) == 1 and rows[0]["latitude"] == ""


def _plover(records) -> list[str]:
    out = io.StringIO()
    plover.write(records, out)
    return out.getvalue().splitlines()


def test_geojson_and_plover_use_the_csv_date_fallback_and_plover_lists_every_target():
    recs = records_from_document(doc([{"date": None, "agents": ["saa"], "targets": ["hts", "civ1"]},
                                      {"date": {"value": "2015-07", "precision": "month"}}]))
    out = io.StringIO()
    geojson.write(recs, out)
    props = [f["properties"] for f in json.loads(out.getvalue())["features"]]
    assert [p["event_date"] for p in props] == ["2015-07-24", "2015-07-01"]
    lines = [json.loads(x) for x in _plover(recs)]
    assert [x["event_date"] for x in lines] == ["2015-07-24", "2015-07-01"]
    assert [r["name"] for r in lines[0]["recipients"]] == ["Jabhat al-Nusra", "Civilians"]


def test_merged_figure_names_its_source():
    a = records_from_document(doc([{"fatalities": 12}], outlet="okaz", doc_id="a"))[0]
    b = records_from_document(doc([{"fatalities": 10}], outlet="alriyadh", doc_id="b"))[0]
    merged = merge_records([a, b])
    assert merged["fatalities"] == 10 and merged["fatalities_source"]["outlet"] == "alriyadh"
    assert sorted(e["value"] for e in merged["fatalities_reported"]) == [10, 12]
    [row] = csv_rows([merged])
    assert "fatalities_source=alriyadh" in row["tags"] and "from alriyadh" in row["notes"]


def test_admin_names_are_english_like_the_location(installed):
    place = {"kb_id": "ocha:C1233", "name_en": "Qasr Elbreij", "admin1": "حلب", "admin2": "الباب", "admin3": "تادف"}
    from rasd.export.codebook import codebook
    assert acled_csv.admin_names(place, codebook()) == ("Aleppo", "Al-Bab", "Tadaf")
    # no English name given: the gazetteer's, with English admin names
    assert acled_csv.place_names({**place, "name_en": None}, codebook())[0] == "Qasr Elbreij"
    # no English anywhere: all Arabic, never a mix
    unknown = {"kb_id": None, "name_en": None, "name_ar": "قرية", "admin1": "حلب", "admin2": "الباب"}
    assert acled_csv.place_names(unknown, codebook()) == ("قرية", "حلب", "الباب", "")


@pytest.mark.parametrize("fmt_module", [geojson, plover, acled_csv])
def test_exporters_stream(fmt_module):
    """An exporter consumes its records one at a time (a generator), never a list in memory first."""
    seen = []

    def gen():
        for rec in records_from_document(doc([{}, {}, {}])):
            seen.append(rec)
            yield rec

    out = io.StringIO()
    it = gen()
    fmt_module.write(it, out)
    assert len(seen) == 3
