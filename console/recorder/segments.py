"""Segment files: MPEG-TS, the camera's packets as they came (remuxed, never re-encoded), about a minute each.

MPEG-TS because every whole packet in the file plays without an index or a trailer: a
file cut by a crash (SIGKILL, the power) plays up to its last whole packet. The muxer
flushes each packet to the file as it is written (``flush_packets``), so a killed
recorder loses at most the packet it was writing, not a buffer.

The contract the other parts of the archive read (playback, export, retention): a
segment lives at ``ROOT/CAMERA/YYYY/MM/DD/HHMMSS.ts`` (its UTC start; ``-1``, ``-2``... for
another segment of the same second), and the recording time of a packet is the index
row's ``start_utc`` + (its PTS - the file's first PTS).
"""

from __future__ import annotations

import collections
import datetime as dt
import errno
import hashlib
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

from console.store.backend import utc_text

SEGMENT_SUFFIX = ".ts"
HASH_CHUNK_BYTES = 1 << 20


def utc_of(epoch_s: float) -> str:
    """The store's UTC text for an epoch time."""
    return utc_text(dt.datetime.fromtimestamp(epoch_s, dt.UTC))


def epoch_of(text: str) -> float:
    """Epoch seconds of the store's UTC text."""
    moment = dt.datetime.fromisoformat(text)
    return (moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment).timestamp()


def segment_path(root: Path, camera: str, start_epoch_s: float) -> Path:
    """Where a segment starting then goes: a free name, ``HHMMSS.ts`` or ``HHMMSS-1.ts``..."""
    start = dt.datetime.fromtimestamp(start_epoch_s, dt.UTC)
    folder = root / camera / f"{start:%Y}" / f"{start:%m}" / f"{start:%d}"
    stem = f"{start:%H%M%S}"
    candidate = folder / f"{stem}{SEGMENT_SUFFIX}"
    index = 0
    while candidate.exists():
        index += 1
        candidate = folder / f"{stem}-{index}{SEGMENT_SUFFIX}"
    return candidate


def file_hash(path: Path) -> tuple[int, str]:
    """The file's size and SHA-256, read in chunks (a minute of main stream is several MB)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


class SegmentFile:
    """One segment being written: packets in, PTS rebased to the segment's first (the muxer needs them rising)."""

    def __init__(self, path: Path, template: av.video.stream.VideoStream) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # flush_packets: each packet reaches the file (the kernel's cache) when muxed; a SIGKILL loses nothing written.
        self._output = av.open(str(path), "w", format="mpegts", options={"flush_packets": "1"})
        try:
            self._stream = self._output.add_stream_from_template(template)
        except BaseException:
            self._output.close()
            raise
        self._seconds_per_tick = float(template.time_base or Fraction(1, 90000))  # float: Fraction is slow per packet
        self.first_pts: int | None = None
        self.last_pts: int | None = None
        self._last_dts: int | None = None
        self._frame_ticks = 0  # the last packet's length, in the stream's ticks
        self._deltas: collections.deque[int] = collections.deque(maxlen=25)
        self.packets = 0

    def write(self, packet: av.Packet) -> None:
        """Mux one packet (its PTS known); raises OSError (ENOSPC...) as FFmpeg reports it."""
        pts = packet.pts
        assert pts is not None
        dts = packet.dts if packet.dts is not None else pts
        if self.first_pts is None:
            self.first_pts = min(pts, dts)
        if self._last_dts is not None and dts <= self._last_dts:
            return  # a repeated or backward packet: the muxer would refuse it; nothing of the picture is lost
        if packet.duration:
            self._frame_ticks = int(packet.duration)
        elif self.last_pts is not None and pts > self.last_pts:
            self._deltas.append(pts - self.last_pts)  # a camera's frame interval: the median of the last ones
            self._frame_ticks = sorted(self._deltas)[len(self._deltas) // 2]
        packet.pts, packet.dts = pts - self.first_pts, dts - self.first_pts
        packet.stream = self._stream
        self._output.mux(packet)
        self._last_dts = dts
        self.last_pts = pts if self.last_pts is None else max(self.last_pts, pts)
        self.packets += 1

    def seconds_from_first(self, pts: int) -> float:
        return (pts - (self.first_pts or 0)) * self._seconds_per_tick

    @property
    def written_s(self) -> float:
        """How much the file holds: from its first packet to the end of its last."""
        if self.last_pts is None:
            return 0.0
        return self.seconds_from_first(self.last_pts + self._frame_ticks)

    def size_bytes(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def close(self) -> None:
        """Finish the file (the muxer's last bytes); OSError when they cannot be written (the file keeps the rest)."""
        self._output.close()


@dataclass(frozen=True)
class FileSpan:
    """What a segment file holds, read back: seconds from its first packet to the end of its last whole one."""

    packets: int
    whole_s: float
    codec: str | None


def read_span(path: Path) -> FileSpan:
    """Demux a segment (no decoding): its packets and how long it plays up to its last WHOLE packet.

    The last packet of a file cut by a crash may be torn (MPEG-TS does not say a video packet's
    length), so it counts only as the end of the one before it: at most one frame is given up.
    Raises OSError or av.error.FFmpegError when the file is missing or holds no MPEG-TS.
    """
    with av.open(str(path), "r", format="mpegts") as container:
        if not container.streams.video:
            return FileSpan(0, 0.0, None)
        stream = container.streams.video[0]
        time_base = stream.time_base or Fraction(1, 90000)
        first: int | None = None
        last: int | None = None
        packets = 0
        for packet in container.demux(stream):
            if packet.size == 0 or packet.pts is None:
                continue
            packets += 1
            first = packet.pts if first is None else min(first, packet.pts)
            last = packet.pts if last is None else max(last, packet.pts)
        codec = stream.codec_context.name if stream.codec_context else None
    if first is None or last is None:
        return FileSpan(0, 0.0, codec)
    return FileSpan(packets, float((last - first) * time_base), codec)


def is_disk_full(error: BaseException) -> bool:
    """The write failed for want of space (the disk, or the account's quota)."""
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
