"""rasd.kb.news: the one reader of the news corpora, on invented zips and shards the test writes."""
from __future__ import annotations

import gzip
import json
import zipfile

from rasd.kb.heldout import HeldOut, key
from rasd.kb.news import articles


def _news(root, days: dict[str, list[str]], shards: dict[str, list[str]]) -> None:
    (root / "news").mkdir(parents=True)
    for day, texts in days.items():
        with zipfile.ZipFile(root / "news" / f"{day}.zip", "w") as z:
            z.writestr(f"{day}.json", json.dumps([{"content": t} for t in texts] + [{"title": "no body"}]))
    (root / "news2").mkdir()
    for part, texts in shards.items():
        with gzip.open(root / "news2" / f"{part}.jsonl.gz", "wt", encoding="utf-8") as fh:
            for n, t in enumerate(texts):
                fh.write(json.dumps({"id": n, "content": t}) + "\n")


def _root(tmp_path):
    _news(tmp_path, {"2015-07-02": [f"b{k}" for k in range(6)], "2015-07-01": [f"a{k}" for k in range(6)]},
          {"part-1": [f"y{k}" for k in range(5)], "part-0": [f"x{k}" for k in range(5)]})
    return tmp_path


def test_files_come_sorted_and_an_absent_body_is_empty(tmp_path):
    got = list(articles(_root(tmp_path)))
    assert got == ([f"a{k}" for k in range(6)] + [""] + [f"b{k}" for k in range(6)] + [""]
                   + [f"x{k}" for k in range(5)] + [f"y{k}" for k in range(5)])
    assert list(articles(tmp_path, ("news2",))) == [f"x{k}" for k in range(5)] + [f"y{k}" for k in range(5)]


def test_every_kth_article_of_each_file(tmp_path):
    assert list(articles(_root(tmp_path), every=3)) == ["a0", "a3", "", "b0", "b3", "", "x0", "x3", "y0", "y3"]


def test_a_limit_is_spread_evenly_over_the_files(tmp_path):
    # 4 files, limit 8: 2 per file, every (length // 2)-th: 7 // 2 = 3 in a day's array, 5 // 2 in a shard
    assert list(articles(_root(tmp_path), limit=8)) == ["a0", "a3", "b0", "b3", "x0", "x2", "y0", "y2"]
    assert list(articles(tmp_path, ("news",), limit=2)) == ["a0", "b0"]


def test_held_out_reports_are_left_out(tmp_path):
    root = _root(tmp_path)
    assert "a1" not in list(articles(root, skip=HeldOut([key("a1"), key("x4")])))
    assert "x4" not in list(articles(root, skip=HeldOut([key("a1"), key("x4")])))
    assert len(list(articles(root, skip=HeldOut([key("a1"), key("x4")])))) == len(list(articles(root))) - 2


def test_no_corpus_folder_reads_nothing(tmp_path):
    assert list(articles(tmp_path / "absent")) == []
    (tmp_path / "news").mkdir()
    assert list(articles(tmp_path)) == []
