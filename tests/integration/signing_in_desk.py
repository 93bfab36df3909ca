"""Child process of the start-up test: a desk signed in with its dialogs, driven as a user does, in its own process.

``python -m tests.integration.signing_in_desk CONFIG_DIR DATA_DIR SCREENSHOT WAIT_S`` runs the console's session
runner (``run_console``) with the real sign-in and reason dialogs; a timer plays the user: at the sign-in it waits
(as a user types) until the decoding process holds the wall's streams and has decoded them, or ``WAIT_S``, then signs
in and gives a reason. It prints one JSON line: what it saw during the sign-in, the exit code and the wall's start-up
report. A process of its own: the console changes its process for good (the language, the collector's freeze), and a
later test's sign-in in the same process never came back in time.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from console.cli import DEMO_PASSWORD
from console.config.loader import load_camera_config
from console.paths import AppPaths
from console.ui import app
from console.ui.login import LoginDialog, ReasonDialog

WALL = 4  # a first start's 2x2 wall


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


class StartUpReport(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.report: dict | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if " start-up: " in record.getMessage():
            self.report = json.loads(record.getMessage().split(" start-up: ", 1)[1])


def main(config_dir: str, data_dir: str, screenshot: str, wait_s: str) -> None:
    application = QApplication(sys.argv[:1])
    config = load_camera_config(Path(config_dir), {})
    port = urlsplit(config.cameras[0].stream_url("sub") or "").port
    seen: dict = {"connections": 0, "warm": []}
    deadline_s = time.monotonic() + float(wait_s)
    report = StartUpReport()
    logging.getLogger("uitkijk.ui").addHandler(report)
    logging.getLogger("uitkijk.ui").setLevel(logging.INFO)
    real_warm_start = getattr(app, "warm_start", None)  # a console without it fails the test on what it sees

    def watched_warm_start(*arguments, **options):  # the streams opened are looked at; they stay the desk's
        assert real_warm_start is not None
        warm = real_warm_start(*arguments, **options)
        seen["warm"].append(warm)
        return warm

    app.warm_start = watched_warm_start  # type: ignore[attr-defined]

    def decoded_behind_the_veil() -> bool:
        frames = [frame for warm in seen["warm"] for frame in warm.newest_frames()]
        return len(frames) == WALL and all(frame is not None and frame.sequence >= 2 for frame in frames)

    def drive() -> None:
        """The user at the dialogs: waits at the sign-in (as a user types), then signs in and gives a reason."""
        windows = QApplication.topLevelWidgets()
        sign_in = next((w for w in windows if isinstance(w, LoginDialog) and w.isVisible()), None)
        if sign_in is not None and "signed in" not in seen:
            seen["connections"] = max(seen["connections"], decoder_connections(port))
            is_decoded = decoded_behind_the_veil()
            if (seen["connections"] >= WALL and is_decoded) or time.monotonic() > deadline_s:
                seen["decoded during the sign-in"] = is_decoded
                seen["shown during the sign-in"] = sorted(type(w).__name__ for w in windows if w.isVisible())
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
    # It ends once every tile shows its picture or says why not (--screenshot), at the latest after 60 s.
    code = app.run_console(config, AppPaths.resolve(Path(data_dir)),
                           app.RunOptions(layout="2x2", screenshot=Path(screenshot), exit_after_s=60))  # fmt: skip
    driver.stop()
    del application
    seen.pop("warm")
    print(json.dumps({"code": code, **seen, "report": report.report}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
