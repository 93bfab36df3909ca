"""Who may steer which PTZ camera from this desk, and the audit entries that come before it.

The lease board (``ptz/lease.py``) decides between holders; this use case adds the
desk's side: the priority its session gives it, a take-over by the team chief logged as
one, every lease, gesture and preset command logged (with the reason) before the camera
moves, the end of a lease logged as a fact. The leases are the room's (``services/room_leases.py``):
a desk hears another desk's take-over from the store.
Without accountability (a test rig, a benchmark) the same rules apply, unlogged.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable

from console.access.permissions import Action
from console.access.session import workstation_name
from console.events import Event
from console.ptz.lease import Decision, Holder, Lease, Outcome, Priority
from console.services.accountability import Accountability
from console.services.room_leases import RoomLeases
from console.wording import QT_TRANSLATE_NOOP, Worded

LOGGER = logging.getLogger("uitkijk.ptz")


def local_holder(priority: Priority = Priority.OPERATOR) -> Holder:
    """Who controls from a console without a session (tests, benchmarks): the desktop user here."""
    user = getpass.getuser()
    workstation = workstation_name()
    return Holder(user, f"{user} @ {workstation}", workstation, priority)


class PtzControl:
    def __init__(self, leases: RoomLeases, holder: Holder, accountability: Accountability | None = None) -> None:
        self.leases = leases  # the room's leases: asked on their worker, read from their mirror
        self.holder = holder  # follows the session's reason (an incident pre-empts a patrol)
        self.accountability = accountability
        self.problem: Event[[str, Worded]] = Event("ptz.problem", LOGGER)  # camera id, why not
        self.lease_changed: Event[[str, Lease | None, Worded]] = Event("ptz.lease_changed", LOGGER)
        self.lost: Event[[str]] = Event("ptz.lost", LOGGER)  # a camera this desk steered is no longer its own
        self.control_ended: Event[[str, Worded]] = Event("ptz.control_ended", LOGGER)  # a lease of ours ended: why
        self._held: set[str] = set()  # cameras whose lease is this desk's (to log when it ends)
        leases.changed.connect(self._on_lease_change)
        leases.problem.connect(self.problem.emit)

    # -- the lease ------------------------------------------------------------------------------
    def lease(self, camera_id: str) -> Lease | None:
        return self.leases.current(camera_id)

    def is_mine(self, camera_id: str) -> bool:
        lease = self.leases.current(camera_id)
        return lease is not None and lease.holder.same_person(self.holder)

    def why_not(self, camera_id: str) -> Worded:
        lease = self.leases.current(camera_id)
        if lease is not None:
            return Worded(
                QT_TRANSLATE_NOOP("Domain", "{holder} controls this camera"), holder=lease.holder.display_name
            )
        return Worded(QT_TRANSLATE_NOOP("Domain", "take control first (P)"))

    def take(self, camera_id: str, then: Callable[[Decision], None] | None = None) -> Decision | None:
        """Ask for the lease. Logged first (with the reason) when accountable, asked on the lease worker:
        then None and ``then`` later; a Decision at once only for an unlogged desk on an in-memory board."""
        outcome = self.leases.preview(camera_id, self.holder)
        if self.accountability is None or outcome is Outcome.RENEWED:
            return self._take_now(camera_id, then)
        current = self.leases.current(camera_id)
        if outcome is Outcome.REFUSED and current is not None:
            self.problem.emit(
                camera_id,
                Worded(
                    QT_TRANSLATE_NOOP("Domain", "{holder} controls this camera"), holder=current.holder.display_name
                ),
            )
            return None
        action, detail = Action.CONTROL_PTZ, {"priority": self.holder.priority.name.lower()}
        if current is not None:
            detail["taken_over_from"] = current.holder.user
            if self.holder.priority == Priority.TEAM_CHIEF and current.holder.priority > Priority.TOUR:
                action = Action.TAKE_OVER_PTZ

        def granted() -> None:
            self._take_now(camera_id, then)

        self.accountability.guard(action, "ptz lease", camera_id, detail, then=granted)
        return None

    def _take_now(self, camera_id: str, then: Callable[[Decision], None] | None) -> Decision | None:
        def decided(decision: Decision) -> None:
            if not decision.is_granted:
                self.problem.emit(camera_id, decision.reason())
            else:
                self._held.add(camera_id)  # a take-over from another desk later is logged as the end of ours
            if then is not None:
                then(decision)

        return self.leases.request(camera_id, self.holder, decided)

    def release(self, camera_id: str) -> None:
        self.leases.release(camera_id, self.holder)

    def touch(self, camera_id: str) -> bool:
        """An input under the lease keeps it; False (and ``problem``) if the camera is not this desk's."""
        if not self.is_mine(camera_id):
            self.problem.emit(camera_id, self.why_not(camera_id))
            return False
        return self.leases.touch(camera_id, self.holder)

    def is_held_by(self, camera_id: str, holder: Holder) -> bool:
        """Is the lease ``holder``'s, at its priority (a tour's preset move under the tour's own lease)?"""
        lease = self.leases.current(camera_id)
        return lease is not None and lease.holder.same_person(holder) and lease.holder.priority == holder.priority

    # -- what is logged before the camera moves -------------------------------------------------
    def log_then(self, camera_id: str, what: str, detail: dict | None, run: Callable[[], None],
                 otherwise: Callable[[], None] | None = None) -> None:  # fmt: skip
        """A gesture or a command: its entry (with the desk's reason) first, then ``run``; unlogged, ``run`` now."""
        if self.accountability is None:
            run()
            return
        self.accountability.log(what, camera_id, detail, self.accountability.session.reason, then=run,
                                otherwise=otherwise)  # fmt: skip

    def _on_lease_change(self, camera_id: str, lease: Lease | None, why: Worded) -> None:
        is_ours = lease is not None and lease.holder.same_person(self.holder)
        if not is_ours:
            self.lost.emit(camera_id)
        if camera_id in self._held and not is_ours:  # the end of a lease of ours is a fact in the log
            self._held.discard(camera_id)
            self.control_ended.emit(camera_id, why)  # told on this desk: another desk took over, or it expired
            if self.accountability is not None:
                self.accountability.log("ptz lease ended", camera_id, {"why": str(why)}, is_fact=True)
        self.lease_changed.emit(camera_id, lease, why)

    def shutdown(self) -> None:
        self.leases.shutdown(self.holder)  # every lease of this desk given back; the others' desks hear it
        self.leases.changed.disconnect(self._on_lease_change)
