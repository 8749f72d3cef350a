"""The one clitic API: how a folded word reads with its proclitics stripped.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال, ل+ال → لل) to the
front of a word. Every stage asks through these functions, never by slicing letters itself:

- :func:`readings` — every reading prefix + stem (conjunction, preposition, article), unstripped first;
- :func:`reads_as` — some reading is one of a word set (with or without the article);
- :func:`cue_readings` / :func:`in_cue_set` — the narrower reading of cue words (conjunction and
  article only: ك+ان in وكان is not إن; cue lists spell prepositions out, لصد، بدعم);
- :func:`prefix_in` — the proclitic length of the first reading found in a word set;
- :func:`matches_form` — some reading is a pattern word (a trigger's later words; ``*`` a prefix);
- :class:`ListIndex` — which named word lists a word belongs to under some reading (cached per instance).

The letters live in ``rasd/knowledge/clitics.yaml`` (validated by ``rasd kb check``); this module
reads that file itself, once, because ``arabic/`` imports nothing from ``kb/``. The caches are
bounded and hold pure functions of a word.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from rasd.errors import KnowledgeError

CLITICS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "clitics.yaml"
MIN_STEM = 2


@dataclass(frozen=True)
class Letters:
    """The clitic letters of knowledge/clitics.yaml."""

    conj: tuple[str, ...]
    preps: tuple[str, ...]
    article: str
    and_: str
    lam_article: str
    bi: str
    li: str
    pronoun_suffixes: tuple[str, ...]
    nisba_suffixes: tuple[str, ...]
    accusative_ending: str
    feminine_ending: str
    feminine_plural: str
    plural_verb_endings: tuple[str, ...]


@cache
def letters() -> Letters:
    """The letters, read once from the packaged knowledge file (a constant of the installation)."""
    d = yaml.safe_load(CLITICS_FILE.read_text(encoding="utf-8"))
    try:
        return Letters(tuple(d["conjunctions"]), tuple(d["prepositions"]), d["article"], d["and"],
                       d["lam_article"], d["bi"], d["li"], tuple(d["pronoun_suffixes"]),
                       tuple(d["nisba_suffixes"]), d["accusative_ending"], d["feminine_ending"],
                       d["feminine_plural"], tuple(d["plural_verb_endings"]))
    except (KeyError, TypeError) as e:
        raise KnowledgeError(f"{CLITICS_FILE.name}: missing or malformed key {e}",
                             hint="Run `rasd kb check`: it names the line.") from None


@lru_cache(maxsize=1 << 16)
def readings(key: str) -> tuple[tuple[int, str], ...]:
    """Readings of a folded word as (prefix length, stem without article), unstripped first.

    >>> [s for _, s in readings("وبريف")]
    ['وبريف', 'بريف', 'ريف']
    >>> readings("للمعارضه")[1]
    (2, 'معارضه')

    Cached: the same words recur across a corpus, and matching asks for them many times.
    """
    L = letters()
    out: list[tuple[int, str]] = []
    seen = set()

    def add(n: int, stem: str) -> None:
        if len(stem) >= MIN_STEM and stem not in seen:
            seen.add(stem)
            out.append((n, stem))

    def with_article(n: int, rest: str) -> None:
        add(n, rest)
        if rest.startswith(L.article) and len(rest) - len(L.article) >= MIN_STEM:
            add(n + len(L.article), rest[len(L.article):])

    with_article(0, key)
    heads = [(0, key)]
    if key[:1] in L.conj:
        heads.append((1, key[1:]))
    for n, rest in heads:
        if n:
            with_article(n, rest)
        if rest[:1] in L.preps:
            if rest.startswith(L.lam_article):   # لل = ل + ال with the alef elided
                add(n + 2, rest[2:])
            with_article(n + 1, rest[1:])
    return tuple(out)


def with_article(stem: str) -> str:
    return letters().article + stem


def has_article(key: str) -> bool:
    return key.startswith(letters().article)


def without_article(key: str) -> str:
    a = letters().article
    return key[len(a):] if key.startswith(a) else key


def starts_with_and(key: str) -> bool:
    """The word begins with the conjunction that joins list items (وY)."""
    return key.startswith(letters().and_)


def reads_as(words: frozenset, key: str) -> bool:
    """The folded word, under some proclitic reading (بالمدفعية → مدفعية), is one of ``words``."""
    a = letters().article
    return key in words or any(st in words or (a + st) in words for _, st in readings(key))


def prefix_in(words: frozenset, key: str) -> int:
    """Proclitic length of the first reading of ``key`` found in ``words`` (0 when none is)."""
    a = letters().article
    for n, st in readings(key):
        if st in words or (a + st) in words:
            return n
    return 0


def matches_form(form: str, key: str) -> bool:
    """Some reading of ``key`` is the pattern word ``form``, with or without the article either side;
    a trailing ``*`` makes ``form`` a prefix (a trigger's later words: قصف مدفعي، صواريخ*)."""
    a = letters().article
    forms = [key] + [s for _, s in readings(key)]
    if form.endswith("*"):
        return any(r.startswith(form[:-1]) for r in forms)
    return any(r == form or r == a + form or a + r == form for r in forms)


def cue_readings(key: str) -> tuple[str, ...]:
    """A cue word's readings: as written, without a conjunction, and either without its article.
    Prepositions are not stripped here (ك+ان in وكان is not إن); cue lists spell them (لصد، بدعم)."""
    L = letters()
    forms = [key]
    if key[:1] in L.conj and len(key) > 3:
        forms.append(key[1:])
    forms += [f[len(L.article):] for f in forms if f.startswith(L.article) and len(f) > 4]
    return tuple(forms)


def in_cue_set(words: frozenset, key: str) -> bool:
    """Some cue reading of ``key`` is in ``words``, with or without the article."""
    a = letters().article
    return any(f in words or (a + f) in words for f in cue_readings(key))


class ListIndex:
    """key → names of the word lists it belongs to under some reading, cached per instance.

    ``cue=False`` reads with every proclitic (:func:`readings`), ``cue=True`` as a cue word
    (:func:`cue_readings`). The cache is bounded and owned by the instance (a Resources part).
    """

    def __init__(self, lists: dict[str, frozenset], cue: bool = False, size: int = 1 << 16):
        self.lists = [(name, words) for name, words in lists.items()]
        self.cue = cue
        self._of = lru_cache(maxsize=size)(self._lists_of)
        # the few distinct answers, shared by every cached word: an answer per word (most of them
        # empty) cost ~200 bytes an entry, ~13 MB for a full cache
        self._answers: dict[frozenset[str], frozenset[str]] = {}

    def __call__(self, key: str) -> frozenset[str]:
        return self._of(key)

    def _forms(self, key: str) -> set[str]:
        a = letters().article
        if self.cue:
            fs = cue_readings(key)
            return set(fs) | {a + f for f in fs}
        forms = {key}
        for _, st in readings(key):
            forms.update((st, a + st))
        return forms

    def _lists_of(self, key: str) -> frozenset[str]:
        forms = self._forms(key)
        found = frozenset(name for name, words in self.lists if not forms.isdisjoint(words))
        return self._answers.setdefault(found, found)

    def __getstate__(self):
        return {"lists": dict(self.lists), "cue": self.cue, "size": self._of.cache_parameters()["maxsize"]}

    def __setstate__(self, s):
        self.__init__(s["lists"], s["cue"], s["size"])
