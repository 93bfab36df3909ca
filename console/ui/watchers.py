"""Which cameras the room's desks show now, and the room's recording trouble: read from the store on a worker, for
the camera lists and the status line.

Read again when another desk commits (a room's notices) and every few seconds (a desk that
stops beating drops out of the count); a desk that lost contact is not counted.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from console.services.supervision import Supervision
from console.store import Database
from console.ui.notices import ChangeNotices
from console.ui.tasks import TaskRunner

LOGGER = logging.getLogger("uitkijk.ui")
READ_EVERY_MS = 3000


@dataclass(frozen=True)
class RecordingTrouble:
    problems: tuple[tuple[str, str], ...] = ()  # (recorder, its problem) of live recorders that say one
    unrecorded: tuple[str, ...] = ()  # cameras with ``recording:`` no recording recorder holds


def read_room(supervision: Supervision, recorded_cameras: Sequence[str]) -> tuple[dict[str, int], RecordingTrouble]:
    """One reading of the presence: the desks per camera, and what of the recording is not right now."""
    presence = supervision.presence()
    gone = {row.session for row in presence.sessions if row.is_stale}
    counts = dict(Counter(camera for camera, session in {(view.camera, view.session) for view in presence.views}
                          if session not in gone))  # fmt: skip
    return counts, RecordingTrouble(tuple(presence.recorder_problems()), tuple(presence.unrecorded(recorded_cameras)))


class RoomWatchers(QObject):
    changed = Signal(object)  # dict[str, int]: camera id -> desks that show it
    recording_changed = Signal(object)  # RecordingTrouble

    def __init__(self, database: Database, notices: ChangeNotices | None, parent: QObject | None = None,
                 recorded_cameras: Sequence[str] = ()) -> None:  # fmt: skip
        super().__init__(parent)
        self._supervision = Supervision(database)
        self.recorded_cameras = tuple(recorded_cameras)
        self.recording = RecordingTrouble()
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
        self._timer.start()
        self.read()

    def read(self) -> None:
        if self._is_reading or self._is_shut_down:
            return
        self._is_reading = True
        self._tasks.run(self._executor.submit(read_room, self._supervision, self.recorded_cameras), self._on_read,
                        self._on_failed)  # fmt: skip

    def _on_read(self, reading: tuple[dict[str, int], RecordingTrouble]) -> None:
        self._is_reading = False
        counts, recording = reading
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
