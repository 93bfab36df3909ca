"""One reader per stream URL, shared by every viewer of that stream.

Mobbox trailers send over a scarce cellular uplink, so a stream is pulled and
decoded once however many tiles or wall windows show it. Viewers hold a
:class:`StreamHandle`; the reader stops when the last handle is released, and
scales its frames to the largest size any handle asked for.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from console.video.decoder_process import DecoderProcess, ProcessStreamReader
from console.video.pyav_reader import ReaderTiming
from console.video.stream import Frame, StatusListener, StreamReader, StreamStatus

LOGGER = logging.getLogger("uitkijk.video")
ReaderFactory = Callable[[str, str], StreamReader]


@dataclass(eq=False)
class StreamHandle:
    """A viewer's claim on a stream. Release it when the tile stops showing the stream."""

    hub: StreamHub
    url: str
    reader: StreamReader
    on_status: StatusListener
    size: tuple[int, int] = (640, 360)
    is_released: bool = field(default=False)

    def latest(self) -> Frame | None:
        return self.reader.latest()

    def status(self) -> StreamStatus:
        return self.reader.status()

    def set_size(self, width: int, height: int) -> None:
        self.size = (int(width), int(height))
        self.hub._resize(self.url)

    def release(self) -> None:
        if not self.is_released:
            self.is_released = True
            self.hub._release(self)


class StreamHub:
    def __init__(self, reader_factory: ReaderFactory | None = None, timing: ReaderTiming | None = None) -> None:
        self._timing = timing or ReaderTiming()
        self._decoder: DecoderProcess | None = None  # the desk's decoding process, when the hub makes its readers
        if reader_factory is None:
            decoder = self._decoder = DecoderProcess()
            reader_factory = lambda url, name: ProcessStreamReader(decoder, url, name, self._timing)  # noqa: E731
        self._factory = reader_factory
        self._readers: dict[str, StreamReader] = {}
        self._handles: dict[str, list[StreamHandle]] = {}
        self._stopping: list[StreamReader] = []  # asked to stop, thread not yet ended; reaped as they end
        self._to_start: list[StreamReader] = []  # started by the starter thread, not by the caller
        self._starter: threading.Thread | None = None
        self._lock = threading.Lock()

    def start_decoding(self) -> None:
        """Start the decoding process now, so it is ready when the first tile asks (it takes a few tenths)."""
        if self._decoder is not None:
            self._decoder.start()

    def acquire(self, url: str, name: str, on_status: StatusListener, size: tuple[int, int]) -> StreamHandle:
        """A claim on the stream (one reader per URL, shared); viewers poll ``latest()`` on their own clock."""
        with self._lock:
            reader = self._readers.get(url)
            is_new = reader is None
            if reader is None:
                reader = self._factory(url, name)
                self._readers[url] = reader
                self._handles[url] = []
            handle = StreamHandle(self, url, reader, on_status, size)
            self._handles[url].append(handle)
        reader.status_changed.connect(on_status)
        self._resize(url)
        if is_new:
            self._start_soon(reader)
        return handle

    def _start_soon(self, reader: StreamReader) -> None:
        """Start the reader's thread from a starter thread: ``Thread.start`` waits until the new thread has
        run, which on busy cores took tens of milliseconds per reader from the GUI thread (a tour step
        pre-rolls eight at once). The caller waits for one starter per burst, not for every reader."""
        with self._lock:
            self._to_start.append(reader)
            if self._starter is not None:
                return
            starter = self._starter = threading.Thread(target=self._run_starter, name="reader-starter", daemon=True)
        starter.start()

    def _run_starter(self) -> None:
        while True:
            with self._lock:
                if not self._to_start:
                    self._starter = None
                    return
                reader = self._to_start.pop(0)
            try:
                reader.start()
            except Exception:
                LOGGER.exception("a stream reader could not start")

    def reader_count(self) -> int:
        with self._lock:
            return len(self._readers)

    def stopping_count(self) -> int:
        """Readers asked to stop whose threads have not ended yet (a night of tours must not pile them up)."""
        self._reap()
        with self._lock:
            return len(self._stopping)

    def _reap(self) -> None:
        """Forget stopped readers whose threads have ended, so their frames and scalers are freed."""
        with self._lock:
            self._stopping = [reader for reader in self._stopping if not reader.join(0)]

    def viewer_count(self, url: str) -> int:
        with self._lock:
            return len(self._handles.get(url, []))

    def _resize(self, url: str) -> None:
        with self._lock:
            handles = list(self._handles.get(url, []))
            reader = self._readers.get(url)
        if reader and handles:
            reader.set_target_size(max(h.size[0] for h in handles), max(h.size[1] for h in handles))

    def _release(self, handle: StreamHandle) -> None:
        handle.reader.status_changed.disconnect(handle.on_status)
        with self._lock:
            handles = self._handles.get(handle.url, [])
            if handle in handles:
                handles.remove(handle)
            if handles:
                reader = None
            else:
                reader = self._readers.pop(handle.url, None)
                self._handles.pop(handle.url, None)
                if reader is not None:
                    self._stopping.append(reader)
        if reader is not None:
            reader.stop()  # returns at once; the worker ends after its current blocking call
        else:
            self._resize(handle.url)
        self._reap()

    def shutdown(self, timeout_s: float = 6.0) -> bool:
        """Stop every reader and wait for their threads; True if all ended in time."""
        with self._lock:
            readers = list(self._readers.values()) + self._stopping
            self._readers.clear()
            self._handles.clear()
            self._stopping = []
            starter = self._starter
        for reader in readers:
            reader.stop()
        if starter is not None:
            starter.join(timeout_s)  # a reader it starts now sees its stop at once and ends
        is_done = all(reader.join(timeout_s) for reader in readers)
        if self._decoder is not None:
            is_done = self._decoder.close(timeout_s) and is_done
        return is_done
