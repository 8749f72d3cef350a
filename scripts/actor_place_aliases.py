#!/usr/bin/env python3
"""Actor names of the knowledge base that hold a place of the gazetteer (round 31, alias31).

    python scripts/actor_place_aliases.py                 # every such name, with the place and its kind
    python scripts/actor_place_aliases.py --prep-only     # only a place after a place preposition
    python scripts/actor_place_aliases.py --no-country    # only places below a country

The mention finder reads a knowledge-base actor's whole name as one ACTOR mention, so a place inside it
(a resistance "in" a region, a command or a battalion named after its city) is no PLACE mention of its
own. This lists those names, so their fires can be counted on the news (``lexicon_fires.py --counts -f``)
and the events told beside them read. The place preposition is the first word of open_actors.yaml
``place_prepositions``; a name word matches a gazetteer name (world_places.yaml ``ar``, folded) with or
without the article, or after a one-letter proclitic (ب، ل).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.arabic.normalize import fold_str  # noqa: E402

KNOWLEDGE = ROOT / "rasd" / "knowledge"
ARTICLE = fold_str("ال")
PROCLITICS = tuple(fold_str(c) for c in ("ب", "ل"))


def gazetteer(path: Path = KNOWLEDGE / "world_places.yaml") -> dict[str, tuple[str, str]]:
    """Folded name → (id, kind) of every gazetteer entry."""
    out = {}
    for p in yaml.safe_load(path.read_text(encoding="utf-8")):
        for name in p.get("ar") or []:
            out.setdefault(fold_str(name), (p["id"], p.get("kind", "")))
    return out


def _lookup(words: list[str], names: dict) -> tuple[str, str] | None:
    key = fold_str(" ".join(words))
    for cand in (key, key[len(ARTICLE):] if key.startswith(ARTICLE) else ARTICLE + key,
                 key[1:] if key[:1] in PROCLITICS else None):
        if cand and cand in names:
            return names[cand]
    return None


def places_in(name: str, names: dict, prep: str | None = None) -> list[tuple[str, str, str]]:
    """(words, id, kind) of each gazetteer place inside an actor's name, never its first word; with
    ``prep`` only the longest place right after that preposition."""
    toks = name.split()
    out = []
    for i in range(1, len(toks)):
        if prep is not None and fold_str(toks[i - 1]) != fold_str(prep):
            continue
        for j in range(len(toks), i, -1):
            hit = _lookup(toks[i:j], names)
            if hit:
                out.append((" ".join(toks[i:j]), *hit))
                break
    return out


def actor_names(path: Path = KNOWLEDGE / "actors.yaml"):
    """(actor id, name) of every full name and alias (short forms hold no place)."""
    for a in yaml.safe_load(path.read_text(encoding="utf-8")):
        if isinstance(a, dict):
            for name in [a.get("name_ar"), *(a.get("aliases") or [])]:
                if name:
                    yield a["id"], name


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prep-only", action="store_true", help="only a place after a place preposition")
    ap.add_argument("--no-country", action="store_true", help="leave out places that are whole countries")
    args = ap.parse_args(argv)
    prep = None
    if args.prep_only:
        prep = yaml.safe_load((KNOWLEDGE / "open_actors.yaml").read_text(encoding="utf-8"))["place_prepositions"][0]
    names = gazetteer()
    n = 0
    for aid, name in actor_names():
        for words, pid, kind in places_in(name, names, prep):
            if args.no_country and kind == "country":
                continue
            n += 1
            print(f"{aid}\t{name}\t{words}\t{pid}\t{kind}")
    print(f"{n} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
