"""The recordings' index: segments on disk, the gaps between them, who records which camera, evidence locks.

Recordings are files (segments of about a minute, the camera's packets remuxed, never
re-encoded) under a recorder's root; this index says what each file holds, so playback,
export and the retention sweeper never scan a disk to know what exists. A segment is
inserted when its file is opened (``sha256`` NULL: still being written), its end and size
move while it grows, and it is closed with its SHA-256. A gap is a row with its cause, open
(``end_utc`` NULL) while it lasts.

Several recorders share a room's cameras: each camera is claimed by one live recorder, by
compare-and-set in one statement (like a PTZ lease), renewed by a heartbeat; a claim whose
heartbeat is older than the staleness limit may be taken by another recorder. Times of
claims are epoch seconds (the room's PCs keep their clocks by NTP); the index's times are
the store's UTC text (``utc_text``), sortable on every backend.

An imported recording (a bodycam's, a drone's) is a device here: its segments are indexed
under the device id like a camera's, with ``source`` saying where it came from.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from console.store.backend import Migration, TableGroup, Transaction

TABLES = TableGroup("archive", (Migration(1, {"sqlite": ("""
CREATE TABLE IF NOT EXISTS recording_segments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    camera TEXT NOT NULL,              -- a camera id, or an imported device's id
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL,             -- moves while the segment is written
    path TEXT NOT NULL UNIQUE,         -- absolute, as the recorder wrote it
    bytes BIGINT NOT NULL,
    codec TEXT NOT NULL,
    sha256 TEXT,                       -- NULL while the segment is written
    recorder TEXT NOT NULL,            -- the recorder's name, or the importing user for an import
    source TEXT NOT NULL DEFAULT 'camera'  -- camera | bodycam | drone | other
)""", "CREATE INDEX IF NOT EXISTS recording_segments_camera ON recording_segments (camera, start_utc)",
"CREATE INDEX IF NOT EXISTS recording_segments_end ON recording_segments (end_utc)", """
CREATE TABLE IF NOT EXISTS recording_gaps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    camera TEXT NOT NULL,
    start_utc TEXT NOT NULL,
    end_utc TEXT,                      -- NULL while the gap lasts
    cause TEXT NOT NULL,               -- camera down | recorder down | disk full | segment missing | ...
    recorder TEXT NOT NULL
)""", "CREATE INDEX IF NOT EXISTS recording_gaps_camera ON recording_gaps (camera, start_utc)", """
CREATE TABLE IF NOT EXISTS recorders (
    name TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    root TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL,
    disk_free_bytes BIGINT NOT NULL,
    disk_total_bytes BIGINT NOT NULL,
    problem TEXT                       -- a fact: 'disk full', ...; NULL when all is well
)""", """
CREATE TABLE IF NOT EXISTS recording_claims (
    camera TEXT PRIMARY KEY,
    recorder TEXT NOT NULL,
    since_s REAL NOT NULL,
    heartbeat_s REAL NOT NULL
)""", """
CREATE TABLE IF NOT EXISTS evidence_locks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cameras TEXT NOT NULL,             -- JSON list of camera (or device) ids
    start_utc TEXT NOT NULL,
    end_utc TEXT NOT NULL,
    incident INTEGER,                  -- the incident it serves ('2026-0042': TEXT since version 2), or
    judicial_file TEXT,                -- the judicial file's reference
    reason TEXT NOT NULL,
    placed_by TEXT NOT NULL,
    placed_role TEXT NOT NULL,
    placed_utc TEXT NOT NULL,
    released_by TEXT,
    released_role TEXT,
    released_utc TEXT,
    release_reason TEXT
)""", "CREATE INDEX IF NOT EXISTS evidence_locks_span ON evidence_locks (start_utc, end_utc)", """
CREATE TABLE IF NOT EXISTS footage_devices (
    device TEXT PRIMARY KEY,           -- its id works wherever a camera id does
    source TEXT NOT NULL,              -- bodycam | drone | other
    imported_by TEXT NOT NULL,
    imported_utc TEXT NOT NULL,
    incident INTEGER                   -- the incident's id ('2026-0042': TEXT since version 2)
)""")}),
# An incident's id is text ('2026-0042'): the columns that name one take text (SQLite's INTEGER column already keeps
# such a value as text; PostgreSQL's refused it).
Migration(2, {"sqlite": (), "postgresql": ("ALTER TABLE evidence_locks ALTER COLUMN incident TYPE TEXT",
                                           "ALTER TABLE footage_devices ALTER COLUMN incident TYPE TEXT")}),
))  # fmt: skip


@dataclass(frozen=True)
class SegmentRecord:
    id: int
    camera: str
    start_utc: str
    end_utc: str
    path: str
    bytes: int
    codec: str
    sha256: str | None  # None: still being written (or cut by a crash before it was closed)
    recorder: str
    source: str = "camera"

    @property
    def is_closed(self) -> bool:
        return self.sha256 is not None


@dataclass(frozen=True)
class GapRecord:
    id: int
    camera: str
    start_utc: str
    end_utc: str | None  # None: the gap lasts
    cause: str
    recorder: str


@dataclass(frozen=True)
class RecorderRecord:
    name: str
    host: str
    root: str
    started_utc: str
    last_seen_utc: str
    disk_free_bytes: int
    disk_total_bytes: int
    problem: str | None


@dataclass(frozen=True)
class ClaimRecord:
    camera: str
    recorder: str
    since_s: float
    heartbeat_s: float


@dataclass(frozen=True)
class LockRecord:
    id: int
    cameras: tuple[str, ...]
    start_utc: str
    end_utc: str
    incident: str | None  # an incident's id, '2026-0042'
    judicial_file: str | None
    reason: str
    placed_by: str
    placed_role: str
    placed_utc: str
    released_by: str | None = None
    released_role: str | None = None
    released_utc: str | None = None
    release_reason: str | None = None

    @property
    def is_held(self) -> bool:
        return self.released_utc is None


@dataclass(frozen=True)
class DeviceRecord:
    device: str
    source: str
    imported_by: str
    imported_utc: str
    incident: str | None  # an incident's id, '2026-0042'


# Segments -----------------------------------------------------------------------------------------------------------

_SEGMENT = "id, camera, start_utc, end_utc, path, bytes, codec, sha256, recorder, source"


def open_segment(transaction: Transaction, camera: str, start_utc: str, path: str, codec: str, recorder: str,
                 source: str = "camera") -> int:  # fmt: skip
    """A segment whose file is being written: indexed at once, so a crash leaves a row for what survived."""
    row = transaction.execute(
        "INSERT INTO recording_segments (camera, start_utc, end_utc, path, bytes, codec, recorder, source)"
        " VALUES (?, ?, ?, ?, 0, ?, ?, ?) RETURNING id",
        (camera, start_utc, start_utc, path, codec, recorder, source),
    ).fetchone()
    return int(row[0])


def grow_segment(transaction: Transaction, segment_id: int, end_utc: str, size_bytes: int) -> None:
    transaction.execute("UPDATE recording_segments SET end_utc = ?, bytes = ? WHERE id = ? AND sha256 IS NULL",
                        (end_utc, size_bytes, segment_id))  # fmt: skip


def close_segment(transaction: Transaction, segment_id: int, end_utc: str, size_bytes: int, sha256: str) -> None:
    transaction.execute("UPDATE recording_segments SET end_utc = ?, bytes = ?, sha256 = ? WHERE id = ?",
                        (end_utc, size_bytes, sha256, segment_id))  # fmt: skip


def add_segment(transaction: Transaction, segment: SegmentRecord) -> int:
    """A whole segment at once (an import, a segment found closed on disk after a crash)."""
    row = transaction.execute(
        "INSERT INTO recording_segments (camera, start_utc, end_utc, path, bytes, codec, sha256, recorder, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (segment.camera, segment.start_utc, segment.end_utc, segment.path, segment.bytes, segment.codec,
         segment.sha256, segment.recorder, segment.source),
    ).fetchone()  # fmt: skip
    return int(row[0])


def segments(transaction: Transaction, camera: str | None = None, start_utc: str | None = None,
             end_utc: str | None = None) -> list[SegmentRecord]:  # fmt: skip
    """The segments of a camera (or all) that overlap [start, end), oldest first."""
    clauses, values = _span_clauses(camera, start_utc, end_utc)
    rows = transaction.execute(f"SELECT {_SEGMENT} FROM recording_segments{clauses} ORDER BY camera, start_utc, id",
                               values).fetchall()  # fmt: skip
    return [_segment(row) for row in rows]


def open_segments(transaction: Transaction, recorder: str) -> list[SegmentRecord]:
    """A recorder's segments never closed (its last run ended without closing them: killed, or the power)."""
    rows = transaction.execute(f"SELECT {_SEGMENT} FROM recording_segments WHERE recorder = ? AND sha256 IS NULL"
                               " ORDER BY id", (recorder,)).fetchall()  # fmt: skip
    return [_segment(row) for row in rows]


