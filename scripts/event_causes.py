#!/usr/bin/env python3
"""Group the event misses and false events of a gold set by cause, sentence by sentence.

    python scripts/event_causes.py annotations/train [../shared/corpus/dev ...] [--show FN:other_type]

For every gold event the scorer leaves unmatched, and every unmatched system event, it looks at the
sentence the event is read from (the gold evidence quote's sentence; the system event's evidence
sentences) and names the cause:

- a missed gold event: ``no_sys_event`` (no system event in its sentence: a missing trigger or a
  sentence read as no event), ``other_type`` (only events of other types there: a type decision or a
  trigger sense), ``same_type_args`` (an event of its type there that fails on participants or places);
- a false event: ``no_gold_in_sent`` (the sentence holds no gold event: a non-event sentence or a
  trigger sense), ``other_type``, ``same_type_args``, ``dup_of_matched`` (every gold event of its type
  in the sentence is matched already: a repeat).

It prints the counts, the type confusions, and with ``--show KIND:CAUSE`` each case with its sentence.
Held-out parts (a folder named ``test``) are refused: their misses are never read. Prints figures,
asserts nothing; reads the report texts from ../shared at run time.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rasd import extract  # noqa: E402
from rasd.eval.gold import load_gold  # noqa: E402
from rasd.eval.run import parts_of  # noqa: E402
from rasd.eval.score import _participants, _Scorer, greedy_matching  # noqa: E402


def sentence_at(doc: dict, off: int) -> tuple[int, int] | None:
    return next(((a, b) for a, b in doc["sentences"] if a <= off < b), None)


def causes(gold: dict, doc: dict, text: str) -> list[dict]:
    sc = _Scorer(gold, doc)
    sc._score_entities()
    g_ev, s_ev = gold["events"], doc.get("events", [])
    pairs = greedy_matching(len(g_ev), len(s_ev), lambda i, j: sc._event_fits(g_ev[i], s_ev[j]))
    used = set(pairs.values())
    g_sent = []
    for g in g_ev:
        quote = g["evidence"] if isinstance(g["evidence"], str) else g["evidence"][0]
        at = text.find(quote)
        g_sent.append(sentence_at(doc, at) if at >= 0 else None)
    s_sent = [{sentence_at(doc, a) for a, _ in s.get("evidence", [])} for s in s_ev]
    out = []
    for i, g in enumerate(g_ev):
        if i in pairs:
            continue
        there = [j for j in range(len(s_ev)) if g_sent[i] in s_sent[j]]
        types = [s_ev[j]["type"] for j in there]
        cause = "no_sys_event" if not there else "same_type_args" if g["type"] in types else "other_type"
        out.append({"kind": "FN", "doc": gold["doc_id"], "type": g["type"], "cause": cause, "others": types,
                    "sentence": text[slice(*g_sent[i])] if g_sent[i] else g["evidence"]})
    for j, s in enumerate(s_ev):
        if j in used:
            continue
        there = [i for i in range(len(g_ev)) if g_sent[i] in s_sent[j]]
        types = [g_ev[i]["type"] for i in there]
        if not there:
            cause = "no_gold_in_sent"
        elif s["type"] not in types:
            cause = "other_type"
        elif all(i in pairs for i in there if g_ev[i]["type"] == s["type"]):
            cause = "dup_of_matched"
        else:
            cause = "same_type_args"
        a, b = s["evidence"][0]
        out.append({"kind": "FP", "doc": gold["doc_id"], "type": s["type"], "cause": cause, "others": types,
                    "trigger": (s.get("trigger") or {}).get("text"), "participants": sc.names(_participants(s)),
                    "sentence": text[a:b]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", default=None, help="KIND:CAUSE to list, e.g. FP:no_gold_in_sent")
    args = ap.parse_args()
    rows = []
    for part in parts_of(args.paths):
        if part.held_out:
            raise SystemExit(f"{part.name} is held out: its misses are not read")
        for f in part.files:
            for rec in load_gold(f):
                text, g = rec.text(), rec.data
                doc = extract(text, doc_id=g["doc_id"], published=g.get("published"), outlet=g.get("outlet"),
                              url=g.get("url"))
                rows += causes(g, doc, text)
    for (kind, cause), n in sorted(Counter((r["kind"], r["cause"]) for r in rows).items()):
        print(f"{kind} {cause:<16} {n}")
    for kind in ("FN", "FP"):
        conf = Counter((r["type"], tuple(sorted(set(r["others"])))) for r in rows
                       if r["kind"] == kind and r["cause"] == "other_type")
        print(f"\n{kind} of another type than the sentence's {'system' if kind == 'FN' else 'gold'} events:")
        for (typ, others), n in conf.most_common(12):
            print(f"  {n:3d}  {typ} vs {', '.join(others)}")
    if args.show:
        kind, cause = args.show.split(":")
        for r in rows:
            if r["kind"] == kind and r["cause"] == cause:
                extra = f" | {r.get('trigger')} | {r.get('participants')}" if kind == "FP" else ""
                print(f"\n{r['doc']} {r['type']} (others: {r['others']}){extra}\n    {r['sentence'][:300]}")


if __name__ == "__main__":
    main()
