"""Accountability on the desk: the session, the reason for viewing, and the audit log's entries.

Every guarded action goes through :meth:`Accountability.guard`: the permission table
and the reason decide, then the entry is handed to the audit writer, and the action is
carried out (``then``) only once the entry is on disk. The caller's thread only builds
the entry and queues it; the flush happens on the writer thread, and ``post`` brings
the action back to the caller's thread (the GUI thread: a queued Qt signal in the
widgets, a plain call in the tests). Stopping (a view, a tour, a lease) never waits: it
is logged and done at once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence

from console.access.permissions import Action, NotPermitted, Role
from console.access.reasons import Category, Reason, ReasonLapsed, ReasonRequired
from console.access.session import Session
from console.audit.log import AuditLog, ChangeRefused, Effect, Entry, Record
from console.audit.writer import AuditWriter
from console.dispatch.service import Change, IncidentFinished, NothingToDo, incident_still_open
from console.events import Event
from console.ptz.lease import Holder, Priority
from console.store import presence
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError, as_record

LOGGER = logging.getLogger("uitkijk.audit")
URGENT = {Category.INCIDENT, Category.ANPR_HIT}  # an operator on these pre-empts one on patrol
RECENT_REASONS = 6
LOCKED = Worded(QT_TRANSLATE_NOOP("Domain", "the desk is locked: unlock it first"))
Post = Callable[[Callable[[], None]], None]  # runs a function on the thread that owns the desk


def session_holder(session: Session) -> Holder:
    """Who controls PTZ from this desk: the priority follows the role and the reason."""
    if session.role == Role.TEAM_CHIEF:
        priority = Priority.TEAM_CHIEF
    elif session.reason is not None and session.reason.category in URGENT:
        priority = Priority.INCIDENT
    else:
        priority = Priority.OPERATOR
    return Holder(session.user.name, session.user.full_name, session.workstation, priority, session.role.value)


def recent_reasons(log: AuditLog, user: str, count: int = RECENT_REASONS) -> list[Reason]:
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


class Accountability:
    """Check, log, then act, for one signed-in session; what it decides is told through its events."""

    def __init__(self, writer: AuditWriter, session: Session, post: Post) -> None:
        self.writer = writer
        self.session = session
        self.post = post
        self.recent: list[Reason] = []  # this user's last reasons, newest first (read once, at sign-in)
        self.reason_changed: Event[[Reason | None]] = Event("accountability.reason_changed", LOGGER)
        self.refused: Event[[Worded]] = Event("accountability.refused", LOGGER)  # why an action was refused
        self.log_failed: Event[[Worded]] = Event("accountability.log_failed", LOGGER)  # nothing guarded happens
        self.log_recovered: Event[[]] = Event("accountability.log_recovered", LOGGER)  # it can be written again
        self.locked_changed: Event[[bool]] = Event("accountability.locked_changed", LOGGER)
        # The desk's reason named an incident that is now finished: it was ended (the desk asks for a new one).
        self.reason_lapsed: Event[[Reason]] = Event("accountability.reason_lapsed", LOGGER)
        self.is_open = False
        writer.health_changed.connect(self._on_writer_health)

    @property
    def is_locked(self) -> bool:
        """Kept on the session, so that the services it is handed to (recordings) refuse a locked desk too."""
        return self.session.is_locked

    @is_locked.setter
    def is_locked(self, is_locked: bool) -> None:
        self.session.is_locked = is_locked

    # -- the session ---------------------------------------------------------------------------
    def open(self, detail: dict | None = None) -> None:
        """Log the sign-in and show the session on the board."""
        session = self.session
        self.recent = recent_reasons(self.writer.log, session.user.name)
        effects = presence.session_started(session.id, session.who, session.user.full_name, session.started_utc)
        self.log("login", detail={"session": session.id, **(detail or {})}, effects=effects)
        self.is_open = True

    def close(self, why: str = "signed out") -> None:
        if not self.is_open:
            return
        self.is_open = False
        self.writer.health_changed.disconnect(self._on_writer_health)
        self.log("logout", detail={"session": self.session.id, "why": why},
                 effects=presence.session_ended(self.session.id))  # fmt: skip

    def heartbeat(self) -> None:
        """The board trusts this desk's rows while it beats (every presence.HEARTBEAT_S)."""
        self.writer.submit(None, effects=presence.heartbeat(self.session.id))

    def set_reason(self, reason: Reason, then: Callable[[], None] | None = None) -> None:
        """The reason that covers this desk's viewing from now on (not while the desk is locked; refused for a
        finished incident's).

        ``then`` runs under the new reason before the desk is told of it: what it shows (an incident's
        cameras, the wall from before) starts under the new reason, not under the old one and again."""
        if self.is_locked:
            self.refused.emit(LOCKED)
            return

        def apply() -> None:
            self.session.reason = reason
            self.recent = [reason, *(known for known in self.recent if known != reason)][:RECENT_REASONS]
            if then is not None:
                then()
            self.reason_changed.emit(reason)

        self.log("reason set", detail={"session": self.session.id}, reason=reason,
                 effects=presence.session_reason(self.session.id, reason.as_record()), then=apply)  # fmt: skip

    def end_reason(self, why: str, then: Callable[[], None] | None = None) -> None:
        """No reason covers this desk's viewing from now on: its wall is veiled until one is given (R).

        Logged at once, as a fact, under the reason that ends (``why``: what ended it)."""
        reason = self.session.reason
        self.session.reason = None
        if reason is not None:
            self.log("reason ended", detail={"session": self.session.id, "why": why}, reason=reason,
                     effects=presence.session_reason(self.session.id, None), is_fact=True)  # fmt: skip
        if then is not None:
            then()
        if reason is not None:
            self.reason_changed.emit(None)

    def incidents_finished(self, incident_ids: Iterable[str]) -> None:
        """Incidents finished here or on another desk (the records say so): a reason naming one covers no new
        viewing. The desk's own reason, if it names one, ends (and ``reason_lapsed`` says so)."""
        self.session.finished_incidents.update(incident_ids)
        reason = self.session.reason
        if reason is not None and reason.incident in self.session.finished_incidents:
            self.end_reason("incident finished")
            self.reason_lapsed.emit(reason)

    def set_locked(self, is_locked: bool) -> None:
        if is_locked == self.is_locked:
            return
        self.is_locked = is_locked
        state = "locked" if is_locked else "active"
        self.log("screen locked" if is_locked else "screen unlocked", detail={"session": self.session.id},
                 effects=presence.session_state(self.session.id, state))  # fmt: skip
        self.locked_changed.emit(is_locked)

    # -- logging --------------------------------------------------------------------------------
    def may(self, action: Action) -> bool:
        return self.session.may(action)

    def guard(self, action: Action, what: str, camera: str | None = None, detail: dict | None = None,
              effects: Sequence[Effect] = (), then: Callable[[], None] | None = None, reason: Reason | None = None,
              otherwise: Callable[[], None] | None = None) -> bool:  # fmt: skip
        """Check the permission and the reason (the desk's, or ``reason``: a tour's), log, then act.

        False (``refused``, and ``otherwise``) if not allowed; ``otherwise`` too if the entry cannot be written.
        Nothing is done in the name of a user who is away: a locked desk is refused, whatever its windows let through.
        """
        if self.is_locked:
            self.refused.emit(LOCKED)
            if otherwise is not None:
                otherwise()
            return False
        try:
            covering = self.session.require(action, reason)
        except (NotPermitted, ReasonRequired) as error:
            self.refused.emit(_worded(error))
            if otherwise is not None:
                otherwise()
            return False
        self.log(what, camera, detail, covering, effects, then, otherwise)
        return True

    def covers(self, action: Action, reason: Reason, otherwise: Callable[[], None] | None = None) -> bool:
        """Does ``reason`` (a tour's, given at its start) still cover ``action``? If not: ``refused``, ``otherwise``.

        A tour goes on while its desk is locked (its leases and presets too); its reason must still hold."""
        try:
            self.session.require(action, reason)
        except (NotPermitted, ReasonRequired) as error:
            self.refused.emit(_worded(error))
            if otherwise is not None:
                otherwise()
            return False
        return True

    def log(self, what: str, camera: str | None = None, detail: dict | None = None, reason: Reason | None = None,
            effects: Sequence[Effect] = (), then: Callable[[], None] | None = None,
            otherwise: Callable[[], None] | None = None, is_fact: bool = False) -> None:  # fmt: skip
        """Queue an entry; ``then`` runs on the desk's thread once it is durable (``otherwise`` if it cannot be).

        ``is_fact``: it already happened (a stop): never dropped, written as soon as the log can take it.
        Anything else under a reason that names an incident is written only while the incident is open: in the
        entry's own transaction (another desk may have closed it a moment ago), and not even asked for once this
        desk knows it is finished (then ``refused``, ``otherwise``, and the desk's reason ends).
        """
        if reason is not None and reason.incident is not None and not is_fact:
            try:
                self.session.check_covers(reason)
            except ReasonLapsed as error:
                lapsed = error  # kept past the except block, for the call on the desk's thread
                self.post(lambda: self._on_failure(otherwise, lapsed))
                return
            effects = (incident_still_open(reason.incident), *effects)
        who = self.session.who
        record = Record(who["user"], who["role"], who["workstation"], what, camera, detail,
                        reason.as_record() if reason else None, tuple(effects))  # fmt: skip
        self.writer.submit(
            record,
            on_durable=(lambda entry: self.post(then)) if then else None,
            on_failure=lambda error: self.post(lambda: self._on_failure(otherwise, error)),
            is_fact=is_fact,
        )

    def change(self, action: Action, change: Change, reason: Reason | None = None,
               then: Callable[[dict], None] | None = None,
               otherwise: Callable[[], None] | None = None) -> bool:  # fmt: skip
        """A dispatch change: permitted, then checked and written with its entry; ``then(detail)`` once durable.

        If the records refuse it (``ChangeRefused``: someone else changed them first), ``refused`` says why,
        and ``otherwise`` runs (as when the log cannot be written).
        A locked desk is refused (an acknowledgement of a priority-1 call in the name of a user who is away).
        """
        if self.is_locked:
            self.refused.emit(LOCKED)
            return False
        try:
            self.session.require(action)
        except (NotPermitted, ReasonRequired) as error:
            self.refused.emit(_worded(error))
            return False
        record = change.record(self.session.who, reason.as_record() if reason else None)
        finished = [change.finishes] if change.finishes is not None else []  # viewing for it ends once it is

        def durable(entry: Entry | None) -> None:  # on the writer thread
            if entry is not None and finished:
                self.post(lambda: self.incidents_finished(finished))
            if then is not None and entry is not None:
                detail = json.loads(entry.detail)
                self.post(lambda: then(detail))

        self.writer.submit(record, on_durable=durable,
                           on_failure=lambda error: self.post(lambda: self._on_failure(otherwise, error)))  # fmt: skip
        return True

    def _on_writer_health(self, reason: BaseException | None) -> None:  # on the writer thread
        # The board and room status say why this desk writes nothing (effects are written even then).
        session = self.session
        self.writer.submit(None, effects=presence.session_audit_problem(
            session.id, session.who, session.user.full_name, session.started_utc,
            as_record(reason) if reason is not None else None))  # fmt: skip
        self.post(lambda: self._tell_health(reason))

    def _tell_health(self, reason: BaseException | None) -> None:
        if reason is None:
            self.log_recovered.emit()
        else:
            self.log_failed.emit(
                Worded(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the audit log cannot be written ({error}): nothing new is shown or moved"
                    ),
                    error=reason,
                )
            )

    def _on_failure(self, otherwise: Callable[[], None] | None, error: BaseException) -> None:
        if isinstance(error, NothingToDo):
            return
        if isinstance(error, (IncidentFinished, ReasonLapsed)):  # nothing done under a finished incident
            self.refused.emit(_worded(error))
            if otherwise is not None:
                otherwise()
            self.incidents_finished([error.incident])
            return
        if isinstance(error, ChangeRefused):
            self.refused.emit(_worded(error))
        else:
            self.log_failed.emit(
                Worded(
                    QT_TRANSLATE_NOOP(
                        "Domain", "the audit log cannot be written ({error}): the action was not carried out"
                    ),
                    error=error,
                )
            )
        if otherwise is not None:
            otherwise()


def _worded(error: BaseException) -> Worded:
    """A refusal as the user reads it: its own template when the domain worded it."""
    return error.worded if isinstance(error, WordedError) else Worded("{error}", error=error)
