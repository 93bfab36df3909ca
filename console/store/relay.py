"""The relay's report in the store: which cameras it pulls, for how many desks, bytes in and out.

The relay writes the whole report every few seconds in one transaction; ``room status``
and the team chief's board read it. It is written quietly (no change notice): the desks
need not read anything again because the relay's byte counters moved. The relay also reads
who is signed in on which workstation (``signed_in``): a desk pulls only while someone whose
role watches video is signed in there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from console.store.backend import Migration, TableGroup, Transaction, utc_text

TABLES = TableGroup("relay", (Migration(1, {"sqlite": ("""
CREATE TABLE IF NOT EXISTS relay_state (
    relay TEXT PRIMARY KEY,          -- host:port as the desks reach it
    started_utc TEXT NOT NULL,
    last_seen_utc TEXT NOT NULL
)""", """
CREATE TABLE IF NOT EXISTS relay_streams (
    relay TEXT NOT NULL,
    path TEXT NOT NULL,              -- /camera/role
    camera TEXT NOT NULL,
    role TEXT NOT NULL,
    pulled INTEGER NOT NULL,
    viewers INTEGER NOT NULL,
    bytes_in BIGINT NOT NULL,
    bytes_out BIGINT NOT NULL,
    pulls INTEGER NOT NULL,
    codec TEXT,
    age_s REAL,
    problem TEXT,
    PRIMARY KEY (relay, path)
)""")}),
    # Who receives each stream: desks' workstations and services' names, comma-separated.
    Migration(2, {"sqlite": ("ALTER TABLE relay_streams ADD COLUMN pullers TEXT NOT NULL DEFAULT ''",)}),
))  # fmt: skip


@dataclass(frozen=True)
class RelayStreamRow:
    relay: str
    path: str
    camera: str
    role: str
    pulled: bool
    viewers: int
    bytes_in: int
    bytes_out: int
    pulls: int
    codec: str | None
    age_s: float | None
    problem: str | None
    pullers: tuple[str, ...] = ()  # who receives it now: desks' workstations, services' names


@dataclass(frozen=True)
class RelayRow:
    relay: str
    started_utc: str
    last_seen_utc: str
    streams: tuple[RelayStreamRow, ...]


def write_report(transaction: Transaction, relay: str, started_utc: str, now_utc: str,
                 streams: Sequence[RelayStreamRow]) -> None:  # fmt: skip
    transaction.execute("INSERT INTO relay_state (relay, started_utc, last_seen_utc) VALUES (?, ?, ?)"
                        " ON CONFLICT (relay) DO UPDATE SET started_utc = excluded.started_utc,"
                        " last_seen_utc = excluded.last_seen_utc", (relay, started_utc, now_utc))  # fmt: skip
    transaction.execute("DELETE FROM relay_streams WHERE relay = ?", (relay,))
    for row in streams:
        transaction.execute(
            "INSERT INTO relay_streams (relay, path, camera, role, pulled, viewers, bytes_in, bytes_out, pulls, codec,"
            " age_s, problem, pullers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (relay, row.path, row.camera, row.role, int(row.pulled), row.viewers, row.bytes_in, row.bytes_out,
             row.pulls, row.codec, row.age_s, row.problem, ",".join(row.pullers)),
        )  # fmt: skip


def read_relays(transaction: Transaction) -> list[RelayRow]:
    streams: dict[str, list[RelayStreamRow]] = {}
    for row in transaction.execute(
        "SELECT relay, path, camera, role, pulled, viewers, bytes_in, bytes_out, pulls, codec, age_s, problem, pullers"
        " FROM relay_streams ORDER BY relay, path"
    ):
        values = list(row)
        values[4] = bool(values[4])
        values[12] = tuple(name for name in (values[12] or "").split(",") if name)
        streams.setdefault(row[0], []).append(RelayStreamRow(*values))
    return [RelayRow(relay, started, seen, tuple(streams.get(relay, ())))
            for relay, started, seen in transaction.execute(
                "SELECT relay, started_utc, last_seen_utc FROM relay_state ORDER BY relay")]  # fmt: skip


def signed_in(transaction: Transaction, stale_after_s: float, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    """(workstation, role) of every session whose heartbeat is fresh: who may make a desk's pulls."""
    stale_before = utc_text((now or dt.datetime.now(dt.UTC)) - dt.timedelta(seconds=stale_after_s))
    return [(workstation, role) for workstation, role in transaction.execute(
        "SELECT workstation, role FROM presence_sessions WHERE last_seen_utc >= ? ORDER BY workstation, role",
        (stale_before,))]  # fmt: skip
