"""`rasd eval` over parts (train beside test) and gold records that point into ../shared/data."""
from __future__ import annotations

import gzip
import json
import zipfile

import pytest

from rasd.errors import GoldError, InputError
from rasd.eval.gold import load_gold
from rasd.eval.run import evaluate_part, parts_of
from test_eval import TEXT, cli, gev, gold, sev, system  # noqa: F401 - cli is a fixture


def _part(folder, name, records):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                               encoding="utf-8")


@pytest.fixture
def annotated(tmp_path, monkeypatch):
    """A shared data folder with one news2 shard and one news zip, and annotations/ beside it."""
    data = tmp_path / "shared" / "data"
    (data / "news2").mkdir(parents=True)
    with gzip.open(data / "news2" / "part-0000.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a1", "title": "عنوان", "content": TEXT, "published": "2024-01-02",
                             "source": "Al Mayadeen", "url": "u1"}, ensure_ascii=False) + "\n")
    (data / "news").mkdir()
    with zipfile.ZipFile(data / "news" / "2015-07-21.zip", "w") as z:
        z.writestr("2015-07-21.json", json.dumps([{"title": "x", "content": "y"},
                                                   {"title": "عنوان", "content": TEXT, "source": "s",
                                                    "date_extracted": "2015-07-21 02:51:32"}]))
    monkeypatch.delenv("RASD_SHARED_DATA", raising=False)
    ann = tmp_path / "repo" / "annotations"
    _part(ann / "train", "a.jsonl", [gold(doc_id="m-1", text_file="shared:news2/part-0000.jsonl.gz#a1",
                                          events=[gev()])])
    _part(ann / "test", "a.jsonl", [gold(doc_id="m-2", text_file="shared:news/2015-07-21.zip#1")])
    _part(ann / "test", "b.jsonl", [gold(doc_id="m-3", text_file="shared:news/2015-07-21.zip#1")])
    return ann


def test_shared_reference_reads_title_blank_line_content_and_metadata(annotated):
    [rec] = load_gold(annotated / "train" / "a.jsonl")
    assert rec.text() == "عنوان\n\n" + TEXT
    assert (rec.data["published"], rec.data["outlet"]) == ("2024-01-02", "Al Mayadeen")
    [rec] = load_gold(annotated / "test" / "a.jsonl")
    assert rec.text() == "عنوان\n\n" + TEXT and rec.data["published"] == "2015-07-21"


def test_shared_reference_errors_name_file_and_line(annotated):
    bad = annotated / "train" / "bad.jsonl"
    _part(annotated / "train", "bad.jsonl", [gold(doc_id="z", text_file="shared:news2/part-0000.jsonl.gz#nope")])
    with pytest.raises(GoldError, match=r"bad.jsonl:1: article 'nope'"):
        load_gold(bad)
    _part(annotated / "train", "bad.jsonl", [gold(doc_id="z", text_file="shared:news2/part-0000.jsonl.gz")])
    with pytest.raises(GoldError, match="needs '#"):
        load_gold(bad)


def test_a_folder_of_parts_gives_one_part_each_and_test_is_held_out(annotated):
    parts = parts_of([annotated])
    assert [p.name.rsplit("/", 1)[-1] for p in parts] == ["test", "train"]
    assert [p.held_out for p in parts] == [True, False]
    assert len(parts[0].files) == 2
    with pytest.raises(GoldError, match="no gold"):
        parts_of([annotated.parent])


def test_a_valid_part_is_held_out_like_test(annotated, cli, monkeypatch):
    """annotations/valid is the second held-out part: `rasd eval annotations` scores it as a part of
    its own, marked held out, and --explain is refused on it as on test."""
    import rasd

    _part(annotated / "valid", "a.jsonl", [gold(doc_id="m-4", text_file="shared:news/2015-07-21.zip#1")])
    parts = parts_of([annotated])
    assert [(p.name.rsplit("/", 1)[-1], p.held_out) for p in parts] == [
        ("test", True), ("train", False), ("valid", True)]
    monkeypatch.setattr(rasd, "extract", lambda text, **kw: system())
    refused = cli(annotated / "valid", "--explain")
    assert isinstance(refused.exception, InputError) and "held-out" in str(refused.exception)


def test_a_part_pools_its_files(annotated):
    [test, train] = parts_of([annotated])
    ev = evaluate_part(test, extract=lambda text, **kw: system())
    assert ev.summary.documents == 2 and {s.doc_id for s in ev.scores} == {"m-2", "m-3"}
    ev = evaluate_part(train, extract=lambda text, **kw: system(events=[sev()]))
    assert ev.summary.events.tp == 1


def test_cli_side_by_side_and_no_explain_on_held_out(annotated, cli, monkeypatch):
    import rasd

    monkeypatch.setattr(rasd, "extract", lambda text, **kw: system())
    out = cli(annotated)
    assert out.exit_code == 0, out.output
    assert "side by side" in out.output and "(held out)" in out.output
    refused = cli(annotated, "--explain")
    assert isinstance(refused.exception, InputError) and "held-out" in str(refused.exception)
    assert cli(annotated / "train", "--explain").exit_code == 0


def test_a_folder_with_an_ingest_sidecar_scores_its_gold_only(annotated):
    """corpus/dev keeps index.jsonl (publication metadata rasd ingest reads) beside gold.jsonl:
    `rasd eval FOLDER` must read the gold, not fail on the sidecar."""
    train = annotated / "train"
    (train / "index.jsonl").write_text('{"doc_id": "m-1", "file": "m-1.txt", "published": "2024-01-02"}\n',
                                       encoding="utf-8")
    [part] = parts_of([train])
    assert [f.name for f in part.files] == ["a.jsonl"]
