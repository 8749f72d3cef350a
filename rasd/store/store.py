"""The embedded SQLite store (WAL): a small API shared by the CLI and the HTTP API.

One writer (design §14): only the process that owns a Store writes; batches are one transaction
each, so a killed run loses at most its current batch and a rerun skips what is stored.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from rasd.arabic.normalize import fold_str
from rasd.errors import InputError, StoreError
from rasd.ingest.records import Rejected, Report
from rasd.settings import default_db
from rasd.store import merge
from rasd.store.dedupe import NearDuplicates
from rasd.store.migrations import migrate

ROLES = {"agents": "agent", "targets": "target", "partners": "partner", "places": "place"}
BUSY_SECONDS = 60.0
RECORD_CACHE = 1024     # reports whose export records stay built while records() streams


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _like(s: str) -> str:
    """``s`` as a literal inside a LIKE pattern (ESCAPE is not needed for %/_ in names here)."""
    return s.replace("%", "").replace("_", "")


def _storable(s: str) -> str:
    """A string SQLite accepts: lone surrogates (from JSON escapes) become \\udXXX escapes."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _fold(s: str | None) -> str | None:
    """SQL ``rasd_fold(x)``: the folded key of a name (hamza/alef, teh marbuta, diacritics)."""
    return fold_str(s) if s is not None else None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"WEST,SOUTH,EAST,NORTH" in degrees (the CLI's --bbox and the API's bbox) → a tuple."""
    if not value:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise InputError(f"bad bbox {value!r}",
                         hint="Give WEST,SOUTH,EAST,NORTH in degrees, e.g. 35.5,32.3,42.4,37.4.") from None
    return west, south, east, north


IDS_KEPT = 8   # filters whose matching ids a Store keeps (see Store.merged_ids)


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``rasd events`` / ``rasd export``; an event matches when every given one holds.

    ``actor``, ``person`` and ``place`` match a kb_id exactly or a name (Arabic or English) in
    part; ``bbox`` is (west, south, east, north) in degrees; dates are ISO, inclusive.
    """

    type: str | None = None
    actor: str | None = None
    person: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    text: str | None = None
    limit: int | None = None


def _entity_clause(etype: str, roles: tuple[str, ...], n_ids: int, n_names: int = 1) -> str:
    marks = ",".join("?" * len(roles))
    ids = ",".join("?" * n_ids)
    names = " OR ".join(["rasd_fold(n.name_ar) LIKE ?"] * n_names)
    return (f"EXISTS (SELECT 1 FROM participants p JOIN entities n ON n.report_id = p.report_id "
            f"AND n.eid = p.eid WHERE p.event_id = e.id AND p.role IN ({marks}) AND n.type = '{etype}' "
            f"AND (n.kb_id IN ({ids}) OR {names} OR n.name_en LIKE ?))")


_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")     # "Aqrabat (Idleb)" → "Aqrabat"


def places_named(value: str, gazetteer=None) -> tuple[list[str], list[str]]:
    """The kb_ids and folded Arabic names a place filter matches.

    An Arabic ``value`` matches by its folded name.  A Latin one is looked up in the gazetteer:
    every place whose English name is ``value`` (case-insensitive, a trailing "(qualifier)"
    ignored) gives its id and its Arabic name, so "Idlib" also finds the places the gazetteer
    spells "Idleb" (the same Arabic إدلب) and their namesakes.  Without an installed gazetteer
    a Latin value matches kb_ids and English names only.
    """
    value = value.strip()
    if _ARABIC_LETTER.search(value):
        return [value], [fold_str(value)]
    if gazetteer is None:
        from rasd.errors import DataMissingError
        from rasd.kb.resources import default_resources

        try:
            gazetteer = default_resources().gazetteer
        except DataMissingError:
            return [value], [fold_str(value)]
    key = value.casefold()
    ids, names = [value], {fold_str(value)}
    for p in gazetteer.places():
        if p.name_en and key in (p.name_en.casefold(), _QUALIFIER.sub("", p.name_en).casefold()):
            ids.append(p.id)
            names.add(fold_str(p.name_ar))
    return ids, sorted(names)


def kb_ids_named(value: str, kind: str) -> list[str]:
    """The kb_ids whose name, alias, rebrand or English name is ``value`` (folded: hamza, alef,
    teh marbuta, diacritics, case), plus ``value`` itself (it may be a kb_id)."""
    from rasd.kb.resources import default_resources

    key = fold_str(value.strip())
    kb = default_resources().kb
    table = {"actor": kb.actors, "person": kb.persons}.get(kind, {})
    found = [e.kb_id for e in table.values()
             if any(fold_str(n) == key for n in (*e.names, e.name_en))]
    return [value, *found]


