"""Draw SaudiNewsNet (2015) articles to annotate as the `saudi` gold set, without cherry-picking.

Reads ../shared/data/news at run time (nothing is copied). An article is a candidate when its
content is of moderate length and it reports armed conflict by a plain keyword filter: at least
two distinct conflict keywords (killing, strikes, shelling, clashes, bombings, arrests, protests,
captures ...) and one conflict-country keyword, over title + content. Articles already in
../shared/corpus/dev (compared by url) are excluded. Candidates are shuffled with a fixed seed and
printed in drawn order as ``shared:news/<day>.zip#<n>`` references; the annotator codes them in
that order, logging each skipped one in annotations/SKIPPED.md, and alternates train/test.
Draws VALID_FROM to TRAIN_AGAIN_FROM - 1 (71-100, ``--n 100`` prints them) form the held-out
validation part (annotations/valid/saudi.jsonl, doc_id ``saudi-NNN`` = the draw number): their
lines end in a fourth column ``valid``; the lines of earlier draws are printed exactly as before.
Draws from TRAIN_AGAIN_FROM on go to the train part again (annotations/train/saudi.jsonl, doc_id
``saudi-NNN`` = the draw number, so they do not clash with train/test's 001-060, numbered by coded
order): their fourth column is ``train``. Draws 1-100 print exactly as before, so the test and
valid parts are unchanged; ``--n 240`` prints draws 1-240, and draws 101-240 were all read.

Usage: python annotations/select_saudi.py [--n 40] [--seed 20150721] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import random
import zipfile
from pathlib import Path

# Stems matched as substrings of the title and content (a crude filter, on purpose).
CONFLICT_WORDS = (
    "قتل", "مقتل", "قتلى", "قصف", "غارة", "غارات", "اشتباك", "معارك", "اشتباكات", "تفجير",
    "انفجار", "انتحاري", "مفخخة", "اعتقال", "اعتقل", "القبض", "اختطاف", "خطف", "مظاهرة",
    "تظاهر", "احتجاج", "سيطرة", "سيطر", "هجوم", "براميل", "قذائف", "صاروخ", "هدنة", "أسرى",
)
COUNTRY_WORDS = (
    "سوري", "العراق", "عراقي", "اليمن", "يمني", "ليبيا", "ليبي", "الحوثي", "داعش", "لبنان",
    "غزة", "فلسطين", "سيناء", "أفغانستان", "الصومال", "نيجيريا", "مالي", "تركيا", "الأسد",
)
MIN_CHARS, MAX_CHARS = 300, 2500
# Draws 1-70 were coded into train/test (alternating over coded reports, see annotations/README.md);
# every draw from this one on goes to the validation part, which is held out like test.
VALID_FROM = 71
# The validation part is draws 71-100; every draw from this one on goes to the train part again
# (more train gold for this outlet without touching the held-out test and valid parts).
TRAIN_AGAIN_FROM = 101


def split_of(k: int) -> str | None:
    """The part a draw number's report goes to when it is fixed by position: ``train`` from
    TRAIN_AGAIN_FROM on, ``valid`` from VALID_FROM to TRAIN_AGAIN_FROM - 1; None before
    VALID_FROM (train/test alternate over the coded reports, not the draws)."""
    if k >= TRAIN_AGAIN_FROM:
        return "train"
    return "valid" if k >= VALID_FROM else None


def dev_urls(shared: Path) -> set[str]:
    index = shared / "corpus" / "dev" / "index.jsonl"
    return {json.loads(line)["url"] for line in index.read_text(encoding="utf-8").splitlines()
            if line.strip()}


def candidates(shared: Path) -> list[tuple[str, str]]:
    """(reference, title) of every article that passes the filter, in file order."""
    skip = dev_urls(shared)
    out = []
    for zp in sorted((shared / "data" / "news").glob("*.zip")):
        with zipfile.ZipFile(zp) as z:
            for name in z.namelist():
                for i, o in enumerate(json.loads(z.read(name))):
                    content, title = (o.get("content") or "").strip(), (o.get("title") or "").strip()
                    if not MIN_CHARS <= len(content) <= MAX_CHARS or o.get("url") in skip:
                        continue
                    skip.add(o.get("url"))  # the same article collected on two days counts once
                    text = f"{title}\n{content}"
                    if (sum(w in text for w in CONFLICT_WORDS) >= 2
                            and any(w in text for w in COUNTRY_WORDS)):
                        out.append((f"shared:news/{zp.name}#{i}", title))
    return out


MAX_DRAWS = 341   # random.sample picks its method by the sample size: one fixed size keeps every prefix


def draw(pool: list, n: int, seed: int) -> list:
    """The first ``n`` draws of ``pool`` under ``seed``, the same for every ``n``.

    ``random.Random(seed).sample(pool, n)`` is a prefix of the draw of a larger ``n`` only while
    CPython keeps one sampling method, and it switches method with the sample size (at 342 for this
    pool): so the pool is sampled at one fixed size, MAX_DRAWS, and cut to ``n``. Draws beyond it
    would need another scheme and are refused (ValueError)."""
    if n > MAX_DRAWS:
        raise ValueError(f"at most {MAX_DRAWS} draws keep their order (asked for {n}); draws beyond it "
                         f"would change with the sampling method of random.sample")
    return random.Random(seed).sample(pool, min(MAX_DRAWS, len(pool)))[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20150721)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    pool = candidates(args.shared)
    drawn = draw(pool, min(args.n, len(pool)), args.seed)
    print(f"# {len(pool)} candidates; seed {args.seed}; first {len(drawn)} in drawn order")
    for k, (ref, title) in enumerate(drawn, 1):
        split = split_of(k)
        print(f"{k}\t{ref}\t{title}" + (f"\t{split}" if split else ""))


if __name__ == "__main__":
    main()
