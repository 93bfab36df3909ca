"""The living simulator: ``sim event CAMERA KIND`` changes what the simulated camera really sends.

Each test decodes the camera's stream with PyAV (not the console's readers) and looks at the pictures.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from console.cli import main
from console.config.loader import load_camera_config
from console.sim.clips import ClipSpec, ensure_clips
from console.sim.control import CONTROL_FILE
from console.sim.from_config import build_network
from console.sim.network import SimNetwork, free_port

LOADED_S = 30.0  # the bound of a failure on a loaded machine, not a figure
ZONE = [[0.55, 0.82], [0.95, 0.82], [0.95, 0.98], [0.55, 0.98]]  # the scene's quiet foreground, as in the demo
MIN_AREA_PCT = 0.5  # the zone's min_area_pct: of the whole picture, as the detectors count it
ANALYSIS_WIDTH_PX = 320  # the detectors look at pictures this wide
PTZ_PASSWORD = "Mobbox-Test-7"


@dataclass
class Watcher:
    """Decodes a stream on a thread of its own and keeps the newest grey picture and when it came."""

    url: str
    frame: np.ndarray | None = None
    arrived: float = 0.0
    count: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> Watcher:
        threading.Thread(target=self._run, name=f"watch-{self.url}", daemon=True).start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():  # reconnects, as a viewer would, when the stream stops too long
            try:
                with av.open(self.url, options={"rtsp_transport": "tcp"}, timeout=4) as container:
                    for picture in container.decode(video=0):
                        self.frame = picture.to_ndarray(format="gray")
                        self.arrived, self.count = time.monotonic(), self.count + 1
                        if self._stop.is_set():
                            return
            except (av.FFmpegError, OSError):
                self._stop.wait(0.2)

    def stop(self) -> None:
        self._stop.set()

    def newer(self, count: int) -> np.ndarray:
        """A picture that came after the ``count``-th."""
        wait_until(lambda: self.count > count and self.frame is not None)
        assert self.frame is not None
        return self.frame


def wait_until(condition, timeout_s: float = LOADED_S, said=lambda: "") -> None:
    """Polls a condition of another process's stream (no Qt here: qtbot.waitUntil's shape, on plain threads)."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, f"timed out {said()}"
        pause.wait(0.05)


@dataclass
class LivingCity:
    folder: Path
    data: Path
    network: SimNetwork
    port: int


def write_config(folder: Path, port: int, onvif_port: int) -> None:
    (folder / "cameras.yaml").write_text(
        f"""version: 1
areas:
  - {{id: park, name: Park}}
cameras:
  - id: street-1
    name: Straat 1
    kind: fixed
    area: park
    location: {{street: Parkstraat, lat: 50.8, lon: 3.2}}
    streams: {{main: 'rtsp://127.0.0.1:{port}/street-1', sub: 'rtsp://127.0.0.1:{port}/street-1-sub'}}
  - id: street-2
    name: Straat 2
    kind: fixed
    area: park
    location: {{street: Parkstraat, lat: 50.801, lon: 3.2}}
    streams: {{main: 'rtsp://127.0.0.1:{port}/street-2'}}
  - id: far-away
    name: Elders
    kind: fixed
    area: park
    location: {{street: Verre Dreef, lat: 50.9, lon: 3.2}}
    streams: {{main: 'rtsp://10.255.255.1:554/stream'}}
mobboxes:
  - id: box-1
    name: Mobbox 1
    deployment: {{site: Speelplein, area: park, since: 2026-10-01, purpose: test, authorisation: PZ-TEST}}
    cameras:
      - id: box-1-ptz
        name: Mobbox 1 mast A
        kind: ptz
        area: park
        location: {{street: Speelplein, lat: 50.81, lon: 3.2, heading_deg: 180, height_m: 6, tilt_range_deg: 20}}
        onvif: {{host: 127.0.0.1, port: {onvif_port}, username: uitkijk, password: '{PTZ_PASSWORD}'}}
""",
        encoding="utf-8",
    )
    zone = f"{{camera: street-1, name: speeltuin, polygon: {ZONE}, min_area_pct: {MIN_AREA_PCT}}}"
    (folder / "alarms.yaml").write_text(f"version: 1\nzones:\n  - {zone}\n", encoding="utf-8")
    (folder / "simulation.yaml").write_text("version: 1\nscene: night\n", encoding="utf-8")  # whatever the clock


@pytest.fixture(scope="module")
def living(tmp_path_factory) -> LivingCity:
    folder = tmp_path_factory.mktemp("living_config")
    data = tmp_path_factory.mktemp("living_data")
    port = free_port()
    write_config(folder, port, free_port())
    config = load_camera_config(folder, {})
    network = build_network(config, tmp_path_factory.getbasetemp() / "clips", clip_seconds=4, control_dir=data)
    network.start()
    try:
        yield LivingCity(folder, data, network, port)
    finally:
        network.stop()


