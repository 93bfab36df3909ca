"""The recorder against the real simulated network: segments that play, at the time they were live, and its faults.

The simulated cameras loop a clip with its own clock burned into the picture; the recorder
remuxes the packets, so a recorded frame decodes to exactly the picture of one frame of the
clip. Which frame (the burned-in clock) is found by the picture itself; when it was live is
what a viewer watching the same stream saw, independently of the recorder.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

import av
import pytest

from console.audit.log import KEY_FILE, AuditLog
from console.config.loader import load_camera_config
from console.recorder.camera import RECORDER_DOWN, RecorderTiming
from console.recorder.segments import epoch_of, file_hash
from console.recorder.service import DiskSpace, RecorderService
from console.sim.from_config import build_network
from console.sim.network import free_port
from console.store import archive, open_store
from console.video.pyav_reader import low_latency_options

CLIP_SECONDS = 4
FRAME_S = 0.04  # 25 fps
WAIT_S = 60.0  # the bound of a failure on a loaded machine, not a figure
CAMERAS = {"rec-main": "main", "rec-sub": "sub"}  # camera -> the stream it records


def write_config(folder: Path, port: int, retention_days: int = 30) -> None:
    lines = ["version: 1", "areas:", "  - {id: station, name: Station}", "cameras:"]
    for index, (camera, stream) in enumerate(CAMERAS.items()):
        lines += [
            f"  - id: {camera}",
            f"    name: Recorded {camera}",
            "    kind: fixed",
            "    area: station",
            f"    location: {{street: Opnamestraat, lat: {50.8 + index * 0.001:.3f}, lon: 3.2}}",
            "    streams:",
            f"      main: rtsp://127.0.0.1:{port}/{camera}",
            f"      sub: rtsp://127.0.0.1:{port}/{camera}-sub",
            f"    recording: {{stream: {stream}, retention_days: {retention_days}}}",
        ]
    (folder / "cameras.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def recorded_city(tmp_path_factory):
    """Two recorded cameras of their own (the tests stop their feeds), with short clips."""
    folder = tmp_path_factory.mktemp("recorded_config")
    write_config(folder, free_port())
    config = load_camera_config(folder, {})
    network = build_network(config, tmp_path_factory.getbasetemp() / "clips", clip_seconds=CLIP_SECONDS)
    network.start()
    try:
        yield folder, config, network
    finally:
        network.stop()


def until(predicate: Callable[[], object], timeout_s: float = WAIT_S, what: str = "") -> None:
    """Poll a condition (as qtbot.waitUntil does) until it holds; fail with ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout_s:.0f} s: {what}")
        pause.wait(0.05)


def sources(config):
    from console.cli_record import recording_sources

    found, problems = recording_sources(config)
    assert problems == []
    return found


class Recorder:
    """An in-process recorder on a store of its own, with its audit log; free space from ``self.free_bytes``."""

    def __init__(self, tmp_path: Path, config, store_url: str | None = None, **timing: float) -> None:
        self.data = tmp_path / "data"
        self.data.mkdir(exist_ok=True)
        self.database = open_store(self.data, store_url)
        self.log = AuditLog(self.database, self.data / KEY_FILE)
        self.free_bytes = 10 << 30
        self.root = tmp_path / "recordings"

        def audit(camera: str, detail: dict) -> None:
            self.log.append("rec-test", "recorder", "test-host", "recorder pull", camera, detail)

        self.service = RecorderService(self.database, "rec-test", self.root, sources(config), audit,
                                       min_free_bytes=1 << 30, free_space=lambda _root: DiskSpace(self.free_bytes,
                                                                                                  20 << 30),
                                       timing=RecorderTiming(**timing), report_every_s=0.5)  # fmt: skip

    def segments(self, camera: str | None = None) -> list[archive.SegmentRecord]:
        with self.database.read() as transaction:
            return archive.segments(transaction, camera)

    def gaps(self, camera: str | None = None) -> list[archive.GapRecord]:
        with self.database.read() as transaction:
            return archive.gaps(transaction, camera)

    def recorders(self) -> list[archive.RecorderRecord]:
        with self.database.read() as transaction:
            return archive.read_recorders(transaction)

    def stop(self) -> None:
        self.service.close()


@pytest.fixture
def recorders(tmp_path):
    """Makes in-process recorders; stops them and closes their stores at the end."""
    made: list[Recorder] = []

    def make(config, store_url: str | None = None, **timing: float) -> Recorder:
        made.append(Recorder(tmp_path, config, store_url, **timing))
        return made[-1]

    yield make
    for recorder in made:
        recorder.stop()
        recorder.database.close()


