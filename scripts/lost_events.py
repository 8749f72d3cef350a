#!/usr/bin/env python3
"""Where the gold events rasd never outputs died (issue 8 items 3 and 6).

    python scripts/lost_events.py annotations/train ../shared/corpus/dev [--show a_no_trigger] [--words]

Takes every gold event the scorer leaves unmatched with no system event of any type in its sentence
(``event_causes.py``'s ``FN no_sys_event``), reruns the pipeline on the report keeping the events
reader's trigger fates (``trigger_gaps.TracingReader``) and the events and warnings after every stage
from the events stage on, and says where the event died, in the first letter that fits:

- ``a_no_trigger``: no trigger form matched a word of the sentence (a lexicon or form gap); the
  gold evidence's content words not inside a name are printed as the likely trigger;
- ``b_worthiness``: the reader built an event there and the worthiness stage dropped it (its cue and
  reason, from the document's warnings); ``b_sense``: the reader's own context rule (Reader.rejection:
  not_after, needs_near, not_with, aim or purpose words, indefinite, tally) dropped the trigger;
- ``c_no_arguments``: typed, but no participant or place was read for it (or needs_place failed);
  ``c_unlocated``: built, and dropped by event coreference as a violent act with no place below a country;
- ``d_merged``: built and gone after a later stage with no warning (merged into an event whose
  evidence does not hold the sentence), or folded by the reader into another event of the sentence;
- ``e_other_type``: only events of types the gold does not give were built in the sentence (the
  reason says where they died); ``e_untyped``: a generic trigger found no type in its clause;
- ``f_headline`` (a headline is read for no events), ``f_folded`` (read as the weapon or the
  accompaniment of another trigger), ``f_other`` (the evidence quote is not found in the text).

An event built with the gold type is followed first; then the reader's fates of the sentence's
trigger words; an event built only with other types comes last (``typed`` says which: same / other).
Held-out parts (a folder named ``test``) are refused: their misses are never read. Prints figures,
asserts nothing; reads the report texts from ../shared at run time.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_causes import causes, readable_records, sentence_at  # noqa: E402
from trigger_gaps import run_traced  # noqa: E402

LATER = ("worthiness", "eventcoref", "evdecide", "relations")   # the stages after the events stage
ORDER = ["a_no_trigger", "b_worthiness", "b_sense", "c_no_arguments", "c_unlocated", "d_merged",
         "e_other_type", "e_untyped", "f_headline", "f_folded", "f_other"]
WARNED = re.compile(r"^(\w+): no event from (\w+) '([^']*)' at (\d+): (.*)$")


def told_in(events: list[dict], sent: tuple[int, int]) -> list[dict]:
    """The events (snapshot dicts) whose evidence holds the sentence."""
    return [e for e in events if list(sent) in e["evidence"] or tuple(sent) in map(tuple, e["evidence"])]


def warned(warnings: list[str], sent: tuple[int, int]) -> list[tuple[str, str, str, str]]:
    """The drops a stage warned of for a trigger inside the sentence: (stage, type, trigger, why)."""
    out = []
    for w in warnings:
        m = WARNED.match(w)
        if m and sent[0] <= int(m.group(4)) < sent[1]:
            out.append((m.group(1), m.group(2), m.group(3), m.group(5)))
    return out


def fate_of(built: list[dict], sent, snaps: dict) -> tuple[str, str]:
    """Where the events built in the sentence died: (letter, reason)."""
    before = built
    for stage in LATER:
        if stage not in snaps:
            continue
        events, warnings = snaps[stage]
        now = told_in(events, sent)
        if now:
            before = now
            continue
        drops = [w for w in warned(warnings, sent) if w[0] == stage]
        why = "; ".join(f"{t} '{trig}': {r}" for _, t, trig, r in drops) or ", ".join(e["type"] for e in before)
        if stage == "worthiness" and drops:
            return "b_worthiness", why
        if stage == "eventcoref" and drops:
            return "c_unlocated", why
        return "d_merged", f"gone after {stage}: {why}"
    return "f_other", "built and kept (the scorer's sentence differs)"


def died(row: dict, sent, fates: dict, heads: set, snaps: dict) -> tuple[str, str, str]:
    """(letter, reason, typed) for a missed gold event whose evidence sentence is ``sent``.

    An event built with the gold type is followed first (where it died); then the reader's fates of
    the sentence's other trigger words (the gold's own trigger among them); an event built only with
    another type is ``e_other_type``, its reason saying where it died."""
    if sent is None:
        return "f_other", "the evidence quote is not in the text", "-"
    if sent[0] in heads:
        return "f_headline", "a headline is read for no events", "-"
    found = list(fates.get(sent[0], {}).values())
    built = told_in(snaps.get("events", ([], []))[0], sent)
    same = [e for e in built if e["type"] == row["type"]]
    if same:
        return (*fate_of(same, sent, snaps), "same")
    kinds = {f for _, f in found}
    for letter, fate in (("c_no_arguments", "no_arguments"), ("e_untyped", "untyped"),
                         ("f_folded", "folded"), ("b_sense", "sense_rejected")):
        if fate in kinds:
            return letter, ", ".join(x for x, f in found if f == fate), "-"
    if built:
        letter, why = fate_of(built, sent, snaps)
        return "e_other_type", f"{letter}: {why}", "other"
    if "built" in kinds:
        return "d_merged", "built and folded by the reader into another event: " + \
            ", ".join(x for x, f in found if f == "built"), "-"
    return "a_no_trigger", "", "-"


def likely_trigger(quote: str, start: int, doc: dict) -> list[str]:
    """The words of the gold evidence quote outside every system entity mention (names, places,
    numbers dropped): where the event's trigger word is among them."""
    spans = [(m["start"], m["end"]) for e in doc.get("entities", []) for m in e.get("mentions", [])]
    out = []
    for m in re.finditer(r"\w+", quote):
        a, b = start + m.start(), start + m.end()
        w = m.group()
        if w.isdigit() or len(w) < 3 or any(x < b and a < y for x, y in spans):
            continue
        out.append(w)
    return out


