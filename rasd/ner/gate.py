"""Which sentences are worth the CRF: those with a word no lexicon knows, and those carrying a
trigger word or a role or title word together with a given name no mention covers.  Tagging every word of a report would cost more than the rest of the pipeline;
names that matter to an analyst stand near an event word or a title, or are words the news
vocabulary, the gazetteer and the knowledge base have never seen.  Not every unknown word: one
ending in an attached pronoun (a verb, a noun with its possessor) or carrying the article right
after a definite word (an agreeing adjective) is no name by its grammar and opens no window
(branch gate14: −12 % CRF items on 1,500 news articles, 1.2 % of the CRF's mentions, half of them
wrong).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, product, repeat
from operator import is_not

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import is_definite, letters
from rasd.arabic.clitics import readings as stems

ROLE_LISTS = ("person_titles", "org_heads", "kunya", "alias_markers", "title_modifiers")
# the eight answers of Gate.word, one object each (a cached word holds one of these, not a copy)
_ANSWERS = {t: t for t in product((False, True), repeat=3)}
# and of Gate.read's per-word question (those three and: a given name as written or behind a letter)
# and a fifth: an unknown word carrying the article (no seed; see Gate.definite_seeds)
_NAMED = {t: t for t in product((False, True), repeat=5)}
_NOTHING = _NAMED[(False, False, False, False, False)]
CACHE_WORDS = 1 << 16    # words whose answers a gate keeps
_ARTICLE = "ال"
_KNOWN, _TRIGGER, _ROLE = 1, 2, 4    # Gate._word's bits: a reading a lexicon knows, a trigger, a role word
_ARABIC = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True)
class Gate:
    trigger_words: frozenset[str]            # folded first words of trigger forms
    trigger_prefixes: tuple[str, ...]        # folded stems of trigger forms written with *
    role_words: frozenset[str]               # titles, organisation heads, kunyas
    known: frozenset[str]                    # the news vocabulary and one-word KB/gazetteer names
    # an unknown word carrying the article (ال، وال، بال، لل) opens no window by itself: a name written
    # with the article is one the gazetteer or the news vocabulary knows far more often than not,
    # and an unknown definite word is an inflected common noun or adjective (النقابيه، الانسحابات)
    definite_seeds: bool = False
    # an unknown word ending in an attached pronoun (ها، هم، هما: clitics.yaml pronoun_suffixes, the
    # endings that make a word no name part) opens no window: a verb or a noun with its possessor
    pronoun_suffixed: bool = True

    @classmethod
    def of(cls, triggers: dict, lexicon_folded: dict[str, frozenset[str]], known: Iterable[str]) -> "Gate":
        """From triggers.yaml's data, the lexicon's folded lists and the known words."""
        exact, prefixes = set(), set()
        for item in triggers.get("triggers", []):
            for form in item.get("forms", []):
                first = fold_str(str(form).split()[0])
                if first.endswith("*"):
                    prefixes.add(first[:-1])
                else:
                    exact.update((first, first[2:] if first.startswith("ال") else "ال" + first))
        roles = frozenset().union(*(lexicon_folded.get(k, frozenset()) for k in ROLE_LISTS))
        return cls(frozenset(exact), tuple(sorted(prefixes, key=len, reverse=True)), roles, frozenset(known))

    def reason(self, keys: list[str], names: frozenset[str] = frozenset()) -> str | None:
        """Why a sentence is worth tagging, or None.  ``keys``: the folded words no mention covers;
        ``names``: given names.  A sentence with a word the lexicons do not know is tagged ("unknown
        word"); one with a trigger or a role word only when an uncovered given name stands in it
        ("trigger", "role"): a known name with no mention is what the CRF can add there."""
        return self.read(keys, names)[0]

    def read(self, keys: list[str], names: frozenset[str] = frozenset()) -> tuple[str | None, list[int]]:
        """(:meth:`reason`, seeds) in one pass over the words: the seeds are the positions in ``keys``
        of the words the CRF is spent around, the unknown words and the given names (as written or
        behind a one-letter proclitic)."""
        answers = self._answers(names)
        got = list(map(answers.get, keys))         # one C-level pass; None: a word not asked yet
        if None in got:
            i = -1
            for _ in range(got.count(None)):       # only the misses are visited (list.index, C speed)
                i = got.index(None, i + 1)
                got[i] = self._answer(keys[i], names, answers)
        nothing = _NOTHING
        seeds: list[int] = []
        unknown = trigger = role = named = definite_unknown = False
        # most words are known, no trigger, no role, no name: only the others are looked at (every
        # answer is one of the _NAMED objects, so identity tells them apart, in one C-level pass)
        for i in compress(range(len(got)), map(is_not, got, repeat(nothing))):
            u, t, r, n, d = got[i]
            if d and (i == 0 or not definite(keys[i - 1]) or got[i - 1] is not nothing and got[i - 1][2]):
                # after a word without the article it may be a family name or the genitive of a
                # construct (كمال الهلباوي، رواية المدهون), or after a role word (الشيخ الهلباوي: review14):
                # it seeds as any unknown word; after a
                # definite word it agrees with it, an adjective or a definite chain (العنوان الفرعي)
                u = True
            definite_unknown = definite_unknown or d
            if u or n:
                seeds.append(i)
                unknown = unknown or u
                named = named or n
            trigger = trigger or t
            role = role or r
        if unknown or (named and definite_unknown):
            # a definite unknown word opens the sentence to the CRF only beside a given name (a
            # family name with the article: كمال الهلباوي), the windows around the name
            return "unknown word", seeds
        if named and trigger:
            return "trigger", seeds
        if named and role:
            return "role", seeds
        return None, seeds

    def _answers(self, names: frozenset[str]) -> dict:
        """The per-word cache of (unknown, trigger, role, named) for the name set ``names`` (one
        set in practice: the tagger's given names; another set gets a cache of its own, the last
        one only)."""
        held = self._named
        if held[0] is names:
            return held[1]
        answers: dict = {}
        object.__setattr__(self, "_named", (names, answers))
        return answers

    def _answer(self, key: str, names: frozenset[str], answers: dict) -> tuple[bool, bool, bool, bool]:
        # while ``answers`` has room it remembers the word: :meth:`word`'s cache would hold it a
        # second time for nothing (:meth:`unknown`, asked of a few words, works it out again)
        u, t, r = self._word(key) if len(answers) < CACHE_WORDS else self.word(key)
        if u and self.pronoun_suffixed and suffixed(key):
            u = False
        d = u and not self.definite_seeds and definite(key)
        a = _NAMED[(u and not d, t, r, key in names or key[1:] in names, d)]
        if len(answers) < CACHE_WORDS:
            answers[key] = a
        return a

    def __post_init__(self):
        # the same words recur across a corpus: remember each word's answers (bounded), as the
        # lexicons do; the caches belong to this gate (one per loaded tagger)
        object.__setattr__(self, "word", lru_cache(maxsize=CACHE_WORDS)(self._word))
        object.__setattr__(self, "_named", (None, {}))
        # r.startswith(any prefix): the prefixes' lengths by their first two letters, so a reading
        # tries only the lengths of the prefixes it could start with (every prefix of a trigger form
        # has two letters or more; with a shorter one, every length is tried)
        object.__setattr__(self, "_prefixes", frozenset(self.trigger_prefixes))
        lengths = tuple(sorted({len(p) for p in self.trigger_prefixes}))
        by_head: dict[str, set[int]] = {}
        for p in self.trigger_prefixes:
            by_head.setdefault(p[:2], set()).add(len(p))
        short = any(len(p) < 2 for p in self.trigger_prefixes)
        object.__setattr__(self, "_prefix_lengths", lengths)
        object.__setattr__(self, "_by_head", None if short else {h: tuple(sorted(ns)) for h, ns in by_head.items()})
        # "ال" + r in S  ⇔  r in {w[2:] for w in S that start with "ال"}: one set look-up, no new string;
        # and the three word sets in one dict, word → KNOWN | TRIGGER | ROLE: one look-up a reading
        flags = dict.fromkeys(_with_article_stripped(self.known), _KNOWN)    # the big set at C speed
        for words, bit in ((self.trigger_words, _TRIGGER), (_with_article_stripped(self.role_words), _ROLE)):
            for w in words:
                flags[w] = flags.get(w, 0) | bit
        object.__setattr__(self, "_flags", flags)

    def use_answers(self, answers, name: str) -> None:
        """Let the per-word caches ask the precomputed answers (rasd.kb.wordanswers) on a miss;
        emptied. Recording, no word is kept (every ask counted)."""
        miss = answers.miss(f"{name}.word", self._word)
        object.__setattr__(self, "_word", miss)
        object.__setattr__(self, "word", miss if answers.record else lru_cache(maxsize=CACHE_WORDS)(miss))
        object.__setattr__(self, "_named", (None, {}))
        if answers.record:
            object.__setattr__(self, "_answers", lambda names: {})

    def unknown(self, key: str) -> bool:
        """No lexicon knows the word (from the one bounded per-word cache of :meth:`word`)."""
        return self.word(key)[0]

    def _word(self, key: str) -> tuple[bool, bool, bool]:
        """(no lexicon knows it, it is a trigger word, it is a role word) under any reading; a word
        unknown is Arabic (three letters or more) and no lexicon knows it under any reading."""
        flags, prefixes, lengths, by_head = self._flags, self._prefixes, self._prefix_lengths, self._by_head
        got = 0
        # the readings start with the word as written (0, key); a word too short for any is read as written
        for _, r in stems(key) or ((0, key),):
            got |= flags.get(r, 0)
            if not got & _TRIGGER:
                for n in (lengths if by_head is None else by_head.get(r[:2], ())):
                    if r[:n] in prefixes:
                        got |= _TRIGGER
                        break
        unknown = len(key) >= 3 and not got & _KNOWN and _ARABIC.search(key) is not None
        return _ANSWERS[(unknown, got & _TRIGGER != 0, got & _ROLE != 0)]


def suffixed(key: str) -> bool:
    """The folded word ends in an attached pronoun (clitics.yaml pronoun_suffixes) after a stem of
    three letters or more."""
    return any(key.endswith(x) and len(key) - len(x) >= 3 for x in letters().pronoun_suffixes)


def definite(key: str) -> bool:
    """The folded word carries the article under one of its readings (ال، وال، بال، لل …)."""
    return any(p and is_definite(key[:p]) for p, _ in stems(key))


def _with_article_stripped(words: frozenset[str]) -> frozenset[str]:
    """``words`` and, for each that starts with the article, the word without it."""
    return words | frozenset(w[len(_ARTICLE):] for w in words if w.startswith(_ARTICLE))
