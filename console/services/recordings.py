"""The law over recordings (domain.md rule 3): who may play back or export which footage, and its audit entries.

Every playback and every export goes through :class:`Recordings`, whatever asks for it
(a tile's instant replay, the playback window, the command line): the widgets and the
CLI never decide. The rules, in the order they are checked:

1. a locked desk acts on nothing;
2. the role must have ``PLAY_RECORDINGS`` (``EXPORT_RECORDINGS`` for an export), and a reason
   covers it like live view (the one given, else the session's);
3. the cameras exist and the span is a real one (its end after its start, not in the future);
4. administrative police consult only footage younger than ``admin_days`` (30 by law,
   configurable lower, never higher); older footage needs a judicial reason **and** the
   reference of the prosecutor's or investigating judge's decision (``Reason.decision``),
   which is stored with the access.

A refusal raises a :class:`~console.wording.WordedError` whose text names the rule
(``NotPermitted``, ``ReasonRequired``, ``BadTime`` or :class:`RecordingRefused`); the UI
words it in the user's language (``console.ui.words.say``).

Two ways to use it:

* **blocking** (the command line, a worker thread): ``grant = recordings.start_playback(session,
  reason, cameras, from_utc, to_utc)`` checks and writes ``playback start`` (durable on return);
  ``recordings.stop_playback(grant)`` writes ``playback stop``. Never on the GUI thread.
* **on the GUI thread**: ``grant = recordings.decide(session, Action.PLAY_RECORDINGS, reason,
  cameras, from_utc, to_utc)`` checks only (no I/O for configured cameras), then the desk hands
  ``grant.start_records()`` to its audit writer (``writer.submit(record, on_durable=...,
  on_failure=...)``, one per camera) and plays once they are durable (a reason naming an
  incident the records hold finished makes the writer refuse them: ``IncidentFinished``), and
  submits ``grant.stop_records(now)`` with ``is_fact=True`` when it stops. Or, from a worker,
  the blocking calls above with ``WriterAudit(writer)``.

``admin_days`` comes from ``retention.yaml``
(``console.config.retention.load_retention(folder).administrative_consult_days``).

``timeline()`` says what exists (recorded spans, gaps with their cause, evidence locks): the role
is checked, no reason is needed and nothing is logged. ``export()`` writes a sealed export
(:mod:`console.services.sealed_export`).
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from console.access.permissions import Action, require
from console.access.reasons import Kind, Reason
from console.access.session import Session
from console.audit.log import AuditLog, Entry, Record
from console.audit.writer import AuditWriter
from console.config.loader import closest
from console.config.one_line import one_line_problem
from console.dispatch.service import incident_still_open
from console.services.recording_time import checked_span
from console.services.sealed_export import RECORDING_EXPORT, CameraFootage, Written, iso, write_export
from console.store import archive
from console.store.backend import Database, StoreUnavailable, utc_moment, utc_text
from console.video.playback_timeline import NOT_RECORDED  # a hole between segments the index gives no cause for
from console.video.remux import OlderThanAllowed
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError

LAW_ADMIN_DAYS = 30  # administrative police consult recordings only during their first month (domain.md rule 3)
PLAYBACK_START = "playback start"
PLAYBACK_STOP = "playback stop"
CONTIGUOUS_S = 1.5  # segments closer than this make one recorded span (a recorder's cut between two files)
WRITE_TIMEOUT_S = 30.0
Clock = Callable[[], dt.datetime]


class RecordingRefused(WordedError):
    """Playback or export refused: the text names the rule it would break."""


ADMIN_WINDOW_PASSED = QT_TRANSLATE_NOOP(
    "Domain",
    "administrative police may consult recordings only during their first {limit} days; this"
    " footage is {days} days old: it needs a judicial reason with the reference of the"
    " prosecutor's or investigating judge's decision",
)

NO_SUCH_CAMERA_MEANT = QT_TRANSLATE_NOOP(
    "Domain", "there is no camera or device '{camera}' (did you mean {suggestion}?)"
)


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def check_admin_days(days: int) -> int:
    """The administrative window configured: lower than the law's month is kept, longer is refused."""
    if not 1 <= days <= LAW_ADMIN_DAYS:
        raise RecordingRefused(
            QT_TRANSLATE_NOOP(
                "Domain",
                "administrative police may consult recordings during at most {law} days (the law); {days} configured",
            ),
            law=LAW_ADMIN_DAYS,
            days=days,
        )
    return days


# Writing the entries ------------------------------------------------------------------------------------------------


