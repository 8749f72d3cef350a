"""Actors as an event-data export names them: organisations on the event's date, no persons.

- A group that renamed itself (``rebrands`` in ``rasd/knowledge/actors.yaml``, each with
  ``from``/``to`` years) is named as it was called in the event's year: a 2015 event of the
  entry ``hts`` is Jabhat al-Nusra, a 2018 one Hay'at Tahrir al-Sham.
- A person is not an ACLED/PLOVER actor: a person in an actor role stands for the organisation
  they were affiliated with that year (``affiliations`` in ``persons.yaml``, first listed
  first), and is left out when none is known.

Participants without a knowledge-base entry pass through unchanged.
"""
from __future__ import annotations

from rasd.kb.knowledge import KbEntry


def _year(iso_date: str | None) -> int | None:
    return int(iso_date[:4]) if iso_date and iso_date[:4].isdigit() else None


def _in(entry: dict, year: int) -> bool:
    lo, hi = entry.get("from"), entry.get("to")
    return (lo is None or int(lo) <= year) and (hi is None or year <= int(hi))


def name_in(entry: KbEntry, year: int | None) -> tuple[str, str]:
    """(English, Arabic) name of an actor in ``year``: the rebrand current then, else the entry's."""
    if year is not None:
        current = [r for r in entry.rebrands if _in(r, year)]
        if current:
            r = current[0]   # oldest first in the file: a year two names share keeps the earlier
            return r.get("name_en") or entry.name_en, r.get("name_ar") or entry.name_ar
    return entry.name_en, entry.name_ar


def _kb_key(kb_id: str | None, kind: str) -> str | None:
    if kb_id and kb_id.startswith(kind + ":"):
        return kb_id.split(":", 1)[1]
    return None


def _kb():
    """The knowledge base the data dir's Resources keeps (load_kb reads the files afresh each call,
    which an export asking once per event cannot afford)."""
    from rasd.kb.resources import default_resources

    return default_resources().kb


def _from_entry(entry: KbEntry, year: int | None, like: dict) -> dict:
    en, ar = name_in(entry, year)
    return {**like, "type": "ACTOR", "kb_id": entry.kb_id, "name_en": en, "name_ar": ar,
            "category": entry.category or like.get("category"),
            "country": like.get("country") if entry.country is None else like.get("country")}


def resolve(participants: list[dict], iso_date: str | None) -> list[dict]:
    """The organisations of one side of an event on ``iso_date``, persons replaced or dropped."""
    kb = _kb()
    year = _year(iso_date)
    out, seen = [], set()
    for p in participants:
        person = _kb_key(p.get("kb_id"), "person")
        if p.get("type") == "PERSON" or person:
            entry = kb.persons.get(person) if person else None
            affs = [a for a in (entry.affiliations if entry else ()) if year is None or _in(a, year)]
            actor = next((kb.actors[a["actor"]] for a in affs if a["actor"] in kb.actors), None)
            if actor is None:
                continue
            p = _from_entry(actor, year, {k: v for k, v in p.items() if k in ("id", "country")})
        else:
            key = _kb_key(p.get("kb_id"), "actor")
            if key and key in kb.actors:
                p = _from_entry(kb.actors[key], year, p)
        ident = p.get("kb_id") or p.get("name_en") or p.get("name_ar")
        if ident in seen:
            continue
        seen.add(ident)
        out.append(p)
    return out


def affiliated(participant: dict) -> set[str]:
    """kb_ids of every organisation a person participant was ever affiliated with (else empty)."""
    person = _kb_key(participant.get("kb_id"), "person")
    entry = _kb().persons.get(person) if person else None
    return {f"actor:{a['actor']}" for a in (entry.affiliations if entry else ())}


def without_own_people(side2: list[dict], side1: list[dict]) -> list[dict]:
    """The recipient side without persons who belong to the actor side (a regime strike does not
    target the regime's own president: that reading is an extraction error, not an event)."""
    ids = {p.get("kb_id") for p in side1 if p.get("kb_id")}
    return [p for p in side2 if not (affiliated(p) & ids)]
