"""The dispatch panel's forms: the incident being worked, and an ANPR hit against its images."""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.config.loader import CameraConfig
from console.dispatch.model import (
    INCIDENT_TYPES,
    Incident,
    Source,
)
from console.dispatch.service import Hit
from console.ui.dispatch.models import (
    local_hhmm,
    timeline_line,
)
from console.ui.elided import ElidedLabel
from console.ui.words import capitalised, incident_type, say, stored_type, text_word, word

DESCRIPTION_MIN_PX, DESCRIPTION_MAX_PX = 46, 118  # "What" grows with its text; past this it scrolls
FORM_SPACING_PX = 6
TIMELINE_MIN_PX = 44  # the timeline's least height when "What" is at its tallest and the draft row shows
TAKEN_SOURCES = (Source.PHONE, Source.CITIZEN_REPORT, Source.PATROL, Source.CAMERA)


def can_act(button: QWidget, why_not: str | None, what: str = "") -> None:
    """Enabled, or disabled with the reason as its tooltip: an action that cannot be done now says why."""
    button.setEnabled(why_not is None)
    button.setToolTip(
        what if why_not is None else QCoreApplication.translate("Dispatch", "Not now: {why}").format(why=why_not)
    )


def table_view(model, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    # Widths follow the contents when the rows change, not at every change of a cell: under ResizeToContents
    # each second's new times made Qt measure every cell of every column again.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # Measured in an event of its own, once for a burst of changes: not in the event that read the board.
    fitting = QTimer(view)
    fitting.setSingleShot(True)
    fitting.setInterval(0)
    fitting.timeout.connect(lambda: fit_columns(view))
    model.modelReset.connect(fitting.start)
    model.layoutChanged.connect(fitting.start)
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Columns as wide as their texts, and a column of times as wide as the longest time it can show.

    Measured here from the display texts alone, which is all these tables show (no fonts, icons or
    check boxes of their own): Qt's ``resizeColumnsToContents`` asked the model for eight roles of
    every cell, through Python, 36 ms a table at each dispatch beside a 16-tile wall. The widths are
    the ones Qt's item delegate would ask for: the text, its margins, and the grid line.
    """
    model = view.model()
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    exact = QFontMetricsF(view.font())  # a laid-out text's width is rounded up, not to the nearest
    text_margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    padding = 2 * text_margin + (1 if view.showGrid() else 0)
    rows = model.rowCount()
    time_columns = getattr(model, "TIME_COLUMNS", ())
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        texts = {model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) for row in range(rows)}
        widest = max((math.ceil(exact.horizontalAdvance(str(text))) for text in texts if text), default=0) + padding
        if column in time_columns:
            widest = max(widest, metrics.horizontalAdvance(model.widest_time_text()) + 2 * metrics.averageCharWidth())
        view.setColumnWidth(column, max(widest, header.sectionSizeHint(column)))


def select_row(view: QTableView, row: int | None) -> None:
    if row is None:
        view.clearSelection()
        return
    index = view.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(index, flags)


def selected_key(view: QTableView):
    rows = view.selectionModel().selectedRows()
    return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None


BLANK = {
    "type": "",
    "priority": 2,
    "address": "",
    "area": None,
    "caller": "",
    "description": "",
    "report_number": "",
    "outcome": "",
}  # fmt: skip  (the new incident's form as it opens)


@dataclass
class Draft:
    """What the operator typed for one incident (or the new one, key None) and has not saved or filed yet.

    Kept by incident, never by form: whatever shows another incident in the form (a click in the queue,
    the P1 pop-up, a merge, a new incident) leaves this one's input with it, and brings it back on return.
    """

    started: dict[str, object] = field(default_factory=dict)  # per edited field: the record's value it began from
    edited: dict[str, object] = field(default_factory=dict)  # per edited field: what the operator typed
    note: str = ""  # the timeline note typed, not filed
    source: Source | None = None  # the new incident's source, as chosen

    @property
    def is_empty(self) -> bool:
        return not self.edited and not self.note.strip()


class LinesLabel(QLabel):
    """A wrapped text in a fixed number of lines (the whole of it in the tooltip): what it says never changes the
    height of what holds it. Never height-for-width either: a wrapped label makes its panel ask for its
    preferred height in the dock's scroll area, and the panel grew by 150 px when a message first showed."""

    def __init__(self, lines: int, padding_px: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + padding_px)

    def setText(self, text: str) -> None:  # Qt override: the tooltip carries what the lines may cut
        super().setText(text)
        self.setToolTip(text)

    def hasHeightForWidth(self) -> bool:  # Qt override
        return False


class TitleLabel(ElidedLabel):
    """The incident's title on one line, its number in bold: its height never depends on the incident (the action
    rows under it stay put); the whole title is in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self._bold = ""

    def set_title(self, bold: str, rest: str) -> None:
        self._bold = bold
        self.set_full_text(bold + rest)

    def _elide(self) -> None:
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        extra = QFontMetrics(bold_font).horizontalAdvance(self._bold) - self.fontMetrics().horizontalAdvance(self._bold)
        room = max(0, self.contentsRect().width() - self.padding_px - extra)
        self._show_text(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))

    def _show_text(self, text: str) -> None:
        bold = self._bold
        if bold and text.startswith(bold):
            QLabel.setText(self, f"<b>{html.escape(bold)}</b>{html.escape(text[len(bold) :])}")
        else:
            QLabel.setText(self, html.escape(text))


class IncidentForm(QWidget):
    """One incident: its fields, its timeline, and what can be done with it.

    The action rows come first, under a one-line title: what varies with the incident (the height of
    "What", the draft row) is below them, and the timeline gives up the room it takes, so the form is
    as tall for every incident and no button ever sits where another was.
    """

    def __init__(self, config: CameraConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentForm")
        self.camera_names = {camera.id: camera.name for camera in config.cameras}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(FORM_SPACING_PX)
        self.title = TitleLabel()
        self.title.setObjectName("incidentTitle")
        column.addWidget(self.title)
        self.shown_id: str | None = None  # the incident the fields show (None: the new incident's form)
        self._incident: Incident | None = None
        self._baseline: dict = dict(BLANK)  # the record's values as last written into the fields
        self._started: dict = {}  # the shown incident's edited fields: the record's value each edit began from
        self._drafts: dict[str | None, Draft] = {}  # unsaved input of incidents the form does not show, by id
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.save = QPushButton(self.tr("Create incident"))
        self.save.setObjectName("primaryButton")
        self.new = QPushButton(self.tr("New (Ctrl+I)"))
        self.new.setToolTip(self.tr("The form for a new incident (what you typed for another one stays with it)"))
        self.unit = QComboBox()
        self.dispatch = QPushButton(self.tr("Dispatch"))
        self.dispatch.setObjectName("primaryButton")
        self.follow = QPushButton(self.tr("Video follows (V)"))
        self.link_tile = QPushButton(self.tr("Link selected tile"))
        self.recordings = QPushButton(self.tr("Recordings"))
        self.close_incident = QPushButton(self.tr("Close"))
        self.cancel_incident = QPushButton(self.tr("Cancel incident"))
        self.merge_target = QComboBox()
        self.merge = QPushButton(self.tr("Merge into"))
        for choice in (self.unit, self.merge_target):  # as wide whatever they list: the columns never move
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choice.setMinimumContentsLength(12)
            choice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        buttons.addWidget(self.save, 0, 0)
        buttons.addWidget(self.new, 0, 1)
        buttons.addWidget(self.follow, 0, 2)
        buttons.addWidget(self.unit, 1, 0, 1, 2)
        buttons.addWidget(self.dispatch, 1, 2)
        buttons.addWidget(self.link_tile, 2, 0)
        buttons.addWidget(self.close_incident, 2, 1)
        buttons.addWidget(self.cancel_incident, 2, 2)
        buttons.addWidget(self.merge_target, 3, 0, 1, 2)
        buttons.addWidget(self.merge, 3, 2)
        buttons.addWidget(self.recordings, 4, 0)
        for index in range(3):
            buttons.setColumnStretch(index, 1)
        column.addLayout(buttons)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        self.type = QComboBox()
        self.type.setEditable(True)
        self.type.addItems([QCoreApplication.translate("Words", kind) for kind in INCIDENT_TYPES])
        self.type.setCurrentText("")
        self.priority = QComboBox()
        self.priority.addItems([self.tr("1 \u2013 urgent"), self.tr("2 \u2013 normal"), self.tr("3 \u2013 low")])
        self.priority.setCurrentIndex(1)
        self.source = QComboBox()
        for source in (*TAKEN_SOURCES, *(each for each in Source if each not in TAKEN_SOURCES)):
            self.source.addItem(word(source), source)  # all of them: an incident from a hit says "anpr"
        top = QHBoxLayout()
        top.addWidget(self.type, 3)
        top.addWidget(self.priority, 2)
        top.addWidget(self.source, 2)
        for choice, characters in ((self.type, 10), (self.priority, 8), (self.source, 8)):  # their longest item (a
            # French source, "signalement citoyen") no longer sets the panel's width: it scrolled sideways at 1366 px
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            choice.setMinimumContentsLength(characters)
        form.addRow(self.tr("Type"), top)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("street and number, or a place"))
        streets = sorted({camera.location.street for camera in config.cameras})
        completer = QCompleter(streets, self.address)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.address.setCompleter(completer)
        self.area = QComboBox()
        self.area.addItem("\u2014 " + self.tr("area") + " \u2014", None)
        for area in config.areas:
            self.area.addItem(area.name, area.id)
        where = QHBoxLayout()
        where.addWidget(self.address, 3)
        where.addWidget(self.area, 2)
        form.addRow(self.tr("Where"), where)
        self.caller = QLineEdit()
        self.caller.setPlaceholderText(self.tr("name and call-back number"))
        form.addRow(self.tr("Caller"), self.caller)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("what is happening, who, which way they went"))
        self.description.setFixedHeight(DESCRIPTION_MIN_PX)
        self.description.textChanged.connect(self._fit_description)  # the whole text shows, up to a limit
        form.addRow(self.tr("What"), self.description)
        self.report_number = QLineEdit()
        self.report_number.setPlaceholderText(self.tr("PV / report number"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("outcome (needed to close)"))
        closing = QHBoxLayout()
        closing.addWidget(self.report_number, 2)
        closing.addWidget(self.outcome, 3)
        form.addRow(self.tr("Report"), closing)
        column.addLayout(form)
        self.draft_row = QWidget()  # what another desk changed while this one typed; unsaved edits kept
        draft_line = QHBoxLayout(self.draft_row)
        draft_line.setContentsMargins(0, 0, 0, 0)
        self.draft_note = LinesLabel(2, 14)  # (its style's padding and border)
        self.draft_note.setObjectName("draftNote")
        draft_line.addWidget(self.draft_note, 1)
        self.discard = QPushButton(self.tr("Discard changes"))
        self.discard.setToolTip(self.tr("Show the record's values again; what you typed here is dropped"))
        self.discard.clicked.connect(self.discard_edits)
        draft_line.addWidget(self.discard, 0, Qt.AlignmentFlag.AlignTop)
        self.draft_row.setFixedHeight(self.draft_note.height())
        self.draft_row.hide()
        column.addWidget(self.draft_row)
        self.cameras = ElidedLabel()  # one line: a long list of cameras never moves what is under it
        self.cameras.setObjectName("incidentCameras")
        column.addWidget(self.cameras)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        column.addWidget(self.timeline, 1)
        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("add a note to the timeline (Enter)"))
        note_row.addWidget(self.note)
        column.addLayout(note_row)
        self._keep_height()
        self._show_new_title()

    def values(self) -> dict:
        return {"type": stored_type(self.type.currentText().strip()), "priority": self.priority.currentIndex() + 1,
                "address": self.address.text().strip(), "area": self.area.currentData(),
                "caller": self.caller.text().strip(), "description": self.description.toPlainText().strip(),
                "report_number": self.report_number.text().strip(), "outcome": self.outcome.text().strip()}  # fmt: skip

    def show_incident(self, incident: Incident | None) -> None:
        """Show a record (None: the new incident's form) without throwing away what the operator typed.

        Fields the operator edited keep their text through every refresh (a unit set on scene,
        another desk's change); if someone else changed the same field since the edit began, the
        form says so, and by whom. What was typed for an incident the form leaves (fields, a
        note not filed) stays with that incident, and comes back with it.
        """
        key = incident.id if incident is not None else None
        incoming = record_values(incident) if incident is not None else dict(BLANK)
        if key == self.shown_id:
            self._follow_record(incoming)
        else:
            self._leave_current()
            self._arrive(key, incoming)
        self._incident = incident
        self.save.setText(self.tr("Create incident") if incident is None else self.tr("Save changes"))
        self.source.setEnabled(incident is None)
        if incident is None:
            self._show_new_title()
            self.cameras.set_full_text("")
            self.timeline.clear()
        else:
            self._show_header(incident)
        self._show_draft_state()

    def _follow_record(self, incoming: dict) -> None:
        """The shown record changed (or was read again): the operator's edits stay over it."""
        current = self.values()
        for name in incoming:
            if current[name] == self._baseline[name] or current[name] == incoming[name]:
                self._started.pop(name, None)  # not edited, or the record now says what was typed (saved)
            else:
                self._started.setdefault(name, self._baseline[name])  # the edit began from what the form showed
        self._baseline = dict(incoming)
        self._write({**incoming, **{name: current[name] for name in self._started}})

    def _arrive(self, key: str | None, incoming: dict) -> None:
        """Another incident in the form: its own unsaved input back, and nothing of the one before."""
        draft = self._drafts.pop(key, None) or Draft()
        kept = {name: value for name, value in draft.edited.items() if value != incoming[name]}
        self.shown_id, self._baseline = key, dict(incoming)
        self._started = {name: draft.started.get(name, incoming[name]) for name in kept}
        self._write({**incoming, **kept})
        self.note.setText(draft.note)
        if key is None:
            self.source.setCurrentIndex(max(0, self.source.findData(draft.source)) if draft.source else 0)

    def _current_draft(self) -> Draft:
        current = self.values()
        edited = {name: current[name] for name in self._baseline if current[name] != self._baseline[name]}
        started = {name: self._started.get(name, self._baseline[name]) for name in edited}
        source = self.source.currentData() if self.shown_id is None else None
        return Draft(started, edited, self.note.text() if self.shown_id is not None else "", source)

    def _leave_current(self) -> None:
        draft = self._current_draft()
        if draft.is_empty:
            self._drafts.pop(self.shown_id, None)
        else:
            self._drafts[self.shown_id] = draft

    def unsaved(self) -> dict[str | None, Draft]:
        """Every incident's unsaved input, the shown one's included: what closing the window would lose."""
        drafts = dict(self._drafts)
        current = self._current_draft()
        if not current.is_empty:
            drafts[self.shown_id] = current
        return drafts

    def saved(self, key: str | None, values: dict) -> None:
        """Fields this desk wrote to the record: an edit of them now begins from what was written (reading it
        back is no change by someone else); a kept draft of them is done."""
        values = {name: value for name, value in values.items() if name in BLANK}  # (not the position it implies)
        if key is None:  # the new incident was created: its form starts blank
            if self.shown_id is None:
                self._started = {}
                self._write(BLANK)
                self.source.setCurrentIndex(0)
                self._show_draft_state()
            else:
                self._drafts.pop(None, None)
            return
        if key == self.shown_id:
            self._started.update(values)
            self._show_draft_state()
            return
        draft = self._drafts.get(key)
        if draft is None:
            return
        for name, value in values.items():
            if draft.edited.get(name) == value:
                draft.edited.pop(name)
                draft.started.pop(name, None)
            elif name in draft.edited:
                draft.started[name] = value
        if draft.is_empty:
            self._drafts.pop(key)

    def note_filed(self, key: str, text: str) -> None:
        """A note is in its incident's timeline: it is no longer a draft (of that incident only)."""
        if key == self.shown_id:
            if self.note.text() == text:
                self.note.clear()
            return
        draft = self._drafts.get(key)
        if draft is not None and draft.note == text:
            draft.note = ""
            if draft.is_empty:
                self._drafts.pop(key)

    def discard_edits(self) -> None:
        """The shown incident's fields as the record has them (the operator chose to drop their edits)."""
        self._started = {}
        self._write(self._baseline)
        if self.shown_id is None:
            self.source.setCurrentIndex(0)
        self._show_draft_state()

    def discard_all(self) -> None:
        """Every unsaved input dropped: fields, notes, the new incident's form."""
        self._drafts.clear()
        self.note.clear()
        self.discard_edits()

    def field_names(self) -> dict[str, str]:
        """The form's fields as its labels name them."""
        return {"type": self.tr("type"), "priority": self.tr("priority"), "address": self.tr("where"),
                "area": self.tr("area"), "caller": self.tr("caller"), "description": self.tr("what"),
                "report_number": self.tr("report number"), "outcome": self.tr("outcome")}  # fmt: skip

    def _show_draft_state(self) -> None:
        """Which fields hold unsaved text, and which of them someone else changed since the edit began."""
        incident, current = self._incident, self.values()
        kept = sorted(name for name in self._baseline if current[name] != self._baseline[name])
        clashes = sorted(name for name in kept if name in self._started and
                         self._baseline[name] != self._started[name])  # fmt: skip
        by = None
        if incident is not None:
            by = next((event.user for event in reversed(incident.timeline) if event.kind == "field"), None)
        names = self.field_names()
        if by:
            changed = self.tr("{field} was changed on another desk by {user}; your text is kept: Save to keep it")
        else:
            changed = self.tr("{field} was changed on another desk; your text is kept: Save to keep it")
        lines = [changed.format(field=capitalised(names[name]), user=by) for name in clashes]
        if kept:
            lines.append(self.tr("unsaved: {fields}").format(fields=", ".join(names[name] for name in kept)))
        self.draft_note.setText("\n".join(lines))
        self.draft_row.setVisible(bool(lines))
        self._keep_height()

    def _fit_description(self) -> None:
        lines = max(1, int(self.description.document().size().height()))  # laid-out lines of a plain text edit
        wanted = lines * self.description.fontMetrics().lineSpacing() + 14
        height = max(DESCRIPTION_MIN_PX, min(DESCRIPTION_MAX_PX, wanted))
        if height != self.description.height():
            self.description.setFixedHeight(height)
            self._keep_height()

    def _keep_height(self) -> None:
        """The timeline gives up what "What" and the draft row take: the form's least height is the same for
        every incident, so nothing under it (the unit buttons) moves when another incident is shown."""
        spare = DESCRIPTION_MAX_PX - self.description.height()
        if self.draft_row.isHidden():
            spare += self.draft_row.maximumHeight() + FORM_SPACING_PX
        self.timeline.setMinimumHeight(TIMELINE_MIN_PX + spare)

    def _write(self, values: dict) -> None:
        self.type.setCurrentText(incident_type(values["type"]))
        self.priority.setCurrentIndex(values["priority"] - 1)
        self.address.setText(values["address"])
        self.area.setCurrentIndex(max(0, self.area.findData(values["area"])))
        self.caller.setText(values["caller"])
        if self.description.toPlainText().strip() != values["description"]:
            self.description.setPlainText(values["description"])
        self.report_number.setText(values["report_number"])
        self.outcome.setText(values["outcome"])

    def _show_new_title(self) -> None:
        self.title.set_title("", self.tr("New incident \u2013 fill in type and place, then Create"))

    def _show_header(self, incident: Incident) -> None:
        units = ", ".join(incident.units) or self.tr("no unit")
        origin = self.tr("from {source}, {time} by {user}").format(
            source=word(incident.source), time=local_hhmm(incident.created_utc), user=incident.created_by
        )
        merged = self.tr(" \u00b7 merged into {incident}").format(incident=incident.merged_into)
        facts = f" \u00b7 P{incident.priority} \u00b7 {word(incident.state)} \u00b7 {units} \u00b7 {origin}"
        self.title.set_title(incident.id, facts + (merged if incident.merged_into else ""))
        self.source.setCurrentIndex(max(0, self.source.findData(incident.source)))
        snapshots = (
            self.tr(" \u00b7 snapshots: {count}").format(count=len(incident.snapshots)) if incident.snapshots else ""
        )
        linked = ", ".join(self.camera_names.get(camera, camera) for camera in incident.cameras)
        self.cameras.set_full_text(
            self.tr("Cameras: {cameras}").format(cameras=linked or self.tr("none linked")) + snapshots
        )
        self.timeline.clear()
        for event in reversed(incident.timeline):
            self.timeline.addItem(timeline_line(event))


def record_values(incident: Incident) -> dict:
    """An incident's editable fields, as the form's ``values()`` gives them."""
    return {"type": incident.type, "priority": incident.priority, "address": incident.address, "area": incident.area,
            "caller": incident.caller, "description": incident.description,
            "report_number": incident.report_number, "outcome": incident.outcome}  # fmt: skip


class HitView(QWidget):
    """One ANPR hit: the read against the images, and the check the operator records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        self.facts = QLabel(self.tr("Select a hit to compare the read with the images."))
        self.facts.setObjectName("hitFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.facts)
        images = QHBoxLayout()
        self.plate = QLabel(self.tr("plate crop"))
        self.overview = QLabel(self.tr("overview"))
        for label, width in ((self.plate, 200), (self.overview, 320)):
            label.setObjectName("hitImage")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(width // 2, 60)
            images.addWidget(label, width)
        column.addLayout(images)
        row = QHBoxLayout()
        self.confirmed = QPushButton(self.tr("Confirmed"))
        self.confirmed.setObjectName("primaryButton")
        self.misread = QPushButton(self.tr("Misread"))
        self.wrong_entry = QPushButton(self.tr("Wrong list entry"))
        for button in (self.confirmed, self.misread, self.wrong_entry):
            row.addWidget(button)
        column.addLayout(row)
        row = QHBoxLayout()
        self.make_incident = QPushButton(self.tr("Make incident"))
        self.make_incident.setObjectName("primaryButton")
        self.show_camera = QPushButton(self.tr("Camera on the wall"))
        row.addWidget(self.make_incident)
        row.addWidget(self.show_camera)
        column.addLayout(row)
        column.addStretch(1)
        self.show_hit(None, "")

    def show_hit(self, hit: Hit | None, camera_name: str) -> None:
        outcome = text_word(hit.outcome) if hit is not None and hit.outcome else ""
        checked = (
            None if hit is None or hit.is_pending else self.tr("already checked: {outcome}").format(outcome=outcome)
        )
        first = self.tr("select a hit first")
        for button in (self.confirmed, self.misread, self.wrong_entry):
            can_act(button, first if hit is None else checked, self.tr("Record the check of this read"))
        if hit is None:
            make_why: str | None = first
        elif hit.incident:
            make_why = self.tr("it already became incident {incident}").format(incident=hit.incident)
        elif hit.outcome != "confirmed":
            make_why = self.tr("confirm the read against the image first")
        else:
            make_why = None
        can_act(self.make_incident, make_why, self.tr("An incident from this confirmed hit"))
        can_act(self.show_camera, first if hit is None else None, self.tr("The hit's camera on the wall"))
        if hit is None:
            self.facts.setText(self.tr("Select a hit to compare the read with the images."))
            self.set_images(None, None)
            return
        when = dt.datetime.strptime(hit.utc[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC).astimezone()
        if hit.is_pending:
            check = "<span style='color:#ff6b6d'><b>{}</b></span>".format(
                self.tr("compare the read with the image, then record the check")
            )
        else:
            check = self.tr("checked: <b>{outcome}</b> by {user}").format(outcome=outcome, user=hit.outcome_by) + (
                self.tr(", incident {incident}").format(incident=hit.incident) if hit.incident else ""
            )
        directions = {
            "inbound": self.tr("inbound"),
            "outbound": self.tr("outbound"),
            "unknown": self.tr("direction unknown"),
        }
        direction = directions.get(hit.direction, hit.direction)
        # "ANPR Meensesteenweg inkomend (anpr-03), inkomend": a camera named after its direction says it once
        heading = "" if direction.casefold() in camera_name.casefold() else f", {direction}"
        self.facts.setText(
            self.tr("<span style='font-size:15pt'><b>{read}</b></span> ({country}) read at {confidence} \u00b7 "
                    "list plate <b>{plate}</b>").format(read=hit.plate_read, country=hit.country, plate=hit.plate,
                                             confidence=QLocale().toString(hit.confidence * 100, "f", 0) + "%")
            + f"<br>{camera_name} ({hit.camera}){heading}, {when:%H:%M:%S}<br>"
            + self.tr("List <b>{list}</b>: {why}<br>owner {owner}, entry until {until}").format(
                list=hit.list, why=hit.list_reason, owner=hit.list_owner, until=hit.list_expires)
            + f"<br>{check}"
            + (f"<br><b>{html.escape(capitalised(say(hit.before)))}</b>" if hit.before is not None else "")
        )  # fmt: skip

    def set_images(self, plate: QImage | None, overview: QImage | None) -> None:
        """Pictures already decoded and scaled on a worker (``models.hit_picture``): here they are only shown."""
        for label, image, missing in (
            (self.plate, plate, self.tr("no plate crop sent")),
            (self.overview, overview, self.tr("no overview image sent")),
        ):
            label.setWordWrap(image is None)  # "no plate crop sent" wraps in a narrow dock; a picture is not cut
            if image is None:
                label.setPixmap(QPixmap())
                label.setText(missing)
            else:
                label.setPixmap(QPixmap.fromImage(image))