class Audit(Protocol):
    """Where the service's entries go; ``write`` returns once they are durable (a fact may be kept and retried)."""

    def write(self, records: Sequence[Record], is_fact: bool = False) -> None: ...


class LogAudit:
    """The audit log itself, written now, in one transaction (the command line)."""

    def __init__(self, log: AuditLog) -> None:
        self.log = log

    def write(self, records: Sequence[Record], is_fact: bool = False) -> None:
        for result in self.log.append_batch(list(records)):
            if not isinstance(result, Entry):
                raise result


class WriterAudit:
    """A desk's audit writer: waits until the entries are durable (call it from a worker, never the GUI thread).

    A fact (a stop) is handed over and not waited for: the writer keeps and retries it."""

    def __init__(self, writer: AuditWriter, timeout_s: float = WRITE_TIMEOUT_S) -> None:
        self.writer = writer
        self.timeout_s = timeout_s

    def write(self, records: Sequence[Record], is_fact: bool = False) -> None:
        if is_fact:
            for record in records:
                self.writer.submit(record, is_fact=True)
            return
        done = threading.Event()
        failures: list[BaseException] = []
        remaining = [len(records)]
        lock = threading.Lock()

        def one_done(error: BaseException | None = None) -> None:
            with lock:
                if error is not None:
                    failures.append(error)
                remaining[0] -= 1
                if remaining[0] == 0:
                    done.set()

        for record in records:
            self.writer.submit(record, on_durable=lambda entry: one_done(), on_failure=one_done)
        if not records:
            return
        if not done.wait(self.timeout_s):
            raise StoreUnavailable(f"the audit log did not take the entries within {self.timeout_s:.0f} s")
        if failures:
            raise failures[0]


# What is granted ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grant:
    """A playback (or export) allowed: what, by whom, under which reason; the audit entries it makes."""

    id: str
    action: Action
    who: dict[str, str]  # user, role, workstation
    session: str
    cameras: tuple[str, ...]
    from_utc: dt.datetime
    to_utc: dt.datetime
    reason: Reason
    granted_utc: dt.datetime
    age_days: float  # how old the span's oldest footage is (at the grant)

    @property
    def decision(self) -> str:
        return self.reason.decision

    def detail(self, **more: object) -> dict:
        """The entry's details as facts: span, cameras, decision reference, the grant that ties start and stop."""
        detail: dict[str, object] = {"grant": self.id, "session": self.session, "cameras": list(self.cameras),
                                     "from": iso(self.from_utc), "to": iso(self.to_utc)}  # fmt: skip
        if self.decision:
            detail["decision"] = self.decision
        return {**detail, **more}

    def records(self, action: str, is_fact: bool = False, **more: object) -> list[Record]:
        """One entry per camera (the log is searched by camera), each naming all the cameras of the grant.

        Under a reason that names an incident, an entry that is not a fact is written only while the records hold
        the incident open (checked in the entry's own transaction, as for live view)."""
        who, reason = self.who, self.reason.as_record()
        incident = self.reason.incident
        effects = (incident_still_open(incident),) if incident is not None and not is_fact else ()
        return [Record(who["user"], who["role"], who["workstation"], action, camera, self.detail(**more), reason,
                       effects) for camera in self.cameras]  # fmt: skip

    def start_records(self) -> list[Record]:
        return self.records(PLAYBACK_START)

    def stop_records(self, stopped_utc: dt.datetime | None = None) -> list[Record]:
        more = {"stopped": iso(stopped_utc)} if stopped_utc is not None else {}
        return self.records(PLAYBACK_STOP, is_fact=True, **more)


# What exists --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedSpan:
    start_utc: dt.datetime
    end_utc: dt.datetime
    is_growing: bool = False  # its last segment is still being written


@dataclass(frozen=True)
class Gap:
    start_utc: dt.datetime
    end_utc: dt.datetime | None  # None: it lasts
    cause: str  # the index's cause (camera down, recorder down, disk full...), or 'not recorded'


@dataclass(frozen=True)
class Timeline:
    """One camera's recordings in a span: what was recorded, the gaps and why, the evidence locks on it."""

    camera: str
    spans: list[RecordedSpan] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    locks: list[archive.LockRecord] = field(default_factory=list)
    segments: list[archive.SegmentRecord] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.spans


_THE_RECIPIENT = Worded(QT_TRANSLATE_NOOP("Domain", "the recipient"))
MAX_RECIPIENT = 200


