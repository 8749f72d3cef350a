"""Analysts' corrections of stored events, kept beside the machine's output and exported as gold.

A correction never changes a stored event: it is a row of its own (who, when, what), appended to
the ``corrections`` table (migration 3).  The latest correction of an event is the one in force;
earlier ones stay as its history.  Three kinds:

- ``wrong``: the event is not an event (or not this one); it is left out of the gold.
- ``edit``: some of ``type``, ``modality``, ``places``, ``agents``, ``targets``, ``partners``
  replace the machine's values.  Participants and places are given as names (Arabic as in the
  text, optional English name and kb_id); a place carries its coordinates (a namesake picked from
  the gazetteer, or a point clicked on the map).
- ``add``: an event the machine missed, read from a span (``start``, ``end``) of one report.

:func:`apply` shows a record as corrected (the machine's values kept under ``machine``), and
:func:`gold_records` turns every report an analyst touched into a gold line of spec/gold.md, so
``rasd eval`` scores the pipeline against what analysts fixed.  In such a report the events the
analyst left alone are taken as right (reviewed): the gold is the machine's events, corrected.
"""
from __future__ import annotations

import copy
import json
import math
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from rasd.errors import InputError, StoreError

KINDS = ("wrong", "edit", "add")
FIELDS = ("type", "modality", "places", "agents", "targets", "partners")
ROLES = ("agents", "targets", "partners")
MODALITIES = ("asserted", "negated", "planned", "conditional")
MAX_NAMES = 50
MAX_TEXT = 300


class CorrectionError(InputError):
    """A correction that cannot be stored as given."""

    code = "R510"
    hint = "A correction is wrong, edit (type, modality, places, agents, targets, partners) or add."


def _event_types() -> frozenset[str]:
    from rasd.eval.gold import EVENT_TYPES   # the ontology's 19 types, as the scorer knows them

    return EVENT_TYPES


