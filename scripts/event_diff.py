#!/usr/bin/env python3
"""What an event-decision change does on unlabelled news: events added, dropped and retyped.

    python scripts/event_diff.py dump /tmp/before.jsonl [--limit 1000]   # on the old code
    python scripts/event_diff.py dump /tmp/after.jsonl  [--limit 1000]   # on the new code
    python scripts/event_diff.py diff /tmp/before.jsonl /tmp/after.jsonl [--kwic 40] [--grep WORD]

``dump`` extracts the snapshot's fixed sample of ../shared/data/news and news2 (scripts/snapshot.py)
as `rasd ingest` does and writes one line per event: its origin, type, trigger and evidence
sentence offsets, the trigger in context, and its why.type. No text is kept in the repository;
the dump files are scratch files. ``diff`` pairs the events of each article by trigger offset and
prints the counts of added, dropped and retyped events, by type and by rule (the why.type with its
cue words blanked), and a reproducible random sample of each, so a new rule, cue or lexicon entry is
read on reports nobody tuned on before it is kept (issue 8; docs/lexicon-checks.md).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_rules import kwic  # noqa: E402


def dump(out: Path, limit: int) -> None:
    from snapshot import sample

    from rasd import extract
    from rasd.ingest.records import Rejected
    from rasd.ingest.run import Worker
    from _shared import shared_or_exit

    shared = shared_or_exit()
    worker = Worker(extract, frozenset())
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for raw in sample(shared, limit):
            got = worker(raw)
            n += 1
            if isinstance(got, Rejected):
                continue
            _, doc, _ = got
            text = doc["text"]
            for ev in doc.get("events", []):
                t = ev.get("trigger") or {}
                s, e = (t["start"], t["end"]) if t else tuple(ev["evidence"][0])
                fh.write(json.dumps({
                    "origin": raw.origin.rsplit("/", 1)[-1], "type": ev["type"], "at": [s, e],
                    "trigger": text[s:e] if t else None, "modality": ev.get("modality"),
                    "kwic": kwic(text, s, e, 70), "why": ev.get("why", {}).get("type", "")},
                    ensure_ascii=False) + "\n")
    print(f"{n} articles read; events written to {out}")


def _load(path: Path) -> dict[tuple[str, int, str], dict]:
    """Events keyed by (origin, trigger start, type): the events one trigger makes at several places
    count once."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        out[(ev["origin"], ev["at"][0], ev["type"])] = ev
    return out


def rule(why: str) -> str:
    """A why with its quoted words and numbers blanked: the rule, not the case."""
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'…'", why))[:110]


def diff(before: Path, after: Path, kwic_n: int, seed: int, grep: str | None) -> None:
    a, b = _load(before), _load(after)
    at_a = {(k[0], k[1]): v for k, v in a.items()}
    at_b = {(k[0], k[1]): v for k, v in b.items()}
    added = [v for k, v in b.items() if k not in a and (k[0], k[1]) not in at_a]
    dropped = [v for k, v in a.items() if k not in b and (k[0], k[1]) not in at_b]
    retyped = [(at_a[(k[0], k[1])], v) for k, v in b.items() if k not in a and (k[0], k[1]) in at_a]
    if grep:
        added = [v for v in added if grep in v["kwic"]]
        dropped = [v for v in dropped if grep in v["kwic"]]
        retyped = [(o, n) for o, n in retyped if grep in n["kwic"]]
    n_a = len(before.read_text(encoding="utf-8").splitlines())
    n_b = len(after.read_text(encoding="utf-8").splitlines())
    print(f"events before {n_a}, after {n_b} (one per place); by trigger and type {len(a)} → {len(b)}: "
          f"{len(added)} added, {len(dropped)} dropped, {len(retyped)} retyped")
    rnd = random.Random(seed)
    for name, evs in (("added", added), ("dropped", dropped)):
        print(f"\n== {name} by type: {dict(Counter(v['type'] for v in evs).most_common())}")
        for r, n in Counter(rule(v["why"]) for v in evs).most_common(8):
            print(f"   {n:4d}  {r}")
        for v in rnd.sample(evs, min(kwic_n, len(evs))):
            print(f"  {v['type']:<20} {v['modality']:<9} {v['kwic']}")
    print(f"\n== retyped: {dict(Counter((o['type'], n['type']) for o, n in retyped).most_common())}")
    for o, n in rnd.sample(retyped, min(kwic_n, len(retyped))):
        print(f"  {o['type']} → {n['type']:<14} {n['kwic']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--limit", type=int, default=1000)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    f.add_argument("--kwic", type=int, default=40)
    f.add_argument("--seed", type=int, default=8)
    f.add_argument("--grep", default=None, help="only events whose context holds this text")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.limit)
    else:
        diff(args.before, args.after, args.kwic, args.seed, args.grep)


if __name__ == "__main__":
    main()
