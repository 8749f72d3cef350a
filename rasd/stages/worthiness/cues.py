"""worthiness.yaml read into folded cue phrases, and matching them against a document's tokens."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rasd.arabic.clitics import cue_readings, cue_readings_column, letters
from rasd.arabic.normalize import fold_str
from rasd.kb.yamlfile import load, require

Phrase = tuple[str, ...]


def phrases(words) -> tuple[Phrase, ...]:
    """Cue strings as folded word tuples (``"ردا على"`` → ``("ردا", "علي")``)."""
    return tuple(tuple(fold_str(w) for w in str(x).split()) for x in words)


def forms(key: str) -> tuple[str, ...]:
    """A token's readings as a cue word: as written, without a conjunction, without the article.
    Prepositions are not stripped (a cue list spells them: للإرهاب)."""
    return cue_readings(key)


def sentence_forms(keys: list[str]) -> list[tuple[str, ...]]:
    """The :func:`forms` of a run of words, in order (``sentence_forms(keys)[k] == forms(keys[k])``),
    each distinct word form read once: the one way the cue matchers below get a sentence's readings
    (a worthiness Site holds them; the learned decision reads them per event)."""
    return cue_readings_column(keys)


def reads_as_word(word: str, token_forms: tuple[str, ...]) -> bool:
    """A token, given by its :func:`forms`, reads as the cue word ``word`` (article on either side
    allowed)."""
    if word in token_forms:
        return True
    a = letters().article   # a form with the article the word lacks, or without the one it has
    return (a + word) in token_forms or (word.startswith(a) and word[len(a):] in token_forms)


@dataclass(frozen=True)
class CueList:
    name: str                      # the section of worthiness.yaml, for the why
    window: int
    cues: tuple[Phrase, ...]
    by_first: dict = field(default_factory=dict, compare=False, repr=False)
    longest: int = field(default=0, init=False, compare=False, repr=False)   # words of the longest cue
    firsts: frozenset = field(default=frozenset(), init=False, compare=False, repr=False)   # the cues' first words

    def __post_init__(self):
        """Index the phrases by every spelling of their first word a token's form may equal."""
        index: dict[str, list[Phrase]] = {}
        a = letters().article
        for ph in self.cues:
            w = ph[0]
            for k in {w, a + w, *([w[len(a):]] if w.startswith(a) else [])}:
                index.setdefault(k, []).append(ph)
        object.__setattr__(self, "by_first", index)
        object.__setattr__(self, "longest", max((len(ph) for ph in self.cues), default=0))
        object.__setattr__(self, "firsts", frozenset(ph[0] for ph in self.cues))

    def starting_at(self, token_forms: tuple[str, ...]) -> list[Phrase]:
        """The phrases whose first word a token (given by its forms) may read as."""
        out: list[Phrase] = []
        for f in token_forms:
            out += self.by_first.get(f, ())
        return out


@dataclass(frozen=True)
class Sense:
    note: str
    line: int
    forms: frozenset[str]
    after: tuple[Phrase, ...]
    before: tuple[Phrase, ...]
    window: int


@dataclass(frozen=True)
class Irrealis:
    """worthiness.yaml irrealis: the cues of a future or a possibility before the trigger."""
    window: int
    future_prefix: str
    person_prefixes: frozenset[str]
    particles: frozenset[str]
    possibility: frozenset[str]
    clause_marks: str
    openers: frozenset[str] = frozenset()
    perfect_endings: tuple[str, ...] = ()
    possible_words: CueList = CueList("irrealis possible_words", 0, ())
    not_future: frozenset[str] = frozenset()     # words that read as سـ + a news word and are nouns
    # words of expectation over the clause (من المتوقع أن، تتوقع مصادر أن): a forecast, read as a future is
    expected_words: CueList = CueList("irrealis expected_words", 0, ())


