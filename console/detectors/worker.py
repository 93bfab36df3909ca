"""The detector process: cameras pulled, decoded and looked at away from every desk and the events service.

Started by :class:`console.detectors.pool.DetectorPool` as ``python -m console.detectors.worker FD
NICENESS``; FD is its end of a Unix socket pair (one pickled message per datagram, both ends the same
program). Commands: ``watch`` (a :class:`WatchedCamera` and the thresholds), ``unwatch``. Reports:
``event`` (a finding, with the still of its picture), ``state`` (watching, connecting, down; the rate
looked at; why it is down; while watching, ``learning``: the motion model not warm yet, no motion can
call; ``behind``: packets arrive but pictures are decoded late, a loaded machine, not a video loss) and ``log``.

One thread per camera: FFmpeg connects, reads and decodes with the interpreter lock released, and
OpenCV works on the small grey picture with it released too, so the threads share a core well. A
camera's fault (refused, silent, garbage) is its own: it is retried with spaced attempts, the others
go on. One watchdog thread ticks every camera's analyser: no picture is a finding too.

Decoding only what the looks need: when a camera's key frames come at least once a second, only they
are decoded (the other packets are dropped unread: no decoding at all); else every frame is decoded
(one thread) and only the looks are converted. See ``bench/detectors.py`` for what each costs.

Times are the pictures' own (their pts on the monotonic clock, ``CameraWatch.picture_time``): a starved
machine decodes in bursts, and a crossing's pictures decoded within a blink still last their 5 s.
"""

from __future__ import annotations

import collections
import datetime as dt
import errno
import logging
import pickle
import statistics
import sys
import threading
import time
from typing import Any

import av
import av.error
import cv2
import numpy as np

from console.child_process import MESSAGE_BYTES, Channel, pickled, run_child
from console.detectors.analysis import CameraAnalyser, Finding
from console.detectors.watch import DetectorTiming, Thresholds, WatchedCamera
from console.video.pyav_reader import camera_refused_transport, describe_error, low_latency_options

LOGGER = logging.getLogger("uitkijk.detectors")
KEY_FRAMES_ENOUGH_S = 1.05  # key frames at least this often: decoding only them gives a look a second or more
STILL_WIDTH_PX = 640
STILL_MAX_BYTES = 56_000  # the still and its event fit one datagram (MESSAGE_BYTES) with room to spare
STILL_QUALITIES = (80, 65, 50, 35)
STATE_EVERY_S = 5.0  # the rate looked at, reported this often while watching
WATCHDOG_EVERY_S = 0.5
REANCHOR_AFTER_S = 30.0  # pictures this late are not caught up with: their time starts again from now


def relay_unreachable(error: BaseException) -> bool:
    """The stream's server cannot be reached: its port refuses, the connection was reset, no route to its PC (a
    dead relay's, when the camera is pulled through one); a 404/503 or a silence is an answer, the camera's."""
    if isinstance(error, ConnectionRefusedError | ConnectionResetError):
        return True
    return getattr(error, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH)


def luma_of(frame: av.VideoFrame) -> np.ndarray:
    """The decoded picture's luma (its Y plane as it is: no conversion for the YUV formats cameras send)."""
    if frame.format.name in ("yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12"):
        plane = frame.planes[0]
        rows = np.frombuffer(memoryview(plane), dtype=np.uint8).reshape(-1, plane.line_size)
        return rows[: frame.height, : frame.width].copy()
    return np.asarray(frame.to_ndarray(format="gray"))