def last_segments(transaction: Transaction) -> dict[str, SegmentRecord]:
    """Each recorder's newest segment (``room status``)."""
    rows = transaction.execute(
        f"SELECT {_SEGMENT} FROM recording_segments WHERE id IN"
        " (SELECT MAX(id) FROM recording_segments WHERE source = 'camera' GROUP BY recorder)"
    ).fetchall()
    return {record.recorder: record for record in map(_segment, rows)}


def recorded_until(transaction: Transaction, camera: str) -> str | None:
    """The end of the camera's newest segment (its last indexed packet), by any recorder; None: never recorded."""
    row = transaction.execute("SELECT end_utc FROM recording_segments WHERE camera = ? ORDER BY start_utc DESC, id"
                              " DESC LIMIT 1", (camera,)).fetchone()  # fmt: skip
    return row[0] if row else None


def segment_cameras(transaction: Transaction) -> list[str]:
    """Every camera (or imported device) the index holds segments of (the retention sweeper's round)."""
    return [row[0] for row in transaction.execute("SELECT DISTINCT camera FROM recording_segments ORDER BY camera")]


def delete_segments(transaction: Transaction, segment_ids: Sequence[int]) -> int:
    deleted = 0
    for segment_id in segment_ids:
        deleted += transaction.execute("DELETE FROM recording_segments WHERE id = ?", (segment_id,)).rowcount
    return deleted