def check_filter(f: EventFilter) -> EventFilter:
    """``f`` with its values checked and normalised; InputError names what is wrong and the
    valid values (an unknown type, a date that is not YYYY-MM-DD, from after to)."""
    from dataclasses import replace

    from rasd.export.codebook import RASD_TYPES

    changes: dict = {}
    if f.type is not None:
        t = f.type.strip().upper()
        if t not in RASD_TYPES:
            raise InputError(f"unknown event type {f.type!r}", hint="Use one of: " + ", ".join(RASD_TYPES) + ".")
        changes["type"] = t
    for name, value in (("--from", f.date_from), ("--to", f.date_to)):
        if value is not None and not _ISO_DAY.match(value):
            raise InputError(f"{name} {value!r} is not a date", hint="Write it as YYYY-MM-DD, e.g. 2015-07-20.")
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError as e:
                raise InputError(f"{name} {value!r} is not a calendar date ({e})",
                                 hint="Write it as YYYY-MM-DD, e.g. 2015-07-20.") from None
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InputError(f"--from {f.date_from} is after --to {f.date_to}", hint="Swap the two dates.")
    if f.limit is not None and f.limit < 0:
        raise InputError(f"--limit {f.limit} is negative", hint="Give 0 (all) or a positive number.")
    return replace(f, **changes) if changes else f


