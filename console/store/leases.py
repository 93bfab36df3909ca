"""The room's PTZ leases: one row per PTZ head, changed only by compare-and-set in one statement.

Every desk of a room asks here, so one holder per camera holds across PCs: a desk that
read a lease and wants to replace it names the row it read, and the statement changes
nothing if another desk got there first. Times are seconds since the epoch (the room's
PCs keep their clocks by NTP; a lease lasts tens of seconds, so milliseconds of skew do
not matter). A killed desk's lease is not removed by that desk: it expires, and the next
desk that looks ends it.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.store.backend import Migration, TableGroup, Transaction

TABLES = TableGroup("leases", (Migration(1, {"sqlite": ("""
CREATE TABLE IF NOT EXISTS ptz_leases (
    camera TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    display_name TEXT NOT NULL,
    workstation TEXT NOT NULL,
    priority INTEGER NOT NULL,
    since_s REAL NOT NULL,
    last_input_s REAL NOT NULL,
    idle_timeout_s REAL NOT NULL
)""",)}),
    # Who holds it is stored as facts (the name, the role's stored value, the tour), worded by each desk that
    # shows it; a row of version 1 has its whole display name in display_name.
    Migration(2, {"sqlite": ("ALTER TABLE ptz_leases ADD COLUMN role TEXT NOT NULL DEFAULT ''",
                             "ALTER TABLE ptz_leases ADD COLUMN tour TEXT NOT NULL DEFAULT ''")}),
))  # fmt: skip

_COLUMNS = '"user", display_name, workstation, priority, since_s, last_input_s, idle_timeout_s, role, tour'


@dataclass(frozen=True)
class LeaseRecord:
    camera: str
    user: str
    display_name: str  # the holder's name: "An Peeters"
    workstation: str
    priority: int  # ptz.lease.Priority's value
    since_s: float  # epoch seconds
    last_input_s: float
    idle_timeout_s: float
    role: str = ""  # the holder's role as stored ("operator")
    tour: str = ""  # the tour holding it in the holder's name

    def values(self) -> tuple:
        return (self.user, self.display_name, self.workstation, self.priority, self.since_s, self.last_input_s,
                self.idle_timeout_s, self.role, self.tour)  # fmt: skip

    def is_expired(self, now_s: float) -> bool:
        return now_s >= self.last_input_s + self.idle_timeout_s


def read_all(transaction: Transaction) -> list[LeaseRecord]:
    rows = transaction.execute(f"SELECT camera, {_COLUMNS} FROM ptz_leases ORDER BY camera").fetchall()
    return [_record(row) for row in rows]


def read_one(transaction: Transaction, camera: str) -> LeaseRecord | None:
    row = transaction.execute(f"SELECT camera, {_COLUMNS} FROM ptz_leases WHERE camera = ?", (camera,)).fetchone()
    return _record(row) if row else None


def _record(row: tuple) -> LeaseRecord:
    camera, user, display_name, workstation, priority, since_s, last_input_s, idle_timeout_s, role, tour = row
    return LeaseRecord(camera, user, display_name, workstation, int(priority), float(since_s), float(last_input_s),
                       float(idle_timeout_s), role, tour)  # fmt: skip


_MATCH = (' camera = ? AND "user" = ? AND display_name = ? AND workstation = ? AND priority = ? AND since_s = ?'
          " AND last_input_s = ? AND idle_timeout_s = ? AND role = ? AND tour = ?")  # fmt: skip


def compare_and_set(transaction: Transaction, camera: str, expected: LeaseRecord | None,
                    new: LeaseRecord | None) -> bool:  # fmt: skip
    """Replace the row ``expected`` by ``new`` (None: no row) in one statement; False if the row is not ``expected``."""
    if expected is None and new is None:
        return read_one(transaction, camera) is None
    if expected is None:
        assert new is not None
        marks = ", ".join("?" * (1 + len(new.values())))
        rows = transaction.execute(f"INSERT INTO ptz_leases (camera, {_COLUMNS}) VALUES ({marks})"
                                   " ON CONFLICT (camera) DO NOTHING", (camera, *new.values()))  # fmt: skip
    elif new is None:
        rows = transaction.execute(f"DELETE FROM ptz_leases WHERE{_MATCH}", (camera, *expected.values()))
    else:
        rows = transaction.execute(
            'UPDATE ptz_leases SET "user" = ?, display_name = ?, workstation = ?, priority = ?, since_s = ?,'
            f" last_input_s = ?, idle_timeout_s = ?, role = ?, tour = ? WHERE{_MATCH}",
            (*new.values(), camera, *expected.values()),
        )
    return rows.rowcount == 1
