#!/usr/bin/env python3
"""How often each place rule of issue 8 item 4 (branch place3) fires over the unlabelled news, and on what.

    .venv/bin/python scripts/place_rules.py [--limit 1000] [--kwic 12] [--seed 8]

The sample is the snapshot's (scripts/snapshot.py: every 44th SaudiNewsNet article and every 27th
Al Mayadeen article, read and cleaned as `rasd ingest` does). Each rule is watched by wrapping the
function that decides it, so the counts are what the pipeline does, not a regular expression:

- ``outlet``: a news outlet's name with the preposition ل is the outlet, not a town (قال للميادين);
- ``definite_cue``: a type word with the article heads no name (المنطقة ستنفجر);
- ``bare_actor``: قاعدة without the article before a name is a base, not al-Qaeda (``bare_actor_seen``:
  every such word looked at; ``bare_actor``: the bases it became);
- ``dropped``: a Syrian-only namesake with no type word, in a report about another country;
- ``type_word``: a type word joined to a place mention's span (محافظة الحديدة), name kept bare;
- ``country_region``: a direction from a country kept as a region of its own (شرقي سوريا).

It prints each rule's count and a reproducible random sample of contexts to read. Nothing is
copied from ../shared: the text is read at run time.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from sample_rules import kwic, options, report, run_sample  # noqa: E402


def main() -> None:
    args = options(__doc__.splitlines()[0])

    from rasd.stages import geocode as G
    from rasd.stages import open_places as OP
    from rasd.stages.mentions import places as P

    fired: dict[str, list[str]] = defaultdict(list)
    current: dict[str, object] = {}

    def watch(name: str, fn, where):
        def wrapped(*a, **k):
            out = fn(*a, **k)
            if out:
                fired[name].append(where(out, *a))
            return out
        return wrapped

    def tok_ctx(f, i):
        t = f.toks[i]
        return kwic(f.doc.text, t.start, t.end)

    P.outlet_told = watch("outlet", P.outlet_told, lambda out, f, i, *r: tok_ctx(f, i))
    P._definite_cue = watch("definite_cue", P._definite_cue, lambda out, f, i: tok_ctx(f, i + 1))
    base_words = set()

    def bare(out, self, i):
        base_words.add(self.toks[i].key)
        return kwic(self.doc.text, out.start, out.end)
    OP._OpenPlaces.bare_actor = watch("bare_actor_seen", OP._OpenPlaces.bare_actor, bare)

    def dropped_ctx(out, places, *r):
        doc = current["doc"]
        return " | ".join(kwic(doc.text, e.mentions[0].start, e.mentions[0].end) for e in places if e.id in out)
    G._country_prior = watch("dropped", G._country_prior, dropped_ctx)

    from rasd.pipeline import default_pipeline
    pipe = default_pipeline()
    run = pipe.run

    def run_and_count(text, *a, **k):
        doc = run(text, *a, **k)
        current["doc"] = doc
        for e in doc.entities:
            for m in e.mentions if e.type == "PLACE" else ():
                if m.facility and m.pattern and doc.tokens[m.tok[0]].key in base_words:
                    fired["bare_actor"].append(kwic(doc.text, m.start, m.end))
                if m.name and m.name != m.text and not m.facility and not m.region:
                    fired["type_word"].append(kwic(doc.text, m.start, m.end))
                why = (e.geo or {}).get("why") or ""
                if m.region and ("the country's point moved" in why or why.endswith("coded to the country")
                                 or "coded to the country (too few" in why):
                    fired["country_region"].append(kwic(doc.text, m.start, m.end))
        return doc
    pipe.run = run_and_count
    # the geocode stage reads the document through the pipeline; keep the last one for contexts
    geo_stage = pipe.stage("geocode")
    call = type(geo_stage).__call__

    def geo_call(self, doc):
        current["doc"] = doc
        return call(self, doc)
    type(geo_stage).__call__ = geo_call

    n = run_sample(args.limit)
    report(n, fired, ("outlet", "definite_cue", "bare_actor_seen", "bare_actor", "dropped", "type_word", "country_region"), args.kwic, args.seed)


if __name__ == "__main__":
    main()
