"""A georeferenced picture: where a place on the earth is drawn, and which place a pixel shows.

A north-up picture whose corners are known: in WGS84 the pixel grid follows longitude and
latitude linearly (an equirectangular export, exact to a pixel over a city); in Belgian
Lambert 2008 a place is projected with pyproj first, then placed linearly in metres.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from pyproj import Transformer

LAMBERT_2008 = "EPSG:3812"
WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class Georeference:
    crs: str  # "wgs84" | "lambert2008"
    top_left: tuple[float, float]  # (lon, lat) or (x, y) of the picture's top-left corner
    bottom_right: tuple[float, float]
    width_px: int
    height_px: int

    @cached_property
    def _to_lambert(self) -> Transformer:
        return Transformer.from_crs(WGS84, LAMBERT_2008, always_xy=True)

    @cached_property
    def _from_lambert(self) -> Transformer:
        return Transformer.from_crs(LAMBERT_2008, WGS84, always_xy=True)

    def _projected(self, lat: float, lon: float) -> tuple[float, float]:
        if self.crs == "lambert2008":
            x, y = self._to_lambert.transform(lon, lat)
            return float(x), float(y)
        return lon, lat

    def to_pixel(self, lat: float, lon: float) -> tuple[float, float]:
        """Where (lat, lon) is drawn, in the picture's pixels (x right, y down)."""
        x, y = self._projected(lat, lon)
        (left, top), (right, bottom) = self.top_left, self.bottom_right
        return (x - left) / (right - left) * self.width_px, (top - y) / (top - bottom) * self.height_px

    def to_place(self, x_px: float, y_px: float) -> tuple[float, float]:
        """The (lat, lon) a pixel of the picture shows."""
        (left, top), (right, bottom) = self.top_left, self.bottom_right
        x = left + x_px / self.width_px * (right - left)
        y = top - y_px / self.height_px * (top - bottom)
        if self.crs == "lambert2008":
            lon, lat = self._from_lambert.transform(x, y)
            return float(lat), float(lon)
        return y, x

    @property
    def metres_per_px(self) -> float:
        if self.crs == "lambert2008":
            return (self.bottom_right[0] - self.top_left[0]) / self.width_px
        return (self.bottom_right[0] - self.top_left[0]) * 111_320 * 0.63 / self.width_px  # cos(51 deg)

    @classmethod
    def around(cls, places: Iterable[tuple[float, float]], width_px: int = 2400, margin: float = 0.12) -> Georeference:
        """A plain plan's frame: every (lat, lon) given, with a margin, square metres to square pixels."""
        points = list(places) or [(50.85, 4.35)]
        lats, lons = [lat for lat, _ in points], [lon for _, lon in points]
        lat_span = max(max(lats) - min(lats), 0.002)
        lon_span = max(max(lons) - min(lons), 0.003)
        north, south = max(lats) + lat_span * margin, min(lats) - lat_span * margin
        west, east = min(lons) - lon_span * margin, max(lons) + lon_span * margin
        aspect = (north - south) / ((east - west) * math.cos(math.radians((north + south) / 2)))
        return cls("wgs84", (west, north), (east, south), width_px, max(1, round(width_px * aspect)))
