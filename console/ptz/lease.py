"""Exclusive PTZ control: one holder per PTZ head, shown to everyone, released after inactivity.

Rules (domain.md): the team chief pre-empts an operator, an operator on an
incident pre-empts one on patrol, manual control pre-empts a tour's preset
moves; a lower priority is refused with the holder's name; a lease ends after
``idle_timeout_s`` without input (30 s by default, our choice).

The board keeps leases in a :class:`LeaseStore` and changes them only by
compare-and-set, so a store shared by several workstations (a database row per
camera) can replace the in-memory one without changing the rules.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum, IntEnum
from typing import Protocol

from console.events import Event
from console.wording import QT_TRANSLATE_NOOP, Worded

DEFAULT_IDLE_TIMEOUT_S = 30.0


class Priority(IntEnum):
    TOUR = 0  # a tour's automatic preset moves
    OPERATOR = 1  # an operator on virtual patrol
    INCIDENT = 2  # an operator working an incident
    TEAM_CHIEF = 3

    @property
    def word(self) -> str:
        """As the board says it: "team chief", "incident", "operator", "tour"."""
        return self.name.lower().replace("_", " ")


@dataclass(frozen=True)
class Holder:
    user: str  # the login name
    display_name: str  # the person's name ("Tom Claes"); with no role, all that is said of the holder
    workstation: str
    priority: Priority
    role: str = ""  # the person's role as the store keeps it ("team chief"): worded when shown
    tour: str = ""  # the tour that holds the camera in the person's name

    def same_person(self, other: Holder) -> bool:
        return self.user == other.user and self.workstation == other.workstation

    @property
    def worded(self) -> Worded:
        """Who holds it, as every desk says it in its own language: "Tom Claes (team chief, ws-09)"."""
        return holder_worded(self.display_name, self.role, self.workstation, self.tour)


def holder_worded(name: str, role: str, workstation: str, tour: str = "") -> Worded:
    """A holder as a sentence says it; the role and the word "tour" in the reader's language, names as they are."""
    person = (Worded(QT_TRANSLATE_NOOP("Domain", "{name} ({role}, {workstation})"), name=name, role=role,
                     workstation=workstation) if role else Worded("{name}", name=name))  # fmt: skip
    return Worded(QT_TRANSLATE_NOOP("Domain", "tour {tour} ({holder})"), tour=tour, holder=person) if tour else person


@dataclass(frozen=True)
class Lease:
    camera_id: str
    holder: Holder
    since_s: float
    last_input_s: float
    idle_timeout_s: float

    def expires_at_s(self) -> float:
        return self.last_input_s + self.idle_timeout_s

    def is_expired(self, now_s: float) -> bool:
        return now_s >= self.expires_at_s()


class Outcome(Enum):
    GRANTED = "granted"
    RENEWED = "renewed"  # the holder asked again
    TAKEN_OVER = "taken over"  # a higher priority pre-empted the holder
    REFUSED = "refused"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    lease: Lease | None  # the lease in force after the decision
    previous: Holder | None = None  # whom a take-over displaced

    @property
    def is_granted(self) -> bool:
        return self.outcome is not Outcome.REFUSED

    def reason(self) -> Worded:
        if self.outcome is Outcome.REFUSED and self.lease is not None:
            return Worded(QT_TRANSLATE_NOOP("Domain", "{holder} controls this camera"), holder=self.lease.holder.worded)
        if self.outcome is Outcome.TAKEN_OVER and self.previous is not None:
            return Worded(QT_TRANSLATE_NOOP("Domain", "taken over from {holder}"), holder=self.previous.worded)
        if self.outcome is Outcome.RENEWED:
            return Worded(QT_TRANSLATE_NOOP("Domain", "renewed"))
        return Worded(QT_TRANSLATE_NOOP("Domain", "granted"))


class LeaseStore(Protocol):
    def get(self, camera_id: str) -> Lease | None: ...

    def compare_and_set(self, camera_id: str, expected: Lease | None, new: Lease | None) -> bool:
        """Replace ``expected`` by ``new`` atomically; False if someone changed it first."""
        ...

    def all(self) -> list[Lease]: ...


class MemoryLeaseStore:
    def __init__(self) -> None:
        self._leases: dict[str, Lease] = {}
        self._lock = threading.Lock()

    def get(self, camera_id: str) -> Lease | None:
        with self._lock:
            return self._leases.get(camera_id)

    def compare_and_set(self, camera_id: str, expected: Lease | None, new: Lease | None) -> bool:
        with self._lock:
            if self._leases.get(camera_id) != expected:
                return False
            if new is None:
                self._leases.pop(camera_id, None)
            else:
                self._leases[camera_id] = new
            return True

    def all(self) -> list[Lease]:
        with self._lock:
            return list(self._leases.values())


