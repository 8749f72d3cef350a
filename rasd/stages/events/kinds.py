"""The event type of a trigger: weapons and air-or-ground cues decide between its readings."""
from __future__ import annotations

from rasd.arabic.clitics import reads_as
from rasd.stages.events.clauses import Sent
from rasd.stages.events.triggers import Trig


class Kinds:
    """Typing a trigger (sets its rule, the why of the type)."""

    def type_of(self, st: Sent, t: Trig, lo: int, hi: int) -> str:
        """The event type of a trigger; sets ``t.rule``, the reason (why.type)."""
        d = t.d
        form = f"trigger '{self.span_text(t.i, t.j)}' ({d.pos}, triggers.yaml:{d.line})"
        keys = [self.key(k) for k in range(lo, hi)]
        if d.weapon:
            for typ, cues in self.L.weapon.items():
                k = next((k for k in range(lo, hi) if reads_as(cues, self.key(k))), None)
                if k is not None:
                    t.rule = f"{form} names a weapon; '{self.span_text(k, k + 1)}' in its clause is a " \
                             f"{typ} weapon (triggers.yaml weapon_cues)"
                    return typ
            if not any(reads_as(self.L.words["military_objects"], self.key(k)) for k in range(t.j, min(hi, t.j + 4))):
                return ""   # العقوبات تستهدف أفرادا: targeted, but nobody attacked
            t.rule = f"{form}: {d.type}, a military object follows it"
            return d.type
        if d.air:
            # a bare قصف: air or ground as its clause says, else its sentence, else the sentences around it
            air, ground = self.L.words["air_cues"], self.L.weapon["SHELLING"]
            for where, span in (("its clause", keys), ("its sentence", self.sent_keys(st)),
                                ("the sentences around it", self.near_keys(st))):
                cue = next((k for k in span if reads_as(air, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the air cue '{cue}' in {where} makes it AIRSTRIKE"
                    return "AIRSTRIKE"
                cue = next((k for k in span if reads_as(ground, k)), None)
                if cue is not None:
                    t.rule = f"{form} is air or ground fire; the ground weapon '{cue}' in {where} makes it SHELLING"
                    return "SHELLING"
            t.rule = f"{form} is air or ground fire; no air or ground cue near it: {d.type}"
            return d.type
        t.rule = f"{form} is listed as {d.type}"
        return d.type
