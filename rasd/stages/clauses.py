"""One clause segmentation of a document, read once and kept on the Doc (``Doc.clause_cuts``).

A clause of a sentence ends at a clause mark (a comma, semicolon, colon, bracket, quote or full stop:
worthiness.yaml irrealis clause_marks) or before a clause-break word (بينما، فيما، حيث، بعد، التي …:
triggers.yaml clause_breaks, one word or a phrase of several: في حين، غير أن). Both kinds of cut are read
here, once for the whole document, as offsets into its one text (the marks) and as the tokens the words
start at; the events stage (rasd.stages.events.clauses: a trigger's
clause, the words between two acts) and the worthiness stage (where the clause of a trigger starts,
the scope of a future or a possibility) read the same cuts.
A relative right before a verb of leading (triggers.yaml relative_aside_verbs: التحالف الذي تقوده
السعودية) right after an ACTOR mention opens no clause (:func:`actor_aside`): it names who leads that
party, an aside after which the clause goes on with the act's target and place.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress

from rasd.doc import Doc
from rasd.stages.cuematch import cue_length, in_list

BREAKS = "clause_breaks"     # the triggers.yaml list of the words that open another clause
TIME_WORDS = "break_time_words"   # … unless a time of day follows the word (triggers.yaml) …
TIME_OPENERS = "break_time_openers"   # … and the word is one a time of day may follow (بعد، قبل)
RELATIVES = "relatives"     # a relative pronoun (triggers.yaml) …
ASIDE_VERBS = "relative_aside_verbs"   # … before a verb of leading is an aside on the party before it
# words at most between an actor's mention and the relative of an aside on it (an adjective the finder
# leaves out of the name: التحالف العربي، التحالف الدولي)
ACTOR_ASIDE_GAP = 1


@dataclass
class ClauseCuts:
    """Where the document's clauses are cut: ``marks``, the offsets of its clause marks in the text,
    ascending; ``words``, token → how many tokens the clause-break cue that starts there spans (read
    up to the document's end); ``shorter``, token → for each end before that cue's own end (from the
    token itself on), the length of the cue read again to end by it (a phrase cut short may leave a
    shorter cue or none). ``built_by``: the ids of the events lexicon and the worthiness cues the cuts
    were read with (the Doc keeps no reference to either: a copy of the Doc does not copy them)."""
    marks: list[int]
    words: dict[int, int]
    shorter: dict[int, tuple[int, ...]] = field(repr=False, default_factory=dict)
    word_starts: list[int] = field(repr=False, default_factory=list)   # the keys of ``words``, ascending
    built_by: tuple[int, ...] = field(repr=False, compare=False, default=())

    def mark_before(self, a: int, b: int) -> int:
        """The offset of the last clause mark in ``text[a:b]``; -1 when there is none."""
        n = bisect_left(self.marks, b) - 1
        return self.marks[n] if n >= 0 and self.marks[n] >= a else -1

    def break_at(self, k: int, end: int) -> int:
        """How many tokens the clause-break cue at token ``k`` spans when it ends by ``end`` (0 when no
        cue starts there, or none that fits: a phrase that runs past ``end`` is read again, shorter)."""
        n = self.words.get(k, 0)
        if n and k + n > end:
            fits = self.shorter.get(k, ())
            return fits[end - k] if 0 <= end - k < len(fits) else 0
        return n if k < end else 0

    def breaks_between(self, lo: int, hi: int) -> list[int]:
        """The tokens in [lo, hi) a clause-break cue starts at, ascending."""
        ws = self.word_starts
        return ws[bisect_left(ws, lo):bisect_left(ws, hi)]


def clause_cuts(doc: Doc, resources, breaks: frozenset[str] | None = None) -> ClauseCuts:
    """The document's clause cuts, read on first use and kept on the Doc (``doc.clause_cuts``); read
    again when the kept ones were read with another lexicon or other cues (another Resources).
    ``breaks``: :func:`break_spellings` of the resources' events lexicon, when the caller keeps it."""
    cuts = doc.clause_cuts
    L, cues = resources.triggers, resources.worthiness_cues
    if cuts is None or cuts.built_by != (id(L), id(cues)):
        marks = cues.irrealis.clause_marks if cues.irrealis else ""
        keys = doc.keys
        offsets = [m.start() for m in re.finditer("[" + re.escape(marks) + "]", doc.text)] if marks else []
        opens = L.cue_starts.lookup
        words, shorter = {}, {}
        # the document's distinct words that may open a clause-break cue (break_spellings: the
        # caller's, worked out once per lexicon, or read here; one C-level set intersection) are
        # looked up, and only their tokens read
        spelt = breaks if breaks is not None else break_spellings(L)
        found = {key for key in spelt.intersection(keys) if BREAKS in opens(key)}
        for k in compress(range(len(keys)), map(found.__contains__, keys)) if found else ():
            if (n := cue_length(L, keys, k, BREAKS, len(keys))) == 1 and k + 1 < len(keys) \
                    and in_list(L, TIME_OPENERS, keys[k]) and in_list(L, TIME_WORDS, keys[k + 1]):
                continue   # بعد ظهر أمس، إلى ما بعد منتصف الليل: a time of day, no new clause
            if n == 1 and actor_aside(doc, L, k):
                continue   # طائرات التحالف الذي تقوده السعودية: who leads the party, an aside; the clause goes on
            if n:
                words[k] = n
                if n > 1:
                    shorter[k] = tuple(cue_length(L, keys, k, BREAKS, end) for end in range(k, k + n))
        cuts = doc.clause_cuts = ClauseCuts(offsets, words, shorter, sorted(words), (id(L), id(cues)))
    return cuts


def actor_aside(doc: Doc, L, k: int) -> bool:
    """Token ``k`` opens an aside on the actor named right before it: a relative (triggers.yaml
    relatives) before a verb of leading (relative_aside_verbs) right after an ACTOR mention, or after
    one word that qualifies it (``ACTOR_ASIDE_GAP``: طائرات التحالف العربي الذي تقوده السعودية). After
    another noun the relative clause is the noun's own (الضربات التي تقودها واشنطن: the leader is the
    strikes' doer; الانقلاب الذي يقوده …: no party's aside)."""
    keys = doc.keys
    if not (0 < k < len(keys) - 1 and in_list(L, RELATIVES, keys[k]) and in_list(L, ASIDE_VERBS, keys[k + 1])):
        return False
    return any(k - ACTOR_ASIDE_GAP <= m.tok[1] <= k for e in doc.entities if e.type == "ACTOR" for m in e.mentions)


def break_spellings(L) -> frozenset[str]:
    """The :func:`spellings` of the clause-break cues of an events lexicon (one word, or the first word
    of a phrase), with the clitic letters its cue look-up reads with."""
    return spellings(L.words.get(BREAKS, frozenset()) | {ph[0] for ph in L.phrases.get(BREAKS, ())},
                     L.cue_starts.clitics.letters)


def spellings(words, letters) -> frozenset[str]:
    """Every word a cue of ``words`` may be written as: a cue reading (clitics.cue_readings) strips
    at most a conjunction and then the article off a word, and a reading is a cue when it or the
    article with it is one; so a word is a cue of the list only if it is one of these (a superset:
    the readings' length conditions are not applied)."""
    a = letters.article
    bases = {*words, *(w[len(a):] for w in words if w.startswith(a))}
    heads = ("", a, *letters.conj, *(c + a for c in letters.conj))
    return frozenset(h + w for w in bases for h in heads)
