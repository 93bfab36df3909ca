"""A desk's start-up on the real simulated network: the wall's streams open while the user signs in, out of sight."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from console.audit.log import KEY_FILE, AuditLog
from console.cli import DEMO_PASSWORD
from console.paths import AppPaths
from console.store import open_store
from console.ui.app import RunOptions, run_console
from console.ui.login import LoginDialog, ReasonDialog
from tests.integration.conftest import LOADED_MS

FIRST_WALL = ["cam-a", "cam-b", "cam-c", "cam-hevc"]  # a first start's 2x2 wall: the configuration's first cameras


def decoder_connections(port: int) -> int:
    """The decoding process's RTSP connections to the simulated cameras (0 when there is no such process)."""
    for child in psutil.Process().children():
        try:
            if "console.video.decoder_host" in " ".join(child.cmdline()):
                return sum(1 for connection in child.net_connections("tcp") if connection.raddr
                           and connection.raddr.port == port and connection.status == psutil.CONN_ESTABLISHED)  # fmt: skip
        except psutil.NoSuchProcess:
            continue
    return 0


def visible_windows() -> list[str]:
    return sorted(type(widget).__name__ for widget in QApplication.topLevelWidgets() if widget.isVisible())


def test_the_walls_streams_open_while_the_sign_in_dialog_is_up_and_nothing_shows_or_is_logged_before(
    qtbot, city, tmp_path
):
    """Behind the sign-in dialog the decoding process already pulls the wall's streams (as a tour step's pre-roll
    does): no window but the dialog shows, and the audit log gets no view. After the sign-in and the reason each
    view is logged before its tile shows, and the wall comes up live."""
    paths = AppPaths.resolve(tmp_path / "data")
    port = urlsplit(city.config.camera("cam-a").stream_url("sub")).port
    seen: dict = {"connections": 0}
    deadline_s = time.monotonic() + LOADED_MS / 1000

    def drive() -> None:
        """The user, at the dialogs: waits at the sign-in (as long as a user types), then signs in and gives a reason."""
        windows = QApplication.topLevelWidgets()
        sign_in = next((w for w in windows if isinstance(w, LoginDialog) and w.isVisible()), None)
        if sign_in is not None and "signed in" not in seen:
            seen["connections"] = max(seen["connections"], decoder_connections(port))
            if seen["connections"] >= len(FIRST_WALL) or time.monotonic() > deadline_s:
                seen["shown during the sign-in"] = visible_windows()
                seen["signed in"] = True
                sign_in.name_edit.setText("an.peeters")
                sign_in.password_edit.setText(DEMO_PASSWORD)
                sign_in.attempt()
        reason = next((w for w in windows if isinstance(w, ReasonDialog) and w.isVisible()), None)
        if reason is not None:
            reason.reference.setText("ronde stationsbuurt")
            reason.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    driver = QTimer()
    driver.setInterval(50)
    driver.timeout.connect(drive)
    driver.start()
    shot = tmp_path / "wall.png"
    try:  # ends once every tile shows its picture or says why not (--screenshot), at the latest after 60 s
        code = run_console(city.config, paths, RunOptions(layout="2x2", screenshot=shot, exit_after_s=60))
    finally:
        driver.stop()
    assert code == 0
    assert seen["connections"] >= len(FIRST_WALL), "the wall's streams were not opened during the sign-in"
    assert seen["shown during the sign-in"] == ["LoginDialog"]  # no wall, no picture before someone signs in
    log = AuditLog(open_store(paths.data_dir), paths.data_dir / KEY_FILE)
    try:
        actions = [(entry.action, entry.camera) for entry in log.entries()]
    finally:
        log.database.close()
    views = [index for index, (action, _) in enumerate(actions) if action == "view start"]
    assert sorted(actions[index][1] for index in views) == sorted(FIRST_WALL)
    signed_in = actions.index(("login", None))
    reason_given = next(index for index, (action, _) in enumerate(actions) if action == "reason set")
    assert signed_in < reason_given < min(views)  # no view before the sign-in and its reason
    assert shot.exists()
