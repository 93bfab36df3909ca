"""A signed-in session: who, in which role, on which workstation, and why they watch.

Every guarded action asks the session first: the permission table decides, and
an action that shows or records images also needs the current reason.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from dataclasses import dataclass, field

from console.access.permissions import NEEDS_REASON, Action, Role, require
from console.access.reasons import Reason, ReasonLapsed, ReasonRequired
from console.access.users import User
from console.config.one_line import one_line_problem
from console.wording import QT_TRANSLATE_NOOP

WORKSTATION_VARIABLE = "UITKIJK_WORKSTATION"


MAX_WORKSTATION = 64  # a room.yaml id, or a host name (at most 64 on Linux)


def workstation_problem() -> str | None:
    """Why this desk's name cannot be used (one line, for the terminal), or None: checked once at start."""
    try:
        workstation_name()
    except ValueError as error:
        return str(error)
    return None


def workstation_name() -> str:
    """This desk's name in the room: $UITKIJK_WORKSTATION (several desks on one PC, a name from room.yaml),
    else the PC's host name. It goes into every audit entry: ValueError when it is not one line of text."""
    configured = os.environ.get(WORKSTATION_VARIABLE)
    name = configured or socket.gethostname()
    problem = one_line_problem(name, MAX_WORKSTATION)
    if problem is not None:
        where = f"${WORKSTATION_VARIABLE}" if configured else "this PC's host name"
        raise ValueError(f"{where} {problem} (the workstation's name, in every audit entry)")
    return name


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Session:
    user: User
    workstation: str = field(default_factory=workstation_name)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started_utc: str = field(default_factory=utc_now)
    reason: Reason | None = None
    # Incidents this desk knows are finished (here or on another desk): a reason naming one covers nothing new.
    finished_incidents: set[str] = field(default_factory=set)
    # The desk is locked (its user is away): nothing is done in the user's name meanwhile.
    is_locked: bool = False

    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def who(self) -> dict[str, str]:
        """The 'who' of every audit entry."""
        return {"user": self.user.name, "role": self.role.value, "workstation": self.workstation}

    def may(self, action: Action) -> bool:
        try:
            self.require(action)
        except Exception:  # noqa: BLE001 - NotPermitted or ReasonRequired: either way, no
            return False
        return True

    def require(self, action: Action, reason: Reason | None = None) -> Reason | None:
        """Raise NotPermitted or ReasonRequired; return the reason that covers the action."""
        require(self.role, action)
        if action not in NEEDS_REASON:
            return None
        covering = reason or self.reason
        if covering is None:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP("Domain", "to {action} you first give a reason for viewing (R)"), action=action
            )
        self.check_covers(covering)
        return covering

    def check_covers(self, reason: Reason) -> None:
        """Raise ReasonLapsed if ``reason`` names an incident this desk knows is finished."""
        if reason.incident is not None and reason.incident in self.finished_incidents:
            raise ReasonLapsed(reason.incident)
