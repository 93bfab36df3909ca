"""A locked desk acts on nothing and shows nothing personal, in every window it has open.

A wall window shows its lock screen (the password to go on); every other window of the desk
(the team chief's board, the map window, a floating dock, a dialog that is not modal) gets a
screen of its own that says where to unlock. Each screen counts what waits (not what it is).
Under each screen the window's widgets and its own shortcuts are disabled, so that no click
and no key reaches a button, a menu or a wall. A modal dialog is cancelled (a question by its
Cancel button, so that its asker hears the answer): it would hold the keyboard away from the
password field, and cancelling changes nothing. The priority-1 pop-up waits hidden until the
unlock (it follows the lock itself); the services refuse a locked session's acts as well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QMessageBox, QWidget

from console.ui.dispatch.p1_alert import PriorityOneAlert
from console.ui.login import LockScreen


@dataclass
class _Covered:
    window: QWidget
    screen: LockScreen
    is_own_screen: bool  # made for the lock (a board, a map window), removed at the unlock
    widgets: list[QWidget] = field(default_factory=list)  # disabled by the lock, enabled again at the unlock
    actions: list[QAction] = field(default_factory=list)


class DeskLock:
    """Covers the desk's windows when it locks and gives them back as they were when it unlocks."""

    def __init__(
        self, who: str, alerts: Callable[[], list], priority_one_alarms: Callable[[], int] = lambda: 0
    ) -> None:
        """``who``: the session as the screens show it; ``alerts``: what waits now (its counts are shown);
        ``priority_one_alarms``: of the alarms waiting, the priority-1 ones (said apart)."""
        self.who = who
        self._alerts = alerts
        self._priority_one_alarms = priority_one_alarms
        self._covered: list[_Covered] = []

    @property
    def is_engaged(self) -> bool:
        return bool(self._covered)

    def engage(self, walls: Iterable[QWidget], others: Iterable[QWidget]) -> None:
        """Lock every window of the desk: the wall windows under their own lock screens (``lock_screen``), the
        ``others`` (its board, its map window) under a screen of their own, with their floating docks and dialogs."""
        while (popup := QApplication.activePopupWidget()) is not None:  # an open menu
            popup.close()
        walls, others = list(walls), [window for window in others if window.isVisible()]
        desk = walls + others
        for wall in walls:
            others += [dock for dock in wall.findChildren(QDockWidget) if dock.isFloating() and dock.isVisible()]
        for dialog in self._open_dialogs(desk):
            if not dialog.isModal():
                others.append(dialog)
            elif isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
                dialog.escapeButton().click()  # its Cancel, answered as the operator would: its asker hears it
            else:
                dialog.reject()
        for wall in walls:
            self.cover(wall, wall.lock_screen)
        for window in others:
            self.cover(window)

    def cover(self, window: QWidget, screen: LockScreen | None = None) -> None:
        """One window locked: its screen over it, every widget and shortcut under the screen disabled."""
        if any(covered.window is window for covered in self._covered):
            return
        is_own_screen = screen is None
        if screen is None:
            screen = LockScreen(self.who, window, can_unlock=False)
        covered = _Covered(window, screen, is_own_screen)
        for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if (
                child is not screen
                and not child.isWindow()
                and not child.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
            ):
                child.setEnabled(False)
                covered.widgets.append(child)
        for action in window.actions():  # the window's own keys (Alt+1..9, Ctrl+S): a disabled child does not stop them
            if action.isEnabled():
                action.setEnabled(False)
                covered.actions.append(action)
        screen.show_waiting(self._alerts(), self._priority_one_alarms())
        screen.show_over()
        self._covered.append(covered)

    def show_waiting(self, alerts: list) -> None:
        priority_one_alarms = self._priority_one_alarms()
        for covered in self._covered:
            if shiboken6.isValid(covered.screen):
                covered.screen.show_waiting(alerts, priority_one_alarms)

    def release(self) -> None:
        """Unlock: each window as it was, its screen gone."""
        for covered in self._covered:
            if not shiboken6.isValid(covered.window):
                continue  # closed meanwhile
            for widget in covered.widgets:
                if shiboken6.isValid(widget):
                    widget.setEnabled(True)
            for action in covered.actions:
                if shiboken6.isValid(action):
                    action.setEnabled(True)
            covered.screen.hide()
            if covered.is_own_screen:
                covered.screen.deleteLater()
        self._covered.clear()

    @staticmethod
    def _open_dialogs(desk: list[QWidget]) -> list[QDialog]:
        """The dialogs open over the desk's windows (not the priority-1 pop-up: it follows the lock itself)."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or isinstance(widget, PriorityOneAlert) or not widget.isVisible():
                continue
            owner = widget.parentWidget()
            while owner is not None and owner.window() not in desk:
                owner = owner.window().parentWidget()
            if owner is not None:
                found.append(widget)
        return found
