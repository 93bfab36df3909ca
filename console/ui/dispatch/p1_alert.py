"""A new priority-1 call pops up on every desk that handles incidents, until one desk takes it in hand.

The acknowledgement is a change of the incident (logged with who): every desk's feed reads
it and closes its pop-up, so the room knows the call is being handled, and by whom.

On a locked desk it waits hidden: the lock screens say that a priority-1 call waits (how
many, not what: no type, place, description or caller in a room where others pass), and
nothing takes it in hand in the name of the user who is away. Over the lock screen it hid
the password field. Unlocked, the call pops up whole, with working buttons.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.dispatch.model import Incident
from console.ui.words import incident_type


class PriorityOneAlert(QDialog):
    acknowledged = Signal(str)  # incident id
    opened = Signal(str)  # incident id: show it in the panel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("priorityOneAlert")
        self.setWindowTitle(self.tr("Priority 1"))
        self.setModal(False)
        # It shows on top but takes no keystrokes: an operator typing a caller's name must not acknowledge by Enter.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.incident_id: str | None = None
        self.calls: list[Incident] = []
        self.is_locked = False
        column = QVBoxLayout(self)
        self.title = QLabel("\u26a0 " + self.tr("NEW PRIORITY-1 CALL"), self)
        self.title.setObjectName("p1AlertTitle")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.more = QLabel(self)
        self.more.setObjectName("p1AlertMore")
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addWidget(self.more)
        row = QHBoxLayout()
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(lambda: self._emit(self.opened))
        self.take_button = QPushButton(self.tr("Acknowledge: I take it"), self)
        self.take_button.setAutoDefault(False)
        self.show_button.setAutoDefault(False)
        self.take_button.clicked.connect(lambda: self._emit(self.acknowledged))
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.take_button)
        column.addLayout(row)
        self.setMinimumWidth(420)

    def show_calls(self, calls: list[Incident]) -> None:
        """The oldest call nobody has acknowledged yet; hidden once there is none."""
        self.calls = list(calls)
        if not calls:
            self.incident_id = None
            self.hide()
            return
        first = calls[0]
        self.incident_id = first.id
        self.text.setText(f"<b>{first.id}</b> \u2013 {escape(incident_type(first.type))}<br>{escape(first.where)}"
                          + (f"<br>{escape(first.description[:200])}" if first.description else ""))  # fmt: skip
        self.more.setText(
            self.tr("+{count} more waiting to be acknowledged").format(count=len(calls) - 1) if len(calls) > 1 else ""
        )
        if self.is_locked:
            self.hide()
        elif not self.isVisible():
            self.show()
            self.raise_()

    def set_locked(self, is_locked: bool) -> None:
        """Locked: hidden (the lock screens count the call); unlocked: the waiting call, whole and working."""
        self.is_locked = is_locked
        self.show_calls(self.calls)

    def _emit(self, signal) -> None:
        if self.incident_id is not None and not self.is_locked:
            signal.emit(self.incident_id)

    def closeEvent(self, event) -> None:
        if self.incident_id is not None:
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:  # Esc does not dismiss a priority-1 call either
        if self.incident_id is None:
            super().reject()
