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
A ``same_type_args`` miss is split further (issue 8): which part fails, of the same-type system
event in its sentence that comes closest (``no_participant``, ``wrong_participant``, ``no_place``,
``wrong_place``, ``both``, ``fits_but_taken``: it fits and went to another gold event), and where the gold argument is in rasd's output: ``not_recognised`` (no
system entity matches it), ``typed_as_actor`` / ``typed_as_place`` (rasd has it under the other
type), ``in_clause`` (named in the trigger's clause, not taken), ``other_clause`` (in the sentence,
in another clause), ``previous_sentence`` (in the sentence or the headline before: a dropped subject
carried over), ``elsewhere`` (only further away). ``--args`` prints the split; ``--show FN:same_type_args``
lists each case with both sides' arguments.

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


def _mention_sents(doc: dict, sc: _Scorer, g_keys: list[str], etype: str) -> tuple[set, bool, bool]:
    """Sentences where rasd names an entity that matches one of the gold keys, whether rasd has
    one of them at all, and whether it has one under another entity type."""
    sents, found, other = set(), False, False
    for e in doc.get("entities", []):
        s_ent = sc.s.get(str(e.get("id")))
        if s_ent is None:
            continue
        hit = any(not sc.g[k].keys.isdisjoint(s_ent.keys) for k in g_keys if k in sc.g)
        if not hit:
            continue
        if e.get("type") in etype:
            found = True
            sents |= {sentence_at(doc, m["start"]) for m in e.get("mentions", [])}
        else:
            other = True
    return sents, found, other


def _where(doc: dict, sc: _Scorer, g_keys: list[str], etype: tuple, other_name: str,
           sent: tuple | None, s: dict) -> str:
    """Where the gold argument stands in rasd's output, relative to the system event ``s``."""
    sents, found, other = _mention_sents(doc, sc, g_keys, etype)
    if not found:
        return other_name if other else "not_recognised"
    if sent in sents:
        trig = (s.get("trigger") or {}).get("start")
        lo, hi = sent
        # the trigger's clause as the scorer can see it: between the other events' triggers of the sentence
        others = sorted((e.get("trigger") or {}).get("start", -1) for e in doc.get("events", [])
                        if e is not s and lo <= (e.get("trigger") or {}).get("start", -1) < hi)
        c_lo = max([o for o in others if trig is not None and o < trig], default=lo)
        c_hi = min([o for o in others if trig is not None and o > trig], default=hi)
        for e in doc.get("entities", []):
            s_ent = sc.s.get(str(e.get("id")))
            if s_ent is None or e.get("type") not in etype or not any(
                    not sc.g[k].keys.isdisjoint(s_ent.keys) for k in g_keys if k in sc.g):
                continue
            if any(c_lo <= m["start"] < c_hi for m in e.get("mentions", [])):
                return "in_clause"
        return "other_clause"
    order = [tuple(x) for x in doc.get("sentences", [])]
    n = order.index(sent) if sent in order else -1
    if n > 0 and (order[n - 1] in sents or order[0] in sents):
        return "previous_sentence"
    return "elsewhere"


def _args_split(sc: _Scorer, doc: dict, g: dict, cands: list[dict], sent) -> tuple[str, str, dict]:
    """Which part of the closest same-type system event fails, and where the gold argument is."""
    parts = _participants(g)

    def part_ok(s):
        return not parts or sc.any_match(parts, _participants(s))

    def place_ok(s):
        if not g["places"]:
            return True
        sys_places = [sc.s[i] for i in s.get("places") or [] if i in sc.s]
        return any(sc.g[k].matches(p) or (d := sc.g[k].km(p)) is not None and d <= 10
                   for k in g["places"] for p in sys_places)

    best = max(cands, key=lambda s: (part_ok(s) + place_ok(s), part_ok(s)))
    if part_ok(best) and not place_ok(best):
        part = "no_place" if not best.get("places") else "wrong_place"
        where = _where(doc, sc, g["places"], ("PLACE",), "typed_as_actor", sent, best)
    elif place_ok(best) and not part_ok(best):
        part = "no_participant" if not _participants(best) else "wrong_participant"
        where = _where(doc, sc, parts, ("ACTOR", "PERSON"), "typed_as_place", sent, best)
    elif part_ok(best) and place_ok(best):
        part, where = "fits_but_taken", "-"   # it fits, and the one-to-one matching gave it to another gold event
    else:
        part, where = "both", "-"
    return part, where, best


