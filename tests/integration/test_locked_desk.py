"""A locked desk shows that something waits and acts on nothing until unlocked; every window carries the alerts.

Real desks on the simulated network; the calls and hits come in from the command line, as in the room.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from console.cli import DEMO_PASSWORD
from console.ui.alert_strip import AlertStrip
from console.ui.login import LockScreen, ReasonDialog
from tests.integration.conftest import LISTED_PLATE
from tests.integration.test_dispatch import intake

pytestmark = pytest.mark.integration
CALLER = "Mevr. Claes 0470 12 34 56"
DETAILS = ("fight", "Teststraat", "two men at the door", "Claes", "0470")  # type, place, description, caller


def shown_text(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def covered(window: QWidget) -> LockScreen:
    """The screen over ``window``: visible, as big as the window, on top of everything in it."""
    [screen] = [each for each in window.findChildren(LockScreen) if each.isVisible()]
    assert screen.geometry() == window.rect()
    for point in (window.rect().center(), QPoint(5, 5), QPoint(window.width() - 5, window.height() - 5)):
        under = window.childAt(point)
        assert under is screen or screen.isAncestorOf(under), (window.objectName(), point, under)
    return screen


def open_map_window(console) -> None:
    """Ctrl+M: the map in a window of its own."""
    actions = console.windows[0].findChildren(QAction)
    [action] = [action for action in actions if action.shortcut().toString() == "Ctrl+M"]
    action.trigger()


def unlock(qtbot, console) -> None:
    console.unlock(DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not console.accountability.is_locked, timeout=10_000)


def test_a_locked_desk_shows_that_a_priority_one_call_waits_and_takes_it_only_once_unlocked(qtbot, room):
    console = room.desk("an.peeters", ["cam-a", None, None, None])
    window, panel = console.windows[0], console.dispatch_panel
    qtbot.waitUntil(lambda: panel.board is not None, timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)  # where the keys go
    console.lock()  # Ctrl+L
    called = intake(room, "call", "--type", "fight", "--address", "Teststraat 12", "--description",
                    "two men at the door", "--priority", "1", "--caller", CALLER)  # fmt: skip
    assert called.returncode == 0, called.stderr
    alert = panel.p1_alert
    qtbot.waitUntil(lambda: alert.incident_id is not None, timeout=5000)
    assert not alert.isVisible()  # no pop-up over the lock (it hid the password field), nor its details
    assert covered(window) is window.lock_screen and window.focusWidget() is window.lock_screen.password
    qtbot.waitUntil(lambda: "Priority 1 waiting for a unit: 1" in window.lock_screen.waiting.text(), timeout=3000)
    assert window.lock_screen.waiting.isVisible()  # that a call waits, on the lock screen
    assert not [detail for detail in DETAILS if detail in shown_text(window.lock_screen)]  # and not what it is

    with qtbot.assertNotEmitted(alert.acknowledged), qtbot.assertNotEmitted(alert.opened):
        alert.take_button.click()  # the pop-up's buttons take nothing in the absent user's name
        alert.show_button.click()
    panel.acknowledge(alert.incident_id)  # and what the widgets would let through, the services refuse
    qtbot.waitUntil(lambda: panel.message.text() == "the desk is locked: unlock it first", timeout=3000)
    # The desk's keys reach nothing under the lock: the map window, the dispatch panel's toggle, a new incident.
    dock_was_visible = window.dispatch_dock.isVisible()
    for keys in ("Ctrl+M", "F4", "Ctrl+I", "V", "Alt+1"):
        QTest.keySequence(window.lock_screen.password, QKeySequence(keys))
    assert console.map.window is None and window.dispatch_dock.isVisible() == dock_was_visible
    assert window.focusWidget() is window.lock_screen.password and not alert.isVisible()
    assert not room.entries(action="priority-1 acknowledged")

    unlock(qtbot, console)
    qtbot.waitUntil(alert.isVisible, timeout=3000)
    shown = shown_text(alert)
    assert "NEW PRIORITY-1 CALL" in shown  # the call pops up, whole, with working buttons
    assert all(detail in shown for detail in ("fight", "Teststraat 12", "two men at the door")), shown
    assert not window.lock_screen.isVisible() and alert.take_button.isEnabled()
    alert.take_button.click()
    qtbot.waitUntil(lambda: not alert.isVisible(), timeout=5000)
    [entry] = room.entries(action="priority-1 acknowledged")
    assert entry.user == "an.peeters"


def test_every_window_of_a_locked_desk_is_covered_and_acts_on_nothing(qtbot, room, monkeypatch):
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01")
    main, panel = chief.windows[0], chief.dispatch_panel
    quits: list[bool] = []
    monkeypatch.setattr(chief, "quit", lambda: quits.append(True))  # closing the main wall would end the desk
    chief.show_board()
    open_map_window(chief)
    second = chief.new_wall()
    board, map_window = chief.board, chief.map.window
    assert board is not None and map_window is not None
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=3000)  # where the keys go
    buttons_before = {button: button.isEnabled() for button in board.findChildren(QPushButton)}
    # The desk locks by itself while dialogs are open over the wall: a question (closing with a new incident typed
    # in) and the reason dialog. Both are cancelled (they would keep the keyboard from the password field and act
    # over the lock); what was typed stays. A dialog left open, the test closes and says so.
    panel.new_incident()
    panel.form.caller.setText(CALLER)
    assert not main.close()
    qtbot.waitUntil(lambda: panel.unsaved_question is not None and panel.unsaved_question.isVisible(), timeout=3000)
    left_open: list[str] = []

    def close_a_dialog_left_open() -> None:
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, ReasonDialog) and dialog.isVisible():
                left_open.append(dialog.windowTitle())
                dialog.reject()

    QTimer.singleShot(8000, close_a_dialog_left_open)
    chief.inactivity.set_idle_s(0.3)
    chief.ask_reason(main)  # the reason dialog (R), modal: returns once it is closed
    chief.inactivity.set_idle_s(600)
    assert chief.accountability.is_locked and not left_open
    assert panel.unsaved_question is None and panel.form.caller.text() == CALLER and not quits  # cancelled, kept
    assert not main.close() and panel.unsaved_question is None and not quits  # no question over the lock either
    for window in (main, second):
        assert covered(window) is window.lock_screen
    for window in (board, map_window):  # the team chief's board and the map: who watches what, where the incidents are
        screen = covered(window)
        assert "Uitkijk is locked" in shown_text(screen) and "Unlock it on the wall window." in shown_text(screen)
        assert not screen.findChildren(QPushButton)  # the password is typed on a wall window
    assert not any(button.isEnabled() for button in board.findChildren(QPushButton) if button.isVisibleTo(board))
    assert not any(action.isEnabled() for action in main.actions())  # the window's own keys (Alt+1..9, Ctrl+S)
    with qtbot.assertNotEmitted(main.board_requested), qtbot.assertNotEmitted(main.new_wall_requested):
        for keys in ("Ctrl+B", "Ctrl+N", "Ctrl+F", "Ctrl+1"):
            QTest.keySequence(main.lock_screen.password, QKeySequence(keys))
    assert len(chief.windows) == 2 and main.wall.state.layout_name == "2x2"
    # A reason the desk needs while it is locked is asked once it is unlocked, not over the lock.
    asked: list[QWidget | None] = []
    chief.ask_reason(main)
    assert not [each for each in QApplication.topLevelWidgets() if isinstance(each, ReasonDialog) and each.isVisible()]
    chief.ask_reason = lambda parent=None, then=None: asked.append(parent)  # the dialog itself is not the point
    unlock(qtbot, chief)
    qtbot.waitUntil(lambda: asked == [main], timeout=3000)
    for window in (main, second, board, map_window):
        assert not [each for each in window.findChildren(LockScreen) if each.isVisible()]
    assert {button: button.isEnabled() for button in board.findChildren(QPushButton)} == buttons_before
    assert all(action.isEnabled() for action in main.actions())


def test_an_alert_shows_on_every_window_of_the_desk_and_names_what_waits(qtbot, room, tmp_path):
    chief = room.desk("tom.claes", ["cam-b", None, None, None], workstation="ws-01")
    panel = chief.dispatch_panel
    qtbot.waitUntil(lambda: panel.board is not None, timeout=5000)
    open_map_window(chief)
    second = chief.new_wall()
    chief.show_board()  # the board in front of the wall
    board, map_window = chief.board, chief.map.window
    strips = {name: window.findChild(AlertStrip) for name, window in
              (("main", chief.windows[0]), ("second wall", second), ("board", board), ("map", map_window))}  # fmt: skip
    assert all(strip is not None for strip in strips.values()), strips
    qtbot.waitUntil(lambda: all(strip.isVisibleTo(strip.window()) for strip in strips.values()), timeout=3000)
    hit = intake(room, "anpr", "--camera", "cam-c", "--plate", LISTED_PLATE, "--country", "B", "--confidence", "0.93")
    assert hit.returncode == 0, hit.stderr
    qtbot.waitUntil(lambda: all(strip.chip("anpr") == "\u26a0 ANPR 1" for strip in strips.values()), timeout=3000)
    called = intake(room, "call", "--type", "fight", "--address", "Teststraat 12", "--description", "two men",
                    "--priority", "1")  # fmt: skip
    assert called.returncode == 0, called.stderr
    qtbot.waitUntil(lambda: all(strip.chip("p1").startswith("\u26a0 P1 ") for strip in strips.values()), timeout=3000)
    incident_id = panel.board.incidents[0].id
    for name, strip in strips.items():
        chip = strip.buttons["p1"]
        assert chip.text() == f"\u26a0 P1 {incident_id}", name  # short and whole: what waits, by its number
        assert "fight" in chip.toolTip() and "Teststraat 12" in chip.toolTip()  # the sentence, in the tooltip
        qtbot.waitUntil(lambda chip=chip: chip.width() >= chip.sizeHint().width(), timeout=3000)  # never cut
    panel.open_target("hit:1")  # the ANPR tab in front: a click on the board's chip brings the call in front
    strips["board"].buttons["p1"].click()
    assert panel.current_id == incident_id and panel.tabs.currentIndex() == 0
