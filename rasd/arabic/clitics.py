"""The one clitic API: how a folded word reads with its proclitics stripped.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال, ل+ال → لل) to the
front of a word. Every stage asks through these functions, never by slicing letters itself:

- :func:`readings` — every reading prefix + stem (conjunction, preposition, article), unstripped first;
- :func:`reads_as` — some reading is one of a word set (with or without the article);
- :func:`cue_readings` / :func:`in_cue_set` — the narrower reading of cue words (conjunction and
  article only: ك+ان in وكان is not إن; cue lists spell prepositions out, لصد، بدعم);
- :func:`prefix_in` — the proclitic length of the first reading found in a word set;
- :func:`matches_form` — some reading is a pattern word (a trigger's later words; ``*`` a prefix);
- :class:`ReadingTable` — one document's readings, each word form read once (``Doc.readings``);
- :class:`ListIndex` — which named word lists a word belongs to under some reading (cached per instance).

The letters live in a knowledge file (``clitics.yaml``). A :class:`Clitics` holds the letters of one
file and its own bounded cache of readings; a ``Resources`` builds one from its knowledge dir (the
``clitics`` part) and makes it the current one while it builds a part or a stage runs
(:func:`using`, entered by ``rasd.pipeline.run_stage``). The module-level functions ask the
current Clitics, so two Resources over two knowledge dirs never see each other's letters.

Outside any scope (a unit test, a script calling these directly) the current Clitics is
:data:`PACKAGED`: the letters of the packaged file, read once on import, immutable, and **without
a cache** (it computes each reading afresh), so no mutable state lives at module level.
``arabic/`` imports nothing from ``kb/``: this module reads and checks the file itself.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from rasd.errors import KnowledgeError

CLITICS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "clitics.yaml"
MIN_STEM = 2
CACHE_SIZE = 1 << 16
# cue readings are three string operations: a smaller cache keeps the frequent cue-list words
# (~170 bytes an entry: 1 << 14 is ~3 MB, where 1 << 16 was ~11 MB)
CUE_CACHE_SIZE = 1 << 14


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
    ka: str
    attached_pronouns: tuple[str, ...]
    nisba_plural_suffixes: tuple[str, ...]
    nisba_masculine: str
    plural_dual_endings: tuple[str, ...]
    participle_prefix: str
    feminine_before_pronoun: str = ""
    construct_plural_ending: str = ""
    dual_ending: str = ""

    def proclitic_strings(self, preps: tuple[str, ...] | None = None) -> frozenset[str]:
        """Every proclitic string a word may carry before its article: nothing, a conjunction, a
        preposition (``preps``, by default all), or a conjunction then a preposition (وب، فل)."""
        preps = self.preps if preps is None else preps
        return frozenset({"", *self.conj, *preps, *(c + p for c in self.conj for p in preps)})

    def lam_article_strings(self) -> tuple[str, ...]:
        """ل+ال with the alef elided, alone or after a conjunction (لل، ولل، فلل)."""
        return (self.lam_article, *(c + self.lam_article for c in self.conj))

    def article_ends(self) -> tuple[str, str]:
        """How a proclitic run ending in the article ends: the article, or ل+ال elided."""
        return (self.article, self.lam_article)

    def pronoun_stems(self, stem: str) -> tuple[str, ...]:
        """The word an attached pronoun (``pronoun_suffixes``) was written on, given what is left once the
        pronoun is taken off: as written, and, when it ends in the open teh that teh marbuta is written as
        before a pronoun (سيطرتهم، عطلتهم), with teh marbuta again (سيطرة)."""
        fb = self.feminine_before_pronoun
        if fb and stem.endswith(fb) and len(stem) > 2:
            return stem, stem[:-len(fb)] + self.feminine_ending
        return (stem,)


def load_letters(path: Path = CLITICS_FILE) -> Letters:
    """The letters of one clitics file (a pure function of the file)."""
    d = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    try:
        return Letters(tuple(d["conjunctions"]), tuple(d["prepositions"]), d["article"], d["and"],
                       d["lam_article"], d["bi"], d["li"], tuple(d["pronoun_suffixes"]),
                       tuple(d["nisba_suffixes"]), d["accusative_ending"], d["feminine_ending"],
                       d["feminine_plural"], tuple(d["plural_verb_endings"]), d["ka"],
                       tuple(d["attached_pronouns"]), tuple(d["nisba_plural_suffixes"]), d["nisba_masculine"],
                       tuple(d["plural_dual_endings"]), d["participle_prefix"], d["feminine_before_pronoun"],
                       d.get("construct_plural_ending", ""), d.get("dual_ending", ""))
    except (KeyError, TypeError) as e:
        raise KnowledgeError(f"{Path(path).name}: missing or malformed key {e}",
                             hint="Run `rasd kb check`: it names the line.") from None


def _readings(L: Letters, key: str) -> tuple[tuple[int, str], ...]:
    # Every stem is the end of the word, key[m:], so a reading is its proclitic length m: the
    # candidate lengths in order (as written; without the article; after a conjunction; after a
    # preposition, ل+ال elided as لل), then those that leave a stem of MIN_STEM letters, each once.
    art = L.article
    ms = [0]
    if key.startswith(art):
        ms.append(len(art))
    for n in ((0, 1) if key[:1] in L.conj else (0,)):
        if n:
            ms.append(n)
            if key.startswith(art, n):
                ms.append(n + len(art))
        if key[n:n + 1] in L.preps:
            if key.startswith(L.lam_article, n):   # لل = ل + ال with the alef elided
                ms.append(n + 2)
            ms.append(n + 1)
            if key.startswith(art, n + 1):
                ms.append(n + 1 + len(art))
    last = len(key) - MIN_STEM
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for m in ms:
        if m <= last and m not in seen:
            seen.add(m)
            out.append((m, key[m:]))
    return tuple(out)


class Clitics:
    """The letters of one clitics file and a bounded cache of word readings owned by this object
    (``size=0``: no cache). Pickles as its letters; the cache is rebuilt empty."""

    def __init__(self, letters: Letters, size: int = CACHE_SIZE):
        self.letters = letters
        self.size = size
        if size:
            self.readings = lru_cache(maxsize=size)(self._readings)
            self.cue_readings = lru_cache(maxsize=min(size, CUE_CACHE_SIZE))(self._cue_readings)
        else:
            self.readings = self._readings
            self.cue_readings = self._cue_readings

    @classmethod
    def load(cls, path: Path = CLITICS_FILE, size: int = CACHE_SIZE) -> "Clitics":
        return cls(load_letters(path), size)

    def _readings(self, key: str) -> tuple[tuple[int, str], ...]:
        return _readings(self.letters, key)

    def _cue_readings(self, key: str) -> tuple[str, ...]:
        return _cue_readings(self.letters, key)

    def table(self) -> "ReadingTable":
        """A new, empty :class:`ReadingTable` reading with this Clitics (one per document)."""
        return ReadingTable(self.readings)

    def cue_readings_column(self, keys: list[str]) -> list[tuple[str, ...]]:
        """The cue readings (:func:`cue_readings`) of a run of words, in order (``column[i] ==
        cue_readings(keys[i])``), each distinct word form read once."""
        forms = dict.fromkeys(keys)
        table = dict(zip(forms, map(self.cue_readings, forms)))
        return list(map(table.__getitem__, keys))

    def __getstate__(self) -> dict:
        return {"letters": self.letters, "size": self.size}

    def __setstate__(self, s: dict) -> None:
        self.__init__(s["letters"], s["size"])

    def __repr__(self) -> str:
        return f"Clitics(article={self.letters.article!r}, cached={bool(self.size)})"


# the packaged letters, immutable and uncached (see the module docstring)
PACKAGED = Clitics(load_letters(CLITICS_FILE), size=0)
# the Clitics of the Resources in use in this thread / task (a ContextVar, not a shared global:
# each thread and asyncio task sees its own value, set only inside :func:`using`)
_CURRENT: ContextVar[Clitics] = ContextVar("rasd_clitics", default=PACKAGED)


def current() -> Clitics:
    """The Clitics in use here: the innermost :func:`using` scope's, else :data:`PACKAGED`."""
    return _CURRENT.get()


