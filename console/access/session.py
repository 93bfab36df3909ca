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
from console.access.reasons import Reason, ReasonRequired
from console.access.users import User
from console.wording import QT_TRANSLATE_NOOP

WORKSTATION_VARIABLE = "UITKIJK_WORKSTATION"


def workstation_name() -> str:
    """This desk's name in the room: $UITKIJK_WORKSTATION (several desks on one PC, a name from room.yaml),
    else the PC's host name."""
    return os.environ.get(WORKSTATION_VARIABLE) or socket.gethostname()


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Session:
    user: User
    workstation: str = field(default_factory=workstation_name)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started_utc: str = field(default_factory=utc_now)
    reason: Reason | None = None

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
        return covering
