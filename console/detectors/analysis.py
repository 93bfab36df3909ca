"""What the detectors see in one camera's pictures: motion in a zone, tamper, a frozen picture, no picture.

Pure: pictures and times in, findings out (no stream, no thread, no wall clock: the caller passes the
monotonic time of each picture and the room's local time for the zones' schedules), so every rule is
tested on synthetic pictures. The worker process feeds it the camera's decoded luma (the Y plane: grey,
no colour conversion) at the detectors' rate.

Rule 4: nothing here identifies anyone. Motion is a changed area of the picture, in a place, for a
time; tamper and the watchdog look at the picture as a whole.

The thresholds and why (grey levels are 0..255; the analysis picture is 320 px wide):
- motion: OpenCV's MOG2 background model (a mixture of Gaussians per pixel, so a swaying branch or a
  blinking sign learns to be background) with ``varThreshold`` 25 (default 16: night sensor noise came
  through), learning at 1/history once warm (history 200 s of looks: someone who stands still stays motion
  about 20 s; OpenCV's own rate, 1/looks so far, made them background within two looks); the foreground
  opened by a 3x3 kernel (single pixels: rain, snow, noise) and closed by a 5x5 one (a person's parts make
  one blob). A blob counts when it is at least the zone's ``min_area_pct`` of the whole picture; a run of
  looks with such a blob (a missed look or two allowed) must last ``min_duration_s`` to call, so headlights'
  flicker and a gust do not. More than 40 % of the picture changed at once is light (lamps, headlights on
  the lens, the camera's day/night switch), not motion: the model learns the new picture afresh. The first
  looks (the model is empty) and looks while the picture is tampered with never call.
- tamper, against a reference learnt while the picture is normal (the median of five looks, so a passer-by
  is not in it; refreshed every minute while the picture still matches it, so dusk and dawn follow):
  *covered* is a flat picture (standard deviation under 12 levels and the edge energy under a quarter of the
  reference's; without a reference yet, under 6 levels); *moved* is the picture shifted from the reference
  by at least 4 % of its width (phase correlation, with a peak clear of the noise), or matching it no more
  (the peak under a fifth of a normal look's: turned away, rotated, zoomed; a bus hiding half the picture
  keeps about half of it); *out of focus* is the
  edge energy (variance of the Laplacian) under a third of the reference's while the brightness is near the
  reference's (a light switched off is not a blur). Each must hold 1 s (covered: two looks) or 3 s (moved,
  out of focus) to call, and end 3 s after it stops holding.
- frozen: consecutive pictures whose mean difference is under 0.1 grey level, on the full-size luma (a quiet
  night scene's sensor noise differs by a level or more per pixel: it is never that still), for 10 s. A flat
  picture (a covered or black one) is left to tamper: stillness there says nothing.
- video loss: nothing from the camera for 5 s (more than a few key frame intervals of a live camera): no
  packet heard (the caller says each with ``heard``) and no picture; it ends with the first picture back.
  A camera pulled through a relay of the room whose relay cannot be reached (the caller says so with
  ``relay_down``: its port refuses, its connection was reset) waits the room's take-over bound more
  (``relay_takeover_s``): a dead relay's cameras are claimed by another relay within it and the pullers
  move there (a fresh watch, no finding), so one relay's death is not a flood of video losses for cameras
  that never lost their picture. Still nothing after the hold: the video loss is raised, late by the hold
  at most, its detail saying the relay was down (``relay_down``).
  A relay that vanishes without refusing (its PC without power, hung: its connections stall, nothing is reset)
  is told by its heartbeat in the store: the relay renews it every 2 s, the events service reads it each second
  and says when it last saw it change, on its own PC's clock (``relay_seen``; never the relay PC's clock, which
  may be seconds off). A heartbeat unchanged for ``relay_silent_after_s`` (2.5 s) is a silent relay: the loss is
  held for the take-over like a refused one. A dead relay's last change was seen at most a second after the
  camera's last packet, so at the 5 s of a video loss it is 4 s old; a live relay's that came late only holds a
  loss until its next renewal is seen (then raised as the camera's own). A room of one relay has no heartbeats
  to read (nobody would take its cameras) and holds refusals only.
  Packets still arriving without pictures is the detectors being behind (a starved machine decodes late):
  said in their state (``is_behind``), never a video loss: the camera is live, the desks see it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from console.alarms.config import ZoneEntry
from console.alarms.model import AlarmKind, EventSource, TamperCause
from console.detectors.watch import Thresholds


@dataclass(frozen=True)
class Finding:
    """A start (``active``) or end of one alarm kind on the camera; ``detail`` is the event's facts."""

    kind: AlarmKind
    active: bool
    source: EventSource
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def wants_still(self) -> bool:
        """The picture at the finding goes with it (there is none for a video loss)."""
        return not (self.kind is AlarmKind.VIDEO_LOSS and self.active)


