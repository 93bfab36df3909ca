"""Recorded segments (MPEG-TS) remuxed into one MP4, never re-encoded: the camera's own packets, re-timed.

The recording time of a packet is its segment's start + (packet PTS - the file's first PTS)
(the recorder's contract). The MP4's time 0 is the first packet written: the keyframe at or
before the span's start, so the file decodes from its first frame. Between segments that are
not contiguous (a gap) the MP4's clock jumps as the recording's did, and writing resumes at
the next keyframe; packets at or after the span's end are left out. With ``not_before`` (the
administrative window's start) a keyframe older than it is never written: the file starts at the
next one, so not one picture older than the window leaves (an imported bodycam's file may hold a
single keyframe for minutes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import av.error

TIME_BASE = Fraction(1, 90_000)  # MPEG-TS's clock
CONTIGUOUS_S = 1.5  # a larger jump between two segments' packets is a gap: writing resumes at a keyframe


@dataclass(frozen=True)
class Piece:
    """A segment file and the recording time (aware UTC) of its first packet."""

    path: Path
    start_utc: dt.datetime


@dataclass
class Remuxed:
    """What went into the MP4: its packets' recording times, and the segments that could not be read."""

    packets: int = 0
    first_utc: dt.datetime | None = None
    end_utc: dt.datetime | None = None  # the last packet's time + its duration
    codec: str = ""
    width: int = 0
    height: int = 0
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    too_old_utc: dt.datetime | None = None  # a keyframe left out: older than ``not_before``


class OlderThanAllowed(ValueError):
    """Nothing was written: the span's pictures decode only from a keyframe older than ``not_before``."""

    def __init__(self, keyframe_utc: dt.datetime, camera: str = "") -> None:
        super().__init__(camera or "a keyframe older than allowed")
        self.keyframe_utc = keyframe_utc
        self.camera = camera


def remux_to_mp4(pieces: Sequence[Piece], from_utc: dt.datetime, to_utc: dt.datetime, out_path: Path,
                 not_before: dt.datetime | None = None) -> Remuxed:  # fmt: skip
    """Write the packets of ``pieces`` (oldest first) recorded in [from, to) to ``out_path`` as MP4, none older than
    ``not_before``.

    A segment that cannot be read is skipped and named in ``unreadable`` (a finding, not a failure).
    Raises ValueError if nothing at all was written (the file is then removed): OlderThanAllowed when a keyframe
    older than ``not_before`` was all there was to start from."""
    result = Remuxed()
    output = av.open(str(out_path), "w", format="mp4")
    try:
        writer = _Writer(output, from_utc, to_utc, result, not_before)
        for piece in pieces:
            try:
                writer.add(piece)
            except (av.error.FFmpegError, OSError) as error:
                result.unreadable.append((piece.path, str(error) or type(error).__name__))
    finally:
        output.close()
    if result.packets == 0:
        out_path.unlink(missing_ok=True)
        if result.too_old_utc is not None:
            raise OlderThanAllowed(result.too_old_utc)
        raise ValueError("no packet of the span could be read")
    return result


class _Writer:
    def __init__(self, output: av.container.OutputContainer, from_utc: dt.datetime, to_utc: dt.datetime,
                 result: Remuxed, not_before: dt.datetime | None = None) -> None:  # fmt: skip
        self.output = output
        self.from_utc = from_utc
        self.to_utc = to_utc
        self.not_before = not_before
        self.result = result
        self.stream: av.stream.Stream | None = None
        self.base: dt.datetime | None = None  # the recording time of the MP4's time 0
        self.last_utc: dt.datetime | None = None
        self.last_dts = -1
        self.frame = dt.timedelta(0)  # one frame's duration, as the packets say

    def add(self, piece: Piece) -> None:
        with av.open(str(piece.path)) as container:
            if not container.streams.video:
                raise ValueError("no video stream")
            video = container.streams.video[0]
            if self.stream is None:
                self.stream = self.output.add_stream_from_template(video)
                self.result.codec = video.codec_context.name
                self.result.width, self.result.height = video.codec_context.width, video.codec_context.height
            time_base = video.time_base or TIME_BASE
            first_pts: int | None = None
            pending: list[tuple[av.Packet, dt.datetime]] = []  # the current GOP, before the span starts
            needs_keyframe = True
            for packet in container.demux(video):
                if packet.pts is None or packet.size == 0:
                    continue
                if first_pts is None:
                    first_pts = packet.pts
                moment = piece.start_utc + _seconds((packet.pts - first_pts) * time_base)
                if packet.duration:
                    self.frame = _seconds(packet.duration * time_base)
                if moment >= self.to_utc:
                    break
                if needs_keyframe:
                    is_jump = self.last_utc is None or moment - self.last_utc > dt.timedelta(seconds=CONTIGUOUS_S)
                    if not is_jump or packet.is_keyframe:
                        needs_keyframe = False
                    else:
                        continue
                if self.base is None:  # not started: keep the GOP that holds the span's start
                    if packet.is_keyframe:
                        pending = []
                    elif not pending:
                        continue  # no keyframe yet to decode it from
                    pending.append((packet, moment))
                    if moment < self.from_utc:
                        continue
                    if self.not_before is not None and pending[0][1] < self.not_before:
                        self.result.too_old_utc = self.result.too_old_utc or pending[0][1]
                        pending = []  # its keyframe is older than allowed: start at the next one
                        continue
                    self.base = pending[0][1]
                    for kept, kept_moment in pending:
                        self._write(kept, kept_moment, time_base)
                    pending = []
                    continue
                self._write(packet, moment, time_base)

    def _write(self, packet: av.Packet, moment: dt.datetime, time_base: Fraction) -> None:
        assert self.base is not None and self.stream is not None
        pts = round((moment - self.base).total_seconds() / TIME_BASE)
        pts_in, dts_in = packet.pts or 0, packet.dts
        offset = 0 if dts_in is None else round((pts_in - dts_in) * time_base / TIME_BASE)
        dts = max(pts - offset, self.last_dts + 1)
        packet.stream = self.stream
        packet.time_base = TIME_BASE
        packet.pts, packet.dts = max(pts, dts), dts
        if packet.duration:
            packet.duration = round(packet.duration * time_base / TIME_BASE)
        self.output.mux(packet)
        self.last_dts = dts
        self.last_utc = moment
        result = self.result
        result.packets += 1
        result.first_utc = result.first_utc or moment
        result.end_utc = moment + self.frame


def _seconds(value: Fraction | float) -> dt.timedelta:
    return dt.timedelta(seconds=float(value))
