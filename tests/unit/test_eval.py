"""The scorer of spec/gold.md on tiny hand-written gold/system pairs (a made-up report about the
village of تل السنديان, a government army and a rebel brigade)."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rasd.errors import GoldError, InputError, PipelineError
from rasd.eval import aggregate, evaluate, load_gold, score_document
from rasd.eval.score import Counts, haversine_km, max_matching, name_keys

VILLAGE = (35.50, 36.50)
TEXT = "قصف الجيش النظامي قرية تل السنديان يوم الخميس. وقالت كتائب النور إنها صدت الهجوم."
FIRST = (0, TEXT.index(".") + 1)
SECOND = (FIRST[1] + 1, len(TEXT))


# ---------------------------------------------------------------- builders
def gold(**kw) -> dict:
    rec = {"doc_id": "t-1", "text_file": "t/t-1.txt", "published": None,
           "actors": [{"key": "army", "aliases": ["الجيش النظامي", "قوات النظام"]},
                      {"key": "nour", "aliases": ["كتائب النور"]}],
           "persons": [{"key": "khalid", "aliases": ["أبو خالد الحموي"]}],
           "places": [{"key": "sindyan", "kind": "village", "aliases": ["قرية تل السنديان", "تل السنديان"],
                       "lat": VILLAGE[0], "lon": VILLAGE[1], "tolerance_km": 5}],
           "events": [], "relations": []}
    rec.update(kw)
    return rec


def ent(eid: str, etype: str, name: str, *mentions: str, geo: tuple | None = None) -> dict:
    e = {"id": eid, "type": etype, "name_ar": name,
         "mentions": [{"start": 0, "end": len(m), "text": m} for m in mentions]}
    if etype == "PLACE":
        e["geo"] = None if geo is None else {"lat": geo[0], "lon": geo[1]}
    return e


def gev(key="v1", type="SHELLING", agents=("army",), targets=(), partners=(), places=("sindyan",),
        modality="asserted", evidence="قصف الجيش النظامي قرية تل السنديان") -> dict:
    return {"key": key, "type": type, "agents": list(agents), "targets": list(targets),
            "partners": list(partners), "places": list(places), "modality": modality, "evidence": evidence}


def sev(eid="V1", type="SHELLING", agents=("E1",), targets=(), partners=(), places=("E3",),
        modality="asserted", evidence=(FIRST,), trigger=None) -> dict:
    return {"id": eid, "type": type, "agents": list(agents), "targets": list(targets),
            "partners": list(partners), "places": list(places), "modality": modality,
            "evidence": [list(x) for x in evidence], "trigger": trigger}


def system(entities=None, events=(), relations=(), text=TEXT, sentences=(FIRST, SECOND)) -> dict:
    if entities is None:
        entities = [ent("E1", "ACTOR", "الجيش النظامي"), ent("E2", "ACTOR", "كتائب النور"),
                    ent("E3", "PLACE", "تل السنديان", geo=VILLAGE)]
    return {"schema": "rasd.document/1", "doc_id": "t-1", "text": text,
            "sentences": [list(s) for s in sentences], "entities": list(entities),
            "events": list(events), "relations": list(relations)}


def counts(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


# ---------------------------------------------------------------- names
@pytest.mark.parametrize("a, b", [
    ("الجيش النظامي", "جيش النظامي"),          # article removed from one side
    ("تل السنديان", "تلّ السنديان"),            # shadda
    ("أبو خالد الحموي", "ابو خالد الحموي"),      # hamza on alef
    ("قرية الزيتونة", "قريه الزيتونه"),          # teh marbuta
    ("اللواء ٣٣", "اللواء 33"),                  # Arabic-Indic digits
    ("«كتائب النور»", "كتائب  النور"),           # quotes, doubled space
    ("مصطفى", "مصطفي"),                          # alef maksura
])
def test_names_match_after_normalisation(a, b):
    assert not name_keys([a]).isdisjoint(name_keys([b]))


@pytest.mark.parametrize("a, b", [("كتائب النور", "كتائب الفجر"), ("الباب", "الب")])
def test_different_names_do_not_match(a, b):
    assert name_keys([a]).isdisjoint(name_keys([b]))


@given(st.text(alphabet="بتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=2, max_size=12))
def test_article_on_either_side_matches(word):
    assert not name_keys(["ال" + word]).isdisjoint(name_keys([word]))


# ---------------------------------------------------------------- entities
def test_entities_match_by_name_or_mention_and_alias_with_article():
    doc = system([ent("E1", "ACTOR", "جيش النظامي"),               # gold alias has ال
                  ent("E2", "ACTOR", "النور", "كتائب النور"),      # matched through a mention
                  ent("E3", "PLACE", "السنديان", "تل السنديان", geo=VILLAGE),
                  ent("E4", "PERSON", "أبو سعيد")])
    s = score_document(gold(), doc)
    assert counts(s.entities["ACTOR"]) == (2, 0, 0)
    assert counts(s.entities["PLACE"]) == (1, 0, 0)
    assert counts(s.entities["PERSON"]) == (0, 1, 1)
    assert [e["name"] for e in s.misses["entities_missed"]] == ["أبو خالد الحموي"]
    assert [e["id"] for e in s.misses["entities_spurious"]] == ["E4"]


def test_each_gold_entity_matched_at_most_once():
    doc = system([ent("E1", "ACTOR", "الجيش النظامي"), ent("E2", "ACTOR", "قوات النظام")])
    s = score_document(gold(), doc)
    assert counts(s.entities["ACTOR"]) == (1, 1, 1)   # the split actor costs one false positive


def test_entity_matching_is_maximum_not_first_come():
    # Two gold forces share an alias; the system entity with the shared name must not starve one.
    g = gold(actors=[{"key": "army", "aliases": ["القوات الأمنية", "الجيش النظامي"]},
                     {"key": "police", "aliases": ["القوات الأمنية", "الشرطة"]}])
    doc = system([ent("E1", "ACTOR", "القوات الأمنية"), ent("E2", "ACTOR", "الجيش النظامي")])
    assert counts(score_document(g, doc).entities["ACTOR"]) == (2, 0, 0)


def test_entity_type_must_agree():
    doc = system([ent("E1", "PERSON", "كتائب النور")])
    s = score_document(gold(), doc)
    assert s.entities["ACTOR"].tp == 0 and s.entities["PERSON"].fp == 1


@settings(max_examples=200)
@given(st.lists(st.lists(st.booleans(), min_size=4, max_size=4), min_size=0, max_size=4))
def test_max_matching_is_one_to_one_and_maximum(rows):
    n_right = 4
    pairs = max_matching(len(rows), n_right, lambda i, j: rows[i][j])
    assert len(set(pairs.values())) == len(pairs) and all(rows[i][j] for i, j in pairs.items())
    best = max((sum(1 for i, j in enumerate(perm) if j is not None and rows[i][j])
                for perm in itertools.permutations(list(range(n_right)) + [None] * len(rows), len(rows))),
               default=0)
    assert len(pairs) == best


# ---------------------------------------------------------------- geocoding
@pytest.mark.parametrize("geo, ok", [((35.52, 36.50), True),    # ~2 km
                                     ((35.60, 36.50), False),   # ~11 km > 5
                                     (None, False)])            # recognised, no coordinates
def test_geocoding_tolerance(geo, ok):
    s = score_document(gold(), system([ent("E3", "PLACE", "تل السنديان", geo=geo)]))
    [chk] = s.geo
    assert chk.ok is ok
    assert (chk.error_km is None) is (geo is None)
    assert bool(s.misses["geo_errors"]) is not ok


def test_tolerance_given_by_the_gold_wins_over_the_kind():
    wide = gold()["places"][0] | {"tolerance_km": 15}
    s = score_document(gold(places=[wide]), system([ent("E3", "PLACE", "تل السنديان", geo=(35.60, 36.50))]))
    assert s.geo[0].ok


def test_default_tolerance_from_kind_and_places_without_coordinates():
    places = [{"key": "rif", "kind": "region", "aliases": ["ريف الوادي"], "lat": 35.0, "lon": 36.0},
              {"key": "hill", "kind": "hill", "aliases": ["تلة الصنوبر"], "lat": None, "lon": None},
              {"key": "farm", "kind": "village", "aliases": ["المزرعة"], "lat": 35.0, "lon": 36.0}]
    doc = system([ent("P1", "PLACE", "ريف الوادي", geo=(35.3, 36.0)),   # ~33 km, region → 60
                  ent("P2", "PLACE", "تلة الصنوبر", geo=(1.0, 1.0)),
                  ent("P3", "PLACE", "مزرعة", geo=(35.1, 36.0))])        # ~11 km, village → 5
    s = score_document(gold(places=places), doc)
    assert [(c.key, c.ok) for c in s.geo] == [("rif", True), ("farm", False)]
    summary = aggregate([s])
    assert summary.geo_accuracy.value == 0.5
    assert summary.geo_median_km == pytest.approx((haversine_km(35, 36, 35.3, 36) + haversine_km(35, 36, 35.1, 36)) / 2)


def test_haversine_known_distance():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(*VILLAGE, *VILLAGE) == 0


# ---------------------------------------------------------------- events
def test_event_matches_on_type_participant_and_place():
    s = score_document(gold(events=[gev()]), system(events=[sev()]))
    assert counts(s.events) == (1, 0, 0)
    assert (s.roles.correct, s.modality.correct) == (1, 1)
    assert counts(s.event_types["SHELLING"]) == (1, 0, 0)


@pytest.mark.parametrize("change", [{"type": "AIRSTRIKE"}, {"agents": ("E2",)}, {"places": ()}])
def test_event_needs_type_participant_and_place(change):
    s = score_document(gold(events=[gev()]), system(events=[sev(**change)]))
    assert counts(s.events) == (0, 1, 1)
    assert s.misses["events_missed"][0]["evidence"] == gev()["evidence"]


def test_event_place_within_10_km_matches_without_alias():
    doc = system(events=[sev(places=("P9",))],
                 entities=system()["entities"] + [ent("P9", "PLACE", "عين الريحان", geo=(35.55, 36.50))])
    assert score_document(gold(events=[gev()]), doc).events.tp == 1       # ~5.6 km
    far = system(events=[sev(places=("P9",))],
                 entities=system()["entities"] + [ent("P9", "PLACE", "عين الريحان", geo=(35.62, 36.50))])
    assert score_document(gold(events=[gev()]), far).events.tp == 0       # ~13 km


def test_gold_event_without_participants_needs_only_type_and_place():
    g = gold(events=[gev(agents=())])
    assert score_document(g, system(events=[sev(agents=("E2",))])).events.tp == 1


def test_negated_system_event_is_a_false_positive_against_asserted_gold():
    s = score_document(gold(events=[gev()]), system(events=[sev(modality="negated")]))
    assert counts(s.events) == (0, 1, 1)
    assert counts(s.type_only) == (0, 1, 1)
    assert "negated" in s.misses["events_missed"][0]["why"]


def test_negated_matches_negated_and_other_modalities_only_cost_accuracy():
    s = score_document(gold(events=[gev(modality="negated")]), system(events=[sev(modality="negated")]))
    assert s.events.tp == 1 and s.modality.correct == 1
    s = score_document(gold(events=[gev()]), system(events=[sev(modality="planned")]))
    assert s.events.tp == 1 and (s.modality.correct, s.modality.total) == (0, 1)
    [shown] = s.misses["events_mismatched"]
    assert (shown["gold_modality"], shown["system_modality"]) == ("asserted", "planned")


def test_events_match_one_to_one():
    g = gold(events=[gev("v1"), gev("v2")])
    s = score_document(g, system(events=[sev("V1")]))
    assert counts(s.events) == (1, 0, 1)
    assert s.misses["events_missed"][0]["key"] == "v2"
    s = score_document(gold(events=[gev()]), system(events=[sev("V1"), sev("V2")]))
    assert counts(s.events) == (1, 1, 0)


def test_role_accuracy():
    both = gold(events=[gev(agents=("army", "nour"))])
    assert score_document(both, system(events=[sev(agents=("E1",), targets=("E2",))])).roles.correct == 0
    assert score_document(both, system(events=[sev(agents=("E2", "E1"))])).roles.correct == 1
    none = gold(events=[gev(agents=(), targets=("nour",))])
    quiet = score_document(none, system(events=[sev(agents=(), targets=("E2",))]))
    assert (quiet.roles.correct, quiet.roles_strict.correct) == (1, 1)
    # spec/gold.md: "gold agents are among the system's agents" holds for no gold agents; the
    # strict score also asks the system not to invent one
    invented = score_document(none, system(events=[sev(agents=("E1",), targets=("E2",))]))
    assert (invented.roles.correct, invented.roles_strict.correct) == (1, 0)


def test_type_only_uses_evidence_sentence_with_normalised_quote():
    g = gold(events=[gev(evidence="قصفَ الجيشُ النظاميُّ قريةَ تلّ السنديان")])
    wrong_place = sev(places=())                      # fails the full match, not type-only
    s = score_document(g, system(events=[wrong_place]))
    assert s.events.tp == 0 and counts(s.type_only) == (1, 0, 0)
    other_sentence = sev(evidence=(SECOND,))
    assert score_document(g, system(events=[other_sentence])).type_only.tp == 0


def test_type_only_falls_back_to_the_trigger_sentence():
    trig = {"start": 0, "end": 3, "text": "قصف"}
    s = score_document(gold(events=[gev()]), system(events=[sev(evidence=(), trigger=trig)]))
    assert s.type_only.tp == 1


# ---------------------------------------------------------------- relations
def test_symmetric_relations_match_either_way_round():
    g = gold(relations=[{"type": "HOSTILE_TO", "head": "army", "tail": "nour"}])
    rel = {"type": "HOSTILE_TO", "head": "E2", "tail": "E1"}
    assert counts(score_document(g, system(relations=[rel])).relations) == (1, 0, 0)


def test_directed_relations_do_not():
    g = gold(relations=[{"type": "LEADER_OF", "head": "khalid", "tail": "nour"}])
    ents = system()["entities"] + [ent("E4", "PERSON", "أبو خالد الحموي")]
    right = {"type": "LEADER_OF", "head": "E4", "tail": "E2"}
    assert score_document(g, system(ents, relations=[right])).relations.tp == 1
    swapped = {"type": "LEADER_OF", "head": "E2", "tail": "E4"}
    assert counts(score_document(g, system(ents, relations=[swapped])).relations) == (0, 1, 1)


# ---------------------------------------------------------------- aggregation
def test_aggregate_is_micro_averaged():
    a = score_document(gold(events=[gev()]), system(events=[sev()]))
    b = score_document(gold(events=[gev("v1"), gev("v2"), gev("v3")]), system(events=[]))
    s = aggregate([a, b])
    assert counts(s.events) == (1, 0, 3)
    assert s.events.recall == 0.25 and s.events.precision == 1.0   # not the mean of 1.0 and 0.0
    assert s.documents == 2 and s.metrics()["EVENT.f1"] == pytest.approx(0.4)


def test_empty_counts_are_undefined_not_zero():
    c = Counts()
    assert (c.precision, c.recall, c.f1) == (None, None, None)
    assert Counts(0, 0, 2).f1 == 0.0


_NAMES = ["الجيش النظامي", "كتائب النور", "جيش النظامي", "لواء الفجر", "النور"]


@given(st.lists(st.sampled_from(_NAMES), max_size=5), st.lists(st.sampled_from(_NAMES), max_size=5))
def test_counts_account_for_every_entity(gold_names, sys_names):
    g = gold(actors=[{"key": f"a{i}", "aliases": [n]} for i, n in enumerate(gold_names)])
    doc = system([ent(f"E{i}", "ACTOR", n) for i, n in enumerate(sys_names)])
    c = score_document(g, doc).entities["ACTOR"]
    assert c.tp + c.fn == len(gold_names) and c.tp + c.fp == len(sys_names)


# ---------------------------------------------------------------- gold files and the run
def _write_corpus(tmp_path: Path, records: list[dict], index: list[dict] | None = None) -> Path:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "t-1.txt").write_text(TEXT, encoding="utf-8")
    gold_path = tmp_path / "t" / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    if index is not None:
        (tmp_path / "t" / "index.jsonl").write_text("".join(json.dumps(r) + "\n" for r in index))
    return gold_path


@pytest.mark.parametrize("bad, msg", [
    ({"events": [gev(agents=("nobody",))]}, "agents key 'nobody'"),
    ({"events": [gev(type="PICNIC")]}, "unknown event type"),
    ({"events": [gev(modality="maybe")]}, "modality"),
    ({"relations": [{"type": "LEADER_OF", "head": "khalid", "tail": "ghost"}]}, "tail 'ghost'"),
    ({"places": [{"key": "x", "kind": "village", "aliases": ["قرية"], "lat": 35.0, "lon": None}]}, "both lat"),
    ({"actors": [{"key": "army", "aliases": []}]}, "aliases"),
    ({"doc_id": ""}, "doc_id"),
])
def test_gold_validation_names_file_and_line(tmp_path, bad, msg):
    path = _write_corpus(tmp_path, [gold(doc_id="ok"), gold(**bad)])
    with pytest.raises(GoldError, match=rf"gold.jsonl:2: .*{msg}"):
        load_gold(path)


def test_gold_malformed_json_line(tmp_path):
    path = _write_corpus(tmp_path, [gold()])
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match="gold.jsonl:2: not valid JSON"):
        load_gold(path)


def test_index_beside_gold_supplies_publication_metadata(tmp_path):
    path = _write_corpus(tmp_path, [gold()], index=[{"doc_id": "t-1", "outlet": "صحيفة", "published": "2015-07-01"}])
    [rec] = load_gold(path)
    assert (rec.data["outlet"], rec.data["published"]) == ("صحيفة", "2015-07-01")
    assert rec.text() == TEXT


def test_run_passes_source_to_extract_and_scores(tmp_path):
    path = _write_corpus(tmp_path, [gold(events=[gev()])], index=[{"doc_id": "t-1", "published": "2015-07-01"}])
    seen = {}

    def fake_extract(text, **source):
        seen.update(source, text=text)
        return system(events=[sev()])

    result = evaluate(path, extract=fake_extract)
    assert seen["text"] == TEXT and seen["doc_id"] == "t-1" and seen["published"] == "2015-07-01"
    assert result.summary.events.tp == 1 and len(result.gold_sha256) == 64


def test_missing_report_is_a_clear_error(tmp_path):
    path = _write_corpus(tmp_path, [gold(text_file="t/missing.txt")])
    with pytest.raises(InputError, match="missing.txt"):
        evaluate(path, extract=lambda text, **kw: system())


def test_pipeline_crash_names_the_report(tmp_path):
    path = _write_corpus(tmp_path, [gold()])

    def broken(text, **kw):
        raise ValueError("boom")

    with pytest.raises(PipelineError, match="t-1: ValueError: boom"):
        evaluate(path, extract=broken)


def test_predictions_file_and_missing_prediction_warning(tmp_path):
    path = _write_corpus(tmp_path, [gold(events=[gev()]), gold(doc_id="t-2")])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(system(events=[sev()]), ensure_ascii=False) + "\n", encoding="utf-8")
    result = evaluate(path, pred)
    assert result.summary.events.tp == 1
    assert result.warnings and "t-2" in result.warnings[0]
    with pytest.raises(GoldError, match="t-9"):
        evaluate(path, pred, doc_ids=["t-9"])


# ---------------------------------------------------------------- CLI
@pytest.fixture
def cli():
    from rasd.cli import eval as eval_cli

    app = typer.Typer()
    app.callback()(lambda: None)
    eval_cli.register(app)
    return lambda *args: CliRunner().invoke(app, ["eval", *map(str, args)])


def test_cli_json_and_explain(tmp_path, cli):
    path = _write_corpus(tmp_path, [gold(events=[gev()])])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(system(events=[sev(type="AIRSTRIKE")]), ensure_ascii=False) + "\n", encoding="utf-8")
    out = cli(path, "--pred", pred, "--json", "--explain")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["events"]["fn"] == 1 and data["entities"]["ACTOR"]["tp"] == 2
    assert data["explain"][0]["events_missed"][0]["key"] == "v1"
    table = cli(path, "--pred", pred, "--explain")
    assert table.exit_code == 0 and "gold events unmatched" in table.output and "أبو خالد الحموي" in table.output


def test_cli_gold_error_is_a_rasd_error(tmp_path, cli):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("[]\n")
    assert isinstance(cli(bad, "--pred", bad).exception, GoldError)


def test_unreadable_gold_and_predictions_are_clear_errors(tmp_path):
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "none.jsonl")
    with pytest.raises(GoldError, match="cannot be read"):
        load_gold(tmp_path)
    path = _write_corpus(tmp_path, [gold()])
    with pytest.raises(InputError, match="pred.jsonl:1: not a rasd.document/1"):
        (tmp_path / "pred.jsonl").write_text("[1]\n")
        evaluate(path, tmp_path / "pred.jsonl")


def test_the_f1_interval_is_a_bootstrap_over_documents():
    """The interval holds the F1 of the whole part, is fixed by its seed, narrows as the same
    kind of documents grows in number, and is a single point when every document scores alike."""
    from rasd.eval.score import Counts, f1_interval
    docs = [Counts(3, 1, 0), Counts(0, 2, 3), Counts(5, 0, 1), Counts(1, 1, 1), Counts(2, 0, 2)]
    whole = Counts()
    for c in docs:
        whole += c
    lo, hi = f1_interval(docs)
    assert lo < whole.f1 < hi
    assert f1_interval(docs) == (lo, hi)          # the seed fixes it: a rerun prints the same
    lo4, hi4 = f1_interval(docs * 4)
    assert hi4 - lo4 < hi - lo
    assert f1_interval([Counts(2, 1, 1)] * 6) == (whole_f1 := 2 * 2 / (4 + 1 + 1), whole_f1)
    assert f1_interval([]) is None and f1_interval([Counts()]) is None


def test_the_summary_keeps_each_documents_counts_for_its_intervals():
    from rasd.eval.score import Counts, DocScore
    a, b = DocScore("a"), DocScore("b")
    a.events, b.events = Counts(2, 0, 0), Counts(0, 2, 2)
    s = aggregate([a, b])
    assert s.per_doc["EVENT"] == [a.events, b.events]
    iv = s.f1_intervals()["EVENT"]
    assert iv[0] < s.events.f1 < iv[1]
    assert s.to_json()["f1_intervals"]["EVENT"] == list(iv)
    assert s.f1_intervals()["ACTOR"] is None          # no actor counted in either document
