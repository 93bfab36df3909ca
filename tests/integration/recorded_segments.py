"""Recorded segments for tests without the recorder: simulator clips remuxed to MPEG-TS and indexed in a store.

Two 12 s clips of the simulated cameras (their own colours, 25 fps, a 1 s GOP, no B-frames) are
made once per test session with ffmpeg; a test copies them (``-c copy``, never re-encoded, as the
recorder does) to segments under its own folder and indexes them with ``archive.add_segment``.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import VideoReformatter

from console.sim.clips import ClipSpec, ensure_clips
from console.store import archive
from console.store.backend import Database
from console.video.playback_reader import utc_seconds, utc_text_of

CLIP_S = 12
T0 = utc_seconds("2026-12-05T10:00:00Z")
BLUE = ClipSpec("rec-a", "Opname A", "blauw", "sub", "h264", (30, 40, 140), seconds=CLIP_S)
ORANGE = ClipSpec("rec-b", "Opname B", "oranje", "sub", "h264", (160, 90, 20), seconds=CLIP_S)


def make_clips(folder: Path) -> dict[ClipSpec, Path]:
    return ensure_clips([BLUE, ORANGE], folder)


def remux(clip: Path, path: Path) -> Path:
    """The clip as a segment file, its packets copied (as the recorder writes them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(clip), "-c", "copy",
                    "-f", "mpegts", str(path)], check=True)  # fmt: skip
    return path


def index(database: Database, camera: str, path: Path, start_s: float, end_s: float, is_closed: bool = True) -> int:
    data = path.read_bytes() if path.exists() else b""
    sha256 = hashlib.sha256(data).hexdigest() if is_closed else None
    record = archive.SegmentRecord(0, camera, utc_text_of(start_s), utc_text_of(end_s), str(path), len(data), "h264",
                                   sha256, "test-recorder")  # fmt: skip
    with database.write() as transaction:
        return archive.add_segment(transaction, record)


@dataclass(frozen=True)
class Recording:
    """A camera's segments: BLUE from T0 to T0+12, ORANGE to T0+24, nothing to T0+30, BLUE again to T0+42."""

    camera: str
    first: Path
    second: Path
    third: Path


def record_three_segments(database: Database, clips: dict[ClipSpec, Path], folder: Path,
                          camera: str = "cam-rec") -> Recording:  # fmt: skip
    first = remux(clips[BLUE], folder / camera / "100000.ts")
    second = remux(clips[ORANGE], folder / camera / "100012.ts")
    third = remux(clips[BLUE], folder / camera / "100030.ts")
    index(database, camera, first, T0, T0 + CLIP_S)
    index(database, camera, second, T0 + CLIP_S, T0 + 2 * CLIP_S)
    index(database, camera, third, T0 + 30, T0 + 30 + CLIP_S)
    return Recording(camera, first, second, third)


def picture_at(path: Path, offset_s: float, size: tuple[int, int]) -> np.ndarray:
    """The frame ``offset_s`` after the file's first packet, decoded on its own and scaled as a reader scales it."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        first_pts = None
        for packet in container.demux(stream):
            if packet.pts is None:
                continue
            if first_pts is None:
                first_pts = packet.pts
            for frame in packet.decode():
                if abs((frame.pts - first_pts) * float(stream.time_base) - offset_s) < 0.005:
                    scaled = VideoReformatter().reformat(frame, width=size[0], height=size[1], format="bgra",
                                                         interpolation="BILINEAR")  # fmt: skip
                    plane = scaled.planes[0]
                    rows = np.frombuffer(memoryview(plane), dtype=np.uint8).reshape(size[1], plane.line_size)
                    return rows[:, : size[0] * 4].reshape(size[1], size[0], 4).copy()
    raise AssertionError(f"no frame {offset_s} s into {path}")
