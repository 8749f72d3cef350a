#!/usr/bin/env python3
"""How often a knowledge entry fires over the unlabelled news, and on what (KWIC).

Every lexicon change (a trigger form, a cue word, a place name) is checked here for precision
before it is kept (issue 8, item 6): the script counts the entry's matches over SaudiNewsNet 2015
(../shared/data/news, daily zips) and Al Mayadeen 2023-24 (../shared/data/news2, jsonl.gz shards)
and prints a reproducible random sample of the contexts it fires in, in the original spelling.

Matching follows the knowledge files (rasd/knowledge/triggers.yaml and lexicon.yaml): text and
forms are folded with rasd's own key (rasd.arabic.normalize.fold_str: hamza/alef, ة/ه, ى/ي,
diacritics); a word may carry the proclitics و ف ب ل ك and the article (وبال…، لل…); a trailing
``*`` matches any ending; a form of several words is a phrase. ``--exact`` turns proclitics off.

Examples::

    python scripts/lexicon_fires.py "أوقف*" "أوقفت" --kwic 25
    python scripts/lexicon_fires.py --world ps-jenin --kwic 20
    python scripts/lexicon_fires.py --counts -f names.txt          # one form per line, a table
    python scripts/lexicon_fires.py "احتشد*" --corpus news2 --limit 3000
    python scripts/lexicon_fires.py "إطلاق" --near "سراح,الأسرى" --window 3   # as needs_near

The news text is read at run time from ../shared/data (or --data); nothing is copied.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import data_or_exit, held_out_of  # noqa: E402

from rasd.arabic.normalize import fold, fold_str  # noqa: E402
from rasd.kb.heldout import HeldOut  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Proclitics a word may carry: a conjunction, then a preposition and/or the article.
_PROCLITICS = r"(?:[وف])?(?:[بك]ال|[بلك]|لل|ال)?"


@dataclass
class Article:
    corpus: str
    ref: str          # shared:news/<day>.zip#<n> or shared:news2/<shard>#<id> (rasd.eval.gold refs)
    text: str
    key: str = ""


@dataclass
class Fires:
    form: str
    pattern: re.Pattern
    core: str = ""                                # a literal every match contains (a fast pre-filter)
    near: re.Pattern | None = None                # triggers.yaml needs_near: one of these must follow
    window: int = 3
    count: dict = field(default_factory=dict)     # corpus → matches
    docs: dict = field(default_factory=dict)      # corpus → articles with a match
    hits: list = field(default_factory=list)      # (article index, key start, key end)


def form_regex(form: str, exact: bool = False) -> re.Pattern:
    """A regex over folded text for one knowledge form (words; a trailing * = any ending)."""
    words = fold_str(form).split()
    if not words:
        raise ValueError(f"empty form {form!r}")
    parts = []
    for n, w in enumerate(words):
        star = w.endswith("*")
        w = w.rstrip("*")
        body = re.escape(w)
        if w.startswith("ال") and not exact:
            body = f"(?:{body}|{re.escape('ل' + w[1:])})"   # للقصف = ل + القصف
        pre = "" if exact else _PROCLITICS
        parts.append(pre + body + (r"\w*" if star else ""))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def core_of(form: str) -> str:
    """The longest literal every match of the form contains (its longest word, article and * off)."""
    words = [w.rstrip("*") for w in fold_str(form).split()]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    return max(words, key=len)


def near_regex(words: list[str], exact: bool = False) -> re.Pattern:
    """One of the needs_near words (proclitics allowed, as in triggers.yaml)."""
    return re.compile("|".join(f"(?:{form_regex(w, exact).pattern})" for w in words))


_TOKEN = re.compile(r"\w+")


def near_ok(key: str, end: int, near: re.Pattern, window: int) -> bool:
    """One of the near words is among the `window` words after the match, in its sentence
    (the window of triggers.yaml's needs_near; a full stop or a new line ends the sentence)."""
    stop = len(key)
    for ch in ".!?\n":
        i = key.find(ch, end)
        if 0 <= i < stop:
            stop = i
    toks = _TOKEN.findall(key, end, stop)[:window]
    return any(near.fullmatch(t) for t in toks)


def read_news(data: Path, limit: int | None, skip: HeldOut | None = None):
    """SaudiNewsNet: each daily zip holds one JSON list of articles (title + content); the held-out
    reports (``skip``, default: those found under ``data``) are left out."""
    skip = held_out_of(data, skip)
    n = 0
    for z in sorted((data / "news").glob("*.zip")):
        with zipfile.ZipFile(z) as archive:
            for member in archive.namelist():
                if not member.endswith(".json"):
                    continue
                for i, a in enumerate(json.loads(archive.read(member))):
                    if limit is not None and n >= limit:
                        return
                    if (a.get("content") or "") in skip:
                        continue
                    n += 1
                    yield Article("news", f"shared:news/{z.name}#{i}",
                                  f"{a.get('title') or ''}\n{a.get('content') or ''}")


def read_news2(data: Path, limit: int | None, skip: HeldOut | None = None):
    """Al Mayadeen: gzip JSON Lines shards (id, title, content); the held-out reports (``skip``) are
    left out."""
    skip = held_out_of(data, skip)
    n = 0
    for shard in sorted((data / "news2").glob("*.jsonl.gz")):
        with gzip.open(shard, "rt", encoding="utf-8") as f:
            for line in f:
                if limit is not None and n >= limit:
                    return
                a = json.loads(line)
                if (a.get("content") or "") in skip:
                    continue
                n += 1
                yield Article("news2", f"shared:news2/{shard.name}#{a['id']}",
                              f"{a.get('title') or ''}\n{a.get('content') or ''}")


def load(data: Path, corpora: list[str], limit: int | None, skip: HeldOut | None = None) -> list[Article]:
    """The articles of ``corpora`` (at most ``limit`` of each), never a held-out report (``skip``,
    default: those found under ``data``)."""
    readers = {"news": read_news, "news2": read_news2}
    skip = held_out_of(data, skip)
    out = []
    for c in corpora:
        if not (data / c).is_dir():
            sys.exit(f"no {data / c}: pass --data to the folder that holds news/ and news2/")
        out.extend(readers[c](data, limit, skip))
    for a in out:
        a.key = fold_str(a.text)
    return out


def count(articles: list[Article], fires: list[Fires], corpora: list[str]) -> None:
    for f in fires:
        f.count = {c: 0 for c in corpora}
        f.docs = {c: 0 for c in corpora}
    for i, a in enumerate(articles):
        for f in fires:
            if f.core not in a.key:
                continue
            found = [(m.start(), m.end()) for m in f.pattern.finditer(a.key)
                     if f.near is None or near_ok(a.key, m.end(), f.near, f.window)]
            if found:
                f.count[a.corpus] += len(found)
                f.docs[a.corpus] += 1
                f.hits.extend((i, s, e) for s, e in found)


def kwic(a: Article, s: int, e: int, width: int) -> str:
    """The hit in the article's original spelling, with `width` characters either side."""
    folded = fold(a.text)
    assert folded.key == a.key
    os_, oe = folded.span(s, e)
    left = a.text[max(0, os_ - width):os_].replace("\n", " ¶ ")
    right = a.text[oe:oe + width].replace("\n", " ¶ ")
    return f"{left:>{width}} [{a.text[os_:oe]}] {right}"


def world_forms(place_id: str) -> list[str]:
    import yaml

    for item in yaml.safe_load((ROOT / "rasd" / "knowledge" / "world_places.yaml").read_text("utf-8")):
        if item.get("id") == place_id:
            return list(item["ar"])
    sys.exit(f"no place {place_id!r} in rasd/knowledge/world_places.yaml")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("forms", nargs="*", help="forms as the knowledge files write them (a trailing * = any ending)")
    ap.add_argument("-f", "--file", type=Path, help="read forms from a file, one a line (# comments)")
    ap.add_argument("--world", action="append", default=[], metavar="ID",
                    help="the Arabic names of a world_places.yaml entry (repeatable)")
    ap.add_argument("--corpus", choices=["news", "news2", "both"], default="both")
    ap.add_argument("--data", type=Path, help="folder holding news/ and news2/ (default ../shared/data)")
    ap.add_argument("--limit", type=int, help="read at most this many articles of each corpus")
    ap.add_argument("--kwic", type=int, default=20, help="contexts to print per form (0: none)")
    ap.add_argument("--width", type=int, default=60, help="characters of context either side")
    ap.add_argument("--seed", type=int, default=8, help="seed of the context sample (reproducible)")
    ap.add_argument("--exact", action="store_true", help="no proclitics: whole words only")
    ap.add_argument("--near", help="comma-separated words of which one must follow (needs_near)")
    ap.add_argument("--window", type=int, default=3, help="how many words after the match --near looks at")
    ap.add_argument("--counts", action="store_true", help="a table of counts only, most frequent first")
    ap.add_argument("--json", action="store_true", help="counts as JSON lines")
    args = ap.parse_args(argv)

    forms = list(args.forms)
    if args.file:
        forms += [ln.strip() for ln in args.file.read_text("utf-8").splitlines()
                  if ln.strip() and not ln.lstrip().startswith("#")]
    for pid in args.world:
        forms += world_forms(pid)
    if not forms:
        ap.error("give at least one form (or -f FILE, --world ID)")
    corpora = ["news", "news2"] if args.corpus == "both" else [args.corpus]
    near = near_regex([w.strip() for w in args.near.split(",") if w.strip()], args.exact) if args.near else None
    fires = [Fires(f, form_regex(f, args.exact), core_of(f), near, args.window) for f in dict.fromkeys(forms)]
    articles = load(data_or_exit(args.data), corpora, args.limit)
    count(articles, fires, corpora)

    sizes = {c: sum(a.corpus == c for a in articles) for c in corpora}
    if args.json:
        for f in fires:
            print(json.dumps({"form": f.form, "count": f.count, "docs": f.docs, "articles": sizes},
                             ensure_ascii=False))
        return 0
    if args.counts:
        print("\t".join(["form", *(f"{c} (n={sizes[c]})" for c in corpora), "docs"]))
        for f in sorted(fires, key=lambda f: -sum(f.count.values())):
            print("\t".join([f.form, *(str(f.count[c]) for c in corpora),
                             "/".join(str(f.docs[c]) for c in corpora)]))
        return 0
    rng = random.Random(args.seed)
    for f in fires:
        total = " · ".join(f"{c}: {f.count[c]} in {f.docs[c]} of {sizes[c]} articles" for c in corpora)
        print(f"== {f.form}   {total}")
        for i, s, e in sorted(rng.sample(f.hits, min(args.kwic, len(f.hits)))):
            a = articles[i]
            print(f"  {a.corpus:5} {kwic(a, s, e, args.width)}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
