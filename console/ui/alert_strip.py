"""The alert strip: what must not be missed, across the top of the main window, outside any tab or dock.

Always the same height (nothing below it jumps when an alert comes or goes) and never
wider than the window: each alert's text is elided to the room it has, whole in its
tooltip. A click opens the item it names.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from console.services.alerts import Alert
from console.ui.elided import ElidedButton
from console.ui.words import say

KINDS = ("anpr", "p1")
HEIGHT_PX = 34


class AlertStrip(QFrame):
    opened = Signal(str)  # the alert's target: an incident id, or "hit:<id>"

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
        self.buttons: dict[str, ElidedButton] = {}
        self._targets: dict[str, str] = {}
        for kind in KINDS:
            button = ElidedButton(self)
            button.setObjectName(f"alert_{kind}")
            button.clicked.connect(lambda checked=False, k=kind: self.opened.emit(self._targets[k]))
            button.hide()
            row.addWidget(button, 1)
            self.buttons[kind] = button
        row.addStretch(0)
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
            title = self.tr("ANPR hits to check") if kind == "anpr" else self.tr("Priority 1 waiting for a unit")
            button.set_full_text(f"\u26a0 {title}: {alert.count} \u2013 {say(alert.text)}")
            button.setProperty("urgent", alert.is_urgent)
            button.style().unpolish(button)
            button.style().polish(button)
        self.calm.setVisible(not alerts)

    def count(self, kind: str) -> int:
        return next((alert.count for alert in self.alerts if alert.kind == kind), 0)
