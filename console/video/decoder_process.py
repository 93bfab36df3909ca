"""The console's side of the decoding process: readers whose threads live in another interpreter.

A desk's streams are pulled and decoded by one child process
(:mod:`console.video.decoder_host`), so its reader threads never take the GIL from
the GUI thread, and it runs at a lower priority so the GUI gets a core first. A
:class:`ProcessStreamReader` is a :class:`StreamReader` like any other: the hub and
the tiles do not know where it decodes. Its frames come through shared memory
(:mod:`console.video.frame_share`); its states and log lines through a socket, read by
one thread here.

If the process dies, every stream says so on its tile, and the process is started
again with every stream still wanted (a desk must not lose its wall to one bad packet).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from typing import Any

from console.child_process import ChildProcess
from console.startup import mark
from console.video.frame_share import FrameReader, create_block
from console.video.pyav_reader import ReaderTiming
from console.video.stream import Frame, StreamReader, StreamState, StreamStatus

LOGGER = logging.getLogger("uitkijk.video")
# The GUI thread gets a core first. Measured at a 4x4 tour switch: niceness 5 and 10 left it waiting for a
# core (102-212 ms gaps), 19 did not (44-67 ms).
DECODER_NICENESS = int(os.environ.get("UITKIJK_DECODER_NICENESS", "19"))
RESTART_DELAY_S = 1.0
PROCESS_GONE = "the decoding process stopped; starting it again"


class ProcessStreamReader(StreamReader):
    """One stream decoded in the decoding process; ``latest()`` copies its newest frame out of shared memory."""

    def __init__(self, decoder: DecoderProcess, url: str, name: str, timing: ReaderTiming | None = None) -> None:
        super().__init__(url, name)
        self.timing = timing or ReaderTiming()
        self._decoder = decoder
        # Asked for: connecting until the decoding process says otherwise (a tile painted "no signal" at every
        # desk's start, before the process had even begun to connect).
        self._status = StreamStatus(StreamState.CONNECTING)
        self._latest: Frame | None = None
        self._frames: FrameReader | None = None
        self._is_started = False
        self._is_stopping = False
        self._ended = threading.Event()
        # When each step to the first picture happened (time.monotonic, one clock for both processes): the console's
        # own ("asked": the hub started it; "sent": its start went to the decoding process) and the process's.
        self.phases: dict[str, float] = {}

    # -- StreamReader ------------------------------------------------------------------
    def start(self) -> None:
        if self._is_started or self._is_stopping:
            return
        self._is_started = True
        self.phases.setdefault("asked", time.monotonic())
        self._decoder.add(self)

    def stop(self) -> None:
        if self._is_stopping:
            return
        self._is_stopping = True
        if self._is_started:
            self._decoder.remove(self)
        else:
            self._ended.set()

    def join(self, timeout_s: float) -> bool:
        if not self._is_started:
            return True
        return self._ended.wait(timeout_s)

    def latest(self) -> Frame | None:
        frames = self._frames
        if frames is not None:
            newer = frames.read(self._latest.sequence if self._latest is not None else 0)
            if newer is not None:
                self._latest = newer
        return self._latest

    def status(self) -> StreamStatus:
        return self._status

    def set_target_size(self, width: int, height: int) -> None:
        """Told to the decoding process only when the size changed: the hub sets it again at every claim and
        release, and a 4x4 tour step's 40 unchanged sizes were 2.5 ms of the switch's pass on the GUI thread."""
        before = self._target_size
        super().set_target_size(width, height)
        if self._target_size != before and self._is_started and not self._is_stopping:
            self._decoder.resize(self)

    # -- from the decoder ----------------------------------------------------------------
    def _show_status(self, status: StreamStatus) -> None:
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)

    def _ended_now(self) -> None:
        self._show_status(StreamStatus(StreamState.STOPPED))
        self._frames = None
        self._ended.set()


class DecoderProcess(ChildProcess):
    """The child process and the thread that listens to it; started with the first stream."""

    label = "decoding"
    thread_name = "decoder-process"
    logger = LOGGER
    module = "console.video.decoder_host"
    restart_delay_s = RESTART_DELAY_S

    def __init__(self, niceness: int = DECODER_NICENESS) -> None:
        super().__init__(niceness, {"MALLOC_ARENA_MAX": "2"})  # its readers come and go: see main.py
        # Under the lock: a reader's start, new sizes and stop go out in the order they were decided, each with
        # the frame block the reader then reads (held for non-blocking sends).
        self._readers: dict[int, ProcessStreamReader] = {}
        self._ids: dict[int, int] = {}  # id(reader) -> its number in the process
        self._next_id = 1

    # -- from the readers ----------------------------------------------------------------
    def add(self, reader: ProcessStreamReader) -> None:
        with self._lock:
            if self._closing.is_set() or reader._is_stopping:  # stopped while it was being started
                reader._ended.set()
                return
            reader_id = self._next_id
            self._next_id += 1
            self._readers[reader_id] = reader
            self._ids[id(reader)] = reader_id
            is_starting = self._thread is None
            if self._socket is not None:
                self._send_start(self._socket, reader_id, reader)
        if is_starting:
            self.start()  # the thread starts the process, then every reader added meanwhile

    def start(self) -> None:
        """Start the process now, before its first stream (a desk does while its user signs in)."""
        self.launch()

    def remove(self, reader: ProcessStreamReader) -> None:
        with self._lock:
            reader_id = self._ids.get(id(reader))
            connection = self._socket
            is_sent = (reader_id is not None and connection is not None
                       and self._send(connection, {"op": "stop", "id": reader_id}))  # fmt: skip
        if reader_id is None:
            reader._ended_now()
        elif not is_sent:
            self._forget(reader_id)  # no process to stop it in: it has ended

    def resize(self, reader: ProcessStreamReader) -> None:
        with self._lock:
            reader_id = self._ids.get(id(reader))
            connection = self._socket
            frames = reader._frames
            if reader_id is None or connection is None or frames is None:
                return  # its start message is still to go, and carries the size
            size = reader._target_size
            message = {"op": "size", "id": reader_id, "size": list(size)}
            if size[0] <= frames.max_size[0] and size[1] <= frames.max_size[1]:
                self._send(connection, message)
                return
            reader.latest()  # the newest frame of the old block stays shown until the first one in the new
            self._send_with_block(connection, message, reader)  # they grow

    # -- the process ---------------------------------------------------------------------
    def _encode(self, message: dict[str, Any]) -> bytes:
        return json.dumps(message).encode()

    def _decode(self, data: bytes) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(data)
        return message

    def _on_ready(self, connection: socket.socket) -> None:
        mark("decoding process ready")
        for reader_id, reader in self._readers.items():  # every stream wanted meanwhile, or before it died
            self._send_start(connection, reader_id, reader)

    def _send_start(self, connection: socket.socket, reader_id: int, reader: ProcessStreamReader) -> None:
        """Called with the lock held, like every send about a reader."""
        latest = reader._latest
        message = {
            "op": "start", "id": reader_id, "url": reader.url, "name": reader.name,
            "size": list(reader._target_size),
            "timing": [reader.timing.open_timeout_s, reader.timing.stall_timeout_s, list(reader.timing.backoff_s)],
            "sequence": latest.sequence if latest is not None else 0,
        }  # fmt: skip
        self._send_with_block(connection, message, reader)
        reader.phases.setdefault("sent", time.monotonic())

    def _send_with_block(self, connection: socket.socket, message: dict[str, Any], reader: ProcessStreamReader) -> None:
        """``message`` with a new frame block for the size it names; the reader reads from it once it is sent."""
        size = (int(message["size"][0]), int(message["size"][1]))
        descriptor, block = create_block(*size)
        try:
            if self._send(connection, message, descriptor):
                reader._frames = FrameReader(block, size)
        finally:
            os.close(descriptor)  # the mapping, and the process's copy, keep the block

    def _handle(self, message: dict[str, Any]) -> None:
        kind = message.get("ev")
        reader_id = int(message["id"])
        with self._lock:
            reader = self._readers.get(reader_id)
        if reader is None:
            return
        if kind == "ended":
            self._forget(reader_id)
        elif kind == "phases":
            received = {f"decoder_{step}": float(moment) for step, moment in dict(message["phases"]).items()}
            reader.phases.update(received)
        elif kind == "status" and not reader._is_stopping:
            reader._show_status(StreamStatus(
                StreamState(message["state"]), str(message["message"]), str(message["transport"]),
                message["next"], int(message["attempts"]),
            ))  # fmt: skip

    def _forget(self, reader_id: int) -> None:
        with self._lock:
            reader = self._readers.pop(reader_id, None)
            if reader is not None:
                self._ids.pop(id(reader), None)
        if reader is not None:
            reader._ended_now()

    def _take_waiting(self) -> list[tuple[int, ProcessStreamReader]]:
        readers = list(self._readers.items())
        for _, reader in readers:
            reader._frames = None  # until its start goes to the new process, with a new block
        return readers

    def _on_gone(self, waiting: list[tuple[int, ProcessStreamReader]]) -> None:
        """Readers that were stopping have ended; the others say why their picture stopped, and wait."""
        for reader_id, reader in waiting:
            if reader._is_stopping:
                self._forget(reader_id)
            else:
                reader._show_status(
                    StreamStatus(StreamState.NO_SIGNAL, PROCESS_GONE, next_attempt_in_s=RESTART_DELAY_S)
                )

    def close(self, timeout_s: float = 6.0) -> bool:
        """End the process (its readers are told to stop when its socket closes) and the listening thread."""
        is_done, readers = self._end(timeout_s)  # from here on, a reader added ends at once
        with self._lock:
            self._readers.clear()
            self._ids.clear()
        for _, reader in readers:
            reader._ended_now()
        return is_done
