"""Who did it to whom: agents, targets and partners of a trigger, each with why it has its role."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.arabic.clitics import is_definite, letters, reads_as, starts_with_and
from rasd.doc import PARTY_OF_ATTACK, PARTY_OF_FACILITY, PARTY_OF_TALKS, Mention
from rasd.stages.events.clauses import Sent
from rasd.stages.events.lexicon import AIR_CAPABLE, CLASH_LIKE, INSTRUMENT_TYPES, PARTICIPANT_TYPES
from rasd.stages.clauses import actor_aside
from rasd.stages.cuematch import in_list
from rasd.stages.events.triggers import Trig


# words at most between a noun trigger and the verb that carries it out (an adjective and a relative
# pronoun: العملية الإرهابية التي نفذها), and between that verb and its subject (time words, fillers)
CARRIER_GAP = 2
# words at most between a verb of reacting and its subject after it (a title: الأمين العام للأمم المتحدة)
REACTOR_GAP = 4
# words at most between the people a harm word names as hurt and the act that hurt them (قتل 11 مدنيا
# على الأقل في تفجير: three), and between a harm word before them and them (قتل وجرح عشرات المدنيين)
VICTIM_GAP, HARM_BEFORE = 5, 2
# the acts whose noun takes its doer as the genitive after it (سيطرة الحوثيين على عدن)
SEIZING_TYPES = ("TERRITORY_TAKEN",)
# words at most between a noun that names its doer by a possessive pronoun and its object (استهدافها
# أيضا تموضعا لجنود الاحتلال: two; an actor further on is named in another phrase, بإسناد جوي وفرته طائرات …)
OBJECT_GAP = 3
# words at most between a harm noun with the pronoun of the hurt and the act after it (إصابته بشظايا مقذوف:
# one), and between the one hurt, named before, and that noun (الجندي X، أحد أفراد حرس الحدود بقطاع Y
# بمنطقة Z الذي استشهد إثر إصابته: fifteen)
OWN_HURT_GAP, OWN_HURT_REACH = 1, 25


class Roles:
    """The participants of a trigger's clause and their roles."""

    def marker(self, m: Mention, name: str, lo: int) -> bool:
        i = m.tok[0]
        if self.near_before(i, name, 2, lo) is not None:
            return True
        if name != "target_markers":
            return False
        k = self.key(i)
        rs = self.doc.readings[k]
        pre = k[:len(k) - len(rs[-1][1])] if rs else ""
        return any(w in pre for w in self.L.words["attached_target_markers"])

    def participants(self, st: Sent, lo: int, hi: int, talks: bool = False) -> list[Mention]:
        """The participants of the clause; the nationality adjective of talks or a deal (``party_of``
        "talks": المحادثات الأميركية الروسية) only for an event with parties (``talks``)."""
        return [m for m in st.mentions if m.type in PARTICIPANT_TYPES and lo <= m.tok[0] < hi
                and m.entity not in self.reporters and (talks or m.party_of != PARTY_OF_TALKS)
                and not self.named_leader(m)]

    def named_leader(self, m: Mention) -> bool:
        """The mention names who leads the actor before it, after a relative and a verb of leading
        (rasd.stages.clauses.actor_aside: التحالف الذي تقوده السعودية): an aside on that actor, which
        opens no clause (rasd.stages.clauses), so the leader is no participant of the act of its own."""
        return m.tok[0] >= 2 and actor_aside(self.doc, self.L, m.tok[0] - 2)

    def purpose_at(self, t: Trig, hi: int) -> int:
        """First token of a purpose clause after the trigger (لصد تقدم الجيش …), else hi."""
        lists, keys = self.L.lists_of.lookup, self.keys   # in_list without its frame
        for k in range(t.j, hi):
            if "purpose_words" in lists(keys[k]):
                return k
        return hi

    def instrument(self, t: Trig) -> bool:
        """A noun trigger with the instrumental ب (بصواريخ، بالمدفعية، بالبراميل), or right after a
        word that makes it one (بعدة صواريخ، بعشرات القذائف، بواسطة صواريخ، عبر طائرة مسيرة:
        triggers.yaml instrument_words)."""
        if t.d.pos != "noun" or t.d.type not in INSTRUMENT_TYPES:
            return False
        return letters().bi in self.key(t.i)[t.glue:t.prefix] or (
            t.i > 0 and in_list(self.L, "instrument_words", self.key(t.i - 1)))

    def can_do(self, typ: str, m: Mention) -> bool:
        """Air strikes are flown by states and coalitions, not by armed groups or persons; car bombs
        and IEDs are planted by armed groups, not by state forces."""
        e = self.ents.get(m.entity)
        return self.can_do_entity(typ, e) if e is not None else typ != "AIRSTRIKE"

    def can_do_entity(self, typ: str, e) -> bool:
        if typ == "AIRSTRIKE":
            return e.category in AIR_CAPABLE
        if typ == "BOMBING":
            return e.category not in ("state_force", "government")
        return True

    def civilian(self, m: Mention) -> bool:
        e = self.ents.get(m.entity)
        return e is not None and self.civilian_entity(e)

    @staticmethod
    def civilian_entity(e) -> bool:
        return e.category == "civilians"

    def plural_verb(self, t: Trig) -> bool:
        """A verb that carries its (plural) subject (استهدفوا، هاجموا): the actor after it is an object."""
        return self.key(t.j - 1).endswith(letters().plural_verb_endings) and t.j - t.i == 1

    def joined_verb(self, t: Trig) -> bool:
        """A verb trigger that carries a conjunction (clitics.yaml conjunctions: وسيطروا، فقتلوه): the second
        verb of a coordination, whose subject is the first verb's (الجيش قتل 5 مسلحين واعتقل 10 آخرين: the
        army arrested). The actor right before it closes the conjunct before (that verb's object or a
        genitive: قاموا بمنع آليات X، وسيطروا), not a subject of its own: an Arabic subject stands right
        before its verb only with no conjunction between them (والجيش قصف, not الجيش وقصف)."""
        return t.d.pos == "verb" and self.key(t.i)[t.glue:t.prefix][:1] in letters().conj

    def governed(self, m: Mention) -> bool:
        """The mention carries a preposition (لقوات، بالجيش): an object, never a verb's subject."""
        pre = fold_str(self.doc.text[self.toks[m.tok[0]].start:m.start])
        return any(c in pre for c in letters().preps)

    def args(self, st: Sent, t: Trig, lo: int, hi: int):
        """(agents, targets, partners, carried, why): entity ids by role, and why each has its role."""
        c = ArgContext(self, st, t, lo, hi)
        agent, between = self.pick_agent(c)
        agents = [agent.entity] if agent else []
        if not agents and not (c.partner_type and t.d.pos == "noun"):
            agents = self.outer_agent(c)
        if agent is not None:
            agents += self.co_agents(c, agent, between)
        agents, carried = self.carried_agents(c, agents)
        targets, partners = self.objects(c, agent, agents)
        if c.sides and not targets:
            targets = [x for x in c.sides if x not in agents]
            for x in targets:
                c.why.setdefault(x, "carried over: the other side of the report's earlier fighting, whose "
                                    "side this one goes on with (no side named in this clause)")
        agents, targets, partners = self.reshape(c, agents, targets, partners, carried)
        if not targets and not partners:
            targets = self.hurt_targets(c, agents)
        if not targets and not partners:
            targets = self.own_hurt_targets(c, agents)
        agents, targets, partners = (list(dict.fromkeys(agents)), list(dict.fromkeys(targets)),
                                     list(dict.fromkeys(partners)))
        roles = {role: {x: c.why.get(x, "named in the trigger's clause") for x in ids}
                 for role, ids in (("agents", agents), ("targets", targets), ("partners", partners))}
        refused = {x: w for x, w in c.refused.items() if x not in agents}
        if refused:
            roles["not agents"] = refused
        return agents, targets, partners, carried, roles

    def hurt_targets(self, c: "ArgContext", agents: list[str]) -> list[str]:
        """The unarmed people an attack with no target read hurt, as its sentence tells (its type's reading,
        :meth:`Kinds.victims_kind`: الهجوم … والذي أدى إلى مقتل طفل فلسطيني؛ هجوم أوقع عشرات القتلى من
        المدنيين): the civilians ACTOR mention over the word the type was read from is the act's target,
        even in the clause right after the trigger's (a relative or result clause that tells of the same
        act). Only an ATTACK_ON_CIVILIANS so typed: its victims are what made it one."""
        t = c.t
        if t.type != "ATTACK_ON_CIVILIANS" or t.hurt < 0:
            return []
        m = next((m for m in c.st.mentions if m.tok[0] <= t.hurt < m.tok[1] and m.type == "ACTOR"
                  and self.civilian(m) and m.entity not in agents), None)
        if m is None:
            return []
        c.said(m, f"the unarmed people its sentence says it hurt ('{self.span_text(t.hurt, t.hurt + 1)}'), "
                  f"which make it an attack on civilians: undergo it")
        return [m.entity]

    def own_hurt_targets(self, c: "ArgContext", agents: list[str]) -> list[str]:
        """The one a harm noun with the pronoun of the hurt names before the act that hurt him (triggers.yaml
        own_hurt_nouns: استشهد الجندي X بعد إصابته بمقذوف؛ الشهيد X … الذي استشهد نتيجة إصابته بشظايا مقذوف):
        the pronoun points back at the person (or the civilians) named last before the noun in the sentence,
        who undergoes the act. The noun stands at most ``OWN_HURT_GAP`` words before the act with no
        punctuation between; the one hurt at most ``OWN_HURT_REACH`` words before the noun, with no other act
        of the sentence between them. Not for talks, deals or a clash (its sides fight, CLASH_LIKE)."""
        t, st = c.t, c.st
        if c.partner_type or t.type in CLASH_LIKE:
            return []
        k = next((k for k in range(t.i - 1, max(st.lo, t.i - 1 - OWN_HURT_GAP) - 1, -1)
                  if in_list(self.L, "own_hurt_nouns", self.key(k))), None)
        if k is None or any(ch in self.doc.text[self.toks[k].end:self.toks[t.i].start] for ch in "،,.:؛"):
            return []
        others = [o.i for o in self.sentence_triggers if o is not t]
        hurt = [m for m in st.mentions if m.tok[1] <= k and k - m.tok[1] <= OWN_HURT_REACH and m.entity is not None
                and m.entity not in agents and (m.type == "PERSON" or (m.type == "ACTOR" and self.civilian(m)))]
        m = max(hurt, key=lambda m: m.tok[1], default=None)
        if m is None or any(m.tok[1] <= i < k for i in others):
            return []
        c.said(m, f"the one '{self.span_text(k, k + 1)}' (triggers.yaml own_hurt_nouns) says the act hurt, "
                  f"named before it: undergoes it")
        return [m.entity]

    def pick_agent(self, c: "ArgContext") -> tuple[Mention | None, Mention | None]:
        """The agent named in the clause, and the first side of a بين X و Y (or None)."""
        t = c.t
        agent: Mention | None = next((m for m in c.ps if self.marker(m, "agent_markers", c.lo)), None)
        c.said(agent, "after an agent marker (triggers.yaml agent_markers)")
        if agent is None and t.d.pos == "noun":
            # القصف الإسرائيلي، الغارات الجوية الأميركية: the act's nationality adjective names its doer
            agent = next((m for m in c.after if m.party_of == PARTY_OF_ATTACK and m.tok[0] - t.j <= 2), None)
            c.said(agent, "the nationality adjective of the act (open_actors.yaml attack_nouns)")
        if agent is None and t.d.pos == "noun" and c.partner_type:
            # المحادثات الأميركية الروسية، الاتفاق السعودي الإيراني: the adjectives name the parties
            agent = next((m for m in c.after if m.party_of == PARTY_OF_TALKS and m.tok[0] - t.j <= 2), None)
            c.said(agent, "the nationality adjective of the talks or deal (open_actors.yaml talks_nouns)")
        if agent is None and t.d.pos == "noun":
            agent = self.carrier_subject(c)
        between = None
        if agent is None:   # اشتباكات بين X و Y
            between = next((m for m in c.after if self.near_before(m.tok[0], "between", 3, t.j) is not None),
                           None)
            agent = between
            c.said(agent, "the first side after 'between' (triggers.yaml between)")
        if agent is None and t.d.pos == "verb" and c.before and not self.joined_verb(t):
            # SVO: the actor right before the verb (وكانت جبهة النصرة قد خطفت …) is its subject; not
            # before a verb joined by a conjunction (قطعوا الطريق ومنعوا آليات X، وسيطروا …), whose
            # subject is the first verb's: the actor right before it ends the conjunct before
            m = c.before[-1]
            gap = range(m.tok[1], t.i)
            if len(gap) <= 2 and all(in_list(self.L, "subject_fillers", self.key(k)) for k in gap) \
                    and not c.is_target(m) and not self.governed(m) and self.can_do(t.type, m):
                agent = m
                c.said(agent, "subject right before the verb")
        if agent is None and c.after:
            agent = self.subject_after(c)
        if agent is None:
            # SVO: the first actor of the clause that is not an object
            # a person is not taken so for an act of force: the one a report names earlier in the clause
            # (الشهيد X … إثر تعرضه لقذيفة، الناطق X … فور وقوع الانفجار، منزل يعود لعائلة X فانفجر) is its
            # victim, its teller or its place's owner; a person who does it is the subject right before
            # the trigger (أبو عبيدة قصف) or follows an agent marker (fresh sheets of round 26: 4 of 4
            # person agents so picked wrong)
            fit = [m for m in c.before if not c.is_target(m) and not c.is_partner(m) and not self.civilian(m)
                   and self.can_do(t.type, m) and not self.speaker(m, t.i)
                   and not (m.type == "PERSON" and m.tok[1] < t.i and self.L.mapping[t.type].get("violent"))
                   and not self.reactor(c, m, t.i)]
            # not for talks and deals, whose teller is as often one of the parties (اهتمام بلاده بخطة الصين لتسوية)
            said = None if c.partner_type else next((m for m in fit if self.told_of(m, fit, t.i)), None)
            agent = self.told_of(said, fit, t.i) if said is not None else next(iter(fit), None)
            c.said(agent, "the first actor of the clause before the trigger that is not an object"
                   + (f", after the word that opens what '{said.text}' tells (triggers.yaml speech_complements)"
                      if said is not None and agent is not None else ""))
        if agent is not None and (self.civilian(agent) or not self.can_do(t.type, agent)):
            c.why.pop(agent.entity, None)   # a civilian, or one that cannot do this (an air strike by a militia)
            agent = None
        return agent, between

    def carrier_subject(self, c: "ArgContext") -> Mention | None:
        """The subject of a verb that carries out the act named by a noun trigger, the verb bearing the
        pronoun that takes the act back (هجوم شنه مسلحون، المجزرة التي ارتكبتها قوات الاحتلال، اشتباكات
        عنيفة يخوضها مسلحون: triggers.yaml act_carrier_verbs): the verb stands right after the noun (an
        adjective or a relative pronoun between, ``CARRIER_GAP``) and the actor right after the verb
        (a filler or a time word between) is the act's doer, not its target."""
        t, keys = c.t, self.keys
        v = next((k for k in range(t.j, min(c.hi, t.j + CARRIER_GAP + 1))
                  if in_list(self.L, "act_carrier_verbs", keys[k])), None)
        if v is None:
            return None
        m = next((m for m in c.after if m.tok[0] > v), None)
        if m is None or m.tok[0] - v > CARRIER_GAP + 1 or self.governed(m) or not all(
                in_list(self.L, "subject_fillers", keys[k]) or in_list(self.L, "time_fillers", keys[k])
                for k in range(v + 1, m.tok[0])):
            return None
        c.said(m, "subject of the verb that carries out the act (triggers.yaml act_carrier_verbs)")
        return m

    def subject_after(self, c: "ArgContext") -> Mention | None:
        """VSO subject after a verb, genitive after a noun (قصف قوات النظام، غارات للطيران)."""
        t, m = c.t, c.after[0]
        window = 6 if t.d.pos == "verb" else 4
        if any(t.j <= o.i < m.tok[0] and o.d.pos == "verb" for o in self.sentence_triggers):
            return None   # هجوما صاروخيا استهدف القوات: what follows another event verb is its argument
        if t.d.pos == "noun" and m.party_of == PARTY_OF_ATTACK and m.tok[0] - t.j > 2:
            return None   # غارات على إدلب ضمن العدوان التركي: the adjective of another act, not a genitive
        if t.d.pos == "noun" and any(self.relative_clause(k) for k in range(t.j, m.tok[0])):
            return None   # الاستهداف الذي طال القوات الأميركية: named in a clause about the act, no genitive
        if not c.is_target(m) and self.holder_of_struck(c, t, m):
            return None   # استهداف آلية لقوات X: the actor after the struck object holds it
        lam = self.key(m.tok[0]).startswith(letters().li)
        if t.d.pos == "noun" and lam and any(p.type == "PLACE" and t.j <= p.tok[0] and p.tok[1] <= m.tok[0]
                                             for p in c.st.mentions):
            return None   # استهداف قريتي كفريا والفوعة المواليتين لنظام الأسد: the place is the genitive, what
            #               the act is done to; a party named after it with the lam qualifies the place
        if t.d.pos == "noun" and t.d.object_genitive and m.type == "PERSON" and m.tok[0] - t.j <= window \
                and not self.definite_noun(t):
            c.said(m, f"a named person after '{self.span_text(t.i, t.j)}', a noun of an act done to a person "
                      f"(triggers.yaml object_genitive): the one it is done to, not its doer")
            return None
        if m.tok[0] - t.j <= window and not c.is_target(m) and not c.is_partner(m) \
                and not (t.d.recipient_lam and lam) and not (t.d.pos == "verb" and self.plural_verb(t)) \
                and not (t.d.pos == "verb" and (self.governed(m) or self.past_object(t, m))):
            if t.d.pos == "noun" and m.tok[0] - t.j <= OBJECT_GAP and self.pronoun_doer(t) and not any(
                    ch in self.doc.text[self.toks[t.i].end:m.start] for ch in "،,.:؛"):
                # أعلنت كتائب القسام استهدافها قوات الاحتلال: the noun's possessive pronoun is its doer, and
                # a noun with a pronoun takes no genitive: the actor after it is what the act is done to
                c.said(m, "the object of a noun that names its doer by a possessive pronoun "
                          "(triggers.yaml possessive_suffixes), not a genitive")
                return None
            c.said(m, "subject right after the verb" if t.d.pos == "verb" else
                   "genitive after a noun of taking: who took the place, not a target" if c.seizer(m) else
                   "genitive after the noun")
            return m
        return None

    def holder_of_struck(self, c: "ArgContext", t: Trig, m: Mention) -> bool:
        """An object the act strikes (triggers.yaml struck_objects, fixed_sites, held_objects) stands
        between the trigger and ``m`` (استهداف مسيرة آلية لقوات X، استهدف مبنى يستخدمه جنود Y، قصف مقر
        تابع لقوات Z): ``m`` holds or uses what is struck, a target side. A noun's genitive doer and a
        verb's VSO subject stand before its object, never after it. Not an object word with the
        instrumental ب (بعربة مفخخة: the weapon, not what is struck)."""
        W, bi = self.L.words, letters().bi
        for k in range(t.j, m.tok[0]):
            key = self.key(k)
            if not any(reads_as(W[n], key) for n in ("struck_objects", "fixed_sites", "held_objects")):
                continue
            if key.startswith(bi):
                return False
            c.said(m, f"named after '{self.span_text(k, k + 1)}', an object the act strikes (triggers.yaml "
                      f"struck_objects, fixed_sites, held_objects): holds or uses it, a target side, not the doer")
            return True
        return False

    def definite_noun(self, t: Trig) -> bool:
        """A word of the noun trigger carries the article (الاغتيال، عملية الاغتيال): a definite noun takes
        no genitive, so a person named after it (محاولة الاغتيال، وسيمثل X) is not the one it is done to."""
        a = letters().article
        return is_definite(self.key(t.i)[t.glue:t.prefix]) or any(self.key(k).startswith(a) for k in range(t.i, t.j))

    def pronoun_doer(self, t: Trig) -> bool:
        """The one-word noun trigger carries a possessive pronoun (:meth:`Kinds.possessive`: استهدافها،
        تقدمهم) of two letters or more (clitics.yaml pronoun_suffixes): the one-letter one is folded
        like the feminine ending (الانتحارية) and a present verb's object (تقدمه), and is not read."""
        return t.j - t.i == 1 and self.key(t.i).endswith(letters().pronoun_suffixes) and self.possessive(t)

    def past_object(self, t: Trig, m: Mention) -> bool:
        """Between the verb and the mention stands what only follows a verb's subject: a number (اعتقلت
        10 فلسطينيين …), a preposition of its own (… في حارة X: triggers.yaml object_gap_words), or, for
        an act done to persons (person_object_types: an arrest, an abduction), a noun before a person
        (اعتقل الاحتلال الشابين X). A VSO subject comes right after its verb (a filler or a time word may
        stand between); a person named after another word is that word's apposition, the one the act
        is done to. Not for other types: a title before a person names the subject (التقى الرئيس
        الأميركي باراك أوباما، انتزع الأسيران X حريتهما), 6 of 20 such fires wrong on the news."""
        gap = range(t.j, m.tok[0])
        if any(any(ch.isdigit() for ch in self.key(k)) or in_list(self.L, "object_gap_words", self.key(k)) for k in gap):
            return True
        return m.type == "PERSON" and t.type in self.L.words["person_object_types_raw"] and any(
            not in_list(self.L, "subject_fillers", self.key(k)) and not in_list(self.L, "time_fillers", self.key(k))
            for k in gap)

    def victim(self, c: "ArgContext", m: Mention) -> str | None:
        """The harm word that names ``m`` as hurt by the act, named before it (قتل 11 مدنيا في تفجير، جنود
        قتلوا بانفجار، أصيب ثلاثة أشخاص جراء القصف): the act follows a word of cause (triggers.yaml
        harm_causes, or the instrumental ب glued to it: بقصف) at most ``VICTIM_GAP`` words after the
        mention, and a harm word (harm_words) stands at most ``HARM_BEFORE`` words before the mention,
        or after it with only hurt_fillers or time words between (مدنيون على الأقل قتلوا). No
        punctuation, no other act, no word opening reported speech (أكد المسؤول أن 13 شخصا قتلوا في …)
        and no other actor between the mention and the act, unless listed with it by و (قتل مسلحون 5
        مدنيين في هجوم: the gunmen are the killers). Those it hurt undergo the act: its targets, not its
        doers. None when not so."""
        t, keys, L = c.t, self.keys, self.L
        if m.tok[1] > t.i or t.i - m.tok[1] > VICTIM_GAP:
            return None
        if not (t.i > m.tok[1] and in_list(L, "harm_causes", keys[t.i - 1])
                or letters().bi in self.key(t.i)[t.glue:t.prefix]):
            return None
        lo = max(c.lo, m.tok[0] - HARM_BEFORE)
        # a time between commas after the hurt (قتل ثلاثة جنود، أمس الخميس، في انفجار) leaves them hurt
        told = m.end if self.timed_aside(m, t) else self.toks[t.i].start
        if any(ch in self.doc.text[self.toks[lo].start:m.start] + self.doc.text[m.end:told] for ch in "،,.:؛") \
                or any(lo <= o.i < t.i for o in self.sentence_triggers if o is not t) \
                or any(self.cue_at(k, "speech_complements", t.i) for k in range(m.tok[1], t.i)):
            return None
        between = [o for o in c.ps if o is not m and m.tok[1] <= o.tok[0] < t.i]
        if any(not any(starts_with_and(keys[k]) for k in range(m.tok[1], o.tok[0] + 1)) for o in between):
            return None   # قتل مسلحون 5 مدنيين في هجوم: the gunmen did it; 11 من داعش و11 مدنيا: both hurt
        harm = L.words["harm_words"]
        for k in range(m.tok[1], t.i):
            if reads_as(harm, keys[k]):
                return self.span_text(k, k + 1)
            if not (in_list(L, "hurt_fillers", keys[k]) or in_list(L, "time_fillers", keys[k])
                    or in_list(L, "subject_fillers", keys[k])):
                break
        k = next((k for k in range(m.tok[0] - 1, lo - 1, -1) if reads_as(harm, keys[k])), None)
        return None if k is None else self.span_text(k, k + 1)

    def timed_aside(self, m: Mention, t: Trig) -> bool:
        """Only time words (triggers.yaml time_fillers), set off by commas, stand between the hurt ``m``
        and the word of cause right before the trigger (أصيب خمسة جنود، صباح اليوم، في هجوم): the commas
        set the time aside and part no clauses. False when nothing stands there."""
        gap = range(m.tok[1], t.i - 1)
        return len(gap) > 0 and t.i > m.tok[1] and in_list(self.L, "harm_causes", self.key(t.i - 1)) and all(
            in_list(self.L, "time_fillers", self.key(k)) for k in gap)

    def speaker(self, m: Mention, i: int) -> bool:
        """A person named before the word that opens the reported content the trigger at ``i`` is in
        (الناطق العسكري أبو عبيدة أكد أنّ الأسرى قتلوا في القصف): who tells the act, not who did it.
        A group that claims an act (أعلنت المقاومة أنّ مقاتليها استهدفوا) stays its agent."""
        return m.type == "PERSON" and any(self.cue_at(k, "speech_complements", i) for k in range(m.tok[1], i))

    def told_of(self, m: Mention, fit: list[Mention], i: int) -> Mention | None:
        """The doer told of, when ``m``, a teller's body (:meth:`tellers_body`), stands before the word
        that opens reported content (triggers.yaml speech_complements: وأكد قائد حركة X أنّ القوات
        المسلحة تستهدف، قال مدير شرطة Y إن مسلحين …): the first actor of ``fit`` after that word before
        the trigger at ``i``. ``m`` is the teller's side, the actor within what is told the doer; None
        when not so. With no actor after the word (أعلنت الحركة أنّ مقاتليها استهدفوا) the
        teller stays the doer; an actor after another act's word (إن طائرات قصفت هدفا لحركة X في أعقاب
        إطلاق القذيفة) is that act's object, and one with a preposition (تعليق مسؤول في الاتحاد الأوروبي
        على هجوم …) no verb's subject, and one after a title (أنّ الأمين العام لحزب X شخص ذكي) a person's
        body: none of them is the doer told of."""
        if not self.tellers_body(m):
            return None
        k = next((k for k in range(m.tok[1], i) if self.cue_at(k, "speech_complements", i)), None)
        return None if k is None else next((
            o for o in fit if o.tok[0] > k and not self.governed(o) and not self.tellers_body(o)
            and not in_list(self.L, "object_gap_words", self.key(o.tok[0] - 1))
            and not any(k < s.i < o.tok[0] for s in self.sentence_triggers)), None)

    def tellers_body(self, m: Mention) -> bool:
        """``m`` follows a title (triggers.yaml speaker_heads: قائد حركة X، المتحدث باسم X، الأمين العام
        لحزب X): it names the body a person speaks for or heads, not a doer in its own right."""
        return m.tok[0] > 0 and in_list(self.L, "speaker_heads", self.key(m.tok[0] - 1))

    def reactor(self, c: "ArgContext", m: Mention, i: int) -> bool:
        """``m`` is the subject of a verb of reacting to the act at ``i`` (triggers.yaml reaction_verbs:
        أدانت الخارجية الهجوم على …، الائتلاف ندد بالقصف، أعربت الحكومة عن إدانتها للتفجير): who condemns,
        demands, welcomes or accuses, not who did it. SVO: the verb stands between the mention and the
        trigger; VSO: the mention is the first actor after the verb, at most ``REACTOR_GAP`` + 1 words
        after it (a title between: ندد الرئيس التركي رجب طيب أردوغان; an actor with a preposition in the
        title: ندد الأمين العام للأمم المتحدة بان كي مون), no comma between, the verb carries no plural
        ending and has no subject right before it. Not for talks, deals and truces, whose parties
        accuse each other. After اتهم the accused (its object,
        after its subject) is not refused: the alleged doer. The refusal's why is kept (``c.refused``)."""
        if c.partner_type:
            return False   # اتهم الجيش قوات الدعم السريع بخرق الهدنة: who accuses may be a party to a truce
        k = self.subject_of(c.st, m, i, "reaction_verbs")
        if k is None:
            return False
        if m.entity is not None:
            c.refused.setdefault(m.entity, f"subject of '{self.span_text(k, k + 1)}' "
                                 f"(triggers.yaml reaction_verbs): reacts to the act, not its doer: '{m.text}'")
        return True

    def subject_of(self, st: Sent, m: Mention, i: int, name: str, near: bool = False) -> int | None:
        """The token of a verb of list ``name`` whose subject ``m`` is, standing before ``i``: SVO, the
        verb between the mention and ``i`` (``near``: right after the mention, only subject fillers
        between and no punctuation); VSO, the mention the first actor after the verb (``near``: no
        أنّ between, which opens a clause of its own: أعلن أنّ الاحتلال ارتكب …), at most
        ``REACTOR_GAP`` + 1 words after it, no comma between, the verb with no plural ending and no
        subject right before it (:meth:`reactor`). None when there is none."""
        keys, L = self.keys, self.L
        for k in range(max(st.lo, m.tok[0] - REACTOR_GAP - 1), i):
            if m.tok[0] <= k < m.tok[1] or not in_list(L, name, keys[k]):
                continue
            svo = k >= m.tok[1] and (not near or (
                all(in_list(L, "subject_fillers", keys[x]) for x in range(m.tok[1], k)) and k - m.tok[1] <= 2
                and not any(ch in self.doc.text[m.end:self.toks[k].start] for ch in "،,.:؛")))
            others = [o for o in st.mentions if o.type in PARTICIPANT_TYPES and o is not m]
            gap = self.doc.text[self.toks[k].end:m.start]
            vso = k < m.tok[0] and not any(ch in gap for ch in "،,.:؛") \
                and not (near and any(self.cue_at(x, "speech_complements", m.tok[0]) for x in range(k + 1, m.tok[0]))) \
                and not keys[k].endswith(letters().plural_verb_endings) \
                and not any(o.tok[1] in (k, k - 1) or k < o.tok[0] < m.tok[0] and not self.governed(o) for o in others)
            if svo or vso:
                return k
        return None

    def outer_agent(self, c: "ArgContext") -> list[str]:
        """No agent in the clause: the actor a relative clause refers to, or the sentence's subject."""
        violent = self.L.mapping[c.t.type].get("violent")
        # a person outside the clause is not the doer of an act of force in it: the one a relative clause
        # refers to (الشهيد X … والذي استشهد إثر تعرضه لقذيفة) is its victim (:meth:`pick_agent`)
        outer = [m for m in self.participants(c.st, c.st.lo, c.lo) if not c.is_target(m) and not self.civilian(m)
                 and self.can_do(c.t.type, m) and not self.speaker(m, c.t.i) and not self.reactor(c, m, c.t.i)
                 and not (violent and m.type == "PERSON")]
        if not outer:
            return []
        m = outer[-1] if self.relative_clause(c.lo) else outer[0]
        c.said(m, "the actor a relative clause refers to" if self.relative_clause(c.lo)
               else "the subject of the sentence outside the trigger's clause")
        return [m.entity]

    def co_agents(self, c: "ArgContext", agent: Mention, between: Mention | None) -> list[str]:
        """Actors joined to the agent by و (قوات النظام والمسلحون الموالون لها وحزب الله); after بين, up to
        the side marker (بين X وY من جهة، وZ من جهة أخرى: X and Y are one side)."""
        side_end = c.hi
        if between is not None:
            side_end = next((k for k in range(between.tok[1], c.hi)
                             if in_list(self.L, "side_markers", self.key(k))), None)
        if side_end is None:
            return []
        out, prev, L = [], agent, letters()
        for m in c.ps:
            if m.start <= prev.start:
                continue
            if between is not None and m.tok[0] >= side_end:
                break
            gap = self.doc.text[prev.end:m.start].strip(" ،,")
            # العدوان الأميركي البريطاني، المحادثات الأميركية الروسية (- between: القمة الروسية - الصينية)
            paired = gap in ("", "-", "–") and m.party_of == prev.party_of and m.party_of in (PARTY_OF_ATTACK, PARTY_OF_TALKS)
            if not paired and (gap not in (L.and_, "") or not starts_with_and(self.key(m.tok[0])) and gap != L.and_):
                break
            if not self.civilian(m) and self.can_do(c.t.type, m):
                out.append(m.entity)
                c.said(m, "a second nationality adjective of the same noun" if paired else "joined to the agent by 'and'")
            prev = m
        return out

    def carried_agents(self, c: "ArgContext", agents: list[str]) -> tuple[list[str], bool]:
        """An unknown doer (مجهولون) clears the agents. None named: for an air strike, the nationality
        adjective of an act of force in the same sentence (غارات … في إطار العدوان الأميركي); else the
        agents of the latest event of the same type or kind a few sentences before, or of the latest
        event (:func:`carried_choice`, parties only: :meth:`carriable`), and for a clash or a capture
        that names no side, the other side of the earlier fighting they come from (``c.sides``; the
        clash goes on between the same sides). An air strike is not given the state force the report
        names most: on seed, dev and annotations/train that guess matched no event it was not matched without, and named
        the wrong side where another country's aircraft struck (issue 8); no agent is better than a
        wrong one."""
        t = c.t
        unknown = [k for k in range(t.j, min(c.hi, t.j + 4)) if in_list(self.L, "unknown_agent", self.key(k))]
        if unknown:
            # nothing is carried to it; but where the unknown word is the doer's own name, read as the agent
            # (برصاص مجهولين، اختطفه مسلحون مجهولون: the knowledge base's unidentified armed group), that
            # actor stays: the gold codes the unidentified group as the doer (annotations/README.md)
            own = [a for a in agents if any(m.entity == a and m.tok[0] <= k < m.tok[1]
                                             for m in c.ps for k in unknown)]
            for a in own:
                c.why[a] = c.why.get(a, "named in the trigger's clause") + \
                    "; the doer named as unknown (triggers.yaml unknown_agent) is this unidentified group"
            return own, False
        if not agents and t.type == "AIRSTRIKE":
            # غارات … خلال العدوان الإسرائيلي: the nationality of an act in the same sentence
            named = [m for m in self.participants(c.st, c.st.lo, c.st.hi) if m.party_of == PARTY_OF_ATTACK
                     and self.can_do(t.type, m)]
            if named:
                c.said(named[0], "the nationality adjective of an act of force in the same sentence")
                return [named[0].entity], True
        if not agents and not c.partner_type and t.type not in self.L.words["no_topic_types_raw"]:
            party = self.fighters_party(c)
            if party:
                return party, True   # named by a pronoun: its name is outside the clause
            fits = self.carriable(t.type)
            at = self.fighter_subject(c)
            if at is not None and self.fighter_irregular(at[0]):
                # irregular fighters whose party is not named near: only such a party is carried to them
                cats, base = self.L.words["irregular_fighter_categories_raw"], fits
                fits = lambda a: base(a) and self.ents[a].category in cats   # noqa: E731
            pick = carried_choice(t.type, self.history, self.L.mapping, self.sent_no, fits)
            if pick is not None:
                topic, sides, why = pick
                for a in topic:
                    c.why.setdefault(a, why)
                if t.type in CLASH_LIKE:   # the other side of the fighting goes on; civilians are no side
                    c.sides = [x for x in sides if x in self.ents and not self.civilian_entity(self.ents[x])]
                return topic, True
        return agents, False

    def fighter_subject(self, c: "ArgContext") -> tuple[int, bool] | None:
        """The token of a fighter noun with a possessive pronoun that is the subject of the trigger
        (triggers.yaml fighter_nouns: أن مجاهديها استهدفوا، استهدف مقاتلوها، استهداف مجاهديها موقعا): right
        before a verb, right after it, or the genitive right after a noun (irregular fighters only:
        :meth:`fighter_irregular`; انسحاب قواتها named a capital or a state told as a place, 1 of 1 wrong on
        the news); with whether its pronoun is
        feminine (ها) or masculine (ه). None when there is none."""
        t, W = c.t, self.L.words
        spots = (t.i - 1, t.j) if t.d.pos == "verb" else (t.j,)
        for k in spots:
            if not c.lo <= k < c.hi or (t.d.pos == "noun" and not self.fighter_irregular(k)):
                continue   # a state's withdrawal of its troops (انسحاب قواتها) names the state as a place
            key = self.key(k)
            for feminine, name in ((True, "fighter_pronouns_feminine"), (False, "fighter_pronouns_masculine")):
                if any(key.endswith(suf) and reads_as(W["fighter_nouns"], key[:-len(suf)]) for suf in W[name]):
                    return k, feminine
        return None

    def fighter_irregular(self, k: int) -> bool:
        """The fighter noun at ``k`` names irregular fighters (triggers.yaml irregular_fighter_nouns)."""
        W, key = self.L.words, self.key(k)
        return any(key.endswith(suf) and reads_as(W["irregular_fighter_nouns"], key[:-len(suf)])
                   for suf in (*W["fighter_pronouns_feminine"], *W["fighter_pronouns_masculine"]))

    def feminine_party(self, m: Mention) -> bool:
        """The head word of the party's mention is feminine for a pronoun's agreement (triggers.yaml
        feminine_endings, feminine_heads: المقاومة، قوات، سرايا القدس), else masculine (حزب الله، الجيش)."""
        W, key = self.L.words, self.key(m.tok[0])
        return key.endswith(tuple(W["feminine_endings"])) or reads_as(W["feminine_heads"], key)

    def fighters_party(self, c: "ArgContext") -> list[str]:
        """No actor in the clause, and its subject is a fighter noun with a possessive pronoun
        (:meth:`fighter_subject`, أكدت في بيانها أن مجاهديها استهدفوا): the party the pronoun points back
        to is the doer, the nearest party named before it, in this sentence or up to ``CARRY_WINDOW``
        sentences back, whose head word agrees with the pronoun (:meth:`feminine_party`) and that may do
        the act (:meth:`carriable`), for irregular fighters (مجاهدو، مقاتلو) a party of
        triggers.yaml irregular_fighter_categories, not a state's troops; not a party named by an adjective of another noun, nor one after a
        preposition (an object). Not the agent carried from the report's previous act, often the other
        side (docs/lexicon-checks.md, Round 32: poss32). Empty when none is found."""
        at = self.fighter_subject(c)
        if at is None:
            return []
        k, feminine = at
        W = self.L.words
        fits, irregular = self.carriable(c.t.type), self.fighter_irregular(k)
        cats = W["irregular_fighter_categories_raw"]
        sents = self.all_sentences
        for n in range(self.sent_no, max(-1, self.sent_no - CARRY_WINDOW - 1), -1):
            found = [m for m in sents[n].mentions if m.type == "ACTOR" and m.entity is not None
                     and m.tok[1] <= k and not m.party_of and not self.governed(m)]
            for m in reversed(found):
                if self.feminine_party(m) == feminine and fits(m.entity) and not (
                        irregular and self.ents[m.entity].category not in cats):
                    c.why.setdefault(m.entity, f"the party the possessive of '{self.span_text(k, k + 1)}' "
                                     f"points back to (triggers.yaml fighter_nouns), the nearest named before "
                                     f"it that agrees with the pronoun: '{m.text}'")
                    return [m.entity]
        return []

    def carriable(self, typ: str):
        """Which earlier agents may be carried to an event of type ``typ`` (entity id → bool): a party
        that can do the act (:meth:`can_do_entity`), not a person. A person is the doer of an act only
        where the clause names them; carried, they were the analyst, envoy or spokesman a long report
        names between its acts (on seed, dev and annotations/train: 1 carried person, wrong)."""
        def fits(a: str) -> bool:
            e = self.ents.get(a)
            return e is not None and e.type != "PERSON" and self.can_do_entity(typ, e)
        return fits

    def objects(self, c: "ArgContext", agent: Mention | None, agents: list[str]) -> tuple[list[str], list[str]]:
        """Targets and partners among the other participants; supporters of the agent join the agents."""
        targets, partners = [], []
        supporter: Mention | None = None
        for m in c.after + [m for m in c.before if m is not agent]:
            joined = supporter is not None and m.start > supporter.start and \
                self.doc.text[supporter.end:m.start].strip(" ،,") == letters().and_
            if m is agent or m.entity in agents:
                if joined:
                    supporter = m   # ومسلحين آخرين موالين لها وعناصر حزب الله: the list goes on
                continue
            if agents and (joined or self.marker(m, "support_markers", c.lo)) and self.can_do(c.t.type, m):
                agents.append(m.entity)   # قوات النظام المدعومة بمسلحين … وعناصر حزب الله: they fight with it
                c.said(m, "listed with the supporters of the agent" if joined
                       else "supports the agent (triggers.yaml support_markers)")
                supporter = m
            elif c.is_partner(m):
                partners.append(m.entity)
                c.said(m, "after a partner marker (triggers.yaml partner_markers)")
            elif c.is_target(m) or m in c.after:
                targets.append(m.entity)
                marked = self.marker(m, c.markers, c.lo)
                hurt = c.hurt(m)
                c.said(m, f"after a target marker (triggers.yaml {c.markers})" if marked else
                       "in a purpose clause after the trigger" if m.tok[0] >= c.purpose else
                       f"named as hurt by the act ('{hurt}', triggers.yaml harm_words) before the word of "
                       f"cause that introduces it (harm_causes): undergoes it, not its doer" if hurt else
                       "owns the facility the act is aimed at" if m.party_of == PARTY_OF_FACILITY else
                       "named after the trigger, not its agent")
        return targets, partners

    def reshape(self, c: "ArgContext", agents: list[str], targets: list[str], partners: list[str],
                carried: bool) -> tuple[list[str], list[str], list[str]]:
        """A passive or inverted trigger swaps doer and undergoer; talks, deals and exchanges have
        parties (partners) and, at most, opponents (targets)."""
        t, why = c.t, c.why
        if t.d.invert or self.near_before(t.i, "passive_markers", 1, c.lo) is not None:
            agents, targets = [], agents
            for x in targets:
                why[x] = ("the trigger is passive (triggers.yaml passive_markers)" if not t.d.invert else
                          "the trigger reads the other way (triggers.yaml invert)") + \
                         f"; what would be its agent undergoes it — {why.get(x, '')}"
        if c.partner_type:
            if t.d.pos == "noun" or carried:
                # talks, deals and exchanges named by a noun have parties, not a doer
                partners = agents + partners
                agents = []
            opponents = {m.entity for m in c.ps if c.is_target(m) and not (t.type == "PRISONER_RELEASE")}
            partners = [x for x in dict.fromkeys(agents + targets + partners) if x not in opponents]
            targets = [x for x in targets if x in opponents] if t.type != "PRISONER_RELEASE" else targets
            for x in partners:
                why[x] = f"a party to the {t.type.lower().replace('_', ' ')} ({why.get(x, 'named in its clause')})"
        return agents, targets, partners


