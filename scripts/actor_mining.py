#!/usr/bin/env python3
"""Which actors unseen reports will name, counted on the unlabelled news (issue 8, branch kbactors).

    python scripts/actor_mining.py --per-corpus 2000            # 2,000 + 2,000 articles, seed 8
    python scripts/actor_mining.py --per-corpus 500 --top 60 --json /tmp/actors.json

Runs the whole pipeline over a fixed random sample of ../shared/data/news (SaudiNewsNet 2015) and
../shared/data/news2 (Al Mayadeen 2023-24), drawn (``--seed``) among the articles that carry at least
three conflict words, and ranks by **document frequency** (articles of each corpus):

1. ``unlinked``: ACTOR mentions rasd keeps without a knowledge-base actor (the CRF's ORG spans, open
   actors such as "جنود سوريين", unknown organisations after a head word), by folded form;
2. ``heads``: spans of up to three words after an actor head word (the ``org_heads`` of
   rasd/knowledge/lexicon.yaml and the force heads of open_actors.yaml, plus the few heads listed
   below) whose head is covered by no knowledge-base ACTOR mention: candidates the knowledge base lacks;
3. ``linked``: the knowledge-base actors rasd links, with the forms it links them by, so the
   frequent ones can be read for false links (a place, a person, a generic word, a medium or monitor
   that corpus/dev/NOTES.md calls an attribution, not an actor);
4. ``other_country``: linked forms whose actor belongs to another country than the report's
   (``rasd.stages.link.report_country``), by "actor | form | report country": candidates for a
   country-wrong link (Syria's militias in a Yemeni report) among the many right ones (a foreign
   state's forces, a coalition's air force), to be read by eye.

It also prints how many of the sample's ACTOR mentions carry a knowledge-base id (the figure the
knowledge files move). Prints figures and a reproducible KWIC line per row, asserts nothing; the news
text is read at run time and nothing of it is written into the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

from rasd.arabic.normalize import fold_str, strip_article  # noqa: E402
from rasd.doc import Doc  # noqa: E402
from rasd.errors import RasdError  # noqa: E402
from rasd.pipeline import default_pipeline  # noqa: E402
from _shared import data_or_exit  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "rasd" / "knowledge"
# A script, not stage code: the words that pick conflict articles for the sample (three distinct
# ones, folded) and the head words the knowledge files do not list as organisation heads.
CONFLICT = ["قتل", "مقتل", "غاره", "غارات", "قصف", "هجوم", "اشتباكات", "مسلحين", "مسلحون", "انفجار",
            "قوات", "الجيش", "عسكري", "عسكريه", "جنود", "صواريخ", "استهداف", "معارك", "اعتقال", "مسيره"]
EXTRA_HEADS = ["الحشد", "التحالف", "المقاومه", "الجماعه", "التنظيم", "الحركه", "الحزب", "الميليشيات",
               "المليشيات", "الفصائل", "فصائل", "الكتائب", "الالويه", "الجبهه", "الفيلق", "الحرس", "المجلس",
               "الهيئه", "قوي", "جيش", "الجيش", "سرايا", "السرايا", "حكومه", "الحكومه", "وزاره", "السلطات",
               "سلطات", "مقاتلي", "مقاتلو", "عناصر", "مسلحي", "مسلحو", "حرس", "شرطه", "الشرطه", "جهاز"]
STOP = set(".،,:؛;!?؟()[]«»\"'")


def _conflict(key: str) -> bool:
    words = set(key.split())
    return sum(1 for w in CONFLICT if w in words) >= 3


def read_news(data: Path):
    """(ref, title, content, date) of every SaudiNewsNet article but the held-out reports (rasd.kb.heldout)."""
    from rasd.kb.heldout import held_out

    skip = held_out(data)
    for z in sorted((data / "news").glob("*.zip")):
        with zipfile.ZipFile(z) as archive:
            for member in sorted(archive.namelist()):
                if member.endswith(".json"):
                    for i, a in enumerate(json.loads(archive.read(member))):
                        if (a.get("content") or "") in skip:
                            continue
                        yield (f"shared:news/{z.name}#{i}", a.get("title") or "", a.get("content") or "",
                               (a.get("date_extracted") or "")[:10] or None)


def read_news2(data: Path):
    """(ref, title, content, date) of every Al Mayadeen article but the held-out reports."""
    from rasd.kb.heldout import held_out

    skip = held_out(data)
    for shard in sorted((data / "news2").glob("*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if (a.get("content") or "") in skip:
                    continue
                yield (f"shared:news2/{shard.name}#{a['id']}", a.get("title") or "", a.get("content") or "",
                       a.get("published") or None)


def sample(data: Path, corpus: str, n: int, seed: int) -> list[tuple[str, str, str, str | None]]:
    reader = {"news": read_news, "news2": read_news2}[corpus]
    pool = [a for a in reader(data) if a[2] and _conflict(fold_str(a[2][:3000]))]
    rnd = random.Random(seed)
    return rnd.sample(pool, min(n, len(pool)))


def heads() -> set[str]:
    """Folded head words without the article: the knowledge files' org and force heads + EXTRA_HEADS."""
    lex = yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8"))
    opn = yaml.safe_load((KNOWLEDGE / "open_actors.yaml").read_text(encoding="utf-8"))
    words = list(lex.get("org_heads", [])) + list(lex.get("org_heads_bare", []))
    for h in opn.get("heads", []):
        words += h["words"]
    words += EXTRA_HEADS
    return {strip_article(fold_str(w)) for w in words} - {""}