class LiveViewer:
    """Watches a stream as a desk would: each decoded picture's hash with the wall-clock time it arrived."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.seen: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with av.open(self.url, options=low_latency_options("tcp", 5.0)) as container:
            stream = container.streams.video[0]
            stream.codec_context.thread_count = 1
            for packet in container.demux(stream):
                for frame in packet.decode():
                    self.seen.append((time.time(), picture_hash(frame)))
                if self._stop.is_set():
                    return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)


def picture_hash(frame: av.VideoFrame) -> str:
    return hashlib.sha1(frame.to_ndarray(format="gray").tobytes()).hexdigest()


def clip_frames(path: Path) -> dict[str, int]:
    """Each picture of a clip (its burned-in clock) by its hash: the frame number it is."""
    with av.open(str(path)) as container:
        return {picture_hash(frame): number for number, frame in enumerate(container.decode(video=0))}


def recorded_frames(segment: archive.SegmentRecord) -> list[tuple[float, str, bool]]:
    """Each decoded picture of a segment with its recording time (start_utc + PTS - the file's first PTS)."""
    start_s = epoch_of(segment.start_utc)
    found = []
    with av.open(segment.path) as container:
        stream = container.streams.video[0]
        first_pts = None
        for packet in container.demux(stream):
            if packet.pts is not None and first_pts is None:
                first_pts = packet.pts
            for frame in packet.decode():
                found.append((start_s + float((frame.pts - first_pts) * stream.time_base), picture_hash(frame),
                              frame.key_frame))  # fmt: skip
    return found


def test_recorded_segments_play_and_each_picture_is_recorded_at_the_time_it_was_live(recorded_city, recorders):
    folder, config, network = recorded_city
    camera = "rec-sub"
    clip = next(path for spec, path in network._clip_paths.items() if spec.camera_id == camera and spec.role == "sub")
    numbers = clip_frames(clip)
    assert len(numbers) == CLIP_SECONDS * 25  # every picture of the loop is its own (the clock)
    viewer = LiveViewer(sources(config)[camera].url)
    recorder = recorders(config, segment_s=2.0)
    recorder.service.start()
    recorder.service.record(camera)
    try:
        until(lambda: sum(s.is_closed for s in recorder.segments(camera)) >= 3, what="three closed segments")
    finally:
        recorder.stop()
        viewer.stop()
    segments = recorder.segments(camera)
    closed = [segment for segment in segments if segment.is_closed]
    assert len(closed) >= 3
    errors_s: list[float] = []
    for segment in closed:
        assert (segment.bytes, segment.sha256) == file_hash(Path(segment.path))
        assert segment.codec == "h264" and segment.path.endswith(".ts")
        frames = recorded_frames(segment)
        assert frames and frames[0][2], "a segment begins on a keyframe"
        for recorded_s, picture, _ in frames:
            assert picture in numbers, "a recorded picture is one of the camera's own (remuxed, not re-encoded)"
            # When that picture was live: the viewer's pictures near then say where the loop stood (their arrival
            # minus their place in the loop; the earliest arrival is the least delayed).
            phases = [arrived_s - numbers[seen] * FRAME_S for arrived_s, seen in viewer.seen
                      if seen in numbers and abs(arrived_s - recorded_s) < 2.0]  # fmt: skip
            assert phases, "the viewer watched then too"
            aligned = [phase - round((phase - phases[0]) / CLIP_SECONDS) * CLIP_SECONDS for phase in phases]
            loop_start_s = min(aligned)
            live_s = loop_start_s + numbers[picture] * FRAME_S
            live_s += round((recorded_s - live_s) / CLIP_SECONDS) * CLIP_SECONDS  # the loop it was shown in
            errors_s.append(recorded_s - live_s)
    assert len(errors_s) > 100
    assert max(abs(error) for error in errors_s) <= 2 * FRAME_S, sorted(errors_s)[:: max(1, len(errors_s) // 10)]
    for before, after in zip(closed, closed[1:], strict=False):  # one connection: segments meet
        assert abs(epoch_of(after.start_utc) - epoch_of(before.end_utc)) <= 0.05
    entries = list(recorder.log.entries(action="recorder pull"))
    assert [(e.camera, e.user, e.role) for e in entries] == [(camera, "rec-test", "recorder")] * 2
    assert [e.detail for e in entries][0] == '{"pull": "start", "recorder": "rec-test", "stream": "sub"}'
    assert [gap.cause for gap in recorder.gaps(camera)] == [RECORDER_DOWN]  # from the clean stop on
