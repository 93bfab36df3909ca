"""The playback window: up to four cameras' recordings in step, their timelines, and the law's questions.

One clock (``video/playback_clock.py``) holds the recording time every camera shows; each camera's
feed (``video/playback_feed.py``) decodes its segments on a thread of its own just ahead of it, so
the GUI thread only picks the frame of that time and paints it. What may be played back is decided
by the service (``services/recordings.py``): the window asks it for the span shown under the reason
in its reason row, logs the grant's ``playback start`` through the desk's writer and plays only once
it is durable; a refusal is shown with the rule it names. The timelines (what is recorded, gaps with
their cause, evidence locks) are read on a worker. Every picture says PLAYBACK and its recording time
in a colour that the wall never uses, so a recording is never taken for live.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPen, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.access.permissions import Action, is_allowed
from console.access.reasons import Category, Kind, Reason, ReasonRequired
from console.config.schema import Camera
from console.services import evidence_locks
from console.services.recording_time import Span
from console.services.recordings import Grant, Recordings, Timeline
from console.ui.accountability import Accountability
from console.ui.elided import ElidedLabel
from console.ui.screen_fit import open_within_screen
from console.ui.tasks import TaskRunner
from console.ui.wheel import steady_wheel
from console.ui.words import capitalised, reason_text, say, sentence, word
from console.video.playback_clock import (
    MAX_CAMERAS,
    SPEEDS,
    EdgeReached,
    Moved,
    PlaybackClock,
    Repositioned,
    painted_position,
)
from console.video.playback_feed import RecordedFeed, StampedFrame
from console.video.playback_timeline import NOT_RECORDED, BandKind, CameraTimeline, timeline_from_spans
from console.wording import QT_TRANSLATE_NOOP, WordedError

LOGGER = logging.getLogger("uitkijk.playback")
PAINT_MS = 40  # 25 pictures a second (the clock's REPAINT_S)
SETTLING_PAINT_MS = 10  # after a seek, until every camera shows its picture of that time
VIEW_SPANS_S = (600, 1800, 3600, 4 * 3600, 24 * 3600)  # the timeline's width: 10 min .. a day
DEFAULT_VIEW_S = 1800
PLAYBACK_COLOUR = QColor(214, 0, 147)  # magenta: never a colour of a live tile
PICTURE_SIZE = (640, 360)  # each picture of a 2x2 is scaled to this in its feed's thread
ALONE_PICTURE_SIZE = (1280, 720)  # one camera alone fills the window: not upscaled from a quarter
LONG_REFERENCE = "PV GE.12.L1.004321/2026"  # a judicial PV number as typed in the reason's reference field
NAME_MAX_PX = 260  # a timeline's camera name: wider names are elided (their tooltip says them whole)

CAUSES = {  # a gap's cause as the index stores it (a fact), in the reader's language
    "camera down": QT_TRANSLATE_NOOP("PlaybackWindow", "camera down"),
    "recorder down": QT_TRANSLATE_NOOP("PlaybackWindow", "recorder down"),
    "disk full": QT_TRANSLATE_NOOP("PlaybackWindow", "disk full"),
    "segment missing": QT_TRANSLATE_NOOP("PlaybackWindow", "segment missing"),
    "segment unreadable": QT_TRANSLATE_NOOP("PlaybackWindow", "segment unreadable"),
    NOT_RECORDED: QT_TRANSLATE_NOOP("PlaybackWindow", "not recorded"),
}


def cause_text(cause: str | None) -> str:
    known = CAUSES.get(cause or NOT_RECORDED)
    return QCoreApplication.translate("PlaybackWindow", known) if known else (cause or "")


INCIDENT_LEAD_S = 60  # an incident's recordings start this long before it was created (what led up to the call)


def incident_moment(incident: object) -> dt.datetime:
    """Where playback of an incident begins: a minute before it was created."""
    created = dt.datetime.fromisoformat(str(getattr(incident, "created_utc", "")).replace("Z", "+00:00"))
    return created.astimezone(dt.UTC) - dt.timedelta(seconds=INCIDENT_LEAD_S)


def local_text(moment: dt.datetime, with_date: bool = True, with_fraction: bool = False) -> str:
    """A recording time as the reader's clock says it (local time), seconds always, tenths when stepping."""
    local = moment.astimezone()
    text = local.strftime("%d-%m-%Y %H:%M:%S" if with_date else "%H:%M:%S")
    if with_fraction:
        text += f".{local.microsecond // 10000:02d}"
    return text


