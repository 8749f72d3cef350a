#!/usr/bin/env python3
"""How often the person and short-form rules of branch ner4 fire over the unlabelled news, and on what.

    .venv/bin/python scripts/person_rules.py [--limit 1000] [--kwic 12] [--seed 8]

The sample is the snapshot's (scripts/snapshot.py: every 44th SaudiNewsNet article and every 27th
Al Mayadeen article, read and cleaned as `rasd ingest` does).  Counted: a name set off by commas
after its role (rasd.stages.mentions.persons._apposition; "apposition" when the name is one the
other person rules would not have read as a whole, "apposition, also by the other rules" when
they would), a father's name whose folded key is also an ordinary word, between a given name
and a name part (rasd.stages.mentions.persons._father_ambiguous: ماهر علي شبات), and a definite short form of the knowledge base written without the article
(rasd.stages.mentions.known.indefinite_short).  Branch persons7 adds: a name read on over its
father's and grandfather's given names to a family name (persons._more_parts, "more name parts"),
a name after a title that opens on a definite word and is now refused (persons._titled_name,
"titled definite word refused": مستشار الأمن القومي), and a person whose first word is a given name
known only from the news miner (rasd.kb.names.news_names, "opened by a news-mined given name").
Prints a reproducible random sample of contexts to read.  Nothing is copied from ../shared: the text is read at run time.  Prints figures, asserts
nothing.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402

RULES = ("apposition", "apposition, also by the other rules", "indefinite short form",
         "father's name spelled as an ordinary word", "more name parts", "titled definite word refused",
         "opened by a news-mined given name")


def main() -> None:
    args = options(__doc__.splitlines()[0])

    from rasd.stages.mentions import known, persons

    fired: dict[str, list[str]] = defaultdict(list)
    apposition, indefinite, may_start = persons._apposition, known.indefinite_short, persons._may_start
    father = persons._father_ambiguous

    def counted_father(f, i, j):
        yes = father(f, i, j)
        if yes:
            fired[RULES[3]].append(kwic(f.doc.text, f.toks[i].start, f.toks[j + 1].end))
        return yes

    def counted_apposition(f, i):
        end = apposition(f, i)
        if end is not None:
            text = f.doc.text
            persons._apposition = lambda f, i: None     # what the other rules would read there
            other = persons.person_at(f, i) if may_start(f, i) else None
            persons._apposition = counted_apposition
            rule = RULES[1] if other == end else RULES[0]
            fired[rule].append(kwic(text, f.toks[i].start, f.toks[end - 1].end))
        return end

    def counted_indefinite(f, h):
        yes = indefinite(f, h)
        if yes:
            fired[RULES[2]].append(kwic(f.doc.text, f.toks[h.i].start, f.toks[h.j - 1].end))
        return yes

    more, titled_name, add_person = persons._more_parts, persons._titled_name, persons.add_person
    from rasd.arabic.clitics import has_article
    from rasd.kb.names import given_names, news_names

    mined = news_names() - given_names()

    def counted_more(f, i, j):
        end = more(f, i, j)
        if end > j:
            fired[RULES[4]].append(kwic(f.doc.text, f.toks[i].start, f.toks[end - 1].end))
        return end

    def counted_titled(f, i):
        yes = titled_name(f, i)
        if not yes and has_article(f.toks[i].key):
            toks = f.toks   # what the rule said before the refusal
            if persons.titled(f, i) and toks[i].key not in f.R.common and not persons.place_hit(f, i) \
                    and i + 1 < len(toks) and has_article(toks[i + 1].key):
                fired[RULES[5]].append(kwic(f.doc.text, f.toks[i].start, f.toks[min(i + 1, len(f.toks) - 1)].end))
        return yes

    def counted_add(f, i, end):
        k = f.toks[i].key
        if k in mined or (k[:1] in f.R.conj and k[1:] in mined):
            fired[RULES[6]].append(kwic(f.doc.text, f.toks[i].start, f.toks[end - 1].end))
        return add_person(f, i, end)

    persons._apposition = counted_apposition
    persons._father_ambiguous = counted_father
    persons._more_parts = counted_more
    persons._titled_name = counted_titled
    persons.add_person = counted_add
    known.indefinite_short = counted_indefinite
    n = run_sample(args.limit)
    report(n, fired, RULES, args.kwic, args.seed)


if __name__ == "__main__":
    main()
