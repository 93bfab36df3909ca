"""Which cameras this recorder records: decided by the store, so a room's recorders share them and survive a death.

Each recorded camera is claimed by exactly one live recorder, by compare-and-set in the store
(``archive.claim``, like a PTZ lease), renewed every ``RENEW_EVERY_S``. A claim whose heartbeat is
older than ``STALE_AFTER_S`` is taken by another recorder, so a killed recorder's cameras are
recorded again within 10 s; the recorder that finds its claim taken stops that camera.

The share is fair: with L live recorders able to record and N cameras, none holds more than
ceil(N / L) while the others are live. A recorder over its share (a new one came, or this one's
disk is full) *offers* the excess: it stops renewing those claims and marks them stale at once,
keeps recording them until another recorder has taken them (its next look, within 2 s), and
then stops: a hand-over overlaps instead of leaving a hole. A recorder with a problem (disk full)
offers every camera and takes none until the problem is gone.

On a take-over from a dead recorder (or when a camera was left unclaimed), the hole from the
camera's last indexed packet to the first new one is a ``recorder down`` gap in the index: opened
here, at the claim, and ended by the recorder's first new segment (``archive.close_gaps``).

Pure logic on one store transaction per look, with an injected clock (epoch seconds, the
claims' time) and events out, in the shape of ``ptz/lease.py`` and ``tours/runner.py``: the
recorder's service acts on the events (``Claimed`` -> record, ``Lost`` -> stop).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.store import archive
from console.store.archive import ClaimRecord, RecorderRecord
from console.store.backend import Transaction, utc_text

RENEW_EVERY_S = 2.0  # a recorder looks (renews, takes, offers) this often
STALE_AFTER_S = archive.RECORDER_STALE_AFTER_S  # a claim (and a recorder's report) older than this: a dead one's
RECORDER_DOWN = "recorder down"  # the gap's cause on a take-over
STOPPED = archive.STOPPED  # a recorder's problem after a clean stop (room status says it; it holds no camera)


@dataclass(frozen=True)
class Claimed:
    """The camera is this recorder's now: record it."""

    camera: str
    taken_from: str | None = None  # the recorder that held it (dead, or offering it); None: it was free or ours
    gap_from_utc: str | None = None  # a 'recorder down' gap opened from the camera's last indexed packet


@dataclass(frozen=True)
class Lost:
    """Another recorder holds the camera now (it took an offer, or this recorder's heartbeat went stale): stop."""

    camera: str
    holder: str | None  # who holds it now (None: nobody; the claim was removed)
    was_offered: bool = False  # this recorder offered it (a fair share, a problem): a hand-over, not a loss


@dataclass(frozen=True)
class Offered:
    """The camera is offered to the others (over the fair share, or a problem): record on until one takes it."""

    camera: str


ClaimEvent = Claimed | Lost | Offered


def epoch_utc(epoch_s: float) -> str:
    """The index's UTC text for an epoch time (the claims' clock)."""
    return utc_text(dt.datetime.fromtimestamp(epoch_s, dt.UTC))


def fair_share(cameras: int, recorders: int) -> int:
    """At most this many cameras per recorder: together the live recorders can always hold every camera."""
    return math.ceil(cameras / recorders) if recorders else 0


