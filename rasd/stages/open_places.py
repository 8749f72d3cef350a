"""Open-vocabulary places: names the gazetteer lacks, read from how the press introduces places.

Runs after ``mentions`` and before ``link``. It adds PLACE mentions where the mentions stage found
none, and never one that overlaps a mention of another kind:

- after a facility cue (قاعدة، موقع، ثكنة، مستوطنة، مستشفى …) the whole phrase is a place, named by
  the words after the cue (``facility``; ``name`` holds the bare name);
- after a settlement cue (بلدة، قرية، حي، منطقة، محور …) the name after it is a place;
- after a plural or dual cue (مستوطنات، بلدات، قريتي …) every item of the list joined by و or
  commas is a place, quoted or not;
- a list of places (X وY وZ) is split completely: unknown names standing between two places of
  the list (up to ``MAX_BETWEEN`` in a row; an ordinary word the gazetteer names only there), or
  one closing a list of two or more places and ending it, are places too;
- the dual of every feminine type word (محافظتي، منطقتي، محطتي: ``dual_endings``) opens a list of two.

A name is the quoted words after the cue, or up to three words: the first not a common noun of
the kind that shows the cue word is used in another sense (موقع التواصل، منطقة عازلة), the next
ones carrying the article, and none an adjective the press puts after a name (الإسرائيلي، النفطي).
A pattern place that this stage finds longer (حاجز أبو → حاجز أبو رفاعي) replaces the shorter one.
Cue words live in ``knowledge/open_places.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress
from functools import lru_cache
from pathlib import Path
from typing import Callable

from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.clitics import Letters, letters, reads_as
from rasd.arabic.clitics import readings as stems
from rasd.arabic.script import COMMAS, has_letter
from rasd.arabic.tokens import Token
from rasd.doc import Doc, Mention
from rasd.kb.yamlfile import load
from rasd.pipeline import Stage
from rasd.stages.mentions.placeness import ends_item

QUOTES = frozenset("\"'«»“”„")
# format characters (marks of direction, joiners) that news text carries between words
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\ufeff\u00ad"), None)
HYPHEN = "-"
MAX_NAME = 3        # words of an unquoted name
MAX_QUOTED = 4      # words of a quoted name
MAX_ITEMS = 12      # names in one list
MAX_BETWEEN = 4     # unknown names in a row between two places of one list
LIST_WHY = "an unknown name between two places of one list"
LIST_ITEM_WHY = "an item of the list after '"   # and the cue word, then a closing quote
CLOSING_WHY = "an unknown name closing a list of places"
CLOSING_RUN_WHY = "one of the unknown names, each joined by the conjunction, closing a list of places"


@dataclass(frozen=True)
class PlaceCues:
    """The folded word lists of open_places.yaml."""

    facility: frozenset[str]
    settlement: frozenset[str]
    feature: frozenset[str]
    plural: frozenset[str]
    dual: frozenset[str]
    open: frozenset[str]
    not_before: frozenset[str]
    not_after: frozenset[str]
    enders: frozenset[str]
    not_names: frozenset[str]
    anaphors: dict[str, frozenset[str]]
    links: frozenset[str]
    location_verbs: frozenset[str] = frozenset()
    edges: frozenset[str] = frozenset()
    territory: frozenset[str] = frozenset()
    border_links: frozenset[str] = frozenset()
    list_preps: frozenset[str] = frozenset()
    # key → {list name: (proclitic length, cue)} for the cue lists; memoised per loaded file, as
    # every word of every report is asked for
    readings: Callable[[str], dict] = field(default=lambda key: {}, compare=False, repr=False)
    # the tokens that may be a cue or an anaphor (a cheap first pass; readings() then decides)
    forms: frozenset[str] = frozenset()
    # the clitic letters of the Resources that loaded the file (rasd.arabic.clitics)
    letters: Letters | None = field(default=None, compare=False, repr=False)
    # what a facility serves, part of its type (حقل غاز، محطة كهرباء): the name follows it
    facility_types: frozenset[str] = frozenset()
    # folded adjective → country id, of the states a border is named by (الحدود السورية التركية)
    border_adjectives: dict[str, str] = field(default_factory=dict)
    # buildings named after the body they serve (مسجد قوة الطوارئ): a construct phrase names them
    served_buildings: frozenset[str] = frozenset()
    # plural and dual cues of sites and areas: a lone frequent word after one names a kind (مواقع الميليشيا)
    kind_lists: frozenset[str] = frozenset()
    # منطقة X: an ordinary word after them is a name when a known place locates it right after
    located: frozenset[str] = frozenset()
    located_links: frozenset[str] = frozenset()
    # container links that put a place inside the next one (في، داخل), not beside it (place_context)
    inside_links: frozenset[str] = frozenset()

    def candidates(self, doc: Doc) -> list[int]:
        """Indexes of the tokens that may be a cue word or an anaphor."""
        return candidate_tokens(doc, self.forms)


def word_forms(words) -> frozenset[str]:
    """Every token a word of ``words`` can be behind proclitics and the article (a superset of what
    stems() reads): a first pass by one set lookup per token. Built once, with the current
    Resources' clitic letters."""
    L = letters()
    a = L.article
    prefixes, lam = L.proclitic_strings(), L.lam_article_strings()
    out = set()
    for w in words:
        bare = w[len(a):] if w.startswith(a) else w
        for p in prefixes:
            out.update((p + w, p + bare, p + a + bare))
        for p in lam:
            out.add(p + bare)
    return frozenset(out)