def analysis_picture(luma: np.ndarray, width_px: int) -> np.ndarray:
    """The luma scaled down to ``width_px`` (area averaging: noise averages out too), as uint8."""
    height, width = luma.shape[:2]
    if width <= width_px:
        return np.ascontiguousarray(luma)
    size = (width_px, max(2, round(height * width_px / width)))
    return cv2.resize(luma, size, interpolation=cv2.INTER_AREA)


def edge_energy(picture: np.ndarray) -> float:
    """The variance of the Laplacian after a 3x3 blur (single noisy pixels weigh less): high when sharp."""
    smoothed = cv2.GaussianBlur(picture, (3, 3), 0)
    return float(cv2.Laplacian(smoothed, cv2.CV_32F).var())


def zone_mask(zone: ZoneEntry, width: int, height: int) -> np.ndarray:
    points = np.array([[round(x * (width - 1)), round(y * (height - 1))] for x, y in zone.polygon], dtype=np.int32)
    mask = np.zeros((height, width), np.uint8)
    cv2.fillPoly(mask, [points], 255)
    return mask


class _ZoneWatch:
    """One zone: a run of looks with a big enough blob, raised once it lasts, ended after a quiet while."""

    def __init__(self, zone: ZoneEntry, width: int, height: int, thresholds: Thresholds) -> None:
        self.zone = zone
        self.mask = zone_mask(zone, width, height)
        self._thresholds = thresholds
        self._picture_pixels = width * height
        self._run_start_s: float | None = None
        self._last_motion_s = 0.0
        self._largest_pct = 0.0
        self._is_raised = False

    def look(self, foreground: np.ndarray | None, now_s: float, interval_s: float, is_active: bool) -> list[Finding]:
        """``foreground`` None: this look cannot tell (warming up, light change, tamper): no motion counted."""
        if not is_active:
            return self._reset(now_s)
        area_pct = self._largest_blob_pct(foreground) if foreground is not None else 0.0
        gap_s = max(self._thresholds.motion_gap_looks * interval_s, 1.0)
        if area_pct >= self.zone.min_area_pct:
            if self._run_start_s is None or now_s - self._last_motion_s > gap_s:
                if self._is_raised:
                    self._last_motion_s = now_s  # motion again before the end: the same alarm goes on
                else:
                    self._run_start_s, self._largest_pct = now_s, 0.0
            self._last_motion_s = now_s
            self._largest_pct = max(self._largest_pct, area_pct)
            if self._run_start_s is None:
                self._run_start_s = now_s
            if not self._is_raised and now_s - self._run_start_s >= self.zone.min_duration_s:
                self._is_raised = True
                return [self._finding(True, area_pct, now_s)]
            return []
        if self._is_raised and now_s - self._last_motion_s >= self._thresholds.motion_end_quiet_s:
            return self._reset(now_s)
        if not self._is_raised and self._run_start_s is not None and now_s - self._last_motion_s > gap_s:
            self._run_start_s = None  # too short: a gust, a flash
        return []

    def _largest_blob_pct(self, foreground: np.ndarray) -> float:
        inside = cv2.bitwise_and(foreground, self.mask)
        if cv2.countNonZero(inside) * 100.0 < self.zone.min_area_pct * self._picture_pixels:
            return 0.0  # not enough changed in the zone for any blob to count: no labelling (the costly part)
        count, _, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=8)
        if count <= 1:
            return 0.0
        return float(stats[1:, cv2.CC_STAT_AREA].max()) * 100.0 / self._picture_pixels

    def _reset(self, now_s: float) -> list[Finding]:
        was_raised = self._is_raised
        self._run_start_s, self._is_raised = None, False
        return [self._finding(False, 0.0, now_s)] if was_raised else []

    def _finding(self, active: bool, area_pct: float, now_s: float) -> Finding:
        detail: dict[str, Any] = {"zone": self.zone.name}
        if active:
            detail["area_pct"] = round(area_pct, 2)
            detail["largest_area_pct"] = round(self._largest_pct, 2)
            detail["duration_s"] = round(now_s - (self._run_start_s or now_s), 1)
        return Finding(AlarmKind.MOTION, active, EventSource.DETECTOR, detail)


