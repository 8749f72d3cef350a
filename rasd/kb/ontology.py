"""The event ontology (knowledge/ontology.yaml): each type's ACLED and PLOVER mapping.

Read by the events stage (through Resources) and by exporters that fill in a mapping a
document leaves out; neither needs the other.
"""
from __future__ import annotations

from pathlib import Path

from rasd.kb.yamlfile import KNOWLEDGE_DIR, load, require


def event_mapping(entry: dict, state_agent: bool = False) -> dict:
    """An event's ``mapping`` (ACLED event and sub-event type, PLOVER root) from its ontology
    ``entry``; when ``state_agent`` (an agent is a state force) the entry's ``acled_state``
    sub-event type applies where it has one (Government regains territory)."""
    acled = entry.get("acled_state") if state_agent and entry.get("acled_state") else entry["acled"]
    return {"acled": {"event_type": acled[0], "sub_event_type": acled[1]}, "plover": entry["plover"]}


def load_ontology(path: Path | None = None) -> dict[str, dict]:
    """Event type → its entry (``acled``, ``plover``, ``violent`` …); errors name file and line."""
    path = path or KNOWLEDGE_DIR / "ontology.yaml"
    data = load(path)
    require(isinstance(data, list), path, {}, "the file must be a YAML list of event types")
    out: dict[str, dict] = {}
    for o in data:
        require(isinstance(o, dict) and isinstance(o.get("type"), str), path, o if isinstance(o, dict) else {},
                "each entry needs a 'type'")
        require(isinstance(o.get("acled"), list) and len(o["acled"]) == 2, path, o,
                "acled must be [event_type, sub_event_type]")
        require(isinstance(o.get("plover"), str), path, o, "plover must be a string")
        out[o["type"]] = o
    return out
