"""The decoding process: every stream of a desk pulled and decoded away from the GUI's interpreter.

Started by :class:`console.video.decoder_process.DecoderProcess` as
``python -m console.video.decoder_host FD NICENESS``. FD is its end of a Unix
socket pair (one message per datagram, JSON, shared memory blocks passed as file
descriptors). Commands: ``start`` (a stream, its timing, its frame block), ``size``
(new bounds, with a new block when they grow) and ``stop``. Reports: ``status``,
``phases`` (when each step to its first picture happened), ``ended`` (its thread has
finished) and ``log`` (the console writes them to its own log).

Why a process: 16 reader threads in the console's interpreter kept taking the GIL
from the GUI thread, whose every Qt call had to win it back (DESIGN.md; issue 11).
Here the readers share a GIL of their own, and the process runs at a lower priority
so the GUI thread gets a core first.
"""

from __future__ import annotations

import ctypes
import functools
import json
import logging
import socket
import sys
from collections.abc import Callable

from console.child_process import MESSAGE_BYTES, Channel, run_child

LOGGER = logging.getLogger("uitkijk.decoder")


def memory_trimmer() -> Callable[[], None]:
    """Give glibc's freed heap pages back to the system (``malloc_trim``); a no-op without glibc.

    A stream that ends frees its demuxer, codec and frames, but glibc keeps the freed pages in
    its heaps, in pieces later streams' allocations do not fit: a tour's streams come and go
    all night, and the process grew with them.
    """
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    trim.argtypes = [ctypes.c_size_t]

    def trim_now() -> None:
        trim(0)  # 0: keep no padding at the top of the heap

    return trim_now


def serve(channel: Channel) -> None:
    """Carry out the console's commands until it closes its end."""
    from console.video.frame_share import FrameWriter, map_block
    from console.video.pyav_reader import ReaderTiming
    from console.video.shared_reader import SharedFrameReader
    from console.video.stream import StreamStatus

    readers: dict[int, SharedFrameReader] = {}
    trim_memory = memory_trimmer()

    def report_status(reader_id: int, status: StreamStatus) -> None:
        channel.send({
            "ev": "status", "id": reader_id, "state": status.state.value, "message": status.message,
            "transport": status.transport, "next": status.next_attempt_in_s, "attempts": status.attempts,
        })  # fmt: skip

    def report_phases(reader_id: int, phases: dict[str, float]) -> None:
        channel.send({"ev": "phases", "id": reader_id, "phases": phases})

    def report_end(reader_id: int) -> None:
        readers.pop(reader_id, None)
        channel.send({"ev": "ended", "id": reader_id})
        trim_memory()  # its stream's memory is freed by now

    while True:
        try:
            data, descriptors, _, _ = socket.recv_fds(channel.connection, MESSAGE_BYTES, 1)
        except OSError:
            break
        if not data:
            break  # the console closed its end (or died)
        try:
            message = json.loads(data)
            reader_id = int(message["id"])
            block = map_block(descriptors[0]) if descriptors else None
            size = (int(message["size"][0]), int(message["size"][1])) if "size" in message else (0, 0)
            existing = readers.get(reader_id)
            if message["op"] == "start" and block is not None:
                open_s, stall_s, backoff_s = message["timing"]
                timing = ReaderTiming(float(open_s), float(stall_s), tuple(float(b) for b in backoff_s))
                reader = SharedFrameReader(
                    str(message["url"]), str(message["name"]), timing, FrameWriter(block, size),
                    first_sequence=int(message.get("sequence", 0)),
                    on_status=functools.partial(report_status, reader_id),
                    on_end=functools.partial(report_end, reader_id),
                    on_phases=functools.partial(report_phases, reader_id),
                )  # fmt: skip
                readers[reader_id] = reader
                reader.start()
            elif message["op"] == "size" and existing is not None:
                existing.resize(size, FrameWriter(block, size) if block is not None else None)
            elif message["op"] == "stop" and existing is not None:
                existing.stop()
            elif message["op"] == "stop":
                channel.send({"ev": "ended", "id": reader_id})
        except Exception:
            LOGGER.exception("a command to the decoding process failed")
    for reader in list(readers.values()):
        reader.stop()
    for reader in list(readers.values()):
        reader.join(1.0)


if __name__ == "__main__":
    sys.exit(run_child(sys.argv, lambda message: json.dumps(message).encode(), serve, LOGGER, "decoding"))