@dataclass(frozen=True)
class Hypothetical:
    """worthiness.yaml hypothetical: an act of "any" kind (لأي عدوان يستهدف) or one guarded against (تحسباً
    لهجمات), with the words that undo the reading."""
    any: CueList                      # the "any" word at most ``any.window`` words before the trigger
    not_before: frozenset[str]        # a word after it that makes it no "any" (أي من، أي بعد)
    negation_window: int
    negations: frozenset[str]         # a negation before the "any" word: a denied act's "any" (لم تسجل أي …)
    precaution: CueList               # تحسباً: what follows is guarded against
    openers: frozenset[str] = frozenset()   # a word opening another clause between cue and trigger ends the cue's reach


@dataclass(frozen=True)
class Cues:
    motive: CueList
    opinion: CueList
    judgement_after: CueList
    habitual: CueList
    generic_objects: CueList
    vow: CueList
    aim: CueList
    toll_negation: CueList
    demand: CueList
    tally: CueList
    aim_types: frozenset[str]
    campaign_nouns: frozenset[str]
    launch: CueList
    senses: tuple[Sense, ...] = field(default_factory=tuple)
    motive_dated: CueList = CueList("motive dated", 0, ())
    aim_named_by: CueList = CueList("aim named_by", 0, ())   # an operation noun right before the outcome word
    aim_named_done: CueList = CueList("aim named_done", 0, ())   # a verb of carrying out before such a noun (نفذت عملية)
    aim_purpose_lam: frozenset[str] = frozenset()   # types whose word with the purpose lam, read as planned, is an aim
    timeframe: CueList = CueList("timeframe", 0, ())
    trend: CueList = CueList("trend", 0, ())   # تزايد الهجمات: a trend of acts, none told
    topic: CueList = CueList("topic", 0, ())
    topic_types: frozenset[str] = frozenset()
    call: CueList = CueList("call", 0, ())   # دعا إلى هدنة: a truce or deal asked for, not told
    call_types: frozenset[str] = frozenset()
    call_unless: CueList = CueList("call unless_before", 0, ())   # باحترام الهدنة: a deal in force
    purpose: CueList = CueList("purpose", 0, ())
    continuation: CueList = CueList("continuation", 0, ())            # a verb of going on, a subject between
    continuation_openers: frozenset[str] = frozenset()   # words that open another clause (حيث)
    continuation_not_after: frozenset[str] = frozenset()  # prepositions that make the verb a noun (مع)
    continuation_after: CueList = CueList("continuation after", 0, ())  # an adjective of going on (المستمر)
    continuation_spared: int = 0   # a going-on act placed at this ACLED precision or finer is told (0: none)
    continuation_unspared: frozenset[str] = frozenset()   # … unless the place is of one of these features (city)
    participation: CueList = CueList("participation", 0, ())   # شارك في: a party's part in fighting
    participation_types: frozenset[str] = frozenset()
    question_marks: frozenset[str] = frozenset()   # marks that make a clause a question
    clause_ends: str = ""                          # marks that end a clause
    irrealis: Irrealis | None = None               # a future or a possibility over the trigger's clause
    # the frequent words of the news, folded (resources.news_vocab): a future verb's rest is one of them
    news_words: frozenset[str] = frozenset()
    # every sense's trigger forms in one set: a trigger word none of whose readings is one of them
    # has no other sense to check (rules.sense answers it with one C-level isdisjoint)
    sense_forms: frozenset[str] = frozenset()
    # لا: a negation of a category or of the present, no act told (others: the negations of one act)
    present_negation: CueList = CueList("present negation", 0, ())
    # the negations of one act: modality.yaml negated.before and .denial, less the present_negation cues
    negation_others: CueList = CueList("negation others", 0, ())
    negation_not_before: frozenset[str] = frozenset()   # a negation word followed by one is none (لا يزال)
    negation_denials: frozenset[str] = frozenset()   # لا + one of these denies one act (لا صحة لـ)
    hypothetical: Hypothetical | None = None        # لأي عدوان يستهدف، تحسباً لهجمات: no act told (round 35)


