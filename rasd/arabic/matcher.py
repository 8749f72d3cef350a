"""Whole-word, clitic-aware phrase matching over folded tokens.

Why not pyahocorasick: Aho-Corasick finds patterns inside words and knows nothing of Arabic
proclitics, so every hit would need re-checking against token boundaries and every alias would
have to be stored once per clitic chain (و ف ب ل ك ال لل …).  Instead the first token of each
phrase is indexed by its article-less stem; at each text token we try the few proclitic readings
of :func:`rasd.arabic.tokens.stems` and compare the remaining tokens exactly.  That is a handful
of dict look-ups per token, whole words only, and offsets stay exact.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.clitics import readings as stems
from rasd.arabic.tokens import WORD, Token

P = TypeVar("P")


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Folded tokens of a phrase without their articles: names are written both ways inside a
    phrase too (تل الخنزير / تل خنزير)."""
    return tuple(strip_article(t) for t in WORD.findall(fold_str(phrase)))


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    i: int            # first token index
    j: int            # one past the last token
    prefix: int       # characters of proclitics on the first token (in the folded key)
    payloads: tuple[P, ...]


_END = ""   # trie key holding the payloads of a phrase that ends at this node (no token is empty)


class PhraseMatcher(Generic[P]):
    """A token trie: first words (article-less) → following words → payloads."""

    def __init__(self, entries: Iterable[tuple[str, P]] = ()):
        self._index: dict[str, dict] = {}
        self.maxlen = 1
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: P) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._index.setdefault(key[0], {})
        for tok in key[1:]:
            node = node.setdefault(tok, {})
        bucket = node.setdefault(_END, [])
        if payload not in bucket:
            bucket.append(payload)
        self.maxlen = max(self.maxlen, len(key))

    def first_words(self) -> frozenset[str]:
        """Every word a phrase can start with (article-less), for cheap pre-filtering."""
        return frozenset(self._index)

    def _node(self, phrase: str) -> dict | None:
        key = phrase_key(phrase)
        node = self._index.get(key[0]) if key else None
        for tok in key[1:]:
            if node is None:
                return None
            node = node.get(tok)
        return node

    def __contains__(self, phrase: str) -> bool:
        node = self._node(phrase)
        return bool(node and node.get(_END))

    def get(self, phrase: str) -> list[P]:
        node = self._node(phrase)
        return list(node.get(_END, [])) if node else []

    def starts(self, key: str, clitics: bool = True) -> tuple[tuple[int, dict], ...]:
        """(proclitic length, trie node) of every reading of a first token ``key`` that starts a
        phrase, in reading order: what :meth:`match_at` walks from, a function of the word alone
        (a caller that meets the same words again may keep it, see :meth:`match_from`)."""
        index = self._index
        readings = stems(key) if clitics else ((0, strip_article(key)),)
        return tuple((prefix, index[stem]) for prefix, stem in readings if stem in index)

    def match_at(self, tokens: list[Token], i: int, clitics: bool = True) -> Hit[P] | None:
        """Longest phrase starting at token i (fewest stripped proclitics on ties)."""
        return self.match_from(tokens, i, self.starts(tokens[i].key, clitics))

    def match_from(self, tokens: list[Token], i: int, starts: tuple[tuple[int, dict], ...]) -> Hit[P] | None:
        """:meth:`match_at` from token i's :meth:`starts`."""
        # the best so far as plain locals: one Hit is built at the end, not one per longer match
        best_j, best_prefix, best_end = 0, 0, None
        n = len(tokens)
        for prefix, node in starts:
            j = i + 1
            while node is not None:
                end = node.get(_END)
                if end is not None and j > best_j:
                    best_j, best_prefix, best_end = j, prefix, end
                if j >= n:
                    break
                node = node.get(strip_article(tokens[j].key))
                j += 1
        return Hit(i, best_j, best_prefix, tuple(best_end)) if best_end is not None else None

    def find_all(self, tokens: list[Token], clitics: bool = True) -> list[Hit[P]]:
        """Non-overlapping longest matches, left to right."""
        out, i, n = [], 0, len(tokens)
        while i < n:
            h = self.match_at(tokens, i, clitics)
            if h:
                out.append(h)
                i = h.j
            else:
                i += 1
        return out