def _segment(row: tuple) -> SegmentRecord:
    segment_id, camera, start, end, path, size, codec, sha256, recorder, source = row
    return SegmentRecord(int(segment_id), camera, start, end, path, int(size), codec, sha256, recorder, source)


def _span_clauses(camera: str | None, start_utc: str | None, end_utc: str | None,
                  open_end: bool = False) -> tuple[str, tuple]:  # fmt: skip
    clauses: list[str] = []
    values: list[str] = []
    if camera is not None:
        clauses.append("camera = ?")
        values.append(camera)
    if start_utc is not None:
        clauses.append("(end_utc IS NULL OR end_utc > ?)" if open_end else "end_utc > ?")
        values.append(start_utc)
    if end_utc is not None:
        clauses.append("start_utc < ?")
        values.append(end_utc)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(values)


# Gaps ---------------------------------------------------------------------------------------------------------------

_GAP = "id, camera, start_utc, end_utc, cause, recorder"


def open_gap(transaction: Transaction, camera: str, start_utc: str, cause: str, recorder: str) -> int:
    """A gap that begins now (or began at ``start_utc``); the camera's gap already open is kept instead."""
    row = transaction.execute("SELECT id FROM recording_gaps WHERE camera = ? AND end_utc IS NULL AND cause = ?",
                              (camera, cause)).fetchone()  # fmt: skip
    if row:
        return int(row[0])
    row = transaction.execute("INSERT INTO recording_gaps (camera, start_utc, cause, recorder) VALUES (?, ?, ?, ?)"
                              " RETURNING id", (camera, start_utc, cause, recorder)).fetchone()  # fmt: skip
    return int(row[0])


def close_gaps(transaction: Transaction, camera: str, end_utc: str) -> int:
    """Every open gap of a camera ends (its recording goes on)."""
    return transaction.execute("UPDATE recording_gaps SET end_utc = ? WHERE camera = ? AND end_utc IS NULL",
                               (end_utc, camera)).rowcount  # fmt: skip


