"""The map's geometry: georeferenced pictures (WGS84, Lambert 2008), what a camera sees, where a PTZ turns."""

from __future__ import annotations

import math

import pytest
from pyproj import Transformer

from console.config.errors import ConfigError
from console.config.map_file import load_map
from console.geo.picture import Georeference
from console.geo.sight import Viewpoint, bearing_deg, cameras_seeing, distance_m

GROTE_MARKT = (50.8276, 3.2650)  # lat, lon


def test_a_place_lands_on_its_pixel_of_a_wgs84_picture():
    picture = Georeference("wgs84", (3.2600, 50.8300), (3.2700, 50.8250), 1000, 800)
    assert picture.to_pixel(50.8300, 3.2600) == pytest.approx((0, 0))
    assert picture.to_pixel(50.8250, 3.2700) == pytest.approx((1000, 800))
    assert picture.to_pixel(*GROTE_MARKT) == pytest.approx((500, 384))  # (3.265-3.26)/0.01*1000, (0.0024/0.005)*800
    assert picture.to_place(500, 384) == pytest.approx(GROTE_MARKT)


def test_a_place_lands_on_its_pixel_of_a_lambert_2008_picture():
    """Corners in Belgian Lambert 2008 metres: the place is projected by PROJ, then placed in metres."""
    to_lambert = Transformer.from_crs("EPSG:4326", "EPSG:3812", always_xy=True)
    x, y = to_lambert.transform(GROTE_MARKT[1], GROTE_MARKT[0])
    assert 500_000 < x < 800_000 and 500_000 < y < 800_000  # Kortrijk in EPSG:3812
    picture = Georeference("lambert2008", (x - 500, y + 400), (x + 500, y - 400), 2000, 1600)  # 0.5 m per pixel
    assert picture.to_pixel(*GROTE_MARKT) == pytest.approx((1000, 800), abs=1e-6)
    east_100m = picture.to_place(1200, 800)  # 100 m east of the market
    assert distance_m(*GROTE_MARKT, *east_100m) == pytest.approx(100, abs=0.5)
    # grid east is not true east: the meridian convergence at 3.27 E (the projection's meridian is 4.36 E)
    assert bearing_deg(*GROTE_MARKT, *east_100m) == pytest.approx(90 - 0.85, abs=0.05)


def test_the_map_file_names_file_line_and_key_of_every_fault(tmp_path):
    (tmp_path / "map.yaml").write_text(
        "version: 1\nimage: map/missing.png\ncrs: wgs84\ntop_left: [3.30, 50.80]\nbottom_right: [3.20, 50.85]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as error:
        load_map(tmp_path)
    lines = {(issue.line, issue.key_path) for issue in error.value.issues}
    assert (2, "image") in lines and (5, "bottom_right") in lines
    assert len(error.value.issues) == 3  # no such picture, west of the left edge, north of the top edge
    assert all(issue.file.endswith("map.yaml") for issue in error.value.issues)
    (tmp_path / "map.yaml").write_text("version: 1\nimage: x.png\ncrs: mercator\ntop_left: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_map(tmp_path)
    assert {issue.key_path for issue in error.value.issues} >= {"crs", "bottom_right"}
    assert next(issue for issue in error.value.issues if issue.key_path == "crs").line == 3


def test_no_map_file_is_a_plain_plan(tmp_path):
    assert load_map(tmp_path) is None


def viewpoint(heading: float | None, is_ptz: bool = False, fov: float = 60) -> Viewpoint:
    return Viewpoint("cam", *GROTE_MARKT, heading, fov, 6.0, is_ptz, 20.0)


def place(bearing: float, metres: float) -> tuple[float, float]:
    picture = Georeference("lambert2008", (0, 1), (1, 0), 1, 1)  # only its transformers
    x, y = picture._to_lambert.transform(GROTE_MARKT[1], GROTE_MARKT[0])
    lon, lat = picture._from_lambert.transform(x + metres * math.sin(math.radians(bearing)),
                                               y + metres * math.cos(math.radians(bearing)))  # fmt: skip
    return lat, lon


def test_a_fixed_camera_sees_what_is_in_its_cone_and_in_range():
    looking_east = viewpoint(90)
    assert looking_east.sees(*place(100, 60))
    assert not looking_east.sees(*place(140, 60))  # 50 degrees off a 60-degree cone
    assert not looking_east.sees(*place(90, 400))  # too far
    assert not viewpoint(None).sees(*place(90, 60))  # no heading: not claimed
    assert viewpoint(None, is_ptz=True).sees(*place(250, 60))  # a PTZ camera turns
    near, far = Viewpoint("near", *place(0, 20), 180, 60, 6, False), Viewpoint("far", *place(0, 90), 180, 60, 6, False)
    assert cameras_seeing(*GROTE_MARKT, [far, looking_east, near]) == ["near", "far"]


def test_a_ptz_camera_turns_to_the_spot():
    mast = viewpoint(180, is_ptz=True)  # pan 0 looks south
    pan, tilt = mast.aim(*place(270, 50))  # west: a quarter turn clockwise
    assert pan == pytest.approx(0.5, abs=0.005)
    assert tilt == pytest.approx(-6.84 / 20, abs=0.01)  # 6 m high, 50 m away: 6.84 degrees down
    pan, _ = mast.aim(*place(90, 50))  # east: a quarter turn the other way
    assert pan == pytest.approx(-0.5, abs=0.005)
    pan, tilt = mast.aim(*place(0, 3))  # north, just under the mast: as far down as it goes
    assert abs(pan) == pytest.approx(1.0, abs=0.005) and tilt == -1.0
    with pytest.raises(ValueError):
        viewpoint(90).aim(*place(90, 10))
