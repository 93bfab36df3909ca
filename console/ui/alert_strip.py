"""The alert strip: what must not be missed, across the top of every window of a desk, outside any tab or dock.

Always the same height (nothing below it jumps when an alert comes or goes). Each alert is a
chip that names what waits in a few characters ("P1 2026-0003", "ANPR 2", "Read again 2026-0004"), always
whole, never cut to "Priority 1 waiting for a…" on a narrow screen; the sentence with the details is its
tooltip. A click opens the item it names. One source (the desk's dispatch panel) feeds the
strip of every window: the wall windows, the team chief's board, the map window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from console.alarms.model import alarm_label
from console.services.alerts import Alert
from console.ui.words import say

# A camera's alarm first: the newest thing that calls; the room's technical fault (a relay down) last.
KINDS = ("escalated", "alarm", "anpr", "p1", "sighting", "relay")
HEIGHT_PX = 34


class AlertStrip(QFrame):
    opened = Signal(str)  # the alert's target: an incident id, "hit:<id>" or "alarm:<id>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertStrip")
        self.setFixedHeight(HEIGHT_PX)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(6)
        self.calm = QLabel(self.tr("No alerts"), self)
        self.calm.setObjectName("alertCalm")
        row.addWidget(self.calm)
        self.buttons: dict[str, QPushButton] = {}
        self._targets: dict[str, str] = {}
        for kind in KINDS:
            button = QPushButton(self)
            button.setObjectName(f"alert_{kind}")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # as wide as its short text
            button.clicked.connect(lambda checked=False, k=kind: self.opened.emit(self._targets[k]))
            button.hide()
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
        self.alerts: list[Alert] = []

    def show_alerts(self, alerts: list[Alert]) -> None:
        self.alerts = list(alerts)
        present = {alert.kind: alert for alert in alerts}
        for kind, button in self.buttons.items():
            alert = present.get(kind)
            button.setVisible(alert is not None)
            if alert is None:
                continue
            self._targets[kind] = alert.target
            if kind == "relay":  # the team chief's: a relay of the room down, the room on fewer relays
                chip = say(alert.chip) if alert.chip is not None else self.tr("Relay down")
                title = self.tr("The room's relays")
            elif kind == "escalated":  # the team chief's: alarms nobody took in time
                number = alarm_label(int(alert.target.removeprefix("alarm:")))
                chip = self.tr("Escalated {number}").format(number=number)
                if alert.count > 1:
                    chip += f" (+{alert.count - 1})"
                title = self.tr("Alarms escalated to you, not taken: {count}").format(count=alert.count)
            elif kind == "alarm":  # the room's alarm queue: new alarms on this desk's list
                number = alarm_label(int(alert.target.removeprefix("alarm:")))
                chip = self.tr("Alarm {number}").format(number=number)
                if alert.count > 1:
                    chip += f" (+{alert.count - 1})"
                title = self.tr("New alarms: {count}").format(count=alert.count)
            elif kind == "anpr":
                chip = self.tr("ANPR {count}").format(count=alert.count)
                title = self.tr("ANPR hits to check: {count}").format(count=alert.count)
            elif kind == "sighting":  # a wanted vehicle read again while its incident is open
                chip = self.tr("Read again {incident}").format(incident=alert.target)
                if alert.count > 1:
                    chip += f" (+{alert.count - 1})"
                title = self.tr("Wanted vehicle read again: {count}").format(count=alert.count)
            else:
                chip = self.tr("P1 {incident}").format(incident=alert.target)
                if alert.count > 1:
                    chip += f" (+{alert.count - 1})"
                title = self.tr("Priority 1 waiting for a unit: {count}").format(count=alert.count)
            if button.text() != "\u26a0 " + chip:
                button.setText("\u26a0 " + chip)
            button.setToolTip(f"{title} \u2013 {say(alert.text)}")
            if button.property("urgent") != alert.is_urgent:
                button.setProperty("urgent", alert.is_urgent)
                button.style().unpolish(button)
                button.style().polish(button)
        self.calm.setVisible(not alerts)

    def count(self, kind: str) -> int:
        return next((alert.count for alert in self.alerts if alert.kind == kind), 0)

    def chip(self, kind: str) -> str:
        """The chip's text as shown (empty when that kind of alert is not there)."""
        button = self.buttons[kind]
        return button.text() if button.isVisibleTo(self) else ""


def carry_alert_strip(window: QMainWindow, alerts: list[Alert], open_target: Callable[[str], None]) -> AlertStrip:
    """A strip across the top of ``window``'s central area (the board, the map window), showing ``alerts`` now.

    The caller feeds it from the desk's one source with :meth:`AlertStrip.show_alerts`.
    """
    existing = window.findChild(AlertStrip)
    if existing is not None:
        return existing
    content = window.takeCentralWidget()
    holder = QWidget(window)
    holder.setObjectName("alertStripHolder")
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    strip = AlertStrip(holder)
    column.addWidget(strip)
    if content is not None:
        column.addWidget(content, 1)
    window.setCentralWidget(holder)
    strip.opened.connect(open_target)
    strip.show_alerts(alerts)
    return strip
