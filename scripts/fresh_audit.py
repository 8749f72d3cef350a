"""Audit sheets of rasd's output on fresh reports: drawn like the annotated sets, read by nobody yet.

    python scripts/fresh_audit.py --set saudi|mayadeen --n 30 --seed 2501 [--skip 0] [--out FILE]

Rules written while reading the train part's misses stopped carrying over to the held-out parts
(round 24: train EVENT up, test flat). This script gives a rule writer new text each time, drawn
the way `annotations/select.py` draws (event words in title and body, 300-2,500 characters, one
theatre in turn) but with another seed, and leaves out every article that any annotation part,
corpus/dev or seed already holds, and every article sharing more than 2 % of its word 8-grams with
one of them (retellings of a held-out story; the held-out texts are compared by machine, never
shown). For each drawn article it prints the text with sentence numbers, then rasd's events (type,
trigger, agents, targets, places with their geocode, date, fatalities, modality and the `why`),
so a reader can judge every output event and note what the report tells that rasd missed.

The sheet is for reading in /tmp (it holds ../shared text: never commit it). Tally what is wrong,
group it by cause, and write a rule only for a cause that recurs across articles; then check the
rule on the unlabelled news as docs/lexicon-checks.md asks.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.eval.gold import load_gold  # noqa: E402


def _select():
    spec = importlib.util.spec_from_file_location("select_draw", ROOT / "annotations" / "select.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _grams(text: str, n: int = 8) -> set:
    words = re.findall(r"\w+", text)
    return {" ".join(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def annotated_texts(shared: Path) -> tuple[set, list[set]]:
    """The refs and the 8-gram sets of every annotated report (all parts, dev and seed)."""
    refs, grams = set(), []
    files = sorted((ROOT / "annotations").glob("*/*.jsonl"))
    files += sorted((shared / "corpus").glob("*/gold*.jsonl"))
    for f in files:
        for rec in load_gold(f):
            refs.add(rec.data.get("text_file"))
            grams.append(_grams(rec.text()))
    return refs, grams


def fresh(shared: Path, which: str, n: int, seed: int, skip: int) -> list[tuple]:
    sel = _select()
    source = sel.mayadeen_articles if which == "mayadeen" else sel.saudi_articles
    rows = {}
    for ref, published, title, content in source(shared / "data"):
        rows[ref] = (published, title, content)
    refs, grams = annotated_texts(shared)
    out = []
    for th, ref, published, _length, title in sel.draw(
            ((r, *v) for r, v in rows.items()), 4 * (n + skip) + 200, seed, 300, 2500):
        if ref in refs:
            continue
        text = title + "\n\n" + rows[ref][2]
        g = _grams(text)
        if g and any(len(g & other) > 0.02 * len(g) for other in grams):
            continue
        out.append((th, ref, published, title, text))
        if len(out) >= n + skip:
            break
    return out[skip:]


def sheet(item: tuple, k: int, coref: bool = False) -> str:
    """The sheet of one drawn article (number ``k``). ``coref``: also each output event's merges (the
    tellings folded into it, with the reason of each, from ``why.merged``) and, per telling that stayed
    an event of its own, eventcoref's refusal (the nearest earlier telling and why it was not that one,
    from ``notes.eventcoref_refused`` of an explained run)."""
    from rasd import check_input
    from rasd.pipeline import default_pipeline

    th, ref, published, title, text = item
    source = check_input(text, {"published": published or None, "title": None})
    doc = default_pipeline().run(text, explain=coref, **source).to_json(trace=coref)
    text = doc["text"]   # the offsets below are the prepared text's (it may differ from the raw one)
    ents = {e["id"]: e for e in doc["entities"]}
    lines = [f"=== {k:02d} {ref} ({th}, {published})", ""]
    for i, (s, e) in enumerate(doc["sentences"]):
        lines.append(f"[s{i}] {text[s:e]}")
    lines.append("")

    def name(eid):
        e = ents[eid]
        geo = e.get("geo") or {}
        where = f" @{geo.get('lat')},{geo.get('lon')} p{geo.get('precision')}" if geo else ""
        return f"{e.get('name_ar')}{where}"

    for ev in doc["events"]:
        sent = [i for i, (s, e) in enumerate(doc["sentences"]) for (a, b) in ev["evidence"] if s <= a < e]
        trigger = (ev.get("trigger") or {}).get("text", "")
        lines.append(f"  {ev['id']} {ev['type']} '{trigger}' s{sent} {ev['modality']}"
                     f" date={ev['date'] and ev['date'].get('value')} dead={ev.get('fatalities')}")
        for role in ("agents", "targets", "partners", "places"):
            if ev[role]:
                lines.append(f"     {role}: " + "; ".join(name(x) for x in ev[role]))
        lines.append("     why: " + ev["why"]["type"])
        if coref:
            for m in ev["why"].get("merged", []):
                lines.append(f"     merged: {m.get('type')} '{_at(text, m.get('trigger'))}'"
                             f" s{_sent(doc, (m.get('evidence') or [0])[0])}: {m.get('why')}")
    if coref:
        for r in ((doc.get("trace") or {}).get("notes") or {}).get("eventcoref_refused", []):
            if not r.get("candidate"):
                continue   # no earlier telling of a type it may be one event with: nothing to judge
            lines.append(f"  REFUSED {r.get('type')} '{_at(text, r.get('trigger'))}' s{_sent(doc, (r.get('trigger') or [0])[0])}"
                         f" vs '{_at(text, r.get('candidate'))}': {r.get('why')}")

    def sent_of(start):
        return next((i for i, (s, e) in enumerate(doc["sentences"]) if s <= start < e), "?")

    for e in doc["entities"]:
        if e["type"] == "PERSON":
            lines.append(f"  PERSON {e['name_ar']}")
        elif e["type"] == "PLACE":
            geo = e.get("geo") or {}
            at = (f"@{geo.get('lat')},{geo.get('lon')} p{geo.get('precision')} {geo.get('feature')}"
                  if geo else "@unresolved")
            said = "; ".join(f"s{sent_of(m['start'])} '{m['text']}'" for m in e.get("mentions", []))
            lines.append(f"  PLACE {e['name_ar']} {at} [{e.get('kb_id') or '-'}]")
            lines.append(f"     mentions: {said}")
            lines.append(f"     geo why: {geo.get('why', '')}")
    return "\n".join(lines) + "\n"


def _at(text: str, span) -> str:
    """The text of a [start, end] span, or '-' for none."""
    return text[span[0]:span[1]] if span else "-"


def _sent(doc: dict, at: int):
    """The number of the sentence holding offset ``at``, or '?'."""
    return next((i for i, (s, e) in enumerate(doc["sentences"]) if s <= at < e), "?")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("mayadeen", "saudi"), required=True)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, required=True, help="a seed of your own (not 8 nor 20150721)")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first SKIP fresh articles")
    ap.add_argument("--out", type=Path, help="write the sheet here (default: stdout)")
    ap.add_argument("--coref", action="store_true",
                    help="also print each event's merges and eventcoref's refusals (an explained run)")
    a = ap.parse_args(argv)
    if a.seed in (8, 20150721):
        raise SystemExit("that seed drew the annotated sets: choose another")
    from _shared import shared_or_exit

    shared = shared_or_exit()
    items = fresh(shared, a.set, a.n, a.seed, a.skip)
    text = "".join(sheet(it, k, a.coref) for k, it in enumerate(items))
    if a.out:
        a.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
