"""The project's own gold (annotations/{train,test,valid}/SET.jsonl) is well formed against the text it
points at in ../shared/data: quotes are real, every entity is named in the report, the parts
of a set never share a report, and nothing in corpus/dev is annotated again.

Skips outside CI when ../shared is absent (the text is read from it at load time).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from rasd.arabic.normalize import gold_key, strip_article
from rasd.eval.gold import load_gold

ROOT = Path(__file__).resolve().parents[2] / "annotations"
FILES = sorted(p for part in ("train", "test", "valid") for p in (ROOT / part).glob("*.jsonl"))


def _ids(p: Path) -> str:
    return f"{p.parent.name}/{p.name}"


def _named_in(alias: str, text_key: str) -> bool:
    """An alias occurs in the folded text, as written or without its leading ال (which a
    proclitic ل may have swallowed: للطيران → الطيران)."""
    k = gold_key(alias)
    return bool(k) and (k in text_key or strip_article(k) in text_key)


@pytest.fixture(scope="module")
def records(shared):  # noqa: ARG001 - the fixture skips (or fails under CI) without ../shared
    return {p: load_gold(p) for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_every_quote_is_in_the_report_and_every_entity_is_named_there(records, path):
    bad = []
    for rec in records[path]:
        text = rec.text()
        key = gold_key(text)
        d = rec.data
        for ev in d["events"]:
            if ev["evidence"] not in text:
                bad.append(f"{d['doc_id']} {ev['key']}: evidence is not a substring of the report")
        for section in ("actors", "persons", "places"):
            for ent in d[section]:
                if not any(_named_in(a, key) for a in ent["aliases"]):
                    bad.append(f"{d['doc_id']} {ent['key']}: no alias occurs in the report")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_doc_ids_carry_the_set_name_and_text_points_into_shared_data(records, path):
    for rec in records[path]:
        assert rec.doc_id.startswith(f"{path.stem}-"), rec.doc_id
        assert rec.data["text_file"].startswith("shared:"), rec.doc_id
        assert rec.data.get("published"), f"{rec.doc_id}: no publication date"


def test_train_test_and_valid_parts_share_no_report(records):
    seen: dict[str, str] = {}
    clashes = []
    for path, recs in records.items():
        for rec in recs:
            for k in (rec.data["text_file"], rec.doc_id):
                if k in seen and seen[k] != _ids(path):
                    clashes.append(f"{k}: in {seen[k]} and {_ids(path)}")
                seen[k] = _ids(path)
    assert not clashes, "\n".join(clashes)


def test_no_report_of_corpus_dev_is_annotated_again(records, shared):
    index = shared / "corpus" / "dev" / "index.jsonl"
    dev = {json.loads(line)["url"] for line in index.read_text(encoding="utf-8").splitlines()
           if line.strip()}
    again = [r.doc_id for recs in records.values() for r in recs if r.data.get("url") in dev]
    assert not again, again


def _select_module():
    """annotations/select.py (a script, not a package module), loaded from its path."""
    spec = importlib.util.spec_from_file_location("annotations_select", ROOT / "select.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_each_report_sits_in_the_part_its_draw_position_gives(records):
    """For a set whose later draws are train-only (select.py's TRAIN_ONLY_FROM), a report's part
    follows from its draw position (the doc_id number): before that position even draws are train
    and odd ones test, from it on every draw is train, and from select.py's VALID_FROM on every draw
    is valid. So growing a set never moves the test part."""
    train_only_from = _select_module().TRAIN_ONLY_FROM
    valid_from = _select_module().VALID_FROM
    misplaced = []
    for path, recs in records.items():
        start = train_only_from.get(path.stem)
        if start is None:
            continue
        for rec in recs:
            k = int(rec.doc_id.rsplit("-", 1)[1])
            part = "train" if k % 2 == 0 or k >= start else "test"
            if k >= valid_from.get(path.stem, k + 1):
                part = "valid"
            if part != path.parent.name:
                misplaced.append(f"{rec.doc_id}: in {_ids(path)}, its draw position says {part}")
    assert not misplaced, "\n".join(misplaced)


def test_every_held_out_report_is_recognised_in_the_news(shared):
    """rasd.kb.heldout finds the body of every report of the parts the news readers leave out
    (HELD_OUT_PARTS: annotations/test and /valid) in ../shared/data, so the
    news readers of `rasd data install` (given names, word clusters) and the
    scripts that write generated knowledge skip them all."""
    from rasd.kb.heldout import HELD_OUT_PARTS, held_out, held_out_refs
    refs = held_out_refs()
    bodies = held_out(shared / "data")
    assert refs and bodies.articles == len(refs) and len(bodies) >= len(refs)
    found = {p: load_gold(p) for part in HELD_OUT_PARTS for p in (ROOT / part).glob("*.jsonl")}
    for path, recs in found.items():
        for r in recs:
            assert r.text() in bodies, f"{path}: {r.doc_id} is not recognised as held out"