class LeaseBoard:
    def __init__(
        self,
        store: LeaseStore | None = None,
        clock: Callable[[], float] = time.monotonic,
        idle_timeout_s: float = DEFAULT_IDLE_TIMEOUT_S,
    ) -> None:
        self.store = store or MemoryLeaseStore()
        self.clock = clock
        self.idle_timeout_s = idle_timeout_s
        self.changed: Event[[str, Lease | None, Worded]] = Event("leases.changed")  # camera, its lease now, why

    def _notify(self, camera_id: str, lease: Lease | None, why: Worded) -> None:
        self.changed.emit(camera_id, lease, why)

    def current(self, camera_id: str) -> Lease | None:
        """The lease in force (an expired one is ended here and announced)."""
        lease = self.store.get(camera_id)
        if lease is not None and lease.is_expired(self.clock()):
            if self.store.compare_and_set(camera_id, lease, None):
                self._notify(camera_id, None, describe_change(lease, None, self.clock()))
            return self.store.get(camera_id)
        return lease

    def preview(self, camera_id: str, holder: Holder) -> Outcome:
        """What :meth:`request` would decide now, changing nothing (to log a request before it is made)."""
        return outcome_for(self.current(camera_id), holder)

    def request(self, camera_id: str, holder: Holder) -> Decision:
        """Ask for control. Equal or lower priority than the holder is refused with the holder's name."""
        while True:
            current = self.current(camera_id)
            now = self.clock()
            outcome = outcome_for(current, holder)
            if outcome is Outcome.RENEWED:
                assert current is not None  # renewing: the holder's own lease
                renewed = replace(current, holder=holder, last_input_s=now)
                if self.store.compare_and_set(camera_id, current, renewed):
                    return Decision(Outcome.RENEWED, renewed)
                continue
            if outcome is Outcome.REFUSED:
                return Decision(Outcome.REFUSED, current)
            new = Lease(camera_id, holder, now, now, self.idle_timeout_s)
            if not self.store.compare_and_set(camera_id, current, new):
                continue  # someone else changed it meanwhile: decide again
            if current is None:
                self._notify(camera_id, new, describe_change(None, new, now))
                return Decision(Outcome.GRANTED, new)
            self._notify(camera_id, new, describe_change(current, new, now))
            return Decision(Outcome.TAKEN_OVER, new, current.holder)

    def touch(self, camera_id: str, holder: Holder) -> bool:
        """Input from the holder keeps the lease alive; False if the holder no longer has it."""
        current = self.current(camera_id)
        if current is None or not current.holder.same_person(holder):
            return False
        return self.store.compare_and_set(camera_id, current, replace(current, last_input_s=self.clock()))

    def release(self, camera_id: str, holder: Holder) -> None:
        current = self.current(camera_id)
        if current is not None and current.holder.same_person(holder):
            if self.store.compare_and_set(camera_id, current, None):
                self._notify(camera_id, None, describe_change(current, None, self.clock()))

    def release_all(self, holder: Holder) -> None:
        """When a console closes: give back everything it held."""
        for lease in self.store.all():
            self.release(lease.camera_id, holder)

    def expire(self) -> None:
        """End every lease past its idle time (call from a periodic timer)."""
        for lease in self.store.all():
            self.current(lease.camera_id)


def outcome_for(current: Lease | None, holder: Holder) -> Outcome:
    """The rule: the holder renews; a higher priority takes over; equal or lower is refused."""
    if current is None:
        return Outcome.GRANTED
    if current.holder.same_person(holder):
        return Outcome.RENEWED
    if holder.priority <= current.holder.priority:
        return Outcome.REFUSED
    return Outcome.TAKEN_OVER


def describe_change(old: Lease | None, new: Lease | None, now_s: float) -> Worded:
    """A change of a camera's lease in the board's words (this desk's, or another's read from the store)."""
    if new is None:
        assert old is not None
        if old.is_expired(now_s):
            return Worded(
                QT_TRANSLATE_NOOP("Domain", "released after {seconds} s without input"),
                seconds=f"{old.idle_timeout_s:g}",
            )
        return Worded(QT_TRANSLATE_NOOP("Domain", "{holder} released control"), holder=old.holder.worded)
    if old is None or old.is_expired(now_s) or old.holder.same_person(new.holder):
        return Worded(QT_TRANSLATE_NOOP("Domain", "{holder} took control"), holder=new.holder.worded)
    return Worded(
        QT_TRANSLATE_NOOP("Domain", "{holder} took over from {previous}"),
        holder=new.holder.worded,
        previous=old.holder.worded,
    )
