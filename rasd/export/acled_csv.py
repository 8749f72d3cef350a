"""ACLED CSV: one row per record, ACLED's columns in ACLED's order, coded after its codebook.

Conventions (codes and names in ``rasd/knowledge/acled.yaml``):

- ``event_id_cnty``: ISO3 of the event's country and a running number per country in this file
  (ACLED's own numbers are assigned by ACLED); ``XXX`` when no country can be told.  The rasd
  event id is kept in ``tags`` as ``rasd_event=…`` to link a row back to its document.
- ``event_date`` is always a full ISO date (YYYY-MM-DD, as ACLED's API gives it) and
  ``time_precision`` is 1/2/3 for a day/week/month (or year) date; a month-only date is the
  month's first day.  An event with no date of its own takes its earliest source's publication
  date with precision 2 and the tag ``date=publication``; one with neither is not written.
  ``year`` is taken from ``event_date``.
- actor names are those the organisation had in the event's year (knowledge-base rebrands), and
  a person in an actor role is replaced by their organisation (:mod:`rasd.export.actors`);
  ``actor2`` is never ``actor1``.
- ``location`` and admin1–3 are in one language: English (the gazetteer's names of the place and
  its admin units) wherever the place has an English name, else all Arabic.
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
  ``fatalities=unreported`` tells such a 0 apart from a reported zero.  When sources differ the
  lowest figure is coded and ``fatalities_source=…`` names whose it is.
- ``timestamp`` is the Unix time of the export (ACLED's is the time a row was last uploaded);
  pass ``timestamp=`` for a reproducible file.

The file is written with :mod:`csv` (QUOTE_MINIMAL, ``\\r\\n`` rows as in RFC 4180).  ``bom=True``
puts a UTF-8 byte-order mark first so Excel reads the Arabic correctly; open the file with
``newline=""``.
"""
from __future__ import annotations

import csv
import re
import time
from collections import defaultdict
from datetime import date as Date
from typing import Iterable, TextIO

from rasd.arabic.normalize import fold_str
from rasd.errors import RasdError
from rasd.export.actors import resolve, without_own_people
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


_ADMIN_KINDS = ("governorate", "district", "subdistrict")


def _gazetteer():
    """The installed gazetteer, or None where no data is installed (names stay as given); the one
    the data dir's Resources keeps (load_gazetteer unpickles it afresh on every call)."""
    try:
        from rasd.kb.resources import default_resources

        return default_resources().gazetteer
    except RasdError:
        return None


def place_names(place: dict, cb: Codebook) -> tuple[str, str, str, str]:
    """(location, admin1, admin2, admin3) in one language, English as ACLED writes them: the
    place's English name (or the gazetteer's) and the gazetteer's English names of its admin
    units, the codebook's governorate where the gazetteer has none.  A place with no English
    name at all keeps its Arabic name and Arabic admin names, so a row never mixes the two."""
    names: list[str | None] = [None, None, None]
    location = place.get("name_en")
    kb_id = place.get("kb_id")
    gaz = _gazetteer()
    if gaz is not None and kb_id:
        try:
            entry = gaz.get(kb_id)
            location = location or entry.name_en or None
            for unit_id in entry.admin_ids:
                unit = gaz.get(unit_id)
                if unit.kind in _ADMIN_KINDS:     # a world place's chain may name its country
                    names[_ADMIN_KINDS.index(unit.kind)] = unit.name_en or None
            if entry.kind in _ADMIN_KINDS:
                level = _ADMIN_KINDS.index(entry.kind)
                names[level] = names[level] or entry.name_en
        except (KeyError, AttributeError, IndexError):
            pass
    if gaz is not None:   # admin units the place's entry did not give: by their Arabic name
        for i, kind in enumerate(_ADMIN_KINDS):
            if names[i] is None and place.get(f"admin{i + 1}"):
                names[i] = next((c.name_en for c in gaz.lookup(fold_str(place[f"admin{i + 1}"]))
                                 if c.kind == kind and c.name_en), None)
    if not location:
        return (place.get("name_ar") or "", place.get("admin1") or "", place.get("admin2") or "",
                place.get("admin3") or "")
    gov = cb.admin1_of(place.get("admin1")) or cb.admin1_of(names[0])   # ACLED's spelling (Idleb)
    admin1 = gov[1] if gov else (names[0] or "")
    return location, admin1, names[1] or "", names[2] or ""


def admin_names(place: dict, cb: Codebook) -> tuple[str, str, str]:
    """admin1–3 of :func:`place_names`."""
    return place_names(place, cb)[1:]


