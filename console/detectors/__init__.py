"""The console's own detectors: motion in a zone, tamper, frozen picture and video loss, in processes of their own.

The events service builds the cameras with :func:`watched_cameras` and runs one :class:`DetectorPool`.
"""

from console.detectors.pool import DetectorPool
from console.detectors.watch import DetectorTiming, Thresholds, WatchedCamera, watched_cameras

__all__ = ["DetectorPool", "DetectorTiming", "Thresholds", "WatchedCamera", "watched_cameras"]