def add_gap(transaction: Transaction, camera: str, start_utc: str, end_utc: str, cause: str, recorder: str) -> int:
    """A gap known whole (a recorder's own downtime, found when it comes back)."""
    row = transaction.execute("INSERT INTO recording_gaps (camera, start_utc, end_utc, cause, recorder)"
                              " VALUES (?, ?, ?, ?, ?) RETURNING id",
                              (camera, start_utc, end_utc, cause, recorder)).fetchone()  # fmt: skip
    return int(row[0])


def gaps(transaction: Transaction, camera: str | None = None, start_utc: str | None = None,
         end_utc: str | None = None) -> list[GapRecord]:  # fmt: skip
    """The gaps of a camera (or all) that overlap [start, end), open ones included, oldest first."""
    clauses, values = _span_clauses(camera, start_utc, end_utc, open_end=True)
    rows = transaction.execute(f"SELECT {_GAP} FROM recording_gaps{clauses} ORDER BY camera, start_utc, id",
                               values).fetchall()  # fmt: skip
    return [GapRecord(int(row[0]), *row[1:]) for row in rows]


def delete_gaps_before(transaction: Transaction, camera: str, before_utc: str) -> int:
    return transaction.execute("DELETE FROM recording_gaps WHERE camera = ? AND end_utc IS NOT NULL AND end_utc <= ?",
                               (camera, before_utc)).rowcount  # fmt: skip


# Recorders and their claims -----------------------------------------------------------------------------------------


def report_recorder(transaction: Transaction, recorder: RecorderRecord) -> None:
    transaction.execute(
        "INSERT INTO recorders (name, host, root, started_utc, last_seen_utc, disk_free_bytes, disk_total_bytes,"
        " problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET host = excluded.host,"
        " root = excluded.root, started_utc = excluded.started_utc, last_seen_utc = excluded.last_seen_utc,"
        " disk_free_bytes = excluded.disk_free_bytes, disk_total_bytes = excluded.disk_total_bytes,"
        " problem = excluded.problem",
        (recorder.name, recorder.host, recorder.root, recorder.started_utc, recorder.last_seen_utc,
         recorder.disk_free_bytes, recorder.disk_total_bytes, recorder.problem),
    )  # fmt: skip


def read_recorders(transaction: Transaction) -> list[RecorderRecord]:
    rows = transaction.execute("SELECT name, host, root, started_utc, last_seen_utc, disk_free_bytes,"
                               " disk_total_bytes, problem FROM recorders ORDER BY name").fetchall()  # fmt: skip
    return [RecorderRecord(name, host, root, started, seen, int(free), int(total), problem)
            for name, host, root, started, seen, free, total, problem in rows]  # fmt: skip


def claim(transaction: Transaction, camera: str, recorder: str, now_s: float, stale_before_s: float) -> bool:
    """Take a camera, in one statement: free, already ours, or its holder's heartbeat older than ``stale_before_s``.

    True when the camera is this recorder's now (its heartbeat renewed); False when a live recorder holds it.
    """
    rows = transaction.execute(
        "INSERT INTO recording_claims (camera, recorder, since_s, heartbeat_s) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (camera) DO UPDATE SET recorder = excluded.recorder, heartbeat_s = excluded.heartbeat_s,"
        " since_s = CASE WHEN recording_claims.recorder = excluded.recorder THEN recording_claims.since_s"
        " ELSE excluded.since_s END"
        " WHERE recording_claims.recorder = excluded.recorder OR recording_claims.heartbeat_s < ?",
        (camera, recorder, now_s, now_s, stale_before_s),
    )
    return rows.rowcount == 1


def release(transaction: Transaction, camera: str, recorder: str) -> bool:
    """Give a camera back (a recorder that stops cleanly): another recorder may take it at once."""
    return transaction.execute("DELETE FROM recording_claims WHERE camera = ? AND recorder = ?",
                               (camera, recorder)).rowcount == 1  # fmt: skip


STOPPED = "stopped"  # a recorder's problem after a clean stop: it holds no camera, and says so in room status
RECORDER_STALE_AFTER_S = 6.0  # a recorder (or claim) not renewed for this long is dead: its cameras may be taken
OFFERED_HEARTBEAT_S = 0.0  # an offered claim's heartbeat: stale at once, so another recorder may take it


