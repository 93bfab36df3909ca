"""Frames shared between the decoding process and the console, without a lock.

The decoding process writes each scaled frame into one of a few slots of a shared
memory block; the console copies the newest slot out when a tile polls it. Neither side
ever waits for the other: each slot carries a write count that is odd while it is being
written (a sequence lock), and a reader that finds it odd, or changed after its copy,
tries again or keeps its previous frame. The copy is small (a 320x180 tile is 230 KB,
some 30 us) and makes every :class:`Frame` the console holds its own.

Layout: a header page (the newest frame's sequence and slot, then one record per slot),
then ``SLOTS`` slots of ``width * height * 4`` bytes, rows packed (``width * 4`` bytes).
"""

from __future__ import annotations

import mmap
import os
import struct

import numpy as np

from console.video.stream import Frame

SLOTS = 3  # the writer fills the slot after the newest; a reader copying the newest is never overwritten mid-copy
HEADER_BYTES = 4096  # page-aligned pixels
_NEWEST = struct.Struct("<QI")  # sequence of the newest frame (0: none yet), its slot
_COUNT = struct.Struct("<Q")
# write count, sequence, width, height, source width, source height, arrived monotonic, arrived wall, codec
_RECORD = struct.Struct("<QQIIIIdd16s")
_RECORD_OFFSET = 64
_RECORD_STRIDE = 128
_READ_ATTEMPTS = 3


def capacity_bytes(width: int, height: int) -> int:
    return int(width) * int(height) * 4


def block_bytes(width: int, height: int) -> int:
    """The whole shared block for frames of at most ``width`` x ``height``."""
    return HEADER_BYTES + SLOTS * capacity_bytes(width, height)


def create_block(width: int, height: int) -> tuple[int, mmap.mmap]:
    """An anonymous shared block (a memfd: no name on disk, gone when both sides let go) and its mapping."""
    descriptor = os.memfd_create("uitkijk-frames", os.MFD_CLOEXEC)
    size = block_bytes(width, height)
    os.ftruncate(descriptor, size)
    return descriptor, mmap.mmap(descriptor, size)


def map_block(descriptor: int) -> mmap.mmap:
    """Map a block received from the other side, then close the descriptor (the mapping keeps it)."""
    try:
        return mmap.mmap(descriptor, os.fstat(descriptor).st_size)
    finally:
        os.close(descriptor)


class FrameWriter:
    """The decoding side of one block: frames of at most ``max_size`` go in turn into the slots."""

    def __init__(self, block: mmap.mmap, max_size: tuple[int, int]) -> None:
        self._block = block
        self.max_size = max_size
        self._capacity = capacity_bytes(*max_size)
        if len(block) < block_bytes(*max_size):
            raise ValueError("the shared block is smaller than its frames")
        self._newest_slot = _NEWEST.unpack_from(block, 0)[1] % SLOTS

    def write(self, rows: np.ndarray, frame: Frame) -> None:
        """Copy ``rows`` (``frame.height`` rows of at least ``width * 4`` bytes) into the next slot, then publish."""
        row_bytes = frame.width * 4
        if frame.height * row_bytes > self._capacity:
            raise ValueError(f"a {frame.width}x{frame.height} frame does not fit a block for {self.max_size}")
        slot = (self._newest_slot + 1) % SLOTS
        record = _RECORD_OFFSET + slot * _RECORD_STRIDE
        count = _COUNT.unpack_from(self._block, record)[0]
        _COUNT.pack_into(self._block, record, count + 1)  # odd: being written
        pixels = np.ndarray(
            (frame.height, row_bytes), np.uint8, buffer=self._block, offset=HEADER_BYTES + slot * self._capacity
        )
        np.copyto(pixels, rows[: frame.height, :row_bytes])
        del pixels  # no view may outlive the call: the block is closed when it is replaced
        codec = frame.codec.encode("ascii", "replace")[:16]
        _RECORD.pack_into(self._block, record, count + 1, frame.sequence, frame.width, frame.height,
                          frame.source_width, frame.source_height, frame.arrived_monotonic_s, frame.arrived_wall_s,
                          codec)  # fmt: skip
        _COUNT.pack_into(self._block, record, count + 2)  # even: whole again
        _NEWEST.pack_into(self._block, 0, frame.sequence, slot)
        self._newest_slot = slot


class FrameReader:
    """The console's side of one block: the newest frame, copied out, or None when there is none newer."""

    def __init__(self, block: mmap.mmap, max_size: tuple[int, int]) -> None:
        self._block = block
        self.max_size = max_size
        self._capacity = capacity_bytes(*max_size)

    def newest_sequence(self) -> int:
        return int(_NEWEST.unpack_from(self._block, 0)[0])

    def read(self, newer_than: int) -> Frame | None:
        for _ in range(_READ_ATTEMPTS):
            sequence, slot = _NEWEST.unpack_from(self._block, 0)
            if sequence <= newer_than or slot >= SLOTS:
                return None
            record = _RECORD_OFFSET + slot * _RECORD_STRIDE
            count, sequence, width, height, source_width, source_height, monotonic_s, wall_s, codec = (
                _RECORD.unpack_from(self._block, record)
            )
            if count % 2 or width * height * 4 > self._capacity or not width or not height:
                continue  # being written (or not yet): look again
            if sequence <= newer_than:
                continue  # the header's two fields were caught half-written: its slot is still the older one
            rows = np.frombuffer(
                self._block, np.uint8, count=height * width * 4, offset=HEADER_BYTES + slot * self._capacity
            )
            copied = rows.reshape(height, width * 4).copy()
            del rows
            if _COUNT.unpack_from(self._block, record)[0] != count:
                continue  # overwritten while copying
            return Frame(
                rows=copied,
                width=width,
                height=height,
                source_width=source_width,
                source_height=source_height,
                arrived_monotonic_s=monotonic_s,
                arrived_wall_s=wall_s,
                sequence=sequence,
                codec=codec.rstrip(b"\0").decode("ascii", "replace"),
            )
        return None
