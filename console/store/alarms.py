"""The room's alarms: one queue for every desk, the steps of each alarm, the events services, the Mobboxes' health.

Plain rows in and out; the rules live in ``console/alarms/model.py`` and the services apply them
inside the transaction of the step's audit entry. Every change moves ``alarm_meta.revision`` on, so
a desk reading one integer knows at once that the queue changed (a room's store also wakes its
listeners by NOTIFY on every commit). An alarm is taken by compare-and-set on its ``revision``:
two desks taking the same alarm at once cannot both succeed.

The events service (one per room) reports itself and the state of each camera's subscription and
detectors in ``event_intakes``, like a recorder in ``recorders``; a Mobbox's battery, uplink and
door as the camera last said them are in ``device_health``.
"""

from __future__ import annotations

import json
from typing import Any

from console.store.backend import Migration, Rows, TableGroup, Transaction, rows_as_dicts

TABLES = TableGroup("alarms", (Migration(1, {"sqlite": (
"""CREATE TABLE IF NOT EXISTS alarm_meta (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL)""",
"""INSERT INTO alarm_meta (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING""", """
CREATE TABLE IF NOT EXISTS alarms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- 'alarm 0042' to the operators
    camera TEXT NOT NULL,
    kind TEXT NOT NULL,                -- AlarmKind's value: motion | tamper | video loss | ...
    source TEXT NOT NULL,              -- EventSource's value: onvif | detector | watchdog
    detail TEXT NOT NULL DEFAULT '{}', -- JSON facts: cause, zone, area_pct, battery_pct, input ...
    message TEXT NOT NULL DEFAULT '{}',-- JSON: the camera's own message, as it came
    priority INTEGER NOT NULL,         -- 1 (most urgent) .. 3
    recipient TEXT NOT NULL,           -- Recipient's value: operators | team chief
    rule TEXT NOT NULL DEFAULT '',     -- the alarms.yaml rule that let it through (its name)
    show TEXT NOT NULL DEFAULT '',     -- where its video goes by rule: '' | 'alarm tile' | 'window N'
    event_utc TEXT NOT NULL,           -- when the camera (or detector) saw it
    raised_utc TEXT NOT NULL,          -- when it entered the queue
    last_utc TEXT NOT NULL,            -- the newest event coalesced into it
    repeats INTEGER NOT NULL DEFAULT 0,-- events coalesced into it after the first
    state TEXT NOT NULL,               -- AlarmState's value: new | in progress | closed
    taken_by TEXT, taken_name TEXT, taken_role TEXT, taken_workstation TEXT, taken_utc TEXT,
    escalate_after_s REAL NOT NULL,    -- its rule's time to be taken before the team chief hears of it
    escalated_utc TEXT,                -- not taken within its time: sent to the team chief
    closed_by TEXT, closed_utc TEXT,
    outcome TEXT,                      -- Outcome's value
    note TEXT NOT NULL DEFAULT '',
    incident TEXT,                     -- the incident it made or joined ('2026-0042')
    still_jpeg BLOB,                   -- the picture at the alarm (a detector's frame or a snapshot)
    revision INTEGER NOT NULL
)""", "CREATE INDEX IF NOT EXISTS alarms_state ON alarms (state, raised_utc)",
"CREATE INDEX IF NOT EXISTS alarms_camera ON alarms (camera, kind, state)", """
CREATE TABLE IF NOT EXISTS alarm_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alarm INTEGER NOT NULL,
    utc TEXT NOT NULL,
    user TEXT NOT NULL,
    kind TEXT NOT NULL,                -- raised | repeated | taken | released | escalated | closed | shown
    facts TEXT NOT NULL DEFAULT '{}'   -- JSON: worded when shown
)""", "CREATE INDEX IF NOT EXISTS alarm_steps_alarm ON alarm_steps (alarm)", """
CREATE TABLE IF NOT EXISTS event_intakes (
    name TEXT PRIMARY KEY,             -- the events service's name (one per room; a lone desk's child)
    host TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL,
    cameras TEXT NOT NULL DEFAULT '{}',-- JSON: camera -> {subscription, detectors, since_utc, problem, events}
    problem TEXT                       -- a fact; NULL when all is well
)""", """
CREATE TABLE IF NOT EXISTS device_health (
    device TEXT PRIMARY KEY,           -- a Mobbox's id (or a camera's, for a camera with inputs of its own)
    camera TEXT NOT NULL,              -- the camera that said it last
    battery_pct REAL,                  -- NULL: not reported
    battery_low INTEGER,               -- 1/0; NULL: not reported
    uplink TEXT,                       -- ok | degraded | lost; NULL: not reported
    door TEXT,                         -- open | closed; NULL: not reported
    updated_utc TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'  -- JSON: what else the camera said (signal dBm, voltage ...)
)""")}),
))  # fmt: skip

