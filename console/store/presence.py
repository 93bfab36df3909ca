"""Who watches what right now: the team chief's board reads these tables.

Each console writes its rows as *effects* in the same transaction as the audit
entry of the action (so the board never shows what the log does not hold), and
touches its session row every few seconds: a console that was killed leaves rows
whose heartbeat goes stale, and the board says so instead of trusting them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from console.store import archive
from console.store.backend import Effect, Migration, TableGroup, Transaction, utc_text
from console.store.leases import read_all as read_leases
from console.store.relay import RelayClaimRow, RelayRow, Takeover, claim_rows, read_relays, read_takeovers

TAKEOVERS_READ = 400  # the newest take-overs read: a few relay deaths of a 200-camera room, each whole
STALE_AFTER_S = 8.0  # no heartbeat (every 2 s) for this long: the console is gone (killed, cut off)
HEARTBEAT_S = 2.0
TABLES = TableGroup(
    "presence",
    (
        Migration(
            1,
            {
                "sqlite": (
                    """CREATE TABLE IF NOT EXISTS presence_sessions (
    session TEXT PRIMARY KEY, user TEXT NOT NULL, full_name TEXT NOT NULL, role TEXT NOT NULL,
    workstation TEXT NOT NULL, started_utc TEXT NOT NULL, last_seen_utc TEXT NOT NULL,
    state TEXT NOT NULL, reason TEXT
)""",
                    """CREATE TABLE IF NOT EXISTS presence_views (
    session TEXT NOT NULL, wall TEXT NOT NULL, tile INTEGER NOT NULL, camera TEXT NOT NULL,
    since_utc TEXT NOT NULL, reason TEXT, PRIMARY KEY (session, wall, tile)
)""",
                    """CREATE TABLE IF NOT EXISTS presence_tours (
    session TEXT NOT NULL, wall TEXT NOT NULL, tour TEXT NOT NULL, since_utc TEXT NOT NULL, reason TEXT,
    PRIMARY KEY (session, wall)
)""",
                    """CREATE TABLE IF NOT EXISTS presence_leases (
    camera TEXT PRIMARY KEY, session TEXT NOT NULL, holder TEXT NOT NULL, priority TEXT NOT NULL,
    since_utc TEXT NOT NULL
)""",
                )
            },
        ),
        # The leases moved to the store's ptz_leases, which every desk asks (store/leases.py).
        Migration(2, {"sqlite": ("DROP TABLE IF EXISTS presence_leases",)}),
        # Each wall's layout: the team chief's board draws every desk's wall as a miniature.
        Migration(
            3,
            {
                "sqlite": (
                    """CREATE TABLE IF NOT EXISTS presence_walls (
    session TEXT NOT NULL, wall TEXT NOT NULL, layout TEXT NOT NULL, PRIMARY KEY (session, wall)
)""",
                )
            },
        ),
        # Why a desk refuses to write the audit log (entries removed or replaced): the board and room status say so.
        Migration(4, {"sqlite": ("ALTER TABLE presence_sessions ADD COLUMN audit_problem TEXT",)}),
        # A tile in instant replay: the recording time it began at and when (the board says PLAYBACK and the time).
        Migration(
            5,
            {
                "sqlite": (
                    "ALTER TABLE presence_views ADD COLUMN playback_from_utc TEXT",
                    "ALTER TABLE presence_views ADD COLUMN playback_since_utc TEXT",
                )
            },
        ),  # fmt: skip
    ),
)


def _json(reason: dict | None) -> str | None:
    return json.dumps(reason, sort_keys=True, ensure_ascii=False) if reason else None


def _statements(*statements: tuple[str, Sequence[Any]]) -> list[Effect]:
    """Effects that run fixed statements in the entry's transaction."""

    return [functools.partial(_run, statement=statement, parameters=parameters) for statement, parameters in statements]


def _run(transaction: Transaction, statement: str, parameters: Sequence[Any]) -> None:
    transaction.execute(statement, parameters)


_SESSION_COLUMNS = '(session, "user", full_name, role, workstation, started_utc, last_seen_utc, state, reason)'


# -- effects: written with the audit entry of the action ------------------------------------------
def session_started(session: str, who: dict[str, str], full_name: str, started_utc: str) -> list[Effect]:
    return _statements((f"INSERT INTO presence_sessions {_SESSION_COLUMNS}"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, 'active', NULL) ON CONFLICT (session) DO UPDATE SET"
                        ' "user" = excluded."user", full_name = excluded.full_name,'
                        " role = excluded.role, workstation = excluded.workstation, started_utc = excluded.started_utc,"
                        " last_seen_utc = excluded.last_seen_utc, state = 'active', reason = NULL",
                        (session, who["user"], full_name, who["role"], who["workstation"], started_utc,
                         utc_text())), *_predecessors_gone(session, who["workstation"]))  # fmt: skip


