"""Flat event records: one per event of a ``rasd.document/1``, the input of every exporter.

A record resolves the event's entity ids to names, cuts its evidence sentences out of the text
and carries its source, so an exporter never needs the document.  Beyond the fields of the
brief, participants and places carry ``country`` (ISO3 or None: the entity's own ``country``
field, else a country word in its name, else for a place its governorate) and each source
carries the ``event_id`` it came from, so merged records stay traceable.
"""
from __future__ import annotations

import copy
import json
from typing import Any

from rasd import SCHEMA
from rasd.arabic.normalize import gold_key
from rasd.errors import RasdError
from rasd.export.codebook import Codebook, codebook

# Fields whose values may differ between the sources of one merged event.
DIFF_FIELDS = ("type", "date", "modality", "attribution")


class ExportError(RasdError):
    """A document or record cannot be exported as given."""

    code = "R700"
    hint = "Export rasd.document/1 objects as `rasd extract` prints them."


def records_from_document(doc: dict) -> list[dict]:
    """One flat record per event of ``doc``, in the document's order."""
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        schema = doc.get("schema") if isinstance(doc, dict) else None
        raise ExportError(f"not a {SCHEMA} object (schema={schema!r})")
    doc_id = doc.get("doc_id") or ""
    try:
        entities = {e["id"]: e for e in doc.get("entities", [])}
        resolved: dict = {}   # each entity's participant/place fields, worked out once per document
        cb = codebook()       # once per document: finding the current Resources is not free
        return [_record(doc, ev, entities, resolved, cb) for ev in doc.get("events", [])]
    except (KeyError, TypeError, ValueError) as e:
        raise ExportError(f"document {doc_id}: malformed entity or event ({type(e).__name__}: {e})") from e


def _record(doc: dict, ev: dict, entities: dict, resolved: dict, cb: Codebook) -> dict:
    doc_id = doc.get("doc_id") or ""
    text = doc.get("text") or ""
    source = doc.get("source") or {}
    event_id = f"{doc_id}:{ev['id']}"

    def ents(role: str) -> list[dict]:
        ids = ev.get(role) or []
        ids = [ids] if isinstance(ids, str) else ids   # attribution is one id
        missing = [i for i in ids if i not in entities]
        if missing:
            raise ExportError(f"document {doc_id}: event {ev['id']} names unknown entities "
                              f"{', '.join(missing)} in {role}")
        return [entities[i] for i in ids]

    def cut(span: list[int]) -> str:
        start, end = span
        if not 0 <= start <= end <= len(text):
            raise ExportError(f"document {doc_id}: evidence span {span} lies outside the text")
        return text[start:end]

    attribution = ents("attribution")
    fatalities = ev.get("fatalities")
    return {
        "event_id": event_id,
        "type": ev.get("type"),
        "acled": dict(ev.get("acled") or _mapping(ev.get("type"), "acled")),
        "plover": ev.get("plover") or _mapping(ev.get("type"), "plover"),
        "modality": ev.get("modality") or "asserted",
        "date": ev.get("date"),
        "fatalities": fatalities,
        "fatalities_reported": [] if fatalities is None else
        [{"value": fatalities, "doc_id": doc_id, "outlet": source.get("outlet")}],
        "fatalities_source": None if fatalities is None else
        {"value": fatalities, "doc_id": doc_id, "outlet": source.get("outlet")},
        **{role: [_once(resolved, "p", e, _participant, cb) for e in ents(role)]
           for role in ("agents", "targets", "partners")},
        "places": [_once(resolved, "g", e, _place, cb) for e in ents("places")],
        "attribution": _name(attribution[0]) if attribution else None,
        "sources": [{"doc_id": doc_id, "outlet": source.get("outlet"), "url": source.get("url"),
                     "published": source.get("published"), "title": source.get("title"),
                     "event_id": event_id,
                     "evidence": [cut(span) for span in ev.get("evidence") or []]}],
        "trigger": (ev.get("trigger") or {}).get("text"),
        "confidence": ev.get("confidence"),
        "differences": {},
    }


def _once(resolved: dict, kind: str, e: dict, make, cb: Codebook) -> dict:
    """``make(e, cb)`` computed once per entity of a document; each record gets its own copy."""
    key = (kind, e.get("id"))
    if key not in resolved:
        resolved[key] = make(e, cb)
    return dict(resolved[key])


def _name(e: dict) -> str | None:
    return e.get("name_ar") or e.get("name_en")


