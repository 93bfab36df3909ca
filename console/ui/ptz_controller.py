"""PTZ control from the wall: gestures become ONVIF moves, under the exclusive lease.

A gesture (a held pad button, a held key, a drag, a wheel turn) sets a velocity;
the controller sends ContinuousMove with a short Timeout and repeats it while the
gesture lasts, so a lost Stop never leaves a camera turning. Velocity changes are
coalesced (at most one move per 40 ms); releasing sends Stop at once.
"""

from __future__ import annotations

import getpass
import logging
import socket
import time

from PySide6.QtCore import QObject, QTimer, Signal

from console.access.permissions import Action
from console.onvif.models import OnvifError, Preset, PtzStatus
from console.onvif.service import OnvifService
from console.ptz.lease import Decision, Holder, Lease, LeaseBoard, Outcome, Priority
from console.store import presence
from console.ui.tasks import TaskRunner

LOGGER = logging.getLogger("uitkijk.ptz")
MOVE_TIMEOUT_S = 1.0  # every ContinuousMove stops by itself after this
REPEAT_MS = 500  # a held gesture renews its move before the time-out
COALESCE_MS = 40
STATUS_POLL_MS = 400


def local_holder(priority: Priority = Priority.OPERATOR) -> Holder:
    """Who controls from a console without a session (tests, benchmarks): the desktop user here."""
    user = getpass.getuser()
    workstation = socket.gethostname()
    return Holder(user, f"{user} @ {workstation}", workstation, priority)


