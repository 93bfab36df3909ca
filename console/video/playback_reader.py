"""The playback reader: a camera's recorded segments, shown at a recording time that a clock moves.

The recorder writes MPEG-TS segments of about a minute, the camera's packets remuxed; the
index (``console/store/archive.py``) says which file holds which span. This reader plays
them in the house shape of the live reader (``pyav_reader.py``): one worker thread demuxes
and decodes, keeps only the frame to show now in a slot, scales it with one kept scaler,
and says why when there is nothing to show ("nothing recorded at this time").

Where it is in the recording is not its own: a :class:`PlaybackClock` says which recording
time is shown now, moving at a speed (1/4x to 16x, negative: reverse) or standing (paused).
Several readers may share one clock (synchronised playback of up to 4 cameras); a scrub
or a "go to" is a seek of the clock (:meth:`PlaybackReader.show_at`). Every frame carries
its recording time: the segment's ``start_utc`` + (its PTS - the file's first PTS).

At 4x and faster only keyframes are decoded (a 1 s GOP still shows four pictures a second at
4x); reverse play decodes a GOP forward and shows its frames backwards, so it costs about
what forward play does.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

import av
import av.error
from av.video.reformatter import VideoReformatter

from console.events import Event
from console.store import archive
from console.store.backend import Database
from console.video.pyav_reader import bgra_rows, join_worker
from console.video.stream import Frame

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)  # magnitudes the console offers; a negative speed plays in reverse
KEYFRAMES_ONLY_FROM_SPEED = 4.0  # at this speed and above (either way) only keyframes are decoded
SEGMENT_WINDOW_S = 900.0  # the index is read this far around the shown time (a segment is about a minute)
INDEX_REFRESH_S = 1.0  # the index is read again at most this often when the reader runs off what it knows
LIVE_EDGE_RETRY_S = 0.25  # at the end of a segment still being written: look for more this often
GOP_CACHE_FRAMES = 150  # decoded frames kept for reverse play and steps back (two GOPs, at most 6 s at 25 fps)
GAP_AFTER_S = 0.5  # a next segment that begins this much after the last frame: a gap, said on the picture
TOLERANCE_S = 1e-6  # times closer than this are the same frame's (the index keeps microseconds)
BEFORE_S = 1e-3  # "just before a frame": less than any frame's duration
LOGGER = logging.getLogger("uitkijk.playback")


def utc_seconds(text: str) -> float:
    """A store time ("2026-12-05T10:00:00.000000Z", or ISO 8601 with an offset) as epoch seconds."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def utc_text_of(seconds: float) -> str:
    """Epoch seconds as the store writes times (UTC, microseconds)."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- the clock ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockReading:
    position_s: float  # the recording time shown now (epoch seconds)
    speed: float  # recording seconds per real second; negative: reverse
    is_playing: bool
    generation: int  # changes with every seek, play, pause or speed: a reader drops what it decoded ahead


class PlaybackClock:
    """The recording time to show now, shared by the readers that play in step.

    Thread-safe; readers wait on it (:meth:`wait`), so a seek, a pause or a new speed
    reaches every reader at once, whatever it was waiting for.
    """

    def __init__(self, position_s: float, speed: float = 1.0, is_playing: bool = True,
                 monotonic: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self._monotonic = monotonic
        self._changed = threading.Condition()
        self._anchor_position_s = position_s
        self._anchor_monotonic_s = monotonic()
        self._speed = _checked_speed(speed)
        self._is_playing = is_playing
        self._generation = 0

    # -- reading --------------------------------------------------------------------------------
    def now_s(self) -> float:
        with self._changed:
            return self._position_locked()

    def reading(self) -> ClockReading:
        with self._changed:
            return ClockReading(self._position_locked(), self._speed, self._is_playing, self._generation)

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def is_playing(self) -> bool:
        return self._is_playing

    def seconds_until(self, position_s: float) -> float | None:
        """Real seconds until the clock shows ``position_s`` (0: it is there or past it), None: paused."""
        with self._changed:
            if not self._is_playing:
                return None
            return max(0.0, (position_s - self._position_locked()) / self._speed)

    # -- driving --------------------------------------------------------------------------------
    def seek(self, position_s: float) -> None:
        with self._changed:
            self._anchor(position_s)

    def play(self) -> None:
        with self._changed:
            self._anchor(self._position_locked(), is_playing=True)

    def pause(self) -> None:
        with self._changed:
            self._anchor(self._position_locked(), is_playing=False)

    def set_speed(self, speed: float) -> None:
        """1/4x to 16x either way (a negative speed plays in reverse); the position stays where it is."""
        speed = _checked_speed(speed)
        with self._changed:
            self._anchor(self._position_locked(), speed=speed)

    def poke(self) -> None:
        """Wake every reader waiting on this clock (one of them has something to do: a step, a stop)."""
        with self._changed:
            self._changed.notify_all()

    def wait(self, generation: int, timeout_s: float) -> None:
        """Until the clock changes (or is poked), at most ``timeout_s``."""
        with self._changed:
            if generation == self._generation:
                self._changed.wait(max(0.0, timeout_s))

    # -- inside ---------------------------------------------------------------------------------
    def _position_locked(self) -> float:
        if not self._is_playing:
            return self._anchor_position_s
        return self._anchor_position_s + (self._monotonic() - self._anchor_monotonic_s) * self._speed

    def _anchor(self, position_s: float, speed: float | None = None, is_playing: bool | None = None) -> None:
        self._anchor_position_s, self._anchor_monotonic_s = position_s, self._monotonic()
        if speed is not None:
            self._speed = speed
        if is_playing is not None:
            self._is_playing = is_playing
        self._generation += 1
        self._changed.notify_all()


def _checked_speed(speed: float) -> float:
    if not SPEEDS[0] - TOLERANCE_S <= abs(speed) <= SPEEDS[-1] + TOLERANCE_S:
        raise ValueError(f"a playback speed is 1/4x to 16x either way, not {speed:g}x")
    return float(speed)


# -- what the reader shows ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedFrame(Frame):
    """A decoded picture of a recording, with the recording time it shows."""

    recorded_s: float = 0.0  # epoch seconds, UTC: the segment's start + (PTS - the file's first PTS)
    camera: str = ""


class PlaybackState(Enum):
    OPENING = "opening"  # looking up and opening the recording, no frame yet
    SHOWING = "showing"  # a recorded frame for the clock's time is in the slot
    NOTHING_RECORDED = "nothing recorded"  # the clock is in a gap, before the first or past the last recording
    STOPPED = "stopped"


@dataclass(frozen=True)
class PlaybackStatus:
    state: PlaybackState
    message: str = ""  # why there is no picture, for the operator: "nothing recorded at this time"
    next_recorded_s: float | None = None  # in a gap: where the recording goes on (epoch seconds), if known


SegmentSource = Callable[[float, float], Sequence[archive.SegmentRecord]]  # (from_s, to_s) -> overlapping, oldest first


def segments_in_store(database: Database, camera: str) -> SegmentSource:
    """The camera's indexed segments around a time, read from the store (on the reader's thread)."""

    def read(from_s: float, to_s: float) -> Sequence[archive.SegmentRecord]:
        with database.read() as transaction:
            return archive.segments(transaction, camera, utc_text_of(from_s), utc_text_of(to_s))

    return read


@dataclass
class _Segment:
    """A segment of the index and what a scan of its file found: its first PTS and its keyframes."""

    record: archive.SegmentRecord
    start_s: float
    end_s: float  # as the index says (moves while the segment is written)
    first_pts: int | None = None
    time_base: float = 0.0
    keyframes_s: list[float] = field(default_factory=list)  # recording times of its keyframes, in order
    keyframe_pts: list[int] = field(default_factory=list)
    last_s: float | None = None  # the time of its last whole packet
    frame_s: float = 0.04  # a frame's duration, from the packets
    scanned_bytes: int = -1  # the file's size when scanned: a file still written is scanned again once it grew
    problem: str = ""  # the file is missing or unreadable: the segment is a gap

    @property
    def is_closed(self) -> bool:
        return self.record.is_closed

    def time_of(self, pts: int) -> float:
        assert self.first_pts is not None
        return self.start_s + (pts - self.first_pts) * self.time_base

    def content_end_s(self) -> float:
        """Up to when this segment shows a picture: its last frame's time plus one frame."""
        return (self.last_s if self.last_s is not None else self.start_s) + self.frame_s


