"""The mention index: phrase matchers over knowledge-base and gazetteer names, the lexicon word sets,
and what may start at a word (token classes), built once per Resources."""
from __future__ import annotations

from dataclasses import dataclass, field

from rasd.arabic.clitics import ListIndex, current as current_clitics, letters, readings, with_article
from rasd.arabic.matcher import PhraseMatcher
from rasd.caches import keep
from rasd.arabic.normalize import fold_str
from rasd.kb.knowledge import KnowledgeBase
from rasd.kb.yamlfile import load

# what may start at a word (bit flags of MentionIndex.token_class)
KB, PLACE, REGION, PERSON, ORG, SOURCE, LOYAL = 1, 2, 4, 8, 16, 32, 64
WORD_CACHE_SIZE = 1 << 16
# lists whose words before a token make it worth a look (titles before names, type words before places)
# (person nouns before a name chain: الفتاة X عبد الحميد Y, persons._noun_chain)
CONTEXT_LISTS = frozenset({"person_titles", "person_nouns", "title_modifiers", "nationalities", "alias_markers",
                           "naming_verbs", "place_cues", "strong_place_cues", "facility_cues", "plural_place_cues",
                           "dual_place_cues"})


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
    geo_cues: object                  # rasd.geo.regions.GeoCues
    named_regions: dict               # RegionTable.named
    direction_adjectives: frozenset   # الشرقي … (part of a place name: قطاع البادية الشرقي)
    lists_of: object = None           # key → lexicon lists it is in (rasd.arabic.clitics.ListIndex)
    region_gate: frozenset = frozenset()   # stems that may open a region phrase
    names_first: frozenset = frozenset()   # first words of knowledge-base names
    places_first: frozenset = frozenset()  # first words of gazetteer names
    major_kinds: frozenset = frozenset()   # place kinds named without a cue word (place_kinds.yaml)
    region_base_kinds: frozenset = frozenset()   # a direction from these is a sub-region (place_kinds.yaml)
    ordinary_places: frozenset = frozenset()     # Syrian names mostly ordinary words (ordinary_places.yaml, generated)
    # folded adjective of a state → its country id (open_places.yaml border_adjectives, feminine; the
    # masculine is the same without the final letter): الحديدة اليمنية، الجولان السوري
    state_adjectives: dict = field(default_factory=dict)

    def __post_init__(self):
        # the few distinct answers, shared by every cached word
        self._answers: dict[tuple[int, bool, frozenset], tuple[int, bool, frozenset]] = {}
        # key → (token_class's flags, its after-cue bit, the lexicon lists it is in): everything the
        # finder asks of a word, in one bounded cache owned by this index (see word, words_of). A plain
        # dict, asked through its C-level get for a whole document: an lru_cache hit cost ~4x a get
        self._cache: dict[str, tuple[int, bool, frozenset]] = {}
        self.cache_size = WORD_CACHE_SIZE
        # key → the phrase-trie nodes its readings start at (kb_starts, place_starts), same bound
        self._kb_starts: dict[str, tuple] = {}
        self._place_starts: dict[str, tuple] = {}
        # (proclitic length, the words' keys) of a knowledge-base hit → known.context_misread's verdict
        self.misread_cache: dict[tuple, bool] = {}
        # every form a word's class or lists can depend on (see _may_matter)
        self._starts = frozenset().union(self.names_first, self.places_first, self.region_gate, self.given,
                                         self.w["given_names_ambiguous"],
                                         (w for _, words in self.lists_of.lists for w in words))
        L = letters()
        a = L.article
        # the same forms without their article: "st or the article + st is a form" is "st is in this"
        self._bare_starts = self._starts | frozenset(w[len(a):] for w in self._starts if w.startswith(a))
        # every proclitic string a reading strips (rasd.arabic.clitics._readings): nothing, a conjunction,
        # a preposition or both, each with or without the article after it; ل+ال elided (لل، ولل)
        run = L.proclitic_strings()
        self._proclitics = run | frozenset(p + a for p in run) | frozenset(L.lam_article_strings())
        self._longest_proclitic = max(map(len, self._proclitics))
        # the first letters of the proclitic strings: a word opening on none carries no proclitic
        self._proclitic_firsts = frozenset(p[:1] for p in self._proclitics if p)
        self._nothing = self._answers.setdefault((0, False, frozenset()), (0, False, frozenset()))
        self._miss = self._word   # a word not in the cache (use_answers: the precomputed answers first)

    def use_answers(self, answers, name: str = "mention_index") -> None:
        """Let the word cache ask the precomputed answers (rasd.kb.wordanswers) on a miss; emptied."""
        self._cache.clear()
        self._miss = answers.miss(f"{name}.word", self._word)
        if answers.record:   # every ask counted (rasd.kb.wordanswers.WordAnswers.frequent): nothing kept
            self._remember = lambda key, w: None

    def token_class(self, key: str) -> tuple[int, bool]:
        """(which finders may start here, as bit flags; makes the next word worth a look)."""
        return self.word(key)[:2]

    def word(self, key: str) -> tuple[int, bool, frozenset]:
        """(token_class's flags, its after-cue bit, the lexicon lists the word is in), cached."""
        w = self._cache.get(key)
        if w is None:
            w = self._miss(key)
            self._remember(key, w)
        return w

    def words_of(self, keys: list[str]) -> list[tuple[int, bool, frozenset]]:
        """:meth:`word` of every key: the cached ones in one C-level pass, the others worked out."""
        got = list(map(self._cache.get, keys))
        if not all(got):   # a cached answer is a non-empty tuple; truth tests, no comparisons
            # only the misses are visited (list.index finds them at C speed, as rasd.caches.answers)
            word = self.word
            i = -1
            for _ in range(got.count(None)):
                i = got.index(None, i + 1)
                got[i] = word(keys[i])
        return got

    def _remember(self, key: str, w: tuple) -> None:
        keep(self._cache, key, w, self.cache_size)

    def kb_starts(self, key: str) -> tuple[tuple[int, dict], ...]:
        """``names.starts(key)``, cached: where a knowledge-base name may start in the word."""
        got = self._kb_starts.get(key)
        if got is None:
            got = self.names.starts(key)
            keep(self._kb_starts, key, got, self.cache_size)
        return got

    def place_starts(self, key: str) -> tuple[tuple[int, dict], ...]:
        """``places.starts(key)``, cached: where a gazetteer name may start in the word."""
        got = self._place_starts.get(key)
        if got is None:
            got = self.places.starts(key)
            keep(self._place_starts, key, got, self.cache_size)
        return got

    def _word(self, key: str) -> tuple[int, bool, frozenset]:
        if not self._may_matter(key):
            return self._nothing   # most words of a report: no reading to work out
        w = self._classified(key)
        return self._answers.setdefault(w, w)

    def _may_matter(self, key: str) -> bool:
        """The word as written, its end after one letter (a conjunction on a given name), or what is
        left after a proclitic string (و، ب، وب، ال، لل …), with or without the article, is a form
        :meth:`_classify` or the lexicon lists look for. Every proclitic reading strips such a string,
        so False means the word is in no class and no list (most words of a report), found without
        working its readings out."""
        bare = self._bare_starts
        if key in bare or key[1:] in self._starts:
            return True
        if key[:1] not in self._proclitic_firsts:
            return False   # no proclitic string opens the word: no reading strips one
        proclitics = self._proclitics
        for m in range(1, min(len(key), self._longest_proclitic) + 1):
            if key[:m] in proclitics and key[m:] in bare:   # the short slice first
                return True
        return False

    def _classify(self, key: str) -> tuple[int, bool]:
        return self._classified(key)[:2]

    def _classified(self, key: str) -> tuple[int, bool, frozenset]:
        """(token_class's flags, its after-cue bit, the lexicon lists the word is in), worked out."""
        forms = {key}
        a = letters().article   # with_article, hoisted
        for _, st in readings(key):
            forms.update((st, a + st))
        lists_of = self.lists_of
        if not lists_of.cue and lists_of.clitics is current_clitics():
            # the forms are the list index's own (ListIndex._forms, _lists_of): its lists from them,
            # without reading the word again (rasd.arabic.clitics is left as it is: its source is in
            # the fingerprints of the installed word tables, which a change to it makes stale)
            inv = lists_of._inv
            hits = [inv[f] for f in forms if f in inv]
            found = frozenset().union(*hits) if hits else frozenset()
            lists = lists_of._answers.setdefault(found, found)
        else:
            lists = lists_of.lookup(key)
        flags = ((KB if not forms.isdisjoint(self.names_first) else 0)
                 | (PLACE if not forms.isdisjoint(self.places_first) else 0)
                 | (REGION if not forms.isdisjoint(self.region_gate) else 0)
                 | (PERSON if (key in self.given or key[1:] in self.given or "kunya" in lists
                               or key in self.w["given_names_ambiguous"]
                               or "alias_markers" in lists or "naming_verbs" in lists) else 0)
                 | (ORG if "org_heads" in lists else 0)
                 | (SOURCE if not lists.isdisjoint(("source_heads", "source_standalone")) else 0)
                 | (LOYAL if "loyal_heads" in lists else 0))
        return flags, not CONTEXT_LISTS.isdisjoint(lists), lists


