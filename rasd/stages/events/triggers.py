"""Trigger words in a sentence: the longest form that fits at each token, outside entity names."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, repeat

from rasd.arabic.clitics import letters, readings
from rasd.arabic.tokens import Token
from rasd.stages.events.lexicon import Lexicon, TriggerDef


@dataclass
class Trig:
    d: TriggerDef
    i: int                 # first token
    j: int                 # one past last token
    prefix: int            # proclitic characters on the first token (with a glued word's, below)
    type: str = ""
    fallback_place: bool = False
    rule: str = ""         # why it has its type (the event's why.type)
    place_rule: str = ""   # how its places were chosen (why.places)
    place_why: dict = field(default_factory=dict)   # id(mention) → a reason of its own
    glue: int = 0          # characters of a word glued before it on its token (المقاومةاستهدفت)
    also: str = ""         # a second type the same act is coded as (missiles and drones: SHELLING and AIRSTRIKE)
    also_rule: str = ""    # the why of that second type
    hurt: int = -1         # the token of the unarmed people its clause says it hurt (kinds.victims_kind), or -1


NO_OPENERS = (0, ())   # the answer of most words, one shared tuple (Lexicon.openers_of keeps many)
MIN_GLUED = 3   # the shortest word a glued pair is split into (shorter heads are proclitic runs)


def glued(key: str, L: Lexicon, vocab) -> tuple[int, tuple[tuple[int, TriggerDef], ...]]:
    """(length of the glued head, the trigger candidates of the rest) of a word that is two words
    written without the space between them (a link's text stripped with its spaces, SOURCES.md of
    news2): المقاومةاستهدفت، العراقاستهداف، التركيغارات. Both halves must be frequent words of the
    news (the vocabulary of the word clusters learned at install), the second as written or under
    a proclitic reading (:func:`frequent`: السوريةلعدوان), and the whole word must not be one; a head that is only proclitics and the article (وال، بال، الم) is no word. A short preposition
    of triggers.yaml glued_heads (عن، في، إلى) is a head too, tried first. (0, ()) when the word is not
    such a pair. The first split that fits, shortest head first."""
    if not vocab or key in vocab:
        return 0, ()
    for head in L.words.get("glued_heads", ()):
        # عنقصف، إلىالاستهداف، فيهجوم: a short preposition glued to the word after it (triggers.yaml
        # glued_heads), too short for the frequent-word test of a head below
        tail = key[len(head):]
        if key.startswith(head) and len(tail) >= MIN_GLUED and tail in vocab:
            found = L.candidates(tail)
            if found:
                return len(head), found
    article, conj = letters().article, letters().conj
    # the split points whose head is a frequent word, found in one C-level pass over the heads (a new
    # word, the only kind asked here, has few or none); each tail keeps MIN_GLUED + 1 letters or more
    cuts = range(MIN_GLUED, len(key) - MIN_GLUED)
    for p in compress(cuts, map(vocab.__contains__, map(key.__getitem__, map(slice, repeat(None), cuts)))):
        head, tail = key[:p], key[p:]
        if not frequent(tail, vocab):
            continue
        at = head.find(article)
        if 0 <= at <= 2 and len(head) - at - len(article) < MIN_GLUED:
            continue   # وال، بال، الم: proclitics and the article with a letter or two, not a word
        if len(head) == MIN_GLUED and head[:1] in conj:
            continue   # وست، وسن، ولي: a conjunction and a verb's prefix (وستتفاوض، وسنحاول)
        found = L.candidates(tail)
        if found:
            return p, found
    return 0, ()


def frequent(word: str, vocab) -> bool:
    """A frequent word of the news, as written or under a proclitic reading (السوريةلعدوان: the
    tail لعدوان is عدوان with the preposition; الاحتلالبصليات: بصليات is صليات): the second half of
    a glued pair carries its proclitics like any word."""
    return word in vocab or any(len(stem) >= MIN_GLUED and stem in vocab for _, stem in readings(word)[1:])


def openers(key: str, L: Lexicon, vocab: frozenset) -> tuple[int, tuple[tuple[int, TriggerDef], ...]]:
    """(glue, trigger candidates) of a word: its own candidates, else those of the second half of a
    glued pair (:func:`glued`); (0, ()) for a word that opens no trigger (most words)."""
    # not L.candidates: Lexicon.openers_of keeps the answer (one cache); candidates_of asks the
    # precomputed answers first (Lexicon.use_answers)
    cands = L.candidates_of(key)
    if cands:
        return 0, cands
    return glued(key, L, vocab) if vocab else NO_OPENERS


def find_triggers(toks: list[Token], lo: int, hi: int, covered: set[int], L: Lexicon,
                  vocab: frozenset = frozenset(), opens: dict | None = None,
                  starts: list[int] | None = None) -> list[Trig]:
    """Triggers of tokens lo..hi; ``vocab`` (frequent news words) lets a trigger glued to the word
    before it on one token be found (:func:`glued`). ``opens`` (token → :func:`openers`, for the
    tokens that open some trigger) and ``starts`` (those of lo..hi, ascending), worked out once per
    document (:meth:`Lexicon.openers_of`), spare the look-ups of the other tokens; the triggers
    are the same."""
    out: list[Trig] = []
    if opens is None:
        opens = {i: o for i in range(lo, hi) if (o := openers(toks[i].key, L, vocab))[1]}
    if starts is None:
        starts = [i for i in range(lo, hi) if i in opens]
    free = lo   # the first token after the last trigger found
    fits = L.fits   # clitics.matches_form, cached per (pattern word, word)
    for i in starts:
        if i < free or i in covered:
            continue
        glue, cands = opens[i]
        best: Trig | None = None
        for n, d in cands:
            j = i + len(d.pattern)
            if j > hi or (best is not None and j <= best.j) or not covered.isdisjoint(range(i, j)):
                continue
            if all(fits(p, toks[i + 1 + k].key) for k, p in enumerate(d.pattern[1:])):
                best = Trig(d, i, j, glue + n, glue=glue)
        if best:
            out.append(best)
            free = best.j
    return out
