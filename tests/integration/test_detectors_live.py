"""The detector pool against a real RTSP stream: the simulated network's server, fed a picture the test draws.

The feed is ffmpeg encoding what the test writes to it (a noisy textured street, then a covered lens,
then nothing at all) into the simulated server's mount over RTP, as the simulator's own feeders do; the
pool pulls it over RTSP in its own process, as the events service does.
"""

from __future__ import annotations

import os
import queue
import subprocess
import threading
import time

import numpy as np
import psutil
import pytest

from console.alarms.config import load_alarm_rules
from console.alarms.model import AlarmKind, CameraEvent, EventSource
from console.cli import main
from console.config.loader import load_camera_config
from console.detectors import DetectorPool, WatchedCamera, watched_cameras
from console.detectors.pool import DETECTOR_NICENESS
from console.sim.clips import ensure_clips, variant_of
from console.sim.from_config import build_network
from console.sim.network import SimCamera, SimMount, SimNetwork, free_port
from tests.unit.test_detectors import HEIGHT, WIDTH, ZONE, street

pytestmark = pytest.mark.integration
FEED_FPS = 10
WAIT_S = 30.0  # the bound of a failure on a loaded machine, not a figure (the figures are in the assertions)


class DrawnFeed:
    """ffmpeg encoding the pictures a thread writes (``scene``: 'street' or 'covered') into an RTP port."""

    def __init__(self, udp_port: int) -> None:
        self.scene = "street"
        self._street = street()
        self._generator = np.random.default_rng(5)
        self._process = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "gray",
             "-s", f"{WIDTH}x{HEIGHT}", "-r", str(FEED_FPS), "-re", "-i", "-", "-c:v", "libx264",
             "-preset", "ultrafast", "-tune", "zerolatency", "-g", str(FEED_FPS), "-bf", "0", "-pix_fmt", "yuv420p",
             "-f", "rtp", "-payload_type", "96", f"rtp://127.0.0.1:{udp_port}?pkt_size=1200"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._write, name="drawn-feed", daemon=True)
        self._thread.start()

    def _write(self) -> None:
        """ffmpeg reads at the frame rate (``-re``): each write waits for it, so this is the feed's clock."""
        assert self._process.stdin is not None
        try:
            while True:
                if self.scene == "covered":
                    base = np.full((HEIGHT, WIDTH), 14.0, np.float32)
                else:
                    base = self._street
                noisy = base + self._generator.normal(0, 2.0, base.shape)
                self._process.stdin.write(np.clip(noisy, 0, 255).astype(np.uint8).tobytes())
        except (BrokenPipeError, ValueError, OSError):
            return

    def stop(self) -> None:
        self._process.kill()
        self._process.wait()
        self._thread.join(5.0)
        if self._process.stdin is not None:
            try:
                self._process.stdin.close()
            except OSError:
                pass


@pytest.fixture
def drawn_camera(tmp_path):
    network = SimNetwork([SimCamera("drawn", [SimMount("/drawn", None)])], free_port(), tmp_path / "clips")
    network.start()
    feed = DrawnFeed(network.cameras["drawn"].mounts[0].udp_port)
    try:
        yield f"rtsp://127.0.0.1:{network.port}/drawn", feed
    finally:
        feed.stop()
        network.stop()


class Heard:
    """What the pool reported, waited for without sleeping."""

    def __init__(self) -> None:
        self.events: queue.Queue[tuple[float, CameraEvent]] = queue.Queue()
        self.states: queue.Queue[tuple[str, dict]] = queue.Queue()

    def on_event(self, event: CameraEvent) -> None:
        self.events.put((time.monotonic(), event))

    def on_state(self, camera: str, state: dict) -> None:
        self.states.put((camera, state))

    def state(self, wanted: str) -> dict:
        deadline_s = time.monotonic() + WAIT_S
        while True:
            _, state = self.states.get(timeout=max(0.01, deadline_s - time.monotonic()))
            if state["state"] == wanted:
                return state

    def event(self, kind: AlarmKind, active: bool = True, gaps: bool = False) -> tuple[float, CameraEvent]:
        """The next event of this kind and state; any other event on the way is a false alarm, but for a video
        loss and its end when ``gaps`` (the simulator switching feeders on a loaded machine: the picture stops)."""
        deadline_s = time.monotonic() + WAIT_S
        while True:
            heard_s, event = self.events.get(timeout=max(0.01, deadline_s - time.monotonic()))
            if gaps and event.kind is AlarmKind.VIDEO_LOSS and kind is not AlarmKind.VIDEO_LOSS:
                continue
            assert (event.kind, event.active) == (kind, active), event
            return heard_s, event


