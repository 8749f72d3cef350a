"""Tag token lists with the installed CRF: spans (start, end, class, confidence) over tokens.

The model's weights are read into arrays (:mod:`rasd.ner.crf`); each word's features are built once
and kept as the weight vectors they add, to the word itself and to its neighbours two either side
(bounded cache), so a window's label scores are a few vector sums; a document's windows are then
decoded together (:meth:`Tagger.spans_many`), and label marginals are computed only for windows
with a span, whose confidence reads them.
"""
from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from itertools import chain, compress
from operator import itemgetter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.errors import DataMissingError
from rasd.ner.corpus import spans
from rasd.ner import wordtable
from rasd.ner.crf import batch, marginals, read_model, viterbi
from rasd.ner.features import (BIGRAM_AFTER, BIGRAM_BEFORE, OFFSETS, STEM_TEMPLATES, WORD_TEMPLATES, Lexicons,
                                word_features)

# a span's lowest marginal by the ufunc's own reduce, not ndarray.min's Python-level wrapper (the same value)
_MIN = np.minimum.reduce

CACHE_SIZE = 1 << 16   # words whose weight vectors a tagger keeps (news repeats its words)
PAD = 0     # the table row of the padding pseudo-word
_ROW, _OPENS = itemgetter(1), itemgetter(2)   # of a word's cached (key, row, opens a held bigram)


@dataclass(frozen=True)
class Span:
    start: int          # token index
    end: int            # one past the last token
    cls: str            # PERS LOC ORG
    confidence: float   # the lowest marginal probability of the span's labels
    outside: float = 0.0   # the marginal probability that the token after the span is outside a name


