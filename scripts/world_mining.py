#!/usr/bin/env python3
"""Names the news writes after an admin or settlement word that no installed place knows, ranked.

    .venv/bin/python scripts/world_mining.py [--every 1] [--min-df 5] [--top 200] [--corpus news]

Issue 8 item 4 (branch world13): the world list (rasd/knowledge/world_places.yaml) lacks the
districts and towns the news of 2015 and 2023-24 names. Instead of adding the names one report
showed, this counts, over the unlabelled news (../shared/data/news and news2, read through
rasd.kb.news.articles, which leaves out the held-out reports), every name written right after a type
word (محافظة، مديرية، قضاء، ناحية، مدينة، بلدة، قرية، مخيم، مطار، قاعدة، معبر, with its proclitics
و ف ب ل) and keeps the one- and two-word names the installed gazetteer (Syria and the world list,
$RASD_DATA_DIR/gazetteer.pkl) cannot look up. Each name is counted once per article (document
frequency) and printed with its most frequent type word, its most frequent written form and its
count per corpus, most frequent first. A two-word name is printed only when its first word alone is
unknown too and the two words come together in at least half of the first word's articles (a name
of two words, مدينة عين العرب, not a name and the word after it).

Nothing is copied from ../shared: the text is read at run time and only counts and names printed.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit  # noqa: E402

from rasd.arabic.normalize import fold_str  # noqa: E402
from rasd.kb.gazetteer import load_gazetteer  # noqa: E402
from rasd.kb.news import articles  # noqa: E402

CUES = ["محافظة", "مديرية", "قضاء", "ناحية", "مدينة", "بلدة", "قرية", "مخيم", "مطار", "قاعدة", "معبر",
        "منفذ", "ميناء", "جزيرة", "إقليم", "ولاية", "مقاطعة"]
# words that follow a type word and are no name (a pronoun suffix is cut before: مدينته)
NOT_NAMES = ["التي", "الذي", "التى", "الى", "إلى", "على", "في", "من", "عن", "مع", "و", "أو", "بعد", "قبل",
             "نفسها", "ذاتها", "كبيرة", "صغيرة", "واحدة", "أخرى", "الأخرى", "جديدة", "الجديدة", "القديمة",
             "قديمة", "حدودية", "الحدودية", "ساحلية", "الساحلية", "عسكرية", "العسكرية", "جوية", "الجوية",
             "صناعية", "الصناعية", "رئيسية", "كاملة", "بأكملها", "بكاملها", "تابعة", "التابعة", "المحتلة",
             "محتلة", "المقدسة", "الرياض", "ما", "لا", "عدة", "هذه", "هذا", "تلك", "ثم", "بين", "حول",
             "قرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "العاصمة",
             "كل", "أي", "اي", "لم", "لن", "قد", "كان", "كانت", "الى", "حتى", "بها", "فيها", "منها"]
WORD = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652]+")
PROCLITIC = ("و", "ف", "ب", "ل", "وب", "ول", "فب")


def options() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="the news data folder (default ../shared/data)")
    ap.add_argument("--corpus", action="append", choices=["news", "news2"],
                    help="a corpus to read (repeatable; default both)")
    ap.add_argument("--every", type=int, default=1, help="read every k-th article")
    ap.add_argument("--min-df", type=int, default=5, help="print a name only when this many articles name it")
    ap.add_argument("--top", type=int, default=200, help="names to print")
    return ap.parse_args()


def mine(texts, knows, min_df: int = 5) -> list[tuple[int, str, Counter, str, str]]:
    """(articles, name key, articles per corpus, type word, most frequent written form) of every name
    after a type word that ``knows`` (a folded name → whether some place has it) does not know, in at
    least ``min_df`` articles, most frequent first. ``texts``: (corpus, article text) pairs."""
    cue_of = {}
    for c in CUES:
        k = fold_str(c)
        cue_of[k] = c
        for p in PROCLITIC:
            cue_of[p + k] = c
    stop = frozenset(fold_str(w) for w in NOT_NAMES) | frozenset(fold_str(c) for c in CUES)
    one: dict[str, Counter] = defaultdict(Counter)       # key → corpus → articles
    two: dict[str, Counter] = defaultdict(Counter)
    cue: dict[str, Counter] = defaultdict(Counter)       # key → type word
    form: dict[str, Counter] = defaultdict(Counter)      # key → as written
    known: dict[str, bool] = {}

    def unknown(key: str) -> bool:
        if key not in known:
            known[key] = not knows(key)
        return known[key]

    for corpus, text in texts:
        words = WORD.findall(text)
        keys = [fold_str(w) for w in words]
        seen1, seen2 = set(), set()
        for i in range(len(keys) - 1):
            c = cue_of.get(keys[i])
            if c is None:
                continue
            k1 = keys[i + 1]
            if k1 in stop or len(k1) < 3:
                continue
            base = fold_str(c)
            nxt = keys[i + 2] if i + 2 < len(keys) else ""
            # known alone, with its type word (قاعدة العند), or as the start of a known longer
            # name (بلدة عيتا الشعب, مدينة رام الله): no miss
            if not unknown(k1) or not unknown(f"{base} {k1}") or (nxt and not unknown(f"{k1} {nxt}")) \
                    or (nxt and not unknown(f"{base} {k1} {nxt}")):
                continue
            if k1 not in seen1:
                seen1.add(k1)
                one[k1][corpus] += 1
                cue[k1][c] += 1
                form[k1][words[i + 1]] += 1
            if nxt and nxt not in stop and len(nxt) > 1:
                k2 = f"{k1} {nxt}"
                if k2 not in seen2:
                    seen2.add(k2)
                    two[k2][corpus] += 1
                    cue[k2][c] += 1
                    form[k2][f"{words[i + 1]} {words[i + 2]}"] += 1
    rows = [(sum(cnt.values()), k, cnt) for k, cnt in one.items()]
    for k, cnt in two.items():
        if sum(cnt.values()) * 2 >= sum(one[k.split()[0]].values()):
            rows.append((sum(cnt.values()), k, cnt))
    rows = [r for r in rows if r[0] >= min_df]
    rows.sort(key=lambda r: (-r[0], r[1]))
    return [(df, k, cnt, cue[k].most_common(1)[0][0], form[k].most_common(1)[0][0]) for df, k, cnt in rows]


def main() -> None:
    a = options()
    data = data_or_exit(a.data)
    gaz = load_gazetteer()
    n_art: Counter = Counter()

    def texts():
        for corpus in a.corpus or ["news", "news2"]:
            for text in articles(data, (corpus,), every=a.every):
                n_art[corpus] += 1
                yield corpus, text

    rows = mine(texts(), lambda key: bool(gaz.lookup(key)), a.min_df)
    print(f"# articles read: {dict(n_art)}; names unknown to the gazetteer after a type word, "
          f"in >= {a.min_df} articles: {len(rows)}")
    print("df\tnews\tnews2\ttype word\tname as written")
    for df, _k, cnt, word, written in rows[:a.top]:
        print(f"{df}\t{cnt['news']}\t{cnt['news2']}\t{word}\t{written}")


if __name__ == "__main__":
    main()
