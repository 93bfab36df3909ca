"""The dispatch panel's forms: the incident being worked, and an ANPR hit against its images."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
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
)
from console.ui.words import capitalised, text_word, word

DESCRIPTION_MIN_PX, DESCRIPTION_MAX_PX = 46, 150  # "What" grows with its text; past this it scrolls
TAKEN_SOURCES = (Source.PHONE, Source.CITIZEN_REPORT, Source.PATROL, Source.CAMERA)


def can_act(button: QAbstractButton, why_not: str | None, what: str = "") -> None:
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


class IncidentForm(QWidget):
    """One incident: its fields, its timeline, and what can be done with it."""

    def __init__(self, config: CameraConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentForm")
        self.camera_names = {camera.id: camera.name for camera in config.cameras}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        self.title = QLabel(self.tr("New incident"))
        self.title.setObjectName("incidentTitle")
        self.title.setWordWrap(True)
        column.addWidget(self.title)
        self.draft_note = QLabel("")  # what another desk changed while this one typed; unsaved edits kept
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        column.addWidget(self.draft_note)
        self.shown_id: str | None = None  # the incident the fields show
        self._baseline: dict = {}  # the record's values as last written into the fields
        self._drafts: dict[str, dict] = {}  # unsaved edits of incidents the operator left, by incident id
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
        self.cameras = QLabel("")
        self.cameras.setObjectName("incidentCameras")
        self.cameras.setWordWrap(True)
        column.addWidget(self.cameras)
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.save = QPushButton(self.tr("Create incident"))
        self.save.setObjectName("primaryButton")
        self.new = QPushButton(self.tr("New (Ctrl+I)"))
        self.unit = QComboBox()
        self.unit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.dispatch = QPushButton(self.tr("Dispatch"))
        self.dispatch.setObjectName("primaryButton")
        self.follow = QPushButton(self.tr("Video follows (V)"))
        self.link_tile = QPushButton(self.tr("Link selected tile"))
        self.close_incident = QPushButton(self.tr("Close"))
        self.cancel_incident = QPushButton(self.tr("Cancel incident"))
        self.merge_target = QComboBox()
        self.merge = QPushButton(self.tr("Merge into"))
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
        column.addLayout(buttons)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(44)
        column.addWidget(self.timeline, 1)
        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("add a note to the timeline (Enter)"))
        note_row.addWidget(self.note)
        column.addLayout(note_row)

    def values(self) -> dict:
        return {"type": self.type.currentText().strip(), "priority": self.priority.currentIndex() + 1,
                "address": self.address.text().strip(), "area": self.area.currentData(),
                "caller": self.caller.text().strip(), "description": self.description.toPlainText().strip(),
                "report_number": self.report_number.text().strip(), "outcome": self.outcome.text().strip()}  # fmt: skip

    def show_incident(self, incident: Incident | None) -> None:
        """Show a record without throwing away what the operator typed.

        Fields the operator edited keep their text through every refresh (a unit set on scene,
        another desk's change); if another desk changed the same field meanwhile, the form says
        so, and by whom. Edits of an incident the operator leaves are kept for when they return.
        """
        is_new = incident is None
        self.save.setText(self.tr("Create incident") if is_new else self.tr("Save changes"))
        self.source.setEnabled(is_new)
        if incident is None:
            self._leave_current()
            self.shown_id, self._baseline = None, {}
            self.title.setText(self.tr("New incident \u2013 fill in type and place, then Create"))
            for field in (self.address, self.caller, self.report_number, self.outcome, self.note):
                field.clear()
            self.type.setCurrentText("")
            self.priority.setCurrentIndex(1)
            self.area.setCurrentIndex(0)
            self.description.clear()
            self.cameras.setText("")
            self.timeline.clear()
            self._note([])
            return
        incoming = record_values(incident)
        if incident.id == self.shown_id:
            current = self.values()
            edited = {name for name in incoming if current[name] != self._baseline.get(name)}
            clashes = [name for name in edited if incoming[name] != self._baseline.get(name) and
                       incoming[name] != current[name]]  # fmt: skip
            kept = {name: current[name] for name in edited if current[name] != incoming[name]}
        else:
            self._leave_current()
            kept = self._drafts.pop(incident.id, {})
            clashes = [name for name, value in kept.items() if incoming[name] != value]
        self.shown_id, self._baseline = incident.id, dict(incoming)
        self._write({**incoming, **kept})
        self._show_header(incident)
        by = next((event.user for event in reversed(incident.timeline) if event.kind == "field"), None)
        names = self.field_names()
        if by:
            changed = self.tr("{field} was changed on another desk by {user}; your text is kept: Save to keep it")
        else:
            changed = self.tr("{field} was changed on another desk; your text is kept: Save to keep it")
        lines = [changed.format(field=capitalised(names[name]), user=by) for name in sorted(clashes)]
        if kept:
            lines.append(self.tr("unsaved: {fields}").format(fields=", ".join(names[name] for name in sorted(kept))))
        self._note(lines)

    def field_names(self) -> dict[str, str]:
        """The form's fields as its labels name them."""
        return {"type": self.tr("type"), "priority": self.tr("priority"), "address": self.tr("where"),
                "area": self.tr("area"), "caller": self.tr("caller"), "description": self.tr("what"),
                "report_number": self.tr("report number"), "outcome": self.tr("outcome")}  # fmt: skip

    def _fit_description(self) -> None:
        lines = max(1, int(self.description.document().size().height()))  # laid-out lines of a plain text edit
        wanted = lines * self.description.fontMetrics().lineSpacing() + 14
        height = max(DESCRIPTION_MIN_PX, min(DESCRIPTION_MAX_PX, wanted))
        if height != self.description.height():
            self.description.setFixedHeight(height)

    def _leave_current(self) -> None:
        if self.shown_id is None:
            return
        current = self.values()
        edited = {name: current[name] for name in self._baseline if current[name] != self._baseline[name]}
        if edited:
            self._drafts[self.shown_id] = edited

    def _write(self, values: dict) -> None:
        self.type.setCurrentText(values["type"])
        self.priority.setCurrentIndex(values["priority"] - 1)
        self.address.setText(values["address"])
        self.area.setCurrentIndex(max(0, self.area.findData(values["area"])))
        self.caller.setText(values["caller"])
        if self.description.toPlainText().strip() != values["description"]:
            self.description.setPlainText(values["description"])
        self.report_number.setText(values["report_number"])
        self.outcome.setText(values["outcome"])

    def _note(self, lines: list[str]) -> None:
        self.draft_note.setText("\n".join(lines))
        self.draft_note.setVisible(bool(lines))

    def _show_header(self, incident: Incident) -> None:
        units = ", ".join(incident.units) or self.tr("no unit")
        origin = self.tr("from {source}, {time} by {user}").format(
            source=word(incident.source), time=local_hhmm(incident.created_utc), user=incident.created_by
        )
        merged = self.tr(" \u00b7 merged into {incident}").format(incident=incident.merged_into)
        self.title.setText(f"<b>{incident.id}</b> \u00b7 P{incident.priority} \u00b7 {word(incident.state)} \u00b7 "
                           f"{units} \u00b7 {origin}" + (merged if incident.merged_into else ""))  # fmt: skip
        self.source.setCurrentIndex(max(0, self.source.findData(incident.source)))
        snapshots = (
            self.tr(" \u00b7 snapshots: {count}").format(count=len(incident.snapshots)) if incident.snapshots else ""
        )
        linked = ", ".join(self.camera_names.get(camera, camera) for camera in incident.cameras)
        self.cameras.setText(self.tr("Cameras: {cameras}").format(cameras=linked or self.tr("none linked")) + snapshots)
        self.timeline.clear()
        for event in reversed(incident.timeline):
            self.timeline.addItem(f"{local_hhmm(event.utc)}  {event.user}  {event.text}")


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
        self.facts.setText(
            self.tr("<span style='font-size:15pt'><b>{read}</b></span> ({country}) read at {confidence} \u00b7 "
                    "list plate <b>{plate}</b>").format(read=hit.plate_read, country=hit.country, plate=hit.plate,
                                             confidence=QLocale().toString(hit.confidence * 100, "f", 0) + "%")
            + f"<br>{camera_name} ({hit.camera}), {directions.get(hit.direction, hit.direction)}, {when:%H:%M:%S}<br>"
            + self.tr("List <b>{list}</b>: {why}<br>owner {owner}, entry until {until}").format(
                list=hit.list, why=hit.list_reason, owner=hit.list_owner, until=hit.list_expires)
            + f"<br>{check}"
        )  # fmt: skip

    def set_images(self, plate: QImage | None, overview: QImage | None) -> None:
        """Pictures already decoded and scaled on a worker (``models.hit_picture``): here they are only shown."""
        for label, image, missing in (
            (self.plate, plate, self.tr("no plate crop sent")),
            (self.overview, overview, self.tr("no overview image sent")),
        ):
            if image is None:
                label.setPixmap(QPixmap())
                label.setText(missing)
            else:
                label.setPixmap(QPixmap.fromImage(image))
