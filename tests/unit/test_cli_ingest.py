"""The ingest, events, quarantine and export commands, over the stand-in extractor."""
import json

import pytest
import typer
from test_store import ARTICLE, OTHER, fake_extract
from typer.testing import CliRunner

from rasd.cli import ingest as cli


@pytest.fixture
def app(monkeypatch):
    import rasd
    monkeypatch.setattr(rasd, "extract", fake_extract)
    monkeypatch.setattr(cli, "_as_worker", lambda: None)   # the stand-in extractor loads nothing to freeze
    a = typer.Typer()
    cli.register(a)
    return a


def run(app, *args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_one_process_ingest_is_set_up_as_a_worker_and_put_back(monkeypatch):
    import gc

    from rasd.runtime import GEN0_THRESHOLD

    warmed = []

    def warm_up():   # what rasd.batch.warm.warm_up does to the collector, without loading the pipeline
        warmed.append(True)
        gc.freeze()
        gc.set_threshold(GEN0_THRESHOLD, *gc.get_threshold()[1:])

    monkeypatch.setattr("rasd.batch.warm.warm_up", warm_up)
    before = gc.get_threshold()
    restore = cli._as_worker()
    assert warmed and gc.get_threshold()[0] == GEN0_THRESHOLD and gc.get_freeze_count() > 0
    restore()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_ingest_events_quarantine(app, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE.format(n=4) + " " + OTHER.format(n=2), encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("An English note with no Arabic in it at all, for the test.", encoding="utf-8")
    db = tmp_path / "db"
    summary = json.loads(run(app, "ingest", tmp_path / "in", "--db", db, "--json"))
    assert (summary["read"], summary["stored"], summary["quarantined"]) == (2, 1, 1)
    assert "skipped as duplicate 1" in run(app, "ingest", tmp_path / "in", "--db", db)
    table = run(app, "events", "--db", db, "--place", "Aleppo")
    assert "AIRSTRIKE" in table and "Aleppo" in table and "Idlib" not in table
    rows = [json.loads(x) for x in run(app, "quarantine", "--db", db, "--json").splitlines()]
    assert [r["reason"] for r in rows] == ["not_arabic"]


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "acled-csv", "plover-jsonl"])
def test_export_writes_every_format_with_the_real_exporters(app, tmp_path, fmt):
    import csv

    (tmp_path / "a.txt").write_text(ARTICLE.format(n=4), encoding="utf-8")
    run(app, "ingest", tmp_path / "a.txt", "--db", tmp_path / "db", "--published", "2017-03-02")
    out = tmp_path / "out"
    run(app, "export", "--format", fmt, "--db", tmp_path / "db", "--out", out)
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert json.loads(text)["type"] == "FeatureCollection"
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert rows and rows[0]["event_type"]
    else:
        assert [json.loads(x) for x in text.splitlines()]


def test_export_refuses_an_unknown_format(app, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE.format(n=4), encoding="utf-8")
    run(app, "ingest", tmp_path / "a.txt", "--db", tmp_path / "db")
    result = CliRunner().invoke(app, ["export", "--format", "nope", "--db", str(tmp_path / "db")])
    assert result.exit_code != 0
