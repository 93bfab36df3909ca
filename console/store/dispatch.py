"""The dispatch tables: incidents with their timelines, street units, ANPR hits.

Plain rows in and out; the rules live in ``console/dispatch``. Every change is
made on the audit log's connection inside the transaction of its entry, and
moves ``dispatch_meta.revision`` on, so a console polling one integer knows at
once that the queue changed, whichever console (or command) changed it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from console.store import guard

SCHEMA = """
CREATE TABLE IF NOT EXISTS dispatch_meta (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
INSERT OR IGNORE INTO dispatch_meta VALUES (1, 0);
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY,                 -- 2026-0042
    year INTEGER NOT NULL, number INTEGER NOT NULL,
    source TEXT NOT NULL, type TEXT NOT NULL, priority INTEGER NOT NULL, state TEXT NOT NULL,
    created_utc TEXT NOT NULL, created_by TEXT NOT NULL, updated_utc TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '', area TEXT, lat REAL, lon REAL,
    description TEXT NOT NULL DEFAULT '', caller TEXT NOT NULL DEFAULT '',
    cameras TEXT NOT NULL DEFAULT '[]',   -- JSON: camera ids
    snapshots TEXT NOT NULL DEFAULT '[]', -- JSON: {camera, utc, file, sha256}
    assigned TEXT NOT NULL DEFAULT '[]',  -- JSON: every call sign ever sent to it
    outcome TEXT NOT NULL DEFAULT '', report_number TEXT NOT NULL DEFAULT '',
    merged_into TEXT, first_dispatched_utc TEXT, hit INTEGER,
    revision INTEGER NOT NULL,
    UNIQUE (year, number)
);
CREATE INDEX IF NOT EXISTS incidents_state ON incidents (state);
CREATE TABLE IF NOT EXISTS incident_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, incident TEXT NOT NULL, utc TEXT NOT NULL, user TEXT NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events (incident);
CREATE TABLE IF NOT EXISTS units (
    call_sign TEXT PRIMARY KEY, kind TEXT NOT NULL, home_area TEXT, state TEXT NOT NULL, incident TEXT,
    since_utc TEXT NOT NULL, revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS unit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, call_sign TEXT NOT NULL, utc TEXT NOT NULL, user TEXT NOT NULL,
    from_state TEXT NOT NULL, to_state TEXT NOT NULL, incident TEXT
);
CREATE TABLE IF NOT EXISTS anpr_hits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, utc TEXT NOT NULL, camera TEXT NOT NULL, plate TEXT NOT NULL,
    plate_read TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL, direction TEXT NOT NULL,
    list TEXT NOT NULL, list_reason TEXT NOT NULL, list_owner TEXT NOT NULL, list_expires TEXT NOT NULL,
    plate_png BLOB, overview_png BLOB,
    outcome TEXT, outcome_by TEXT, outcome_utc TEXT, incident TEXT, revision INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS anpr_hits_outcome ON anpr_hits (outcome);
