"""A desk's look at the room's relay: does it answer? (a TCP connect every second, on a thread of its own)."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable

from console.config.room import Relay

LOGGER = logging.getLogger("uitkijk.relay")
LOOK_EVERY_S = 1.0  # the relay's return is seen within this, so the tiles come back within 2 s


class RelayWatch:
    def __init__(self, relay: Relay, on_change: Callable[[bool], None], every_s: float = LOOK_EVERY_S) -> None:
        """``on_change(is_up)`` is called on the watch's thread when the answer changes."""
        self.relay = relay
        self._on_change = on_change
        self._every_s = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.is_up: bool | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="relay-watch", daemon=True)
        self._thread.start()

    def look(self) -> bool:
        try:
            with socket.create_connection((self.relay.host, self.relay.port), timeout=self._every_s):
                return True
        except OSError:
            return False

    def _watch(self) -> None:
        while not self._stop.is_set():
            is_up = self.look()
            if is_up != self.is_up:
                self.is_up = is_up
                self._on_change(is_up)
            self._stop.wait(self._every_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self._every_s * 2 + 1)
