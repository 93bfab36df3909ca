"""A plain plan drawn from the configuration: each area as the hull of its cameras, each street as a line.

For a zone without a map picture: the operator still sees where the cameras are against
each other, which area is which, and which cameras stand on the same street.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.config.loader import CameraConfig
from console.geo.sight import distance_m

Point = tuple[float, float]  # (lat, lon)


@dataclass(frozen=True)
class Plan:
    areas: tuple[tuple[str, tuple[Point, ...]], ...]  # name, hull (lat, lon), clockwise
    streets: tuple[tuple[str, tuple[Point, ...]], ...]  # name, polyline through its cameras
    links: tuple[tuple[str, tuple[Point, ...]], ...] = ()  # each camera to its nearest: the lanes between


def _hull(points: list[Point]) -> list[Point]:
    """Andrew's monotone chain on (lon, lat): the convex hull, in order."""
    unique = sorted(set(points), key=lambda point: (point[1], point[0]))
    if len(unique) < 3:
        return unique

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1])

    lower: list[Point] = []
    for point in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    upper: list[Point] = []
    for point in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def _padded(hull: list[Point], pad_deg: float = 0.0006) -> tuple[Point, ...]:
    """The hull pushed out from its centre, so a single camera or a line still makes an area."""
    if not hull:
        return ()
    lat_c = sum(lat for lat, _ in hull) / len(hull)
    lon_c = sum(lon for _, lon in hull) / len(hull)
    if len(hull) < 3:  # a point or a line: a small diamond around each point
        steps = ((pad_deg, 0.0), (0.0, pad_deg * 1.6), (-pad_deg, 0.0), (0.0, -pad_deg * 1.6))
        grown = [(lat + d_lat, lon + d_lon) for lat, lon in hull for d_lat, d_lon in steps]
        return tuple(_hull(grown))
    result = []
    for lat, lon in hull:
        d_lat, d_lon = lat - lat_c, lon - lon_c
        length = max((d_lat**2 + (d_lon * 0.63) ** 2) ** 0.5, 1e-9)
        result.append((lat + d_lat / length * pad_deg, lon + d_lon / length * pad_deg / 0.63))
    return tuple(result)


def _core(points: list[Point], reach_m: float = 700.0) -> list[Point]:
    """An area's cameras without the far ones (an ANPR camera on the road out of town is not the area)."""
    lats, lons = sorted(lat for lat, _ in points), sorted(lon for _, lon in points)
    middle = (lats[len(lats) // 2], lons[len(lons) // 2])
    near = [point for point in points if distance_m(*middle, *point) <= reach_m]
    return near or points


def neighbour_lines(points: list[Point], reach_m: float = 550.0, count: int = 2) -> list[tuple[Point, Point]]:
    """Each place joined to its nearest neighbours within reach: the plain plan's street network."""
    lines: set[tuple[Point, Point]] = set()
    for point in points:
        others = sorted((distance_m(*point, *other), other) for other in points if other != point)
        for distance, other in others[:count]:
            if distance <= reach_m:
                lines.add((min(point, other), max(point, other)))
    return sorted(lines)


def plain_plan(config: CameraConfig) -> Plan:
    by_area: dict[str, list[Point]] = {}
    by_street: dict[str, list[Point]] = {}
    for camera in config.cameras:
        point = (camera.location.lat, camera.location.lon)
        by_area.setdefault(camera.area, []).append(point)
        by_street.setdefault(camera.location.street, []).append(point)
    areas = tuple((config.area_name(area), _padded(_hull(_core(points)))) for area, points in by_area.items())
    streets = []
    for street, points in by_street.items():
        unique = sorted(set(points), key=lambda point: (point[1], point[0]))  # west to east
        if len(unique) >= 2:
            streets.append((street, tuple(unique)))
    every = sorted({(camera.location.lat, camera.location.lon) for camera in config.cameras})
    links = tuple(("", (start, end)) for start, end in neighbour_lines(every))
    return Plan(areas, tuple(streets), links)
