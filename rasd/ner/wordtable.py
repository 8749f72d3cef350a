"""The weight vectors of the news's frequent words, precomputed at install: most words a run sees
for the first time are then a table hit instead of a call of :func:`~rasd.ner.features.word_features`.

`rasd data install` counts the words of a sample of the news (as rasd tokenizes them), and has the
tagger itself compute each word's five weight vectors (:meth:`rasd.ner.tag.Tagger.vectors_of`, the
same code that computes a new word's at tagging time: the feature functions stay the one source of
truth).  The file (``ner_words.npz`` beside the model) holds the words, their folded keys, the
vectors and a fingerprint of everything a word's vectors depend on: the model file, the lexicons
(gazetteer, knowledge base, given names, lists, clusters), the clitic letters and the source of
the feature code.  A tagger loads the table only when the fingerprint it computes now is the
file's; a stale, missing or unreadable table is ignored (the words are then computed as before),
never read as a wrong answer.
"""
from __future__ import annotations

import hashlib
from itertools import chain
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

FILENAME = "ner_words.npz"
WORDS = 32768            # table words: half the tagger's word cache (rasd.ner.tag.CACHE_SIZE)
SAMPLE_ARTICLES = 4000   # news articles counted for the frequent words
_FORMAT = 2      # 2: the cheaper digest of the lexicons (fingerprint)
# the modules whose code a word's features are computed by (their source goes into the fingerprint)
_CODE = ("rasd.ner.features", "rasd.ner.tag", "rasd.arabic.normalize", "rasd.arabic.clitics")


def fingerprint(model: Path, lex, letters) -> str:
    """A digest of what a word's vectors depend on (see the module docstring): the model file's
    bytes, the feature code's source, the clitic letters and every lexicon entry.

    It is computed at each tagger load, so it is kept cheap (about 5 ms, was about 35) while it
    still reads every byte and entry that matters, rather than trusting file sizes and mtimes or
    the package version: a Tagger may be given any lexicons (tests give toy ones; a caller may
    build its own), which no file stamp describes, and an edited module in a development checkout
    keeps the package version.  What made it slow was sorting the 40,000 clustered words into a
    canonical order; the cluster dict is read from one JSON file in that file's order, so it is
    hashed in its own order (keys, then values), and only the parts built through sets (whose
    order changes with the process's string hash seed) are sorted, each as keys then values.  A
    lexicon equal in content but built in another order then reads as different: a false
    "stale" costs the table's speed, never a wrong vector; a changed entry always changes the digest.
    """
    import importlib

    h = hashlib.sha256()
    h.update(f"format {_FORMAT}\n".encode())
    h.update(hashlib.sha256(model.read_bytes()).digest())
    for name in _CODE:
        h.update(Path(importlib.import_module(name).__file__).read_bytes())
    h.update(repr(letters).encode("utf-8"))

    def part(name: str, keys, values=None) -> None:
        # a part's name and size first; words hold no tab or newline
        keys = list(keys)
        h.update(f"\n{name} {len(keys)}\n".encode("utf-8"))
        h.update("\n".join(keys).encode("utf-8"))
        if values is not None:
            h.update(b"\n=\n")
            h.update("\n".join(values).encode("utf-8"))

    for name, d in (("places", lex.places), ("kb", lex.kb)):   # built through sets: sorted
        keys = sorted(d)
        part(name, keys, map(d.__getitem__, keys))
    # in the file's order; each word's two cluster ids, one a line (a value is a (coarse, fine) pair)
    part("clusters", lex.clusters, chain.from_iterable(lex.clusters.values()))
    for name, words in (("place_first", lex.place_first), ("kb_first", lex.kb_first), ("given", lex.given),
                        *((f"list {k}", v) for k, v in sorted(lex.lists.items()))):
        part(name, sorted(words))
    return h.hexdigest()


def frequent_words(texts: Iterable[str], n: int = WORDS) -> list[str]:
    """The ``n`` most frequent tokens of ``texts`` as the pipeline tokenizes a report (the words
    the tagger is given), most frequent first."""
    from rasd.arabic.tokens import tokenize

    freq: Counter[str] = Counter()
    for text in texts:
        freq.update(text[t.start:t.end] for t in tokenize(text))
    return [w for w, _ in freq.most_common(n)]


def save(path: Path, words: list[str], keys: list[str], vectors: np.ndarray, fp: str) -> None:
    """Write the table (words and keys as newline-joined UTF-8: a token holds no whitespace; the
    vectors after a row of zeros, so that word k's row is k + 1 as in a tagger's table, whose row 0
    is the padding pseudo-word: the loaded array becomes that table without a copy)."""
    if any("\n" in w for w in words) or any("\n" in k for k in keys):
        raise ValueError("a table word holds a newline")
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(tmp, words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
             keys=np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8),
             vectors=np.concatenate([np.zeros((1, *vectors.shape[1:])), vectors]), fingerprint=np.array(fp))
    tmp.replace(path)


def load(path: Path, fp: str, shape: tuple[int, int]) -> tuple[list[str], list[str], np.ndarray] | None:
    """(words, keys, vectors) of the table at ``path`` when its fingerprint is ``fp`` and its
    vectors have the (5, labels) ``shape`` per word (word k in row k + 1, see :func:`save`); None
    when it is missing, stale or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["fingerprint"]) != fp:
                return None
            words = z["words"].tobytes().decode("utf-8").split("\n")
            keys = z["keys"].tobytes().decode("utf-8").split("\n")
            V = z["vectors"]
    except (OSError, KeyError, ValueError, UnicodeDecodeError):
        return None
    if V.dtype != np.float64 or V.shape != (len(words) + 1, *shape) or len(keys) != len(words) or not words[0]:
        return None
    return words, keys, V


def build(base: Path, news_dir: Path, tagger_factory) -> dict:
    """Count the news's frequent words and write their vectors into the data folder ``base``
    (``tagger_factory()``: a Tagger over the model and lexicons just installed there)."""
    import time

    from rasd.ner.clusters import news_texts

    t0 = time.process_time()
    words = frequent_words(news_texts(news_dir, SAMPLE_ARTICLES))
    out = base / FILENAME
    if not words:
        out.unlink(missing_ok=True)
        return {"NER word table words": 0}
    tagger = tagger_factory(table=False)
    keys, V = tagger.vectors_of(words)
    save(out, words, keys, V, tagger.fingerprint())
    return {"NER word table words": len(words), "NER word table CPU seconds": round(time.process_time() - t0)}
