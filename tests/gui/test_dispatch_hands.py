"""What the operator's hands meet in the dispatch panel: drafts that follow their incident, edits that are not
lost or falsely flagged, action rows that stay put, a wheel that changes nothing it is not meant to, and
disabled buttons that say why (issue 24, items 1, 4, 5 and 9)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea

from console.access.permissions import Role
from console.dispatch import service
from console.dispatch.model import Source, UnitState
from console.ui.dispatch.panel import DispatchPanel, DispatchWindow, WallHooks
from tests.gui.test_dispatch_panel import WHO, desk, select_row  # noqa: F401  (desk: the fixture)

HOOKS = WallHooks(follow=lambda incident: None, link_tile=lambda incident_id: None,
                  show_camera=lambda camera, reference: None)  # fmt: skip


def incident_id(panel: DispatchPanel, kind: str) -> str:
    return next(incident.id for incident in panel.board.incidents if incident.type == kind)


def commit(panel: DispatchPanel, change: service.Change) -> None:
    panel.accountability.writer.log.commit(change.record(WHO))


def in_a_dock(qtbot, request, panel: DispatchPanel, height_px: int) -> QScrollArea:
    """The panel as the wall window holds it: in a scroll area as wide as the dock, on a short screen.

    The panel leaves it before the desk closes it (the fixture shuts the panel down after the test).
    """
    from console.ui.main_window import DISPATCH_DOCK_WIDTH_PX

    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(panel)
    scroller.resize(DISPATCH_DOCK_WIDTH_PX, height_px)
    request.addfinalizer(lambda: scroller.takeWidget())
    scroller.show()
    qtbot.waitExposed(scroller)
    return scroller


def settled() -> None:
    """Layouts run from posted events: let them run (twice: a layout may ask for another)."""
    for _ in range(2):
        QApplication.processEvents()


# -- item 1: a note draft belongs to its incident -----------------------------------------------------------
def test_a_note_draft_follows_its_incident_whatever_changes_the_form(qtbot, desk):  # noqa: F811
    panel = desk(Role.OPERATOR)
    noise, fight = incident_id(panel, "noise"), incident_id(panel, "fight")  # the fight is a P1 nobody took yet
    note = panel.form.note
    panel.select_incident(noise)
    note.setText("caller rings again: music still loud")
    commit(panel, service.create_incident(service.Draft(Source.PHONE, "theft", 2, "Markt 1"), "intake"))
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 4, timeout=3000)  # a new intake: rows move
    assert panel.form.shown_id == noise and note.text() == "caller rings again: music still loud"

    qtbot.waitUntil(lambda: panel.p1_alert.incident_id == fight, timeout=3000)
    panel.p1_alert.show_button.click()  # "Show": the P1 in the form
    assert panel.form.shown_id == fight and note.text() == ""
    panel.p1_alert.take_button.click()  # "Acknowledge: I take it"
    qtbot.waitUntil(lambda: panel.board.incident(fight).acknowledged_by is not None, timeout=3000)
    assert panel.form.shown_id == fight and note.text() == ""
    panel.select_incident(noise)
    assert note.text() == "caller rings again: music still loud"  # kept for its incident
    panel.new_incident()
    assert note.text() == ""
    panel.select_incident(noise)
    assert note.text() == "caller rings again: music still loud"
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Return)  # filed where it was typed
    qtbot.waitUntil(lambda: any("music still loud" in event.text for event in panel.board.incident(noise).timeline),
                    timeout=3000)  # fmt: skip
    assert note.text() == ""
    assert not any("music still loud" in event.text for event in panel.board.incident(fight).timeline)
    panel.select_incident(fight)
    panel.select_incident(noise)
    assert note.text() == ""  # filed: not a draft any more


# -- item 4: unsaved edits ---------------------------------------------------------------------------------------
def test_coming_back_to_unsaved_edits_warns_only_of_a_real_change_by_another_desk(qtbot, desk):  # noqa: F811
    panel = desk(Role.OPERATOR)
    chief = desk(Role.TEAM_CHIEF)
    form = panel.form
    fight, noise = incident_id(panel, "fight"), incident_id(panel, "noise")
    panel.select_incident(fight)
    form.caller.setText("Mevr. Claes 0470 12 34 56")
    form.description.setPlainText("two men, one with a bottle")
    panel.select_incident(noise)
    assert form.caller.text() == "" and form.description.toPlainText() == ""
    panel.select_incident(fight)  # back: the edits wait, and nobody else changed anything
    assert form.caller.text() == "Mevr. Claes 0470 12 34 56"
    assert form.description.toPlainText() == "two men, one with a bottle"
    assert "another desk" not in form.draft_note.text()
    assert "unsaved: caller, what" in form.draft_note.text() and form.draft_note.isVisibleTo(panel)

    panel.select_incident(noise)  # away again; another desk changes the caller and the type meanwhile
    chief.select_incident(fight)
    qtbot.waitUntil(lambda: chief.form.shown_id == fight, timeout=3000)
    chief.form.caller.setText("Dhr. Peeters")
    chief.form.type.setCurrentText("brawl")
    chief.save()
    qtbot.waitUntil(lambda: panel.board.incident(fight).caller == "Dhr. Peeters", timeout=3000)
    panel.select_incident(fight)
    warning = form.draft_note.text()
    assert "Caller was changed on another desk by user-1" in warning
    assert "What was changed" not in warning and "Type was changed" not in warning
    assert form.caller.text() == "Mevr. Claes 0470 12 34 56" and form.type.currentText() == "brawl"
    panel._refresh_form()  # what every read of the feed does: the warning stays while the edit stands
    assert "Caller was changed on another desk by user-1" in form.draft_note.text()
    panel.save()
    qtbot.waitUntil(lambda: panel.board.incident(fight).caller == "Mevr. Claes 0470 12 34 56", timeout=3000)
    assert not form.draft_note.isVisibleTo(panel)
    form.caller.setText("Mevr. Claes, 0470 12 34 56")  # typed again, while nobody else changes it
    panel._refresh_form()
    assert "another desk" not in form.draft_note.text()


def shown_window(qtbot, panel) -> DispatchWindow:
    """The call-taker's window around the panel, shown as on a desk."""
    window = DispatchWindow(panel)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_closing_the_window_with_unsaved_edits_asks_save_discard_or_cancel(qtbot, desk):  # noqa: F811
    panel = desk(Role.CALL_TAKER)
    window = shown_window(qtbot, panel)
    fight, noise = incident_id(panel, "fight"), incident_id(panel, "noise")
    panel.select_incident(noise)
    panel.form.note.setText("the neighbour complains again")  # a note draft on one incident
    panel.select_incident(fight)
    panel.form.caller.setText("Mevr. Claes")  # a field edited on another

    assert not window.close()  # asked first
    question = panel.unsaved_question
    assert question is not None and question.isVisible() and window.isVisible()
    assert {question.save_button.text(), question.discard_button.text(), question.cancel_button.text()} == {
        "Save", "Discard", "Cancel"}  # fmt: skip
    question.cancel_button.click()
    assert window.isVisible() and panel.form.caller.text() == "Mevr. Claes"

    panel.form.type.setCurrentText("   ")  # a save the service refuses: the window stays, the reason shows
    assert not window.close()
    panel.unsaved_question.save_button.click()
    assert window.isVisible() and panel.message.text() == "the type cannot be empty"

    panel.form.type.setCurrentText("fight")
    assert not window.close()
    panel.unsaved_question.save_button.click()  # saved through the service, then the window closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    panel.feed.poll()
    qtbot.waitUntil(lambda: panel.board.incident(fight).caller == "Mevr. Claes", timeout=3000)
    assert any("complains again" in event.text for event in panel.board.incident(noise).timeline)