def _predecessors_gone(session: str, workstation: str) -> list[tuple[str, Sequence[Any]]]:
    """A desk signing in on a workstation whose earlier session went quiet replaces it: that was this PC before a
    kill or a cut, and the board must not show it as a second desk "without contact" for ever. A session of the same
    workstation still beating stays (the board shows both, as it should: two consoles claim one name)."""
    stale_before = utc_text(dt.datetime.now(dt.UTC) - dt.timedelta(seconds=STALE_AFTER_S))
    gone = "SELECT session FROM presence_sessions WHERE workstation = ? AND session <> ? AND last_seen_utc < ?"
    tables = ("presence_views", "presence_tours", "presence_walls")
    values = (workstation, session, stale_before)
    return [(f"DELETE FROM {table} WHERE session IN ({gone})", values) for table in (*tables, "presence_sessions")]


def session_ended(session: str) -> list[Effect]:
    tables = ("presence_views", "presence_tours", "presence_walls", "presence_sessions")
    return _statements(*((f"DELETE FROM {table} WHERE session = ?", (session,)) for table in tables))


def session_state(session: str, state: str) -> list[Effect]:
    return _statements(("UPDATE presence_sessions SET state = ?, last_seen_utc = ? WHERE session = ?",
                        (state, utc_text(), session)))  # fmt: skip


def session_reason(session: str, reason: dict | None) -> list[Effect]:
    return _statements(("UPDATE presence_sessions SET reason = ? WHERE session = ?", (_json(reason), session)))


def session_audit_problem(session: str, who: dict[str, str], full_name: str, started_utc: str,
                          problem: dict | None) -> list[Effect]:  # fmt: skip
    """Why this desk cannot write the audit log now (None: it can), written even while it refuses entries:
    a desk whose sign-in could not be logged shows on the board with the reason, never as absent."""
    return _statements((f"INSERT INTO presence_sessions {_SESSION_COLUMNS[:-1]}, audit_problem)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, 'active', NULL, ?) ON CONFLICT (session) DO UPDATE SET"
                        " audit_problem = excluded.audit_problem, last_seen_utc = excluded.last_seen_utc",
                        (session, who["user"], full_name, who["role"], who["workstation"], started_utc, utc_text(),
                         _json(problem))))  # fmt: skip


def heartbeat(session: str) -> list[Effect]:
    return _statements(("UPDATE presence_sessions SET last_seen_utc = ? WHERE session = ?", (utc_text(), session)))


def view_started(session: str, wall: str, tile: int, camera: str, reason: dict | None) -> list[Effect]:
    return _statements(("INSERT INTO presence_views (session, wall, tile, camera, since_utc, reason)"
                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session, wall, tile) DO UPDATE SET"
                        " camera = excluded.camera, since_utc = excluded.since_utc, reason = excluded.reason",
                        (session, wall, tile, camera, utc_text(), _json(reason))))  # fmt: skip


def playback_started(session: str, wall: str, tile: int, from_utc: str) -> list[Effect]:
    """The tile plays its camera's recording from ``from_utc`` at 1x (its view stays the same view)."""
    return _statements(("UPDATE presence_views SET playback_from_utc = ?, playback_since_utc = ?"
                        " WHERE session = ? AND wall = ? AND tile = ?",
                        (from_utc, utc_text(), session, wall, tile)))  # fmt: skip


def playback_stopped(session: str, wall: str, tile: int) -> list[Effect]:
    """The tile is live again."""
    return _statements(("UPDATE presence_views SET playback_from_utc = NULL, playback_since_utc = NULL"
                        " WHERE session = ? AND wall = ? AND tile = ?", (session, wall, tile)))  # fmt: skip


def view_stopped(session: str, wall: str, tile: int) -> list[Effect]:
    return _statements(("DELETE FROM presence_views WHERE session = ? AND wall = ? AND tile = ?",
                        (session, wall, tile)))  # fmt: skip


def wall_layout(session: str, wall: str, layout: str) -> list[Effect]:
    return _statements(("INSERT INTO presence_walls (session, wall, layout) VALUES (?, ?, ?)"
                        " ON CONFLICT (session, wall) DO UPDATE SET layout = excluded.layout",
                        (session, wall, layout)))  # fmt: skip


