"""A desk's start-up on the real simulated network: the wall's streams open while the user signs in, out of sight."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import urlsplit

import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from console.audit.log import KEY_FILE, AuditLog
from console.cli import DEMO_PASSWORD
from console.paths import AppPaths
from console.store import open_store
from console.ui import app
from console.ui.app import RunOptions, run_console
from console.ui.login import LoginDialog, ReasonDialog
from tests.integration.conftest import LOADED_MS

FIRST_WALL = ["cam-a", "cam-b", "cam-c", "cam-hevc"]  # a first start's 2x2 wall: the configuration's first cameras


def decoder_connections(port: int) -> int:
    """The decoding process's RTSP connections to the simulated cameras (0 when there is no such process)."""
    for child in psutil.Process().children():
        try:
            if "console.video.decoder_host" in " ".join(child.cmdline()):
                connections = child.net_connections("tcp")
                return sum(1 for connection in connections if connection.raddr and connection.raddr.port == port
                           and connection.status == psutil.CONN_ESTABLISHED)  # fmt: skip
        except psutil.NoSuchProcess:
            continue
    return 0


def visible_windows() -> list[str]:
    return sorted(type(widget).__name__ for widget in QApplication.topLevelWidgets() if widget.isVisible())


def test_the_walls_streams_open_while_the_sign_in_dialog_is_up_and_nothing_shows_or_is_logged_before(
    qtbot, city, tmp_path, monkeypatch, caplog
):
    """Behind the sign-in dialog the decoding process already pulls and decodes the wall's streams (as a tour step's
    pre-roll does): no window but the dialog shows, and the audit log gets no view. After the sign-in and the reason
    each view is logged before its tile shows, and each tile's first picture is the newest one then, not the first
    decoded: the pictures decoded meanwhile were never shown."""
    caplog.set_level(logging.INFO, logger="uitkijk.ui")
    paths = AppPaths.resolve(tmp_path / "data")
    port = urlsplit(city.config.camera("cam-a").stream_url("sub")).port
    seen: dict = {"connections": 0, "warm": []}
    deadline_s = time.monotonic() + LOADED_MS / 1000
    real_warm_start = getattr(app, "warm_start", None)  # main had none: the test fails below, on what it sees

    def watched_warm_start(*arguments, **options):  # the test looks at the streams opened; they stay the desk's
        assert real_warm_start is not None
        warm = real_warm_start(*arguments, **options)
        seen["warm"].append(warm)
        return warm

    monkeypatch.setattr(app, "warm_start", watched_warm_start, raising=False)

    def decoded_behind_the_veil() -> bool:
        frames = [frame for warm in seen["warm"] for frame in warm.newest_frames()]
        return len(frames) == len(FIRST_WALL) and all(frame is not None and frame.sequence >= 2 for frame in frames)

    def drive() -> None:
        """The user at the dialogs: waits at the sign-in (as a user types), then signs in and gives a reason."""
        windows = QApplication.topLevelWidgets()
        sign_in = next((w for w in windows if isinstance(w, LoginDialog) and w.isVisible()), None)
        if sign_in is not None and "signed in" not in seen:
            seen["connections"] = max(seen["connections"], decoder_connections(port))
            is_decoded = decoded_behind_the_veil()
            if (seen["connections"] >= len(FIRST_WALL) and is_decoded) or time.monotonic() > deadline_s:
                seen["decoded during the sign-in"] = is_decoded
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
    assert seen["decoded during the sign-in"]
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
    report = next(json.loads(record.getMessage().split(" start-up: ", 1)[1]) for record in caplog.records
                  if " start-up: " in record.getMessage())  # fmt: skip
    assert sorted(tile["camera"] for tile in report["tiles"]) == sorted(FIRST_WALL)
    for tile in report["tiles"]:  # decoded before its view was logged; painted only after, its newest picture
        assert tile["decoder_first_published"] < tile["view_logged"] <= tile["first_painted"], tile
        assert tile["first_painted_sequence"] >= 2, tile
