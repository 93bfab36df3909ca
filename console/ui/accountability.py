"""Accountability on the desk: the session, the reason for viewing, and the audit log's entries.

Every guarded action goes through :meth:`Accountability.guard`: the permission
table and the reason decide, then the entry is handed to the audit writer, and
the action is carried out (``then``) only once the entry is on disk. The GUI
thread only builds the entry and queues it; the flush happens on the writer
thread and the action comes back through a queued signal. Stopping (a view, a
tour, a lease) never waits: it is logged and done at once.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from console.access.permissions import Action, NotPermitted, Role
from console.access.reasons import Category, Reason, ReasonRequired
from console.access.session import Session
from console.audit.log import AuditLog, ChangeRefused, Effect, Entry, Record
from console.audit.writer import AuditWriter
from console.dispatch.service import Change, NothingToDo
from console.ptz.lease import Holder, Priority
from console.store import presence
from console.ui.wall_view import WallView

LOGGER = logging.getLogger("uitkijk.audit")
URGENT = {Category.INCIDENT, Category.ANPR_HIT}  # an operator on these pre-empts one on patrol


def session_holder(session: Session) -> Holder:
    """Who controls PTZ from this desk: the priority follows the role and the reason."""
    if session.role == Role.TEAM_CHIEF:
        priority = Priority.TEAM_CHIEF
    elif session.reason is not None and session.reason.category in URGENT:
        priority = Priority.INCIDENT
    else:
        priority = Priority.OPERATOR
    name = f"{session.user.full_name} ({session.role.value}, {session.workstation})"
    return Holder(session.user.name, name, session.workstation, priority)


def recent_reasons(log: AuditLog, user: str, count: int = 6) -> list[Reason]:
    """The user's last distinct reasons, newest first (the reason dialog offers them)."""
    reasons: list[Reason] = []
    for entry in log.entries(user=user, action="reason set", newest_first=True, limit=50):
        try:
            reason = Reason.from_record(json.loads(entry.reason or "{}"))
        except (KeyError, ValueError, ReasonRequired):
            continue
        if reason not in reasons:
            reasons.append(reason)
        if len(reasons) >= count:
            break
    return reasons


class Accountability(QObject):
    reason_changed = Signal(object)  # Reason | None
    refused = Signal(str)  # an action was refused: why (no permission, no reason)
    log_failed = Signal(str)  # the audit log cannot be written: nothing guarded happens
    log_recovered = Signal()  # it can be written again (what happened meanwhile is written now)
    _health = Signal(object)  # the writer's health, from its thread: a reason, or None
    locked_changed = Signal(bool)
    _durable = Signal(object, object)  # callback, Entry: from the writer thread
    _failure = Signal(object, object)  # callback, error: from the writer thread

    def __init__(self, writer: AuditWriter, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.session = session
        self.is_locked = False
        self.recent: list[Reason] = []  # this user's last reasons, newest first (read once, at sign-in)
        self.gui_cost_s: list[float] = []  # time spent on the GUI thread per logged action (the benchmark reads it)
        self._durable.connect(self._on_durable)
        self._failure.connect(self._on_failure)
        self._health.connect(self._on_health)
        writer.health_changed.connect(self._health.emit)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(presence.HEARTBEAT_S * 1000))
        self._heartbeat.timeout.connect(self._on_heartbeat_timeout)
        self._is_open = False

    # -- the session ---------------------------------------------------------------------------
    def open(self, detail: dict | None = None) -> None:
        """Log the sign-in and show the session on the board."""
        session = self.session
        self.recent = recent_reasons(self.writer.log, session.user.name)
        effects = presence.session_started(session.id, session.who, session.user.full_name, session.started_utc)
        self.log("login", detail={"session": session.id, **(detail or {})}, effects=effects)
        self._is_open = True
        self._heartbeat.start()

    def close(self, why: str = "signed out") -> None:
        if not self._is_open:
            return
        self._is_open = False
        self._heartbeat.stop()
        self.log("logout", detail={"session": self.session.id, "why": why},
                 effects=presence.session_ended(self.session.id))  # fmt: skip

    def set_reason(self, reason: Reason, then: Callable[[], None] | None = None) -> None:
        """The reason that covers this desk's viewing from now on."""

        def apply() -> None:
            self.session.reason = reason
            self.recent = [reason, *(known for known in self.recent if known != reason)][:6]
            self.reason_changed.emit(reason)
            if then is not None:
                then()

        self.log("reason set", detail={"session": self.session.id}, reason=reason,
                 effects=presence.session_reason(self.session.id, reason.as_record()), then=apply)  # fmt: skip

    def set_locked(self, is_locked: bool) -> None:
        if is_locked == self.is_locked:
            return
        self.is_locked = is_locked
        state = "locked" if is_locked else "active"
        self.log("screen locked" if is_locked else "screen unlocked", detail={"session": self.session.id},
                 effects=presence.session_state(self.session.id, state))  # fmt: skip
        self.locked_changed.emit(is_locked)

    def _on_heartbeat_timeout(self) -> None:
        self.writer.submit(None, effects=presence.heartbeat(self.session.id))

    # -- logging --------------------------------------------------------------------------------
    def may(self, action: Action) -> bool:
        return self.session.may(action)

    def guard(self, action: Action, what: str, camera: str | None = None, detail: dict | None = None,
              effects: Sequence[Effect] = (), then: Callable[[], None] | None = None) -> bool:  # fmt: skip
        """Check the permission and the reason, log, then act. False (and ``refused``) if not allowed."""
        try:
            reason = self.session.require(action)
        except (NotPermitted, ReasonRequired) as error:
            self.refused.emit(str(error))
            return False
        self.log(what, camera, detail, reason, effects, then)
        return True

    def log(self, what: str, camera: str | None = None, detail: dict | None = None, reason: Reason | None = None,
            effects: Sequence[Effect] = (), then: Callable[[], None] | None = None,
            otherwise: Callable[[], None] | None = None, is_fact: bool = False) -> None:  # fmt: skip
        """Queue an entry; ``then`` runs on the GUI thread once it is durable (``otherwise`` if it cannot be).

        ``is_fact``: it already happened (a stop): never dropped, written as soon as the log can take it.
        """
        started = time.perf_counter()
        who = self.session.who
        record = Record(who["user"], who["role"], who["workstation"], what, camera, detail,
                        reason.as_record() if reason else None, tuple(effects))  # fmt: skip
        self.writer.submit(
            record,
            on_durable=(lambda entry: self._durable.emit(then, entry)) if then else None,
            on_failure=lambda error: self._failure.emit(otherwise, error),
            is_fact=is_fact,
        )
        self.gui_cost_s.append(time.perf_counter() - started)
        if len(self.gui_cost_s) > 10_000:
            del self.gui_cost_s[:5_000]

    def change(self, action: Action, change: Change, reason: Reason | None = None,
               then: Callable[[dict], None] | None = None) -> bool:  # fmt: skip
        """A dispatch change: permitted, then checked and written with its entry; ``then(detail)`` once durable.

        If the records refuse it (``ChangeRefused``: someone else changed them first), ``refused`` says why.
        """
        try:
            self.session.require(action)
        except (NotPermitted, ReasonRequired) as error:
            self.refused.emit(str(error))
            return False
        record = change.record(self.session.who, reason.as_record() if reason else None)

        def durable(entry: Entry) -> None:  # on the writer thread
            if then is not None:
                detail = json.loads(entry.detail)
                self._durable.emit(lambda: then(detail), entry)

        self.writer.submit(record, on_durable=durable, on_failure=lambda error: self._failure.emit(None, error))
        return True

    def _on_health(self, reason: str | None) -> None:
        if reason is None:
            self.log_recovered.emit()
        else:
            self.log_failed.emit(f"the audit log cannot be written ({reason}): nothing new is shown or moved")

    def _on_durable(self, then: Callable[[], None], entry: Entry) -> None:
        then()

    def _on_failure(self, otherwise: Callable[[], None] | None, error: BaseException) -> None:
        if isinstance(error, NothingToDo):
            return
        if isinstance(error, ChangeRefused):
            self.refused.emit(str(error))
        else:
            self.log_failed.emit(f"the audit log cannot be written ({error}): the action was not carried out")
        if otherwise is not None:
            otherwise()


