"""One camera's recording: a thread that pulls its stream and writes segments, never decoding a frame.

PyAV releases the interpreter lock while FFmpeg reads, so one thread per camera costs little.
The camera's packets carry its own clock (PTS); the recording time of a packet is the
wall-clock time it was live. A packet arrives at (live time + network delay), and the delay
is never negative, so the live time of PTS 0 is the smallest (arrival - PTS) seen: a
minimum over the last seconds (a camera's clock drifts from the PC's, slowly) that a
late-scheduled thread or a burst cannot push later.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import av.error

from console.recorder.segments import SegmentFile, file_hash, is_disk_full, segment_path, utc_of
from console.store import archive
from console.store.backend import Database
from console.video.pyav_reader import ReaderTiming, camera_refused_transport, describe_error, low_latency_options

LOGGER = logging.getLogger("uitkijk.recorder")
CONTIGUOUS_S = 0.05  # consecutive segments of one connection meet, unless their clocks moved this far apart
CAMERA_DOWN, RECORDER_DOWN, DISK_FULL, SEGMENT_MISSING = "camera down", "recorder down", "disk full", "segment missing"


@dataclass(frozen=True)
class RecordingSource:
    """Where a recorded camera's stream is pulled (the camera, or the room's relay) and which of its streams."""

    camera: str
    url: str
    stream: str  # "main" | "sub"


@dataclass(frozen=True)
class RecorderTiming:
    segment_s: float = 60.0  # a segment is cut at the first keyframe after this
    grow_every_s: float = 1.0  # the index row follows the file this often
    answer_timeout_s: float = 3.0  # opening, and a silence while recording: the camera is down after this
    backoff_s: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0)  # spaced retries of a camera down; the last repeats
    anchor_window_s: float = 10.0  # the live time of PTS 0: the smallest (arrival - PTS) over this long
    jump_s: float = 5.0  # a PTS this far off the wall clock: the camera's clock jumped; a new segment


@dataclass
class RecorderContext:
    """What every camera of one recorder shares."""

    database: Database
    name: str
    root: Path
    timing: RecorderTiming
    disk_full: threading.Event  # set while the disk has no room: nothing is written
    report_disk_full: Callable[[BaseException], None]  # a write failed for want of space
    audit: Callable[[str, dict], None]  # an audit entry 'recorder pull' for a camera; raises when not written
    follower: IndexFollower = field(default_factory=lambda: IndexFollower())
    clock: Callable[[], float] = time.time
    locate: Callable[[str], str] = str  # the URL to open now (several relays: at the camera's claimer, each time)


class IndexFollower:
    """The growing segments' rows, written together about every second: one transaction (one disk flush on the
    embedded store, one round trip on a room's) for all cameras, not one per camera."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[int, tuple[str, int]] = {}  # row -> (end, bytes) not written yet

    def note(self, row: int, end_utc: str, size_bytes: int) -> None:
        with self._lock:
            self._pending[row] = (end_utc, size_bytes)

    def forget(self, row: int) -> None:
        """The segment closes: its row gets its end and hash from the closing, not from here."""
        with self._lock:
            self._pending.pop(row, None)

    def write(self, database: Database) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return
        try:
            with database.write(quiet=True) as transaction:
                for row, (end_utc, size_bytes) in pending.items():
                    archive.grow_segment(transaction, row, end_utc, size_bytes)  # a closed row is left as it is
        except Exception as error:  # noqa: BLE001 - the files go on; their rows are put right when they close
            LOGGER.error("the index could not follow the segments (%s)", error)


def recording_options(transport: str, answer_timeout_s: float) -> dict[str, str]:
    """FFmpeg's options for recording: a desk's quick open and socket time-out, without its low-latency reading
    (``nobuffer``, no reordering: a recording may wait a frame; late RTP packets over UDP are put back in order)."""
    options = low_latency_options(transport, answer_timeout_s)
    for option in ("fflags", "flags", "max_delay"):
        options.pop(option)
    return options


