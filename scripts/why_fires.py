#!/usr/bin/env python3
"""How often a link or mention decision fires on the unlabelled news, and on what (branch actors9).

    python scripts/why_fires.py "short form read as" --per-corpus 600 --show 20

Runs the whole pipeline over the fixed conflict sample of scripts/actor_mining.py (held-out reports
left out, rasd.kb.heldout) and counts the ACTOR mentions whose ``why`` starts with the given text,
by document and by (form → actor), printing a reproducible KWIC line per shown fire so the fires
can be read by eye (docs/lexicon-checks.md). Asserts nothing; no news text is written anywhere.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_mining import kwic, run_articles, sample  # noqa: E402
from _shared import data_or_exit  # noqa: E402
from rasd.pipeline import default_pipeline  # noqa: E402


def fires(pipe, articles, prefix: str, type_: str = "ACTOR", anywhere: bool = False):
    """(ref, mention, text) of every ``type_`` mention whose why starts with ``prefix`` (or, with
    ``anywhere``, holds it: a why one decision appends to another's)."""
    for ref, doc in run_articles(pipe, articles):
        for e in doc.entities:
            for m in e.mentions:
                why = m.why or ""
                if m.type == type_ and (prefix in why if anywhere else why.startswith(prefix)):
                    yield ref, m, e, doc.text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("prefix", help="the start of the why to count")
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--per-corpus", type=int, default=600)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--show", type=int, default=20, help="fires shown for reading, drawn at random")
    ap.add_argument("--corpus", choices=["news", "news2"], action="append", help="default: both")
    ap.add_argument("--by-why", action="store_true", help="count by the whole why, not by form → actor")
    ap.add_argument("--type", default="ACTOR", help="the entity type counted (ACTOR, PLACE, PERSON)")
    ap.add_argument("--anywhere", action="store_true", help="the text may stand anywhere in the why")
    args = ap.parse_args(argv)
    data = data_or_exit(args.data)
    pipe = default_pipeline()
    shown = []
    for corpus in args.corpus or ("news", "news2"):
        arts = sample(data, corpus, args.per_corpus, args.seed)
        docs, forms, hits = set(), Counter(), []
        for ref, m, e, text in fires(pipe, arts, args.prefix, args.type, args.anywhere):
            docs.add(ref)
            forms[m.why if args.by_why else f"{m.text} → {e.name_ar if args.type == 'PLACE' else e.kb_id}"] += 1
            hits.append(f"{ref}\t{m.text} → {e.name_ar if args.type == 'PLACE' else e.kb_id}\t{kwic(text, m.start, m.end)}")
        print(f"# {corpus}: {len(arts)} articles, {len(hits)} fires in {len(docs)} articles")
        for k, v in forms.most_common(25):
            print(f"{v}\t{k}")
        shown += hits
    random.Random(args.seed).shuffle(shown)
    print(f"# {min(args.show, len(shown))} fires drawn for reading")
    for line in shown[:args.show]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
