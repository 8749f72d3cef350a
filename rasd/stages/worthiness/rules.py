"""Pure decisions: does the clause around an event's trigger report the event, or only name it?

Each rule takes a :class:`Site` (the folded words of the event's sentence and where its trigger
stands) and the cue lists, and returns the reason the event is no event (None when it holds).
Nothing here touches a Doc, so each rule is tested on hand-built word lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from rasd.arabic.clitics import letters, starts_with_and
from rasd.stages.worthiness.cues import Cues, cue_after, cue_before, phrase_at, reads_as_word, sentence_forms

OPENING_QUOTES = '"«“\''


@dataclass(frozen=True)
class Site:
    keys: list[str]            # folded words of the event's sentence
    i: int                     # the trigger's first word (index into keys)
    j: int                     # one past its last word
    type: str
    modality: str
    has_place: bool
    quoted_name_after: bool    # an opening quote mark follows the trigger
    clause_end: str = ""       # the first clause-ending mark after the trigger ("" at the sentence's end)
    # each word's cue readings (cues.sentence_forms of keys): given by a caller that shares them among
    # the events of one sentence, else read here
    forms: list = field(default_factory=list, compare=False, repr=False)
    clause_start: int = 0      # the first word of the trigger's clause (after the last clause mark before it)
    prefix: str = ""           # the letters written before the trigger inside its word (its proclitics: و، ل، لل)
    # the event's geocoded places as (ACLED geo precision, feature): (1, "locality"), (3, "region"); empty
    # for none, or for a trigger told at several places (worthiness.site_of)
    places_geo: tuple = ()
    # what clause_mood read, kept for the rules and the modality of one Site (read once, not once per reader)
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self):
        if not self.forms:
            object.__setattr__(self, "forms", sentence_forms(self.keys))


def _cued(s: Site, words, said: str) -> str | None:
    """``said`` with the cue of ``words`` found before the trigger as ``{cue}``; None without one
    (the shape of every rule that is one cue list before the trigger)."""
    cue = cue_before(s.forms, s.i, 0, words)
    return said.format(cue=cue) if cue else None


def motive(s: Site, c: Cues) -> str | None:
    cue = cue_before(s.forms, s.i, 0, c.motive)
    if cue and cue_after(s.forms, s.j, len(s.forms), c.motive_dated):
        return None     # a dated act told in passing (ردا على صواريخ أطلقت الثلاثاء)
    return f"named as the motive of another act ('{cue} …'), not told" if cue else None


def opinion(s: Site, c: Cues) -> str | None:
    """تخشى إسرائيل دخول حزب الله المعركة: judged, feared or deemed possible, not told. An expectation that
    governs the trigger's clause (تتوقع مصادر أن تتم السيطرة) is a forecast, left to the clause mood
    (:func:`foretold`: planned; the gold codes a party's forecast planned)."""
    if (mood := clause_mood(s, c)) and mood[0] == "expected":
        return None
    return _cued(s, c.opinion, "inside an opinion, fear, warning or possibility ('{cue} …'), not reported as happening")


def judgement(s: Site, c: Cues) -> str | None:
    cue = cue_after(s.forms, s.j, len(s.forms), c.judgement_after)
    return f"judged ('… {cue}'), an opinion on the act rather than its report" if cue else None


def habitual(s: Site, c: Cues) -> str | None:
    cue = cue_after(s.forms, s.j, len(s.forms), c.habitual) or cue_before(s.forms, s.i, 0, c.habitual)
    return f"a habitual or generic statement ('{cue}'), no one act at one time" if cue else None


def generic_object(s: Site, c: Cues) -> str | None:
    cue = cue_after(s.forms, s.j, len(s.forms), c.generic_objects)
    return f"an act against a phenomenon ('{cue}'), not against a party" if cue else None


def campaign_name(s: Site, c: Cues) -> str | None:
    if not s.quoted_name_after or s.j - s.i != 1:
        return None
    # with a preposition too (والتحاما بمعركة "طوفان الأقصى")
    L = letters()
    if not any(f in c.campaign_nouns or (f[:1] in (L.bi, L.li) and f[1:] in c.campaign_nouns)
               for f in s.forms[s.i]):
        return None
    if cue_before(s.forms, s.i, 0, c.launch):
        return None
    return "a battle or operation noun before a quoted name: the campaign's name, not a telling of it"


def trend(s: Site, c: Cues) -> str | None:
    """تزايدت الهجمات في تونس، تصاعد الهجمات، لتجنب تكرار حوادث الخطف: a rise or a repetition of acts is a
    trend summed up, no one act told (worthiness.yaml trend)."""
    return _cued(s, c.trend, "a trend of acts ('{cue} …'), summed up rather than one act told")


def timeframe(s: Site, c: Cues) -> str | None:
    """منذ بدء الحرب، منذ اندلاع المواجهات: the war or battle a count runs from, not an act told."""
    return _cued(s, c.timeframe, "the span a count or state runs from ('{cue} …'), not an act told")


def _after_word(s: Site, k: int, words: frozenset[str]) -> bool:
    """Word ``k`` is one of ``words``, as written, behind a conjunction و, or in a cue reading."""
    w = s.keys[k]
    return w in words or w[:1] == letters().and_ and w[1:] in words or any(f in words for f in s.forms[k])


def _without_and(s: Site, k: int) -> str:
    """Word ``k`` without a conjunction و before it, when that is one of its cue readings; as written
    otherwise."""
    w = s.keys[k]
    return w[1:] if starts_with_and(w) and w[1:] in s.forms[k] else w


def continuation(s: Site, c: Cues) -> str | None:
    """تواصل المقاومة استهداف القواعد، استهداف المقاومة المستمر: a campaign summed up as going on,
    not one act told. A verb of going on needs its subject between it and the trigger (right after the
    verb the trigger is its subject: تواصلت الاشتباكات, told), and a trigger joined by و is the fellow
    of the word before it (تواصل تقدمها وسيطرتها). The verb carries no article (مواقع التواصل is a
    noun) and follows no preposition (مع تواصل المعارك); a word joined by و or a clause opener between
    it and the trigger starts another clause (تواصل عملياتها وتعلن استهدافها: an act told). An adjective of going on after the trigger needs the article and only definite words between
    (the trigger's agent or nationality: العدوان الإسرائيلي المستمر); past a word without the article
    it belongs to another noun (تظاهرات تنديداً بالعدوان المستمر), and an indefinite one tells fighting
    going on at a place (معارك مستمرة مع قوات النظام), an act told. An act placed at a site, a quarter or
    a village (ACLED precision ``continuation_spared`` or finer, of a feature not in
    ``continuation_unspared``: يواصل الاحتلال حرق منازل في محيط مجمع الشفاء، قصفه المكثف على حي الشجاعية)
    is told there, however long it goes on: the summed-up campaign names a city, a front, a region or a
    country (قصف مناطق متفرقة من غزة، على طول الحدود، في سوريا)."""
    L = letters()
    bare = partial(_without_and, s)
    if any(0 < p <= c.continuation_spared and f not in c.continuation_unspared for p, f in s.places_geo):
        return None   # يواصل الاحتلال حرق منازل في محيط مجمع الشفاء: going on at one named site, an act told there

    cue = None
    if bare(s.i) == s.keys[s.i]:   # a trigger joined by و is the fellow of the word before it
        for k in range(max(0, s.i - 1 - c.continuation.window), s.i - 1):
            w = bare(k)
            if w.startswith(L.article) or w not in c.continuation.firsts \
                    or k > 0 and _after_word(s, k - 1, c.continuation_not_after):
                continue
            between = range(k + 1, s.i)
            if not any(bare(n) != s.keys[n] or bare(n) in c.continuation_openers for n in between):
                cue = s.keys[k]
    if cue is None:
        for k in range(s.j, min(len(s.keys), s.j + c.continuation_after.window + 1)):
            if any(f.startswith(L.article) and reads_as_word(w[0], (f,)) for f in s.forms[k]
                   for w in c.continuation_after.cues):
                cue = s.keys[k]
                break
            if not s.keys[k].startswith(L.article):
                break
    return f"a campaign told as going on ('{cue}'), summed up rather than one act told" if cue else None


def aim(s: Site, c: Cues) -> str | None:
    """يحاول التقدم للسيطرة على …: the aim of an attempt, not an outcome told; عملية تحرير أبين: an operation
    named by its aim (the noun right before the outcome word), its capture not told."""
    if s.type not in c.aim_types:
        return None
    named = _cued(s, c.aim_named_by, "an operation named by its aim ('{cue} …'), the outcome not told")
    if named and cue_before(s.forms, s.i - 1, 0, c.aim_named_done):
        named = None    # نفذت القوات عملية انسحاب: the operation told as carried out
    return named or _cued(s, c.aim, "the aim of an attempt or of another act ('{cue} …'), not an outcome told") \
        or purpose_lam(s, c)


def purpose_lam(s: Site, c: Cues) -> str | None:
    """تتقاتل الفصائل للسيطرة على البلدة، عملية لتحرير المنطقة: an outcome word carrying the purpose lam, which
    the events stage read as planned (no verb governs the lam: تعرض للاعتقال is told), names what an act is
    done for, not an outcome told (worthiness.yaml aim purpose_lam)."""
    if s.modality != "planned" or s.type not in c.aim_purpose_lam:
        return None
    L = letters()
    pre = "".join(ch for ch in s.prefix if ch not in L.conj)
    if pre not in (L.li, L.lam_article):
        return None
    return f"the aim of an act, told with the purpose lam ('{s.prefix}…'), not an outcome told"


def participation(s: Site, c: Cues) -> str | None:
    """شارك في القتال، اشترك في عدة هجمات، المشاركة في المعارك: a fight noun governed by a verb or noun of
    taking part tells a party's part in fighting (a fighter's career, a unit's tour, a cell's record), not
    one act told at a place and time. Only the fight types: a protest or talks one takes part in are told
    (شارك الآلاف في التظاهرة)."""
    if s.type not in c.participation_types:
        return None
    return _cued(s, c.participation, "a part taken in fighting ('{cue} …'), a role or a record rather than one act told")


def purpose(s: Site, c: Cues) -> str | None:
    """الضغط من أجل وقف إطلاق النار: what another act is done for, of any type, not told."""
    return _cued(s, c.purpose, "the purpose another act is done for ('{cue} …'), not an act told")


def topic(s: Site, c: Cues) -> str | None:
    """قرار بشأن وقف إطلاق النار، جهود للتوصل إلى اتفاق: a deal or a talk as the topic, not told."""
    if s.type not in c.topic_types:
        return None
    return _cued(s, c.topic, "the topic of a statement, resolution or refusal ('{cue} …'), not told as reached or held")


def call(s: Site, c: Cues) -> str | None:
    """دعا إلى هدنة، وجوب وقف إطلاق النار: a truce or deal called for, urged or said to be needed is asked for,
    not told as reached (the gold codes no appeal for one; worthiness.yaml call)."""
    if s.type not in c.call_types:
        return None
    if cue_before(s.forms, s.i, 0, c.call_unless):
        return None   # باحترام الهدنة، على تنفيذ اتفاق: a deal in force called to be kept, told or recalled
    return _cued(s, c.call, "called for or urged ('{cue} …'): a truce or deal asked for, not told as reached")


def vow(s: Site, c: Cues) -> str | None:
    if s.modality == "asserted" or s.has_place:
        return None
    return _cued(s, c.vow, "an open-ended vow ('{cue} …') naming no place")


def sense(s: Site, c: Cues) -> str | None:
    """The trigger word in another sense, told by a word beside it (worthiness.yaml senses)."""
    if c.sense_forms.isdisjoint(s.forms[s.i]):
        return None   # no sense is of this word (most triggers)
    for sn in c.senses:
        if sn.forms.isdisjoint(s.forms[s.i]):
            continue
        for ph in sn.after:
            if any(phrase_at(s.forms, s.j + gap, ph) for gap in range(sn.window)):
                return f"{sn.note} (worthiness.yaml:{sn.line})"
        for ph in sn.before:
            if any(phrase_at(s.forms, s.i - gap - len(ph), ph) for gap in range(sn.window)):
                return f"{sn.note} (worthiness.yaml:{sn.line})"
    return None


def tally(s: Site, c: Cues) -> str | None:
    """A number of times after the trigger (12 مرة): a count of acts, not one act told."""
    for k in range(s.j, min(len(s.keys) - 1, s.j + c.tally.window)):
        if s.keys[k].isdigit() and any(phrase_at(s.forms, k + 1, ph) for ph in c.tally.cues):
            return f"a count of acts ('{s.keys[k]} {s.keys[k + 1]}'), a statistic rather than one act told"
    return None


def question(s: Site, c: Cues) -> str | None:
    """هل تشن إسرائيل حرباً على لبنان؟: the trigger's clause asks whether the act happens."""
    if s.clause_end and s.clause_end in c.question_marks:
        return f"asked about ('… {s.clause_end}'), not told"
    return None


def _future_verb(f: str, c: Cues) -> bool:
    """A word form is a future verb: the future prefix on an imperfect verb that is itself a frequent
    word of the news (worthiness.yaml irrealis; سيتم، ستشن، سنواصل; not سيارة، سنوات: their rest is no word).
    A word the news also writes with the article is a noun, never a verb (سيدة، ستين، سنية: السيدة،
    الستين، السنية; review15), and the words of ``not_future`` (a noun whose article form is rare) are none."""
    ir = c.irrealis
    return (len(f) > 3 and f[0] == ir.future_prefix and f[1] in ir.person_prefixes and f[1:] in c.news_words
            and letters().article + f not in c.news_words and f not in ir.not_future)


def _imperfect(f: str, c: Cues) -> bool:
    """A word form is an imperfect verb: it opens with a person prefix, has no perfect's ending (تعرضت) and
    is a frequent word of the news."""
    ir = c.irrealis
    return len(f) > 2 and f[0] in ir.person_prefixes and not f.endswith(ir.perfect_endings) and f in c.news_words


def _verb_forms(s: Site, k: int) -> tuple[str, ...]:
    """Word ``k`` as a verb may be read: as written and without a conjunction before it (وسيتم، فستستمر);
    never without the article (a verb carries none)."""
    w = s.keys[k]
    return (w, w[1:]) if w[:1] in letters().conj and len(w) > 3 else (w,)


def clause_mood(s: Site, c: Cues) -> tuple[str, str] | None:
    """("future" | "possible" | "expected", the cue) when a future verb or particle, a possibility (قد before
    an imperfect verb) or an expectation (من المتوقع أن، تتوقع مصادر أن) governs the trigger's clause; None
    otherwise (the clause is told). The one place
    that reads the clause's mood: :func:`irrealis` (drop) and :func:`modality` (planned) read its
    answer, which the Site keeps (read once per event). The cue stands in the trigger's clause (no
    clause mark between them, ``Site.clause_start``) and no word that opens another clause (a relative
    pronoun, بعد، حيث، إنهم …) stands between them: that clause's act is told."""
    kept = s.memo.get("mood")
    if kept is None or kept[0] is not c:
        kept = s.memo["mood"] = (c, _read_mood(s, c))
    return kept[1]


def _read_mood(s: Site, c: Cues) -> tuple[str, str] | None:
    ir = c.irrealis
    if ir is None:
        return None
    lo = max(s.clause_start, s.i - ir.window)
    for k in range(s.i - 1, lo - 1, -1):
        if any(f in ir.openers for f in s.forms[k]):
            return None
        cue = next((f for f in _verb_forms(s, k) if f in ir.particles or _future_verb(f, c)), None)
        if cue:
            return "future", cue
        if any(f in ir.possibility for f in _verb_forms(s, k)) and k + 1 < len(s.keys) \
                and _imperfect(s.keys[k + 1], c):
            return "possible", f"{s.keys[k]} {s.keys[k + 1]}"
        ph = next((ph for ph in ir.possible_words.starting_at(s.forms[k])
                   if k + len(ph) <= s.i and phrase_at(s.forms, k, ph)), None)
        if ph:
            return "possible", " ".join(ph)
        ph = next((ph for ph in ir.expected_words.starting_at(s.forms[k])
                   if k + len(ph) <= s.i and phrase_at(s.forms, k, ph)), None)
        if ph:
            return "expected", " ".join(ph)
    return None


def irrealis(s: Site, c: Cues) -> str | None:
    """قد يخرج من السجن، قد تصبح عرضة للهجمات: an act in a clause that a possibility governs is deemed
    possible, not told (the gold codes no analyst's or speaker's possibility). قال إن القوات ستشن هجوماً:
    one that a future governs is foretold; the gold codes a party's announced act as planned (ستعقد الأمم
    المتحدة جولة محادثات في جنيف), so a foretold act is dropped only when it names no place, as an
    open-ended vow is (:func:`vow`), and is made planned otherwise (:func:`foretold`)."""
    found = clause_mood(s, c)
    if found is None:
        return None
    kind, cue = found
    if kind == "possible":
        return f"deemed possible ('{cue} …' governs its clause), not told as having happened"
    if s.has_place:
        return None
    # an expected act is a forecast, read as a foretold one (the gold codes a party's forecast planned)
    return f"foretold ('{cue} …' governs its clause) and naming no place: not told, no planned act placed"


def _any_word(s: Site, c: Cues) -> tuple[int, bool] | None:
    """(where, denied) of the "any" word that governs the trigger (worthiness.yaml hypothetical): at most the
    window's words before it, in its clause, no word opening another clause between them, no word after it that
    makes it no "any" of a kind (أي من، أي بعد); ``denied`` when a negation stands within ``negation_window`` words
    before it (لم تسجل أي اشتباكات، من دون أي اعتقالات: the "any" of a denial). None without one."""
    h = c.hypothetical
    if h is None:
        return None
    lo = s.clause_start
    conj = letters().conj

    def readings(k: int) -> set[str]:   # a short word's readings behind و/ف too (وأي، ولم: cue_readings keeps them)
        w = s.keys[k]
        return {*s.forms[k], *((w[1:],) if w[:1] in conj and len(w) > 2 else ())}

    anys = frozenset(ph[0] for ph in h.any.cues)
    for k in range(s.i - 1, max(lo, s.i - 1 - h.any.window) - 1, -1):
        if any(f in h.openers for f in s.forms[k]):
            return None   # another clause opens between the cue and the trigger: its act is told
        if anys.isdisjoint(readings(k)):
            continue
        if k + 1 < len(s.forms) and (not h.not_before.isdisjoint(s.forms[k + 1]) or s.keys[k + 1].isdigit()):
            continue   # أي من، أي بعد، أي 907 كغ: "any of" a set, or "that is"
        denied = any(not h.negations.isdisjoint(readings(n)) for n in range(max(lo, k - h.negation_window), k))
        return k, denied
    return None


def hypothetical(s: Site, c: Cues) -> str | None:
    """للتصدي لأي عدوان يستهدف المدينة، سترد على أي اعتداء، مستعد في أي وقت لمثل الهجمات، تحسباً لهجمات صاروخية:
    an act of "any" kind, or one guarded against, is a hypothetical one (a threat, a readiness, a pledge, a
    precaution), no act told (:func:`_any_word`). The "any" of a denial (لم ترد أي تقارير عن وقوع اشتباكات) is no
    hypothetical: the act is denied, read negated (:func:`denied_any`). A negated event is left to the negation
    rules (worthiness.yaml hypothetical)."""
    h = c.hypothetical
    if h is None or s.modality == "negated":
        return None
    found = _any_word(s, c)
    if found is not None:
        k, denied = found
        return None if denied else \
            f"an act of any kind ('{s.keys[k]} …'): hypothetical (a threat, readiness or pledge), not told"
    for k in range(s.i - 1, max(s.clause_start, s.i - 1 - h.precaution.window) - 1, -1):
        if any(f in h.openers for f in s.forms[k]):
            break
        ph = next((ph for ph in h.precaution.starting_at(s.forms[k])
                   if k + len(ph) <= s.i and phrase_at(s.forms, k, ph)), None)
        if ph:
            return f"guarded against ('{' '.join(ph)} …'): a precaution, no act told"
    return None


def denied_any(s: Site, c: Cues) -> str | None:
    """Why an asserted event is negated after all: a negation governs the "any" word before it (ولم ترد أي تقارير
    عن وقوع اشتباكات، من دون أي اعتقالات), farther than the events stage's negation window reaches; the gold codes
    such a denied act negated (None otherwise)."""
    if s.modality != "asserted":
        return None
    found = _any_word(s, c)
    if found is None or not found[1]:
        return None
    return f"denied: a negation governs '{s.keys[found[0]]} …' before the trigger (worthiness.yaml hypothetical)"


def present_negation(s: Site, c: Cues) -> str | None:
    """لا هدنة مع الاحتلال، لا مصلحة لإسرائيل بالقتال، لا يوجد أمر انسحاب: لا negates a category or the
    present, a stance or a state, not one act denied; only لم، لن or a denial verb deny an act (the gold
    codes those negated). A negated event whose nearest negation word before it, within the window and
    its clause, is such a لا is no event; a لا followed by a word of modality.yaml's not_before
    (ما لا يقل عن، لا يزال) negates nothing and is passed over, as the events stage passes it over; لا
    before a word of truth (لا صحة لاستهداف …) denies a report of one act, as نفى does, and stays negated."""
    if s.modality != "negated" or not c.present_negation.cues:
        return None
    for k in range(s.i - 1, max(s.clause_start, s.i - c.present_negation.window) - 1, -1):
        if any(k + len(ph) <= s.i and phrase_at(s.forms, k, ph) for ph in c.negation_others.starting_at(s.forms[k])):
            return None
        ph = next((ph for ph in c.present_negation.starting_at(s.forms[k])
                   if k + len(ph) <= s.i and phrase_at(s.forms, k, ph)), None)
        if ph and not (k + len(ph) < len(s.forms) and not c.negation_not_before.isdisjoint(s.forms[k + len(ph)])):
            if k + len(ph) < s.i and not c.negation_denials.isdisjoint(s.forms[k + len(ph)]):
                return None   # لا صحة لـ: a denial of one act reported, kept negated
            return f"negated by '{' '.join(s.keys[k:k + len(ph)])}', a negation of a category or of the present: " \
                   "no act told, denied or not"
    return None


RULES = (question, hypothetical, sense, campaign_name, motive, timeframe, trend, continuation, generic_object, habitual, tally, judgement,
         opinion, aim, participation, purpose, topic, call, vow, irrealis, present_negation)


def unworthy(s: Site, c: Cues) -> str | None:
    """The first rule that finds the event no event, as its reason; None when it is one."""
    for rule in RULES:
        why = rule(s, c)
        if why:
            return why
    return None


def modality(s: Site, c: Cues) -> tuple[str, str] | None:
    """The event's modality as its clause decides it, with its why, when that differs from the events
    stage's reading of the cues before the trigger (modality.yaml): a negation that denies only the toll
    makes it asserted (:func:`toll_negation`); a demand or a future over its clause (:func:`clause_mood`)
    makes it planned (:func:`demand`, :func:`foretold`). None keeps the events stage's modality. The one
    place the worthiness stage changes an event's modality."""
    if why := toll_negation(s, c):
        return "asserted", why
    if why := denied_any(s, c):
        return "negated", why
    if why := demand(s, c) or foretold(s, c):
        return "planned", why
    return None


def toll_negation(s: Site, c: Cues) -> str | None:
    """Why a negated event is asserted after all: the negation denies its toll (None otherwise)."""
    if s.modality != "negated":
        return None
    return _cued(s, c.toll_negation, "the negation '{cue}' denies the toll, not the act (worthiness.yaml toll_negation)")


def foretold(s: Site, c: Cues) -> str | None:
    """Why an asserted event is planned after all: a future governs its clause (worthiness.yaml
    irrealis; None otherwise). The ontology's planned is an act intended or announced."""
    if s.modality != "asserted":
        return None
    found = clause_mood(s, c)
    if found is None or found[0] not in ("future", "expected"):
        return None
    what = "forecast" if found[0] == "expected" else "foretold"
    return f"{what} ('{found[1]} …' governs its clause): planned (worthiness.yaml irrealis)"


def demand(s: Site, c: Cues) -> str | None:
    """Why an asserted event is planned after all: it is demanded (None otherwise)."""
    if s.modality != "asserted":
        return None
    return _cued(s, c.demand, "demanded ('{cue} …'): planned (worthiness.yaml demand)")