def _text(value: object, what: str, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError(f"{what} must be a non-empty string")
    if len(value) > MAX_TEXT:
        raise CorrectionError(f"{what} is longer than {MAX_TEXT} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CorrectionError(f"{what} is not valid Unicode (a lone surrogate)") from None
    return value.strip()


def _name(item: object, what: str, place: bool) -> dict:
    if not isinstance(item, dict):
        raise CorrectionError(f"{what} must be an object with name_ar (and name_en, kb_id)")
    out = {"name_ar": _text(item.get("name_ar"), f"{what}.name_ar", required=not item.get("name_en")),
           "name_en": _text(item.get("name_en"), f"{what}.name_en", required=False),
           "kb_id": _text(item.get("kb_id"), f"{what}.kb_id", required=False)}
    if place:
        lat, lon = item.get("lat"), item.get("lon")
        if (lat is None) != (lon is None):
            raise CorrectionError(f"{what}: give both lat and lon, or neither")
        if lat is not None:
            if any(isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
                   for v in (lat, lon)) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise CorrectionError(f"{what}: lat and lon must be finite degrees in range")
        out.update(lat=lat, lon=lon)
    return out


def validate(kind: str, fields: dict) -> dict:
    """The fields of a correction of ``kind``, checked and normalised; raise CorrectionError."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction kind {kind!r}", hint=f"Use one of: {', '.join(KINDS)}.")
    if not isinstance(fields, dict):
        raise CorrectionError("fields must be an object")
    allowed = set(FIELDS) | ({"start", "end"} if kind == "add" else set())
    extra = set(fields) - allowed
    if kind == "wrong" and fields:
        extra = set(fields)
    if extra:
        raise CorrectionError(f"{kind} takes no field {', '.join(sorted(extra))}",
                              hint=f"A {kind} correction takes: {', '.join(sorted(allowed)) if kind != 'wrong' else 'none'}.")
    out: dict = {}
    if "type" in fields or kind == "add":
        if fields.get("type") not in _event_types():
            raise CorrectionError(f"unknown event type {fields.get('type')!r}",
                                  hint=f"Use one of: {', '.join(sorted(_event_types()))}.")
        out["type"] = fields["type"]
    if "modality" in fields or kind == "add":
        modality = fields.get("modality", "asserted")
        if modality not in MODALITIES:
            raise CorrectionError(f"unknown modality {modality!r}", hint=f"Use one of: {', '.join(MODALITIES)}.")
        out["modality"] = modality
    for role in (*ROLES, "places"):
        if role in fields or kind == "add":
            items = fields.get(role) or []
            if not isinstance(items, list) or len(items) > MAX_NAMES:
                raise CorrectionError(f"{role} must be a list of at most {MAX_NAMES} names")
            out[role] = [_name(x, f"{role}[{i}]", role == "places") for i, x in enumerate(items)]
    if kind == "add":
        start, end = fields.get("start"), fields.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)) or not 0 <= start < end:
            raise CorrectionError("an added event needs the span it is read from: 0 <= start < end")
        out.update(start=start, end=end)
    if kind == "edit" and not out:
        raise CorrectionError("an edit changes at least one field", hint=f"Fields: {', '.join(FIELDS)}.")
    return out


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def add(conn: sqlite3.Connection, kind: str, fields: dict, author: str, *, merged_id: int | None = None,
        report_id: int | None = None, note: str | None = None, time: str | None = None) -> dict:
    """Validate and append one correction; return it as stored.

    ``wrong`` and ``edit`` name a stored event (``merged_id``); ``add`` names a report
    (``report_id``) and a span inside its text.
    """
    fields = validate(kind, fields)
    author = _text(author, "the analyst's name")
    note = _text(note, "note", required=False)
    if kind == "add":
        row = conn.execute("SELECT length(text) FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise CorrectionError(f"no report {report_id}")
        if fields["end"] > row[0]:
            raise CorrectionError(f"the span {fields['start']}..{fields['end']} lies outside the report "
                                  f"({row[0]} characters)")
        merged_id = None
    else:
        if conn.execute("SELECT 1 FROM merged_events WHERE id = ?", (merged_id,)).fetchone() is None:
            raise CorrectionError(f"no event {merged_id}", hint="Correct an event listed by GET /events.")
        report_id = None
    when = time or now()
    try:
        cur = conn.execute("INSERT INTO corrections (merged_id, report_id, kind, fields, author, time, note) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (merged_id, report_id, kind, json.dumps(fields, ensure_ascii=False), author, when, note))
    except sqlite3.Error as e:
        raise StoreError(f"cannot store the correction: {e}") from e
    return {"id": cur.lastrowid, "merged_id": merged_id, "report_id": report_id, "kind": kind,
            "fields": fields, "author": author, "time": when, "note": note}


def _row(r: sqlite3.Row) -> dict:
    return {"id": r["id"], "merged_id": r["merged_id"], "report_id": r["report_id"], "kind": r["kind"],
            "fields": json.loads(r["fields"]), "author": r["author"], "time": r["time"], "note": r["note"]}


def listed(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Every correction, newest first."""
    sql = "SELECT * FROM corrections ORDER BY id DESC"
    args: list = []
    if limit:
        sql += " LIMIT ? OFFSET ?"
        args = [limit, offset]
    return [_row(r) for r in conn.execute(sql, args)]


def of_events(conn: sqlite3.Connection, merged_ids: Iterable[int]) -> dict[int, list[dict]]:
    """The corrections of each of these events, oldest first (the last is in force)."""
    ids = list(merged_ids)
    out: dict[int, list[dict]] = {}
    if not ids:
        return out
    for r in conn.execute("SELECT * FROM corrections WHERE merged_id IN (SELECT value FROM json_each(?)) "
                          "ORDER BY id", (json.dumps(ids),)):
        out.setdefault(r["merged_id"], []).append(_row(r))
    return out


def added(conn: sqlite3.Connection, report_id: int | None = None) -> list[dict]:
    """Events analysts added (of one report, or all), oldest first."""
    if report_id is None:
        rows = conn.execute("SELECT * FROM corrections WHERE kind = 'add' ORDER BY id")
    else:
        rows = conn.execute("SELECT * FROM corrections WHERE kind = 'add' AND report_id = ? ORDER BY id",
                            (report_id,))
    return [_row(r) for r in rows]


def in_force(history: list[dict]) -> dict | None:
    """The correction in force: the latest ``wrong``, or the edits since it merged in order."""
    if not history:
        return None
    last = history[-1]
    if last["kind"] == "wrong":
        return {**last, "fields": {}}
    fields: dict = {}
    for c in history:
        fields = {} if c["kind"] == "wrong" else {**fields, **c["fields"]}
    return {**last, "fields": fields}


def _participant(item: dict) -> dict:
    return {"id": None, "name_ar": item.get("name_ar"), "name_en": item.get("name_en"), "kb_id": item.get("kb_id"),
            "category": None, "country": None}


def _place(item: dict) -> dict:
    return {"name_ar": item.get("name_ar"), "name_en": item.get("name_en"), "kb_id": item.get("kb_id"),
            "lat": item.get("lat"), "lon": item.get("lon"), "precision": None, "admin1": None, "admin2": None,
            "admin3": None, "why": "set by an analyst", "country": None}


def apply(record: dict, history: list[dict]) -> dict:
    """The record as the analysts corrected it: changed fields replaced, the machine's values under
    ``machine``, who/when under ``correction``.  Without corrections the record is returned as is."""
    c = in_force(history)
    if c is None:
        return record
    out = copy.deepcopy(record)
    out["machine"] = {k: record.get(k) for k in c["fields"]}
    for k, v in c["fields"].items():
        if k in ROLES:
            out[k] = [_participant(x) for x in v]
        elif k == "places":
            out[k] = [_place(x) for x in v]
        else:
            out[k] = v
    if "type" in c["fields"]:   # the ACLED and PLOVER codings follow the corrected type
        from rasd.export.records import _mapping

        out["machine"].update(acled=record.get("acled"), plover=record.get("plover"))
        out["acled"], out["plover"] = dict(_mapping(out["type"], "acled") or {}), _mapping(out["type"], "plover")
    out["correction"] = {"kind": c["kind"], "author": c["author"], "time": c["time"], "note": c["note"],
                         "fields": sorted(c["fields"]), "wrong": c["kind"] == "wrong", "history": len(history)}
    return out


# ---- gold export (spec/gold.md) ------------------------------------------------------------------

class _Entities:
    """The entity sections of one gold line, keyed by the document's entity ids or by name."""

    def __init__(self, doc: dict):
        self.doc = {e["id"]: e for e in doc.get("entities", [])}
        self.by_kb = {e["kb_id"]: e for e in doc.get("entities", []) if e.get("kb_id")}
        self.sections: dict[str, list[dict]] = {"actors": [], "persons": [], "places": []}
        self.keys: dict[str, str] = {}

    def _add(self, ident: str, section: str, entry: dict) -> str:
        if ident not in self.keys:
            key = f"k{len(self.keys) + 1}"
            self.keys[ident] = key
            self.sections[section].append({"key": key, **entry})
        return self.keys[ident]

    def of_doc(self, eid: str) -> str | None:
        e = self.doc.get(eid)
        if e is None:
            return None
        aliases = _unique([e.get("name_ar"), *(m.get("text") for m in e.get("mentions", []))])
        if not aliases:
            aliases = _unique([e.get("name_en")])
        if not aliases:
            return None
        section = {"ACTOR": "actors", "PERSON": "persons", "PLACE": "places"}.get(e.get("type"))
        if section is None:
            return None
        entry: dict = {"name_en": e.get("name_en"), "aliases": aliases}
        if section == "places":
            geo = e.get("geo") or {}
            entry.update(lat=geo.get("lat"), lon=geo.get("lon"))
        elif e.get("category"):
            entry["category"] = e["category"]
        return self._add(f"doc:{eid}", section, entry)

    def of_name(self, item: dict, section: str) -> str | None:
        known = self.by_kb.get(item.get("kb_id") or "")
        if known is not None and (section == "places") == (known.get("type") == "PLACE"):
            key = self.of_doc(known["id"])
            if key and section == "places" and item.get("lat") is not None:
                entry = next(x for x in self.sections["places"] if x["key"] == key)
                entry.update(lat=item["lat"], lon=item["lon"])   # the analyst's coordinates win
            if key:
                return key
        aliases = _unique([item.get("name_ar"), item.get("name_en")])
        if not aliases:
            return None
        entry = {"name_en": item.get("name_en"), "aliases": aliases}
        if section == "places":
            entry.update(lat=item.get("lat"), lon=item.get("lon"))
        return self._add(f"name:{section}:{aliases[0]}:{item.get('lat')}:{item.get('lon')}", section, entry)


def _unique(values: Iterable[str | None]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v.strip() and v.strip() not in out:
            out.append(v.strip())
    return out


def _cut(text: str, spans: list) -> str:
    return " ".join(text[s:e] for s, e in spans if 0 <= s < e <= len(text)).strip()


def _gold_event(ents: _Entities, ev: dict | None, fields: dict, evidence: str) -> dict:
    out = {"type": fields.get("type", (ev or {}).get("type")),
           "modality": fields.get("modality", (ev or {}).get("modality") or "asserted")}
    for role in (*ROLES, "places"):
        section = "places" if role == "places" else None
        if role in fields:
            keys = []
            for item in fields[role]:
                sec = section or ("persons" if _is_person(ents, item) else "actors")
                keys.append(ents.of_name(item, sec))
        else:
            keys = [ents.of_doc(eid) for eid in (ev or {}).get(role, [])]
        out[role] = _unique(keys)
    out["evidence"] = evidence
    return out


def _is_person(ents: _Entities, item: dict) -> bool:
    known = ents.by_kb.get(item.get("kb_id") or "")
    return bool(known and known.get("type") == "PERSON")


def gold_records(store, text_dir: str = "texts") -> Iterator[tuple[dict, str]]:
    """(gold line, report text) for every report an analyst corrected or added an event to.

    ``text_file`` is ``{text_dir}/{doc_id}.txt``, relative to the corpus folder above the gold file.
    """
    conn = store.conn
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT e.report_id FROM corrections c JOIN events e ON e.merged_id = c.merged_id "
        "UNION SELECT report_id FROM corrections WHERE kind = 'add' ORDER BY 1")]
    for rid in touched:
        doc = store.document(rid)
        text = doc.get("text") or ""
        members = {r["vid"]: r["merged_id"] for r in conn.execute(
            "SELECT vid, merged_id FROM events WHERE report_id = ?", (rid,))}
        history = of_events(conn, set(members.values()))
        ents = _Entities(doc)
        events = []
        for ev in doc.get("events", []):
            c = in_force(history.get(members.get(ev["id"]), []))
            if c is not None and c["kind"] == "wrong":
                continue
            evidence = _cut(text, ev.get("evidence") or [])
            if evidence:
                events.append(_gold_event(ents, ev, c["fields"] if c else {}, evidence))
        for a in added(conn, rid):
            f = a["fields"]
            events.append(_gold_event(ents, None, f, text[f["start"]:f["end"]]))
        events = [{"key": f"v{i}", **ev} for i, ev in enumerate(events, 1)]
        source = doc.get("source") or {}
        doc_id = doc.get("doc_id") or f"report-{rid}"
        yield ({"doc_id": doc_id, "text_file": f"{text_dir}/{_safe(doc_id)}.txt",
                "published": (source.get("published") or None) and source["published"][:10],
                "outlet": source.get("outlet"), **ents.sections, "events": events, "relations": [],
                "note": "exported from analysts' corrections (rasd)"}, text)


def _safe(doc_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in doc_id)[:120] or "report"


def export_gold(store, out_dir: str | Path) -> tuple[Path, int]:
    """Write ``OUT/corrections/gold.jsonl`` and the texts it points to under ``OUT/corrections/texts``
    (``text_file`` is relative to OUT, the gold file's grandparent, as spec/gold.md has it).
    Return the gold file's path and how many reports it holds."""
    base = Path(out_dir) / "corrections"
    texts = base / "texts"
    try:
        texts.mkdir(parents=True, exist_ok=True)
        n = 0
        with open(base / "gold.jsonl", "w", encoding="utf-8") as fh:
            for rec, text in gold_records(store, "corrections/texts"):
                (Path(out_dir) / rec["text_file"]).write_text(text, encoding="utf-8")
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    except OSError as e:
        raise StoreError(f"cannot write the gold export to {out_dir}: {e}",
                         hint="Give a folder you can write to.") from e
    return base / "gold.jsonl", n
