#!/usr/bin/env python3
"""Fronts named after a place (جبهة الجفينة، جبهة الضباب) against organisations named جبهة X, counted
on the unlabelled news (issue 8 item 2, branch actors7).

    python scripts/front_rules.py --per-corpus 600 --examples 40

Runs the stages up to ``link`` over the sample scripts/actor_mining.py draws (``--seed``) and looks
at every unknown-organisation mention (a ``pattern`` ACTOR, rasd.stages.mentions.organisations) whose
head is one of the front words of rasd/knowledge/open_actors.yaml (``front_heads``). Each is put in
one bucket by the words around it:

- ``place-prep``: a place preposition right before the head or a ب/ل clitic on it (في جبهة X، بجبهة X،
  على جبهة X): where something happens, a front;
- ``place-after``: a direction or place word right after the name (جبهة X جنوب غربي المحافظة، جبهة X
  في مديرية Y): a place being located, a front;
- ``other``: neither (أعلنت جبهة X، مقاتلو جبهة X).

Prints the documents and mentions per bucket, with KWIC lines to judge by eye which are fronts and
which organisations (the rule of open_actors.yaml follows from it). With ``--after``, counts what
rasd now outputs instead: the front mentions it keeps as ACTORs and as PLACEs. Asserts nothing; the
news text is read at run time and nothing of it is written into the repository.
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

from rasd.arabic.clitics import readings  # noqa: E402
from rasd.arabic.normalize import fold_str, strip_article  # noqa: E402
from rasd.errors import RasdError  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.kb.yamlfile import load  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

UP_TO = ["clean", "sentences", "mentions", "open_places", "open_actors", "ner", "link"]


def _words(res, name: str) -> set[str]:
    return {strip_article(fold_str(w)) for w in res.kb.lexicon.get(name, [])}


def bucket(doc, m, fronts: set[str], preps: set[str]) -> str | None:
    """The bucket of a pattern ACTOR mention ``m`` whose head is a front word; None otherwise."""
    toks = doc.tokens
    i, j = m.tok
    head = {strip_article(s) for _, s in readings(toks[i].key)}
    if not head & fronts:
        return None
    pre = toks[i].key[:len(toks[i].key) - len(fold_str(m.text).split()[0])] if m.text else ""
    if (i > 0 and strip_article(toks[i - 1].key) in preps) or pre[-1:] in ("ب", "ل") and pre:
        return "place-prep"
    if j < len(toks) and strip_article(toks[j].key) in preps:
        return "place-after"
    return "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--per-corpus", type=int, default=600)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--examples", type=int, default=20)
    ap.add_argument("--after", action="store_true", help="count the front mentions rasd outputs as ACTOR / PLACE")
    args = ap.parse_args(argv)
    res = default_resources()
    pipe = Pipeline.build(res, UP_TO)
    fronts = {strip_article(fold_str(w)) for w in load(res.knowledge("open_actors")).get("front_heads", ["جبهة"])}
    preps = _words(res, "place_preps")
    docs: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for corpus in ("news", "news2"):
        for ref, title, content, published in sample(data_or_exit(args.data), corpus, args.per_corpus, args.seed):
            try:
                doc = pipe.run(content, title=title, published=published)
            except RasdError:
                continue
            for m in doc.mentions:
                if args.after:
                    if m.type not in ("ACTOR", "PLACE") or not (m.pattern or m.cue):
                        continue
                    head = {strip_article(s) for _, s in readings(doc.tokens[m.tok[0]].key)}
                    if not head & fronts or (m.type == "ACTOR" and not m.entity):
                        continue
                    b = m.type
                else:
                    if m.type != "ACTOR" or not m.pattern or m.kb_id:
                        continue
                    b = bucket(doc, m, fronts, preps)
                    if b is None:
                        continue
                docs[b].add(ref)
                mentions[b] += 1
                if len(examples[b]) < args.examples:
                    examples[b].append(f"{ref}: " + kwic(doc.text, m.start, m.end))
    for b in sorted(docs):
        print(f"{b}\t{len(docs[b])} documents\t{mentions[b]} mentions")
    for b in sorted(examples):
        print(f"\n# {b}")
        for line in examples[b]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
