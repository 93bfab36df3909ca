"""The team chief's board: who is signed in where, what each one watches, since when and why.

It reads the presence tables and the audit log of the shared store every second,
on a worker thread (the GUI thread never waits on the database). The audit-log
tab searches by user, camera, time and words of the reason; the data-protection
officer gets that tab alone, with the CSV export.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.access.permissions import Action
from console.audit.log import Entry, Verdict
from console.ptz.lease import Priority, holder_worded
from console.services.supervision import Supervision
from console.store.backend import utc_text
from console.store.presence import Presence, ViewRow
from console.ui.accountability import Accountability
from console.ui.elided import ElidedLabel
from console.ui.miniatures import DeskMiniatures
from console.ui.notices import ChangeNotices
from console.ui.screen_fit import open_within_screen
from console.ui.tasks import TaskRunner
from console.ui.wheel import steady_wheel
from console.ui.words import (
    audit_action,
    audit_detail,
    recording_trouble,
    relay_takeovers,
    say,
    session_state,
    stored_reason,
    stored_role,
    stored_wall,
    word,
)
from console.video.hub import StreamHub
from console.wording import from_record

REFRESH_MS = 1000
RELAY_TAKEOVER_SHOWN_S = 15 * 60  # a relay's death and the take-over of its cameras stay in sight this long
REASON_COLUMN, DETAIL_COLUMN = 6, 7  # of the audit log's results
FOLLOWED_REFRESH_MS = 2000  # with a room's notices
MAX_RESULTS = 2000
ENTRY_LINES_MOST = 6  # the chosen entry below the results, at most this high (it scrolls)
# The audit log's columns at most, as shares of the table's width: a longer text is cut, whole in its tooltip and
# in the pane below the table; the detail column takes the rest (a third at 1366 px). Sized to their contents, they
# pushed the detail out of a 1366-pixel screen.
RESULT_MOST_SHARES = {1: 0.08, 2: 0.07, 3: 0.05, 4: 0.16, 5: 0.11, 6: 0.10}


def local_time(utc: str) -> str:
    moment = dt.datetime.strptime(utc[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%d/%m %H:%M:%S")


def reason_text(reason: dict | None) -> str:
    return stored_reason(reason)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row_number, row in enumerate(rows):
        for column, text in enumerate(row):
            item = table.item(row_number, column)
            if item is None:
                table.setItem(row_number, column, QTableWidgetItem(text))
            elif item.text() != text:
                item.setText(text)


class BoardWindow(QMainWindow):
    def __init__(self, accountability: Accountability, supervision: Supervision, camera_names: dict[str, str],
                 parent: QWidget | None = None, hub: StreamHub | None = None,
                 picture_url: Callable[[str], str | None] | None = None,
                 is_beside_a_wall: bool = False, recorded_cameras: Sequence[str] = ()) -> None:  # fmt: skip
        """``hub`` and ``picture_url`` (a camera's sub-stream on this desk): the desks' pictures, on request.

        ``recorded_cameras``: those with ``recording:``; one that no live recorder records is said in the note.

        ``is_beside_a_wall``: the team chief's board, opened from a wall window (Ctrl+B): Esc or Ctrl+B closes it
        again. The data-protection officer's board is the session's only window: no key closes it by accident.
        """
        super().__init__(parent)
        self.accountability = accountability
        self.supervision = supervision  # reads on the board's worker: searches never hold up the writer
        self.camera_names = camera_names
        self.recorded_cameras = tuple(recorded_cameras)
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="board")
        self._tasks = TaskRunner(self)
        self._is_reading = False
        self._is_shut_down = False  # its reading pool is ended: nothing more is read
        self.presence: Presence | None = None
        self.results: list[Entry] = []
        self.setWindowTitle(self.tr("Uitkijk \u2013 supervision"))
        self.setObjectName("boardWindow")
        tabs = QTabWidget(self)
        self.setCentralWidget(tabs)
        session = accountability.session
        self.can_supervise = session.may(Action.SUPERVISE)
        self.miniatures: DeskMiniatures | None = None
        if self.can_supervise:
            self.miniatures = DeskMiniatures(accountability, camera_names, picture_url, hub, self)
            tabs.addTab(self.miniatures, self.tr("Desks"))
            tabs.addTab(self._build_now(), self.tr("Who watches what"))
        tabs.addTab(self._build_search(session.may(Action.EXPORT_AUDIT_LOG)), self.tr("Audit log"))
        # The recording's trouble, in sight on every tab: a live recorder's full disk, cameras nobody records now.
        # Cut to the room the line has, whole in the tooltip: no text or font makes the window wider.
        self.recording_note = ElidedLabel(self)
        self.recording_note.setObjectName("boardNote")
        self.recording_note.setProperty("alarm", True)
        self.statusBar().addPermanentWidget(self.recording_note, 1)  # a message in the status line does not hide it
        self.recording_note.hide()
        # A relay that died and whose cameras another took (a room of several relays), in the last minutes.
        self.relay_note = ElidedLabel(self)
        self.relay_note.setObjectName("boardNote")
        self.relay_note.setProperty("alarm", True)
        self.statusBar().addPermanentWidget(self.relay_note, 1)
        self.relay_note.hide()
        steady_wheel(self)  # the days change by the wheel only in the focused field
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        if self.can_supervise:
            self._timer.start()
            self.refresh()
        if is_beside_a_wall:
            for keys in ("Esc", "Ctrl+B"):
                closing = QAction(self)
                closing.setShortcut(QKeySequence(keys))
                closing.triggered.connect(self.close)
                self.addAction(closing)
        open_within_screen(self, 1400, 820)  # at 1366x768: maximised, its close button on screen

    # -- who watches what ---------------------------------------------------------------------
    def _build_now(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.now_note = QLabel(self.tr("Reading\u2026"), page)
        self.now_note.setObjectName("boardNote")
        column.addWidget(self.now_note)
        user, workstation, reason, since = self.tr("User"), self.tr("Workstation"), self.tr("Reason"), self.tr("Since")
        wall, camera = self.tr("Wall"), self.tr("Camera")
        self.sessions_table = _table(
            [user, self.tr("Role"), workstation, self.tr("Signed in"), self.tr("State"), reason]
        )
        self.views_table = _table([user, workstation, wall, self.tr("Tile"), camera, since, reason])
        self.tours_table = _table([user, workstation, wall, self.tr("Tour"), since, reason])
        self.leases_table = _table([camera, self.tr("Controlled by"), self.tr("Priority"), since])
        sections = (
            (self.tr("Signed in"), self.sessions_table, 2),
            (self.tr("On their tiles now"), self.views_table, 5),
            (self.tr("Tours running"), self.tours_table, 2),
            (self.tr("PTZ control"), self.leases_table, 2),
        )
        for title, table, stretch in sections:
            label = QLabel(f"<b>{title}</b>", page)
            column.addWidget(label)
            column.addWidget(table, stretch)
        return page

    def follow(self, notices: ChangeNotices) -> None:
        """Read again when a desk of the room commits; look only every 2 s besides (a desk that stops
        beating sends no notice: the look finds its silence)."""
        notices.noticed.connect(self.refresh)
        self._timer.setInterval(FOLLOWED_REFRESH_MS)

    def refresh(self) -> None:
        if self._is_reading or self._is_shut_down:  # a room's notice can come after the board was shut down
            return
        self._is_reading = True
        self._tasks.run(self._executor.submit(self.supervision.presence), self._show_presence, self._on_read_failed)

    def _on_read_failed(self, error: BaseException) -> None:
        self._is_reading = False
        self.now_note.setText(self.tr("The store could not be read: {error}").format(error=error))
        self.now_note.setProperty("alarm", True)

    def _show_presence(self, presence: Presence) -> None:
        self._is_reading = False
        self.presence = presence
        if self.miniatures is not None:
            self.miniatures.show_presence(presence, reason_text)
        gone = {row.session for row in presence.sessions if row.is_stale}
        _fill(self.sessions_table, [
            [f"{row.full_name} ({row.user})", stored_role(row.role), row.workstation, local_time(row.started_utc),
             self.tr("no contact since {time}").format(time=local_time(row.last_seen_utc)) if row.is_stale
             else self.tr("writes no audit entry: {problem}").format(problem=say(from_record(row.audit_problem)))
             if row.audit_problem
             else session_state(row.state),
             reason_text(row.reason)]
            for row in presence.sessions
        ])  # fmt: skip
        _fill(
            self.views_table,
            [
                [
                    row.user + (self.tr(" (no contact)") if row.session in gone else ""),
                    row.workstation,
                    stored_wall(row.wall),
                    str(row.tile),
                    f"{self.camera_names.get(row.camera, row.camera)} ({row.camera})" + self._playback(row),
                    local_time(row.since_utc),
                    reason_text(row.reason),
                ]
                for row in presence.views
            ],
        )
        _fill(self.tours_table, [[row.user, row.workstation, stored_wall(row.wall), row.tour, local_time(row.since_utc),
                                  reason_text(row.reason)] for row in presence.tours])  # fmt: skip
        _fill(self.leases_table, [[f"{self.camera_names.get(row.camera, row.camera)} ({row.camera})",
                                   say(holder_worded(row.holder, row.role, row.workstation, row.tour)),
                                   word(Priority(row.priority)), local_time(row.since_utc)]
                                  for row in presence.leases])  # fmt: skip
        live_views = [row for row in presence.views if row.session not in gone]  # a gone desk shows nothing now
        watching = len({row.session for row in live_views})
        said = self.tr("{signed_in} signed in, {watching} watching {tiles} tiles").format(
            signed_in=len(presence.sessions) - len(gone), watching=watching, tiles=len(live_views)
        )
        if gone:
            said += " \u00b7 " + self.tr("{count} without contact").format(count=len(gone))
        self.now_note.setText(said + " \u00b7 " + self.tr("updated {time}").format(time=local_time(presence.read_utc)))
        recording, names = self.recording_trouble(presence)
        self.recording_note.set_full_text(recording)
        self.recording_note.setToolTip("\n".join(part for part in (recording, names) if part))
        self.recording_note.setVisible(bool(recording))
        since_utc = utc_text(dt.datetime.now(dt.UTC) - dt.timedelta(seconds=RELAY_TAKEOVER_SHOWN_S))
        relays = [row.relay for row in presence.relays]
        taken, names = relay_takeovers(presence.relay_takeovers, since_utc, self.camera_names, relays)
        self.relay_note.set_full_text(taken)
        self.relay_note.setToolTip("\n".join(part for part in (taken, names) if part))
        self.relay_note.setVisible(bool(taken))
        if self.now_note.property("alarm") != bool(gone):  # red while a desk is gone
            self.now_note.setProperty("alarm", bool(gone))
            self.now_note.style().unpolish(self.now_note)
            self.now_note.style().polish(self.now_note)

    def recording_trouble(self, presence: Presence) -> tuple[str, str]:
        """A live recorder's problem (disk full), and the recorded cameras no recorder records now; with its tooltip,
        the cameras' names."""
        unrecorded = [self.camera_names.get(camera, camera) for camera in presence.unrecorded(self.recorded_cameras)]
        return recording_trouble(presence.recorder_problems(), unrecorded)

    def _playback(self, row: ViewRow) -> str:
        """A tile in instant replay: PLAYBACK and the recording time it shows now, after its camera."""
        moment = row.playback_at(dt.datetime.now(dt.UTC))
        if moment is None:
            return ""
        return " \u00b7 " + self.tr("PLAYBACK {time}").format(time=moment.astimezone().strftime("%H:%M:%S"))

    # -- the audit log ------------------------------------------------------------------------------
    def _build_search(self, can_export: bool) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        form = QFormLayout()
        self.user_edit = QLineEdit(page)
        self.user_edit.setPlaceholderText(self.tr("login name"))
        self.camera_edit = QLineEdit(page)
        self.camera_edit.setPlaceholderText(self.tr("camera id"))
        self.reason_edit = QLineEdit(page)
        self.reason_edit.setPlaceholderText(self.tr("words of the reason, e.g. an incident number"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-7), page)
        self.to_edit = QDateEdit(today, page)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel(self.tr("to"), page))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Camera"), self.camera_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Days (UTC)"), dates)
        column.addLayout(form)
        buttons = QHBoxLayout()
        search = QPushButton(self.tr("Search"), page)
        search.setDefault(True)
        search.clicked.connect(self.search)
        for edit in (self.user_edit, self.camera_edit, self.reason_edit):
            edit.returnPressed.connect(self.search)
        verify = QPushButton(self.tr("Verify the chain"), page)
        verify.clicked.connect(self.verify)
        buttons.addWidget(search)
        buttons.addWidget(verify)
        if can_export:
            export = QPushButton(self.tr("Export these entries as CSV\u2026"), page)
            export.clicked.connect(self.export)
            buttons.addWidget(export)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.search_note = QLabel("", page)
        self.search_note.setObjectName("boardNote")
        column.addWidget(self.search_note)
        self.results_table = _table(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Role"),
                self.tr("Workstation"),
                self.tr("Action"),
                self.tr("Camera"),
                self.tr("Reason"),
                self.tr("Detail"),
            ]
        )
        header = self.results_table.horizontalHeader()
        for capped in RESULT_MOST_SHARES:  # sized by _size_results
            header.setSectionResizeMode(capped, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._results_wanted_px: dict[int, int] = {}
        self.results_table.viewport().installEventFilter(self)  # its columns follow its width (its viewport's: the
        # table's own resize comes before its viewport's, whose width would be the old one)
        column.addWidget(self.results_table, 1)
        self.entry_view = QLabel("", page)  # the chosen entry's reason and detail, whole (a cell cuts them)
        self.entry_view.setObjectName("boardNote")
        self.entry_view.setTextFormat(Qt.TextFormat.PlainText)  # what was typed is shown, never read as markup
        self.entry_view.setWordWrap(True)
        self.entry_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results_table.currentCellChanged.connect(lambda row, *_: self._show_entry(row))
        self.entry_scroll = QScrollArea(page)  # a long detail (a configuration's files) scrolls: the table keeps room
        self.entry_scroll.setWidget(self.entry_view)
        self.entry_scroll.setWidgetResizable(True)
        self.entry_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.entry_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_scroll.setMaximumHeight(self.entry_view.fontMetrics().lineSpacing() * ENTRY_LINES_MOST + 8)
        column.addWidget(self.entry_scroll)
        return page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = getattr(self, "results_table", None)
        if table is not None and watched is table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_results()
        return super().eventFilter(watched, event)

    def _size_results(self) -> None:
        """Each capped column as wide as its longest text (measured once per search), at most its share; never
        narrower than its header's words."""
        width_px = self.results_table.viewport().width()
        header = self.results_table.horizontalHeader()
        for column, share in RESULT_MOST_SHARES.items():
            header_px = header.sectionSizeHint(column)
            wanted_px = self._results_wanted_px.get(column, header_px)
            self.results_table.setColumnWidth(column, min(wanted_px, max(header_px, int(share * width_px))))

    def _show_entry(self, row: int) -> None:
        table = self.results_table
        if row < 0 or table.item(row, DETAIL_COLUMN) is None:
            self.entry_view.setText("")
            return
        parts = [table.item(row, column).text() for column in (0, 1, 2, 3, 4, 5, REASON_COLUMN, DETAIL_COLUMN)]
        self.entry_view.setText(" \u00b7 ".join(part for part in parts if part))

    def criteria(self) -> dict:
        until = self.to_edit.date().addDays(1).toString("yyyy-MM-dd")
        return {"since_utc": self.from_edit.date().toString("yyyy-MM-dd"), "until_utc": until,
                "user": self.user_edit.text().strip() or None, "camera": self.camera_edit.text().strip() or None,
                "reason_text": self.reason_edit.text().strip() or None}  # fmt: skip

    def search(self) -> None:
        criteria = self.criteria()
        shown = {key: value for key, value in criteria.items() if value}
        self.accountability.log("audit search", criteria.get("camera"), shown)  # reading the log is logged too
        self.search_note.setText(self.tr("Searching\u2026"))

        def run() -> tuple[list[Entry], list[list[str]]]:
            entries = self.supervision.search(**criteria, limit=MAX_RESULTS)
            return entries, [self._row(entry) for entry in entries]

        self._tasks.run(
            self._executor.submit(run),
            self._show_results,
            lambda error: self.search_note.setText(self.tr("The search failed: {error}").format(error=error)),
        )

    def _row(self, entry: Entry) -> list[str]:
        reason = json.loads(entry.reason) if entry.reason else None
        detail = json.loads(entry.detail)
        return [local_time(entry.utc), entry.user, stored_role(entry.role), entry.workstation,
                audit_action(entry.action),
                self.camera_names.get(entry.camera, entry.camera or ""), reason_text(reason) if reason else "",
                audit_detail(detail, self.camera_names, entry.action)]  # fmt: skip

    def _show_results(self, found: tuple[list[Entry], list[list[str]]]) -> None:
        entries, rows = found
        self.results = entries
        _fill(self.results_table, rows)
        for row_number, row in enumerate(rows):  # a text cut at its column's edge: whole here, never read as markup
            for column in (*RESULT_MOST_SHARES, DETAIL_COLUMN):
                item = self.results_table.item(row_number, column)
                tip = (
                    QtGui.Qt.convertFromPlainText(row[column], Qt.WhiteSpaceMode.WhiteSpaceNormal)
                    if row[column]
                    else ""
                )
                if item.toolTip() != tip:
                    item.setToolTip(tip)
        table, header = self.results_table, self.results_table.horizontalHeader()
        self._results_wanted_px = {column: max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
                                   for column in RESULT_MOST_SHARES}  # fmt: skip
        self._size_results()
        self._show_entry(self.results_table.currentRow())
        more = self.tr(" (the newest {count}; narrow the search)").format(count=MAX_RESULTS)
        self.search_note.setText(self.tr("{count} entries").format(count=len(entries))
                                 + (more if len(entries) >= MAX_RESULTS else ""))  # fmt: skip

    def verify(self) -> None:
        self.search_note.setText(self.tr("Verifying the chain\u2026"))
        self._tasks.run(
            self._executor.submit(self.supervision.verify),
            self._show_verdict,
            lambda error: self.search_note.setText(self.tr("Could not verify: {error}").format(error=say(error))),
        )

    def _show_verdict(self, verdict: Verdict) -> None:
        """The verdict's facts worded here (the chain intact, with any cut it records; or what broke, and where)."""
        if verdict.is_intact:
            said = say(verdict.as_worded())
        elif verdict.first_broken is not None:
            said = self.tr("BROKEN at entry {entry}: {problem}").format(
                entry=verdict.first_broken, problem=say(verdict.finding)
            )
        else:  # the head or the witness beside the log: no entry to name
            said = self.tr("BROKEN: {problem}").format(problem=say(verdict.finding))
        self.search_note.setText(self.tr("Audit log: {verdict}").format(verdict=said))

    def export(self) -> None:
        recipient, accepted = QInputDialog.getText(
            self, self.tr("Export"), self.tr("Who receives this export (name, service)?")
        )
        if not accepted or not recipient.strip():
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), "audit-export.csv", "CSV (*.csv)")
        if not path:
            return
        entries = list(self.results)

        def write() -> None:
            self.supervision.export_csv(entries[::-1], Path(path))  # oldest first

        detail = {**{k: v for k, v in self.criteria().items() if v}, "recipient": recipient.strip(),
                  "entries": len(entries), "file": Path(path).name}  # fmt: skip
        note = self.search_note
        self.accountability.log(
            "audit export",
            None,
            detail,
            then=lambda: self._tasks.run(
                self._executor.submit(write),
                lambda _: note.setText(
                    self.tr("{count} entries written to {file}").format(count=len(entries), file=path)
                ),
                lambda error: note.setText(self.tr("The export failed: {error}").format(error=error)),
            ),
        )

    def closeEvent(self, event) -> None:
        self._timer.stop()
        if self.miniatures is not None:
            self.miniatures.pictures_box.setChecked(False)  # no picture goes on unseen: their views end, logged
        super().closeEvent(event)

    def shutdown(self) -> None:
        self._is_shut_down = True
        self._timer.stop()
        if self.miniatures is not None:
            self.miniatures.shutdown()
        self._executor.shutdown(wait=True, cancel_futures=True)