class Tagger:
    """A loaded CRF and its lexicons.

    The word cache and its table of vectors are the only state a call changes, and only by adding
    words (under a lock), so threads may share a tagger (the API's pool shares one pipeline)."""

    def __init__(self, model: Path, lex: Lexicons, table: Path | None = None, letters=None):
        """``table``: the precomputed vectors of frequent words (rasd.ner.wordtable), loaded when it
        was built for this model, these lexicons and the clitic ``letters`` (the current ones when
        None), else ignored."""
        if not model.is_file():
            raise DataMissingError(f"no NER model at {model}")
        self.model = read_model(model)
        self.lex = lex
        self._model_path = model
        self._letters = letters
        m = self.model
        L = len(m.labels)
        # row 0 of the table: the pseudo-word two of which stand before and after every window (it
        # gives the edge features); then one row per cached word
        pad = np.zeros((5, L))
        for r, d in enumerate(OFFSETS, 1):
            if f"{d}:edge" in m.attrs:
                pad[r] = m.state[m.attrs[f"{d}:edge"]]
        self._table = np.zeros((1024, 5, L))
        self._table[PAD] = pad
        self._rows = 1
        self._grow = threading.Lock()   # adding a word (reading needs none: rows are only added)
        # the words and stems the model's word and stem features name (word_features' vocab)
        self._vocab = frozenset(v for a in m.attrs for t, eq, v in [a.partition("=")]
                                if eq and (t in WORD_TEMPLATES or t in STEM_TEMPLATES))
        # "a|b" → state row, for the bigram features the model holds
        self._before = {a[len(BIGRAM_BEFORE):]: i for a, i in m.attrs.items() if a.startswith(BIGRAM_BEFORE)}
        self._after = {a[len(BIGRAM_AFTER):]: i for a, i in m.attrs.items() if a.startswith(BIGRAM_AFTER)}
        # the words that open a bigram the model holds (every prefix before a "|", to be safe)
        self._opens = frozenset(p[:i] for p in (*self._before, *self._after) for i, c in enumerate(p) if c == "|")
        # token → (folded key, its table row, whether it opens a held bigram); CACHE_SIZE at most
        self._cache: dict[str, tuple[str, int, bool]] = {}
        self._o = m.labels.index("O") if "O" in m.labels else -1
        self.table_words = 0      # words the precomputed table gave the cache
        if table is not None and table.is_file():
            self._preload(table)

    def fingerprint(self) -> str:
        """What this tagger's word vectors depend on (see rasd.ner.wordtable.fingerprint)."""
        from rasd.arabic.clitics import letters

        return wordtable.fingerprint(self._model_path, self.lex,
                                     self._letters if self._letters is not None else letters())

    def vectors_of(self, words: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """(folded keys, (words, 5, labels) vectors) of ``words``, computed as :meth:`scores`
        computes a new word's (word_features, then _vectors)."""
        attrs, lex, vocab = self.model.attrs, self.lex, self._vocab
        keys, groups = [], []
        for t in words:
            key, *gs = word_features(t, lex, keep=attrs, vocab=vocab)
            keys.append(key)
            groups.append(gs)
        return keys, self._vectors(groups)

    def _preload(self, path: Path) -> None:
        """Fill the word cache from the precomputed table at ``path`` when it is current."""
        got = wordtable.load(path, self.fingerprint(), self._table.shape[1:])
        if got is None:
            return
        words, keys, V = got
        n = min(len(words), CACHE_SIZE)
        table = V[:n + 1] if n + 1 >= len(self._table) else np.concatenate([V[:n + 1], self._table[n + 1:]])
        table[PAD] = self._table[PAD]
        opens = self._opens
        # a key equal to its word is that word (one string, not two)
        self._cache = {w: (w if k == w else k, r, k in opens) for r, w, k in zip(range(1, n + 1), words, keys)}
        self._table, self._rows = table, n + 1
        self.table_words = len(self._cache)

    def _vectors(self, groups: list) -> np.ndarray:
        """(words, 5, labels): for each word's five groups of state rows (its own features, and those
        it gives its neighbours at OFFSETS), the summed weights of each group, all in one pass."""
        flat = [g for gs in groups for g in gs]
        n, L = len(flat), len(self.model.labels)
        out = np.zeros((n, L))
        idx = np.fromiter(chain.from_iterable(flat), dtype=np.intp)
        if len(idx):
            seg = np.repeat(np.arange(n), np.fromiter(map(len, flat), dtype=np.intp, count=n))
            W = self.model.state[idx]
            for c in range(L):
                out[:, c] = np.bincount(seg, weights=W[:, c], minlength=n)
        return out.reshape(len(groups), 5, L)

    def _add(self, toks: list[str], keys: list[str], V: np.ndarray) -> None:
        """Keep new words' vectors in the table, while the cache has room (rows are written before
        the cache names them, so a reader never sees a row not yet written)."""
        opens, cache = self._opens, self._cache
        with self._grow:
            room = CACHE_SIZE - len(cache)
            pick = [j for j, t in enumerate(toks) if t not in cache][:max(0, room)]
            if not pick:
                return
            first, need = self._rows, self._rows + len(pick)
            if need > len(self._table):
                size = len(self._table)
                while size < need:
                    size = min(2 * size, CACHE_SIZE + 1)    # the pad row and CACHE_SIZE words at most
                table = np.zeros((size, *self._table.shape[1:]))
                table[:first] = self._table[:first]
                self._table = table
            self._table[first:need] = V[pick]
            for r, j in enumerate(pick, first):
                cache[toks[j]] = (keys[j], r, keys[j] in opens)
            self._rows = need

    def scores(self, windows: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[int]]:
        """(E, starts): the label scores of every token of every window, one row per token, in one
        array with two padding rows before and after each window; window w's rows start at
        ``starts[w]``.  The sum, per token, of the weights of token_features' item for it."""
        cache, before, after, attrs, lex = self._cache, self._before, self._after, self.model.attrs, self.lex
        rows: list[int] = [PAD, PAD]
        starts: list[int] = []
        at_b: list[int] = []
        w_b: list[int] = []
        at_a: list[int] = []
        w_a: list[int] = []
        new: dict[str, int] = {}       # words not in the cache → their index in new_*
        new_keys: list[str] = []
        new_groups: list = []
        opens, vocab = self._opens, self._vocab
        # every token's cached (key, row, opens a held bigram) in one C-level pass over all windows; the
        # words not in the cache (None) are visited alone (list.index), each new word's features once
        flat = list(chain.from_iterable(windows))
        got = list(map(cache.get, flat))
        if None in got:
            i = -1
            for _ in range(got.count(None)):
                i = got.index(None, i + 1)
                t = flat[i]
                j = new.get(t)
                if j is None:
                    key, *groups = word_features(t, lex, keep=attrs, vocab=vocab)   # the features as state rows
                    j = new[t] = len(new_keys)
                    new_keys.append(key)
                    new_groups.append(groups)
                key = new_keys[j]
                got[i] = (key, -1 - j, key in opens)
        a = 0
        for toks in windows:
            n = len(toks)
            first = len(rows)
            starts.append(first)
            ws = got[a:a + n]
            rows += map(_ROW, ws)
            # the bigram features: only after a word that opens a held bigram (most words open none)
            for k in compress(range(1, n), map(_OPENS, ws)):
                pair = ws[k - 1][0] + "|" + ws[k][0]
                r = before.get(pair)
                if r is not None:                 # the pair's feature on its second word
                    at_b.append(first + k)
                    w_b.append(r)
                r = after.get(pair)
                if r is not None:                 # ... and on its first
                    at_a.append(first + k - 1)
                    w_a.append(r)
            rows += (PAD, PAD)
            a += n
        R = np.asarray(rows, dtype=np.intp)
        if new_keys:
            Vn = self._vectors(new_groups)
            fresh = R < 0
            R[fresh] = PAD
            V = self._table[R]
            V[fresh] = Vn[-1 - np.asarray(rows, dtype=np.intp)[fresh]]
            self._add(list(new), new_keys, Vn)
        else:
            V = self._table[R]
        E = V[:, 0].copy()
        E[2:] += V[:-2, 1]
        E[1:] += V[:-1, 2]
        E[:-1] += V[1:, 3]
        E[:-2] += V[2:, 4]
        state = self.model.state
        if at_b:
            E[at_b] += state[w_b]
        if at_a:
            E[at_a] += state[w_a]
        return E, starts

    def _decode(self, windows: Sequence[Sequence[str]]):
        """(order, lengths, X, y) of the non-empty windows (see rasd.ner.crf.batch)."""
        E, starts = self.scores(windows)
        lengths = [len(w) for w in windows]
        order, lens, X = batch(E, starts, lengths)
        return order, lens, X, viterbi(X, lens, self.model.trans)

    def tags(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        _, _, _, y = self._decode([tokens])
        labels = self.model.labels
        return [labels[k] for k in y[0, :len(tokens)]]

    def spans(self, tokens: Sequence[str]) -> list[Span]:
        return self.spans_many([tokens])[0]

    def spans_many(self, windows: Sequence[Sequence[str]]) -> list[list[Span]]:
        """The spans of each token window, decoded together; confidence: the lowest marginal of a
        span's labels."""
        return self.spans_outside(windows)[0]

    def spans_outside(self, windows: Sequence[Sequence[str]], want: Collection[int] = ()
                      ) -> tuple[list[list[Span]], dict[int, list[float]]]:
        """:meth:`spans_many`'s spans and, for each window index in ``want``, every token's marginal
        probability of being outside a name, from the same forward-backward pass (none when the
        model has no O label)."""
        out: list[list[Span]] = [[] for _ in windows]
        outs: dict[int, list[float]] = {}
        todo = [k for k, w in enumerate(windows) if w]
        if not todo:
            return out, outs
        order, lens, X, y = self._decode([windows[k] for k in todo])
        labels, o = self.model.labels, self._o
        want = want if o >= 0 else ()
        found = []        # (row, spans by label index)
        for r in range(len(order)):
            n = int(lens[r])
            row = y[r, :n]
            ks = row.tolist()        # Python ints: the all-outside test and the labels without numpy scalars
            if o >= 0 and ks.count(o) == n:
                if todo[order[r]] in want:
                    found.append((r, []))
                continue
            tags = [labels[k] for k in ks]
            found.append((r, sorted(spans(tags))))
        if not found:
            return out, outs
        rows = [r for r, _ in found]
        M = marginals(X[rows, :lens[rows[0]]], lens[rows], self.model.trans)
        for i, (r, sps) in enumerate(found):
            m = M[i]
            yr = y[r]
            n = int(lens[r])
            k = todo[order[r]]
            out[k] = [Span(s, e, cls, float(_MIN(m[np.arange(s, e), yr[s:e]])),
                           float(m[e, o]) if e < n and o >= 0 else 0.0) for s, e, cls in sps]
            if k in want:
                outs[k] = [float(x) for x in m[:n, o]]
        return out, outs
