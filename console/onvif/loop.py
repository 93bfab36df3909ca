"""One asyncio event loop on its own thread for every ONVIF camera.

Callers on any thread submit coroutines and get a concurrent Future back; the
Qt side turns its completion into a queued signal. The GUI thread never waits.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
LOGGER = logging.getLogger("uitkijk.onvif")


def _exception_handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    message = str(context.get("message", ""))
    if message.startswith(("Unclosed client session", "Unclosed connector")):
        # A connection cancelled half-way when the console closes: the process is ending anyway.
        LOGGER.debug("%s", message)
        return
    LOGGER.error("ONVIF loop: %s", message, exc_info=context.get("exception"))


class AsyncLoopThread:
    def __init__(self, name: str = "onvif-loop") -> None:
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(_exception_handler)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        pending = asyncio.all_tasks(self.loop)
        for task in pending:
            task.cancel()
        if pending:
            self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def run(self, coroutine: Coroutine[Any, Any, T], timeout_s: float | None = None) -> T:
        """Run and wait: for the command line and tests, never for the GUI thread."""
        return self.submit(coroutine).result(timeout_s)

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Cancel what still runs (each task cleans up on the loop), then end the thread."""
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout_s)
        return not self._thread.is_alive()
