#!/usr/bin/env python3
"""Why no event came out of the sentence of a missed gold event (issue 8 item 3: trigger gaps).

    python scripts/trigger_gaps.py annotations/train ../shared/corpus/dev [--show no_trigger]

For every gold event the scorer leaves unmatched with no system event in its sentence
(``event_causes.py``'s ``FN no_sys_event``), the events reader is rerun on the report with a trace
of what became of every trigger word of that sentence, and the miss is put in the first group
that fits:

- ``no_trigger``: no trigger form matched any word of the sentence (a lexicon or form gap);
- ``sense_rejected``: a trigger was found and dropped by its context rule (not_after, needs_near, a
  purpose or aim word before it);
- ``untyped``: a generic trigger (استهدف) found no weapon and no military object in its clause;
- ``no_arguments``: typed, but no participant or place was read for it (or needs_place failed);
- ``folded``: it was read as the weapon or the accompaniment of another trigger of the sentence;
- ``dropped_later``: the reader built an event that a later stage (worthiness, event coreference)
  removed, or that was merged into an event of another sentence;
- ``headline``: the sentence is read as a headline (no events from it).

Prints the counts per group and per gold type; ``--show GROUP`` lists the cases with the trigger
words and their fates. Held-out parts (a folder named ``test``) are refused. Prints figures,
asserts nothing; reads the report texts from ../shared at run time.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_causes import causes, readable_records, sentence_at  # noqa: E402
from rasd.doc import Doc  # noqa: E402
from rasd.pipeline import default_pipeline, run_stage  # noqa: E402
from rasd.stages.events.reader import Reader  # noqa: E402

ORDER = ["headline", "dropped_later", "no_arguments", "untyped", "folded", "sense_rejected", "no_trigger"]


class TracingReader(Reader):
    """The events reader, keeping the fate of every trigger it finds: (sentence start, text, fate)."""

    def __init__(self, doc, res):
        super().__init__(doc, res)
        self.fates: dict[int, dict[int, tuple[str, str]]] = defaultdict(dict)   # sentence start → token → fate
        self._st = None

    def _say(self, st, t, fate: str, note: str = "") -> None:
        text = self.doc.text[self.toks[t.i].start:self.toks[t.j - 1].end]
        self.fates[st.start][t.i] = (f"{text} [{t.d.type}]" + (f" ({note})" if note else ""), fate)

    def keep(self, st, t):
        why = self.rejection(st, t)     # the reader's own reason (Reader.keep asks the same)
        self._say(st, t, "folded" if why is None else "sense_rejected", why or "")
        return why is None

    def type_of(self, st, t, lo, hi):
        typ = super().type_of(st, t, lo, hi)
        if not typ:
            self._say(st, t, "untyped")
        return typ

    def build(self, st, t, lo, hi):
        evs = super().build(st, t, lo, hi)
        if not evs and self.fates[st.start].get(t.i, ("", ""))[1] != "built":
            self._say(st, t, "no_arguments")
        else:
            self._say(st, t, "built")
        return evs


def _events_of(doc: Doc) -> list[dict]:
    """The events of a document mid-way, as much as a later stage's fate needs of them."""
    return [{"type": e.type, "trigger": list(e.trigger) if e.trigger else None, "places": list(e.places),
             "evidence": [list(x) for x in e.evidence]} for e in doc.events]


def run_traced(text: str, snapshots: dict | None = None, **source) -> tuple[dict, dict, set]:
    """The final document, the trigger fates per sentence, and the headline sentence starts.
    ``snapshots`` (a dict), when given, receives the events (as JSON) and the warnings after each
    stage from the events stage on, by stage name: what each later stage dropped or merged."""
    pipe = default_pipeline()
    doc = Doc(text, **source)
    fates, heads = {}, set()
    for st in pipe.stages:
        if snapshots is not None and "events" in doc.stages:
            snapshots[doc.stages[-1]] = (_events_of(doc), list(doc.warnings))
        if st.name == "events":
            with st.resources.scope():
                r = TracingReader(doc, st.resources)
                doc.events = r.run() if doc.entities else []
                heads = {s.start for s in r.all_sentences if r.is_headline(s)}
            doc.stages.append(st.name)
            fates = r.fates
            continue
        doc = run_stage(st, doc)
    if snapshots is not None:
        snapshots[doc.stages[-1]] = (_events_of(doc), list(doc.warnings))
    return doc.to_json(), fates, heads


def group(row: dict, doc: dict, fates: dict, heads: set, text: str) -> tuple[str, list]:
    at = text.find(row["sentence"][:60])
    sent = sentence_at(doc, at) if at >= 0 else None
    if sent is None:
        return "no_trigger", []
    if sent[0] in heads:
        return "headline", []
    found = list(fates.get(sent[0], {}).values())
    if not found:
        return "no_trigger", []
    kinds = {f for _, f in found}
    if "built" in kinds:
        return "dropped_later", found
    for k in ("no_arguments", "untyped", "folded", "sense_rejected"):
        if k in kinds:
            return k, found
    return "no_trigger", found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", default=None, help="a group to list, e.g. no_trigger")
    args = ap.parse_args()
    rows = []
    for text, g in readable_records(args.paths):
        doc, fates, heads = run_traced(text, doc_id=g["doc_id"], published=g.get("published"),
                                       outlet=g.get("outlet"), url=g.get("url"))
        for r in causes(g, doc, text):
            if r["kind"] == "FN" and r["cause"] == "no_sys_event":
                r["group"], r["found"] = group(r, doc, fates, heads, text)
                rows.append(r)
    print(f"FN no_sys_event: {len(rows)}")
    by = Counter(r["group"] for r in rows)
    for k in ORDER:
        types = Counter(r["type"] for r in rows if r["group"] == k)
        print(f"  {k:<15} {by[k]:4d}   " + ", ".join(f"{t} {n}" for t, n in types.most_common(6)))
    if args.show:
        for r in rows:
            if r["group"] == args.show:
                print(f"\n{r['doc']} {r['type']}: {r['found']}\n    {r['sentence']}")


if __name__ == "__main__":
    main()