class TimelineBar(QWidget):
    """One camera's recorded stretches, gaps and locks across the span shown; a click or a drag scrubs."""

    scrubbed = Signal(object)  # dt.datetime: the operator asked for this time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbackTimeline")
        self.timeline: CameraTimeline | None = None
        self.view_start: dt.datetime | None = None
        self.view_end: dt.datetime | None = None
        self.position: dt.datetime | None = None
        self.setMinimumHeight(22)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(400, 22)

    def show_timeline(self, timeline: CameraTimeline | None, start: dt.datetime, end: dt.datetime) -> None:
        self.timeline, self.view_start, self.view_end = timeline, start, end
        self.update()

    def set_position(self, position: dt.datetime) -> None:
        self.position = position
        self.update()

    def x_of(self, moment: dt.datetime) -> float:
        assert self.view_start is not None and self.view_end is not None
        total_s = (self.view_end - self.view_start).total_seconds() or 1.0
        return (moment - self.view_start).total_seconds() / total_s * self.width()

    def time_at(self, x: float) -> dt.datetime | None:
        if self.view_start is None or self.view_end is None:
            return None
        fraction = min(1.0, max(0.0, x / max(1, self.width())))
        return self.view_start + (self.view_end - self.view_start) * fraction

    def describe(self, moment: dt.datetime) -> str:
        """What the timeline says of a moment, as its tooltip does."""
        if self.timeline is None:
            return ""
        band = self.timeline.band_at(moment)
        parts = [local_text(moment)]
        if band is None:
            parts.append(self.tr("not recorded"))
        elif band.kind == BandKind.RECORDED:
            parts.append(self.tr("recorded"))
        else:
            parts.append(self.tr("gap: {cause}").format(cause=cause_text(band.cause)))
        for lock in self.timeline.locks_at(moment):
            serves = lock.incident or lock.judicial_file or ""
            parts.append(self.tr("evidence lock {number} ({serves})").format(number=lock.lock_id, serves=serves))
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        painter.fillRect(rect, QColor(40, 40, 44))
        if self.timeline is None or self.view_start is None or self.view_end is None:
            painter.end()
            return
        height = rect.height()
        for band in self.timeline.bands:
            left, right = self.x_of(band.start), self.x_of(band.end)
            area = QRectF(left, 4, max(1.0, right - left), height - 8)
            if band.kind == BandKind.RECORDED:
                painter.fillRect(area, QColor(46, 139, 87))
            else:
                painter.fillRect(area, QColor(150, 40, 40) if band.cause != NOT_RECORDED else QColor(70, 70, 76))
                if area.width() > 60:
                    painter.setPen(QColor(235, 235, 235))
                    painter.drawText(area, Qt.AlignmentFlag.AlignCenter, cause_text(band.cause))
        for lock in self.timeline.locks:
            left, right = self.x_of(lock.start), self.x_of(lock.end)
            painter.fillRect(QRectF(left, 0, max(2.0, right - left), 4), QColor(240, 180, 0))
        if self.position is not None:
            x = self.x_of(self.position)
            painter.setPen(QPen(PLAYBACK_COLOUR, 2))
            painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._scrub(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        moment = self.time_at(event.position().x())
        if moment is not None:
            self.setToolTip(self.describe(moment))
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._scrub(event)

    def _scrub(self, event: QMouseEvent) -> None:
        moment = self.time_at(event.position().x())
        if moment is not None:
            self.scrubbed.emit(moment)


class PlaybackPicture(QWidget):
    """One camera's recorded picture, always marked PLAYBACK with the picture's own recording time."""

    def __init__(self, camera: Camera, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbackPicture")
        self.camera = camera
        self.shown: StampedFrame | None = None
        self.note = ""  # why there is no picture (a gap's cause, a refusal)
        self.painted_frames = 0
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_frame(self, shown: StampedFrame | None, note: str = "") -> None:
        changed = shown is not self.shown or note != self.note
        self.shown, self.note = shown, note
        if changed:
            self.update()

    def label_text(self) -> str:
        """The mark every recorded picture carries: PLAYBACK and its recording time."""
        if self.shown is None:
            return self.tr("PLAYBACK")
        return self.tr("PLAYBACK {time}").format(time=local_text(self.shown.stamp, with_fraction=True))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        painter.fillRect(rect, QColor(16, 16, 18))
        if self.shown is not None and not self.note:
            frame = self.shown.frame
            image = QImage(frame.rows.data, frame.width, frame.height, frame.bytes_per_line, QImage.Format.Format_RGB32)
            scaled = QSize(frame.width, frame.height).scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((rect.width() - scaled.width()) / 2, (rect.height() - scaled.height()) / 2,
                            scaled.width(), scaled.height())  # fmt: skip
            painter.drawImage(target, image)
            self.painted_frames += 1
        elif self.note:
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(rect.adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.note)  # fmt: skip
        metrics = painter.fontMetrics()
        mark = self.label_text()
        band = QRectF(0, 0, metrics.horizontalAdvance(mark) + 16, metrics.height() + 8)
        painter.fillRect(band, PLAYBACK_COLOUR)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, mark)
        name = self.camera.name
        name_band = QRectF(0, rect.height() - metrics.height() - 6, metrics.horizontalAdvance(name) + 12,
                           metrics.height() + 6)  # fmt: skip
        painter.fillRect(name_band, QColor(0, 0, 0, 160))
        painter.drawText(name_band, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()


class RecordingActionDialog(QDialog):
    """What the law needs before an evidence lock or an export: the span, the cameras, and the rest.

    OK submits (``submitted``); the dialog stays open with what was typed until the window says it is done
    (:meth:`finish`), or says the refusal in it (:meth:`refuse`): a refusal never loses the form."""

    submitted = Signal()

    def __init__(self, is_export: bool, cameras: Sequence[Camera], start: dt.datetime, end: dt.datetime,
                 default_folder: Path, parent: QWidget | None = None,
                 reason: Reason | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.is_export = is_export
        self.setWindowTitle(self.tr("Export recordings") if is_export else self.tr("Place an evidence lock"))
        self.camera_boxes = {camera.id: QCheckBox(camera.name, self) for camera in cameras}
        for box in self.camera_boxes.values():
            box.setChecked(True)
        self.start = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(start.timestamp())), self)
        self.end = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(end.timestamp())), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd-MM-yyyy HH:mm:ss")
        form = QFormLayout()
        camera_column = QVBoxLayout()
        for box in self.camera_boxes.values():
            camera_column.addWidget(box)
        form.addRow(self.tr("Cameras"), camera_column)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.incident = QLineEdit(self)
        self.judicial_file = QLineEdit(self)
        self.lock_reason = QLineEdit(self)
        self.recipient = QLineEdit(self)
        self.folder = QLineEdit(str(default_folder), self)
        for unused in (
            (self.incident, self.judicial_file, self.lock_reason) if is_export else (self.recipient, self.folder)
        ):
            unused.hide()  # not in the form: it would lie over the dialog's corner
        self.setMinimumWidth(520)
        if is_export:
            self.recipient.setPlaceholderText(self.tr("to whom the copy goes (e.g. the prosecutor's office)"))
            form.addRow(self.tr("Recipient"), self.recipient)
            form.addRow(self.tr("Folder"), self.folder)
            # What the export carries in its manifest and the log: shown, not changed here (the reason row's).
            self.reason_shown = QLineEdit(reason_text(reason) if reason is not None else "", self)
            self.decision_shown = QLineEdit((reason.decision if reason is not None else "") or self.tr("none"), self)
            for shown in (self.reason_shown, self.decision_shown):
                shown.setReadOnly(True)
                shown.setCursorPosition(0)
                shown.setToolTip(shown.text())
            self.reason_shown.ensurePolished()  # the reason whole (up to a width that fits a 1366 px screen)
            reason_px = self.reason_shown.fontMetrics().horizontalAdvance(self.reason_shown.text())
            self.setMinimumWidth(min(900, max(520, reason_px + 200)))
            form.addRow(self.tr("Reason"), self.reason_shown)
            form.addRow(self.tr("Decision"), self.decision_shown)
        else:
            self.incident.setPlaceholderText("2026-0042")
            self.judicial_file.setPlaceholderText(self.tr("or the judicial file's reference"))
            form.addRow(self.tr("Incident"), self.incident)
            form.addRow(self.tr("Judicial file"), self.judicial_file)
            form.addRow(self.tr("Why"), self.lock_reason)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Export") if is_export else self.tr("Place the lock")
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        steady_wheel(self)

    def accept(self) -> None:
        """Submitted, not closed: the window closes it once the lock is placed (or the export written)."""
        self.message.setText(self.tr("Exporting...") if self.is_export else self.tr("Placing the lock..."))
        self.message.setStyleSheet("")
        self.ok_button.setEnabled(False)
        self.submitted.emit()

    def refuse(self, text: str) -> None:
        """The refusal's own words, in the dialog; the fields stay as typed."""
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.ok_button.setEnabled(True)

    def finish(self) -> None:
        super().accept()

    def chosen_cameras(self) -> list[str]:
        return [camera for camera, box in self.camera_boxes.items() if box.isChecked()]

    def span(self) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), dt.UTC)
        end = dt.datetime.fromtimestamp(self.end.dateTime().toSecsSinceEpoch(), dt.UTC)
        return start, end


