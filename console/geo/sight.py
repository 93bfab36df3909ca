"""What a camera sees from where it stands, and how a PTZ camera turns to look at a spot.

Distances and bearings on the WGS84 sphere are exact enough within a police zone (a few
kilometres: the error is centimetres). A fixed camera sees a spot inside its cone (heading
and field of view) up to ``SIGHT_RANGE_M``; a PTZ camera sees all around it up to that range.
A PTZ camera's pan -1..1 is the whole circle around ``heading_deg`` (its bearing at pan 0,
ONVIF's generic space); its tilt -1..1 spans +-``tilt_range_deg`` about the horizon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from console.config.schema import Camera

EARTH_RADIUS_M = 6_371_008.8
SIGHT_RANGE_M = 150.0  # beyond this a camera of the street shows a spot too small to tell anything


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The compass bearing from the first point to the second: 0 north, 90 east."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlambda = math.radians(lon2 - lon1)
    y = math.sin(dlambda) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlambda)
    return math.degrees(math.atan2(y, x)) % 360


def destination(lat: float, lon: float, bearing: float, distance: float) -> tuple[float, float]:
    """The (lat, lon) ``distance`` metres from a place along a compass bearing."""
    phi1, lambda1, theta = math.radians(lat), math.radians(lon), math.radians(bearing)
    delta = distance / EARTH_RADIUS_M
    phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta))
    lambda2 = lambda1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi1),
                                   math.cos(delta) - math.sin(phi1) * math.sin(phi2))  # fmt: skip
    return math.degrees(phi2), math.degrees(lambda2)


def angle_between_deg(a: float, b: float) -> float:
    """The smaller angle between two bearings (0..180)."""
    return abs((a - b + 180) % 360 - 180)


@dataclass(frozen=True)
class Viewpoint:
    """A camera as the map knows it: where it stands, which way it looks, how wide, how high."""

    camera_id: str
    lat: float
    lon: float
    heading_deg: float | None  # a fixed camera's view direction; a PTZ camera's bearing at pan 0
    fov_deg: float
    height_m: float
    is_ptz: bool
    tilt_range_deg: float = 90.0

    def heading_now(self, pan: float | None) -> float | None:
        """Where it looks now: a PTZ camera's pan turns it about its pan-0 bearing."""
        if self.heading_deg is None:
            return None
        if self.is_ptz and pan is not None:
            return (self.heading_deg + pan * 180.0) % 360
        return self.heading_deg

    def sees(self, lat: float, lon: float, range_m: float = SIGHT_RANGE_M) -> bool:
        """Can it show the spot: in range, and (a fixed camera) inside its cone."""
        if distance_m(self.lat, self.lon, lat, lon) > range_m:
            return False
        if self.is_ptz or self.heading_deg is None:
            return self.is_ptz  # a fixed camera without a known heading is not claimed to see it
        return angle_between_deg(bearing_deg(self.lat, self.lon, lat, lon), self.heading_deg) <= self.fov_deg / 2

    def aim(self, lat: float, lon: float) -> tuple[float, float]:
        """The (pan, tilt) in ONVIF's generic space that puts the spot at the picture's centre."""
        if not self.is_ptz or self.heading_deg is None:
            raise ValueError(f"{self.camera_id} is not a PTZ camera with a known heading")
        turn = (bearing_deg(self.lat, self.lon, lat, lon) - self.heading_deg + 180) % 360 - 180
        pan = turn / 180.0
        ground_m = max(distance_m(self.lat, self.lon, lat, lon), 0.5)
        depression_deg = math.degrees(math.atan2(self.height_m, ground_m))
        tilt = max(-1.0, min(1.0, -depression_deg / self.tilt_range_deg))
        return round(max(-1.0, min(1.0, pan)), 4), round(tilt, 4)


def cameras_seeing(lat: float, lon: float, viewpoints: list[Viewpoint], range_m: float = SIGHT_RANGE_M) -> list[str]:
    """The cameras that can show a spot, nearest first."""
    seeing = [view for view in viewpoints if view.sees(lat, lon, range_m)]
    seeing.sort(key=lambda view: distance_m(view.lat, view.lon, lat, lon))
    return [view.camera_id for view in seeing]


def viewpoint(camera: Camera) -> Viewpoint:
    where = camera.location
    return Viewpoint(camera.id, where.lat, where.lon, where.heading_deg, where.fov_deg, where.height_m,
                     camera.kind == "ptz", where.tilt_range_deg)  # fmt: skip