class NothingRecorded(RecordingRefused):
    """A span in which a camera has nothing recorded (or nothing that can still be read)."""

    def __init__(self, camera: str, from_utc: dt.datetime, to_utc: dt.datetime, readable: bool = False) -> None:
        unreadable = QT_TRANSLATE_NOOP("Domain", "nothing of {camera} between {start} and {to} can be read")
        missing = QT_TRANSLATE_NOOP("Domain", "nothing of {camera} is recorded between {start} and {to}")
        template = unreadable if readable else missing
        super().__init__(template, camera=camera, start=iso(from_utc), to=iso(to_utc))
        self.camera = camera


@dataclass(frozen=True)
class Exported:
    """A sealed export written and logged: its folder, its manifest and the manifest's SHA-256."""

    grant: Grant
    folder: Path
    written: Written

    @property
    def manifest_sha256(self) -> str:
        return self.written.manifest_sha256

    @property
    def manifest(self) -> dict:
        return self.written.manifest


def _prepare_folder(folder: Path) -> bool:
    """The export's folder, new or empty (an export never mixes with other files); True if it was created."""
    try:
        if folder.exists():
            if not folder.is_dir() or any(folder.iterdir()):
                raise RecordingRefused(
                    QT_TRANSLATE_NOOP(
                        "Domain", "{folder} is not an empty folder: an export goes into a new or empty one"
                    ),
                    folder=str(folder),
                )
            return False
        folder.mkdir(parents=True)
    except OSError as error:
        raise RecordingRefused(QT_TRANSLATE_NOOP("Domain", "the folder {folder} cannot be written: {error}"),
                               folder=str(folder), error=error.strerror or str(error)) from None  # fmt: skip
    return True


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


