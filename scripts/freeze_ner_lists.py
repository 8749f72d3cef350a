"""Freeze the CRF's gazetteer-like feature lists at the knowledge as it is now (rasd/ner/frozen_lists.json).

    .venv/bin/python scripts/freeze_ner_lists.py --version "knowledge at <commit>"

The CRF's features read the world list's place names, the knowledge base's names and the lexicon's
word lists (rasd.ner.features.LISTS) from that file, not from rasd/knowledge, so that an edit of the
knowledge does not retrain the CRF into other person spans (README.md, the NER section: frozen feature lists).
Rewrite it only on purpose: then reinstall (`rasd data install --from ../shared/data`), measure
`rasd eval ner` and PERSON/PLACE on seed, dev and train before and after, and commit the figures.
"""
from __future__ import annotations

import argparse
import json


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--version", required=True, help="which knowledge the lists are frozen at (a commit)")
    args = ap.parse_args()
    from rasd.kb.gazetteer import load_gazetteer
    from rasd.kb.knowledge import load_kb
    from rasd.ner.resources import FROZEN, frozen_lists

    data = frozen_lists(load_gazetteer(), load_kb(), args.version)
    FROZEN.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {FROZEN}: {len(data['world'])} world place words, {len(data['kb'])} knowledge-base words, "
          f"{sum(map(len, data['lists'].values()))} list words")


if __name__ == "__main__":
    main()