class _Reference:
    """The picture as it should be: learnt from normal looks, compared with each look."""

    def __init__(self, thresholds: Thresholds) -> None:
        self._thresholds = thresholds
        self.picture: np.ndarray | None = None  # float32, windowed for phase correlation
        self.edge_energy = 0.0
        self.brightness = 0.0
        self.match = 1.0  # phase correlation's peak of a normal look against the reference (noise lowers it)
        self._candidates: deque[tuple[np.ndarray, float, float]] = deque(maxlen=thresholds.reference_looks)
        self._last_candidate_s = -math.inf
        self._learnt_s = -math.inf
        self._window: np.ndarray | None = None

    def shift(self, picture: np.ndarray) -> tuple[float, float]:
        """How far (px of ``picture``) it is shifted from the reference, and the correlation peak's strength.

        Correlated at half the size: a quarter of the cost (the dearest step of a look), and a move of 4 % of
        the width is still 6 px there."""
        assert self.picture is not None
        (dx, dy), response = cv2.phaseCorrelate(self.picture, self._windowed(_half(picture)))
        return 2.0 * math.hypot(dx, dy), float(response)

    def offer(self, picture: np.ndarray, energy: float, brightness: float, now_s: float) -> None:
        """A normal look: kept as a candidate (spaced out once there is a reference), learnt from when enough."""
        thresholds = self._thresholds
        spacing_s = 0.0 if self.picture is None else thresholds.reference_refresh_s / thresholds.reference_looks
        if now_s - self._last_candidate_s < spacing_s:
            return
        self._last_candidate_s = now_s
        self._candidates.append((picture, energy, brightness))
        is_due = self.picture is None or now_s - self._learnt_s >= thresholds.reference_refresh_s
        if len(self._candidates) == thresholds.reference_looks and is_due:
            stack = np.stack([candidate[0] for candidate in self._candidates])
            self.picture = self._windowed(_half(np.median(stack, axis=0).astype(np.uint8)))
            self.edge_energy = float(np.median([candidate[1] for candidate in self._candidates]))
            self.brightness = float(np.median([candidate[2] for candidate in self._candidates]))
            self.match = float(np.median([self.shift(candidate[0])[1] for candidate in self._candidates]))
            self._learnt_s = now_s

    def forget_candidates(self) -> None:
        self._candidates.clear()

    def _windowed(self, picture: np.ndarray) -> np.ndarray:
        if self._window is None or self._window.shape != picture.shape:
            self._window = cv2.createHanningWindow((picture.shape[1], picture.shape[0]), cv2.CV_32F)
        return picture.astype(np.float32) * self._window


