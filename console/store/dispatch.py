"""The dispatch tables: incidents with their timelines, street units, ANPR hits.

Plain rows in and out; the rules live in ``console/dispatch``. Every change is
made inside the transaction of its audit entry, and
moves ``dispatch_meta.revision`` on, so a console polling one integer knows at
once that the queue changed, whichever console (or command) changed it.
"""

from __future__ import annotations

import json
from typing import Any

from console.store.backend import Migration, Rows, TableGroup, Transaction, rows_as_dicts

TABLES = TableGroup(
    "dispatch",
    (
        Migration(
            1,
            {
                "sqlite": (
                    """CREATE TABLE IF NOT EXISTS dispatch_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL)""",
                    """INSERT INTO dispatch_meta (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING""",
                    """CREATE TABLE IF NOT EXISTS incidents (
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
)""",
                    """CREATE INDEX IF NOT EXISTS incidents_state ON incidents (state)""",
                    """CREATE TABLE IF NOT EXISTS incident_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, incident TEXT NOT NULL, utc TEXT NOT NULL, user TEXT NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL
)""",
                    """CREATE INDEX IF NOT EXISTS incident_events_incident ON incident_events (incident)""",
                    """CREATE TABLE IF NOT EXISTS units (
    call_sign TEXT PRIMARY KEY, kind TEXT NOT NULL, home_area TEXT, state TEXT NOT NULL, incident TEXT,
    since_utc TEXT NOT NULL, revision INTEGER NOT NULL
)""",
                    """CREATE TABLE IF NOT EXISTS unit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, call_sign TEXT NOT NULL, utc TEXT NOT NULL, user TEXT NOT NULL,
    from_state TEXT NOT NULL, to_state TEXT NOT NULL, incident TEXT
)""",
                    """CREATE TABLE IF NOT EXISTS anpr_hits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, utc TEXT NOT NULL, camera TEXT NOT NULL, plate TEXT NOT NULL,
    plate_read TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL, direction TEXT NOT NULL,
    list TEXT NOT NULL, list_reason TEXT NOT NULL, list_owner TEXT NOT NULL, list_expires TEXT NOT NULL,
    plate_png BLOB, overview_png BLOB,
    outcome TEXT, outcome_by TEXT, outcome_utc TEXT, incident TEXT, revision INTEGER NOT NULL
)""",
                    """CREATE INDEX IF NOT EXISTS anpr_hits_outcome ON anpr_hits (outcome)""",
                )
            },
        ),
        # A timeline line is a fact (its kind and these values, JSON), worded when shown; NULL: a row of
        # version 1, whose text is an English sentence. A hit names the hit of the same plate before it.
        Migration(
            2,
            {
                "sqlite": (
                    "ALTER TABLE incident_events ADD COLUMN facts TEXT",
                    "ALTER TABLE anpr_hits ADD COLUMN earlier INTEGER",
                )
            },
        ),
    ),
)
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
    "earlier",
)  # fmt: skip  (everything but the images)


def _dicts(cursor: Rows) -> list[dict[str, Any]]:
    return rows_as_dicts(cursor, _JSON_COLUMNS)


def _one(cursor: Rows) -> dict[str, Any] | None:
    rows = _dicts(cursor)
    return rows[0] if rows else None


