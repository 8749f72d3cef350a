"""ACLED CSV: one row per record, ACLED's columns in ACLED's order, coded after its codebook.

Conventions (codes and names in ``rasd/knowledge/acled.yaml``):

- ``event_id_cnty``: ISO3 of the event's country and a running number per country in this file
  (ACLED's own numbers are assigned by ACLED); ``XXX`` when no country can be told.  The rasd
  event id is kept in ``tags`` as ``rasd_event=…`` to link a row back to its document.
- ``event_date`` is ISO (YYYY-MM-DD, as ACLED's API gives it) and ``time_precision`` is 1/2/3 for a
  day/week/month date.  An event with no date of its own takes its first source's publication
  date with precision 2 and the tag ``date=publication``.
- ``actor1`` is the first agent (for a partner-only event such as an agreement, the first
  partner), the others go to ``assoc_actor_1``; ``actor2`` likewise from the targets (or the
  other partners).  Names are English where known, else Arabic.  A violent event with no named
  agent gets ACLED's "Unidentified Armed Group (Country)"; protests and riots always have
  "Protesters/Rioters (Country)" as actor1 with the named groups as associates.
- ``inter`` codes come from the actor category; a state actor from another country is 8.
  ``interaction`` joins both codes, lower first (``12``), or the sole code and 0 (``20``).
- ``source_scale`` is National / Regional / International per outlet (relative to the event's
  country) or Other for an unknown outlet; several scales are joined with ``-`` (ACLED style).
- ``notes`` is an English template sentence followed by the Arabic evidence, verbatim.
- ``fatalities`` is an integer, 0 when none is reported (ACLED's convention); the tag
  ``fatalities=unreported`` tells such a 0 apart from a reported zero.
- ``timestamp`` is the Unix time of the export (ACLED's is the time a row was last uploaded);
  pass ``timestamp=`` for a reproducible file.

The file is written with :mod:`csv` (QUOTE_MINIMAL, ``\\r\\n`` rows as in RFC 4180).  ``bom=True``
puts a UTF-8 byte-order mark first so Excel reads the Arabic correctly; open the file with
``newline=""``.
"""
from __future__ import annotations

import csv
import time
from collections import defaultdict
from datetime import date as Date
from typing import Iterable, TextIO

from rasd.export.codebook import Codebook, codebook

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp")
UNKNOWN_COUNTRY = "XXX"
_SCALES = ("National", "Regional", "International", "Other")
# English month names, not strftime's %B, which follows the process locale.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def write(records: Iterable[dict], out: TextIO, *, bom: bool = False, timestamp: int | None = None) -> int:
    """Write ``records`` as ACLED CSV to ``out``; return the number of rows."""
    cb = codebook()
    stamp = int(time.time()) if timestamp is None else timestamp
    numbers: dict[str, int] = defaultdict(int)
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for record in records:
        row = row_of(record, cb)
        iso3 = row.pop("_iso3")
        numbers[iso3] += 1
        row["event_id_cnty"] = f"{iso3}{numbers[iso3]}"
        row["timestamp"] = stamp
        writer.writerow(row)
        n += 1
    return n


def first_place(record: dict) -> dict:
    """The place a one-location format codes: the first with coordinates, else the first."""
    places = record.get("places") or []
    return next((p for p in places if p.get("lat") is not None and p.get("lon") is not None),
                places[0] if places else {})


def event_date(record: dict) -> tuple[str, str | None, bool]:
    """(ISO date, rasd precision, whether it fell back to the publication date)."""
    d = record.get("date") or {}
    if d.get("value"):
        return str(d["value"])[:10], d.get("precision"), False
    published = next((s.get("published") for s in record.get("sources", []) if s.get("published")), None)
    return (str(published)[:10] if published else ""), None, True


def _actor_name(p: dict, country_name: str, cb: Codebook) -> str:
    fixed = cb.raw["inter"]["category_names"].get(p.get("category"))
    return fixed.format(country=country_name) if fixed else (p.get("name_en") or p.get("name_ar") or "")


def sides(record: dict) -> tuple[list[dict], list[dict]]:
    """(actor side, recipient side): agents and targets, or for a partner-only event the first
    partner and the rest."""
    agents, targets, partners = (record.get(k) or [] for k in ("agents", "targets", "partners"))
    side1 = agents or partners[:1]
    side2 = targets or [p for p in partners if p not in side1]
    return side1, side2