class PtzController(QObject):
    lease_changed = Signal(str, object, str)  # camera id, Lease | None, why
    status_changed = Signal(str, object)  # camera id, PtzStatus
    presets_changed = Signal(str, object)  # camera id, tuple[Preset, ...]
    problem = Signal(str, str)  # camera id, reason (refused lease, ONVIF error)
    command_sent = Signal(str, str)  # camera id, operation: for the benchmark's wire timing

    def __init__(self, service: OnvifService, board: LeaseBoard, holder: Holder | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.service = service
        self.board = board
        self.holder = holder or local_holder()
        self.tasks = TaskRunner(self)
        self._velocity: dict[str, tuple[float, float, float]] = {}
        self._sent: dict[str, tuple[float, float, float]] = {}
        self._last_sent_s: dict[str, float] = {}
        self._statuses: dict[str, PtzStatus] = {}
        self._presets: dict[str, tuple[Preset, ...]] = {}
        self._repeat = QTimer(self)
        self._repeat.setInterval(REPEAT_MS)
        self._repeat.timeout.connect(self._on_repeat_timeout)
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.timeout.connect(self._flush)
        self._poll = QTimer(self)
        self._poll.setInterval(STATUS_POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._poll.start()
        self._expiry = QTimer(self)
        self._expiry.setInterval(1000)
        self._expiry.timeout.connect(board.expire)
        self._expiry.start()
        self._watched: set[str] = set()
        self._watchers: dict[int, set[str]] = {}
        self.accountability = None  # the audit log: leases, gestures and presets are logged before they happen
        self._held: set[str] = set()  # cameras whose lease is ours (to log when it ends)
        self._gestures_logged: set[str] = set()  # cameras whose current gesture has its entry on disk
        self._gestures_pending: set[str] = set()
        board.changed.connect(self._on_board_change)

    # -- lease ----------------------------------------------------------------------------
    def has_ptz(self, camera_id: str) -> bool:
        probe = self.service.probes.get(camera_id)
        return probe is not None and probe.has_ptz

    def is_mine(self, camera_id: str) -> bool:
        lease = self.board.current(camera_id)
        return lease is not None and lease.holder.same_person(self.holder)

    def lease(self, camera_id: str) -> Lease | None:
        return self.board.current(camera_id)

    def take(self, camera_id: str) -> Decision | None:
        """Ask for the lease. Logged first (with the reason) when accountable: then None, the answer comes later."""
        outcome = self.board.preview(camera_id, self.holder)
        if self.accountability is None or outcome is Outcome.RENEWED:
            return self._take_now(camera_id)
        current = self.board.current(camera_id)
        if outcome is Outcome.REFUSED:
            self.problem.emit(camera_id, f"{current.holder.display_name} controls this camera")
            return None
        action, detail = Action.CONTROL_PTZ, {"priority": self.holder.priority.name.lower()}
        if current is not None:
            detail["taken_over_from"] = current.holder.user
            if self.holder.priority == Priority.TEAM_CHIEF and current.holder.priority > Priority.TOUR:
                action = Action.TAKE_OVER_PTZ
        self.accountability.guard(action, "ptz lease", camera_id, detail, then=lambda: self._take_now(camera_id))
        return None

    def _take_now(self, camera_id: str) -> Decision:
        decision = self.board.request(camera_id, self.holder)
        if not decision.is_granted:
            self.problem.emit(camera_id, decision.reason())
        else:
            self._held.add(camera_id)
            self.refresh_presets(camera_id)
        return decision

    def release(self, camera_id: str) -> None:
        self.stop(camera_id)
        self.board.release(camera_id, self.holder)

    def _on_board_change(self, camera_id: str, lease: Lease | None, why: str) -> None:
        if lease is None or not lease.holder.same_person(self.holder):
            if camera_id in self._velocity:  # we lost it: our gesture ends here
                self._velocity.pop(camera_id, None)
            self._gestures_logged.discard(camera_id)
        if self.accountability is not None:
            self._log_board_change(camera_id, lease, why)
        self.lease_changed.emit(camera_id, lease, why)

    def _log_board_change(self, camera_id: str, lease: Lease | None, why: str) -> None:
        """The board shows every lease of this desk (a tour's too); the log records the end of ours."""
        session = self.accountability.session
        if lease is None:
            effects = presence.lease_released(session.id, camera_id)
        else:
            effects = presence.lease_taken(session.id, camera_id, lease.holder.display_name,
                                           lease.holder.priority.name.lower())  # fmt: skip
        self.accountability.writer.submit(None, effects=effects)
        if camera_id in self._held and (lease is None or not lease.holder.same_person(self.holder)):
            self._held.discard(camera_id)
            self.accountability.log("ptz lease ended", camera_id, {"why": why}, is_fact=True)

    # -- gestures ---------------------------------------------------------------------------
    def move(self, camera_id: str, pan: float, tilt: float, zoom: float) -> bool:
        """Start or change a gesture; False (and a problem signal) without the lease."""
        if not self.is_mine(camera_id):
            self.problem.emit(camera_id, self._why_not(camera_id))
            return False
        self.board.touch(camera_id, self.holder)
        velocity = (_clip(pan), _clip(tilt), _clip(zoom))
        if velocity == (0.0, 0.0, 0.0):
            self.stop(camera_id)
            return True
        self._velocity[camera_id] = velocity
        if self.accountability is not None and camera_id not in self._gestures_logged:
            self._log_gesture(camera_id, velocity)
            return True
        since = (time.monotonic() - self._last_sent_s.get(camera_id, 0.0)) * 1000
        if camera_id not in self._sent or since >= COALESCE_MS:
            self._send_move(camera_id)
        elif not self._coalesce.isActive():
            self._coalesce.start(int(COALESCE_MS - since) + 1)
        if not self._repeat.isActive():
            self._repeat.start()
        return True

    def _log_gesture(self, camera_id: str, velocity: tuple[float, float, float]) -> None:
        """One entry per gesture (not per packet): the camera moves once it is on disk."""
        if camera_id in self._gestures_pending:
            return
        self._gestures_pending.add(camera_id)

        def go() -> None:
            self._gestures_pending.discard(camera_id)
            if camera_id in self._velocity and self.is_mine(camera_id):
                self._gestures_logged.add(camera_id)
                self._send_move(camera_id)
                if not self._repeat.isActive():
                    self._repeat.start()

        pan, tilt, zoom = velocity
        detail = {"pan": pan, "tilt": tilt, "zoom": zoom}
        self.accountability.log("ptz move", camera_id, detail, self.accountability.session.reason, then=go,
                                otherwise=lambda: self._gestures_pending.discard(camera_id))  # fmt: skip

    def stop(self, camera_id: str) -> None:
        """End the gesture: Stop goes out at once."""
        self._gestures_logged.discard(camera_id)
        had_gesture = self._velocity.pop(camera_id, None) is not None or camera_id in self._sent
        self._sent.pop(camera_id, None)
        if had_gesture and self.has_ptz(camera_id):
            self.command_sent.emit(camera_id, "Stop")
            self.tasks.run(self.service.stop_move(camera_id), None, lambda e, c=camera_id: self._failed(c, e))
        if not self._velocity:
            self._repeat.stop()

    def stop_all(self) -> None:
        for camera_id in list(self._velocity) + list(self._sent):
            self.stop(camera_id)

    def _send_move(self, camera_id: str) -> None:
        velocity = self._velocity.get(camera_id)
        if velocity is None or (self.accountability is not None and camera_id not in self._gestures_logged):
            return
        self._sent[camera_id] = velocity
        self._last_sent_s[camera_id] = time.monotonic()
        self.command_sent.emit(camera_id, "ContinuousMove")
        future = self.service.continuous_move(camera_id, *velocity, timeout_s=MOVE_TIMEOUT_S)
        self.tasks.run(future, None, lambda error, c=camera_id: self._failed(c, error))

    def _flush(self) -> None:
        for camera_id, velocity in list(self._velocity.items()):
            if self._sent.get(camera_id) != velocity:
                self._send_move(camera_id)

    def _on_repeat_timeout(self) -> None:
        for camera_id in list(self._velocity):
            if self.is_mine(camera_id):
                self.board.touch(camera_id, self.holder)
                self._send_move(camera_id)
            else:
                self._velocity.pop(camera_id, None)

    # -- one-shot commands -------------------------------------------------------------------
    def _command(self, camera_id: str, future_factory, on_success=None, what: str = "", detail: dict | None = None,
                 ) -> bool:  # fmt: skip
        if not self.is_mine(camera_id):
            self.problem.emit(camera_id, self._why_not(camera_id))
            return False
        self.board.touch(camera_id, self.holder)

        def run() -> None:
            self.tasks.run(future_factory(), on_success, lambda error: self._failed(camera_id, error))

        if self.accountability is not None and what:
            self.accountability.log(what, camera_id, detail, self.accountability.session.reason, then=run)
        else:
            run()
        return True

    def preset_token(self, camera_id: str, name_or_token: str) -> str | None:
        """A preset given by name or token, as the camera's token (None if the camera has no such preset)."""
        for preset in self.presets(camera_id):
            if name_or_token in (preset.token, preset.name):
                return preset.token
        return None

    def goto_preset_as(self, camera_id: str, token: str, holder: Holder) -> None:
        """A preset move for someone else on this console (a tour), under its own lease."""
        lease = self.board.current(camera_id)
        if lease is None or not lease.holder.same_person(holder) or lease.holder.priority != holder.priority:
            return
        self.command_sent.emit(camera_id, "GotoPreset")
        self.tasks.run(self.service.goto_preset(camera_id, token), None, lambda error: self._failed(camera_id, error))

    def goto_preset(self, camera_id: str, token: str) -> bool:
        return self._command(camera_id, lambda: self.service.goto_preset(camera_id, token), None,
                             "ptz preset go", {"preset": token})  # fmt: skip

    def goto_home(self, camera_id: str) -> bool:
        return self._command(camera_id, lambda: self.service.goto_home(camera_id), None, "ptz home")

    def save_preset(self, camera_id: str, name: str) -> bool:
        return self._command(camera_id, lambda: self.service.set_preset(camera_id, name),
                             lambda _: self.refresh_presets(camera_id), "ptz preset saved", {"name": name})  # fmt: skip

    def remove_preset(self, camera_id: str, token: str) -> bool:
        refresh = lambda _: self.refresh_presets(camera_id)  # noqa: E731
        return self._command(camera_id, lambda: self.service.remove_preset(camera_id, token), refresh,
                             "ptz preset removed", {"preset": token})  # fmt: skip

    def refresh_presets(self, camera_id: str) -> None:
        if self.has_ptz(camera_id):
            self.tasks.run(
                self.service.presets(camera_id),
                lambda presets, c=camera_id: self._on_presets(c, presets),
                lambda error, c=camera_id: self._failed(c, error),
            )

    def _on_presets(self, camera_id: str, presets: tuple[Preset, ...]) -> None:
        self._presets[camera_id] = presets
        self.presets_changed.emit(camera_id, presets)

    def presets(self, camera_id: str) -> tuple[Preset, ...]:
        if camera_id in self._presets:
            return self._presets[camera_id]
        probe = self.service.probes.get(camera_id)
        return probe.presets if probe else ()

    # -- status ------------------------------------------------------------------------------
    def watch(self, owner: object, camera_ids: set[str]) -> None:
        """Poll the position of these cameras while ``owner`` (a wall) shows them."""
        self._watchers[id(owner)] = set(camera_ids)
        self._watched = {camera_id for ids in self._watchers.values() for camera_id in ids if self.has_ptz(camera_id)}

    def status(self, camera_id: str) -> PtzStatus | None:
        return self._statuses.get(camera_id)

    def _on_poll_timeout(self) -> None:
        for camera_id in self._watched:
            self.tasks.run(self.service.status(camera_id), lambda status, c=camera_id: self._on_status(c, status),
                           lambda error: None)  # fmt: skip

    def _on_status(self, camera_id: str, status: PtzStatus) -> None:
        if self._statuses.get(camera_id) != status:
            self._statuses[camera_id] = status
            self.status_changed.emit(camera_id, status)

    def _failed(self, camera_id: str, error: BaseException) -> None:
        reason = str(error) if isinstance(error, OnvifError) else f"PTZ failed: {type(error).__name__}"
        LOGGER.warning("%s: %s", camera_id, reason)
        self.problem.emit(camera_id, reason)

    def _why_not(self, camera_id: str) -> str:
        lease = self.board.current(camera_id)
        if lease is not None:
            return f"{lease.holder.display_name} controls this camera"
        return "take control first (P)"

    def shutdown(self) -> None:
        self.stop_all()
        for timer in (self._repeat, self._coalesce, self._poll, self._expiry):
            timer.stop()
        self.board.release_all(self.holder)


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, round(value, 3)))
