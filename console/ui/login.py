"""Signing in, the reason for viewing, and the lock screen.

Password checks (Argon2id, tens of milliseconds by design) run off the GUI thread.
The reason dialog opens filled with the user's last reason: Enter takes it.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.access.reasons import CHOSEN, Category, Kind, Reason, ReasonRequired
from console.access.users import LoginRefused, User, UserDirectory
from console.ui.tasks import TaskRunner
from console.ui.wheel import steady_wheel
from console.ui.words import capitalised, reason_text, sentence, word

REFUSALS_BEFORE_PAUSE = 3
PAUSE_S = 10


def check_password(users: UserDirectory, name: str, password: str) -> concurrent.futures.Future:
    """Argon2 takes tens of milliseconds on purpose: a short-lived thread of its own does it."""
    future: concurrent.futures.Future = concurrent.futures.Future()

    def work() -> None:
        try:
            future.set_result(users.authenticate(name, password))
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            future.set_exception(error)

    threading.Thread(target=work, name="password-check", daemon=True).start()
    return future


class LoginDialog(QDialog):
    """User name and password; refusals are reported to ``on_refused`` (the audit log) and slowed down.

    A refusal is said in the same words whether the name is unknown or the password wrong (and takes the
    same time: see ``UserDirectory.authenticate``); the name stays, the password is cleared and has the focus.
    """

    def __init__(self, users: UserDirectory, workstation: str, on_refused: Callable[[str], None],
                 parent: QWidget | None = None, name: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.users = users
        self.user: User | None = None
        self._on_refused = on_refused
        self._refusals = 0
        self._refusal_text = ""  # what the last refusal said: shown again once a pause is over
        self._tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Uitkijk \u2013 sign in"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)
        title = QLabel(self.tr("<b>Uitkijk</b> \u2013 dispatch video wall"), self)
        title.setObjectName("loginTitle")
        note = QLabel(self.tr("Workstation <b>{workstation}</b>. Every sign-in and every viewing is logged.")
                      .format(workstation=workstation), self)  # fmt: skip
        note.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setPlaceholderText(self.tr("user name"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("password"))
        self.message = QLabel("", self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, note):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._on_pause_timeout)

    def attempt(self) -> None:
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if not name or not password:
            self.message.setText(self.tr("Give your user name and password."))
            return
        self._set_busy(True)
        self.message.setText(self.tr("Checking\u2026"))
        self._tasks.run(check_password(self.users, name, password), self._on_accepted,
                        lambda error, n=name: self._on_refused_attempt(n, error))  # fmt: skip

    def _on_accepted(self, user: User) -> None:
        self.user = user
        self.password_edit.clear()
        self.accept()

    def _on_refused_attempt(self, name: str, error: BaseException) -> None:
        self.password_edit.clear()
        self._refusals += 1
        self._on_refused(name)
        text = (
            self.tr("Wrong user name or password")
            if isinstance(error, LoginRefused)
            else self.tr("Sign-in failed: {error}").format(error=type(error).__name__)
        )  # the same words for both: no hint
        self._refusal_text = f"{text}."
        if self._refusals % REFUSALS_BEFORE_PAUSE == 0:
            self.message.setText(
                self.tr("{text}. Too many attempts: wait {seconds} s.").format(text=text, seconds=PAUSE_S)
            )
            self._pause.start(PAUSE_S * 1000)
            return
        self.message.setText(self._refusal_text)
        self._set_busy(False)

    def _on_pause_timeout(self) -> None:
        self.message.setText(self._refusal_text)
        self._set_busy(False)

    def _set_busy(self, is_busy: bool) -> None:
        for widget in (self.name_edit, self.password_edit, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            widget.setEnabled(not is_busy)
        if not is_busy:
            self.password_edit.setFocus()  # the name stays; the password is typed again


class ReasonDialog(QDialog):
    """Kind, category, reference. Opens with the last reason: Enter takes it again."""

    def __init__(self, last: Reason | None, recent: list[Reason], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason: Reason | None = None
        self.setWindowTitle(self.tr("Reason for viewing"))
        self.setObjectName("reasonDialog")
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr("The law allows viewing only for a stated reason. It is logged with every camera you open.")
        )
        intro.setWordWrap(True)
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        self._kind_buttons: dict[Kind, QRadioButton] = {}
        for kind in Kind:
            button = QRadioButton(capitalised(word(kind)), self)
            self.kinds.addButton(button)
            kind_row.addWidget(button)
            self._kind_buttons[kind] = button
        self.category = QComboBox(self)
        for category in CHOSEN:
            self.category.addItem(capitalised(word(category)), category)  # "ANPR hit", not "Anpr hit"
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("incident / report number (PV), or a few words"))
        self.recent = QComboBox(self)
        self.recent.addItem(self.tr("Recent reasons\u2026"), None)
        for reason in recent:
            self.recent.addItem(reason_text(reason), reason)
        self.recent.setEnabled(bool(recent))
        self.recent.activated.connect(self._on_recent_activated)
        self.message = QLabel("", self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), kind_row)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow("", self.recent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this reason"))
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.show_reason(last or Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL))
        steady_wheel(self)

    def show_reason(self, reason: Reason) -> None:
        self._kind_buttons[reason.kind].setChecked(True)
        self.category.setCurrentIndex(max(0, self.category.findData(reason.category)))
        self.reference.setText(reason.reference)
        self.reference.setFocus()
        self.reference.selectAll()

    def _on_recent_activated(self, index: int) -> None:
        reason = self.recent.itemData(index)
        if reason is not None:
            self.show_reason(reason)

    def chosen(self) -> Reason:
        kind = next(kind for kind, button in self._kind_buttons.items() if button.isChecked())
        return Reason(kind, self.category.currentData(), self.reference.text())

    def _on_accepted(self) -> None:
        try:
            self.reason = self.chosen()
        except ReasonRequired as error:
            self.message.setText(sentence(error))
            self.reference.setFocus()
            return
        self.accept()


class LockScreen(QFrame):
    """Covers a window of the desk: no picture, who is signed in, what waits (how many, not what), and on a wall
    window the password to go on. Another window of the desk (the board, the map window) says where to unlock."""

    unlock_requested = Signal(str)  # the password
    switch_user_requested = Signal()

    def __init__(self, who: str, parent: QWidget, can_unlock: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("Uitkijk is locked"), self)
        title.setObjectName("lockTitle")
        self.who = QLabel(who, self)
        self.waiting = QLabel("", self)
        self.waiting.setObjectName("lockWaiting")
        self.message = QLabel("", self)
        self.message.setObjectName("loginMessage")
        box = QVBoxLayout(self)
        box.addStretch(1)
        shown: list[QWidget] = [title, self.who, self.waiting]
        if can_unlock:
            self.password = QLineEdit(self)
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("password"))
            self.password.returnPressed.connect(self._on_unlock_clicked)
            self.password.setMaximumWidth(320)
            unlock = QPushButton(self.tr("Unlock"), self)
            unlock.clicked.connect(self._on_unlock_clicked)
            switch = QPushButton(self.tr("Sign in as someone else"), self)
            switch.clicked.connect(self.switch_user_requested)
            shown += [self.password, unlock, switch, self.message]
        else:
            self.message.setText(self.tr("Unlock it on the wall window."))
            shown.append(self.message)
        self.can_unlock = can_unlock
        for widget in shown:
            box.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.waiting.hide()
        parent.installEventFilter(self)
        self.hide()

    def say_wrong_password(self) -> None:
        self.message.setText(self.tr("Wrong password."))

    def show_waiting(self, alerts: list, priority_one_alarms: int = 0) -> None:
        """That something waits, counted (a priority-1 call, ANPR hits, alarms, of them the priority-1 ones): the
        details wait for the unlock."""
        counts = {alert.kind: alert.count for alert in alerts}
        parts = []
        if counts.get("p1"):
            parts.append(self.tr("Priority 1 waiting for a unit: {count}").format(count=counts["p1"]))
        if priority_one_alarms:
            parts.append(self.tr("Priority 1 alarms waiting: {count}").format(count=priority_one_alarms))
        if counts.get("anpr"):
            parts.append(self.tr("ANPR hits to check: {count}").format(count=counts["anpr"]))
        if counts.get("alarm"):  # their video comes once the desk is unlocked
            parts.append(self.tr("Alarms waiting: {count}").format(count=counts["alarm"]))
        self.waiting.setText("\u26a0 " + " \u00b7 ".join(parts) if parts else "")
        self.waiting.setVisible(bool(parts))

    def show_over(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        if self.can_unlock:
            self.message.clear()
            self.password.clear()
            self.password.setFocus()

    def _on_unlock_clicked(self) -> None:
        self.unlock_requested.emit(self.password.text())
        self.password.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False


class InactivityWatch(QObject):
    """Calls ``on_idle`` once after ``idle_s`` without a key, click, wheel or mouse move on the desk's windows.

    It watches the top-level windows, where the system hands over its input, not the whole
    application: an application-wide filter took every event of every widget through Python
    (paints, timers, layouts), a quarter of the GUI thread's work while a wall started.
    """

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, idle_s: float, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_s = idle_s
        self._on_idle = on_idle
        self._last_input = time.monotonic()
        self._is_idle = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_idle_s(idle_s)
        self._timer.start()
        QGuiApplication.instance().focusWindowChanged.connect(self._watch)
        self._watch_windows()

    def set_idle_s(self, idle_s: float) -> None:
        self.idle_s = idle_s
        self._timer.setInterval(max(50, int(min(5.0, idle_s / 4) * 1000)))

    def reset(self) -> None:
        self._last_input = time.monotonic()
        self._is_idle = False

    def stop(self) -> None:
        if not self._timer.isActive():
            return  # stopped already (signing out, then quitting)
        self._timer.stop()
        QGuiApplication.instance().focusWindowChanged.disconnect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing it again only moves it to the front

    def _watch_windows(self) -> None:
        """Windows come and go (a new wall, a dialog): each is watched from the tick after it came, or when it
        takes the focus, whichever is first."""
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self._last_input = time.monotonic()
        return False

    def _on_timer_timeout(self) -> None:
        self._watch_windows()
        if not self._is_idle and time.monotonic() - self._last_input >= self.idle_s:
            self._is_idle = True
            self._on_idle()
