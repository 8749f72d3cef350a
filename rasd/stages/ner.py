"""Statistical NER beside the knowledge base: runs after mentions, adds PERSON / PLACE / ACTOR mentions
for the CRF's spans (rasd.ner) that no mention already covers.

The knowledge base still links and types what it knows; the CRF proposes names it has never seen
(a new commander, a village missing from the gazetteer).  It is spent only on sentences the gate
of :mod:`rasd.ner.gate` finds worth it or that hold a word the learned word model of
:mod:`rasd.ner.likely` finds likely to stand in a name, and there only on windows of WINDOW words
around the candidate words; a span is kept when its lowest label marginal reaches
``min_confidence`` and it passes :meth:`NerStage._accept`; it replaces a pattern-found mention only when it
contradicts it with ``override_confidence``.  Every added mention says why in its ``why``, and
a document run with ``explain`` (a trace) what became of every span the CRF proposed
(``notes.ner_spans``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import compress
from functools import partial
from operator import attrgetter, is_not, methodcaller

from rasd.arabic.normalize import strip_article
from rasd.arabic.clitics import has_article, is_definite, letters, starts_with_and, without_article
from rasd.arabic.clitics import readings as stems
from rasd.arabic.script import BIDI_MARKS, TANWEEN_FATH, TATWEEL, has_letter, is_mark
from rasd.doc import Doc, Mention
from rasd.pipeline import Stage
from rasd.ner.cut import closed_by_comma, ends_on_joiner
from rasd.ner.gate import Gate
from rasd.ner.lone import bare_rare, sure_place
from rasd.ner.tag import Tagger
from rasd.stages.mentions.context import owned_word
from rasd.stages.mentions.persons import ROLE_PHRASE_WORDS, _breaks, _commas   # a name in apposition, as read there

_FREE = (0).__gt__   # owner[k] < 0: no mention covers word k (owners are -1 or a mention index), as a C-level test
TYPES = {"PERS": "PERSON", "LOC": "PLACE", "ORG": "ACTOR"}
MIN_CONFIDENCE = 0.5
OVERRIDE_CONFIDENCE = 0.8   # a pattern-found mention gives way to a CRF span this sure of itself
LONE_CONFIDENCE = 0.75      # a one-word span needs this much
# lexicon lists the stage's rules read beside the CRF features' LISTS (which the trained model's
# input fixes): ميثاق روما، دول الخليج, a place name that names a thing (_accept_why)
# the lexicon lists only the stage's own rules read (its ``words``), by the attribute that holds each
# (folded): one mapping, so a rule reading a new list adds a line here, not an argument. They stay out
# of ``lists``, whose every list a name-opening and run-on test reads whole
RULE_WORDS = {
    "org_words": "org_type_words",              # type words an organisation's name follows (شركة، وكالة)
    "weapon_words": "weapon_words",
    "media_words": "media_type_words",          # the type words of the press (صحيفة، قناة)
    "prayer_formulas": "prayer_formulas",       # prayers said after a name (رحمه الله)
    "vessel_words": "vessel_words",             # the words of ships (السفينة، حاملة)
    "more_given": "given_names",                # the given names the knowledge adds to the learned list
    "compound_ends": "compound_name_ends",      # second words of compound given names (الدين، الإسلام)
    "lineage": "lineage_words",                 # بن، ابن، بنت: a lineage in a name
    "speech_verbs": "speech_verbs",             # verbs of saying whose subject follows them (قال، أكد)
    "role_after": "role_after_name",            # words opening a speaker's role after the name (وهو، أحد)
    "namesake_heads": "namesake_heads",         # a place, unit or paper named by a person (ميدان، مسجد)
    "namesake_honorifics": "namesake_honorifics",
    "office_links": "office_links",             # between a title and the body it speaks for (باسم)
    "ordinary_surnames": "ordinary_surnames",   # family names that are also ordinary words (الصباح)
}
RULE_LISTS = ("named_thing_heads",)
_ASIDE_DASHES = "-\u2013\u2014"   # a hyphen, en and em dash: set apart by spaces they open an aside
# lexicon lists whose words never open a personal name before its given name (NerStage._open_names)
_NOT_OPENING = ("name_stops", "person_titles", "title_modifiers", "nationalities", "name_joiners", "kunya",
                "org_heads", "org_heads_civil", "place_cues", "facility_cues", "plural_place_cues",
                "alias_markers", "source_heads", "border_words", "loyal_heads")
OPENING_LIKELY = 0.3   # the learned word model's probability that makes a word before a name its first part
_NAME_OPENERS = ("", '"', "«", "“", "(", "'")   # what may stand between a namesake head and the name
_CLOSING_QUOTES = '"»”'   # a quoted name closes with one of these
PLACE_CLUSTER_SHARE = 0.2   # a word cluster this rich in known places holds place names
_FEW_FORMS = 64   # up to this many name forms, _propagate tests each word with one str.endswith (C); beyond it
                  # (a long report), each distinct word's suffixes are looked up, so the pass stays linear


@dataclass
class _Tok:
    text: str          # as written (the CRF folds it)
    start: int
    end: int
    word: int | None   # index in doc.tokens (None for punctuation)


_WORD_OF = attrgetter("word")     # a _Tok's word index (None for a mark)
_NOT_NONE = partial(is_not, None)


class NerStage:
    """Doc → Doc; holds the loaded tagger and its gate."""

    name = "ner"

    def __init__(self, tagger: Tagger, gate: Gate, min_confidence: float = MIN_CONFIDENCE,
                 override_confidence: float = OVERRIDE_CONFIDENCE, *, lists: dict[str, frozenset[str]] | None = None,
                 words: dict[str, frozenset[str]] | None = None,
                 common: frozenset[str] = frozenset(), likely: dict[str, float] | None = None,
                 person_given: frozenset[str] = frozenset(), rank_words: frozenset[str] = frozenset(),
                 cued_given: frozenset[str] = frozenset(), name_scores: dict[str, float] | None = None,
                 ambiguous_given: frozenset[str] = frozenset(), month_words: frozenset[str] = frozenset()):
        """``lists``: the lexicon's word lists the stage's own rules read beside the CRF's features
        (titles, name stops, org heads, name joiners …: rasd.ner.features.LISTS, and RULE_LISTS), from
        the live knowledge (:func:`stage_for`), so a lexicon edit reaches the rules; the CRF's features
        read the frozen copy in ``tagger.lex.lists`` (rasd.ner.resources.FROZEN), so the same edit leaves
        the trained model's input as it was. None: the tagger's lists (a stage built on its tagger alone).
        ``words``: the lexicon lists only the rules read, by lexicon name (folded; RULE_WORDS names the
        attribute each is kept in: speech_verbs, lineage_words, prayer_formulas …); a list not given is
        empty.
        ``ambiguous_given``: given names whose folded key is also an ordinary word, as the
        knowledge writes the name (lexicon given_names_ambiguous, unfolded: علي, not the preposition
        على that folds to the same key).
        ``name_scores``: every word the learned word model saved (rasd.ner.likely, p >= its KEEP)
        with its probability of standing in a name: the evidence that a word before a read name is
        the name's first part (:meth:`_open_names`); None: ``likely``.
        ``likely``: known words the learned word model (rasd.ner.likely) finds likely to stand in a
        name, with that probability: they seed windows and open a sentence to the CRF.
        ``person_given``: every given name the mention finder knows (the learned lists and the
        knowledge's, with those that are also ordinary words: علي).
        ``month_words``: the one-word month names (dates.yaml, folded: نيسان، تموز، أيار): a month
        named with its day or its other name (24 نيسان/أبريل) is a date, not the car maker the NER
        corpora tag (_accept_why)."""
        self.lists = tagger.lex.lists if lists is None else lists
        # the rule-only lists, each under its attribute (RULE_WORDS: speech_verbs, lineage, role_after,
        # namesake_heads, office_links, ordinary_surnames, prayer_formulas, vessel_words, media_words …)
        for attribute, name in RULE_WORDS.items():
            setattr(self, attribute, (words or {}).get(name, frozenset()))
        # given names that are also ordinary words, learned from the news (rasd.kb.names' cued tier,
        # news_cued_names.json: فاضل، ثابت، موفق): a name only right after a person cue (_cued_tier)
        self.cued_given = cued_given
        # a thing named by a person (namesake_heads) may have an honorific or a person title between
        # (مسجد الإمام X، ميدان العميد X): such a person is the thing's name (_namesakes)
        self.namesake_honorifics = self.namesake_honorifics | self.lists.get("person_titles", frozenset())
        # words that open a person span in the NER corpora but are no given name (geo_cues.yaml
        # name_stoplist, folded, without the article): after a title they qualify the rank (ركن، طيار)
        self.rank_words = frozenset(strip_article(w) for w in rank_words)
        self.person_given = person_given | tagger.lex.given | self.more_given
        self.tagger, self.gate = tagger, gate
        self.month_words = month_words
        # the given names the knowledge adds to the learned list, as the mention finder reads them: a
        # name behind a proclitic (وفهد) and a seed of the CRF's windows
        self.more_given = self.more_given - tagger.lex.given
        self.common = common   # words the NER corpora use mostly outside names (names.json)
        self.org_words = self.org_words | self.lists.get("org_heads", frozenset()) | self.lists.get(
            "org_heads_civil", frozenset())
        self.min_confidence, self.override_confidence = min_confidence, override_confidence
        self._place_clusters = _place_clusters(tagger.lex)
        # the words the gate spends the CRF around beside unknown ones and likely name words
        self._seed_names = tagger.lex.given | self.more_given
        self.likely = {w: p for w, p in (likely or {}).items() if w not in self._seed_names}
        self.name_scores = name_scores if name_scores is not None else (likely or {})
        self.ambiguous_given = ambiguous_given
        self.letters = letters()   # the clitic letters of the Resources building this part
        L = self.letters   # a preposition (maybe behind a conjunction) with the article: بال، لل، وبال، فلل
        # a verb of saying as written or behind a one-letter conjunction (وقال، فأكد): the spellings
        # :meth:`_said_by` accepts, so that one set look-up (or one C-level pass over a document's
        # words) answers it
        self._speech_forms = self.speech_verbs | frozenset(c + v for c in L.conj if len(c) == 1 for v in self.speech_verbs)
        self._prep_articles = tuple(sorted({c + p + L.article for c in ("", *L.conj) for p in L.preps}
                                           | {c + L.lam_article for c in ("", *L.conj)}, key=len, reverse=True))
        joiners = self.lists.get("name_joiners", frozenset())
        self._joiner = lambda key: any(f in joiners for f in (key, *(st for _, st in stems(key))))

    def use_answers(self, answers, name: str = "ner_tagger") -> None:
        """The gate's per-word cache asks the precomputed answers (rasd.kb.wordanswers) on a miss."""
        self.gate.use_answers(answers, f"{name}.gate")

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text or not doc.sentences:
            return doc
        toks = doc.tokens
        owner: list[int] = [-1] * len(toks)      # the mention covering each word
        for n, m in enumerate(doc.mentions):
            for k in range(*m.tok):
                owner[k] = n
        added: list[Mention] = []
        dropped: set[int] = set()
        tagged: list[dict] = []   # the sentences tagged, for a trace
        doc.notes["ner"] = tagged
        # every span the CRF proposed and what became of it, built only for a trace (Doc.explain)
        verdicts: list[dict] | None = None
        if doc.explain:
            verdicts = doc.notes["ner_spans"] = []
        jobs: list[tuple[tuple, str]] = []    # the windows to tag (see _window) and why
        keys, starts, ends = doc.keys, doc.token_starts, doc.token_ends   # the document's columns (read only)
        given = self._seed_names
        n_toks = len(toks)
        likely = self.likely
        lik = list(compress(range(n_toks), map(likely.__contains__, keys))) if likely else []
        # the first and last words of the persons a name pattern found (no knowledge-base name, no
        # title or type word): the CRF reads them too, to trim a word the pattern took in (الحريري
        # تمسك) or to take the whole name where the pattern found part of it (see _tag)
        pats = [n for n, m in enumerate(doc.mentions) if _pattern_person(m)]
        spans_of = [doc.mentions[n].tok for n in pats]
        pat = sorted({a for a, _ in spans_of})
        pat_end = {a: b for a, b in spans_of}
        w = 0
        for s_start, s_end in doc.sentences:
            # the words of the sentence: from the first ending after its start (not before the last
            # sentence's end) to the first starting at or after its end
            lo = max(w, bisect_right(ends, s_start, w))
            hi = w = bisect_left(starts, s_end, lo) if lo < n_toks else lo
            if lo == hi:
                continue
            # the uncovered words (owner -1), picked at C speed: most sentences are read by the gate only
            free = list(compress(range(lo, hi), map(_FREE, owner[lo:hi])))
            reason, at = self.gate.read(list(map(keys.__getitem__, free)), given)
            # the uncovered words of the sentence likely to stand in a name (rasd.ner.likely)
            hits = [k for k in lik[bisect_left(lik, lo):bisect_left(lik, hi)] if owner[k] < 0] if lik else lik
            persons = pat[bisect_left(pat, lo):bisect_left(pat, hi)] if pat else pat
            if reason is None:
                if hits:
                    best = max(hits, key=lambda k: likely[keys[k]])
                    reason = f"likely name {keys[best]} (p={likely[keys[best]]:.2f})"
                elif persons:
                    reason = "a person found by a name pattern"
                else:
                    continue
            seeds = [free[i] for i in at]      # uncovered unknown words and given names
            if hits:
                seeds = sorted(set(seeds).union(hits))
            # a pattern person is read with PERSON_WINDOW words on each side of it
            windows = _windows(seeds, lo, hi, [(max(lo, a - PERSON_WINDOW), min(hi, pat_end[a] + PERSON_WINDOW))
                                               for a in persons])
            tagged.append({"sentence": [s_start, s_end], "why": reason,
                           "windows": [[starts[a], ends[b - 1]] for a, b in windows]})
            for wlo, whi in windows:
                end = s_end if whi == hi else ends[whi - 1]
                jobs.append((_window(doc, wlo, whi, end, starts, ends), reason))
        # the CRF reads only the text, so all windows are tagged at once, then combined in order
        doubtful = self._doubtful_persons(doc, pats, jobs, keys) if pats else []
        if doubtful:   # their windows' marginals of no name come from the same pass
            found, outs = self.tagger.spans_outside([window[0] for window, _ in jobs], {q for _, q, _, _ in doubtful})
        else:
            found, outs = self.tagger.spans_many([window[0] for window, _ in jobs]), {}
        for (window, reason), spans in zip(jobs, found):
            if spans:
                self._tag(doc, _tokens(*window), owner, reason, added, dropped, spans, verdicts)
        for n, out in self._no_name_persons(doubtful, found, outs, dropped):
            dropped.add(n)
            m = doc.mentions[n]
            dropped.update(k for k, s in enumerate(doc.mentions) if s.surname_of == m.text)
            if verdicts is not None:
                verdicts.append({"span": [m.start, m.end], "cls": "PERS", "p": round(out, 3),
                                 "verdict": "removed: a pattern person the CRF reads as no name"})
        if self.cued_given:
            added += self._cued_tier(doc, owner, added)
        if self.speech_verbs and self.role_after:
            added += self._speaker_tier(doc, owner, added)
        added += self._office_tier(doc, owner, added)
        self._cut_run_ons(doc, added, owner)   # before a name is read elsewhere (_propagate)
        added += self._propagate(doc, owner, added, keys)
        if added or dropped:
            kept = [m for n, m in enumerate(doc.mentions) if n not in dropped]
            doc.mentions = sorted(kept + added, key=lambda m: m.start)
        self._cut_run_ons(doc, doc.mentions)
        self._open_names(doc, doc.mentions)
        if self.ordinary_surnames:
            self._ordinary_surnames(doc)
        if self.speech_verbs and self.role_after:
            self._speaker_last_part(doc)
        if self.namesake_heads:
            self._namesakes(doc, verdicts)
        return doc

    def _speaker_last_part(self, doc: Doc) -> None:
        """وأكد X Y Z أحد سكان القرية، وقال X Y وهو …: a speaker's name stands between the verb of saying
        and the role the report gives after it, so a person mention rasd read (no knowledge-base name)
        right after a verb of saying, followed by one free word and then a word that opens a role
        (lexicon role_after_name: وهو، أحد, or a person title), takes that word in as its last part
        (a transliterated family name the lists lack: بارتليت، أورين) or a given name spelled like a
        preposition (علي): a word there is the name's, as the subject of the verb ends where its role
        begins.  The word is Arabic letters without the article, no lexicon word (a stop word, title,
        place or type word) and no word the NER corpora use mostly outside names (شقيق، أستاذ، صاحبة:
        a role noun heading the role's construct) unless a given name spelled as the knowledge writes
        it (علي), no word opened by the conjunction و (a second name), no accusative (أيضا) nor a
        preposition with the article (:meth:`_run_on_at`)."""
        toks, keys, text = doc.tokens, doc.keys, doc.text
        n = len(toks)
        covered = [False] * n
        for m in doc.mentions:
            covered[m.tok[0]:m.tok[1]] = [True] * (m.tok[1] - m.tok[0])
        L = self.letters
        for x, m in enumerate(doc.mentions):
            if m.type != "PERSON" or m.kb_id or m.surname_of or not self._said_by(doc, m.tok[0]):
                continue
            j = m.tok[1]
            if j + 1 >= n or covered[j] or not text[toks[j - 1].end:toks[j].start].isspace():
                continue
            gap = text[toks[j].end:toks[j + 1].start]
            if not (gap.isspace() or _commas(gap)) or not self._role_opens(doc, j + 1):
                continue
            key = keys[j]
            surface = "".join(c for c in text[toks[j].start:toks[j].end] if not is_mark(c))
            named = surface in self.ambiguous_given
            if not key.isalpha() or not has_letter(key) or len(key) < 2 or key.endswith(L.accusative_ending) \
                    or (key[:1] in L.conj and key[1:] not in self.person_given) or self._run_on_at(doc, j):
                continue
            if not named and (self._listed_at(doc, j, *self.lists) or self._common(key) or key.startswith(L.article)):
                continue   # شقيق العريف، أستاذ مساعد، الطبيب الشرعي: a role noun opens the role itself
            end = toks[j].end
            doc.mentions[x] = replace(m, end=end, text=text[m.start:end], tok=(m.tok[0], j + 1),
                                      why=(m.why + "; " if m.why else "") + "the speaker's name runs to the role "
                                      f"after it ('{text[toks[j + 1].start:toks[j + 1].end]}'): "
                                      f"'{text[toks[j].start:end]}' is its last part")
            covered[j] = True

    def _ordinary_surnames(self, doc: Doc) -> None:
        """محمد خالد الحمد الصباح، سعد الصباح: a family name with the article that is also an ordinary
        word (lexicon ordinary_surnames: الصباح, the morning) right after a person mention rasd read
        (no knowledge-base name, no bare surname) that ends on a given name or a definite name part (the
        father's: أحمد الفهد), white space between, is the name's last part,
        whatever follows it: the CRF, reading the ordinary word, ends the name before it, and the
        mention finder's bare surname of another person of that family (الصباح alone) is taken in.
        The word must be free or that bare surname; the trace says why."""
        toks, keys, text = doc.tokens, doc.keys, doc.text
        n = len(toks)
        owner = [-1] * n
        for x, m in enumerate(doc.mentions):
            owner[m.tok[0]:m.tok[1]] = [x] * (m.tok[1] - m.tok[0])
        gone: set[int] = set()
        for x, m in enumerate(doc.mentions):
            j = m.tok[1]
            if m.type != "PERSON" or m.kb_id or m.surname_of or x in gone or j >= n \
                    or keys[j] not in self.ordinary_surnames or not text[toks[j - 1].end:toks[j].start].isspace():
                continue
            if keys[j - 1] not in self.person_given and not has_article(keys[j - 1]):
                continue   # the name must end on a given name or an ancestor's definite name (… الفهد), no verb
            y = owner[j]
            if y >= 0 and not (doc.mentions[y].type == "PERSON" and doc.mentions[y].tok == (j, j + 1)
                               and doc.mentions[y].kb_id is None):
                continue   # the word is another mention's (a place, an actor, a known person)
            end = toks[j].end
            doc.mentions[x] = replace(m, end=end, text=text[m.start:end], tok=(m.tok[0], j + 1),
                                      why=(m.why + "; " if m.why else "") + f"'{text[toks[j].start:end]}' after the "
                                      "name is a family name that is also an ordinary word (lexicon ordinary_surnames)")
            if y >= 0:
                gone.add(y)
            owner[j] = x
        if gone:
            doc.mentions = [m for x, m in enumerate(doc.mentions) if x not in gone]

    NAMESAKE_HONORIFICS = 2   # most honorific words between a namesake head and the name (كتيبة شهداء الشيخ X)

    def _namesakes(self, doc: Doc, verdicts: list[dict] | None) -> None:
        """Arabic names squares, parks, quarters, buildings, units and papers after people: the type
        word without the article, in construct with the name, maybe over honorifics (ميدان العميد X،
        متنزه الشيخ X، مسجد الإمام X، حارة أبو X، كتيبة شهداء X، مجلة X) or an opening bracket or quote
        (موقع (X)).  A person mention there, whichever finder read it (a knowledge-base name too:
        كتيبة أسامة بن لادن), is the thing's name, no person in the report: it is removed, with the bare
        surnames that repeat it, and the trace says why.  A definite type word (قائد الكتيبة X) stands
        in apposition and names the person; so does a type word that is also a title (اللواء X)."""
        toks, keys, text = doc.tokens, doc.keys, doc.text
        heads, hon = self.namesake_heads, self.namesake_honorifics
        titles = self.lists.get("person_titles", frozenset())
        art = self.letters.article

        def forms(k: int) -> tuple[str, ...]:
            key = keys[k]
            return (key, *(st for _, st in doc.readings[key]))

        def definite(k: int) -> bool:
            key = keys[k]
            return has_article(key) or any(n and is_definite(key[:n]) for n, _ in doc.readings[key])

        covered = [False] * len(toks)   # words inside another name (كتائب سيد الشهداء | X: the body's own name)
        for m in doc.mentions:
            if m.type != "PERSON":
                covered[m.tok[0]:m.tok[1]] = [True] * (m.tok[1] - m.tok[0])
        gone: set[int] = set()
        for n, m in enumerate(doc.mentions):
            if m.type != "PERSON" or m.surname_of:
                continue
            k = m.tok[0] - 1
            while k >= 0 and m.tok[0] - 1 - k < self.NAMESAKE_HONORIFICS and text[toks[k].end:toks[k + 1].start].isspace() \
                    and any(f in hon or art + f in hon for f in forms(k)):
                k -= 1   # مسجد الإمام | X، كتيبة شهداء | X
            if k < 0 or text[toks[k].end:toks[k + 1].start].strip() not in _NAME_OPENERS or any(covered[k:m.tok[0]]):
                continue
            f = forms(k)
            if definite(k) or any(w in titles for w in f) or not any(w in heads for w in f):
                continue
            gone.add(n)
            head = text[toks[k].start:toks[k].end]
            if verdicts is not None:
                verdicts.append({"span": [m.start, m.end], "cls": "PERS", "p": None,
                                 "verdict": f"removed: the name of what '{head}' names after a person"})
        if gone:
            names = {doc.mentions[n].text for n in gone}
            doc.mentions = [m for n, m in enumerate(doc.mentions)
                            if n not in gone and not (m.type == "PERSON" and m.surname_of in names)]

    def _open_names(self, doc: Doc, ms: list[Mention]) -> None:
        """Arabic reports name a person by given name, father's (and grandfather's) name and family
        name, so a word that stands right before a read name whose first word is a bare given name
        (… حسين سويدان، … محمد طالب) is often the person's own given name, one the lists lack
        (كميل، علام، جهاد، هارون) or took for an ordinary word.  A person mention of two words or more
        that rasd read (no knowledge-base name), opening on a given name as written (no article, no
        proclitic), takes in the word before it as its first part when that word is learned to be
        a name: a given name of the lists, a name the news mining found after person cues, or a word
        the learned word model (rasd.ner.likely, fitted on the NER corpora) scores at least
        OPENING_LIKELY as standing in a name; and the word stands free (no mention covers it), is
        joined to the name by spaces only, is Arabic letters with no article, no preposition with the
        article (للمهندس، للملا) and no proclitic conjunction (وأحمد: a second name), is on none of the
        lexicon's stop, title, joiner, nationality, organisation or place-cue lists (والشيخ، والعقيد),
        no place of the gazetteer (جبل، غازي عنتاب), no word the NER corpora use mostly outside names,
        no noun with an attached pronoun (شقيقه) and no feminine relative adjective or plural (أفريقية،
        عصابات: -ية and -ات endings, which given names opening a name do not take).  A name of any
        length, one word too (علي سعيد), opens on علي written as the name (:meth:`_preposition_named`):
        the preposition it folds to is written على, and the news hardly ever writes it علي."""
        toks, keys, text = doc.tokens, doc.keys, doc.text
        taken = set()
        for m in ms:
            taken.update(range(*m.tok))
        stops = frozenset().union(*(self.lists.get(k, frozenset()) for k in _NOT_OPENING)) | self.speech_verbs
        art, L = self.letters.article, self.letters
        for n, m in enumerate(ms):
            if m.type != "PERSON" or m.kb_id or m.tok[0] < 1:
                continue
            i = m.tok[0]
            first = keys[i]
            if first not in self.person_given or has_article(first) or (i - 1) in taken:
                continue
            if doc.text[toks[i].start:m.start]:
                continue   # the mention starts inside its first word (a proclitic left out: لمحمد)
            k = i - 1
            gap = text[toks[k].end:toks[i].start]
            if gap.strip() or "\n" in gap:
                continue
            key, surface = keys[k], text[toks[k].start:toks[k].end]
            if self._preposition_named(key, surface):   # علي as the name is written (the preposition على)
                evidence = "a given name written as the name, not as the preposition"
            elif m.tok[1] - m.tok[0] >= 2 and self._opening_word(key, surface, stops, art, L):
                evidence = "a learned name word"
            else:
                continue
            start = toks[k].start
            taken.add(k)
            ms[n] = replace(m, start=start, text=text[start:m.end], tok=(k, m.tok[1]),
                            why=(m.why + "; " if m.why else "") + f"name opened by its first part, {evidence}: {key}")
            for x, o in enumerate(ms):   # a bare family name repeating this name repeats the whole name
                if o.surname_of == m.text:
                    ms[x] = replace(o, surname_of=ms[n].text)

    def _preposition_named(self, key: str, surface: str) -> bool:
        """The word is a given name whose folded key is a preposition (علي / على), written as the
        name is (with the dotted ya): before a read given name it opens the name (علي سعيد، علي حسين
        حرب), whatever the length of the name after it."""
        bare = "".join(c for c in surface if not is_mark(c))
        return bare in self.ambiguous_given and key in self.lists.get("name_stops", ())

    def _pronoun_suffixed(self, surface: str, key: str) -> bool:
        """The word as written ends in an attached pronoun: ها، هم، هما, or ه (not the ة of a name:
        عطية) after a stem of three letters or more that the news vocabulary knows (شقيقه: شقيق + ه;
        وجيه keeps its ه, as وجي is no word)."""
        bare = "".join(c for c in surface if not is_mark(c))
        L = self.letters
        for suffix in L.pronoun_suffixes:
            if bare.endswith(suffix) and len(bare) - len(suffix) >= 3:
                return True
        he = L.attached_pronouns[-1]
        if bare.endswith(he) and len(bare) - len(he) >= 3:
            stem = key[:-len(he)]
            return self._common(stem) or not self.gate.unknown(stem)
        return False

    def _opening_word(self, key: str, surface: str, stops: frozenset[str], art: str, L) -> bool:
        """Whether the word ``key`` (written ``surface``) before a read name is the name's first part
        (:meth:`_open_names`)."""
        if len(key) < 3 or not key.isalpha() or not has_letter(key) or TANWEEN_FATH in surface:
            return False
        if key.startswith(art) or any(key.startswith(p) for p in self._prep_articles):
            return False
        if key[:1] in L.conj and len(key) > 3 and key not in self.person_given:
            return False   # وأحمد، وهدي: a conjunction opens another phrase or a second name
        if any(f in stops or art + f in stops for f in (key, *(st for _, st in stems(key)))):
            return False
        if self._common(key) or self._pronoun_suffixed(surface, key):
            return False
        if key.endswith(L.nisba_suffixes[0]) or key.endswith(L.feminine_plural):
            return False
        lex = self.tagger.lex
        if lex.places.get(key) is not None or self._place_like(key):
            return False
        return key in self.person_given or key in self.cued_given or self.name_scores.get(key, 0.0) >= OPENING_LIKELY

    def _cut_run_ons(self, doc: Doc, ms: list[Mention], owner: list[int] | None = None) -> None:
        """A personal name does not run on past its last part, whichever finder read it: every person
        mention rasd found by pattern or CRF (no knowledge-base name) ends before the first later word
        that cannot stand inside a name (:meth:`_run_on_at`): the name is the words before it; the words
        cut off are left free in ``owner`` (when given)."""
        for n, m in enumerate(ms):
            if m.type != "PERSON" or m.kb_id or m.tok[1] - m.tok[0] < 2:
                continue
            i, j = m.tok
            for k in range(i + 1, j):
                why = self._run_on_at(doc, k)
                if why:
                    end = doc.tokens[k - 1].end
                    if owner is not None:
                        owner[k:j] = [-1] * (j - k)
                    ms[n] = replace(m, end=end, text=doc.text[m.start:end], tok=(i, k),
                                   why=(m.why + "; " if m.why else "") + f"name cut before {why}")
                    break

    def _run_on_at(self, doc: Doc, k: int) -> str:
        """Why word k, inside a person span, cannot continue the name before it (empty: it can): a
        dash or the stretching stroke set apart between them (فهد ــ يرحمه: an aside opens), a word in
        the accusative with tanween (الأسد طرفًا: a predicate, no name part; names in news are written
        bare), or a preposition with the article on a word the news vocabulary knows (وانغ للصحافيين:
        a prepositional phrase after the name, while a family name carries the bare article)."""
        toks = doc.tokens
        gap = doc.text[toks[k - 1].end:toks[k].start]
        if any(c in _ASIDE_DASHES or c == TATWEEL for c in gap) and gap != gap.strip():
            return "a dash set apart"
        surface = doc.text[toks[k].start:toks[k].end]
        if TANWEEN_FATH in surface:
            return "an accusative with tanween"
        key = toks[k].key
        pre = next((p for p in self._prep_articles if key.startswith(p)), None)
        if pre is not None and len(key) - len(pre) >= 3:
            stem = key[len(pre):]
            if stem not in self.compound_ends and (self._common(stem) or not self.gate.unknown(self.letters.article + stem)):
                return "a preposition with the article"
        return ""

    def _tag(self, doc: Doc, sent: list[_Tok], owner: list[int], reason: str, added: list[Mention],
             dropped: set[int], spans: list | None = None, verdicts: list[dict] | None = None) -> None:
        """Add (or substitute) the mentions one window's spans call for (``spans``: the tagger's
        for the window, tagged here when None); each span's fate is appended to ``verdicts``."""
        read_to = max(filter(_NOT_NONE, map(_WORD_OF, sent)))   # the last word the CRF read (no mark's None)
        log = verdicts

        def verdict(sp, what: str, i: int | None = None, j: int | None = None) -> None:
            if log is None:
                return
            toks = doc.tokens
            a, b = (sent[sp.start].start, sent[sp.end - 1].end) if i is None else (toks[i].start, toks[j - 1].end)
            log.append({"span": [a, b], "cls": sp.cls, "p": round(sp.confidence, 3), "verdict": what})

        for sp in (self.tagger.spans([t.text for t in sent]) if spans is None else spans):
            words = [t.word for t in sent[sp.start:sp.end] if t.word is not None]
            cued = ""
            if words and sp.confidence < self.min_confidence:
                cued = self._cued_name(doc, sp, words, owner)
            if not words or (sp.confidence < self.min_confidence and not cued):
                verdict(sp, "dropped: low confidence" if words else "dropped: punctuation")
                continue
            i, j = self._trim(doc, words[0], words[-1] + 1)
            if i >= j or (sp.cls == "PERS" and ends_on_joiner(doc.tokens[j - 1].key, self._joiner)):
                verdict(sp, "dropped: trimmed away" if i >= j else "dropped: ends on a name joiner")
                continue   # أبو عبد | الله: a compound name cut in two (rasd.ner.cut)
            under = {owner[k] for k in range(i, j) if owner[k] >= 0}
            replaced = []
            if under and cued:
                verdict(sp, "held: an unsure span over a mention", i, j)
                continue   # an unsure span, kept for its cue where rasd has nothing, changes no mention
            if under:
                ms = [doc.mentions[n] for n in under if n < len(doc.mentions)]
                if sp.cls == "PERS" and len(ms) == 1 == len(under):
                    self._hold_father(doc, next(iter(under)), i, j)
                trims = len(ms) == len(under) and (self._trims(doc, ms, i, j, sp.cls, read_to, sp.outside)
                                                   or self._extends(doc, ms, i, j, sp.cls, sp.confidence))
                if not trims and (len(ms) < len(under) or sp.confidence < self.override_confidence
                                  or not all(self._overridable(doc, m, i, j, sp.cls) for m in ms)):
                    verdict(sp, "held: " + _holder(ms, len(ms) < len(under)), i, j)
                    continue   # the knowledge base (or a cue pattern the CRF does not contradict) holds
                lo_i = min(m.tok[0] for m in ms)
                hi_j = max(m.tok[1] for m in ms)
                if (lo_i < i or hi_j > j) and not trims:
                    verdict(sp, "held: a pattern reaching beyond", i, j)
                    continue   # a pattern reaching beyond the span: not a plain disagreement
                replaced = [m.text for m in ms]
                dropped.update(under)
            if not replaced:
                ok, why = self._decide(doc, i, j, sp, reason)
                if not ok:
                    verdict(sp, "rejected: " + why, i, j)
                    continue
                if cued:
                    why += f" (p under {self.min_confidence} {cued})"
            m = self._mention(doc, i, j, sp.cls, sp.confidence, reason, replaced, "" if replaced else why)
            verdict(sp, ("replaced " if replaced else "kept: " + why) if m is not None else "dropped: empty", i, j)
            if m is not None:
                added.append(m)
                for k in range(i, j):
                    owner[k] = len(doc.mentions) + len(added)   # never overridden again

    def _cued_name(self, doc: Doc, sp, words: list[int], owner: list[int]) -> str:
        """Why a person span of several words the CRF is unsure of (CUED_CONFIDENCE <= p <
        min_confidence) is a name all the same (empty: it is not): a person cue right before it, where
        Arabic reports put a name: a title (الرئيس X Y), a verb of saying whose subject it is (كشف X Y،
        وقال X Y إن), or a role phrase holding a title and closed by a comma, with a comma after the
        name too (رئيس وزراء هنغاريا، X Y، يقول: a name in apposition).  The CRF keeps the extent:
        it is unsure of names it has never seen, not of where they stand.  The cue word stands free
        (``owner``: no mention covers it)."""
        if sp.cls != "PERS" or sp.confidence < CUED_CONFIDENCE or len(words) < 2:
            return ""
        i, j = words[0], words[-1] + 1
        if i == 0 or owner[i - 1] >= 0:
            return ""   # the word before is part of a mention (أحمد فراس الشيخ | X: no title of X)
        cue = self._cue_before(doc, i, owner)   # وقال عضو المفوضية X Y
        if cue:
            return f"after {cue}"
        toks, text = doc.tokens, doc.text
        if j >= len(toks) or not _commas(text[toks[i - 1].end:toks[i].start]) \
                or not _commas(text[toks[j - 1].end:toks[j].start]):
            return ""
        for k in range(i - 1, max(-1, i - 1 - ROLE_PHRASE_WORDS), -1):
            if self._listed_at(doc, k, "person_titles"):
                return "set off by commas after a role"
            if k > 0 and _breaks(text[toks[k - 1].end:toks[k].start]):
                break
        return ""

    def _cued_tier(self, doc: Doc, owner: list[int], added: list[Mention]) -> list[Mention]:
        """Persons opened by a word of the cued tier (given names that are also ordinary words,
        learned from the news: :attr:`cued_given`) where the CRF found none: the word stands free
        right after a person cue (a title, a verb of saying: وقال X, المحلل X; a role phrase
        after a verb of saying: وقال عضو المفوضية X), and one or
        two further name parts follow it with nothing but white space between (a family name, a
        nisba, بن and a name: X الغراوي، X بن Y، X بن Y الغراوي).  An ordinary word after a title is read as a name
        only so: alone, or before an ordinary word, it stays a word (الرئيس هادي is left to the CRF)."""
        keys, toks, text = doc.keys, doc.tokens, doc.text
        out: list[Mention] = []
        base = len(doc.mentions) + len(added)
        k, n = 1, len(toks)
        # only the words of the cued tier, found in one C-level pass
        for q in compress(range(1, n - 1), map(self.cued_given.__contains__, keys[1:])):
            if q < k or owner[q] >= 0:
                continue   # inside the name found last, or in a mention
            k = q
            # a title, not a kunya: after أبو/أبي the word is the kunya's own (مسجد أبي بكر)
            cue = self._cue_before(doc, k, owner)
            if not cue:
                continue
            j, parts = k + 1, 0
            while j < n and parts < 2 and self._free_after(doc, owner, j):
                if keys[j] in self.lineage:   # بن: counted with the name part after it
                    if j + 1 < n and self._free_after(doc, owner, j + 1) and self._tier_part(doc, j + 1):
                        j, parts = j + 2, parts + 1
                        continue
                    break
                if not self._tier_part(doc, j) or parts and not self._name_shaped(keys[j]):
                    break
                j, parts = j + 1, parts + 1
            if j == k + 1:
                k += 1
                continue
            start, end = toks[k].start, toks[j - 1].end
            out.append(Mention(start, end, text[start:end], "PERSON", confidence=TIER_CONFIDENCE, tok=(k, j),
                               pattern=True, why=f"cued-tier given name: {keys[k]} (news_cued_names, a given "
                               f"name that is also an ordinary word) right after {cue}, with {j - k - 1} "
                               "further name part(s)"))
            for p in range(k, j):
                owner[p] = base + len(out)
            k = j
        return out

    def _speaker_tier(self, doc: Doc, owner: list[int], added: list[Mention]) -> list[Mention]:
        """A speaker named between a verb of saying and the role the report gives after the name
        (وقال X Y، وهو باحث في …؛ وأكد X Y أحد سكان القرية؛ وقالت X Y مسؤولة الإعلام): where neither the
        CRF nor a pattern found a name, SPEAKER_WORDS_MIN to SPEAKER_WORDS_MAX free words right after
        the verb, each a possible name part (:meth:`_tier_part`: no word the NER corpora use mostly
        outside names, no lexicon word), the first not written with the article (ألموغ folds to one), with nothing but white space
        between them, followed (after white space or a comma) by a word that opens a role (lexicon
        role_after_name: وهو، أحد) or a person title, are the speaker's name.  Transliterated names
        the given-name lists lack (Western, Turkish, Israeli, African) are read so."""
        keys, toks, text = doc.keys, doc.tokens, doc.text
        out: list[Mention] = []
        base = len(doc.mentions) + len(added)
        n = len(toks)
        k = 1
        # only the words right after a verb of saying (:meth:`_said_by`), found in one C-level pass
        for q in compress(range(1, n - SPEAKER_WORDS_MIN), map(self._speech_forms.__contains__, keys)):
            if q < k:
                continue   # inside the name found last
            k = q
            if owner[k] >= 0 or not text[toks[k - 1].end:toks[k].start].isspace() \
                    or text.startswith(self.letters.article, toks[k].start):
                continue
            common_first = not self._tier_part(doc, k)
            if common_first and not self._ordinary_given(doc, k):
                continue
            j = k + 1
            while j < n and j - k < SPEAKER_WORDS_MAX and self._free_after(doc, owner, j) and self._tier_part(doc, j):
                j += 1
            gap = text[toks[j - 1].end:toks[j].start] if j < n else ""
            if j - k < SPEAKER_WORDS_MIN or j >= n or owner[j] >= 0 or not (gap.isspace() or _commas(gap)) \
                    or not self._role_opens(doc, j) or (common_first and (
                        j - k != SPEAKER_WORDS_MIN or not self._listed_at(doc, j, "person_titles"))):
                k += 1
                continue
            start, end = toks[k].start, toks[j - 1].end
            role = text[toks[j].start:toks[j].end]
            out.append(Mention(start, end, text[start:end], "PERSON", confidence=TIER_CONFIDENCE, tok=(k, j),
                               pattern=True, why=f"speaker's name: {j - k} free name-shaped words between a verb of "
                               f"saying and the role after the name ({role!r}: lexicon role_after_name or a title)"
                               + ("; the first an ordinary word, taken as a given name before a title" if common_first else "")))
            for p in range(k, j):
                owner[p] = base + len(out)
            k = j
        return out

    def _office_tier(self, doc: Doc, owner: list[int], added: list[Mention]) -> list[Mention]:
        """The holder of an office named right after it (المتحدثة باسم الشرطة الإسرائيلية X Y ان …،
        رئيس المجلس الوطني الكردستاني X Y «…»): a person title, maybe باسم، the organisation's mention
        (an actor the finders read), maybe one definite adjective of it, then two free bare words, each
        a possible name part (:meth:`_tier_part`), that end clearly (punctuation or a stop word after
        them): the transliterated name the lists and the CRF lack, where nothing else read one.  No
        word with an attached pronoun (يكثف حراكه: a verb and its object), and no words that close a
        quoted name (a closing quote after them)."""
        keys, toks, text = doc.keys, doc.tokens, doc.text
        n = len(toks)
        ending: dict[int, Mention] = {}   # the first mention ending before each token (a dict, not a scan per word)
        for m in (*doc.mentions, *added):   # (owner's numbers of added mentions count from 1: read the spans)
            if m.tok and m.tok[0] < m.tok[1]:
                ending.setdefault(m.tok[1], m)
        # the name's first word k follows an actor's mention right away or past one adjective of it
        # (b + 1 is k or k - 1): only those words are read, in order, not every word of the report
        after_actor = [e for e, m in ending.items() if m.type == "ACTOR"]
        opens = sorted(k for k in {*after_actor, *(e + 1 for e in after_actor)} if 2 <= k < n - 1)
        out: list[Mention] = []
        a = self.letters.article
        stops = self.lists.get("name_stops", frozenset())
        for k in opens:
            if owner[k] >= 0 or owner[k + 1] >= 0 or keys[k].startswith(a) or keys[k + 1].startswith(a) \
                    or not text[toks[k].end:toks[k + 1].start].isspace() \
                    or not text[toks[k - 1].end:toks[k].start].isspace():
                continue
            b = k - 1
            if owner[b] < 0 and keys[b].startswith(a) and keys[b].endswith(self.letters.nisba_masculine) \
                    and b > 0 and owner[b - 1] >= 0:
                b -= 1   # رئيس المجلس الوطني | الكردستاني X Y: an adjective of the organisation
            body = ending.get(b + 1) if owner[b] >= 0 else None
            if body is None or body.type != "ACTOR":
                continue
            q = body.tok[0] - 1
            if q >= 0 and owner[q] < 0 and keys[q] in self.office_links:
                q -= 1   # المتحدث باسم | الشرطة
            if q < 0 or owner[q] >= 0 or not self._listed_at(doc, q, "person_titles"):
                continue
            if not (self._tier_part(doc, k) and self._tier_part(doc, k + 1)) or any(
                    self._pronoun_suffixed(text[toks[x].start:toks[x].end], keys[x]) or owned_word(keys[x])
                    or any(keys[x].endswith(p) and keys[x][:-len(p)] in stops for p in self.letters.attached_pronouns)
                    for x in (k, k + 1)):
                continue   # يكثف حراكه، بزفاف كريمته، أعربا فيهما: a noun or preposition with a pronoun
            gap = text[toks[k + 1].end:toks[k + 2].start] if k + 2 < n else "."
            if (gap.isspace() and keys[k + 2] not in stops) or any(c in _CLOSING_QUOTES for c in gap):
                continue   # «إمباير ستيت بيلدينغ ريالتي تراست»: the words close a quoted name
            start, end = toks[k].start, toks[k + 1].end
            out.append(Mention(start, end, text[start:end], "PERSON", confidence=TIER_CONFIDENCE, tok=(k, k + 2),
                               pattern=True, why="an office's holder: two free name-shaped words after a title and "
                               f"the organisation it heads ('{text[toks[q].start:toks[q].end]}' … "
                               f"'{body.text}'), ending clearly"))
            owner[k] = owner[k + 1] = len(doc.mentions) + len(added) + len(out)
        return out

    def _ordinary_given(self, doc: Doc, k: int) -> bool:
        """Word k may open a speaker's name though the NER corpora use it mostly outside names (عيد،
        نصر، أمل: given names that are also ordinary words): Arabic letters, no lexicon word, no word
        behind a proclitic, no accusative; :meth:`_speaker_tier` then asks for exactly two words and a
        person title right after them (وقال عيد عماش المتحدث باسم …), the role that makes them a name."""
        key, L = doc.keys[k], self.letters
        if len(key) < 3 or not key.isalpha() or not has_letter(key) or key.endswith(L.accusative_ending) \
                or key.endswith(L.feminine_plural) or key in self.lineage or any(n for n, _ in stems(key)):
            return False   # سلطات: a plural noun is no given name
        stops = self.lists.get("name_stops", frozenset())
        if any(key.endswith(p) and key[:-len(p)] in stops for p in L.attached_pronouns):
            return False   # أعلن عنه صراحة: a preposition with its pronoun
        forms = {key, L.article + key}
        return all(forms.isdisjoint(words) for words in self.lists.values()) and not self._run_on_at(doc, k)

    def _role_opens(self, doc: Doc, j: int) -> bool:
        """Word j opens the role given after a name: a word of lexicon role_after_name as written or
        behind a proclitic (وهو، أحد), or a person title (المتحدث، مسؤول)."""
        key = doc.keys[j]
        forms = (key, *(st for _, st in doc.readings[key]))
        return any(f in self.role_after for f in forms) or self._listed_at(doc, j, "person_titles")

    def _name_shaped(self, key: str) -> bool:
        """A word that reads as a name part beyond the first after the tier's given name: a family name
        with the article, a given name the finder knows, or a nisba (…ي); a bare word of another shape
        there is as often the verb the name is the subject of (فاضل الغراوي وصل; review15b)."""
        return key.startswith(self.letters.article) or key in self.person_given \
            or key.endswith(self.letters.nisba_masculine)

    def _cue_before(self, doc: Doc, i: int, owner: list[int]) -> str:
        """The person cue right before word i where Arabic reports put a name (empty: none): a title
        or a verb of saying standing free (``owner``: no mention covers it), else a role phrase after a
        verb of saying (:meth:`_role_after_saying`). The cue the unsure CRF names (:meth:`_cued_name`)
        and the cued tier (:meth:`_cued_tier`) both read."""
        if owner[i - 1] < 0 and self._listed_at(doc, i - 1, "person_titles"):
            return "a title"
        if owner[i - 1] < 0 and self._said_by(doc, i):
            return "a verb of saying"
        return self._role_after_saying(doc, i)

    def _role_after_saying(self, doc: Doc, k: int) -> str:
        """A role phrase between a verb of saying and word k: the verb, a person title or role noun
        (indefinite as the head of a construct: عضو، وزير، رئيس), at most TIER_ROLE_WORDS words in all
        before k, with nothing but white space between any of them (وقال عضو المفوضية X، وأكد وزير
        الخارجية السعودي X: the subject after its verb, named after the role).  Empty: none."""
        toks, text = doc.tokens, doc.text
        for q in range(k - 1, max(0, k - 1 - TIER_ROLE_WORDS), -1):
            if not text[toks[q].end:toks[q + 1].start].isspace():
                return ""
            if self._listed_at(doc, q, "person_titles") and self._said_by(doc, q):
                return "a role phrase after a verb of saying"
        return ""

    @staticmethod
    def _free_after(doc: Doc, owner: list[int], j: int) -> bool:
        """Word j stands free (no mention covers it) with nothing but white space before it."""
        return owner[j] < 0 and doc.text[doc.tokens[j - 1].end:doc.tokens[j].start].isspace()

    def _tier_part(self, doc: Doc, j: int) -> bool:
        """Word j can continue a name the cued tier opened: Arabic letters, no word the NER corpora use
        mostly outside names, no lexicon word (a title, a place or type word …), no accusative with
        tanween nor a preposition with the article (:meth:`_run_on_at`)."""
        key = doc.keys[j]
        if len(key) < 2 or not key.isalpha() or not has_letter(key) or self._common(key):
            return False
        if key in self.lineage:
            return False
        a = self.letters.article
        forms = {key, *(st for _, st in stems(key))}
        forms.update([a + f for f in forms])   # each form, and with the article: built once, not per list
        if any(not forms.isdisjoint(words) for words in self.lists.values()):
            return False
        return not self._run_on_at(doc, j)

    def _listed_at(self, doc: Doc, k: int, *names: str) -> bool:
        """Word k, as written or under a proclitic reading, maybe with the article, is in one of the
        lexicon lists ``names`` (the live ones the rules read)."""
        if k < 0:
            return False
        lists, a = self.lists, self.letters.article
        key = doc.keys[k]
        forms = {key, *(st for _, st in doc.readings[key])}
        forms.update([a + f for f in forms])   # each form, and with the article: built once, not per list
        return any(not forms.isdisjoint(lists.get(n, ())) for n in names)

    def _doubtful_persons(self, doc: Doc, pats: list[int], jobs: list, keys: list[str]) -> list[tuple[int, int, int, int]]:
        """The persons a name pattern found (no knowledge-base name, no title or type word) whose
        reading the CRF may overrule (:meth:`_no_name_persons`), before it runs: every word of them is
        one the news vocabulary knows (the CRF cannot know a rare name: المدعو "خطاب الغدفة"), and
        they do not open on a known given name followed by name parts only (the CRF misses most
        names it has never seen: أنتوني ألبانيزي، فادي عقيقي): the first word is no given name
        (للمؤتمر القومي after a title, أم هادئا read as a kunya) or a later part is an everyday word
        of the NER corpora (إلهام البنك، عمر المتقدم).  (mention index, job index, first and last
        position in the job's window) of each; ``pats``: the indices of the pattern persons."""
        out: list[tuple[int, int, int, int]] = []
        given = self.person_given
        firsts = [words[0] for (_, _, words), _ in jobs]   # the first word of each window, in order
        for n in pats:
            a, b = doc.mentions[n].tok
            if any(self.gate.unknown(k) for k in keys[a:b]):
                continue
            first = keys[a]
            if self._titled_family_name(doc, a, b):
                continue
            if (first in given or any(st in given for k, st in doc.readings[first] if k)) and not any(
                    keys[k] not in self.compound_ends and (self._common(keys[k]) or not has_letter(keys[k]))
                    for k in range(a + 1, b)):
                continue
            q = bisect_right(firsts, a) - 1     # the window starting last at or before the person
            words = jobs[q][0][2] if q >= 0 else ()
            if a in words and b - 1 in words:
                out.append((n, q, words.index(a), words.index(b - 1)))
        return out

    def _titled_family_name(self, doc: Doc, a: int, b: int) -> bool:
        """Words a..b-1, a pattern person, are a name in apposition with a definite title right before
        it (over at most TITLE_RUN_WORDS title words: الشهيد العريف أول X الحمادي، والنائب X الفلاني):
        the first word bare (no article, none behind a proclitic), the last a family
        name with the article that the NER corpora do not use mostly outside names, every word
        between no everyday word either and the first none as written (فاهم is no ف + أهم),
        nothing but white space between any of them.  Arabic
        reports name a soldier, a martyr or a notable so, and the given name is often one the CRF
        has seen as an ordinary word (جمعة، فاهم): it reads the whole as no name, wrongly.  A
        definite title governs no construct (مستشار الأمن القومي is read by the finder as the
        office), so the family name after the bare word is the person's."""
        keys, toks, text = doc.keys, doc.tokens, doc.text
        first, last = keys[a], keys[b - 1]
        if b - a < 2 or has_article(first) or any(n and is_definite(first[:n]) for n, _ in doc.readings[first]) \
                or not has_article(last) or len(last) < 5 \
                or first in self.common or any(self._common(keys[k]) for k in range(a + 1, b)) \
                or any(not text[toks[k].end:toks[k + 1].start].isspace() for k in range(a, b - 1)) \
                or self._behind_particle(first) or self._place_like(last):
            return False
        k = a - 1
        while k >= 0 and a - k <= TITLE_RUN_WORDS and text[toks[k].end:toks[k + 1].start].isspace():
            if self._listed_at(doc, k, "person_titles"):   # والعريف، للأمير: definite behind a proclitic too
                key = keys[k]
                return has_article(key) or any(n and is_definite(key[:n]) for n, _ in doc.readings[key])
            if not self._listed_at(doc, k, "title_modifiers", "nationalities"):
                return False
            k -= 1
        return False

    def _behind_particle(self, key: str) -> bool:
        """The word opens on و, بـ or لـ and is no given name the lists know as written (ونظيره، لخادم،
        لأمانة; not وليد، بدر، لؤي): in apposition the particle stands on the title (للرئيس X), not on
        the name after it."""
        L = self.letters
        return (key[:1] in (L.bi, L.li) or starts_with_and(key)) and key not in self.person_given

    @staticmethod
    def _no_name_persons(cands: list[tuple[int, int, int, int]], found: list, outs: dict[int, list[float]],
                         dropped: set[int]) -> list[tuple[int, float]]:
        """Of the doubtful persons ``cands`` (:meth:`_doubtful_persons`) still standing, those the
        CRF, having read them whole with their context, tags no name over at all and is sure of it:
        its marginal that each of their words is outside a name (``outs``, per window) reaches
        NO_NAME_OUTSIDE.  (mention index, lowest outside marginal) of each."""
        res = []
        for n, q, x, y in cands:
            if n in dropped or any(sp.start <= y and sp.end > x for sp in found[q]):
                continue
            row = outs.get(q)      # none when the model has no O label (Tagger.spans_outside)
            if row is None:
                continue
            low = min(row[x:y + 1])
            if low >= NO_NAME_OUTSIDE:
                res.append((n, low))
        return res

    def _propagate(self, doc: Doc, owner: list[int], added: list[Mention],
                   keys: list[str] | None = None) -> list[Mention]:
        """One name, one reading through a report: the words of a span the CRF proposed and rasd
        accepted are the same name wherever else they stand uncovered (a sentence the gate passed
        over, a window that left them out, the CRF unsure there), maybe behind a proclitic
        (لشوماخر); a person's family name alone (شوماخر after ميشائيل شوماخر) is that person
        when the NER corpora do not use it as an ordinary word."""
        names: dict[tuple[str, ...], Mention] = {}
        for m in added:
            head = doc.tokens[m.tok[0]].key
            words = (without_article(head[self._proclitics(head):]),
                     *(t.key for t in doc.tokens[m.tok[0] + 1:m.tok[1]]))
            names.setdefault(words, m)
            last = doc.tokens[m.tok[1] - 1].key
            if m.type == "PERSON" and m.tok[1] - m.tok[0] > 1 and len(last) > 2 and not self._common(last) \
                    and last not in self.tagger.lex.given:
                names.setdefault((without_article(last),), m)
        if not names:
            return []
        first = {w[0] for w in names}
        forms = first | {self.letters.article + w for w in first}   # behind up to 3 proclitic letters
        out: list[Mention] = []
        toks = doc.tokens
        keys = keys if keys is not None else doc.keys
        n_toks = len(toks)
        # the words a form can end (behind up to 3 proclitic letters): one C-level test a word picks
        # the few worth the readings below, in order; a word inside a name just found is passed
        tails = tuple(forms)
        if len(tails) <= _FEW_FORMS:
            worth = map(methodcaller("endswith", tails), keys)
        else:   # a long report with many names: a word's suffixes looked up, once per distinct word
            worth = map({u for u in set(keys) if any(u[i:] in forms for i in range(len(u) + 1))}.__contains__, keys)
        # the names as a trie of their words: a word is matched against the names it can open by
        # walking on, not against every name with the same first word (محمد opens hundreds in a long
        # report): linear in the report's length (issue 11)
        trie: dict = {}
        for words, m in names.items():
            node = trie
            for w in words:
                node = node.setdefault(w, {})
            node[None] = (words, m)
        nxt = 0
        for k in list(compress(range(len(keys)), worth)):   # C-level pass
            if k < nxt:
                continue
            hit = None
            key = keys[k]
            if owner[k] < 0 and (key in forms or key[1:] in forms or key[2:] in forms
                                 or key[3:] in forms):   # cheap, before the readings
                for n, st in ((0, key), *doc.readings[key]):
                    st = without_article(st) if n == 0 else st
                    if st not in first:
                        continue
                    node, x = trie[st], k + 1
                    found = node.get(None)
                    while x < n_toks and owner[x] < 0 and (node := node.get(keys[x])) is not None:
                        x += 1
                        found = node.get(None, found)
                    if found is not None and (hit is None or len(found[0]) > len(hit[1])):
                        hit = (n, *found)
            if hit is None:
                continue
            n, words, m = hit
            j = k + len(words)
            a = self.letters.article
            if n >= len(a) and toks[k].key[n - len(a):n] == a:
                n -= len(a)   # the article stays with the name (والرقة → الرقة)
            start = doc.folded.orig(toks[k].kstart + n) if n else toks[k].start
            end = toks[j - 1].end
            if start < end:
                out.append(Mention(start, end, doc.text[start:end], m.type, confidence=m.confidence, tok=(k, j),
                                   pattern=True, why=f"statistical NER: the name {m.text!r} read elsewhere in the report"))
                for x in range(k, j):
                    owner[x] = len(doc.mentions) + len(added) + len(out)
            nxt = j
        return out

    def _extends(self, doc: Doc, ms: list[Mention], i: int, j: int, cls: str, conf: float) -> bool:
        """The CRF's person span, sure of itself, holds a longer name than what rasd found there:
        a known person's family name after another given name (بيل كلينتون: not the Hillary
        Clinton of the knowledge base, which would have matched the whole name), or a village of
        the gazetteer named after a person (الشيخ يوسف) at the head of a person's name (الشيخ
        يوسف القرضاوي): the person title stays out, the name is the CRF's; or a pattern person's
        given names joined to a family name the knowledge base holds: a person mention with a
        knowledge-base id among the words the span adds to the pattern persons (عادل بن أحمد
        الجبير, :meth:`_longer_name`)."""
        if cls != "PERS" or conf < self.override_confidence:
            return False
        lex, toks = self.tagger.lex, doc.tokens
        for m in ms:
            a, b = m.tok
            if b > j or not (i < a or j > b):
                return False   # the span must hold the mention and reach past it
            if m.type == "PERSON" and m.kb_id and a >= i:
                if not any(toks[k].key in lex.given for k in range(i, j) if not a <= k < b):
                    return False
            elif _pattern_person(m) and a >= i:
                # given names a pattern read before a family name the knowledge base holds (عادل بن
                # أحمد | الجبير): the CRF, reading the person whole, is sure of the one longer name
                if not self._longer_name(doc, ms, i, j):
                    return False
            elif m.type == "PLACE" and m.place_ids and not (m.cue or m.region or m.facility):
                key = " ".join(t.key for t in toks[a:b])
                if lex.places.get(key) in ("country", "city", "admin", "region"):
                    return False
                if not (a == i - 1 and toks[a].key in self.lists.get("person_titles", ())):
                    return False
            else:
                return False
        return True

    def _grows(self, doc: Doc, m: Mention, i: int, j: int) -> bool:
        """The CRF's person span over words i..j may replace the pattern person ``m`` it holds, as a
        longer name (كارلوس ألبرتو | باريرا، عزت | أبو عوف: parts the pattern could not read), when
        every word it adds could be a name part (:meth:`_name_part`) and the pattern left the name
        open where the span grows: a name the pattern ended on a lineage (بن X) goes on only with a
        name joiner (بن، آل، أبو: محمد بن عبدالله أبو قرنين), the second word of a compound name
        (علي بن غرم الله) or a family name with the article (… العتيبي; a word the NER corpora use
        mostly outside names may be one too: أحمد بن محمد العمود), so a bare word after it is no part
        of the name (كرمول بن زيتون | ساعدي، كرمول بن عبد الله | ساعدي، متعب بن عبدالله بن عبدالعزيز |
        وكذلك); after a family name the CRF may join its second half (بدر بن حمد البو | سعيدي)."""
        a, b = m.tok
        toks = doc.tokens
        if not (all(self._name_part(toks[k].key, opening=k == i) for k in range(i, a))
                and all(self._name_part(toks[k].key, after=True) for k in range(b, j))):
            return False
        # the father's name after the lineage is one word (بن X|) or a compound one (بن عبد الله|)
        father = 2 if toks[b - 1].key not in self.compound_ends else 3
        if j > b and b - a >= father + 1 and toks[b - father].key in self.lineage:   # … بن X|
            key = toks[b].key
            return (key in self.lists.get("name_joiners", ()) or key in self.compound_ends
                    or key.startswith(self.letters.article))
        return True

    def _named_after(self, doc: Doc, m: Mention, i: int, j: int) -> bool:
        """The CRF's organisation span over words i..j, which holds the place ``m`` and more, is an
        organisation named after the place (a club, a paper, a bank: اتحاد طنجة، سسكا موسكو،
        نيويورك بوست) when every word it adds is an organisation's type word (lexicon org_type_words,
        maybe with the article or behind a proclitic) or a word no lexicon and the news vocabulary
        know: a place's name is no name of its own inside an organisation's, while ordinary words
        around a place (مجلس محافظة حلب) leave the place to the gazetteer. A span no larger than the
        place adds no such word: the place stays (a sure ORG over exactly دمشق is no club)."""
        toks, a = doc.tokens, self.letters.article

        def org_word(key: str) -> bool:
            return any(f in self.org_words or a + f in self.org_words or strip_article(f) in self.org_words
                       for f in (key, *(st for _, st in stems(key))))
        added = (*range(i, m.tok[0]), *range(m.tok[1], j))
        return bool(added) and all(org_word(toks[k].key) or self.gate.unknown(toks[k].key) for k in added)

    def _name_part(self, key: str, opening: bool = False, after: bool = False) -> bool:
        """A word a CRF span may add to a name rasd found: a given name (علي, which folded is also a
        preposition) or the second word of a compound one (الله، الدين), or a letter word that is no
        name stop, title or type word of the lexicon (maybe behind a proclitic; a definite title word
        ``after`` the name is a family name: إبراهيم أمين السيد), nor, unless it ``opening``s the
        span (وإبراهيم محمد قشمر), a given name behind the conjunction و (محمد وأحمد: two names)."""
        if key in self.person_given or key in self.compound_ends:
            return True
        and_ = self.letters.and_
        if not has_letter(key) or (not opening and key.startswith(and_) and key[len(and_):] in self.person_given):
            return False
        lists = self.lists
        kinds = ("name_stops", "org_heads") if after and key.startswith(self.letters.article) else (
            "name_stops", "person_titles", "org_heads")
        forms = (key, *(st for _, st in stems(key)))
        return not any(f in lists.get(lst, ()) for f in forms for lst in kinds)

    def _longer_name(self, doc: Doc, ms: list[Mention], i: int, j: int) -> bool:
        """The CRF's person span over words i..j holds the mentions ``ms`` and more than their
        pattern persons: among the words it adds to them stands a person mention with a
        knowledge-base id (the family name: عادل بن أحمد | الجبير; without one a sure span would
        grow a pattern person over any word); every word it adds to all of ``ms`` could be a name
        part (:meth:`_name_part`)."""
        if not any(m.type == "PERSON" and m.kb_id for m in ms):
            return False
        inside = {k for m in ms for k in range(*m.tok)}
        return all(self._name_part(doc.tokens[k].key) for k in range(i, j) if k not in inside)

    def _trims(self, doc: Doc, ms: list[Mention], i: int, j: int, cls: str, read_to: int,
               outside: float = 0.0) -> bool:
        """The CRF's person span cuts a pattern-found person short of a word it read and took for
        no name (شيراك شذ، جورج بوش سلطاته: a verb or a noun after the name, read by the name
        pattern as a further name part): the span is the name when that pattern person starts
        where it does and the words cut off are ordinary words of the NER corpora, none a given name
        (a rarer word after a name may be a family name the CRF has not seen: مبارك ملفي), or, none a
        given name, the CRF is sure (``outside`` ≥ TRIM_OUTSIDE: its marginal that the first word
        cut off is outside a name) that they are no part of it (أسامة حمدان يتهم، عمران خان بكفالة)."""
        if cls != "PERS" or len(ms) != 1:
            return False
        m = ms[0]
        if m.type != "PERSON" or m.kb_id is not None or not m.pattern or m.surname_of:
            return False
        if m.tok[0] != i or m.tok[1] <= j or m.tok[1] - 1 > read_to:
            return False
        after = doc.tokens[m.tok[1]].start if m.tok[1] < len(doc.tokens) else len(doc.text)
        if closed_by_comma(doc.text[doc.tokens[m.tok[1] - 1].end:after]):
            return False
        if self._father_spelled_as_name(doc, j, m.tok[1]) is not None:
            return False
        if self._kunya_nisba(doc, i, j, m.tok[1]):
            return False
        given = self.tagger.lex.given
        if outside >= TRIM_OUTSIDE and not any(doc.tokens[k].key in given for k in range(j, m.tok[1])):
            return True
        return all(doc.tokens[k].key not in given and self._common(doc.tokens[k].key) for k in range(j, m.tok[1]))

    def _kunya_nisba(self, doc: Doc, i: int, j: int, end: int) -> bool:
        """The CRF would cut a nom de guerre after its kunya (words i..j-1: أبو أسامة) before the one
        word left, a nationality (lexicon nationalities: أبو أسامة | العراقي، أبو حمزة | الفرنسي): the
        nisba is part of the nom de guerre, which names the fighter by his origin; the NER corpora
        hold the word mostly as an adjective, so the CRF reads it as outside the name."""
        if not (j == i + 2 and end == j + 1):
            return False
        kunya, nationalities = self.lists.get("kunya", frozenset()), self.lists.get("nationalities", frozenset())
        return doc.tokens[i].key in kunya and doc.tokens[j].key in nationalities

    def _hold_father(self, doc: Doc, n: int, i: int, j: int) -> None:
        """The pattern person ``n`` the CRF's span i..j would end before a father's name spelled as a
        name (:meth:`_father_spelled_as_name`) keeps its words, and says why."""
        m = doc.mentions[n]
        if not _pattern_person(m) or m.tok[0] != i or m.tok[1] <= j or m.kb_id is not None:
            return
        k = self._father_spelled_as_name(doc, j, m.tok[1])
        if k is None:
            return
        t = doc.tokens[k]
        doc.mentions[n] = replace(m, why=(m.why + "; " if m.why else "") + "the statistical NER would end the "
                                  f"name before '{doc.text[t.start:t.end]}', a given name spelled as the name "
                                  "(not the preposition) with a name part after it: the father's name, kept")

    def _father_spelled_as_name(self, doc: Doc, j: int, end: int) -> int | None:
        """The first word the CRF would cut off a pattern person (words j..end-1), when it is a given
        name whose folded key is a preposition written as the name is (علي, not على) and a name part
        of the pattern follows it (حسين علي باجوق، محمد علي الحوثي): the father's name inside a
        three-part name, which the CRF, trained on text where علي is mostly the preposition, reads as
        outside the name.  None when there is no such word."""
        if not j < end - 1:
            return None
        t = doc.tokens[j]
        return j if self._preposition_named(t.key, doc.text[t.start:t.end]) else None

    def _trim(self, doc: Doc, i: int, j: int) -> tuple[int, int]:
        """A name neither starts nor ends on a stop word behind a proclitic (أحمد فإن: ف + إن), which
        the CRF, trained on text that writes the proclitic apart less often, may take in.  A bare stop
        word is left to the CRF: folded, علي (a name) is على (a preposition).  Nor does it start on
        a person's title (للعقيد حسان): the title stays out of the name, as in rasd's own persons."""
        stops = self.lists.get("name_stops", frozenset())

        def stop(k: int) -> bool:
            key = doc.keys[k]
            return key not in self.tagger.lex.given and any(n and st in stops for n, st in doc.readings[key])

        titles = self.lists.get("person_titles", frozenset())
        a = self.letters.article

        def title(k: int) -> bool:   # العقيد، للعقيد، والرئيس: a title is no part of the name after it
            key = doc.keys[k]
            return key not in self.tagger.lex.given and any(
                f in titles or a + f in titles for f in (key, *(st for _, st in doc.readings[key])))

        def rank(k: int) -> bool:    # العميد ركن، اللواء الركن طيار: a rank's qualifier after a title
            key = doc.tokens[k].key    # (not the head of a compound: المرشد آية الله …)
            return k > 0 and key not in self.tagger.lex.given and (
                key in self.rank_words or strip_article(key) in self.rank_words) and not (
                k + 1 < len(doc.tokens) and doc.tokens[k + 1].key in self.compound_ends) and (
                title(k - 1) or rank(k - 1))

        while i < j and stop(j - 1):
            j -= 1
        while i < j and (stop(i) or (j - i > 1 and (title(i) or rank(i)))):
            i += 1
        return i, j

    def _decide(self, doc: Doc, i: int, j: int, sp, reason: str) -> tuple[bool, str]:
        """Whether the CRF's span ``sp`` over words i..j, in a window tagged for ``reason``, is kept
        where rasd has no mention, and why (the hand rules of :meth:`_accept_why`; an experiment may
        decide otherwise in a subclass: scripts/ner_validation.py's learned acceptor)."""
        return self._accept_why(doc, i, j, sp.cls, sp.confidence)

    def _accept(self, doc: Doc, i: int, j: int, cls: str, conf: float) -> bool:
        """Whether a new span is kept (:meth:`_accept_why`'s first answer)."""
        return self._accept_why(doc, i, j, cls, conf)[0]

    def _accept_why(self, doc: Doc, i: int, j: int, cls: str, conf: float) -> tuple[bool, str]:
        """Acceptance of a new span, and the rule that decided (tuned on the dev reports, never on the
        CAMeL test split): words that are all lexicon words (المدينة, سورية as an adjective) are no
        name; a lone word is a person after a person cue whatever the CRF's confidence (:meth:`_person_cue`:
        a title or kunya, a verb of saying), else only when the CRF is sure (p >= LONE_CONFIDENCE) and it
        is a given name or a word the news never met; a place or an organisation only when the CRF is
        sure and the word is not an everyday news word."""
        lists = self.lists
        titles = lists.get("person_titles", frozenset())
        a = self.letters.article
        keys = [doc.tokens[k].key for k in range(i, j)]
        if not any(has_letter(k) for k in keys):
            return False, "no Arabic letter"   # rasd reads Arabic reports: a name in Latin letters alone is not proposed

        def listed(key: str) -> bool:
            forms = {key, *(st for _, st in stems(key))}
            forms.update([a + f for f in forms])   # each form, and with the article: built once, not per list
            return any(not forms.isdisjoint(words) for words in lists.values())

        if all(listed(k) for k in keys):
            return False, "all lexicon words"

        def is_(k: int, *names: str) -> bool:
            if k < 0:
                return False
            key = doc.keys[k]
            forms = {key, *(st for _, st in doc.readings[key])}
            forms.update([a + f for f in forms])   # each form, and with the article: built once, not per list
            return any(not forms.isdisjoint(lists.get(n, ())) for n in names)

        def definite(k: int) -> bool:
            key = doc.keys[k]
            return has_article(key) or any(n and is_definite(key[:n]) for n, _ in doc.readings[key])

        # مسجد أبي بكر: an article-less place word heads a construct with the name; a definite one
        # (قائد المخيم X) stands in apposition, and a word that is also a title (اللواء X) names a person;
        # so with a title between: جامع الشيخ X is a mosque, مدير شرطة المحافظة العقيد X a colonel
        head = is_(i - 1, "place_cues", "facility_cues") and not definite(i - 1) and not is_(i - 1, "person_titles")
        if cls == "PERS" and (head or (is_(i - 1, "person_titles") and is_(i - 2, "place_cues", "facility_cues")
                                       and not definite(i - 2))):
            return False, "a place named after a person"   # مسجد أبي بكر الصديق، جامع الشيخ X
        if cls == "LOC" and is_(i - 1, "named_thing_heads"):
            return False, "a place name naming a charter, an agreement or a group of states"   # دول الخليج
        if cls == "PERS" and self._construct_plural(keys[0]):
            return False, "a sound plural noun in construct (its nun dropped before the noun it governs), not a name"
        if cls == "PERS" and j - i > 1 and any(self._dual(k) for k in keys):
            return False, "a dual noun or adjective (clitics.yaml dual_ending), not a name"
        if self._prayer(doc, i, j):
            return False, "a prayer said after a name (lexicon prayer_formulas)"   # رحمه الله، يرحمه الله
        if j - i == 1 and self._dated_month(doc, i):
            return False, "a month named with its day or its other name: a date"   # 24 نيسان/أبريل
        if cls == "PERS" and self._ship_name(doc, i):
            return False, "a ship's name"   # حاملة الطائرات "X"، السفينة "X Y": a ship named after a person
        weapon = i > 0 and self._after(doc, i, self.weapon_words)
        if weapon and (cls == "PERS" or j - i == 1):
            return False, "a weapon's name"         # صاروخ زينب، صاروخ أبو طالب
        if cls == "ORG" and self._after(doc, i, self.media_words):
            return False, "a newspaper or channel named after its type word: a source, not an actor"
        if j - i > 1:
            return True, "several words"
        if cls == "ORG" and self._after(doc, i, self.org_words):
            return True, "after an organisation type word"   # شركة نوكيا، وكالة رويترز
        if cls == "PERS":
            cue = self._person_cue(doc, i, keys[0], is_)
            if cue:
                return True, cue
        if conf < LONE_CONFIDENCE:
            if cls == "PERS":
                return False, "an unsure lone person"
            if not bare_rare(keys[0], a, self._common):
                return False, "an unsure lone article or ordinary word"   # rasd.ner.lone
        if cls == "PERS":   # a given name as written, or a word the news vocabulary has never seen
            if self._owned_title(keys[0], titles):   # his emir, their leader: no name alone
                return False, "a lone title with an attached pronoun, not a name"
            if keys[0] in self.tagger.lex.given or self.gate.unknown(keys[0]):
                return True, "a lone given or unknown name"
            return False, "a lone person, no given name"
        if keys[0] not in self.gate.known:
            return True, "a word the news vocabulary never met"
        if cls == "ORG" and not self._common(keys[0]):
            return True, "a lone organisation, no ordinary word"   # نوكيا، برشلونة
        if cls == "ORG":
            return False, "a lone organisation on an ordinary word"
        # a place the gazetteer knows and the mention finder passed over was passed over on purpose
        known_place = keys[0] in self.tagger.lex.places or strip_article(keys[0]) in self.tagger.lex.places
        if known_place:
            return False, "a gazetteer place the mention finder passed over"
        if self._place_like(keys[0]) or sure_place(keys[0], conf, a, self._common):
            return True, "a lone place in a place cluster or sure"
        return False, "a lone place, no place cluster"

    def _construct_plural(self, key: str) -> bool:
        """The word is a sound masculine plural in construct (clitics.yaml construct_plural_ending:
        مجاهدو الكتائب، مقاتلو الحزب): five letters or more ending so, no article (it goes on the governed
        noun), no given name, a participle (clitics.yaml participle_prefix), and its stem with a full
        plural ending (ون، ين) is a word the news knows; a name ending so (مادورو، ماريو) has no such
        plural.  Round 29 (person29): 6,000 news2 articles hold 453 such words of 63 forms, all plural
        nouns (مجاهدو 76، مقاتلو 67، ممثلو 43، مسؤولو 40) but ماكرو (macro), no name either."""
        L = self.letters
        e = L.construct_plural_ending
        if not e or len(key) < 5 or not key.endswith(e) or key in self.tagger.lex.given:
            return False
        word = key[1:] if key[:1] in L.conj and len(key) > 5 else key
        if word.startswith(L.article):   # the article goes on the governed noun, never on the construct
            return False
        stem = key[:-len(e)]
        # a participle (مقاتلو، مسلحو): the relative adjectives (صحافيو) are left, as a foreign name may end
        # so too (فلافيو) and the news knows its plural-looking forms
        return word.startswith(L.participle_prefix) and any(
            not self.gate.unknown(stem + p) for p in L.plural_dual_endings[:2])

    def _dual(self, key: str) -> bool:
        """The word is a dual noun or adjective in the nominative (clitics.yaml dual_ending): a feminine
        one, its teh marbuta opened before the ending (مؤسستان، مجموعتان، جمهوريتان), whose singular
        (with teh marbuta, three letters before it or more) is a word the news knows; or a nationality
        of the lexicon with the ending (فلسطينيان، الفلسطينيتان).  Two people or things are named so
        (وأوضحت المؤسستان الفلسطينيتان، مقاومان فلسطينيان، مجموعتان جمهوريتان), never one person;
        the masculine dual of other words is left, as names end so (سلمان، شعبان، كريستيان، البنيان).
        Round 34 (person34): on the snapshot's 998 reports the only person span so read was مجموعتان
        جمهوريتان; the genitive dual (…تين) is left, as foreign names end so (مارتين، كريستين)."""
        L = self.letters
        d = L.dual_ending
        if not d or not key.endswith(d) or len(key) < 6:
            return False
        stem = key[:-len(d)]
        nationalities = self.lists.get("nationalities", frozenset())
        if stem in nationalities or (L.article + stem) in nationalities:
            return True
        fb = L.feminine_before_pronoun
        if not fb or not stem.endswith(fb):
            return False
        single = stem[:-len(fb)] + L.feminine_ending
        bare = single[len(L.article):] if single.startswith(L.article) else single
        return len(bare) >= 4 and (bare in nationalities or (L.article + bare) in nationalities
                                   or not self.gate.unknown(bare))

    def _prayer(self, doc: Doc, i: int, j: int) -> bool:
        """The span i..j ends on the first word of a prayer formula whose second word follows it (رحمه |
        الله), or holds the whole formula: Gulf reports say one after a dead person's name (الملك
        الراحل X رحمه الله، الشهيد X -رحمه الله-), and the CRF, which reads X الله as حزب الله, takes
        the prayer's verb for an organisation.  Folded, رحمه is also the given name رحمة: the word
        after it decides."""
        if not self.prayer_formulas:
            return False
        keys = doc.keys
        pairs = [(j - 1, j)] if j < len(keys) else []
        if j - i >= 2:
            pairs.append((j - 2, j - 1))
        return any(" ".join((keys[a], keys[b])) in self.prayer_formulas for a, b in pairs if a >= i)

    def _dated_month(self, doc: Doc, i: int) -> bool:
        """Word i is a month's name (dates.yaml) with a number right before or after it (24 نيسان،
        نيسان 2024) or a slash right after it (نيسان/أبريل: Levantine outlets give both names): a date.
        The NER corpora tag نيسان (Nissan) and some months' names as organisations or persons."""
        toks = doc.tokens
        if doc.keys[i] not in self.month_words:
            return False
        after = doc.text[toks[i].end:toks[i + 1].start] if i + 1 < len(toks) else ""
        return (i > 0 and toks[i - 1].key.isdigit()) or (i + 1 < len(toks) and toks[i + 1].key.isdigit()) \
            or after.strip().startswith("/")

    def _ship_name(self, doc: Doc, i: int) -> bool:
        """Word i follows a ship's word (lexicon vessel_words: سفينة، المدمرة، ناقلة), or a carrier's
        two words (حاملة الطائرات): a person's name there is the ship's.  The ship itself may be an
        actor of the report (the annotations take a warship that fires or a tanker that is hit for
        one), so only the person reading is refused."""
        return i > 0 and (self._after(doc, i, self.vessel_words) or (
            i > 1 and self._after(doc, i - 1, self.vessel_words) and self._after(doc, i, self.weapon_words)))

    def _person_cue(self, doc: Doc, i: int, key: str, is_) -> str:
        """What makes the lone word i, which the CRF reads as a person, one whatever its confidence
        (empty: nothing): a title or kunya right before it (القائد X، الدكتور X، السيد الصدر), or a
        verb of saying right before it, maybe behind و/ف (وقال X إن، وأضاف X أن: the speaker, as
        Arabic reports put the subject after the verb), when the word as written is no word the NER
        corpora use mostly outside names (وقال جوابا، وأضاف لدينا), nor the second word of a compound
        name (قال الله), nor a title or an honorific with an attached pronoun (وقال سموه: his highness)."""
        if key in self.compound_ends or self._owned_title(key, self.lists.get("person_titles", frozenset())):
            return ""
        if is_(i - 1, "person_titles", "kunya"):
            return "a lone person after a title"
        if key not in self.common and not self._owned_word(doc, i) and self._said_by(doc, i):
            return "a lone person after a verb of saying"
        return ""

    def _said_by(self, doc: Doc, i: int) -> bool:
        """A verb of saying (lexicon speech_verbs) stands right before word i, as written or behind
        و/ف (a verb takes no article nor preposition: للطالب is no طالب)."""
        return i > 0 and doc.keys[i - 1] in self._speech_forms

    def _owned_word(self, doc: Doc, i: int) -> bool:
        """Word i is, as written, a word the news knows followed by an attached pronoun (سموه،
        معاليه: an honorific that stands for a person but is no name); ة is not the pronoun ه, so
        ماجدة stays a name."""
        surface = doc.text[doc.tokens[i].start:doc.tokens[i].end]
        key = doc.tokens[i].key
        return any(surface.endswith(p) and len(key) > len(p) + 2 and not self.gate.unknown(key[:-len(p)])
                   for p in self.letters.attached_pronouns)

    def _owned_title(self, key: str, titles: frozenset[str]) -> bool:
        """The word is a person title with an attached pronoun (أميرهم، قائده): no name alone."""
        a = self.letters.article
        return any(key.endswith(p) and len(key) > len(p) + 2 and (key[:-len(p)] in titles or a + key[:-len(p)] in titles)
                   for p in self.letters.attached_pronouns)

    def _common(self, key: str) -> bool:
        """The word, or its stem behind a proclitic, is one the NER corpora use mostly outside names."""
        return any(f in self.common for f in (key, *(st for _, st in stems(key))))

    def _after(self, doc: Doc, i: int, words: frozenset[str]) -> bool:
        """Word i follows one of ``words`` (type words: شركة، وكالة …; weapon words), that word maybe
        after a proclitic (لشركة، بصاروخ) or with the article."""
        if i == 0:
            return False
        key, a = doc.keys[i - 1], self.letters.article
        return any(f in words or a + f in words or strip_article(f) in words
                   for f in (key, *(st for _, st in doc.readings[key])))

    def _place_like(self, key: str) -> bool:
        """The word falls in a word cluster (learned from the news) of which at least
        PLACE_CLUSTER_SHARE of the words are countries, cities or provinces of the gazetteer."""
        lex = self.tagger.lex
        c = lex.clusters.get(key) or lex.clusters.get(without_article(key))
        return c is not None and c[1] in self._place_clusters

    def _overridable(self, doc: Doc, m: Mention, i: int, j: int, cls: str) -> bool:
        """A mention the CRF may replace: found by a cue pattern or as a village name, not by the
        knowledge base, nor a country, city or province of the gazetteer; and the CRF reads the
        words otherwise (another type or extent)."""
        if m.kb_id is not None or m.type not in ("PERSON", "PLACE", "ACTOR"):
            return False
        if m.region or m.surname_of or m.cue or m.facility:
            return False   # a type word (قرية، حي …) or a region phrase says what it is
        if TYPES[cls] == m.type and tuple(m.tok) == (i, j):
            return False
        if cls == "PERS" and m.type == "PERSON" and i <= m.tok[0] and m.tok[1] <= j:
            return self._grows(doc, m, i, j)   # the span holds the pattern person and adds words
        if cls == "ORG" and m.type == "PLACE" and i <= m.tok[0] and m.tok[1] <= j and (i, j) != tuple(m.tok):
            return self._named_after(doc, m, i, j)   # اتحاد طنجة، نيويورك بوست: a club, a paper
        if m.type == "PLACE" and m.place_ids:
            return False   # the gazetteer knows the name as a place: the CRF may not retype it
        if m.type == "PLACE":
            words = [t.key for t in doc.tokens[m.tok[0]:m.tok[1]]]
            key = " ".join(words)
            a = self.letters.article
            for form in (key, key[len(a):] if key.startswith(a) else a + key):
                if self.tagger.lex.places.get(form) in ("country", "city", "admin", "region"):
                    return False
        return True

    def _mention(self, doc: Doc, i: int, j: int, cls: str, conf: float, reason: str,
                 replaced: list[str], kept: str = "") -> Mention | None:
        t = doc.tokens[i]
        pre = self._proclitics(t.key)
        start = doc.folded.orig(t.kstart + pre) if pre else t.start
        end = doc.tokens[j - 1].end
        if start >= end:
            return None
        why = f"statistical NER: {cls} (p={conf:.2f}), sentence tagged for its {reason}; " + (
            f"replaces the pattern reading {' / '.join(replaced)!r}" if replaced else "no knowledge-base name here") + (
            f"; kept: {kept}" if kept else "")
        return Mention(start, end, doc.text[start:end], TYPES[cls], confidence=round(0.5 + 0.3 * conf, 3),
                       tok=(i, j), pattern=True, why=why)

    def _proclitics(self, key: str) -> int:
        """Characters of conjunction/preposition proclitics to leave out of the span (the article
        stays): when the rest is a name rasd knows and the whole is not (ودمشق, بحلب), or the rest
        opens with the article (والمزيرعة).  ك is not read off (كوانغ is no ك + وانغ)."""
        lex = self.tagger.lex

        def name(w: str) -> bool:
            return w in lex.given or w in self.more_given or w in lex.places or w in lex.kb

        L = self.letters
        a = L.article
        if name(key) or key.startswith(L.ka):
            return 0
        for n, st in stems(key)[1:]:
            if key[max(0, n - len(a)):n] == a and not key[:n].endswith(L.lam_article):
                return n - len(a) if n > len(a) else 0     # the article stays with the name (والرقة → الرقة)
            if n and (name(key[n:]) or name(st)):
                return n
        return 0


_SILENT = TATWEEL + BIDI_MARKS   # written between letters, no token of their own
WINDOW = 4   # words on each side of a candidate word that the CRF reads
TRIM_OUTSIDE = 0.95   # the CRF's marginal that a word is outside a name at which it may end a pattern person
TITLE_RUN_WORDS = 3   # most title words (العريف أول، الشاعر المعروف) between a definite title and the name after it
NO_NAME_OUTSIDE = 0.9   # the CRF's lowest marginal that a pattern person's words are no name at which it is removed
PERSON_WINDOW = 3   # words on each side of a pattern person that the CRF reads (2 are its context)
TIER_ROLE_WORDS = 4   # words of a role phrase between a verb of saying and a cued-tier name (NerStage._role_after_saying)
TIER_CONFIDENCE = 0.6   # a person the cued tier opened after a cue (NerStage._cued_tier): a cue and a name's shape, no model
SPEAKER_WORDS_MIN, SPEAKER_WORDS_MAX = 2, 3   # words of a speaker's name read between a verb of saying and a role (NerStage._speaker_tier)
CUED_CONFIDENCE = 0.3   # a person span of several words this sure is kept after a person cue (NerStage._cued_name)


def _pattern_person(m: Mention) -> bool:
    """A person mention found by a name pattern alone, which the CRF may replace (see
    NerStage._overridable): no knowledge-base name, no title or type word, no bare surname."""
    return (m.type == "PERSON" and m.pattern and m.kb_id is None
            and not (m.cue or m.region or m.surname_of or m.facility))


def _holder(ms: list[Mention], partly: bool) -> str:
    """What holds a span the CRF may not replace: a knowledge-base name, a gazetteer place, a cue
    pattern (for a trace)."""
    if partly:
        return "a mention added by the CRF"
    if any(m.kb_id for m in ms):
        return "a knowledge-base name"
    if any(m.type == "PLACE" and m.place_ids for m in ms):
        return "a gazetteer place"
    return "a pattern mention"


def _windows(seeds: list[int], lo: int, hi: int, more: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Word ranges to tag: WINDOW words around each candidate (an uncovered unknown word or given
    name) and the ranges ``more``, merged, inside the sentence lo..hi.  The CRF reads two words of
    context on each side."""
    out: list[tuple[int, int]] = []
    ranges = [(max(lo, k - WINDOW), min(hi, k + WINDOW + 1)) for k in seeds]
    for a, b in sorted(ranges + list(more)) if more else ranges:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _place_clusters(lex) -> frozenset[str]:
    """Fine word clusters of which at least PLACE_CLUSTER_SHARE of the words are countries, cities
    or provinces of the gazetteer."""
    size: dict[str, int] = {}
    places: dict[str, int] = {}
    for w, (_, fine) in lex.clusters.items():
        size[fine] = size.get(fine, 0) + 1
        if lex.places.get(w) in ("country", "city", "admin"):
            places[fine] = places.get(fine, 0) + 1
    return frozenset(c for c, n in places.items() if n >= PLACE_CLUSTER_SHARE * size[c])


def _window(doc: Doc, lo: int, hi: int, end: int, starts: list[int] | None = None,
            ends: list[int] | None = None) -> tuple[list[str], list[int], list[int | None]]:
    """Words lo..hi-1 of the document and the punctuation between them and up to ``end``, as the CRF
    was trained (ANERcorp separates punctuation): (texts, start offsets, word indices or None for
    a mark), three parallel lists (no object per token: most windows have no span).  ``starts`` and
    ``ends``: the offsets of every document token, when the caller has them as lists."""
    text = doc.text
    if starts is None or ends is None:
        starts, ends = doc.token_starts, doc.token_ends

    def punct(a: int, b: int) -> None:
        for off, c in enumerate(text[a:b]):
            if not c.isspace() and not (is_mark(c) or c in _SILENT):
                texts.append(c)
                offs.append(a + off)
                words.append(None)

    ws, we = starts[lo:hi], ends[lo:hi]
    cut = text.__getitem__   # the slices in C-level passes (a window's words and gaps)
    texts: list[str] = list(map(cut, map(slice, ws, we)))
    gaps = list(map(cut, map(slice, we, ws[1:])))    # what stands between word k and k + 1
    joined = "".join(gaps)
    if not joined or joined.isspace():
        # only white space between the words (most windows): no marks between them
        offs, words = ws, list(range(lo, hi))
    else:
        ts, texts, offs, words = texts, [texts[0]], [ws[0]], [lo]
        for i, gap in enumerate(gaps, 1):
            if gap and not gap.isspace():
                punct(we[i - 1], ws[i])
            texts.append(ts[i])
            offs.append(ws[i])
            words.append(lo + i)
    prev = we[-1]
    punct(prev, max(end, prev))
    return texts, offs, words


def _tokens(texts: list[str], starts: list[int], words: list[int | None]) -> list[_Tok]:
    """:func:`_window`'s lists as tokens."""
    return [_Tok(x, a, a + len(x), k) for x, a, k in zip(texts, starts, words)]


def load(res) -> NerStage:
    """The tagger over the model and lexicons installed in the data folder of Resources ``res``,
    with the learned seeds installed beside it."""
    from rasd.ner.resources import lexicons
    from rasd.ner.train import MODEL
    from rasd.ner.wordtable import FILENAME as WORD_TABLE

    lex = lexicons(res.data_dir, res.gazetteer, res.kb)
    tagger = Tagger(res.data_dir / MODEL, lex, table=res.data_dir / WORD_TABLE, letters=res.clitics.letters)
    return stage_for(res, tagger)


def stage_for(res, tagger: Tagger, cls: type[NerStage] = NerStage, **more) -> NerStage:
    """The NER stage (``cls``: a subclass for an experiment, with its ``more`` settings) over
    ``tagger`` (its lexicons) and the knowledge of Resources ``res``."""
    from rasd.kb.yamlfile import load as load_yaml
    from rasd.ner import likely as likely_model

    from rasd.ner.features import LISTS
    from rasd.ner.resources import live_names

    lex = tagger.lex
    folded = res.kb.lexicon["_folded"]
    # the rules read the lexicon's lists as the knowledge gives them now; the CRF's features keep
    # the frozen copy in lex.lists
    more.setdefault("lists", {k: folded[k] for k in (*LISTS, *RULE_LISTS) if k in folded})
    # the CRF's lexicons are frozen at a version (rasd.ner.resources.FROZEN); a name the knowledge
    # gives now is known to the gate all the same
    known = set(lex.clusters) | set(lex.places) | set(lex.kb) | live_names(res.gazetteer, res.kb)
    gate = Gate.of(load_yaml(res.knowledge("triggers")), res.kb.lexicon["_folded"], known)
    return cls(tagger, gate, likely=likely_model.load(res.data_dir / likely_model.FILENAME),
               name_scores=likely_model.load(res.data_dir / likely_model.FILENAME, threshold=OPENING_LIKELY),
               ambiguous_given=frozenset(res.kb.lexicon.get("given_names_ambiguous", ())),
               month_words=frozenset(w for w in res.dates.months if " " not in w),
               common=res.common_words,
               person_given=res.given_names | folded.get("given_names_ambiguous", frozenset()),
               rank_words=_rank_words(res), cued_given=res.cued_names,
               words={k: folded[k] for k in RULE_WORDS.values() if k in folded}, **more)


def _rank_words(res) -> frozenset[str]:
    """The folded words geo_cues.yaml's name_stoplist lists: they open person spans in the NER
    corpora and are no given name (الرئيس، العميد، ركن، طيار)."""
    from rasd.kb.names import name_stoplist

    return name_stoplist(res.knowledge("geo_cues"))


class Ner(Stage):
    """Registry entry: the statistical NER as a pipeline component; the loaded tagger is a part
    of the Resources, so it is read once per data folder and rebuilt in a worker from it."""

    name = "ner"
    requires = ("mentions",)
    assigns = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        return self.resources.ner_tagger(doc)