class Recordings:
    """The law over recordings, for every caller; see the module's docstring.

    ``cameras``: the configured camera ids (imported devices are found in the store);
    ``clock``: now, aware UTC (injected in the tests); ``admin_days``: the administrative window.
    """

    def __init__(self, database: Database, audit: Audit | None, cameras: Iterable[str] | Mapping[str, str],
                 clock: Clock = utc_clock, admin_days: int = LAW_ADMIN_DAYS) -> None:  # fmt: skip
        """``cameras``: the configured ids, or ids and their names (a refusal then suggests the id of a name)."""
        self.database = database
        self.audit = audit
        self.cameras = frozenset(cameras)
        self.camera_names: dict[str, str] = dict(cameras) if isinstance(cameras, Mapping) else {}
        self.clock = clock
        self.admin_days = check_admin_days(admin_days)

    # -- the rules ---------------------------------------------------------------------------------------------------
    def decide(self, session: Session, action: Action, reason: Reason | None, cameras: Sequence[str],
               from_utc: dt.datetime, to_utc: dt.datetime) -> Grant:  # fmt: skip
        """Allow ``action`` (playing back or exporting) on ``cameras`` over [from, to), or raise why not."""
        if session.is_locked:
            raise RecordingRefused(QT_TRANSLATE_NOOP("Domain", "the desk is locked: unlock it first"))
        covering = session.require(action, reason)
        assert covering is not None  # both actions need a reason (NEEDS_REASON)
        wanted = tuple(dict.fromkeys(cameras))
        self.check_cameras(wanted)
        now = self.clock()
        self.check_span(from_utc, to_utc, now)
        age = now - from_utc
        if age > dt.timedelta(days=self.admin_days):
            days = age / dt.timedelta(days=1)
            if covering.kind != Kind.JUDICIAL:
                raise RecordingRefused(ADMIN_WINDOW_PASSED, limit=self.admin_days, days=int(days))
            if not covering.decision:
                raise RecordingRefused(
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "footage older than {limit} days is consulted only with the reference of the prosecutor's or"
                        " investigating judge's decision; this footage is {days} days old",
                    ),
                    limit=self.admin_days,
                    days=int(days),
                )
        return Grant(uuid.uuid4().hex[:12], action, session.who, session.id, wanted, from_utc, to_utc, covering, now,
                     age / dt.timedelta(days=1))  # fmt: skip

    def oldest_allowed(self, grant: Grant) -> dt.datetime | None:
        """The oldest recording time the grant may see: the administrative window's start, unless a judicial reason
        carries the decision's reference (None: no bound). An export starts at a keyframe, which may be older than
        the span's start: it must not be older than this."""
        if grant.reason.kind == Kind.JUDICIAL and grant.decision:
            return None
        return grant.granted_utc - dt.timedelta(days=self.admin_days)

    def check_cameras(self, cameras: Sequence[str]) -> None:
        if not cameras:
            raise RecordingRefused(QT_TRANSLATE_NOOP("Domain", "name at least one camera"))
        unknown = [camera for camera in cameras if camera not in self.cameras]
        if unknown:
            with self.database.read() as transaction:
                devices = {device.device for device in archive.read_devices(transaction)}
            unknown = [camera for camera in unknown if camera not in devices]
        if unknown:
            meant = self.meant_camera(unknown[0])
            if meant is None:
                raise RecordingRefused(QT_TRANSLATE_NOOP("Domain", "there is no camera or device '{camera}'"),
                                       camera=unknown[0])  # fmt: skip
            named = f"'{meant}' ({self.camera_names[meant]})" if meant in self.camera_names else f"'{meant}'"
            raise RecordingRefused(NO_SUCH_CAMERA_MEANT, camera=unknown[0], suggestion=named)

    def meant_camera(self, word: str) -> str | None:
        """The id a camera's name (any case) or a mistyped id or name stands for: the command line takes ids."""
        by_name = {name.casefold(): camera for camera, name in self.camera_names.items()}
        if word.casefold() in by_name:
            return by_name[word.casefold()]
        meant = closest(word, sorted(self.cameras))
        if meant is not None:
            return meant
        name = closest(word.casefold(), sorted(by_name))
        return by_name[name] if name is not None else None

    @staticmethod
    def check_span(from_utc: dt.datetime, to_utc: dt.datetime, now: dt.datetime) -> None:
        """A span that ends after it starts, not in the future (``BadTime``, a refusal worded like the others)."""
        if from_utc.tzinfo is None or to_utc.tzinfo is None:
            raise ValueError("the span's moments are aware UTC datetimes")
        checked_span(from_utc, to_utc, now)

    # -- playback ----------------------------------------------------------------------------------------------------
    def start_playback(self, session: Session, reason: Reason | None, cameras: Sequence[str],
                       from_utc: dt.datetime, to_utc: dt.datetime) -> Grant:  # fmt: skip
        """Check and log ``playback start`` (durable on return); play only after it returns. Blocking."""
        grant = self.decide(session, Action.PLAY_RECORDINGS, reason, cameras, from_utc, to_utc)
        self._audit().write(grant.start_records())
        return grant

    def stop_playback(self, grant: Grant) -> None:
        """Log ``playback stop`` (a fact: it already happened; kept and retried by a desk's writer)."""
        self._audit().write(grant.stop_records(self.clock()), is_fact=True)

    def _audit(self) -> Audit:
        if self.audit is None:
            raise RuntimeError("this Recordings reads only: it was given no audit log")
        return self.audit

    # -- export ------------------------------------------------------------------------------------------------------
    def export(self, session: Session, reason: Reason | None, cameras: Sequence[str], from_utc: dt.datetime,
               to_utc: dt.datetime, folder: Path, recipient: str = "") -> Exported:  # fmt: skip
        """Check, write each camera's MP4 and the manifest into ``folder`` (new, or empty), then log ``recording
        export`` (one entry per camera, with the manifest's SHA-256). Blocking: the command line, or a worker.

        If the log cannot take the entries, the files are removed: nothing leaves without its entry."""
        grant = self.decide(session, Action.EXPORT_RECORDINGS, reason, cameras, from_utc, to_utc)
        recipient = " ".join(recipient.split())
        if len(recipient) > MAX_RECIPIENT:
            raise RecordingRefused(
                QT_TRANSLATE_NOOP("Domain", "the recipient is {length} characters long; at most {limit}"),
                length=len(recipient),
                limit=MAX_RECIPIENT,
            )
        problem = one_line_problem(recipient, MAX_RECIPIENT)  # it goes into the manifest and the audit log
        if problem is not None:
            raise RecordingRefused("{what} {problem}", what=_THE_RECIPIENT, problem=problem)
        footage = []
        for timeline in self._timelines(grant.cameras, from_utc, to_utc):
            if timeline.is_empty:
                raise NothingRecorded(timeline.camera, from_utc, to_utc)
            gaps = [(gap.start_utc, gap.end_utc or to_utc, gap.cause) for gap in timeline.gaps]
            footage.append(CameraFootage(timeline.camera, timeline.segments, gaps))
        created = _prepare_folder(folder)
        header = {"grant": grant.id, "who": grant.who["user"], "role": grant.who["role"],
                  "workstation": grant.who["workstation"], "when": iso(grant.granted_utc),
                  "reason": grant.reason.as_record(), "decision": grant.decision or None,
                  "recipient": recipient or None}  # fmt: skip
        try:
            try:
                written = write_export(folder, footage, header, from_utc, to_utc, self.oldest_allowed(grant))
            except OlderThanAllowed as error:  # its pictures decode only from a keyframe older than the window
                days = (grant.granted_utc - error.keyframe_utc) / dt.timedelta(days=1)
                raise RecordingRefused(ADMIN_WINDOW_PASSED, limit=self.admin_days, days=int(days)) from None
            except ValueError as error:
                raise NothingRecorded(str(error), from_utc, to_utc, readable=True) from None
            records = grant.records(RECORDING_EXPORT, manifest_sha256=written.manifest_sha256, recipient=recipient,
                                    files=[path.name for path in written.files],
                                    folder=str(folder.absolute()))  # fmt: skip
            try:
                self._audit().write(records)
            except BaseException:
                written.discard()
                raise
        except BaseException:
            if created:
                _remove_if_empty(folder)
            raise
        return Exported(grant, folder, written)

    # -- what exists -------------------------------------------------------------------------------------------------
    def timeline(self, session: Session, cameras: Sequence[str] | None = None, from_utc: dt.datetime | None = None,
                 to_utc: dt.datetime | None = None) -> list[Timeline]:  # fmt: skip
        """Per camera (the ones named, else every one with recordings or gaps): recorded spans, gaps with their
        cause, and evidence locks, within [from, to) if given. Role-checked, not logged; reads the store."""
        if session.is_locked:
            raise RecordingRefused(QT_TRANSLATE_NOOP("Domain", "the desk is locked: unlock it first"))
        require(session.role, Action.PLAY_RECORDINGS)
        if cameras is not None:
            self.check_cameras(tuple(dict.fromkeys(cameras)))
        return self._timelines(cameras, from_utc, to_utc)

    def _timelines(self, cameras: Sequence[str] | None, from_utc: dt.datetime | None,
                   to_utc: dt.datetime | None) -> list[Timeline]:  # fmt: skip
        start = utc_text(from_utc) if from_utc is not None else None
        end = utc_text(to_utc) if to_utc is not None else None
        with self.database.read() as transaction:
            found_segments = archive.segments(transaction, None, start, end)
            found_gaps = archive.gaps(transaction, None, start, end)
            found_locks = archive.locks(transaction, None, start, end)
        names = list(cameras) if cameras is not None else sorted(
            {s.camera for s in found_segments} | {g.camera for g in found_gaps})  # fmt: skip
        return [
            build_timeline(camera, [s for s in found_segments if s.camera == camera],
                           [g for g in found_gaps if g.camera == camera],
                           [lock for lock in found_locks if camera in lock.cameras], from_utc, to_utc)
            for camera in names
        ]  # fmt: skip


