"""The recorder against the real simulated network: segments that play, at the time they were live, and its faults.

The simulated cameras loop a clip with its own clock burned into the picture; the recorder
remuxes the packets, so a recorded frame decodes to exactly the picture of one frame of the
clip. Which frame (the burned-in clock) is found by the picture itself; when it was live is
what a viewer watching the same stream saw, independently of the recorder.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import av
import pytest

from console.audit.log import KEY_FILE, AuditLog
from console.config.loader import load_camera_config
from console.paths import REPO_ROOT
from console.recorder.camera import CAMERA_DOWN, DISK_FULL, RECORDER_DOWN, SEGMENT_MISSING, RecorderTiming
from console.recorder.segments import epoch_of, file_hash, utc_of
from console.recorder.service import DiskSpace, RecorderService, recover_open_segments
from console.sim.from_config import build_network
from console.sim.network import free_port
from console.store import archive, open_store
from console.video.pyav_reader import low_latency_options
from tests.integration.archive_files import write_recorded_cameras

CLIP_SECONDS = 4
FRAME_S = 0.04  # 25 fps
WAIT_S = 60.0  # the bound of a failure on a loaded machine, not a figure
CAMERAS = {"rec-main": "main", "rec-sub": "sub"}  # camera -> the stream it records


def write_config(folder: Path, port: int, retention_days: int = 30) -> None:
    write_recorded_cameras(folder, port, CAMERAS, lambda camera: f"Recorded {camera}", "Opnamestraat", retention_days)


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
                arrived_s = time.time()  # before decoding: when the picture came, not when it was ready
                for frame in packet.decode():
                    self.seen.append((arrived_s, picture_hash(frame)))
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
            # When that picture was live: when the viewer got the same picture (the same clock), in the same loop.
            arrivals = [arrived_s for arrived_s, seen in viewer.seen if seen == picture]
            assert arrivals, "the viewer watched then too"
            live_s = min(arrivals, key=lambda arrived_s: abs(arrived_s - recorded_s))
            errors_s.append((recorded_s, recorded_s - live_s))
    assert len(errors_s) > 100
    # The viewer's arrivals are late by its own delays now and then (a busy machine wakes a thread late: 280 ms
    # under a load of 24 on 2 cores), never early: each picture is held against the least delayed of the viewer's
    # arrivals within a second of it (the recording's own PTS spacing carries the others), and no recording time
    # is later than the viewer got the picture.
    shown = sorted(round(error * 1000) for _, error in errors_s)[:: max(1, len(errors_s) // 12)]  # ms, if it fails
    assert max(error for _, error in errors_s) <= FRAME_S, shown
    for recorded_s, _ in errors_s:
        nearest_s = max(error for other_s, error in errors_s if abs(other_s - recorded_s) <= 1.0)
        assert -2 * FRAME_S <= nearest_s <= FRAME_S, (recorded_s, nearest_s, shown)
    for before, after in zip(closed, closed[1:], strict=False):  # one connection: segments meet
        assert abs(epoch_of(after.start_utc) - epoch_of(before.end_utc)) <= 0.05
    entries = list(recorder.log.entries(action="recorder pull"))
    assert [(e.camera, e.user, e.role) for e in entries] == [(camera, "rec-test", "recorder")] * 2
    assert [e.detail for e in entries][0] == '{"pull": "start", "recorder": "rec-test", "stream": "sub"}'
    assert [gap.cause for gap in recorder.gaps(camera)] == [RECORDER_DOWN]  # from the clean stop on


def started(process: subprocess.Popen) -> str:
    """The recorder's first line (it says it records), read without blocking the test for ever."""
    assert process.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(WAIT_S)
    if not (lines and lines[0].startswith("Recorder ")):
        process.kill()
        pytest.fail(f"the recorder did not start: {lines} {process.communicate()[1]}")
    return lines[0]


