#!/usr/bin/env python3
"""Which persons the unlabelled news names, and what a change does to rasd's PERSON mentions there
(issue 8, branch persons7).

    python scripts/person_mining.py rank --every 8 --top 80          # Al Mayadeen 2023-24, every 8th article
    python scripts/person_mining.py rank --corpus news --every 40    # SaudiNewsNet 2015, every 40th article
    python scripts/person_mining.py dump --every 8 --out /tmp/after.jsonl
    python scripts/person_mining.py compare /tmp/before.jsonl /tmp/after.jsonl --kwic 40

``rank`` runs the whole pipeline over every ``--every``-th article of ../shared/data/news2 (or news)
and ranks PERSON entities by **document frequency**: the unlinked ones (no knowledge-base id: the
persons.yaml candidates) and the linked ones (to read for false links); it prints the share of
PERSON mentions that carry a knowledge-base id.  ``dump`` writes every article's PERSON mentions
(offsets and text) to a JSON-lines file outside the repository; ``compare`` counts the mentions two
dumps (before and after a change, run from two checkouts) have, and prints a reproducible random
sample of the mentions only one of them has, in context, to read by eye.  The news text is read at
run time; nothing of it is written into the repository.  Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def articles(shared: Path, corpus: str, every: int):
    """(article key, text) of every ``every``-th article of one corpus, in a fixed order; never a
    held-out report (rasd.kb.heldout)."""
    from rasd.kb.heldout import held_out

    skip = held_out(shared / "data")
    for key, text in _articles(shared, corpus, every):
        if text not in skip:
            yield key, text


def _articles(shared: Path, corpus: str, every: int):
    if corpus == "news2":
        for shard in sorted((shared / "data" / "news2").glob("*.jsonl.gz")):
            with gzip.open(shard, "rt", encoding="utf-8") as fh:
                for k, line in enumerate(fh):
                    if k % every == 0:
                        a = json.loads(line)
                        yield f"{shard.name}:{a.get('id', k)}", a.get("content") or ""
    else:
        for z in sorted((shared / "data" / "news").glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                for member in sorted(zf.namelist()):
                    for k, a in enumerate(json.loads(zf.read(member))[::every]):
                        yield f"{z.name}:{member}:{k}", a.get("content") or ""


def persons_of(text: str) -> list[dict]:
    from rasd import extract

    doc = extract(text)
    return [{"kb_id": e["kb_id"], "name": e["name_ar"], "start": m["start"], "end": m["end"], "text": m["text"]}
            for e in doc["entities"] if e["type"] == "PERSON" for m in e["mentions"]]


def _shared() -> Path:
    from _shared import shared_or_exit

    shared = shared_or_exit()
    return shared


def rank(args) -> None:
    unlinked: Counter = Counter()
    linked: Counter = Counter()
    n = mentions = with_id = 0
    for _, text in articles(_shared(), args.corpus, args.every):
        if not text.strip():
            continue
        n += 1
        ps = persons_of(text)
        mentions += len(ps)
        with_id += sum(1 for p in ps if p["kb_id"])
        unlinked.update({p["name"] for p in ps if not p["kb_id"]})
        linked.update({p["kb_id"] for p in ps if p["kb_id"]})
    print(f"{args.corpus}: {n} articles, {mentions} PERSON mentions, {with_id} ({100 * with_id / max(mentions, 1):.1f} %) "
          f"linked to a knowledge-base person")
    print("\nunlinked, by document frequency:")
    print(" | ".join(f"{k}:{c}" for k, c in unlinked.most_common(args.top)))
    print("\nlinked, by document frequency:")
    print(" | ".join(f"{k}:{c}" for k, c in linked.most_common(args.top)))


def dump(args) -> None:
    with open(args.out, "w", encoding="utf-8") as out:
        for key, text in articles(_shared(), args.corpus, args.every):
            if text.strip():
                out.write(json.dumps({"key": key, "persons": persons_of(text)}, ensure_ascii=False) + "\n")


def compare(args) -> None:
    def load(p):
        with open(p, encoding="utf-8") as fh:
            return {r["key"]: r["persons"] for r in map(json.loads, fh)}

    before, after = load(args.before), load(args.after)
    texts = {k: t for k, t in articles(_shared(), args.corpus, args.every) if k in after}
    only = {"after only": [], "before only": []}
    counts = {"before": 0, "after": 0, "linked before": 0, "linked after": 0}
    for key, ps in after.items():
        b = before.get(key, [])
        counts["before"] += len(b)
        counts["after"] += len(ps)
        counts["linked before"] += sum(1 for p in b if p["kb_id"])
        counts["linked after"] += sum(1 for p in ps if p["kb_id"])
        spans_b = {(p["start"], p["end"]) for p in b}
        spans_a = {(p["start"], p["end"]) for p in ps}
        for name, mine, other in (("after only", ps, spans_b), ("before only", b, spans_a)):
            for p in mine:
                if (p["start"], p["end"]) not in other:
                    t = texts.get(key, "")
                    s, e = p["start"], p["end"]
                    only[name].append((t[max(0, s - 40):s] + "[" + t[s:e] + "]" + t[e:e + 40]).replace("\n", " "))
    print(f"{len(after)} articles: PERSON mentions {counts['before']} → {counts['after']}, "
          f"linked {counts['linked before']} → {counts['linked after']}")
    rnd = random.Random(args.seed)
    for name, hits in only.items():
        print(f"\n== {name}: {len(hits)}")
        for h in rnd.sample(hits, min(args.kwic, len(hits))):
            print("  ", h)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("rank", "dump", "compare"):
        p = sub.add_parser(name)
        p.add_argument("--corpus", choices=("news", "news2"), default="news2")
        p.add_argument("--every", type=int, default=8)
        p.add_argument("--seed", type=int, default=8)
        if name == "rank":
            p.add_argument("--top", type=int, default=80)
        if name == "dump":
            p.add_argument("--out", required=True)
        if name == "compare":
            p.add_argument("before")
            p.add_argument("after")
            p.add_argument("--kwic", type=int, default=30)
    args = ap.parse_args()
    {"rank": rank, "dump": dump, "compare": compare}[args.cmd](args)


if __name__ == "__main__":
    main()