_JSON_COLUMNS = ("detail", "message", "facts", "cameras")
ALARM_COLUMNS = (
    "id",
    "camera",
    "kind",
    "source",
    "detail",
    "message",
    "priority",
    "recipient",
    "rule",
    "show",
    "event_utc",
    "raised_utc",
    "last_utc",
    "repeats",
    "state",
    "taken_by",
    "taken_name",
    "taken_role",
    "taken_workstation",
    "taken_utc",
    "escalate_after_s",
    "escalated_utc",
    "closed_by",
    "closed_utc",
    "outcome",
    "note",
    "incident",
    "revision",
)  # fmt: skip  (everything but the still)


def _dicts(cursor: Rows) -> list[dict[str, Any]]:
    return rows_as_dicts(cursor, _JSON_COLUMNS)


def _encoded(row: dict[str, Any]) -> dict[str, Any]:
    return {column: json.dumps(value, sort_keys=True) if column in _JSON_COLUMNS else value
            for column, value in row.items()}  # fmt: skip


# -- the revision: one integer that tells a desk the queue changed -------------------------------------------------
def revision(transaction: Transaction) -> int:
    row = transaction.execute("SELECT revision FROM alarm_meta WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def next_revision(transaction: Transaction) -> int:
    transaction.execute("UPDATE alarm_meta SET revision = revision + 1 WHERE id = 1")
    return revision(transaction)


# -- alarms -----------------------------------------------------------------------------------------------------------
def insert_alarm(transaction: Transaction, row: dict[str, Any]) -> int:
    """A new alarm (every column but ``id``; ``detail``/``message`` as dicts); its id."""
    encoded = _encoded(row)
    inserted = transaction.execute(
        f"INSERT INTO alarms ({', '.join(encoded)}) VALUES ({', '.join('?' * len(encoded))}) RETURNING id",
        tuple(encoded.values()),
    ).fetchone()
    return int(inserted[0])


def update_alarm(transaction: Transaction, alarm_id: int, changes: dict[str, Any],
                 expected_revision: int | None = None) -> bool:  # fmt: skip
    """Change an alarm; with ``expected_revision``, only if nobody changed it since it was read (False: lost)."""
    encoded = _encoded(changes)
    assignments = ", ".join(f"{column} = ?" for column in encoded)
    statement = f"UPDATE alarms SET {assignments} WHERE id = ?"
    parameters: tuple[Any, ...] = (*encoded.values(), alarm_id)
    if expected_revision is not None:
        statement += " AND revision = ?"
        parameters = (*parameters, expected_revision)
    return transaction.execute(statement, parameters).rowcount == 1


def alarm_row(transaction: Transaction, alarm_id: int) -> dict[str, Any] | None:
    rows = _dicts(transaction.execute(f"SELECT {', '.join(ALARM_COLUMNS)} FROM alarms WHERE id = ?", (alarm_id,)))
    return rows[0] if rows else None


def alarm_rows(transaction: Transaction, recent_closed: int = 30) -> list[dict[str, Any]]:
    """Every alarm not closed, and the newest closed ones (what a desk's queue shows), newest first."""
    columns = ", ".join(ALARM_COLUMNS)
    open_rows = _dicts(transaction.execute(f"SELECT {columns} FROM alarms WHERE state <> 'closed' ORDER BY id DESC"))
    closed = _dicts(transaction.execute(f"SELECT {columns} FROM alarms WHERE state = 'closed' ORDER BY id DESC"
                                        " LIMIT ?", (recent_closed,)))  # fmt: skip
    return open_rows + closed


def alarms_between(transaction: Transaction, since_utc: str, until_utc: str) -> list[dict[str, Any]]:
    """Alarms raised in [since, until) (the command line's list, a report), oldest first."""
    return _dicts(transaction.execute(f"SELECT {', '.join(ALARM_COLUMNS)} FROM alarms WHERE raised_utc >= ?"
                                      " AND raised_utc < ? ORDER BY id", (since_utc, until_utc)))  # fmt: skip


def open_alarm_for(transaction: Transaction, camera: str, kind: str) -> dict[str, Any] | None:
    """The newest alarm of this camera and kind not yet closed: a repeat of its event is coalesced into it."""
    rows = _dicts(transaction.execute(f"SELECT {', '.join(ALARM_COLUMNS)} FROM alarms WHERE camera = ? AND kind = ?"
                                      " AND state <> 'closed' ORDER BY id DESC LIMIT 1", (camera, kind)))  # fmt: skip
    return rows[0] if rows else None


def alarm_still(transaction: Transaction, alarm_id: int) -> bytes | None:
    row = transaction.execute("SELECT still_jpeg FROM alarms WHERE id = ?", (alarm_id,)).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def closed_stills_before(transaction: Transaction, before_utc: str, since_utc: str = "") -> list[dict[str, Any]]:
    """Closed alarms raised in [since, before) that still keep their still (the retention sweeper), with its size
    and the state of the incident each made or joined (NULL: none, or no such incident)."""
    return _dicts(transaction.execute(
        "SELECT a.id, a.camera, a.event_utc, a.raised_utc, a.incident, i.state AS incident_state,"
        " LENGTH(a.still_jpeg) AS bytes FROM alarms a LEFT JOIN incidents i ON i.id = a.incident"
        " WHERE a.state = 'closed' AND a.still_jpeg IS NOT NULL AND a.raised_utc >= ? AND a.raised_utc < ?"
        " ORDER BY a.raised_utc, a.id", (since_utc, before_utc)))  # fmt: skip


def delete_stills(transaction: Transaction, alarm_ids: list[int]) -> int:
    """The stills of these closed alarms go (past their retention); the alarms' facts stay (camera, kind, times,
    outcome, steps). The revision moves: a desk showing one reads it again."""
    deleted = 0
    for alarm_id in alarm_ids:
        deleted += transaction.execute("UPDATE alarms SET still_jpeg = NULL WHERE id = ? AND state = 'closed'"
                                       " AND still_jpeg IS NOT NULL", (alarm_id,)).rowcount  # fmt: skip
    if deleted:
        next_revision(transaction)
    return deleted


def add_step(transaction: Transaction, alarm_id: int, utc: str, user: str, kind: str, facts: dict[str, Any]) -> None:
    transaction.execute('INSERT INTO alarm_steps (alarm, utc, "user", kind, facts) VALUES (?, ?, ?, ?, ?)',
                        (alarm_id, utc, user, kind, json.dumps(facts, sort_keys=True)))  # fmt: skip


def steps(transaction: Transaction, alarm_id: int) -> list[dict[str, Any]]:
    return _dicts(transaction.execute('SELECT id, alarm, utc, "user" AS "user", kind, facts FROM alarm_steps'
                                      " WHERE alarm = ? ORDER BY id", (alarm_id,)))  # fmt: skip


# -- the events services ------------------------------------------------------------------------------------------
def report_intake(transaction: Transaction, name: str, host: str, started_utc: str, last_seen_utc: str,
                  cameras: dict[str, Any], problem: str | None) -> None:  # fmt: skip
    """The events service's heartbeat: itself, and each camera's subscription and detectors as they are now."""
    transaction.execute(
        "INSERT INTO event_intakes (name, host, started_utc, last_seen_utc, cameras, problem) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET host = excluded.host, started_utc = excluded.started_utc,"
        " last_seen_utc = excluded.last_seen_utc, cameras = excluded.cameras, problem = excluded.problem",
        (name, host, started_utc, last_seen_utc, json.dumps(cameras, sort_keys=True), problem),
    )


def read_intakes(transaction: Transaction) -> list[dict[str, Any]]:
    return _dicts(transaction.execute("SELECT name, host, started_utc, last_seen_utc, cameras, problem"
                                      " FROM event_intakes ORDER BY name"))  # fmt: skip


def remove_intake(transaction: Transaction, name: str) -> None:
    transaction.execute("DELETE FROM event_intakes WHERE name = ?", (name,))


# -- a Mobbox's health ----------------------------------------------------------------------------------------------
HEALTH_COLUMNS = ("device", "camera", "battery_pct", "battery_low", "uplink", "door", "updated_utc", "detail")


def set_health(transaction: Transaction, row: dict[str, Any]) -> None:
    """Write what a camera said of its device (``device`` and ``camera`` given; absent columns keep their value)."""
    encoded = _encoded(row)
    columns = ", ".join(encoded)
    updates = ", ".join(f"{column} = excluded.{column}" for column in encoded if column != "device")
    transaction.execute(f"INSERT INTO device_health ({columns}) VALUES ({', '.join('?' * len(encoded))})"
                        f" ON CONFLICT (device) DO UPDATE SET {updates}", tuple(encoded.values()))  # fmt: skip


def device_health(transaction: Transaction, device: str) -> dict[str, Any] | None:
    """What the device's cameras last said of it (None: nothing yet)."""
    cursor = transaction.execute(f"SELECT {', '.join(HEALTH_COLUMNS)} FROM device_health WHERE device = ?", (device,))
    rows = _dicts(cursor)
    return rows[0] if rows else None


def read_health(transaction: Transaction) -> list[dict[str, Any]]:
    return _dicts(transaction.execute(f"SELECT {', '.join(HEALTH_COLUMNS)} FROM device_health ORDER BY device"))
