"""One listener mechanism for the Qt-free packages: an ``Event`` is a signal without Qt.

``connect`` and ``disconnect`` may be called from any thread; ``emit`` calls every listener
on the emitting thread, in the order they connected. A listener that fails (a closed
window's) is logged and cannot stop the others, nor the thread that emitted. The widgets
adapt an event to a queued Qt signal when they need it on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Event(Generic[P]):
    def __init__(self, name: str, logger: logging.Logger | None = None) -> None:
        self.name = name
        self._listeners: list[Callable[P, object]] = []
        self._lock = threading.Lock()
        self._logger = logger or logging.getLogger("uitkijk.events")

    def connect(self, listener: Callable[P, object]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def disconnect(self, listener: Callable[P, object]) -> None:
        """Stop calling ``listener`` (a listener that is not connected is ignored)."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(*args, **kwargs)
            except Exception:
                self._logger.exception("a listener of %s failed", self.name)

    def __len__(self) -> int:
        return len(self._listeners)
