"""The population a report names in passing is no party (runs after the events are decided).

Reports name the population of a place or a war at large: its residents, citizens, displaced and
refugees (السكان، الأهالي، المواطنين، النازحين، اللاجئين) as background (the return of the displaced,
a ministry's appeal to citizens, the suffering of the residents). Such a word makes a mention of
the civilians actor (actors.yaml ``civilians``), and that actor is a party of the report only when
an act is done to them or by them. So a civilians entity that no event takes as an agent, a target
or a partner, and whose every mention is one of these population nouns (open_actors.yaml
``population``), is dropped, with a warning giving its reason. Civilians named otherwise (a count,
مدنيين, a described victim such as رضيع فلسطيني) stay: they are a report's victims even where no
event was read.

The gold of every annotated part keeps civilians as actors only as event participants (annotations/
README.md; 123 of 128 civilians actors of annotations/train are an event's participants).
"""
from __future__ import annotations

from rasd.arabic.normalize import fold_str
from rasd.doc import Doc
from rasd.pipeline import Stage


def dropped(doc: Doc, actor: str, population: frozenset[str]) -> list[str]:
    """Drop the entities of ``actor`` (a kb id) that no event names and that are named only by
    ``population`` words (folded); return the warnings saying which and why."""
    named = {p for ev in doc.events for p in (*ev.agents, *ev.targets, *ev.partners)}
    out, keep = [], []
    for e in doc.entities:
        words = [fold_str(m.text) for m in e.mentions]
        if e.type == "ACTOR" and e.kb_id == actor and e.id not in named and words \
                and all(w in population for w in words):
            shown = ", ".join(sorted({m.text for m in e.mentions}))
            out.append(f"bystanders: dropped {e.id} {e.name_ar} ('{shown}'): the population named in "
                       f"passing, no event's party (open_actors.yaml population)")
        else:
            keep.append(e)
    doc.entities = keep
    return out


class Bystanders(Stage):
    """Drops the civilians the report names only as a population and no event takes (module docstring)."""

    name = "bystanders"
    requires = ("entities", "events")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        forces = self.resources.open_actors
        if doc.entities and forces.population and forces.victims_actor:
            doc.warnings.extend(dropped(doc, "actor:" + forces.victims_actor, forces.population))
        return doc
