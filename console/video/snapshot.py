"""A still from a camera's main stream at full resolution, as evidence (PNG, lossless).

Its own short connection: the wall's readers scale their frames to the tile, and
evidence must be the camera's own pixels. The first decodable frame after a
key frame is taken; TCP first, UDP for a camera that refuses TCP.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

import av
import cv2
import numpy as np

from console.config.secrets import mask


class SnapshotFailed(Exception):
    pass


@dataclass(frozen=True)
class Still:
    png: bytes
    sha256: str
    width: int
    height: int
    grabbed_monotonic_s: float


def grab_still(url: str, timeout_s: float = 6.0) -> Still:
    """Connect, decode one full-resolution frame, encode it as PNG. Runs off the GUI thread."""
    errors = []
    for transport in ("tcp", "udp"):
        options = {"rtsp_transport": transport, "timeout": str(int(timeout_s * 1_000_000))}
        try:
            with av.open(url, options=options, timeout=(timeout_s, timeout_s)) as container:
                stream = container.streams.video[0]
                stream.thread_type = "AUTO"
                for frame in container.decode(stream):  # FFmpeg waits for a key frame; reads time out
                    return _encode(frame.to_ndarray(format="bgr24"))
        except av.error.FFmpegError as error:
            errors.append(f"{transport}: {error}")
    raise SnapshotFailed(mask(f"no picture from the main stream ({'; '.join(errors) or 'no frame'})"))


def _encode(image: np.ndarray) -> Still:
    is_ok, encoded = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 3])
    if not is_ok:
        raise SnapshotFailed("the picture could not be encoded as PNG")
    png = encoded.tobytes()
    return Still(png, hashlib.sha256(png).hexdigest(), image.shape[1], image.shape[0], time.monotonic())