def _participant(e: dict, cb: Codebook) -> dict:
    return {"id": e.get("id"), "type": e.get("type"), "name_ar": e.get("name_ar"), "name_en": e.get("name_en"),
            "kb_id": e.get("kb_id"), "category": e.get("category"),
            "country": (cb.iso3(e.get("country")) or cb.country_in(e.get("name_en"))
                        or cb.country_in(e.get("name_ar")))}


def _place(e: dict, cb: Codebook) -> dict:
    geo = e.get("geo") or {}
    admin1 = (cb.admin1_of(geo.get("admin1")) or cb.admin1_of(e.get("name_ar"))
              or cb.admin1_of(e.get("name_en")))
    country = (cb.iso3(geo.get("country")) or (admin1 and admin1[0])
               or cb.iso3(e.get("name_ar")) or cb.iso3(e.get("name_en")))
    return {"name_ar": e.get("name_ar"), "name_en": e.get("name_en"), "kb_id": e.get("kb_id"),
            "lat": geo.get("lat"), "lon": geo.get("lon"), "precision": geo.get("precision"),
            "admin1": geo.get("admin1"), "admin2": geo.get("admin2"), "admin3": geo.get("admin3"),
            "why": geo.get("why"), "country": country}


def _identity(item: dict) -> Any:
    """Two participants or places are one when their kb_id, or else their folded name, agree."""
    return item.get("kb_id") or ("name", gold_key(item.get("name_ar") or item.get("name_en") or ""))


def _union(lists: list[list[dict]]) -> list[dict]:
    seen, out = set(), []
    for item in (i for lst in lists for i in lst):
        key = _identity(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _same(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _reports(record: dict, field: str) -> list[dict]:
    """Each source's value of ``field``: from ``differences`` if the record was merged from
    disagreeing sources, else the record's one value for every source (so merging is associative)."""
    if field in record.get("differences", {}):
        return record["differences"][field]
    return [{"value": record.get(field), "doc_id": s.get("doc_id"), "outlet": s.get("outlet")}
            for s in record.get("sources", [])]


def _dedup(entries: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in entries:
        key = (e.get("doc_id"), _same(e.get("value")))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def merge_records(records: list[dict]) -> dict:
    """One record for the same real-world event reported in several records.

    The first record gives the type, date, modality and attribution (order the input by trust);
    every source and evidence sentence is kept, participants and places are united, and the
    fatalities are the lowest reported figure (ACLED's most conservative estimate) with every
    figure in ``fatalities_reported`` and the one coded in ``fatalities_source``.  ``differences`` maps each field on which the sources
    disagree (fatalities, type, date, modality, attribution) to each source's value.
    """
    if not records:
        raise ExportError("merge_records needs at least one record")
    merged = copy.deepcopy(records[0])
    seen_sources = set()
    merged["sources"] = []
    for s in (s for r in records for s in r.get("sources", [])):
        key = (s.get("doc_id"), s.get("event_id"))
        if key not in seen_sources:
            seen_sources.add(key)
            merged["sources"].append(copy.deepcopy(s))
    for role in ("agents", "targets", "partners", "places"):
        merged[role] = copy.deepcopy(_union([r.get(role) or [] for r in records]))
    reported = _dedup([e for r in records for e in r.get("fatalities_reported", [])])
    merged["fatalities_reported"] = copy.deepcopy(reported)
    figures = [e["value"] for e in reported if e.get("value") is not None]
    merged["fatalities"] = min(figures) if figures else None
    # ACLED's rule: the most conservative figure reported for this event, and whose it is
    coded = next((e for e in reported if figures and e.get("value") == merged["fatalities"]), None)
    merged["fatalities_source"] = copy.deepcopy(coded)
    merged["trigger"] = next((r["trigger"] for r in records if r.get("trigger")), None)
    confidences = [r["confidence"] for r in records if r.get("confidence") is not None]
    merged["confidence"] = max(confidences) if confidences else None

    differences = {}
    if len({_same(v) for v in figures}) > 1:
        differences["fatalities"] = copy.deepcopy(reported)
    for field in DIFF_FIELDS:
        entries = _dedup([e for r in records for e in _reports(r, field)])
        if len({_same(e.get("value")) for e in entries}) > 1:
            differences[field] = copy.deepcopy(entries)
    merged["differences"] = differences
    return merged


def _mapping(typ: str | None, which: str):
    """The ontology's ACLED/PLOVER mapping for a type, for documents that leave it out."""
    from rasd.kb.resources import default_resources

    o = default_resources().ontology.get(typ or "")
    if o is None:
        return {} if which == "acled" else None
    if which == "plover":
        return o["plover"]
    return {"event_type": o["acled"][0], "sub_event_type": o["acled"][1]}