def still_of(frame: av.VideoFrame) -> bytes | None:
    """The frame as a JPEG about 640 px wide, small enough to travel in one message."""
    width = min(STILL_WIDTH_PX, frame.width)
    for scale in (1.0, 0.75, 0.5):
        scaled_width = max(2, int(width * scale) // 2 * 2)
        height = max(2, round(frame.height * scaled_width / frame.width) // 2 * 2)
        picture = frame.reformat(width=scaled_width, height=height, format="bgr24").to_ndarray()
        for quality in STILL_QUALITIES:
            is_done, encoded = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if is_done and len(encoded) <= STILL_MAX_BYTES:
                return bytes(encoded)
    return None


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class CameraWatch:
    """One camera: connect, decode what the looks need, look, report; retried with spaced attempts until stopped."""

    def __init__(self, camera: WatchedCamera, channel: Channel, thresholds: Thresholds, timing: DetectorTiming) -> None:
        self.camera = camera
        self._channel = channel
        self._timing = timing
        self._logger = logging.getLogger(f"uitkijk.detectors.{camera.camera_id}")
        self._analyser = CameraAnalyser(camera.zones, camera.tamper, camera.frozen, thresholds, time.monotonic(),
                                        camera.relay_takeover_s)  # fmt: skip
        self._lock = threading.Lock()  # the analyser: looks on the camera's thread, ticks on the watchdog's
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"detector-{camera.camera_id}", daemon=True)
        self._look_every_s = 1.0 / max(camera.fps, 0.1)
        self._state: dict[str, Any] = {}
        self._looks = 0
        self._last_look_s = 0.0  # the picture time of the last look
        self._anchor_s: float | None = None  # monotonic time of pts 0 (see picture_time)
        self._looks_counted = 0  # since the rate was last reported
        self._looks_since_s = time.monotonic()
        self._transports = ["tcp", "udp"]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout_s: float) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def heard(self, now_s: float) -> None:
        """A packet arrived (decoded or not): the camera is live, whatever the decoding's lag."""
        self._analyser.heard(now_s)

    def is_lost(self) -> bool:
        with self._lock:
            return self._analyser.is_lost

    def lost_already(self) -> None:
        """The watch this one replaces raised a video loss: the first picture here ends it."""
        with self._lock:
            self._analyser.lost_already()

    def tick(self, now_s: float) -> None:
        with self._lock:
            findings = self._analyser.tick(now_s)
            is_behind = self._analyser.is_behind(now_s)
            is_learning = self._analyser.is_learning
        for finding in findings:
            self._report(finding, None)
        if self._state.get("state") != "watching":
            return
        said = {"behind": is_behind, "learning": is_learning}
        if any(bool(self._state.get(key)) != value for key, value in said.items()):
            self._set_state(dict(self._state, **said))
        if now_s - self._looks_since_s >= STATE_EVERY_S:
            self._set_state(dict(self._state, fps=self._rate(now_s)), force=True)

    # -- the camera's thread ----------------------------------------------------------------
    def _run(self) -> None:
        attempts = 0
        try:
            while not self._stop.is_set():
                attempts += 1
                self._set_state({"state": "connecting", "fps": 0.0, "problem": "", "attempts": attempts})
                reason, was_live = self._connect_and_look()
                if self._stop.is_set():
                    break
                if was_live:
                    attempts = 1  # it was live: try again soon, the picture may be back any moment
                delay_s = self._timing.backoff_s[min(attempts, len(self._timing.backoff_s)) - 1]
                self._logger.warning("%s; retrying in %.0f s", reason, delay_s)
                self._set_state({"state": "down", "fps": 0.0, "problem": reason, "attempts": attempts,
                                 "next_attempt_in_s": delay_s})  # fmt: skip
                self._stop.wait(delay_s)
        except Exception:  # a camera's worker reports, it never dies silently nor takes the others along
            self._logger.exception("the detectors of %s failed", self.camera.camera_id)
            self._set_state({"state": "down", "fps": 0.0, "problem": "the detectors failed (see the log)"})

    def _open(self) -> av.container.InputContainer:
        """Over TCP, else UDP when the camera refuses TCP (as a desk's reader does)."""
        last_error: BaseException | None = None
        for transport in list(self._transports):
            try:
                container = av.open(
                    self.camera.url, options=low_latency_options(transport, self._timing.answer_timeout_s)
                )
            except av.error.FFmpegError as error:
                if not camera_refused_transport(error):
                    raise
                last_error = error
                continue
            if transport != self._transports[0]:
                self._transports = [transport] + [t for t in self._transports if t != transport]
            return container
        raise last_error if last_error is not None else TimeoutError("no answer")

    def _connect_and_look(self) -> tuple[str, bool]:
        was_connected = was_live = False
        try:
            with self._open() as container:
                was_connected = True
                self._relay_down(False)  # reached (a relay that answers: whatever the camera does is the camera's)
                self._looks_counted, self._looks_since_s = 0, time.monotonic()
                self._anchor_s = None  # a new connection: its own pts
                stream = container.streams.video[0]
                stream.codec_context.thread_count = 1
                time_base = float(stream.time_base or 0) or 1 / 90000
                last_key_pts: int | None = None
                intervals_s: collections.deque[float] = collections.deque(maxlen=5)
                key_frames_only = True  # until two key frames say how often they come
                for packet in container.demux(stream):
                    if self._stop.is_set():
                        return "stopped", was_live
                    if packet.size == 0:
                        return "the camera closed the connection", was_live
                    self.heard(time.monotonic())
                    if packet.is_keyframe:
                        if last_key_pts is not None and packet.pts is not None and packet.pts > last_key_pts:
                            intervals_s.append((packet.pts - last_key_pts) * time_base)
                            # The median of the last few: a looping or restarted source has one odd interval.
                            key_frames_only = statistics.median(intervals_s) <= KEY_FRAMES_ENOUGH_S
                        last_key_pts = packet.pts
                    elif key_frames_only:
                        continue  # dropped undecoded: the next key frame is the next look
                    for frame in packet.decode():
                        was_live = True
                        self.picture(
                            frame, time_base, time.monotonic(), "key frames" if key_frames_only else "every frame"
                        )
            return "the camera ended the stream", was_live
        except Exception as error:  # noqa: BLE001 - every failure becomes a reason, and a retry
            self._relay_down(relay_unreachable(error))
            return describe_error(error, _READER_TIMING, opening=not was_connected), was_live

    def relay_seen(self, changed_s: float) -> None:
        """When the camera's relay's heartbeat was last seen to change, on this PC's monotonic clock (the events
        service that saw it runs on this PC)."""
        with self._lock:
            self._analyser.relay_seen(changed_s)

    def _relay_down(self, is_down: bool) -> None:
        with self._lock:
            self._analyser.relay_down(is_down)

    def picture(self, frame: av.VideoFrame, time_base: float, now_s: float, decoding: str) -> None:
        """A decoded picture: looked at when a look is due by the picture's own time (see ``picture_time``)."""
        picture_s = self.picture_time(frame.pts, time_base, now_s)
        if self._looks and picture_s - self._last_look_s < self._look_every_s * 0.9:
            return
        self._look(frame, now_s, decoding, picture_s)

    def picture_time(self, pts: int | None, time_base: float, now_s: float) -> float:
        """The picture's own time on the monotonic clock: its pts from an anchor, never later than now.

        A loaded machine decodes in bursts: pictures five seconds apart decoded within a tenth of a second
        must stay five seconds apart for the detectors (on the decoding's clock a 5 s crossing lasted 0.1 s,
        under a zone's minimum duration: no motion alarm, and most of the burst was not even looked at).
        The anchor is the least lag seen; a stream restarted (pts back, or jumping) is anchored afresh."""
        if pts is None:
            return now_s
        pts_s = pts * time_base
        if self._anchor_s is None:
            self._anchor_s = now_s - pts_s
        picture_s = self._anchor_s + pts_s
        if picture_s > now_s or picture_s < self._last_look_s - 1.0 or now_s - picture_s > REANCHOR_AFTER_S:
            self._anchor_s, picture_s = now_s - pts_s, now_s
        return picture_s

    def _look(self, frame: av.VideoFrame, now_s: float, decoding: str, picture_s: float | None = None) -> None:
        luma = luma_of(frame)
        with self._lock:
            findings = self._analyser.look(luma, now_s if picture_s is None else picture_s, dt.datetime.now())
            is_learning = self._analyser.is_learning
        self._looks += 1
        self._looks_counted += 1
        self._last_look_s = now_s if picture_s is None else picture_s
        said = (self._state.get("state"), self._state.get("decoding"), self._state.get("learning"))
        if said != ("watching", decoding, is_learning):
            self._set_state({"state": "watching", "fps": self._rate(now_s), "problem": "", "decoding": decoding,
                             "learning": is_learning, "behind": False})  # fmt: skip
        for finding in findings:
            self._report(finding, frame)

    def _rate(self, now_s: float) -> float:
        """Looks a second since the last report (the rate the detectors really look at)."""
        elapsed_s = max(now_s - self._looks_since_s, 1e-3)
        rate = self._looks_counted / elapsed_s
        self._looks_counted = 0
        self._looks_since_s = now_s
        return round(rate, 2)

    # -- reports ------------------------------------------------------------------------------
    def _report(self, finding: Finding, frame: av.VideoFrame | None) -> None:
        still = still_of(frame) if frame is not None and finding.wants_still else None
        self._channel.send({
            "ev": "event", "camera": self.camera.camera_id, "kind": finding.kind.value, "active": finding.active,
            "utc": utc_now(), "source": finding.source.value, "detail": finding.detail, "still": still,
        })  # fmt: skip

    def _set_state(self, state: dict[str, Any], force: bool = False) -> None:
        if state == self._state and not force:
            return
        self._state = state
        self._channel.send({"ev": "state", "camera": self.camera.camera_id, "state": state})