class PlaybackWindow(QMainWindow):
    """Synchronised playback of up to four cameras (see the module's docstring)."""

    closed = Signal()
    sign_out_requested = Signal()  # the investigator's session: this window is all of it
    frames_painted = Signal()  # each repaint that showed pictures (tests and the benchmark wait on it)

    def __init__(self, accountability: Accountability, recordings: Recordings, cameras: Sequence[Camera],
                 shown: Sequence[str] = (), around: dt.datetime | None = None, reason: Reason | None = None,
                 export_folder: Path | None = None, now: Callable[[], dt.datetime] | None = None,
                 can_sign_out: bool = False, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("playbackWindow")
        self.setWindowTitle(self.tr("Uitkijk: recordings (playback)"))
        self.accountability = accountability
        self.recordings = recordings
        self.all_cameras = {camera.id: camera for camera in cameras}
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.export_folder = export_folder or Path.home()
        self.tasks = TaskRunner(self)
        self._reads = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="playback-read")
        self._exports = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="playback-export")
        self.cameras: list[str] = []
        self.feeds: dict[str, RecordedFeed] = {}
        self.pictures: dict[str, PlaybackPicture] = {}
        self.bars: dict[str, TimelineBar] = {}
        self.timelines: dict[str, CameraTimeline] = {}
        self.grant: Grant | None = None
        self.refusal: str = ""  # the rule a refusal named, in the reader's language ("" when playing is allowed)
        self.view_s = DEFAULT_VIEW_S
        self.view_start = self.view_end = self.now()
        self._read_generation = 0
        self._is_closing = False
        self.painted_at: dt.datetime | None = None  # the recording time the pictures were last painted at
        start = around or self.now() - dt.timedelta(minutes=1)
        self.clock = PlaybackClock(["-"], start)
        self._build(reason)
        self._show_go_to(start)  # the time asked, before any camera is chosen (an investigator's first look)
        if can_sign_out:
            session_menu = self.menuBar().addMenu(self.tr("&Session"))
            sign_out = session_menu.addAction(self.tr("Sign out (change user)"))
            sign_out.triggered.connect(self.sign_out_requested)
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(PAINT_MS)
        self._paint_timer.timeout.connect(self._on_paint_timer)
        self._paint_timer.start()
        if shown:
            self.show_cameras(shown, start)

    # -- building ---------------------------------------------------------------------------
    def _build(self, reason: Reason | None) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(4)
        header = QHBoxLayout()
        self.playback_label = QLabel(self.tr("PLAYBACK"), central)
        self.playback_label.setObjectName("playbackMark")
        self.playback_label.setStyleSheet(
            f"background: {PLAYBACK_COLOUR.name()}; color: white; font-weight: bold; padding: 2px 8px;"
        )
        self.time_label = QLabel("", central)
        self.time_label.setObjectName("playbackTime")
        self.time_label.setStyleSheet(f"color: {PLAYBACK_COLOUR.lighter(150).name()}; font-weight: bold;")
        session = self.accountability.session
        self.who = QLabel(f"{session.user.full_name} \u00b7 {word(session.role)}", central)  # who is signed in
        self.who.setObjectName("playbackWho")
        header.addWidget(self.playback_label)
        header.addWidget(self.time_label)
        header.addStretch(1)
        self.statusBar().addPermanentWidget(self.who)  # (the header row is full at 1366 px in Dutch)
        # No reason is chosen until one is given (an investigator's window never starts under a patrol).
        self.kind = QComboBox(central)
        self.kind.addItem(self.tr("Kind..."), None)
        for kind in Kind:
            self.kind.addItem(capitalised(word(kind)), kind)
        self.category = QComboBox(central)
        self.category.addItem(self.tr("Reason..."), None)
        for category in Category:
            self.category.addItem(capitalised(word(category)), category)
        self.reference = QLineEdit(central)
        self.reference.setPlaceholderText(self.tr("reference (PV, incident)"))
        self.decision = QLineEdit(central)
        self.decision.setPlaceholderText(self.tr("decision of the prosecutor or judge"))
        self.decision.setToolTip(self.tr("Needed for footage older than the administrative window (judicial only)"))
        self.apply_reason = QPushButton(self.tr("Play under this reason"), central)
        self.apply_reason.clicked.connect(self.ask_grant)
        for widget in (self.kind, self.category, self.reference, self.decision, self.apply_reason):
            header.addWidget(widget)
        # A PV number whole at 1366x768 ("PV GE.12.L1.004321/2026" was cut at 170 px).
        self.reference.ensurePolished()  # the theme's font: measured in it (the default one is narrower)
        self.reference.setMinimumWidth(self.reference.fontMetrics().horizontalAdvance(LONG_REFERENCE) + 20)
        self.reference.setMaximumWidth(self.reference.minimumWidth() + 10)
        self.decision.setMinimumWidth(250)  # its placeholder whole in Dutch and French
        self.decision.setMaximumWidth(280)
        column.addLayout(header)
        body = QHBoxLayout()
        self.camera_list = QListWidget(central)
        self.camera_list.setObjectName("playbackCameras")
        self.camera_list.setFixedWidth(210)
        self.camera_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.camera_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.camera_list.setToolTip(self.tr("Tick up to 4 cameras: their recordings play in step"))
        # The recorded cameras first; the others (no recording configured) after them, greyed and said so.
        for camera in sorted(self.all_cameras.values(), key=lambda each: each.recording is None):
            recorded = camera.recording is not None
            text = camera.name if recorded else self.tr("{name} (not recorded)").format(name=camera.name)
            item = QListWidgetItem(text, self.camera_list)
            item.setData(Qt.ItemDataRole.UserRole, camera.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if not recorded:
                item.setForeground(QColor(140, 140, 140))
            item.setToolTip(f"{camera.name} ({camera.id})" if recorded else self.tr(
                "{name} ({id}): this camera is not recorded").format(name=camera.name, id=camera.id))  # fmt: skip
        self.camera_list.itemChanged.connect(self._on_camera_list_changed)
        body.addWidget(self.camera_list)
        self.grid_holder = QWidget(central)
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        body.addWidget(self.grid_holder, 1)
        self.empty_hint = QLabel(self.tr("Tick up to 4 cameras in the list: their recordings play in step"),
                                 self.grid_holder)  # fmt: skip
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.grid.addWidget(self.empty_hint, 0, 0)
        column.addLayout(body, 1)
        self.timeline_holder = QWidget(central)
        self.timeline_rows = QGridLayout(self.timeline_holder)
        self.timeline_rows.setContentsMargins(0, 0, 0, 0)
        self.timeline_rows.setVerticalSpacing(2)
        column.addWidget(self.timeline_holder)
        controls = QHBoxLayout()
        self.step_back = QPushButton(self.tr("< Frame"), central)
        self.reverse = QPushButton(self.tr("Reverse"), central)
        self.reverse.setCheckable(True)
        self.play = QPushButton(self.tr("Play"), central)
        self.play.setText(self.tr("Pause"))
        pause_px = self.play.sizeHint().width()
        self.play.setText(self.tr("Play"))
        self.play.setMinimumWidth(max(pause_px, self.play.sizeHint().width()))  # the row stays put as it toggles
        self.step_forward = QPushButton(self.tr("Frame >"), central)
        self.speed = QComboBox(central)
        for speed in SPEEDS:
            self.speed.addItem({0.25: "1/4x", 0.5: "1/2x"}.get(speed, f"{speed:g}x"), speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("Playback speed"))
        self.go_to = QLineEdit(central)  # typed whole (Ctrl+A, type, Enter): a QDateTimeEdit's sections mangled it
        self.go_to.setObjectName("playbackGoTo")
        self.go_to.setPlaceholderText(self.tr("dd-mm-yyyy hh:mm:ss"))
        self.go_to.setMinimumWidth(self.go_to.fontMetrics().horizontalAdvance("00-00-0000 00:00:00") + 16)
        self.go_to.setToolTip(self.tr("A date and time to go to (your clock's time), then Enter"))
        self._go_to_typed = False  # the operator typed in it: it is not overwritten by where playback is
        self.go = QPushButton(self.tr("Go"), central)
        self.view_span = QComboBox(central)
        for seconds in VIEW_SPANS_S:
            label = self.tr("{minutes} min").format(minutes=seconds // 60) if seconds < 3600 else self.tr(
                "{hours} h").format(hours=seconds // 3600)  # fmt: skip
            self.view_span.addItem(label, seconds)
        self.view_span.setCurrentIndex(VIEW_SPANS_S.index(DEFAULT_VIEW_S))
        self.view_span.setToolTip(self.tr("How much time the timelines show"))
        self.lock_button = QPushButton(self.tr("Evidence lock..."), central)
        self.export_button = QPushButton(self.tr("Export..."), central)
        for widget in (self.step_back, self.reverse, self.play, self.step_forward, self.speed, self.go_to, self.go,
                       self.view_span):  # fmt: skip
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.lock_button)
        controls.addWidget(self.export_button)
        column.addLayout(controls)
        self.setCentralWidget(central)
        self.step_back.clicked.connect(lambda: self.step(-1))
        self.step_forward.clicked.connect(lambda: self.step(1))
        self.play.clicked.connect(self.toggle_play)
        self.reverse.toggled.connect(self.set_reverse)
        self.speed.currentIndexChanged.connect(lambda _: self.set_speed(self.speed.currentData()))
        self.go.clicked.connect(self._on_go_clicked)
        self.go_to.returnPressed.connect(self._on_go_clicked)
        self.go_to.textEdited.connect(self._on_go_to_edited)
        self.view_span.currentIndexChanged.connect(lambda _: self._on_view_span_changed())
        self.lock_button.clicked.connect(self.ask_lock)
        self.export_button.clicked.connect(self.ask_export)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.toggle_play)
        QShortcut(QKeySequence(Qt.Key.Key_Period), self, lambda: self.step(1))
        QShortcut(QKeySequence(Qt.Key.Key_Comma), self, lambda: self.step(-1))
        self.lock_button.setToolTip(self.tr("Keep what is shown past its retention (an incident or a judicial file)"))
        self.export_button.setToolTip(self.tr("A sealed copy of what is shown, with its manifest"))
        self.show_reason(reason or self.accountability.session.reason)
        self.accountability.reason_changed.connect(self._on_reason_changed)
        self._update_controls()
        steady_wheel(self)
        open_within_screen(self, 1280, 720)

    def show_reason(self, reason: Reason | None) -> None:
        if reason is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(reason.kind))
        self.category.setCurrentIndex(self.category.findData(reason.category))
        self.reference.setText(reason.reference)
        self.decision.setText(reason.decision)

    def _on_reason_changed(self, reason: object) -> None:
        """The desk's reason changed: the row shows it (what the operator typed for a decision stays until then)."""
        if isinstance(reason, Reason) and not self._is_closing:
            self.show_reason(reason)

    def chosen_reason(self) -> Reason:
        """The reason row as a reason (raises the reason's own refusal: a judicial decision on an administrative
        reason, a reference too long)."""
        kind, category = self.kind.currentData(), self.category.currentData()
        if kind is None or category is None:
            raise ReasonRequired(QT_TRANSLATE_NOOP("Domain", "choose the reason for playing back (its kind and "
                                                   "category), then 'Play under this reason'"))  # fmt: skip
        return Reason(kind, category, self.reference.text(), self.decision.text())

    # -- which cameras, which time ----------------------------------------------------------
    def show_cameras(self, camera_ids: Sequence[str], around: dt.datetime | None = None) -> None:
        """Play these cameras (at most four, in step) around a time (else where playback is)."""
        wanted = [camera for camera in dict.fromkeys(camera_ids) if camera in self.all_cameras][:MAX_CAMERAS]
        position = around or self.clock.position()
        self._stop_grant()
        for feed in self.feeds.values():
            feed.stop()
        for widget in [*self.pictures.values(), *self.bars.values()]:
            widget.deleteLater()
        while self.timeline_rows.count():
            item = self.timeline_rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cameras = wanted
        self.empty_hint.setVisible(not wanted)
        self._show_go_to(position)
        self.feeds, self.pictures, self.bars, self.timelines = {}, {}, {}, {}
        self.camera_list.blockSignals(True)
        for row in range(self.camera_list.count()):
            item = self.camera_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)  # fmt: skip
        self.camera_list.blockSignals(False)
        columns = 1 if len(wanted) <= 1 else 2
        names: list[ElidedLabel] = []
        for index, camera_id in enumerate(wanted):
            camera = self.all_cameras[camera_id]
            picture = PlaybackPicture(camera, self.grid_holder)
            self.grid.addWidget(picture, index // columns, index % columns)
            self.pictures[camera_id] = picture
            name = ElidedLabel(self.timeline_holder)
            name.set_full_text(camera.name)
            names.append(name)
            bar = TimelineBar(self.timeline_holder)
            bar.scrubbed.connect(self.seek)
            self.timeline_rows.addWidget(name, index, 0)
            self.timeline_rows.addWidget(bar, index, 1)
            self.bars[camera_id] = bar
            feed = RecordedFeed(camera_id, PICTURE_SIZE if len(wanted) > 1 else ALONE_PICTURE_SIZE)
            feed.start()
            self.feeds[camera_id] = feed
        for name in names:
            name.ensurePolished()  # the theme's font: the width is measured in it
        names_px = max((name.fontMetrics().horizontalAdvance(name.full_text) for name in names), default=0)
        for name in names:  # the longest name whole, up to a limit (then elided, whole in its tooltip)
            name.setFixedWidth(min(NAME_MAX_PX, names_px + 12))
            name.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)  # (Ignored: the grid gave 0)
        self.clock = PlaybackClock(wanted or ["-"], position)
        self.clock.set_speed(self.speed.currentData())
        self.clock.set_reverse(self.reverse.isChecked())
        self._center_view(position)
        self._update_controls()

    def _on_camera_list_changed(self, item: QListWidgetItem) -> None:
        checked = [self.camera_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.camera_list.count())
                   if self.camera_list.item(row).checkState() == Qt.CheckState.Checked]  # fmt: skip
        if len(checked) > MAX_CAMERAS:
            self.camera_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.camera_list.blockSignals(False)
            self.say(self.tr("At most {count} cameras play in step").format(count=MAX_CAMERAS))
            return
        self.show_cameras(checked)

    def _center_view(self, position: dt.datetime) -> None:
        """The timelines show ``view_s`` around the position (never past now); read on a worker, then granted."""
        now = self.now()
        half = dt.timedelta(seconds=self.view_s / 2)
        end = min(now, position + half)
        self.view_start, self.view_end = end - 2 * half, end
        self.clock.set_span(self.view_start, self.view_end)
        self.clock.seek(position)
        self._read_timelines()

    def _on_view_span_changed(self) -> None:
        self.view_s = int(self.view_span.currentData())
        self._center_view(self.clock.position())

    def _read_timelines(self) -> None:
        if not self.cameras:
            return
        self._read_generation += 1
        generation, cameras = self._read_generation, list(self.cameras)
        start, end, session = self.view_start, self.view_end, self.accountability.session

        def read() -> list[Timeline]:
            return self.recordings.timeline(session, cameras, start, end)

        self.tasks.run(self._reads.submit(read), lambda found: self._on_timelines_read(generation, found),
                       lambda error: self._on_timelines_failed(generation, error))  # fmt: skip

    def _on_timelines_read(self, generation: int, found: list[Timeline]) -> None:
        if generation != self._read_generation or self._is_closing:
            return
        now = self.now()
        for timeline in found:
            built = timeline_from_spans(timeline.camera, self.view_start, self.view_end,
                                        [(span.start_utc, span.end_utc) for span in timeline.spans],
                                        [(gap.start_utc, gap.end_utc, gap.cause) for gap in timeline.gaps],
                                        timeline.locks, now, timeline.segments)  # fmt: skip
            self.timelines[timeline.camera] = built
            if timeline.camera in self.bars:
                self.bars[timeline.camera].show_timeline(built, self.view_start, self.view_end)
            if timeline.camera in self.feeds:
                self.feeds[timeline.camera].set_segments(timeline.segments)
        grant = self.grant
        if grant is None or (grant.cameras, grant.from_utc, grant.to_utc) != (tuple(self.cameras), self.view_start,
                                                                               self.view_end):  # fmt: skip
            self.ask_grant()  # a new span or new cameras; a lock placed on the same span plays on under its grant

    def _on_timelines_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._read_generation:
            self.say(sentence(error) if isinstance(error, WordedError) else str(error))

    # -- the law -----------------------------------------------------------------------------
    def ask_grant(self) -> None:
        """Ask the service for the span shown under the reason row; log the start, play once it is durable."""
        if not self.cameras:
            return
        self._stop_grant()
        try:
            reason = self.chosen_reason()
            grant = self.recordings.decide(self.accountability.session, Action.PLAY_RECORDINGS, reason, self.cameras,
                                           self.view_start, self.view_end)  # fmt: skip
        except WordedError as error:
            self._refused(sentence(error))
            return
        self.refusal = ""
        records = grant.start_records()
        waiting = {"count": len(records)}

        def durable(_: object = None) -> None:
            waiting["count"] -= 1
            if waiting["count"] == 0:
                self.accountability.rules.post(lambda: self._granted(grant))

        def failed(error: BaseException) -> None:
            self.accountability.rules.post(lambda: self._refused(sentence(error)))

        for record in records:
            self.accountability.writer.submit(record, durable, failed)

    def _granted(self, grant: Grant) -> None:
        if self._is_closing or tuple(grant.cameras) != tuple(self.cameras) or self.grant is not None:
            for record in grant.stop_records(self.now()):  # the cameras changed meanwhile: that playback ends at once
                self.accountability.writer.submit(record, is_fact=True)
            return
        self.grant = grant
        self.refusal = ""
        position = self.clock.position()
        for feed in self.feeds.values():
            feed.reposition(position, self.clock.is_reverse)
        self.say(self.tr("Playback logged under: {reason}").format(reason=word(grant.reason)))
        self._update_controls()

    def _refused(self, text: str) -> None:
        self.grant = None
        self.refusal = text
        self.clock.pause()
        self.say(text)
        self._update_controls()

    def _stop_grant(self) -> None:
        grant, self.grant = self.grant, None
        if grant is not None:
            for record in grant.stop_records(self.now()):
                self.accountability.writer.submit(record, is_fact=True)

    # -- playing -----------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.grant is None:
            self.say(self.refusal or self.tr("Nothing may be played yet: give a reason and choose cameras"))
            return
        self._act(self.clock.toggle())

    def set_reverse(self, is_reverse: bool) -> None:
        """Reverse plays backwards from where playback is, paused or not (forward again: the direction only)."""
        self._act(self.clock.set_reverse(is_reverse))
        if is_reverse and not self.clock.is_playing and self.grant is not None:
            self._act(self.clock.play())

    def set_speed(self, speed: float) -> None:
        self._act(self.clock.set_speed(speed))

    def seek(self, moment: dt.datetime) -> None:
        """Scrub, go to, an incident's time: every camera to that recording time."""
        if not (self.view_start <= moment <= self.view_end):
            self._center_view(moment)  # a new span: granted again before it plays
            return
        self._act(self.clock.seek(moment))

    def step(self, frames: int) -> None:
        """One frame on or back: to the next frame's own time when the first camera holds it."""
        position = self.clock.position()
        first = self.feeds.get(self.cameras[0]) if self.cameras else None
        neighbour = first.neighbour(position, frames) if first is not None else None
        self._act(self.clock.step(frames, to=neighbour))

    def _on_go_to_edited(self, _text: str) -> None:
        self._go_to_typed = True
        self.go_to.setStyleSheet("")

    def go_to_moment(self) -> dt.datetime | None:
        """The go-to field's date and time (the reader's clock) in UTC; None if it is not one."""
        text = " ".join(self.go_to.text().split())
        for layout in ("%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"):
            try:
                return dt.datetime.strptime(text, layout).astimezone().astimezone(dt.UTC)
            except ValueError:
                continue
        return None

    def _on_go_clicked(self) -> None:
        """Enter or Go: to the time typed; a time that is not one is said, and stays in the field to be mended."""
        moment = self.go_to_moment()
        if moment is None:
            self.go_to.setStyleSheet("background: #ffd7d7; color: #202020;")  # readable on the dark theme
            self.say(self.tr("'{text}' is not a date and time: type it as 05-12-2026 02:21:40").format(
                text=self.go_to.text().strip()[:40]))  # fmt: skip
            return
        self._go_to_typed = False
        self.go_to.setStyleSheet("")
        if moment > self.now():
            self.say(self.tr("{time} is still to come: nothing is recorded then").format(time=local_text(moment)))
            return
        self.seek(moment)

    def _show_go_to(self, position: dt.datetime) -> None:
        """The go-to field shows where playback is (not once the operator typed in it, nor while it has focus)."""
        if not self.go_to.hasFocus() and not self._go_to_typed:
            self.go_to.setText(local_text(position))

    def _act(self, events: list) -> None:
        for event in events:
            if isinstance(event, Repositioned):
                self._show_go_to(event.position)
            if isinstance(event, Repositioned) and self.grant is not None:
                for feed in self.feeds.values():
                    feed.reposition(event.position, event.is_reverse)
                self._paint_timer.setInterval(SETTLING_PAINT_MS)  # the new pictures shown as soon as decoded
            elif isinstance(event, EdgeReached) and not self._moves_on(event.position):
                self.say(self.tr("The end of the span shown: choose a wider span or go to another time"))
        self._update_controls()

    def _moves_on(self, at: dt.datetime) -> bool:
        """At an edge of the span shown with time beyond it (behind it in reverse, before now forwards): the span
        moves along with the playhead (granted again) and playing goes on, rather than stopping on recorded time."""
        if not self.cameras or (not self.clock.is_reverse and at >= self.now() - dt.timedelta(seconds=1)):
            return False
        self._center_view(at)
        return not any(isinstance(event, EdgeReached) for event in self.clock.play())

    def newest_recorded(self) -> dt.datetime | None:
        """The end of the newest recorded picture of the cameras shown, when it lies inside the span shown."""
        ends = [stretch[1] for stretch in (timeline.recorded() for timeline in self.timelines.values()) if stretch]
        newest = max(ends, default=None)
        return newest if newest is not None and newest < self.view_end else None

    def _hold_at_newest(self) -> bool:
        """Playing forwards stops at the newest recorded picture (said, and the timelines read again: a recording
        still being written has grown meanwhile, and Play goes on into it) rather than into 'not recorded'."""
        if not self.clock.is_playing or self.clock.is_reverse or self.grant is None:
            return False
        newest = self.newest_recorded()
        if newest is None or self.clock.position() < newest:
            return False
        self.clock.pause()
        self._act(self.clock.seek(newest - dt.timedelta(milliseconds=1)))  # its last picture, not the edge after it
        self.say(self.tr("Paused at the newest recorded picture ({time}): nothing is recorded after it yet").format(
            time=local_text(newest, with_date=False)))  # fmt: skip
        self._read_timelines()
        return True

    def _horizon(self) -> dt.datetime | None:
        found = [feed.horizon(self.clock.is_reverse) for feed in self.feeds.values()]
        known = [moment for moment in found if moment is not None]
        if not known:
            return None
        return max(known) if self.clock.is_reverse else min(known)

    def _on_paint_timer(self) -> None:
        if not self.cameras:
            return
        events = self.clock.tick(self._horizon()) if self.grant is not None else []
        self._act([event for event in events if not isinstance(event, Moved)])
        if self._hold_at_newest():
            events = []  # held back at the newest picture: painted there, not where the tick had run on to
        # The tick's own time: never past the slowest camera (a fresh reading would have run on meanwhile).
        moved = [event.position for event in events if isinstance(event, Moved)]
        position = moved[-1] if moved else self.clock.position()
        painted_at = painted_position(position, self.clock.rate)
        self.painted_at = painted_at
        for camera_id, feed in self.feeds.items():
            if self.grant is not None:
                feed.follow(position, self.clock.rate)
            timeline = self.timelines.get(camera_id)
            picture = self.pictures[camera_id]
            if self.grant is None:
                picture.show_frame(None, self.refusal or self.tr("Waiting for the log"))
            elif timeline is not None and not timeline.is_recorded_at(painted_at):
                band = timeline.band_at(painted_at)
                picture.show_frame(None, self.tr("No recording at this time: {cause}").format(
                    cause=cause_text(band.cause if band else None)))  # fmt: skip
            elif feed.problem is not None and feed.frame_at(painted_at) is None:
                picture.show_frame(None, cause_text(feed.problem))
            else:
                picture.show_frame(feed.frame_at(painted_at))
            self.bars[camera_id].set_position(position)
        self.time_label.setText(local_text(position, with_fraction=not self.clock.is_playing))
        if self._paint_timer.interval() != PAINT_MS and all(
            picture.shown is not None or picture.note for picture in self.pictures.values()
        ):
            self._paint_timer.setInterval(PAINT_MS)
        self.frames_painted.emit()

    def shown_stamps(self) -> dict[str, dt.datetime | None]:
        """Each camera's picture's recording time now (None: no picture)."""
        return {camera: (picture.shown.stamp if picture.shown is not None else None)
                for camera, picture in self.pictures.items()}  # fmt: skip

    def _update_controls(self) -> None:
        has_grant = self.grant is not None
        for widget in (self.play, self.step_back, self.step_forward, self.reverse, self.speed, self.go, self.go_to):
            widget.setEnabled(bool(self.cameras))
        self.play.setText(self.tr("Pause") if self.clock.is_playing else self.tr("Play"))
        why = self.refusal or (self.tr("Choose up to 4 cameras first") if not self.cameras else "")
        self.play.setToolTip(why or self.tr("Play or pause (space)"))
        role = self.accountability.session.role  # (the reason is the service's to check, with the rest of the law)
        self.lock_button.setEnabled(has_grant and is_allowed(role, Action.LOCK_EVIDENCE))
        self.export_button.setEnabled(has_grant and is_allowed(role, Action.EXPORT_RECORDINGS))

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    # -- evidence lock and export -----------------------------------------------------------
    def _action_span(self) -> tuple[dt.datetime, dt.datetime]:
        """What is shown: a minute either side of the position, within the span granted."""
        position = self.clock.position()
        return max(self.view_start, position - dt.timedelta(minutes=1)), min(
            self.view_end, position + dt.timedelta(minutes=1)
        )

    def ask_lock(self) -> None:
        start, end = self._action_span()
        dialog = RecordingActionDialog(False, [self.all_cameras[c] for c in self.cameras], start, end,
                                       self.export_folder, self)  # fmt: skip
        dialog.submitted.connect(lambda: self.place_lock(dialog.chosen_cameras(), *dialog.span(),
                                                         dialog.incident.text().strip() or None,
                                                         dialog.judicial_file.text().strip() or None,
                                                         dialog.lock_reason.text(), dialog))  # fmt: skip
        dialog.open()

    def place_lock(self, cameras: list[str], start: dt.datetime, end: dt.datetime, incident: str | None,
                   judicial_file: str | None, why: str,
                   dialog: RecordingActionDialog | None = None) -> None:  # fmt: skip
        """The lock placed (the dialog then closes), or the refusal's own words in the dialog (else the status)."""
        session = self.accountability.session
        refused = dialog.refuse if dialog is not None else self.say
        if (incident is None) == (judicial_file is None):
            refused(self.tr("Fill in an incident or a judicial file (one of the two, not both)"))
            return
        try:
            request = evidence_locks.LockRequest(tuple(cameras), Span(start, end), incident, judicial_file, why)
            change = evidence_locks.place(session.who, session.role, request, self.all_cameras)
        except WordedError as error:
            refused(sentence(error))
            return
        heard: list[str] = []

        def hear(worded: object) -> None:  # the rules say why on these signals, then call ``otherwise``
            heard.append(sentence(worded))  # type: ignore[arg-type]

        def stop_hearing() -> None:
            for signal in (self.accountability.refused, self.accountability.log_failed):
                signal.disconnect(hear)

        def placed(detail: dict) -> None:
            stop_hearing()
            self.say(self.tr("Evidence lock {number} placed").format(number=detail.get("lock", "")))
            if dialog is not None:
                dialog.finish()
            self._read_timelines()

        def not_placed() -> None:
            stop_hearing()
            refused(heard[-1] if heard else self.tr("The evidence lock was not placed"))

        self.accountability.refused.connect(hear)
        self.accountability.log_failed.connect(hear)
        if not self.accountability.change(Action.LOCK_EVIDENCE, change, then=placed, otherwise=not_placed):
            not_placed()

    def ask_export(self) -> None:
        start, end = self._action_span()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        try:
            reason = self.chosen_reason()
        except WordedError as error:
            self.say(sentence(error))
            return
        dialog = RecordingActionDialog(True, [self.all_cameras[c] for c in self.cameras], start, end,
                                       self.export_folder / f"export-{stamp}", self, reason)  # fmt: skip
        dialog.submitted.connect(lambda: self.export(dialog.chosen_cameras(), *dialog.span(),
                                                     Path(dialog.folder.text()), dialog.recipient.text(),
                                                     dialog))  # fmt: skip
        dialog.open()

    def export(self, cameras: list[str], start: dt.datetime, end: dt.datetime, folder: Path, recipient: str,
               dialog: RecordingActionDialog | None = None) -> None:  # fmt: skip
        """A sealed export on a worker; the window says where it went and the manifest's hash, or the rule
        (in the dialog, which stays open with its fields until the export is written)."""
        refused = dialog.refuse if dialog is not None else self.say
        try:
            reason = self.chosen_reason()
        except WordedError as error:
            refused(sentence(error))
            return
        session = self.accountability.session
        self.say(self.tr("Exporting..."))

        def done(exported: object) -> None:
            self.say(self.tr("Exported to {folder} (manifest {sha256})").format(
                folder=folder, sha256=getattr(exported, "manifest_sha256", "")[:16]))  # fmt: skip
            if dialog is not None:
                dialog.finish()

        def failed(error: BaseException) -> None:
            text = sentence(error) if isinstance(error, WordedError) else say(error)
            self.say(text)
            refused(text)

        future = self._exports.submit(self.recordings.export, session, reason, cameras, start, end, folder, recipient)
        self.tasks.run(future, done, failed)

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

    def shutdown(self, timeout_s: float = 3.0) -> bool:
        """Playback stops (logged), the feeds' threads end."""
        if self._is_closing:
            return True
        self._is_closing = True
        self._paint_timer.stop()
        self._stop_grant()
        for feed in self.feeds.values():
            feed.stop()
        is_done = all(feed.join(timeout_s) for feed in self.feeds.values())
        self._reads.shutdown(wait=False, cancel_futures=True)
        self._exports.shutdown(wait=False)
        return is_done
