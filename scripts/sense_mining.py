#!/usr/bin/env python3
"""Place mentions rasd outputs that stand for something else: a sports club, a news outlet, a generic
noun with an adjective (branch senses9), counted by document frequency on the unlabelled news.

    .venv/bin/python scripts/sense_mining.py [--news 600] [--news2 600] [--show 20]

rasd runs over the fixed sample of scripts/place_mining.py (held-out reports left out by
rasd.kb.heldout). Every PLACE mention is put in one group, once per article:

- ``outlet``: its name, clitics aside, is a news outlet's name or short form (rasd/knowledge/sources.yaml);
- ``club``: a club word stands right before or after it (ريال، دينامو، لاعب … يونايتد: the
  ``club_words_before`` and ``club_words_after`` of rasd/knowledge/lexicon.yaml);
- ``generic``: two words or more whose first is a settlement or facility type word with the article
  (المدينة الحزينة);
- ``sport``: in a sentence with a sports word (مباراة، الدوري، هدف …), read by eye for a city that
  stands for its club;
- ``other``: every other place mention (counted only, the base of the figures).

``--save`` and ``--compare`` list the place mentions one run has and the other has not: the fires of
a change, each to be read by eye (run the earlier code with PYTHONPATH at a copy of it).

Per group it prints the document count, the most frequent names and ``--show`` mentions drawn
evenly with the word before and after, for reading by eye. Only counts and a few words are printed;
nothing from ../shared is written.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


# words of a sports report: a place in their sentence is read by eye for a club (group ``sport``)
SPORT_WORDS = ("مباراة", "المباراة", "الدوري", "هدف", "هدفين", "المدرب", "كأس", "لاعب", "اللاعب", "بطولة")


def options() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=600, help="articles of SaudiNewsNet 2015 to read")
    ap.add_argument("--news2", type=int, default=600, help="articles of Al Mayadeen 2023-24 to read")
    ap.add_argument("--offset", type=int, default=0, help="start the k-th-article draw this many articles in")
    ap.add_argument("--show", type=int, default=20, help="mentions per group to print with their neighbours")
    ap.add_argument("--save", type=Path, help="write every place mention (document, words around it) here, one a line")
    ap.add_argument("--compare", type=Path, help="a --save file of an earlier run (e.g. the code before a change): "
                    "print the place mentions it had and this run has not, and the reverse")
    return ap.parse_args()


class Senses:
    """The word sets the groups are told by, from the knowledge files."""

    def __init__(self) -> None:
        from rasd.arabic.normalize import fold_str
        from rasd.kb.yamlfile import load

        self.fold = fold_str
        outlets = set()
        for s in load("sources"):
            if s.get("category") == "outlet":
                for n in [s["name_ar"], *s.get("aliases", []), *s.get("short", [])]:
                    outlets.add(fold_str(n))
        self.outlets = frozenset(outlets)
        op = load("open_places")
        lex = load("lexicon")
        self.club_before = frozenset(fold_str(w) for w in lex.get("club_words_before", []))
        self.club_after = frozenset(fold_str(w) for w in lex.get("club_words_after", []))
        self.sport = frozenset(fold_str(w) for w in SPORT_WORDS)
        self.types = frozenset(fold_str(w) for w in [*op["settlement_cues"], *op["facility_cues"]])

    def group(self, doc, m) -> str:
        toks = doc.tokens
        a, b = m.tok
        keys = [t.key for t in toks[a:b]]
        name = self.fold(m.text)
        bare = name[1:] if name[:1] in "وفبل" and name[1:] in self.outlets else name
        if bare in self.outlets or name in self.outlets:
            return "outlet"
        if (a and toks[a - 1].key in self.club_before) or (b < len(toks) and toks[b].key in self.club_after):
            return "club"
        if len(keys) >= 2 and keys[0].startswith("ال") and keys[0][2:] in self.types \
                and not (m.kb_id or "").startswith("world:"):
            return "generic"
        sent = next((s for s in doc.sentences if s[0] <= m.start < s[1]), (0, 0))
        if self.sport & {t.key for t in toks if sent[0] <= t.start < sent[1]}:
            return "sport"
        return "other"


def main() -> None:
    args = options()
    from _shared import shared_or_exit
    from place_mining import reports
    from rasd.pipeline import default_pipeline

    shared = shared_or_exit()
    pipe = default_pipeline()
    senses = Senses()
    docs: Counter = Counter()
    names: dict[str, Counter] = defaultdict(Counter)
    seen: dict[str, list[str]] = defaultdict(list)
    n = 0
    every: list[str] = []
    for _corpus, report in reports(shared, args.news, args.news2, args.offset):
        doc = pipe.run(report.text, outlet=report.outlet, url=report.url, published=report.published,
                       title=report.title, doc_id=report.doc_id or report.sha[:16])
        n += 1
        found = set()
        for e in doc.entities:
            if e.type != "PLACE":
                continue
            for m in e.mentions:
                g = senses.group(doc, m)
                found.add(g)
                t, (a, b) = doc.tokens, m.tok
                left = doc.text[t[max(0, a - 2)].start:m.start] if a else ""
                right = doc.text[m.end:t[min(len(t), b + 2) - 1].end] if b < len(t) else ""
                row = f"{left.strip()} [{m.text}] {right.strip()}\t{e.kb_id}"
                every.append(f"{doc.doc_id}\t{' '.join(row.split(' '))}".replace("\n", " "))
                if g != "other":
                    names[g][m.text] += 1
                    a, b = m.tok
                    t = doc.tokens
                    before = doc.text[t[a - 1].start:t[a - 1].end] if a else ""
                    after = doc.text[t[b].start:t[b].end] if b < len(t) else ""
                    seen[g].append(f"{before} [{m.text}] {after}  ({e.kb_id})")
        for g in found:
            docs[g] += 1
    print(f"articles {n}, place mentions {len(every)}")
    if args.save:
        args.save.write_text("\n".join(every) + "\n", encoding="utf-8")
    if args.compare:
        old = Counter(args.compare.read_text(encoding="utf-8").splitlines())
        new = Counter(every)
        for title, rows in (("gone", old - new), ("new", new - old)):
            print(f"\n{title}: {sum(rows.values())} place mentions")
            for r in sorted(rows.elements()):
                print("   ", r.partition("\t")[2])
    for g in ("outlet", "club", "generic", "sport", "other"):
        print(f"\n{g}: {docs[g]} articles, {sum(names[g].values())} mentions")
        if g == "other":
            continue
        print("  " + "، ".join(f"{k} {v}" for k, v in names[g].most_common(15)))
        rows = seen[g]
        step = max(1, len(rows) // max(1, args.show))
        for r in rows[::step][:args.show]:
            print("   ", r)


if __name__ == "__main__":
    main()