def test_discard_closes_and_saves_nothing(qtbot, desk):  # noqa: F811
    panel = desk(Role.CALL_TAKER)
    window = shown_window(qtbot, panel)
    fight = incident_id(panel, "fight")
    panel.select_incident(fight)
    panel.form.caller.setText("Mevr. Claes")
    assert not window.close()
    panel.unsaved_question.discard_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    panel.feed.poll()
    with qtbot.assertNotEmitted(panel.accountability.refused, wait=300):
        pass
    assert panel.board.incident(fight).caller == ""


# -- item 5: things that stay under the hand ------------------------------------------------------------------
def action_places(panel: DispatchPanel) -> dict[str, tuple[QPoint, object]]:
    form = panel.form
    widgets = {"save": form.save, "new": form.new, "follow": form.follow, "unit": form.unit,
               "dispatch": form.dispatch, "link": form.link_tile, "close": form.close_incident,
               "cancel": form.cancel_incident, "merge into": form.merge_target, "merge": form.merge,
               **{f"unit {state.value}": button for state, button in panel.unit_buttons.items()}}  # fmt: skip
    top = panel.window()
    return {name: (widget.mapTo(top, QPoint(0, 0)), widget.size()) for name, widget in widgets.items()}


def test_action_rows_keep_their_place_whatever_the_incident_and_the_message(qtbot, request, desk):  # noqa: F811
    panel = desk(Role.OPERATOR, HOOKS)
    long_draft = service.Draft(
        Source.PHONE, "fight with a knife and a broken bottle", 1, "Kortrijksesteenweg 1234, at the back entrance",
        description="\n".join(f"line {number}: two men, one with a bottle, running north" for number in range(6)),
        caller="Mevr. Claes-Vandenbroucke 0470 12 34 56",
        cameras=("station-01", "station-02", "station-03"))  # fmt: skip
    commit(panel, service.create_incident(long_draft, "intake"))
    qtbot.waitUntil(lambda: panel.queue_model.rowCount() == 4, timeout=3000)
    long_id = incident_id(panel, long_draft.type)
    for unit in ("Leie 11", "Leie 12", "Leie 14"):
        commit(panel, service.dispatch_unit(long_id, unit, "intake"))
    short_id = incident_id(panel, "noise")
    qtbot.waitUntil(lambda: len(panel.board.incident(long_id).units) == 3, timeout=3000)
    in_a_dock(qtbot, request, panel, 560)  # at 1366x768 the panel scrolls: every part at its least height

    panel.select_incident(long_id)
    panel.form.caller.setText("typed, not saved")  # the note of unsaved fields shows
    panel.show_message("a long line for the operator " * 8)
    settled()
    long_places = action_places(panel)
    panel.select_incident(short_id)
    panel.show_message("ok")
    settled()
    assert action_places(panel) == long_places
    panel.new_incident()
    panel.show_message("")
    settled()
    assert action_places(panel) == long_places
    select_row(panel.unit_view, 0)
    panel.show_message("Leie 11 cannot go from available to on scene: dispatch it to an incident first " * 3)
    settled()
    assert action_places(panel) == long_places  # the unit buttons stay when the message line grows or shrinks


