"""Built-ins registered in one place (design §3): stages, sources, exporters.

tests/unit/test_registry.py compares these with a checked-in list.
"""
from __future__ import annotations

from rasd.pipeline import Stage
from rasd.stages.clean import Clean
from rasd.stages.corefer import Corefer
from rasd.stages.eventcoref import EventCoref
from rasd.stages.evdecide import EventDecision
from rasd.stages.events import Events
from rasd.stages.geocode import Geocode
from rasd.stages.link import Link
from rasd.stages.mentions import Mentions
from rasd.stages.ner import Ner
from rasd.stages.open_actors import OpenActors
from rasd.stages.open_places import OpenPlaces
from rasd.stages.place_context import PlaceContext
from rasd.stages.phrases import Phrases
from rasd.stages.relations import Relations
from rasd.stages.roster import Roster
from rasd.stages.sentences import Sentences
from rasd.stages.worthiness import Worthiness

STAGES: dict[str, type[Stage]] = {
    s.name: s for s in (Clean, Sentences, Mentions, OpenPlaces, OpenActors, Ner, Link, Geocode, PlaceContext,
                        Corefer, Events, Worthiness, EventCoref, EventDecision, Roster, Relations,
                        Phrases)
}