def _kunya_cases(name: str, cases: tuple[str, ...]) -> list[str]:
    """A person's name and, when it opens on a kunya word (lexicon kunya_cases: أبو، أبي، أبا), the
    same name in the kunya's other cases: بحسب الناطق باسمها أبي عبيدة is أبو عبيدة."""
    first, _, rest = name.partition(" ")
    if not rest or first not in cases:
        return [name]
    return [name, *(c + " " + rest for c in cases if c != first)]


def _names_matcher(kb: KnowledgeBase) -> PhraseMatcher:
    names: PhraseMatcher = PhraseMatcher()
    cases = tuple(kb.lexicon.get("kunya_cases", ()))
    for kind, table in (("source", kb.sources), ("person", kb.persons), ("actor", kb.actors)):
        for e in table.values():
            for n in e.names:
                for form in (_kunya_cases(n, cases) if kind == "person" else (n,)):
                    names.add(form, (kind, e.id, False))
            for n in e.short:
                for form in (_kunya_cases(n, cases) if kind == "person" else (n,)):
                    names.add(form, (kind, e.id, True))
            for rule in e.contexts:     # a name that means the actor only in context: link decides
                for n in rule[0]:
                    names.add(n, (kind, e.id, False))
    return names


def build_index(res) -> MentionIndex:
    """The matchers and word classes the finders use, over the parts of ``res``."""
    from rasd.kb.gazetteer import canon

    kb = res.kb
    names = _names_matcher(kb)
    places: PhraseMatcher = PhraseMatcher(res.gazetteer.names())
    geo = load(res.knowledge("geo_cues"))
    adjectives = [w for d in geo["directions"] for w in d["adjective"]]
    heads = [*geo["rif"], *geo["badia"], *(w for d in geo["directions"] for w in d["before"]), *adjectives]
    named_first = {w for k in res.region_table.named for w in (k.split()[0], with_article(k.split()[0]))}
    gate = frozenset(fold_str(w) for w in heads) | frozenset(canon(w) for w in named_first) | named_first
    return MentionIndex(kb, names, places, res.gazetteer,
                        res.given_names | kb.lexicon["_folded"]["given_names"], kb.lexicon["_folded"],
                        frozenset(fold_str(w) for w in heads), frozenset(letters().conj), res.common_words,
                        res.geo_cues, res.region_table.named,
                        frozenset(fold_str(w) for w in adjectives),
                        # a small cache: MentionIndex.word keeps the answers of the words a run meets
                        ListIndex(kb.lexicon["_folded"], size=1 << 10), gate, names.first_words(), places.first_words(),
                        res.place_kinds["named_without_cue"], res.place_kinds["direction_into"],
                        res.ordinary_places, state_adjectives(res.open_places.border_adjectives))


def state_adjectives(feminine: dict[str, str]) -> dict[str, str]:
    """The adjectives of states, feminine as open_places.yaml lists them and masculine (the feminine
    without its final letter: اليمنية → اليمني), each → the state's country id."""
    end = letters().feminine_ending
    out = dict(feminine)
    out.update({k[:-len(end)]: v for k, v in feminine.items() if k.endswith(end)})
    return out


def ordinary_place_names(path) -> frozenset:
    """The index keys of ordinary_places.yaml (scripts/place_contexts.py writes it): Syrian gazetteer
    names that the news uses mostly as ordinary words."""
    return frozenset(str(k) for k in load(path)["names"])
