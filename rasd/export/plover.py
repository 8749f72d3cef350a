"""PLOVER JSON lines: one event object per line, after the PLOVER/POLECAT event fields.

Mapping from a rasd record (modes, contexts and sectors in ``rasd/knowledge/acled.yaml``):

=================  ==========================================================================
``id``             the rasd event id (``doc_id:event id``); ``event_id`` repeats it (POLECAT)
``event_date``     the event's date (YYYY-MM-DD; a partial date completed to its first day), else
                   its earliest source's publication date: the same rule as the ACLED CSV
``date_precision`` rasd date precision (day/week/month/year), null when the date is a fallback
``event_type``     the PLOVER root type of the event (ASSAULT, COERCE, PROTEST, …)
``event_mode``     PLOVER mode for the rasd type (``aerial`` for an airstrike), or null
``event_text``     the evidence sentences, Arabic verbatim (rasd does not translate)
``contexts``       PLOVER contexts for the rasd type (``military``, ``political``, …)
``actor``          first agent, or first partner, named as in the event's year (rebrands), a
                   person replaced by their organisation: ``name`` (English), ``name_raw``
                   (Arabic), ``country`` (ISO3), ``sector`` (from the rasd category), ``kb_id``
``recipient``      first target, or the next partner, same shape; null when none
``recipients``     every target (or every other partner), same shape: PLOVER's recipient
                   list, so a strike on two groups names both
``location``       first place with coordinates (else the first place): ``name``, ``name_raw``,
                   ``country``, ``admin1``, ``admin2``, ``lat``, ``lon``, ``geo_precision``;
                   null when the event has no place
``source``         the outlets, joined by ``; ``; ``publishers`` lists them
``story_date``     earliest publication date of the sources
``story_ids``      the rasd doc_ids the event was read from
``language``       ``ar``
``modality``       rasd modality (PLOVER has none; kept so planned events are not read as facts)
``fatalities``     rasd fatalities (lowest reported figure), or null
=================  ==========================================================================

``event_intensity`` (POLECAT's Goldstein-like score) is not written: rasd has no calibrated
intensity per mode, and a guessed one would look authoritative.
"""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from rasd.export.acled_csv import event_date, first_place, sides_on
from rasd.export.codebook import Codebook, codebook


def _actor(p: dict | None, cb: Codebook) -> dict | None:
    if p is None:
        return None
    return {"name": p.get("name_en") or p.get("name_ar"), "name_raw": p.get("name_ar"),
            "country": p.get("country"), "sector": cb.raw["plover"]["sectors"].get(p.get("category")),
            "kb_id": p.get("kb_id")}


def event_of(record: dict, cb: Codebook) -> dict:
    """The PLOVER object of one record."""
    iso_date, precision, from_publication = event_date(record)
    side1, side2 = sides_on(record, iso_date)
    place = first_place(record)
    sources = record.get("sources", [])
    published = sorted(str(s["published"])[:10] for s in sources if s.get("published"))
    outlets = list(dict.fromkeys(s["outlet"] for s in sources if s.get("outlet")))
    rasd_type = record.get("type")
    return {
        "id": record.get("event_id"),
        "event_id": record.get("event_id"),
        "event_date": iso_date or None,
        "date_precision": None if from_publication else precision,
        "event_type": record.get("plover"),
        "event_mode": cb.raw["plover"]["modes"].get(rasd_type),
        "event_text": " ".join(dict.fromkeys(t for s in sources for t in s.get("evidence", []))),
        "contexts": list(cb.raw["plover"]["contexts"].get(rasd_type, [])),
        "actor": _actor(side1[0] if side1 else None, cb),
        "recipient": _actor(side2[0] if side2 else None, cb),
        "recipients": [_actor(p, cb) for p in side2],
        "location": None if not place else {
            "name": place.get("name_en") or place.get("name_ar"), "name_raw": place.get("name_ar"),
            "country": place.get("country"), "admin1": place.get("admin1"), "admin2": place.get("admin2"),
            "lat": place.get("lat"), "lon": place.get("lon"), "geo_precision": place.get("precision")},
        "source": "; ".join(outlets),
        "publishers": outlets,
        "story_date": published[0] if published else None,
        "story_ids": list(dict.fromkeys(s.get("doc_id") for s in sources)),
        "language": "ar",
        "modality": record.get("modality"),
        "fatalities": record.get("fatalities"),
    }


def write(records: Iterable[dict], out: TextIO) -> int:
    """Write one PLOVER JSON object per line to ``out``; return the number of lines."""
    cb = codebook()
    n = 0
    for record in records:
        out.write(json.dumps(event_of(record, cb), ensure_ascii=False) + "\n")
        n += 1
    return n
