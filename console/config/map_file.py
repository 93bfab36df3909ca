"""``map.yaml``: the zone's map picture and where its corners are on the earth.

The picture is a north-up image the zone provides (an export of its GIS, a scanned
plan). Its top-left and bottom-right corners are given in WGS84 (``[lon, lat]``, as GPS
and the cameras' locations are) or in Belgian Lambert 2008 (EPSG:3812, ``[x, y]`` in
metres, as the Belgian GIS exports are); the conversion is pyproj's. Absent, the map
draws a plain plan of its own from the cameras' places. Nothing is fetched from the
internet: the console works without it.

    version: 1
    image: map/plan.png          # relative to this folder
    crs: wgs84                   # or lambert2008
    top_left: [3.2480, 50.8330]
    bottom_right: [3.2780, 50.8190]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from console.config.errors import ConfigError
from console.config.files import FileRefused, check_regular, present
from console.config.loader import load_checked
from console.config.schema import Strict

MAP_FILE = "map.yaml"
MAX_IMAGE_BYTES = 60_000_000  # a zone's plan at 1 m per pixel is a few megabytes


class MapFile(Strict):
    version: Literal[1]
    image: str = Field(min_length=1, max_length=300)
    crs: Literal["wgs84", "lambert2008"] = "wgs84"
    top_left: tuple[float, float]
    bottom_right: tuple[float, float]


@dataclass(frozen=True)
class MapPicture:
    image: Path
    crs: str  # "wgs84" | "lambert2008"
    top_left: tuple[float, float]  # (lon, lat) or (x, y)
    bottom_right: tuple[float, float]


def load_map(folder: Path) -> MapPicture | None:
    """The map picture of ``folder/map.yaml``; None without one. Every fault at once, with file and line."""
    path = folder / MAP_FILE
    if not present(path):
        return None
    source, parsed = load_checked(path, MapFile)
    issues = []
    image = folder / parsed.image
    try:
        check_regular(image, MAX_IMAGE_BYTES)
        image = image.resolve()
    except FileRefused as refused:
        issues.append(source.issue(("image",), f"cannot use the picture {_short(str(image))}: {refused}"))
    except (OSError, RuntimeError) as error:  # resolve(): a link that loops (RuntimeError before Python 3.13)
        issues.append(source.issue(("image",), f"cannot use the picture {_short(str(image))}: {error}"))
    (left, top), (right, bottom) = parsed.top_left, parsed.bottom_right
    if parsed.crs == "wgs84":
        for key, (lon, lat) in (("top_left", parsed.top_left), ("bottom_right", parsed.bottom_right)):
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                issues.append(source.issue((key,), f"[{lon}, {lat}] is not [longitude, latitude] in degrees"))
    elif not all(0 <= value <= 2_000_000 for value in (left, top, right, bottom)):
        issues.append(source.issue(("top_left",), "Lambert 2008 corners are metres, [x, y] between 0 and 2000000"))
    if right <= left:
        issues.append(source.issue(("bottom_right",), "the right edge must lie east of the left edge"))
    if bottom >= top:
        issues.append(source.issue(("bottom_right",), "the bottom edge must lie south of the top edge (north up)"))
    if issues:
        raise ConfigError(issues)
    return MapPicture(image, parsed.crs, parsed.top_left, parsed.bottom_right)


def _short(text: str, limit: int = 80) -> str:
    """A path as shown in a message: its end, where the name is."""
    return text if len(text) <= limit else "\u2026" + text[-limit:]
