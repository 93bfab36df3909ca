"""One camera's recorded frames, decoded on a thread of its own just ahead of the playback position.

The window's one clock (``playback_clock``) says where playback is; each feed decodes its
camera's segments (MPEG-TS, the camera's packets) up to a little past that position and keeps
a handful of frames stamped with their recording time (the segment's ``start_utc`` plus the
packet's PTS less the file's first PTS: the recorder's contract). Frames the position has
already passed are dropped before they are scaled (scaling is what a hidden frame would cost),
so a feed holds a few frames however fast it plays. A feed never paces itself: it follows the
published position, which is what keeps several cameras in step.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import av
from av.video.reformatter import VideoReformatter

from console.store.backend import utc_moment
from console.video.playback_clock import is_on_grid
from console.video.playback_timeline import JOIN_S, SegmentRecord
from console.video.pyav_reader import bgra_rows
from console.video.stream import Frame

LOGGER = logging.getLogger("uitkijk.playback")
LEAD_S = 0.2  # decoded this far past the position (times the speed): the next frames are there when painted
KEEP_BEHIND_S = 1.0  # frames kept behind the position (a step back needs no seek)
MAX_FRAMES = 48
REVERSE_CHUNK_S = 1.0  # reverse decodes a stretch from the keyframe before it, then shows it backwards
SEEK_MARGINS_S = (1.0, 4.0, 15.0)  # MPEG-TS seeks land on the keyframe after the time asked: ask earlier
WAIT_S = 0.05  # a worker's longest sleep between two looks at the position


class _SeekedPast(Exception):
    pass


@dataclass(frozen=True)
class StampedFrame:
    stamp: dt.datetime  # the recording time of the picture
    frame: Frame


@dataclass
class _Target:
    generation: int
    start: dt.datetime  # where the last reposition asked decoding to begin
    is_reverse: bool
    position: dt.datetime  # the published playback position
    rate: float  # recording seconds per second, negative in reverse
    published_s: float  # time.monotonic() when it was published


class RecordedFeed:
    """Decodes one camera's recording around the playback position (``follow``); read with ``frame_at``."""

    def __init__(self, camera: str, target_size: tuple[int, int] = (640, 360)) -> None:
        self.camera = camera
        self.target_size = target_size
        self.problem: str | None = None  # a fact: "segment missing", "segment unreadable" (shown as a finding)
        self._segments: tuple[SegmentRecord, ...] = ()
        self._condition = threading.Condition()
        self._target: _Target | None = None
        self._frames: list[StampedFrame] = []
        self._is_drained = False  # decoded all there is up to a gap (or the end): it holds no other camera back
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._reformatter: VideoReformatter | None = VideoReformatter()
        self._sequence = 0
        self.decoded_frames = 0  # how many pictures this feed decoded (the benchmark's count)

    # -- the GUI thread's side -------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=f"playback-{self.camera}", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        with self._condition:
            self._condition.notify_all()

    def join(self, timeout_s: float) -> bool:
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def set_segments(self, segments: Sequence[SegmentRecord]) -> None:
        """The camera's segments around the span shown (the timeline's read); decoding starts again."""
        with self._condition:
            self._segments = tuple(sorted((each for each in segments if each.camera == self.camera),
                                          key=lambda each: each.start_utc))  # fmt: skip
            if self._target is not None:
                self._reposition_locked(self._target.position, self._target.is_reverse)

    def reposition(self, position: dt.datetime, is_reverse: bool = False) -> None:
        """A jump (seek, step, typed time, change of direction): the frames held are dropped, decoding begins there."""
        with self._condition:
            self._reposition_locked(position, is_reverse)

    def follow(self, position: dt.datetime, rate: float) -> None:
        """Where playback is now and how fast it moves (each repaint); the worker decodes just ahead of it."""
        with self._condition:
            if self._target is None:
                self._reposition_locked(position, rate < 0)
            target = self._target
            assert target is not None
            target.position, target.rate, target.published_s = position, rate, time.monotonic()
            self._condition.notify_all()

    def frame_at(self, position: dt.datetime) -> StampedFrame | None:
        """The newest frame at or before ``position`` that this feed holds (None: not decoded yet)."""
        with self._condition:
            stamps = [each.stamp for each in self._frames]
            index = bisect.bisect_right(stamps, position) - 1
            return self._frames[index] if index >= 0 else None

    def neighbour(self, position: dt.datetime, direction: int) -> dt.datetime | None:
        """The time of the frame after (``direction`` > 0) or before the one shown at ``position``, if held."""
        with self._condition:
            stamps = [each.stamp for each in self._frames]
        index = bisect.bisect_right(stamps, position) - 1
        wanted = index + (1 if direction > 0 else -1)
        return stamps[wanted] if 0 <= wanted < len(stamps) and index >= 0 else None

    def horizon(self, is_reverse: bool) -> dt.datetime | None:
        """How far this camera has frames ready in the playing direction; None when it limits nothing (in a
        gap, at its end, or before its first frame of this reposition: the others need not wait for a camera
        with nothing to show)."""
        with self._condition:
            if self._target is None or self.problem is not None or self._is_drained:
                return None
            if not self._frames:  # just repositioned: the others wait for its first frame if it has one there
                return self._target.start if self._is_recorded(self._target.start) else None
            if self._is_past_recording(self._target.position, is_reverse):
                return None
            return self._frames[0].stamp if is_reverse else self._frames[-1].stamp

    # -- inside (the lock held) ------------------------------------------------------------
    def _reposition_locked(self, position: dt.datetime, is_reverse: bool) -> None:
        generation = self._target.generation + 1 if self._target is not None else 1
        rate = self._target.rate if self._target is not None else 0.0
        self._target = _Target(generation, position, is_reverse, position, rate, time.monotonic())
        self._frames = []
        self._is_drained = False
        self._condition.notify_all()

    def _is_recorded(self, moment: dt.datetime) -> bool:
        return any(utc_moment(each.start_utc) <= moment < utc_moment(each.end_utc) for each in self._segments)

    def _is_past_recording(self, position: dt.datetime, is_reverse: bool) -> bool:
        """Is the position beyond the last frame held, where the index has no segment going on?"""
        edge = self._frames[0].stamp if is_reverse else self._frames[-1].stamp
        beyond = position < edge if is_reverse else position > edge
        if not beyond:
            return False
        return not self._is_recorded(position)

    # -- the worker ------------------------------------------------------------------------
    def _wanted(self, target: _Target) -> dt.datetime:
        """The position now, run on from the last one published at its rate (between two repaints)."""
        elapsed_s = time.monotonic() - target.published_s
        return target.position + dt.timedelta(seconds=elapsed_s * target.rate)

    def _is_current(self, generation: int) -> bool:
        target = self._target
        return not self._stop.is_set() and target is not None and target.generation == generation

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                with self._condition:
                    target = self._target
                    if target is None:
                        self._condition.wait(WAIT_S)
                        continue
                    generation, start, is_reverse = target.generation, target.start, target.is_reverse
                    segments = self._segments
                if is_reverse:
                    self._play_reverse(generation, start, segments)
                else:
                    self._play_forward(generation, start, segments)
                with self._condition:  # done with this reposition: wait for the next
                    while self._is_current(generation):
                        self._condition.wait(WAIT_S)
        except Exception:  # a worker reports, it never dies silently
            LOGGER.exception("playback of %s failed", self.camera)
        finally:
            self._reformatter = None

    def _play_forward(self, generation: int, start: dt.datetime, segments: Sequence[SegmentRecord]) -> None:
        join = dt.timedelta(seconds=JOIN_S)
        pending: tuple[dt.datetime, av.VideoFrame] | None = None  # decoded, not scaled until it may be shown
        for segment in segments:
            if utc_moment(segment.end_utc) < start and segment.is_closed:
                continue
            segment_start = utc_moment(segment.start_utc)
            seek_to = start if start > segment_start else None
            if seek_to is None:  # a later segment: wait until the position nears it (a gap may lie between)
                if pending is not None:
                    self._push(generation, [pending], is_reverse=False)
                    pending = None
                if not self._wait_across(generation, segment_start - join, is_reverse=False):
                    return
            for stamp, decoded in self._decode(segment, seek_to):
                if not self._is_current(generation):
                    return
                with self._condition:
                    target = self._target
                    assert target is not None
                    wanted, rate = self._wanted(target), target.rate
                    # Passed for sure: the position as last published (the clock may be held back for a slower
                    # camera; a frame only this feed's run-on guess has passed may still be painted).
                    passed = target.position
                lead = dt.timedelta(seconds=LEAD_S * max(1.0, abs(rate)))
                if stamp < start:
                    pending = (stamp, decoded)  # before the seek point: only the last one may be shown
                    continue
                if pending is not None and stamp > passed and is_on_grid(pending[0], stamp, rate):
                    self._push(generation, [pending], is_reverse=False)  # else: passed, or between two paints
                pending = (stamp, decoded)
                if stamp > wanted + lead:  # far enough ahead: wait for the position
                    if not self._wait_until_near(generation, stamp - lead, is_reverse=False):
                        return
        if pending is not None:
            self._push(generation, [pending], is_reverse=False)
        self._drain(generation)

    def _play_reverse(self, generation: int, start: dt.datetime, segments: Sequence[SegmentRecord]) -> None:
        """Backwards, a stretch at a time: decoded forwards from the keyframe before it, then shown newest first."""
        cursor = start
        for segment in reversed(segments):
            segment_start, segment_end = utc_moment(segment.start_utc), utc_moment(segment.end_utc)
            if segment_start > cursor:
                continue
            if segment_end < cursor:
                cursor = segment_end
                if not self._wait_across(generation, cursor, is_reverse=True):
                    return
            while cursor > segment_start:
                with self._condition:
                    target = self._target
                    assert target is not None
                    rate = target.rate
                span = dt.timedelta(seconds=REVERSE_CHUNK_S * max(1.0, abs(rate)))
                chunk_start = max(segment_start, cursor - span)
                kept: list[tuple[dt.datetime, av.VideoFrame]] = []
                candidate: tuple[dt.datetime, av.VideoFrame] | None = None
                for stamp, decoded in self._decode(segment, chunk_start):
                    if not self._is_current(generation):
                        return
                    if stamp > cursor:
                        break
                    if candidate is not None and is_on_grid(candidate[0], stamp, rate):
                        kept.append(candidate)
                    candidate = (stamp, decoded)
                if candidate is not None:
                    kept.append(candidate)
                kept = [each for each in kept if each[0] >= chunk_start] or kept[-1:]
                self._push(generation, kept, is_reverse=True)
                if not kept or kept[0][0] >= cursor:
                    break
                cursor = kept[0][0]
                lead = dt.timedelta(seconds=LEAD_S * max(1.0, abs(rate)))
                if not self._wait_until_near(generation, cursor + lead, is_reverse=True):
                    return
        self._drain(generation)

    def _drain(self, generation: int) -> None:
        with self._condition:
            if self._is_current(generation):
                self._is_drained = True

    def _wait_across(self, generation: int, moment: dt.datetime, is_reverse: bool) -> bool:
        """Wait across a gap for the next recorded stretch: meanwhile the other cameras play on (this one has
        shown all it had before the gap, and the window says the gap's cause over its picture)."""
        self._drain(generation)
        is_near = self._wait_until_near(generation, moment, is_reverse)
        with self._condition:
            if self._is_current(generation):
                self._is_drained = False
        return is_near

    def _wait_until_near(self, generation: int, moment: dt.datetime, is_reverse: bool) -> bool:
        """Sleep until the position comes within reach of ``moment``; False when repositioned or stopped meanwhile."""
        with self._condition:
            while self._is_current(generation):
                target = self._target
                assert target is not None
                wanted = self._wanted(target)
                if (wanted <= moment) if is_reverse else (wanted >= moment):
                    return True
                self._condition.wait(WAIT_S)
        return False

    def _decode(self, segment: SegmentRecord, seek_to: dt.datetime | None):  # type: ignore[no-untyped-def]
        """The segment's pictures with their recording time, from the keyframe at or before ``seek_to``."""
        try:
            container = av.open(segment.path)
        except (OSError, av.error.FFmpegError) as error:
            self.problem = "segment missing" if isinstance(error, FileNotFoundError) else "segment unreadable"
            LOGGER.warning("%s: %s: %s", self.camera, self.problem, segment.path)
            return
        with container:
            stream = container.streams.video[0]
            stream.codec_context.thread_type = "AUTO"
            time_base = stream.time_base or Fraction(1, 90000)
            first_pts = stream.start_time if stream.start_time is not None else 0
            segment_start = utc_moment(segment.start_utc)
            margins_s = SEEK_MARGINS_S if seek_to is not None and seek_to > segment_start else (None,)
            for margin_s in margins_s:
                if margin_s is not None and seek_to is not None:
                    offset_s = max(0.0, (seek_to - segment_start).total_seconds() - margin_s)
                    container.seek(first_pts + int(offset_s / time_base), stream=stream, backward=True)
                try:
                    for packet in container.demux(stream):
                        for decoded in packet.decode():
                            if decoded.pts is None:
                                continue
                            self.decoded_frames += 1
                            stamp = segment_start + dt.timedelta(seconds=float((decoded.pts - first_pts) * time_base))
                            if seek_to is not None and margin_s is not None and stamp > seek_to:
                                if margin_s != margins_s[-1] and offset_s > 0:
                                    raise _SeekedPast  # landed after the time asked: seek again, further back
                            seek_to = None  # the first frame is at or before the time asked: all follow
                            yield stamp, decoded
                    if seek_to is not None and margin_s is not None and margin_s != margins_s[-1] and offset_s > 0:
                        continue  # nothing after the seek (past the last keyframe): further back
                    return
                except _SeekedPast:
                    continue
                except av.error.FFmpegError:  # a segment cut by a crash plays up to its last whole packet
                    return

    def _push(self, generation: int, found: Sequence[tuple[dt.datetime, av.VideoFrame]], is_reverse: bool) -> None:
        frames = [StampedFrame(stamp, self._scaled(decoded)) for stamp, decoded in found]
        with self._condition:
            if not self._is_current(generation):
                return
            target = self._target
            assert target is not None
            wanted = target.position
            by_stamp = {each.stamp: each for each in [*self._frames, *frames]}  # a frame decoded twice: once
            merged = sorted(by_stamp.values(), key=lambda each: each.stamp)
            behind = dt.timedelta(seconds=KEEP_BEHIND_S * max(1.0, abs(target.rate)))
            if is_reverse:
                merged = [each for each in merged if each.stamp <= wanted + behind]
                merged = merged[:MAX_FRAMES]
            else:
                stamps = [each.stamp for each in merged]
                shown = max(0, bisect.bisect_right(stamps, wanted) - 1)
                keep_from = shown
                while keep_from > 0 and merged[keep_from - 1].stamp >= wanted - behind:
                    keep_from -= 1
                merged = merged[keep_from:][-MAX_FRAMES:]
            self._frames = merged

    def _scaled(self, decoded: av.VideoFrame) -> Frame:
        rows, width, height = bgra_rows(self._reformatter or VideoReformatter(), decoded, self.target_size)
        self._sequence += 1
        return Frame(rows, width, height, decoded.width, decoded.height, time.monotonic(), time.time(), self._sequence,
                     "h264")  # fmt: skip
