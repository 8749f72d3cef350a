"""How often the NER stage changes a person a name pattern found, on the unlabelled news, and how.

Runs the stages before ner over a sample of articles from ../shared/data/news2 (Al Mayadeen
2023-24) and ../shared/data/news (SaudiNewsNet 2015), then the ner stage, and lists each person
mention a name pattern found (no knowledge-base name, no title or type word: see
rasd.stages.ner._pattern_person) that the CRF's reading replaced: trimmed (a word the pattern took in
cut off), extended (the whole name), or retyped; with the number of articles and sentences the CRF
read only for such a person (its cost).  Each change is shown in context, so that it is judged
right or wrong by reading (issue 8 item 6: a mechanism is counted on unlabelled text before it is
kept).

    .venv/bin/python scripts/ner_fires.py --n 600 --show 40
"""
from __future__ import annotations

import argparse
import random
import importlib.util
import sys
from collections import Counter
from pathlib import Path

from rasd.errors import RasdError
from rasd.kb.heldout import held_out
from rasd.kb.resources import default_resources
from rasd.pipeline import Pipeline, run_stage
from rasd.registry import STAGES
from rasd.stages.ner import _pattern_person

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit  # noqa: E402

REASON = "a person found by a name pattern"


def _cue_firing():
    spec = importlib.util.spec_from_file_location("cue_firing", Path(__file__).with_name("cue_firing.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kind(old, new) -> str:
    if new.type != "PERSON":
        return f"retyped as {new.type}"
    if new.tok[0] >= old.tok[0] and new.tok[1] <= old.tok[1]:
        return "trimmed"
    if new.tok[0] <= old.tok[0] and new.tok[1] >= old.tok[1]:
        return "extended"
    return "other extent"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=600, help="articles drawn from each corpus")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--show", type=int, default=30)
    a = ap.parse_args()
    cf = _cue_firing()
    res = default_resources()
    names = list(STAGES)
    before = Pipeline.build(res, names=names[:names.index("ner")])
    ner = STAGES["ner"](res)
    counts: Counter = Counter()
    shown: list[str] = []
    removed: list[str] = []   # pattern persons the NER stage removed (NerStage._no_name_persons)
    skip = held_out(data_or_exit())
    for corpus in ("news2", "news"):
        for art in cf.sample(corpus, a.n, a.seed):
            text = ((art.get("title") or "") + "\n\n" + (art.get("content") or "")).strip()
            if not text.strip() or (art.get("content") or "") in skip:
                continue
            try:
                doc = before.run(text, explain=True)
            except RasdError:
                continue
            counts[corpus + " articles"] += 1
            pats = [m for m in doc.mentions if _pattern_person(m)]
            counts[corpus + " pattern persons"] += len(pats)
            doc = run_stage(ner, doc)
            only = [t for t in doc.notes.get("ner", []) if t["why"] == REASON]
            counts[corpus + " sentences read only for a pattern person"] += len(only)
            counts[corpus + " articles with such a sentence"] += bool(only)
            now = {(m.start, m.end, m.type) for m in doc.mentions}
            for old in pats:
                if (old.start, old.end, old.type) in now:
                    continue
                new = [m for m in doc.mentions if m.start < old.end and m.end > old.start]
                if not new:
                    counts[corpus + " dropped"] += 1
                    why = [v for v in doc.notes.get("ner_spans", []) if v["span"] == [old.start, old.end]]
                    removed.append(f"{corpus} removed (outside {why[0]['p'] if why else '?'}): {old.text!r}  | "
                                   + cf.context(doc.text, old.start, old.end))
                    continue
                k = kind(old, new[0])
                counts[f"{corpus} {k}"] += 1
                if len(shown) < a.show * 2:
                    shown.append(f"{corpus} {k}: {old.text!r} → {new[0].text!r} ({new[0].type})  | "
                                 + cf.context(doc.text, old.start, old.end))
    for k, v in sorted(counts.items()):
        print(f"{v:6d}  {k}")
    for line in shown:
        print(line)
    rng = random.Random(a.seed)
    for line in rng.sample(removed, min(a.show, len(removed))):
        print(line)


if __name__ == "__main__":
    main()