def tour_started(session: str, wall: str, tour: str, reason: dict | None) -> list[Effect]:
    return _statements(("INSERT INTO presence_tours (session, wall, tour, since_utc, reason) VALUES (?, ?, ?, ?, ?)"
                        " ON CONFLICT (session, wall) DO UPDATE SET tour = excluded.tour,"
                        " since_utc = excluded.since_utc, reason = excluded.reason",
                        (session, wall, tour, utc_text(), _json(reason))))  # fmt: skip


def tour_stopped(session: str, wall: str) -> list[Effect]:
    return _statements(("DELETE FROM presence_tours WHERE session = ? AND wall = ?", (session, wall)))


# -- reading: the board ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionRow:
    session: str
    user: str
    full_name: str
    role: str
    workstation: str
    started_utc: str
    last_seen_utc: str
    state: str  # active | locked
    reason: dict | None
    is_stale: bool  # no heartbeat for STALE_AFTER_S: the console is gone
    audit_problem: dict | None = None  # why the desk cannot write the audit log now (a message stored as a fact)


@dataclass(frozen=True)
class ViewRow:
    session: str
    user: str
    workstation: str
    wall: str
    tile: int
    camera: str
    since_utc: str
    reason: dict | None
    playback_from_utc: str | None = None  # in instant replay: the recording time it began at (1x from then)
    playback_since_utc: str | None = None  # ... and when

    def playback_at(self, now: dt.datetime) -> dt.datetime | None:
        """The recording time the tile shows at ``now`` when it plays back (it plays at 1x), else None."""
        if self.playback_from_utc is None or self.playback_since_utc is None:
            return None
        elapsed = now - _moment(self.playback_since_utc)
        return _moment(self.playback_from_utc) + max(elapsed, dt.timedelta(0))


@dataclass(frozen=True)
class TourRow:
    session: str
    user: str
    workstation: str
    wall: str
    tour: str
    since_utc: str
    reason: dict | None


@dataclass(frozen=True)
class WallRow:
    session: str
    wall: str  # "wall 1"
    layout: str  # "2x2"


@dataclass(frozen=True)
class LeaseRow:
    camera: str
    holder: str  # the holder's name: "An Peeters" (a row of before the roles: "An Peeters (operator, WS-02)")
    user: str
    workstation: str
    priority: int  # ptz.lease.Priority's value
    since_utc: str
    expires_utc: str  # without input by then, the lease ends
    role: str = ""  # the holder's role as stored ("operator"), worded when shown
    tour: str = ""  # the tour holding it in the holder's name


@dataclass(frozen=True)
class RecorderRow:
    """A recorder of the room as ``room status`` and the board show it: its cameras, disk, last segment, problem."""

    name: str
    host: str
    root: str
    started_utc: str
    last_seen_utc: str
    is_stale: bool  # no report for archive.RECORDER_STALE_AFTER_S: killed, or cut off (its cameras are taken)
    disk_free_bytes: int
    disk_total_bytes: int
    problem: str | None  # as the recorder stored it ("disk full", "stopped"), worded when shown
    cameras: tuple[str, ...]  # the cameras it holds (claims)
    last_camera: str | None = None  # its newest segment's camera
    last_end_utc: str | None = None  # and that segment's end (its last indexed packet)

    @property
    def is_recording(self) -> bool:
        """Its cameras are being recorded: it reports, and says no problem."""
        return not self.is_stale and self.problem is None


@dataclass(frozen=True)
class Presence:
    sessions: tuple[SessionRow, ...]
    views: tuple[ViewRow, ...]
    tours: tuple[TourRow, ...]
    leases: tuple[LeaseRow, ...]
    read_utc: str
    relays: tuple[RelayRow, ...] = ()  # the room's relay: what it pulls, for how many desks
    walls: tuple[WallRow, ...] = ()  # every desk's wall windows and their layouts
    recorders: tuple[RecorderRow, ...] = ()  # the room's recorders
    relay_claims: tuple[RelayClaimRow, ...] = ()  # several relays: which serves each camera
    relay_takeovers: tuple[Takeover, ...] = ()  # the newest take-overs of a camera by another relay

    def recorder_problems(self) -> list[tuple[str, str]]:
        """(recorder, its problem as stored) of each live recorder that says one ('disk full'); 'stopped' is none."""
        return [(row.name, row.problem) for row in self.recorders
                if row.problem and row.problem != archive.STOPPED and not row.is_stale]  # fmt: skip

    def unrecorded(self, recorded_cameras: Sequence[str]) -> list[str]:
        """Of the cameras with ``recording:``, those no recording recorder holds now (none live, or its disk full)."""
        held = {camera for recorder in self.recorders if recorder.is_recording for camera in recorder.cameras}
        return sorted(set(recorded_cameras) - held)


