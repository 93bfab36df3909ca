"""Evidence locks: footage kept past its retention because an incident or a judicial file needs it.

A lock names cameras (or imported devices), a span of recording time, the incident or the
judicial file it serves, who placed it and why. The retention sweeper never deletes what a
held lock covers. Placing and releasing are audit entries, written in the same transaction as
the lock itself (a :class:`Change`, like a dispatch change): the command line commits it, a desk
hands it to its accountability. Only the team chief or the data-protection officer releases a lock
(permissions.py: ``RELEASE_EVIDENCE``). Every refusal is worded and names the rule.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from console.access.permissions import Action, Role, require
from console.config.loader import did_you_mean
from console.config.one_line import one_line_problem
from console.dispatch.service import Change
from console.services.recording_time import Span
from console.store import archive
from console.store import dispatch as dispatch_rows
from console.store.backend import ChangeRefused, Transaction, utc_text
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError

PLACED = "evidence lock placed"
RELEASED = "evidence lock released"
MAX_REASON = 200
MAX_FILE_REFERENCE = 80
MAX_CAMERAS = 64
MAX_LOCK_ID = 2**63 - 1  # the store's ids are 64-bit integers
INCIDENT_ID = re.compile(r"^\d{4}-\d{1,6}$")  # 2026-0042
RELEASERS = (Role.TEAM_CHIEF, Role.DATA_PROTECTION_OFFICER)


class LockRefused(WordedError, ValueError):
    """A lock that may not be placed or released as asked; the text names the rule."""


@dataclass(frozen=True)
class LockRequest:
    cameras: tuple[str, ...]
    span: Span
    incident: str | None  # the incident it serves, or
    judicial_file: str | None  # the judicial file's reference (a notice of the prosecutor's office, a PV number)
    reason: str


_REASON = Worded(QT_TRANSLATE_NOOP("Domain", "a reason"))
_FILE_REFERENCE = Worded(QT_TRANSLATE_NOOP("Domain", "the judicial file's reference"))


def _text(value: str, what: Worded, limit: int) -> str:
    """One line of visible text, at most ``limit`` characters: a reason, a file's reference."""
    text = value.strip()
    if not text:
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "an evidence lock needs {what}"), what=what)
    problem = one_line_problem(text, limit)
    if problem is not None:
        raise LockRefused("{what} {problem}", what=what, problem=problem)
    return text


def check_request(request: LockRequest) -> LockRequest:
    """The request as it will be stored, or LockRefused: cameras named, one incident OR one judicial file, a reason.
    Whether the cameras and the incident exist is checked in the lock's transaction (a device imported a moment
    ago is known there)."""
    cameras = tuple(dict.fromkeys(camera.strip() for camera in request.cameras))
    if not cameras or not all(cameras):
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "an evidence lock names at least one camera"))
    if len(cameras) > MAX_CAMERAS:
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "an evidence lock names at most {count} cameras"),
                          count=MAX_CAMERAS)  # fmt: skip
    if (request.incident is None) == (request.judicial_file is None):
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "an evidence lock serves one incident or one judicial file "
                                            "(--incident or --file), not both and not neither"))  # fmt: skip
    incident = None
    if request.incident is not None:
        incident = request.incident.strip()
        if not INCIDENT_ID.match(incident):
            raise LockRefused(QT_TRANSLATE_NOOP("Domain", "'{incident}' is not an incident number (like 2026-0042)"),
                              incident=incident[:40])  # fmt: skip
    judicial_file = None
    if request.judicial_file is not None:
        judicial_file = _text(request.judicial_file, _FILE_REFERENCE, MAX_FILE_REFERENCE)
    reason = _text(request.reason, _REASON, MAX_REASON)
    return LockRequest(cameras, request.span, incident, judicial_file, reason)


