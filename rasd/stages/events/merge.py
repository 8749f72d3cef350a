"""One event told twice is one event: a fight that ends in a capture, a lead repeated in the body."""
from __future__ import annotations

from rasd.doc import Event, number_events
from rasd.stages.events.dating import apart_in_time, day_span


class Merge:
    """Folding and merging the events of a report, each merge with its why."""

    def fold_clash_into_capture(self, evs: list[Event]) -> list[Event]:
        """A fight that ends in a capture is one TERRITORY_TAKEN (ontology, "How many events")."""
        taken = {tuple(e.places) for e in evs if e.type == "TERRITORY_TAKEN"}
        return [e for e in evs if not (e.type == "ARMED_CLASH" and (tuple(e.places) in taken or not e.places)
                                       and taken)]

    def same_event(self, o: Event, e: Event) -> str | None:
        """Why ``e`` is ``o`` told again, or None when it is another event."""
        if o.type != e.type or bool(o.extra.get("running_total")) != bool(e.extra.get("running_total")):
            return None   # a war's running total is no retelling of one death, nor one of it
        same_sentence = e.evidence[0] in o.evidence
        if same_sentence and not e.places and o.places and set(e.agents) <= set(o.agents) and e.agents:
            # ضمن عملية عسكرية: the placeless mention of the advance told in the same sentence
            return "the same sentence names it again without a place, by the same agents"
        if o.places != e.places or (o.modality != e.modality and not same_sentence):
            return None
        if self.L.mapping[e.type].get("partners"):
            a, b = set(o.partners), set(e.partners)
            # a later, vaguer mention (a subset of the parties) refers back to the fuller one
            dated = (o.date or {}).get("text"), (e.date or {}).get("text")
            # two talks with shared parties are one unless one is dated and the other not (اجتماع يوم الخميس)
            if not b:
                return None
            if b <= a:
                return "same type and place; its parties are among the first telling's"
            if same_sentence and a & b:
                return "same type, place and sentence; the parties overlap"
            if len(a & b) >= 2 and (dated[0] is None) == (dated[1] is None):
                return "same type and place; two or more parties in common"
            return None
        if not (set(o.agents) == set(e.agents) or not e.agents or not o.agents):
            return None
        if self._other_day(o, e):
            return None
        if set(o.targets) & set(e.targets):
            return "same type and place, agents agree, a target in common"
        if set(o.agents) & set(e.agents):
            return "same type, place and agents"
        if not (o.targets or e.targets):
            return "same type and place, agents agree (one names none), no targets"
        return None

    def _other_day(self, o: Event, e: Event) -> bool:
        """Two tellings of a violent act dated to two different days are two acts (the settlers' attack at
        dawn today and their attack on the village on Saturday; a shelling today and one last Monday): the
        date test eventcoref's rank.decide ("different dates") applies, here to exact days only; one
        undated telling may be either."""
        if not self.L.mapping[e.type].get("violent"):
            return False
        return apart_in_time(day_span(o.date), day_span(e.date))

    @staticmethod
    def record_merge(twin: Event, e: Event, reason: str) -> None:
        """Keep in the twin's why the telling merged into it, and why the roles it adds have them."""
        why, other = twin.extra["why"], e.extra["why"]
        told = {"evidence": list(e.evidence[0]), "trigger": list(e.trigger) if e.trigger else None, "why": reason}
        why.setdefault("merged", []).extend([told, *other.get("merged", [])])
        for role in ("agents", "targets", "partners"):
            for x, r in other[role].items():
                why[role].setdefault(x, r + " (in a merged telling)")
        if why.get("fatalities") is None and other.get("fatalities"):
            why["fatalities"] = other["fatalities"] + " (in a merged telling)"
        if twin.attribution is None and e.attribution:
            why["attribution"] = other["attribution"] + " (in a merged telling)"
        if twin.modality != e.modality and "planned" in (twin.modality, e.modality) and twin.modality != "planned":
            why["modality"] = other["modality"] + " (in a merged telling)"

    def merge_repeats(self, evs: list[Event]) -> list[Event]:
        """The same event told twice (a lead repeated in the body) becomes one with both sentences."""
        out: list[Event] = []
        # :meth:`same_event` joins only events of one type and one place list, or a placeless telling
        # to one of its type told in the same sentence: those are the candidates, looked up, not every
        # earlier event read (a long document costs its repeats, not every pair: issue 11)
        by_place: dict[tuple, list[int]] = {}
        by_sentence: dict[tuple, list[int]] = {}
        pos: dict[int, int] = {}     # id(event) → its index in out
        for e in evs:
            near = by_place.get((e.type, tuple(e.places)), [])
            if not e.places and e.evidence:
                near = sorted({*near, *by_sentence.get((e.type, e.evidence[0]), ())})
            twins = [(out[i], r) for i in near if (r := self.same_event(out[i], e))]
            # a repeat within its own sentence first (إعادة إحياء … وغرفة عمليات: one planned alliance)
            twin, reason = next(((o, r) for o, r in twins if e.evidence[0] in o.evidence),
                                twins[0] if twins else (None, None))
            if twin is None:
                pos[id(e)] = len(out)
                by_place.setdefault((e.type, tuple(e.places)), []).append(len(out))
                for ev in e.evidence:
                    by_sentence.setdefault((e.type, ev), []).append(len(out))
                out.append(e)
                continue
            at = pos[id(twin)]
            for ev in set(e.evidence) - set(twin.evidence):
                by_sentence.setdefault((twin.type, ev), []).append(at)
            self.fold_into(twin, e, reason)
        return number_events(out)

    def fold_into(self, twin: Event, e: Event, reason: str) -> None:
        """``e`` told again as ``twin``: its sentences, parties, figure and attribution join the twin."""
        self.record_merge(twin, e, reason)
        if twin.modality != e.modality and "planned" in (twin.modality, e.modality):
            twin.modality = "planned"
        twin.evidence = sorted(set(twin.evidence) | set(e.evidence))
        for f in ("agents", "targets", "partners"):
            setattr(twin, f, list(dict.fromkeys(getattr(twin, f) + getattr(e, f))))
        if twin.fatalities is None:
            twin.fatalities = e.fatalities
        twin.attribution = twin.attribution or e.attribution
