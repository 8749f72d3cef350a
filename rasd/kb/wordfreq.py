"""Village names that are everyday words, learned from a news corpus at install.

Hundreds of Syrian localities are called by ordinary words (الملك، كأس، ميدان، جديدة). A one-word
locality name that appears in more than ``SHARE`` of all news articles is such a word: the mention
finder then takes it for a place only after a type word (قرية الملك), not after a bare preposition.
Built by `rasd data install` when the data folder holds news/ (SaudiNewsNet zips of JSON arrays);
without it the list is empty and the NER-derived common words (rasd.kb.names) still apply.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.tokens import WORD
from rasd.settings import data_dir

FILENAME = "place_words.json"
SHARE = 0.005   # a name in more than 0.5% of the articles is an everyday word


def _articles(news_dir: Path):
    """Every article body of the SaudiNewsNet zips but the project's held-out reports
    (rasd.kb.news.articles)."""
    from rasd.kb.news import articles

    return articles(news_dir.parent, ("news",))


def build(news_dir: Path, gaz, out: Path) -> dict:
    """Document frequency of the one-word locality names over the news; saves the frequent ones."""
    names = {strip_article(fold_str(alias)) for alias, pid in gaz.names()
             if gaz.get(pid).kind in ("locality", "neighbourhood") and len(alias.split()) == 1}
    df: dict[str, int] = {}
    n = 0
    if news_dir.is_dir():
        for text in _articles(news_dir):
            n += 1
            for w in {strip_article(t) for t in WORD.findall(fold_str(text))} & names:
                df[w] = df.get(w, 0) + 1
    frequent = sorted(w for w, c in df.items() if n and c / n > SHARE)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": 1, "articles": n, "share": SHARE, "words": frequent},
                              ensure_ascii=False), encoding="utf-8")
    tmp.replace(out)
    return {"news articles read": n, "everyday place words": len(frequent)}


def everyday_place_words(base: Path | None = None) -> frozenset[str]:
    """Folded, article-less one-word locality names that are everyday words (empty if not built)."""
    p = (base or data_dir()) / FILENAME
    try:
        return frozenset(json.loads(p.read_text(encoding="utf-8"))["words"])
    except (FileNotFoundError, ValueError, KeyError):
        return frozenset()