class _NoPicture(Exception):
    """The segment's file cannot give a picture (missing, unreadable): a gap for the operator, not a crash."""


# What the reader says (stable English, worded where it is shown: console/ui/words.py ``playback_message``).
NOTHING_RECORDED = "nothing recorded at this time"
NOT_RECORDED_YET = "not recorded yet"
NO_PICTURE = "the recording's file holds no picture"
MESSAGES = (NOTHING_RECORDED, NOT_RECORDED_YET, NO_PICTURE, "the recording's file is missing",
            "the recording's file may not be read (permissions)", "the recording's file could not be read (damaged)",
            "the recording's file could not be read", "the recording could not be played")  # fmt: skip


def _segment_problem(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError | av.error.FileNotFoundError):
        return "the recording's file is missing"
    if isinstance(error, PermissionError | av.error.PermissionError):
        return "the recording's file may not be read (permissions)"
    if isinstance(error, av.error.InvalidDataError):
        return "the recording's file could not be read (damaged)"
    return "the recording's file could not be read"


class PlaybackReader:
    """One camera's recordings, decoded at the clock's time, newest wanted frame in a slot.

    Events (called on the reader's thread; Qt adapters queue them):
    - ``status_changed(PlaybackStatus)``: opening, showing, nothing recorded (with why), stopped.
    """

    def __init__(self, camera: str, segments: SegmentSource, clock: PlaybackClock, name: str | None = None,
                 target_size: tuple[int, int] = (640, 360)) -> None:  # fmt: skip
        self.camera = camera
        self.name = name or f"{camera}.playback"
        self.clock = clock
        self._source = segments
        self._logger = logging.getLogger(f"uitkijk.playback.{self.name}")
        self.status_changed: Event[[PlaybackStatus]] = Event(f"{self.name}.status_changed", self._logger)
        self._target_size = target_size
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._latest: RecordedFrame | None = None
        self._status = PlaybackStatus(PlaybackState.STOPPED)
        self._status_lock = threading.Lock()
        self._steps: list[int] = []  # steps asked for (+1 / -1 frame), done by the worker
        self._steps_lock = threading.Lock()
        self._sequence = 0
        self._reformatter: VideoReformatter | None = VideoReformatter()
        # The worker's own state (touched only on its thread):
        self._segments: list[_Segment] = []
        self._known_span: tuple[float, float] | None = None
        self._index_read_at_s = -1e9
        self._container: av.container.InputContainer | None = None
        self._container_segment: _Segment | None = None
        self._frames: Iterator[tuple[float, av.VideoFrame]] | None = None  # decoding forward from a keyframe
        self._gap: tuple[float, float] | None = None  # the decoding crosses this span with nothing recorded
        self._ahead: tuple[float, av.VideoFrame] | None = None  # decoded, not yet due
        self._cache: list[tuple[float, av.VideoFrame]] = []  # the frames decoded since the last keyframe, in order
        self._shown_s: float | None = None
        self._generation = -1
        self._is_keyframes_only = False
        self._codec = ""

    # -- public ------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None or self._stop.is_set():
            return
        self._set_status(PlaybackStatus(PlaybackState.OPENING))
        self._thread = threading.Thread(target=self._run, name=f"playback-{self.name}", daemon=True)
        self._thread.start()
        self._started.set()

    def stop(self) -> None:
        """Ask the reader to finish; returns at once (see :meth:`join`)."""
        self._stop.set()
        self.clock.poke()

    def join(self, timeout_s: float) -> bool:
        return join_worker(self._thread, self._started, timeout_s)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest(self) -> RecordedFrame | None:
        """The frame for the clock's time (None before the first): its ``recorded_s`` says which moment it shows."""
        return self._latest

    def status(self) -> PlaybackStatus:
        return self._status

    def set_target_size(self, width: int, height: int) -> None:
        """Scale future frames to fit within this size (the viewer's)."""
        self._target_size = (max(16, int(width)), max(16, int(height)))

    def show_at(self, recording_s: float) -> None:
        """Show this recording time (epoch seconds): the clock goes there, playing or paused as it was.

        A shared clock moves every reader on it (that is the point of sharing it)."""
        self.clock.seek(recording_s)

    def step(self, frames: int) -> None:
        """One frame forward (+1) or back (-1) from the frame shown, paused there (the clock follows this camera)."""
        if frames == 0:
            return
        with self._steps_lock:
            self._steps.append(1 if frames > 0 else -1)
        self.clock.poke()

    # -- worker ------------------------------------------------------------------------------------
    def _set_status(self, status: PlaybackStatus) -> None:
        with self._status_lock:
            changed = status != self._status
            self._status = status
        if changed:
            self.status_changed.emit(status)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._turn()
        except Exception:  # a worker reports, it never dies silently
            self._logger.exception("playback failed")
            self._set_status(PlaybackStatus(PlaybackState.STOPPED, "the recording could not be played"))
        finally:
            self._close_frames()
            self._close_container()
            self._ahead, self._cache = None, []
            if self._status.state != PlaybackState.STOPPED:
                self._set_status(PlaybackStatus(PlaybackState.STOPPED))
            self._reformatter = None  # nothing more is decoded: let go of the scaler now

    def _turn(self) -> None:
        """One step of the worker: show the frame for the clock's time, then wait until the next is due."""
        with self._steps_lock:
            step = self._steps.pop(0) if self._steps else 0
        if step:
            self._do_step(step)
        reading = self.clock.reading()
        is_settled = self._status.state == PlaybackState.SHOWING and reading.generation == self._generation
        if not reading.is_playing and is_settled and not step:
            self.clock.wait(reading.generation, 1.0)  # paused, and the frame for it is shown
            return
        is_keyframes_only = reading.is_playing and abs(reading.speed) >= KEYFRAMES_ONLY_FROM_SPEED - TOLERANCE_S
        if is_keyframes_only != self._is_keyframes_only:
            self._is_keyframes_only = is_keyframes_only
            self._close_frames()  # the next frames come from another decoding
        self._generation = reading.generation
        due_s = self._show(reading.position_s)
        if self._stop.is_set():
            return
        with self._steps_lock:
            if self._steps:
                return
        self.clock.wait(reading.generation, self._wait_s(due_s))

    def _wait_s(self, due_s: float | None) -> float:
        """How long to sleep: until the clock reaches the next frame's time, at most a quarter second."""
        if due_s is None:
            return LIVE_EDGE_RETRY_S
        until_s = self.clock.seconds_until(due_s)
        return LIVE_EDGE_RETRY_S if until_s is None else min(until_s, LIVE_EDGE_RETRY_S)

    def _show(self, target_s: float) -> float | None:
        """Put the frame for ``target_s`` in the slot; returns the recording time at which the picture changes
        next as the clock runs, or None when there is nothing to wait for but the index or the clock."""
        shown_s = self._shown_s
        if shown_s is not None and self._frames is not None and target_s >= shown_s - TOLERANCE_S:
            # Forward, within reach of what is being decoded: decode on (less than a GOP's work).
            if self._ahead is None or target_s - self._ahead[0] < self._reach_s():
                if self._advance(target_s):
                    return self._next_due()
        if shown_s is not None and self._cache and self._cache[0][0] - TOLERANCE_S <= target_s < shown_s:
            self._publish_from_cache(target_s)  # reverse, or a step back, within the GOP decoded
            return self._next_due()
        self._reposition(target_s)
        return self._next_due()

    def _reach_s(self) -> float:
        """How far ahead decoding on beats seeking to a keyframe."""
        return 30.0 if self._is_keyframes_only else 2.0

    def _next_due(self) -> float | None:
        """When the picture changes next as the clock goes: forward at the next frame, backward below this one."""
        if self.clock.speed < 0 and self._shown_s is not None:
            return self._shown_s - TOLERANCE_S
        if self._ahead is not None:
            return self._ahead[0]
        return None

    # -- decoding forward ---------------------------------------------------------------------------
    def _advance(self, target_s: float) -> bool:
        """Decode on until a frame lies past ``target_s``; publish the last frame at or before it, and say whether
        ``target_s`` lies in a gap. False when the decoding ran out (the last segment known ended)."""
        best = None
        if self._ahead is not None and self._ahead[0] <= target_s + TOLERANCE_S:
            best, self._ahead = self._ahead, None
        while self._ahead is None:
            item = self._next_frame()
            if item is None:
                break
            if item[0] > target_s + TOLERANCE_S:
                self._ahead = item
            else:
                best = item
        if best is not None:
            self._publish(*best)
        if self._ahead is None:
            if self._frames is None:  # the end of what is recorded (so far)
                self._say_nothing_recorded(target_s)
                return False
            return True
        gap = self._gap
        if gap is not None and gap[0] <= target_s < gap[1] and self._ahead[0] >= gap[1] - TOLERANCE_S:
            self._say_nothing_recorded(target_s, gap[1])
        elif self._shown_s is not None:
            self._set_status(PlaybackStatus(PlaybackState.SHOWING))
        return True

    def _next_frame(self) -> tuple[float, av.VideoFrame] | None:
        if self._frames is None:
            return None
        try:
            item = next(self._frames)
        except StopIteration:
            self._frames = None
            return None
        self._remember(item)
        return item

    def _remember(self, item: tuple[float, av.VideoFrame]) -> None:
        """Keep the frames of this GOP and the one before, for reverse play and steps back."""
        if item[1].key_frame and not self._is_keyframes_only:
            keyframes = [index for index, (_, frame) in enumerate(self._cache) if frame.key_frame]
            if len(keyframes) > 1:
                del self._cache[: keyframes[-1]]
        self._cache.append(item)
        if len(self._cache) > GOP_CACHE_FRAMES:
            del self._cache[0]

    # -- seeking ------------------------------------------------------------------------------------
    def _reposition(self, target_s: float) -> None:
        """Find the segment for ``target_s``, decode from the keyframe at or before it, show the frame for it."""
        self._close_frames()
        if not self._index_covers(target_s):
            self._read_index(target_s, force=True)
        segment = self._segment_at(target_s)
        if segment is None:
            later = self._segment_after_time(target_s)
            self._say_nothing_recorded(target_s, later.start_s if later else None)
            return
        index = max(0, _last_at_or_before(segment.keyframes_s, target_s))
        self._frames = self._chain(segment, segment.keyframe_pts[index])
        best = None
        while True:
            item = self._next_frame()
            if item is None:
                break
            if item[0] > target_s + TOLERANCE_S:
                self._ahead = item
                break
            best = item
        if best is None and self._ahead is not None and self._ahead[0] - target_s < segment.frame_s:
            best, self._ahead = self._ahead, None  # the segment's first frame, a hair after the time asked
        if best is not None and (best[0] != self._shown_s or self._latest is None):
            self._publish(*best)
        if best is None and self._ahead is not None:
            self._say_nothing_recorded(target_s, self._ahead[0])
        elif self._ahead is None and (best is None or target_s >= segment.content_end_s()):
            self._say_nothing_recorded(target_s)  # past the last frame recorded (so far)
        elif self._gap is not None and self._gap[0] <= target_s < self._gap[1]:
            self._say_nothing_recorded(target_s, self._gap[1])
        else:
            self._set_status(PlaybackStatus(PlaybackState.SHOWING))

    def _chain(self, segment: _Segment, from_pts: int) -> Iterator[tuple[float, av.VideoFrame]]:
        """The frames from the keyframe at ``from_pts`` of ``segment`` on, through the segments that follow it.

        Where the next segment begins later than this one's last frame, ``_gap`` says so (the clock
        goes through it with the last picture kept; the status says nothing was recorded)."""
        self._gap = None
        current: _Segment | None = segment
        while current is not None:
            try:
                container, stream = self._open(current)
                yield from self._decode(current, container, stream, from_pts, self._is_keyframes_only)
            except _NoPicture as error:
                current.problem = str(error)
                self._logger.info("%s: %s", current.record.path, error)
            if not current.is_closed:  # still being written: the index may know of the next one by now
                self._read_index(current.end_s, force=False)
            following = self._segment_after(current)
            while following is not None:
                try:
                    self._scan(following)
                except _NoPicture:
                    following = self._segment_after(following)
                    continue
                if following.keyframe_pts:
                    break
                following = self._segment_after(following)
            if following is None:
                return
            ended_s = current.content_end_s() if not current.problem else current.start_s
            self._gap = (ended_s, following.start_s) if following.start_s > ended_s + GAP_AFTER_S else None
            current, from_pts = following, following.keyframe_pts[0]

    def _decode(self, segment: _Segment, container: av.container.InputContainer, stream: av.VideoStream,
                from_pts: int, is_keyframes_only: bool) -> Iterator[tuple[float, av.VideoFrame]]:  # fmt: skip
        """The segment's frames from the keyframe at ``from_pts`` on, with their recording times."""
        is_started = False
        try:
            container.seek(from_pts, stream=stream, backward=True, any_frame=False)
            codec = stream.codec_context
            codec.flush_buffers()
            # A file still being written may end in half a packet: each packet is decoded once the next one
            # has begun, and the last one only when the segment is closed.
            held: av.Packet | None = None
            for packet in container.demux(stream):
                if packet.pts is None:
                    if packet.size == 0:  # the end: what the decoder holds back comes out
                        if held is not None and segment.is_closed:
                            yield from self._decoded(segment, codec, held)
                        held = None
                        yield from self._decoded(segment, codec, None)
                    continue
                if not is_started:
                    if packet.pts < from_pts or not packet.is_keyframe:
                        continue
                    is_started = True
                if is_keyframes_only and not packet.is_keyframe:
                    continue
                if held is not None:
                    yield from self._decoded(segment, codec, held)
                held = packet
        except (av.error.FFmpegError, OSError) as error:
            if isinstance(error, av.error.EOFError):
                return
            # A segment cut by a crash plays up to its last whole packet; a damaged one is a gap.
            self._logger.info("%s: %s", segment.record.path, error)
            if not is_started:
                raise _NoPicture(_segment_problem(error)) from error

    @staticmethod
    def _decoded(segment: _Segment, codec: av.VideoCodecContext,
                 packet: av.Packet | None) -> Iterator[tuple[float, av.VideoFrame]]:  # fmt: skip
        for frame in codec.decode(packet):
            if frame.pts is not None:
                yield segment.time_of(frame.pts), frame

    def _scan(self, segment: _Segment) -> None:
        """Read the segment's packets once (no decoding: about 16 ms a minute of 720p): first PTS and keyframes.

        A segment still being written is scanned again when its file has grown."""
        try:
            size = os.path.getsize(segment.record.path)
        except OSError as error:
            segment.problem = _segment_problem(error)
            raise _NoPicture(segment.problem) from error
        if size == segment.scanned_bytes or (segment.is_closed and segment.scanned_bytes >= 0):
            if segment.problem:
                raise _NoPicture(segment.problem)
            return
        keyframe_pts: list[int] = []
        last_pts: int | None = None
        previous_pts: int | None = None
        durations: list[int] = []
        try:
            with av.open(segment.record.path) as container:
                stream = container.streams.video[0]
                time_base = float(stream.time_base or 0)
                first_pts = None
                try:
                    for packet in container.demux(stream):
                        if packet.pts is None:
                            continue
                        if first_pts is None:
                            first_pts = packet.pts
                        if packet.is_keyframe:
                            keyframe_pts.append(packet.pts)
                        if previous_pts is not None and packet.pts > previous_pts and len(durations) < 50:
                            durations.append(packet.pts - previous_pts)
                        if previous_pts is not None or segment.is_closed:  # a file being written: its last may be cut
                            candidate = previous_pts if not segment.is_closed else packet.pts
                            if candidate is not None:
                                last_pts = candidate if last_pts is None else max(last_pts, candidate)
                        previous_pts = packet.pts
                except (av.error.FFmpegError, OSError) as error:  # cut short: what was read before stands
                    self._logger.info("%s ends early: %s", segment.record.path, error)
        except (av.error.FFmpegError, OSError, IndexError) as error:
            segment.problem = _segment_problem(error) if not isinstance(error, IndexError) else NO_PICTURE
            raise _NoPicture(segment.problem) from error
        segment.scanned_bytes = size
        segment.problem = ""
        if first_pts is None:
            return
        segment.first_pts, segment.time_base = first_pts, time_base
        segment.keyframe_pts = keyframe_pts
        segment.keyframes_s = [segment.time_of(pts) for pts in keyframe_pts]
        segment.last_s = segment.time_of(last_pts) if last_pts is not None else None
        if durations:
            segment.frame_s = sorted(durations)[len(durations) // 2] * time_base

    def _open(self, segment: _Segment) -> tuple[av.container.InputContainer, av.VideoStream]:
        """The segment's file, opened once while the reader stays in it."""
        if self._container is not None and self._container_segment is segment and segment.is_closed:
            return self._container, self._container.streams.video[0]
        self._close_container()  # a segment being written is opened again: its file has grown
        try:
            container = av.open(segment.record.path)
            stream = container.streams.video[0]
        except (av.error.FFmpegError, OSError, IndexError) as error:
            raise _NoPicture(_segment_problem(error) if not isinstance(error, IndexError) else NO_PICTURE) from error
        stream.codec_context.thread_count = 1  # one decoder thread, as live: several readers share two cores
        self._codec = stream.codec_context.name
        self._container, self._container_segment = container, segment
        return container, stream

    def _close_frames(self) -> None:
        if self._frames is not None:
            close = getattr(self._frames, "close", None)
            if close is not None:
                close()
        self._frames, self._ahead, self._gap = None, None, None

    def _close_container(self) -> None:
        if self._container is not None:
            try:
                self._container.close()
            except Exception:  # closing a damaged file must not end the reader
                self._logger.debug("closing %s failed", self._container_segment, exc_info=True)
        self._container, self._container_segment = None, None

    # -- steps and reverse ---------------------------------------------------------------------------
    def _publish_from_cache(self, target_s: float) -> None:
        best = None
        for item in self._cache:
            if item[0] > target_s + TOLERANCE_S:
                break
            best = item
        if best is not None and best[0] != self._shown_s:
            self._publish(*best)
            self._close_frames()  # forward decoding starts again from here when the clock turns
            self._ahead = None

    def _do_step(self, direction: int) -> None:
        """Pause, and move the clock to the next (or the previous) frame of this camera."""
        reading = self.clock.reading()
        if self._shown_s is None or reading.generation != self._generation:
            self._show(reading.position_s)
        shown_s = self._shown_s
        if shown_s is None:
            self.clock.pause()
            return
        if direction > 0:
            later = [item for item in self._cache if item[0] > shown_s + TOLERANCE_S]
            if later:
                next_s: float | None = later[0][0]
            else:
                if self._ahead is None and self._frames is None:
                    self._reposition(shown_s)  # decoding forward starts again from the frame shown
                if self._ahead is None and self._frames is not None:
                    self._advance(shown_s)
                next_s = self._ahead[0] if self._ahead is not None else None
        else:
            earlier = [item for item in self._cache if item[0] < shown_s - TOLERANCE_S]
            if earlier:
                next_s = earlier[-1][0]
            else:
                next_s = self._previous_frame_s(shown_s)
        self.clock.pause()
        if next_s is not None:
            self.clock.seek(next_s)

    def _previous_frame_s(self, shown_s: float) -> float | None:
        """The frame before ``shown_s`` when it lies in the GOP before: decode that GOP."""
        if self._segment_at(shown_s - BEFORE_S) is None:
            return None
        self._reposition(shown_s - BEFORE_S)
        earlier = [item for item in self._cache if item[0] < shown_s - TOLERANCE_S]
        return earlier[-1][0] if earlier else None

    # -- the index -----------------------------------------------------------------------------------
    def _index_covers(self, target_s: float) -> bool:
        span = self._known_span
        margin_s = SEGMENT_WINDOW_S / 3
        return span is not None and span[0] + margin_s <= target_s <= span[1] - margin_s

    def _read_index(self, target_s: float, force: bool) -> None:
        now_s = time.monotonic()
        if not force and now_s - self._index_read_at_s < INDEX_REFRESH_S:
            return
        self._index_read_at_s = now_s
        from_s, to_s = target_s - SEGMENT_WINDOW_S, target_s + SEGMENT_WINDOW_S
        try:
            records = list(self._source(from_s, to_s))
        except Exception as error:  # noqa: BLE001 - the store may be away a moment: said, and tried again
            self._logger.warning("the recordings' index could not be read: %s", error)
            return
        known = {segment.record.id: segment for segment in self._segments}
        segments = []
        for record in sorted(records, key=lambda each: (each.start_utc, each.id)):
            segment = known.get(record.id)
            if segment is None or segment.record != record:
                fresh = _Segment(record, utc_seconds(record.start_utc), utc_seconds(record.end_utc))
                if segment is not None:  # the same file, grown: keep its scan until the file changes
                    fresh.first_pts, fresh.time_base = segment.first_pts, segment.time_base
                    fresh.keyframes_s, fresh.keyframe_pts = segment.keyframes_s, segment.keyframe_pts
                    fresh.last_s, fresh.frame_s = segment.last_s, segment.frame_s
                    fresh.scanned_bytes = segment.scanned_bytes if not record.is_closed else -1
                segment = fresh
            segments.append(segment)
        self._segments = segments
        self._known_span = (from_s, to_s)

    def _segment_at(self, target_s: float) -> _Segment | None:
        """The newest segment that starts at or before ``target_s`` and holds a picture there (scanned)."""
        candidates = [segment for segment in self._segments if segment.start_s <= target_s + TOLERANCE_S]
        for segment in reversed(candidates):
            try:
                self._scan(segment)
            except _NoPicture:
                continue  # missing or damaged: an older segment may still cover the time (a gap otherwise)
            if not segment.keyframe_pts:
                continue
            # The index's end is the recorder's word; the file's last frame decides (a file being written grows).
            if target_s < segment.content_end_s() or not segment.is_closed:
                return segment
            return None
        return None

    def _segment_after(self, segment: _Segment) -> _Segment | None:
        later = [each for each in self._segments if each.start_s > segment.start_s + TOLERANCE_S]
        later = [each for each in later if not (each.problem and each.is_closed)]
        return later[0] if later else None

    def _segment_after_time(self, target_s: float) -> _Segment | None:
        later = [each for each in self._segments if each.start_s > target_s]
        return later[0] if later else None

    def _say_nothing_recorded(self, target_s: float, next_s: float | None = None) -> None:
        problems = [each.problem for each in self._segments if each.problem and each.start_s <= target_s < each.end_s]
        if problems:
            message = problems[-1]
        elif not self._segments:
            message = NOTHING_RECORDED
        elif not self._segments[-1].is_closed and self._segments[-1].start_s <= target_s:
            message = NOT_RECORDED_YET  # past what the segment being written holds so far
        else:
            message = NOTHING_RECORDED
        self._set_status(PlaybackStatus(PlaybackState.NOTHING_RECORDED, message, next_s))

    # -- publishing -----------------------------------------------------------------------------------
    def _publish(self, recorded_s: float, decoded: av.VideoFrame) -> None:
        if self._stop.is_set():
            return
        self._shown_s = recorded_s
        self._latest = self._scaled(decoded, recorded_s)
        self._set_status(PlaybackStatus(PlaybackState.SHOWING))

    def _scaled(self, decoded: av.VideoFrame, recorded_s: float) -> RecordedFrame:
        """The decoded picture scaled to fit the viewer, in BGRA, as the wall paints it."""
        reformatter = self._reformatter
        assert reformatter is not None  # only let go of after the last frame
        rows, width, height = bgra_rows(reformatter, decoded, self._target_size)
        self._sequence += 1
        return RecordedFrame(
            rows=rows,
            width=width,
            height=height,
            source_width=decoded.width,
            source_height=decoded.height,
            arrived_monotonic_s=time.monotonic(),
            arrived_wall_s=time.time(),
            sequence=self._sequence,
            codec=self._codec,
            recorded_s=recorded_s,
            camera=self.camera,
        )


def _last_at_or_before(times_s: Sequence[float], target_s: float) -> int:
    """The index of the last time at or before ``target_s`` (-1 if none is)."""
    return bisect.bisect_right(list(times_s), target_s + TOLERANCE_S) - 1
