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

Branch place4 adds:

- ``country_side``: such a part placed at the median of the farther half of the country's known
  places on that side (``country_region`` counts the older fallbacks);
- ``report_country``: a namesake chosen because it lies in the country the report is about (the
  ranking's ``country`` feature deciding, or a Syrian namesake giving way in ``_country_prior``);
- ``border``: a border named by two states' adjectives (الحدود السورية التركية), and where it is placed;
- ``facility_type``: what a facility serves joined to its type word (حقل غاز X، محطة كهرباء X);
- ``facility_kind``: a facility kind with no name after it, which no longer makes a place (محطة كهرباء).

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
    OP._OpenPlaces.unname = watch("facility_kind", OP._OpenPlaces.unname,
                                  lambda out, self, k: kwic(self.doc.text, out.start, out.end))

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
                if m.region and "the median of the farther half" in why:
                    fired["country_side"].append(kwic(doc.text, m.start, m.end) + f"  → {e.geo['lat']}, {e.geo['lon']}")
                if "where it lies" in why or "rather than the Syrian one" in why:
                    fired["report_country"].append(kwic(doc.text, m.start, m.end) + f"  → {e.name_en}")
                if m.why and m.why.startswith("a border named by"):
                    fired["border"].append(kwic(doc.text, m.start, m.end) + f"  → {e.geo.get('lat')}, {e.geo.get('lon')}")
                if m.facility and m.why and m.why.startswith("a name after the facility word '") \
                        and " " in m.why.split("'")[1]:
                    fired["facility_type"].append(kwic(doc.text, m.start, m.end))
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
    report(n, fired, ("outlet", "definite_cue", "bare_actor_seen", "bare_actor", "dropped", "type_word", "country_region",
                      "country_side", "report_country", "border", "facility_type", "facility_kind"), args.kwic, args.seed)


if __name__ == "__main__":
    main()
