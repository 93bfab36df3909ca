"""The dispatch panel's models and widgets over a real SQLite store (no video here: see tests/integration)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import load_camera_config
from console.dispatch import service
from console.dispatch.config import load_units
from console.dispatch.model import IncidentState, Source
from console.paths import DEFAULT_CONFIG_DIR
from console.services.dispatch_reads import DispatchReader
from console.store import open_store_file
from console.ui.accountability import Accountability
from console.ui.dispatch.models import AlertSound, DispatchFeed
from console.ui.dispatch.panel import DispatchPanel, WallHooks

WHO = {"user": "intake", "role": "external system", "workstation": "phone"}


def select_row(view, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), flags)


@pytest.fixture
def desk(qtbot, tmp_path):
    """A panel for a given role over a fresh store with three incidents and one hit."""
    database = tmp_path / "uitkijk.sqlite3"
    log = AuditLog(open_store_file(database), tmp_path / KEY_FILE)
    writer = AuditWriter(log)
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    units = load_units(config)
    made = []

    def make(role: Role, wall: WallHooks | None = None) -> DispatchPanel:
        feed = DispatchFeed(DispatchReader(log.database, units.call_signs()))
        if not made:
            log.commit(service.ensure_units(units, "admin").record(WHO))
            long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=9)
            for priority, minutes, kind in ((3, 9, "noise"), (1, 2, "fight"), (2, 5, "bike theft")):
                draft = service.Draft(Source.PHONE, kind, priority, "Stationsplein 2")
                log.commit(service.create_incident(draft, "intake", long_ago + dt.timedelta(minutes=minutes))
                           .record(WHO))  # fmt: skip
        session = Session(User(f"user-{len(made)}", "Test User", role, "-"), "ws-01")
        panel = DispatchPanel(Accountability(writer, session), feed, config, units, AlertSound(tmp_path), wall)
        qtbot.addWidget(panel)
        made.append((panel, feed))
        feed.start()
        qtbot.waitUntil(lambda: panel.board is not None, timeout=3000)
        return panel

    yield make
    for panel, feed in made:
        panel.shutdown()
        feed.shutdown()
        panel.sound.shutdown()
    writer.close()
    log.database.close()


def test_the_models_are_correct_qt_models_and_the_queue_is_by_priority_then_age(qtbot, qtmodeltester, desk):
    panel = desk(Role.OPERATOR)
    for model in (panel.queue_model, panel.unit_model, panel.hit_model):
        qtmodeltester.check(model)
    queue = panel.queue_model
    assert [queue.data(queue.index(row, 3)) for row in range(queue.rowCount())] == ["fight", "bike theft", "noise"]
    assert queue.data(queue.index(0, 0)) == "P1" and queue.data(queue.index(0, 2)).endswith("wait")
    assert queue.data(queue.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.unit_model.rowCount() == len(load_units(load_camera_config(DEFAULT_CONFIG_DIR)).units)


def test_selecting_an_incident_fills_the_form_and_offers_units_of_its_area_first(qtbot, desk):
    panel = desk(Role.OPERATOR)
    select_row(panel.queue, 0)
    assert panel.current().type == "fight"
    assert panel.form.type.currentText() == "fight" and panel.form.save.text() == "Save changes"
    assert panel.form.dispatch.isEnabled() and not panel.form.close_incident.isEnabled()
    assert panel.form.unit.itemData(0) is not None
    assert panel.form.timeline.count() == 1 and "from phone: fight, priority 1" in panel.form.timeline.item(0).text()
    panel.form.note.setText("caller rings again: now three people")
    panel.add_note()
    qtbot.waitUntil(lambda: panel.form.timeline.count() == 2, timeout=2000)
    assert "caller rings again" in panel.form.timeline.item(0).text()  # newest first


def test_selecting_an_incident_shows_it_once(qtbot, desk, monkeypatch):
    """The selection's handler showed it, then select_incident showed it again: twice the form's work."""
    panel = desk(Role.OPERATOR)
    shown: list[str | None] = []
    original = panel.form.show_incident
    monkeypatch.setattr(panel.form, "show_incident", lambda incident: (shown.append(incident and incident.id),
                                                                       original(incident)))  # fmt: skip
    first, second = panel.queue_model.items[0].id, panel.queue_model.items[1].id
    for incident_id in (second, first, first):  # a new selection twice, then the same one again
        panel.select_incident(incident_id)
    assert shown == [second, first, first] and panel.current().id == first
    assert panel.form.shown_id == first and panel.form.unit.count() > 0  # its form, with the units to send


def test_a_refused_change_is_explained_in_the_panel(qtbot, desk):
    panel = desk(Role.OPERATOR)
    select_row(panel.queue, 0)
    panel.form.type.setCurrentText("   ")
    panel.save()
    assert panel.message.text() == "the type cannot be empty"
    panel.new_incident()
    panel.form.type.setCurrentText("fight")
    panel.save()  # no place at all
    assert "where is it?" in panel.message.text()


def test_the_call_taker_takes_incidents_but_sees_no_hits_and_sends_no_units(qtbot, desk):
    panel = desk(Role.CALL_TAKER)
    assert [panel.tabs.tabText(index) for index in range(panel.tabs.count())] == ["Incidents"]
    select_row(panel.queue, 0)
    assert not panel.form.dispatch.isVisible() and not panel.form.dispatch.isEnabled()
    assert not any(button.isEnabled() for button in panel.unit_buttons.values())
    panel.new_incident()
    panel.form.type.setCurrentText("purse snatching")
    panel.form.address.setText("Grote Markt 1")
    panel.save()
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 4, timeout=2000)
    made = next(incident for incident in panel.queue_model.items if incident.type == "purse snatching")
    assert made.area == "shopping" and made.lat is not None  # Grote Markt is a street the cameras know


def test_what_is_typed_survives_a_refresh_another_desks_change_and_leaving_the_incident(qtbot, desk):
    panel = desk(Role.OPERATOR)
    chief = desk(Role.TEAM_CHIEF)
    select_row(panel.queue, 0)  # the fight
    incident = panel.current()
    panel.form.outcome.setText("two arrested")  # typed, not saved
    panel.form.caller.setText("Mevr. Claes 0470 12 34 56")
    panel.dispatch_selected_unit()  # the record changes under the form: a unit is sent
    qtbot.waitUntil(lambda: panel.current().units != (), timeout=3000)
    assert panel.form.outcome.text() == "two arrested" and panel.form.caller.text() == "Mevr. Claes 0470 12 34 56"
    assert "unsaved: caller, outcome" in panel.form.draft_note.text()
    chief.select_incident(incident.id)  # another desk saves the caller meanwhile
    qtbot.waitUntil(lambda: chief.current() is not None and chief.current().id == incident.id, timeout=3000)
    chief.form.caller.setText("Dhr. Peeters")
    chief.save()
    qtbot.waitUntil(lambda: panel.current().caller == "Dhr. Peeters", timeout=3000)
    assert panel.form.caller.text() == "Mevr. Claes 0470 12 34 56"  # what this desk typed is kept
    assert "Caller was changed on another desk by user-1" in panel.form.draft_note.text()
    select_row(panel.queue, 1)  # to another incident and back: the edits wait
    assert panel.form.outcome.text() == ""
    panel.select_incident(incident.id)
    assert panel.form.outcome.text() == "two arrested"
    panel.save()
    qtbot.waitUntil(lambda: panel.current().outcome == "two arrested", timeout=3000)
    assert panel.current().caller == "Mevr. Claes 0470 12 34 56" and not panel.form.draft_note.isVisible()


def test_merge_into_is_never_pre_filled_and_merge_waits_for_a_choice(qtbot, desk):
    panel = desk(Role.OPERATOR)
    select_row(panel.queue, 0)
    targets = panel.form.merge_target
    assert targets.currentData() is None and not panel.form.merge.isEnabled()
    targets.setCurrentIndex(1)
    targets.activated.emit(1)  # as a choice in the list does
    assert targets.currentData() is not None and panel.form.merge.isEnabled()
    chosen = targets.currentData()
    panel._refresh_form()  # what every feed change does
    assert targets.currentData() == chosen  # a refresh keeps the choice


def test_anpr_triage_newest_first_by_camera_name_coloured_by_the_lists_severity(qtbot, desk):
    from console.dispatch.config import load_watchlists
    from console.ui.dispatch.models import SEVERITY_COLOURS

    panel = desk(Role.OPERATOR)
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    log = panel.accountability.writer.log
    today = dt.datetime.now(dt.UTC).date()
    for plate in ("1-KTR-482", "1-MNE-250"):  # stolen vehicle (high), then uninsured (low)
        change, _ = service.record_read(service.Read("anpr-01", plate, "B", 0.9), lists, today, "sim")
        log.commit(change.record(WHO))
    model = panel.hit_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    assert [model.data(model.index(row, 1)) for row in range(2)] == ["1MNE250 (B)", "1KTR482 (B)"]  # newest first
    assert model.data(model.index(0, 3)) == panel.camera_names["anpr-01"] != "anpr-01"
    colours = [model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole).color() for row in range(2)]
    assert colours == [SEVERITY_COLOURS["low"], SEVERITY_COLOURS["high"]]


def test_an_action_that_cannot_be_done_now_says_why(qtbot, desk):
    panel = desk(Role.OPERATOR)
    select_row(panel.queue, 0)  # a new incident: nothing on scene yet
    form = panel.form
    assert not form.close_incident.isEnabled() and "a unit must be on scene first" in form.close_incident.toolTip()
    assert not form.merge.isEnabled() and "choose the incident to merge into" in form.merge.toolTip()
    assert not form.follow.isEnabled() and "no wall" in form.follow.toolTip()  # this panel has no wall beside it
    panel.finish(IncidentState.CANCELLED)
    qtbot.waitUntil(lambda: panel.current() is not None and not panel.current().state.is_open, timeout=3000)
    assert not form.dispatch.isEnabled() and "is cancelled" in form.dispatch.toolTip()
    view = panel.hit_view
    assert not view.make_incident.isEnabled() and "select a hit first" in view.make_incident.toolTip()


def test_what_shows_its_whole_text_up_to_a_limit(qtbot, desk):
    from console.ui.dispatch.forms import DESCRIPTION_MAX_PX, DESCRIPTION_MIN_PX

    panel = desk(Role.OPERATOR)
    panel.show()
    description = panel.form.description
    assert description.height() == DESCRIPTION_MIN_PX
    description.setPlainText("two men fighting\nin front of the station\none with a bottle\nthe other running")
    assert DESCRIPTION_MIN_PX < description.height() <= DESCRIPTION_MAX_PX  # four lines show, none cut
    description.setPlainText("\n".join(f"line {number}" for number in range(40)))
    assert description.height() == DESCRIPTION_MAX_PX  # then it scrolls


def test_ctrl_enter_in_the_new_incident_form_creates_it(qtbot, desk):
    panel = desk(Role.OPERATOR)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=3000)
    panel.new_incident()
    panel.form.type.setCurrentText("vandalism")
    panel.form.address.setText("Grote Markt 2")
    panel.form.address.setFocus()
    qtbot.keyClick(panel.form.address, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(item.type == "vandalism" for item in panel.queue_model.items), timeout=3000)


def test_a_change_that_becomes_durable_after_the_desk_closed_reads_nothing(qtbot, desk):
    panel = desk(Role.OPERATOR)
    panel.feed.shutdown()
    panel.feed.poll()  # before: "cannot schedule new futures after shutdown", raised in a Qt slot
    panel.feed.read_images(1, lambda images: None)
    assert panel.feed._is_reading is False


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_panel_fits_its_dock_in_every_language(qtbot, desk, language):
    """The longest language's buttons and headers fit the dock's width: nothing is cut or scrolled sideways."""
    from console.ui.language import install_language
    from console.ui.main_window import DISPATCH_DOCK_WIDTH_PX

    try:
        assert install_language(language)
        panel = desk(Role.TEAM_CHIEF)
        panel.select_incident(panel.queue_model.items[0].id)
        assert panel.minimumSizeHint().width() <= DISPATCH_DOCK_WIDTH_PX - 20, language  # the dock's scroll bar
    finally:
        install_language("en")


def test_the_clock_repaints_only_the_times_and_a_row_that_becomes_overdue(qtbot, desk):
    """Each second's tick must not ask every cell again (the views then measured every column: 140 ms a second)."""
    panel = desk(Role.OPERATOR)
    queue, units = panel.queue_model, panel.unit_model
    changes: list[tuple[int, int, int, int, list]] = []
    for model in (queue, units):
        model.dataChanged.connect(lambda top, bottom, roles=(), m=model: changes.append(
            (id(m), top.row(), bottom.row(), top.column(), bottom.column(), list(roles))))  # fmt: skip
    fight = next(incident for incident in queue.items if incident.priority == 1)
    row = queue.row_of(fight.id)
    created = dt.datetime.fromisoformat(fight.created_utc)
    queue.tick(created + dt.timedelta(seconds=1))  # not overdue yet
    queue.tick(created + dt.timedelta(seconds=2))
    assert {(top, bottom, left, right) for _, top, bottom, left, right, _ in changes} == {(0, 2, 2, 2)}
    assert all(roles == [Qt.ItemDataRole.DisplayRole] for *_, roles in changes)
    changes.clear()
    queue.tick(created + dt.timedelta(seconds=queue.warn_after_s + 5))  # the P1 is now overdue: its row turns red
    assert (id(queue), row, row, 0, len(queue.COLUMNS) - 1, []) in changes
    assert queue.data(queue.index(row, 1), Qt.ItemDataRole.BackgroundRole) is not None
    changes.clear()
    units.tick(created)
    assert {(left, right) for _, _, _, left, right, _ in changes} == {(4, 4)}


