"""The command line as a new user meets it (issue 9, "The CLI"): usage errors, filters, JSON,
Ctrl-C, progress totals.  Runs ``rasd`` in-process through its real entry point."""
from __future__ import annotations

import builtins
import json

import pytest
from test_store import ARTICLE, OTHER, fake_extract, write_jsonl

import rasd


def isis_extract(text, **source):
    doc = fake_extract(text, **source)
    doc["entities"][0].update(name_ar="تنظيم الدولة الإسلامية", name_en="Islamic State", kb_id="actor:isis")
    return doc


@pytest.fixture
def db(tmp_path, monkeypatch, rasd_cli):
    monkeypatch.setattr(rasd, "extract", isis_extract)
    path = tmp_path / "db"
    src = write_jsonl(tmp_path / "r.jsonl", [
        {"text": ARTICLE.format(n=4), "published": "2015-07-20", "outlet": "okaz"},
        {"text": OTHER.format(n=7), "published": "2015-08-02", "outlet": "alriyadh"}])
    assert rasd_cli("ingest", src, "--db", path).code == 0
    return path


@pytest.mark.parametrize("args,message", [
    (["export"], "Missing option '--format'"),
    (["events", "--limit", "abc"], "Invalid value for '--limit'"),
    (["nope"], "No such command 'nope'"),
    (["ingest", "--frobnicate", "x"], "No such option: --frobnicate"),
    (["events", "--limit"], "requires an argument"),
])
def test_usage_errors_exit_2_with_the_parsers_message(rasd_cli, args, message):
    r = rasd_cli(*args)
    assert r.code == 2, r
    assert message in r.err and "R999" not in r.err and "Traceback" not in r.err


def test_usage_errors_are_handled_without_click_installed(rasd_cli, monkeypatch):
    real = builtins.__import__

    def no_click(name, *a, **kw):
        if name == "click" or name.startswith("click."):
            raise ImportError(f"No module named {name!r}")
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", no_click)
    r = rasd_cli("export")
    assert r.code == 2 and "Missing option" in r.err and "Traceback" not in r.err


def test_version_and_short_help(rasd_cli):
    r = rasd_cli("--version")
    assert r.code == 0 and r.out.strip() == f"rasd {rasd.__version__}"
    for args in (["-h"], ["events", "-h"], ["data", "install", "-h"]):
        r = rasd_cli(*args)
        assert r.code == 0 and "Usage" in r.out, args


@pytest.mark.parametrize("args,words", [
    (["--type", "BOGUS"], ["unknown event type", "AIRSTRIKE", "SHELLING"]),
    (["--from", "2015/07/20"], ["--from", "not a date", "YYYY-MM-DD"]),
    (["--to", "2015-02-30"], ["--to", "calendar date"]),
    (["--from", "2015-08-01", "--to", "2015-07-01"], ["after"]),
])
def test_bad_filters_are_errors_not_empty_results(rasd_cli, db, args, words):
    for cmd in ("events", "export"):
        extra = ["--format", "jsonl"] if cmd == "export" else []
        r = rasd_cli(cmd, "--db", db, *extra, *args)
        assert r.code == 2 and r.err.startswith("error R100"), (cmd, r)
        assert all(w in r.err for w in words), r.err


def events_json(rasd_cli, db, *args) -> list[dict]:
    r = rasd_cli("events", "--db", db, "--json", *args)
    assert r.code == 0, r.err
    return [json.loads(x) for x in r.out.splitlines()]


def test_type_in_any_case_actor_through_aliases_place_folded(rasd_cli, db):
    assert len(events_json(rasd_cli, db, "--type", "airstrike")) == 3
    assert len(events_json(rasd_cli, db, "--actor", "داعش")) == 3          # an alias of actor:isis
    assert len(events_json(rasd_cli, db, "--actor", "تنظيم الدولة")) == 3
    for spelling in ("إدلب", "ادلب", "Idlib", "idlib"):
        assert len(events_json(rasd_cli, db, "--place", spelling)) == 2, spelling
    assert events_json(rasd_cli, db, "--from", "2015-08-01") and not events_json(rasd_cli, db, "--to", "2015-07-01")


def test_place_idlib_finds_events_placed_at_the_gazetteers_idleb(rasd_cli, tmp_path, monkeypatch, installed):
    """The installed gazetteer spells the city "Idleb" (and the governorate "Idlib"): an event the
    pipeline placed at the city is found by either English spelling, and by the Arabic ones."""
    from rasd.kb.resources import default_resources

    city = next(p for p in default_resources().gazetteer.places() if p.name_en == "Idleb" and p.kind == "locality")

    def at_the_city(text, **source):
        doc = fake_extract(text, **source)
        doc["entities"][1].update(name_ar=city.name_ar, name_en=city.name_en, kb_id=city.id)
        return doc

    monkeypatch.setattr(rasd, "extract", at_the_city)
    path = tmp_path / "db"
    src = write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=4), "published": "2015-07-20"},
                                             {"text": OTHER.format(n=7), "published": "2015-08-02"}])
    assert rasd_cli("ingest", src, "--db", path).code == 0
    for spelling in ("Idlib", "idlib", "Idleb", "إدلب", "ادلب"):
        found = events_json(rasd_cli, path, "--place", spelling)
        assert len(found) == 2, spelling
    assert events_json(rasd_cli, path, "--place", "Homs") == []