def place(who: dict[str, str], role: Role, request: LockRequest, cameras: Collection[str]) -> Change:
    """The change that places a lock (``evidence lock placed``), checked now and again in its transaction.

    ``cameras``: the configured camera ids; an imported device's id is as good (found in the store)."""
    require(role, Action.LOCK_EVIDENCE)
    checked = check_request(request)
    configured = frozenset(cameras)
    placed_utc = utc_text()
    detail: dict[str, Any] = {"cameras": list(checked.cameras), "from": checked.span.start_utc,
                              "to": checked.span.end_utc, "reason": checked.reason}  # fmt: skip
    if checked.incident is not None:
        detail["incident"] = checked.incident
    else:
        detail["file"] = checked.judicial_file

    def effect(transaction: Transaction) -> dict:
        known = configured | {device.device for device in archive.read_devices(transaction)}
        for camera in checked.cameras:
            if camera not in known:
                raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no camera or imported device '{camera}'"
                                                      "{hint}"), camera=camera[:64],
                                    hint=did_you_mean(camera, sorted(known)))  # fmt: skip
        if checked.incident is not None and dispatch_rows.incident_row(transaction, checked.incident) is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no incident {incident}"),
                                incident=checked.incident)  # fmt: skip
        lock_id = archive.place_lock(transaction, checked.cameras, checked.span.start_utc, checked.span.end_utc,
                                     checked.incident, checked.judicial_file, checked.reason, who["user"],
                                     role.value, placed_utc)  # fmt: skip
        # A camera with nothing recorded in the span is locked all the same (its ANPR hits and stills are kept too),
        # and named in the entry: whoever reads the lock knows there is no footage behind it.
        span = checked.span
        unrecorded = [camera for camera in checked.cameras
                      if not archive.segments(transaction, camera, span.start_utc, span.end_utc)]  # fmt: skip
        return {"lock": lock_id, **({"unrecorded": unrecorded} if unrecorded else {})}

    camera = checked.cameras[0] if len(checked.cameras) == 1 else None
    return Change(PLACED, detail, effect, camera)


def release(who: dict[str, str], role: Role, lock_id: int, reason: str) -> Change:
    """The change that releases a held lock (``evidence lock released``): the team chief or the DPO, with a reason."""
    if role not in RELEASERS:
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "only the team chief or the data-protection officer releases "
                                            "an evidence lock (you are signed in as {role})"), role=role)  # fmt: skip
    require(role, Action.RELEASE_EVIDENCE)
    if not 1 <= lock_id <= MAX_LOCK_ID:  # a number no store holds (past 64 bits the store's driver fails)
        raise LockRefused(QT_TRANSLATE_NOOP("Domain", "there is no evidence lock {lock}"), lock=lock_id)
    why = _text(reason, _REASON, MAX_REASON)
    released_utc = utc_text()
    detail: dict[str, Any] = {"lock": lock_id, "reason": why}

    def effect(transaction: Transaction) -> dict:
        lock = archive.read_lock(transaction, lock_id)
        if lock is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no evidence lock {lock}"), lock=lock_id)
        if not archive.release_lock(transaction, lock_id, who["user"], role.value, released_utc, why):
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "evidence lock {lock} was released already ({when}, by "
                                                  "{user})"), lock=lock_id, when=lock.released_utc,
                                user=lock.released_by)  # fmt: skip
        facts: dict[str, Any] = {"cameras": list(lock.cameras), "from": lock.start_utc, "to": lock.end_utc,
                                 "placed_by": lock.placed_by, "placed_utc": lock.placed_utc}  # fmt: skip
        if lock.incident is not None:
            facts["incident"] = lock.incident
        if lock.judicial_file is not None:
            facts["file"] = lock.judicial_file
        return facts

    return Change(RELEASED, detail, effect)


def held_locks(transaction: Transaction, camera: str | None = None, start_utc: str | None = None,
               end_utc: str | None = None) -> list[archive.LockRecord]:  # fmt: skip
    """The held locks over a span (the sweeper, the recordings list, the playback timeline)."""
    return archive.locks(transaction, camera, start_utc, end_utc, held_only=True)


def covers(lock_list: Collection[archive.LockRecord], camera: str, start_utc: str, end_utc: str) -> bool:
    """Whether any of these locks holds ``camera`` over any part of [start, end)."""
    return any(camera in lock.cameras and lock.start_utc < end_utc and start_utc < lock.end_utc for lock in lock_list)


def holds(lock_list: Collection[archive.LockRecord], camera: str, utc: str) -> bool:
    """Whether any of these locks holds ``camera`` at the moment ``utc`` (an ANPR hit, a still)."""
    return any(camera in lock.cameras and lock.start_utc <= utc < lock.end_utc for lock in lock_list)