def offer(transaction: Transaction, camera: str, recorder: str) -> bool:
    """Offer a camera to the other recorders (a fair share, a full disk): its claim stale at once, still this
    recorder's (it records on) until another takes it; False when it is not this recorder's."""
    return transaction.execute("UPDATE recording_claims SET heartbeat_s = ? WHERE camera = ? AND recorder = ?",
                               (OFFERED_HEARTBEAT_S, camera, recorder)).rowcount == 1  # fmt: skip


def read_claims(transaction: Transaction) -> list[ClaimRecord]:
    rows = transaction.execute("SELECT camera, recorder, since_s, heartbeat_s FROM recording_claims"
                               " ORDER BY camera").fetchall()  # fmt: skip
    return [ClaimRecord(camera, recorder, float(since), float(beat)) for camera, recorder, since, beat in rows]


# Evidence locks -----------------------------------------------------------------------------------------------------

_LOCK = ("id, cameras, start_utc, end_utc, incident, judicial_file, reason, placed_by, placed_role, placed_utc,"
         " released_by, released_role, released_utc, release_reason")  # fmt: skip


def place_lock(transaction: Transaction, cameras: Sequence[str], start_utc: str, end_utc: str, incident: str | None,
               judicial_file: str | None, reason: str, placed_by: str, placed_role: str,
               placed_utc: str) -> int:  # fmt: skip
    row = transaction.execute(
        "INSERT INTO evidence_locks (cameras, start_utc, end_utc, incident, judicial_file, reason, placed_by,"
        " placed_role, placed_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (json.dumps(sorted(cameras)), start_utc, end_utc, incident, judicial_file, reason, placed_by, placed_role,
         placed_utc),
    ).fetchone()  # fmt: skip
    return int(row[0])


def release_lock(transaction: Transaction, lock_id: int, released_by: str, released_role: str, released_utc: str,
                 release_reason: str) -> bool:  # fmt: skip
    """End a held lock; False when there is no such lock or it was released already."""
    return transaction.execute(
        "UPDATE evidence_locks SET released_by = ?, released_role = ?, released_utc = ?, release_reason = ?"
        " WHERE id = ? AND released_utc IS NULL",
        (released_by, released_role, released_utc, release_reason, lock_id),
    ).rowcount == 1  # fmt: skip


def read_lock(transaction: Transaction, lock_id: int) -> LockRecord | None:
    row = transaction.execute(f"SELECT {_LOCK} FROM evidence_locks WHERE id = ?", (lock_id,)).fetchone()
    return _lock(row) if row else None


def locks(transaction: Transaction, camera: str | None = None, start_utc: str | None = None,
          end_utc: str | None = None, held_only: bool = True) -> list[LockRecord]:  # fmt: skip
    """Locks that overlap [start, end) and name ``camera`` (or any), held ones unless ``held_only`` is False."""
    clauses, values = _span_clauses(None, start_utc, end_utc)
    if held_only:
        clauses += (" AND " if clauses else " WHERE ") + "released_utc IS NULL"
    rows = transaction.execute(f"SELECT {_LOCK} FROM evidence_locks{clauses} ORDER BY start_utc, id",
                               values).fetchall()  # fmt: skip
    found = [_lock(row) for row in rows]
    return [lock for lock in found if camera is None or camera in lock.cameras]


def _lock(row: tuple) -> LockRecord:
    values = list(row)
    values[0] = int(values[0])
    values[1] = tuple(json.loads(values[1]))
    values[4] = None if values[4] is None else str(values[4])
    return LockRecord(*values)


# Imported devices ---------------------------------------------------------------------------------------------------


def add_device(transaction: Transaction, device: DeviceRecord) -> bool:
    """A new outside device; False when the id is taken (by a device already imported)."""
    return transaction.execute(
        "INSERT INTO footage_devices (device, source, imported_by, imported_utc, incident) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (device) DO NOTHING",
        (device.device, device.source, device.imported_by, device.imported_utc, device.incident),
    ).rowcount == 1  # fmt: skip


def read_devices(transaction: Transaction) -> list[DeviceRecord]:
    rows = transaction.execute("SELECT device, source, imported_by, imported_utc, incident FROM footage_devices"
                               " ORDER BY device").fetchall()  # fmt: skip
    return [DeviceRecord(device, source, by, when, None if incident is None else str(incident))
            for device, source, by, when, incident in rows]  # fmt: skip