def sim_event(living: LivingCity, camera: str, kind: str, data: Path | None = None) -> int:
    return main(["sim", "event", camera, kind, "--config", str(living.folder), "--data", str(data or living.data)])


@pytest.fixture
def watch(living):
    watchers: list[Watcher] = []

    def start(path: str) -> Watcher:
        watcher = Watcher(f"rtsp://127.0.0.1:{living.port}/{path}").start()
        watchers.append(watcher)
        watcher.newer(0)
        return watcher

    yield start
    for watcher in watchers:
        watcher.stop()


def test_a_covered_lens_goes_dark_until_the_cover_is_taken_away(living, watch):
    street = watch("street-1-sub")
    before = float(street.newer(street.count).mean())
    assert before > 40
    assert sim_event(living, "street-1", "tamper-cover") == 0
    try:
        wait_until(lambda: float(street.frame.mean()) < before * 0.4)
        assert float(np.std(street.frame)) < 8  # flat: nothing to see through a hand
    finally:
        assert sim_event(living, "street-1", "tamper-end") == 0
    wait_until(lambda: float(street.frame.mean()) > before * 0.8)


def test_a_lost_video_sends_nothing_until_it_comes_back(living, watch):
    street = watch("street-1-sub")
    assert sim_event(living, "street-1", "video-loss") == 0
    try:
        wait_until(lambda: time.monotonic() - street.arrived > 2.0)  # no picture for 2 s: the stream stopped
        assert not living.network.is_feeding("street-1")
    finally:
        assert sim_event(living, "street-1", "video-back") == 0
    count = street.count
    street.newer(count + 25)  # a second of pictures again
    assert living.network.is_feeding("street-1")


def test_a_mobbox_camera_is_covered_and_lost_like_a_fixed_one(living, watch):
    mast = watch("box-1-ptz-sub")
    before = float(mast.newer(mast.count).mean())
    assert sim_event(living, "box-1-ptz", "tamper-cover") == 0
    try:
        wait_until(lambda: float(mast.frame.mean()) < before * 0.4)
    finally:
        assert sim_event(living, "box-1-ptz", "tamper-end") == 0
    wait_until(lambda: float(mast.frame.mean()) > before * 0.8)
    assert sim_event(living, "box-1-ptz", "video-loss") == 0
    try:
        wait_until(lambda: time.monotonic() - mast.arrived > 2.0)
    finally:
        assert sim_event(living, "box-1-ptz", "video-back") == 0
    mast.newer(mast.count + 15)
    assert sim_event(living, "box-1-ptz", "door-open") == 0  # a Mobbox's own event is taken
    assert sim_event(living, "box-1-ptz", "door-close") == 0


@pytest.mark.parametrize(
    ("camera", "kind", "data", "said"),
    [
        ("street-1", "video-loss", "elsewhere", "no simulator runs on"),
        ("street-9", "video-loss", None, "no camera 'street-9'"),
        ("far-away", "video-loss", None, "camera 'far-away' is not simulated"),
        ("street-1", "door-open", None, "door-open is a Mobbox's event; camera 'street-1' is not on a Mobbox"),
        ("street-1", "explode", None, "unknown event 'explode'"),
    ],
)
def test_sim_event_refuses_in_one_clear_line(living, capsys, tmp_path, camera, kind, data, said):
    code = sim_event(living, camera, kind, tmp_path / data if data else None)
    err = capsys.readouterr().err
    assert code == 1
    assert said in err and err.count("\n") == 1 and "Traceback" not in err
    if data:
        assert not (tmp_path / data / CONTROL_FILE).exists()