def _next_start(previous_end_s: float, live_start_s: float) -> float:
    """The next segment of the same connection starts where the previous one ends (no sliver of a gap between
    them), unless the live estimate has moved more than a frame or so from there (the clocks drifted apart)."""
    return previous_end_s if abs(live_start_s - previous_end_s) <= CONTIGUOUS_S else live_start_s


class LiveAnchor:
    """The wall-clock time of PTS 0 (seconds): min(arrival - PTS) over a sliding window, per-second buckets."""

    def __init__(self, window_s: float, jump_s: float) -> None:
        self.window_s, self.jump_s = window_s, jump_s
        self._buckets: collections.deque[tuple[int, float]] = collections.deque()
        self.value = 0.0  # the estimate (valid once a packet came)

    def add(self, arrival_s: float, pts_s: float) -> bool:
        """Take a packet in; True when its clock jumped (the estimate starts again from it)."""
        offset = arrival_s - pts_s
        second = int(arrival_s)
        if self._buckets and abs(offset - self.value) > self.jump_s:
            self._buckets.clear()
            self._buckets.append((second, offset))
            self.value = offset
            return True
        if self._buckets and self._buckets[-1][0] == second:
            if offset < self._buckets[-1][1]:
                self._buckets[-1] = (second, offset)
                self.value = min(self.value, offset)
            return False
        self._buckets.append((second, offset))  # a new second: the oldest may leave the window
        while self._buckets[0][0] < second - self.window_s:
            self._buckets.popleft()
        self.value = min(bucket_offset for _, bucket_offset in self._buckets)
        return False


@dataclass
class _Open:
    """The segment being written, and its row."""

    file: SegmentFile
    row: int
    start_s: float  # its recording time (epoch seconds) at its first PTS
    grown_at_s: float

    @property
    def end_s(self) -> float:
        return self.start_s + self.file.written_s


@dataclass
class _Outcome:
    reason: str = ""
    wrote: bool = False
    disk_full: bool = False


@dataclass
class CameraState:
    """What the service tells about a camera (logs, tests)."""

    camera: str
    recording: bool = False
    reason: str = ""
    segments: int = 0
    gap: str | None = None  # the cause of the camera's open gap, if one is open
    last_end_s: float | None = None
    pulls: int = 0


