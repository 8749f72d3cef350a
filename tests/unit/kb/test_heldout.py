"""rasd.kb.heldout: the held-out reports are recognised by their body and kept out of news readers."""
import json
import zipfile
from pathlib import Path

from rasd.kb.heldout import HELD_OUT_PARTS, HeldOut, held_out, held_out_refs, key
from rasd.kb.names import miner_texts

BODY = "نص المقال المحجوز للاختبار " * 20
OTHER = "نص مقال آخر لا علاقة له بالاختبار " * 20


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True)
    with zipfile.ZipFile(data / "news" / "2015-07-20.zip", "w") as z:
        z.writestr("2015-07-20.json", json.dumps([{"title": "عنوان", "content": OTHER},
                                                  {"title": "عنوان آخر", "content": BODY}], ensure_ascii=False))
    ann = tmp_path / "annotations"
    (ann / "test").mkdir(parents=True)
    (ann / "test" / "x.jsonl").write_text(json.dumps({"doc_id": "t1", "text_file": "shared:news/2015-07-20.zip#1"})
                                          + "\n", encoding="utf-8")
    return data, ann


def test_refs_and_bodies(tmp_path):
    data, ann = _corpus(tmp_path)
    assert held_out_refs(ann) == ["news/2015-07-20.zip#1"]
    h = held_out(data, ann)
    assert h.articles == 1 and BODY in h and OTHER not in h
    assert "عنوان آخر\n\n" + BODY in h            # a title before the body, as ingest reads it
    assert "  " + BODY.replace(" ", "\n ", 3) in h   # white space does not hide it
    assert None not in h and 5 not in h


def test_the_valid_part_is_a_held_out_part(tmp_path):
    """annotations/valid (the validation part) is read as a held-out part."""
    data, ann = _corpus(tmp_path)
    (ann / "test" / "x.jsonl").unlink()
    (ann / "valid").mkdir()
    (ann / "valid" / "y.jsonl").write_text(json.dumps({"doc_id": "v1", "text_file": "shared:news/2015-07-20.zip#1"})
                                           + "\n", encoding="utf-8")
    assert held_out_refs(ann, HELD_OUT_PARTS) == ["news/2015-07-20.zip#1"]
    h = held_out(data, ann, parts=HELD_OUT_PARTS)
    assert h.articles == 1 and BODY in h and OTHER not in h


def test_the_news_readers_leave_the_valid_part_out(tmp_path, monkeypatch):
    """By default (what install and the rule-check scripts read) valid articles are skipped like test's."""
    data, ann = _corpus(tmp_path)
    (ann / "test").rename(ann / "valid")
    assert held_out_refs(ann) == ["news/2015-07-20.zip#1"]
    import rasd.kb.heldout as H
    monkeypatch.setattr(H, "REPO_ANNOTATIONS", ann)
    monkeypatch.setattr(H.held_out, "__defaults__", (ann,))
    texts = list(miner_texts(data, every=1))
    assert OTHER in texts and BODY not in texts


def test_missing_shard_and_no_test_part(tmp_path):
    _, ann = _corpus(tmp_path)
    assert len(held_out(tmp_path / "elsewhere", ann)) == 0
    assert len(held_out(tmp_path, tmp_path / "no-annotations")) == 0


def test_empty_set_holds_nothing():
    assert BODY not in HeldOut() and key("") == ""


def test_repo_test_part_never_reaches_the_news_name_reader(tmp_path, monkeypatch):
    """miner_texts (the name miner's reader) skips what annotations/test points at."""
    data, ann = _corpus(tmp_path)
    import rasd.kb.heldout as H
    monkeypatch.setattr(H, "REPO_ANNOTATIONS", ann)
    monkeypatch.setattr(H.held_out, "__defaults__", (ann,))
    texts = list(miner_texts(data, every=1))
    assert OTHER in texts and BODY not in texts