def row_of(record: dict, cb: Codebook) -> dict:
    """The ACLED row of one record, without its number and timestamp (``_iso3`` is the country)."""
    acled = record.get("acled") or {}
    spec = cb.event_type(acled.get("event_type"))
    place = first_place(record)
    iso3 = place.get("country") or UNKNOWN_COUNTRY
    country = cb.country(iso3)
    country_name = country.get("name", "")
    side1, side2 = sides(record)
    names1 = [_actor_name(p, country_name, cb) for p in side1]
    names2 = [_actor_name(p, country_name, cb) for p in side2]
    default = spec.get("default_actor1")
    if default and (spec.get("crowd") or not side1):
        actor1, assoc1, inter1 = default["name"].format(country=country_name), names1, default["inter"]
    elif side1:
        actor1, assoc1 = names1[0], names1[1:]
        inter1 = cb.inter(side1[0].get("category"), side1[0].get("country"), iso3)
    else:
        actor1, assoc1, inter1 = "", [], None
    inter2 = cb.inter(side2[0].get("category"), side2[0].get("country"), iso3) if side2 else None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")

    iso_date, precision, from_publication = event_date(record)
    admin1 = cb.admin1_of(place.get("admin1"))
    outlets = list(dict.fromkeys(s["outlet"] for s in record.get("sources", []) if s.get("outlet")))
    scales = {cb.source_scale(o, iso3) for o in outlets} or {"Other"}
    tags = []
    if record.get("modality", "asserted") != "asserted":
        tags.append(f"modality={record['modality']}")
    if from_publication:
        tags.append("date=publication")
    if record.get("fatalities") is None:
        tags.append("fatalities=unreported")
    tags.append(f"rasd_event={record.get('event_id')}")
    if record.get("correction"):   # an analyst's correction (rasd.store.corrections) is in force
        who = "".join(ch for ch in str(record["correction"].get("author")) if ch not in ";=")
        tags.append(f"corrected_by={who}")
    return {
        "_iso3": iso3,
        "event_date": iso_date,
        "year": iso_date[:4],
        "time_precision": cb.raw["time_precision"].get(precision, 2 if from_publication else 3),
        "disorder_type": cb.disorder_type(acled.get("event_type"), acled.get("sub_event_type")),
        "event_type": acled.get("event_type", ""),
        "sub_event_type": acled.get("sub_event_type", ""),
        "actor1": actor1,
        "assoc_actor_1": "; ".join(assoc1),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": names2[0] if names2 else "",
        "assoc_actor_2": "; ".join(names2[1:]),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if any(p.get("category") == "civilians"
                                                          for p in record.get("targets") or []) else "",
        "iso": country.get("iso", ""),
        "region": country.get("region", ""),
        "country": country_name,
        "admin1": admin1[1] if admin1 else (place.get("admin1") or ""),
        "admin2": place.get("admin2") or "",
        "admin3": place.get("admin3") or "",
        "location": place.get("name_en") or place.get("name_ar") or "",
        "latitude": "" if place.get("lat") is None else place["lat"],
        "longitude": "" if place.get("lon") is None else place["lon"],
        "geo_precision": place.get("precision") or "",
        "source": "; ".join(outlets),
        "source_scale": "-".join(s for s in _SCALES if s in scales),
        "notes": notes(record, actor1, names2[0] if names2 else "", place, iso_date, cb),
        "fatalities": record.get("fatalities") or 0,
        "tags": "; ".join(tags),
    }


def _long_date(iso: str) -> str:
    try:
        d = Date.fromisoformat(iso)
    except ValueError:
        return iso or "an unknown date"
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def notes(record: dict, actor1: str, actor2: str, place: dict, iso_date: str, cb: Codebook) -> str:
    """ACLED-style notes: an English sentence from a template, then the Arabic evidence verbatim."""
    verbs = cb.raw["verbs"].get(record.get("type"), {"with": "acted against", "alone": "acted"})
    sentence = f"On {_long_date(iso_date)}, {actor1 or 'an unidentified actor'} "
    sentence += f"{verbs['with']} {actor2}" if actor2 else verbs["alone"]
    location = place.get("name_en") or place.get("name_ar")
    sentence += f" in {location}." if location else "."
    parts = [sentence]
    if record.get("modality") in cb.raw["modality_notes"]:
        parts.append(cb.raw["modality_notes"][record["modality"]])
    if "fatalities" in record.get("differences", {}):
        figures = ", ".join(f"{e['value']} ({e.get('outlet') or e.get('doc_id')})"
                            for e in record["differences"]["fatalities"])
        parts.append(f"Sources differ on fatalities: {figures}; the lowest is coded.")
    evidence = [t for s in record.get("sources", []) for t in s.get("evidence", [])]
    parts.extend(dict.fromkeys(evidence))
    return " ".join(parts)
