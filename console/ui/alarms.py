"""The room's alarm queue on a desk that handles alarms: the list, the chosen alarm's still, the steps.

The desk's one alarm feed (``console.ui.alarm_video.AlarmFeed``, shared with the alarm tile) reads
the queue on a worker (``AlarmReader.queue_if_changed``: one integer, the whole queue only when it
moved), woken by the room's change notices as the dispatch feed is, else by a short poll; stills are
read and evidence written on the panel's own worker: never on the GUI thread. Each step (take, hand
back, close with an outcome, an incident made from the alarm) is a change handed to the desk's audit
writer; a refusal (someone took it first) comes back as a sentence in the panel's message line, and
nothing the operator typed is lost.

An alarm another operator takes leaves this desk's list at once (``visible_to``); the message line
says who took it. The team chief sees every open alarm, the escalated ones marked.

Signals for the rest of the desk (the wall's alarm tile, the strip, the map): ``alarm_arrived``
(a new alarm on this desk's list, once), ``alarm_taken_here`` (this desk took it, once the store
says so), ``alarms_changed`` (this desk's list), ``alarm_opened`` (the operator chose one).
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.access.permissions import Action
from console.alarms.model import Alarm, AlarmState, Outcome
from console.audit.evidence import save_evidence
from console.config.loader import CameraConfig
from console.services import alarm_desk
from console.services.alarm_queue import AlarmReader, Taker, close_alarm, release_alarm, take_alarm
from console.services.alerts import Alert
from console.ui.accountability import Accountability
from console.ui.alarm_video import AlarmFeed
from console.ui.dispatch.forms import LinesLabel, can_act, select_row, selected_key, table_view
from console.ui.dispatch.models import ALARM, MUTED, P1_BACKGROUND, WARN, AlertSound, _TableModel, duration, local_hhmm
from console.ui.tasks import TaskRunner
from console.ui.wheel import steady_wheel
from console.ui.words import say
from console.video.stream import Frame
from console.wording import QT_TRANSLATE_NOOP, Worded

LOGGER = logging.getLogger("uitkijk.alarms")
STILL_WIDTH_PX = 320
ESCALATED = QColor("#c77dff")  # the team chief's colour for what was escalated to him
DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
CLOSING = (Outcome.FALSE_ALARM, Outcome.SEEN_NOTHING, Outcome.HANDLED, Outcome.TECHNICAL,
           Outcome.ADDED_TO_INCIDENT)  # closed from the panel ('incident made': Make incident)  # fmt: skip


def still_picture(jpeg: bytes | None, width_px: int = STILL_WIDTH_PX) -> QImage | None:
    """The alarm's still decoded and scaled on the worker (QImage is safe off the GUI thread); None if none."""
    if not jpeg:
        return None
    image = QImage.fromData(jpeg)
    if image.isNull():
        return None
    return image.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation)


def sentence(text: str) -> str:
    """A fact on a line of its own begins with a capital ('Genomen door An Peeters'), so two facts never read as one."""
    return text[:1].upper() + text[1:]


