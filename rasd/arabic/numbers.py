"""Quantities in Arabic text: digits, number words, duals, vague amounts.

:func:`find_numbers` reads every quantity of a text, as code-point spans into the original text
(design §1); :func:`rasd.kb.numbers.lexicon` reads numbers.yaml into a
:class:`NumberLexicon`. :class:`NumberReader` also matches the casualty phrases of numbers.yaml, which the
death-toll reader of the events stage (rasd.stages.events.fatalities) builds on.  All
words live in ``rasd/knowledge/numbers.yaml``; :func:`lexicon` reads it and the callers pass
the lexicon in (Resources keeps it).

Why no library: the Arabic number parsers on PyPI (e.g. in camel_tools) pull heavy dependencies
and know nothing of clitics (وعشرين، بثلاثة), duals that carry a count (قتيلان) or ACLED's
conventions for vague amounts, so a small token grammar is simpler and faster here.
"""
from __future__ import annotations

import bisect
import re
from itertools import compress
from operator import itemgetter
from dataclasses import dataclass, field

from rasd.arabic.matcher import PhraseMatcher
from rasd.arabic.normalize import Folded, fold
from rasd.arabic.clitics import readings as stems
from rasd.arabic.tokens import Token, tokenize
from rasd.caches import answers

KINDS = ("exact", "at_least", "about", "vague")

# Thousands groups (1,200 / 1.200 / ١٬٢٠٠) or a plain/decimal number; not part of a date or time
# (7/8/2015, 2015-08-07, 10:30).
_DIGITS = re.compile(
    r"(?<![\d/:.,\-\u066b\u066c])"
    r"(\d{1,3}(?:[,\u066c]\d{3})+(?![.,]?\d)|\d{1,3}(?:\.\d{3})+(?![.,]?\d)|\d+(?:[.\u066b]\d+)?)"
    r"(?![\d/:\-]|[.,]\d)")
_PUNCT = re.compile(r"[.,;:!?()\[\]\"\n]")  # over the folded key, where ، ؛ ؟ are , ; ?


@dataclass(frozen=True, slots=True)
class Number:
    """A quantity over the original text; ``text[start:end]`` includes its qualifier (نحو 30)."""

    start: int
    end: int
    value: int
    approx: bool
    kind: str  # exact | at_least | about | vague


INFO_CACHE_SIZE = 1 << 15   # token keys whose readings a NumberLexicon keeps (token_infos)


