"""The one small helper that brings results of background work back to the GUI thread.

Work runs elsewhere (the ONVIF loop thread) and hands back a concurrent Future;
``TaskRunner.run`` calls ``on_success(result)`` or ``on_failure(error)`` later on
the GUI thread through a queued signal. The GUI thread never waits.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

LOGGER = logging.getLogger("uitkijk.ui")


class TaskRunner(QObject):
    _finished = Signal(object, object, object)  # callback, value, is_error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._finished.connect(self._on_finished)

    def run(
        self,
        future: concurrent.futures.Future,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(finished: concurrent.futures.Future) -> None:
            try:
                value = finished.result()
            except BaseException as error:  # noqa: BLE001 - delivered to on_failure
                self._finished.emit(on_failure, error, True)
            else:
                self._finished.emit(on_success, value, False)

        future.add_done_callback(done)

    def _on_finished(self, callback: Callable[[Any], None] | None, value: Any, is_error: bool) -> None:
        if callback is not None:
            callback(value)
        elif is_error:
            LOGGER.warning("background task failed: %s", value)