def lost(text: str, g: dict) -> list[dict]:
    """The FN no_sys_event rows of one report, each with its letter, reason and type column."""
    snaps: dict = {}
    doc, fates, heads = run_traced(text, snapshots=snaps, doc_id=g["doc_id"], published=g.get("published"),
                                   outlet=g.get("outlet"), url=g.get("url"))
    rows = []
    for r in causes(g, doc, text):
        if r["kind"] != "FN" or r["cause"] != "no_sys_event":
            continue
        ge = next((x for x in g["events"] if x["type"] == r["type"]
                   and (x["evidence"] if isinstance(x["evidence"], str) else x["evidence"][0]) in r["sentence"]), None)
        quote = (ge["evidence"] if isinstance(ge["evidence"], str) else ge["evidence"][0]) if ge else ""
        at = text.find(quote) if quote else text.find(r["sentence"][:60])
        sent = sentence_at(doc, at) if at >= 0 else None
        r["letter"], r["why"], r["typed"] = died(r, sent, fates, heads, snaps)
        r["words"] = likely_trigger(quote, at, doc) if quote and at >= 0 else []
        r["quote"] = quote
        rows.append(r)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", default=None, help="a letter to list, e.g. a_no_trigger (or all)")
    ap.add_argument("--words", action="store_true", help="count the likely trigger words of a_no_trigger")
    args = ap.parse_args()
    rows = []
    for text, g in readable_records(args.paths):
        rows += lost(text, g)
    print(f"FN no_sys_event: {len(rows)}")
    by = Counter(r["letter"] for r in rows)
    for k in ORDER:
        types = Counter(r["type"] for r in rows if r["letter"] == k)
        typed = Counter(r["typed"] for r in rows if r["letter"] == k and r["typed"] != "-")
        t = f" (built with the gold type {typed['same']})" if typed and k != "e_other_type" else ""
        print(f"  {k:<15} {by[k]:4d}{t}   " + ", ".join(f"{x} {n}" for x, n in types.most_common(5)))
    reasons = Counter(r["why"].split("': ", 1)[-1][:90] for r in rows if r["letter"] == "b_worthiness")
    if reasons:
        print("\nb_worthiness reasons:")
        for why, n in reasons.most_common():
            print(f"  {n:3d}  {why}")
    if args.words:
        words = Counter(w for r in rows if r["letter"] == "a_no_trigger" for w in dict.fromkeys(r["words"]))
        print("\na_no_trigger: the evidence quotes' words outside names, by how many misses hold them:")
        print("  " + ", ".join(f"{w} {n}" for w, n in words.most_common(60)))
    if args.show:
        for r in rows:
            if args.show in ("all", r["letter"]):
                print(f"\n{r['doc']} {r['type']} {r['letter']} [{r['typed']}] {r['why']}\n"
                      f"    quote: {r['quote']}\n    words: {' '.join(r['words'])}")


if __name__ == "__main__":
    main()