class ArgContext:
    """What the role readers share for one trigger: its clause's participants, the marker lists
    that apply, and the reasons given so far (entity id → why)."""

    def __init__(self, r: Roles, st: Sent, t: Trig, lo: int, hi: int):
        self.r, self.st, self.t, self.lo, self.hi = r, st, t, lo, hi
        self.partner_type = bool(r.L.mapping[t.type].get("partners"))
        self.ps = r.participants(st, lo, hi, talks=self.partner_type)
        self.after = [m for m in self.ps if m.tok[0] >= t.j]
        self.before = [m for m in self.ps if m.tok[1] <= t.i]
        self.markers = "opponent_markers" if self.partner_type else "target_markers"
        self.purpose = r.purpose_at(t, hi)
        self.why: dict[str, str] = {}
        self.sides: list[str] = []   # the other side of the earlier fighting a clash goes on with
        self.refused: dict[str, str] = {}   # actors refused as agent (a reactor), and why
        self.victims: dict[int, str | None] = {}   # id(mention) → the harm word naming it hurt (or None)

    def is_target(self, m: Mention) -> bool:
        """After a target marker, in a purpose clause, or the owner of a facility an act of force is aimed
        at (استهداف القاعدة الأميركية; the owner of a site a deal names is no opponent)."""
        return (self.r.marker(m, self.markers, self.lo) and not self.seizer(m)) or m.tok[0] >= self.purpose or (
            m.party_of == PARTY_OF_FACILITY and not self.partner_type) or self.hurt(m) is not None

    def seizer(self, m: Mention) -> bool:
        """``m`` is the genitive right after a noun of taking that is itself a target marker (سيطرة الحوثيين
        على عدن، منذ سيطرة التنظيم على الموصل): who took the place, not a target. The word marks the
        target of other acts (معارك لمنع سيطرة داعش), not of the taking it names."""
        t = self.t
        if t.type not in SEIZING_TYPES or t.d.pos != "noun" or m.tok[0] != t.j:
            return False
        k = self.r.near_before(m.tok[0], self.markers, 2, self.lo)
        return k is not None and t.i <= k < t.j

    def hurt(self, m: Mention) -> str | None:
        """The harm word that names ``m`` as hurt by the act before it (:meth:`Roles.victim`), once per
        mention. Not for talks and deals, nor for a clash: the side that lost men is one of its fighting
        sides (on annotations/train reading them as hurt there found one gold agent less)."""
        if id(m) not in self.victims:
            self.victims[id(m)] = None if self.partner_type or self.t.type in CLASH_LIKE else self.r.victim(self, m)
        return self.victims[id(m)]

    def is_partner(self, m: Mention) -> bool:
        return self.r.marker(m, "partner_markers", self.lo)

    def said(self, m: Mention | None, reason: str) -> None:
        """Keep the first reason an entity is given its role."""
        if m is not None and m.entity is not None:
            self.why.setdefault(m.entity, f"{reason}: '{m.text}'")


