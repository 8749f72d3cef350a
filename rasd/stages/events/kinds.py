"""The event type of a trigger: weapons and air-or-ground cues decide between its readings."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rasd.arabic.clitics import is_definite, letters, reads_as, readings, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.stages.cuematch import in_list
from rasd.stages.events.clauses import Sent
from rasd.stages.events.triggers import Trig


FIRE_PAIR = {"SHELLING": "AIRSTRIKE", "AIRSTRIKE": "SHELLING"}   # the two kinds of fire from afar
RETOLD = "the sentences around it retell it by a definite back-reference (eventcoref.yaml back_references) and"
SIDES_WINDOW = 6    # words after بين over which both sides of a fight are named (بين قوات الاحتلال الإسرائيلي والشبان)
AIM_WINDOW = 3      # words from an aim preposition to the side it names (على عدد من المواطنين)
HURT_BEFORE = 2     # words back from a harm verb to the people it names as its subject (مواطنين أصيبوا)
AGGRESSION_GAP = 4  # words from an aggression's adjective to the verb it is the subject of (العدوان الإسرائيلي الذي استهدف)
SEIZE_WINDOW = 6    # words from a capture word to the preposition naming what it seized (سيطرت كتائب شهداء الأقصى على)
CAPTIVE_COUNTS = 2   # count words before the people a liberation word freed (بتحرير عدد من الرهائن)
INSTRUMENT_REACH = 3     # words from an instrument word to the weapon it names (عبر سرب من المسيرات)
WEAPON_RIGHT_AFTER = 2   # words right after a military operation whose weapon word types it (عملية عسكرية صاروخية)
FIRER_BEFORE = 3    # words back from a firing verb to the aircraft that fired (مروحيات الاحتلال أطلقت النار)
VICTIM_WINDOW = 4   # words from a harm word to the victims it names (مقتل عدد من الأشخاص، قتلوا أربعة أشخاص)


@dataclass(frozen=True)
class Retold:
    """What the sentences that retell a trigger's act name of how it was done (Kinds.retold)."""
    weapon: str | None          # the type of a weapon cue (triggers.yaml weapon_cues, in the order of its types)
    fire: tuple[str, str] | None   # (AIRSTRIKE, an air word: air_cues) or else (SHELLING, a ground weapon word)


def gap(k: int, i: int, j: int) -> int:
    """Tokens from token ``k`` to the span ``i..j`` (0 inside it)."""
    return i - k if k < i else max(0, k - j + 1)


