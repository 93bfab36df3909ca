"""PTZ control from the wall: gestures become ONVIF moves, under the exclusive lease.

Who may steer, and what is logged first, is :class:`console.services.ptz_control.PtzControl`;
this controller turns gestures into ONVIF commands on its timers. A gesture (a held pad
button, a held key, a drag, a wheel turn) sets a velocity; the controller sends
ContinuousMove with a short Timeout and repeats it while the gesture lasts, so a lost
Stop never leaves a camera turning. Velocity changes are coalesced (at most one move per
40 ms); releasing sends Stop at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.access.reasons import Reason
from console.onvif.models import OnvifCameras, OnvifError, Preset, PtzStatus
from console.ptz.lease import Decision, Holder, Lease, LeaseBoard
from console.services.accountability import Accountability
from console.services.ptz_control import PtzControl, local_holder
from console.services.room_leases import RoomLeases
from console.ui.tasks import TaskRunner
from console.ui.words import say

LOGGER = logging.getLogger("uitkijk.ptz")
MOVE_TIMEOUT_S = 1.0  # every ContinuousMove stops by itself after this
REPEAT_MS = 500  # a held gesture renews its move before the time-out
COALESCE_MS = 40
STATUS_POLL_MS = 400


class PtzController(QObject):
    lease_changed = Signal(str, object, object)  # camera id, Lease | None, why (Worded)
    status_changed = Signal(str, object)  # camera id, PtzStatus
    presets_changed = Signal(str, object)  # camera id, tuple[Preset, ...]
    problem = Signal(str, object)  # camera id, reason (Worded: refused lease; str: ONVIF error)
    command_sent = Signal(str, str)  # camera id, ONVIF operation: what went to a camera
    control_ended = Signal(str, object)  # camera id, why (Worded): a lease of this desk ended (taken over, expired)
    taken_over = Signal(str, object)  # camera id, Holder: someone else took a camera this desk's operator held (once)
    _lost = Signal(str)  # a camera this desk steered is no longer its own

    _posted = Signal(object)  # a function to run on the GUI thread (the lease worker's answers)

    def __init__(self, service: OnvifCameras, board: LeaseBoard, holder: Holder | None = None,
                 accountability: Accountability | None = None, parent: QObject | None = None,
                 asked_on_worker: bool = False) -> None:  # fmt: skip
        """``asked_on_worker``: the board is the store's (the GUI thread runs no SQL); an in-memory one is asked
        at once (a test rig, a benchmark)."""
        super().__init__(parent)
        self.service = service
        self._posted.connect(lambda function: function())
        self.leases = RoomLeases(board, post=self._posted.emit if asked_on_worker else None)
        self.control = PtzControl(self.leases, holder or local_holder(), accountability)
        self.control.problem.connect(self.problem.emit)
        self.control.lease_changed.connect(self.lease_changed.emit)
        self.control.control_ended.connect(self.control_ended.emit)
        self.control.taken_over.connect(self.taken_over.emit)
        self.control.lost.connect(self._lost.emit)
        self._lost.connect(self._on_lost)
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
        self._expiry.timeout.connect(self.leases.refresh)  # expired leases end; another desk's change is seen
        self._expiry.start()
        self.leases.refresh()
        self._watched: set[str] = set()
        self._watchers: dict[int, set[str]] = {}
        self._is_logged = accountability is not None  # gestures and presets are logged before they happen
        self._gestures_logged: set[str] = set()  # cameras whose current gesture has its entry on disk
        self._gestures_pending: set[str] = set()

    @property
    def holder(self) -> Holder:
        return self.control.holder

    @holder.setter
    def holder(self, holder: Holder) -> None:
        self.control.holder = holder

    # -- lease ----------------------------------------------------------------------------
    def has_ptz(self, camera_id: str) -> bool:
        probe = self.service.probes.get(camera_id)
        return probe is not None and probe.has_ptz

    def is_mine(self, camera_id: str) -> bool:
        return self.control.is_mine(camera_id)

    def lease(self, camera_id: str) -> Lease | None:
        return self.control.lease(camera_id)

    def take(self, camera_id: str) -> Decision | None:
        """Ask for the lease. Logged first (with the reason) when accountable: then None, the answer comes later."""
        return self.control.take(camera_id, then=self._on_taken)

    def refresh_leases(self) -> None:
        """Read the room's leases again (another desk committed something)."""
        self.leases.refresh()

    def request_as(self, camera_id: str, holder: Holder, then: Callable[[Decision], None], reason: Reason | None = None,
                   detail: dict | None = None, otherwise: Callable[[], None] | None = None,
                   due_utc: str | None = None) -> None:  # fmt: skip
        """A lease for someone else on this desk (a tour's preset moves); the decision to ``then``.

        Logged first under ``reason`` with ``detail``, as an operator's (``otherwise`` if it cannot be); so is its
        end. ``due_utc``: when the step it is taken for is due (a pre-roll takes it ahead)."""
        self.control.take_as(camera_id, holder, reason, detail or {}, then, otherwise, due_utc)

    def held_as(self, holder: Holder) -> set[str]:
        return self.control.held_as(holder)

    def release_as(self, camera_id: str, holder: Holder) -> None:
        """Give back ``holder``'s lease of a camera (a tour leaves it); the end is logged."""
        self.control.release_as(camera_id, holder)

    def release_all_as(self, holder: Holder) -> None:
        """Give back every lease this desk holds for ``holder`` (a tour that ends); each end is logged."""
        self.control.release_all_as(holder)

    def _on_taken(self, decision: Decision) -> None:
        if decision.is_granted and decision.lease is not None:
            self.refresh_presets(decision.lease.camera_id)

    def release(self, camera_id: str) -> None:
        self.stop(camera_id)
        self.control.release(camera_id)

    def release_own(self) -> None:
        """Every camera this desk's operator steers: stopped and given back (no reason covers it any more)."""
        self.stop_all()
        self.control.release_own()

    def _on_lost(self, camera_id: str) -> None:
        """The lease went to someone else (or expired): a gesture of ours ends here."""
        self._velocity.pop(camera_id, None)
        self._gestures_logged.discard(camera_id)

    # -- gestures ---------------------------------------------------------------------------
    def move(self, camera_id: str, pan: float, tilt: float, zoom: float) -> bool:
        """Start or change a gesture; False (and a problem signal) without the lease."""
        if not self.control.touch(camera_id):
            return False
        velocity = (_clip(pan), _clip(tilt), _clip(zoom))
        if velocity == (0.0, 0.0, 0.0):
            self.stop(camera_id)
            return True
        self._velocity[camera_id] = velocity
        if self._is_logged and camera_id not in self._gestures_logged:
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
        self.control.log_then(
            camera_id, "ptz move", detail, go, otherwise=lambda: self._gestures_pending.discard(camera_id)
        )

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
        if velocity is None or (self._is_logged and camera_id not in self._gestures_logged):
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
                self.control.leases.touch(camera_id, self.holder)
                self._send_move(camera_id)
            else:
                self._velocity.pop(camera_id, None)

    # -- one-shot commands -------------------------------------------------------------------
    def _command(self, camera_id: str, future_factory: Callable[[], Future[Any]],
                 on_success: Callable[[Any], None] | None, what: str, detail: dict | None = None) -> bool:  # fmt: skip
        if not self.control.touch(camera_id):
            return False

        def run() -> None:
            self.tasks.run(future_factory(), on_success, lambda error: self._failed(camera_id, error))

        self.control.log_then(camera_id, what, detail, run)
        return True

    def preset_token(self, camera_id: str, name_or_token: str) -> str | None:
        """A preset given by name or token, as the camera's token (None if the camera has no such preset)."""
        for preset in self.presets(camera_id):
            if name_or_token in (preset.token, preset.name):
                return preset.token
        return None

    def goto_preset_as(self, camera_id: str, token: str, holder: Holder, reason: Reason | None = None,
                       detail: dict | None = None, otherwise: Callable[[], None] | None = None) -> None:  # fmt: skip
        """A preset move for someone else on this desk (a tour), under its own lease.

        Its "ptz preset go" (with ``reason`` and ``detail``) is on disk before the camera is told; if it cannot
        be written the camera does not move (``otherwise``)."""
        if not self.control.is_held_by(camera_id, holder):
            return
        entry = {"preset": token, **(detail or {})}

        def run() -> None:
            if not self.control.is_held_by(camera_id, holder):  # taken over or given back while it was written
                self.control.note(camera_id, "ptz preset go withdrawn", entry, reason)
                return
            self.command_sent.emit(camera_id, "GotoPreset")
            future = self.service.goto_preset(camera_id, token)
            self.tasks.run(future, None, lambda error: self._failed(camera_id, error))

        self.control.log_then(camera_id, "ptz preset go", entry, run, otherwise, reason)

    def goto_preset(self, camera_id: str, token: str) -> bool:
        return self._command(camera_id, lambda: self.service.goto_preset(camera_id, token), None,
                             "ptz preset go", {"preset": token})  # fmt: skip

    def aim(self, camera_id: str, pan: float, tilt: float, zoom: float, detail: dict | None = None) -> bool:
        """Turn to an absolute position (the map's aim at a spot): logged with the reason, under the lease."""
        self.command_sent.emit(camera_id, "AbsoluteMove")
        position = {"pan": pan, "tilt": tilt, "zoom": zoom, **(detail or {})}
        return self._command(camera_id, lambda: self.service.absolute_move(camera_id, pan, tilt, zoom), None,
                             "ptz aim", position)  # fmt: skip

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
        reason = (
            say(error)  # the camera's problem in the operator's language
            if isinstance(error, OnvifError)
            else self.tr("PTZ failed: {error}").format(error=type(error).__name__)
        )
        LOGGER.warning("%s: %s", camera_id, error)
        self.problem.emit(camera_id, reason)

    def shutdown(self) -> None:
        self.stop_all()
        for timer in (self._repeat, self._coalesce, self._poll, self._expiry):
            timer.stop()
        self.control.shutdown()


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, round(value, 3)))
