"""The dispatch panel's data: the feed that follows the store, the item models, the alert sound.

The feed polls one integer (the store's dispatch revision) on a worker thread
every 250 ms; only when it moved does it read the queue, the units and the hits,
still on the worker, and hand the board to the GUI thread. A change made by
another console or by ``intake`` shows within half a second.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
import math
import shutil
import struct
import subprocess
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage
from PySide6.QtWidgets import QApplication

from console.config.one_line import shown_on_one_line
from console.dispatch import timeline
from console.dispatch.model import Incident, IncidentState, TimelineEvent, UnitState, parse_utc, queue_order
from console.dispatch.service import Board, Hit
from console.services.dispatch_reads import DispatchReader
from console.ui.notices import ChangeNotices
from console.ui.tasks import TaskRunner
from console.ui.words import incident_type, say, text_word, word

LOGGER = logging.getLogger("uitkijk.dispatch")
POLL_MS = 250
SAFETY_POLL_MS = 5000  # with a room's change notices
ALARM = QColor("#ff6b6d")
WARN = QColor("#ffb020")
MUTED = QColor("#7d8896")
OK = QColor("#7fd69a")
P1_BACKGROUND = QColor("#3a1214")
Index = QModelIndex | QPersistentModelIndex


# The roles looked up once: a view asks data() for every visible cell and role at each paint, and every
# enum lookup in PySide6 is a Python call.
DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
PLATE_WIDTH_PX = 200
OVERVIEW_WIDTH_PX = 320


def hit_picture(png: bytes | None, width_px: int) -> QImage | None:
    """A stored hit image decoded and scaled for the panel, off the GUI thread (QImage is safe on any thread);
    None when there is none or it does not decode."""
    if not png:
        return None
    image = QImage.fromData(png)
    if image.isNull():
        return None
    return image.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation)


def local_hhmm(utc: str) -> str:
    return parse_utc(utc).astimezone().strftime("%H:%M")


def timeline_line(event: TimelineEvent) -> str:
    """One line of an incident's timeline as the reader's language says it: time, who, what happened (a note as
    typed, a line stored before the facts as it was stored)."""
    return f"{local_hhmm(event.utc)}  {event.user}  {shown_on_one_line(say(timeline.worded(event)))}"


def duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 3600:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d}"  # the same in the three languages


class DispatchFeed(QObject):
    """The board as the store has it: read again when a desk commits (a room's notices) or every poll."""

    changed = Signal(object)  # Board
    failed = Signal(str)

    def __init__(self, reader: DispatchReader, parent: QObject | None = None,
                 notices: ChangeNotices | None = None) -> None:  # fmt: skip
        """``notices``: the desk's one watcher of the room's store (else the feed starts its own when the
        store has notices)."""
        super().__init__(parent)
        self.reader = reader
        self.board: Board | None = None
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="dispatch-feed")
        self._tasks = TaskRunner(self)
        self._is_reading = False
        self._is_read_again = False  # a notice came during a reading: read once more after it
        self._is_shut_down = False
        self._timer = QTimer(self)
        # A room's store says when something changed: the poll is then only a safety net.
        self._timer.setInterval(SAFETY_POLL_MS if reader.has_change_notices else POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._notices: ChangeNotices | None = None  # its own, started and stopped with the feed
        if notices is not None:
            notices.noticed.connect(self.poll)
        elif reader.has_change_notices:
            self._notices = ChangeNotices(reader.wait_for_change, "dispatch-notices", self)
            self._notices.noticed.connect(self.poll)

    def start(self) -> None:
        self._timer.start()
        if self._notices is not None:
            self._notices.start()
        self.poll()

    def poll(self) -> None:
        if self._is_shut_down:  # a change's callback that comes after the desk closed: nothing to read for
            return
        if self._is_reading:
            self._is_read_again = True
            return
        self._is_reading = True
        last = self.board.revision if self.board is not None else -1
        self._tasks.run(self._executor.submit(self.reader.board_if_changed, last), self._on_read, self._on_failed)

    def _on_read(self, board: Board | None) -> None:
        self._is_reading = False
        if board is not None:
            self.board = board
            self.changed.emit(board)
        if self._is_read_again:
            self._is_read_again = False
            self.poll()

    def _on_failed(self, error: BaseException) -> None:
        self._is_reading = False
        LOGGER.warning("the dispatch records could not be read: %s", error)
        self.failed.emit(self.tr("the dispatch records could not be read: {error}").format(error=error))

    def read_images(self, hit_id: int, then: Callable[[tuple[QImage | None, QImage | None]], None]) -> None:
        """A hit's plate crop and overview, read, decoded and scaled on the worker (an image may be 4096 x 4096),
        handed to ``then`` on the GUI thread."""
        if self._is_shut_down:
            return
        self._tasks.run(self._executor.submit(self._hit_pictures, hit_id), then, self._on_failed)

    def _hit_pictures(self, hit_id: int) -> tuple[QImage | None, QImage | None]:
        plate_png, overview_png = self.reader.hit_images(hit_id)
        return hit_picture(plate_png, PLATE_WIDTH_PX), hit_picture(overview_png, OVERVIEW_WIDTH_PX)

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._timer.stop()
        if self._notices is not None:
            self._notices.stop()
        self._executor.shutdown(wait=True, cancel_futures=False)


class _TableModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()  # as the header says them, translated in the model's context (headers())

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []
        self.now = dt.datetime.now(dt.UTC)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def headers(self) -> tuple[str, ...]:
        return self.COLUMNS

    def replace(self, items: list[Any]) -> None:
        if items == self.items:
            return  # a board that changed elsewhere: this table's views keep their rows (and their widths)
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    TIME_COLUMNS: tuple[int, ...] = ()  # the columns whose text moves on with the clock

    def widest_time_text(self) -> str:
        """The longest text a time column shows (its width is kept at least this)."""
        return duration(99 * 3600 + 59 * 60)

    def tick(self, now: dt.datetime) -> None:
        """Times move on: repaint the columns that show them, and only their text. A change over every cell
        and role made the views measure every column again (ResizeToContents): 140 ms of the GUI thread a
        second beside a 16-tile wall."""
        self.now = now
        last_row = len(self.items) - 1
        if last_row < 0:
            return
        for column in self.TIME_COLUMNS:
            self.dataChanged.emit(self.index(0, column), self.index(last_row, column), [DISPLAY])

    def row_of(self, key: Any) -> int | None:
        return next((row for row, item in enumerate(self.items) if self.key(item) == key), None)

    def key(self, item: Any) -> Any:
        raise NotImplementedError


class IncidentQueueModel(_TableModel):
    """Open incidents by priority and age; finished ones below when asked for."""

    COLUMNS = ("P", "Incident", "Age", "Type", "Where", "State", "Units")
    TIME_COLUMNS = (2,)

    def headers(self) -> tuple[str, ...]:
        return ("P", self.tr("Incident"), self.tr("Age"), self.tr("Type"), self.tr("Where"), self.tr("State"),
                self.tr("Units"))  # fmt: skip

    def __init__(self, warn_after_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.warn_after_s = warn_after_s
        self.show_finished = False
        self._overdue: set[str] = set()

    def widest_time_text(self) -> str:
        """Nine hours' wait at most: the column keeps the width of a realistic wait (a longer one is cut, in red)."""
        return self.tr("{time} wait").format(time=duration(9 * 3600 + 59 * 60))

    def tick(self, now: dt.datetime) -> None:
        """As every table, and a row that became overdue (or stopped being) is repainted whole: its colours."""
        super().tick(now)
        overdue = {incident.id for incident in self.items if self.is_overdue(incident)}
        for incident_id in overdue ^ self._overdue:
            row = self.row_of(incident_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        self._overdue = overdue

    def set_board(self, board: Board) -> None:
        incidents = queue_order(board.incidents)
        if self.show_finished:
            incidents += [incident for incident in board.incidents if not incident.state.is_open]
        self.replace(incidents)

    def key(self, item: Incident) -> str:
        return item.id

    def is_overdue(self, incident: Incident) -> bool:
        return incident.priority == 1 and incident.waiting_s(self.now) > self.warn_after_s

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        incident: Incident = self.items[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == 2:
                if not incident.state.is_open:
                    return local_hhmm(incident.updated_utc)
                waiting = incident.waiting_s(self.now)
                return (
                    self.tr("{time} wait").format(time=duration(waiting))
                    if waiting
                    else duration(incident.age_s(self.now))
                )
            values = (f"P{incident.priority}", incident.id, "", shown_on_one_line(incident_type(incident.type)),
                      shown_on_one_line(incident.where), word(incident.state),
                      ", ".join(incident.units) or "\u2014")  # fmt: skip
            return values[column]
        if role == FOREGROUND:
            if not incident.state.is_open:
                return QBrush(MUTED)
            if column == 0 and incident.priority == 1 or column == 2 and self.is_overdue(incident):
                return QBrush(ALARM)
            if column == 5 and incident.state == IncidentState.NEW:
                return QBrush(WARN)
        if role == BACKGROUND and self.is_overdue(incident):
            return QBrush(P1_BACKGROUND)
        if role == TOOLTIP:
            return self.tr("{incident} from {source}: {what}").format(
                incident=incident.id,
                source=word(incident.source),
                what=incident.description or incident_type(incident.type),
            )
        if role == USER:
            return incident.id
        return None


UNIT_COLOURS = {UnitState.AVAILABLE: OK, UnitState.DISPATCHED: WARN, UnitState.EN_ROUTE: WARN,
                UnitState.ON_SCENE: QColor("#6fb3ff"), UnitState.BUSY: MUTED,
                UnitState.OUT_OF_SERVICE: MUTED}  # fmt: skip


class UnitBoardModel(_TableModel):
    COLUMNS = ("Unit", "Kind", "State", "Incident", "Since")
    TIME_COLUMNS = (4,)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Unit"), self.tr("Kind"), self.tr("State"), self.tr("Incident"), self.tr("Since"))

    def key(self, item) -> str:
        return item.call_sign

    def set_board(self, board: Board) -> None:
        self.replace(list(board.units))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        unit = self.items[index.row()]
        if role == DISPLAY:
            since = duration((self.now - parse_utc(unit.since_utc)).total_seconds()) if unit.since_utc else ""
            return (unit.call_sign, word(unit.kind), word(unit.state), unit.incident or "\u2014", since)[index.column()]
        if role == FOREGROUND and index.column() == 2:
            return QBrush(UNIT_COLOURS[unit.state])
        if role == USER:
            return unit.call_sign
        return None


SEVERITY_COLOURS = {"high": ALARM, "medium": WARN, "low": QColor("#c9b458")}


class HitListModel(_TableModel):
    """Hits to check first, newest on top, coloured by the list's severity; then the checked ones, muted."""

    COLUMNS = ("Time", "Plate", "List", "Camera", "Confidence", "Check")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Plate"),
            self.tr("List"),
            self.tr("Camera"),
            self.tr("Confidence"),  # of the read: how sure the ANPR camera is of the plate
            self.tr("Check"),
        )

    def __init__(self, camera_names: dict[str, str], severity_of: Callable[[str], str],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.camera_names = camera_names
        self.severity_of = severity_of

    def key(self, item: Hit) -> int:
        return item.id

    def set_board(self, board: Board) -> None:
        self.replace(sorted(board.hits, key=lambda hit: (not hit.is_pending, -hit.id)))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        hit: Hit = self.items[index.row()]
        if role == DISPLAY:
            check = (
                self.tr("to check")
                if hit.is_pending
                else text_word(hit.outcome or "") + (f" \u2192 {hit.incident}" if hit.incident else "")
            )
            if hit.is_pending and hit.earlier is not None:  # the plate was read before: what became of that hit
                check = self.tr("{check} \u00b7 before: {outcome}").format(
                    check=check, outcome=text_word(hit.earlier.outcome) if hit.earlier.outcome else self.tr("to check")
                )
            where = self.camera_names.get(hit.camera, hit.camera)
            confidence = QLocale().toString(hit.confidence * 100, "f", 0) + "%"
            return (local_hhmm(hit.utc), f"{hit.plate} ({hit.country})", hit.list, where, confidence,
                    check)[index.column()]  # fmt: skip
        if role == FOREGROUND:
            return QBrush(SEVERITY_COLOURS.get(self.severity_of(hit.list), WARN) if hit.is_pending else MUTED)
        if role == TOOLTIP and hit.before is not None:
            return say(hit.before)
        if role == USER:
            return hit.id
        return None


# -- the alert sound --------------------------------------------------------------------------------
PLAYERS = ("paplay", "pw-play", "aplay")  # PulseAudio, PipeWire, ALSA: whichever the desk has


def alert_tone(path: Path) -> Path:
    """Two short rising tones (880/1320 Hz), written once as a WAV file."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rate, frames = 22050, bytearray()
    for frequency, length_s in ((880, 0.16), (0, 0.06), (1320, 0.22)):
        for n in range(int(rate * length_s)):
            fade = min(1.0, n / 200, (rate * length_s - n) / 200)
            value = 0.45 * fade * math.sin(2 * math.pi * frequency * n / rate) if frequency else 0.0
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(bytes(frames))
    return path


class AlertSound(QObject):
    """Plays the alert through the desk's sound server, or rings the bell when there is none."""

    played = Signal(str)  # what the alert was about

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = next((shutil.which(name) for name in PLAYERS if shutil.which(name)), None)
        self._tone = alert_tone(cache_dir / "alert.wav") if self._player else None
        self._running: list[subprocess.Popen] = []
        self.is_muted = False

    def play(self, about: str, is_urgent: bool = False) -> None:
        """``is_urgent`` (a priority-1 or escalated alarm): heard even on a muted desk."""
        self._running = [process for process in self._running if process.poll() is None]
        if not self.is_muted or is_urgent:
            if self._player and self._tone and len(self._running) < 2:
                try:
                    quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
                    self._running.append(subprocess.Popen([self._player, str(self._tone)], **quiet))
                except OSError as error:
                    LOGGER.warning("the alert sound could not be played: %s", error)
                    QApplication.beep()
            else:
                QApplication.beep()
        self.played.emit(about)

    def shutdown(self) -> None:
        for process in self._running:
            if process.poll() is None:
                process.terminate()
                process.wait(2)
        self._running.clear()
