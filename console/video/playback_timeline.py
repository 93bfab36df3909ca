"""A camera's timeline for playback: what was recorded, the gaps with their cause, the evidence locks.

Built from what the recordings service read from the index (``Recordings.timeline``: recorded spans, gaps
with their cause, locks) over the span a window shows. A stretch with neither a span nor a gap is said
to be "not recorded" (the camera may not have been recorded then at all); a gap's cause is kept as the
fact it is (``camera down``, ``recorder down``, ``disk full``, ``segment missing``...), worded by the
window in the reader's language. Segments that follow each other within ``JOIN_S`` play as one stretch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from console.store.backend import utc_moment


class SegmentRecord(Protocol):
    """A segment as the index gives it (``store.archive.SegmentRecord``: video does not import the store)."""

    @property
    def camera(self) -> str: ...
    @property
    def start_utc(self) -> str: ...
    @property
    def end_utc(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def is_closed(self) -> bool: ...


class LockRecord(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def cameras(self) -> tuple[str, ...]: ...
    @property
    def start_utc(self) -> str: ...
    @property
    def end_utc(self) -> str: ...
    @property
    def incident(self) -> str | None: ...
    @property
    def judicial_file(self) -> str | None: ...
    @property
    def is_held(self) -> bool: ...


JOIN_S = 2.0  # segments this close are one stretch (the recorder's hand-over from one file to the next)
NOT_RECORDED = "not recorded"  # the cause said for a stretch the index has nothing about


class BandKind(Enum):
    RECORDED = "recorded"
    GAP = "gap"


@dataclass(frozen=True)
class Band:
    kind: BandKind
    start: dt.datetime
    end: dt.datetime
    cause: str | None = None  # a gap's cause (a fact, worded when shown); None for a recorded stretch


@dataclass(frozen=True)
class LockBand:
    lock_id: int
    start: dt.datetime
    end: dt.datetime
    incident: str | None
    judicial_file: str | None


@dataclass(frozen=True)
class CameraTimeline:
    camera: str
    start: dt.datetime  # the span the timeline covers
    end: dt.datetime
    bands: tuple[Band, ...]  # in time order, covering [start, end) without overlap
    locks: tuple[LockBand, ...]
    segments: tuple[SegmentRecord, ...] = ()

    def band_at(self, moment: dt.datetime) -> Band | None:
        return next((band for band in self.bands if band.start <= moment < band.end), None)

    def is_recorded_at(self, moment: dt.datetime) -> bool:
        band = self.band_at(moment)
        return band is not None and band.kind == BandKind.RECORDED

    def recorded(self) -> tuple[dt.datetime, dt.datetime] | None:
        """The first and last recorded moment in the span, or None when nothing is recorded in it."""
        stretches = [band for band in self.bands if band.kind == BandKind.RECORDED]
        return (stretches[0].start, stretches[-1].end) if stretches else None

    def locks_at(self, moment: dt.datetime) -> list[LockBand]:
        return [lock for lock in self.locks if lock.start <= moment < lock.end]


def timeline_from_spans(camera: str, start: dt.datetime, end: dt.datetime,
                        spans: Sequence[tuple[dt.datetime, dt.datetime]],
                        gaps: Sequence[tuple[dt.datetime, dt.datetime | None, str]], locks: Sequence[LockRecord],
                        now: dt.datetime, segments: Sequence[SegmentRecord] = ()) -> CameraTimeline:  # fmt: skip
    """The camera's bands over [start, end) from the recordings service's ``Timeline`` (its spans, and its gaps with
    their cause, 'not recorded' included): recorded spans, then gaps, then "not recorded" for what is left up to now."""
    bands: list[Band] = []
    for first, last in sorted(spans):
        first, last = max(first, start), min(last, end)
        if last > first:
            bands.append(Band(BandKind.RECORDED, first, last))
    limit = min(end, now)
    for gap_start, gap_end, cause in sorted(gaps, key=lambda gap: gap[0]):
        last = min(gap_end if gap_end is not None else limit, end)
        bands += [Band(BandKind.GAP, a, b, cause) for a, b in _uncovered(max(gap_start, start), last, bands)]
    bands += [Band(BandKind.GAP, a, b, NOT_RECORDED) for a, b in _uncovered(start, limit, bands)]
    bands.sort(key=lambda band: band.start)
    held = [LockBand(lock.id, max(utc_moment(lock.start_utc), start), min(utc_moment(lock.end_utc), end), lock.incident,
                     lock.judicial_file) for lock in locks if camera in lock.cameras and lock.is_held]  # fmt: skip
    return CameraTimeline(camera, start, end, tuple(bands), tuple(lock for lock in held if lock.end > lock.start),
                          tuple(segments))  # fmt: skip


def _uncovered(start: dt.datetime, end: dt.datetime, bands: Sequence[Band]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The parts of [start, end) that no band covers yet."""
    pieces: list[tuple[dt.datetime, dt.datetime]] = []
    cursor = start
    for band in sorted(bands, key=lambda each: each.start):
        if band.end <= cursor or band.start >= end:
            continue
        if band.start > cursor:
            pieces.append((cursor, band.start))
        cursor = max(cursor, band.end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces
