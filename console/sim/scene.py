"""A simulated fixed camera's street scene, drawn with OpenCV and encoded once into the clip cache.

Runs as its own process (``python -m console.sim.scene SPEC_JSON MAIN_OUT [SUB_OUT]``): drawing
holds the interpreter, so it never runs inside a desk. It draws every frame of the loop at
1280x720 and pipes it into one ffmpeg, which encodes the main stream and (scaled) the sub stream
with the simulator's encoding (25 fps, 1 s GOP, no B-frames), so that every clip of a camera
splices onto another at a keyframe without a reconnect.

The picture: a street seen from a mast. Buildings with windows (the one on the left painted in
the camera's signature colour, which tests find in a tile), a far pavement with people walking,
a road with vehicles of several colours both ways, and a quiet foreground (a playground, a bike
shed) where the demo's motion zones are: no traffic ever crosses it, only ``sim event motion``'s
passer-by. Night (22:00-06:00): dark sky, street lights with pools of light, lit windows,
headlights, little traffic and a camera's grainy sensor noise. The variants of an event: a hand
over the lens (dark, flat, noise), the camera turned away (rotated and shifted), someone crossing.
"""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
import unicodedata

import cv2
import numpy as np

WIDTH, HEIGHT = 1280, 720
SKY_Y, FACADE_BOTTOM_Y, PAVEMENT_Y, ROAD_Y, ROAD_BOTTOM_Y = 0.30, 0.56, 0.56, 0.62, 0.80
SIGNATURE_RIGHT = 0.16  # the signature building: x 0..0.16, y 0.10..0.62 (tests look at x 0.05, y 0.45-0.5)
DEFAULT_ZONE = ((0.3, 0.82), (0.7, 0.82), (0.7, 0.98), (0.3, 0.98))  # a camera without a zone: crossed here
NOISE_FRAMES = 7
NIGHT_NOISE_SIGMA = 6.0
CROSSING_S = 5.0
CROSSER_HEIGHT = 0.4  # of the picture: someone near the camera
MOVE_TURN_DEG = 0.0  # and turns by (a knocked camera mostly pans and tilts)
MOVE_SHIFT = (0.2, -0.12)  # share of the width and height the picture slides when the camera is turned away
ENCODER_PRESET = "ultrafast"  # a first start draws every camera's loop: 3x quicker than veryfast, flat drawings
VEHICLE_COLOURS = [
    (40, 40, 200),
    (200, 90, 30),
    (235, 235, 235),
    (30, 30, 30),
    (170, 170, 175),
    (30, 200, 230),
    (40, 120, 40),
    (20, 60, 120),
    (120, 30, 120),
]  # fmt: skip  (BGR: red, blue, white, ...)
COAT_COLOURS = [(50, 50, 160), (140, 80, 30), (40, 40, 40), (30, 150, 200), (90, 90, 90), (150, 60, 150), (40, 110, 60)]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("\u00b7", "-"))
    return folded.encode("ascii", "ignore").decode()


