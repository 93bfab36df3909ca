"""Who may steer which PTZ camera from this desk, and the audit entries that come before it.

The lease board (``ptz/lease.py``) decides between holders; this use case adds the
desk's side: the priority its session gives it, a take-over by the team chief logged as
one, every lease, gesture and preset command logged (with the reason) before the camera
moves, the end of a lease logged as a fact. The leases are the room's (``services/room_leases.py``):
a desk hears another desk's take-over from the store. A tour on this desk takes leases and sends
presets under a holder of its own (priority "tour"): entries like an operator's, under the tour's
reason, and the end of each of its leases too.
Without accountability (a test rig, a benchmark) the same rules apply, unlogged.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from dataclasses import dataclass

from console.access.permissions import Action
from console.access.reasons import Reason
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
        # Someone else took a camera this desk's operator held (the team chief, an operator on an incident): who.
        # Said once per take-over, when the lease's end is logged: a later reading of the room says nothing new.
        self.taken_over: Event[[str, Holder]] = Event("ptz.taken_over", LOGGER)
        self._held: set[str] = set()  # cameras whose lease is this desk's (to log when it ends)
        self._held_as: dict[str, _HeldAs] = {}  # cameras leased for someone else on this desk (a tour)
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
            return Worded(QT_TRANSLATE_NOOP("Domain", "{holder} controls this camera"), holder=lease.holder.worded)
        return Worded(QT_TRANSLATE_NOOP("Domain", "take control first (P)"))

    def take(self, camera_id: str, then: Callable[[Decision], None] | None = None) -> Decision | None:
        """Ask for the lease. Logged first (with the reason) when accountable, asked on the lease worker:
        then None and ``then`` later; a Decision at once only for an unlogged desk on an in-memory board."""
        outcome = self.leases.preview(camera_id, self.holder)
        current = self.leases.current(camera_id)
        is_own_renewed = outcome is Outcome.RENEWED and current is not None and current.holder == self.holder
        if self.accountability is None or is_own_renewed:
            return self._take_now(camera_id, then)
        if outcome is Outcome.REFUSED and current is not None:
            self.problem.emit(
                camera_id,
                Worded(QT_TRANSLATE_NOOP("Domain", "{holder} controls this camera"), holder=current.holder.worded),
            )
            return None
        action, detail = Action.CONTROL_PTZ, {"priority": self.holder.priority.name.lower()}
        if current is not None and current.holder.same_person(self.holder):  # this desk's tour, or another priority
            detail["taken_from"] = current.holder.priority.name.lower()
        elif current is not None:
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

    def release_own(self) -> list[str]:
        """Give back every lease this desk holds for its operator (the reason they were taken under ended);
        the cameras given back. A tour's leases are the tour's."""
        own = sorted(camera_id for camera_id in self._held if self.is_mine(camera_id))
        for camera_id in own:
            self.release(camera_id)
        return own

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

    # -- someone else's lease on this desk (a tour's preset moves): logged like an operator's ------------
    def take_as(self, camera_id: str, holder: Holder, reason: Reason | None, detail: dict,
                then: Callable[[Decision], None], otherwise: Callable[[], None] | None = None,
                due_utc: str | None = None) -> None:  # fmt: skip
        """A lease for ``holder`` (a tour), logged first under ``reason``; the decision to ``then``.

        ``detail`` names whose it is (the tour, the wall) in this entry and in the one that ends the
        lease; ``due_utc``: the step it is taken for is due then (taken during the pre-roll). If the
        entry cannot be written, the lease is not asked for and ``otherwise`` is called. A camera
        this desk steers by hand is refused without asking: manual control pre-empts a tour.
        """
        current = self.leases.current(camera_id)
        outcome = self.leases.preview(camera_id, holder)
        is_steered_here = (current is not None and current.holder.same_person(holder)
                           and current.holder.priority > holder.priority)  # fmt: skip
        if outcome is Outcome.REFUSED or is_steered_here:
            then(Decision(Outcome.REFUSED, current))
            return
        is_its_own = outcome is Outcome.RENEWED and current is not None and current.holder == holder  # it goes on
        if self.accountability is None or is_its_own:
            self._request_as(camera_id, _HeldAs(holder, reason, detail), then, is_logged=False)
            return
        entry = {"priority": holder.priority.name.lower(), **detail}
        if current is not None:
            entry["taken_over_from"] = current.holder.user
        if due_utc is not None:
            entry["step_due_utc"] = due_utc
        held = _HeldAs(holder, reason, detail)
        asked = lambda: self._request_as(camera_id, held, then, is_logged=True)  # noqa: E731
        self._log_covered("ptz lease", camera_id, entry, asked, otherwise, reason)

    def _request_as(self, camera_id: str, held: _HeldAs, then: Callable[[Decision], None], is_logged: bool) -> None:
        def decided(decision: Decision) -> None:
            if decision.is_granted:
                self._held_as[camera_id] = held  # its end is logged, whoever ends it
            elif is_logged and self.accountability is not None:  # logged, then refused by the room meanwhile
                detail = {"why": str(decision.reason()), **held.detail}
                self.accountability.log("ptz lease refused", camera_id, detail, held.reason, is_fact=True)
            then(decision)

        self.leases.request(camera_id, held.holder, decided)

    def held_as(self, holder: Holder) -> set[str]:
        """The cameras whose lease this desk holds for ``holder`` (a tour)."""
        return {camera_id for camera_id, held in self._held_as.items() if held.holder == holder}

    def release_as(self, camera_id: str, holder: Holder) -> None:
        """Give back ``holder``'s lease (a tour leaves the camera, or stops): its end logged at once, as a fact."""
        held = self._held_as.get(camera_id)
        if held is not None and held.holder == holder:
            del self._held_as[camera_id]
            why = Worded(QT_TRANSLATE_NOOP("Domain", "{holder} released control"), holder=holder.worded)
            self._log_end_as(camera_id, held, why)
        self.leases.release_as(camera_id, holder)

    def release_all_as(self, holder: Holder) -> None:
        for camera_id in sorted(self.held_as(holder)):
            self.release_as(camera_id, holder)

    def _log_end_as(self, camera_id: str, held: _HeldAs, why: Worded) -> None:
        if self.accountability is not None:
            detail = {"why": str(why), **held.detail}
            self.accountability.log("ptz lease ended", camera_id, detail, held.reason, is_fact=True)

    # -- what is logged before the camera moves -------------------------------------------------
    def log_then(self, camera_id: str, what: str, detail: dict | None, run: Callable[[], None],
                 otherwise: Callable[[], None] | None = None, reason: Reason | None = None) -> None:  # fmt: skip
        """A gesture or a command: its entry first, then ``run``; unlogged, ``run`` now.

        Under the desk's reason, or ``reason`` (a tour's, that covers the whole tour); refused without one that
        covers it still (the desk's reason ended: a lease taken before moves nothing more)."""
        if self.accountability is None:
            run()
            return
        self._log_covered(what, camera_id, detail, run, otherwise, reason)

    def _log_covered(self, what: str, camera_id: str, detail: dict | None, then: Callable[[], None],
                     otherwise: Callable[[], None] | None, reason: Reason | None) -> None:  # fmt: skip
        """The operator's own gesture or command is guarded like any action (refused while the desk is locked);
        a tour's goes on behind the lock, under the tour's reason while it still covers it."""
        assert self.accountability is not None
        if reason is None:
            self.accountability.guard(Action.CONTROL_PTZ, what, camera_id, detail, then=then, otherwise=otherwise)
        elif self.accountability.covers(Action.CONTROL_PTZ, reason, otherwise):
            self.accountability.log(what, camera_id, detail, reason, then=then, otherwise=otherwise)

    def note(self, camera_id: str, what: str, detail: dict | None, reason: Reason | None = None) -> None:
        """Something that happened (or did not, after all): a fact in the log."""
        if self.accountability is not None:
            reason = reason if reason is not None else self.accountability.session.reason
            self.accountability.log(what, camera_id, detail, reason, is_fact=True)

    def _on_lease_change(self, camera_id: str, lease: Lease | None, why: Worded) -> None:
        held = self._held_as.get(camera_id)
        if held is not None and (lease is None or lease.holder != held.holder):  # taken over, or expired
            del self._held_as[camera_id]
            self._log_end_as(camera_id, held, why)
        is_ours = lease is not None and lease.holder.same_person(self.holder)
        if not is_ours:
            self.lost.emit(camera_id)
        if camera_id in self._held and not is_ours:  # the end of a lease of ours is a fact in the log
            self._held.discard(camera_id)
            self.control_ended.emit(camera_id, why)  # told on this desk: another desk took over, or it expired
            if self.accountability is not None:
                self.accountability.log("ptz lease ended", camera_id, {"why": str(why)}, is_fact=True)
            if lease is not None:  # not expired nor given back: taken, and the operator is told who took it
                self.taken_over.emit(camera_id, lease.holder)
        self.lease_changed.emit(camera_id, lease, why)

    def shutdown(self) -> None:
        for camera_id, held in sorted(self._held_as.items()):  # a tour still running: its leases end here
            self.release_as(camera_id, held.holder)
        self.leases.shutdown(self.holder)  # every lease of this desk given back; the others' desks hear it
        self.leases.changed.disconnect(self._on_lease_change)


@dataclass(frozen=True)
class _HeldAs:
    """A lease this desk holds for someone else (a tour): under its reason, said with its detail."""

    holder: Holder
    reason: Reason | None
    detail: dict
