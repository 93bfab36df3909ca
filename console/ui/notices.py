"""A room's change notices as a Qt signal: a thread waits on the store and says when some desk committed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

LOGGER = logging.getLogger("uitkijk.store")
WATCH_TIMEOUT_S = 1.0  # how long a wait lasts before the thread checks whether to stop


class ChangeNotices(QObject):
    noticed = Signal()  # queued to the GUI thread: read again

    def __init__(self, wait_for_change: Callable[[float], bool], name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wait_for_change = wait_for_change
        self._name = name
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(WATCH_TIMEOUT_S + 2)

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                if self._wait_for_change(WATCH_TIMEOUT_S):
                    self.noticed.emit()
            except Exception as error:  # noqa: BLE001 - the server is away: say so, wait, listen again
                LOGGER.warning("%s: %s", self._name, error)
                self._stop.wait(WATCH_TIMEOUT_S)