# ---- knowledge --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Pattern:
    """A casualty phrase: words ("w", key), prefixes ("p", key) and gaps ("gap", max words)."""

    parts: tuple[tuple[str, str | int], ...]


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, tuple[tuple[str, int], ...]]     # folded form → ((class, value), …)
    nouns: dict[str, tuple[str, bool]]                 # folded form → (number sg|du|pl, person)
    vague: PhraseMatcher
    qualifiers: PhraseMatcher                          # payload: kind
    after: PhraseMatcher                               # "على الأقل"
    one_of_not_before: frozenset[str]
    first_words: dict[str, tuple[dict[str, list[_Pattern]], list[tuple[str, _Pattern]]]]
    clitic: re.Pattern                                 # a whole run of proclitics (or none)
    proclitics: str                                    # their letters
    conj: str                                          # و
    article: str                                       # ال folded
    # the first words and first-word prefixes of every phrase list together: a token none of whose
    # stems is one of them opens no phrase of any list (NumberReader.spans skips it)
    any_first: tuple[frozenset[str], tuple[str, ...]] = field(init=False, repr=False, compare=False)
    # the stems a quantity can start with: number words, dual nouns (عنصرين: 2) and the first words
    # of the vague counts and of the qualifiers (a token with none of them among its readings, and
    # no digits, starts none)
    number_first: frozenset[str] = field(init=False, repr=False, compare=False)
    _infos: dict = field(default_factory=dict, init=False, repr=False, compare=False)   # token_infos
    _opens: dict = field(default_factory=dict, init=False, repr=False, compare=False)   # phrase_starts

    def __post_init__(self):
        exact = frozenset(w for ex, _ in self.first_words.values() for w in ex)
        pres = tuple(sorted({pre for _, prefixed in self.first_words.values() for pre, _ in prefixed}))
        object.__setattr__(self, "any_first", (exact, pres))
        duals = frozenset(w for w, (number, _) in self.nouns.items() if number == "du")
        object.__setattr__(self, "number_first", frozenset(self.words) | duals | self.vague.first_words()
                           | self.qualifiers.first_words())

    def token_infos(self, keys: list[str]) -> list[tuple]:
        """Per folded token key: (its readings as NumberReader keeps them, their stems, whether it
        may open a phrase of some list, whether a quantity may start at it by its words). A word's
        answer depends on the word only: kept in ``_infos`` (this lexicon's, at most INFO_CACHE_SIZE
        words: :mod:`rasd.caches`), looked up for a whole text by one C-level map."""
        every, every_pre = self.any_first
        can = self.number_first

        def info(key: str) -> tuple:
            rs = tuple((key[:n], s) for n, s in stems(key))
            ss = tuple(s for _, s in rs)
            # isdisjoint: the set tests of any(s in … for s in ss) in one C-level call
            return (rs, ss, not every.isdisjoint(ss) or bool(every_pre and any(s.startswith(every_pre) for s in ss)),
                    not can.isdisjoint(ss))

        return answers(self._infos, keys, info, INFO_CACHE_SIZE)

    def phrase_starts(self, keys: list[str], stems_of: list[tuple[str, ...]]) -> list[dict[str, list[_Pattern]]]:
        """Per folded token key (with its stems, as :meth:`token_infos` gives them): the phrases of each
        list that may open at it, as ``{list name: [pattern, …]}`` (lists with none left out), in the
        order :meth:`NumberReader.spans` tries them: those whose first word is one of the token's stems
        (stem by stem), then those whose first word is a prefix of one (in the list's order). A word's
        answer depends on the word only (its stems are those of its key): kept in ``_opens`` like
        ``_infos``, so a report's phrase scans read each opener's candidates by one look-up instead of
        testing its stems against every list's first words (about 40 % of the toll reader's time)."""
        by_key = dict(zip(keys, stems_of))
        lists = [(name, exact, prefixed, tuple({pre for pre, _ in prefixed}))
                 for name, (exact, prefixed) in self.first_words.items()]

        def opens(key: str) -> dict[str, list[_Pattern]]:
            stems_i = by_key[key]
            out = {}
            for name, exact, prefixed, pres in lists:
                cands = [p for s in stems_i if s in exact for p in exact[s]]
                if pres and any(s.startswith(pres) for s in stems_i):
                    cands += [p for pre, p in prefixed if any(s.startswith(pre) for s in stems_i)]
                if cands:
                    out[name] = cands
            return out

        return answers(self._opens, keys, opens, INFO_CACHE_SIZE)


def _clitics(key: str, n: int, art: str) -> int:
    """Length of the proclitics among the first n characters of a token, keeping the article.

    The phrase matcher indexes a word without its article, so آلاف (الاف) is found as ال + اف;
    a span must still start at the word.
    """
    head = key[:n]
    return n - len(art) if head.endswith(art) else n - 1 if head.endswith(art[-1] * 2) else n


# ---- reading numbers --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FoundNumber:
    number: Number
    i: int   # first token (of the qualifier, if any)
    n: int   # first token of the number itself
    j: int   # one past the last token