def read_presence(transaction: Transaction, now: dt.datetime | None = None) -> Presence:
    """One consistent reading of the board's tables (give it a read transaction: it never blocks the writers)."""
    now = now or dt.datetime.now(dt.UTC)
    stale_before = utc_text(now - dt.timedelta(seconds=STALE_AFTER_S))
    sessions = tuple(
        SessionRow(
            **_named(
                row[:9], SessionRow, reason=_load(row[8]), is_stale=row[6] < stale_before, audit_problem=_load(row[9])
            )
        )  # fmt: skip
        for row in transaction.execute(
            'SELECT session, "user", full_name, role, workstation, started_utc, last_seen_utc, state, reason,'
            ' audit_problem FROM presence_sessions ORDER BY "user", started_utc'
        )
    )
    views = tuple(
        ViewRow(row[0], row[1], row[2], row[3], row[4], row[5], row[6], _load(row[7]), row[8], row[9])
        for row in transaction.execute(
            'SELECT v.session, s."user", s.workstation, v.wall, v.tile, v.camera, v.since_utc, v.reason,'
            " v.playback_from_utc, v.playback_since_utc FROM presence_views v JOIN presence_sessions s USING (session)"
            ' ORDER BY s."user", v.wall, v.tile'
        )
    )
    tours = tuple(
        TourRow(**_named(row, TourRow, reason=_load(row[6])))
        for row in transaction.execute(
            'SELECT t.session, s."user", s.workstation, t.wall, t.tour, t.since_utc, t.reason'
            ' FROM presence_tours t JOIN presence_sessions s USING (session) ORDER BY s."user", t.wall'
        )
    )
    leases = tuple(
        LeaseRow(
            record.camera,
            record.display_name,
            record.user,
            record.workstation,
            record.priority,
            _epoch_utc(record.since_s),
            _epoch_utc(record.last_input_s + record.idle_timeout_s),
            record.role,
            record.tour,
        )
        for record in read_leases(transaction)
        if not record.is_expired(now.timestamp())  # expired: ended by the next desk that looks
    )
    relays = tuple(read_relays(transaction))
    walls = tuple(WallRow(*row) for row in transaction.execute(
        "SELECT session, wall, layout FROM presence_walls ORDER BY session, wall"))  # fmt: skip
    takeovers = tuple(read_takeovers(transaction, TAKEOVERS_READ))
    return Presence(sessions, views, tours, leases, utc_text(now), relays, walls, read_recorders(transaction, now),
                    claim_rows(transaction, now.timestamp()), takeovers)  # fmt: skip


def read_recorders(transaction: Transaction, now: dt.datetime) -> tuple[RecorderRow, ...]:
    seen_after = utc_text(now - dt.timedelta(seconds=archive.RECORDER_STALE_AFTER_S))
    cameras: dict[str, list[str]] = {}
    for claim in archive.read_claims(transaction):
        cameras.setdefault(claim.recorder, []).append(claim.camera)
    last = archive.last_segments(transaction)
    return tuple(
        RecorderRow(record.name, record.host, record.root, record.started_utc, record.last_seen_utc,
                    record.last_seen_utc < seen_after, record.disk_free_bytes, record.disk_total_bytes, record.problem,
                    tuple(cameras.get(record.name, ())),
                    last[record.name].camera if record.name in last else None,
                    last[record.name].end_utc if record.name in last else None)
        for record in archive.read_recorders(transaction)
    )  # fmt: skip


def _named(row: Sequence[Any], record: type, **given: Any) -> dict[str, Any]:
    """A row's columns by the record's field names, in order; ``given`` fields are computed, not read."""
    names = [field.name for field in dataclasses.fields(record) if field.name not in given]
    return {**dict(zip(names, row, strict=False)), **given}


def _moment(utc: str) -> dt.datetime:
    return dt.datetime.strptime(utc[:26].rstrip("Z"), "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=dt.UTC)


def _epoch_utc(seconds: float) -> str:
    return utc_text(dt.datetime.fromtimestamp(seconds, dt.UTC))


def _load(text: str | None) -> dict | None:
    return json.loads(text) if text else None
