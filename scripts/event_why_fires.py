#!/usr/bin/env python3
"""How often an event-argument decision fires on the unlabelled news, and on what (round 21, ctx21).

    python scripts/event_why_fires.py "fronted_place" --per-corpus 500 --show 30 [--role places]

Runs the whole pipeline over the fixed conflict sample of scripts/actor_mining.py (SaudiNewsNet and
Al Mayadeen, held-out reports left out, rasd.kb.heldout) and counts the events whose ``why`` for a
role (places, agents, targets) holds the given text, printing per fire the event type, the argument
and the trigger's sentence, with the argument and the trigger marked, so the fires can be read by eye
(docs/lexicon-checks.md). Asserts nothing; no news text is written anywhere.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from actor_mining import run_articles, sample  # noqa: E402
from _shared import data_or_exit  # noqa: E402
from rasd.pipeline import default_pipeline  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", help="the text a why holds")
    ap.add_argument("--role", default="places")
    ap.add_argument("--per-corpus", type=int, default=500)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--show", type=int, default=30)
    a = ap.parse_args(argv)
    data = data_or_exit()
    pipe = default_pipeline()
    n_docs = n_fires = shown = 0
    for corpus in ("news", "news2"):
        for ref, doc in run_articles(pipe, sample(data, corpus, a.per_corpus, a.seed)):
            n_docs += 1
            ents = {x.id: x for x in doc.entities}
            for e in doc.events:
                why = (e.extra.get("why") or {}).get(a.role) or {}
                hits = [k for k, v in why.items() if a.text in str(v)]
                if not hits or e.trigger is None:
                    continue
                n_fires += 1
                if shown < a.show:
                    shown += 1
                    s0, s1 = doc.sentences[doc.sentence_of(e.trigger[0])]
                    t0, t1 = e.trigger
                    sent = doc.text[s0:t0] + "[" + doc.text[t0:t1] + "]" + doc.text[t1:s1]
                    names = ", ".join(ents[k].name_ar for k in hits if k in ents)
                    print(f"{shown:3d} {ref} {e.type} → {names}\n    {' '.join(sent.split())[:400]}")
    print(f"{n_fires} fires in {n_docs} articles ({1000 * n_fires / max(n_docs, 1):.1f} per 1,000)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
