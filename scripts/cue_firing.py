"""How often one stage's cue rules fire over the unlabelled news, and on what.

Runs the pipeline up to (not including) STAGE over a sample of articles from ../shared/data/news2
(Al Mayadeen 2023-24) and/or ../shared/data/news (SaudiNewsNet 2015), then STAGE, and lists what
STAGE added or changed: mentions (by type and the rule's ``why``) and, for stages after link,
entities whose ``geo`` or type it set. Prints the count per rule and a few contexts of each, so a
cue list is checked against real reporting before it is kept (issue 8, item 6).

    .venv/bin/python scripts/cue_firing.py open_places --n 300 --show 4
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import zipfile
from collections import Counter, defaultdict
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit, held_out_of, without_held_out  # noqa: E402

from rasd.errors import RasdError  # noqa: E402
from rasd.kb.heldout import HeldOut  # noqa: E402
from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline, run_stage  # noqa: E402
from rasd.registry import STAGES  # noqa: E402


def sample(corpus: str, n: int, seed: int, data: Path | None = None, skip: HeldOut | None = None) -> list[dict]:
    """``n`` articles drawn at random (fixed seed) from one corpus of ``data`` (../shared/data), the
    held-out reports (``skip``, default: those found under ``data``) left out before the draw."""
    root = data_or_exit(data)
    rng = random.Random(seed)
    out: list[dict] = []
    if corpus == "news2":
        for p in sorted((root / "news2").glob("*.jsonl.gz")):
            with gzip.open(p, "rt", encoding="utf-8") as f:
                out.extend(json.loads(line) for line in f)
    else:
        for p in sorted((root / "news").glob("*.zip")):
            with zipfile.ZipFile(p) as z:
                for member in sorted(z.namelist()):
                    if member.endswith(".json"):
                        out.extend(json.loads(z.read(member)))
    out = list(without_held_out(out, held_out_of(root, skip), lambda a: a.get("content")))
    return rng.sample(out, min(n, len(out)))


def read_sample(pipe, corpora, n: int, seed: int, skip: HeldOut | None = None, data: Path | None = None):
    """(corpus, article, document) for each article :func:`sample` draws from each of ``corpora``,
    its title and body run through ``pipe``; an article rasd refuses (a RasdError) is passed over."""
    for corpus in corpora:
        for a in sample(corpus, n, seed, data, skip):
            text = ((a.get("title") or "") + "\n\n" + (a.get("content") or "")).strip()
            try:
                doc = pipe.run(text)
            except RasdError:
                continue
            yield corpus, a, doc


def context(text: str, s: int, e: int, width: int = 45) -> str:
    return (text[max(0, s - width):s] + "⟦" + text[s:e] + "⟧" + text[e:e + width]).replace("\n", " ")


def changes(before: dict, doc) -> list[tuple[str, int, int, str]]:
    """(rule, start, end, label) of what the stage added: new mentions, new geo, new types."""
    out = []
    for m in doc.mentions:
        if (m.start, m.end, m.type) not in before["mentions"]:
            out.append((f"{m.type}: {m.why or 'no why'}"[:90], m.start, m.end, m.category or ""))
    for e in doc.entities:
        for m in e.mentions:
            if (m.start, m.end, e.type) not in before["entity_mentions"]:
                out.append((f"{e.type} mention: {(m.why or '')[:60]}", m.start, m.end, e.id))
        old = before["geo"].get(e.id)
        if e.type == "PLACE" and e.geo and e.geo.get("lat") is not None and (old is None or old.get("lat") is None):
            out.append((f"geo: {e.geo['why'][:70]}", e.mentions[0].start, e.mentions[0].end, f"prec {e.geo['precision']}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stage", choices=sorted(STAGES))
    ap.add_argument("--corpus", choices=("news2", "news", "both"), default="both")
    ap.add_argument("--n", type=int, default=200, help="articles per corpus (default 200)")
    ap.add_argument("--show", type=int, default=3, help="contexts shown per rule")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    pipe = Pipeline.build(default_resources())
    k = pipe.names.index(args.stage)
    head, stage = pipe.stages[:k], pipe.stages[k]
    counts: Counter = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    docs = 0
    for corpus in (("news2", "news") if args.corpus == "both" else (args.corpus,)):
        for a in sample(corpus, args.n, args.seed):
            try:
                doc = Pipeline(head).run(((a.get("title") or "") + "\n\n" + (a.get("content") or "")).strip())
            except RasdError:
                continue
            docs += 1
            before = {"mentions": {(m.start, m.end, m.type) for m in doc.mentions},
                      "entity_mentions": {(m.start, m.end, e.type) for e in doc.entities for m in e.mentions},
                      "geo": {e.id: dict(e.geo) if e.geo else None for e in doc.entities}}
            doc = run_stage(stage, doc)
            for rule, s, e, label in changes(before, doc):
                counts[rule] += 1
                if len(shown[rule]) < args.show:
                    shown[rule].append(f"{context(doc.text, s, e)}  {label}")
    print(f"{args.stage}: {docs} articles, {sum(counts.values())} changes")
    for rule, n in counts.most_common():
        print(f"\n{n:5d}  {rule}")
        for c in shown[rule]:
            print("       " + c)


if __name__ == "__main__":
    main()
