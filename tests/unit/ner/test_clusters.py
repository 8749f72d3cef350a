"""rasd.ner.clusters reads the news corpora it is asked for (SaudiNewsNet by default, Al Mayadeen too
when asked), never a held-out report."""
from __future__ import annotations

import gzip
import json
import zipfile

from rasd.kb.heldout import HeldOut, key
from rasd.ner.clusters import news_texts

SAUDI = "غارة على حلب صباح اليوم " * 10
MAYADEEN = "قصف على جنوب لبنان ليلا " * 10
HELD = "تقرير محجوز عن صنعاء وعدن " * 10


def _corpus(tmp_path):
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True)
    (data / "news2").mkdir()
    with zipfile.ZipFile(data / "news" / "2015-07-20.zip", "w") as z:
        z.writestr("2015-07-20.json", json.dumps([{"content": SAUDI}, {"content": HELD}], ensure_ascii=False))
    with gzip.open(data / "news2" / "part-000.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "content": MAYADEEN}, ensure_ascii=False) + "\n")
    return data


def test_news_texts_reads_the_corpora_asked_for(tmp_path):
    data = _corpus(tmp_path)
    skip = HeldOut([key(HELD)], 1)
    assert list(news_texts(data / "news", skip=skip)) == [SAUDI]
    assert sorted(news_texts(data / "news", skip=skip, corpora=("news", "news2"))) == sorted([SAUDI, MAYADEEN])
    assert HELD in list(news_texts(data / "news", skip=HeldOut()))      # only the held-out set keeps it out
