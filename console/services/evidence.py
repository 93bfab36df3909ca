"""A snapshot kept as evidence: a full-resolution still of a camera, logged before it is kept.

The still is grabbed on a worker (the main stream, decoded once); the entry with the
reason goes to the audit log; only once it is durable are the PNG and its JSON sidecar
(camera, time, user, role, workstation, reason, size, SHA-256) written, never over an
existing file. Results come back through the desk's ``post``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

from console.access.permissions import Action, NotPermitted
from console.access.reasons import ReasonRequired
from console.access.session import utc_now
from console.audit.evidence import evidence_paths, save_evidence
from console.config.schema import Camera
from console.dispatch.model import Snapshot
from console.events import Event
from console.services.accountability import Accountability
from console.video.snapshot import Still, grab_still
from console.wording import QT_TRANSLATE_NOOP, Worded

LOGGER = logging.getLogger("uitkijk.evidence")
Report = Callable[[Worded], None]  # a line for the operator (the window's status bar)


class Evidence:
    def __init__(self, accountability: Accountability, folder: Path, executor: Executor,
                 grab: Callable[[str], Still] = grab_still) -> None:  # fmt: skip
        self.accountability = accountability
        self.folder = folder  # data folder/evidence/YYYY-MM-DD/
        self.executor = executor
        self.grab = grab
        self.kept: Event[[Path]] = Event("evidence.kept", LOGGER)  # its PNG, once the entry is durable

    def snapshot(self, camera: Camera, url: str | None, where: dict, report: Report,
                 on_kept: Callable[[Snapshot], None] | None = None) -> bool:  # fmt: skip
        """Grab, log, keep. ``where`` (wall, tile) goes into the entry; False if refused at once."""
        try:
            self.accountability.session.require(Action.TAKE_SNAPSHOT)
        except (NotPermitted, ReasonRequired) as error:
            report(Worded(QT_TRANSLATE_NOOP("Domain", "Not done: {error}"), error=error))
            return False
        if url is None:
            report(
                Worded(
                    QT_TRANSLATE_NOOP("Domain", "Snapshot: the streams of {camera} are not known yet"),
                    camera=camera.name,
                )
            )
            return False
        report(Worded(QT_TRANSLATE_NOOP("Domain", "Snapshot of {camera}\u2026"), camera=camera.name))
        post = self.accountability.post

        def grab() -> None:
            try:
                still = self.grab(url)
            except Exception as error:  # noqa: BLE001 - any failure is a line for the operator
                failed = Worded(QT_TRANSLATE_NOOP("Domain", "Snapshot failed: {error}"), error=error)
                post(lambda: report(failed))
                return
            post(lambda: self._keep(camera, where, still, report, on_kept))

        self.executor.submit(grab)
        return True

    def _keep(self, camera: Camera, where: dict, still: Still, report: Report,
              on_kept: Callable[[Snapshot], None] | None) -> None:  # fmt: skip
        session = self.accountability.session
        reason = session.reason
        utc = utc_now()
        png_path, json_path = evidence_paths(self.folder, camera.id, utc)
        sidecar = {"camera": camera.id, "camera_name": camera.name, "utc": utc, "user": session.user.name,
                   "role": session.role.value, "workstation": session.workstation,
                   "reason": reason.as_record() if reason else None, "width": still.width, "height": still.height,
                   "sha256": still.sha256, "file": png_path.name}  # fmt: skip
        detail = {"file": png_path.name, "sha256": still.sha256, **where}
        post = self.accountability.post

        def write() -> None:
            try:
                save_evidence(png_path, json_path, still.png, sidecar)
            except OSError as error:
                LOGGER.error("evidence %s not saved: %s", png_path, error)
                failed = Worded(QT_TRANSLATE_NOOP("Domain", "Snapshot not saved: {error}"), error=error)
                post(lambda: report(failed))
                return
            post(
                lambda: report(Worded(QT_TRANSLATE_NOOP("Domain", "Snapshot kept as evidence: {file}"), file=png_path))
            )

        def keep() -> None:
            self.executor.submit(write)
            self.kept.emit(png_path)
            if on_kept is not None:
                on_kept(Snapshot(camera.id, utc, png_path.name, still.sha256))

        self.accountability.guard(Action.TAKE_SNAPSHOT, "snapshot", camera.id, detail, then=keep)