class Kinds:
    """Typing a trigger (sets its rule, the why of the type)."""

    def weapon_at(self, k: int, end: int) -> str | None:
        """The type whose weapon cue is token ``k``, or a cue of several words starting at ``k`` and
        ending by ``end`` (بالأسلحة المناسبة، بنيران مباشرة); None when no weapon is named there."""
        key = self.key(k)
        if not (self.L.weapon_lists.lookup(key) or self.L.weapon_starts.lookup(key)):
            return None   # most words are no weapon cue and open none: two cached look-ups say so
        return next((typ for typ in self.L.weapon if self.is_weapon(typ, k, end)), None)

    def is_weapon(self, typ: str, k: int, end: int) -> bool:
        """Token ``k`` is a weapon cue of ``typ``, or starts one of several words ending by ``end``."""
        key = self.key(k)
        if typ in self.L.weapon_lists.lookup(key):
            return True   # reads_as(self.L.weapon[typ], key), cached per word
        if typ not in self.L.weapon_starts.lookup(key):
            return False  # the word opens no cue phrase of the type under any reading
        # the first word with any proclitic (بالأسلحة), the rest as written or with the article
        return any(k + len(ph) <= end and reads_as(frozenset(ph[:1]), key) and all(
            self.key(k + m) in (w, self.L.article + w) for m, w in enumerate(ph[1:], 1))
            for ph in self.L.weapon_phrases[typ])

    def weapon_near(self, t: Trig, lo: int, hi: int) -> tuple[str, int] | None:
        """(type, token) of the weapon word of the clause nearest the trigger (after it first, on a
        tie): هجوم بطائرة مسيرة … بصاروخين names the drone's act, not the missiles'."""
        found = []
        for k in range(lo, hi):
            if t.i <= k < t.j:
                continue
            typ = self.weapon_at(k, hi)
            if typ is not None:
                found.append((k - t.j if k >= t.j else t.i - 1 - k + 0.5, k, typ))
        if not found:
            return None
        _, k, typ = min(found)
        return typ, k

    def type_of(self, st: Sent, t: Trig, lo: int, hi: int) -> str:
        """The event type of a trigger; sets ``t.rule``, the reason (why.type)."""
        d = t.d
        form = f"trigger '{self.span_text(t.i, t.j)}' ({d.pos}, triggers.yaml:{d.line})"
        keys = self.keys[lo:hi]   # lo..hi lies in the sentence
        if d.weapon:
            near = self.weapon_near(t, lo, hi)
            if near is not None:
                typ, k = near
                t.rule = f"{form} names a weapon; '{self.span_text(k, k + 1)}' in its clause is a " \
                         f"{typ} weapon (triggers.yaml weapon_cues)"
                self.paired_fire(t, typ, k, hi, form)
                return self.fired_by_aircraft(t, typ, lo, hi, form)
            told = self.aggression_doer(st, t)
            if told is not None:
                t.rule = f"{form} names no weapon in its clause; its subject, '{told}', is the aggression of a " \
                         f"state that strikes from the air (triggers.yaml aggression_nouns, air_first_adjectives): " \
                         f"AIRSTRIKE"
                return "AIRSTRIKE"
            # its object: the words after it, after the subject a verb puts first (استهدفت القوات البحرية سفينة)
            start = t.j
            if d.pos == "verb":
                start = next((m.tok[1] for m in self.participants(st, lo, hi) if m.tok[0] == t.j), t.j)
            else:
                # استهداف القوات البحرية اليمنية سفينة، استهداف قوات الاحتلال مدرسة: an actor right after the
                # noun with an object word right after it is the noun's doer, its genitive, and the object
                # that follows is what is struck (round 28 args28)
                m = next((m for m in self.participants(st, lo, hi) if m.tok[0] == t.j and m.type == "ACTOR"), None)
                if m is not None and m.tok[1] < hi and any(
                        reads_as(self.L.words[n], self.key(m.tok[1]))
                        for n in ("military_objects", "struck_objects", "civilian_objects")):
                    start = m.tok[1]
            after = range(start, min(hi, start + 4))
            obj = next((k for k in after if reads_as(self.L.words["military_objects"], self.key(k))), None)
            military = obj is not None
            struck = not military and any(reads_as(self.L.words["struck_objects"], self.key(k)) for k in after)
            # a site (قاعدة، مواقع، مطار، تجمعات) does not fight back: struck with no weapon named, it
            # is hit from afar like a struck object; a force in the field (دورية، رتل، عناصر) is fought.
            # Only the first military object is what is struck: a site named after a force (دورية
            # للجيش قرب موقع) is where the force was, not the target (fixed_sites ⊆ military_objects)
            site = obj if obj is not None and reads_as(self.L.words["fixed_sites"], self.key(obj)) else None
            if not (military or struck):
                return ""   # العقوبات تستهدف أفرادا: targeted, but nobody attacked
            # no weapon in the clause: the one its sentence, else the sentences around it, name
            # (استهدفت قاعدة عين الأسد … عبر طائرة مسيرة: one campaign, one weapon)
            for where, spans in (("its sentence", [(st.lo, st.hi)]), ("the sentences around it", self.near_spans(st))):
                typ = next((typ for typ in self.L.weapon for a, b in spans for k in range(a, b)
                            if self.is_weapon(typ, k, b)), None)
                if typ is not None and where == "the sentences around it":
                    # a neighbouring sentence that retells the act decides before the doer (Kinds.retold)
                    told = self.retold(st, t).weapon
                    if told is not None:
                        t.rule = f"{form} attacks a military object; {RETOLD} name a {told} " \
                                 f"weapon (triggers.yaml weapon_cues)"
                        return told
                if typ is not None and where == "the sentences around it" and (struck or site is not None):
                    # a site or an object does not fight back: who struck it tells how, before the weapons
                    # of the sentences around it (a force in the field is fought: only a weapon types it)
                    typed = self.doer_kind(st, t, lo, hi, form)
                    if typed:
                        return typed
                if typ is not None:
                    t.rule = f"{form} attacks a military object; the weapon named in {where} is a {typ} " \
                             f"weapon (triggers.yaml weapon_cues)"
                    return typ
            if struck or site is not None:
                what = "an object that is no force in the field (triggers.yaml struck_objects)" if struck else \
                    f"a site, '{self.span_text(site, site + 1)}', that does not fight back (triggers.yaml fixed_sites)"
                # استهداف الاحتلال منازل: its doer, named right after it, strikes from the air; a party
                # named before it is as often the one struck back at (ردا على الاعتداءات الإسرائيلية)
                # (a site's genitive or the object of a verb is what is struck, not who strikes:
                # استهداف مواقع الاحتلال; so the doer is asked only of a struck object)
                party = self.air_first_party(st, t, lo, hi, after_only=True) if struck else None
                if party is not None:
                    t.rule = f"{form} strikes {what} with no weapon named near it; its doer '{party}' is a " \
                             f"state that strikes from the air (triggers.yaml air_first_actors): AIRSTRIKE"
                    return "AIRSTRIKE"
                subject = self.air_first_subject(st, t, lo, hi)
                if subject is not None:
                    t.rule = f"{form} strikes {what} with no weapon named near it; its subject '{subject}' (Kinds." \
                             f"strike_doer) is a state that strikes from the air (triggers.yaml air_first_actors): " \
                             f"AIRSTRIKE"
                    return "AIRSTRIKE"
                t.rule = f"{form} strikes {what} and no weapon is named near it: fire from afar, SHELLING"
                return "SHELLING"
            t.rule = f"{form}: {d.type}, a force in the field follows it (triggers.yaml military_objects)"
            return d.type
        if d.by_aim:
            typed = self.fire_kind(st, t, lo, hi, form)
            if typed:
                return typed
        if d.weapon_after:
            typed = self.attack_kind(st, t, lo, hi, form)
            if typed:
                return typed
        if d.by_victims:
            typed = self.victims_kind(st, t, lo, hi, form)
            if typed:
                return typed
        if d.by_sides:
            typed = self.sides_kind(st, t, lo, hi, form)
            if typed:
                return typed
        if d.air:
            # a bare قصف: air or ground as its clause says, else its sentence, else the sentences around it
            air, ground = self.L.words["air_cues"], self.L.weapon["SHELLING"]
            for where, span in (("its clause", keys), ("its sentence", self.sent_keys(st)),
                                ("the sentences around it", self.near_keys(st))):
                if where == "its sentence":
                    # its clause names ground forces as who fired (فيما قصفت قوات النظام الحولة): their
                    # own guns, whatever aircraft the rest of its sentence or the sentences around it
                    # name (Kinds.ground_forces_doer)
                    typed = self.ground_forces_doer(st, t, lo, hi, form)
                    if typed:
                        return typed
                if where == "the sentences around it" and any(reads_as(air, k) or reads_as(ground, k) for k in span):
                    # a neighbouring sentence that retells the act decides first (Kinds.retold)
                    fire = self.retold(st, t).fire
                    if fire is not None:
                        typ, cue = fire
                        t.rule = f"{form} is air or ground fire; {RETOLD} name '{cue}': {typ}"
                        return typ
                    # who struck tells how before the air or ground words of the sentences around it
                    typed = self.doer_kind(st, t, lo, hi, form)
                    if typed:
                        return typed
                cue = next((k for k in span if reads_as(air, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the air cue '{cue}' in {where} makes it AIRSTRIKE"
                    return "AIRSTRIKE"
                cue = next((k for k in span if reads_as(ground, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the ground weapon '{cue}' in {where} makes it SHELLING"
                    return "SHELLING"
                if where == "its clause" and t.j < hi and self.key(t.j) in self.L.words["air_first_adjectives"]:
                    t.rule = f"{form} is air or ground fire; '{self.span_text(t.j, t.j + 1)}' right after it names " \
                             f"a state that strikes from the air (triggers.yaml air_first_adjectives): AIRSTRIKE"
                    return "AIRSTRIKE"
            party = self.air_first_party(st, t, lo, hi)
            if party is not None:
                t.rule = f"{form} is air or ground fire with no air or ground cue near it; its doer " \
                         f"'{party}' is a state that strikes from the air (triggers.yaml air_first_actors): AIRSTRIKE"
                return "AIRSTRIKE"
            t.rule = f"{form} is air or ground fire; no air or ground cue near it: {d.type}"
            return d.type
        if d.type == "TERRITORY_TAKEN" and not d.invert:
            typed = self.freed_people(st, t, lo, hi, form) or self.seized_thing(t, hi, form)
            if typed:
                return typed
        if d.weapon_clause:
            typed = self.operation_weapon(t, hi, form)
            if typed:
                return typed
        t.rule = f"{form} is listed as {d.type}"
        if d.type == "SHELLING":
            # طائرة مسيرة إسرائيلية أطلقت صواريخ: munitions an aircraft fires are its air strike; only
            # the subject before it (صواريخ مضادة للطائرات after it names what they are fired at)
            return self.fired_by_aircraft(t, d.type, lo, hi, form, before_only=True)
        return d.type

    def freed_people(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """PRISONER_RELEASE for a liberation word (triggers.yaml liberation_words: حرر، تحرير، استعادة) whose
        object is people held, not a place: the word right after it (after the subject a verb puts first:
        حررت فرق الإنقاذ 3 أشخاص), at most CAPTIVE_COUNTS counts before it (digits, captive_counts), is one
        of freed_words (حرر الجيش 30 رهينة، بتحرير أربعة أشخاص، تحرير الجندي المحتجز). spec/ontology.md:
        TERRITORY_TAKEN is a place changing hands; hostages or captives freed are a PRISONER_RELEASE. ''
        otherwise."""
        w = self.L.words
        if not any(reads_as(w["liberation_words"], self.key(k)) for k in range(t.i, t.j)):
            return ""
        start = t.j
        if t.d.pos == "verb":
            start = next((m.tok[1] for m in self.participants(st, lo, hi) if m.tok[0] == t.j), t.j)
        for k in range(start, min(hi, start + CAPTIVE_COUNTS + 1)):
            key = self.key(k)
            if reads_as(w["freed_words"], key):
                t.rule = f"{form} is a liberation; what it freed, '{self.span_text(k, k + 1)}', is people held, " \
                         f"no place (triggers.yaml liberation_words, freed_words): PRISONER_RELEASE"
                return "PRISONER_RELEASE"
            if not (key.isdigit() or reads_as(w["captive_counts"], key)):
                return ""
        return ""

    def seized_thing(self, t: Trig, hi: int, form: str) -> str:
        """ARMED_CLASH for a capture word (TERRITORY_TAKEN) whose object is a movable thing, not a place:
        the first word after a preposition of its clause (triggers.yaml capture_prepositions: على) at most
        SEIZE_WINDOW words on (the subject between: سيطرت كتائب شهداء الأقصى على طائرة), only a quantity
        between (aim_quantities), is an aircraft, a ship or a vehicle (seized_things: سيطرتها على طائرتي
        درون، استولت على مدرعة). spec/ontology.md: TERRITORY_TAKEN is a place changing hands; a fighter
        seizing the enemy's drone or armour is an act of the fight. '' otherwise (and when another act's
        word comes first: what follows is that act's)."""
        w = self.L.words
        starts = {o.i for o in self.sentence_triggers if o is not t}
        for p in range(t.j, min(hi, t.j + SEIZE_WINDOW)):
            if p in starts:
                return ""
            if not reads_as(w["capture_prepositions"], self.key(p)):
                continue
            k = self.aimed_word(p, hi, lambda key: reads_as(w["seized_things"], key))
            if k is None:
                return ""
            t.rule = f"{form} is a capture; what it seized, '{self.span_text(k, k + 1)}' after " \
                     f"'{self.span_text(p, p + 1)}', is a movable thing, no place (triggers.yaml " \
                     f"seized_things): an act of the fight, ARMED_CLASH"
            return "ARMED_CLASH"
        return ""

    def aggression_doer(self, st: Sent, t: Trig) -> str | None:
        """The words naming the subject of a targeting verb ``t`` when it is an aggression of a state
        that strikes from the air: an aggression noun (triggers.yaml aggression_nouns: عدوان، الاعتداء)
        with an air_first_adjectives adjective right after it, at most AGGRESSION_GAP words
        before the verb in its sentence with no other act's word between (عدوان إسرائيلي استهدف محيط
        حمص، العدوان الإسرائيلي الذي استهدف مزارع القرية، عدوانٍ إسرائيلي، الأسبوع الماضي، استهدف
        موقعين): the press calls such a state's strikes across a border an aggression, and they are
        air strikes unless a weapon of the clause says otherwise (annotations/README.md: Israeli
        "عدوان" in Syria with no weapon is AIRSTRIKE). None otherwise, and for a noun trigger (its
        genitive, not a subject, follows it)."""
        if t.d.pos != "verb":
            return None
        w = self.L.words
        others = {k for o in self.sentence_triggers if o is not t for k in range(o.i, o.j)}
        for p in range(t.i - 1, max(st.lo, t.i - AGGRESSION_GAP - 2) - 1, -1):
            if reads_as(w["aggression_nouns"], self.key(p)) and p + 1 < t.i and \
                    reads_as(w["air_first_adjectives"], self.key(p + 1)):
                return self.span_text(p, p + 2)
            if p in others:
                return None   # another act's words: what stands before them is that act's
        return None

    def fired_by_aircraft(self, t: Trig, typ: str, lo: int, hi: int, form: str, before_only: bool = False) -> str:
        """Missiles fired by aircraft are an air strike: a SHELLING weapon (صواريخ) whose doer is an
        aircraft (triggers.yaml air_doers) named as the subject before the trigger in its clause or
        right after it (المقاتلات الروسية استهدفت بالصواريخ، استهدفت طائرات الاحتلال بصاروخين)
        makes it AIRSTRIKE; otherwise ``typ`` as it is. With ``before_only`` (a munition word listed
        as SHELLING: طائرة مسيرة أطلقت صواريخ) only an aircraft noun before it counts (not an adjective
        of air_doer_adjectives: الإعلام الحربي), with a verb of firing beside it (firing_verbs: أطلقت
        طائرات الاحتلال صاروخين؛ not مربض مدفعية after the drones that struck it, nor a drone shot down
        بصاروخ أرض جو), and not for a munition joined by و (ضربات للطيران والمدفعية: its own fire); the
        words after a munition name what it is fired at or from (صواريخ مضادة للطائرات)."""
        if typ != "SHELLING":
            return typ
        doers = self.L.words["air_doers"]
        if before_only and starts_with_and(self.key(t.i)):
            return typ   # ضربات للطيران والمدفعية، المسيرات والصواريخ: a munition joined to aircraft is its own fire
        span = [*range(max(lo, t.i - 4), t.i), *(() if before_only else range(t.j, min(hi, t.j + 2)))]
        # before a munition word only an aircraft noun names its doer: an adjective of air_doers qualifies
        # any noun (الإعلام الحربي) and the aircraft it goes with is named beside it
        skip = self.L.words["air_doer_adjectives"] if before_only else frozenset()
        k = next((k for k in span if reads_as(doers, self.key(k)) and not reads_as(skip, self.key(k))), None)
        if k is None:
            return typ
        if before_only and not any(reads_as(self.L.words["firing_verbs"], self.key(m)) for m in span):
            return typ   # مربض مدفعية، بصاروخ أرض جو، مسيرات محملة بالقذائف: no aircraft fired it
        if t.also == "AIRSTRIKE":
            t.also, t.also_rule = "", ""
        t.rule += f"; its doer '{self.span_text(k, k + 1)}' is an aircraft (triggers.yaml air_doers): " \
                  f"missiles fired from the air, AIRSTRIKE"
        return "AIRSTRIKE"

    def paired_fire(self, t: Trig, typ: str, k: int, hi: int, form: str) -> None:
        """One act made with missiles and drones together (بعشرات الصواريخ والمسيّرات، بالمسيرات
        والصواريخ) is coded twice, as SHELLING and as AIRSTRIKE (annotations/README.md): when the weapon
        word ``k`` that typed ``t`` is joined by و to a weapon of the other kind of fire, one or two
        words away, ``t.also`` becomes that other type."""
        other = FIRE_PAIR.get(typ)
        if other is None:
            return
        for m in (k + 1, k + 2, k - 1, k - 2):
            if not (0 <= m < hi) or m == k:
                continue
            later = max(m, k)
            if not starts_with_and(self.key(later)) or self.weapon_at(m, hi) != other:
                continue
            if abs(m - k) == 2 and self.weapon_at(k + (1 if m > k else -1), hi) is not None:
                continue
            t.also = other
            t.also_rule = f"{form} is made with '{self.span_text(min(k, m), max(k, m) + 1)}', " \
                          f"{typ} and {other} weapons joined: one act coded as both (triggers.yaml weapon_cues)"
            return

    def strike_doer(self, st: Sent, t: Trig, lo: int, hi: int):
        """The mention that names who made a strike: for a verb, its subject named before it in its
        clause (المقاومة الإسلامية تستهدف مواقع للاحتلال، العدو الإسرائيلي استهدف موقعين، أعلنت القسام
        قصفها تل أبيب), else the party right after it (استهدفت المقاومة قاعدة: VSO); for a noun, only
        when it carries the doer's possessive (أعلنت المقاومة استهدافها: triggers.yaml possessive_suffixes),
        the last party named before it in its clause. The genitive after a bare noun is as often what is
        struck as who struck (قصف جنود الاحتلال، استهداف جنود الاحتلال) and a party before it as often
        the victim (مقتل 11 من داعش جراء استهداف مبنى): no doer then. A party named by an adjective of
        another noun (الاعتداءات الإسرائيلية: Mention.party_of) or right after another act's word is never the
        doer. None when none is named."""
        # a party named by an adjective of another noun (ردا على الاعتداءات الإسرائيلية، إذ استهدفت …) is
        # that noun's doer, not the subject of the strike
        # and a party right after another act's word is that act's genitive or object (تواصل المقاومة
        # استهداف جنود الاحتلال …، إذ استهدفت مواقع: not the subject of استهدفت)
        objects = {o.j for o in self.sentence_triggers if o is not t}
        parts = [m for m in self.participants(st, lo, hi) if not m.party_of and m.tok[0] not in objects]
        before = [m for m in parts if m.tok[1] <= t.i]
        if t.d.pos == "verb":
            right_after = [m for m in parts if m.tok[0] == t.j]
            return before[-1] if before else (right_after[0] if right_after else None)
        return before[-1] if before and t.j - t.i == 1 and self.possessive(t) else None

    def possessive(self, t: Trig) -> bool:
        """The one-word noun trigger ``t`` ends in a possessive pronoun (triggers.yaml possessive_suffixes)
        and, without it, is still a trigger form of its type (استهدافها → استهداف)."""
        key = self.key(t.i)[t.prefix:]
        for suf in self.L.words["possessive_suffixes"]:
            stem = key[:-len(suf)]
            if key.endswith(suf) and len(stem) >= 3 and any(
                    d.type == t.d.type and d.pos == "noun" for d in self.L.exact.get(stem, ())):
                return True
        return False

    def retold(self, st: Sent, t: Trig) -> Retold:
        """How the sentences before and after ``st`` that name the act of ``t`` again by a definite
        back-reference (:meth:`retelling_spans`: … وكان الاستهداف بطائرة مسيرة، … وكان القصف بالمدفعية)
        say it was done: one campaign, one weapon, so what they name decides before the doer, whose rule
        guards against the weapons of other acts around it. Both readings of a trigger's kind ask it (a
        targeting word by its weapon, a bare قصف by its air or ground word); worked out once per
        sentence and trigger type (what it depends on) and kept for the reader's other triggers."""
        key = (st.lo, t.d.type)
        got = self.retold_by.get(key)
        if got is None:
            spans = self.retelling_spans(st, t)
            weapon = next((ty for ty in self.L.weapon for a, b in spans for k in range(a, b)
                           if self.is_weapon(ty, k, b)), None)
            told = [self.key(k) for a, b in spans for k in range(a, b)]
            air, ground = self.L.words["air_cues"], self.L.weapon["SHELLING"]
            fire = next(((typ, cue) for typ, cues in (("AIRSTRIKE", air), ("SHELLING", ground))
                         for cue in told if reads_as(cues, cue)), None)
            got = self.retold_by[key] = Retold(weapon, fire)
        return got

    @cached_property
    def retold_by(self) -> dict[tuple[int, str], Retold]:
        """:meth:`retold` by (sentence start token, trigger type); one reader reads one document."""
        return {}

    @cached_property
    def definite_stems(self) -> dict[int, frozenset[str]]:
        """The stems a sentence's words read with the article behind their proclitics, by the
        sentence's start token, filled as :meth:`retelling_spans` reads each sentence once."""
        return {}

    def retelling_spans(self, st: Sent, t: Trig) -> list[tuple[int, int]]:
        """Token ranges of the sentences before and after ``st`` that name the act of ``t`` again by a
        definite back-reference: an event noun of eventcoref.yaml ``back_references`` or a noun trigger
        form of its own type, with the article behind its proclitics if any (الاستهداف، والهجوم، بالقصف)."""
        out, back, exact = [], self.L.words["back_references"], self.L.exact
        for a, b in self.near_spans(st):
            stems = self.definite_stems.get(a)
            if stems is None:
                stems = self.definite_stems[a] = frozenset(
                    stem for k in range(a, b) for n, stem in readings(self.key(k))
                    if n and is_definite(self.key(k)[:n]))
            if any(stem in back or any(d.type == t.d.type and d.pos == "noun" for d in exact.get(stem, ()))
                   for stem in stems):
                out.append((a, b))
        return out

    def doer_kind(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """The type a strike's doer (:meth:`strike_doer`) gives it when neither its clause nor its
        sentence names a weapon or an air word and the sentences around it do (the only case where it is
        asked; with nothing around, the rules after it decide as before): an armed group with no air force (triggers.yaml
        ground_first_categories) fires from the ground, SHELLING; a state that strikes from the air
        (air_first_actors) makes an AIRSTRIKE. Asked before the sentences around it, whose weapons are
        as often the other side's (حزب الله يستهدف مواقع للاحتلال beside the Israeli raids of the
        sentence before); '' when the doer tells nothing."""
        pick = self.strike_doer(st, t, lo, hi)
        e = self.ents.get(pick.entity) if pick is not None else None
        if e is None or e.type != "ACTOR":
            return ""
        who = self.span_text(*pick.tok)
        if (e.category or "") in self.L.words["ground_first_categories"]:
            t.rule = f"{form} is a strike with no weapon or air word in its sentence; its doer '{who}' is an " \
                     f"armed group with no air force (triggers.yaml ground_first_categories): fire from the " \
                     f"ground, SHELLING"
            return "SHELLING"
        if e.kb_id and fold_str(e.kb_id.split(":", 1)[-1]) in self.L.words["air_first_actors"]:
            t.rule = f"{form} is a strike with no weapon or air word in its sentence; its doer '{who}' is a " \
                     f"state that strikes from the air (triggers.yaml air_first_actors): AIRSTRIKE"
            return "AIRSTRIKE"
        return ""

    def ground_forces_doer(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """SHELLING for a bare قصف with no air or ground word in its clause whose doer
        (:meth:`strike_doer`) is a state's or a group's forces named by a head word of ground troops
        (triggers.yaml ground_force_heads: فيما قصفت قوات النظام الحولة، قصف قوات الأسد القرية),
        whatever air words the rest of its sentence holds (another act's: قصف الطيران الحربي على
        مناطق الاشتباك، فيما قصفت قوات النظام …): the press names an air force's strikes by its
        aircraft (طيران النظام، الطائرات الحربية), and forces by their guns. Not for a state that
        strikes from the air (air_first_actors: قوات الاحتلال on Gaza, annotations/README.md) nor a
        coalition (its forces are its aircraft: قوات التحالف). '' otherwise."""
        pick = self.strike_doer(st, t, lo, hi)
        if pick is None or not reads_as(self.L.words["ground_force_heads"], self.key(pick.tok[0])):
            return ""
        e = self.ents.get(pick.entity)
        if e is None or e.type != "ACTOR" or (e.category or "") in self.L.words["air_force_categories"]:
            return ""
        if e.kb_id and fold_str(e.kb_id.split(":", 1)[-1]) in self.L.words["air_first_actors"]:
            return ""
        t.rule = f"{form} is air or ground fire with no air or ground word in its clause; its " \
                 f"doer '{self.span_text(*pick.tok)}' is named by a head of ground troops (triggers.yaml " \
                 f"ground_force_heads): fire from the ground, SHELLING"
        return "SHELLING"

    def air_first_subject(self, st: Sent, t: Trig, lo: int, hi: int) -> str | None:
        """The text of the subject a targeting verb names before it in its clause (:meth:`strike_doer`: العدو
        الإسرائيلي استهدف منزلا؛ never a party named by an adjective of another noun, ردا على الاعتداءات
        الإسرائيلية) when it is a state that strikes from the air (triggers.yaml air_first_actors); None
        otherwise, and for a noun trigger (its doer is told only by a possessive)."""
        if t.d.pos != "verb":
            return None
        pick = self.strike_doer(st, t, lo, hi)
        if pick is None or pick.tok[1] > t.i:
            return None
        e = self.ents.get(pick.entity)
        if e is None or not e.kb_id or fold_str(e.kb_id.split(":", 1)[-1]) not in self.L.words["air_first_actors"]:
            return None
        return self.span_text(*pick.tok)

    def air_first_party(self, st: Sent, t: Trig, lo: int, hi: int, after_only: bool = False) -> str | None:
        """The text of the doer of a bare قصف when it is a state that strikes from the air
        (triggers.yaml air_first_actors): the genitive right after it (قصف العدو، قصف جيش الاحتلال)
        or, failing that (unless ``after_only``), the last party named before it in its clause
        (يواصل الاحتلال تصعيد قصفه); None otherwise. Read only when no air or ground cue is near the trigger."""
        parts = self.participants(st, lo, hi)
        after = [m for m in parts if t.j <= m.tok[0] <= t.j + 1]
        before = [m for m in parts if m.tok[1] <= t.i]
        pick = after[0] if after else (before[-1] if before and not after_only else None)
        e = self.ents.get(pick.entity) if pick is not None else None
        if e is None or not e.kb_id or fold_str(e.kb_id.split(":", 1)[-1]) not in self.L.words["air_first_actors"]:
            return None
        return self.span_text(*pick.tok)

    def attack_kind(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """An attack word qualified by what follows it (triggers.yaml weapon_after): its weapon
        (هجوم صاروخي، هجوم بطائرة مسيرة، هاجمت طائرة حربية) or a civilian object as its target
        (الهجوم على متحف، هجوم على فندق); failing both, and with no military object right after it,
        by whom its sentence says it hurt (:meth:`victims_kind`); '' when nothing says."""
        end = min(hi, t.j + t.d.weapon_after)
        military = False
        for k in range(t.j, end):
            typ = self.weapon_at(k, hi)
            if typ is not None:
                t.rule = f"{form} is an attack; '{self.span_text(k, k + 1)}' right after it is a {typ} " \
                         f"weapon (triggers.yaml weapon_cues)"
                self.paired_fire(t, typ, k, hi, form)
                return typ
        for k in range(t.j, end):
            key = self.key(k)
            if reads_as(self.L.words["civilian_objects"], key):
                t.rule = f"{form} is an attack; '{self.span_text(k, k + 1)}' right after it is a civilian " \
                         f"object (triggers.yaml civilian_objects)"
                return "ATTACK_ON_CIVILIANS"
            if key[:1] == letters().li and reads_as(self.L.words["military_objects"], key[1:]):
                continue   # هجوم لقوات الدعم السريع: the lam names who attacked, not the target
            if reads_as(self.L.words["contested_places"], key):
                break   # هجوم على قرية: a place holds no side; who was hurt there tells (victims_kind)
            if reads_as(self.L.words["military_objects"], key):
                military = True
                break   # هجوم على مواقع: on a military object, a clash
        for k in range(end, hi):
            # هاجم المسلحون الحاجز بقذائف الهاون: the weapon it was made with, further on in its clause
            typ = self.weapon_at(k, hi) if self.instrumental(k) else None
            if typ is not None:
                t.rule = f"{form} is an attack made with '{self.span_text(k, k + 1)}', a {typ} weapon " \
                         f"(triggers.yaml weapon_cues) in its clause"
                self.paired_fire(t, typ, k, hi, form)
                return typ
        if not military:
            aim = self.attack_aim(t, hi)
            if aim is not None:
                side, k, prep = aim
                if side == "civilian":
                    t.rule = f"{form} is an attack with no weapon named; what it is aimed at, " \
                             f"'{self.span_text(k, k + 1)}' after '{self.span_text(prep, prep + 1)}' in its " \
                             f"clause, is unarmed people or a civilian object (triggers.yaml aim_prepositions, " \
                             f"civilian_objects, unarmed_victims) and no fighter: ATTACK_ON_CIVILIANS"
                    return "ATTACK_ON_CIVILIANS"
                # أطلق مسلح النار من سيارة على دورية للجيش: aimed at an armed side, a clash whoever died
                t.rule = f"{form} is an attack with no weapon named; what it is aimed at, " \
                         f"'{self.span_text(k, k + 1)}' after '{self.span_text(prep, prep + 1)}' in its clause, is " \
                         f"fighters or a military object (triggers.yaml aim_prepositions, armed_victims, " \
                         f"military_objects): two armed sides, ARMED_CLASH"
                return "ARMED_CLASH"
        return "" if military else self.victims_kind(st, t, lo, hi, form)

    def operation_weapon(self, t: Trig, hi: int, form: str) -> str:
        """A military operation (triggers.yaml weapon_clause: عملية عسكرية استهدفت سفينة … بصواريخ بحرية)
        is the act of the weapon it was made with: a weapon word right after it (WEAPON_RIGHT_AFTER
        words) or one its clause names as an instrument (بصواريخ، بعدد من الصواريخ، عبر سرب من المسيرات:
        Kinds.instrumental, triggers.yaml instrument_words up to INSTRUMENT_REACH words before it).
        spec/ontology.md: missile fire is SHELLING, a drone strike AIRSTRIKE, whatever the generic word. '' when its clause names no weapon (then its listed type)."""
        for k in range(t.j, hi):
            if k >= t.j + WEAPON_RIGHT_AFTER and not self.instrumental(k, INSTRUMENT_REACH, t.j):
                continue   # بعدد من الصواريخ، عبر سرب من المسيرات: an instrument word a few words before
            typ = self.weapon_at(k, hi)
            if typ is not None:
                how = "right after it" if k < t.j + WEAPON_RIGHT_AFTER else "as what it was made with, in its clause"
                t.rule = f"{form} is a military operation; '{self.span_text(k, k + 1)}' {how} is a {typ} " \
                         f"weapon (triggers.yaml weapon_cues, weapon_clause)"
                self.paired_fire(t, typ, k, hi, form)
                return typ
        return ""

    def made_armed(self, k: int, end: int, reach: int = 1, noun: bool = False, fighters: bool = True) -> bool:
        """Word k is unarmed people (triggers.yaml unarmed_victims; with ``noun``, any word the caller
        read as unarmed or civilian) whom the words right after it, before ``end``, make armed men or
        their carrier: an armed qualifier right after it (رجل أمن: armed_qualifiers), or with
        ``fighters`` fighters named in the ``reach`` words after it (حافلة تقل مسلحين: armed_victims).
        The one test victims_kind, attack_aim and hurt_before share."""
        w = self.L.words
        if not noun and not reads_as(w["unarmed_victims"], self.key(k)):
            return False
        after = [self.key(m) for m in range(k + 1, min(end, k + 1 + reach))]
        return bool(after) and (reads_as(w["armed_qualifiers"], after[0]) or fighters and any(
            reads_as(w["armed_victims"], a) for a in after))

    def fire_kind(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """The type of a firing word (triggers.yaml by_aim: أطلق النار، فتح النار، أطلقوا الرصاص) read from
        its own clause ``lo..hi``: an aircraft as who fired (triggers.yaml air_doers, nouns only: not
        air_doer_adjectives), named between the verb and its fire word (فتح الطيران الحربي نيران رشاشاته)
        or at most FIRER_BEFORE words before the verb (مروحيات الاحتلال أطلقت النار), makes it AIRSTRIKE;
        else what the fire is aimed at (:meth:`attack_aim`, from an aim preposition that ends the trigger
        itself, أطلقوا النار على، or one further on in its clause) decides: unarmed people or a civilian
        object, ATTACK_ON_CIVILIANS (أطلقت النار على عدد من المواطنين); fighters or a military object,
        ARMED_CLASH (أطلقت النار على مجموعة جنود); else whom its clause says it hurt (:meth:`victims_kind`:
        أطلق الجنود الرصاص بصورة عشوائية ما أدى لإصابة شابين); else a person named by a pronoun as what
        it is aimed at (triggers.yaml person_aims: يطلق عليهم الرصاص), ATTACK_ON_CIVILIANS as the noun
        إطلاق النار عليه is listed. The subject a verb puts between it and its
        fire word (أطلقت قوات الاحتلال النار) is who fired, never what it is aimed at. spec/ontology.md:
        violence against unarmed people is ATTACK_ON_CIVILIANS whatever the verb, a clash needs two armed
        sides, an aircraft's fire is an air strike. '' when none is named (the entry's other readings, then
        its listed type, stand)."""
        w = self.L.words
        fire = t.d.needs_near
        after = []   # the subject a verb puts between it and its fire word; none for a contiguous form
        for k in range(t.j, min(hi, t.j + t.d.window) if fire else t.j):
            if reads_as(fire, self.key(k)):
                break
            after.append(k)
        others = {k for o in self.sentence_triggers if o is not t for k in range(o.i, o.j)}
        before = []
        for k in range(t.i - 1, max(lo, t.i - FIRER_BEFORE) - 1, -1):
            if k in others:
                break
            before.append(k)
        k = next((k for k in (*after, *before) if reads_as(w["air_doers"], self.key(k))
                  and not reads_as(w["air_doer_adjectives"], self.key(k))), None)
        if k is not None:
            t.rule = f"{form} is a firing; who fired, '{self.span_text(k, k + 1)}' in its clause, is an aircraft " \
                     f"(triggers.yaml air_doers): fire from the air, AIRSTRIKE"
            return "AIRSTRIKE"
        start = t.j - 1 if t.j - t.i > 1 and reads_as(w["aim_prepositions"], self.key(t.j - 1)) else t.j
        aim = self.attack_aim(t, hi, start)
        if aim is None:
            typed = self.victims_kind(st, t, lo, hi, form)
            if typed:
                return typed
            # يطلق عليهم الرصاص، أطلقوا الرصاص عليه: fire aimed at a person named by a pronoun, nobody armed
            k = next((k for k in range(t.j, min(hi, t.j + t.d.window + 1))
                      if reads_as(w["person_aims"], self.key(k))), None)
            if k is None:
                return ""
            t.rule = f"{form} is a firing aimed at someone named by a pronoun, '{self.span_text(k, k + 1)}' " \
                     f"(triggers.yaml person_aims), and nobody its clause names hurt is a fighter: ATTACK_ON_CIVILIANS"
            return "ATTACK_ON_CIVILIANS"
        side, k, prep = aim
        what = f"'{self.span_text(k, k + 1)}' after '{self.span_text(prep, prep + 1)}'"
        if side == "civilian":
            t.rule = f"{form} is a firing; what it is aimed at in its clause, {what}, is unarmed people or a " \
                     f"civilian object (triggers.yaml aim_prepositions, unarmed_victims, civilian_objects): " \
                     f"ATTACK_ON_CIVILIANS"
            return "ATTACK_ON_CIVILIANS"
        t.rule = f"{form} is a firing; what it is aimed at in its clause, {what}, is fighters or a military " \
                 f"object (triggers.yaml aim_prepositions, armed_victims, military_objects, armed_qualifiers): " \
                 f"two armed sides, ARMED_CLASH"
        return "ARMED_CLASH"

    def attack_aim(self, t: Trig, hi: int, start: int | None = None) -> tuple[str, int, int] | None:
        """What an attack or a shooting is aimed at, named after an aim preposition of its clause
        (triggers.yaml aim_prepositions: على، ضد، بحق، تجاه، نحو، باتجاه) further on than the words
        right after it (أطلق طالب النار من بندقية على السياح، أطلقت الدورية النار بشكل عشوائي على عدد من
        المواطنين): ("civilian", word, preposition) when the first word after the preposition that
        tells a side (at most AIM_WINDOW words on, only a quantity between: aim_quantities, عدد من) is
        unarmed people or a civilian object (unarmed_victims, civilian_objects) not made armed men by
        the word after it (رجل أمن: armed_qualifiers) or by fighters named in the two words after it
        (حافلة تقل مسلحين: armed_victims); ("armed", word, preposition) when it is fighters or a
        military object (armed_victims, military_objects) or any word right after the preposition that
        an armed qualifier follows (على مسؤولي الأمن، على رجال الشرطة: armed_qualifiers); a settlement (contested_places) names no
        side; None when no preposition of its clause names either. spec/ontology.md: violence
        against unarmed people is ATTACK_ON_CIVILIANS whatever the verb, a clash needs two armed
        sides; the target the act is aimed at says which. ``start`` (default: right after the trigger)
        is where the look for the preposition begins (the trigger's own last word: أطلقوا النار على)."""
        w = self.L.words
        civil, armed = (w["unarmed_victims"], w["civilian_objects"]), (w["armed_victims"], w["military_objects"])
        starts = {o.i for o in self.sentence_triggers if o is not t}
        for p in range(t.j if start is None else start, hi):
            if p in starts:
                return None   # another act's words: what follows is aimed by that act
            if not reads_as(w["aim_prepositions"], self.key(p)):
                continue
            k = self.aimed_word(p, hi, lambda key: any(reads_as(x, key) for x in (w["contested_places"], *armed, *civil)))
            if k is None and p + 2 < hi and reads_as(w["armed_qualifiers"], self.key(p + 2)):
                return "armed", p + 2, p   # على مسؤولي الأمن، على رجال الشرطة: men of a security force
            if k is None or reads_as(w["contested_places"], self.key(k)):
                continue   # على قرية: a place holds no side; any other word: this preposition names none
            if any(reads_as(a, self.key(k)) for a in armed):
                # تجمعات لشبان فلسطينيين، تجمع للمواطنين: a gathering is its people's, unarmed ones named right after it
                if not reads_as(w["armed_victims"], self.key(k)) and self.gathering_of_unarmed(k, hi):
                    return "civilian", k + 1, p
                return "armed", k, p
            # رجل أمن؛ حافلة تقل مسلحين: the words right after it make it armed men or their carrier
            return ("armed" if self.made_armed(k, hi, reach=2, noun=True) else "civilian"), k, p
        return None

    def gathering_of_unarmed(self, k: int, hi: int) -> bool:
        """The military object word ``k`` is a gathering (triggers.yaml gathering_words: تجمع، تجمعات) whose
        genitive, the word right after it (with or without the lam: تجمعات لشبان، تجمعات المواطنين), is
        unarmed people (unarmed_victims, civilian_objects): a crowd, no force in the field."""
        w = self.L.words
        if k + 1 >= hi or not reads_as(w["gathering_words"], self.key(k)):
            return False
        nxt = self.key(k + 1)
        forms = [nxt] + ([nxt[1:]] if nxt[:1] == letters().li else [])
        return any(reads_as(w["unarmed_victims"], f) or reads_as(w["civilian_objects"], f) for f in forms)

    def aimed_word(self, p: int, hi: int, wanted) -> int | None:
        """The word after preposition ``p`` that ``wanted`` (a test on a folded key) accepts, at most
        AIM_WINDOW words on with only quantities before it (digits, triggers.yaml aim_quantities: عدد
        من); None at the first other word. Shared by the aim of an attack and the object of a capture."""
        quantities = self.L.words["aim_quantities"]
        for k in range(p + 1, min(hi, p + 1 + AIM_WINDOW)):
            key = self.key(k)
            if wanted(key):
                return k
            if not (key.isdigit() or reads_as(quantities, key)):
                return None
        return None

    def victims_kind(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """ATTACK_ON_CIVILIANS for an attack with no weapon named and no target that tells its kind
        when the people its clause ``lo..hi`` says were killed or hurt are unarmed and none is a fighter
        (مقتل 18 شخصا في هجوم مسلح؛ هاجمت بوكو حرام ثلاث قرى حيث قتلت عشرة أشخاص؛ الهجومين
        اللذين أوقعا عشرات القتلى من السياح): spec/ontology.md, violence against unarmed people
        whatever the verb; a clash needs two armed sides. A victim word counts when a harm word
        (triggers.yaml harm_words: قتل، مقتل، إصابة، القتلى …) stands at most VICTIM_WINDOW words
        before it with no trigger (the attack word or another act) and no clause break between them;
        an armed victim there (armed_victims, or an unarmed noun made an armed man by the word after
        it, armed_qualifiers: رجل أمن) makes it ARMED_CLASH (a shooting, برصاص, of fighters is a
        fight); '' when nobody hurt is named (the listed type stands). The scan covers the trigger's
        clause and the clauses right after it that a word of victim_links opens (حيث، التي: they tell
        of the same act), not the other clauses of its sentence (… وقتل جنديان في هجوم آخر)."""
        harm, unarmed, armed = (self.L.words[n] for n in ("harm_words", "unarmed_victims", "armed_victims"))
        # the other acts of the sentence (not those that are themselves harm words: حيث قتلت)
        acts = [o for o in self.sentence_triggers if o is not t and not any(
            reads_as(harm, self.key(k)) for k in range(o.i, o.j))]
        others = {k for o in acts for k in range(o.i, o.j)}
        end = self.victims_end(st, hi)
        last_harm, found, verb = None, None, None   # verb: the harm verb the victims were named before
        for k in range(lo, end):
            key = self.key(k)
            if t.i <= k < t.j:
                last_harm = None   # the attack word ends the list of the hurt (هجوم مسلح: the attack is armed)
            elif reads_as(harm, key):
                # a harm word nearer another act is that act's (… وقتل جنديان في هجوم آخر)
                mine = gap(k, t.i, t.j)
                last_harm = None if any(gap(k, o.i, o.j) < mine for o in acts) else k
                before = self.hurt_before(k, lo, t, others) if last_harm is not None else None
                if before is not None:
                    side, v = before
                    if side == "armed":
                        t.rule = f"{form} is an attack with no weapon or target named that tells its kind; " \
                                 f"'{self.span_text(v, v + 1)}', named as the subject of " \
                                 f"'{self.span_text(k, k + 1)}' (triggers.yaml harm_after_victims), is a fighter " \
                                 f"(triggers.yaml armed_victims): ARMED_CLASH"
                        return "ARMED_CLASH"
                    if found is None:
                        found, verb = v, k
            elif k in others or self.clause_break(k, end):
                last_harm = None   # another act, or another clause, names hurt of its own
            elif last_harm is not None and k - last_harm <= VICTIM_WINDOW:
                if reads_as(armed, key) and self.harm_doer(k, end):
                    continue   # قتل مسلح 38 سائحا: the armed man is the killer, the subject of the harm verb
                qualified = self.made_armed(k, end)
                if qualified or reads_as(armed, key):
                    # مقتل 3 جنود، قتل رجل أمن: a fighter among the hurt, a fight between armed sides
                    who = self.span_text(k, k + 2) if qualified else self.span_text(k, k + 1)
                    why = "(triggers.yaml unarmed_victims with armed_qualifiers)" if qualified else \
                        "(triggers.yaml armed_victims)"
                    t.rule = f"{form} is an attack with no weapon or target named that tells its kind; " \
                             f"'{who}', among the people its clause says were hurt, is a fighter {why}: ARMED_CLASH"
                    return "ARMED_CLASH"
                if found is None and reads_as(unarmed, key):
                    found = k
        if found is None:
            return ""
        before = "" if verb is None else f" (named before '{self.span_text(verb, verb + 1)}': triggers.yaml " \
                                          f"harm_after_victims)"
        t.rule = f"{form} is an attack with no weapon or target named that tells its kind; the people its " \
                 f"clause says were hurt, '{self.span_text(found, found + 1)}'{before}, are unarmed (triggers.yaml " \
                 f"unarmed_victims) and no fighter is among them: ATTACK_ON_CIVILIANS"
        t.hurt = found
        return "ATTACK_ON_CIVILIANS"

    def harm_doer(self, k: int, end: int) -> bool:
        """The fighter word ``k`` after a harm word is its subject, not one of the hurt: unarmed people
        follow it as the verb's object, right after it or after a count (digits, triggers.yaml
        aim_quantities), with no و between (قتل مسلح 38 سائحا; not مقتل جندي ومواطن, two of the hurt)."""
        w = self.L.words
        for m in range(k + 1, min(end, k + 3)):
            key = self.key(m)
            if starts_with_and(key):
                return False
            if reads_as(w["unarmed_victims"], key):
                return True
            if not (key.isdigit() or reads_as(w["aim_quantities"], key)):
                return False
        return False

    def hurt_before(self, k: int, lo: int, t: Trig, others: set[int]) -> tuple[str, int] | None:
        """The people a harm verb that follows its subject (triggers.yaml harm_after_victims: أصيب،
        استشهدوا، لقوا) names right before it, at most HURT_BEFORE words back within ``lo`` (the clause)
        and not across the attack word or another act (عدد من المواطنين أصيبوا في هجوم، ثلاثة جنود
        استشهدوا): ("armed", word) for a fighter (armed_victims, or an unarmed noun with an armed
        qualifier after it), ("unarmed", word) for unarmed people (unarmed_victims); None otherwise,
        and always when the verb carries و: a verb that opens its clause (وأصيب عدد من السكان) puts its
        subject after it, and the words before it are the clause before (هاجم مسلحون قرية وأصيب …)."""
        key = self.key(k)
        if not reads_as(self.L.words["harm_after_victims"], key) or starts_with_and(key):
            return None
        w = self.L.words
        for v in range(k - 1, max(lo, k - HURT_BEFORE) - 1, -1):
            if t.i <= v < t.j or v in others or self.clause_break(v, k):
                return None
            vk = self.key(v)
            if reads_as(w["armed_victims"], vk) or self.made_armed(v, k, fighters=False):
                return "armed", v
            if reads_as(w["unarmed_victims"], vk):
                return "unarmed", v
        return None

    def sides_kind(self, st: Sent, t: Trig, lo: int, hi: int, form: str) -> str:
        """RIOT for a fight word (by_sides) whose clause ``lo..hi`` tells a crowd, not an armed side,
        fought: a protest adjective right after it (مواجهات احتجاجية: triggers.yaml riot_qualifiers), a side
        named after بين or مع that is an unarmed crowd (مواجهات بين المتظاهرين والشرطة، اشتباكات مع الشبان:
        side_openers, unarmed_sides; a quantity between, aim_quantities), or the crowd-control means of its
        clause (أصيب العشرات بالاختناق خلال مواجهات، الرصاص المطاطي وقنابل الغاز: riot_means). Never when an
        armed qualifier stands right after it (اشتباكات مسلحة: armed_fight_qualifiers) or a fighter is named
        in its clause (armed_victims: اشتباكات مع مقاومين) or an armed group (armed_side_categories) is a
        party there (بين شباب المدينة وتنظيم داعش): two armed sides are a clash. spec/ontology.md:
        RIOT is a violent demonstration or mob violence, ARMED_CLASH fighting between armed actors;
        '' when nothing says (the listed clash stands)."""
        w = self.L.words
        near = range(t.j, min(hi, t.j + 2))
        if any(reads_as(w["armed_fight_qualifiers"], self.key(k)) for k in near):
            return ""
        if any(reads_as(w["armed_victims"], self.key(k)) for k in range(lo, hi) if not t.i <= k < t.j):
            return ""
        # a crowd fights a state's force; beside an armed group (بين شباب المدينة وتنظيم داعش، بين مواطنين
        # ونقطة تابعة للحوثيين) it is fighters, or their victims: never a riot
        for m in self.participants(st, lo, hi):
            e = self.ents.get(m.entity)
            if e is not None and (e.category or "") in w["armed_side_categories"]:
                return ""
        if t.j < hi and reads_as(w["riot_qualifiers"], self.key(t.j)):
            t.rule = f"{form} is a fight; '{self.span_text(t.j, t.j + 1)}' right after it makes it a protest's " \
                     f"(triggers.yaml riot_qualifiers) and no fighter is named in its clause: RIOT"
            return "RIOT"
        for p in range(t.j, min(hi, t.j + 3)):
            if not reads_as(w["side_openers"], self.key(p)):
                continue
            # after بين both sides, the second joined by و (بين قوات الاحتلال والشبان); after مع the one
            reach = SIDES_WINDOW if reads_as(w["between"], self.key(p)) else AIM_WINDOW
            for k in range(p + 1, min(hi, p + 1 + reach)):
                key = self.key(k)
                if reads_as(w["unarmed_sides"], key):
                    t.rule = f"{form} is a fight; '{self.span_text(k, k + 1)}', a side named after " \
                             f"'{self.span_text(p, p + 1)}', is an unarmed crowd (triggers.yaml unarmed_sides) and " \
                             f"no fighter is named in its clause: RIOT"
                    return "RIOT"
                if reach == AIM_WINDOW and not (key.isdigit() or reads_as(w["aim_quantities"], key)):
                    break
                if self.clause_break(k, hi):
                    break
        cue = next((k for k in range(lo, hi) if reads_as(w["riot_means"], self.key(k))), None)
        if cue is not None:
            t.rule = f"{form} is a fight; '{self.span_text(cue, cue + 1)}' in its clause is a means of crowd " \
                     f"control (triggers.yaml riot_means) and no fighter is named there: RIOT"
            return "RIOT"
        return ""

    def victims_end(self, st: Sent, hi: int) -> int:
        """Where the scan of :meth:`victims_kind` ends: the clause end ``hi``, carried on over each
        clause right after it that a word of victim_links opens (حيث قتلت عشرة أشخاص، اللذين أوقعا
        عشرات القتلى) to the next clause break or trigger of the sentence."""
        end = hi
        while end < st.hi and in_list(self.L, "victim_links", self.key(end)):
            nxt = next((k for k in range(end + 1, st.hi) if self.clause_break(k, st.hi)), st.hi)
            end = min(nxt, next((o.i for o in self.sentence_triggers if end < o.i and self.opens_clause(o)), st.hi))
        return end

    def instrumental(self, k: int, reach: int = 1, lo: int = 0) -> bool:
        """Token ``k`` carries the instrumental ب (بمسيرة، وبقذائف) or follows a word that makes it an
        instrument (بواسطة، عبر، بعدة: triggers.yaml instrument_words) by at most ``reach`` words, none
        before token ``lo`` (عبر سرب من المسيرات: three words)."""
        L = letters()
        key = self.key(k)
        return key.startswith(L.bi) or (key[:1] in L.conj and key[1:2] == L.bi) or any(
            in_list(self.L, "instrument_words", self.key(m)) for m in range(max(lo, k - reach), k))