def _rng(spec: dict) -> np.random.Generator:
    digest = hashlib.sha1(spec["camera_id"].encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def _px(x: float, y: float) -> tuple[int, int]:
    return int(x * WIDTH), int(y * HEIGHT)


class Scene:
    """One camera's street at one time of day; ``frame(t)`` is the picture at t seconds into the loop."""

    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.is_night = spec["scene"] == "night"
        self.seconds = float(spec["seconds"])
        self.area = spec.get("area", "")
        random = _rng(spec)
        self.colour_bgr = tuple(int(value) for value in spec["colour"][::-1])
        self.lamps = [0.24 + 0.25 * index + float(random.uniform(-0.03, 0.03)) for index in range(4)]
        self.background = self._background(random)
        self.light = self._light_map() if self.is_night else None
        self.vehicles = self._vehicles(random)
        self.people = self._people(random)
        self.noise = self._noise_frames(NIGHT_NOISE_SIGMA if self.is_night else 0.0)
        self.cover_noise = self._noise_frames(NIGHT_NOISE_SIGMA * 0.6)

    @staticmethod
    def _noise_frames(sigma: float) -> list[tuple[np.ndarray, np.ndarray]]:
        """A few frames of the sensor's grain (the same on the three colours), as what to add and to take away."""
        random = np.random.default_rng(7)
        frames = []
        for _ in range(NOISE_FRAMES if sigma else 0):
            grain = np.clip(random.normal(0, sigma, (HEIGHT, WIDTH)), -40, 40)
            up, down = np.clip(grain, 0, None).astype(np.uint8), np.clip(-grain, 0, None).astype(np.uint8)
            frames.append((cv2.merge([up, up, up]), cv2.merge([down, down, down])))
        return frames

    # -- the still parts ---------------------------------------------------------------
    def _background(self, random: np.random.Generator) -> np.ndarray:
        night = self.is_night
        image = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
        for row in range(int(HEIGHT * FACADE_BOTTOM_Y)):  # sky
            share = row / (HEIGHT * FACADE_BOTTOM_Y)
            image[row, :] = (40 + 20 * share, 22 + 12 * share, 12 + 10 * share) if night else (
                235 - 40 * share, 205 - 30 * share, 170 - 30 * share)  # fmt: skip
        x = SIGNATURE_RIGHT
        while x < 1.0:  # the row of buildings behind the far pavement
            width = float(random.uniform(0.10, 0.2))
            top = float(random.uniform(0.08, 0.3))
            tone = int(random.integers(90, 160))
            tint = random.integers(-20, 20, 3)
            facade = tuple(int(np.clip(tone + tint[index], 40, 200) * (0.45 if night else 1.0)) for index in range(3))
            cv2.rectangle(image, _px(x, top), _px(x + width, FACADE_BOTTOM_Y), facade, -1)
            for window_y in np.arange(top + 0.04, FACADE_BOTTOM_Y - 0.08, 0.075):
                for window_x in np.arange(x + 0.015, x + width - 0.03, 0.035):
                    lit = night and random.random() < 0.35
                    glass = (90, 200, 245) if lit else ((35, 30, 28) if night else (110, 95, 80))
                    cv2.rectangle(image, _px(window_x, window_y), _px(window_x + 0.018, window_y + 0.045), glass, -1)
            x += width + 0.004
        # the signature building, nearer: a flat wall in the camera's colour (floodlit at night), its door and sign
        cv2.rectangle(image, _px(0, 0.10), _px(SIGNATURE_RIGHT, PAVEMENT_Y + 0.06), self.colour_bgr, -1)
        cv2.rectangle(image, _px(0.10, 0.47), _px(0.145, PAVEMENT_Y + 0.06), (40, 35, 30), -1)  # door
        cv2.rectangle(image, _px(SIGNATURE_RIGHT - 0.004, 0.10), _px(SIGNATURE_RIGHT, PAVEMENT_Y + 0.06),
                      (25, 25, 25), -1)  # fmt: skip
        cv2.rectangle(image, _px(0, PAVEMENT_Y), _px(1, ROAD_Y), (70, 72, 75) if night else (165, 168, 170), -1)
        cv2.rectangle(image, _px(0, ROAD_Y), _px(1, ROAD_BOTTOM_Y), (38, 38, 40) if night else (85, 85, 88), -1)
        for dash_x in np.arange(0.0, 1.0, 0.08):  # the middle line
            cv2.rectangle(image, _px(dash_x, 0.708), _px(dash_x + 0.045, 0.714), (120, 120, 120) if night else
                          (225, 225, 225), -1)  # fmt: skip
        self._foreground(image, random)
        for lamp_x in self.lamps:  # street lights on the far pavement
            cv2.line(image, _px(lamp_x, PAVEMENT_Y + 0.03), _px(lamp_x, 0.2), (25, 25, 25), 5)
            cv2.line(image, _px(lamp_x, 0.2), _px(lamp_x + 0.03, 0.2), (25, 25, 25), 4)
            cv2.ellipse(image, _px(lamp_x + 0.03, 0.21), (14, 6), 0, 0, 360,
                        (170, 235, 255) if night else (120, 120, 120), -1)  # fmt: skip
        return image

    def _foreground(self, image: np.ndarray, random: np.random.Generator) -> None:
        """The quiet near side: grass or paving, a fence, and the area's furniture (where the zones are)."""
        night = self.is_night
        is_green = self.area in ("park", "school")
        grass, paving = ((30, 60, 35), (55, 55, 58)) if night else ((60, 140, 70), (140, 140, 135))
        ground = grass if is_green else paving
        cv2.rectangle(image, _px(0, ROAD_BOTTOM_Y), _px(1, 1), ground, -1)
        kerb = (90, 90, 90) if night else (190, 190, 190)
        cv2.rectangle(image, _px(0, ROAD_BOTTOM_Y), _px(1, ROAD_BOTTOM_Y + 0.012), kerb, -1)
        dark = 0.45 if night else 1.0
        if is_green:  # a playground: a slide and a swing frame
            red = tuple(int(value * dark) for value in (40, 60, 190))
            cv2.line(image, _px(0.62, 0.95), _px(0.70, 0.86), red, 6)
            cv2.line(image, _px(0.70, 0.86), _px(0.70, 0.95), red, 6)
            steel = tuple(int(value * dark) for value in (120, 120, 120))
            for post in (0.80, 0.90):
                cv2.line(image, _px(post, 0.95), _px(post, 0.84), steel, 5)
            cv2.line(image, _px(0.80, 0.84), _px(0.90, 0.84), steel, 5)
            cv2.line(image, _px(0.85, 0.84), _px(0.85, 0.91), steel, 2)
            for tree_x in (0.05, 0.33):
                cv2.circle(image, _px(tree_x, 0.88), 40, (25, 55, 30) if night else (40, 110, 50), -1)
        else:  # a bike shed and its racks
            steel = tuple(int(value * dark) for value in (150, 150, 150))
            for rack_x in np.arange(0.06, 0.36, 0.04):
                cv2.ellipse(image, _px(rack_x, 0.93), (16, 22), 0, 180, 360, steel, 3)
            cv2.rectangle(image, _px(0.60, 0.84), _px(0.94, 0.845), steel, -1)
            for post in np.arange(0.60, 0.95, 0.085):
                cv2.line(image, _px(post, 0.845), _px(post, 0.97), steel, 3)
        if random.random() < 0.5:
            bench = tuple(int(value * dark) for value in (40, 70, 110))
            cv2.rectangle(image, _px(0.42, 0.90), _px(0.52, 0.915), bench, -1)

    def _light_map(self) -> np.ndarray:
        """How lit each point is at night (0.25 in the dark, up to 1.2 under a lamp), for what moves."""
        ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
        light = np.full((HEIGHT, WIDTH), 0.25, np.float32)
        for lamp_x in self.lamps:
            centre_x, centre_y = (lamp_x + 0.03) * WIDTH, (ROAD_Y + 0.02) * HEIGHT
            distance = ((xs - centre_x) / (0.12 * WIDTH)) ** 2 + ((ys - centre_y) / (0.16 * HEIGHT)) ** 2
            light += 0.95 * np.exp(-distance)
        pooled = np.clip(light, 0.25, 1.2)
        # the pools show on the street and pavement, not on the sky or the signature wall
        ground = (ys >= PAVEMENT_Y * HEIGHT) & ~((xs < SIGNATURE_RIGHT * WIDTH) & (ys < (PAVEMENT_Y + 0.06) * HEIGHT))
        lit = self.background.astype(np.float32) * np.where(ground, pooled * 1.6, 1.0)[:, :, None]
        self.background = np.clip(lit, 0, 255).astype(np.uint8)
        return pooled

    # -- what moves --------------------------------------------------------------------
    def _vehicles(self, random: np.random.Generator) -> list[dict]:
        count = int(random.integers(1, 3)) if self.is_night else int(random.integers(4, 7))
        vehicles = []
        for index in range(count):
            is_far = index % 2 == 0
            laps = 1 if self.is_night else int(random.integers(1, 3))  # whole trips per loop: it loops seamlessly
            vehicles.append({
                "lane_y": 0.695 if is_far else 0.785,  # the wheels' line
                "direction": 1 if is_far else -1,
                "laps": laps,
                "phase": float(random.random()),
                "length": float(random.uniform(0.09, 0.13)) if random.random() < 0.85 else 0.2,
                "colour": VEHICLE_COLOURS[int(random.integers(len(VEHICLE_COLOURS)))],
                "scale": 0.8 if is_far else 1.0,
            })  # fmt: skip
        return vehicles

    def _people(self, random: np.random.Generator) -> list[dict]:
        count = int(random.integers(0, 2)) if self.is_night else int(random.integers(3, 6))
        return [
            {
                "direction": 1 if random.random() < 0.5 else -1,
                "phase": float(random.random()),
                "colour": COAT_COLOURS[int(random.integers(len(COAT_COLOURS)))],
                "legs": (40, 35, 30) if random.random() < 0.5 else (90, 60, 30),
                "feet_y": float(random.uniform(0.595, 0.615)),
                "height": float(random.uniform(0.085, 0.1)),
            }
            for _ in range(count)
        ]

    def _lit(self, colour: tuple[int, ...], x: float, y: float) -> tuple[int, ...]:
        if self.light is None:
            return colour
        level = float(self.light[min(int(y * HEIGHT), HEIGHT - 1), min(max(int(x * WIDTH), 0), WIDTH - 1)])
        return tuple(int(min(255, value * level)) for value in colour)

    def _draw_vehicle(self, image: np.ndarray, vehicle: dict, t: float) -> None:
        span = 1.0 + vehicle["length"] + 0.1
        share = (vehicle["phase"] + vehicle["laps"] * t / self.seconds) % 1.0
        front = -vehicle["length"] - 0.05 + share * span
        x = front if vehicle["direction"] > 0 else 1.0 - front
        length, scale, base = vehicle["length"], vehicle["scale"], vehicle["lane_y"]
        left = x - length if vehicle["direction"] > 0 else x
        height = 0.075 * scale if length < 0.15 else 0.12 * scale
        body = self._lit(vehicle["colour"], left + length / 2, base - height / 2)
        cv2.rectangle(image, _px(left, base - height * 0.55), _px(left + length, base - 0.012), body, -1, cv2.LINE_AA)
        roof_inset = length * (0.2 if length < 0.15 else 0.02)
        cv2.rectangle(image, _px(left + roof_inset, base - height),
                      _px(left + length - roof_inset, base - height * 0.5), body, -1, cv2.LINE_AA)  # fmt: skip
        glass = (25, 25, 25) if self.is_night else (90, 70, 60)
        cv2.rectangle(image, _px(left + roof_inset + 0.008, base - height * 0.92),
                      _px(left + length - roof_inset - 0.008, base - height * 0.58), glass, -1)  # fmt: skip
        wheel_radius = int(0.014 * scale * HEIGHT)
        for wheel_x in (left + length * 0.2, left + length * 0.8):
            cv2.circle(image, _px(wheel_x, base - 0.012), wheel_radius, (15, 15, 15), -1, cv2.LINE_AA)
        head_x = left + length if vehicle["direction"] > 0 else left
        tail_x = left if vehicle["direction"] > 0 else left + length
        if self.is_night:  # headlights and their beam on the road, red lights behind
            beam = np.array([_px(head_x, base - 0.03), _px(head_x + 0.16 * vehicle["direction"], base - 0.05),
                             _px(head_x + 0.16 * vehicle["direction"], base + 0.005)], np.int32)  # fmt: skip
            left_px, top_px = max(0, int(beam[:, 0].min())), max(0, int(beam[:, 1].min()))
            right_px, bottom_px = min(WIDTH, int(beam[:, 0].max()) + 1), min(HEIGHT, int(beam[:, 1].max()) + 1)
            if right_px > left_px and bottom_px > top_px:  # blended in its own box only: cheap
                box = image[top_px:bottom_px, left_px:right_px]
                overlay = box.copy()
                cv2.fillConvexPoly(overlay, beam - np.array([left_px, top_px], np.int32), (150, 210, 230), cv2.LINE_AA)
                cv2.addWeighted(overlay, 0.35, box, 0.65, 0, box)
            cv2.circle(image, _px(head_x, base - 0.03), 6, (200, 245, 255), -1, cv2.LINE_AA)
            cv2.circle(image, _px(tail_x, base - 0.03), 5, (30, 30, 220), -1, cv2.LINE_AA)

    def _draw_person(self, image: np.ndarray, x: float, feet_y: float, height: float, coat: tuple[int, ...],
                     legs: tuple[int, ...], t: float) -> None:  # fmt: skip
        coat, legs = self._lit(coat, x, feet_y - height / 2), self._lit(legs, x, feet_y)
        skin = self._lit((140, 170, 210), x, feet_y - height)
        stride = math.sin(t * 2 * math.pi * 1.6) * height * 0.16
        hip, shoulder = feet_y - height * 0.45, feet_y - height * 0.82
        width = max(2, int(height * HEIGHT * 0.09))
        for offset in (stride, -stride):
            cv2.line(image, _px(x, hip), _px(x + offset, feet_y), legs, width, cv2.LINE_AA)
        cv2.line(image, _px(x, hip), _px(x, shoulder), coat, int(width * 2.2), cv2.LINE_AA)
        for offset in (stride * 0.7, -stride * 0.7):
            cv2.line(image, _px(x, shoulder), _px(x + offset, hip + height * 0.05), coat, width, cv2.LINE_AA)
        cv2.circle(image, _px(x, feet_y - height * 0.92), max(2, int(height * HEIGHT * 0.08)), skin, -1, cv2.LINE_AA)

    def _draw_crosser(self, image: np.ndarray, x: float, feet_y: float, t: float) -> None:
        """Someone near the camera in a long light coat, walking across the zone (solid, as a detector sees one)."""
        height_px = CROSSER_HEIGHT * HEIGHT
        feet_px, x_px = feet_y * HEIGHT, x * WIDTH
        coat = self._lit((185, 200, 215), x, feet_y) if self.is_night else (45, 30, 30)  # navy by day
        if self.is_night:
            coat = tuple(max(value, 100) for value in coat)  # a light coat shows in the dark (lamps, headlights)
        legs = (45, 40, 35)
        stride = math.sin(t * 2 * math.pi * 1.2) * height_px * 0.12
        for offset in (stride, -stride):
            cv2.line(image, (int(x_px), int(feet_px - height_px * 0.2)), (int(x_px + offset), int(feet_px)), legs,
                     int(height_px * 0.11), cv2.LINE_AA)  # fmt: skip
        body = np.array([(x_px - height_px * 0.12, feet_px - height_px * 0.82), (x_px + height_px * 0.12,
                          feet_px - height_px * 0.82), (x_px + height_px * 0.22, feet_px - height_px * 0.1),
                         (x_px - height_px * 0.22, feet_px - height_px * 0.1)], np.int32)  # fmt: skip
        cv2.fillConvexPoly(image, body, coat, cv2.LINE_AA)
        cv2.circle(image, (int(x_px), int(feet_px - height_px * 0.9)), int(height_px * 0.075),
                   self._lit((140, 170, 210), x, feet_y - CROSSER_HEIGHT), -1, cv2.LINE_AA)  # fmt: skip

    def _draw_osd(self, image: np.ndarray) -> None:
        """The camera's own overlay, as a real camera burns it in: white with a dark shadow."""
        title, subtitle = (_ascii(self.spec[key]) for key in ("title", "subtitle"))  # what OpenCV's font has
        for (x, y), colour in (((22, 2), (0, 0, 0)), ((20, 0), (255, 255, 255))):  # the same strokes: aligned
            cv2.putText(image, title, (x, 40 + y), cv2.FONT_HERSHEY_SIMPLEX, 0.8, colour, 2, cv2.LINE_AA)
            cv2.putText(image, subtitle, (x, 72 + y), cv2.FONT_HERSHEY_SIMPLEX, 0.56, colour, 1, cv2.LINE_AA)

    def frame(self, index: int) -> np.ndarray:
        t = index / float(self.spec["fps"])
        variant = self.spec["variant"]
        if variant == "cover":  # a hand or a bag over the lens: dark and flat, the sensor's noise
            covered: np.ndarray = np.full((HEIGHT, WIDTH, 3), 14, np.uint8)
            return self._noisy(covered, index, self.cover_noise)
        image: np.ndarray = self.background.copy()
        for person in self.people:
            span = 1.0 - SIGNATURE_RIGHT + 0.04  # they walk in front of the buildings, not the signature wall
            share = (person["phase"] + t / self.seconds) % 1.0
            x = SIGNATURE_RIGHT + 0.02 + (share if person["direction"] > 0 else 1 - share) * (span - 0.04)
            self._draw_person(image, x, person["feet_y"], person["height"], person["colour"], person["legs"], t)
        for vehicle in self.vehicles:
            self._draw_vehicle(image, vehicle, t)
        if variant == "motion" and t <= CROSSING_S:  # someone walks across the zone, near the camera
            zone = self.spec.get("zone") or DEFAULT_ZONE
            left, right = min(x for x, _ in zone), max(x for x, _ in zone)
            bottom = max(y for _, y in zone)
            x = left - 0.03 + (right - left + 0.06) * t / CROSSING_S
            self._draw_crosser(image, x, bottom - 0.01, t)
        if variant == "move":  # the camera knocked aside: turned right and down, a little askew
            turn = cv2.getRotationMatrix2D((WIDTH / 2, HEIGHT / 2), MOVE_TURN_DEG, 1.0)
            turn[0, 2] -= WIDTH * MOVE_SHIFT[0]
            turn[1, 2] -= HEIGHT * MOVE_SHIFT[1]
            image = cv2.warpAffine(image, turn, (WIDTH, HEIGHT), borderValue=(30, 30, 30))
        if self.is_night:
            image = self._noisy(image, index, self.noise)
        self._draw_osd(image)
        return image

    @staticmethod
    def _noisy(image: np.ndarray, index: int, frames: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        up, down = frames[index % NOISE_FRAMES]
        return cv2.subtract(cv2.add(image, up), down)


def encoder_command(spec: dict, outputs: list[tuple[str, str]]) -> list[str]:
    """ffmpeg reading raw BGR frames on stdin and writing each (role, path): main as drawn, sub scaled."""
    from console.sim.clips import BITRATES_KBPS, SIZES, encoder_options

    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
               "-s", f"{WIDTH}x{HEIGHT}", "-r", str(spec["fps"]), "-i", "-"]  # fmt: skip
    roles = [role for role, _ in outputs]
    if len(outputs) > 1:
        splits = "".join(f"[v{index}]" for index in range(len(outputs)))
        chains = [f"[0:v]split={len(outputs)}{splits}"]
        chains += [f"[v{index}]scale={SIZES[role][0]}:{SIZES[role][1]}[out{index}]" for index, role in enumerate(roles)]
        command += ["-filter_complex", ";".join(chains)]
    for index, (role, path) in enumerate(outputs):
        bitrate = BITRATES_KBPS[role]
        if len(outputs) > 1:
            command += ["-map", f"[out{index}]"]
        else:
            command += ["-vf", f"scale={SIZES[role][0]}:{SIZES[role][1]}"]
        command += [*encoder_options(spec["codec"], ENCODER_PRESET), "-b:v", f"{bitrate}k",
                    "-maxrate", f"{bitrate * 2}k", "-bufsize", f"{bitrate}k", "-pix_fmt", "yuv420p", "-f", "mpegts",
                    path]  # fmt: skip
    return command


def render(spec: dict, outputs: list[tuple[str, str]]) -> int:
    scene = Scene(spec)
    encoder = subprocess.Popen(encoder_command(spec, outputs), stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert encoder.stdin is not None
    try:
        for index in range(int(spec["seconds"] * spec["fps"])):
            encoder.stdin.write(scene.frame(index).tobytes())
        encoder.stdin.close()
    except BrokenPipeError:
        pass
    error = encoder.stderr.read() if encoder.stderr else b""
    if encoder.wait() != 0:
        print(error.decode(errors="replace").strip(), file=sys.stderr)
        return 1
    return 0


def main() -> int:
    spec = json.loads(sys.argv[1])
    outputs = [tuple(pair.split("=", 1)) for pair in sys.argv[2:]]  # role=path
    return render(spec, [(role, path) for role, path in outputs])


if __name__ == "__main__":
    sys.exit(main())
