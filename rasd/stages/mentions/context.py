"""The state one document's mention finding works over, and the token predicates every finder uses:
list membership under a proclitic reading, gaps between words, what may be a name part."""
from __future__ import annotations

from operator import itemgetter

from rasd.arabic.clitics import has_article, letters, prefix_in, readings, starts_with_and, with_article
from rasd.arabic.matcher import Hit
from rasd.arabic.script import LIST_GAPS
from rasd.arabic.normalize import fold_str
from rasd.doc import Doc, Mention
from rasd.stages.mentions.index import KB, PLACE, MentionIndex

QUOTES = set("\"'«»“”„")
OPENING_QUOTES = frozenset("\"«“„")
_NOT_NAME = ("name_stops", "person_titles", "place_cues", "org_heads", "source_heads")
_CUE_LISTS = ("place_cues", "strong_place_cues", "facility_cues")
_LISTS = itemgetter(2)


def owned_word(key: str) -> bool:
    """A noun with an attached pronoun (طائفته، لشبيحته، أصغرهم: his sect, his thugs, the youngest
    of them) is no name part: a word of three letters or more before a pronoun of more than one
    letter (ها، هم، هما، هن), or before any pronoun after the ت a feminine noun takes before one
    (ته، تها).  Not a word ending in ه or نا alone: names end so (طه، عبده، وجيه، رنا)."""
    L = letters()
    got = _OWNED.get(id(L))
    if got is None or got[0] is not L:
        got = _owned_pronouns(L)
    _, pronouns, shortest, fem = got
    n = len(key)
    if n - shortest < 3:
        return False   # too short a word for a stem of three letters before any of the pronouns
    for p in pronouns:
        if key.endswith(p) and n - len(p) >= 3 and (len(p) > 1 or key[:-len(p)].endswith(fem)):
            return True
    return False


# id(Letters) → (those Letters, the attached pronouns that extend the one of the third person (ه) in
# their order, the shortest one's length, the ت before a pronoun): worked out once per Letters, not
# per word (owned_word is asked of most words a name finder reads)
_OWNED: dict[int, tuple] = {}


def _owned_pronouns(L) -> tuple:
    h = min(L.attached_pronouns, key=len)   # the pronoun of the third person (ه), which the others of it extend
    pronouns = tuple(p for p in L.attached_pronouns if p.startswith(h))
    got = _OWNED[id(L)] = (L, pronouns, min(map(len, pronouns), default=1 << 30), L.feminine_before_pronoun)
    return got


def plural_nisba(k: str) -> bool:
    """A plural relative adjective (clitics.yaml nisba_plural_suffixes: الإسرائيليين، الشخصيين،
    سوريون) on a stem of three letters or more: a plural, never a part of a personal name, which is
    singular (الحلبي، not الحلبيين); ليون، عيون are too short to be one."""
    L = letters()
    bare = k[len(L.article):] if has_article(k) else k
    return any(bare.endswith(s) and len(bare) - len(s) >= 3 for s in L.nisba_plural_suffixes)