def analysis(picture: np.ndarray) -> np.ndarray:
    """The picture as the detectors look at it: 320 px wide, area-averaged, a 3x3 blur."""
    height, width = picture.shape
    small = cv2.resize(picture, (ANALYSIS_WIDTH_PX, height * ANALYSIS_WIDTH_PX // width), interpolation=cv2.INTER_AREA)
    return cv2.GaussianBlur(small, (3, 3), 0)


def zone_mask(shape: tuple[int, int]) -> np.ndarray:
    height, width = shape
    mask = np.zeros(shape, np.uint8)
    cv2.fillPoly(mask, [np.array([[round(x * (width - 1)), round(y * (height - 1))] for x, y in ZONE], np.int32)], 255)
    return mask


def changed_in_zone_pct(before: np.ndarray, after: np.ndarray) -> float:
    """What changed inside the zone (over 25 grey levels, single pixels opened away), in % of the whole picture."""
    first, second = analysis(before), analysis(after)
    changed = (cv2.absdiff(first, second) > 25).astype(np.uint8) * 255
    changed = cv2.morphologyEx(changed, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    inside = cv2.bitwise_and(changed, zone_mask(changed.shape))
    return 100.0 * float(np.count_nonzero(inside)) / inside.size


def test_motion_is_someone_crossing_the_first_zone_then_the_street_goes_on(living, watch):
    street = watch("street-1-sub")
    reference = street.newer(street.count).copy()
    assert changed_in_zone_pct(reference, street.newer(street.count + 12)) < MIN_AREA_PCT  # quiet before
    seen: list[float] = []

    def crossed() -> bool:
        seen.append(changed_in_zone_pct(reference, street.frame))
        return seen[-1] >= MIN_AREA_PCT

    assert sim_event(living, "street-1", "motion") == 0
    wait_until(crossed, said=lambda: f"largest change in the zone {max(seen):.2f} % of the picture")
    wait_until(lambda: living.network.picture("street-1") == "normal")  # about 5 s, then as before
    wait_until(lambda: changed_in_zone_pct(reference, street.frame) < MIN_AREA_PCT / 5)  # gone: the zone is still


def test_a_turned_camera_shows_its_street_shifted_until_it_is_set_back(living, watch):
    street = watch("street-1-sub")
    reference = analysis(street.newer(street.count)).astype(np.float32)
    window = cv2.createHanningWindow((reference.shape[1], reference.shape[0]), cv2.CV_32F)

    def shift_px() -> float:
        """How far the picture slid from the reference (phase correlation, as the tamper detector finds it)."""
        (dx, dy), response = cv2.phaseCorrelate(reference * window, analysis(street.frame).astype(np.float32) * window)
        return float(np.hypot(dx, dy)) if response > 0.2 else float("inf")

    assert shift_px() < 2
    assert sim_event(living, "street-1", "tamper-move") == 0
    try:
        wait_until(lambda: 0.1 * ANALYSIS_WIDTH_PX < shift_px() < float("inf"))  # over 10 % (the detector: 4 %)
    finally:
        assert sim_event(living, "street-1", "tamper-end") == 0
    wait_until(lambda: shift_px() < 2)


def test_the_night_street_is_still_in_the_zone_for_a_minute(living, watch):
    """Traffic and the sensor's noise go on; nothing in the zone changes as much as the detector's minimum area."""
    street = watch("street-1-sub")
    previous = street.newer(street.count).copy()
    worst_pct, looks, moving_pct = 0.0, 0, 0.0
    started = time.monotonic()
    while time.monotonic() - started < 60:
        current = street.newer(street.count + 12).copy()  # about two looks a second, as the detectors look
        worst_pct = max(worst_pct, changed_in_zone_pct(previous, current))
        changed = cv2.absdiff(analysis(previous), analysis(current)) > 25
        moving_pct = max(moving_pct, 100.0 * float(changed.mean()))
        previous, looks = current, looks + 1
    assert looks > 60
    assert worst_pct < MIN_AREA_PCT / 5
    assert moving_pct > MIN_AREA_PCT  # the street itself is alive: traffic passes outside the zone


def test_the_night_is_darker_and_grainier_than_the_day(tmp_path):
    signature = (40, 120, 60)

    def pictures(scene: str) -> np.ndarray:
        spec = ClipSpec("street-1", "Straat 1", "Park", "main", "h264", signature, 2, scene=scene, area="park")
        path = ensure_clips([spec], tmp_path)[spec]
        with av.open(str(path)) as container:
            colour = [picture.to_ndarray(format="rgb24") for picture in container.decode(video=0)]
        for picture in colour[::10]:  # the camera's signature colour where the tests that tell cameras apart look
            height, width = picture.shape[:2]
            for y in (0.45, 0.5):
                assert np.all(np.abs(picture[int(height * y), width // 20].astype(int) - signature) <= 18), (scene, y)
        return np.stack([cv2.cvtColor(picture, cv2.COLOR_RGB2GRAY) for picture in colour])

    day, night = pictures("day"), pictures("night")
    assert float(night.mean()) < 0.6 * float(day.mean())
    height, width = day.shape[1:]
    wall = (slice(None), slice(int(height * 0.3), int(height * 0.45)), slice(int(width * 0.02), int(width * 0.08)))
    grain = float(night[wall].astype(np.float32).std(axis=0).mean())  # a still wall, pixel by pixel in time
    assert grain > float(day[wall].astype(np.float32).std(axis=0).mean()) + 0.5
