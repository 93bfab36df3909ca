"""Who may do what: one table decides every action (domain.md, "The people").

Operators and the team chief watch video; a call-taker handles incidents but has
no camera rights; the data-protection officer reads the log but watches no
video; an administrator configures cameras but watches no video.
"""

from __future__ import annotations

from enum import Enum

from console.wording import QT_TRANSLATE_NOOP, WordedError


class Role(Enum):
    OPERATOR = "operator"
    TEAM_CHIEF = "team chief"
    CALL_TAKER = "call-taker"
    DATA_PROTECTION_OFFICER = "data-protection officer"
    ADMINISTRATOR = "administrator"
    INVESTIGATOR = "investigator"


class Action(Enum):
    VIEW_LIVE = "view live video"
    RUN_TOUR = "run a tour"
    CONTROL_PTZ = "control a PTZ camera"
    TAKE_OVER_PTZ = "take over another operator's PTZ camera"
    TAKE_SNAPSHOT = "take a snapshot"
    EDIT_TOURS = "edit tours"
    MANAGE_INCIDENTS = "create and update incidents"
    DISPATCH_UNITS = "dispatch units"
    SUPERVISE = "see who watches what (the board)"
    READ_AUDIT_LOG = "read the audit log"
    EXPORT_AUDIT_LOG = "export the audit log"
    CONFIGURE = "configure cameras and users"
    PLAY_RECORDINGS = "play back recordings"
    EXPORT_RECORDINGS = "export recordings"
    LOCK_EVIDENCE = "place an evidence lock"
    RELEASE_EVIDENCE = "release an evidence lock"
    IMPORT_FOOTAGE = "import outside footage"
    HANDLE_ALARMS = "take and close alarms"


_OPERATOR = {Action.VIEW_LIVE, Action.RUN_TOUR, Action.CONTROL_PTZ, Action.TAKE_SNAPSHOT, Action.EDIT_TOURS,
             Action.MANAGE_INCIDENTS, Action.DISPATCH_UNITS, Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS,
             Action.LOCK_EVIDENCE, Action.HANDLE_ALARMS}  # fmt: skip
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: frozenset(_OPERATOR),
    Role.TEAM_CHIEF: frozenset(
        _OPERATOR | {Action.TAKE_OVER_PTZ, Action.SUPERVISE, Action.READ_AUDIT_LOG, Action.RELEASE_EVIDENCE}
    ),
    Role.CALL_TAKER: frozenset({Action.MANAGE_INCIDENTS}),
    Role.DATA_PROTECTION_OFFICER: frozenset({Action.READ_AUDIT_LOG, Action.EXPORT_AUDIT_LOG, Action.RELEASE_EVIDENCE}),
    Role.ADMINISTRATOR: frozenset({Action.CONFIGURE, Action.EDIT_TOURS}),
    # Consults and exports recordings under the law's windows; no live wall, no PTZ (domain.md rule 3).
    Role.INVESTIGATOR: frozenset(
        {Action.PLAY_RECORDINGS, Action.EXPORT_RECORDINGS, Action.LOCK_EVIDENCE, Action.IMPORT_FOOTAGE}
    ),
}
NEEDS_REASON = frozenset(
    {
        Action.VIEW_LIVE,
        Action.RUN_TOUR,
        Action.CONTROL_PTZ,
        Action.TAKE_OVER_PTZ,
        Action.TAKE_SNAPSHOT,
        Action.PLAY_RECORDINGS,
        Action.EXPORT_RECORDINGS,
    }
)  # fmt: skip  (domain.md rule 1: no viewing without a lawful reason)


class NotPermitted(WordedError):
    pass


def is_allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def require(role: Role, action: Action) -> None:
    if not is_allowed(role, action):
        raise NotPermitted(QT_TRANSLATE_NOOP("Domain", "the {role} role may not {action}"), role=role, action=action)
