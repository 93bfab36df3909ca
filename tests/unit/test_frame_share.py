"""Frames through shared memory: the newest whole frame, never a torn one, across a real second mapping."""

import os
import subprocess
import sys
import time

import numpy as np

from console.paths import REPO_ROOT
from console.video.frame_share import FrameReader, FrameWriter, create_block, map_block
from console.video.stream import Frame


def frame_of(value: int, sequence: int, width: int = 64, height: int = 36) -> tuple[np.ndarray, Frame]:
    rows = np.full((height, width * 4 + 32), value % 256, np.uint8)  # padded rows, as FFmpeg's are
    rows[:, width * 4 :] = 7  # padding must not be copied
    frame = Frame(rows, width, height, 1280, 720, 1.5, 2.5, sequence, "h264")
    return rows, frame


def mapped_twice(width: int = 64, height: int = 36):
    """Writer and reader on two mappings of one memfd, as the decoding process and the console have it."""
    descriptor, block = create_block(width, height)
    other = map_block(os.dup(descriptor))
    os.close(descriptor)
    return FrameWriter(other, (width, height)), FrameReader(block, (width, height))


def test_the_newest_frame_comes_out_whole_with_its_record():
    writer, reader = mapped_twice()
    assert reader.read(0) is None  # nothing written yet
    for sequence in range(1, 6):
        rows, frame = frame_of(sequence * 10, sequence)
        writer.write(rows, frame)
    got = reader.read(0)
    assert got is not None
    assert got.sequence == 5 and (got.width, got.height) == (64, 36) and got.codec == "h264"
    assert (got.source_width, got.source_height, got.arrived_monotonic_s, got.arrived_wall_s) == (1280, 720, 1.5, 2.5)
    assert got.bytes_per_line == 64 * 4  # packed: the padding stayed behind
    assert np.all(got.rows == 50)
    assert reader.read(5) is None  # nothing newer than what the console has


def test_a_header_caught_half_written_never_gives_an_older_frame():
    """The newest frame's sequence and slot are written together but not atomically: a reader can see the new
    sequence beside the old slot. It must not hand out that slot's older frame as new (a picture going back)."""
    from console.video.frame_share import _NEWEST

    writer, reader = mapped_twice()
    for sequence in (1, 2, 3):
        rows, frame = frame_of(sequence, sequence)
        writer.write(rows, frame)
    slot_of_2 = 2 % 3  # frames go into slots 1, 2, 0: frame 2 sits in slot 2
    _NEWEST.pack_into(reader._block, 0, 4, slot_of_2)  # sequence 4 announced, slot still frame 2's
    assert reader.read(3) is None
    assert reader.read(1).sequence == 2  # to a reader that has less, frame 2 is newer


def test_a_smaller_frame_fits_and_a_larger_one_is_refused():
    writer, reader = mapped_twice()
    rows, frame = frame_of(3, 1, width=32, height=18)
    writer.write(rows, frame)
    assert reader.read(0).width == 32
    rows, frame = frame_of(3, 2, width=128, height=72)
    try:
        writer.write(rows, frame)
    except ValueError:
        pass
    else:
        raise AssertionError("a frame larger than its block was written")


WRITER = """
import sys, numpy as np
from console.video.frame_share import FrameWriter, map_block
from console.video.stream import Frame
writer = FrameWriter(map_block(int(sys.argv[1])), (320, 180))
rows = np.empty((180, 320 * 4), np.uint8)
sequence = 0
while True:
    sequence += 1
    rows.fill(sequence % 256)
    writer.write(rows, Frame(rows, 320, 180, 320, 180, 0.0, 0.0, sequence, "h264"))
"""


def test_a_reader_never_copies_a_torn_frame_while_another_process_writes():
    """Each frame is one grey level throughout: a copy mixing two frames would show two levels.

    The writer is another process, on another core, as the decoding process is: it laps the
    slots while the console copies, which a writer in this interpreter would rarely do."""
    descriptor, block = create_block(320, 180)
    reader = FrameReader(block, (320, 180))
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(descriptor)], pass_fds=(descriptor,), cwd=REPO_ROOT)
    os.close(descriptor)
    try:
        seen, last, deadline_s = 0, 0, time.monotonic() + 30
        while seen < 3000 and time.monotonic() < deadline_s:
            got = reader.read(last)
            if got is None:
                continue
            assert got.sequence > last
            levels = np.unique(got.rows)
            assert len(levels) == 1 and levels[0] == got.sequence % 256, f"torn frame {got.sequence}: {levels}"
            last, seen = got.sequence, seen + 1
        assert seen == 3000, f"only {seen} frames read"
    finally:
        writer.kill()
        writer.wait()
