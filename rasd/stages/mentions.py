"""Find ACTOR, PERSON, PLACE and SOURCE mentions.

Known names come from the knowledge base and the gazetteer (clitic-aware whole-word matching,
:mod:`rasd.arabic.matcher`); unknown ones from cue patterns whose words live in
``knowledge/lexicon.yaml``: titles and kunyas before persons, heads before organisations
(حركة "…"، الفرقة 30), type words before places (قرية …، تلة …), and source phrases.
At each token the longest candidate wins; ties go to the knowledge base.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.arabic.matcher import Hit, PhraseMatcher
from rasd.arabic.normalize import fold_str, strip_article
from rasd.arabic.tokens import CONJ, Token, stems
from rasd.doc import Doc, Mention
from rasd.kb.knowledge import KnowledgeBase
from rasd.kb.yamlfile import load
from rasd.pipeline import Stage

_QUOTES = set("\"'«»“”„")
# what may start at a word (bit flags of MentionIndex.token_class)
KB, PLACE, REGION, PERSON, ORG, SOURCE, LOYAL = 1, 2, 4, 8, 16, 32, 64
# lists whose words before a token make it worth a look (titles before names, type words before places)
CONTEXT_LISTS = frozenset({"person_titles", "title_modifiers", "nationalities", "alias_markers", "place_cues",
                           "strong_place_cues", "facility_cues", "plural_place_cues", "dual_place_cues"})
MAJOR_KINDS = {"governorate", "district", "country", "city"}   # named without a cue word


@dataclass
class MentionIndex:
    kb: KnowledgeBase
    names: PhraseMatcher      # payload (kind, id, is_short)
    places: PhraseMatcher     # payload place id
    gaz: object
    given: frozenset
    w: dict                   # lexicon word sets (folded)
    region_heads: frozenset   # first words of region phrases (ريف، شمال، بادية …)
    conj: frozenset           # conjunction proclitics (و ف)
    common: frozenset         # ordinary words (never a name part; a place only after a strong cue)
    everyday_places: frozenset   # one-word village names that are everyday words (الملك، كأس)
    geo_cues: object                  # rasd.geo.regions.GeoCues
    named_regions: dict               # RegionTable.named
    direction_adjectives: frozenset   # الشرقي … (part of a place name: قطاع البادية الشرقي)
    lists_of: object = None           # key → lexicon lists it is in (cached)
    region_gate: frozenset = frozenset()   # stems that may open a region phrase
    names_first: frozenset = frozenset()   # first words of knowledge-base names
    places_first: frozenset = frozenset()  # first words of gazetteer names

    def __post_init__(self):
        self._classes: dict[str, tuple[bool, bool]] = {}

    def token_class(self, key: str) -> tuple[int, bool]:
        """(which finders may start here, as bit flags; makes the next word worth a look).
        A plain dict, as it is asked for every word of every report."""
        c = self._classes.get(key)
        if c is None:
            forms = {key}
            for _, st in stems(key):
                forms.update((st, "ال" + st))
            lists = self.lists_of(key)
            flags = ((KB if not forms.isdisjoint(self.names_first) else 0)
                     | (PLACE if not forms.isdisjoint(self.places_first) else 0)
                     | (REGION if not forms.isdisjoint(self.region_gate) else 0)
                     | (PERSON if (key in self.given or key[1:] in self.given or "kunya" in lists
                                   or "alias_markers" in lists) else 0)
                     | (ORG if "org_heads" in lists else 0)
                     | (SOURCE if not lists.isdisjoint(("source_heads", "source_standalone")) else 0)
                     | (LOYAL if "loyal_heads" in lists else 0))
            c = (flags, not CONTEXT_LISTS.isdisjoint(lists))
            if len(self._classes) < 1 << 19:
                self._classes[key] = c
        return c


def _lists_of(w: dict[str, frozenset]):
    """key → names of the lexicon lists it belongs to under some proclitic reading (cached)."""
    lists = [(name, words) for name, words in w.items()]

    @lru_cache(maxsize=1 << 18)
    def lists_of(key: str) -> frozenset[str]:
        forms = {key}
        for _, st in stems(key):
            forms.add(st)
            forms.add("ال" + st)
        return frozenset(name for name, words in lists if not forms.isdisjoint(words))

    return lists_of


def build_index(res) -> MentionIndex:
    """The matchers and word classes the finders use, over the parts of ``res``."""
    kb = res.kb
    names: PhraseMatcher = PhraseMatcher()
    for kind, table in (("source", kb.sources), ("person", kb.persons), ("actor", kb.actors)):
        for e in table.values():
            for n in e.names:
                names.add(n, (kind, e.id, False))
            for n in e.short:
                names.add(n, (kind, e.id, True))
    gaz = res.gazetteer
    places: PhraseMatcher = PhraseMatcher(gaz.names())
    geo = load(res.knowledge("geo_cues"))
    heads = [*geo["rif"], *geo["badia"], *(w for d in geo["directions"] for w in d["before"] + d["adjective"])]
    from rasd.kb.gazetteer import canon

    named_first = {w for k in res.region_table.named for w in (k.split()[0], "ال" + k.split()[0])}
    gate = frozenset(fold_str(w) for w in heads) | frozenset(canon(w) for w in named_first) | named_first
    return MentionIndex(kb, names, places, gaz, res.given_names, kb.lexicon["_folded"],
                     frozenset(fold_str(w) for w in heads), frozenset(CONJ), res.common_words,
                     res.everyday_places, res.geo_cues, res.region_table.named,
                     frozenset(fold_str(w) for d in geo["directions"] for w in d["adjective"]),
                     _lists_of(kb.lexicon["_folded"]), gate, names.first_words(), places.first_words())


class _Finder:
    def __init__(self, doc: Doc, R: MentionIndex):
        self.doc, self.R, self.w = doc, R, R.w
        self.toks: list[Token] = doc.tokens
        self.out: list[Mention] = []

    # ---- token predicates -------------------------------------------------------------
    def is_(self, i: int, lst: str) -> bool:
        """Token i, under some proclitic reading, is a word of lexicon list ``lst``."""
        if not 0 <= i < len(self.toks):
            return False
        return lst in self.R.lists_of(self.toks[i].key)

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def gap(self, i: int) -> str:
        """The characters between token i and token i+1."""
        t = self.toks
        return self.doc.text[t[i].end:t[i + 1].start] if i + 1 < len(t) else "."

    def joined(self, i: int) -> bool:
        """Tokens i and i+1 are separated by white space only."""
        return self.gap(i).strip() == ""

    def name_like(self, i: int, first: bool = False) -> bool:
        if not 0 <= i < len(self.toks):
            return False
        k = self.toks[i].key
        if len(k) < 2 or k.isdigit():
            return False
        for lst in ("name_stops", "person_titles", "place_cues", "org_heads", "source_heads"):
            if k in self.w[lst]:
                return False
        if k.startswith("و") and len(k) > 3 and not first:
            return False
        if not first and (k in self.R.common or any(st in self.R.common for _, st in stems(k)[1:])
                          or self.nisba_of_common(k)):
            return False
        if k.startswith("ب") and any(self.is_cue_stem(st) for n, st in stems(k) if n):
            return False
        if k.startswith("و") and (k[1:] in self.w["name_stops"] or k[1:] in self.w["person_titles"]):
            return False
        return not self.kb_start(i)

    def kb_start(self, i: int) -> bool:
        h = self.R.names.match_at(self.toks, i)
        return bool(h and not all(p[2] for p in h.payloads))

    # ---- mention construction ------------------------------------------------------------
    def span(self, i: int, j: int, prefix: int = 0) -> tuple[int, int]:
        """Original offsets of tokens i..j-1, without the proclitics of token i (the article stays)."""
        t = self.toks[i]
        pre = t.key[:prefix]
        if pre.endswith("ال") and not pre.endswith("لل"):
            prefix -= 2
        start = self.doc.folded.orig(t.kstart + prefix) if prefix else t.start
        return start, self.toks[j - 1].end

    def add(self, i: int, j: int, prefix: int, typ: str, kb_id=None, conf=0.8, **info) -> Mention:
        s, e = self.span(i, j, prefix)
        m = Mention(s, e, self.doc.text[s:e], typ, kb_id, conf, **{"tok": (i, j), **info})
        self.out.append(m)
        return m

    def prefix_of(self, i: int, lst: str | None = None, pool=None) -> int:
        """Proclitic length of the reading of token i found in a lexicon list or given set."""
        s = pool if pool is not None else self.w[lst]
        for n, st in stems(self.toks[i].key):
            if st in s or ("ال" + st) in s:
                return n
        return 0

    def titled(self, i: int) -> bool:
        """A person title stands right before token i, possibly followed by title words (وزير الدفاع)
        or by the organisation the title is in (القائد العسكري في "لواء X" فلان)."""
        k = i - 1
        last = self.out[-1] if self.out else None
        if last is not None and last.type == "ACTOR" and last.tok[1] == i:
            k = last.tok[0] - 1
            if k >= 0 and self.is_(k, "name_stops") and not self.is_(k, "person_titles"):
                k -= 1   # القائد في / لـ
            i = k + 1
        while k >= 0 and i - k <= 4 and self.joined(k):
            if self.is_(k, "person_titles"):
                return True
            if not (self.is_(k, "title_modifiers") or self.is_(k, "nationalities")):
                return False
            k -= 1
        return False

    def given_prefix(self, i: int) -> int | None:
        """Proclitic length when token i is a given name with at most a conjunction (ومصلح), else None."""
        k = self.toks[i].key
        if k in self.R.given:
            return 0
        if k[:1] in self.R.conj and k[1:] in self.R.given:
            return 1
        return None

    # ---- finders, each returns (end token, builder) or None -----------------------------
    def kb_hit(self, i: int) -> Hit | None:
        return self.R.names.match_at(self.toks, i)

    def place_hit(self, i: int):
        """A gazetteer name at token i, accepted when the context makes it a place.

        Many village names are also ordinary words (جروح، جديدة، السورية), so a one-word name
        needs evidence: a type word before it (قرية، بلدة), a preposition (في، قرب), coordination
        with the place before it, or being an admin unit, a country or a city written as named.
        """
        h = self.R.places.match_at(self.toks, i)
        if not h:
            return None
        t = self.toks[i]
        pre = t.key[:h.prefix]
        word = t.key[h.prefix:]
        joined = i > 0 and self.joined(i - 1)
        strong = joined and self.is_(i - 1, "place_cues")
        prep = joined and (self.is_(i - 1, "place_preps") or self.is_(i - 1, "plural_place_cues"))
        coord = self.coordinated_place(i)
        if h.j - h.i >= 2:
            if self.is_(i, "kunya"):
                return h if (strong or prep or coord) else None
            if self.is_(i, "place_cues") and h.j - h.i == 2:
                # منطقة X / محافظة X: the name after the type word must be a name, not على or الموهبة
                k = self.toks[i + 1].key
                if k in self.R.common or self.is_(i + 1, "name_stops") or strip_article(k) in self.R.common:
                    return None
            return h
        if self.is_(i, "facility_cues") or self.is_(i, "strong_place_cues") or self.is_(i, "place_cues"):
            return None   # تل، تلة، منطقة: the type word of the name that follows
        if self.is_(i, "name_stops"):
            return None   # المحافظة على: a preposition is never a place, whatever stands before it
        if any(self.is_(i, lst) for lst in ("place_anaphors", "person_titles", "org_heads")) and not strong:
            return None
        places = [self.R.gaz.get(p) for p in h.payloads]
        major = bool({p.kind for p in places} & MAJOR_KINDS)
        everyday = word in self.R.common or (strip_article(word) in self.R.everyday_places and not major) \
            or (h.prefix and t.key in self.R.common)
        continued = i + 1 < len(self.toks) and self.joined(i) and self.name_like(i + 1) \
            and not self.is_(i + 1, "place_preps") and not self.toks[i + 1].key.startswith("و")
        # (continued: مستشفى الملك عبدالله, where the word is part of a longer name)
        if everyday and not (joined and self.is_(i - 1, "settlement_cues") and not continued):
            return None   # جديدة، الملك, or فرقة read as ف + رقة (but دمشق and دوما are places)
        prev = self.key(i - 1)
        if word.endswith("يه") and prev.endswith(("ه", "ات")) and not prev.startswith("ال") and not (strong or prep):
            return None   # فرقة سورية، جنسيات سورية: an adjective agreeing with its noun
        # "السورية" is an adjective, not سورية: the article was read off a name written without one
        if pre.endswith("ال") and not pre.endswith("لل") and not any(
                fold_str(p.name_ar).startswith("ال") for p in places) and not strong:
            return None
        # "ورقة" is و + ورقة (paper), not الرقة: a name written with the article is read with it
        if all(fold_str(p.name_ar).startswith("ال") for p in places) and not word.startswith("ال") \
                and not pre.endswith("ال") and not strong:
            return None
        if {p.kind for p in places} & MAJOR_KINDS:
            return h
        return h if (strong or prep or coord) else None

    def is_cue_stem(self, st: str) -> bool:
        return any(st in self.w[lst] or ("ال" + st) in self.w[lst]
                   for lst in ("place_cues", "strong_place_cues", "facility_cues"))

    def nisba_of_common(self, k: str) -> bool:
        """شعبي، سورية: a relative adjective made from an ordinary word."""
        for suf in ("يه", "ي"):
            if k.endswith(suf) and not k.startswith("ال"):
                base = k[:-len(suf)]
                return base in self.R.common or (base + "ه") in self.R.common
        return False

    def coordinated_place(self, i: int) -> bool:
        """Token i follows a place mention in a list: و, a comma or a dash between them."""
        if not (self.out and self.out[-1].type == "PLACE" and self.out[-1].tok[1] == i):
            return False
        return self.toks[i].key.startswith("و") or self.gap(i - 1).strip() in ("-", "–", "،", ",")

    def region_hit(self, i: int):
        from rasd.geo.regions import match_region

        return match_region(self.toks, i, self.R.gaz, self.R.geo_cues, self.R.named_regions)

    def person_at(self, i: int) -> int | None:
        """End token of an unknown person name starting at token i, or None."""
        toks = self.toks
        prev_title = self.is_(i - 1, "person_titles") or self.is_(i - 1, "alias_markers") \
            or self.is_(i - 1, "nationalities") or self.is_(i - 1, "title_modifiers")
        if self.is_(i - 1, "place_cues") or self.is_(i, "lineage_words"):
            return None   # no name starts with بن
        kunya = self.is_(i, "kunya")
        given = self.given_prefix(i) is not None
        # العقيد المنشق نديم الحسن: after a title, a name need not be a known given name
        titled = self.titled(i) and toks[i].key not in self.R.common and not self.place_hit(i) \
            and i + 1 < len(toks) and toks[i + 1].key.startswith("ال")
        if not (kunya or given or titled or (prev_title and self.is_(i - 1, "alias_markers"))):
            return None
        if self.coordinated_place(i):
            return None
        if not self.name_like(i, first=True) and not kunya:
            return None
        j = i + 1
        if not (j < len(toks) and self.joined(i) and self.name_like(j)):
            return None if not self.is_(i - 1, "alias_markers") else j
        if self.is_(j, "name_joiners") and j + 1 < len(toks) and self.joined(j):
            j += 1
        j += 1
        # one more name part: a nisba/laqab (الجولاني، اليمني) or a father's name
        nisba = kunya and j < len(toks) and (self.is_(j, "nationalities") or (
            toks[j].key.startswith("ال") and toks[j].key.endswith("ي") and len(toks[j].key) > 4))
        if j < len(toks) and self.joined(j - 1) and not self.is_(j, "lineage_words") and (nisba or self.name_like(j) and (
                toks[j].key.startswith("ال") or toks[j - 1].key in self.R.given or kunya)):
            if not self.place_hit(j) or kunya:
                j += 1
        # lineage: فيصل بن بندر بن عبد العزيز — every joiner takes the name after it
        while j + 1 < len(toks) and j - i < 8 and self.joined(j - 1) and self.joined(j) \
                and self.is_(j, "name_joiners") and (self.name_like(j + 1) or self.kb_start(j + 1)):
            j += 2
            if self.is_(j - 1, "name_joiners") and j < len(toks) and self.joined(j - 1) and self.name_like(j):
                j += 1   # بن عبد العزيز: the joiner was itself the head of a compound name
            if j < len(toks) and self.joined(j - 1) and toks[j].key.startswith("ال") and self.name_like(j) \
                    and not self.place_hit(j):
                j += 1   # … بن سعيد العتيبي: the family name closes the lineage
        while j - 1 > i and self.is_(j - 1, "name_joiners"):
            j -= 1       # a name never ends on بن or عبد
        return j

    def org_at(self, i: int) -> int | None:
        """End token of an unknown organisation whose head word is token i."""
        if not self.is_(i, "org_heads") or i + 1 >= len(self.toks):
            return None
        toks = self.toks
        g = self.gap(i)
        if any(c in _QUOTES for c in g):       # حركة "نور الدين زنكي"
            if self.kb_start(i + 1):
                return None
            j = i + 1
            while j < len(toks) and j - i <= 5:
                if self.is_(j, "name_stops") or toks[j].key.isdigit() and j > i + 1:
                    return None
                if any(c in _QUOTES for c in self.gap(j)):
                    return j + 1
                if not self.joined(j):
                    return None
                j += 1
            return None
        if not self.joined(i):
            return None
        if toks[i + 1].key.isdigit():          # الفرقة 30 ، الفرقة 16 مشاة
            j = i + 2
            if j < len(toks) and self.joined(i + 1) and toks[j].key.endswith("ا") and not self.is_(j, "unit_suffixes"):
                return None                     # الحركة 14 عنصرا: a count, not a unit number
            if j < len(toks) and self.joined(i + 1) and self.is_(j, "unit_suffixes"):
                j += 1
            return j
        if not self.is_(i, "org_heads_bare") or not self.name_like(i + 1) or toks[i].key.startswith(("ال", "وال")):
            return None
        if strip_article(toks[i + 1].key) in self.R.common or toks[i + 1].key in self.R.common \
                or self.nisba_of_common(toks[i + 1].key):
            return None   # حركة الشاحنات، فرقة إسعافية: an ordinary noun phrase, not a group's name
        if self.place_hit(i + 1) or self.is_(i + 1, "nationalities"):
            return None
        j = i + 2
        while j < len(toks) and j - i <= 3 and self.joined(j - 1) and toks[j].key.startswith("ال") \
                and self.name_like(j) and not self.is_(j, "org_heads"):
            j += 1
        return j

    def loyalists_at(self, i: int) -> int | None:
        """المسلحين [القرويين] الموالين لها: fighters loyal to the side just named (the regime)."""
        toks = self.toks
        for k in (i + 1, i + 2):
            if k + 1 < len(toks) and self.is_(k, "loyal_words") and self.joined(k) and toks[k + 1].key.startswith("ل") \
                    and all(self.joined(x) for x in range(i, k)):
                return k + 2
        return None

    def source_at(self, i: int) -> int | None:
        if self.is_(i, "source_heads"):
            j = i + 1
            while j < len(self.toks) and j - i <= 2 and self.joined(j - 1) and self.is_(j, "source_modifiers"):
                j += 1
            if j > i + 1:
                return j
        if self.is_(i, "source_standalone"):
            return i + 1
        return None

    # ---- main loop -------------------------------------------------------------------------
    def step(self, i: int, flags: int, after_cue: bool) -> int:
        R, toks = self.R, self.toks
        cands = []   # (end, rank, action); larger end wins, then lower rank
        kh = self.kb_hit(i) if flags & KB else None
        if kh:
            full = [p for p in kh.payloads if not p[2]]
            cands.append((kh.j, 0 if full else 6, ("kb", kh)))
        rh = self.region_hit(i) if flags & REGION else None
        if rh:
            cands.append((rh[0], 1, ("region", rh)))
        ph = self.place_hit(i) if flags & PLACE else None
        if ph:
            cued = self.is_(i - 1, "place_preps") or self.is_(i - 1, "place_cues") or self.coordinated_place(i)
            cands.append((ph.j, 2 if cued else 4, ("place", ph)))
        pj = self.person_at(i) if flags & PERSON or after_cue else None
        if pj:
            cands.append((pj, 3, ("person", None)))
        oj = self.org_at(i) if flags & ORG else None
        if oj:
            cands.append((oj, 5, ("org", None)))
        lj = self.loyalists_at(i) if flags & LOYAL else None
        if lj:
            cands.append((lj, 4, ("loyal", None)))
        sj = self.source_at(i) if flags & SOURCE else None
        if sj:
            cands.append((sj, 5, ("source", None)))
        cue = self.unknown_place_at(i) if after_cue else None
        if cue:
            cands.append((cue, 7, ("uplace", None)))
        if not cands:
            return i + 1
        end, _, (what, obj) = max(cands, key=lambda c: (c[0], -c[1]))
        if what == "kb":
            self.add_kb(obj)
        elif what == "region" and self.base_only(i, obj):
            self.add_place(self.base_only(i, obj))
        elif what == "region":
            j, info = obj
            pre = info["prefix"] if "prefix" in info else self.prefix_of(i, pool=R.region_heads)
            s0 = i
            if self.is_(i - 1, "facility_cues") and self.joined(i - 1):
                s0, pre = i - 1, self.prefix_of(i - 1, "facility_cues")
            self.add(s0, j, pre, "PLACE", None, 0.85, region=info,
                     key=fold_str(self.doc.text[toks[i].start:toks[j - 1].end]), place_ids=[])
        elif what == "place":
            self.add_place(obj)
        elif what == "person":
            pre = self.prefix_of(i, "kunya") if self.is_(i, "kunya") else (self.given_prefix(i) or 0)
            self.add(i, end, pre, "PERSON", None, 0.7, pattern=True)
        elif what == "org":
            pre = self.prefix_of(i, "org_heads")
            civil = self.is_(i, "org_heads_civil")
            m = self.add(i, end, pre, "ACTOR", None, 0.65, pattern=True,
                         category="other" if civil else "non_state_armed_group")
            self.strip_quotes(m)
        elif what == "loyal":
            actor = next(iter(self.R.w["loyalist_actor"]))
            self.add(i, end, self.prefix_of(i, "loyal_heads"), "ACTOR", f"actor:{actor}", 0.7, pattern=True)
        elif what == "source":
            pre = self.prefix_of(i, "source_heads") or self.prefix_of(i, "source_standalone")
            self.add(i, end, pre, "SOURCE", None, 0.7, pattern=True,
                     anaphor=any(toks[i].key[len(c):].startswith(w) for c in ("", *self.R.conj)
                                 for w in self.R.w["source_anaphors"]))
        elif what == "uplace":
            fac = self.is_(i - 1, "facility_cues")
            s0 = i - 1 if fac else i
            self.add(s0, end, self.prefix_of(i - 1, "facility_cues") if fac else 0, "PLACE", None, 0.6,
                     key=fold_str(self.doc.text[toks[i].start:toks[end - 1].end]), place_ids=[],
                     cue=self.cue_before(i), facility=fac)
        return end

    def base_only(self, i: int, region) -> Hit | None:
        """شمال سوريا، جنوب مدينة جسر الشغور: a direction from a country or a town names that place
        (returned), not a sub-region; ريف X and directions from a governorate stay regions."""
        j, info = region
        if not info.get("direction") or info.get("rif") or info.get("named") or info.get("badia"):
            return None
        k = i + 1
        city_cue = self.is_(k, "place_cues")
        base = self.R.places.match_at(self.toks, k + 1 if city_cue else k)
        if base is None or base.j != j:
            return None
        kinds = {self.R.gaz.get(p).kind for p in base.payloads}
        if city_cue or kinds == {"country"} or not kinds & {"governorate", "region"}:
            return base
        return None

    def strip_quotes(self, m: Mention) -> None:
        """Keep an organisation's mention text free of the quotes around its name."""
        t = m.text
        cut = [k for k, c in enumerate(t) if c in _QUOTES]
        if cut:
            parts = [p.strip() for p in t.replace("«", '"').replace("»", '"').replace("“", '"')
                     .replace("”", '"').split('"')]
            m.name = " ".join(p for p in parts if p)

    def cue_before(self, i: int) -> str | None:
        if self.is_(i - 1, "place_cues"):
            return fold_str(self.toks[i - 1].key)
        return None

    def unknown_place_at(self, i: int) -> int | None:
        """A name after a strong place cue (تلة X، حي X) that no gazetteer knows."""
        if not self.is_(i - 1, "strong_place_cues") or not self.joined(i - 1):
            return None
        k = self.toks[i].key
        if not self.name_like(i, first=True) or self.is_(i, "strong_place_cues") \
                or self.is_(i, "org_heads") or self.R.places.match_at(self.toks, i) or k.startswith("و") \
                or k in self.R.common or self.nisba_of_common(k):
            return None   # حي شعبي: an adjective, not a name
        j = i + 1
        while j < len(self.toks) and j - i < 3 and self.joined(j - 1) and (
                self.name_like(j) or self.toks[j].key in self.R.direction_adjectives) \
                and not self.is_(j, "place_cues") and not self.R.places.match_at(self.toks, j) \
                and not self.toks[j].key.startswith(("ب", "ك", "ل", "و")) \
                and not self.toks[j].key.endswith(("ها", "هم", "هما")):
            j += 1   # not أبها كعادتها بمظهر: a word with a preposition or a pronoun is no name part
        return j

    def add_kb(self, h: Hit) -> None:
        full = [p for p in h.payloads if not p[2]]
        pays = full or list(h.payloads)
        kind, eid, short = pays[0]
        typ = {"actor": "ACTOR", "person": "PERSON", "source": "SOURCE"}[kind]
        # a state's name after a place preposition is the country, not its government
        ph = self.R.places.match_at(self.toks, h.i)
        if typ == "ACTOR" and ph and ph.j == h.j and (self.is_(h.i - 1, "place_preps")
                                                      or "ب" in self.toks[h.i].key[:h.prefix]
                                                      or self.is_(h.i - 2, "border_words")):
            self.add_place(ph)
            return
        self.add(h.i, h.j, h.prefix, typ, f"{kind}:{eid}", 0.8 if short else 0.95,
                 short=short, alts=[f"{k}:{e}" for k, e, _ in pays[1:]])
        if typ == "ACTOR":   # نظام بشار الأسد names the person too
            for k in range(h.i + 1, h.j):
                p = self.R.names.match_at(self.toks, k)
                if p and p.j <= h.j and any(x[0] == "person" and not x[2] for x in p.payloads):
                    pid = next(x[1] for x in p.payloads if x[0] == "person")
                    self.add(k, p.j, p.prefix, "PERSON", f"person:{pid}", 0.9, short=False, alts=[])
                    break

    def add_place(self, h: Hit) -> None:
        i = h.i
        fac = self.is_(i - 1, "facility_cues") and self.joined(i - 1)
        start_i = i - 1 if fac else i
        pre = self.prefix_of(i - 1, "facility_cues") if fac else h.prefix
        key = " ".join(t.key for t in self.toks[i:h.j])
        key = key[h.prefix:]
        m = self.add(start_i, h.j, pre, "PLACE", None, 0.85, key=key, place_ids=list(h.payloads),
                     cue=self.cue_before(i) or (fold_str(self.toks[i - 1].key) if fac else None),
                     facility=fac)
        if fac:
            m.name = self.doc.text[self.span(i, h.j, h.prefix)[0]:m.end]

    def coordinate(self) -> None:
        """Lists: after a plural or dual type word (قرى X وY، بلدتي X وY) every "وName" is a place,
        known or not; after a person, "و X Y" is a person too (المحيسني ومصلح العلياني)."""
        toks = self.toks
        found = {m.tok[0] for m in self.out}
        listed: set[int] = set()
        for m in sorted(self.out, key=lambda m: m.start):
            i, j = m.tok
            if m.type == "PERSON" and j + 1 < len(toks) and j not in found and j + 1 not in found \
                    and toks[j].key.startswith("و") and self.joined(j - 1) and self.joined(j) \
                    and self.name_like(j, first=True) and not self.is_(j, "kunya") \
                    and toks[j].key[1:] not in self.R.common and toks[j + 1].key.startswith("ال") \
                    and self.name_like(j + 1):
                self.add(j, j + 2, 1, "PERSON", None, 0.6, pattern=True)
                found.add(j)
            if m.type != "PLACE":
                continue
            if i in listed or self.is_(i - 1, "plural_place_cues") or self.is_(i - 1, "dual_place_cues"):
                room = 1 if self.is_(i - 1, "dual_place_cues") else 20
                while room > 0 and j < len(toks) and toks[j].key.startswith("و") and self.joined(j - 1):
                    room -= 1
                    if j in found:
                        nxt = next((x for x in self.out if x.tok[0] == j and x.type == "PLACE"), None)
                        if nxt is None:
                            break
                        listed.add(j)
                        j = nxt.tok[1]
                        continue
                    stem = toks[j].key[1:]
                    if (stem in self.R.common and room > 0) or not self.name_like(j, first=True) \
                            or self.is_(j, "place_cues") \
                            or self.is_(j, "plural_place_cues") or len(stem) < 3:
                        break
                    k = j + 1
                    while k < len(toks) and k - j < 3 and self.joined(k - 1) and toks[k].key.startswith("ال") \
                            and self.name_like(k) and not self.R.places.match_at(toks, k):
                        k += 1
                    self.add(j, k, 1, "PLACE", None, 0.6, key=" ".join([stem] + [t.key for t in toks[j + 1:k]]),
                             place_ids=list(self.R.places.get(stem)), cue=m.cue)
                    found.add(j)
                    listed.add(j)
                    j = k

    def surnames(self) -> None:
        """Later mentions of an unknown person by the last part of the name (…المحيسني → المحيسني)."""
        last: dict[str, str] = {}
        for m in self.out:
            if m.type == "PERSON" and m.kb_id is None:
                i, j = m.tok
                if j - i >= 2 and self.toks[j - 1].key.startswith("ال") and len(self.toks[j - 1].key) > 4:
                    last[self.toks[j - 1].key[2:]] = m.text
        if not last:
            return
        taken = set()
        for m in self.out:
            taken.update(range(*m.tok))
        for t in self.toks:
            if t.i in taken:
                continue
            for n, st in stems(t.key):
                if st in last and t.key[n - 2:n] == "ال" if n >= 2 else False:
                    self.add(t.i, t.i + 1, n, "PERSON", None, 0.6, pattern=True, surname_of=last[st])
                    break

    def run(self) -> list[Mention]:
        classes = [self.R.token_class(t.key) for t in self.toks]
        i = 0
        for k, (flags, _) in enumerate(classes):
            after_cue = k > 0 and classes[k - 1][1]
            if k < i or not (flags or after_cue):
                continue   # nothing can start here: most words of a report
            i = self.step(k, flags, after_cue)
        self.coordinate()
        self.surnames()
        self.out.sort(key=lambda m: m.start)
        return self.out


class Mentions(Stage):
    name = "mentions"
    requires = ("text", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.text:
            doc.mentions = _Finder(doc, self.resources.mention_index).run()
        return doc