"""
_JSON_COLUMNS = ("cameras", "snapshots", "assigned")
HIT_COLUMNS = (
    "id",
    "utc",
    "camera",
    "plate",
    "plate_read",
    "country",
    "confidence",
    "direction",
    "list",
    "list_reason",
    "list_owner",
    "list_expires",
    "outcome",
    "outcome_by",
    "outcome_utc",
    "incident",
    "revision",
)  # fmt: skip  (everything but the images)


def create_tables(database: Path) -> None:
    with guard.connect(database) as connection:
        connection.execute("PRAGMA busy_timeout=10000")
        connection.executescript(SCHEMA)


def open_reader(database: Path) -> sqlite3.Connection:
    """A read-only connection of its own (a worker thread's; never the writer's)."""
    connection = guard.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout=10000")
    return connection


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    for row in rows:
        for column in _JSON_COLUMNS:
            if column in row:
                row[column] = json.loads(row[column])
    return rows


def _one(cursor: sqlite3.Cursor) -> dict[str, Any] | None:
    rows = _dicts(cursor)
    return rows[0] if rows else None


# -- the revision: one integer that tells a console the queue changed -----------------------------
def revision(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT revision FROM dispatch_meta WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def next_revision(connection: sqlite3.Connection) -> int:
    connection.execute("UPDATE dispatch_meta SET revision = revision + 1 WHERE id = 1")
    return revision(connection)


# -- incidents ------------------------------------------------------------------------------------
def next_incident_number(connection: sqlite3.Connection, year: int) -> int:
    row = connection.execute("SELECT MAX(number) FROM incidents WHERE year = ?", (year,)).fetchone()
    return (row[0] or 0) + 1


def insert_incident(connection: sqlite3.Connection, row: dict[str, Any]) -> None:
    values = {key: json.dumps(value) if key in _JSON_COLUMNS else value for key, value in row.items()}
    columns = ", ".join(values)
    connection.execute(f"INSERT INTO incidents ({columns}) VALUES ({', '.join('?' * len(values))})",
                       tuple(values.values()))  # fmt: skip


def update_incident(connection: sqlite3.Connection, incident_id: str, changes: dict[str, Any]) -> None:
    values = {key: json.dumps(value) if key in _JSON_COLUMNS else value for key, value in changes.items()}
    assignments = ", ".join(f"{column} = ?" for column in values)
    connection.execute(f"UPDATE incidents SET {assignments} WHERE id = ?", (*values.values(), incident_id))


def incident_row(connection: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    return _one(connection.execute("SELECT * FROM incidents WHERE id = ?", (incident_id,)))


def incident_rows(connection: sqlite3.Connection, is_open_only: bool = False, closed_limit: int = 50
                  ) -> list[dict[str, Any]]:  # fmt: skip
    """Open incidents, and (unless ``is_open_only``) the most recent finished ones."""
    rows = _dicts(connection.execute(
        "SELECT * FROM incidents WHERE state IN ('new', 'dispatched', 'on scene') ORDER BY year, number"))  # fmt: skip
    if not is_open_only:
        rows += _dicts(connection.execute(
            "SELECT * FROM incidents WHERE state NOT IN ('new', 'dispatched', 'on scene')"
            " ORDER BY updated_utc DESC LIMIT ?", (closed_limit,)))  # fmt: skip
    return rows


def add_event(connection: sqlite3.Connection, incident_id: str, utc: str, user: str, kind: str, text: str) -> None:
    connection.execute("INSERT INTO incident_events (incident, utc, user, kind, text) VALUES (?, ?, ?, ?, ?)",
                       (incident_id, utc, user, kind, text))  # fmt: skip


def event_rows(connection: sqlite3.Connection, incident_ids: list[str]) -> list[dict[str, Any]]:
    if not incident_ids:
        return []
    marks = ", ".join("?" * len(incident_ids))
    return _dicts(connection.execute(
        f"SELECT incident, utc, user, kind, text FROM incident_events WHERE incident IN ({marks}) ORDER BY id",
        incident_ids))  # fmt: skip


# -- units ----------------------------------------------------------------------------------------
def ensure_unit(connection: sqlite3.Connection, call_sign: str, kind: str, home_area: str | None, utc: str,
                revision_now: int) -> bool:  # fmt: skip
    """Add a configured unit (available) if the store does not know it yet; True if it was added."""
    cursor = connection.execute(
        "INSERT OR IGNORE INTO units (call_sign, kind, home_area, state, incident, since_utc, revision)"
        " VALUES (?, ?, ?, 'available', NULL, ?, ?)", (call_sign, kind, home_area, utc, revision_now))  # fmt: skip
    connection.execute("UPDATE units SET kind = ?, home_area = ? WHERE call_sign = ?", (kind, home_area, call_sign))
    return cursor.rowcount > 0


def unit_row(connection: sqlite3.Connection, call_sign: str) -> dict[str, Any] | None:
    return _one(connection.execute("SELECT * FROM units WHERE call_sign = ?", (call_sign,)))


def unit_rows(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    return _dicts(connection.execute("SELECT * FROM units ORDER BY call_sign"))


def set_unit(connection: sqlite3.Connection, call_sign: str, state: str, incident: str | None, utc: str,
             revision_now: int) -> None:  # fmt: skip
    connection.execute("UPDATE units SET state = ?, incident = ?, since_utc = ?, revision = ? WHERE call_sign = ?",
                       (state, incident, utc, revision_now, call_sign))  # fmt: skip


def add_unit_event(connection: sqlite3.Connection, call_sign: str, utc: str, user: str, from_state: str,
                   to_state: str, incident: str | None) -> None:  # fmt: skip
    connection.execute("INSERT INTO unit_events (call_sign, utc, user, from_state, to_state, incident)"
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       (call_sign, utc, user, from_state, to_state, incident))  # fmt: skip


def unit_event_rows(connection: sqlite3.Connection, call_sign: str, limit: int = 50) -> list[dict[str, Any]]:
    return _dicts(connection.execute(
        "SELECT utc, user, from_state, to_state, incident FROM unit_events WHERE call_sign = ? ORDER BY id DESC"
        " LIMIT ?", (call_sign, limit)))  # fmt: skip


# -- ANPR hits ------------------------------------------------------------------------------------
def insert_hit(connection: sqlite3.Connection, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    cursor = connection.execute(f"INSERT INTO anpr_hits ({columns}) VALUES ({', '.join('?' * len(row))})",
                                tuple(row.values()))  # fmt: skip
    return int(cursor.lastrowid)


def update_hit(connection: sqlite3.Connection, hit_id: int, changes: dict[str, Any]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    connection.execute(f"UPDATE anpr_hits SET {assignments} WHERE id = ?", (*changes.values(), hit_id))


def hit_row(connection: sqlite3.Connection, hit_id: int) -> dict[str, Any] | None:
    return _one(connection.execute(f"SELECT {', '.join(HIT_COLUMNS)} FROM anpr_hits WHERE id = ?", (hit_id,)))


def hit_rows(connection: sqlite3.Connection, recent_limit: int = 30) -> list[dict[str, Any]]:
    """Hits waiting for their check, and the most recent checked ones."""
    columns = ", ".join(HIT_COLUMNS)
    rows = _dicts(connection.execute(f"SELECT {columns} FROM anpr_hits WHERE outcome IS NULL ORDER BY id"))
    rows += _dicts(connection.execute(
        f"SELECT {columns} FROM anpr_hits WHERE outcome IS NOT NULL ORDER BY id DESC LIMIT ?",
        (recent_limit,)))  # fmt: skip
    return rows


def hit_images(connection: sqlite3.Connection, hit_id: int) -> tuple[bytes | None, bytes | None]:
    row = connection.execute("SELECT plate_png, overview_png FROM anpr_hits WHERE id = ?", (hit_id,)).fetchone()
    return (row[0], row[1]) if row else (None, None)