def test_columns_fit_their_texts_as_qt_would_asking_the_model_only_for_its_texts(qtbot, desk):
    """Qt's own fitting asked every cell for eight roles through Python: 36 ms a table at each dispatch."""
    from console.ui.dispatch.forms import fit_columns

    panel = desk(Role.OPERATOR)
    for view in (panel.queue, panel.unit_view):  # (the hit list: the same code, and no hits in this store)
        model = view.model()
        assert model.rowCount() > 0
        fit_columns(view)
        ours = [view.columnWidth(column) for column in range(model.columnCount())]
        asked: list[int] = []
        original = model.data

        def counting(index, role=Qt.ItemDataRole.DisplayRole, original=original, asked=asked):
            asked.append(role)
            return original(index, role)

        model.data = counting
        fit_columns(view)
        model.data = original
        assert set(asked) == {Qt.ItemDataRole.DisplayRole}
        assert len(asked) <= model.rowCount() * model.columnCount()
        view.resizeColumnsToContents()  # Qt's measure, for the widths
        theirs = [view.columnWidth(column) for column in range(model.columnCount())]
        time_columns = getattr(model, "TIME_COLUMNS", ())
        header = view.horizontalHeader()
        stretched = {column for column in range(model.columnCount())
                     if header.sectionResizeMode(column) != header.ResizeMode.Interactive}  # fmt: skip
        for column, (width, qt_width) in enumerate(zip(ours, theirs, strict=True)):
            if column in stretched:
                continue
            if column in time_columns:
                assert width >= qt_width, (view.objectName(), column)
            else:
                assert width == qt_width, (view.objectName(), column)
