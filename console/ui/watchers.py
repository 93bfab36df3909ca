"""Which cameras the room's desks show now, the room's recording trouble and its relays down: read from the store on
a worker, for the camera lists, the status line and the team chief's alert strip.

Read again when another desk commits (a room's notices) and every few seconds (a desk that
stops beating drops out of the count); a desk that lost contact is not counted.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from console.services.alerts import Alert
from console.services.room_faults import relays_down
from console.services.supervision import Supervision
from console.store import Database
from console.store.backend import utc_moment
from console.ui.notices import ChangeNotices
from console.ui.tasks import TaskRunner

LOGGER = logging.getLogger("uitkijk.ui")
READ_EVERY_MS = 3000
# A recorder takes its cameras within seconds of its start (and a desk starts with the room's recorders, in a demo
# or after a power cut): until this long after the desk's start, or after a live recorder's start, a camera nobody
# records yet is not said in red (every desk's first seconds read "6 cameras not recorded now", a false alarm).
RECORDER_GRACE_S = 20.0


@dataclass(frozen=True)
class RecordingTrouble:
    problems: tuple[tuple[str, str], ...] = ()  # (recorder, its problem) of live recorders that say one
    unrecorded: tuple[str, ...] = ()  # cameras with ``recording:`` no recording recorder holds


def read_room(supervision: Supervision, recorded_cameras: Sequence[str],
              grace_s: float = RECORDER_GRACE_S,
              relays: Sequence[str] = ()) -> tuple[dict[str, int], RecordingTrouble, Alert | None]:  # fmt: skip
    """One reading of the presence: the desks per camera, what of the recording is not right now (the cameras
    nobody records only once no live recorder is still starting: within ``grace_s`` of its start), and the alert for
    the room's relays (``relays``: room.yaml's, host:port) that stopped reporting."""
    presence = supervision.presence()
    gone = {row.session for row in presence.sessions if row.is_stale}
    counts = dict(Counter(camera for camera, session in {(view.camera, view.session) for view in presence.views}
                          if session not in gone))  # fmt: skip
    starting_after = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=grace_s)
    is_starting = any(not row.is_stale and utc_moment(row.started_utc) > starting_after for row in presence.recorders)
    unrecorded = () if is_starting else tuple(presence.unrecorded(recorded_cameras))
    recording = RecordingTrouble(tuple(presence.recorder_problems()), unrecorded)
    return counts, recording, relays_down(presence.relays, relays, utc_moment(presence.read_utc)) if relays else None


class RoomWatchers(QObject):
    changed = Signal(object)  # dict[str, int]: camera id -> desks that show it
    recording_changed = Signal(object)  # RecordingTrouble
    relays_changed = Signal(object)  # Alert | None: the room's relays that stopped reporting

    def __init__(self, database: Database, notices: ChangeNotices | None, parent: QObject | None = None,
                 recorded_cameras: Sequence[str] = (), grace_s: float = RECORDER_GRACE_S,
                 relays: Sequence[str] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self.grace_s = grace_s
        self._started_s: float | None = None  # time.monotonic() at start: the desk's start, the recorders' grace
        self._supervision = Supervision(database)
        self.recorded_cameras = tuple(recorded_cameras)
        self.relays = tuple(relays)
        self.recording = RecordingTrouble()
        self.relays_down: Alert | None = None
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-watchers")
        self._tasks = TaskRunner(self)
        self._is_reading = False
        self._is_shut_down = False
        self.counts: dict[str, int] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(READ_EVERY_MS)
        self._timer.timeout.connect(self.read)
        if notices is not None:
            notices.noticed.connect(self.read)

    def start(self) -> None:
        self._started_s = time.monotonic()
        self._timer.start()
        self.read()

    def read(self) -> None:
        if self._is_reading or self._is_shut_down:
            return
        self._is_reading = True
        self._tasks.run(self._executor.submit(read_room, self._supervision, self.recorded_cameras, self.grace_s,
                                              self.relays), self._on_read, self._on_failed)  # fmt: skip

    def _on_read(self, reading: tuple[dict[str, int], RecordingTrouble, Alert | None]) -> None:
        self._is_reading = False
        counts, recording, down = reading
        if self._started_s is not None and time.monotonic() - self._started_s < self.grace_s:
            recording = RecordingTrouble(recording.problems)  # the room's recorders are still being given their chance
        if down != self.relays_down:
            self.relays_down = down
            self.relays_changed.emit(down)
        if counts != self.counts:
            self.counts = counts
            self.changed.emit(counts)
        if recording != self.recording:
            self.recording = recording
            self.recording_changed.emit(recording)

    def _on_failed(self, error: BaseException) -> None:
        self._is_reading = False
        LOGGER.warning("the room's viewers could not be read: %s", error)

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
