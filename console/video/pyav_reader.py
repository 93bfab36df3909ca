"""The stream reader on PyAV (FFmpeg's own bindings).

Chosen over OpenCV's VideoCapture because PyAV opens streams in parallel
(DESIGN.md: 8 streams live in 4 s against 17 s) and releases the GIL while
FFmpeg connects, reads and decodes. Options are the measured low-latency set:
RTSP over TCP, ``fflags=nobuffer``, ``flags=low_delay``, one decoder thread.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from dataclasses import dataclass

import av
import av.error
import numpy as np
from av.video.reformatter import VideoReformatter

from console.config.secrets import mask
from console.video.stream import Frame, StreamReader, StreamState, StreamStatus


@dataclass(frozen=True)
class ReaderTiming:
    open_timeout_s: float = 5.0  # all attempts to open (TCP, then UDP) end within this, then retry
    stall_timeout_s: float = 2.0  # no packet for this long: reconnect
    backoff_s: tuple[float, ...] = (0.25, 0.5, 1.0)  # spaced retries; the last repeats

    @property
    def answer_timeout_s(self) -> float:
        """How long one read may wait for the camera: a silent camera is reported after this."""
        return min(self.open_timeout_s, self.stall_timeout_s)


@dataclass
class _Outcome:
    reason: str = ""
    was_connected: bool = False
    was_live: bool = False


def describe_error(error: BaseException, timing: ReaderTiming, opening: bool) -> str:
    """A short, masked, operator-readable reason."""
    if isinstance(error, av.error.HTTPUnauthorizedError):
        return "not authorised: check the camera's user name and password"
    if isinstance(error, av.error.HTTPForbiddenError):
        return "refused (403): this workstation may not pull the stream"
    if isinstance(error, av.error.HTTPNotFoundError):
        return "the camera has no such stream (404)"
    if isinstance(error, ConnectionRefusedError | av.error.ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, av.error.ExitError | TimeoutError):
        if opening:
            return f"no answer within {timing.answer_timeout_s:g} s"
        return f"no frames for {timing.stall_timeout_s:.1f} s"
    if isinstance(error, EOFError | av.error.EOFError):
        return "the camera ended the stream"
    if isinstance(error, av.error.InvalidDataError):
        return "the camera's answer could not be read"
    reason = getattr(error, "strerror", None) or str(error)  # strerror leaves out the URL
    if isinstance(error, av.error.HTTPError):
        return mask(f"the camera refused: {reason}")
    return mask(str(reason)) or type(error).__name__


def camera_refused_transport(error: BaseException) -> bool:
    """True when the camera answered but refused the transport (RTSP 461, or a 5xx to SETUP)."""
    if isinstance(error, av.error.HTTPUnauthorizedError | av.error.HTTPNotFoundError):
        return False
    if isinstance(error, av.error.HTTPError | av.error.InvalidDataError):
        return True
    return getattr(error, "errno", None) == errno.EPROTONOSUPPORT  # how FFmpeg reports RTSP 461


def low_latency_options(transport: str, answer_timeout_s: float) -> dict[str, str]:
    """FFmpeg's options for a live camera: the measured low-latency set, and a socket time-out checked in C."""
    return {
        "rtsp_transport": transport,
        "fflags": "nobuffer",
        "flags": "low_delay",
        "analyzeduration": "0",
        "probesize": "32",
        "max_delay": "0",
        "timeout": str(int(answer_timeout_s * 1_000_000)),  # socket I/O, microseconds
    }


