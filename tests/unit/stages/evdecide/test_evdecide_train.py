"""Training data of the event decision: never the held-out annotations/test and annotations/valid (HELD_OUT_PARTS)."""
from __future__ import annotations

import json

import pytest

from rasd.arabic.normalize import gold_key
from rasd.errors import GoldError
from rasd.eval.gold import load_gold
from rasd.kb.heldout import HELD_OUT_PARTS, held_out_files
from rasd.stages.evdecide import META_FILE
from rasd.stages.evdecide.train import REPO_ANNOTATIONS, training_files


def _gold_line(doc_id: str) -> str:
    return json.dumps({"doc_id": doc_id, "text_file": "x.txt", "actors": [], "persons": [], "places": [],
                       "events": [], "relations": []}) + "\n"


def test_only_train_files_are_read(tmp_path):
    for part in ("train", "test", "valid"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "a.jsonl").write_text(_gold_line(part), encoding="utf-8")
    assert training_files(None, tmp_path) == [tmp_path / "train" / "a.jsonl"]


@pytest.mark.parametrize("part", HELD_OUT_PARTS)
def test_a_train_folder_that_is_a_held_out_folder_is_refused(tmp_path, part):
    (tmp_path / part).mkdir()
    (tmp_path / part / "a.jsonl").write_text(_gold_line(part), encoding="utf-8")
    ann = tmp_path / "annotations"
    ann.mkdir()
    (ann / "train").symlink_to(tmp_path / part, target_is_directory=True)
    with pytest.raises(GoldError, match=f"held-out folder \\({part}\\)"):
        training_files(None, ann)


def _docs(files) -> tuple[set[str], set[str], set[str]]:
    ids, refs, texts = set(), set(), set()
    for f in files:
        for rec in load_gold(f):
            ids.add(rec.doc_id)
            refs.add(rec.data["text_file"])
            texts.add(gold_key(rec.text()))
    return ids, refs, texts


def test_no_held_out_report_reaches_the_training_data(shared):
    test_files = held_out_files(REPO_ANNOTATIONS)
    train_files = training_files(shared / "corpus")
    if not test_files or not train_files:
        pytest.skip("no annotations/test or /valid or no training gold in this checkout")
    test_ids, test_refs, test_texts = _docs(test_files)
    ids, refs, texts = _docs(train_files)
    assert not test_ids & ids, "a held-out doc_id is in the training gold"
    assert not test_refs & refs, "a held-out report's text reference is in the training gold"
    assert not test_texts & texts, "a held-out report's text is in the training gold"


def test_the_installed_model_was_trained_without_held_out_reports(installed):
    from rasd.settings import data_dir

    meta_path = data_dir() / META_FILE
    if not meta_path.is_file():
        pytest.skip("no event decision model installed (rasd data install --from ../shared/data trains it)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    test_ids = {r.doc_id for f in held_out_files(REPO_ANNOTATIONS) for r in load_gold(f)}
    assert meta["doc_ids"] and not test_ids & set(meta["doc_ids"])
    assert not any(f"/{part}/" in f for part in HELD_OUT_PARTS for f in meta["files"])