def candidate_tokens(doc: Doc, forms: frozenset[str]) -> list[int]:
    """Indexes of the tokens that are one of ``forms``."""
    keys = doc.keys
    return list(compress(range(len(keys)), map(forms.__contains__, keys)))


def _fold_all(words) -> frozenset[str]:
    return frozenset(fold_str(w) for w in words)


def derived_duals(words: frozenset[str], endings, feminine: str) -> frozenset[str]:
    """The duals in construct of the feminine type words among ``words`` (محافظة → محافظتي، محافظتا):
    each of ``endings`` (open_places.yaml's ``dual_endings``) put for the final ``feminine`` letter."""
    ends = _fold_all(endings)
    return frozenset(w[:-len(feminine)] + e for w in words if w.endswith(feminine) for e in ends)


def load_cues(path: Path) -> PlaceCues:
    d = load(path)
    L = letters()
    facility, settlement = _fold_all(d["facility_cues"]), _fold_all(d["settlement_cues"])
    duals = derived_duals(facility | settlement, d["dual_endings"], L.feminine_ending)
    lists = {"facility": facility, "settlement": settlement,
             "feature": _fold_all(d["feature_cues"]),
             "plural": _fold_all(d["plural_cues"]), "dual": _fold_all(d["dual_cues"]) | duals}
    anaphors = {strip_article(fold_str(k)): _fold_all(v) for k, v in d["anaphors"].items() if k != "__line__"}
    every = frozenset().union(*lists.values())
    # a cue word's proclitics (conjunction, preposition), no article; not ك "like": كتلة، كتلتي
    # "bloc(s)" are no ك + تلة (a place word is not compared with, it is named: place21)
    proclitics = L.proclitic_strings(tuple(p for p in L.preps if p != L.ka))
    article_ends = L.article_ends()

    # a bounded cache owned by the PlaceCues this returns (the Resources' open_places part);
    # the clitic readings it asks for are the current Resources' (rasd.arabic.clitics)
    @lru_cache(maxsize=1 << 16)
    def readings(key: str) -> dict:
        out: dict = {}
        for n, st in stems(key):
            if st in every and key[:n] in proclitics:
                for name, words in lists.items():
                    if st in words:
                        out.setdefault(name, (n, st))
            pre = key[:n]
            if st in anaphors and pre.endswith(article_ends):
                out.setdefault("anaphor", (st, anaphors[st]))
        return out

    return PlaceCues(lists["facility"], lists["settlement"], lists["feature"], lists["plural"], lists["dual"],
                     _fold_all(d["open_cues"]), _fold_all(d["not_before"]), _fold_all(d["not_after"]),
                     _fold_all(d["name_enders"]), _fold_all(d["not_names"]), anaphors,
                     _fold_all(d["container_links"]), _fold_all(d["location_verbs"]), _fold_all(d["edge_words"]),
                     _fold_all(d["territory_words"]), _fold_all(d["border_links"]), _fold_all(d["list_preps"]),
                     readings, word_forms(every | frozenset(anaphors)), L,
                     facility_types=_fold_all(d["facility_types"]),
                     border_adjectives={fold_str(k): v for k, v in d["border_adjectives"].items() if k != "__line__"},
                     served_buildings=_fold_all(d["served_buildings"]),
                     kind_lists=_fold_all(d["kind_list_cues"]),
                     located=_fold_all(d["located_cues"]), located_links=_fold_all(d["located_links"]),
                     inside_links=_fold_all(d.get("inside_links") or ()))


def reads(key: str, words: frozenset[str]) -> bool:
    """The token, behind some proclitics, is one of ``words``."""
    return reads_as(words, key)