def record_command(folder: Path, data: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", "record", "--config", str(folder), "--data", str(data)],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def test_a_killed_recorder_loses_at_most_2_s_and_its_next_run_closes_its_segment_and_marks_the_gap(recorded_city,
                                                                                                 tmp_path):  # fmt: skip
    from console.cli_record import default_name

    folder, _, _ = recorded_city
    data = tmp_path / "data"
    first = record_command(folder, data)
    try:
        started(first)
        database = open_store(data)

        def segments() -> list[archive.SegmentRecord]:
            with database.read() as transaction:
                return archive.segments(transaction)

        def grown(segment: archive.SegmentRecord) -> float:
            return epoch_of(segment.end_utc) - epoch_of(segment.start_utc)

        until(lambda: {s.camera for s in segments() if grown(s) >= 3.0} == set(CAMERAS), what="3 s recorded")
        killed_s = time.time()
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    cut = segments()
    assert [segment.sha256 for segment in cut] == [None, None]  # killed: left open
    second = record_command(folder, data)
    try:
        started(second)
        until(lambda: {s.camera for s in segments() if s.id not in {c.id for c in cut}} == set(CAMERAS),
              what="both cameras recorded again")  # fmt: skip
        second.send_signal(signal.SIGTERM)
        assert second.wait(30) == 0
    finally:
        if second.poll() is None:
            second.kill()
        stderr = second.stderr.read() if second.stderr else ""
    after = segments()
    with database.read() as transaction:
        gaps = archive.gaps(transaction)
        assert archive.open_segments(transaction, default_name()) == []
    database.close()
    assert "Traceback" not in stderr
    for camera in CAMERAS:
        killed, *recorded_again = [segment for segment in after if segment.camera == camera]
        assert killed.id in {segment.id for segment in cut}
        assert (killed.bytes, killed.sha256) == file_hash(Path(killed.path))
        lost_s = killed_s - epoch_of(killed.end_utc)
        assert 0 <= lost_s <= 2.0, f"{camera} lost {lost_s:.2f} s"
        again = recorded_again[0]
        down = [(gap.start_utc, gap.end_utc) for gap in gaps if gap.camera == camera and gap.cause == RECORDER_DOWN]
        assert down == [(killed.end_utc, again.start_utc), (recorded_again[-1].end_utc, None)]


def test_a_camera_that_drops_gets_a_camera_down_gap_ended_when_its_packets_flow_again(recorded_city, recorders):
    folder, config, network = recorded_city
    camera = "rec-main"
    recorder = recorders(config, answer_timeout_s=2.0, backoff_s=(0.5,))
    recorder.service.start()
    recorder.service.record(camera)
    until(lambda: any(epoch_of(s.end_utc) - epoch_of(s.start_utc) >= 1 for s in recorder.segments(camera)),
          what="recording")  # fmt: skip
    network.stop_feed(camera)
    try:
        until(lambda: [g.cause for g in recorder.gaps(camera)] == [CAMERA_DOWN], what="the camera down gap")
        before = recorder.segments(camera)
        assert all(segment.is_closed for segment in before)  # what it had is finished and hashed
    finally:
        network.start_feed(camera)
    until(lambda: len(recorder.segments(camera)) > len(before), what="recording again")
    until(lambda: recorder.gaps(camera)[0].end_utc is not None, what="the gap ended")
    gap = recorder.gaps(camera)[0]
    assert (gap.start_utc, gap.end_utc) == (before[-1].end_utc, recorder.segments(camera)[len(before)].start_utc)
    assert recorder.service.states()[camera].pulls >= 2