def _bare(key: str, hs: set[str]) -> str | None:
    """The head a folded word reads as, with a conjunction and/or a preposition and the article off."""
    forms = [key]
    if key[:1] in "وف" and len(key) > 3:
        forms.append(key[1:])
    for f in list(forms):
        if f[:1] in "بلك" and len(f) > 3:
            forms.append(f[1:])
        if f.startswith("لل"):
            forms.append("ال" + f[2:])
    for f in forms:
        s = strip_article(f)
        if s in hs:
            return s
    return None


def kwic(text: str, s: int, e: int, width: int = 45) -> str:
    return " ".join((text[max(0, s - width):s] + "[" + text[s:e] + "]" + text[e:e + width]).split())


class Tally:
    """Document frequencies per corpus, one example per key."""

    def __init__(self):
        self.docs: dict[str, Counter] = defaultdict(Counter)   # key → corpus → documents
        self.forms: dict[str, Counter] = defaultdict(Counter)  # key → surface form → mentions
        self.example: dict[str, str] = {}
        self.info: dict[str, str] = {}

    def add_doc(self, corpus: str, seen: dict[str, tuple[str, str]]) -> None:
        for key, (form, ex) in seen.items():
            self.docs[key][corpus] += 1
            self.example.setdefault(key, ex)

    def ranked(self) -> list[tuple[str, int]]:
        return sorted(((k, sum(c.values())) for k, c in self.docs.items()), key=lambda x: (-x[1], x[0]))


def run_articles(pipe, articles, rejected=None):
    """(ref, doc) of each sample article the pipeline reads (doc_id from the ref); an article it
    refuses with a RasdError is passed over, counted by ``rejected()`` when given."""
    for ref, title, content, published in articles:
        try:
            yield ref, pipe.run(content, title=title, published=published,
                                doc_id=ref.replace(":", "_").replace("/", "_").replace("#", "_"))
        except RasdError:
            if rejected is not None:
                rejected()