# how near two event types are, for the agent carried from an earlier event (carried_choice)
SAME_TYPE, SAME_KIND, UNRELATED = 2, 1, 0
STRATEGIC = "Strategic developments"   # ACLED's catch-all event_type: its sub_event_type tells the kind
# how many sentences back an event of a near type is preferred to the latest one as the source of a
# carried agent: 3 matched one dev and two train events more than 2, and more than the whole report
# (which on the news took agents from other stories of long reports, 4 worse of 20 read)
CARRY_WINDOW = 3


def type_affinity(a: str, b: str, mapping: dict) -> int:
    """How near event types ``a`` and ``b`` are: the same type; the same kind (ACLED event_type and, for
    its catch-all Strategic developments, sub_event_type: a battle and a capture, a shelling and an
    air strike); else unrelated (an arrest and a shelling, a meeting and a clash, and also a strike
    and an attack on civilians: on annotations/train an agent carried from another act of force was
    right 2 times of 8)."""
    if a == b:
        return SAME_TYPE
    ma, mb = mapping[a], mapping[b]
    if ma["acled"][0] == mb["acled"][0] and (ma["acled"][0] != STRATEGIC or ma["acled"][1] == mb["acled"][1]):
        return SAME_KIND
    return UNRELATED


AFFINITY_WORDS = {SAME_TYPE: "of the same type", SAME_KIND: "of the same kind"}   # the near levels, in a why


