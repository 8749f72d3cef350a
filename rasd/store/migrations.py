"""Versioned schema migrations (after sqlite-utils' Migrations): each step runs once, in order.

``schema_version`` holds the highest step applied; a database newer than this code is refused.
Add a step at the end; never edit a step that has shipped.
"""
from __future__ import annotations

import sqlite3

from rasd.errors import StoreError

MIGRATIONS: list[str] = [
    # 1: reports and what was extracted from them, sources, quarantine, near-duplicates, merges.
    """
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        sha TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL,
        title TEXT,
        published TEXT,
        text TEXT NOT NULL,
        doc TEXT NOT NULL,
        minhash BLOB
    );
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        outlet TEXT,
        url TEXT,
        published TEXT,
        origin TEXT NOT NULL
    );
    CREATE UNIQUE INDEX sources_key ON sources(report_id, ifnull(outlet, ''), ifnull(url, ''));
    CREATE INDEX sources_outlet ON sources(outlet);
    CREATE TABLE entities (
        report_id INTEGER NOT NULL REFERENCES reports(id),
        eid TEXT NOT NULL,
        type TEXT NOT NULL,
        name_ar TEXT,
        name_en TEXT,
        kb_id TEXT,
        category TEXT,
        lat REAL,
        lon REAL,
        PRIMARY KEY (report_id, eid)
    );
    CREATE INDEX entities_kb ON entities(kb_id);
    CREATE TABLE mentions (
        report_id INTEGER NOT NULL,
        eid TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(report_id, eid);
    CREATE TABLE merged_events (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        date TEXT,
        fatalities INTEGER
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        vid TEXT NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        fatalities INTEGER,
        key TEXT NOT NULL,
        merged_id INTEGER NOT NULL REFERENCES merged_events(id),
        UNIQUE (report_id, vid)
    );
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_merged ON events(merged_id);
    CREATE TABLE participants (
        event_id INTEGER NOT NULL REFERENCES events(id),
        role TEXT NOT NULL,
        report_id INTEGER NOT NULL,
        eid TEXT NOT NULL
    );
    CREATE INDEX participants_event ON participants(event_id);
    CREATE TABLE near_duplicates (
        report_id INTEGER NOT NULL REFERENCES reports(id),
        dup_of INTEGER NOT NULL REFERENCES reports(id),
        similarity REAL NOT NULL,
        PRIMARY KEY (report_id, dup_of)
    );
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        time TEXT NOT NULL,
        UNIQUE (source, reason)
    );
    CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='id');
    """,
    # 2: the places of each event in a table of their own, so merge candidates are found by SQL
    # (same place kb_id, or coordinates within a box); which event's figure the merged one codes.
    """
    CREATE TABLE event_places (
        event_id INTEGER NOT NULL REFERENCES events(id),
        kb_id TEXT,
        lat REAL,
        lon REAL
    );
    CREATE INDEX event_places_event ON event_places(event_id);
    CREATE INDEX event_places_kb ON event_places(kb_id);
    CREATE INDEX event_places_lat ON event_places(lat, lon);
    INSERT INTO event_places (event_id, kb_id, lat, lon)
        SELECT e.id, json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]'), json_extract(p.value, '$[2]')
        FROM events e, json_each(e.key, '$.places') p;
    ALTER TABLE merged_events ADD COLUMN fatalities_event INTEGER REFERENCES events(id);
    """,
    # 3: analysts' corrections (rasd/store/corrections.py), appended beside the machine's events.
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        merged_id INTEGER REFERENCES merged_events(id),
        report_id INTEGER REFERENCES reports(id),
        kind TEXT NOT NULL CHECK (kind IN ('wrong', 'edit', 'add')),
        fields TEXT NOT NULL,
        author TEXT NOT NULL,
        time TEXT NOT NULL,
        note TEXT,
        CHECK ((merged_id IS NULL) != (report_id IS NULL))
    );
    CREATE INDEX corrections_merged ON corrections(merged_id);
    CREATE INDEX corrections_report ON corrections(report_id);
    """,
    # 4: each event row keeps its modality, so the API's modality filter and facet read a column
    # instead of parsing every report's document (5 s over the 30k-report news store).
    """
    ALTER TABLE events ADD COLUMN modality TEXT;
    UPDATE events SET modality = (
        SELECT json_extract(j.value, '$.modality') FROM reports r, json_each(r.doc, '$.events') j
        WHERE r.id = events.report_id AND json_extract(j.value, '$.id') = events.vid);
    """,
]


def version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the steps not yet applied, each in its own transaction; return the version reached."""
    current = version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(f"the database is at schema version {current}, newer than this rasd "
                         f"({len(MIGRATIONS)})", hint="Upgrade rasd, or use another --db.")
    for n, step in enumerate(MIGRATIONS[current:], current + 1):
        conn.executescript(f"BEGIN;\n{step}\nINSERT INTO schema_version VALUES ({n});\nCOMMIT;")
    return len(MIGRATIONS)
