#!/usr/bin/env python3
"""Why event coreference left a false event standing beside the event it may retell (issue 8, item 2).

    python scripts/coref_refusals.py annotations/train [../shared/corpus/dev ...] [--show 40]

For every false event of a readable gold set (``no_gold_in_sent``: its sentence holds no gold event;
``dup_of_matched``: every gold event of its type in its sentence is matched already, see
scripts/event_causes.py), it looks for the output events that matched a gold event and that it may
retell: of its type, or both violent (ontology ``violent``). Of those, the one ranked highest by
eventcoref's own score is its candidate, and :func:`rasd.stages.eventcoref.rank.decide` says why the
pair was refused (or would now be merged). A false event with no such candidate is ``no matched
candidate``: a retelling of an event rasd missed, or no retelling at all.

It prints the counts of refusal reasons by cause, and with ``--show`` that many cases with both
sentences. Held-out parts are refused (their misses are never read). Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_causes import matched_events, readable_records, sentence_at  # noqa: E402

from rasd.kb.resources import default_resources  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.stages.eventcoref import telling, wholes_of  # noqa: E402
from rasd.stages.eventcoref.features import features  # noqa: E402
from rasd.stages.eventcoref.rank import decide, score  # noqa: E402


def false_events(gold: dict, out: dict, text: str) -> tuple[list[tuple[int, str]], set[int]]:
    """([(system event index, cause)] of the false events that may be retellings, matched indices)."""
    _, pairs, g_sent = matched_events(gold, out, text)
    g_ev, s_ev = gold["events"], out.get("events", [])
    used = set(pairs.values())
    fps = []
    for j, s in enumerate(s_ev):
        if j in used:
            continue
        sents = {sentence_at(out, a) for a, _ in s.get("evidence", [])}
        there = [i for i in range(len(g_ev)) if g_sent[i] in sents]
        if not there:
            fps.append((j, "no_gold_in_sent"))
        elif s["type"] in {g_ev[i]["type"] for i in there} and \
                all(i in pairs for i in there if g_ev[i]["type"] == s["type"]):
            fps.append((j, "dup_of_matched"))
    return fps, used


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", type=int, default=0, help="cases shown with both sentences")
    args = ap.parse_args()
    res = default_resources()
    pipe = Pipeline.build(res)
    rules, wholes = res.eventcoref_rules, wholes_of(res.kb)
    rows = []
    for text, g in readable_records(args.paths):
        doc = pipe.run(text, doc_id=g["doc_id"], published=g.get("published"), outlet=g.get("outlet"),
                       url=g.get("url"))
        out = doc.to_json()
        fps, used = false_events(g, out, text)
        if not fps:
            continue
        starts, ents = doc.token_starts, {x.id: x for x in doc.entities}
        tell = [telling(doc, n, e, rules, starts, ents, wholes) for n, e in enumerate(doc.events)]
        for j, cause in fps:
            t = tell[j]
            cands = [tell[k] for k in used if tell[k].type == t.type
                     or (tell[k].type in rules.violent and t.type in rules.violent)]
            if not cands:
                rows.append((cause, "no matched candidate", g["doc_id"], t, None, _show(doc, t), ""))
                continue
            ranked = []
            for o in cands:
                a, b = (o, t) if o.n < t.n else (t, o)
                f = features(a, b, rules)
                toll_guest = (b.toll_only and f.host_first) or (a.toll_only and not f.host_first)
                ok, why = decide(f, rules, toll_guest and f.link != "same type")
                ranked.append((ok, score(f), -abs(o.n - t.n), o, why))
            ok, _, _, o, why = max(ranked, key=lambda x: (x[0], x[1], x[2]))
            if not ok and why == "different places":
                # one act told at several places of one sentence (a list) is split by design (one event per place)
                why += ", one sentence (a list of places)" if t.sentence in o.told_in else ", other sentences"
            rows.append((cause, ("MERGEABLE: " if ok else "") + why, g["doc_id"], t, o, _show(doc, t), _show(doc, o)))
    print(f"{len(rows)} false events (no_gold_in_sent, dup_of_matched) and why coreference left each standing")
    for cause in ("no_gold_in_sent", "dup_of_matched"):
        print(f"\n{cause}:")
        for r, n in Counter(_group(r[1]) for r in rows if r[0] == cause).most_common():
            print(f"  {n:3d}  {r}")
    shown = 0
    for cause, why, doc_id, t, o, st, so in rows:
        if shown >= args.show:
            break
        if o is None:
            continue
        shown += 1
        print(f"\n{doc_id} [{cause}] {why}\n   FP  {st}\n   has {so}")


def _show(doc, t) -> str:
    """A telling as read: sentence, type, trigger, places and participants by name, the sentence's text."""
    e = doc.events[t.n]
    names = {x.id: x.name_ar for x in doc.entities}
    trig = doc.text[e.trigger[0]:e.trigger[1]] if e.trigger else "-"
    a, b = doc.sentences[t.sentence] if doc.sentences else (0, 0)
    return (f"s{t.sentence} {e.type} '{trig}' places {[names.get(p, p) for p in e.places]} agents "
            f"{[names.get(p, p) for p in e.agents]} targets {[names.get(p, p) for p in e.targets]}\n"
            f"        {doc.text[a:b][:220]!r}")


def _group(why: str) -> str:
    return "".join(c if not c.isdigit() else "#" for c in why)


if __name__ == "__main__":
    main()
