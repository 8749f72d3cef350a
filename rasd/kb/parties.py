"""The party of a country a report names by name: what a nationality adjective (القصف الإسرائيلي)
stands for. Used by rasd.stages.open_actors and again by rasd.stages.link once the report's
in_context names are read."""
from __future__ import annotations


def named_party(mentions, kb, country: str) -> str | None:
    """The kb id of ``country``'s force or government that ``mentions`` name by name (the most named;
    a force before a government: الاحتلال الإسرائيلي … القصف الإسرائيلي), None when they name none. A
    nationality adjective (``party_of``) names no one by name."""
    named: dict[str, int] = {}
    for m in mentions:
        e = kb.get(m.kb_id) if m.type == "ACTOR" and m.kb_id and not m.party_of else None
        if e is not None and e.country == country and e.category in ("state_force", "government"):
            named[e.kb_id] = named.get(e.kb_id, 0) + 1
    return max(named, key=lambda x: (kb.get(x).category == "state_force", named[x])) if named else None