class CameraRecorder:
    """Records one camera until stopped: connect, write segments, mark gaps, retry with backoff."""

    def __init__(self, source: RecordingSource, context: RecorderContext) -> None:
        self.source = source
        self.context = context
        self.state = CameraState(source.camera)
        self._logger = logging.getLogger(f"uitkijk.recorder.{source.camera}")
        self._stop = threading.Event()
        self._stop_cause: str | None = None
        self._thread = threading.Thread(target=self._run, name=f"recorder-{source.camera}", daemon=True)
        self._transports = ["tcp", "udp"]
        self._is_gap_unknown = False  # the store could not say whether a gap is open: the first segment ends any

    # -- public -----------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self, cause: str | None) -> None:
        """Stop recording; ``cause`` (e.g. 'recorder down') opens the camera's gap from the end of what was written."""
        self._stop_cause = cause
        self._stop.set()

    def join(self, timeout_s: float) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    # -- worker -----------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._read_open_gap()
            if not self._log_pull("start"):
                return
            attempts = 0
            since_s = self.context.clock()
            while not self._stop.is_set():
                if self.context.disk_full.is_set():
                    self._open_gap(DISK_FULL, self.state.last_end_s or since_s)
                    self._wait_for_room()
                    continue
                outcome = self._connect_and_record()
                if self._stop.is_set():
                    break
                if outcome.disk_full or self.context.disk_full.is_set():
                    continue  # the gap is 'disk full', and the camera waits for room
                if outcome.wrote:
                    attempts = 0
                self._open_gap(CAMERA_DOWN, self.state.last_end_s or since_s)
                delay_s = self.context.timing.backoff_s[min(attempts, len(self.context.timing.backoff_s) - 1)]
                attempts += 1
                self.state.reason = outcome.reason
                self._logger.warning("%s; retrying in %.0f s", outcome.reason, delay_s)
                self._stop.wait(delay_s)
            if self._stop_cause is not None:
                self._open_gap(self._stop_cause, self.state.last_end_s or self.context.clock())
            self._log_pull("stop")
        except Exception:  # a worker reports, it never dies silently
            self._logger.exception("the camera's recording failed")
        finally:
            self.state.recording = False

    def _read_open_gap(self) -> None:
        """The camera's gap still open (a crash, a drop before a restart): its first segment ends it."""
        try:
            now_utc = utc_of(self.context.clock())
            with self.context.database.read() as transaction:
                still_open = [
                    gap for gap in archive.gaps(transaction, self.source.camera, now_utc) if gap.end_utc is None
                ]
        except Exception as error:  # noqa: BLE001 - the store is down: whatever is open is ended by the first segment
            self._logger.error("the camera's gaps cannot be read (%s)", error)
            self._is_gap_unknown = True
            return
        self.state.gap = still_open[0].cause if still_open else None

    def _log_pull(self, which: str) -> bool:
        """The pull's audit entry, before pulling (nothing acts unlogged); retried until written or stopped."""
        detail = {"pull": which, "stream": self.source.stream, "recorder": self.context.name}
        if which == "stop" and self._stop_cause:
            detail["cause"] = self._stop_cause
        delays = iter((1.0, 2.0, 5.0))
        while True:
            try:
                self.context.audit(self.source.camera, detail)
                return True
            except Exception as error:  # noqa: BLE001 - the store or the log refused: say so, retry
                self._logger.error("the audit log cannot be written (%s): not recording", error)
                if which == "stop":
                    return False
                self._open_gap(RECORDER_DOWN, self.context.clock())
                if self._stop.wait(next(delays, 10.0)):
                    return False

    def _wait_for_room(self) -> None:
        self.state.reason = DISK_FULL
        while self.context.disk_full.is_set() and not self._stop.wait(0.5):
            pass

    def _open_gap(self, cause: str, start_s: float) -> None:
        if self.state.gap is not None:
            return  # one open gap at a time: it lasts until the recording goes on, whatever came next
        try:
            with self.context.database.write() as transaction:
                archive.open_gap(transaction, self.source.camera, utc_of(start_s), cause, self.context.name)
            self.state.gap = cause
            is_told = self._stop.is_set() and cause == self._stop_cause  # a stop it was told: expected, no warning
            self._logger.log(logging.INFO if is_told else logging.WARNING, "gap from %s: %s", utc_of(start_s), cause)
        except Exception as error:  # noqa: BLE001 - the store is down: the gap is found from the segments' ends
            self._logger.error("the gap could not be indexed (%s)", error)

    def _open(self) -> tuple[av.container.InputContainer, str]:
        """TCP, else UDP when the camera refuses TCP (as a desk's reader does)."""
        answer_timeout_s = self.context.timing.answer_timeout_s
        last_error: BaseException | None = None
        url = self.context.locate(self.source.url)  # several relays: the camera's claimer now
        for transport in list(self._transports):
            try:
                container = av.open(url, options=recording_options(transport, answer_timeout_s))
            except av.error.FFmpegError as error:
                if not camera_refused_transport(error):
                    raise
                last_error = error
                continue
            if transport != self._transports[0]:
                self._transports = [transport] + [t for t in self._transports if t != transport]
            return container, transport
        raise last_error if last_error is not None else TimeoutError("no answer")

    def _connect_and_record(self) -> _Outcome:
        outcome = _Outcome()
        timing = self.context.timing
        reader_timing = ReaderTiming(timing.answer_timeout_s, timing.answer_timeout_s)
        current: _Open | None = None
        is_connected = False
        try:
            container, transport = self._open()
            is_connected = True
            self.state.pulls += 1
            with container:
                stream = container.streams.video[0]
                codec = stream.codec_context.name
                seconds_per_tick = float(stream.time_base or Fraction(1, 90000))  # float: Fraction is slow per packet
                segment_ticks = int(timing.segment_s / seconds_per_tick)
                self._logger.info("connected over %s (%s)", transport, codec)
                anchor = LiveAnchor(timing.anchor_window_s, timing.jump_s)
                for packet in container.demux(stream):
                    if self._stop.is_set() or self.context.disk_full.is_set():
                        outcome.reason = "stopped"
                        break
                    if packet.size == 0:
                        outcome.reason = "the camera closed the connection"
                        break
                    if packet.pts is None:
                        continue
                    arrival_s = self.context.clock()
                    pts_s = packet.pts * seconds_per_tick
                    if anchor.add(arrival_s, pts_s) and current is not None:
                        self._logger.warning("the camera's clock jumped: a new segment")
                        self._close(current)
                        current = None
                    if current is None:
                        if not packet.is_keyframe:
                            continue
                        current = self._begin(stream, codec, anchor.value + pts_s, arrival_s)
                    elif packet.is_keyframe and packet.pts - (current.file.first_pts or 0) >= segment_ticks:
                        end_s = current.start_s + current.file.seconds_from_first(packet.pts)  # this packet's start
                        self._close(current, end_s)
                        current = self._begin(stream, codec, _next_start(end_s, anchor.value + pts_s), arrival_s)
                    current.file.write(packet)
                    outcome.wrote = True
                    self.state.recording = True
                    if arrival_s - current.grown_at_s >= timing.grow_every_s:
                        self._grow(current, arrival_s)
                else:
                    outcome.reason = "the camera ended the stream"
        except Exception as error:  # noqa: BLE001 - every failure becomes a reason in the log and a gap
            if is_disk_full(error):
                outcome.disk_full = True
                outcome.reason = DISK_FULL
                self.context.report_disk_full(error)
            else:
                outcome.reason = describe_error(error, reader_timing, opening=not is_connected)
        finally:
            self.state.recording = False
            if current is not None:
                self._close(current)
        return outcome

    def _begin(self, stream: av.video.stream.VideoStream, codec: str, start_s: float, now_s: float) -> _Open:
        """A new segment: the file first, then its row (a file never indexed is removed before anything is in it)."""
        path = segment_path(self.context.root, self.source.camera, start_s)
        segment = SegmentFile(path, stream)
        try:
            with self.context.database.write() as transaction:
                row = archive.open_segment(transaction, self.source.camera, utc_of(start_s), str(path), codec,
                                           self.context.name)  # fmt: skip
                if self.state.gap is not None or self._is_gap_unknown:
                    archive.close_gaps(transaction, self.source.camera, utc_of(start_s))
        except BaseException:
            try:
                segment.close()
            finally:
                path.unlink(missing_ok=True)
            raise
        if self.state.gap is not None:
            self._logger.info("recording again from %s (after: %s)", utc_of(start_s), self.state.gap)
        self.state.gap = None
        self._is_gap_unknown = False
        self.state.segments += 1
        return _Open(segment, row, start_s, now_s)

    def _grow(self, current: _Open, now_s: float) -> None:
        """The row follows the file: noted here, written with every camera's in one transaction (``IndexFollower``)."""
        current.grown_at_s = now_s
        self.state.last_end_s = current.end_s
        self.context.follower.note(current.row, utc_of(current.end_s), current.file.size_bytes())

    def _close(self, current: _Open, end_s: float | None = None) -> None:
        """Finish the file, hash it, close its row; what cannot be done now is done at the next start.

        ``end_s``: where it ends when known (the next segment's first packet); else after its last packet."""
        self.context.follower.forget(current.row)
        end_s = current.end_s if end_s is None else end_s
        self.state.last_end_s = end_s
        try:
            current.file.close()
        except Exception as error:  # noqa: BLE001 - the packets written are in the file; its row says so
            if is_disk_full(error):
                self.context.report_disk_full(error)
            self._logger.error("the segment %s could not be finished (%s)", current.file.path, error)
        try:
            size, sha256 = file_hash(current.file.path)
            with self.context.database.write() as transaction:
                archive.close_segment(transaction, current.row, utc_of(end_s), size, sha256)
        except Exception as error:  # noqa: BLE001 - left open in the index: the next start closes it
            self._logger.error("the segment %s could not be closed in the index (%s)", current.file.path, error)