def test_ingest_published_and_outlet_for_plain_text_and_malformed_dates_refused(rasd_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(rasd, "extract", fake_extract)
    (tmp_path / "a.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    db = tmp_path / "db"
    for bad in ("14/03/2026", "2019-5-2"):
        r = rasd_cli("ingest", tmp_path / "a.txt", "--db", db, "--published", bad)
        assert r.code != 0 and "--published" in r.err and "Traceback" not in r.err, (bad, r)
    r = rasd_cli("ingest", tmp_path / "a.txt", "--db", db, "--published", "2015-07-20", "--outlet", "okaz")
    assert r.code == 0, r.err
    [event] = events_json(rasd_cli, db)
    assert event["date"]["value"] == "2015-07-20" and event["fatalities_source"]["outlet"] == "okaz"


def test_json_keeps_arabic_readable(rasd_cli, db):
    for args in (["events", "--json"], ["quarantine", "--json"], ["ingest", "--json"]):
        r = rasd_cli(*args[:1], "--db", db, *args[1:]) if args[0] != "ingest" else rasd_cli(
            "ingest", str(db.parent / "r.jsonl"), "--db", db, "--json")
        assert r.code == 0 and "\\u0" not in r.out, args
    assert "إدلب" in rasd_cli("events", "--db", db, "--json").out


def test_ctrl_c_exits_130_saying_what_was_stored(rasd_cli, tmp_path, monkeypatch):
    calls = []

    def interrupted(text, **source):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return fake_extract(text, **source)

    monkeypatch.setattr(rasd, "extract", interrupted)
    src = write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=i + 1) + f" رقم {i * 31}",
                                              "published": "2015-07-20"} for i in range(5)])
    r = rasd_cli("ingest", src, "--db", tmp_path / "db", "--batch", "2")
    assert r.code == 130
    assert "interrupted: 2 reports stored" in r.err and "rerun" in r.err
    monkeypatch.setattr(rasd, "extract", fake_extract)
    r = rasd_cli("ingest", src, "--db", tmp_path / "db", "--json")
    summary = json.loads(r.out)
    assert (summary["stored"], summary["duplicates"]) == (3, 2)


def test_progress_totals(tmp_path):
    import zipfile

    from rasd.ingest.sources import estimate
    from rasd.kb.install import MANIFEST, steps

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    write_jsonl(tmp_path / "d" / "r.jsonl", [{"text": "x"}] * 4)
    with zipfile.ZipFile(tmp_path / "d" / "z.zip", "w") as z:
        z.writestr("1.txt", "x")
        z.writestr("2.txt", "y")
    (tmp_path / "d" / "index.jsonl").write_text('{"doc_id": "a", "published": "2015-07-20"}\n', encoding="utf-8")
    assert estimate(str(tmp_path / "d")) == 7
    assert estimate("https://example.org/feed") is None
    # verify, gazetteer, names, news names, NER, event decision, word answers
    assert steps(None) == len(MANIFEST) + 7 and steps(tmp_path) == 7


def test_ingest_and_export_bars_show_a_total_and_an_eta(rasd_cli, tmp_path, monkeypatch):
    """The bars themselves (not only the estimates): a total, the count against it, and an ETA."""
    import io

    from rich.console import Console

    from rasd.cli import ingest as cli_ingest

    bars, real = [], cli_ingest.progress_bar

    def recorded(console):
        bars.append(real(Console(file=io.StringIO(), force_terminal=True, width=240)))
        return bars[-1]

    def rendered(bar, task) -> str:
        out = Console(file=io.StringIO(), width=240, color_system=None)
        out.print(bar.make_tasks_table([task]))
        return out.file.getvalue()

    monkeypatch.setattr(cli_ingest, "progress_bar", recorded)
    monkeypatch.setattr(rasd, "extract", fake_extract)
    src = write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=i), "published": f"2015-0{i}-01"}
                                             for i in range(3, 8)])
    assert rasd_cli("ingest", src, "--db", tmp_path / "db").code == 0
    assert rasd_cli("export", "--db", tmp_path / "db", "--format", "jsonl", "-o", tmp_path / "x.jsonl").code == 0
    assert len(bars) == 2
    for bar in bars:
        [task] = bar.tasks
        assert task.total == task.completed == 5
        line = rendered(bar, task)
        assert "5/5" in line and "ETA" in line and "0:00:" in line, line
    half = real(Console(file=io.StringIO()))
    half.update(half.add_task("ingesting", total=7), completed=3)
    assert "3/7" in rendered(half, half.tasks[0])


def test_export_summary_counts_what_a_format_cannot_hold(rasd_cli, tmp_path, monkeypatch):
    def unplaced(text, **source):
        doc = fake_extract(text, **source)
        if "حلب" in text:
            doc["entities"][2]["geo"] = {"lat": None, "lon": None}
            doc["events"][1]["modality"] = "planned"
            doc["events"].append({**doc["events"][1], "id": "V3", "modality": "asserted"})
        return doc

    monkeypatch.setattr(rasd, "extract", unplaced)
    src = write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE.format(n=4) + " " + OTHER.format(n=2),
                                              "published": "2015-07-20"}])
    assert rasd_cli("ingest", src, "--db", tmp_path / "db").code == 0
    r = rasd_cli("export", "--db", tmp_path / "db", "--format", "geojson", "--out", tmp_path / "o.geojson")
    assert r.code == 0
    assert "2 events exported (1 features)" in r.err
    assert "1 events have no coordinates: not drawn" in r.err
    assert "1 planned events left out" in r.err
    features = json.loads((tmp_path / "o.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == 1
    r = rasd_cli("export", "--db", tmp_path / "db", "--format", "acled-csv", "--all-modalities")
    assert r.code == 0 and "3 events exported (3 rows)" in r.err and "modality=planned" in r.out
