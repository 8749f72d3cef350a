"""The event's places: heads of the place chains after (or before) its trigger."""
from __future__ import annotations

from rasd.arabic.clitics import letters, starts_with_and
from rasd.arabic.normalize import fold_str
from rasd.doc import Mention
from rasd.stages.events.clauses import Sent
from rasd.stages.events.lexicon import PLACE_FALLBACK_TYPES

FIRE_TYPES = {"SHELLING", "AIRSTRIKE"}   # projectiles: the event is where they land
from rasd.stages.events.triggers import Trig


class Places:
    """Place chains of a trigger's clause."""

    def places(self, st: Sent, t: Trig, lo: int, hi: int) -> list[list[Mention]]:
        """Place chains: each chain's head is an event place; the rest qualify it.

        Places after a destination marker (باتجاه X) and their qualifiers are not the event's,
        nor are places inside a purpose clause (لصد تقدم الجيش في X).
        """
        hi = self.purpose_at(t, hi)
        pm = [m for m in st.mentions if m.type == "PLACE" and lo <= m.tok[0] < hi]
        after = [m for m in pm if m.tok[0] >= t.j]
        # تعرضت قرى X وY لقصف: with nothing after the trigger, the places before it
        pool = after or self.content_places([m for m in pm if m.tok[1] <= t.i], lo, t.i)
        t.place_rule = "named after the trigger in its clause" if after else "named before the trigger (none after it)"
        if not pool and self.relative_clause(lo) and t.type in PLACE_FALLBACK_TYPES:
            prior = [m for m in st.mentions if m.type == "PLACE" and m.tok[1] <= lo]
            if len(prior) >= 2 and (prior[-1].region or {}).get("direction") \
                    and prior[-1].tok[0] - prior[-2].tok[1] <= 1:
                prior = prior[:-1]   # قرية الرهجان شرق حماة التي …: the village, not its qualifier
            pool = prior[-1:]
            t.fallback_place = bool(pool)
            t.place_rule = f"the place a relative clause refers to ({self.L.relative_example} …)"
        chains: list[list[Mention]] = []
        prev: Mention | None = None
        skipping = False
        # fire aimed somewhere (في اتجاه X): X is its place, and where it came from (من Y) is not
        fire = t.type in FIRE_TYPES and any(self.near_before(m.tok[0], "fire_destination_markers", 2, lo) is not None
                                            for m in pool)
        for m in pool:
            i = m.tok[0]
            coord = prev is not None and self._coordinated(prev, m)
            if fire and self.near_before(i, "fire_destination_markers", 2, lo) is not None:
                skipping = False   # fire lands where it is aimed: the destination is the event's place
                chains.append([m])
                t.place_why[id(m)] = "where the fire was aimed (triggers.yaml fire_destination_markers)"
                prev = m
                continue
            if fire and self.near_before(i, "fire_origin_markers", 1, lo) is not None and not coord:
                skipping, prev = True, m
                continue   # انطلقت من لبنان: where the fire came from
            if self.near_before(i, "destination_markers", 2, lo) is not None and not (coord and not skipping):
                skipping, prev = True, m
                continue
            if skipping:
                gap = fold_str(self.doc.text[prev.end:m.start]).split()
                if not (gap and gap[0] in self.L.words["place_prepositions"]):
                    prev = m
                    continue   # a qualifier of the destination (مطار أبو الظهور شرق إدلب)
                skipping = False
                chains.append([m])
                m_rule = "after a destination, introduced by a place preposition"
                t.place_why[id(m)] = m_rule
            elif prev is not None and not coord:
                chains[-1].append(m)
            else:
                chains.append([m])
            prev = m
        return chains

    def content_places(self, before: list[Mention], lo: int, i: int) -> list[Mention]:
        """The places before a trigger that the reported content names: after the last word that
        opens it (أن، إن … triggers.yaml speech_complements), when any place follows that word;
        the places before it (قال مدير مكتب رويترز في العراق إن …) are the report's frame."""
        k = next((k for k in range(i - 1, lo - 1, -1) if self.cue_at(k, "speech_complements", i)), None)
        if k is None:
            return before
        inside = [m for m in before if m.tok[0] > k]
        return inside or before

    def _coordinated(self, prev: Mention, m: Mention) -> bool:
        """m starts a new place rather than qualifying prev: joined by و or a comma list."""
        i, L = m.tok[0], letters()
        gap = self.doc.text[prev.end:m.start]
        k = self.key(i)
        words = [w for w in fold_str(gap).split() if w.strip("،,-–()\"")]
        if words:
            return words == [L.and_] or words[-1] in (L.and_,)
        if m.region and (m.region.get("direction") and not m.region.get("rif")):
            return False
        if starts_with_and(k) and not k.startswith(L.and_ + L.bi):
            return True
        return any(c in gap for c in "،,") and not k.startswith(L.bi)

    def place_why(self, t: Trig, chain: list[Mention]) -> str:
        head = chain[0]
        out = t.place_why.get(id(head), t.place_rule) + f": '{head.text}'"
        if len(chain) > 1:
            out += "; " + ", ".join(f"'{m.text}'" for m in chain[1:]) + " only qualif" + \
                   ("ies" if len(chain) == 2 else "y") + " it"
        return out
