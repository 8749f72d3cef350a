#!/usr/bin/env python3
"""Places the unlabelled news names that rasd misses or places wrongly, ranked by document frequency.

    .venv/bin/python scripts/place_mining.py [--news 2000] [--news2 2000] [--top 40] [--save counts.json]

Issue 8 item 4 (branch kbplaces). rasd runs over a fixed sample of ../shared/data/news (SaudiNewsNet
2015: every k-th article of the 18 daily zips) and ../shared/data/news2 (Al Mayadeen 2023-24: every
k-th article of the 5 shards), each read and cleaned as `rasd ingest` does. For every article it
counts, once per article (document frequency), per country the report is about:

(a) **missed**: names rasd does not output as a place, or outputs with no coordinates:
    - ``crf``: the spans the NER model (rasd.ner, the CRF `rasd data install` trains) tags LOC when
      it reads every sentence whole (the pipeline spends it only where its gate says);
    - ``cue``: the word or two words after a place head word (the facility, settlement and feature
      cue words of rasd/knowledge/open_places.yaml: مدينة، بلدة، قرية، محافظة، مخيم، معبر، مطار …);
    each is ``absent`` (no mention covers it), ``unplaced`` (a place without coordinates) or
    ``other`` (another entity: a state acting is an ACTOR, rasd's reading; counted, not printed);
(b) **output**: the places rasd outputs with coordinates, by gazetteer id, to read the frequent
    ones for words that are no place.

The country of a report is the one most of its placed places lie in (world ids carry their
country's code; the Syrian gazetteers' ids are Syria); "??" when it places none. The totals at the
end (place mentions output, with and without coordinates) are the before/after measure of a
knowledge change; ``--save`` writes every count as JSON for a later comparison (``--compare``).

Nothing is copied from ../shared: the text is read at run time and only counts and names printed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"news": 31018, "news2": 8341}   # articles in each corpus (../shared/README.md)


def options() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=2000, help="articles of SaudiNewsNet 2015 to read")
    ap.add_argument("--news2", type=int, default=2000, help="articles of Al Mayadeen 2023-24 to read")
    ap.add_argument("--offset", type=int, default=0, help="start the k-th-article draw this many articles in "
                    "(a fresh sample beside the default one, e.g. 7)")
    ap.add_argument("--top", type=int, default=40, help="names to print per list and country")
    ap.add_argument("--min-df", type=int, default=3, help="print a name only when this many articles name it")
    ap.add_argument("--countries", default="", help="comma-separated report countries to print (default: all "
                    "with a list)")
    ap.add_argument("--save", type=Path, help="write the counts as JSON here")
    ap.add_argument("--compare", type=Path, help="a --save file of an earlier run: print its totals beside these")
    ap.add_argument("--quiet", action="store_true", help="print only the totals")
    return ap.parse_args()


def _news2(folder: Path) -> Iterator:
    from rasd.ingest import jsonl

    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rb") as fh:
            yield from jsonl.read(path.name, fh.read())


def sample(shared: Path, n_news: int, n_news2: int, offset: int = 0) -> Iterator:
    """Every k-th raw report of each corpus, k chosen so about ``n`` are read, in a fixed order,
    starting ``offset`` reports in (below k: a sample disjoint from the default one)."""
    from rasd.ingest.sources import read_source
    from rasd.kb.heldout import held_out

    skip = held_out(shared / "data")   # the project's held-out reports are never counted
    for name, n in (("news", n_news), ("news2", n_news2)):
        if n <= 0:
            continue
        stride = max(1, SIZES[name] // n)
        folder = shared / "data" / name
        items = read_source(str(folder)) if name == "news" else _news2(folder)
        for raw in islice(islice(items, offset % stride, None, stride), n):
            if getattr(raw, "text", None) not in skip:
                yield name, raw


def reports(shared: Path, n_news: int, n_news2: int, offset: int = 0) -> Iterator:
    """(corpus, prepared report) of :func:`sample`, rejected inputs skipped (as `rasd ingest` would)."""
    from rasd.ingest.prepare import prepare
    from rasd.ingest.records import Rejected

    for corpus, raw in sample(shared, n_news, n_news2, offset):
        if not isinstance(raw, Rejected) and not isinstance(report := prepare(raw), Rejected):
            yield corpus, report


def country_of(kb_id: str | None, place_id: str | None) -> str | None:
    """The country code of a placed place: a world id's prefix (``world:lb-tyre`` → lb, ``world:lb``
    → lb, ``world:zz-…`` → None), Syria for the Syrian gazetteers."""
    if kb_id and kb_id.startswith("world:"):
        code = kb_id[6:].split("-", 1)[0]
        return None if code == "zz" else code
    if kb_id or place_id:
        return "sy"
    return None


class Miner:
    """Counts over the sample (see the module doc); ``add`` takes one extracted Doc."""

    def __init__(self, resources):
        from rasd.arabic.normalize import fold_str
        from rasd.kb.yamlfile import load

        kb = load("open_places")
        words = [*kb["facility_cues"], *kb["settlement_cues"], *kb["feature_cues"], *kb["plural_cues"],
                 *kb["dual_cues"]]
        self.cues = frozenset(fold_str(w) for w in words)
        self.stop = frozenset(fold_str(w) for w in [*kb["not_names"], *kb["not_after"], *kb["container_links"],
                                                    *kb["list_preps"]])
        self.ner = resources.ner_tagger
        self.missed: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))  # kind → country → name
        self.output: dict[str, Counter] = defaultdict(Counter)     # country → "id name"
        self.forms: dict[str, Counter] = defaultdict(Counter)      # name key → as written
        self.totals: Counter = Counter()

    # -- one document ----------------------------------------------------------------------------
    def add(self, corpus: str, doc) -> None:
        from rasd.stages.ner import _tokens, _window

        toks = doc.tokens
        places = [e for e in doc.entities if e.type == "PLACE"]
        where = {}   # token index → True when a placed place covers it, False when an unplaced one
        for e in doc.entities:   # a country or capital acting (an ACTOR) is rasd's reading, not a miss
            if e.type != "PLACE":
                for m in e.mentions:
                    for k in range(*m.tok):
                        where.setdefault(k, None)
        countries: Counter = Counter()
        seen_out = set()
        for e in places:
            placed = bool(e.geo and e.geo.get("lat") is not None)
            for m in e.mentions:
                self.totals[f"{corpus} place mentions"] += 1
                self.totals[f"{corpus} placed mentions"] += placed
                for k in range(*m.tok):
                    where[k] = where.get(k, False) or placed
            if placed:
                c = country_of(e.kb_id, (e.geo or {}).get("id"))
                if c:
                    countries[c] += len(e.mentions)
                seen_out.add((c or "zz", f"{e.kb_id or '-'} {e.name_ar}"))
        self.totals[f"{corpus} articles"] += 1
        country = countries.most_common(1)[0][0] if countries else "??"
        for c, name in seen_out:
            self.output[country][name] += 1
        found: set[str] = set()   # "kind\tname", once per document
        # (a) the CRF's LOC spans over every sentence, read whole
        starts, ends = [t.start for t in toks], [t.end for t in toks]
        jobs = []
        lo = 0
        for s_start, s_end in doc.sentences:
            a = lo
            while a < len(toks) and toks[a].end <= s_start:
                a += 1
            b = a
            while b < len(toks) and toks[b].start < s_end:
                b += 1
            lo = b
            if a < b:
                jobs.append(_window(doc, a, b, s_end, starts, ends))
        for window, spans in zip(jobs, self.ner.tagger.spans_many([j[0] for j in jobs])):
            sent = _tokens(*window)
            for sp in spans:
                if sp.cls != "LOC" or sp.confidence < 0.5:
                    continue
                words = [t.word for t in sent[sp.start:sp.end] if t.word is not None]
                if words:
                    self._candidate(found, "crf", doc, words[0], words[-1] + 1, where)
        # (a) one or two words after a head word
        for k, t in enumerate(toks[:-1]):
            if not self._is_cue(t.key):
                continue
            j = k + 1
            if toks[j].key in self.cues or toks[j].key in self.stop or not _joined(doc, t, toks[j]):
                continue
            self._candidate(found, "cue", doc, j, j + 1, where)
            if j + 1 < len(toks) and toks[j + 1].key not in self.stop and toks[j + 1].key not in self.cues \
                    and _joined(doc, toks[j], toks[j + 1]):
                self._candidate(found, "cue", doc, j, j + 2, where)
        for kind_name in found:
            kind, _, name = kind_name.partition("\t")
            self.missed[kind][country][name] += 1

    def _is_cue(self, key: str) -> bool:
        if key in self.cues:
            return True
        return len(key) > 3 and key[0] in "وفبل" and key[1:] in self.cues

    def _candidate(self, found, source: str, doc, i: int, j: int, where: dict) -> None:
        states = [where.get(k, "-") for k in range(i, j)]
        if any(s is True for s in states):
            return
        kind = "unplaced" if any(s is False for s in states) else "other" if None in states else "absent"
        key = _name_key([t.key for t in doc.tokens[i:j]])
        if not key:
            return
        self.forms[key][doc.text[doc.tokens[i].start:doc.tokens[j - 1].end]] += 1
        found.add(f"{source}-{kind}\t{key}")

    # -- printing --------------------------------------------------------------------------------
    def written(self, key: str) -> str:
        """The name as the news writes it most often (the folded key when a clitic was taken off)."""
        form = self.forms[key].most_common(1)[0][0] if self.forms.get(key) else key
        return form if len(form) == len(key) else key

    def to_json(self) -> dict:
        return {"totals": dict(self.totals),
                "missed": {k: {c: dict(v) for c, v in by.items()} for k, by in self.missed.items()},
                "output": {c: dict(v) for c, v in self.output.items()}}


def _joined(doc, a, b) -> bool:
    """Two words with only white space between them (no comma, quote mark or full stop)."""
    return not doc.text[a.end:b.start].strip()


def _name_key(keys: list[str]) -> str:
    """The folded name without the conjunction و or a preposition glued to the article of its first
    word (وبالموصل, للموصل → الموصل); و is taken off only when four letters or more stay, and ب or
    ل only before the article, so بغداد, فلوريدا and كاليفورنيا keep their first letter."""
    first = keys[0]
    if len(first) > 4 and first[0] == "و":
        first = first[1:]
    if first.startswith("بال") and len(first) > 4:
        first = first[1:]
    elif first.startswith("لل") and len(first) > 4:
        first = "ا" + first[1:]
    return " ".join([first, *keys[1:]])


def print_counts(miner: Miner, top: int, min_df: int, only: set[str]) -> None:
    by_country = Counter()
    for by in miner.missed.values():
        for c, names in by.items():
            by_country[c] += sum(names.values())
    for kind in sorted(k for k in miner.missed if not k.endswith("-other")):
        for c, _ in by_country.most_common():
            names = miner.missed[kind].get(c)
            if not names or (only and c not in only):
                continue
            rows = [(n, df) for n, df in names.most_common(top) if df >= min_df]
            if rows:
                print(f"\n== {kind} · reports about {c}")
                print("   " + " · ".join(f"{miner.written(n)} {df}" for n, df in rows))
    for c, _ in by_country.most_common():
        if only and c not in only:
            continue
        rows = [(n, df) for n, df in miner.output.get(c, Counter()).most_common(top) if df >= min_df]
        if rows:
            print(f"\n== output (placed) · reports about {c}")
            print("   " + " · ".join(f"{n} {df}" for n, df in rows))


def print_totals(totals: Counter, before: dict | None) -> None:
    print("\n== totals" + (" (before → now)" if before else ""))
    for corpus in ("news", "news2"):
        n = totals[f"{corpus} articles"]
        if not n:
            continue
        m, p = totals[f"{corpus} place mentions"], totals[f"{corpus} placed mentions"]
        line = f"   {corpus}: {n} articles, {m} place mentions, {p} with coordinates ({100 * p / max(m, 1):.1f} %)"
        if before:
            bm, bp = before.get(f"{corpus} place mentions", 0), before.get(f"{corpus} placed mentions", 0)
            line += f"; before {bm} mentions, {bp} with coordinates ({100 * bp / max(bm, 1):.1f} %)"
        print(line)


def main() -> None:
    args = options()
    sys.path.insert(0, str(ROOT / "scripts"))
    from rasd.pipeline import default_pipeline
    from _shared import shared_or_exit

    shared = shared_or_exit()
    pipe = default_pipeline()
    miner = Miner(pipe.stage("ner").resources)
    for corpus, report in reports(shared, args.news, args.news2, args.offset):
        doc = pipe.run(report.text, outlet=report.outlet, url=report.url, published=report.published,
                       title=report.title, doc_id=report.doc_id or report.sha[:16])
        miner.add(corpus, doc)
    if not args.quiet:
        only = {c for c in args.countries.split(",") if c}
        print_counts(miner, args.top, args.min_df, only)
    before = json.loads(args.compare.read_text(encoding="utf-8"))["totals"] if args.compare else None
    print_totals(miner.totals, before)
    if args.save:
        args.save.write_text(json.dumps(miner.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
