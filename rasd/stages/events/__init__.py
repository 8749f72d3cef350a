"""Read events: trigger words (knowledge/triggers.yaml) and their arguments from clause structure.

For each sentence: find triggers (not inside an entity name), cut the sentence into clauses at
clause-break words, then for each trigger read
- the agent: after an agent marker (على يد، من قبل); else the subject right after a verb (VSO)
  or the genitive after a noun (قصف قوات النظام، غارات للطيران); else the nearest actor before
  it in the clause (SVO: وكان الجيش قد سيطر); else the agents of the latest event of the
  same type or kind a few sentences before, or of the latest event (تقدمه → the actor of the
  previous advance; an arrest → who made the arrest before, not the shellers told in between),
  with, for a clash that names no side, the other side it goes on with,
- targets (after ضد، على، مع، مواقع …, or the other side of a clash) and partners,
- places: the event's places are the heads of place chains after the trigger; a place that only
  qualifies the one before it (التابعة لـ، شرق X، بريف X) is not an event place of its own, and
  a place after a destination marker (باتجاه، نحو) is none at all; an act of force or an arrest
  whose clause names no place takes the place of the act its clause goes on from (same sentence,
  same doers: اقتحم المسلحون منزلاً بصنعاء واختطفوا نجليه),
- modality (negated / planned / conditional cues before the trigger), attribution (a SOURCE in
  the sentence, or the last one when the sentence continues reported speech), date, fatalities.
One event per place (ACLED); the same event told twice in the report is merged.

One module per job: lexicon, triggers, clauses, roles, places, kinds (air or ground …), modality
(and attribution), dating, fatalities, merge; reader runs them in order.
"""
from __future__ import annotations

from rasd.doc import Doc
from rasd.pipeline import Stage
from rasd.stages.events.lexicon import Lexicon, load_lexicon
from rasd.stages.clauses import break_spellings
from rasd.stages.events.reader import Reader

__all__ = ["Events", "Lexicon", "load_lexicon"]


class Events(Stage):
    name = "events"
    requires = ("sentences", "entities", "entities[PLACE].geo")
    assigns = ("events",)

    def __call__(self, doc: Doc) -> Doc:
        if doc.entities:
            doc.events = Reader(doc, self.resources, self.breaks()).run()
        return doc

    def breaks(self) -> frozenset[str]:
        """The clause-break spellings of the lexicon (rasd.stages.clauses.break_spellings), worked out
        once per lexicon and kept by the stage (by the lexicon's id: a stage unpickled elsewhere
        works them out again), not once per document."""
        L = self.resources.triggers
        kept = self.__dict__.get("_breaks")
        if kept is None or kept[0] != id(L):
            kept = self._breaks = (id(L), break_spellings(L))
        return kept[1]
