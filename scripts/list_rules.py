#!/usr/bin/env python3
"""How often the list rules of branch lists10 (issue 8 item 4) fire over the unlabelled news, and on what.

    .venv/bin/python scripts/list_rules.py [--limit 1000] [--kwic 20] [--seed 8] [--stride 37]

Reads every ``stride``-th article of ../shared/data/news (SaudiNewsNet 2015) and of
../shared/data/news2 (Al Mayadeen 2023–24), ``limit`` of each, leaving out the project's held-out
reports (rasd.kb.heldout), and runs the stages up to open_places on each. It counts the PLACE
mentions each rule adds, by the ``why`` the stage gives them:

- ``between``: an unknown name standing between two places of one list (list completion);
- ``between_gazetteer``: the same for an ordinary word the gazetteer names (مناطق جرابلس والباب وأعزاز);
- ``closing``: an unknown name closing a list of two or more places (the older rule, now required
  to end the list: "وصولاً إلى" goes on);
- ``derived_dual``: an item of the list after a dual of a type word that open_places.yaml does not
  list but ``dual_endings`` derives (محافظتي، قاعدتي، مطاري);
- ``plural_added``: an item of the list after a plural type word this branch added (none kept);
- ``placed``: a list item with no gazetteer entry that place_context placed between its two
  neighbours in the list (rasd.stages.place_context ``list_items``), with the neighbours' distance.

It prints each rule's count, the articles it fires in, and a reproducible random sample of
contexts to read by eye. Nothing is copied from ../shared: the text is read at run time.
"""
from __future__ import annotations

import gzip
import json
import sys
import zipfile
from collections import defaultdict
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from _shared import data_or_exit, held_out_of  # noqa: E402
from sample_rules import kwic, report  # noqa: E402

STAGES = ["clean", "sentences", "mentions", "open_places", "open_actors", "ner", "link", "geocode", "place_context"]
ADDED_PLURALS: tuple[str, ...] = ()   # محطات was tried and left out


def news(data: Path):
    """SaudiNewsNet article texts (title, blank line, content), day by day."""
    for p in sorted((data / "news").glob("*.zip")):
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                for o in json.loads(z.read(name)):
                    yield f"{(o.get('title') or '').strip()}\n\n{(o.get('content') or '').strip()}"


def news2(data: Path):
    """Al Mayadeen article texts, shard by shard."""
    for p in sorted((data / "news2").glob("*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for row in fh:
                if row.strip():
                    o = json.loads(row)
                    yield f"{(o.get('title') or '').strip()}\n\n{(o.get('content') or '').strip()}"


def sample(data: Path, limit: int, stride: int, skip=None) -> list[str]:
    """Every ``stride``-th article text of news/ and of news2/, ``limit`` of each, with no held-out
    report (``skip``, by default the ones found under ``data``)."""
    skip = held_out_of(data, skip)
    out = []
    for source in (news(data), news2(data)):
        kept = (t for t in source if t.strip() and t not in skip)
        out += list(islice(islice(kept, 0, None, stride), limit))
    return out


def rule_of(m, cues) -> str | None:
    """The list-completion rule that made mention ``m`` (its ``list_item`` and cue word), or None."""
    if m.list_item == "between":
        return "between_gazetteer" if m.place_ids else "between"
    if m.list_item == "closing":
        return "closing"
    if m.list_item == "after_cue":
        if m.cue in cues["derived"]:
            return "derived_dual"
        if m.cue in cues["plurals"]:
            return "plural_added"
    return None


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="articles of each source")
    ap.add_argument("--kwic", type=int, default=20, help="contexts to print per rule")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--stride", type=int, default=37)
    args = ap.parse_args()

    from rasd.arabic.normalize import fold_str
    from rasd.kb.resources import default_resources
    from rasd.kb.yamlfile import load
    from rasd.pipeline import Pipeline

    res = default_resources()
    listed = {fold_str(w) for w in load(res.knowledge("open_places"))["dual_cues"]}
    cues = {"derived": res.open_places.dual - listed, "plurals": {fold_str(w) for w in ADDED_PLURALS}}
    pipe = Pipeline.build(res, STAGES)
    fired: dict[str, list[str]] = defaultdict(list)
    docs: dict[str, set[int]] = defaultdict(set)
    texts = sample(data_or_exit(), args.limit, args.stride)
    for n, text in enumerate(texts):
        doc = pipe.run(text)
        for m in doc.mentions:
            rule = rule_of(m, cues) if m.type == "PLACE" else None
            if rule:
                fired[rule].append(kwic(doc.text, m.start, m.end))
                docs[rule].add(n)
        for e in doc.entities:
            why = (e.geo or {}).get("why") or ""
            if e.type == "PLACE" and "placed between its neighbours in the list" in why:
                m = e.mentions[0]
                fired["placed"].append(kwic(doc.text, m.start, m.end) + "  → " + why.split("; ")[-1][:110])
                docs["placed"].add(n)
    names = ("between", "between_gazetteer", "closing", "derived_dual", "plural_added", "placed")
    report(len(texts), fired, names, args.kwic, args.seed)
    print("\narticles each rule fires in: " + ", ".join(f"{k} {len(docs[k])}" for k in names))


if __name__ == "__main__":
    main()