# -- the revision: one integer that tells a console the queue changed -----------------------------
def revision(transaction: Transaction) -> int:
    row = transaction.execute("SELECT revision FROM dispatch_meta WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def next_revision(transaction: Transaction) -> int:
    transaction.execute("UPDATE dispatch_meta SET revision = revision + 1 WHERE id = 1")
    return revision(transaction)


# -- incidents ------------------------------------------------------------------------------------
def next_incident_number(transaction: Transaction, year: int) -> int:
    row = transaction.execute("SELECT MAX(number) FROM incidents WHERE year = ?", (year,)).fetchone()
    return (row[0] or 0) + 1


def insert_incident(transaction: Transaction, row: dict[str, Any]) -> None:
    values = {key: json.dumps(value) if key in _JSON_COLUMNS else value for key, value in row.items()}
    columns = ", ".join(values)
    transaction.execute(f"INSERT INTO incidents ({columns}) VALUES ({', '.join('?' * len(values))})",
                       tuple(values.values()))  # fmt: skip


def update_incident(transaction: Transaction, incident_id: str, changes: dict[str, Any]) -> None:
    values = {key: json.dumps(value) if key in _JSON_COLUMNS else value for key, value in changes.items()}
    assignments = ", ".join(f"{column} = ?" for column in values)
    transaction.execute(f"UPDATE incidents SET {assignments} WHERE id = ?", (*values.values(), incident_id))


def incident_row(transaction: Transaction, incident_id: str) -> dict[str, Any] | None:
    return _one(transaction.execute("SELECT * FROM incidents WHERE id = ?", (incident_id,)))


def incident_rows(transaction: Transaction, is_open_only: bool = False, closed_limit: int = 50
                  ) -> list[dict[str, Any]]:  # fmt: skip
    """Open incidents, and (unless ``is_open_only``) the most recent finished ones."""
    rows = _dicts(transaction.execute(
        "SELECT * FROM incidents WHERE state IN ('new', 'dispatched', 'on scene') ORDER BY year, number"))  # fmt: skip
    if not is_open_only:
        rows += _dicts(transaction.execute(
            "SELECT * FROM incidents WHERE state NOT IN ('new', 'dispatched', 'on scene')"
            " ORDER BY updated_utc DESC LIMIT ?", (closed_limit,)))  # fmt: skip
    return rows


def add_event(transaction: Transaction, incident_id: str, utc: str, user: str, kind: str,
              facts: dict[str, Any] | None = None, text: str = "") -> None:  # fmt: skip
    """A timeline line: what happened as ``facts`` (worded when shown), or a note's ``text`` as typed."""
    transaction.execute('INSERT INTO incident_events (incident, utc, "user", kind, text, facts)'
                        " VALUES (?, ?, ?, ?, ?, ?)",
                       (incident_id, utc, user, kind, text,
                        json.dumps(facts, ensure_ascii=False) if facts is not None else None))  # fmt: skip


def event_rows(transaction: Transaction, incident_ids: list[str]) -> list[dict[str, Any]]:
    """The timelines' rows, oldest first; ``facts`` decoded (None: a note, or a row of before the facts)."""
    if not incident_ids:
        return []
    marks = ", ".join("?" * len(incident_ids))
    rows = _dicts(transaction.execute(
        f'SELECT incident, utc, "user", kind, text, facts FROM'
        f" incident_events WHERE incident IN ({marks}) ORDER BY id",
        incident_ids))  # fmt: skip
    for row in rows:
        row["facts"] = json.loads(row["facts"]) if row["facts"] else None
    return rows


# -- units ----------------------------------------------------------------------------------------
def ensure_unit(transaction: Transaction, call_sign: str, kind: str, home_area: str | None, utc: str,
                revision_now: int) -> bool:  # fmt: skip
    """Add a configured unit (available) if the store does not know it yet; True if it was added."""
    cursor = transaction.execute(
        "INSERT INTO units (call_sign, kind, home_area, state, incident, since_utc, revision)"
        " VALUES (?, ?, ?, 'available', NULL, ?, ?) ON CONFLICT (call_sign) DO NOTHING",
        (call_sign, kind, home_area, utc, revision_now))  # fmt: skip
    transaction.execute("UPDATE units SET kind = ?, home_area = ? WHERE call_sign = ?", (kind, home_area, call_sign))
    return cursor.rowcount > 0


def unit_row(transaction: Transaction, call_sign: str) -> dict[str, Any] | None:
    return _one(transaction.execute("SELECT * FROM units WHERE call_sign = ?", (call_sign,)))


def unit_rows(transaction: Transaction) -> list[dict[str, Any]]:
    return _dicts(transaction.execute("SELECT * FROM units ORDER BY call_sign"))


def set_unit(transaction: Transaction, call_sign: str, state: str, incident: str | None, utc: str,
             revision_now: int) -> None:  # fmt: skip
    transaction.execute("UPDATE units SET state = ?, incident = ?, since_utc = ?, revision = ? WHERE call_sign = ?",
                       (state, incident, utc, revision_now, call_sign))  # fmt: skip


def add_unit_event(transaction: Transaction, call_sign: str, utc: str, user: str, from_state: str,
                   to_state: str, incident: str | None) -> None:  # fmt: skip
    transaction.execute('INSERT INTO unit_events (call_sign, utc, "user", from_state, to_state, incident)'
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       (call_sign, utc, user, from_state, to_state, incident))  # fmt: skip


# -- ANPR hits ------------------------------------------------------------------------------------
def insert_hit(transaction: Transaction, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    inserted = transaction.execute(
        f"INSERT INTO anpr_hits ({columns}) VALUES ({', '.join('?' * len(row))}) RETURNING id", tuple(row.values())
    ).fetchone()
    return int(inserted[0])


def update_hit(transaction: Transaction, hit_id: int, changes: dict[str, Any]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    transaction.execute(f"UPDATE anpr_hits SET {assignments} WHERE id = ?", (*changes.values(), hit_id))


def hit_row(transaction: Transaction, hit_id: int) -> dict[str, Any] | None:
    return _one(transaction.execute(f"SELECT {', '.join(HIT_COLUMNS)} FROM anpr_hits WHERE id = ?", (hit_id,)))


EARLIER_COLUMNS = ("utc", "outcome", "outcome_by", "incident")  # of the hit a hit repeats, read with it


def hit_rows(transaction: Transaction, recent_limit: int = 30) -> list[dict[str, Any]]:
    """Hits waiting for their check, and the most recent checked ones; each with what became of the hit of its
    plate before it (``earlier_utc``, ``earlier_outcome``, ... NULL when there was none)."""
    columns = ", ".join([f"h.{column}" for column in HIT_COLUMNS]
                        + [f"e.{column} AS earlier_{column}" for column in EARLIER_COLUMNS])  # fmt: skip
    joined = f"SELECT {columns} FROM anpr_hits h LEFT JOIN anpr_hits e ON e.id = h.earlier"
    rows = _dicts(transaction.execute(f"{joined} WHERE h.outcome IS NULL ORDER BY h.id"))
    rows += _dicts(transaction.execute(f"{joined} WHERE h.outcome IS NOT NULL ORDER BY h.id DESC LIMIT ?",
                                       (recent_limit,)))  # fmt: skip
    return rows


def hits_for_plate(transaction: Transaction, plate: str, country: str, limit: int = 20) -> list[dict[str, Any]]:
    """The newest hits of a plate (id, outcome, incident): a new read may belong with one of them."""
    return _dicts(transaction.execute(
        "SELECT id, outcome, incident FROM anpr_hits WHERE plate = ? AND country = ? ORDER BY id DESC LIMIT ?",
        (plate, country, limit)))  # fmt: skip


def hit_images(transaction: Transaction, hit_id: int) -> tuple[bytes | None, bytes | None]:
    row = transaction.execute("SELECT plate_png, overview_png FROM anpr_hits WHERE id = ?", (hit_id,)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def hits_before(transaction: Transaction, before_utc: str, since_utc: str = "") -> list[dict[str, Any]]:
    """The hits read in [since, before) (the retention sweeper), with the state of the incident each joined."""
    return _dicts(transaction.execute(
        "SELECT h.id, h.utc, h.camera, h.incident, i.state AS incident_state FROM anpr_hits h"
        " LEFT JOIN incidents i ON i.id = h.incident WHERE h.utc >= ? AND h.utc < ? ORDER BY h.utc, h.id",
        (since_utc, before_utc)))  # fmt: skip


def delete_hits(transaction: Transaction, hit_ids: list[int]) -> int:
    """Hits gone with their images (past their retention); the incidents keep their own text."""
    deleted = 0
    for hit_id in hit_ids:
        deleted += transaction.execute("DELETE FROM anpr_hits WHERE id = ?", (hit_id,)).rowcount
    return deleted


def open_snapshot_files(transaction: Transaction) -> set[str]:
    """The evidence stills' file names that open incidents hold (kept past their retention while open)."""
    rows = transaction.execute("SELECT snapshots FROM incidents WHERE state IN ('new', 'dispatched', 'on scene')")
    return {str(snapshot.get("file")) for (text,) in rows.fetchall() for snapshot in json.loads(text or "[]")}
