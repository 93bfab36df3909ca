"""The simulated camera network: one RTSP server, one ffmpeg feeder per camera.

The server (``rtsp_server.py``) runs under Debian's Python with GStreamer's
RTSP server; each camera's feeder loops its pre-made clips into the server
over loopback UDP with ``-c copy``, so a camera costs a fraction of a percent
of a core. Tests and benchmarks stop and start single feeders to make a
camera drop and return.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import functools
import json
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from console.sim.clips import ClipSpec, ensure_clips, variant_of
from console.sim.control import EVENT_KINDS, MOBBOX_KINDS, SimControlError, SimControlServer

REMOTE_NICENESS = 10  # cameras are other machines: run on a desk's own cores, they come after the console
LOGGER = logging.getLogger("uitkijk.sim")
SYSTEM_PYTHON = "/usr/bin/python3"
SERVER_SCRIPT = Path(__file__).with_name("rtsp_server.py")
SIM_HOSTS = {"127.0.0.1", "localhost"}


class SimulationError(RuntimeError):
    """The simulated network could not start; the message says what is missing."""


@dataclass
class SimMount:
    path: str  # "/station-01"
    clip: ClipSpec | None  # None: fed live by the PTZ process
    transports: str = "any"  # "any" | "udp" (a camera that refuses RTSP over TCP)
    codec: str = "h264"
    udp_port: int = 0


@dataclass
class SimPtz:
    """A PTZ camera drawn live over a panorama, answering ONVIF on its own port."""

    title: str
    onvif_port: int
    username: str
    password: str
    clock_offset_s: float = 0.0
    seed: int = 1
    presets: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # name -> pan, tilt, zoom


@dataclass
class SimCamera:
    camera_id: str
    mounts: list[SimMount] = field(default_factory=list)
    ptz: SimPtz | None = None
    mobbox: str | None = None  # the Mobbox it is mounted on: it has a door, a battery and an uplink


# What a fixed camera's feeder plays after an event (the clip variant), and for how long (None: until ended).
STOP = object()  # ends the network's thread
CLOCK_LOOK_S = 20.0  # how often the network looks whether day turned to night
TURN_NICENESS = 15  # the other time of day's clips, made at 22:00 and 06:00, come after the cameras and the console
NIGHT_FROM_HOUR, NIGHT_UNTIL_HOUR = 22, 6


def scene_by_clock(now: dt.datetime | None = None) -> str:
    """Day or night by the room's clock (the PC's local time)."""
    hour = (now or dt.datetime.now()).hour
    return "night" if hour >= NIGHT_FROM_HOUR or hour < NIGHT_UNTIL_HOUR else "day"


TICK_S = 0.25  # how often the network's thread looks whether a crossing is over
PICTURE_OF_EVENT = {"tamper-cover": "cover", "tamper-move": "move", "tamper-end": "normal", "motion": "motion"}


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sim_port_and_path(url: str) -> tuple[int, str] | None:
    """The port and mount path of a stream URL served by the simulator, else None."""
    parts = urlsplit(url)
    if parts.scheme != "rtsp" or parts.hostname not in SIM_HOSTS:
        return None
    return parts.port or 554, parts.path


class SimNetwork:
    """Starts and stops the simulated cameras. Use as a context manager."""

    def __init__(
        self,
        cameras: list[SimCamera],
        port: int,
        clip_dir: Path,
        progress: Callable[[int, int], None] | None = None,
        niceness: int = 0,
        control_dir: Path | None = None,
        scene: str | None = None,
    ) -> None:
        self.cameras = {camera.camera_id: camera for camera in cameras}
        self.port = port
        self.clip_dir = clip_dir
        self.progress = progress  # (clips made, clips to make) on a first start
        self._prepare_child = functools.partial(_prepare_child, niceness)
        self._server: subprocess.Popen | None = None
        self._feeders: dict[str, subprocess.Popen] = {}
        self._clip_paths: dict[ClipSpec, Path] = {}
        self._lock = threading.Lock()
        self._ptz_process: subprocess.Popen | None = None
        self._pictures: dict[str, str] = {}  # camera -> the clip variant its feeder plays ("normal" when absent)
        self._lost: set[str] = set()  # cameras whose video is lost (sim event video-loss)
        self._motion_ends: dict[str, float] = {}  # camera -> monotonic time its crossing is over
        self._jobs: queue.Queue = queue.Queue()
        self._next_clock_look_s = 0.0
        self._worker = threading.Thread(target=self._work, name="sim-events", daemon=True)
        self.control_dir = control_dir  # where ``sim event`` finds this network (None: no control endpoint)
        self.scene_forced = scene  # "day" | "night"; None: by the room's clock
        self.scene = scene or scene_by_clock()
        self._making = threading.Lock()  # guards _clip_locks
        self._clip_locks: dict[str, threading.Lock] = {}  # a clip's file name -> held while it is made
        self._shown_scene: dict[str, str] = {}  # camera -> the time of day its feeder plays
        self._turning: threading.Thread | None = None  # makes the other time of day's clips, then switches
        self._control: SimControlServer | None = None

    # -- life cycle -----------------------------------------------------------------
    def start(self, ready_timeout_s: float = 15.0) -> None:
        if not Path(SYSTEM_PYTHON).exists():
            raise SimulationError(f"{SYSTEM_PYTHON} is missing: install python3-gi and gir1.2-gst-rtsp-server-1.0")
        specs = [
            self._clip(mount.clip, picture)
            for camera in self.cameras.values()
            for mount in camera.mounts
            for picture in ("normal", "cover")
            if mount.clip
        ]  # fmt: skip  (a covered lens: one shared clip)
        specs = list(dict.fromkeys(specs))
        try:
            started_s = time.monotonic()
            self._clip_paths = ensure_clips(specs, self.clip_dir, os.cpu_count() or 2, self.progress)
            LOGGER.info("the cameras' clips were ready in %.1f s", time.monotonic() - started_s)
        except (RuntimeError, OSError) as error:
            raise SimulationError(f"could not make the camera clips: {error}") from error
        mounts = []
        for camera in self.cameras.values():
            for mount in camera.mounts:
                mount.udp_port = free_port(socket.SOCK_DGRAM)
                mounts.append(
                    {"path": mount.path, "udp_port": mount.udp_port, "codec": mount.codec,
                     "transports": mount.transports}
                )  # fmt: skip
        self._server = subprocess.Popen(
            [SYSTEM_PYTHON, str(SERVER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=self._prepare_child,
        )
        assert self._server.stdin is not None and self._server.stdout is not None
        self._server.stdin.write(json.dumps({"port": self.port, "mounts": mounts}))
        self._server.stdin.close()
        line = _readline_with_timeout(self._server.stdout, ready_timeout_s)
        if not line.startswith("READY"):
            said = self._server.stderr.read() if self._server.poll() is not None and self._server.stderr else ""
            self.stop()
            raise SimulationError(f"the simulated RTSP server did not start: {line.strip()} {said.strip()}".strip())
        for camera_id in self.cameras:
            self.start_feed(camera_id)
        self._start_ptz(ready_timeout_s)
        self._worker.start()  # from this (long-lived) thread, like the feeders it restarts
        if self.control_dir is not None:
            self._control = SimControlServer(self.control_dir, self.handle_event)
            self._control.start()
        LOGGER.info("simulated network: %d cameras on rtsp://127.0.0.1:%d", len(self.cameras), self.port)

    def _start_ptz(self, ready_timeout_s: float) -> None:
        cameras = []
        for camera in self.cameras.values():
            if camera.ptz is None:
                continue
            ports = {mount.path.endswith("-sub"): mount.udp_port for mount in camera.mounts}
            cameras.append({"id": camera.camera_id, "title": camera.ptz.title, "onvif_port": camera.ptz.onvif_port,
                            "username": camera.ptz.username, "password": camera.ptz.password,
                            "clock_offset_s": camera.ptz.clock_offset_s, "seed": camera.ptz.seed,
                            "presets": camera.ptz.presets,
                            "udp_main": ports[False], "udp_sub": ports[True]})  # fmt: skip
        if not cameras:
            return
        self._ptz_process = subprocess.Popen(
            [sys.executable, "-m", "console.sim.ptz_process"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            preexec_fn=self._prepare_child, cwd=Path(__file__).resolve().parents[2],
        )  # fmt: skip
        assert self._ptz_process.stdin is not None and self._ptz_process.stdout is not None
        spec = {"cache_dir": str(self.clip_dir), "rtsp_port": self.port, "cameras": cameras}
        self._ptz_process.stdin.write(json.dumps(spec) + "\n")
        self._ptz_process.stdin.flush()  # kept open: the process ends when this side goes away
        line = _readline_with_timeout(self._ptz_process.stdout, ready_timeout_s)
        if not line.startswith("READY"):
            process = self._ptz_process
            error = process.stderr.read() if process.poll() is not None and process.stderr is not None else ""
            self.stop()
            raise SimulationError(f"the simulated PTZ cameras did not start: {line.strip()} {error.strip()[-400:]}")

    def stop(self) -> None:
        if self._control is not None:
            self._control.stop()
            self._control = None
        if self._worker.is_alive():
            self._jobs.put(STOP)
            self._worker.join(5)
        if self._ptz_process is not None:
            _terminate(self._ptz_process)
            for stream in (self._ptz_process.stdin, self._ptz_process.stdout, self._ptz_process.stderr):
                if stream:
                    try:
                        stream.close()
                    except BrokenPipeError:
                        pass
            self._ptz_process = None
        for camera_id in list(self._feeders):
            self.stop_feed(camera_id)
        if self._server is not None:
            _terminate(self._server)
            for stream in (self._server.stdout, self._server.stderr):
                if stream:
                    stream.close()
            self._server = None

    def __enter__(self) -> SimNetwork:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- single cameras ---------------------------------------------------------------
    def start_feed(self, camera_id: str) -> None:
        """Start (or restart) a camera's feeder: the camera is live again."""
        mounts = [mount for mount in self.cameras[camera_id].mounts if mount.clip is not None]
        if not mounts:
            return  # a live-drawn PTZ camera has no clip feeder
        picture = self._pictures.get(camera_id, "normal")
        scene = self.scene
        clips = [self._clip(mount.clip, picture, scene) for mount in mounts if mount.clip is not None]
        if picture == "normal" and not all(clip in self._clip_paths for clip in clips):
            scene = self._shown_scene.get(camera_id, scene)  # the new time of day's clips are not made yet
            clips = [self._clip(mount.clip, picture, scene) for mount in mounts if mount.clip is not None]
        paths = self._clip_files(clips)
        self._shown_scene[camera_id] = scene
        command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"]
        for clip in clips:
            loop = "0" if picture == "motion" else "-1"  # the crossing plays once, then the scene goes on
            command += ["-re", "-stream_loop", loop, "-i", str(paths[clip])]
        for index, mount in enumerate(mounts):
            command += ["-map", f"{index}:v", "-c", "copy", "-f", "rtp", "-payload_type", "96",
                        f"rtp://127.0.0.1:{mount.udp_port}?pkt_size=1200"]  # fmt: skip
        with self._lock:
            self.stop_feed(camera_id)
            self._feeders[camera_id] = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=self._prepare_child
            )

    def _clip(self, clip: ClipSpec, picture: str, scene: str | None = None) -> ClipSpec:
        """A mount's clip for a picture ("normal" or an event's) at this time of day."""
        if clip.scene != "card":
            clip = dataclasses.replace(clip, scene=scene or self.scene)
        return variant_of(clip, picture)

    def _clip_files(self, clips: list[ClipSpec]) -> dict[ClipSpec, Path]:
        missing = [clip for clip in clips if clip not in self._clip_paths]
        if missing:  # an event's clip not made ahead yet: made now (a second or two), beside what is made ahead
            self._make(missing, 2, 0)
        return {clip: self._clip_paths[clip] for clip in clips}

    def _make(self, clips: list[ClipSpec], parallel: int, niceness: int) -> None:
        """Make clips, each once: a clip being made by another thread is waited for, not made twice."""
        with self._making:
            locks = [self._clip_locks.setdefault(clip.cache_name(), threading.Lock()) for clip in clips]
        for lock in sorted(locks, key=id):
            lock.acquire()
        try:
            self._clip_paths.update(ensure_clips(clips, self.clip_dir, parallel, niceness=niceness))
        finally:
            for lock in locks:
                lock.release()

    def _turn(self, scene: str) -> None:
        """Make the new time of day's clips camera by camera (behind everything else); each camera turns when ready.

        Not made ahead: a shared machine's demo would pay for a night it may never see.
        """
        for camera_id, camera in list(self.cameras.items()):
            clips = [self._clip(mount.clip, "normal", scene) for mount in camera.mounts if mount.clip]
            if not clips or self._worker_stopped() or self.scene != scene:
                continue
            try:
                self._make(clips, 1, TURN_NICENESS)
            except (RuntimeError, OSError) as error:
                LOGGER.warning("could not make %s's %s clips: %s", camera_id, scene, error)
                continue
            self._jobs.put((functools.partial(self._show_scene, camera_id, scene), Future()))
        LOGGER.info("the simulated street turned to %s", scene)

    def _show_scene(self, camera_id: str, scene: str) -> None:
        if self.scene == scene and self._shown_scene.get(camera_id) != scene and camera_id not in self._lost:
            self.start_feed(camera_id)

    def _worker_stopped(self) -> bool:
        return not self._worker.is_alive()

    # -- events (sim event CAMERA KIND) ------------------------------------------------
    def handle_event(self, camera_id: str, kind: str, timeout_s: float = 50.0) -> None:
        """Make a camera do what ``sim event`` asks; SimControlError (one line) when it cannot.

        Done on the network's own thread: a feeder dies with the thread that started it (PDEATHSIG),
        so none may start from a short-lived thread such as a control request's.
        """
        camera = self.cameras.get(camera_id)
        if camera is None:
            raise SimControlError(f"camera '{camera_id}' is not simulated by this simulator")
        if kind not in EVENT_KINDS:
            raise SimControlError(f"unknown event '{kind}' (one of: {', '.join(EVENT_KINDS)})")
        if kind in MOBBOX_KINDS and camera.mobbox is None:
            raise SimControlError(f"{kind} is a Mobbox's event; camera '{camera_id}' is not on a Mobbox")
        if camera.ptz is not None:
            self._tell_ptz({"camera": camera_id, "kind": kind})
            return
        if not self._worker.is_alive():
            raise SimControlError("the simulated network is not running")
        done: Future[None] = Future()
        self._jobs.put((lambda: self._picture_event(camera_id, kind), done))
        done.result(timeout_s)

    def _picture_event(self, camera_id: str, kind: str) -> None:
        self._motion_ends.pop(camera_id, None)
        if kind == "video-loss":
            self._lost.add(camera_id)
            self.stop_feed(camera_id)
            return
        if kind == "video-back":
            self._lost.discard(camera_id)
        else:
            self._pictures[camera_id] = PICTURE_OF_EVENT[kind]
        if camera_id not in self._lost:  # else the picture changes unseen, until the video comes back
            self.start_feed(camera_id)  # (an event's clip may be made first: the crossing counts from here)
        if kind == "motion":
            clip = next(mount.clip for mount in self.cameras[camera_id].mounts if mount.clip is not None)
            self._motion_ends[camera_id] = time.monotonic() + clip.motion_seconds

    def _work(self) -> None:
        """The network's thread: events, and the scene going on after a crossing."""
        while True:
            try:
                job = self._jobs.get(timeout=TICK_S)
            except queue.Empty:
                job = None
            if job is STOP:
                return
            if job is not None:
                action, done = job
                try:
                    action()
                    done.set_result(None)
                except Exception as error:  # noqa: BLE001  (said to the command that asked)
                    done.set_exception(error)
            now = time.monotonic()
            if self.scene_forced is None and now >= self._next_clock_look_s:
                self._next_clock_look_s = now + CLOCK_LOOK_S
                self._follow_the_clock()
            for camera_id, ends in list(self._motion_ends.items()):
                if ends <= now:
                    del self._motion_ends[camera_id]
                    self._pictures[camera_id] = "normal"
                    if camera_id not in self._lost:
                        self.start_feed(camera_id)

    def _follow_the_clock(self) -> None:
        """At 22:00 and 06:00 every street camera's feeder goes over to the night's (the day's) clips."""
        scene = scene_by_clock()
        if scene == self.scene:
            return
        LOGGER.info("the simulated street turns to %s", scene)
        self.scene = scene
        if self._turning is None or not self._turning.is_alive():
            self._turning = threading.Thread(target=self._turn, args=(scene,), name="sim-turn", daemon=True)
            self._turning.start()

    def _tell_ptz(self, command: dict) -> None:
        process = self._ptz_process
        if process is None or process.poll() is not None or process.stdin is None:
            raise SimControlError("the simulated PTZ cameras are not running")
        with self._lock:
            process.stdin.write(json.dumps(command) + "\n")
            process.stdin.flush()

    def picture(self, camera_id: str) -> str:
        """What a fixed camera shows now: "normal", or an event's "cover", "move", "motion"."""
        return self._pictures.get(camera_id, "normal")

    def stop_feed(self, camera_id: str) -> None:
        """Kill a camera's feeder: its streams stop sending frames, as a dead camera's do."""
        process = self._feeders.pop(camera_id, None)
        if process is not None:
            _terminate(process)

    def is_feeding(self, camera_id: str) -> bool:
        process = self._feeders.get(camera_id)
        return process is not None and process.poll() is None


try:
    _LIBC: ctypes.CDLL | None = ctypes.CDLL("libc.so.6", use_errno=True)  # loaded before any fork
except OSError:
    _LIBC = None


def _prepare_child(niceness: int) -> None:
    """Run in the child before exec: end it when the process that started it dies (Linux), at its priority.

    Its own process group, so that stopping it stops everything it started; not its own session:
    Linux schedules each session as a group of its own (autogroup), where a nice counts only
    against the session's own processes, and a simulator in a session of its own took the
    console's core whatever its nice (perf sched: the GUI thread waited 112 ms for a core while
    the RTSP server's threads ran).
    """
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    os.setpgid(0, 0)
    if niceness:
        os.nice(niceness)  # before exec: every thread it starts inherits it


def _readline_with_timeout(stream: IO[str], timeout_s: float) -> str:
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout_s)
    return result[0] if result else "timeout"


def _terminate(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
