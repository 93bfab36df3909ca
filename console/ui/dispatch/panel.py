"""The patrol-dispatch panel: the incident queue, the incident form, the unit board and the ANPR hits.

Every button builds a change (``console.dispatch.service``) and hands it to the
audit writer; the records change only once the entry is durable, and the panel
shows the result when the feed reads it back, as every other console does. A
change the records refuse (someone else dispatched that unit first) comes back
as a sentence in the panel's message line.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.access.permissions import Action, is_allowed
from console.access.reasons import Category, Kind, Reason
from console.config.loader import CameraConfig
from console.dispatch import service
from console.dispatch.config import Units, load_watchlists, places
from console.dispatch.model import (
    IllegalChange,
    Incident,
    IncidentState,
    Unit,
    UnitState,
    check_unit_transition,
    locate,
    overdue,
    queue_order,
    unit_report_targets,
    units_to_offer,
)
from console.dispatch.service import Board, Hit
from console.services.alerts import Alert, desk_alerts, sightings, to_acknowledge
from console.ui.accountability import Accountability
from console.ui.alarms import AlarmPanel
from console.ui.alert_strip import AlertStrip
from console.ui.dispatch.forms import (
    BLANK,
    HitView,
    IncidentForm,
    LinesLabel,
    can_act,
    select_row,
    selected_key,
    table_view,
)
from console.ui.dispatch.models import (
    AlertSound,
    DispatchFeed,
    HitListModel,
    IncidentQueueModel,
    UnitBoardModel,
    duration,
)
from console.ui.dispatch.p1_alert import PriorityOneAlert
from console.ui.passes import FRAMES_AND_PANELS, Spending
from console.ui.screen_fit import open_within_screen
from console.ui.wheel import steady_wheel
from console.ui.words import capitalised, incident_type, say, text_word, word

LOGGER = logging.getLogger("uitkijk.dispatch")
UNIT_ACTIONS = (UnitState.EN_ROUTE, UnitState.ON_SCENE, UnitState.AVAILABLE, UnitState.BUSY, UnitState.OUT_OF_SERVICE)


@dataclass(frozen=True)
class WallHooks:
    """What the dispatch panel may ask of the wall beside it."""

    follow: Callable[[Incident], None]  # video follows the incident
    link_tile: Callable[[str], None]  # the selected tile's camera joins the incident (by id)
    show_camera: Callable[[str, str], None]  # a hit's camera on the wall (camera id, reference)
    recordings: Callable[[Incident], None] | None = None  # its cameras' recordings around its time


class DispatchPanel(QWidget):
    """The panel in the wall window (or the call-taker's whole window)."""

    message_shown = Signal(str)
    alert_raised = Signal(str, str)  # kind ("ANPR hit", "priority 1"), text: a new one, once (the sound plays)
    alerts_changed = Signal(object)  # list[Alert]: what the window's alert strip shows now
    focus_requested = Signal()  # an alert was opened: the window brings the panel in front
    incident_chosen = Signal(str)  # the operator chose an incident in the queue: the map marks what sees it

    def __init__(self, accountability: Accountability, feed: DispatchFeed, config: CameraConfig, units: Units,
                 sound: AlertSound, wall: WallHooks | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("dispatchPanel")
        self.accountability = accountability
        self.feed = feed
        self.config = config
        self.units = units
        self.sound = sound
        self.places = places(config)
        self.camera_names = {camera.id: camera.name for camera in config.cameras}
        self.watchlists = load_watchlists(config.folder)  # checked at start: the lists' severities colour the hits
        self.alerts: list[Alert] = []
        self.alarm_alerts: list[Alert] = []  # the alarm panel's (a desk that handles alarms): on the same strip
        self.room_alerts: list[Alert] = []  # the room's technical faults the team chief sees (a relay down)
        self.alarm_panel: AlarmPanel | None = None
        self.can_view = self._may_without_reason(Action.VIEW_LIVE)
        self.can_dispatch = self._may_without_reason(Action.DISPATCH_UNITS)
        self.is_supervisor = self._may_without_reason(Action.SUPERVISE)
        self.can_manage = self._may_without_reason(Action.MANAGE_INCIDENTS)
        self.p1_alert = PriorityOneAlert(self)
        self.p1_alert.acknowledged.connect(self.acknowledge)
        self.p1_alert.opened.connect(self.open_target)
        self.wall = wall  # what the panel may ask of a wall (a call-taker's desk has none)
        self.board: Board | None = None
        self.current_id: str | None = None
        self._seen_hits: set[int] | None = None
        self._seen_sightings: set[tuple[str, str]] | None = None  # (incident, read's time) already sounded
        self._warned: set[str] = set()
        self._shown_hit: int | None = None
        self.unsaved_question: UnsavedQuestion | None = None  # open while the operator is asked before closing
        self._waiting_board: Board | None = None  # read, not shown yet: this pass had spent its budget
        self._is_show_posted = False
        self._build()
        feed.changed.connect(self._on_feed_changed)
        feed.failed.connect(self.show_message)
        accountability.refused.connect(self.show_message)
        accountability.log_failed.connect(self.show_message)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()

    def _may_without_reason(self, action: Action) -> bool:
        return is_allowed(self.accountability.session.role, action)

    # -- construction -------------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(6)
        self.tabs = QTabWidget()
        column.addWidget(self.tabs, 1)
        # incidents: queue, form, units
        page = QSplitter(Qt.Orientation.Vertical)
        self.queue_model = IncidentQueueModel(self.units.warn_priority_1_after_s, self)
        self.queue = table_view(self.queue_model, 4)
        self.queue.setObjectName("incidentQueue")
        queue_box = QWidget()
        queue_column = QVBoxLayout(queue_box)
        queue_column.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        self.queue_title = QLabel(self.tr("Open incidents"))
        self.queue_title.setObjectName("panelHeading")
        heading.addWidget(self.queue_title, 1)
        self.show_finished = QPushButton(self.tr("Show finished"))
        self.show_finished.setCheckable(True)
        self.show_finished.toggled.connect(self._on_show_finished_toggled)
        heading.addWidget(self.show_finished)
        queue_column.addLayout(heading)
        queue_column.addWidget(self.queue)
        page.addWidget(queue_box)
        self.form = IncidentForm(self.config)
        page.addWidget(self.form)
        self.unit_model = UnitBoardModel(self)
        self.unit_view = table_view(self.unit_model, 3)
        self.unit_view.setObjectName("unitBoard")
        unit_box = QWidget()
        unit_column = QVBoxLayout(unit_box)
        unit_column.setContentsMargins(0, 0, 0, 0)
        unit_title = QLabel(self.tr("Units"))
        unit_title.setObjectName("panelHeading")
        unit_column.addWidget(unit_title)
        unit_column.addWidget(self.unit_view)
        unit_buttons = QHBoxLayout()
        self.unit_buttons: dict[UnitState, QPushButton] = {}
        for state in UNIT_ACTIONS:
            text = capitalised(word(state))
            button = QPushButton(text)
            button.clicked.connect(lambda checked=False, s=state: self.set_unit_state(s))
            unit_buttons.addWidget(button)
            self.unit_buttons[state] = button
        unit_column.addLayout(unit_buttons)
        page.addWidget(unit_box)
        self.queue.setMinimumHeight(24 * 4 + 28)  # four incidents at least
        self.unit_view.setMinimumHeight(24 * 4 + 28)
        for index, stretch in enumerate((3, 4, 3)):
            page.setStretchFactor(index, stretch)
        page.setCollapsible(1, False)
        self.incidents_page = page
        self.tabs.addTab(page, self.tr("Incidents"))
        # ANPR hits
        self.hits_page = QSplitter(Qt.Orientation.Vertical)
        self.hit_model = HitListModel(self.camera_names, self.watchlists.severity_of, self)
        self.hit_list = table_view(self.hit_model, 3)  # the camera's name gives way: it is whole under the list
        self.hit_list.setObjectName("hitList")
        self.hits_page.addWidget(self.hit_list)
        self.hit_view = HitView()
        self.hits_page.addWidget(self.hit_view)
        # The hit's facts, images and check come first: at 1366x768 all of them are in sight without scrolling.
        self.hits_page.setStretchFactor(0, 0)
        self.hits_page.setStretchFactor(1, 1)
        self.hits_page.setSizes([150, 600])
        if self.can_view:  # the hits' images are camera images: not for roles without video
            self.tabs.addTab(self.hits_page, self.tr("ANPR hits"))
        # Two lines, whatever the message (the whole of it in the tooltip and the status line): a line that grew
        # or shrank moved every row above it, the unit buttons by 16 px.
        self.message = LinesLabel(2)
        self.message.setObjectName("panelMessage")
        column.addWidget(self.message)
        # wiring
        self.queue.selectionModel().selectionChanged.connect(self._on_queue_selection_changed)
        self.hit_list.selectionModel().selectionChanged.connect(self._on_hit_selection_changed)
        self.unit_view.selectionModel().selectionChanged.connect(self._update_unit_buttons)
        form = self.form
        form.save.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # create or save from anywhere in the form (the keypad's too)
            save_key = QShortcut(QKeySequence(keys), form)
            save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            save_key.activated.connect(self.save)
        form.save.setToolTip(self.tr("Create the incident, or save its changes (Ctrl+Enter)"))
        form.new.clicked.connect(self.new_incident)
        form.dispatch.clicked.connect(self.dispatch_selected_unit)
        form.follow.clicked.connect(self.follow_current)
        form.link_tile.clicked.connect(self._on_link_tile_clicked)
        form.recordings.clicked.connect(self.recordings_of_current)
        form.close_incident.clicked.connect(lambda: self.finish(IncidentState.CLOSED))
        form.cancel_incident.clicked.connect(lambda: self.finish(IncidentState.CANCELLED))
        form.merge.clicked.connect(self.merge_current)
        form.merge_target.activated.connect(self._update_buttons)  # Merge only once a target is chosen
        form.note.returnPressed.connect(self.add_note)
        form.address.editingFinished.connect(self._on_address_edited)
        self.hit_view.confirmed.clicked.connect(lambda: self.check_hit("confirmed"))
        self.hit_view.misread.clicked.connect(lambda: self.check_hit("misread"))
        self.hit_view.wrong_entry.clicked.connect(lambda: self.check_hit("wrong list entry"))
        self.hit_view.make_incident.clicked.connect(self.incident_from_hit)
        self.hit_view.show_camera.clicked.connect(self._on_show_camera_clicked)
        if self.wall is None:  # a call-taker's window; beside a wall its menu holds these keys (two would clash)
            for keys, slot in (("Ctrl+I", self.new_incident), ("V", self.follow_current)):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self._update_buttons()
        self._update_unit_buttons()
        steady_wheel(self)  # the wheel over a choice it is not in scrolls the panel

    # -- the feed ---------------------------------------------------------------------------------------
    def _on_feed_changed(self, board: Board) -> None:
        """A new board, shown first in the next pass when this one has spent its budget (the wall's new frames)."""
        self._waiting_board = board
        if FRAMES_AND_PANELS.allows():
            self._show_waiting_board()
        elif not self._is_show_posted:
            self._is_show_posted = True
            FRAMES_AND_PANELS.next_pass(self, self._show_waiting_board)

    def _show_waiting_board(self) -> None:
        board, self._waiting_board, self._is_show_posted = self._waiting_board, None, False
        if board is not None:
            with Spending(FRAMES_AND_PANELS):
                self._show_board(board)

    def _show_board(self, board: Board) -> None:
        is_first = self.board is None
        self.board = board
        now = dt.datetime.now(dt.UTC)
        self.queue_model.now = now
        for model, view in ((self.queue_model, self.queue), (self.unit_model, self.unit_view),
                            (self.hit_model, self.hit_list)):  # fmt: skip
            selected = self.current_id if view is self.queue else selected_key(view)
            blocker = view.selectionModel().blockSignals(True)
            model.set_board(board)
            select_row(view, model.row_of(selected) if selected is not None else None)
            view.selectionModel().blockSignals(blocker)
        if is_first and self.queue_model.items:  # at sign-in the most urgent incident is shown
            self.current_id = self.queue_model.items[0].id
            select_row(self.queue, 0)
        open_count = sum(1 for incident in board.incidents if incident.state.is_open)
        self.queue_title.setText(self.tr("Open incidents ({count})").format(count=open_count))
        self._refresh_form()
        self._refresh_hit()
        self._update_unit_buttons()
        self._note_new_hits(board)
        self._note_new_sightings(board, now)
        self._check_overdue(now)
        self._show_acknowledgements(board)

    def _refresh_form(self) -> None:
        incident = self.current()  # None for a new one the feed has not read back yet: shown when it has
        if incident is not None:
            self.form.show_incident(incident)
        self._fill_choices(incident)
        self._update_buttons()

    def _fill_choices(self, incident: Incident | None) -> None:
        units = self.form.unit
        chosen = units.currentData()
        units.clear()
        if self.board is not None:
            for unit in units_to_offer(self.board.units, incident.area if incident else None):
                units.addItem(f"{unit.call_sign} ({word(unit.kind)}, {self.config.area_name(unit.home_area or '')})",
                              unit.call_sign)  # fmt: skip
        if units.count() == 0:
            units.addItem(self.tr("no unit available"), None)
        units.setCurrentIndex(max(0, units.findData(chosen)))
        targets = self.form.merge_target
        chosen_target = targets.currentData()
        targets.clear()
        targets.addItem(self.tr("merge into\u2026 (choose the incident)"), None)  # never a pre-filled, unrelated one
        if self.board is not None and incident is not None:
            for other in self.board.incidents:
                if other.state.is_open and other.id != incident.id:
                    targets.addItem(f"{other.id} {incident_type(other.type)}, {other.where}", other.id)
        targets.setCurrentIndex(max(0, targets.findData(chosen_target)))  # a refresh keeps the operator's choice

    def _update_buttons(self) -> None:
        """Each action enabled, or disabled with the reason in its tooltip."""
        form, incident = self.form, self.current()
        is_open = incident is not None and incident.state.is_open
        none = self.tr("select an incident first") if incident is None else None
        where_it_is = ""
        if incident is not None:
            where_it_is = self.tr("{incident} is {state}").format(incident=incident.id, state=word(incident.state))
        finished = none or (None if is_open else where_it_is)
        no_unit = self.tr("no unit is available") if form.unit.currentData() is None else None
        not_yours = None if self.can_dispatch else self.tr("your role sends no units")
        can_act(form.dispatch, not_yours or finished or no_unit, self.tr("Send the chosen unit"))
        no_wall = None if self.wall is not None else self.tr("no wall on this desk")
        can_act(form.follow, none or no_wall, self.tr("The incident's cameras on the wall (V)"))
        can_act(
            form.link_tile,
            finished or no_wall,
            self.tr("The selected tile's camera joins the incident, with a snapshot"),
        )
        on_scene = incident is not None and incident.state == IncidentState.ON_SCENE
        can_act(form.close_incident, none or (None if on_scene else self.tr("a unit must be on scene first")),
                self.tr("Close the incident (the outcome is needed)"))  # fmt: skip
        cancellable = incident is not None and incident.state in (IncidentState.NEW, IncidentState.DISPATCHED)
        can_act(form.cancel_incident, none or (None if cancellable else where_it_is), self.tr("Cancel the incident"))
        chosen = form.merge_target.currentData() is not None
        can_act(form.merge, finished or (None if chosen else self.tr("choose the incident to merge into")),
                self.tr("Merge into the chosen incident"))  # fmt: skip
        can_act(form.unit, not_yours or finished, self.tr("The unit to send"))
        can_act(form.merge_target, finished, self.tr("The incident to merge this one into"))
        can_act(form.note, none, self.tr("A note in the incident's timeline (Enter files it)"))
        for widget in (form.unit, form.dispatch):
            widget.setVisible(self.can_dispatch)
        no_recordings = None if self.wall is not None and self.wall.recordings is not None else no_wall
        can_act(form.recordings, none or no_recordings, self.tr("Its cameras' recordings around its time, in step"))
        for widget in (form.follow, form.link_tile, form.recordings):  # camera work: not for a call-taker
            widget.setVisible(self.can_view)

    def _update_unit_buttons(self, *_: object) -> None:
        """Each report a unit can make now enabled; the others say why not (the rules' own words)."""
        unit = self.board.unit(selected_key(self.unit_view)) if self.board and selected_key(self.unit_view) else None
        for state, button in self.unit_buttons.items():
            what = self.tr("The selected unit reports: {state}").format(state=word(state))
            can_act(button, self._why_no_report(unit, state), what)
            button.setVisible(self.can_dispatch)

    def _why_no_report(self, unit: Unit | None, state: UnitState) -> str | None:
        if not self.can_dispatch:
            return self.tr("your role sends no units")
        if unit is None:
            return self.tr("select a unit first")
        if unit.state == state:
            return self.tr("{unit} is already {state}").format(unit=unit.call_sign, state=word(state))
        if state in unit_report_targets(unit.state):
            return None
        try:
            check_unit_transition(unit.call_sign, unit.state, state)
        except IllegalChange as error:
            return say(error)
        return self.tr("{unit} is sent from an incident").format(unit=unit.call_sign)

    def current(self) -> Incident | None:
        return self.board.incident(self.current_id) if self.board and self.current_id else None

    def _on_clock_timeout(self) -> None:
        now = dt.datetime.now(dt.UTC)
        self.queue_model.tick(now)
        self.unit_model.tick(now)
        self._check_overdue(now)

    # -- incidents --------------------------------------------------------------------------------------
    def _on_queue_selection_changed(self, *_: object) -> None:
        incident_id = selected_key(self.queue)
        if incident_id is None:
            return
        self.current_id = incident_id
        with Spending(FRAMES_AND_PANELS):  # the operator's choice is shown now; the wall's frames wait
            self.form.show_incident(self.current())
            self._fill_choices(self.current())
            self._update_buttons()
        self.incident_chosen.emit(incident_id)

    def select_incident(self, incident_id: str) -> None:
        """Show an incident (once the feed has it: a new one arrives on the next poll).

        Once: a row newly selected is shown by the selection's own handler, and showing it again here
        doubled the form's work in the pass of a click (4-6 ms of a dispatching pass beside 16 tiles).
        """
        was_selected = selected_key(self.queue)
        self.current_id = incident_id
        self.tabs.setCurrentWidget(self.incidents_page)
        row = self.queue_model.row_of(incident_id)
        if row is not None:
            select_row(self.queue, row)
        if row is None or was_selected == incident_id:  # no row, or no change of selection: no handler ran
            with Spending(FRAMES_AND_PANELS):
                self._refresh_form()
        self.feed.poll()

    def new_incident(self) -> None:
        self.current_id = None
        self.queue.clearSelection()
        self.tabs.setCurrentWidget(self.incidents_page)
        self.form.show_incident(None)
        self._fill_choices(None)
        self._update_buttons()
        self.form.type.setFocus()

    def _on_address_edited(self) -> None:
        """A known street fills in the area (the coordinates follow when the incident is saved)."""
        if self.form.area.currentData() is None:
            found = locate(self.form.address.text(), self.places)
            if found is not None:
                self.form.area.setCurrentIndex(max(0, self.form.area.findData(found.area)))

    def _shown(self) -> Incident | None:
        """The incident the form shows: what its Save and its note act on (never one selected but not shown yet)."""
        shown_id = self.form.shown_id
        return self.board.incident(shown_id) if self.board is not None and shown_id is not None else None

    def save(self) -> None:
        values = self.form.values()
        incident = self._shown()
        if incident is None:
            draft = service.draft_from_form(self.form.source.currentData(), values, self.places)
            self._submit(Action.MANAGE_INCIDENTS, lambda: service.create_incident(draft, self._user()),
                         lambda detail: self._created(detail["incident"], is_from_form=True))  # fmt: skip
            return
        changes = service.edited_fields(incident, values, self.places)
        if not changes:
            self.show_message(self.tr("nothing changed"))
            return

        def saved(_: dict) -> None:
            self.form.saved(incident.id, changes)
            self.show_message(self.tr("{incident} saved").format(incident=incident.id))

        self._submit(Action.MANAGE_INCIDENTS, lambda: service.update_incident(incident.id, changes, self._user()),
                     saved)  # fmt: skip

    def _created(self, incident_id: str, is_from_form: bool = False) -> None:
        if is_from_form:
            self.form.saved(None, {})  # the new incident's form is done with
        self.show_message(self.tr("incident {incident} created").format(incident=incident_id))
        self.select_incident(incident_id)

    def add_note(self) -> None:
        """The note typed under the incident the form shows goes into that incident's timeline, and only there."""
        incident, text = self._shown(), self.form.note.text()
        if incident is None:
            return
        self._submit(Action.MANAGE_INCIDENTS, lambda: service.add_note(incident.id, text, self._user()),
                     lambda _: self.form.note_filed(incident.id, text))  # fmt: skip

    # -- unsaved input: asked about before the window closes ------------------------------------------------
    def has_unsaved(self) -> bool:
        return bool(self.form.unsaved())

    def may_close(self, close: Callable[[], None]) -> bool:
        """True if closing loses nothing typed; else the operator is asked Save / Discard / Cancel, and ``close``
        runs once the answer allows it (Discard; Save once every change is durable; Cancel: never)."""
        if not self.has_unsaved():
            return True
        if self.unsaved_question is None:
            question = UnsavedQuestion(self._unsaved_summary(), self.window())
            question.buttonClicked.connect(lambda button: self._on_unsaved_answered(question, button, close))
            self.unsaved_question = question
            question.open()
        return False

    def _unsaved_summary(self) -> str:
        names, parts = self.form.field_names(), []
        for key, draft in sorted(self.form.unsaved().items(), key=lambda item: item[0] or ""):
            what = [names[name] for name in sorted(draft.edited)] + ([self.tr("note")] if draft.note.strip() else [])
            where = self.tr("new incident") if key is None else key
            parts.append(f"{where} ({', '.join(what)})")
        return "; ".join(parts)

    def _on_unsaved_answered(self, question: UnsavedQuestion, button: QAbstractButton,
                             close: Callable[[], None]) -> None:  # fmt: skip
        self.unsaved_question = None
        question.deleteLater()
        if button is question.discard_button:
            self.form.discard_all()
            close()
        elif button is question.save_button:
            self.save_all(lambda: (self.form.discard_all(), close()))

    def save_all(self, then: Callable[[], None]) -> None:
        """Every unsaved input saved through the usual changes (fields, notes, a new incident); ``then`` once all
        are durable. Each change is built first: if the rules refuse one, it is said and none is written."""
        try:
            changes = self._unsaved_changes()
        except IllegalChange as error:
            self.show_message(say(error))
            return
        waiting = {"count": len(changes), "failed": False}

        def one_done(done: Callable[[], None]) -> None:
            done()
            self.feed.poll()
            waiting["count"] -= 1
            if waiting["count"] == 0 and not waiting["failed"]:
                then()

        def one_failed() -> None:  # refused by the records, or not logged: its reason is in the message line
            waiting["failed"] = True

        for change, done in changes:
            is_sent = self.accountability.change(Action.MANAGE_INCIDENTS, change,
                                                 then=lambda _, d=done: one_done(d), otherwise=one_failed)  # fmt: skip
            if not is_sent:
                return
        if not changes:
            then()

    def _unsaved_changes(self) -> list[tuple[service.Change, Callable[[], None]]]:
        """The changes that save every unsaved input, each with what the form does once it is durable."""
        user, board, form = self._user(), self.board, self.form
        changes: list[tuple[service.Change, Callable[[], None]]] = []
        for key, draft in form.unsaved().items():
            if key is None:
                if draft.edited:
                    source = draft.source if draft.source is not None else form.source.currentData()
                    new = service.draft_from_form(source, {**BLANK, **draft.edited}, self.places)
                    changes.append((service.create_incident(new, user), partial(form.saved, None, {})))
                continue
            incident = board.incident(key) if board is not None else None
            if incident is None:
                continue
            edited = service.edited_fields(incident, draft.edited, self.places)
            if edited:
                changes.append((service.update_incident(key, edited, user), partial(form.saved, key, edited)))
            if draft.note.strip():
                changes.append((service.add_note(key, draft.note, user), partial(form.note_filed, key, draft.note)))
        return changes

    def dispatch_selected_unit(self) -> None:
        incident, call_sign = self.current(), self.form.unit.currentData()
        if incident is None or call_sign is None:
            return
        self._submit(
            Action.DISPATCH_UNITS,
            lambda: service.dispatch_unit(incident.id, call_sign, self._user()),
            lambda _: self.show_message(
                self.tr("{unit} dispatched to {incident}").format(unit=call_sign, incident=incident.id)
            ),
        )

    def set_unit_state(self, state: UnitState) -> None:
        call_sign = selected_key(self.unit_view)
        if call_sign is None:
            return
        self._submit(Action.DISPATCH_UNITS, lambda: service.set_unit_state(call_sign, state, self._user()),
                     lambda _: self.show_message(f"{call_sign}: {word(state)}"))  # fmt: skip

    def finish(self, state: IncidentState) -> None:
        incident = self.current()
        if incident is None:
            return
        outcome, user = self.form.outcome.text(), self._user()
        self._submit(Action.MANAGE_INCIDENTS, lambda: service.finish_incident(incident.id, state, user, outcome),
                     lambda _: self.show_message(f"{incident.id} {word(state)}"))  # fmt: skip

    def merge_current(self) -> None:
        incident, into = self.current(), self.form.merge_target.currentData()
        if incident is None or into is None:
            return
        self._submit(Action.MANAGE_INCIDENTS, lambda: service.merge_incident(incident.id, into, self._user()),
                     lambda _: self.select_incident(into))  # fmt: skip

    def follow_current(self) -> None:
        incident = self.current()
        if incident is not None and self.wall is not None:
            self.wall.follow(incident)

    def recordings_of_current(self) -> None:
        """One action: the playback window on the incident's cameras, at its time."""
        incident = self.current()
        if incident is not None and self.wall is not None and self.wall.recordings is not None:
            self.wall.recordings(incident)

    def _on_link_tile_clicked(self) -> None:
        incident = self.current()
        if incident is not None and self.wall is not None:
            self.wall.link_tile(incident.id)

    def _on_show_finished_toggled(self, checked: bool) -> None:
        self.queue_model.show_finished = checked
        if self.board is not None:
            self._on_feed_changed(self.board)

    # -- ANPR hits -----------------------------------------------------------------------------------
    def _note_new_hits(self, board: Board) -> None:
        pending = board.pending_hits
        ids = {hit.id for hit in pending}
        fresh = [hit for hit in pending if self._seen_hits is not None and hit.id not in self._seen_hits]
        self._seen_hits = (self._seen_hits or set()) | ids
        if self.can_view:
            title = self.tr("ANPR hits ({count})").format(count=len(pending)) if pending else self.tr("ANPR hits")
            self.tabs.setTabText(self.tabs.indexOf(self.hits_page), title)
        for hit in fresh if self.can_view else []:
            where = self.camera_names.get(hit.camera, hit.camera)
            text = self.tr("ANPR hit: {plate} ({country}) on '{list}' at {where}").format(
                plate=hit.plate, country=hit.country, list=hit.list, where=where
            )
            self.sound.play(text)
            self.alert_raised.emit("ANPR hit", text)

    def _note_new_sightings(self, board: Board, now: dt.datetime) -> None:
        """A wanted vehicle read again while its incident is open: sounded once (the strip shows it meanwhile)."""
        found = sightings(board, now)
        keys = [(incident.id, event.utc) for incident, event in found]
        fresh = [pair for pair, key in zip(found, keys, strict=True)
                 if self._seen_sightings is not None and key not in self._seen_sightings]  # fmt: skip
        self._seen_sightings = (self._seen_sightings or set()) | set(keys)
        for incident, event in fresh:
            camera = str((event.facts or {}).get("camera", ""))
            text = self.tr("Wanted vehicle read again: {plate} at {where} \u2013 incident {incident}").format(
                plate=(event.facts or {}).get("plate", ""), where=self.camera_names.get(camera, camera),
                incident=incident.id)  # fmt: skip
            self.sound.play(text)
            self.alert_raised.emit("ANPR sighting", text)

    def _hit(self) -> Hit | None:
        hit_id = selected_key(self.hit_list)
        return next((hit for hit in self.board.hits if hit.id == hit_id), None) if self.board and hit_id else None

    def _on_hit_selection_changed(self, *_: object) -> None:
        hit = self._hit()
        self._refresh_hit()
        if hit is None or hit.id == self._shown_hit:
            return
        self._shown_hit = hit.id
        self.hit_view.set_images(None, None)
        reason = Reason(Kind.ADMINISTRATIVE, Category.ANPR_HIT, f"hit {hit.id} {hit.plate}")

        def show() -> None:  # the images are camera images: shown once the viewing is logged
            self.feed.read_images(hit.id, lambda images: self._show_images(hit.id, images))

        self.accountability.log("ANPR hit opened", hit.camera, {"hit": hit.id, "plate": hit.plate}, reason, then=show)

    def _show_images(self, hit_id: int, images: tuple[QImage | None, QImage | None]) -> None:
        if self._shown_hit == hit_id:
            self.hit_view.set_images(*images)

    def _refresh_hit(self) -> None:
        hit = self._hit()
        name = next((camera.name for camera in self.config.cameras if hit and camera.id == hit.camera), "")
        self.hit_view.show_hit(hit, name)

    def check_hit(self, outcome: str) -> None:
        hit = self._hit()
        if hit is None:
            return
        self._submit(Action.DISPATCH_UNITS, lambda: service.record_hit_outcome(hit.id, outcome, self._user()),
                     lambda _: self.show_message(self.tr("hit {hit} ({plate}): {outcome}").format(
                         hit=hit.id, plate=hit.plate, outcome=text_word(outcome))))  # fmt: skip

    def incident_from_hit(self) -> None:
        hit = self._hit()
        if hit is None:
            return
        camera = self.config.camera(hit.camera)
        draft = service.hit_draft(hit, camera.area, camera.location.street, camera.location.lat, camera.location.lon,
                                  say)  # fmt: skip
        self._submit(Action.MANAGE_INCIDENTS, lambda: service.create_incident(draft, self._user()),
                     lambda detail: self._created(detail["incident"]))  # fmt: skip

    def _on_show_camera_clicked(self) -> None:
        hit = self._hit()
        if hit is not None and self.wall is not None:
            self.wall.show_camera(hit.camera, f"hit {hit.id} {hit.plate}")

    # -- alarms: the room's alarm queue, a tab of this panel (F6) -------------------------------------------
    def add_alarms(self, panel: AlarmPanel) -> None:
        """The alarm queue beside the incidents and hits (F6 from anywhere in the window); its alerts on the strip."""
        self.alarm_panel = panel
        self.tabs.insertTab(1, panel, self.tr("Alarms"))
        self.tabs.setTabToolTip(1, self.tr("The room's alarm queue (F6)"))
        shortcut = QShortcut(QKeySequence("F6"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.show_alarms)
        panel.alerts_changed.connect(self._on_alarm_alerts_changed)
        panel.alarms_changed.connect(self._on_alarms_changed)
        panel.incident_made.connect(self.select_incident)
        self._on_alarms_changed(panel.alarms)  # the panel may have read the queue before it was added: counted now
        self.feed.changed.connect(self._offer_incidents_to_alarms)
        if self.board is not None:
            self._offer_incidents_to_alarms(self.board)

    def _offer_incidents_to_alarms(self, board: Board) -> None:
        """The open incidents an alarm may be added to ('added to incident'), as the queue says them."""
        if self.alarm_panel is not None:
            offered = [(incident.id, f"{incident.id} {incident_type(incident.type)}, {incident.where}")
                       for incident in queue_order(board.incidents)]  # fmt: skip
            self.alarm_panel.show_incidents(offered)

    def show_alarms(self) -> None:
        """The alarm tab in front, the focus on its list (the operator asked for it: F6 or a click)."""
        assert self.alarm_panel is not None
        self.tabs.setCurrentWidget(self.alarm_panel)
        self.focus_requested.emit()
        self.alarm_panel.list.setFocus()

    def _on_alarms_changed(self, alarms: list) -> None:
        assert self.alarm_panel is not None
        new = sum(1 for alarm in alarms if alarm.state.value == "new")
        self.tabs.setTabText(self.tabs.indexOf(self.alarm_panel),
                             self.tr("Alarms ({count})").format(count=new) if new else self.tr("Alarms"))  # fmt: skip

    def _on_alarm_alerts_changed(self, alerts: list[Alert]) -> None:
        self.alarm_alerts = list(alerts)
        self._merge_alerts()

    def show_room_alerts(self, alerts: list[Alert]) -> None:
        """The room's faults (the team chief's desk: a relay down) on the same strip, after the calls and alarms."""
        if alerts == self.room_alerts:
            return
        self.room_alerts = list(alerts)
        self._merge_alerts()

    def _merge_alerts(self) -> None:
        mine = [alert for alert in self.alerts if alert.kind not in ("alarm", "escalated", "relay")]
        self.alerts = mine + self.alarm_alerts + self.room_alerts
        self.alerts_changed.emit(self.alerts)

    # -- alerts: the strip's items, the priority-1 pop-up -------------------------------------------------
    def open_target(self, target: str) -> None:
        """An alert clicked: its incident, hit or alarm in front, selected."""
        if target.startswith("alarm:") and self.alarm_panel is not None:
            self.show_alarms()
            self.alarm_panel.open_alarm(int(target.removeprefix("alarm:")))
            return
        if target.startswith("hit:"):
            self.tabs.setCurrentWidget(self.hits_page)
            hit_id = int(target.removeprefix("hit:"))
            select_row(self.hit_list, self.hit_model.row_of(hit_id))
        else:
            self.tabs.setCurrentIndex(0)
            self.select_incident(target)
        self.focus_requested.emit()

    def acknowledge(self, incident_id: str) -> None:
        self._submit(
            Action.MANAGE_INCIDENTS,
            lambda: service.acknowledge(incident_id, self._user()),
            lambda _: self.show_message(self.tr("{incident}: acknowledged by you").format(incident=incident_id)),
        )

    def _show_acknowledgements(self, board: Board) -> None:
        if self.can_manage:
            self.p1_alert.show_calls(to_acknowledge(board))

    # -- the team chief's warning ----------------------------------------------------------------------
    def _check_overdue(self, now: dt.datetime) -> None:
        if self.board is None:
            return
        limit_s = self.units.warn_priority_1_after_s
        self.alerts = [*desk_alerts(self.board, now, limit_s, self.can_view, self.camera_names), *self.alarm_alerts,
                       *self.room_alerts]  # fmt: skip
        self.alerts_changed.emit(self.alerts)
        late = overdue(self.board.incidents, now, limit_s)
        if not self.is_supervisor:
            return
        for incident in late:
            if incident.id in self._warned:
                continue
            self._warned.add(incident.id)
            text = self.tr("priority-1 incident {incident} waits {time} without a unit").format(
                incident=incident.id, time=duration(incident.waiting_s(now))
            )
            self.accountability.log("priority-1 warning", None,
                                    {"incident": incident.id, "waited_s": round(incident.waiting_s(now))})  # fmt: skip
            self.sound.play(text)
            self.alert_raised.emit("priority 1", text)

    # -- plumbing --------------------------------------------------------------------------------------
    def _user(self) -> str:
        return self.accountability.session.user.name

    def _submit(self, action: Action, build: Callable[[], service.Change], then: Callable[[dict], None]) -> None:
        try:
            change = build()
        except IllegalChange as error:
            self.show_message(say(error))
            return
        self.accountability.change(action, change, then=lambda detail: (then(detail), self.feed.poll()))

    def show_message(self, message: object) -> None:
        """A line for the operator: a text of ours, or what the domain said (worded in the user's language)."""
        text = say(message)
        self.message.setText(text)
        self.message_shown.emit(text)

    def shutdown(self) -> None:
        self._clock.stop()


class UnsavedQuestion(QMessageBox):
    """Asked before a window closes over unsaved input: Save, Discard or Cancel (open, never a nested loop)."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsavedQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setText(self.tr("Not saved yet: {what}").format(what=summary))
        self.setInformativeText(self.tr("Save them before closing?"))
        self.save_button = self.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        self.discard_button = self.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.save_button)
        self.setEscapeButton(self.cancel_button)


class DispatchWindow(QMainWindow):
    """The call-taker's console: the dispatch panel alone (no camera rights, so no wall and no hits)."""

    sign_out_requested = Signal()

    def __init__(self, panel: DispatchPanel) -> None:
        super().__init__()
        self.panel = panel
        self.is_ending = False  # the session ends whatever is typed (the application quits): nothing is asked
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.alert_strip = AlertStrip(central)
        column.addWidget(self.alert_strip)
        scroller = QScrollArea(central)  # a short screen scrolls the panel (at 1366x768 it is taller than the screen)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(panel)
        column.addWidget(scroller, 1)
        self.setCentralWidget(central)
        panel.alerts_changed.connect(self.alert_strip.show_alerts)
        self.alert_strip.opened.connect(panel.open_target)
        session = panel.accountability.session
        self.setWindowTitle(
            self.tr("Uitkijk \u2013 dispatch \u2013 {user} ({role})").format(
                user=session.user.full_name, role=word(session.role)
            )
        )
        self.statusBar().addPermanentWidget(QLabel(f"{session.user.full_name} \u00b7 {word(session.role)}"))
        panel.message_shown.connect(lambda text: self.statusBar().showMessage(text, 8000))
        menu = self.menuBar().addMenu(self.tr("&Session"))
        action = menu.addAction(self.tr("Sign out (change user)"))
        action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        action.triggered.connect(self._on_sign_out_triggered)
        open_within_screen(self, 720, 900)

    def _on_sign_out_triggered(self) -> None:
        if self.panel.may_close(self.sign_out_requested.emit):
            self.sign_out_requested.emit()

    def end(self) -> None:
        """Closed by the session's end, not by the operator: nothing is asked."""
        self.is_ending = True
        self.close()

    def closeEvent(self, event) -> None:  # Qt override
        if not self.is_ending and not self.panel.may_close(self.close):
            event.ignore()  # asked first: Save, Discard or Cancel
            return
        super().closeEvent(event)