class using:
    """``with using(clitics):`` makes ``clitics`` the current Clitics of this thread or task until the
    block ends. A slotted class, not a generator: the pipeline opens one per stage and document."""

    __slots__ = ("clitics", "_token")

    def __init__(self, clitics: Clitics):
        self.clitics = clitics

    def __enter__(self) -> Clitics:
        self._token = _CURRENT.set(self.clitics)
        return self.clitics

    def __exit__(self, *exc) -> None:
        _CURRENT.reset(self._token)


def letters() -> Letters:
    """The current letters (see :func:`current`)."""
    return _CURRENT.get().letters


def pronoun_stems(stem: str) -> tuple[str, ...]:
    """:meth:`Letters.pronoun_stems` with the current letters."""
    return letters().pronoun_stems(stem)


def readings(key: str) -> tuple[tuple[int, str], ...]:
    """Readings of a folded word as (prefix length, stem without article), unstripped first.

    >>> [s for _, s in readings("وبريف")]
    ['وبريف', 'بريف', 'ريف']
    >>> readings("للمعارضه")[1]
    (2, 'معارضه')

    Cached by the current Clitics (a Resources part): the same words recur across a corpus.
    """
    return _CURRENT.get().readings(key)


class ReadingTable(dict):
    """word form → :func:`readings`, for one document (``Doc.readings``): each distinct form is read
    once, on its first ask (a miss, :meth:`__missing__`), and every later ask is one C-level dict
    look-up, without the Python frame of :func:`readings` and the recency list of its cache.  Only
    the forms asked for are read (a whole-document column read every word: 714 on average, most
    asked by no stage, at a cost above what it saved).  It holds the Clitics' reading function it
    was made with and dies with its document (no state beyond one report's words)."""

    __slots__ = ("_read",)

    def __init__(self, read):
        super().__init__()
        self._read = read

    def __missing__(self, key: str) -> tuple[tuple[int, str], ...]:
        got = self[key] = self._read(key)
        return got


