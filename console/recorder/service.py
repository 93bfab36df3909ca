"""A recorder: records the set of cameras it is told, reports itself and its disk, and cleans up after a crash.

``record(camera)`` and ``stop(camera, cause)`` change the set; ``recorded()`` says what it is
(the seam for several recorders sharing a room's cameras: whoever decides which recorder
takes which camera calls these). Every few seconds the recorder writes its row in the store
(``room status``): host, root, disk free and total, and its problem ('disk full') if any.

Disk full (free space under the margin, or a write refused for want of space): nothing more
is written, what is written stays, each camera's gap says 'disk full', and recording goes on
by itself when there is room again. The recorder never deletes footage to make room: that is
the retention sweeper's, by the law's periods only.
"""

from __future__ import annotations

import logging
import shutil
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from console.recorder.camera import (
    RECORDER_DOWN,
    SEGMENT_MISSING,
    CameraRecorder,
    CameraState,
    RecorderContext,
    RecorderTiming,
    RecordingSource,
)
from console.recorder.segments import epoch_of, file_hash, read_span, utc_of
from console.store import archive
from console.store.backend import Database

LOGGER = logging.getLogger("uitkijk.recorder")
REPORT_EVERY_S = 2.0
DEFAULT_MIN_FREE_BYTES = 1 << 30  # under this much free space the disk counts as full
RESUME_HEADROOM_BYTES = 64 << 20  # after a refused write: this much more than then before writing again
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class DiskSpace:
    free_bytes: int
    total_bytes: int


def disk_space(root: Path) -> DiskSpace:
    usage = shutil.disk_usage(root)
    return DiskSpace(usage.free, usage.total)


@dataclass(frozen=True)
class Recovered:
    """A segment found open at start (its recorder was killed): closed at its last whole packet, or missing."""

    camera: str
    path: str
    end_utc: str  # where the camera's recording stopped being there: the recorder's absence begins
    finding: str | None  # 'segment missing' when its file is gone or unreadable


def recover_open_segments(database: Database, recorder: str) -> list[Recovered]:
    """Close a recorder's segments left open by a crash: the real end from the file's last whole packet, its hash.

    A file that is gone is taken out of the index, and one that holds nothing readable is closed
    where it began; both leave a gap 'segment missing' over what the index had said. Never raises
    for a file: a finding is logged, and the next segment goes on.
    """
    with database.read() as transaction:
        left_open = archive.open_segments(transaction, recorder)
    found: list[Recovered] = []
    for segment in left_open:
        path = Path(segment.path)
        start_s = epoch_of(segment.start_utc)
        try:
            span = read_span(path)
            size, sha256 = file_hash(path)
        except FileNotFoundError:
            with database.write() as transaction:
                archive.delete_segments(transaction, [segment.id])
                archive.add_gap(transaction, segment.camera, segment.start_utc, segment.end_utc, SEGMENT_MISSING,
                                recorder)  # fmt: skip
            LOGGER.error("segment %s of %s is missing: taken out of the index, a gap in its place", path,
                         segment.camera)  # fmt: skip
            found.append(Recovered(segment.camera, segment.path, segment.end_utc, SEGMENT_MISSING))
            continue
        except Exception as error:  # noqa: BLE001 - unreadable (not MPEG-TS, a disk error): a finding
            LOGGER.error("segment %s of %s cannot be read (%s): closed where it began, a gap over it", path,
                         segment.camera, error)  # fmt: skip
            try:
                size, sha256 = file_hash(path)
            except OSError:
                size, sha256 = 0, ""
            with database.write() as transaction:
                archive.close_segment(transaction, segment.id, segment.start_utc, size, sha256)
                archive.add_gap(transaction, segment.camera, segment.start_utc, segment.end_utc, SEGMENT_MISSING,
                                recorder)  # fmt: skip
            found.append(Recovered(segment.camera, segment.path, segment.end_utc, SEGMENT_MISSING))
            continue
        end_utc = utc_of(start_s + span.whole_s)
        with database.write() as transaction:
            archive.close_segment(transaction, segment.id, end_utc, size, sha256)
        LOGGER.warning("segment %s of %s was left open (the recorder stopped without closing it): closed at %s, "
                       "%d packets", path, segment.camera, end_utc, span.packets)  # fmt: skip
        found.append(Recovered(segment.camera, segment.path, end_utc, None))
    return found


