"""Starting a session: the sign-in (dialog, or unattended from the environment), and what is logged with it."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from console.access.permissions import Action, Role, is_allowed
from console.access.reasons import Reason
from console.access.session import Session, workstation_name
from console.access.users import LoginRefused, UserDirectory
from console.audit.log import Record
from console.audit.writer import AuditWriter
from console.ui.login import LoginDialog

LOGGER = logging.getLogger("uitkijk.access")
CONFIG_FILES = ("cameras.yaml", "tours.yaml", "users.yaml", "simulation.yaml", "units.yaml", "watchlists.yaml")
NO_WORK_HERE = {
    Role.ADMINISTRATOR: "an administrator watches no video: configure with 'check-config', 'user add' and"
    " 'user passwd' on the command line",
}


@dataclass(frozen=True)
class SignIn:
    """An unattended sign-in: ``run --user U`` (password from UITKIJK_PASSWORD) or ``demo``."""

    user: str
    password: str
    reason: Reason | None = None  # None: the user's last reason is taken again


class SignInFailed(Exception):
    pass


def may_use_console(role: Role) -> bool:
    return role not in NO_WORK_HERE


def shown_name(users: UserDirectory, name: str) -> str:
    """The name typed if it is a user's; else a placeholder (a password typed as a name is never shown or kept)."""
    known = name.strip().lower()
    return known if known in users.users else "(unknown user name)"


def log_refusal(writer: AuditWriter, users: UserDirectory, name: str, why: str) -> None:
    """A refused sign-in is logged with the name typed if it is a user's (a password typed as a name is not kept)."""
    shown = shown_name(users, name)
    writer.submit(Record(shown, "-", workstation_name(), "login refused", None, {"why": why}))


def unattended_session(users: UserDirectory, writer: AuditWriter, plan: SignIn) -> Session:
    try:
        user = users.authenticate(plan.user, plan.password)
    except LoginRefused as error:
        log_refusal(writer, users, plan.user, str(error))
        raise SignInFailed(f"{shown_name(users, plan.user)}: {error}") from None
    if not may_use_console(user.role):
        log_refusal(writer, users, user.name, NO_WORK_HERE[user.role])
        raise SignInFailed(f"{user.name}: {NO_WORK_HERE[user.role]}")
    return Session(user)


def dialog_session(users: UserDirectory, writer: AuditWriter, name: str = "",
                   is_stopping: Callable[[], bool] = lambda: False) -> Session | None:  # fmt: skip
    """The sign-in dialog until someone who may use the console signs in; None if it is closed (or the console
    is asked to stop: ``is_stopping``)."""
    workstation = workstation_name()
    while not is_stopping():
        refused = lambda typed: log_refusal(writer, users, typed, "wrong name or password")  # noqa: E731
        dialog = LoginDialog(users, workstation, refused, name=name)
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.user is None or is_stopping():
            return None
        user = dialog.user
        if may_use_console(user.role):
            return Session(user, workstation)
        log_refusal(writer, users, user.name, NO_WORK_HERE[user.role])
        QMessageBox.information(None, "Uitkijk", QCoreApplication.translate(
            "SignIn", "Signed in as {user}, but an administrator watches no video: configure with 'check-config', "
            "'user add' and 'user passwd' on the command line.").format(user=user.full_name))  # fmt: skip
        name = ""
    return None


def config_fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 (first 16 hex digits) of each configuration file: a changed file shows in the log."""
    fingerprint = {}
    for name in CONFIG_FILES:
        path = folder / name
        if path.exists():
            fingerprint[name] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return fingerprint


def log_configuration(writer: AuditWriter, session: Session, folder: Path) -> None:
    """At sign-in: if a configuration file changed since the last start, log which ones."""
    fingerprint = config_fingerprint(folder)
    last = next(writer.log.entries(action="configuration loaded", newest_first=True, limit=1), None)
    before = json.loads(last.detail).get("files", {}) if last else {}
    changed = sorted(name for name in set(fingerprint) | set(before) if fingerprint.get(name) != before.get(name))
    if changed:
        who = session.who
        detail = {"folder": str(folder), "files": fingerprint, "changed": changed}
        writer.submit(Record(who["user"], who["role"], who["workstation"], "configuration loaded", None, detail))


def watches_video(session: Session) -> bool:
    return is_allowed(session.role, Action.VIEW_LIVE)


def plays_back_only(session: Session) -> bool:
    """The investigator: recordings under the law, no live wall, no PTZ (the playback window alone)."""
    return not watches_video(session) and is_allowed(session.role, Action.PLAY_RECORDINGS)
