"""The event lexicon: trigger forms (triggers.yaml), cue word lists, weapons, modality cues (modality.yaml),
over the ontology; and how a word is looked up in a cue list."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import ListIndex, has_article, letters, matches_form, readings
from rasd.caches import answers
from rasd.kb.yamlfile import key_line, load, require


PARTICIPANT_TYPES = {"ACTOR", "PERSON"}
VIOLENT_FOLD = {"SHELLING", "AIRSTRIKE"}     # accompaniment of a clash is folded into it
CLASH_LIKE = {"ARMED_CLASH", "TERRITORY_TAKEN"}
MAX_YEARS_BACK = 20   # a report dates events of at most this many years before it
AIR_CAPABLE = {"state_force", "government", "coalition", "international"}
INSTRUMENT_TYPES = {"SHELLING", "AIRSTRIKE", "BOMBING", "CHEMICAL_ATTACK"}
# the cue-list caches (asked at some tokens only; a miss is a few set look-ups): 16k words, ~1.3 MB
# each when full, where 64k filled slowly over a long run (memory still growing after 10k reports)
CUE_CACHE_SIZE = 1 << 14
OPENERS_CACHE_SIZE = 1 << 16   # words whose trigger openers are kept (Lexicon.openers_of)
PLACE_FALLBACK_TYPES = CLASH_LIKE | INSTRUMENT_TYPES | {"ATTACK_ON_CIVILIANS", "CASUALTIES"}


@dataclass(frozen=True)
class TriggerDef:
    type: str
    pos: str
    pattern: tuple[str, ...]          # folded tokens; a trailing * is a prefix
    air: bool = False
    weapon: bool = False
    invert: bool = False
    needs_place: bool = False
    needs_near: frozenset = frozenset()
    window: int = 3
    not_after: frozenset = frozenset()
    modality: str | None = None
    recipient_lam: bool = False
    line: int = 0                     # where triggers.yaml defines it (for the event's why)
    near_before: int = 0              # needs_near also looks this many tokens before the trigger
    weapon_after: int = 0             # a weapon or civilian object this many tokens after it types it
    weapon_clause: bool = False       # a weapon right after it, or one its clause says it was made with, types it
    indefinite: bool = False          # its first word counts only without the article (عدوان, not العدوان)
    tally: bool = False               # after a number written in digits it is a count of many acts, no event
    not_with: frozenset = frozenset() # no event when its sentence holds a trigger of one of these types
    by_victims: bool = False          # typed by whom its sentence says it hurt (kinds.victims_kind)
    by_aim: bool = False              # a firing word typed by what its fire is aimed at or who fired it (kinds.fire_kind)
    by_sides: bool = False            # a fight typed RIOT when its clause names an unarmed crowd as a side (kinds.sides_kind)
    only_with: frozenset = frozenset() # an event only when its sentence holds a trigger of one of these types
    object_genitive: bool = False     # a named person as its genitive is the one it is done to (اغتيال X), not its doer
    not_near: frozenset = frozenset() # no event when one of these words is as near as needs_near looks (window, near_before)
    definite: bool = False            # its first word counts only with the article (المصالحة, not مصالحه "its interests")


@dataclass
class Lexicon:
    exact: dict[str, list[TriggerDef]]
    prefix: dict[int, dict[str, list[TriggerDef]]]
    words: dict[str, frozenset]
    weapon: dict[str, frozenset]
    mapping: dict[str, dict]
    modality: dict
    relative_example: str = ""   # the first word of the relatives list, as written (named in a why)

    def __post_init__(self):
        self.candidates = lru_cache(maxsize=1 << 16)(self._candidates)
        # whether a word fits a pattern word of a trigger (clitics.matches_form), per (form, word)
        self.fits = lru_cache(maxsize=CUE_CACHE_SIZE)(matches_form)
        # (vocabulary, word → its (glue, candidates) with it (triggers.openers), what works out a
        # word not in that dict), for openers_of
        self._openers: tuple[frozenset | None, dict, object] = (None, {}, None)
        self._recording = False
        # the precomputed answers (use_answers) and the vocabulary their openers were worked out
        # with (Resources.triggers: the news vocabulary the events stage reads with); openers_of asks
        # the answers' openers table only with that very vocabulary
        self._answers = None
        self.answers_vocab: frozenset | None = None
        # the first two letters of every trigger's first word (exact or prefix, all prefixes being of
        # two letters or more): a reading that starts otherwise opens no trigger (None: no such gate);
        # finer, what _candidates asks: a reading opens one only when it starts with a first word of
        # two letters or with the first three letters of a longer one (a quarter of the readings
        # that pass the two-letter gate on the news, so most new words are answered at once)
        heads = [*self.exact, *(p for table in self.prefix.values() for p in table)]
        self._heads = frozenset(h[:2] for h in heads) if all(len(h) >= 2 for h in heads) else None
        self._short = frozenset(h for h in heads if len(h) == 2)
        self._heads3 = frozenset(h[:3] for h in heads if len(h) >= 3)
        # how a proclitic run ending in the article ends (ال، لل): the loading Resources' letters
        self.article_ends = letters().article_ends()
        # names of the word lists (clause_breaks, relatives …) a word belongs to as a cue
        self.lists_of = ListIndex(self.words, cue=True, size=CUE_CACHE_SIZE)
        # cue entries of several words (في حين، غير أن، في حال) are matched as token sequences
        self.phrases = {n: phrases_of(ws) for n, ws in self.words.items()}
        # weapon cues of several words (الأسلحة المناسبة، نيران مباشرة), per type, as token sequences
        self.weapon_phrases = {typ: phrases_of(ws) for typ, ws in self.weapon.items()}
        # the types a word is a weapon cue of under some proclitic reading (reads_as), and the types
        # whose cue phrases it may open (their first word under some reading): Kinds.is_weapon
        self.weapon_lists = ListIndex(self.weapon, size=CUE_CACHE_SIZE)
        self.weapon_starts = ListIndex({typ: frozenset(ph[0] for ph in phs)
                                        for typ, phs in self.weapon_phrases.items()}, size=CUE_CACHE_SIZE)
        self.article = letters().article
        # a word is a running total's raise word (lists_of, as a cue) only if it ends with one of them
        # or with one without its article (cue readings strip only what comes before the word): the
        # reader's fast filter before the look-up
        raise_words = self.words.get("running_total_raise", ())
        self.raise_ends = tuple({*raise_words, *(w[len(self.article):] for w in raise_words
                                                 if w.startswith(self.article))})
        # the casualty roots as one alternation each: a sentence's folded key holds one of the roots
        # (a substring, anywhere) exactly when the pattern finds something in it
        self.root_patterns = {n: alternation(self.words.get(n, ())) for n in ("casualty_roots", "no_casualty_roots")}
        # names of the lists a word may open a cue of, as one word or as a phrase's first word: a
        # word not under a list's name here is no cue of it (the fast answer of Clauses.cue_at)
        # The same index holds the modality cue sets (modality.yaml) a word is a cue of, as in_cue_set
        # reads it, under the names of modality_sets ("modality.denial" …): the words asked for
        # both are mostly the same, so one cache entry (one miss for a new word) serves both.
        self.cue_starts = ListIndex({**{n: ws | {ph[0] for ph in self.phrases[n]} for n, ws in self.words.items()},
                                     **modality_sets(self.modality)}, cue=True, size=CUE_CACHE_SIZE)
        self.modality_lists = self.cue_starts
        # every trigger once, in the order triggers.yaml defines them: a word's candidates as
        # (proclitic length, number in this tuple) pairs are plain ints, which the precomputed
        # answers can hold (rasd.kb.wordanswers); triggers.openers asks candidates_of on a miss
        defs = {id(d): d for table in (self.exact, *self.prefix.values()) for ds in table.values() for d in ds}
        self.defs = tuple(defs.values())
        self._def_no = {i: n for n, i in enumerate(defs)}
        self.candidates_of = self._candidates

    def use_answers(self, answers, name: str = "triggers") -> None:
        """Let the word-list caches ask the precomputed answers (rasd.kb.wordanswers) on a miss."""
        for attr in ("lists_of", "weapon_lists", "weapon_starts", "cue_starts"):
            getattr(self, attr).use_answers(answers, f"{name}.{attr}")
        self.modality_lists = self.cue_starts
        # a word's trigger candidates (the vocabulary-free part of triggers.openers), numbered
        coded = answers.miss(f"{name}.candidates", self._coded)
        defs = self.defs

        def candidates_of(key: str) -> tuple[tuple[int, TriggerDef], ...]:
            got = coded(key)
            return tuple([(n, defs[k]) for n, k in got]) if got else ()
        self.candidates_of = candidates_of
        # recording (install): openers_of keeps nothing either, so every word it meets is asked
        self._recording = answers.record
        self._answers = answers
        self._openers = (None, {}, None)   # the next openers_of picks its miss path anew

    def _coded(self, key: str) -> tuple[tuple[int, int], ...]:
        """:meth:`_candidates` of ``key`` with each trigger as its number in :attr:`defs`."""
        no = self._def_no
        return tuple([(n, no[id(d)]) for n, d in self._candidates(key)])

    def openers_of(self, keys: list[str], vocab: frozenset) -> dict[int, tuple]:
        """token → :func:`triggers.openers` for the words of a document (its folded ``keys``) that
        open some trigger, in token order. A word's answer depends on the word and the vocabulary
        only, so it is kept in a plain dict (a hit is one C-level ``dict.get`` over the document,
        about half the cost of a bounded ``lru_cache`` with its recency list); the dict is
        bounded by OPENERS_CACHE_SIZE words (:mod:`rasd.caches`) and emptied when the vocabulary changes."""
        from rasd.stages.events.triggers import openers   # triggers imports this module

        state = self._openers
        if state[0] is not vocab:
            state = self._openers = (vocab, {}, self._openers_miss(vocab))
        if self._recording:
            found = list(map(state[2], keys))
        else:
            found = answers(state[1], keys, state[2], OPENERS_CACHE_SIZE)
        return {i: found[i] for i in compress(range(len(found)), map(itemgetter(1), found))}

    def _openers_miss(self, vocab: frozenset):
        """What works out the openers of a word :meth:`openers_of` does not keep: with the vocabulary
        the precomputed answers were recorded with (:attr:`answers_vocab`), their ``openers`` table
        first (a word's glue and candidates, each trigger by its number in :attr:`defs`), else
        :func:`triggers.openers` itself."""
        from rasd.stages.events.triggers import NO_OPENERS, glued, openers

        if self._answers is None or vocab is not self.answers_vocab or not vocab:
            return lambda key: openers(key, self, vocab)
        no, defs = self._def_no, self.defs

        def coded(key: str) -> tuple[int, tuple[tuple[int, int], ...]]:
            # triggers.openers with _candidates itself (not candidates_of: this table replaces its own)
            cands = self._candidates(key)
            glue, cands = (0, cands) if cands else glued(key, self, vocab)
            return (glue, tuple([(n, no[id(d)]) for n, d in cands])) if cands else NO_OPENERS

        miss = self._answers.miss("triggers.openers", coded)

        def opened(key: str) -> tuple[int, tuple[tuple[int, TriggerDef], ...]]:
            glue, got = miss(key)
            return (glue, tuple([(n, defs[k]) for n, k in got])) if got else NO_OPENERS
        return opened

    def _candidates(self, key: str) -> tuple[tuple[int, TriggerDef], ...]:
        """(proclitic length, trigger) pairs whose first word fits some reading of ``key``."""
        out = []
        exact, heads, short, heads3 = self.exact, self._heads, self._short, self._heads3
        for n, st in readings(key):
            if heads is not None and st[:3] not in heads3 and st[:2] not in short:
                continue   # no trigger's first word starts so (nor is a two-letter word)
            found = list(exact.get(st, ()))
            size = len(st)
            for plen, table in self.prefix.items():
                if size >= plen:
                    hit = table.get(st[:plen])
                    if hit:
                        found += hit
            if not found:
                continue
            # a verb never carries the article: التحالف is a coalition, not تحالف "they allied"
            article = key[:n].endswith(self.article_ends)
            out += [(n, d) for d in found if not (article and d.pos == "verb")]
        return tuple(out)


def modality_sets(modality: dict) -> dict[str, frozenset]:
    """The word sets of a loaded modality table by their names in Lexicon.modality_lists:
    "modality.denial", "modality.that", "modality.reporting_verbs", "modality.lam_governors", and
    "modality.MOD.before", "modality.MOD.not_before", "modality.MOD.stop_at" for MOD negated,
    conditional and planned (a triggers.yaml list name has no dot: the names never meet)."""
    sets = {f"modality.{n}": modality[n] for n in ("denial", "that", "reporting_verbs", "lam_governors")}
    for mod in ("negated", "conditional", "planned"):
        sets.update({f"modality.{mod}.{part}": modality[mod][part] for part in ("before", "not_before", "stop_at")})
    return sets


def alternation(words) -> re.Pattern | None:
    """One pattern that finds any of ``words`` in a text (None for no words: nothing is found)."""
    words = sorted(w for w in words)
    return re.compile("|".join(map(re.escape, words))) if words else None


def fold_set(xs) -> frozenset:
    return frozenset(fold_str(x) for x in xs)


def load_lexicon(res) -> Lexicon:
    """triggers.yaml and modality.yaml over the ontology of ``res``; errors name file and line."""
    path = res.knowledge("triggers")
    data = load(path)
    require(isinstance(data, dict), path, {}, "the file must be a mapping")
    exact: dict[str, list[TriggerDef]] = {}
    prefix: dict[int, dict[str, list[TriggerDef]]] = {}
    ont = res.ontology
    for item in data["triggers"]:
        require(item.get("type") in ont, path, item, f"unknown event type {item.get('type')!r}")
        require(item.get("pos") in ("verb", "noun"), path, item, "pos must be verb or noun")
        require(isinstance(item.get("forms"), list) and item["forms"], path, item, "forms must be a non-empty list")
        require(all(x in ont for x in item.get("not_with") or ()), path, item, "not_with names an unknown event type")
        require(all(x in ont for x in item.get("only_with") or ()), path, item, "only_with names an unknown event type")
        for form in item["forms"]:
            toks = tuple(fold_str(t) for t in str(form).split())
            first = toks[0]
            if item["pos"] == "noun" and has_article(str(form)) and len(first) > 3 and not first.endswith("*"):
                first = first[2:]
            d = TriggerDef(item["type"], item["pos"], (first, *toks[1:]), bool(item.get("air")),
                           bool(item.get("weapon")), bool(item.get("invert")), bool(item.get("needs_place")),
                           fold_set(item.get("needs_near") or []), int(item.get("window", 3)),
                           fold_set(item.get("not_after") or []), item.get("modality"),
                           bool(item.get("recipient_lam")), item.get("__line__", 0),
                           near_before=int(item.get("near_before", 0)),
                           weapon_after=int(item.get("weapon_after", 0)),
                           weapon_clause=bool(item.get("weapon_clause")),
                           indefinite=bool(item.get("indefinite")), tally=bool(item.get("tally")),
                           not_with=frozenset(item.get("not_with") or ()),
                           by_victims=bool(item.get("by_victims")),
                           by_aim=bool(item.get("by_aim")),
                           by_sides=bool(item.get("by_sides")),
                           only_with=frozenset(item.get("only_with") or ()),
                           object_genitive=bool(item.get("object_genitive")),
                           not_near=fold_set(item.get("not_near") or []),
                           definite=bool(item.get("definite")))
            if first.endswith("*"):
                p = first[:-1]
                prefix.setdefault(len(p), {}).setdefault(p, []).append(d)
            else:
                exact.setdefault(first, []).append(d)
    for key in ("person_object_types", "no_topic_types"):
        for t in data.get(key) or ():
            require(t in ont, path, data, f"{key} names an unknown event type {t!r}")
    for t in data["weapon_cues"]:
        require(t == "__line__" or t in ont, path, data["weapon_cues"], f"weapon_cues names an unknown event type {t!r}")
    words = {k: fold_set(v) for k, v in data.items() if k not in ("triggers", "weapon_cues", "__line__")}
    # kinds.type_of asks fixed_sites only of a word it found in military_objects: a site missing
    # there would be silently dead
    stray = [w for w in data.get("fixed_sites") or () if fold_str(w) not in words.get("military_objects", ())]
    require(not stray, path, {"__line__": key_line(path, "fixed_sites")},
            f"fixed_sites must be military_objects too; not there: {', '.join(stray)}")
    # kinds.hurt_before is asked only of a harm word: an entry of harm_after_victims that is none is dead
    # (review15: لقوا، قضوا were)
    stray = [w for w in data.get("harm_after_victims") or () if fold_str(w) not in words.get("harm_words", ())]
    require(not stray, path, {"__line__": key_line(path, "harm_after_victims")},
            f"harm_after_victims must be harm_words too; not there: {', '.join(stray)}")
    # the event nouns that, with the article, name an act told before again (eventcoref.yaml
    # back_references): kinds.type_of reads the weapon of a neighbouring sentence that retells the act
    back = load(res.knowledge("eventcoref")).get("back_references") or {}
    words["back_references"] = fold_set([*(back.get("generic") or ()), *(back.get("nouns") or ())])
    words["no_topic_types_raw"] = frozenset(data.get("no_topic_types") or [])
    words["irregular_fighter_categories_raw"] = frozenset(data.get("irregular_fighter_categories") or [])
    words["person_object_types_raw"] = frozenset(data.get("person_object_types") or [])
    weapon = {k: fold_set(v) for k, v in data["weapon_cues"].items() if k != "__line__"}
    mod = load(res.knowledge("modality"))
    modality = {k: {"window": v.get("window", 3), "before": fold_set(v.get("before", [])),
                    "phrases": phrases_of(fold_set(v.get("before", []))),
                    "not_before": fold_set(v.get("not_before", [])), "purpose_lam": v.get("purpose_lam", False),
                    "stop_at": fold_set(v.get("stop_at", []))}
                for k, v in mod.items() if k in ("negated", "planned", "conditional")}
    modality["reporting_verbs"] = fold_set(mod["reporting_verbs"])
    modality["denial"] = fold_set(mod["negated"].get("denial", []))
    modality["that"] = fold_set(mod["negated"].get("that", []))
    modality["lam_governors"] = fold_set(mod["planned"].get("lam_governors", []))
    modality["lam_window"] = int(mod["planned"].get("lam_window", 8))
    relatives = data.get("relatives") or [""]
    return Lexicon(exact, prefix, words, weapon, dict(ont), modality, str(relatives[0]))


def phrases_of(words) -> tuple[tuple[str, ...], ...]:
    """The entries of several words of a folded cue list, as token tuples (longest first)."""
    return tuple(sorted((tuple(w.split()) for w in words if " " in w), key=len, reverse=True))