def _cue_list(name: str, d: dict) -> CueList:
    return CueList(name, int(d["window"]), phrases(d["cues"]))


def _irrealis(d: dict) -> Irrealis:
    return Irrealis(int(d["window"]), fold_str(d["future_prefix"]),
                    frozenset(fold_str(p) for p in d["person_prefixes"]),
                    frozenset(fold_str(w) for w in d["particles"]), frozenset(fold_str(w) for w in d["possibility"]),
                    "".join(str(m) for m in d["clause_marks"]), frozenset(fold_str(w) for w in d["openers"]),
                    tuple(fold_str(e) for e in d["perfect_endings"]),
                    CueList("irrealis possible_words", int(d["window"]), phrases(d["possible_words"])),
                    frozenset(fold_str(w) for w in d.get("not_future") or ()),
                    CueList("irrealis expected_words", int(d["window"]), phrases(d.get("expected_words") or ())))


def _present_negation(d: dict | None, modality_path: Path) -> dict:
    """The present_negation cues, with the negations of one act and the words after which a negation
    word is none, both read from modality.yaml's ``negated`` (one list for the events stage and here)."""
    if not d:
        return {}
    neg = load(modality_path)["negated"]
    cues = _cue_list("present negation", d)
    others = tuple(dict.fromkeys(ph for ph in phrases([*neg["before"], *(neg.get("denial") or [])])
                                 if ph not in cues.cues))
    return {"present_negation": cues, "negation_others": CueList("negation others", cues.window, others),
            "negation_not_before": frozenset(fold_str(w) for w in neg.get("not_before") or ()),
            "negation_denials": frozenset(fold_str(w) for w in d.get("denials") or ())}


def _hypothetical(d: dict | None, modality_path: Path, openers) -> dict:
    """The hypothetical cues, with the negation words of modality.yaml's ``negated`` (before, denial)."""
    if not d:
        return {}
    neg = load(modality_path)["negated"]
    return {"hypothetical": Hypothetical(
        _cue_list("hypothetical", d), frozenset(fold_str(w) for w in d.get("not_before") or ()),
        int(d.get("negation_window") or 0),
        frozenset(fold_str(w) for w in [*neg["before"], *(neg.get("denial") or []), *(d.get("negations") or [])]),
        CueList("hypothetical precaution", int(d.get("precaution_window") or 0), phrases(d.get("precaution") or ())),
        frozenset(fold_str(w) for w in openers))}


