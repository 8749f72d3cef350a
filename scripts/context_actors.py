#!/usr/bin/env python3
"""Actor names whose meaning depends on the report's country or date, counted on the unlabelled news
(issue 8, branch actors7).

    python scripts/context_actors.py --per-corpus 600                 # 600 + 600 articles, seed 11
    python scripts/context_actors.py --per-corpus 300 --examples 3    # KWIC lines to read by eye

Runs the stages up to ``link`` over a fixed random sample of the conflict articles of
../shared/data/news (SaudiNewsNet 2015) and ../shared/data/news2 (Al Mayadeen 2023-24), drawn as
scripts/actor_mining.py draws them, each with its publication date. For every probe name (the
``in_context`` names of rasd/knowledge/actors.yaml and the generic state-force names below) it counts
the **documents** it occurs in per report country (``rasd.stages.link.report_country``, "--" when no
country stands out) and year, and what rasd made of each occurrence: the knowledge-base actor of the
ACTOR mention over it, ``unlinked`` (an ACTOR mention without an id) or ``none`` (no ACTOR mention).
That is how often each context rule fires, where, and with which reading; the KWIC lines are for
judging by eye whether the reading is right. Prints figures, asserts nothing; the news text is read at
run time and nothing of it is written into the repository.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import data_or_exit  # noqa: E402
from actor_mining import kwic, sample  # noqa: E402

from rasd.arabic.matcher import PhraseMatcher, phrase_key  # noqa: E402
from rasd.errors import RasdError  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.stages.link import country_votes, report_country  # noqa: E402

# A script, not stage code: generic names of state forces and ministries that every country has,
# so what they mean depends on the report (the list and what the mining found beside it).
GENERIC = ["الحرس الجمهوري", "قوات الحرس الجمهوري", "الجيش الوطني", "قوات الجيش الوطني", "الجيش اليمني",
           "القوات المسلحة اليمنية", "الجيش الليبي", "قوات الأمن", "القوات الأمنية", "الأجهزة الأمنية",
           "الشرطة", "رجال الشرطة", "وزارة الدفاع", "وزارة الداخلية", "القوات الحكومية", "قوات الحكومة",
           "الجيش", "القوات المسلحة", "الحرس الوطني", "الأمن العام", "الأمن الوطني", "حرس الحدود",
           "قوات الطوارئ", "قوات النخبة", "الحزام الأمني", "القوات الخاصة", "المقاومة", "المقاومة الإسلامية",
           "المقاومة الشعبية", "اللجان الشعبية", "الحكومة", "السلطات", "النظام", "قوات النظام",
           # generic groups (issue 8 item 4: how the gold wants them, spec/gold.md and corpus/dev/NOTES.md)
           "مسلحون", "مسلحين", "المسلحين", "مجهولون", "مجهولين", "مسلحون مجهولون", "مسلحين مجهولين",
           "عناصر من", "الجماعات المسلحة", "الطيران المروحي", "الطيران الحربي",
           # fighters loyal to "the government" (branch mend8): whose depends on the report's country
           "القوات الموالية للحكومة", "قوات موالية للحكومة", "المسلحين الموالين للحكومة", "مسلحين موالين للحكومة",
           "المسلحون الموالون للحكومة", "مسلحون موالون للحكومة", "المقاتلين الموالين للحكومة",
           "مقاتلين موالين للحكومة", "الميليشيات الموالية للحكومة", "ميليشيات موالية للحكومة",
           "القوات الموالية للنظام", "المسلحين الموالين للنظام"]
UP_TO = ["clean", "sentences", "mentions", "open_places", "open_actors", "ner", "link"]


def probes(res) -> dict[str, str]:
    """phrase_key → the probe as written: the in_context names of the knowledge base, then GENERIC."""
    out: dict[str, str] = {}
    for e in res.kb.actors.values():
        for rule in e.contexts:
            for n in rule[0]:
                out.setdefault(" ".join(phrase_key(n)), n)
    for n in GENERIC:
        out.setdefault(" ".join(phrase_key(n)), n)
    return out


def count(pipe, res, corpus: str, articles, matcher, tally, examples, totals, keep: int = 5) -> None:
    gaz = res.gazetteer

    def place(pid):
        try:
            return gaz.get(pid)
        except KeyError:
            return None

    for ref, title, content, published in articles:
        try:
            doc = pipe.run(content, title=title, published=published)
        except RasdError:
            totals[f"{corpus}:rejected"] += 1
            continue
        totals[f"{corpus}:docs"] += 1
        country = report_country(country_votes(doc.mentions, place)) or "--"
        totals[f"{corpus}:country:{country}"] += 1
        year = (published or "????")[:4]
        # what reaches the output: a short form no full name resolves is dropped (no entity)
        actors = [m for m in doc.mentions if m.type == "ACTOR" and m.entity]
        seen: set = set()
        for h in matcher.find_all(doc.tokens):
            probe = h.payloads[0]
            over = [m for m in actors if m.tok[0] < h.j and h.i < m.tok[1]]
            reading = (over[0].kb_id or "unlinked") if over else "none"
            key = (probe, country, year, reading)
            if key in seen:
                continue
            seen.add(key)
            tally[probe][(corpus, country, year)][reading] += 1
            ex = examples.setdefault((probe, country, reading), [])
            if len(ex) < keep:
                t = doc.tokens
                ex.append(f"{ref}: " + kwic(doc.text, t[h.i].start, t[h.j - 1].end))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--corpus", choices=["news", "news2"], action="append")
    ap.add_argument("--per-corpus", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--examples", type=int, default=1, help="KWIC lines per probe, country and reading")
    args = ap.parse_args(argv)
    res = default_resources()
    pipe = Pipeline.build(res, UP_TO)
    names = probes(res)
    matcher: PhraseMatcher = PhraseMatcher()
    for key, n in names.items():
        matcher.add(n, n)
    tally: dict = defaultdict(lambda: defaultdict(Counter))
    examples: dict = {}
    totals: Counter = Counter()
    corpora = args.corpus or ["news", "news2"]
    for c in corpora:
        count(pipe, res, c, sample(data_or_exit(args.data), c, args.per_corpus, args.seed), matcher, tally, examples, totals,
              max(5, args.examples))
    print("# documents per corpus and report country")
    for c in corpora:
        per = {k.split(":")[2]: v for k, v in totals.items() if k.startswith(f"{c}:country:")}
        print(f"{c}: {totals[f'{c}:docs']} docs; by report country {dict(sorted(per.items(), key=lambda kv: -kv[1]))}")
    print("\n# probe\tcorpus\tcountry\tyear\tdocs\treadings (documents)")
    order = sorted(tally, key=lambda p: -sum(sum(r.values()) for r in tally[p].values()))
    for probe in order:
        rows = sorted(tally[probe].items(), key=lambda kv: -sum(kv[1].values()))
        for (corpus, country, year), readings in rows:
            docs = sum(readings.values())
            print(f"{probe}\t{corpus}\t{country}\t{year}\t{docs}\t"
                  + ", ".join(f"{r}:{n}" for r, n in readings.most_common()))
    if args.examples:
        print("\n# examples (probe | report country | reading)")
        for (probe, country, reading), ex in sorted(examples.items()):
            for line in ex[:args.examples]:
                print(f"{probe} | {country} | {reading} | {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
