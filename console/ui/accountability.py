"""The desk's accountability as Qt signals, and the viewing log that keeps a wall's views in the audit log.

The rules (check, log, then act) are in :mod:`console.services.accountability`; this
adapter brings its results to the GUI thread as queued calls and Qt signals, and beats
the session's heartbeat on a timer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from console.access.permissions import Action, NotPermitted
from console.access.reasons import Reason, ReasonRequired
from console.access.session import Session
from console.audit.log import Effect
from console.audit.writer import AuditWriter
from console.dispatch.model import parse_utc
from console.dispatch.service import Change
from console.services import accountability as rules
from console.store import presence
from console.store.backend import utc_text
from console.ui.wall_view import WallView
from console.ui.words import say


class Accountability(QObject):
    reason_changed = Signal(object)  # Reason | None
    refused = Signal(object)  # an action was refused: why (no permission, no reason)
    log_failed = Signal(object)  # the audit log cannot be written: nothing guarded happens
    log_recovered = Signal()  # it can be written again (what happened meanwhile is written now)
    locked_changed = Signal(bool)
    reason_lapsed = Signal(object)  # Reason: it named an incident now finished, and ended (ask for a new one)
    _posted = Signal(object)  # a function to run on the GUI thread (queued when sent from another thread)

    def __init__(self, writer: AuditWriter, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._on_posted)
        self.rules = rules.Accountability(writer, session, post=self._posted.emit)
        self.rules.reason_changed.connect(self.reason_changed.emit)
        self.rules.refused.connect(self.refused.emit)
        self.rules.log_failed.connect(self.log_failed.emit)
        self.rules.log_recovered.connect(self.log_recovered.emit)
        self.rules.locked_changed.connect(self.locked_changed.emit)
        self.rules.reason_lapsed.connect(self.reason_lapsed.emit)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(presence.HEARTBEAT_S * 1000))
        self._heartbeat.timeout.connect(self.rules.heartbeat)

    @property
    def writer(self) -> AuditWriter:
        return self.rules.writer

    @property
    def session(self) -> Session:
        return self.rules.session

    @property
    def is_locked(self) -> bool:
        return self.rules.is_locked

    @property
    def recent(self) -> list[Reason]:
        return self.rules.recent

    def open(self, detail: dict | None = None) -> None:
        self.rules.open(detail)
        self._heartbeat.start()

    def close(self, why: str = "signed out") -> None:
        self._heartbeat.stop()
        self.rules.close(why)

    def set_reason(self, reason: Reason, then: Callable[[], None] | None = None) -> None:
        self.rules.set_reason(reason, then)

    def end_reason(self, why: str, then: Callable[[], None] | None = None) -> None:
        self.rules.end_reason(why, then)

    def incidents_finished(self, incident_ids: Iterable[str]) -> None:
        self.rules.incidents_finished(incident_ids)

    def set_locked(self, is_locked: bool) -> None:
        self.rules.set_locked(is_locked)

    def may(self, action: Action) -> bool:
        return self.rules.may(action)

    def guard(self, action: Action, what: str, camera: str | None = None, detail: dict | None = None,
              effects: Sequence[Effect] = (), then: Callable[[], None] | None = None, reason: Reason | None = None,
              otherwise: Callable[[], None] | None = None) -> bool:  # fmt: skip
        return self.rules.guard(action, what, camera, detail, effects, then, reason, otherwise)

    def log(self, what: str, camera: str | None = None, detail: dict | None = None, reason: Reason | None = None,
            effects: Sequence[Effect] = (), then: Callable[[], None] | None = None,
            otherwise: Callable[[], None] | None = None, is_fact: bool = False) -> None:  # fmt: skip
        self.rules.log(what, camera, detail, reason, effects, then, otherwise, is_fact)

    def change(self, action: Action, change: Change, reason: Reason | None = None,
               then: Callable[[dict], None] | None = None,
               otherwise: Callable[[], None] | None = None) -> bool:  # fmt: skip
        return self.rules.change(action, change, reason, then, otherwise)

    @staticmethod
    def _on_posted(function: Callable[[], None]) -> None:
        function()


AHEAD_TOLERANCE_S = 1.0  # a view logged ahead that starts later or sooner than this gets a correction


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
        # Views logged ahead of a tour step (during its pre-roll): tile -> (camera, token, reason, scheduled utc)
        self._ahead: dict[int, tuple[str, int, Reason, str]] = {}
        self._durable: set[int] = set()  # of the views logged ahead, the tokens whose view start is on disk
        self._layout_shown: str | None = None  # the layout the board was last told
        # A tile an alarm took (its window N): tile -> (camera, the alarm's reason, facts for the entry). Its view is
        # logged under that reason while the tile shows that camera; the desk's reason stays the desk's.
        self._tile_reasons: dict[int, tuple[str, Reason, dict]] = {}
        self._is_ending = False  # the desk quits: views only stop (a camera put back as it goes is not watched)
        wall.set_gated(True)
        wall.state_changed.connect(self.sync)
        accountability.reason_changed.connect(self._on_reason_changed)
        self.sync()

    def sync(self) -> None:
        layout = self.wall.state.layout_name
        if layout != self._layout_shown:  # the board draws this wall as a miniature of this layout
            self._layout_shown = layout
            session = self.accountability.session
            self.accountability.writer.submit(None, effects=presence.wall_layout(session.id, self.wall_name, layout))
        showing = {tile.index: tile.camera.id for tile in self.wall.tiles if tile.camera is not None}
        for index, (camera, *_) in list(self._logged.items()):
            if showing.get(index) != camera:
                self._stop(index)
        for index, camera in showing.items():
            if index not in self._logged:
                self._start(index, camera)

    def end(self) -> None:
        """The desk quits: from now on views only stop. What the wall gets as it goes (the operator's camera back
        from an alarm, for the saved arrangement) is not watched, so no view of it starts just before the sign-out."""
        self._is_ending = True

    def set_tile_reason(self, index: int, camera: str, reason: Reason, detail: dict) -> None:
        """The tile's next view of ``camera`` is under ``reason`` (an alarm's), not the desk's (set before it shows)."""
        self._tile_reasons[index] = (camera, reason, detail)

    def clear_tile_reason(self, index: int) -> None:
        """The tile is the desk's again: a view under the alarm's reason still logged there ends with the camera."""
        self._tile_reasons.pop(index, None)

    def reconsider(self, index: int) -> None:
        """The tile kept its camera but an alarm took it (or gave it back): its view is logged again, under the
        reason it is watched for now (the alarm's, or the desk's)."""
        logged = self._logged.get(index)
        if logged is None:
            return
        camera, _, under = logged
        if under != (self._tile_reason(index, camera)[0] or self.accountability.session.reason):
            self._stop(index)
            self._start(index, camera)

    def _tile_reason(self, index: int, camera: str) -> tuple[Reason | None, dict]:
        special = self._tile_reasons.get(index)
        return (special[1], special[2]) if special is not None and special[0] == camera else (None, {})

    def log_ahead(self, assignments: list[str | None], scheduled_utc: str) -> None:
        """A tour step's views, logged during its pre-roll so that its picture never waits for the log.

        Each entry says when the view is due (``from_utc``); a view that then starts otherwise is
        corrected in the log, and one that does not start is withdrawn (see :meth:`settle_ahead`).
        """
        session = self.accountability.session
        try:
            reason = session.require(Action.VIEW_LIVE)
        except (NotPermitted, ReasonRequired):
            return  # no reason, no view: the step will be veiled like any other
        for index, camera in enumerate(assignments):
            already = self._logged.get(index)
            if camera is None or (already is not None and already[0] == camera) or index in self._ahead:
                continue
            self._token += 1
            token = self._token
            self._ahead[index] = (camera, token, reason, scheduled_utc)
            detail = {"wall": self.wall_name, "tile": index + 1, "from_utc": scheduled_utc, "logged_ahead": True}

            def durable(index: int = index, camera: str = camera, token: int = token) -> None:
                if self._ahead.get(index, (None, None))[1] == token:  # only until its step shows (a night's tokens)
                    self._durable.add(token)
                self._cleared(index, camera, token)

            def refused(index: int = index, token: int = token) -> None:
                self._drop_ahead(index, token)

            self.accountability.log("view start", camera, detail, reason, then=durable, otherwise=refused)

    def settle_ahead(self, keeping: Reason | None = None) -> None:
        """After a step showed (or the tour ended): views logged ahead that did not start are withdrawn
        (those under ``keeping`` stay: a new reason withdraws only what was logged under another)."""
        for index, (camera, token, reason, scheduled_utc) in list(self._ahead.items()):
            if keeping is not None and reason == keeping:
                continue
            del self._ahead[index]
            self._durable.discard(token)
            detail = {"wall": self.wall_name, "tile": index + 1, "from_utc": scheduled_utc}
            self.accountability.log("view start withdrawn", camera, detail, reason, is_fact=True)

    def _drop_ahead(self, index: int, token: int) -> None:
        if self._ahead.get(index, (None, None))[1] == token:
            del self._ahead[index]
            self._durable.discard(token)

    def _start(self, index: int, camera: str) -> None:
        if self._is_ending:
            return
        session = self.accountability.session
        own, facts = self._tile_reason(index, camera)
        try:
            reason = session.require(Action.VIEW_LIVE, own)
        except (NotPermitted, ReasonRequired) as error:
            no_reason = isinstance(error, ReasonRequired)
            self.wall.tiles[index].set_veil(self.tr("First give a reason for viewing (R)") if no_reason else say(error))
            return
        ahead = self._ahead.get(index)
        if ahead is not None and ahead[0] == camera and ahead[2] == reason:
            self._start_logged_ahead(index, camera, ahead[1], reason, ahead[3])
            return
        self._token += 1
        token = self._token
        self._logged[index] = (camera, token, reason)
        self.wall.tiles[index].set_veil(self.tr("recording the viewing in the log\u2026"))
        detail = {"wall": self.wall_name, "tile": index + 1, "layout": self.wall.state.layout_name, **facts}
        effects = presence.view_started(session.id, self.wall_name, index + 1, camera, reason.as_record())
        self.accountability.log("view start", camera, detail, reason, effects,
                                then=lambda: self._cleared(index, camera, token),
                                otherwise=lambda: self._forget(index, token))  # fmt: skip

    def _start_logged_ahead(self, index: int, camera: str, token: int, reason: Reason, scheduled_utc: str) -> None:
        """The step came: its view was logged during the pre-roll, so the picture shows at once."""
        del self._ahead[index]
        self._logged[index] = (camera, token, reason)
        session = self.accountability.session
        self.accountability.writer.submit(None, effects=presence.view_started(session.id, self.wall_name, index + 1,
                                                                              camera, reason.as_record()))  # fmt: skip
        started_utc = utc_text()
        if abs((parse_utc(started_utc) - parse_utc(scheduled_utc)).total_seconds()) > AHEAD_TOLERANCE_S:
            detail = {"wall": self.wall_name, "tile": index + 1, "from_utc": started_utc, "was_due_utc": scheduled_utc}
            self.accountability.log("view start corrected", camera, detail, reason, is_fact=True)
        if token in self._durable:
            self._durable.discard(token)
            self.wall.tiles[index].clear_for(camera)
        else:  # logged ahead, but not on disk yet: the picture waits for it, as any view's does
            self.wall.tiles[index].set_veil(self.tr("recording the viewing in the log\u2026"))

    def _cleared(self, index: int, camera: str, token: int) -> None:
        if self._logged.get(index, ())[:2] == (camera, token) and index < len(self.wall.tiles):
            self.wall.tiles[index].clear_for(camera)

    def _forget(self, index: int, token: int) -> None:
        if self._logged.get(index, (None, None))[1] == token:
            del self._logged[index]
            self.wall.tiles[index].set_veil(self.tr("the audit log cannot be written: no picture"))

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

    def _on_reason_changed(self, reason: object) -> None:
        """A new reason (or none): each view under another reason ends under it and starts again under the new
        one (veiled without one); a view that already started under the new one goes on."""
        covering = reason if isinstance(reason, Reason) else None
        self.settle_ahead(keeping=covering)  # logged ahead under the old reason
        for index, (camera, _, logged_under) in list(self._logged.items()):
            if logged_under != (self._tile_reason(index, camera)[0] or covering):  # an alarm's view goes on
                self._stop(index)
                if index < len(self.wall.tiles):
                    self.wall.tiles[index].set_veil("")
        self.sync()
