#!/usr/bin/env python3
"""Which participant rule chose each agent, target and partner, and how often it is right on a gold set.

    python scripts/role_rules.py annotations/train [../shared/corpus/dev ...] [--show RULE]

For every system event that has a gold event of its type in its evidence sentence (the gold
evidence quote's sentence), each participant the event names is read with the rule that gave it its
role (the event's ``why``, up to the quoted text) and counted as:

- ``role``: the entity is a gold participant of one of those gold events in the same role;
- ``other_role``: it is a gold participant there, in another role (still counts for event matching);
- ``wrong``: it is none of their participants.

A rule is counted once per event and entity. ``--show RULE`` (a prefix of the rule's text) lists its
wrong cases with the gold participants and the sentence. Held-out parts (a folder named ``test``)
are refused: their misses are never read. Prints figures, asserts nothing; the report texts are read
from ../shared at run time.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_causes import extract_record, readable_records, sentence_at  # noqa: E402

from rasd.eval.score import _Scorer  # noqa: E402

ROLES = ("agents", "targets", "partners")


def rule_of(why: str) -> str:
    """The rule's text without the quoted mention (``…: 'قوات النظام'``); a carried agent's rule keeps how
    near the event it comes from is in type, not which type or how many sentences before."""
    rule = why.split(": '")[0].split("; what would")[0]
    return re.sub(r"earlier [A-Z_]+ \((?:the|this|\d+) sentences? ?\w*\)", "earlier event", rule)


def rows_of(gold: dict, doc: dict, text: str) -> list[dict]:
    sc = _Scorer(gold, doc)
    g_sent = []
    for g in gold["events"]:
        quote = g["evidence"] if isinstance(g["evidence"], str) else g["evidence"][0]
        at = text.find(quote)
        g_sent.append(sentence_at(doc, at) if at >= 0 else None)
    out = []
    for s in doc.get("events", []):
        sents = {sentence_at(doc, a) for a, _ in s.get("evidence", [])}
        golds = [g for g, gs in zip(gold["events"], g_sent) if gs in sents and g["type"] == s["type"]]
        if not golds:
            continue
        why = s.get("why", {})
        for role in ROLES:
            for x in s.get(role) or []:
                rule = rule_of((why.get(role) or {}).get(x, "?"))
                same = any(sc.any_match(g[role], [x]) for g in golds)
                anyr = any(sc.any_match(g[r], [x]) for g in golds for r in ROLES)
                verdict = "role" if same else "other_role" if anyr else "wrong"
                a, b = s["evidence"][0]
                out.append({"role": role, "rule": rule, "verdict": verdict, "name": sc.names([x])[0],
                            "doc": gold["doc_id"], "type": s["type"],
                            "gold": [sc.g[k].name for g in golds for r in ROLES for k in g[r]],
                            "sentence": text[a:b]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", default=None, help="a rule's text (prefix): list its wrong cases")
    args = ap.parse_args()
    rows = []
    for text, g in readable_records(args.paths):
        rows += rows_of(g, extract_record(text, g), text)
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        table[(r["role"], r["rule"])][r["verdict"]] += 1
    print(f"{'role':<9} {'n':>4} {'role':>5} {'other':>5} {'wrong':>5}  rule")
    for (role, rule), c in sorted(table.items(), key=lambda kv: (kv[0][0], -sum(kv[1].values()))):
        print(f"{role:<9} {sum(c.values()):4d} {c['role']:5d} {c['other_role']:5d} {c['wrong']:5d}  {rule[:110]}")
    if args.show:
        for r in rows:
            if r["rule"].startswith(args.show) and r["verdict"] != "role":
                print(f"\n{r['doc']} {r['type']} {r['role']} {r['verdict']}: {r['name']} | gold {r['gold']}\n"
                      f"    {r['sentence'][:400]}")


if __name__ == "__main__":
    main()