class _OpenPlaces:
    def __init__(self, doc: Doc, cues: PlaceCues, lex: dict, common: frozenset, gaz,
                 vocab: frozenset = frozenset()):
        self.doc, self.c, self.lex, self.common, self.gaz = doc, cues, lex, common, gaz
        self.vocab = vocab   # the frequent words of the news, folded (resources.news_vocab)
        L = self.L = cues.letters or letters()
        self.article, self.and_ = L.article, L.and_
        self.nisba_all = L.nisba_plural_suffixes + L.nisba_suffixes
        self.pronoun_ends = L.attached_pronouns
        self.conj = "".join(L.conj)
        self.toks: list[Token] = doc.tokens
        self.owner: dict[int, Mention] = {}
        for m in doc.mentions:
            for k in range(*m.tok):
                self.owner[k] = m
        self.added: list[Mention] = []
        self.dropped: set[int] = set()     # id() of pattern places replaced by a longer one
        self.named_after: set[int] = set()  # id() of person mentions a site is named after
        self.by_location: set[int] = set()  # first tokens of ordinary words named as the place a known one locates

    # ---- words ---------------------------------------------------------------------------
    def gap(self, i: int) -> str:
        """What stands between token i and i+1, without format characters and spaces."""
        t = self.toks
        if i + 1 >= len(t):
            return "."
        return self.doc.text[t[i].end:t[i + 1].start].translate(_INVISIBLE).strip()

    def quoted_gap(self, i: int) -> bool:
        g = self.gap(i)
        return bool(g) and all(ch in QUOTES for ch in g)

    def adjective(self, key: str) -> bool:
        """An adjective the press puts after a name: a listed one, or a relative adjective (nisba)
        made from a place or an ordinary word (الإسرائيلي، اللبنانية، الشعبي)."""
        if key in self.c.enders or key in self.lex["nationalities"]:
            return True
        a = self.article
        if not key.startswith(a):
            return False
        base = key[len(a):]
        for suf in self.nisba_all:
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                stem = base[:-len(suf)]
                if suf != self.L.nisba_masculine or stem in self.common or stem + self.L.feminine_ending in self.common \
                        or self.gaz.lookup(stem) or self.gaz.lookup(a + stem):
                    return True
        return False

    def stop_word(self, key: str) -> bool:
        """A word no place name starts with."""
        if len(key) < 2 or key.isdigit() or key in self.c.not_names or key in self.lex["name_stops"] \
                or key in self.lex["person_titles"] or not has_letter(key):
            return True
        if self.clitic_word(key):
            return True
        ends = self.pronoun_ends
        if key.endswith(ends) and key not in self.common and any(
                st in self.common or st in self.c.links or st in self.c.edges
                or (st != key[:-len(p)] and st in self.vocab)
                for p in ends if key.endswith(p) for st in self.L.pronoun_stems(key[:-len(p)])):
            return True     # موقعها، منطقتهم، ريفها: a noun (a place word too) with a pronoun; عطلتهم:
            #                 teh marbuta opened before a pronoun, on a word the news uses often
        return any(n and (st in self.lex["name_stops"] or st in self.c.not_names) for n, st in stems(key))

    def clitic_word(self, key: str) -> bool:
        """بالتزامن، لإنتاج، بقذائف: a preposition on an ordinary word, never a name's first word."""
        if key in self.common:
            return False
        a = self.article
        return any(n and key[:n].lstrip(self.conj) and (st in self.common or a + st in self.common)
                   for n, st in stems(key))

    def nisba_of_common(self, key: str) -> bool:
        """أمنية، رئاسية، شعبي: a relative adjective made from an ordinary word."""
        for suf in self.L.nisba_suffixes:
            if key.endswith(suf) and not key.startswith(self.article):
                base = key[:-len(suf)]
                if base in self.common or base + self.L.feminine_ending in self.common:
                    return True
        return False

    def agreeing(self, key: str) -> bool:
        """One indefinite word that agrees, as an adjective, with a plural or dual type word before it:
        an inanimate plural takes a feminine singular adjective, a participle (محاصرة، مجاورة) or a
        relative adjective (ريفية، دفاعية، نائية: مناطق ريفية، مواقع دفاعية); a name after a plural
        type word has the article (مواقع العاصي), is quoted, or is no such feminine form."""
        L = self.L
        if key.startswith(self.article) or len(key) <= 4:
            return False
        participle = key.startswith(L.participle_prefix) and key.endswith(L.feminine_ending)
        return participle or key.endswith(L.nisba_suffixes[0])

    def is_cue(self, key: str) -> bool:
        return bool(self.c.readings(key).keys() - {"anaphor"})

    # ---- names ---------------------------------------------------------------------------
    def name_at(self, j: int, pre: int = 0, quoted: bool = False, open_cue: bool = True,
                construct: bool = False, person: bool = False, located: bool = False) -> int | None:
        """End token of a place name whose first word is token ``j`` (after ``pre`` proclitic
        letters), or None. After a cue that is not ``open_cue``, an ordinary word opens no name;
        after one that is no ``construct`` cue (a building named after the body it serves), an
        ordinary noun in construct opens none either. A ``person``'s name after a title (مسجد
        الإمام الصادق، مستشفى الملك فهد) may be one ordinary word (فهد "cheetah"). After a
        ``located`` cue (منطقة) an ordinary word is a name when a known place locates it (:meth:`placed_at`)."""
        toks = self.toks
        if j >= len(toks):
            return None
        first = toks[j].key[pre:]
        if quoted:
            k = j
            while k < len(toks) and k - j < MAX_QUOTED:
                if any(ch in QUOTES for ch in self.gap(k)):
                    bad = any(not has_letter(toks[x].key) or toks[x].key.isdigit()
                              for x in range(j, k + 1))
                    bad = bad or toks[j].key[pre:] in self.c.not_names
                    # منطقة "ميرون البقاء في "الأماكن: a quote misplaced by the outlet; a name never
                    # ends on a preposition or a pronoun (lexicon name_stops), so these quotes close none
                    bad = bad or (k > j and toks[k].key in self.lex["name_stops"])
                    return None if bad or self.key(k + 1) in self.c.not_after else k + 1
                if self.gap(k):
                    return None
                k += 1
            return None
        kunya = first in self.lex["kunya"]   # أبي بكر: a kunya opens a name, not "my father"
        if self.stop_word(first) or self.is_cue(first) \
                or (not kunya and (self.adjective(first) or self.nisba_of_common(first))):
            return None
        k = j + 1

        def continues(k: int) -> bool:
            if k >= len(toks) or k - j >= MAX_NAME:
                return False
            if self.gap(k - 1):
                # كاباردينو-بلكاريا، كاستينا-ألا: a hyphen with no space about it joins the two words of
                # one name (spaced, القامشلي - عامودا names two places, a road's two ends)
                return self.gap(k - 1) == HYPHEN and toks[k - 1].end + 1 == toks[k].start \
                    and self.name_word(k) and not self.adjective(toks[k].key) and not self.is_cue(toks[k].key)
            key, prev = toks[k].key, toks[k - 1].key
            joiners = self.lex["name_joiners"]
            if self.name_word(k) and ((prev in joiners and k - 1 > j) or (
                    key in joiners and prev not in joiners and not self.gap(k) and self.name_word(k + 1))):
                return True   # عمر بن الخطاب: a joiner inside the name of a person the site is named after,
                #               and the name after it (a person's name may be an ordinary word)
            if self.stop_word(key) or self.adjective(key) or self.is_cue(key) or self.owner.get(k) \
                    or self.nisba_of_common(key):
                return False
            if key.startswith(self.article) or prev in self.lex["name_joiners"] or prev in self.lex["kunya"]:
                return True
            # بركة ريشا، عين عرب: a second word without the article, when it is no ordinary word
            clitic = any(n >= 2 and key[:n].endswith(self.L.article_ends()) for n, _ in self.doc.readings[key])   # بالقذائف
            return k == j + 1 and key not in self.common and not key.startswith(self.and_) and len(key) > 2 \
                and not clitic

        while continues(k):
            k += 1
        if k == j + 1 and pre == 0 and reads(self.key(j - 1), self.c.plural | self.c.dual) \
                and self.agreeing(first):
            return None   # بلدات محاصرة، ومواقع لوجستية: an adjective agreeing with the plural (behind
            #               proclitics too), not a name
        if k > j + 1 and not construct and self.construct_head(
                first, next((toks[x].key for x in range(j + 1, k) if toks[x].key.startswith(self.article)),
                            toks[j + 1].key)):
            return None   # موقع تحطم الطائرة، مواقع إطلاق الصواريخ: an ordinary noun in construct, also
            #               through an indefinite word to the defined one (موقع إطلاق قذائف المورتر)
        site = self.key(k) in self.lex["place_adjectives"] and not self.gap(k - 1)
        if k == j + 1 and not person and (first in self.common or strip_article(first) in self.common) \
                and not (first.startswith(self.article) and (open_cue or site)):
            if not (first.startswith(self.article) and located and self.placed_at(k)):
                return None   # one ordinary word (منطقة واسعة، موقع الشركة), unless after حي، بلدة …,
                #               or before an adjective of sites (حقل العمر النفطي، مطار المزة العسكري)
            self.by_location.add(j)   # the name stands for the place that locates it (placed_at)
        if self.key(k) in self.c.not_after:
            return None
        if toks[k - 1].key in self.lex["name_joiners"] or toks[k - 1].key in self.lex["kunya"]:
            return None   # a name never ends on أبو or عبد
        return k

    def placed_at(self, k: int) -> bool:
        """Token k, right after a one-word name (no punctuation between), is a word that locates it
        (``located_links``, as written: شرق، في، التابعة، بمدينة; not behind a clitic, بجنوب) and a
        place the report names stands within the three tokens after it (منطقة العلم شرق عدن)."""
        if k >= len(self.toks) or self.gap(k - 1) or self.key(k) not in self.c.located_links:
            return False
        return any((m := self.owner.get(x)) is not None and m.type == "PLACE" for x in range(k + 1, min(k + 4, len(self.toks))))

    def name_word(self, k: int) -> bool:
        """Token k may be a word of a person's name: no mention holds it, and it is no word that
        ends a name (a preposition, a pronoun, a date word) nor a number."""
        if k >= len(self.toks) or self.owner.get(k):
            return False
        key = self.toks[k].key
        return has_letter(key) and not key.isdigit() and key not in self.lex["name_stops"] \
            and key not in self.c.not_names and key not in self.c.enders

    def construct_head(self, first: str, second: str) -> bool:
        """An ordinary noun without the article (a verbal noun mostly: إرسال، تحطم، إطلاق) before a
        word with the article is the head of a construct phrase (what the site is for or where
        something happened), not the first word of a name: unless the gazetteer starts names with
        it (عين الأسد، باب الهوى، رأس العين, ordinary words that open place names)."""
        a = self.article
        return first in self.common and not first.startswith(a) and second.startswith(a) \
            and not self.gaz.may_start(first)

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def name_after(self, i: int, cue: str, facility: bool = False) -> tuple[int, int] | None:
        """(first, end) tokens of the name right after the cue ``cue`` at token i; after a
        ``facility`` word, a person's title and the person's name (مسجد الإمام الصادق)."""
        if i + 1 >= len(self.toks) or (i > 0 and not self.gap(i - 1) and reads(self.key(i - 1), self.c.not_before)):
            return None
        if self.quoted_gap(i):
            end = self.name_at(i + 1, quoted=True)
        elif self.gap(i):
            return None
        else:
            k = self.key(i + 1)
            if k.startswith(self.and_) and (k[len(self.and_):] in self.common or not self.gaz.may_start(k)):
                return None   # مواقع ومقار، قرى وبلدات: the cue is coordinated with another noun (a name
                #               that starts with و, وادي …, is one the gazetteer starts names with)
            if facility and k in self.lex["site_name_titles"] and not self.gap(i + 1):
                p = self.owner.get(i + 2) or self.owner.get(i + 1)
                if p is not None and p.type == "PERSON" and p.tok[0] in (i + 1, i + 2) and p.tok[1] > i + 2:
                    self.named_after.add(id(p))   # مستشفى الشهيد صلاح غندور: the person names the site
                    return i + 1, p.tok[1]
                end = self.name_at(i + 2, open_cue=True, construct=True, person=True)
                return (i + 1, end) if end else None
            end = self.name_at(i + 1, open_cue=cue in self.c.open, construct=cue in self.c.served_buildings,
                               located=cue in self.c.located)
        return (i + 1, end) if end else None

    # ---- mentions ------------------------------------------------------------------------
    def free(self, a: int, b: int) -> bool:
        """Tokens a..b-1 carry no mention, or only pattern places inside them (which a longer
        reading replaces); inside quotes that close the name, any place inside it (بليدا in
        "بياض بليدا": the quotes say where the name ends)."""
        hit = {id(self.owner[k]): self.owner[k] for k in range(a, b) if k in self.owner}
        quoted = self.in_quotes(a, b)
        for m in hit.values():
            if id(m) in self.named_after and m.tok[0] >= a and m.tok[1] <= b:
                continue   # the person a site is named after (name_after): the site replaces it
            if m.type != "PLACE" or m.tok[0] < a or m.tok[1] > b or m.tok == (a, b) or m.anaphor:
                return False
            if (m.kb_id or m.place_ids or m.region) and not quoted:
                return False
        return True

    def in_quotes(self, a: int, b: int) -> bool:
        """Tokens a..b-1 stand between an opening and a closing quote."""
        before, after = self.gap(a - 1) if a > 0 else "", self.gap(b - 1)
        return bool(before) and before[-1] in QUOTES and bool(after) and after[0] in QUOTES

    def add(self, a: int, b: int, pre: int, name: tuple[int, int], cue: str, facility: bool, why: str,
            named: bool = False, place_ids: list[str] | None = None, list_item: str | None = None) -> None:
        if not self.free(a, b):
            m = self.owner.get(a)
            if place_ids and m is not None and m.type == "PLACE" and m.tok == (a, b) and not (m.kb_id or m.place_ids or m.region):
                m.place_ids = list(place_ids)   # the NER's name after a type word: the gazetteer's entry places it
            return
        for k in range(a, b):
            old = self.owner.get(k)
            if old is not None:
                self.dropped.add(id(old))
        toks, text = self.toks, self.doc.text
        start = self.doc.folded.orig(toks[a].kstart + pre) if pre else toks[a].start
        n_end = toks[name[1] - 1].end
        if facility:   # حقل العمر النفطي: the adjectives that say what the site is join the span
            while b < len(toks) and b - name[1] < 2 and not self.gap(b - 1) and toks[b].key in self.lex["place_adjectives"] \
                    and b not in self.owner:
                b += 1
        end = toks[b - 1].end
        n0 = self.doc.folded.orig(toks[name[0]].kstart + (pre if name[0] == a else 0)) \
            if name[0] == a and pre else toks[name[0]].start
        bare = text[n0:n_end]
        m = Mention(start, end, text[start:end], "PLACE", None, 0.6, tok=(a, b), key=fold_str(bare),
                    cue=cue, place_ids=list(place_ids or ()), pattern=True, facility=facility,
                    name=bare if facility or named else None, why=why, list_item=list_item)
        self.added.append(m)
        for k in range(a, b):
            self.owner[k] = m

    def cue_places(self) -> None:
        readings, owner, toks = self.c.readings, self.owner, self.toks
        for i in self.c.candidates(self.doc):
            found = readings(toks[i].key)
            if not found or found.keys() == {"anaphor"}:
                continue
            actor = None
            if i in owner and owner[i].type != "PLACE":
                actor = self.bare_actor(i)
                if actor is None:
                    continue
                del owner[i]
            for kind in ("facility", "feature", "settlement"):
                r = found.get(kind)
                if r is None:
                    continue
                inner = self.c.readings(self.key(i + 1)).get("feature") if kind == "settlement" else None
                served = kind == "facility" and not self.gap(i) and self.key(i + 1) in self.c.facility_types
                nm = self.name_after(i + 1 if inner or served else i, (inner or r)[1],
                                     facility=kind == "facility" and not served)
                if nm is None:
                    if served:
                        self.unname(i + 1)
                    break   # محطة كهرباء with no name after it: a kind of facility, not a place
                a, b = nm
                if kind == "facility":
                    what = self.doc.text[toks[i].start:toks[i + 1].end] if served else r[1]
                    self.add(i, b, r[0], nm, r[1], True, f"a name after the facility word '{what}'")
                elif kind == "feature":   # the type word is part of the name
                    self.add(i, b, r[0], (i, b), None, False, f"a natural feature named with its type word '{r[1]}'")
                elif inner:               # بلدة تل السبع: the feature phrase is the settlement's name
                    self.add(i + 1, b, 0, (i + 1, b), r[1], False, f"a name after the place word '{r[1]}'")
                else:   # بلدة حولا، ولاية بورنو: the type word is in the span, the name is the bare name
                    why = f"a name after the place word '{r[1]}'"
                    if a in self.by_location:
                        why += ", an ordinary word the report locates at once in a place it names"
                    self.add(i, b, r[0], nm, r[1], False, why, named=True)
                break
            if actor is not None:
                if owner.get(i) is None:
                    owner[i] = actor        # no name after it: the actor stands
                else:
                    self.dropped.add(id(actor))
            for kind, room in (("plural", MAX_ITEMS), ("dual", 2)):
                r = found.get(kind)
                if r is not None:
                    self.listed(i, r[1], room)

    def borders(self, words: frozenset[str], forms: frozenset[str]) -> None:
        """الحدود السورية التركية: a border word (lexicon ``border_words``, with the article) and the
        adjectives of two states right after it are a place, the border itself (one adjective names
        no one border; a border word before مع and a state's name is left to the state: place_context)."""
        adjs = self.c.border_adjectives
        for i in candidate_tokens(self.doc, forms):
            key = self.toks[i].key
            pre = next((n for n, st in self.doc.readings[key] if st in words and st.startswith(self.article)), None)
            if pre is None or i in self.owner:
                continue
            b = i + 1
            while b < len(self.toks) and b - i <= 2 and self.key(b) in adjs and b not in self.owner \
                    and (not self.gap(b - 1) or self.gap(b - 1).strip() in ("-", "–")):
                b += 1
            if b == i + 3 and adjs[self.key(i + 1)] != adjs[self.key(i + 2)]:
                self.add(i, b, pre, (i, b), None, False,
                         f"a border named by the adjectives of its states ('{self.doc.text[self.toks[i].start:self.toks[b - 1].end]}')")

    def unname(self, k: int) -> Mention | None:
        """Drop the unknown place a cue-word pattern read in what token k ends (محطة | كهرباء): what
        a facility serves, with no name after it, names no place (facility_types). The dropped mention."""
        m = self.owner.get(k)
        if m is None or m.type != "PLACE" or m.tok[1] != k + 1 or m.kb_id or m.place_ids or m.region:
            return None
        self.dropped.add(id(m))
        for j in range(*m.tok):
            self.owner.pop(j, None)
        return m

    def bare_actor(self, i: int) -> Mention | None:
        """The one-word actor mention at token i when the word lacks the article the actor's name
        has: قاعدة "base" read as القاعدة "al-Qaeda" (قاعدة التنف، قاعدة "حرير"). A cue word then."""
        m = self.owner[i]
        if m.type != "ACTOR" or m.tok != (i, i + 1) or fold_str(m.text).startswith(self.article):
            return None
        return m if self.is_cue(self.toks[i].key) else None

    def item(self, k: int, open_cue: bool = False) -> tuple[int, int, int] | None:
        """(first token, end, proclitic) of a list item at token k: after a comma, "و" or a و proclitic,
        the name quoted or not (وكفركلا، و"برعام"، ، حولا)."""
        toks = self.toks
        if k >= len(toks):
            return None
        g = self.gap(k - 1)
        quoted = bool(g) and g[-1] in QUOTES
        comma = g.strip("".join(QUOTES)) in COMMAS   # a closing quote may stand before the comma
        key = toks[k].key
        # "، وبيت فجار": a comma and then the conjunction glued to the name, unless the gazetteer starts
        # names with that word (وادي)
        if comma and key.startswith(self.and_) and len(key) > 3 and not self.gaz.may_start(key):
            # "، وحاصرت القوات"، "، والمياه"، "، وغالبيتهم" open a clause: the glued item is no ordinary
            # word or word with a pronoun, and the list goes on after it or a word places it (a
            # comma, و, a direction or a container word)
            word = key[len(self.and_):]
            if word in self.common or strip_article(word) in self.common or word.endswith(self.L.pronoun_suffixes):
                return None
            end = self.name_at(k, pre=1, open_cue=open_cue)
            return (k, end, 1) if end and self.item_closed(end) else None
        if comma and not (key == self.and_ and k + 1 < len(toks)):
            end = self.name_at(k, quoted=quoted, open_cue=open_cue)
            return (k, end, 0) if end else None
        if comma:
            g = ""   # "، و" and "، و\"": a comma and then the conjunction, as one joint
        if g and not quoted:
            return None
        if key == self.and_ and k + 1 < len(toks):
            g2 = self.gap(k)
            if g2 and not self.quoted_gap(k):
                return None
            end = self.name_at(k + 1, quoted=bool(g2), open_cue=open_cue)
            return (k + 1, end, 0) if end else None
        if key.startswith(self.and_) and len(key) > 3 and key[1:] not in self.common:
            end = self.name_at(k, pre=1, quoted=quoted, open_cue=open_cue)
            return (k, end, 1) if end else None
        return None

    def item_closed(self, end: int) -> bool:
        """A list item ends at token ``end`` (the finders' one test, placeness.ends_item), or a word
        right after it places it (جنوبي، في، بريف: container_links)."""
        nxt = self.toks[end].key if end < len(self.toks) else None
        gap = self.gap(end - 1).strip("".join(QUOTES))   # a closing quote ends no item, nor goes on with one
        return ends_item(gap, nxt) or (not gap and reads(nxt, self.c.links))

    def listed(self, i: int, cue: str, room: int) -> None:
        """The names of a list (at most ``room``) after a plural or dual cue word at token i."""
        first = self.name_after(i, cue)
        if first is None:
            return
        a, b = first
        if self.lone_word_item(i, a, b, cue):
            return
        why = f"{LIST_ITEM_WHY}{cue}'"
        self.add(a, b, 0, (a, b), cue, False, why, list_item="after_cue", place_ids=self.known(a, b, 0))
        n = 1
        while n < room:
            it = self.item(b, open_cue=cue in self.c.open)
            if it is None:
                break
            a, b, pre = it
            self.add(a, b, pre, (a, b), cue, False, why, list_item="after_cue", place_ids=self.known(a, b, pre))
            n += 1

    def known(self, a: int, b: int, pre: int) -> list[str]:
        """The gazetteer's entries for the name of tokens a..b-1 (after ``pre`` proclitic letters): a
        name after a type word is a place, so one the gazetteer knows only bare (مخيمي البريج والمغازي:
        the index takes the everyday word المغازي for a place only with its type word) is placed as
        that entry."""
        toks = self.toks
        words = [toks[a].key[pre:]] + [toks[k].key for k in range(a + 1, b)]
        return [p.id for p in self.gaz.lookup(" ".join(words))]

    def lone_word_item(self, i: int, a: int, b: int, cue: str) -> bool:
        """مواقع الميليشيا، محطتي حافلات، مناطق الاقتتال: the one unquoted name after a plural or dual cue
        of sites or areas (open_places.yaml ``kind_list_cues``) whose first word is a frequent word of the
        news (resources.news_vocab) the gazetteer does not know is that word, what the sites are of (a
        kind, an owner), not a list of one place: names there are rare words (مناطق رابوتينو) and a
        list goes on (منطقتي العرج والجبانة). Not after villages, towns or districts (قرى الراحة، مدن
        الوشم، مديريات الجوف), whose names are often frequent words."""
        if cue not in self.c.kind_lists or not self.vocab or self.in_quotes(a, b) or self.quoted_gap(i):
            return False
        key = self.toks[a].key
        if not self.kind_word(key):
            return False
        nxt = self.item(b, open_cue=cue in self.c.open)
        if nxt is None:
            return True
        # مناطق تجمعات وجسور ونقاط تفتيش: a list that goes on is still one of kinds when its first two
        # items are indefinite frequent words the gazetteer does not know (names after a plural cue
        # carry the article, or are rare words: منطقتي العرج والجبانة، مناطق رابوتينو)
        second = self.toks[nxt[0]].key[nxt[2]:]
        return not key.startswith(self.article) and not second.startswith(self.article) and self.kind_word(second)

    def kind_word(self, key: str) -> bool:
        """A frequent word of the news (resources.news_vocab) the gazetteer neither names nor starts a name with."""
        return key in self.vocab and not self.gaz.lookup(key) and not self.gaz.may_start(key)

    def split_lists(self) -> None:
        """X وY وZ: unknown names standing between two places of one list (up to ``MAX_BETWEEN`` of
        them in a row), or one closing a list of two or more places, are places too (list completion).
        An item that is an ordinary word the gazetteer also names (والباب in مناطق جرابلس والباب
        وأعزاز) is taken only between two places, where the list says what it is."""
        places = sorted((m for m in [*self.doc.mentions, *self.added]
                         if m.type == "PLACE" and id(m) not in self.dropped), key=lambda m: m.tok[0])
        starts = {m.tok[0]: m for m in places}
        for m in places:
            run, b = 1, m.tok[1]
            pending: list[tuple[int, int, int, list[str]]] = []
            closed: list[tuple[int, int, int, list[str]]] = []   # pending items that close the list
            while b < len(self.toks):
                nxt = starts.get(b)
                if nxt is not None and self.coordinated(b):
                    for a, e, pre, ids in pending:   # the list goes on past them: they are its items
                        self.add(a, e, pre, (a, e), None, False, LIST_WHY, place_ids=ids, list_item="between")
                    pending, closed = [], []
                    run, b = run + 1, nxt.tok[1]
                    continue
                if b in self.owner:
                    break
                it, ids = self.item(b), []
                if it is None:
                    it, ids = self.gazetteer_item(b)
                if it is None:
                    break
                a, e, pre = it
                if any(k in self.owner for k in range(a, e)) or e - a > 2:
                    break
                # closing a list of two or more: "وName" and then no further item
                closing = run >= 2 and pre == 1 and not pending and not ids and self.item_closed(e) and (
                    e >= len(self.toks) or self.gap(e - 1) not in ("",) or not self.toks[e].key.startswith(self.and_))
                if closing:
                    self.add(a, e, pre, (a, e), None, False, CLOSING_WHY, list_item="closing")
                    run, b = run + 1, e
                    continue
                pending.append((a, e, pre, ids))
                if len(pending) > MAX_BETWEEN:
                    break
                if self.closes_list(pending):
                    closed = list(pending)
                b = e
            if run >= 2 and len(closed) >= 2:
                for a, e, pre, ids in closed:   # وY وZ، after two places: the list's last items
                    self.add(a, e, pre, (a, e), None, False, CLOSING_RUN_WHY, list_item="closing")

    def closes_list(self, pending: list) -> bool:
        """Unknown names after a list of two or more places, each joined by و (no ordinary word the
        gazetteer names: those are taken only between two places), the last one ending the list
        (قرية السلامية وجبل عكد والحميراء وحصون الطلي، فيما ...): they are its closing items, as
        one alone is; each one word or two with the article on the second."""
        *_, (a, e, _, _) = pending
        # one word each, or a second word with the article (حصون الطلي): a second word without it
        # at a list's end is as often an adverb run on (ونيوزلندا ذهابا وإيابا "to and fro")
        if any(y - x > 1 and not self.toks[y - 1].key.startswith(self.article) for x, y, _, _ in pending):
            return False
        return all(pre == 1 and not ids for _, _, pre, ids in pending) and self.item_closed(e) and (
            e >= len(self.toks) or self.gap(e - 1) != "" or not self.toks[e].key.startswith(self.and_))

    def gazetteer_item(self, k: int) -> tuple[tuple[int, int, int] | None, list[str]]:
        """A one-word list item at token k, joined by و or a comma, that is an ordinary word with the
        article which the gazetteer names as a place (والباب، "، الخبر"), with the ids of its
        namesakes; (None, []) if none."""
        if k >= len(self.toks) or not self.coordinated(k):
            return None, []
        key = self.toks[k].key
        pre = len(self.and_) if key.startswith(self.and_) and self.gap(k - 1) not in COMMAS else 0
        word = key[pre:]
        if not word.startswith(self.article) or not self.item_closed(k + 1):
            return None, []
        ids = [p.id for p in self.gaz.lookup(word)]
        return ((k, k + 1, pre), ids) if ids else (None, [])

    def coordinated(self, k: int) -> bool:
        """Token k opens a list item (و or a comma before it)."""
        return self.toks[k].key.startswith(self.and_) or self.gap(k - 1) in COMMAS or self.gap(k - 1) == self.and_


class OpenPlaces(Stage):
    """Adds PLACE mentions the gazetteer lacks (module docstring); ``lists`` turns list splitting
    on or off."""

    name = "open_places"
    requires = ("mentions",)
    assigns = ("mentions",)

    @classmethod
    def defaults(cls) -> dict:
        return {"lists": True}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text:
            return doc
        res = self.resources
        finder = _OpenPlaces(doc, res.open_places, res.kb.lexicon["_folded"], res.common_words, res.gazetteer,
                              res.news_vocab)
        finder.borders(res.kb.lexicon["_folded"]["border_words"], res.keep(
            "open-places-border-forms", lambda: word_forms(res.kb.lexicon["_folded"]["border_words"])))
        finder.cue_places()
        if self.config["lists"]:
            finder.split_lists()
        kept = [m for m in doc.mentions if id(m) not in finder.dropped]
        doc.mentions = sorted(kept + finder.added, key=lambda m: m.start)
        return doc