def write(records: Iterable[dict], out: TextIO, *, bom: bool = False, timestamp: int | None = None) -> int:
    """Write ``records`` as ACLED CSV to ``out``; return the number of rows.

    A record with no date at all (neither its own nor a source's publication date) is not a row
    ACLED data can hold: it is skipped (:class:`rasd.export.select.Tally` counts it)."""
    cb = codebook()
    stamp = int(time.time()) if timestamp is None else timestamp
    numbers: dict[str, int] = defaultdict(int)
    if bom:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for record in records:
        if not event_date(record)[0]:
            continue
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


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def full_date(value: object) -> tuple[str, str] | None:
    """A full YYYY-MM-DD for a date value that may be partial (``2015-07`` → ``2015-07-01``,
    month precision; ``2015`` → ``2015-01-01``, year precision), None when it is no date."""
    m = _PARTIAL.match(str(value or ""))
    if not m:
        return None
    y, mo, d = m[1], m[2], m[3]
    try:
        day = Date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return None
    return day.isoformat(), ("day" if d else "month" if mo else "year")


def event_date(record: dict) -> tuple[str, str | None, bool]:
    """(ISO date YYYY-MM-DD or '', rasd precision, whether it fell back to the publication date).

    Every exporter dates an event this way: the event's own date (a partial one completed to its
    first day, with month/year precision), else its earliest source's publication date (ACLED
    codes a report's date with week precision when the text gives none), else ''."""
    d = record.get("date") or {}
    if isinstance(d, dict) and d.get("value"):
        full = full_date(d["value"])
        if full:
            precision = d.get("precision") if full[1] == "day" else full[1]
            return full[0], precision or "day", False
    published = sorted(f[0] for s in record.get("sources", []) if (f := full_date(s.get("published"))))
    return (published[0] if published else ""), None, True


def sides_on(record: dict, iso_date: str | None) -> tuple[list[dict], list[dict]]:
    """:func:`sides` with organisations named as on ``iso_date`` and persons replaced by their
    organisation (:mod:`rasd.export.actors`); the recipient side never repeats the actor."""
    side1, side2 = sides(record)
    side1 = resolve(side1, iso_date)
    side2 = resolve(without_own_people(side2, side1), iso_date)
    first = side1[:1]
    if first:
        ident = first[0].get("kb_id") or first[0].get("name_en") or first[0].get("name_ar")
        side2 = [p for p in side2 if (p.get("kb_id") or p.get("name_en") or p.get("name_ar")) != ident]
    return side1, side2


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
    iso_date, precision, from_publication = event_date(record)
    side1, side2 = sides_on(record, iso_date)
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
    if names2 and names2[0] == actor1:   # never actor1 == actor2 (say, two civilian sides)
        side2, names2 = side2[1:], names2[1:]
    inter2 = cb.inter(side2[0].get("category"), side2[0].get("country"), iso3) if side2 else None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")

    location, admin1, admin2, admin3 = place_names(place, cb)
    outlets = list(dict.fromkeys(s["outlet"] for s in record.get("sources", []) if s.get("outlet")))
    scales = {cb.source_scale(o, iso3) for o in outlets} or {"Other"}
    tags = []
    if record.get("modality", "asserted") != "asserted":
        tags.append(f"modality={record['modality']}")
    if from_publication:
        tags.append("date=publication")
    if record.get("fatalities") is None:
        tags.append("fatalities=unreported")
    elif (record.get("fatalities_source") or {}).get("outlet") or (record.get("fatalities_source") or {}).get("doc_id"):
        src = record["fatalities_source"]
        tags.append(f"fatalities_source={src.get('outlet') or src.get('doc_id')}")
    tags.append(f"rasd_event={record.get('event_id')}")
    if record.get("correction"):   # an analyst's correction (rasd.store.corrections) is in force
        who = "".join(ch for ch in str(record["correction"].get("author")) if ch not in ";=")
        tags.append(f"corrected_by={who}")
    return {
        "_iso3": iso3,
        "event_date": iso_date,
        "year": iso_date[:4],
        "time_precision": 2 if from_publication else cb.raw["time_precision"].get(precision, 3),
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
        "admin1": admin1,
        "admin2": admin2,
        "admin3": admin3,
        "location": location,
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
        src = record.get("fatalities_source") or {}
        whose = src.get("outlet") or src.get("doc_id")
        parts.append(f"Sources differ on fatalities: {figures}; the lowest"
                     + (f", from {whose}," if whose else "") + " is coded.")
    evidence = [t for s in record.get("sources", []) for t in s.get("evidence", [])]
    parts.extend(dict.fromkeys(evidence))
    return " ".join(parts)
