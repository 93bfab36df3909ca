"""A console as a desk runs it, for the benchmarks: signed in, a reason given, every view logged.

The demo operator signs in (users.yaml of the configuration folder), gives the reason
"virtual patrol: benchmark", and the console opens on its own data folder with the
audit writer, the board's presence tables and the dispatch panel, exactly as ``run``
builds them; only the sign-in dialog is left out.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from console.access.reasons import Category, Kind, Reason
from console.access.session import Session
from console.access.users import load_users
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.config.loader import CameraConfig
from console.onvif.process import OnvifProcess
from console.paths import AppPaths
from console.store import open_store
from console.tours.model import Tour
from console.ui.accountability import Accountability
from console.ui.desk import Console
from console.ui.main_window import WallWindow

REASON = Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "benchmark")


def wait_until(condition, timeout_s: float = 15.0) -> float:
    """Run the event loop until ``condition()``; the seconds it took (TimeoutError after ``timeout_s``)."""
    started = time.perf_counter()
    loop = QEventLoop()
    while not condition():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("condition not met")
        QTimer.singleShot(2, loop.quit)
        loop.exec()
    return time.perf_counter() - started


class Desk:
    def __init__(self, config: CameraConfig, data_dir: Path, tours: tuple[Tour, ...] = (), user: str = "demo",
                 onvif: OnvifProcess | None = None) -> None:  # fmt: skip
        """``onvif``: an ONVIF process started before the desk, as the console starts it before its sign-in."""
        self.paths = AppPaths.resolve(data_dir)
        self.log = AuditLog(open_store(self.paths.data_dir), self.paths.data_dir / KEY_FILE)
        self.writer = AuditWriter(self.log)
        users = load_users(config.folder)
        self.accountability = Accountability(self.writer, Session(users.users[user], "bench"))
        self.accountability.open({"how": "benchmark"})
        is_given: list[bool] = []
        self.accountability.set_reason(REASON, then=lambda: is_given.append(True))
        wait_until(lambda: bool(is_given))
        self.console = Console(
            config, self.paths, self.log.database, tours=tours, accountability=self.accountability, users=users,
            onvif=onvif,
        )  # fmt: skip
        self.window: WallWindow | None = None

    def open(self, layout: str, cameras: list[str | None]) -> WallWindow:
        self.window = self.console.open(layout)
        self.window.wall.show_step(layout, cameras)
        return self.window

    def close(self) -> None:
        self.console.shutdown()
        for window in self.console.windows:
            window.close()
            window.deleteLater()
        self.writer.close()
        self.log.database.close()