def build_timeline(camera: str, segments: Sequence[archive.SegmentRecord], gaps: Sequence[archive.GapRecord],
                   locks: Sequence[archive.LockRecord], from_utc: dt.datetime | None = None,
                   to_utc: dt.datetime | None = None) -> Timeline:  # fmt: skip
    """Segments merged into spans; the index's gaps, and the holes it gives no cause for as 'not recorded'."""
    spans: list[RecordedSpan] = []
    for segment in sorted(segments, key=lambda s: (s.start_utc, s.id)):
        start, end = utc_moment(segment.start_utc), utc_moment(segment.end_utc)
        if spans and start <= spans[-1].end_utc + dt.timedelta(seconds=CONTIGUOUS_S):
            last = spans[-1]
            spans[-1] = RecordedSpan(last.start_utc, max(last.end_utc, end), last.is_growing or not segment.is_closed)
        else:
            spans.append(RecordedSpan(start, end, not segment.is_closed))
    known = [Gap(utc_moment(g.start_utc), utc_moment(g.end_utc) if g.end_utc else None, g.cause) for g in gaps]
    holes: list[tuple[dt.datetime, dt.datetime]] = []
    edges = [RecordedSpan(from_utc, from_utc)] if from_utc is not None and spans else []
    edges += spans
    if to_utc is not None and spans:
        edges.append(RecordedSpan(to_utc, to_utc))
    for before, after in zip(edges, edges[1:], strict=False):
        if after.start_utc - before.end_utc > dt.timedelta(seconds=CONTIGUOUS_S):
            holes.append((before.end_utc, after.start_utc))
    unexplained = [Gap(start, end, NOT_RECORDED) for start, end in holes
                   if not any(_covers(gap, start, end) for gap in known)]  # fmt: skip
    all_gaps = sorted(known + unexplained, key=lambda gap: gap.start_utc)
    return Timeline(camera, spans, all_gaps, list(locks), list(segments))


def _covers(gap: Gap, start: dt.datetime, end: dt.datetime) -> bool:
    """Does the index's gap explain (most of) the hole [start, end)?"""
    gap_end = gap.end_utc or end
    overlap = min(gap_end, end) - max(gap.start_utc, start)
    return overlap >= (end - start) / 2
