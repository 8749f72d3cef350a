"""The saudi set's validation part (annotations/valid/saudi.jsonl) is drawn, not chosen: every report
is a draw from select_saudi.py's VALID_FROM on, its doc_id number is its draw number, and it points at
the very article that draw names. So the part cannot silently take in a train/test draw. The train
records added from TRAIN_AGAIN_FROM on are checked the same way.

Skips outside CI when ../shared is absent (the draw reads the news zips).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "annotations"
VALID = ROOT / "valid" / "saudi.jsonl"
TRAIN = ROOT / "train" / "saudi.jsonl"


def _select_saudi():
    spec = importlib.util.spec_from_file_location("annotations_select_saudi", ROOT / "select_saudi.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_split_column_marks_only_the_validation_draws():
    sel = _select_saudi()
    assert [sel.split_of(k) for k in (1, sel.VALID_FROM - 1)] == [None, None]
    assert sel.split_of(sel.VALID_FROM) == "valid"
    assert sel.split_of(sel.TRAIN_AGAIN_FROM - 1) == "valid"


def test_draws_from_train_again_on_are_train():
    sel = _select_saudi()
    assert sel.VALID_FROM < sel.TRAIN_AGAIN_FROM
    assert [sel.split_of(k) for k in (sel.TRAIN_AGAIN_FROM, sel.TRAIN_AGAIN_FROM + 99)] == ["train", "train"]


@pytest.mark.skipif(not VALID.is_file(), reason="no validation part")
def test_every_valid_report_is_the_draw_its_doc_id_names(shared):
    sel = _select_saudi()
    records = [json.loads(line) for line in VALID.read_text(encoding="utf-8").splitlines() if line.strip()]
    last = max(int(r["doc_id"].rsplit("-", 1)[1]) for r in records)
    pool = sel.candidates(shared)
    drawn = sel.draw(pool, min(last, len(pool)), 20150721)
    wrong = []
    for r in records:
        k = int(r["doc_id"].rsplit("-", 1)[1])
        if k < sel.VALID_FROM or drawn[k - 1][0] != r["text_file"]:
            wrong.append(f"{r['doc_id']}: {r['text_file']} is not valid draw {k}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.skipif(not TRAIN.is_file(), reason="no train part")
def test_every_train_report_from_train_again_on_is_the_draw_its_doc_id_names(shared):
    """Train records numbered from TRAIN_AGAIN_FROM on are draws (doc_id number = draw number), like
    the validation part's; train records below it are numbered by coded order (001-059) and are
    not draws by number, so they are left out here."""
    sel = _select_saudi()
    records = [json.loads(line) for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()]
    drawn_records = [r for r in records if int(r["doc_id"].rsplit("-", 1)[1]) >= sel.TRAIN_AGAIN_FROM]
    if not drawn_records:
        pytest.skip("no train record drawn from TRAIN_AGAIN_FROM on")
    last = max(int(r["doc_id"].rsplit("-", 1)[1]) for r in drawn_records)
    pool = sel.candidates(shared)
    drawn = sel.draw(pool, min(last, len(pool)), 20150721)
    wrong = [f"{r['doc_id']}: {r['text_file']} is not train draw {int(r['doc_id'].rsplit('-', 1)[1])}"
             for r in drawn_records if drawn[int(r["doc_id"].rsplit("-", 1)[1]) - 1][0] != r["text_file"]]
    assert not wrong, "\n".join(wrong)
