#!/usr/bin/env python3
"""What event coreference's unlocated drop removes, rightly and wrongly (round 21, ctx21).

    python scripts/unlocated_drops.py annotations/train ../shared/corpus/dev/gold.jsonl [--show]

Runs the pipeline with the drop off (``eventcoref.unlocated: keep``) and takes every event the drop
would remove (``rasd.stages.eventcoref.unlocated``: a type of eventcoref.yaml ``place_needed`` told with
no place, or only a whole country where that is not enough). Each is scored as the scorer would:
``wrong`` when it matches a gold event (the drop loses it; the gold event's places are printed: none,
or the same country), ``right`` when it matches none. Of the right drops, those with an unmatched gold
event of the same type in the trigger's sentence are split by where that gold event's place is named
(searched by its name's last letters): ``in_sentence``, ``para_before`` (earlier in the paragraph),
``first_lines`` (the headline or the lead), ``earlier``, ``later``, ``not_in_text``: the carry-overs a
rule could give. Held-out parts (test, valid) are refused. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rasd import check_input  # noqa: E402
from rasd.eval.gold import load_gold  # noqa: E402
from rasd.eval.run import parts_of  # noqa: E402
from rasd.eval.score import _Scorer, gold_key, greedy_matching  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402
from rasd.stages.eventcoref import unlocated  # noqa: E402


def where_named(text: str, name: str, sent: tuple[int, int], sentences: list) -> str:
    probe = name[-4:] if len(name) > 4 else name
    pos = [m.start() for m in re.finditer(re.escape(probe), text)]
    a, b = sent
    if any(a <= p < b for p in pos):
        return "in_sentence"
    before = [p for p in pos if p < a]
    if before:
        para = text.rfind("\n", 0, a)
        if any(para < p for p in before):
            return "para_before"
        lead_end = sentences[min(2, len(sentences) - 1)][1]
        return "first_lines" if min(before) < lead_end else "earlier"
    return "later" if pos else "not_in_text"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", action="store_true", help="print each wrong drop and each carry-over case")
    a = ap.parse_args(argv)
    pipe = Pipeline.build(config={"eventcoref": {"unlocated": "keep"}})
    rules = pipe.stage("eventcoref").resources.eventcoref_rules
    tally: Counter = Counter()
    for part in parts_of(a.paths):
        if part.held_out:
            print(f"{part.name}: held out, refused", file=sys.stderr)
            return 2
        for f in part.files:
            for rec in load_gold(f):
                g = rec.data
                src = check_input(rec.text(), {k: g[k] for k in ("doc_id", "published", "outlet") if g.get(k)})
                doc = pipe.run(rec.text(), **src)
                ents = {x.id: x for x in doc.entities}
                dj = doc.to_json()
                sc = _Scorer(g, dj)
                sc.run()
                gold, sys_ev = g["events"], dj["events"]
                pairs = greedy_matching(len(gold), len(sys_ev), lambda i, j: sc._event_fits(gold[i], sys_ev[j]))
                inv = {j: i for i, j in pairs.items()}
                gname = {k: e.name for k, e in sc.g.items()}
                for j, e in enumerate(doc.events):
                    if unlocated(e, ents, rules) is None:
                        continue
                    kind = "no place" if not e.places else "country only"
                    sent = doc.sentences[doc.sentence_of(e.trigger[0])]
                    trig = doc.text[e.trigger[0]:e.trigger[1]]
                    if j in inv:
                        gp = [gname[k] for k in gold[inv[j]]["places"]]
                        tally[(kind, "wrong", "gold names no place" if not gp else "gold place: a country")] += 1
                        if a.show:
                            print(f"WRONG {g['doc_id']} {e.type} '{trig}' gold places {gp}")
                        continue
                    sk = gold_key(doc.text[sent[0]:sent[1]])
                    same = [gi for gi, ge in enumerate(gold) if gi not in pairs and ge["type"] == e.type
                            and gold_key(ge["evidence"]) in sk]
                    if not same:
                        tally[(kind, "right", "no gold event of its type in the sentence")] += 1
                        continue
                    gp = [gname[k] for k in gold[same[0]]["places"]]
                    w = where_named(doc.text, gp[0], sent, doc.sentences) if gp else "gold names no place"
                    tally[(kind, "right", f"gold of its type in the sentence, place {w}")] += 1
                    if a.show:
                        print(f"CARRY {g['doc_id']} {e.type} '{trig}' gold places {gp} ({w})")
    for k, v in sorted(tally.items()):
        print(f"{v:5d}  " + " / ".join(k))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