def load_cues(path: Path, ontology) -> Cues:
    """The cue lists of worthiness.yaml; an unknown event type names file and line."""
    data = load(path)
    for sec in ("aim", "topic", "participation", "call"):
        if sec not in data:
            continue
        for t in [*data[sec]["types"], *(data[sec].get("purpose_lam") or [])]:
            require(t in ontology, path, data[sec], f"unknown event type {t!r}")
    camp = data["campaign"]
    senses = tuple(Sense(s["note"], s.get("__line__", 0), frozenset(fold_str(f) for f in s["forms"]),
                         phrases(s.get("after") or []), phrases(s.get("before") or []), int(s.get("window", 1)))
                   for s in data["senses"])
    return Cues(**{k: _cue_list(k, data[k]) for k in
                   ("motive", "opinion", "judgement_after", "habitual", "generic_objects", "vow", "aim",
                    "toll_negation", "demand", "tally")},
                aim_types=frozenset(data["aim"]["types"]),
                aim_named_by=CueList("aim named_by", 0, phrases(data["aim"].get("named_by") or ())),
                aim_named_done=CueList("aim named_done", int(data["aim"].get("named_done_window", 0)),
                                       phrases(data["aim"].get("named_done") or ())),
                aim_purpose_lam=frozenset(data["aim"].get("purpose_lam") or ()),
                campaign_nouns=frozenset(fold_str(w) for w in camp["nouns"]),
                launch=CueList("campaign launch", int(camp["launch_window"]), phrases(camp["launch"])),
                senses=senses, sense_forms=frozenset().union(*(sn.forms for sn in senses)),
                motive_dated=CueList("motive dated", int(data["motive"]["unless_dated_within"]),
                                     phrases(data["motive"]["dated"])),
                timeframe=_cue_list("timeframe", data["timeframe"]),
                **({"trend": _cue_list("trend", data["trend"])} if data.get("trend") else {}),
                topic=_cue_list("topic", data["topic"]), topic_types=frozenset(data["topic"]["types"]),
                purpose=_cue_list("purpose", data["purpose"]),
                **({"call": _cue_list("call", data["call"]), "call_types": frozenset(data["call"]["types"]),
                    "call_unless": CueList("call unless_before", 1, phrases(data["call"].get("unless_before") or ()))}
                   if data.get("call") else {}),
                participation=_cue_list("participation", data["participation"]),
                participation_types=frozenset(data["participation"]["types"]),
                continuation=_cue_list("continuation", data["continuation"]),
                continuation_openers=frozenset(fold_str(w) for w in data["continuation"]["openers"]),
                continuation_not_after=frozenset(fold_str(w) for w in data["continuation"]["not_after"]),
                continuation_after=CueList("continuation after", int(data["continuation"]["after_window"]),
                                           phrases(data["continuation"]["after"])),
                continuation_spared=int(data["continuation"].get("spared_precision") or 0),
                continuation_unspared=frozenset(data["continuation"].get("unspared_features") or ()),
                question_marks=frozenset(str(m) for m in data["question"]["marks"]),
                irrealis=_irrealis(data["irrealis"]),
                **_present_negation(data.get("present_negation"), path.with_name("modality.yaml")),
                **_hypothetical(data.get("hypothetical"), path.with_name("modality.yaml"),
                                data["irrealis"]["openers"]),
                clause_ends="".join(str(m) for m in data["question"]["ends"]))


def phrase_at(fs: list[tuple[str, ...]], k: int, ph: Phrase) -> bool:
    """The cue phrase ``ph`` starts at word ``k`` of a run of words given by their
    :func:`sentence_forms` ``fs``."""
    if not (k >= 0 and k + len(ph) <= len(fs)):
        return False
    for w in ph:
        if not reads_as_word(w, fs[k]):
            return False
        k += 1
    return True


def cue_before(fs: list[tuple[str, ...]], i: int, lo: int, cl: CueList) -> str | None:
    """A cue of ``cl`` ending at most ``cl.window`` words before word ``i`` (not before ``lo``) of a
    run of words given by their :func:`sentence_forms` ``fs``."""
    firsts = cl.by_first.keys()
    for k in range(max(lo, i - cl.window - cl.longest), i):
        if firsts.isdisjoint(fs[k]):
            continue   # no cue starts with this word (most words): one C-level test
        for ph in cl.starting_at(fs[k]):
            end = k + len(ph)
            if end <= i and i - end <= cl.window and phrase_at(fs, k, ph):
                return " ".join(ph)
    return None


def cue_after(fs: list[tuple[str, ...]], j: int, hi: int, cl: CueList) -> str | None:
    """A cue of ``cl`` starting at most ``cl.window`` words after word ``j`` (the trigger's end), before
    ``hi``, in a run of words given by their :func:`sentence_forms` ``fs``."""
    firsts = cl.by_first.keys()
    for k in range(j, min(hi, j + cl.window + 1)):
        if firsts.isdisjoint(fs[k]):
            continue   # no cue starts with this word (most words): one C-level test
        for ph in cl.starting_at(fs[k]):
            if k + len(ph) <= hi and phrase_at(fs, k, ph):
                return " ".join(ph)
    return None