class ViewingLog(QObject):
    """Keeps one wall window's viewing in the log: a view start before a camera's picture shows, a stop after.

    It compares what the tiles show with what is logged whenever the wall changes,
    whatever changed it (a drag, a layout, a tour step, a saved view). A tile paints
    its camera only once the view start is durable; without a reason it paints none.
    """

    def __init__(self, accountability: Accountability, wall: WallView, wall_name: str,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.accountability = accountability
        self.wall = wall
        self.wall_name = wall_name
        self._logged: dict[int, tuple[str, int, Reason]] = {}  # tile -> (camera, token, reason)
        self._token = 0
        wall.set_gated(True)
        wall.state_changed.connect(self.sync)
        accountability.reason_changed.connect(self._on_reason_changed)
        self.sync()

    def sync(self) -> None:
        showing = {tile.index: tile.camera.id for tile in self.wall.tiles if tile.camera is not None}
        for index, (camera, *_) in list(self._logged.items()):
            if showing.get(index) != camera:
                self._stop(index)
        for index, camera in showing.items():
            if index not in self._logged:
                self._start(index, camera)

    def _start(self, index: int, camera: str) -> None:
        session = self.accountability.session
        try:
            reason = session.require(Action.VIEW_LIVE)
        except (NotPermitted, ReasonRequired) as error:
            self.wall.tiles[index].set_veil(str(error).replace("to view live video you first", "First"))
            return
        self._token += 1
        token = self._token
        self._logged[index] = (camera, token, reason)
        self.wall.tiles[index].set_veil("recording the viewing in the log\u2026")
        detail = {"wall": self.wall_name, "tile": index + 1, "layout": self.wall.state.layout_name}
        effects = presence.view_started(session.id, self.wall_name, index + 1, camera, reason.as_record())
        self.accountability.log("view start", camera, detail, reason, effects,
                                then=lambda: self._cleared(index, camera, token),
                                otherwise=lambda: self._forget(index, token))  # fmt: skip

    def _cleared(self, index: int, camera: str, token: int) -> None:
        if self._logged.get(index, ())[:2] == (camera, token) and index < len(self.wall.tiles):
            self.wall.tiles[index].clear_for(camera)

    def _forget(self, index: int, token: int) -> None:
        if self._logged.get(index, (None, None))[1] == token:
            del self._logged[index]
            self.wall.tiles[index].set_veil("the audit log cannot be written: no picture")

    def _stop(self, index: int) -> None:
        camera, _, reason = self._logged.pop(index)
        session = self.accountability.session
        detail = {"wall": self.wall_name, "tile": index + 1}
        self.accountability.log("view stop", camera, detail, reason,
                                presence.view_stopped(session.id, self.wall_name, index + 1), is_fact=True)  # fmt: skip

    def stop_all(self) -> None:
        for index in list(self._logged):
            self._stop(index)
            if index < len(self.wall.tiles):
                self.wall.tiles[index].set_veil("")

    def _on_reason_changed(self, _: object) -> None:
        """A new reason: each view ends under the old one and starts again under the new one."""
        self.stop_all()
        self.sync()