class ClaimKeeper:
    def __init__(self, recorder: str, cameras: Iterable[str], clock: Callable[[], float] = time.time,
                 stale_after_s: float = STALE_AFTER_S) -> None:  # fmt: skip
        """``recorder``: this recorder's name (unique in the room); ``cameras``: the ids with ``recording:``."""
        self.recorder = recorder
        self.cameras = tuple(sorted(set(cameras)))
        self.clock = clock
        self.stale_after_s = stale_after_s
        self.held: set[str] = set()  # the cameras this recorder records now (by its events)
        self.offered: set[str] = set()  # held, but offered to the others
        self._has_looked = False
        self._report: RecorderRecord | None = None  # as last written

    def live_recorders(self, recorders: Iterable[RecorderRecord], claims: Iterable[ClaimRecord],
                       now_s: float) -> set[str]:  # fmt: skip
        """The other recorders able to record: reported or renewed within the staleness limit, without a problem."""
        seen_after = epoch_utc(now_s - self.stale_after_s)
        troubled = set()
        live = set()
        for record in recorders:
            if record.problem is not None:
                troubled.add(record.name)
            elif record.last_seen_utc >= seen_after:
                live.add(record.name)
        live |= {claim.recorder for claim in claims if claim.heartbeat_s >= now_s - self.stale_after_s}
        return live - troubled - {self.recorder}

    def tick(self, transaction: Transaction, report: RecorderRecord) -> list[ClaimEvent]:
        """One look, in one write transaction: report this recorder, renew, offer the excess, take up to its share.

        ``report``: this recorder's state for ``room status`` (disk, problem; its name and last seen are set
        here); with a problem it offers every camera and takes none. The first look only reports, so recorders
        started together see each other before they take."""
        now_s = self.clock()
        stale_before_s = now_s - self.stale_after_s
        is_able = report.problem is None
        self._report = dataclasses.replace(report, name=self.recorder, last_seen_utc=epoch_utc(now_s))
        archive.report_recorder(transaction, self._report)
        claims = {claim.camera: claim for claim in archive.read_claims(transaction)}
        events: list[ClaimEvent] = []
        for camera in sorted(self.held):
            claim = claims.get(camera)
            if claim is None or claim.recorder != self.recorder:  # taken since the last look
                events.append(self._drop(camera, Lost(camera, claim.recorder if claim else None,
                                                      camera in self.offered)))  # fmt: skip
            elif camera not in self.cameras:  # no longer recorded (the configuration changed)
                archive.release(transaction, camera, self.recorder)
                events.append(self._drop(camera, Lost(camera, None, True)))
        if not self._has_looked:
            self._has_looked = True
            return events
        others = self.live_recorders(archive.read_recorders(transaction), claims.values(), now_s)
        share = fair_share(len(self.cameras), len(others) + 1) if is_able else 0
        keep = sorted(self.held, key=lambda camera: (camera in self.offered, camera))[:share]
        for camera in keep:
            if archive.claim(transaction, camera, self.recorder, now_s, stale_before_s):
                self.offered.discard(camera)
            else:  # not while the look's transaction is exclusive (it read the claim as this recorder's)
                events.append(self._drop(camera, Lost(camera, None)))
        for camera in sorted(self.held - set(keep) - self.offered):
            archive.offer(transaction, camera, self.recorder)
            self.offered.add(camera)
            events.append(Offered(camera))
        room = share - len(self.held)
        for camera in self.cameras:
            if room <= 0:
                break
            claim = claims.get(camera)
            if camera in self.held or (claim is not None and claim.recorder != self.recorder
                                       and claim.heartbeat_s >= stale_before_s):  # fmt: skip
                continue  # ours already, or a live recorder's
            if not archive.claim(transaction, camera, self.recorder, now_s, stale_before_s):
                continue
            room -= 1
            self.held.add(camera)
            taken_from = claim.recorder if claim is not None and claim.recorder != self.recorder else None
            is_handed_over = claim is not None and claim.heartbeat_s == archive.OFFERED_HEARTBEAT_S
            # A hand-over overlaps (the offering recorder records until it sees this claim): no gap.
            gap_from = None if is_handed_over else self._open_gap(transaction, camera, now_s)
            events.append(Claimed(camera, taken_from, gap_from))
        return events

    def _drop(self, camera: str, event: Lost) -> Lost:
        self.held.discard(camera)
        self.offered.discard(camera)
        return event

    def _open_gap(self, transaction: Transaction, camera: str, now_s: float) -> str | None:
        """A 'recorder down' gap from the camera's last indexed packet, ended by the first new segment.

        None when the camera was never recorded, or a gap is open already (the camera was down, the disk full)."""
        last_utc = archive.recorded_until(transaction, camera)
        if last_utc is None or last_utc >= epoch_utc(now_s):
            return None
        if any(gap.end_utc is None for gap in archive.gaps(transaction, camera, last_utc, None)):
            return None
        archive.open_gap(transaction, camera, last_utc, RECORDER_DOWN, self.recorder)
        return last_utc

    def release_all(self, transaction: Transaction) -> list[ClaimEvent]:
        """A clean stop: every camera given back, so another recorder takes it at its next look (this one says it
        stopped, so the others count it out of the share at once)."""
        events: list[ClaimEvent] = []
        if self._report is not None:
            archive.report_recorder(transaction, dataclasses.replace(self._report, problem=STOPPED))
        for camera in sorted(self.held):
            archive.release(transaction, camera, self.recorder)
            events.append(Lost(camera, None, True))
        self.held.clear()
        self.offered.clear()
        return events