def wheel(widget, steps: int) -> None:
    """A wheel turn over a widget, as the system delivers it (spontaneous: it may go on to the parents)."""
    window = widget.window().windowHandle()
    centre = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, centre, QPoint(0, -120 * steps))


def test_the_wheel_changes_a_value_only_in_the_focused_field_else_it_scrolls_the_panel(qtbot, request, desk):  # noqa: F811
    panel = desk(Role.OPERATOR)
    panel.select_incident(incident_id(panel, "bike theft"))  # priority 2
    scroller = in_a_dock(qtbot, request, panel, 420)
    priority = panel.form.priority
    bar = scroller.verticalScrollBar()
    assert bar.maximum() > 0
    scroller.ensureWidgetVisible(priority)
    settled()
    before = bar.value()
    wheel(priority, 1)
    assert priority.currentIndex() == 1  # still "2 - normal"
    assert bar.value() > before  # the panel scrolled instead
    scroller.ensureWidgetVisible(priority)
    scroller.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is scroller, timeout=3000)
    priority.setFocus()
    qtbot.waitUntil(priority.hasFocus, timeout=3000)
    wheel(priority, 1)
    assert priority.currentIndex() == 2  # in the field the operator is in, the wheel chooses


def test_every_value_field_of_the_console_takes_the_wheel_only_when_focused(qtbot, desk):  # noqa: F811
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar

    from console.ui.wheel import takes_wheel_unfocused

    panel = desk(Role.OPERATOR)
    fields = [widget for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider) for widget in panel.findChildren(kind)
              if not isinstance(widget, QScrollBar)]  # fmt: skip
    assert len(fields) >= 6
    assert [widget for widget in fields if takes_wheel_unfocused(widget)] == []


# -- item 9: a disabled button says why -------------------------------------------------------------------
def test_each_disabled_unit_button_says_why(qtbot, desk):  # noqa: F811
    panel = desk(Role.OPERATOR)
    buttons = panel.unit_buttons
    assert all(not button.isEnabled() and "select a unit first" in button.toolTip() for button in buttons.values())
    select_row(panel.unit_view, panel.unit_model.row_of("Leie 11"))  # available
    on_scene = buttons[UnitState.ON_SCENE]
    assert not on_scene.isEnabled() and "dispatch it to an incident first" in on_scene.toolTip()
    assert (
        not buttons[UnitState.AVAILABLE].isEnabled() and "already available" in buttons[UnitState.AVAILABLE].toolTip()
    )
    busy = buttons[UnitState.BUSY]
    assert busy.isEnabled() and "Not now" not in busy.toolTip() and busy.toolTip()
    out = buttons[UnitState.OUT_OF_SERVICE]
    assert out.isEnabled()
    for button in (
        *buttons.values(),
        *(
            getattr(panel.form, name)
            for name in ("save", "new", "dispatch", "follow", "link_tile", "close_incident", "cancel_incident", "merge")
        ),
    ):
        assert button.toolTip(), button.text()  # enabled or not, every action button says what it does or why not