def mine(pipe, corpus: str, articles, hs: set[str], tallies: dict, totals: Counter, res=None) -> None:
    """Tally one corpus's articles; ``res`` (default: the pipeline's) gives the knowledge base and the
    gazetteer the report country is read with."""
    from rasd.stages.link import country_votes, report_country

    res = res if res is not None else pipe.stages[0].resources

    def place(pid):
        try:
            return res.gazetteer.get(pid)
        except KeyError:
            return None

    def rejected():
        totals[f"{corpus}:rejected"] += 1

    for ref, doc in run_articles(pipe, articles, rejected):
        totals[f"{corpus}:docs"] += 1
        text = doc.text   # only what reaches the output: a short form no full name resolves is dropped
        linked_tok: set[int] = set()
        seen = {"unlinked": {}, "linked": {}, "heads": {}, "other_country": {}}
        country = report_country(country_votes(doc.mentions, place))
        for m in (m for e in doc.entities if e.type == "ACTOR" for m in e.mentions):
            totals[f"{corpus}:actor_mentions"] += 1
            if m.kb_id:
                totals[f"{corpus}:linked"] += 1
                linked_tok.update(range(*m.tok))
                form = fold_str(m.text)
                tallies["linked"].forms[m.kb_id][form] += 1
                seen["linked"].setdefault(m.kb_id, (form, kwic(text, m.start, m.end)))
                fkey = f"{m.kb_id} | {form}"
                tallies["linked_forms"].forms[fkey][form] += 1
                seen.setdefault("linked_forms", {}).setdefault(fkey, (form, kwic(text, m.start, m.end)))
                actor = res.kb.get(m.kb_id)
                if country and actor is not None and actor.country and actor.country != country:
                    seen["other_country"].setdefault(f"{fkey} | {country}", (form, kwic(text, m.start, m.end)))
            else:
                src = ("ner" if (m.why or "").startswith("statistical NER") else
                       "open" if m.nominal else "pattern" if m.pattern else "other")
                totals[f"{corpus}:unlinked:{src}"] += 1
                key = strip_article(fold_str(m.text))
                tallies["unlinked"].forms[key][m.text] += 1
                tallies["unlinked"].info[key] = src
                seen["unlinked"].setdefault(key, (m.text, kwic(text, m.start, m.end)))
        toks = doc.tokens
        for i, t in enumerate(toks):
            h = _bare(t.key, hs)
            if h is None or i in linked_tok:
                continue
            words = [h]
            for j in range(i + 1, min(i + 4, len(toks))):
                gap = text[toks[j - 1].end:toks[j].start]
                if any(c in STOP for c in gap) or j in linked_tok:
                    break
                words.append(toks[j].key)
                key = " ".join(words)
                seen["heads"].setdefault(key, (text[t.start:toks[j].end], kwic(text, t.start, toks[j].end)))
        for name, s in seen.items():
            tallies[name].add_doc(corpus, s)


def report(tallies: dict, totals: Counter, corpora: list[str], top: int, min_docs: int) -> None:
    print("# ACTOR mentions in the sample")
    for c in corpora:
        n, k = totals[f"{c}:actor_mentions"], totals[f"{c}:linked"]
        un = {s: totals[f"{c}:unlinked:{s}"] for s in ("ner", "open", "pattern", "other")}
        print(f"{c}: {totals[f'{c}:docs']} docs, {n} ACTOR mentions, {k} linked to the KB "
              f"({100 * k / max(n, 1):.1f} %), unlinked by source {un}")
    for name, title in (("linked", "knowledge-base actors linked (documents)"),
                        ("linked_forms", "linked forms (documents): read for false links"),
                        ("unlinked", "ACTOR mentions with no knowledge-base actor (documents)"),
                        ("other_country", "linked forms of another country's actor than the report's (documents)"),
                        ("heads", "spans after a head word, no KB actor over the head (documents)")):
        t = tallies[name]
        print(f"\n# {title}\n" + "\t".join(["docs", *corpora, "key", "src/forms", "example"]))
        shown = 0
        for key, n in t.ranked():
            if n < min_docs or shown >= top:
                break
            if name == "heads" and len(key.split()) < 2:
                continue
            shown += 1
            per = [str(t.docs[key][c]) for c in corpora]
            extra = (t.info.get(key, "") if name == "unlinked" else
                     ", ".join(f for f, _ in t.forms[key].most_common(4)) if name == "linked" else "")
            print("\t".join([str(n), *per, key, extra, t.example.get(key, "")]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--corpus", choices=["news", "news2"], action="append")
    ap.add_argument("--per-corpus", type=int, default=2000, help="articles per corpus (default 2000)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--top", type=int, default=150, help="rows per table")
    ap.add_argument("--min-docs", type=int, default=3, help="leave out keys in fewer documents")
    ap.add_argument("--json", type=Path, help="also write every count here")
    args = ap.parse_args(argv)
    corpora = args.corpus or ["news", "news2"]
    pipe = default_pipeline()
    hs = heads()
    tallies = defaultdict(Tally)
    totals: Counter = Counter()
    for c in corpora:
        mine(pipe, c, sample(data_or_exit(args.data), c, args.per_corpus, args.seed), hs, tallies, totals)
    report(tallies, totals, corpora, args.top, args.min_docs)
    if args.json:
        args.json.write_text(json.dumps({
            "totals": totals,
            **{name: {k: dict(t.docs[k]) for k, _ in t.ranked()} for name, t in tallies.items()}},
            ensure_ascii=False, indent=0), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