def test_a_covered_lens_raises_tamper_within_five_seconds_and_a_stopped_feed_video_loss(drawn_camera):
    url, feed = drawn_camera
    heard = Heard()
    camera = WatchedCamera("drawn", url, zones=(ZONE,), tamper=True, frozen=True, fps=2.0)
    pool = DetectorPool([camera], heard.on_event, heard.on_state, processes=1)
    pool.start()
    try:
        watching = heard.state("watching")
        assert watching["decoding"] == "key frames"  # a key frame a second: only they are decoded
        [pid] = pool.pids()
        assert pid != os.getpid() and psutil.Process(pid).nice() == DETECTOR_NICENESS  # a process of its own
        # The reference is learnt from five normal looks (two rate reports, 5 s apart); then the lens is covered.
        assert heard.state("watching")["fps"] > 0.5
        assert heard.state("watching")["fps"] > 0.5
        assert heard.events.empty()  # nothing to say of a normal street
        covered_s = time.monotonic()
        feed.scene = "covered"
        heard_s, tamper = heard.event(AlarmKind.TAMPER)
        print(f"covered lens to tamper: {heard_s - covered_s:.2f} s")
        assert heard_s - covered_s < 5.0
        assert tamper.camera == "drawn" and tamper.source is EventSource.DETECTOR
        assert tamper.detail["cause"] == "covered"
        assert tamper.still_jpeg is not None and tamper.still_jpeg[:2] == b"\xff\xd8"  # a JPEG of the covered frame
        feed.scene = "street"
        _, ended = heard.event(AlarmKind.TAMPER, active=False)
        assert ended.detail["cause"] == "covered"
        # The feed stops: no picture for 5 s is a video loss (the watchdog's).
        # (Measured from the last picture decoded: on a loaded machine pictures already sent still arrive a while.)
        feed.stop()
        _, loss = heard.event(AlarmKind.VIDEO_LOSS)
        assert loss.source is EventSource.WATCHDOG and loss.still_jpeg is None
        assert 5.0 <= loss.detail["after_s"] < 7.0
    finally:
        assert pool.stop()
    assert pool.pids() == []


# -- against the living simulator: ``sim event`` makes the camera do it ------------------------------------------
@pytest.fixture(scope="module")
def living(tmp_path_factory):
    folder = tmp_path_factory.mktemp("detector_config")
    data = tmp_path_factory.mktemp("detector_data")
    port = free_port()
    (folder / "cameras.yaml").write_text(
        "version: 1\nareas:\n  - {id: park, name: Park}\ncameras:\n  - id: street-1\n    name: Straat 1\n"
        "    kind: fixed\n    area: park\n    location: {street: Parkstraat, lat: 50.8, lon: 3.2}\n"
        f"    streams: {{main: 'rtsp://127.0.0.1:{port}/street-1', sub: 'rtsp://127.0.0.1:{port}/street-1-sub'}}\n",
        encoding="utf-8",
    )
    (folder / "alarms.yaml").write_text(  # the zone where the simulator's crossing walks
        "version: 1\nzones:\n  - {camera: street-1, name: speeltuin, polygon: [[0.6, 0.62], [0.95, 0.62], "
        "[0.95, 0.95], [0.6, 0.95]], min_area_pct: 0.5}\n",
        encoding="utf-8",
    )
    config = load_camera_config(folder, {})
    clips = tmp_path_factory.getbasetemp() / "clips"
    network = build_network(config, clips, clip_seconds=4, control_dir=data)
    # The event clips made now: made on demand, one took over the 10 s 'sim event' waits for its answer.
    specs = [mount.clip for mount in network.cameras["street-1"].mounts if mount.clip is not None]
    ensure_clips([variant_of(spec, variant) for spec in specs for variant in ("cover", "move", "motion")], clips, 2)
    network.start()
    try:
        yield folder, data, config
    finally:
        network.stop()


@pytest.mark.timeout(600)  # its six event clips are made first: minutes on a loaded machine, once per session
def test_every_picture_event_of_the_simulator_raises_its_detector_event(living):
    folder, data, config = living
    heard = Heard()
    [camera] = watched_cameras(load_alarm_rules(config), lambda camera_id: config.camera(camera_id).stream_url("sub"))
    assert camera.camera_id == "street-1" and [zone.name for zone in camera.zones] == ["speeltuin"]

    def sim_event(kind: str) -> float:
        assert main(["sim", "event", "street-1", kind, "--config", str(folder), "--data", str(data)]) == 0
        return time.monotonic()  # the feeder plays the new picture from here

    pool = DetectorPool([camera], heard.on_event, heard.on_state, processes=1)
    pool.start()
    try:
        heard.state("watching")
        assert heard.state("watching")["fps"] > 0.5 and heard.state("watching")["fps"] > 0.5  # 10 s of looks
        assert heard.events.empty()
        sim_event("motion")  # first: after a tamper the motion model learns the picture afresh
        _, motion = heard.event(AlarmKind.MOTION, gaps=True)
        assert motion.detail["zone"] == "speeltuin" and motion.still_jpeg is not None
        assert not heard.event(AlarmKind.MOTION, active=False, gaps=True)[1].active
        covered_s = sim_event("tamper-cover")
        heard_s, tamper = heard.event(AlarmKind.TAMPER, gaps=True)
        print(f"sim tamper-cover to tamper: {heard_s - covered_s:.2f} s")
        # The bound of 5 s is the drawn feed's test: here the simulator restarts its feeder (seconds, when loaded).
        assert tamper.detail["cause"] == "covered"
        sim_event("tamper-end")
        assert heard.event(AlarmKind.TAMPER, active=False, gaps=True)[1].detail["cause"] == "covered"
        sim_event("tamper-move")
        assert heard.event(AlarmKind.TAMPER, gaps=True)[1].detail["cause"] == "moved"
        sim_event("tamper-end")
        assert heard.event(AlarmKind.TAMPER, active=False, gaps=True)[1].detail["cause"] == "moved"
        sim_event("video-loss")
        assert heard.event(AlarmKind.VIDEO_LOSS)[1].source is EventSource.WATCHDOG
        sim_event("video-back")
        assert heard.event(AlarmKind.VIDEO_LOSS, active=False)[1].still_jpeg is not None
    finally:
        assert pool.stop()