def _half(picture: np.ndarray) -> np.ndarray:
    return cv2.resize(picture, (picture.shape[1] // 2, picture.shape[0] // 2), interpolation=cv2.INTER_AREA)


class _TamperWatch:
    """Covered, moved, out of focus: one cause at a time (covered first), confirmed, then ended when over."""

    def __init__(self, thresholds: Thresholds) -> None:
        self._thresholds = thresholds
        self.reference = _Reference(thresholds)
        self.active: TamperCause | None = None
        self._pending: TamperCause | None = None
        self._pending_since_s = 0.0
        self._clear_since_s: float | None = None
        self.last_facts: dict[str, Any] = {}

    def cause_of(self, picture: np.ndarray, now_s: float) -> TamperCause | None:
        thresholds, reference = self._thresholds, self.reference
        mean, spread = cv2.meanStdDev(picture)
        brightness, deviation = float(mean[0, 0]), float(spread[0, 0])
        energy = edge_energy(picture)
        has_reference = reference.picture is not None
        if has_reference:
            is_flat = deviation < thresholds.covered_std and energy < thresholds.covered_edge_ratio * max(
                reference.edge_energy, 1e-6
            )
        else:
            is_flat = deviation < thresholds.covered_std_unreferenced and energy < thresholds.covered_edge_unreferenced
        self.last_facts = {"brightness": round(brightness, 1), "contrast": round(deviation, 1)}
        if is_flat:
            return TamperCause.COVERED
        if not has_reference:
            reference.offer(picture, energy, brightness, now_s)
            return None
        shift_px, response = reference.shift(picture)
        self.last_facts.update(shift_pct=round(100.0 * shift_px / picture.shape[1], 1))
        self.last_facts.update(match_pct=round(100.0 * response / max(reference.match, 1e-6)))
        is_shifted = shift_px >= thresholds.moved_shift_pct / 100.0 * picture.shape[1]
        is_lost = response < thresholds.moved_lost_match_ratio * reference.match
        if (is_shifted and response >= thresholds.moved_min_response) or is_lost:
            return TamperCause.MOVED  # shifted, or turned so far (or rotated, zoomed) that nothing matches
        ratio = thresholds.defocus_brightness_ratio
        is_lit_alike = ratio * reference.brightness <= brightness <= reference.brightness / ratio
        self.last_facts.update(sharpness_pct=round(100.0 * energy / max(reference.edge_energy, 1e-6)))
        if is_lit_alike and energy < thresholds.defocus_edge_ratio * reference.edge_energy:
            return TamperCause.DEFOCUSED
        if shift_px <= thresholds.reference_match_px and self.active is None:
            reference.offer(picture, energy, brightness, now_s)  # normal: dusk and dawn follow
        return None

    def look(self, picture: np.ndarray, now_s: float) -> list[Finding]:
        cause = self.cause_of(picture, now_s)
        findings: list[Finding] = []
        if self.active is not None and cause is not self.active:
            if self._clear_since_s is None:
                self._clear_since_s = now_s
            if now_s - self._clear_since_s >= self._thresholds.tamper_end_s:
                findings.append(self._finding(self.active, False))
                self.active, self._clear_since_s = None, None
        elif cause is self.active:
            self._clear_since_s = None
        if cause is None or cause is self.active:
            self._pending = None
            return findings
        if cause is not self._pending:
            self._pending, self._pending_since_s = cause, now_s
        confirm_s = (
            self._thresholds.covered_confirm_s if cause is TamperCause.COVERED else self._thresholds.tamper_confirm_s
        )
        if self.active is None and now_s - self._pending_since_s >= confirm_s:
            self.active, self._pending, self._clear_since_s = cause, None, None
            self.reference.forget_candidates()
            findings.append(self._finding(cause, True))
        return findings

    def _finding(self, cause: TamperCause, active: bool) -> Finding:
        return Finding(AlarmKind.TAMPER, active, EventSource.DETECTOR, {"cause": cause.value, **self.last_facts})


class _FrozenWatch:
    """Pictures that keep coming but do not change, beyond a sensor's noise."""

    def __init__(self, thresholds: Thresholds) -> None:
        self._thresholds = thresholds
        self._previous: np.ndarray | None = None
        self._still_since_s: float | None = None
        self._moving_looks = 0
        self.is_frozen = False
        self.last_difference = 0.0

    def look(self, luma: np.ndarray, now_s: float, is_flat: bool) -> list[Finding]:
        previous, self._previous = self._previous, luma
        if previous is None or previous.shape != luma.shape:
            return []
        self.last_difference = float(cv2.absdiff(previous, luma).mean())
        is_still = self.last_difference < self._thresholds.frozen_mean_diff and not is_flat
        if is_still:
            self._moving_looks = 0
            if self._still_since_s is None:
                self._still_since_s = now_s
            if not self.is_frozen and now_s - self._still_since_s >= self._thresholds.frozen_after_s:
                self.is_frozen = True
                return [self._finding(True, now_s)]
            return []
        self._still_since_s = None
        self._moving_looks += 1
        if self.is_frozen and self._moving_looks >= self._thresholds.frozen_end_looks:
            self.is_frozen = False
            return [self._finding(False, now_s)]
        return []

    def _finding(self, active: bool, now_s: float) -> Finding:
        detail: dict[str, Any] = {"difference": round(self.last_difference, 3)}
        if active and self._still_since_s is not None:
            detail["still_s"] = round(now_s - self._still_since_s, 1)
        return Finding(AlarmKind.FROZEN, active, EventSource.WATCHDOG, detail)


class CameraAnalyser:
    """Every detector of one camera: ``look`` at each picture, ``tick`` on a clock (no picture is a finding too)."""

    def __init__(self, zones: Sequence[ZoneEntry], tamper: bool, frozen: bool, thresholds: Thresholds | None = None,
                 started_s: float = 0.0, relay_takeover_s: float = 0.0) -> None:  # fmt: skip
        self.thresholds = thresholds or Thresholds()
        self.relay_takeover_s = relay_takeover_s  # 0: the camera's own stream (its refusal is its own loss)
        self._is_relay_down = False
        self._relay_changed_s: float | None = None  # when the relay's heartbeat last changed (monotonic); None: unknown
        self._zones_wanted = list(zones)
        self._zones: list[_ZoneWatch] = []
        self._tamper = _TamperWatch(self.thresholds) if tamper else None
        self._frozen = _FrozenWatch(self.thresholds) if frozen else None
        self._background: Any = None
        self._history_looks = 10
        self._looks_of_model = 0
        self._size: tuple[int, int] | None = None
        self._looks = 0
        self._last_look_s: float | None = None
        self._interval_s = 1.0
        self._last_picture_s = started_s
        self._last_heard_s = started_s  # the last packet of the camera (the network's side of video loss)
        self._is_lost = False
        self._open_kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
        self._close_kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))

    @property
    def tamper_cause(self) -> TamperCause | None:
        return self._tamper.active if self._tamper is not None else None

    def look(self, luma: np.ndarray, now_s: float, local: dt.datetime) -> list[Finding]:
        """One picture (the luma, full size) at ``now_s`` (monotonic) and ``local`` (the room's wall clock)."""
        findings = self._picture_back(now_s)
        if self._last_look_s is not None and now_s > self._last_look_s:
            self._interval_s = 0.8 * self._interval_s + 0.2 * (now_s - self._last_look_s)
        self._last_look_s = now_s
        picture = analysis_picture(luma, self.thresholds.analysis_width_px)
        if self._tamper is not None:
            findings += self._tamper.look(picture, now_s)
        if self._frozen is not None:
            is_flat = float(picture.std()) < self.thresholds.covered_std_unreferenced
            findings += self._frozen.look(luma, now_s, is_flat)
        if self._zones_wanted:
            findings += self._motion(picture, now_s, local)
        self._looks += 1
        return findings

    def heard(self, now_s: float) -> None:
        """A packet of the camera arrived at ``now_s`` (decoded or not): the camera is live."""
        self._last_heard_s = now_s
        self._is_relay_down = False

    def relay_down(self, is_down: bool) -> None:
        """The last attempt found the camera's relay unreachable (True) or reached it (False, whatever the camera)."""
        self._is_relay_down = is_down

    def relay_seen(self, changed_s: float) -> None:
        """The camera's relay's heartbeat in the room's store was last seen to change at ``changed_s`` (monotonic)."""
        self._relay_changed_s = changed_s

    def is_relay_silent(self, now_s: float) -> bool:
        """The camera's relay has not renewed its heartbeat for longer than it does: gone with its PC, or hung."""
        changed_s = self._relay_changed_s
        return changed_s is not None and now_s - changed_s > self.thresholds.relay_silent_after_s

    @property
    def is_lost(self) -> bool:
        """A video loss is raised and not ended yet."""
        return self._is_lost

    def lost_already(self) -> None:
        """A video loss raised by the watch this one replaces (the camera moved): the first picture here ends it."""
        self._is_lost = True

    def is_behind(self, now_s: float) -> bool:
        """Packets keep coming but no picture looked at for the video-loss time: decoding lags, the camera is live."""
        after_s = self.thresholds.video_loss_after_s
        return now_s - self._last_picture_s >= after_s and now_s - self._last_heard_s < after_s

    @property
    def is_learning(self) -> bool:
        """The motion model is not warm yet (or learns afresh after a light change or tamper): no motion can call."""
        return bool(self._zones_wanted) and (
            self._background is None or self._looks_of_model < self.thresholds.motion_warmup_looks
        )

    def tick(self, now_s: float) -> list[Finding]:
        """The watchdog: nothing from the camera for too long is a video loss (once, until a picture comes back)."""
        last_s = max(self._last_picture_s, self._last_heard_s)
        is_held = (self._is_relay_down or self.is_relay_silent(now_s)) and self.relay_takeover_s > 0
        after_s = self.thresholds.video_loss_after_s + (self.relay_takeover_s if is_held else 0.0)
        if not self._is_lost and now_s - last_s >= after_s:
            self._is_lost = True
            detail: dict[str, Any] = {"after_s": round(now_s - last_s, 1)}
            if is_held:
                detail["relay_down"] = True  # no other relay took it in time: the relay's fault shows here too
            return [Finding(AlarmKind.VIDEO_LOSS, True, EventSource.WATCHDOG, detail)]
        return []

    def _picture_back(self, now_s: float) -> list[Finding]:
        self._last_picture_s = now_s
        if self._is_lost:
            self._is_lost = False
            return [Finding(AlarmKind.VIDEO_LOSS, False, EventSource.WATCHDOG, {})]
        return []

    def _motion(self, picture: np.ndarray, now_s: float, local: dt.datetime) -> list[Finding]:
        height, width = picture.shape[:2]
        if self._size != (width, height):
            self._size = (width, height)
            self._zones = [_ZoneWatch(zone, width, height, self.thresholds) for zone in self._zones_wanted]
            self._background = None
        if self._background is None:
            self._history_looks = max(10, round(self.thresholds.motion_history_s / max(self._interval_s, 0.05)))
            self._background = cv2.createBackgroundSubtractorMOG2(
                history=self._history_looks, varThreshold=self.thresholds.motion_var_threshold, detectShadows=False
            )
            self._looks_of_model = 0
        # Warming up, the model learns as fast as it can (OpenCV's own rate, 1/looks); then at its history's rate:
        # OpenCV's rate stays fast for a whole history, and a new object became background within two looks.
        is_warm = self._looks_of_model >= self.thresholds.motion_warmup_looks
        mask = self._background.apply(picture, learningRate=1.0 / self._history_looks if is_warm else -1.0)
        self._looks_of_model += 1
        foreground: np.ndarray | None = None
        if is_warm and self.tamper_cause is None:
            changed_pct = 100.0 * cv2.countNonZero(mask) / mask.size
            if changed_pct <= self.thresholds.motion_light_change_pct:
                foreground = cv2.morphologyEx(mask, cv2.MORPH_OPEN, self._open_kernel)
                foreground = cv2.morphologyEx(foreground, cv2.MORPH_CLOSE, self._close_kernel)
            else:
                self._background = None  # the light changed: learn the new picture afresh
        elif self.tamper_cause is not None:
            self._background = None  # what comes after a cover or a move is learnt afresh
        findings: list[Finding] = []
        for zone in self._zones:
            is_active = zone.zone.schedule is None or zone.zone.schedule.is_active(local)
            findings += zone.look(foreground, now_s, self._interval_s, is_active)
        return findings
