"""Readable Rich tables of a rasd.document/1 object (entities, events, relations)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _names(doc: dict, ids: list[str]) -> str:
    by = {e["id"]: e for e in doc["entities"]}
    return ", ".join(by[i]["name_ar"] if i in by else i for i in ids) or "–"


def print_document(doc: dict, console: Console | None = None) -> None:
    c = console or Console()
    src = doc["source"]
    c.print(f"[bold]{doc['doc_id']}[/] {src.get('outlet') or ''} {src.get('published') or ''}")
    t = Table(title="Entities", show_lines=False)
    for col in ("id", "type", "name", "kb", "category / place", "mentions"):
        t.add_column(col)
    for e in doc["entities"]:
        extra = e.get("category") or ""
        g = e.get("geo")
        if g and g.get("lat") is not None:
            extra = f"{g['lat']:.3f},{g['lon']:.3f} p{g.get('precision')} — {g.get('why', '')}"
        elif g:
            extra = f"not placed — {g.get('why', '')}"
        t.add_row(e["id"], e["type"], e["name_ar"] + (f" ({e['name_en']})" if e.get("name_en") else ""),
                  e.get("kb_id") or "–", extra, str(len(e["mentions"])))
    c.print(t)
    t = Table(title="Events", show_lines=True)
    for col in ("id", "type", "agents → targets", "partners", "place", "date", "modality", "source", "evidence"):
        t.add_column(col)
    text = doc["text"]
    for v in doc["events"]:
        d = v.get("date") or {}
        ev = " … ".join(text[s:e] for s, e in v["evidence"])
        t.add_row(v["id"], v["type"], f"{_names(doc, v['agents'])} → {_names(doc, v['targets'])}",
                  _names(doc, v["partners"]), _names(doc, v["places"]), d.get("value") or "–", v["modality"],
                  _names(doc, [v["attribution"]]) if v.get("attribution") else "–",
                  ev[:300] + (f" [killed: {v['fatalities']}]" if v.get("fatalities") is not None else ""))
    c.print(t)
    if any(v.get("why") for v in doc["events"]):
        t = Table(title="Why", show_lines=True)
        for col in ("event", "decision", "because"):
            t.add_column(col)
        for v in doc["events"]:
            for decision, because in _why_rows(doc, v.get("why") or {}):
                t.add_row(v["id"], decision, because)
        c.print(t)
    if doc["relations"]:
        t = Table(title="Relations")
        for col in ("type", "head", "tail"):
            t.add_column(col)
        for r in doc["relations"]:
            t.add_row(r["type"], _names(doc, [r["head"]]), _names(doc, [r["tail"]]))
        c.print(t)


def _why_rows(doc: dict, why: dict) -> list[tuple[str, str]]:
    """One row per decision an event's ``why`` explains: its type, each role, modality, source, merges."""
    rows = [("type", why.get("type", ""))]
    for role in ("agents", "targets", "partners", "places"):
        for eid, because in (why.get(role) or {}).items():
            rows.append((f"{role[:-1]} {_names(doc, [eid])}", because))
    for key in ("unplaced", "modality", "attribution", "fatalities"):
        if why.get(key):
            rows.append((key, why[key]))
    for m in why.get("merged") or []:
        s, e = m["evidence"]
        rows.append(("merged", f"{m['why']} — {doc['text'][s:e][:120]}"))
    return rows