class StillReader(QObject):
    """The panel's own worker: an alarm's still read and decoded, the evidence still written (never the GUI thread)."""

    failed = Signal(str)

    def __init__(self, reader: AlarmReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="alarm-stills")
        self._tasks = TaskRunner(self)
        self._is_shut_down = False

    def read_still(self, alarm_id: int, then: Callable[[tuple[bytes | None, QImage | None]], None]) -> None:
        """The alarm's still (as stored, and decoded for the panel), handed to ``then`` on the GUI thread."""

        def read() -> tuple[bytes | None, QImage | None]:
            jpeg = self.reader.still(alarm_id)
            return jpeg, still_picture(jpeg)

        self.run(read, then)

    def run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        if not self._is_shut_down:
            self._tasks.run(self._executor.submit(work), then, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        LOGGER.warning("an alarm's still could not be read or kept: %s", error)
        self.failed.emit(self.tr("the alarm's still could not be read: {error}").format(error=error))

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._executor.shutdown(wait=True, cancel_futures=False)


class AlarmQueueModel(_TableModel):
    """This desk's alarms: new ones on top by priority then time, then those in progress."""

    COLUMNS = ("No.", "Time", "P", "Camera", "What", "State")  # repeats: "×3" after what (a 1366 px desk)
    TIME_COLUMNS = (5,)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Time"), "P", self.tr("Camera"), self.tr("What"), self.tr("State"))

    def __init__(self, camera_names: dict[str, str], places: dict[str, str], is_chief: bool,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.camera_names = camera_names
        self.places = places
        self.is_chief = is_chief

    def key(self, item: Alarm) -> int:
        return item.id

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:  # type: ignore[override]
        if not index.isValid() or index.row() >= len(self.items):
            return None
        alarm: Alarm = self.items[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == 5:
                return self.state_text(alarm)
            camera = self.camera_names.get(alarm.camera, alarm.camera)
            what = say(alarm_desk.alarm_what(alarm)) + (f" ×{alarm.repeats + 1}" if alarm.repeats else "")
            return (alarm.label, local_hhmm(alarm.raised_utc), f"P{alarm.priority}", camera, what)[column]
        if role == FOREGROUND:
            if alarm.state is AlarmState.IN_PROGRESS:
                return QBrush(MUTED) if column != 5 else QBrush(WARN)
            if alarm.is_escalated and (self.is_chief or column == 5):
                return QBrush(ESCALATED)
            if column == 2 and alarm.priority == 1:
                return QBrush(ALARM)
        if role == BACKGROUND and alarm.state is AlarmState.NEW and alarm_desk.is_urgent(alarm):
            return QBrush(P1_BACKGROUND)
        if role == TOOLTIP:
            camera = self.camera_names.get(alarm.camera, alarm.camera)
            return self.tr("Alarm {number}: {what} on {camera} ({place})").format(
                number=alarm.label, what=say(alarm_desk.alarm_what(alarm)), camera=camera,
                place=self.places.get(alarm.camera, ""))  # fmt: skip
        if role == USER:
            return alarm.id
        return None

    def state_text(self, alarm: Alarm) -> str:
        if alarm.state is AlarmState.NEW:
            waited = duration(alarm_desk.waiting_s(alarm, self.now))
            if alarm.is_escalated:
                return self.tr("escalated {time}").format(time=waited)  # how long nobody took it (the tooltip says)
            return self.tr("new, {time}").format(time=waited)
        return say(alarm_desk.state_worded(alarm))


class AlarmPanel(QWidget):
    """The alarm queue of this desk: the list, the chosen alarm's still and facts, and its steps."""

    alarm_arrived = Signal(object)  # Alarm: new on this desk's list (once per alarm; not those there at sign-in)
    alarm_taken_here = Signal(object)  # Alarm: taken by this user at this desk (once, as the store has it)
    alarms_changed = Signal(object)  # list[Alarm]: this desk's list now
    alerts_changed = Signal(object)  # list[Alert]: what the alert strip shows of the alarms
    alarm_opened = Signal(object)  # Alarm: chosen in the list (the map marks its camera)
    incident_made = Signal(str)  # an incident made from an alarm (the dispatch panel shows it)
    message_shown = Signal(str)

    def __init__(self, accountability: Accountability, feed: AlarmFeed, config: CameraConfig, sound: AlertSound,
                 evidence_folder: Path, parent: QWidget | None = None,
                 live_picture: Callable[[str], Frame | None] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("alarmPanel")
        self.live_picture = live_picture or (lambda _camera: None)  # the desk's live frame of a camera, if shown
        self.accountability = accountability
        self.feed = feed
        self.config = config
        self.sound = sound
        self.evidence_folder = evidence_folder
        session = accountability.session
        self.taker = Taker(session.user.name, session.user.full_name, session.role.value, session.workstation)
        self.is_chief = session.role.value == "team chief"
        self.camera_names = {camera.id: camera.name for camera in config.cameras}
        self.places = {camera.id: camera.location.street for camera in config.cameras}
        self.alarms: list[Alarm] = []  # this desk's list
        self.everything: list[Alarm] = []  # the queue as read (for who took what)
        self.alerts: list[Alert] = []
        self._seen: set[int] | None = None  # alarms already on this desk's list (None: not read yet)
        self._taken_here: set[int] = set()
        self._shown_still: int | None = None
        self._still_jpeg: tuple[int, bytes | None] | None = None
        self.stills = StillReader(feed.reader, self)
        self.stills.failed.connect(self.show_message)
        self._build()
        steady_wheel(self)  # its outcome and incident choices take the wheel only when focused, like every field
        self._refusal: object = None  # the last refusal the desk heard: said when a step of this panel is refused
        accountability.refused.connect(self._on_refused)
        feed.changed.connect(self._on_feed_changed)
        feed.failed.connect(self.show_message)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        if feed.revision >= 0:  # the desk's feed read the queue already: this list starts from that reading
            self._on_feed_changed(feed.alarms)

    # -- construction ---------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Alarms"))
        self.title.setObjectName("panelHeading")
        column.addWidget(self.title)
        self.model = AlarmQueueModel(self.camera_names, self.places, self.is_chief, self)
        self.list = table_view(self.model, 4)
        self.list.setObjectName("alarmList")
        # Six alarms in sight, then the chosen one's still, facts and steps right under it: the tab is as tall as the
        # incidents' (a long page in a short dock), and a list that took the height put the steps out of sight.
        self.list.setMinimumHeight(24 * 4 + 28)
        self.list.setMaximumHeight(24 * 6 + 28)
        column.addWidget(self.list)
        detail = QHBoxLayout()
        self.still = QLabel(self.tr("no still"))
        self.still.setObjectName("alarmStill")
        self.still.setFixedSize(STILL_WIDTH_PX, STILL_WIDTH_PX * 9 // 16)
        self.still.setAlignment(Qt.AlignmentFlag.AlignCenter)
        detail.addWidget(self.still)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.facts.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        detail.addWidget(self.facts, 1)
        column.addLayout(detail)
        buttons = QGridLayout()
        self.take = QPushButton(self.tr("Take (Enter)"))
        self.take.clicked.connect(self.take_selected)
        self.hand_back = QPushButton(self.tr("Hand back"))
        self.hand_back.clicked.connect(self.release_selected)
        self.make_incident = QPushButton(self.tr("Make incident"))
        self.make_incident.clicked.connect(self.incident_from_selected)
        buttons.addWidget(self.take, 0, 0)
        buttons.addWidget(self.hand_back, 0, 1)
        buttons.addWidget(self.make_incident, 0, 2)
        self.outcome = QComboBox()
        self.outcome.setObjectName("alarmOutcome")
        for outcome in CLOSING:
            self.outcome.addItem(say(alarm_desk.outcome_worded(outcome)), outcome)
        self.note = QLineEdit()
        self.note.setObjectName("alarmNote")
        self.note.setPlaceholderText(self.tr("note (Enter closes)"))
        self.note.returnPressed.connect(self.close_selected)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close_selected)
        self.outcome.currentIndexChanged.connect(self._update_buttons)
        self.incident_choice = QComboBox()  # for 'added to incident': the open incidents (the dispatch board's)
        self.incident_choice.setObjectName("alarmIncident")
        self.incident_choice.addItem(self.tr("to which incident? (choose)"), None)
        self.incident_choice.activated.connect(self._update_buttons)
        buttons.addWidget(self.incident_choice, 2, 0, 1, 3)
        buttons.addWidget(self.outcome, 1, 0)
        buttons.addWidget(self.note, 1, 1)
        buttons.addWidget(self.close_button, 1, 2)
        column.addLayout(buttons)
        self.message = LinesLabel(2)
        self.message.setObjectName("panelMessage")
        column.addWidget(self.message)
        column.addStretch(1)
        for keys in ("Return", "Enter"):  # Enter on the list takes the chosen alarm
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.take_selected)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.list.doubleClicked.connect(lambda _: self.take_selected())  # a double-click takes it, as Enter does
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu_requested)
        self._update_buttons()

    def row_menu(self) -> QMenu:
        """The chosen alarm's steps on a right-click (the buttons' own, enabled as they are)."""
        menu = QMenu(self)
        menu.setObjectName("alarmMenu")
        steps = ((self.tr("Take (Enter, double-click)"), self.take), (self.hand_back.text(), self.hand_back),
                 (self.make_incident.text(), self.make_incident))  # fmt: skip
        for text, button in steps:
            action = menu.addAction(text)
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
        closing = menu.addMenu(self.tr("Close as"))
        closing.setEnabled(self.close_button.isEnabled() or self.outcome.currentData() is Outcome.ADDED_TO_INCIDENT)
        for index in range(self.outcome.count()):
            action = closing.addAction(self.outcome.itemText(index))
            action.triggered.connect(lambda checked=False, row=index: self._close_as(row))
        return menu

    def _on_context_menu_requested(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        select_row(self.list, index.row())
        self.row_menu().exec(self.list.viewport().mapToGlobal(position))

    def _close_as(self, row: int) -> None:
        """Close with the outcome chosen in the menu (the note as typed); 'added to incident' asks which first."""
        self.outcome.setCurrentIndex(row)
        if self.outcome.currentData() is Outcome.ADDED_TO_INCIDENT and self.incident_choice.currentData() is None:
            self.incident_choice.setFocus()
            self.show_message(self.tr("Choose the incident this alarm belongs to"))
            return
        self.close_selected()

    # -- the feed ------------------------------------------------------------------------------------
    def _on_feed_changed(self, alarms: list[Alarm]) -> None:
        now = dt.datetime.now(dt.UTC)
        before = {alarm.id: alarm for alarm in self.alarms}
        self.everything = list(alarms)
        mine = alarm_desk.desk_queue(alarms, self.taker.user, self.taker.role)
        chosen = selected_key(self.list)
        self.model.now = now
        blocker = self.list.selectionModel().blockSignals(True)
        self.model.replace(mine)
        select_row(self.list, self.model.row_of(chosen) if chosen is not None else None)
        self.list.selectionModel().blockSignals(blocker)
        if chosen is None and mine:
            select_row(self.list, 0)  # the most urgent in front (its still is read); the focus stays where it is
        self.alarms = mine
        ids = {alarm.id for alarm in mine}
        is_first = self._seen is None
        fresh = [alarm for alarm in mine if not is_first and alarm.id not in (self._seen or set())
                 and alarm.state is AlarmState.NEW]  # fmt: skip
        self._seen = (self._seen or set()) | ids
        by_id = {alarm.id: alarm for alarm in alarms}
        for alarm_id, was in before.items():  # gone from this list: taken by someone else (or closed)
            now_alarm = by_id.get(alarm_id)
            if alarm_id not in ids and now_alarm is not None and now_alarm.state is AlarmState.IN_PROGRESS:
                self.show_message(self.tr("Alarm {number} was taken by {name}").format(
                    number=was.label, name=now_alarm.taken_name or now_alarm.taken_by))  # fmt: skip
        for alarm in mine:
            is_here = alarm.taken_by == self.taker.user and alarm.taken_workstation == self.taker.workstation
            if alarm.state is AlarmState.IN_PROGRESS and is_here and alarm.id not in self._taken_here:
                self._taken_here.add(alarm.id)
                if not is_first:
                    self.alarm_taken_here.emit(alarm)
        for alarm in sorted(fresh, key=lambda each: (each.priority, each.id)):
            text = self.tr("Alarm {number}: {what} on {camera}").format(
                number=alarm.label, what=say(alarm_desk.alarm_what(alarm)),
                camera=self.camera_names.get(alarm.camera, alarm.camera))  # fmt: skip
            self.sound.play(text, is_urgent=alarm_desk.is_urgent(alarm))
            self.alarm_arrived.emit(alarm)
        self._show_count()
        self._show_selected()
        self.alarms_changed.emit(mine)
        self._update_alerts(now)

    def _show_count(self) -> None:
        waiting = sum(1 for alarm in self.alarms if alarm.state is AlarmState.NEW)
        self.title.setText(self.tr("Alarms ({count} new)").format(count=waiting) if waiting else self.tr("Alarms"))

    def _update_alerts(self, now: dt.datetime) -> None:
        new = [alarm for alarm in self.alarms if alarm.state is AlarmState.NEW]
        alerts: list[Alert] = []
        if new:
            newest = max(new, key=lambda alarm: (alarm_desk.is_urgent(alarm), alarm.raised_utc, alarm.id))
            text = Worded(QT_TRANSLATE_NOOP("Domain", "newest {alarm}: {what} on {camera}, waiting {waited}"),
                          alarm=newest.label, what=alarm_desk.alarm_what(newest),
                          camera=self.camera_names.get(newest.camera, newest.camera),
                          waited=duration(alarm_desk.waiting_s(newest, now)))  # fmt: skip
            urgent = any(alarm_desk.is_urgent(alarm) for alarm in new)
            alerts.append(Alert("alarm", len(new), text, f"alarm:{newest.id}", urgent))
        escalated = [alarm for alarm in new if alarm.is_escalated] if self.is_chief else []
        if escalated:  # the team chief's own chip, in his colour: who has not taken what, for how long
            oldest = alarm_desk.most_urgent(escalated)  # a new P1 before an old P2
            text = Worded(QT_TRANSLATE_NOOP("Domain", "{alarm}: {what} on {camera}, not taken for {waited}"),
                          alarm=oldest.label, what=alarm_desk.alarm_what(oldest),
                          camera=self.camera_names.get(oldest.camera, oldest.camera),
                          waited=duration(alarm_desk.waiting_s(oldest, now)))  # fmt: skip
            alerts.insert(0, Alert("escalated", len(escalated), text, f"alarm:{oldest.id}", True))
        if alerts != self.alerts:
            self.alerts = alerts
            self.alerts_changed.emit(alerts)

    def _on_clock_timeout(self) -> None:
        now = dt.datetime.now(dt.UTC)
        self.model.tick(now)
        self._update_alerts(now)

    # -- the chosen alarm ----------------------------------------------------------------------------
    def selected(self) -> Alarm | None:
        alarm_id = selected_key(self.list)
        return next((alarm for alarm in self.alarms if alarm.id == alarm_id), None) if alarm_id is not None else None

    def _on_selection_changed(self, *_: object) -> None:
        self._show_selected()
        alarm = self.selected()
        if alarm is not None:
            self.alarm_opened.emit(alarm)

    def _show_selected(self) -> None:
        alarm = self.selected()
        if alarm is None:
            self.facts.setText(self.tr("No alarm chosen") if self.alarms else self.tr("No alarms"))
            self._set_still(None)
            self._shown_still = None
        else:
            camera = self.camera_names.get(alarm.camera, alarm.camera)
            lines = [
                f"<b>{alarm.label}</b> \u00b7 P{alarm.priority} \u00b7 {say(alarm_desk.alarm_what(alarm))}",
                f"{camera} \u00b7 {self.places.get(alarm.camera, '')}",
                self.tr("raised {time}, {repeats} repeats").format(
                    time=local_hhmm(alarm.raised_utc), repeats=alarm.repeats
                ),  # fmt: skip
                say(alarm_desk.state_worded(alarm)),
            ]
            if alarm.is_escalated:
                lines.append(self.tr("escalated to the team chief at {time}").format(
                    time=local_hhmm(alarm.escalated_utc or "")))  # fmt: skip
            self.facts.setText("<br>".join(sentence(line) for line in lines))  # each fact a line and a sentence
            if self._shown_still != alarm.id:
                self._shown_still = alarm.id
                self._set_still(None)
                self.stills.read_still(alarm.id, lambda read, alarm_id=alarm.id: self._on_still_read(alarm_id, read))
        self._update_buttons()

    def _on_still_read(self, alarm_id: int, read: tuple[bytes | None, QImage | None]) -> None:
        self._still_jpeg = (alarm_id, read[0])
        if self._shown_still == alarm_id:
            self._set_still(read[1])

    def _set_still(self, image: QImage | None) -> None:
        if image is None:
            self.still.setPixmap(QPixmap())
            self.still.setText(self.tr("no still"))
        else:
            fitted = QPixmap.fromImage(image).scaled(self.still.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation)  # fmt: skip
            self.still.setPixmap(fitted)

    def _update_buttons(self) -> None:
        alarm = self.selected()
        none = self.tr("choose an alarm first") if alarm is None else None
        mine = alarm is not None and alarm.state is AlarmState.IN_PROGRESS and alarm.taken_by == self.taker.user
        taken = None
        if alarm is not None and alarm.state is AlarmState.IN_PROGRESS and not mine and not self.is_chief:
            taken = self.tr("{name} has taken it").format(name=alarm.taken_name or alarm.taken_by)
        can_act(self.take, none or (self.tr("you have taken it") if mine else None) or taken,
                self.tr("Take the alarm: it leaves the other desks' lists (Enter)"))  # fmt: skip
        not_in_progress = (None if alarm is None or alarm.state is AlarmState.IN_PROGRESS
                           else self.tr("only an alarm in progress is handed back"))  # fmt: skip
        can_act(self.hand_back, none or not_in_progress or taken, self.tr("Hand it back: new again on every list"))
        adding = self.outcome.currentData() is Outcome.ADDED_TO_INCIDENT
        self.incident_choice.setVisible(adding)
        is_unchosen = adding and self.incident_choice.currentData() is None
        no_incident = self.tr("choose the incident first") if is_unchosen else None
        can_act(self.close_button, none or taken or no_incident,
                self.tr("Close it with the chosen outcome (a new one is taken too)"))  # fmt: skip
        can_act(
            self.make_incident,
            none or taken,
            self.tr("One action: an incident at the camera's place with the still, and the alarm closed"),
        )

    # -- steps ----------------------------------------------------------------------------------------
    def open_alarm(self, alarm_id: int) -> None:
        """An alert or a map mark clicked: the alarm chosen in the list (the focus is the caller's to give)."""
        row = self.model.row_of(alarm_id)
        if row is not None:
            select_row(self.list, row)
        self.feed.poll()

    def take_selected(self) -> None:
        alarm = self.selected()
        if alarm is None:
            return
        said = self.tr("Alarm {number} is yours").format(number=alarm.label)
        self._submit(take_alarm(alarm.id, self.taker), lambda _: self.show_message(said))

    def release_selected(self) -> None:
        alarm = self.selected()
        if alarm is None:
            return
        said = self.tr("Alarm {number} handed back").format(number=alarm.label)
        self._submit(release_alarm(alarm.id, self.taker), lambda _: self.show_message(said))

    def show_incidents(self, incidents: list[tuple[str, str]]) -> None:
        """The open incidents an alarm may be added to (id, how the queue says it); the choice is kept."""
        chosen = self.incident_choice.currentData()
        self.incident_choice.clear()
        self.incident_choice.addItem(self.tr("to which incident? (choose)"), None)
        for incident_id, text in incidents:
            self.incident_choice.addItem(text, incident_id)
        self.incident_choice.setCurrentIndex(max(0, self.incident_choice.findData(chosen)))
        self._update_buttons()

    def close_selected(self) -> None:
        alarm, outcome, note = self.selected(), self.outcome.currentData(), self.note.text()
        if alarm is None or outcome is None:
            return
        if outcome is Outcome.ADDED_TO_INCIDENT:
            incident_id = self.incident_choice.currentData()
            if incident_id is None:
                self.show_message(self.tr("Choose the incident this alarm belongs to"))
                return
            said = self.tr("Alarm {number} added to {incident}").format(number=alarm.label, incident=incident_id)

            def added(_: dict) -> None:
                if self.note.text() == note:
                    self.note.clear()
                self.show_message(said)

            self._submit(alarm_desk.add_to_incident(alarm, incident_id, self.taker, note), added)
            return

        def closed(_: dict) -> None:
            if self.note.text() == note:  # what was typed meanwhile stays
                self.note.clear()
            self.show_message(self.tr("Alarm {number} closed: {outcome}").format(
                number=alarm.label, outcome=say(alarm_desk.outcome_worded(outcome))))  # fmt: skip

        self._submit(close_alarm(alarm.id, outcome, self.taker, note), closed)

    def incident_from_selected(self) -> None:
        """One action: the still read (worker), then one change makes the incident and closes the alarm with it;
        once durable the still is written as evidence beside the desk's snapshots and the incident is shown."""
        alarm = self.selected()
        if alarm is None:
            return
        camera = next((each for each in self.config.cameras if each.id == alarm.camera), None)
        if camera is None:
            self.show_message(self.tr("Camera {camera} is not in this desk's configuration").format(
                camera=alarm.camera))  # fmt: skip
            return
        note = self.note.text()
        live = self.live_picture(alarm.camera)  # no still (a Mobbox's door): the picture this desk shows, if it does
        live_rows = (live.rows.copy(), live.width, live.height) if live is not None else None

        def read_still() -> tuple[bytes | None, QImage | None]:
            jpeg = self.feed.reader.still(alarm.id)
            if not jpeg and live_rows is not None:
                jpeg = alarm_desk.live_still_jpeg(*live_rows)
            return jpeg, None

        def with_still(read: tuple[bytes | None, QImage | None]) -> None:
            jpeg = read[0]
            snapshot = None
            if jpeg:
                snapshot = alarm_desk.still_snapshot(alarm, jpeg, alarm_desk.still_file_name(alarm))
            draft = alarm_desk.alarm_draft(alarm, camera, say, snapshot)
            change = alarm_desk.incident_from_alarm(alarm, draft, self.taker, note)

            def made(detail: dict) -> None:
                incident_id = str(detail["incident"])
                if self.note.text() == note:
                    self.note.clear()
                if jpeg and snapshot is not None:
                    self.stills.run(lambda: self._keep_still(alarm, camera.name, jpeg, snapshot.file, incident_id),
                                  lambda _: None)  # fmt: skip
                self.show_message(self.tr("Incident {incident} made from alarm {number}").format(
                    incident=incident_id, number=alarm.label))  # fmt: skip
                self.incident_made.emit(incident_id)

            self._submit(change, made)

        self.stills.run(read_still, with_still)

    def _keep_still(self, alarm: Alarm, camera_name: str, jpeg: bytes, file_name: str, incident_id: str) -> None:
        """The still as evidence, as it came (on the worker, after the entry that links it is durable)."""
        day = self.evidence_folder / alarm_desk.still_day(alarm)
        still_path = day / file_name
        session = self.accountability.session
        sidecar = {"camera": alarm.camera, "camera_name": camera_name, "utc": alarm.event_utc,
                   "alarm": alarm.id, "incident": incident_id, "user": session.user.name,
                   "role": session.role.value, "workstation": session.workstation,
                   "sha256": alarm_desk.still_snapshot(alarm, jpeg, file_name).sha256, "file": file_name}  # fmt: skip
        try:
            save_evidence(still_path, still_path.with_suffix(".json"), jpeg, sidecar)
        except OSError as error:
            LOGGER.error("the still of alarm %s was not kept: %s", alarm.label, error)

    def _submit(self, change: Any, then: Callable[[dict], None]) -> None:
        """The step through the desk's audit writer; refused (taken meanwhile, a locked desk): said here, the list
        read again, and what was typed stays."""
        self._refusal = None
        is_sent = self.accountability.change(Action.HANDLE_ALARMS, change,
                                             then=lambda detail: (then(detail), self.feed.poll()),
                                             otherwise=self._on_step_refused)  # fmt: skip
        if not is_sent:
            self._on_step_refused()

    def _on_refused(self, why: object) -> None:
        self._refusal = why  # emitted just before the refused step's ``otherwise``

    def _on_step_refused(self) -> None:
        if self._refusal is not None:
            self.show_message(self.tr("Not done: {why}").format(why=say(self._refusal)))
        self._refusal = None
        self.feed.poll()

    def show_message(self, message: object) -> None:
        text = say(message)
        self.message.setText(text)
        self.message_shown.emit(text)

    def shutdown(self) -> None:
        self._clock.stop()
        self.stills.shutdown()
