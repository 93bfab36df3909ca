"""Which cameras the console's own detectors watch, and how: what the events service hands the pool.

One :class:`WatchedCamera` per camera of ``alarms.yaml``'s detectors (those with a motion zone, and
those the ``detectors:`` entry names, by camera or area). The URL is the events service's to choose
(the camera's sub-stream, through the room's relay when there is one): the detectors never pick a
stream themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from console.alarms.config import AlarmRules, ZoneEntry


@dataclass(frozen=True)
class WatchedCamera:
    """One camera for the detectors: its stream, its motion zones, and which checks run on it.

    ``fps`` is the most pictures a second the detectors look at (they look at fewer when the stream's
    key frames come at least once a second: decoding only those is the cheapest way to look).
    """

    camera_id: str
    url: str
    zones: Sequence[ZoneEntry] = ()
    tamper: bool = True
    frozen: bool = True
    fps: float = 2.0
    relay_takeover_s: float = 0.0  # through a relay of the room: how long a dead relay's camera may take to be served
    # again by another (its video loss is held that long more); 0: the camera's own stream, no hold


def watched_cameras(rules: AlarmRules, url_of: Callable[[str], str | None]) -> list[WatchedCamera]:
    """The cameras ``alarms.yaml`` has the detectors watch; ``url_of`` gives a camera's stream (None: skip it)."""
    detectors = rules.file.detectors
    cameras = []
    for camera_id in rules.watched_cameras():
        url = url_of(camera_id)
        if url is None:
            continue
        cameras.append(
            WatchedCamera(
                camera_id, url, tuple(rules.zones_of(camera_id)), detectors.tamper, detectors.frozen, detectors.fps
            )  # fmt: skip
        )
    return cameras


@dataclass(frozen=True)
class Thresholds:
    """Every threshold of the detectors, with its unit (``analysis.py`` says why each is what it is)."""

    analysis_width_px: int = 320
    motion_var_threshold: float = 25.0  # MOG2's squared Mahalanobis distance for a pixel to be foreground
    motion_history_s: float = 200.0  # what MOG2 remembers: who stands still stays motion about a tenth of it
    motion_warmup_looks: int = 4  # looks before the background model is trusted
    motion_light_change_pct: float = 40.0  # more of the picture changed at once: light, not motion
    motion_gap_looks: float = 2.5  # a run of motion survives this many look intervals without motion
    motion_end_quiet_s: float = 5.0  # a raised motion ends after this long without motion in the zone
    covered_std: float = 12.0  # grey levels: a flatter picture has nothing in front of the lens but the cover
    covered_std_unreferenced: float = 6.0  # grey levels: flat enough to call without a reference...
    covered_edge_unreferenced: float = 4.0  # ...with no more edge energy than this (a dark scene's noise has more)
    covered_edge_ratio: float = 0.25  # of the reference's edge energy
    moved_shift_pct: float = 4.0  # of the picture's width
    moved_min_response: float = 0.05  # phase correlation's peak: under this the shift is noise
    moved_lost_match_ratio: float = 0.2  # of a normal look's peak: under this nothing matches the reference
    defocus_edge_ratio: float = 0.33  # of the reference's edge energy
    defocus_brightness_ratio: float = 0.6  # the mean brightness within this ratio of the reference's (both ways)
    covered_confirm_s: float = 1.0  # two looks a second apart: one flat picture (a glitch, a flash) does not call
    tamper_confirm_s: float = 3.0  # moved, out of focus
    tamper_end_s: float = 3.0
    reference_looks: int = 5
    reference_refresh_s: float = 60.0
    reference_match_px: float = 2.0  # a look this close to the reference may refresh it
    frozen_mean_diff: float = 0.1  # grey levels per pixel, on the full-size luma
    frozen_after_s: float = 10.0
    frozen_end_looks: int = 2
    video_loss_after_s: float = 5.0
    # A room's relay renews its heartbeat every 2 s (relay.claims.RENEW_EVERY_S): unchanged longer, it is silent.
    relay_silent_after_s: float = 2.5


@dataclass(frozen=True)
class DetectorTiming:
    answer_timeout_s: float = 3.0  # opening, and a silence while reading: the camera is down after this
    backoff_s: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0)  # spaced retries of a camera down; the last repeats