def matched_events(gold: dict, doc: dict, text: str) -> tuple[_Scorer, dict[int, int], list]:
    """(the scorer with its entities matched, gold event index → the system event it matched (the
    scorer's greedy matching), each gold event's sentence in ``doc`` or None where its evidence quote
    is not in ``text``): shared with scripts/coref_refusals.py."""
    sc = _Scorer(gold, doc)
    sc._score_entities()
    g_ev, s_ev = gold["events"], doc.get("events", [])
    pairs = greedy_matching(len(g_ev), len(s_ev), lambda i, j: sc._event_fits(g_ev[i], s_ev[j]))
    g_sent = []
    for g in g_ev:
        quote = g["evidence"] if isinstance(g["evidence"], str) else g["evidence"][0]
        at = text.find(quote)
        g_sent.append(sentence_at(doc, at) if at >= 0 else None)
    return sc, pairs, g_sent


def causes(gold: dict, doc: dict, text: str) -> list[dict]:
    sc, pairs, g_sent = matched_events(gold, doc, text)
    g_ev, s_ev = gold["events"], doc.get("events", [])
    used = set(pairs.values())
    s_sent = [{sentence_at(doc, a) for a, _ in s.get("evidence", [])} for s in s_ev]
    out = []
    for i, g in enumerate(g_ev):
        if i in pairs:
            continue
        there = [j for j in range(len(s_ev)) if g_sent[i] in s_sent[j]]
        types = [s_ev[j]["type"] for j in there]
        cause = "no_sys_event" if not there else "same_type_args" if g["type"] in types else "other_type"
        row = {"kind": "FN", "doc": gold["doc_id"], "type": g["type"], "cause": cause, "others": types,
               "sentence": text[slice(*g_sent[i])] if g_sent[i] else g["evidence"]}
        if cause == "same_type_args":
            cands = [s_ev[j] for j in there if s_ev[j]["type"] == g["type"]]
            part, where, best = _args_split(sc, doc, g, cands, g_sent[i])
            gname = {x["key"]: x["aliases"][0] for sec in ("actors", "persons", "places") for x in gold[sec]}
            row.update(part=part, where=where, trigger=(best.get("trigger") or {}).get("text"),
                       detail=f"gold parts {[gname.get(k, k) for k in _participants(g)]} places "
                              f"{[gname.get(k, k) for k in g['places']]} | sys parts "
                              f"{sc.names(_participants(best))} places {sc.names(best.get('places') or [])}")
        out.append(row)
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


def readable_records(paths: list[str]):
    """(report text, gold record) of every report in ``paths``; a held-out part is refused (its
    misses are never read)."""
    for part in parts_of(paths):
        if part.held_out:
            raise SystemExit(f"{part.name} is held out: its misses are not read")
        for f in part.files:
            for rec in load_gold(f):
                yield rec.text(), rec.data


def extract_record(text: str, g: dict):
    """rasd's output Doc for one gold record's report, with the record's source fields."""
    return extract(text, doc_id=g["doc_id"], published=g.get("published"), outlet=g.get("outlet"),
                   url=g.get("url"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", default=None, help="KIND:CAUSE to list, e.g. FP:no_gold_in_sent")
    ap.add_argument("--args", action="store_true", help="split the same_type_args misses by part and place")
    args = ap.parse_args()
    rows = []
    for text, g in readable_records(args.paths):
        rows += causes(g, extract_record(text, g), text)
    for (kind, cause), n in sorted(Counter((r["kind"], r["cause"]) for r in rows).items()):
        print(f"{kind} {cause:<16} {n}")
    for kind in ("FN", "FP"):
        conf = Counter((r["type"], tuple(sorted(set(r["others"])))) for r in rows
                       if r["kind"] == kind and r["cause"] == "other_type")
        print(f"\n{kind} of another type than the sentence's {'system' if kind == 'FN' else 'gold'} events:")
        for (typ, others), n in conf.most_common(12):
            print(f"  {n:3d}  {typ} vs {', '.join(others)}")
    if args.args:
        split = [r for r in rows if r["kind"] == "FN" and r["cause"] == "same_type_args"]
        print(f"\nFN same_type_args by failing part and where the gold argument is ({len(split)}):")
        for (part, where), n in Counter((r["part"], r["where"]) for r in split).most_common():
            print(f"  {n:3d}  {part:<18} {where}")
    if args.show:
        kind, cause = args.show.split(":")
        for r in rows:
            if r["kind"] == kind and r["cause"] == cause:
                extra = f" | {r.get('trigger')} | {r.get('participants')}" if kind == "FP" else ""
                if "part" in r:
                    extra = f" | {r['part']} / {r['where']} | {r['trigger']} | {r['detail']}"
                print(f"\n{r['doc']} {r['type']} (others: {r['others']}){extra}\n    {r['sentence'][:300]}")


if __name__ == "__main__":
    main()