class Finder:
    """One document's tokens, the index, and the mentions found so far (``out``, in finding order)."""

    def __init__(self, doc: Doc, R: MentionIndex):
        self.doc, self.R, self.w = doc, R, R.w
        self.toks = doc.tokens
        self.reads = doc.readings   # word form → its proclitic readings, read once per document
        self.out: list[Mention] = []
        # what the index knows of every token, looked up once per document: its class (what may
        # start there) and its lexicon lists (is_ asks ~1,000 times a report)
        self.words = R.words_of(doc.keys)   # the document's key column, built with its tokens
        self.lists = list(map(_LISTS, self.words))
        self.n = len(self.toks)
        # phrase-matcher hits by token, asked for again by several finders at the same token
        self._kb_hits: dict[int, Hit | None] = {}
        self._place_hits: dict[int, Hit | None] = {}
        self._name_like: dict[tuple[int, bool], bool] = {}

    def refuse(self, i: int, j: int, finder: str, why: str) -> None:
        """For a trace only (``Doc.explain``): the words i..j a finder matched and the reason the
        candidate was set aside, in the document's notes (``mentions_refused``); nothing otherwise."""
        if self.doc.explain and 0 <= i < j <= self.n:
            t = self.toks
            self.doc.notes.setdefault("mentions_refused", []).append(
                {"span": [t[i].start, t[j - 1].end], "text": self.doc.text[t[i].start:t[j - 1].end],
                 "finder": finder, "why": why})

    def is_(self, i: int, lst: str) -> bool:
        """Token i, under some proclitic reading, is a word of lexicon list ``lst``."""
        return 0 <= i < self.n and lst in self.lists[i]

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        t = self.toks
        return self.doc.text[t[i].end:t[i + 1].start] if i + 1 < len(t) else "."

    def joined(self, i: int) -> bool:
        """Tokens i and i+1 are separated by white space only."""
        t = self.toks
        if i + 1 >= len(t):
            return False   # the gap after the last token is "."
        a, b = t[i].end, t[i + 1].start
        if b - a == 1:     # the common case, one character: no slice, no strip
            return self.doc.text[a].isspace()
        return self.doc.text[a:b].strip() == ""

    def quoted_after(self, i: int) -> bool:
        """Tokens i and i+1 are separated by an opening quote (white space around it or not): a
        type word before a quoted name (مطار "روش بينا"، قاعدة «حرير»)."""
        t = self.toks
        if i + 1 >= len(t):
            return False
        gap = self.doc.text[t[i].end:t[i + 1].start].strip()
        return len(gap) == 1 and gap in OPENING_QUOTES

    def kb_start(self, i: int) -> bool:
        h = self.kb_hit(i)
        return bool(h and not all(p[2] for p in h.payloads))

    def prefix_of(self, i: int, lst: str | None = None, pool=None) -> int:
        """Proclitic length of the reading of token i found in a lexicon list or given set."""
        return prefix_in(pool if pool is not None else self.w[lst], self.toks[i].key)

    def is_cue_stem(self, st: str) -> bool:
        return any(st in self.w[lst] or with_article(st) in self.w[lst] for lst in _CUE_LISTS)

    def nisba_of_common(self, k: str) -> bool:
        """شعبي، سورية: a relative adjective made from an ordinary word."""
        L = letters()
        for suf in L.nisba_suffixes:
            if k.endswith(suf) and not has_article(k):
                base = k[:-len(suf)]
                return base in self.R.common or (base + L.feminine_ending) in self.R.common
        return False

    def common_reading(self, k: str) -> bool:
        """The word, or a reading of it without proclitics, is an ordinary word."""
        return k in self.R.common or any(st in self.R.common for _, st in readings(k)[1:])

    def name_like(self, i: int, first: bool = False) -> bool:
        """Token i may be part of a name (not a stop word, a title, a type word; not first: no
        ordinary word, no وX). A function of the token alone: worked out once per document."""
        memo = self._name_like
        if (i, first) not in memo:
            memo[i, first] = self._name_like_at(i, first)
        return memo[i, first]

    def _name_like_at(self, i: int, first: bool) -> bool:
        if not 0 <= i < len(self.toks):
            return False
        k = self.toks[i].key
        if len(k) < 2 or k.isdigit() or any(k in self.w[lst] for lst in _NOT_NAME):
            return False
        conj_word = starts_with_and(k)
        if conj_word and len(k) > 3 and not first:
            return False
        if not first and (self.common_reading(k) or self.nisba_of_common(k)):
            return False
        if plural_nisba(k) or owned_word(k):
            return False   # الأمريكيين، الشخصيين: a plural adjective; طائفته، أصغرهم: a noun with a pronoun
        if k.startswith(letters().bi) and any(self.is_cue_stem(st) for n, st in self.reads[k] if n):
            return False
        if any(st in self.w[lst] or with_article(st) in self.w[lst] for n, st in self.reads[k] if n
               for lst in ("org_heads", "person_titles")):
            return False   # لكتائب، وحركة، للرئيس: a type word or a title behind a proclitic is no name
        if conj_word and (k[1:] in self.w["name_stops"] or k[1:] in self.w["person_titles"]):
            return False
        return not self.kb_start(i)

    def coordinated_place(self, i: int) -> bool:
        """Token i follows a place mention in a list: و, a comma or a dash between them."""
        if not (self.out and self.out[-1].type == "PLACE" and self.out[-1].tok[1] == i):
            return False
        return starts_with_and(self.toks[i].key) or self.gap(i - 1).strip() in LIST_GAPS

    def cue_before(self, i: int) -> str | None:
        """The place type word before token i (قرية، بلدة), folded."""
        return fold_str(self.toks[i - 1].key) if self.is_(i - 1, "place_cues") else None

    # ---- mention construction --------------------------------------------------------------
    def span(self, i: int, j: int, prefix: int = 0) -> tuple[int, int]:
        """Original offsets of tokens i..j-1, without the proclitics of token i (the article stays)."""
        L = letters()
        t = self.toks[i]
        pre = t.key[:prefix]
        if pre.endswith(L.article) and not pre.endswith(L.lam_article):
            prefix -= len(L.article)
        start = self.doc.folded.orig(t.kstart + prefix) if prefix else t.start
        return start, self.toks[j - 1].end

    def add(self, i: int, j: int, prefix: int, typ: str, kb_id=None, conf=0.8, **info) -> Mention:
        s, e = self.span(i, j, prefix)
        m = Mention(s, e, self.doc.text[s:e], typ, kb_id, conf, **{"tok": (i, j), **info})
        self.out.append(m)
        return m

    def kb_hit(self, i: int) -> Hit | None:
        """The longest knowledge-base name at token i (worked out once per token)."""
        hits = self._kb_hits
        if i in hits:
            return hits[i]
        # no reading of a word outside the KB class starts a name (its class is that test): no walk
        h = hits[i] = self.R.names.match_from(self.toks, i, self.R.kb_starts(self.toks[i].key)) \
            if 0 <= i < self.n and self.words[i][0] & KB else None
        return h

    def place_at(self, i: int) -> Hit | None:
        """The longest gazetteer name at token i (worked out once per token)."""
        hits = self._place_hits
        if i in hits:
            return hits[i]
        h = hits[i] = self.R.places.match_from(self.toks, i, self.R.place_starts(self.toks[i].key)) \
            if 0 <= i < self.n and self.words[i][0] & PLACE else None
        return h