class RecorderService:
    """Records the cameras it is told; one thread per camera, one reporting the recorder and watching the disk."""

    def __init__(self, database: Database, name: str, root: Path, sources: Mapping[str, RecordingSource],
                 audit: Callable[[str, dict], None], *, host: str | None = None,
                 min_free_bytes: int = DEFAULT_MIN_FREE_BYTES, free_space: Callable[[Path], DiskSpace] = disk_space,
                 timing: RecorderTiming | None = None, report_every_s: float = REPORT_EVERY_S,
                 is_reporting: bool = True, locate: Callable[[str], str] | None = None) -> None:  # fmt: skip
        """``is_reporting``: False when another part writes the recorder's row (a room's claims, with
        ``report_record()``); the disk is watched either way. ``locate``: where a source's URL is opened now (a room
        of several relays: at the relay that claims the camera)."""
        self.database = database
        self.name = name
        self.root = root
        self.sources = dict(sources)
        self.host = host or socket.gethostname()
        self.min_free_bytes = min_free_bytes
        self.free_space = free_space
        self.report_every_s = report_every_s
        self.is_reporting = is_reporting
        self.started_utc = utc_of(time.time())
        self._disk_full = threading.Event()
        self._resume_above_bytes = min_free_bytes
        self.context = RecorderContext(database, name, root, timing or RecorderTiming(), self._disk_full,
                                       self._on_disk_full, audit)  # fmt: skip
        if locate is not None:
            self.context.locate = locate
        self._cameras: dict[str, CameraRecorder] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._reporter = threading.Thread(target=self._report_loop, name="recorder-report", daemon=True)
        self.last_space: DiskSpace | None = None
        self.recovered: list[Recovered] = []

    # -- life cycle -----------------------------------------------------------------
    def start(self) -> None:
        """Close what a crash left open (and mark the recorder's absence), check the disk, then report."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.recovered = recover_open_segments(self.database, self.name)
        now_utc = utc_of(time.time())
        ends: dict[str, str] = {}
        for found in self.recovered:
            ends[found.camera] = max(ends.get(found.camera, found.end_utc), found.end_utc)
        with self.database.write() as transaction:
            for camera, end_utc in ends.items():
                since = archive.recorded_until(transaction, camera)
                if since is not None and since > end_utc:  # another recorder took it meanwhile: its gap is marked
                    continue
                if camera in self.sources:  # closed by this camera's first new segment
                    archive.open_gap(transaction, camera, end_utc, RECORDER_DOWN, self.name)
                else:
                    archive.add_gap(transaction, camera, end_utc, now_utc, RECORDER_DOWN, self.name)
        self._check_disk()
        self._report()
        self._reporter.start()

    def close(self) -> None:
        """Stop every camera cleanly (segments finished and hashed), each with a gap 'recorder down' from then on."""
        self._stop.set()
        with self._lock:
            cameras = list(self._cameras.values())
            self._cameras.clear()
        for recorder in cameras:
            recorder.stop(RECORDER_DOWN)
        for recorder in cameras:
            if not recorder.join(STOP_TIMEOUT_S):
                LOGGER.error("camera %s did not stop within %.0f s", recorder.source.camera, STOP_TIMEOUT_S)
        if self._reporter.is_alive():
            self._reporter.join(STOP_TIMEOUT_S)

    # -- the set of cameras ---------------------------------------------------------------
    def record(self, camera_id: str) -> None:
        """Record this camera (from now on, until ``stop``); KeyError when no source is known for it."""
        source = self.sources[camera_id]
        with self._lock:
            if self._stop.is_set():
                return
            running = self._cameras.get(camera_id)
            if running is not None and running.is_running():
                return
            recorder = CameraRecorder(source, self.context)
            self._cameras[camera_id] = recorder
        recorder.start()

    def stop(self, camera_id: str, cause: str | None = None) -> None:
        """Stop recording a camera, its segment finished; ``cause`` opens its gap (None: it is not to be recorded)."""
        with self._lock:
            recorder = self._cameras.pop(camera_id, None)
        if recorder is None:
            return
        recorder.stop(cause)
        if not recorder.join(STOP_TIMEOUT_S):
            LOGGER.error("camera %s did not stop within %.0f s", camera_id, STOP_TIMEOUT_S)

    def recorded(self) -> frozenset[str]:
        """The cameras this recorder records now (told to, and not stopped)."""
        with self._lock:
            return frozenset(self._cameras)

    def states(self) -> dict[str, CameraState]:
        with self._lock:
            return {camera: recorder.state for camera, recorder in self._cameras.items()}

    @property
    def problem(self) -> str | None:
        return "disk full" if self._disk_full.is_set() else None

    # -- disk and report ----------------------------------------------------------------
    def _on_disk_full(self, error: BaseException) -> None:
        """A write was refused for want of space: full until there is clearly more room than now."""
        try:
            space = self.free_space(self.root)
            self._resume_above_bytes = max(self.min_free_bytes, space.free_bytes + RESUME_HEADROOM_BYTES)
        except OSError:
            self._resume_above_bytes = self.min_free_bytes + RESUME_HEADROOM_BYTES
        if not self._disk_full.is_set():
            LOGGER.error("disk full at %s (%s): recording stopped, nothing written is lost; it goes on when there is "
                         "room", self.root, error)  # fmt: skip
            self._disk_full.set()

    def _check_disk(self) -> None:
        try:
            space = self.free_space(self.root)
        except OSError as error:
            LOGGER.error("the disk of %s cannot be read (%s)", self.root, error)
            return
        self.last_space = space
        if self._disk_full.is_set():
            if space.free_bytes >= self._resume_above_bytes:
                self._resume_above_bytes = self.min_free_bytes
                self._disk_full.clear()
                LOGGER.warning("room on the disk again (%d MB free at %s): recording goes on",
                               space.free_bytes >> 20, self.root)  # fmt: skip
        elif space.free_bytes < self.min_free_bytes:
            LOGGER.error("disk full: %d MB free at %s, under the margin of %d MB: recording stopped, nothing written "
                         "is lost; it goes on when there is room", space.free_bytes >> 20, self.root,
                         self.min_free_bytes >> 20)  # fmt: skip
            self._disk_full.set()

    def report_record(self) -> archive.RecorderRecord:
        """The recorder's row as ``room status`` shows it: host, root, disk, problem, now."""
        space = self.last_space or DiskSpace(0, 0)
        return archive.RecorderRecord(self.name, self.host, str(self.root), self.started_utc, utc_of(time.time()),
                                      space.free_bytes, space.total_bytes, self.problem)  # fmt: skip

    def _report(self) -> None:
        if not self.is_reporting:
            return
        record = self.report_record()
        try:
            with self.database.write(quiet=True) as transaction:
                archive.report_recorder(transaction, record)
        except Exception as error:  # noqa: BLE001 - the store is down: the recording goes on, the report waits
            LOGGER.error("the recorder's report could not be written (%s)", error)

    def _report_loop(self) -> None:
        """Every half second: the disk watched, the growing segments' rows written; every few seconds the report."""
        next_report_s = time.monotonic() + self.report_every_s
        next_growth_s = time.monotonic() + self.context.timing.grow_every_s
        while not self._stop.wait(0.5):
            was_full = self._disk_full.is_set()
            self._check_disk()
            if time.monotonic() >= next_growth_s:
                self.context.follower.write(self.database)
                next_growth_s = time.monotonic() + self.context.timing.grow_every_s
            if self._disk_full.is_set() != was_full or time.monotonic() >= next_report_s:
                self._report()
                next_report_s = time.monotonic() + self.report_every_s
        self._report()