class NumberReader:
    """The tokens of one text with their readings, and the quantities over them."""

    def __init__(self, text: str, lex: NumberLexicon):
        self.text = text
        self.f: Folded = fold(text)
        self.toks: list[Token] = tokenize(text, self.f)
        self.lex = lex
        infos = lex.token_infos([t.key for t in self.toks])
        # (proclitics, stem) readings of each token; the article is kept apart ('ال' in prefix)
        self.readings = list(map(itemgetter(0), infos))
        self._stems = list(map(itemgetter(1), infos))     # the stems of each token's readings
        # tokens that may open a phrase of some list (spans), that may start a quantity by their words
        self._openers = list(compress(range(len(infos)), map(itemgetter(2), infos)))
        self._number_starts = list(compress(range(len(infos)), map(itemgetter(3), infos)))
        self._opens: list[dict] | None = None   # spans: per opener, its phrases by list (built on first use)
        self.digits = self._digit_atoms()

    def _digit_atoms(self) -> dict[int, tuple[int, int, float, int]]:
        """First token → (last token + 1, key offset of the digits, value, decimals?)."""
        out: dict[int, tuple[int, int, float, int]] = {}
        found = list(_DIGITS.finditer(self.f.key))
        if not found:
            return out   # most sentences hold no digit: no token starts to list
        starts = [t.kstart for t in self.toks]
        for m in found:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or not self.lex.clitic.match(self.f.key[self.toks[i].kstart:m.start()]):
                continue
            j = bisect.bisect_left(starts, m.end())
            raw = m.group()
            if len(raw) > 30:   # no count is that long; int() refuses 4,301+ digits (issue 9)
                continue
            decimal = bool(re.fullmatch(r"\d+[.\u066b]\d+", raw)) and not re.fullmatch(
                r"\d{1,3}\.\d{3}", raw)
            value = float(raw.replace("\u066b", ".")) if decimal else int(re.sub(r"\D", "", raw))
            out[i] = (j, m.start(), value, decimal)
        return out

    def word(self, i: int, clitics: str = "any") -> list[tuple[str, int, int]]:
        """Number-word readings of token i as (class, value, prefix length), no article.

        ``clitics``: "any" (و ف ب ل ك), "wa" (exactly و, for the next part of a compound), "none".
        """
        out = []
        words = self.lex.words
        for prefix, stem in self.readings[i]:
            found = words.get(stem)
            if not found:
                continue   # most words are no number word: the one look-up first
            if _clitics(prefix, len(prefix), self.lex.article) != len(prefix) or not self.lex.clitic.match(prefix):
                continue
            if (clitics == "wa" and prefix != self.lex.conj) or (clitics == "none" and prefix):
                continue
            out.extend((cls, v, len(prefix)) for cls, v in found)
        return out

    def noun(self, i: int) -> tuple[str, bool] | None:
        for _, stem in self.readings[i]:
            if stem in self.lex.nouns:
                return self.lex.nouns[stem]
        return None

    def _compound(self, i: int) -> tuple[int, int, int] | None:
        """A number written in words from token i: (value, prefix length, end token)."""
        n = len(self.toks)
        first = self.word(i)
        starts = [c for c in first if c[0] != "teen_suffix"]
        if not starts:
            return None
        cls, cur, prefix = starts[0]
        j = i + 1

        def nxt(classes: set[str], clitics: str = "none") -> tuple[str, int] | None:
            if j >= n or self._broken(j):
                return None
            for c, v, _ in self.word(j, clitics):
                if c in classes:
                    return c, v
            return None

        if cls in ("teen_only", "unit"):
            t = nxt({"teen_suffix"})
            if t and cur < 10:
                cur, cls, j = 10 + cur, "teen", j + 1
            elif cls == "teen_only":
                one_of = [c for c in starts if c[0] == "one_of"]
                if not one_of:
                    return None
                cls, cur, prefix = one_of[0]
            elif (h := nxt({"hundred"})) and h[1] == 100 and 3 <= cur <= 9:
                cur, cls, j = cur * 100, "hundred", j + 1
        if cls == "one_of":
            if j >= n or self._broken(j) or self.toks[j].key in self.lex.one_of_not_before \
                    or j in self.digits or self.word(j):
                return None
            return 1, prefix, j
        total = 0
        if cls.startswith("scale_"):
            total, cur = (2 if cls == "scale_two" else 1) * cur, 0
        # After a unit only tens may follow with و (خمسة وعشرين); after hundreds or a scale,
        # anything smaller; a scale word multiplies what came before it.
        follows = {"unit": {"ten"}, "teen": set(), "ten": set(), "hundred": {"unit", "teen", "ten"}}
        last = "scale" if cls.startswith("scale_") else cls
        while j < n:
            if last != "scale" and (s := nxt({"scale_one", "scale_plural"})):
                if s[0] == "scale_plural" and not 3 <= cur <= 10:
                    break
                total, cur, last, j = total + cur * s[1], 0, "scale", j + 1
                continue
            allowed = {"unit", "ten", "hundred"} if last == "scale" else follows.get(last, set())
            part = nxt(allowed | ({"unit"} if "teen" in allowed else set()), "wa")
            if not part:
                break
            c, v = part
            j += 1
            if c == "unit" and (t := nxt({"teen_suffix"})) and v < 10:
                c, v, j = "teen", 10 + v, j + 1
            if c not in allowed:
                j -= 1
                break
            cur, last = cur + v, c
        return total + cur, prefix, j

    def _broken(self, j: int) -> bool:
        """Punctuation between token j-1 and token j ends a number or a phrase."""
        return j > 0 and bool(_PUNCT.search(self.f.key, self.toks[j - 1].kend, self.toks[j].kstart))

    def number_at(self, i: int) -> tuple[int, str, int, int] | None:
        """The quantity starting at token i: (value, kind, start offset, end token)."""
        tok = self.toks[i]
        h = self.lex.vague.match_at(self.toks, i)
        if h:
            value, j = h.payloads[0], h.j
            start = self.f.orig(tok.kstart + _clitics(tok.key, h.prefix, self.lex.article))
            if j < len(self.toks) and not self._broken(j):
                for prefix, stem in self.readings[j]:
                    for c, v in self.lex.words.get(stem, ()):
                        if c in ("scale_plural", "scale_one") and prefix in ("", self.lex.article):
                            return value * v, "vague", start, j + 1
            return value, "vague", start, j
        if i in self.digits:
            j, kpos, value, decimal = self.digits[i]
            if j < len(self.toks) and not self._broken(j):
                # after digits a dual's spelling is the singular with tanween (50 ألفاً = 50 × 1000), no dual
                for c, v, _ in self.word(j, "none"):
                    if c in ("scale_one", "scale_two", "scale_plural", "hundred") and (c != "hundred" or v == 100):
                        return int(value * v), "exact", self.f.orig(kpos), j + 1
            if decimal:
                return None
            return int(value), "exact", self.f.orig(kpos), j
        c = self._compound(i)
        if c:
            value, prefix, j = c
            return value, "exact", self.f.orig(tok.kstart + prefix), j
        for prefix, stem in self.readings[i]:
            if self.lex.nouns.get(stem, ("",))[0] == "du" and self.lex.clitic.match(
                    prefix[:_clitics(prefix, len(prefix), self.lex.article)]):
                return 2, "exact", self.f.orig(tok.kstart + len(prefix)), i + 1
        return None

    def numbers(self) -> list[FoundNumber]:
        out: list[FoundNumber] = []
        i, n = 0, len(self.toks)
        # the tokens a quantity may start at (every other one has no reading a match could start
        # with, and no digits)
        for at in sorted({*self._number_starts, *self.digits}):
            if at < i:
                continue   # inside the quantity found last
            i = at
            q = self.lex.qualifiers.match_at(self.toks, i)
            if q and q.j < n and not self._broken(q.j) and (r := self.number_at(q.j)):
                value, kind, _, j = r
                start, kind, first = self.f.orig(self.toks[i].kstart + _clitics(self.toks[i].key, q.prefix,
                                                                               self.lex.article)), (
                    kind if kind == "vague" else q.payloads[0]), q.j
            elif r := self.number_at(i):
                value, kind, start, j = r
                first = i
            else:
                continue
            if j < n and not self._broken(j):
                nj = j + 1 if self.noun(j) else j
                a = self.lex.after.match_at(self.toks, nj) if nj < n else None
                if a and kind == "exact":
                    kind, j = "at_least", a.j
            out.append(FoundNumber(Number(start, self.toks[j - 1].end, value, kind != "exact", kind),
                              i, first, j))
            i = j
        return out

    # ---- casualty phrases ----

    def _is(self, i: int, word: tuple[str, str | int]) -> bool:
        kind, key = word
        if kind == "w":
            return any(s == key for _, s in self.readings[i])
        return any(s.startswith(key) for _, s in self.readings[i])  # type: ignore[arg-type]

    def _match(self, pat: _Pattern, i: int, k: int = 0) -> int | None:
        """End token of ``pat`` matched from token i (part k on), or None."""
        if k == len(pat.parts):
            return i
        kind, v = pat.parts[k]
        if kind == "gap":
            for skip in range(int(v) + 1):
                if i + skip < len(self.toks) and (skip == 0 or not self._broken(i + skip)):
                    end = self._match(pat, i + skip, k + 1)
                    if end is not None:
                        return end
            return None
        if i >= len(self.toks) or (k and self._broken(i)) or not self._is(i, pat.parts[k]):
            return None
        return self._match(pat, i + 1, k + 1)

    def spans(self, name: str) -> list[tuple[int, int]]:
        """Token ranges [i, j) where a phrase of list ``name`` matches."""
        if name not in self.lex.first_words:
            raise KeyError(name)
        out = []
        if self._opens is None:   # the openers' candidates, for every list at once (phrase_starts)
            stems_of = self._stems
            keys = [self.toks[i].key for i in self._openers]
            self._opens = self.lex.phrase_starts(keys, [stems_of[i] for i in self._openers])
        for i, opens in zip(self._openers, self._opens):
            cands = opens.get(name)
            if not cands:
                continue
            for pat in cands:
                j = self._match(pat, i)
                if j is not None:
                    out.append((i, j))
                    break
        return out


def find_numbers(text: str, lex: NumberLexicon) -> list[Number]:
    """Every quantity in ``text``, left to right, with offsets into ``text``.

    >>> [(n.value, n.kind) for n in find_numbers("قتل 1,200 شخص", lexicon())]
    [(1200, 'exact')]
    """
    return [f.number for f in NumberReader(text, lex).numbers()]
