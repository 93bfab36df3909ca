"""The demo network's ANPR back end: now and then a plate read from one of the ANPR cameras.

Most reads are of ordinary plates (the console keeps none of them); some are of
plates on a watch list, a few of them misread (the image shows another plate
than the read, for the operator to catch), and now and then one on an expired
entry (which must raise nothing). Each read is handed over the way another
system would: ``python main.py intake anpr ...`` with a plate crop and an
overview image drawn here.

    python -m console.sim.anpr_feed --config DIR --data DIR [--every-s 45]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
import yaml

from console.config.loader import load_camera_config

REPO_ROOT = Path(__file__).resolve().parents[2]
RED = (40, 30, 200)  # BGR: Belgian plates have red characters on white
EU_BLUE = (150, 60, 0)


def belgian_plate(rng: random.Random) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    return f"{rng.randint(1, 2)}-{letters}-{rng.randint(0, 999):03d}"


def misread_of(plate: str, rng: random.Random) -> str:
    """The same plate with one look-alike character changed (what ANPR gets wrong)."""
    look_alikes = {"8": "B", "B": "8", "0": "O", "O": "0", "1": "I", "5": "S", "S": "5", "2": "Z", "Z": "2", "6": "G",
                   "G": "6", "4": "A", "3": "8"}  # fmt: skip
    positions = [index for index, char in enumerate(plate) if char in look_alikes]
    if not positions:
        positions = [index for index, char in enumerate(plate) if char.isalnum()]
        index = rng.choice(positions)
        return plate[:index] + rng.choice(string.digits) + plate[index + 1 :]
    index = rng.choice(positions)
    return plate[:index] + look_alikes[plate[index]] + plate[index + 1 :]


def render_plate(plate: str, country: str, width: int = 260) -> np.ndarray:
    height = width * 11 // 52  # 520 x 110 mm
    image = np.full((height, width, 3), 245, np.uint8)
    cv2.rectangle(image, (0, 0), (width - 1, height - 1), RED, 3)
    band = width // 12
    cv2.rectangle(image, (3, 3), (band, height - 4), EU_BLUE, -1)
    cv2.putText(image, country[:2], (6, height - 10), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 255), 1, cv2.LINE_AA)
    scale = 1.25
    (text_width, text_height), _ = cv2.getTextSize(plate, cv2.FONT_HERSHEY_DUPLEX, scale, 2)
    scale *= min(1.0, (width - band - 16) / text_width)
    (text_width, text_height), _ = cv2.getTextSize(plate, cv2.FONT_HERSHEY_DUPLEX, scale, 2)
    origin = (band + (width - band - text_width) // 2, (height + text_height) // 2)
    cv2.putText(image, plate, origin, cv2.FONT_HERSHEY_DUPLEX, scale, RED, 2, cv2.LINE_AA)
    return image


def render_overview(camera_name: str, plate_image: np.ndarray, utc: dt.datetime, direction: str,
                    rng: random.Random) -> np.ndarray:  # fmt: skip
    """An infrared-looking overview: road, the car's rear, its plate, and the camera's own caption."""
    width, height = 640, 360
    image = np.zeros((height, width, 3), np.uint8)
    for row in range(height):  # the road lit from above
        image[row, :] = 18 + row * 40 // height
    cv2.line(image, (width // 2, 0), (width // 2 - 40, height), (120, 120, 120), 3)
    for y in range(20, height, 60):
        cv2.line(image, (width // 2 + 120 + y // 5, y), (width // 2 + 124 + y // 5, y + 30), (200, 200, 200), 4)
    shade = rng.randint(60, 170)
    left, top, right, bottom = 170, 110, 470, 320
    cv2.rectangle(image, (left, top), (right, bottom), (shade, shade, shade), -1)
    cv2.rectangle(image, (left + 30, top - 60), (right - 30, top), (shade - 20, shade - 20, shade - 20), -1)
    cv2.rectangle(image, (left + 40, top - 52), (right - 40, top - 6), (30, 30, 30), -1)  # rear window
    for x in (left + 10, right - 60):
        cv2.rectangle(image, (x, top + 30), (x + 50, top + 55), (40, 40, 220), -1)  # lights
    plate = cv2.resize(plate_image, (150, 32))
    y, x = top + 110, (left + right - 150) // 2
    image[y : y + 32, x : x + 150] = plate
    caption = f"{camera_name}  {utc.astimezone():%Y-%m-%d %H:%M:%S}  {direction}"
    cv2.rectangle(image, (0, height - 24), (width, height), (0, 0, 0), -1)
    cv2.putText(image, caption, (8, height - 8), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (230, 230, 230), 1, cv2.LINE_AA)
    return image


def watch_entries(folder: Path) -> tuple[list[dict], list[dict]]:
    """Live and expired entries of watchlists.yaml (already checked by the console at its start)."""
    path = folder / "watchlists.yaml"
    if not path.exists():
        return [], []
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries", [])
    today = dt.date.today()
    live = [entry for entry in entries if entry["expires"] >= today]
    expired = [entry for entry in entries if entry["expires"] < today]
    return live, expired


def choose_read(rng: random.Random, live: list[dict], expired: list[dict]) -> tuple[str, str, str]:
    """(the read, the country, the plate the image shows)."""
    roll = rng.random()
    if live and roll < 0.35:
        entry = rng.choice(live)
        shown = misread_of(entry["plate"], rng) if rng.random() < 0.2 else entry["plate"]
        return entry["plate"], entry["country"], shown
    if expired and roll < 0.45:
        entry = rng.choice(expired)
        return entry["plate"], entry["country"], entry["plate"]
    plate = belgian_plate(rng)
    return plate, "B", plate


HAND_OVER_TIMEOUT_S = 120.0  # ``intake anpr`` took over 60 s on a machine at load 50-100


def hand_over(config_dir: Path, data_dir: Path, camera: str, read: str, country: str, confidence: float,
              direction: str, plate_png: Path, overview_png: Path) -> str:  # fmt: skip
    """Hand one read over (``main.py intake anpr``); what it said, as one line. A hand-over that fails or takes
    too long is said and given up: the feed goes on with its next read (it never dies: the ANPR tab would stay
    empty for the rest of the demo)."""
    command = [sys.executable, str(REPO_ROOT / "main.py"), "intake", "anpr", "--config", str(config_dir), "--data",
               str(data_dir), "--camera", camera, "--plate", read, "--country", country, "--confidence",
               f"{confidence:.2f}", "--direction", direction, "--plate-image", str(plate_png), "--image",
               str(overview_png), "--by", "ANPR back end (simulated)"]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=HAND_OVER_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return f"ANPR read {read} on {camera} not handed over in {HAND_OVER_TIMEOUT_S:.0f} s; going on with the next"
    except OSError as error:
        return f"ANPR read {read} on {camera} not handed over ({error}); going on with the next"
    said = (result.stdout or result.stderr).strip()
    return said.splitlines()[-1] if result.returncode != 0 and said else said


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--every-s", type=float, default=45.0, help="mean time between reads")
    parser.add_argument("--first-after-s", type=float, default=12.0)
    parser.add_argument("--count", type=int, default=0, help="stop after this many reads (0: until stopped)")
    parser.add_argument("--seed", type=int, default=None)
    arguments = parser.parse_args(argv)
    config = load_camera_config(arguments.config)
    cameras = [camera for camera in config.cameras if camera.kind == "anpr"]
    if not cameras:
        return 0
    rng = random.Random(arguments.seed)
    live, expired = watch_entries(arguments.config)
    wait_s = arguments.first_after_s
    done = 0
    parent = os.getppid()
    with tempfile.TemporaryDirectory(prefix="uitkijk-anpr-") as folder:
        while arguments.count == 0 or done < arguments.count:
            deadline = time.monotonic() + max(0.0, wait_s)
            while time.monotonic() < deadline:
                if os.getppid() != parent:  # the demo is gone (even killed): stop too
                    return 0
                time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
            wait_s = rng.uniform(0.5, 1.5) * arguments.every_s
            camera = rng.choice(cameras)
            read, country, shown = choose_read(rng, live, expired)
            direction = rng.choice(("inbound", "outbound"))
            plate = render_plate(shown, country)
            overview = render_overview(camera.name, plate, dt.datetime.now(dt.UTC), direction, rng)
            plate_png, overview_png = Path(folder) / "plate.png", Path(folder) / "overview.png"
            cv2.imwrite(str(plate_png), plate)
            cv2.imwrite(str(overview_png), overview)
            said = hand_over(arguments.config, arguments.data, camera.id, read, country, rng.uniform(0.78, 0.99),
                             direction, plate_png, overview_png)  # fmt: skip
            print(said, flush=True)
            done += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