def fit_size(source_width: int, source_height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """The largest even size within the bounds that keeps the aspect ratio; never upscales."""
    scale = min(max_width / source_width, max_height / source_height, 1.0)
    width = max(2, int(source_width * scale) // 2 * 2)
    height = max(2, int(source_height * scale) // 2 * 2)
    return width, height


def bgra_rows(reformatter: VideoReformatter, decoded: av.VideoFrame,
              bounds: tuple[int, int]) -> tuple[np.ndarray, int, int]:  # fmt: skip
    """The decoded picture scaled to fit ``bounds``, in BGRA rows as the wall paints them, with its width and height.

    No copy: the rows are FFmpeg's buffer. The caller keeps one reformatter per reader: it keeps FFmpeg's scaler
    between frames (a new one per frame costs more than decoding the frame)."""
    width, height = fit_size(decoded.width, decoded.height, *bounds)
    scaled = reformatter.reformat(decoded, width=width, height=height, format="bgra", interpolation="BILINEAR")
    plane = scaled.planes[0]
    return np.frombuffer(memoryview(plane), dtype=np.uint8).reshape(height, plane.line_size), width, height


def join_worker(thread: threading.Thread | None, started: threading.Event, timeout_s: float) -> bool:
    """Wait up to ``timeout_s`` for a reader's worker to end; True once it has (or never was started). A worker
    still being started (``started`` not set yet) is not finished."""
    if thread is None:
        return True
    deadline_s = time.monotonic() + timeout_s
    if not started.wait(timeout_s):
        return False
    thread.join(max(0.0, deadline_s - time.monotonic()))
    return not thread.is_alive()


class PyAVStreamReader(StreamReader):
    def __init__(self, url: str, name: str, timing: ReaderTiming | None = None) -> None:
        super().__init__(url, name)
        self.timing = timing or ReaderTiming()
        self._logger = logging.getLogger(f"uitkijk.camera.{name}")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = threading.Event()  # its thread has started: it can be joined
        self._latest: Frame | None = None
        self._status = StreamStatus(StreamState.CONNECTING)  # asked for: connecting until an attempt fails
        self._lock = threading.Lock()
        self._transports = ["tcp", "udp"]  # TCP first; UDP when a camera refuses TCP
        self._sequence = 0
        self._reformatter: VideoReformatter | None = VideoReformatter()
        # When each step to the first picture happened (time.monotonic): asked, opening, opened (RTSP DESCRIBE, SETUP
        # and PLAY done), first packet, first key frame packet, first decoded and first published (console/startup.py).
        self.phases: dict[str, float] = {}

    # -- public ---------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None or self._stop.is_set():
            return
        self.phases.setdefault("asked", time.monotonic())
        self._thread = threading.Thread(target=self._run, name=f"reader-{self.name}", daemon=True)
        self._thread.start()  # the hub's starter thread: the hub may reap (join) this reader meanwhile
        self._started.set()

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout_s: float) -> bool:
        return join_worker(self._thread, self._started, timeout_s)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def latest(self) -> Frame | None:
        return self._latest

    def status(self) -> StreamStatus:
        return self._status

    # -- worker -----------------------------------------------------------------------
    def _set_status(self, status: StreamStatus) -> None:
        with self._lock:
            changed = status != self._status
            self._status = status
        if changed:
            self.status_changed.emit(status)

    def _run(self) -> None:
        attempts = 0
        try:
            while not self._stop.is_set():
                attempts += 1
                self._set_status(StreamStatus(StreamState.CONNECTING, attempts=attempts))
                outcome = self._connect_and_read()
                if self._stop.is_set():
                    break
                if outcome.was_connected:
                    attempts = 1  # it answered: retry soon, the picture may be back any moment
                delay = self.timing.backoff_s[min(attempts, len(self.timing.backoff_s)) - 1]
                self._logger.warning("%s; retrying in %.2f s", outcome.reason, delay)
                self._set_status(
                    StreamStatus(StreamState.NO_SIGNAL, outcome.reason, next_attempt_in_s=delay, attempts=attempts)
                )
                self._stop.wait(delay)
        except Exception:  # a worker reports, it never dies silently
            self._logger.exception("reader failed")
        finally:
            self._set_status(StreamStatus(StreamState.STOPPED))
            if self._stop.is_set():
                # Nothing will be decoded any more: let go of the scaler (and its FFmpeg threads) now,
                # not when the last reference to this reader goes.
                self._reformatter = None

    def _open(self) -> tuple[av.container.InputContainer, str]:
        """Open over TCP, else UDP when the camera refuses TCP; give up at the open deadline.

        No ``timeout=`` for ``av.open``: PyAV enforces it with an interrupt callback that takes the GIL
        on every FFmpeg read (RTSP is read a byte at a time), so every reader thread would keep taking
        the GIL from the GUI thread. FFmpeg's own socket time-out is checked in C; the deadline over
        all attempts is checked here, between them.
        """
        deadline_s = time.monotonic() + self.timing.open_timeout_s
        last_error: BaseException | None = None
        for transport in list(self._transports):
            remaining_s = deadline_s - time.monotonic()
            if remaining_s <= 0:
                break
            answer_timeout_s = min(self.timing.answer_timeout_s, remaining_s)
            options = low_latency_options(transport, answer_timeout_s)
            started = time.monotonic()
            self.phases.setdefault("opening", started)
            try:
                container = av.open(self.url, options=options)
            except av.error.FFmpegError as error:
                if time.monotonic() - started >= answer_timeout_s * 0.9:
                    raise TimeoutError("no answer") from error  # not a refusal: another transport will not help
                if not camera_refused_transport(error):
                    raise
                last_error = error  # it answered but will not stream this way: try the next transport
                continue
            opened_s = time.monotonic() - started
            if opened_s > answer_timeout_s:  # a slow answer is still an answer: its picture is on its way
                self._logger.info("the camera took %.1f s to answer over %s", opened_s, transport)
            if transport != self._transports[0]:
                self._logger.info("camera refused RTSP over %s; using %s", self._transports[0], transport)
                self._transports = [transport] + [t for t in self._transports if t != transport]
            return container, transport
        raise last_error if last_error is not None else TimeoutError("no answer")

    def _connect_and_read(self) -> _Outcome:
        outcome = _Outcome()
        try:
            container, transport = self._open()
            outcome.was_connected = True
            phases = self.phases
            phases.setdefault("opened", time.monotonic())
            with container:
                stream = container.streams.video[0]
                stream.codec_context.thread_count = 1  # measured: lowest latency, least CPU per frame
                codec = stream.codec_context.name
                self._logger.info("connected over %s (%s)", transport, codec)
                # The wait for each packet, from when the previous one was decoded: the camera's silence, not
                # the time this reader took to decode (a burst of H.265 on a busy desk took seconds, and read
                # as a stalled camera).
                waiting_since_s: float | None = None
                for packet in container.demux(stream):
                    if self._stop.is_set():
                        outcome.reason = "stopped"
                        return outcome
                    gap_s = 0.0 if waiting_since_s is None else time.monotonic() - waiting_since_s
                    if gap_s >= self.timing.stall_timeout_s * 0.9:
                        # What FFmpeg hands over when a read times out is the frame it held back
                        # before the stall: old, so it must not look live.
                        outcome.reason = f"no frames for {self.timing.stall_timeout_s:.1f} s"
                        return outcome
                    if packet.size == 0:  # the end, at once: the camera (or its server) closed the connection
                        outcome.reason = "the camera closed the connection"
                        return outcome
                    if "first_published" not in phases:
                        self._note_packet(packet)
                    for decoded in packet.decode():
                        if "first_published" not in phases:
                            phases.setdefault("first_decoded", time.monotonic())
                            self._publish(decoded, codec)
                            phases["first_published"] = time.monotonic()
                            self._phases_known()
                        else:
                            self._publish(decoded, codec)
                        if not outcome.was_live:
                            outcome.was_live = True
                            self._set_status(StreamStatus(StreamState.LIVE, transport=transport))
                    waiting_since_s = time.monotonic()
            outcome.reason = "the camera ended the stream"
        except Exception as error:  # noqa: BLE001 - every failure becomes a reason on the tile
            outcome.reason = describe_error(error, self.timing, opening=not outcome.was_connected)
        return outcome

    def _note_packet(self, packet: av.Packet) -> None:
        now = time.monotonic()
        self.phases.setdefault("first_packet", now)
        if packet.is_keyframe:
            self.phases.setdefault("first_key_packet", now)

    def _phases_known(self) -> None:
        """The first picture is published: ``phases`` holds every step to it (the decoding process sends them)."""

    def _publish(self, decoded: av.VideoFrame, codec: str) -> None:
        self._latest = self._scaled(decoded, codec, self._target_size)

    def _scaled(self, decoded: av.VideoFrame, codec: str, bounds: tuple[int, int]) -> Frame:
        """The decoded picture scaled to fit ``bounds``, in BGRA, as the wall paints it."""
        reformatter = self._reformatter
        assert reformatter is not None  # only let go of after the last frame
        rows, width, height = bgra_rows(reformatter, decoded, bounds)
        self._sequence += 1
        return Frame(
            rows=rows,
            width=width,
            height=height,
            source_width=decoded.width,
            source_height=decoded.height,
            arrived_monotonic_s=time.monotonic(),
            arrived_wall_s=time.time(),
            sequence=self._sequence,
            codec=codec,
        )