def carried_choice(typ: str, history: list[tuple[int, str, list[str], list[str]]], mapping: dict, now: int,
                   fits) -> tuple[list[str], list[str], str] | None:
    """The agents carried to an event of type ``typ`` (in sentence ``now``) that names none, the targets
    of the event they come from when it is fighting of a near type (a clash that goes on between the
    same sides; from the latest event of another kind the sides were 3 of 10 right on the news), and
    why; None when no earlier event gives one. ``history`` holds (sentence number, type, agents, targets) of the
    report's earlier events with agents, in sentence order; ``fits(entity id)`` says whether an agent may do
    this act. The latest event of the same type or kind (:func:`type_affinity`) told at most
    ``CARRY_WINDOW`` sentences before gives its agents: a report that tells an arrest, then a
    shelling by another side, then "and they arrested ten young men", gives the second arrest the
    first one's doer, not the shellers. With none, the latest event's agents are carried, as before:
    on dev and annotations/train an explicit none there lost matched events, and on the news a
    same-type event further back was mostly another story of a long report (docs/lexicon-checks.md).
    When the latest event's agents may not do this act (a person who met), the latest event within
    the window whose agents may gives them; beyond the window only the latest event with agents is
    asked, so nothing is carried from an event told long before (not 40 sentences back).
    """
    best: tuple[tuple[bool, int], list[str], str, int, int, list[str]] | None = None
    # history is in sentence order, so the events within the window are its tail: read back over
    # them (and the latest event), not over every event of a long report (issue 11)
    lo = len(history)
    while lo > 0 and now - history[lo - 1][0] <= CARRY_WINDOW:
        lo -= 1
    for n in range(min(lo, max(len(history) - 1, 0)), len(history)):
        sent, other, agents, targets = history[n]
        recent = now - sent <= CARRY_WINDOW
        if not recent and n != len(history) - 1:
            continue   # beyond the window only the latest event with agents
        ok = [a for a in agents if fits(a)]
        if not ok:
            continue
        level = type_affinity(typ, other, mapping)
        key = (level >= SAME_KIND and recent, n)
        if best is None or key > best[0]:
            best = (key, ok, other, level, sent, targets if other in CLASH_LIKE and key[0] else [])
    if best is None:
        return None
    (near, _), agents, other, level, sent, sides = best
    gap = now - sent
    where = "the sentence before" if gap == 1 else f"{gap} sentences before" if gap > 1 else "this sentence"
    how = AFFINITY_WORDS[level] if near else \
        f"the latest that gives one, none of a near type in the {CARRY_WINDOW} sentences before"
    return agents, sides, f"carried over: the agent of the report's earlier {other} ({where}), {how} " \
                          f"(no actor in this clause)"
