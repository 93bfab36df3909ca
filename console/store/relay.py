"""The relay's report in the store: which cameras it pulls, for how many desks, bytes in and out.

The relay writes the whole report every few seconds in one transaction; ``room status``
and the team chief's board read it. It is written quietly (no change notice): the desks
need not read anything again because the relay's byte counters moved. The relay also reads
who is signed in on which workstation (``signed_in``): a desk pulls only while someone whose
role watches video is signed in there.

A room with several relays shares the cameras by claims (``relay_claims``), each changed only by
compare-and-set in one statement like a PTZ lease and renewed by a heartbeat (epoch seconds): a
relay whose heartbeat is stale is dead, and another takes its cameras. Each relay says it is alive
in ``relay_members``; every take-over is kept as a fact (``relay_takeovers``) that ``room status`` shows.
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
    # Several relays: which one serves each camera (desks, recorders and services find it here).
    Migration(3, {"sqlite": ("""
CREATE TABLE IF NOT EXISTS relay_claims (
    camera TEXT PRIMARY KEY,
    relay TEXT NOT NULL,             -- host:port as the desks reach it
    since_s REAL NOT NULL,
    heartbeat_s REAL NOT NULL        -- 0: offered to the other relays (it serves on until one takes it)
)""", """
CREATE TABLE IF NOT EXISTS relay_members (
    relay TEXT PRIMARY KEY,
    heartbeat_s REAL NOT NULL,
    stopped INTEGER NOT NULL DEFAULT 0
)""", """
CREATE TABLE IF NOT EXISTS relay_takeovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    camera TEXT NOT NULL,
    relay TEXT NOT NULL,             -- who took it
    taken_from TEXT,                 -- who held it (NULL: nobody)
    cause TEXT NOT NULL              -- 'relay down' (its heartbeat went stale) or 'handed over' (a fair share)
)""")}),
))  # fmt: skip

RELAY_DOWN, HANDED_OVER = "relay down", "handed over"  # a take-over's cause, as stored
OFFERED_HEARTBEAT_S = 0.0  # an offered claim's heartbeat: stale at once, so another relay may take it
RELAY_STALE_AFTER_S = 6.0  # a claim (and a relay's heartbeat) older than this: a dead relay's, taken by another


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


def pulled_streams(transaction: Transaction) -> dict[tuple[str, str], int]:
    """(relay, camera) -> how many of the camera's streams someone pulls there, as each relay last reported it:
    what the relays share by load (a dead relay's last report weighs its cameras for those who take them)."""
    rows = transaction.execute("SELECT relay, camera, COUNT(*) FROM relay_streams WHERE viewers > 0 OR pullers <> ''"
                               " GROUP BY relay, camera").fetchall()  # fmt: skip
    return {(relay, camera): int(count) for relay, camera, count in rows}


def signed_in(transaction: Transaction, stale_after_s: float, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    """(workstation, role) of every session whose heartbeat is fresh: who may make a desk's pulls."""
    stale_before = utc_text((now or dt.datetime.now(dt.UTC)) - dt.timedelta(seconds=stale_after_s))
    return [(workstation, role) for workstation, role in transaction.execute(
        "SELECT workstation, role FROM presence_sessions WHERE last_seen_utc >= ? ORDER BY workstation, role",
        (stale_before,))]  # fmt: skip


# Several relays: claims of cameras ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelayClaim:
    camera: str
    relay: str  # host:port
    since_s: float
    heartbeat_s: float


@dataclass(frozen=True)
class RelayMember:
    relay: str
    heartbeat_s: float
    is_stopped: bool


@dataclass(frozen=True)
class Takeover:
    at_utc: str
    camera: str
    relay: str
    taken_from: str | None
    cause: str  # RELAY_DOWN or HANDED_OVER


@dataclass(frozen=True)
class RelayClaimRow:
    """Which relay serves a camera, as ``room status`` shows it."""

    camera: str
    relay: str
    since_utc: str
    heartbeat_utc: str
    is_stale: bool  # its relay's heartbeat is stale (dead; another takes it) or it is offered


def claim_rows(transaction: Transaction, now_s: float) -> tuple[RelayClaimRow, ...]:
    def utc(epoch_s: float) -> str:
        return utc_text(dt.datetime.fromtimestamp(epoch_s, dt.UTC))

    return tuple(RelayClaimRow(claim.camera, claim.relay, utc(claim.since_s), utc(claim.heartbeat_s),
                               claim.heartbeat_s < now_s - RELAY_STALE_AFTER_S)
                 for claim in read_claims(transaction))  # fmt: skip


def claim(transaction: Transaction, camera: str, relay: str, now_s: float, stale_before_s: float) -> bool:
    """Take a camera, in one statement: free, already ours, or its holder's heartbeat older than ``stale_before_s``.

    True when the camera is this relay's now (its heartbeat renewed); False when a live relay holds it."""
    rows = transaction.execute(
        "INSERT INTO relay_claims (camera, relay, since_s, heartbeat_s) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (camera) DO UPDATE SET relay = excluded.relay, heartbeat_s = excluded.heartbeat_s,"
        " since_s = CASE WHEN relay_claims.relay = excluded.relay THEN relay_claims.since_s ELSE excluded.since_s END"
        " WHERE relay_claims.relay = excluded.relay OR relay_claims.heartbeat_s < ?",
        (camera, relay, now_s, now_s, stale_before_s),
    )
    return rows.rowcount == 1


def offer(transaction: Transaction, camera: str, relay: str) -> bool:
    """Offer a camera to the other relays (over the fair share): stale at once, still this relay's until taken."""
    return transaction.execute("UPDATE relay_claims SET heartbeat_s = ? WHERE camera = ? AND relay = ?",
                               (OFFERED_HEARTBEAT_S, camera, relay)).rowcount == 1  # fmt: skip


def release(transaction: Transaction, camera: str, relay: str) -> bool:
    """Give a camera back (a relay that stops cleanly): another relay may take it at once."""
    return transaction.execute("DELETE FROM relay_claims WHERE camera = ? AND relay = ?",
                               (camera, relay)).rowcount == 1  # fmt: skip


def read_claims(transaction: Transaction) -> list[RelayClaim]:
    rows = transaction.execute("SELECT camera, relay, since_s, heartbeat_s FROM relay_claims ORDER BY camera")
    return [RelayClaim(camera, relay, float(since), float(beat)) for camera, relay, since, beat in rows.fetchall()]


def report_member(transaction: Transaction, relay: str, heartbeat_s: float, is_stopped: bool = False) -> None:
    transaction.execute("INSERT INTO relay_members (relay, heartbeat_s, stopped) VALUES (?, ?, ?)"
                        " ON CONFLICT (relay) DO UPDATE SET heartbeat_s = excluded.heartbeat_s,"
                        " stopped = excluded.stopped", (relay, heartbeat_s, int(is_stopped)))  # fmt: skip


def read_members(transaction: Transaction) -> list[RelayMember]:
    rows = transaction.execute("SELECT relay, heartbeat_s, stopped FROM relay_members ORDER BY relay").fetchall()
    return [RelayMember(relay, float(beat), bool(stopped)) for relay, beat, stopped in rows]


def add_takeover(transaction: Transaction, takeover: Takeover) -> None:
    transaction.execute("INSERT INTO relay_takeovers (at_utc, camera, relay, taken_from, cause) VALUES (?, ?, ?, ?, ?)",
                        (takeover.at_utc, takeover.camera, takeover.relay, takeover.taken_from,
                         takeover.cause))  # fmt: skip


def read_takeovers(transaction: Transaction, limit: int = 20) -> list[Takeover]:
    """The newest take-overs first."""
    rows = transaction.execute("SELECT at_utc, camera, relay, taken_from, cause FROM relay_takeovers"
                               " ORDER BY id DESC LIMIT ?", (limit,)).fetchall()  # fmt: skip
    return [Takeover(*row) for row in rows]
