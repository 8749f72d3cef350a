"""Check a hand-annotated gold file against its report texts (not a score: a consistency check).

    python annotations/check.py annotations/train/mayadeen.jsonl [...]

For every record it loads the report text exactly as the scorer does (rasd.eval.gold.load_gold),
then reports evidence quotes that are not exact substrings of the text, aliases that do not occur
in the text under the scorer's own key (rasd.arabic.normalize.gold_key; an alias the entity's note
names was added on purpose), and event/relation keys that name no entity. Prints one line per problem and a summary; exit status 1 when there are problems.
"""
from __future__ import annotations

import sys

from rasd.arabic.normalize import gold_key
from rasd.eval.gold import load_gold


def norm(s: str) -> str:
    """The scorer's own comparison key (spec/gold.md normalisation, invisible marks dropped)."""
    return gold_key(s)


def problems(rec) -> list[str]:
    d, text = rec.data, rec.text()
    ntext = norm(text)
    out = []
    ents = {}
    for kind in ("actors", "persons", "places"):
        for e in d.get(kind, []):
            if e["key"] in ents:
                out.append(f"duplicate key {e['key']}")
            ents[e["key"]] = kind
            for a in e.get("aliases", []):
                na = norm(a)
                if na.startswith("ال") and "لل" + na[2:] in ntext:  # ل + ال is written لل
                    continue
                if na not in ntext and a not in e.get("note", ""):  # a note may declare an added form
                    out.append(f"{kind[:-1]} {e['key']}: alias not in text: {a}")
    for v in d.get("events", []):
        if v["evidence"] not in text:
            out.append(f"event {v['key']}: evidence not a substring: {v['evidence'][:60]}")
        for role in ("agents", "targets", "partners"):
            for k in v.get(role, []):
                if ents.get(k) not in ("actors", "persons"):
                    out.append(f"event {v['key']}: {role} key {k} is no actor/person")
        for k in v.get("places", []):
            if ents.get(k) != "places":
                out.append(f"event {v['key']}: place key {k} is no place")
    for r in d.get("relations", []):
        for k in (r["head"], r["tail"]):
            if k not in ents:
                out.append(f"relation {r['type']}: unknown key {k}")
    return out


def main(argv: list[str]) -> int:
    bad = 0
    for path in argv:
        recs = load_gold(path)
        n_ev = sum(len(r.data.get("events", [])) for r in recs)
        for r in recs:
            for p in problems(r):
                bad += 1
                sys.stdout.write(f"{r.doc_id}: {p}\n")
        sys.stdout.write(f"{path}: {len(recs)} records, {n_ev} events\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
