"""Who did it to whom: agents, targets and partners of a trigger, each with why it has its role."""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.arabic.tokens import stems
from rasd.doc import Mention
from rasd.stages.events.clauses import Sent
from rasd.stages.events.lexicon import AIR_CAPABLE, INSTRUMENT_TYPES, PARTICIPANT_TYPES, in_list
from rasd.stages.events.triggers import Trig


class Roles:
    """The participants of a trigger's clause and their roles."""

    def marker(self, m: Mention, name: str, lo: int) -> bool:
        i = m.tok[0]
        k = self.key(i)
        pre = k[:len(k) - len(stems(k)[-1][1])] if stems(k) else ""
        return self.near_before(i, name, 2, lo) is not None or (
            name == "target_markers" and any(w in pre for w in self.L.words["attached_target_markers"]))

    def participants(self, st: Sent, lo: int, hi: int) -> list[Mention]:
        return [m for m in st.mentions if m.type in PARTICIPANT_TYPES and lo <= m.tok[0] < hi
                and m.entity not in self.reporters]

    def purpose_at(self, t: Trig, hi: int) -> int:
        """First token of a purpose clause after the trigger (لصد تقدم الجيش …), else hi."""
        for k in range(t.j, hi):
            if in_list(self.L, "purpose_words", self.key(k)):
                return k
        return hi

    def instrument(self, t: Trig) -> bool:
        """A noun trigger with the instrumental ب (بصواريخ، بالمدفعية، بالبراميل)."""
        return t.d.pos == "noun" and "ب" in self.key(t.i)[:t.prefix] and t.d.type in INSTRUMENT_TYPES

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
        return e is not None and e.category == "civilians"

    def plural_verb(self, t: Trig) -> bool:
        """A verb that carries its (plural) subject (استهدفوا، هاجموا): the actor after it is an object."""
        return self.key(t.j - 1).endswith(("وا", "ون")) and t.j - t.i == 1

    def governed(self, m: Mention) -> bool:
        """The mention carries a preposition (لقوات، بالجيش): an object, never a verb's subject."""
        pre = fold_str(self.doc.text[self.toks[m.tok[0]].start:m.start])
        return any(c in pre for c in "بلك")

    def args(self, st: Sent, t: Trig, lo: int, hi: int):
        """(agents, targets, partners, carried, why): entity ids by role, and why each has its role."""
        why: dict[str, str] = {}

        def said(m: Mention | None, reason: str) -> None:
            if m is not None and m.entity is not None:
                why.setdefault(m.entity, f"{reason}: '{m.text}'")
        ps = self.participants(st, lo, hi)
        after = [m for m in ps if m.tok[0] >= t.j]
        before = [m for m in ps if m.tok[1] <= t.i]
        partner_type = bool(self.L.mapping[t.type].get("partners"))
        markers = "opponent_markers" if partner_type else "target_markers"
        is_target = lambda m: self.marker(m, markers, lo) or m.tok[0] >= purpose  # noqa: E731
        is_partner = lambda m: self.marker(m, "partner_markers", lo)  # noqa: E731
        purpose = self.purpose_at(t, hi)
        lam = lambda m: self.key(m.tok[0]).startswith("ل")  # noqa: E731
        agent: Mention | None = next((m for m in ps if self.marker(m, "agent_markers", lo)), None)
        said(agent, "after an agent marker (triggers.yaml agent_markers)")
        between = None
        if agent is None:   # اشتباكات بين X و Y
            between = next((m for m in after if self.near_before(m.tok[0], "between", 3, t.j) is not None),
                           None)
            agent = between
            said(agent, "the first side after 'between' (triggers.yaml between)")
        if agent is None and t.d.pos == "verb" and before:
            # SVO: the actor right before the verb (وكانت جبهة النصرة قد خطفت …) is its subject
            m = before[-1]
            gap = range(m.tok[1], t.i)
            if len(gap) <= 2 and all(in_list(self.L, "subject_fillers", self.key(k)) for k in gap) \
                    and not is_target(m) and not self.governed(m) and self.can_do(t.type, m):
                agent = m
                said(agent, "subject right before the verb")
        if agent is None and after:
            # VSO subject after a verb, genitive after a noun (قصف قوات النظام، غارات للطيران)
            m = after[0]
            window = 6 if t.d.pos == "verb" else 4
            if m.tok[0] - t.j <= window and not is_target(m) and not is_partner(m) \
                    and not (t.d.recipient_lam and lam(m)) and not (t.d.pos == "verb" and self.plural_verb(t)) \
                    and not (t.d.pos == "verb" and self.governed(m)):
                agent = m
                said(agent, "subject right after the verb" if t.d.pos == "verb" else "genitive after the noun")
        if agent is None:
            # SVO: the first actor of the clause that is not an object
            agent = next((m for m in before if not is_target(m) and not is_partner(m) and not self.civilian(m)
                          and self.can_do(t.type, m)), None)
            said(agent, "the first actor of the clause before the trigger that is not an object")
        if agent is not None and (self.civilian(agent) or not self.can_do(t.type, agent)):
            why.pop(agent.entity, None)   # a civilian, or one that cannot do this (an air strike by a militia)
            agent = None
        agents = [agent.entity] if agent else []
        if not agents and not (partner_type and t.d.pos == "noun"):
            outer = [m for m in self.participants(st, st.lo, lo) if not is_target(m) and not self.civilian(m)
                     and self.can_do(t.type, m)]
            if outer:   # a relative clause refers to what was just named; otherwise the sentence subject
                m = outer[-1] if self.relative_clause(lo) else outer[0]
                agents = [m.entity]
                said(m, "the actor a relative clause refers to" if self.relative_clause(lo)
                     else "the subject of the sentence outside the trigger's clause")
        side_end = hi
        if between is not None:   # بين X وY من جهة، وZ من جهة أخرى: X and Y are one side
            side_end = next((k for k in range(between.tok[1], hi) if in_list(self.L, "side_markers", self.key(k))),
                            None)
        if agent is not None and side_end is not None:   # قوات النظام والمسلحون الموالون لها وحزب الله: co-agents
            prev = agent
            for m in ps:
                if m.start <= prev.start:
                    continue
                if between is not None and m.tok[0] >= side_end:
                    break
                gap = self.doc.text[prev.end:m.start].strip(" ،,")
                if gap not in ("و", "") or not self.key(m.tok[0]).startswith("و") and gap != "و":
                    break
                if not self.civilian(m) and self.can_do(t.type, m):
                    agents.append(m.entity)
                    said(m, "joined to the agent by 'and'")
                prev = m
        carried = False
        unknown = any(in_list(self.L, "unknown_agent", self.key(k)) for k in range(t.j, min(hi, t.j + 4)))
        if unknown:
            agents = []
        if not agents and self.topic and not partner_type and not unknown \
                and t.type not in self.L.words["no_topic_types_raw"]:
            topic = [a for a in self.topic if a in self.ents and self.can_do_entity(t.type, self.ents[a])]
            if topic:
                agents, carried = topic, True
                for a in topic:
                    why.setdefault(a, "carried over: the agent of the report's previous event (no actor in this clause)")
        if not agents and t.type == "AIRSTRIKE" and self.air_force and not unknown:
            agents, carried = [self.air_force], True   # the one air force the report names
            why.setdefault(self.air_force, "the state force the report names most: an air strike with no "
                                           "named agent is its air force's")
        targets, partners = [], []
        supporter: Mention | None = None
        for m in after + [m for m in before if m is not agent]:
            joined = supporter is not None and m.start > supporter.start and \
                self.doc.text[supporter.end:m.start].strip(" ،,") == "و"
            if m is agent or m.entity in agents:
                if joined:
                    supporter = m   # ومسلحين آخرين موالين لها وعناصر حزب الله: the list goes on
                continue
            if agents and (joined or self.marker(m, "support_markers", lo)) and self.can_do(t.type, m):
                agents.append(m.entity)   # قوات النظام المدعومة بمسلحين … وعناصر حزب الله: they fight with it
                said(m, "listed with the supporters of the agent" if joined
                     else "supports the agent (triggers.yaml support_markers)")
                supporter = m
            elif is_partner(m):
                partners.append(m.entity)
                said(m, "after a partner marker (triggers.yaml partner_markers)")
            elif is_target(m) or m in after:
                targets.append(m.entity)
                said(m, "in a purpose clause after the trigger" if m.tok[0] >= purpose and not
                     self.marker(m, markers, lo) else f"after a target marker (triggers.yaml {markers})"
                     if self.marker(m, markers, lo) else "named after the trigger, not its agent")
        if t.d.invert or self.near_before(t.i, "passive_markers", 1, lo) is not None:
            agents, targets = [], agents
            for x in targets:
                why[x] = ("the trigger is passive (triggers.yaml passive_markers)" if not t.d.invert else
                          "the trigger reads the other way (triggers.yaml invert)") + \
                         f"; what would be its agent undergoes it — {why.get(x, '')}"
        if self.L.mapping[t.type].get("partners"):
            if t.d.pos == "noun" or carried:
                # talks, deals and exchanges named by a noun have parties, not a doer
                partners = agents + partners
                agents = []
            opponents = {m.entity for m in ps if is_target(m) and not (t.type == "PRISONER_RELEASE")}
            partners = [x for x in dict.fromkeys(agents + targets + partners) if x not in opponents]
            targets = [x for x in targets if x in opponents] if t.type != "PRISONER_RELEASE" else targets
            for x in partners:
                why[x] = f"a party to the {t.type.lower().replace('_', ' ')} ({why.get(x, 'named in its clause')})"
        agents, targets, partners = (list(dict.fromkeys(agents)), list(dict.fromkeys(targets)),
                                     list(dict.fromkeys(partners)))
        roles = {role: {x: why.get(x, "named in the trigger's clause") for x in ids}
                 for role, ids in (("agents", agents), ("targets", targets), ("partners", partners))}
        return agents, targets, partners, carried, roles