def test_a_full_disk_stops_writing_keeps_what_is_written_and_goes_on_when_there_is_room(recorded_city, recorders):
    _, config, _ = recorded_city
    recorder = recorders(config)
    recorder.service.start()
    for camera in CAMERAS:
        recorder.service.record(camera)
    until(lambda: {s.camera for s in recorder.segments() if s.bytes > 0} == set(CAMERAS), what="recording")
    recorder.free_bytes = 100 << 20  # under the margin of 1 GB
    until(lambda: [r.problem for r in recorder.recorders()] == [DISK_FULL], what="the recorder says: disk full")
    until(lambda: sorted((g.camera, g.cause, g.end_utc) for g in recorder.gaps())
          == [(camera, DISK_FULL, None) for camera in sorted(CAMERAS)], what="a disk-full gap per camera")  # fmt: skip
    kept = recorder.segments()
    assert all(segment.is_closed and Path(segment.path).exists() for segment in kept)
    assert {(s.bytes, s.sha256) for s in kept} == {file_hash(Path(s.path)) for s in kept}
    recorder.free_bytes = 10 << 30
    until(lambda: all(gap.end_utc is not None for gap in recorder.gaps()), what="recording again")
    until(lambda: [r.problem for r in recorder.recorders()] == [None], what="the problem gone")
    assert {s.id for s in kept} < {s.id for s in recorder.segments()}  # nothing deleted to make room
    for gap in recorder.gaps():
        first_after = min(s.start_utc for s in recorder.segments(gap.camera) if s.start_utc >= gap.start_utc)
        assert gap.end_utc == first_after