def cue_readings_column(keys: list[str]) -> list[tuple[str, ...]]:
    """:meth:`Clitics.cue_readings_column` of the current Clitics."""
    return _CURRENT.get().cue_readings_column(keys)


def with_article(stem: str) -> str:
    return letters().article + stem


def has_article(key: str) -> bool:
    return key.startswith(letters().article)


def is_definite(proclitics: str) -> bool:
    """The proclitics read off a word (و، ب، ال، وبال، لل …) carry the article: ال, or the لل of ل + ال."""
    L = letters()
    return L.article in proclitics or proclitics.endswith(L.lam_article)


def without_article(key: str) -> str:
    a = letters().article
    return key[len(a):] if key.startswith(a) else key


def starts_with_and(key: str) -> bool:
    """The word begins with the conjunction that joins list items (وY)."""
    return key.startswith(letters().and_)


def reads_as(words: frozenset, key: str) -> bool:
    """The folded word, under some proclitic reading (بالمدفعية → مدفعية), is one of ``words``."""
    if key in words:
        return True
    c = _CURRENT.get()
    a = c.letters.article
    for _, st in c.readings(key):
        if st in words or (a + st) in words:
            return True
    return False


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
    return _CURRENT.get().cue_readings(key)


def _cue_readings(L: Letters, key: str) -> tuple[str, ...]:
    forms = [key]
    if key[:1] in L.conj and len(key) > 3:
        forms.append(key[1:])
    forms += [f[len(L.article):] for f in forms if f.startswith(L.article) and len(f) > 4]
    return tuple(forms)


def in_cue_set(words: frozenset, key: str) -> bool:
    """Some cue reading of ``key`` is in ``words``, with or without the article."""
    c = _CURRENT.get()
    a = c.letters.article
    for f in c.cue_readings(key):
        if f in words or (a + f) in words:
            return True
    return False


class ListIndex:
    """key → names of the word lists it belongs to under some reading, cached per instance.

    ``cue=False`` reads with every proclitic (:func:`readings`), ``cue=True`` as a cue word
    (:func:`cue_readings`). The Clitics current when it is built (its Resources') is kept, so
    its answers never depend on where it is asked. The cache is bounded and owned by the
    instance (a Resources part).
    """

    def __init__(self, lists: dict[str, frozenset], cue: bool = False, size: int = 1 << 16,
                 clitics: Clitics | None = None):
        self.lists = [(name, words) for name, words in lists.items()]
        self.cue = cue
        self.clitics = clitics or current()
        # word → names of the lists holding it: a miss unions a few dict look-ups instead of
        # testing every list against the word's forms
        self._inv: dict[str, frozenset[str]] = {}
        for name, words in self.lists:
            for w in words:
                self._inv[w] = self._inv.get(w, frozenset()) | {name}
        self._size = size
        self._of = lru_cache(maxsize=size)(self._lists_of)
        #: the cached look-up itself (``index.lookup(key)`` is ``index(key)`` without a Python frame),
        #: for loops that ask for every token of a document
        self.lookup = self._of
        # the few distinct answers, shared by every cached word: an answer per word (most of them
        # empty) cost ~200 bytes an entry, ~13 MB for a full cache
        self._answers: dict[frozenset[str], frozenset[str]] = {}

    def __call__(self, key: str) -> frozenset[str]:
        return self._of(key)

    def use_answers(self, answers, name: str) -> None:
        """Let the cache ask the precomputed answers (rasd.kb.wordanswers) on a miss; emptied."""
        self._of = self.lookup = answers.cached(name, self._lists_of, self._size)

    def _forms(self, key: str) -> set[str]:
        a = self.clitics.letters.article
        if self.cue:
            fs = self.clitics.cue_readings(key)
            return set(fs) | {a + f for f in fs}
        forms = {key}
        for _, st in self.clitics.readings(key):
            forms.update((st, a + st))
        return forms

    def _lists_of(self, key: str) -> frozenset[str]:
        inv = self._inv
        hits = [inv[f] for f in self._forms(key) if f in inv]
        found = frozenset().union(*hits) if hits else frozenset()
        return self._answers.setdefault(found, found)

    def __getstate__(self):
        return {"lists": dict(self.lists), "cue": self.cue, "size": self._size,
                "clitics": self.clitics}

    def __setstate__(self, s):
        self.__init__(s["lists"], s["cue"], s["size"], s.get("clitics"))
