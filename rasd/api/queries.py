"""The store queries behind the endpoints: pages of corrected records, modalities, facets.

Plain functions of a read-only :class:`rasd.store.Store` (no app, no request), so each can be
read, and tested, on its own.
"""
from __future__ import annotations

import json
from dataclasses import replace

from rasd.api.errors import NotFoundError, RequestError
from rasd.errors import StoreError
from rasd.store import EventFilter, Store
from rasd.store import corrections as corr

_IDS = "(SELECT value FROM json_each(?))"   # the ids of a JSON array parameter, in SQL


def merged_ids(s: Store, f: EventFilter) -> list[int]:
    """Every matching merged event's id, in the order of the pages."""
    try:
        return s.merged_ids(replace(f, limit=None))
    except StoreError as e:
        if f.text:
            raise RequestError(e.message, hint="Check the text parameter: SQLite FTS5 syntax.") from e
        raise


def corrected(s: Store, recs: list[dict]) -> list[dict]:
    """The records as analysts' corrections leave them."""
    history = corr.of_events(s.conn, [r["merged_id"] for r in recs])
    return [corr.apply(r, history.get(r["merged_id"], [])) for r in recs]


def modality_of(s: Store, ids: list[int]) -> dict[int, str]:
    """Each event's (corrected) modality: the first report's, as merged records take it."""
    if not ids:
        return {}
    machine = dict(s.conn.execute(
        f"SELECT e.merged_id, e.modality FROM events e WHERE e.merged_id IN {_IDS} "
        "AND e.id = (SELECT min(id) FROM events WHERE merged_id = e.merged_id)", (json.dumps(ids),)))
    history = corr.of_events(s.conn, ids)
    out = {}
    for mid in ids:
        c = corr.in_force(history.get(mid, []))
        out[mid] = (c["fields"].get("modality") if c else None) or machine.get(mid) or "asserted"
    return out


def modality_ids(s: Store, ids: list[int], modality: str) -> list[int]:
    """Of ``ids``, in order, those whose (corrected) modality is ``modality``."""
    of = modality_of(s, ids)
    return [mid for mid in ids if of[mid] == modality]


def page(s: Store, f: EventFilter, modality: str | None, offset: int, limit: int) -> tuple[list[dict], int]:
    """One page of corrected records and the number of matching events."""
    ids = merged_ids(s, f)
    if modality:
        ids = modality_ids(s, ids, modality)
    chosen = ids[offset:offset + limit] if limit else ids[offset:]
    # the page's records alone (Store.records_of): a deep page costs what the first does
    return corrected(s, list(s.records_of(chosen))), len(ids)


def event(s: Store, merged_id: int) -> dict:
    """One stored event by its merged id, as corrected (404 when there is none)."""
    found = next(iter(s.records_of([merged_id])), None)
    if not found:
        raise NotFoundError(f"no event {merged_id}")
    return corr.apply(found, corr.of_events(s.conn, [merged_id]).get(merged_id, []))


def report_events(s: Store, rid: int) -> list[dict]:
    """Each event of report ``rid`` with the merged event it joined and that event's corrections."""
    rows = s.conn.execute("SELECT vid, merged_id FROM events WHERE report_id = ? ORDER BY id", (rid,)).fetchall()
    history = corr.of_events(s.conn, [r["merged_id"] for r in rows])
    out = []
    for r in rows:
        c = corr.in_force(history.get(r["merged_id"], []))
        n_reports = s.conn.execute("SELECT count(DISTINCT report_id) FROM events WHERE merged_id = ?",
                                   (r["merged_id"],)).fetchone()[0]
        out.append({"vid": r["vid"], "merged_id": r["merged_id"], "reports": n_reports,
                    "correction": c, "history": history.get(r["merged_id"], [])})
    return out


# ---- facets ----------------------------------------------------------------------------------

def facets(s: Store, f: EventFilter) -> dict:
    """How many matching events each type, outlet, modality and governorate has."""
    ids = merged_ids(s, f)
    history = corr.of_events(s.conn, ids)
    modalities: dict[str, int] = {}
    for value in modality_of(s, ids).values():
        modalities[value] = modalities.get(value, 0) + 1
    return {"total": len(ids), "corrected": sum(1 for mid in ids if mid in history),
            "type": _by_count(_type_counts(s, ids, history)), "outlet": _by_count(_outlet_counts(s, ids)),
            "modality": {k: v for k, v in modalities.items() if v}, "place": _place_counts(s, ids)}


def _by_count(d: dict[str, int]) -> dict[str, int]:
    return dict(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))


def _type_counts(s: Store, ids: list[int], history: dict) -> dict[str, int]:
    types: dict[str, int] = {}
    for mid, typ in s.conn.execute(f"SELECT id, type FROM merged_events WHERE id IN {_IDS}", (json.dumps(ids),)):
        c = corr.in_force(history.get(mid, []))
        typ = (c["fields"].get("type") if c else None) or typ
        types[typ] = types.get(typ, 0) + 1
    return types


def _outlet_counts(s: Store, ids: list[int]) -> dict[str, int]:
    return dict(s.conn.execute(
        f"SELECT coalesce(s.outlet, '?'), count(DISTINCT e.merged_id) FROM events e JOIN sources s "
        f"ON s.report_id = e.report_id WHERE e.merged_id IN {_IDS} GROUP BY 1", (json.dumps(ids),)))


def _place_counts(s: Store, ids: list[int]) -> dict[str, int]:
    return dict(s.conn.execute(
        f"SELECT n.name_ar, count(DISTINCT e.merged_id) FROM events e JOIN participants p "
        f"ON p.event_id = e.id JOIN entities n ON n.report_id = p.report_id AND n.eid = p.eid "
        f"WHERE p.role = 'place' AND e.merged_id IN {_IDS} AND n.name_ar IS NOT NULL "
        f"GROUP BY 1 ORDER BY 2 DESC LIMIT 30", (json.dumps(ids),)))