def test_a_missing_truncated_or_unreadable_segment_left_open_is_a_finding_not_a_crash(recorded_city, tmp_path,
                                                                                     store_url):  # fmt: skip
    _, config, network = recorded_city
    clip = next(path for spec, path in network._clip_paths.items() if spec.role == "main")
    whole = tmp_path / "whole.ts"
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", str(clip), "-c", "copy", "-f", "mpegts",
                    str(whole)], check=True)  # fmt: skip
    data = whole.read_bytes()
    truncated, missing, unreadable = tmp_path / "truncated.ts", tmp_path / "missing.ts", tmp_path / "unreadable.ts"
    truncated.write_bytes(data[: len(data) // 2 - 100])  # cut inside a packet, as a killed writer leaves it
    unreadable.write_bytes(os.urandom(50_000))
    database = open_store(tmp_path, store_url)
    start = "2026-12-05T10:00:00.000000Z"
    said_end = "2026-12-05T10:00:04.000000Z"  # what the index had said before the crash
    with database.write() as transaction:
        for camera, path in (("rec-main", truncated), ("rec-gone", missing), ("rec-sub", unreadable)):
            row = archive.open_segment(transaction, camera, start, str(path), "h264", "rec-test")
            archive.grow_segment(transaction, row, said_end, 1)
    try:
        found = recover_open_segments(database, "rec-test")
        with database.read() as transaction:
            segments = {segment.camera: segment for segment in archive.segments(transaction)}
            gaps = [(gap.camera, gap.start_utc, gap.end_utc, gap.cause) for gap in archive.gaps(transaction)]
            assert archive.open_segments(transaction, "rec-test") == []
    finally:
        database.close()
    assert {(item.camera, item.finding) for item in found} == {("rec-main", None), ("rec-gone", SEGMENT_MISSING),
                                                               ("rec-sub", SEGMENT_MISSING)}  # fmt: skip
    cut = segments["rec-main"]
    assert (cut.bytes, cut.sha256) == file_hash(truncated)
    # Up to its last whole packet: the one whose bytes all precede the cut (the whole file says where each begins).
    with av.open(str(whole)) as container:
        stream = container.streams.video[0]
        placed = [(packet.pos, packet.pts) for packet in container.demux(stream) if packet.size]
    torn = next(index for index, (_, _) in enumerate(placed) if placed[index + 1][0] > len(data) // 2 - 100)
    expected_s = float((placed[torn][1] - placed[0][1]) * stream.time_base)
    whole_s = epoch_of(cut.end_utc) - epoch_of(start)
    assert 1.0 < expected_s < 3.0
    assert expected_s - FRAME_S - 1e-6 <= whole_s <= expected_s + 1e-6, (whole_s, expected_s)
    assert "rec-gone" not in segments  # taken out of the index: its file is gone
    assert segments["rec-sub"].end_utc == start and segments["rec-sub"].sha256 == file_hash(unreadable)[1]
    assert sorted(gaps) == [("rec-gone", start, said_end, SEGMENT_MISSING), ("rec-sub", start, said_end,
                                                                             SEGMENT_MISSING)]  # fmt: skip


def test_a_restarted_recorder_marks_its_absence_from_the_end_of_what_its_killed_run_wrote(recorded_city, tmp_path,
                                                                                         store_url):  # fmt: skip
    _, config, network = recorded_city
    clip = next(path for spec, path in network._clip_paths.items() if spec.role == "sub")
    segment = tmp_path / "cut.ts"
    segment.write_bytes(clip.read_bytes())
    recorder = Recorder(tmp_path, config, store_url)
    start = "2026-12-05T10:00:00.000000Z"
    with recorder.database.write() as transaction:
        archive.open_segment(transaction, "rec-sub", start, str(segment), "h264", "rec-test")
        archive.open_segment(transaction, "rec-old", start, str(segment.with_name("other.ts")), "h264", "rec-test")
    try:
        recorder.service.start()  # records nothing yet: the gaps wait for the cameras' first segments
        gaps = recorder.gaps()
        rows = recorder.recorders()
    finally:
        recorder.stop()
        recorder.database.close()
    # The clip's last packet starts 4 s - 1 frame after its first: the end of the last packet known whole.
    end = utc_of(epoch_of(start) + CLIP_SECONDS - FRAME_S)
    assert [(g.start_utc, g.end_utc, g.cause) for g in gaps if g.camera == "rec-sub"] == [(end, None, RECORDER_DOWN)]
    # A camera it no longer records: its absence ends now (another recorder's, or none); its missing file a gap.
    assert [(g.start_utc, g.cause) for g in gaps if g.camera == "rec-old"] == [(start, SEGMENT_MISSING),
                                                                             (start, RECORDER_DOWN)]  # fmt: skip
    assert all(g.end_utc is not None for g in gaps if g.camera == "rec-old")
    assert [(r.name, r.problem, r.disk_free_bytes) for r in rows] == [("rec-test", None, 10 << 30)]


def test_check_config_refuses_a_retention_past_the_law_naming_file_and_line(tmp_path):
    write_config(tmp_path, 8554, retention_days=400)
    result = subprocess.run([sys.executable, "main.py", "check-config", str(tmp_path)], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    line = next(number for number, text in enumerate((tmp_path / "cameras.yaml").read_text().splitlines(), 1)
                if "retention_days: 400" in text)  # fmt: skip
    assert result.returncode == 1
    assert f"{tmp_path / 'cameras.yaml'}:{line}:" in result.stderr
    assert "retention_days" in result.stderr and "365" in result.stderr, result.stderr


class ReadsFail:
    """A store whose next readings fail (a room's server restarting), its writes going through."""

    def __init__(self, database) -> None:
        self.database = database
        self.failing_reads = 0

    def read(self):
        if self.failing_reads:
            self.failing_reads -= 1
            from console.store import StoreUnavailable

            raise StoreUnavailable("the store restarts")
        return self.database.read()

    def __getattr__(self, name: str):
        return getattr(self.database, name)


def test_a_store_that_cannot_be_read_when_a_camera_starts_does_not_stop_its_recording(recorded_city, recorders):
    _, config, _ = recorded_city
    camera = "rec-sub"
    recorder = recorders(config)
    with recorder.database.write() as transaction:  # left open by a crash: the first segment ends it
        archive.open_gap(transaction, camera, "2026-12-05T00:00:00.000000Z", RECORDER_DOWN, "rec-test")
    store = ReadsFail(recorder.database)
    recorder.service.database = recorder.service.context.database = store
    recorder.service.start()
    store.failing_reads = 1  # the camera's first look at its gaps
    recorder.service.record(camera)
    until(lambda: any(segment.bytes > 0 for segment in recorder.segments(camera)), what="recording")
    until(lambda: recorder.gaps(camera)[0].end_utc is not None, what="the crash's gap ended")
    assert recorder.gaps(camera)[0].end_utc == recorder.segments(camera)[0].start_utc