class Store:
    def __init__(self, path: str | Path | None = None, *, gazetteer=None):
        """``gazetteer`` spells place filters' English names (default: the installed one, on use)."""
        self.path = Path(path) if path is not None else default_db()
        self.gazetteer = gazetteer
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # another writer (a second ingest) makes this one wait, not fail with "database is locked"
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                        timeout=BUSY_SECONDS)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            self.conn.create_function("rasd_fold", 1, _fold, deterministic=True)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open the database {self.path}: {e}") from e
        self._near: NearDuplicates | None = None
        self._near_last = 0          # highest report id in the near-duplicate index
        self._doc = lru_cache(maxsize=256)(self._load_doc)
        self._ids: OrderedDict = OrderedDict()   # (filter, data version, own changes) → merged ids

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; waits up to ``BUSY_SECONDS`` for another writer to finish."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path} stays locked by another writer ({e})",
                             hint="Another ingest is writing to this database: wait for it, or use "
                                  "another --db.") from e
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._forget_near()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot commit to {self.path}: {e}") from e

    def _forget_near(self) -> None:
        """After a rollback the in-memory index may hold reports that are not stored: rebuild it."""
        self._near, self._near_last = None, 0

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A nested transaction: on error only what happened inside it is rolled back."""
        self.conn.execute("SAVEPOINT one_report")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO one_report")
            self.conn.execute("RELEASE one_report")
            self._forget_near()
            raise
        self.conn.execute("RELEASE one_report")

    # ---- writing -------------------------------------------------------------------------

    def known_shas(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT sha FROM reports")}

    def report_id(self, sha: str) -> int | None:
        row = self.conn.execute("SELECT id FROM reports WHERE sha = ?", (sha,)).fetchone()
        return row[0] if row else None

    def add_source(self, report_id: int, report: Report) -> None:
        self.conn.execute("INSERT OR IGNORE INTO sources (report_id, outlet, url, published, origin) "
                          "VALUES (?, ?, ?, ?, ?)",
                          (report_id, report.outlet, report.url, report.published, report.origin))
        # stored now: an earlier rejection of the same input (say a pipeline failure) is stale
        self.conn.execute("DELETE FROM quarantine WHERE source = ?", (report.origin,))

    def add(self, report: Report, doc: dict | None, minhash: bytes | None) -> tuple[int, bool]:
        """Store a report; return (report id, whether it is new).  A known text only gains a source.

        ``doc`` and ``minhash`` may be None only for a report whose text is already stored.
        """
        rid = self.report_id(report.sha)
        if rid is not None:
            self.add_source(rid, report)
            return rid, False
        if doc is None or minhash is None:
            raise StoreError(f"no extracted document for the new report {report.origin}",
                             hint="This is a bug in the caller of Store.add; please report it.")
        near = self._near_index()  # built before the insert, so it does not meet the new report
        slim = {k: v for k, v in doc.items() if k != "text"}
        cur = self.conn.execute(
            "INSERT INTO reports (sha, doc_id, title, published, text, doc, minhash) VALUES (?,?,?,?,?,?,?)",
            (report.sha, doc.get("doc_id") or report.doc_id or report.sha[:16], report.title, report.published,
             doc.get("text", report.text), json.dumps(slim, ensure_ascii=False), minhash))
        rid = cur.lastrowid
        self.conn.execute("INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (rid, report.title or "", doc.get("text", report.text)))
        self.add_source(rid, report)
        self._add_entities(rid, doc)
        self._add_events(rid, doc)
        self._near_last = max(self._near_last, rid)
        for other, sim in near.add(rid, minhash):
            self.conn.execute("INSERT OR IGNORE INTO near_duplicates VALUES (?, ?, ?)", (rid, other, sim))
        return rid, True

    def _add_entities(self, rid: int, doc: dict) -> None:
        # two statements a report, not two an entity: the writer is the one process every worker waits on
        ents = doc.get("entities", [])
        self.conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?)",
                              [(rid, e["id"], e["type"], e.get("name_ar"), e.get("name_en"), e.get("kb_id"),
                                e.get("category"), (e.get("geo") or {}).get("lat"), (e.get("geo") or {}).get("lon"))
                               for e in ents])
        self.conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                              [(rid, e["id"], m["start"], m["end"], m["text"]) for e in ents
                               for m in e.get("mentions", [])])

    def _add_events(self, rid: int, doc: dict) -> None:
        taken: set[int] = set()  # merged events this report already joined: its events are distinct
        for ev, key in merge.keys_of(doc):
            merged_id = self._match(key, taken)
            if merged_id is None:
                merged_id = self.conn.execute("INSERT INTO merged_events (type, date) VALUES (?, ?)",
                                              (key.type, key.date)).lastrowid
            taken.add(merged_id)
            eid = self.conn.execute(
                "INSERT INTO events (report_id, vid, type, date, fatalities, key, merged_id, modality) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (rid, ev["id"], key.type, key.date, ev.get("fatalities"), json.dumps(key.to_json()),
                 merged_id, ev.get("modality"))).lastrowid
            self.conn.executemany("INSERT INTO participants VALUES (?, ?, ?, ?)",
                                  [(eid, role, rid, x) for field, role in ROLES.items() for x in ev.get(field, [])])
            self.conn.executemany("INSERT INTO event_places (event_id, kb_id, lat, lon) VALUES (?, ?, ?, ?)",
                                  [(eid, *place) for place in key.places])
            # every source's figure stays on its event row; the merged event codes the lowest
            # (ACLED's most conservative figure) and remembers whose it is. An event without a
            # figure changes neither (a new merged event starts with none)
            if ev.get("fatalities") is None:
                continue
            row = self.conn.execute("SELECT id, fatalities FROM events WHERE merged_id = ? AND fatalities "
                                    "IS NOT NULL ORDER BY fatalities, id LIMIT 1", (merged_id,)).fetchone()
            self.conn.execute("UPDATE merged_events SET fatalities = ?, fatalities_event = ? WHERE id = ?",
                              (row[1] if row else None, row[0] if row else None, merged_id))

    def _match(self, key: merge.EventKey, taken: set[int]) -> int | None:
        """The merged event a new event joins, or None.  SQL finds the candidates (same type,
        a dated day within the window, a place with the same kb_id or within a box around its
        coordinates); :func:`merge.same_event` decides on those few."""
        window = merge.date_window(key.date)
        if not key.places or window is None:
            return None   # undated events, or events without a place, never merge across reports
        ors, args = [], [key.type, *window]
        kb_ids = sorted({p[0] for p in key.places if p[0] is not None})
        if kb_ids:
            ors.append(f"p.kb_id IN ({','.join('?' * len(kb_ids))})")
            args += kb_ids
        for _, lat, lon in key.places:
            if lat is not None and lon is not None:
                dlat, dlon = merge.box(lat)
                ors.append("(p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?)")
                args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if not ors:
            return None
        rows = self.conn.execute(
            "SELECT DISTINCT e.id, e.merged_id, e.date, e.key FROM events e JOIN event_places p "
            "ON p.event_id = e.id WHERE e.type = ? AND e.date BETWEEN ? AND ? AND length(e.date) = 10 "
            f"AND ({' OR '.join(ors)}) ORDER BY e.merged_id, e.id", args)
        for _, merged_id, date, stored in rows:
            if merged_id not in taken and merge.same_event(
                    key, merge.EventKey.from_json(key.type, date, json.loads(stored))):
                return merged_id
        return None

    def _near_index(self) -> NearDuplicates:
        """The near-duplicate index, brought up to date with reports other writers stored."""
        if self._near is None:
            self._near = NearDuplicates()
        for rid, sig in self.conn.execute("SELECT id, minhash FROM reports WHERE minhash IS NOT NULL "
                                          "AND id > ? ORDER BY id", (self._near_last,)):
            self._near.add(rid, sig)
            self._near_last = rid
        return self._near

    def quarantine(self, rejected: Rejected) -> None:
        self.conn.execute("INSERT OR IGNORE INTO quarantine (source, reason, message, time) VALUES (?,?,?,?)",
                          (_storable(rejected.origin), rejected.reason, _storable(rejected.message),
                           datetime.now(timezone.utc).isoformat(timespec="seconds")))

    # ---- reading -------------------------------------------------------------------------

    def quarantined(self, reason: str | None = None, limit: int | None = None) -> list[dict]:
        sql = "SELECT source, reason, message, time FROM quarantine"
        args: list = []
        if reason:
            sql += " WHERE reason = ?"
            args.append(reason)
        sql += " ORDER BY id" + (" LIMIT ?" if limit else "")
        return [dict(r) for r in self.conn.execute(sql, args + ([limit] if limit else []))]

    def counts(self) -> dict[str, int]:
        tables = ("reports", "sources", "entities", "events", "merged_events", "near_duplicates", "quarantine")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def near_duplicates(self, report_id: int) -> list[tuple[int, float]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT dup_of, similarity FROM near_duplicates WHERE report_id = ? ORDER BY dup_of", (report_id,))]

    def document(self, report_id: int) -> dict:
        """The stored rasd.document/1 dict of a report."""
        return json.loads(json.dumps(self._doc(report_id)))  # a copy: the cache must stay intact

    def _load_doc(self, report_id: int) -> dict:
        row = self.conn.execute("SELECT doc, text FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise StoreError(f"no report {report_id} in {self.path}")
        return {**json.loads(row["doc"]), "text": row["text"]}

    def sources(self, report_id: int) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT outlet, url, published, origin FROM sources WHERE report_id = ? ORDER BY id", (report_id,))]

    def merged_ids(self, f: EventFilter = EventFilter()) -> list[int]:
        """Merged events with at least one member event matching every filter, by date then id.

        The answer is kept for the last few filters while the database is unchanged: SQLite's
        ``data_version`` moves when another connection commits and ``total_changes`` when this one
        writes, so a kept answer is never stale (the API pages through one filter many times).
        """
        f = check_filter(f)
        key = (f, self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if key in self._ids:
            self._ids.move_to_end(key)
            return list(self._ids[key])
        ids = self._merged_ids(f)
        self._ids[key] = ids
        if len(self._ids) > IDS_KEPT:
            self._ids.popitem(last=False)
        return list(ids)

    def _merged_ids(self, f: EventFilter) -> list[int]:
        where, args = [], []
        if f.type:
            where.append("e.type = ?")
            args.append(f.type)
        if f.date_from:
            where.append("m.date >= ?")
            args.append(f.date_from)
        if f.date_to:
            where.append("m.date <= ?")
            args.append(f.date_to)
        for value, etype, roles in ((f.actor, "ACTOR", ("agent", "target", "partner")),
                                    (f.person, "PERSON", ("agent", "target", "partner")),
                                    (f.place, "PLACE", ("place",))):
            if value:
                if etype == "PLACE":
                    ids, names = places_named(value, self.gazetteer)
                else:
                    ids, names = kb_ids_named(value, etype.lower()), [fold_str(value)]
                where.append(_entity_clause(etype, roles, len(ids), len(names)))
                args += [*roles, *ids, *(f"%{_like(n)}%" for n in names), f"%{_like(value)}%"]
        if f.bbox:
            west, south, east, north = f.bbox
            where.append("EXISTS (SELECT 1 FROM participants p JOIN entities n ON n.report_id = p.report_id "
                         "AND n.eid = p.eid WHERE p.event_id = e.id AND p.role = 'place' "
                         "AND n.lon BETWEEN ? AND ? AND n.lat BETWEEN ? AND ?)")
            args += [west, east, south, north]
        if f.source:
            where.append("EXISTS (SELECT 1 FROM sources s WHERE s.report_id = e.report_id "
                         "AND (s.outlet = ? OR s.url LIKE ?))")
            args += [f.source, f"%{f.source}%"]
        if f.text:
            where.append("e.report_id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)")
            args.append(f.text)
        sql = ("SELECT DISTINCT m.id, m.date FROM events e JOIN merged_events m ON m.id = e.merged_id"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY m.date IS NULL, m.date, m.id")
        if f.limit:
            sql += f" LIMIT {int(f.limit)}"
        try:
            return [r[0] for r in self.conn.execute(sql, args)]
        except sqlite3.OperationalError as e:
            raise StoreError(f"the query failed: {e}", hint="Check the --text search syntax (FTS5).") from e

    def event_rows(self, f: EventFilter = EventFilter()) -> list[dict]:
        """One summary row per merged event (for tables): names, figures, counts of sources."""
        rows = []
        for mid in self.merged_ids(f):
            m = self.conn.execute("SELECT * FROM merged_events WHERE id = ?", (mid,)).fetchone()
            names = lambda roles: sorted({r[0] for r in self.conn.execute(  # noqa: E731
                f"SELECT DISTINCT coalesce(n.name_en, n.name_ar) FROM events e JOIN participants p "
                f"ON p.event_id = e.id JOIN entities n ON n.report_id = p.report_id AND n.eid = p.eid "
                f"WHERE e.merged_id = ? AND p.role IN ({roles})", (mid,)) if r[0]})
            reports = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT report_id FROM events WHERE merged_id = ? ORDER BY report_id", (mid,))]
            figures = [r[0] for r in self.conn.execute("SELECT fatalities FROM events WHERE merged_id = ?", (mid,))]
            n_sources = self.conn.execute(
                f"SELECT count(*) FROM sources WHERE report_id IN ({','.join('?' * len(reports))})",
                reports).fetchone()[0]
            rows.append({"id": mid, "type": m["type"], "date": m["date"], "fatalities": m["fatalities"],
                         "fatality_figures": sorted({x for x in figures if x is not None}),
                         "actors": names("'agent','target','partner'"), "places": names("'place'"),
                         "reports": reports, "sources": n_sources})
        return rows

    def _report_records(self, rid: int) -> dict[str, list[dict]]:
        """vid → the export record of that event, once per source of the report."""
        from rasd.export.records import records_from_document

        row = self.conn.execute("SELECT doc, text FROM reports WHERE id = ?", (rid,)).fetchone()
        if row is None:
            raise StoreError(f"no report {rid} in {self.path}")
        doc = {**json.loads(row["doc"]), "text": row["text"]}
        base = doc.get("source") or {}
        out: dict[str, list[dict]] = {ev["id"]: [] for ev in doc.get("events", [])}
        for src in self.sources(rid):
            doc["source"] = {**base, "outlet": src["outlet"], "url": src["url"],
                             "published": src["published"] or base.get("published")}
            for ev, rec in zip(doc.get("events", []), records_from_document(doc)):
                out[ev["id"]].append(rec)
        return out

    def records(self, f: EventFilter = EventFilter()) -> Iterator[dict]:
        """Export records (rasd.export.records shape), one per merged event, every source kept."""
        return self.records_of(self.merged_ids(f))

    def records_of(self, merged_ids: list[int]) -> Iterator[dict]:
        """The export records of these merged events, in this order.

        Streams: each report's records are built once (a bounded cache holds the recent ones,
        and merged events come in date order, so a report's events are near each other)."""
        from collections import OrderedDict

        from rasd.export.records import merge_records

        cache: OrderedDict[int, dict[str, list[dict]]] = OrderedDict()

        def of(rid: int) -> dict[str, list[dict]]:
            if rid in cache:
                cache.move_to_end(rid)
                return cache[rid]
            built = cache[rid] = self._report_records(rid)
            if len(cache) > RECORD_CACHE:
                cache.popitem(last=False)
            return built

        for mid in merged_ids:
            members = self.conn.execute("SELECT report_id, vid FROM events WHERE merged_id = ? ORDER BY id",
                                        (mid,)).fetchall()
            recs = [rec for rid, vid in members for rec in of(rid).get(vid, [])]
            if not recs:
                continue
            # a record built here is this merged event's alone: one source needs no merging copy
            merged = recs[0] if len(recs) == 1 else merge_records(recs)
            merged["merged_id"] = mid
            yield merged
