"""Outside footage (a bodycam's, a drone's file) read with PyAV: probed whole, then remuxed into the archive.

The archive keeps a camera's packets without re-encoding, in MPEG-TS segments of about a
minute; an imported file is cut the same way, at key frames, its H.264 or H.265 packets copied.
The probe reads every packet (no decoding but the first picture): a file that is not a video,
has no picture, or ends before its own header says it does (cut short, a copy broken off) is
refused before anything is written. Only the picture is kept (the archive holds video).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error

CODECS = ("h264", "hevc")  # what the archive's players decode, and MPEG-TS carries as it is
SEGMENT_S = 60.0
_SHORT_TOLERANCE_S = 0.5  # a file's last packet may end this much before its header's duration


class FootageUnreadable(Exception):
    """Why a file cannot be taken into the archive (one English line)."""


@dataclass(frozen=True)
class Probed:
    codec: str
    width: int
    height: int
    duration_s: float  # first packet to the end of the last
    packets: int
    bytes: int


@dataclass(frozen=True)
class Piece:
    """One segment written: where, its offset from the file's first packet, its length, size and hash."""

    path: Path
    offset_s: float
    duration_s: float
    bytes: int
    sha256: str


def _open(path: Path) -> av.container.InputContainer:
    try:
        return av.open(str(path), "r", options={"probesize": "5000000"})
    except av.error.FileNotFoundError:
        raise FootageUnreadable("is not there (file not found)") from None
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as error:
        raise FootageUnreadable(f"is not a video, or is cut short before its index ({_why(error)})") from None


def _why(error: BaseException) -> str:
    return getattr(error, "strerror", None) or type(error).__name__


def probe(path: Path) -> Probed:
    """Read every packet of the file's picture; FootageUnreadable when it is no video, or is cut short or damaged."""
    with _open(path) as container:
        if not container.streams.video:
            raise FootageUnreadable("holds no picture (no video stream)")
        stream = container.streams.video[0]
        codec = stream.codec_context.name
        if codec not in CODECS:
            raise FootageUnreadable(f"its picture is {codec}, not H.264 or H.265: the archive keeps packets as they "
                                    "are and plays those two")  # fmt: skip
        time_base = stream.time_base or Fraction(1, 90000)
        first = end = None
        count = size = corrupt = 0
        try:
            for packet in container.demux(stream):
                if packet.dts is None or packet.pts is None:
                    continue  # the demuxer's flush
                count += 1
                size += packet.size
                corrupt += packet.is_corrupt
                first = packet.pts if first is None else min(first, packet.pts)
                packet_end = packet.pts + (packet.duration or 0)
                end = packet_end if end is None else max(end, packet_end)
        except av.error.FFmpegError as error:
            raise FootageUnreadable(f"is damaged after {count} packets ({_why(error)})") from None
        if count == 0 or first is None or end is None:
            raise FootageUnreadable("holds no picture (no video packet)")
        if corrupt:
            raise FootageUnreadable(f"is cut short or damaged: {corrupt} of its {count} packets are broken")
        duration_s = float((end - first) * time_base)
        declared_s = (container.duration or 0) / av.time_base
        if stream.frames and count < stream.frames:
            raise FootageUnreadable(f"is cut short: {count} of the {stream.frames} pictures its header lists")
        if declared_s and duration_s < declared_s - max(_SHORT_TOLERANCE_S, declared_s * 0.02):
            raise FootageUnreadable(f"is cut short: it ends after {duration_s:.1f} s of the {declared_s:.1f} s its "
                                    "header says")  # fmt: skip
        return Probed(codec, stream.codec_context.width, stream.codec_context.height, duration_s, count, size)


def remux(path: Path, place: Callable[[float], Path], segment_s: float = SEGMENT_S) -> list[Piece]:
    """Copy the file's picture into MPEG-TS segments cut at the first key frame past ``segment_s``.

    ``place(offset_s)`` names each segment's file (written as NAME.part, left for the caller to rename once
    the index holds it); every file written is flushed to disk and hashed. FootageUnreadable if PyAV fails."""
    pieces: list[Piece] = []
    written: list[Path] = []
    try:
        with _open(path) as container:
            stream = container.streams.video[0]
            time_base = stream.time_base or Fraction(1, 90000)
            output: av.container.OutputContainer | None = None
            target = None
            file_first = segment_first = last_end = None
            for packet in container.demux(stream):
                if packet.dts is None or packet.pts is None:
                    continue
                file_first = packet.pts if file_first is None else file_first
                cut = segment_first is None or (
                    packet.is_keyframe and float((packet.pts - segment_first) * time_base) >= segment_s
                )
                if cut:
                    if output is not None and target is not None:
                        output.close()
                        pieces.append(_piece(target, segment_first, last_end, file_first, time_base))
                    segment_first = packet.pts
                    target = place(float((packet.pts - file_first) * time_base))
                    written.append(_part(target))
                    output = av.open(str(_part(target)), "w", format="mpegts")
                    out_stream = output.add_stream_from_template(stream)
                assert output is not None
                packet_end = packet.pts + (packet.duration or 0)
                last_end = packet_end if last_end is None else max(last_end, packet_end)
                packet.stream = out_stream
                output.mux(packet)
            if output is not None and target is not None:
                output.close()
                pieces.append(_piece(target, segment_first, last_end, file_first, time_base))
    except av.error.FFmpegError as error:
        for part in written:
            part.unlink(missing_ok=True)
        raise FootageUnreadable(f"could not be copied into the archive ({_why(error)})") from None
    except BaseException:
        for part in written:
            part.unlink(missing_ok=True)
        raise
    return pieces


def _part(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _piece(target: Path, first: int | None, end: int | None, file_first: int | None, time_base: Fraction) -> Piece:
    assert first is not None and end is not None and file_first is not None
    part = _part(target)
    digest = hashlib.sha256()
    with open(part, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
        os.fsync(handle.fileno())
    return Piece(target, float((first - file_first) * time_base), float((end - first) * time_base),
                 part.stat().st_size, digest.hexdigest())  # fmt: skip
