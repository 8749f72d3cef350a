"""Draw candidate news reports for hand annotation, with a fixed seed (no cherry-picking).

    python annotations/select.py --set mayadeen [--n 40] [--seed 8] [--shared ../shared/data]
    python annotations/select.py --set saudi    [--n 40]

It reads the unlabelled corpora in ../shared/data at run time (nothing is copied), keeps the
articles whose title or content reports an armed-conflict event (a keyword filter: killing,
strikes, shelling, clashes, arrests, abductions, protests, ...), whose content is of moderate
length (300-2,500 characters by default), and — for Al Mayadeen — that sit in the site's
``/news/`` section (opinion, press reviews and bulletin roll-ups are not event reports).

Each kept article is given a theatre (Gaza/Palestine, Lebanon, Yemen, Iraq, Syria, other) by
the first theatre word in its title, else in its content; articles of no theatre are left out.
The title must hold an event word and the content at least three event-word hits. The draw shuffles every theatre's
list with the seed and then takes one article from each theatre in turn, so the sample spreads
across theatres (and, by the shuffle, across shards and months). Articles are annotated in the
printed order; the split alternates train/test in that order for the first TRAIN_ONLY_FROM
draws (the held-out test part was fixed then) and is train for every later draw up to VALID_FROM,
so growing the set never changes the test part; draws from VALID_FROM on form the held-out
validation part (annotations/valid/), which nobody tunes on or reads misses on. An article with no codable event is skipped and logged in
annotations/SKIPPED.md, and the next one in the order is taken.

Output: one tab-separated line per drawn article:
    order  split  theatre  text_file-reference  published  content-length  title
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import zipfile
from pathlib import Path

# Words that signal a reported armed-conflict event (verbs and nouns, common inflections).
EVENT_WORDS = (
    "استشهاد", "استشهد", "شهداء", "شهيد", "قتل", "قتلى", "مقتل", "اغتيال", "غارة", "غارات",
    "قصف", "استهدف", "استهداف", "اشتباك", "اشتباكات", "مواجهات", "اقتحام", "اقتحم", "اعتقال",
    "اعتقل", "اعتقلت", "اختطاف", "خطف", "تظاهرة", "تظاهرات", "مظاهرة", "احتجاج",
    "اعتصام", "صاروخ", "صواريخ", "مسيّرة", "مسيرة", "تفجير", "انفجار", "عبوة", "كمين",
    "هجوم", "جرحى", "إصابة", "اعتداء", "عدوان", "توغل", "سيطرة", "إطلاق نار",
)
# Per set, the draw position from which every draw goes to the train part only (mayadeen draws
# 050+ were added after the test part of draws 000-049 was fixed; see annotations/README.md).
TRAIN_ONLY_FROM = {"mayadeen": 50}
# Per set, the draw position from which every draw goes to the held-out validation part (mayadeen
# draws 120+ were added after draws 000-119 were annotated; valid/ is held out like test/).
VALID_FROM = {"mayadeen": 120}

EVENT_RE = re.compile("|".join(sorted(map(re.escape, EVENT_WORDS), key=len, reverse=True)))

THEATRES = {
    "gaza_palestine": ("غزة", "رفح", "خان يونس", "جنين", "نابلس", "طولكرم", "الضفة",
                       "القدس", "الخليل", "فلسطين", "المقاومة الفلسطينية", "القسام", "سرايا القدس"),
    "lebanon": ("لبنان", "اللبناني", "جنوب لبنان", "حزب الله", "المقاومة الإسلامية", "الناقورة",
                "بنت جبيل", "مرجعيون", "النبطية", "البقاع"),
    "yemen": ("اليمن", "اليمني", "صنعاء", "الحديدة", "مأرب", "تعز", "أنصار الله", "الحوثي",
              "البحر الأحمر", "عدن"),
    "iraq": ("العراق", "العراقي", "بغداد", "الموصل", "كركوك", "الأنبار", "الحشد الشعبي",
             "أربيل", "عين الأسد", "ديالى", "صلاح الدين"),
    "syria": ("سوريا", "سورية", "السوري", "دمشق", "حلب", "إدلب", "حماة", "حمص", "درعا",
              "دير الزور", "الرقة", "الحسكة", "اللاذقية", "قسد", "القنيطرة", "السويداء"),
}


def theatre_of(title: str, content: str) -> str:
    """The theatre whose word appears first in the title, else first in the content."""
    for text in (title, content):
        best, where = None, len(text) + 1
        for name, words in THEATRES.items():
            for w in words:
                i = text.find(w)
                if 0 <= i < where:
                    best, where = name, i
        if best:
            return best
    return "other"


def mayadeen_articles(shared: Path):
    for shard in sorted((shared / "news2").glob("part-*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as fh:
            for row in fh:
                if not row.strip():
                    continue
                o = json.loads(row)
                if "/news/" not in (o.get("url") or ""):
                    continue
                yield (f"shared:news2/{shard.name}#{o['id']}", o.get("published"),
                       (o.get("title") or "").strip(), (o.get("content") or "").strip())


def saudi_articles(shared: Path):
    for day in sorted((shared / "news").glob("*.zip")):
        with zipfile.ZipFile(day) as z:
            for name in z.namelist():
                for i, o in enumerate(json.loads(z.read(name))):
                    yield (f"shared:news/{day.name}#{i}", (o.get("date_extracted") or "")[:10] or None,
                           (o.get("title") or "").strip(), (o.get("content") or "").strip())


def draw(articles, n: int, seed: int, min_len: int, max_len: int) -> list[tuple]:
    by_theatre: dict[str, list[tuple]] = {}
    seen_titles: set[str] = set()
    for ref, published, title, content in articles:
        if not (min_len <= len(content) <= max_len):
            continue
        # the title must announce an event and the body must report more than one event word
        if not EVENT_RE.search(title) or len(EVENT_RE.findall(content)) < 3:
            continue
        if title in seen_titles:  # near-duplicate updates of one story
            continue
        seen_titles.add(title)
        th = theatre_of(title, content)
        if th == "other":  # outside the five theatres the project covers
            continue
        by_theatre.setdefault(th, []).append((th, ref, published, len(content), title))
    rng = random.Random(seed)
    queues = []
    for th in sorted(by_theatre):
        items = sorted(by_theatre[th], key=lambda r: r[1])  # fixed order before the shuffle
        rng.shuffle(items)
        queues.append(items)
    out: list[tuple] = []
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("mayadeen", "saudi"), required=True)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--min-len", type=int, default=300)
    ap.add_argument("--max-len", type=int, default=2500)
    ap.add_argument("--shared", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "data")
    a = ap.parse_args(argv)
    source = mayadeen_articles if a.set == "mayadeen" else saudi_articles
    train_only_from = TRAIN_ONLY_FROM.get(a.set, a.n)
    valid_from = VALID_FROM.get(a.set, a.n)
    for k, (th, ref, published, length, title) in enumerate(
            draw(source(a.shared), a.n, a.seed, a.min_len, a.max_len)):
        if k >= valid_from:
            split = "valid"
        else:
            split = "train" if k % 2 == 0 or k >= train_only_from else "test"
        print(f"{k:03d}\t{split}\t{th}\t{ref}\t{published}\t{length}\t{title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
