"""Built-ins registered in one place (design §3): stages, sources, exporters.

tests/unit/test_registry.py compares these with a checked-in list.
"""
from __future__ import annotations

from rasd.pipeline import Stage
from rasd.stages import (
    clean,
    corefer,
    events,
    geocode,
    link,
    mentions,
    ner,
    relations,
    sentences,
)

STAGES: dict[str, Stage] = {
    s.name: s
    for s in (
        Stage("clean", clean.run, (), ("text",)),
        Stage("sentences", sentences.run, ("text",), ("sentences",)),
        Stage("mentions", mentions.run, ("sentences",), ("mentions",)),
        Stage("ner", ner.run, ("mentions",), ("ner",)),
        Stage("link", link.run, ("mentions",), ("entities",)),
        Stage("geocode", geocode.run, ("entities",), ("geo",)),
        Stage("corefer", corefer.run, ("geo",), ("places",)),
        Stage("events", events.run, ("places",), ("events",)),
        Stage("relations", relations.run, ("events",), ("relations",)),
    )
}