class _Timing:
    """What :func:`describe_error` needs of a reader's timing."""

    def __init__(self, answer_timeout_s: float) -> None:
        self.answer_timeout_s = answer_timeout_s
        self.stall_timeout_s = answer_timeout_s


_READER_TIMING: Any = _Timing(DetectorTiming().answer_timeout_s)


def serve(channel: Channel) -> None:
    """Watch the cameras the pool hands over until it closes its end."""
    watches: dict[str, CameraWatch] = {}
    lock = threading.Lock()
    ended = threading.Event()

    def watchdog() -> None:
        while not ended.wait(WATCHDOG_EVERY_S):
            with lock:
                current = list(watches.values())
            for watch in current:
                try:
                    watch.tick(time.monotonic())
                except Exception:  # one camera's fault is its own
                    LOGGER.exception("the watchdog of %s failed", watch.camera.camera_id)

    ticking = threading.Thread(target=watchdog, name="detector-watchdog", daemon=True)
    ticking.start()
    while True:
        try:
            data = channel.connection.recv(MESSAGE_BYTES)
        except OSError:
            break
        if not data:
            break  # the pool closed its end (or died)
        try:
            message = pickle.loads(data)
            if message["op"] == "watch":
                camera: WatchedCamera = message["camera"]
                watch = CameraWatch(camera, channel, message.get("thresholds") or Thresholds(),
                                    message.get("timing") or DetectorTiming())  # fmt: skip
                with lock:
                    previous = watches.pop(camera.camera_id, None)
                    watches[camera.camera_id] = watch
                if previous is not None:
                    previous.stop()
                    if previous.is_lost():  # moved (another relay serves it): the picture back there ends the loss
                        watch.lost_already()
                watch.start()
            elif message["op"] == "relay_seen":  # the room's relays' heartbeats, per camera (a second apart)
                with lock:
                    seen = [(watches.get(camera_id), changed_s) for camera_id, changed_s in message["seen"].items()]
                for seen_watch, changed_s in seen:
                    if seen_watch is not None:
                        seen_watch.relay_seen(float(changed_s))
            elif message["op"] == "unwatch":
                with lock:
                    gone = watches.pop(str(message["camera"]), None)
                if gone is not None:
                    gone.stop()
        except Exception:
            LOGGER.exception("a command to the detector process failed")
    ended.set()
    for watch in list(watches.values()):
        watch.stop()
    for watch in list(watches.values()):
        watch.join(1.0)


if __name__ == "__main__":
    sys.exit(run_child(sys.argv, pickled, serve, LOGGER, "detector"))
