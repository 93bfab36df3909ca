"""Looping clips for the simulated cameras, generated once into the cache.

The demo's cameras show a street scene by day or by night (``scene.py``, drawn with OpenCV in a
process of its own); plain "card" clips (each camera's colour, name and a running clock, made by
ffmpeg alone) remain for tests that want a flat picture. Each camera has its own signature colour,
which tests recognise in a painted tile. Main streams are 1280x720, sub streams 640x360; both
25 fps with a 1 s GOP and no B-frames, as a real camera in low-latency mode sends them, so that a
camera's clips splice onto one another (an event's picture) without a reconnect.
"""

from __future__ import annotations

import colorsys
import ctypes
import dataclasses
import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
FRAME_RATE = 25
CLIP_SECONDS = 12  # a street's loop: every vehicle makes whole trips in it (a first start draws them all)
SIZES = {"main": (1280, 720), "sub": (640, 360)}
BITRATES_KBPS = {"main": 900, "sub": 250}
COVERED_LENS = "covered-lens"  # the camera id of the clip every covered camera plays
MOTION_SECONDS = 6  # a person crosses the zone in about 5 s
VARIANT_SECONDS = 4  # a covered or moved picture loops this long (a short clip: quick to make on demand)
CLIP_FORMAT_VERSION = 3  # bump when the picture changes, so caches regenerate
SCENE_FORMAT_VERSION = 2  # the same for the street scene


@dataclass(frozen=True)
class ClipSpec:
    camera_id: str
    title: str
    subtitle: str
    role: str  # "main" | "sub"
    codec: str  # "h264" | "h265"
    colour: tuple[int, int, int]
    seconds: int = CLIP_SECONDS  # the loop's length (tests use short ones: quicker to make)
    variant: str = "normal"  # "normal" | "cover" (lens covered) | "move" (turned away) | "motion" (someone crosses)
    zone: tuple[tuple[float, float], ...] = ()  # where "motion" crosses (0..1 picture coordinates); empty: mid street
    scene: str = "card"  # "card" (a flat card) | "day" | "night" (the street scene)
    area: str = ""  # the camera's area id: the scene's furniture (a playground in a park)

    @property
    def motion_seconds(self) -> int:
        """How long the "motion" variant plays (once) before the scene goes on."""
        return MOTION_SECONDS

    def cache_name(self) -> str:
        base = dataclasses.replace(self, variant="normal", zone=())
        text = ", ".join(f"{field.name}={getattr(base, field.name)!r}" for field in dataclasses.fields(self)[:7])
        key = f"{CLIP_FORMAT_VERSION}|ClipSpec({text})"  # a plain clip keeps the name it had before variants
        if self.variant != "normal":
            key += f"|{self.variant}|{self.zone if self.variant == 'motion' else ()}"
        if self.scene != "card":
            key += f"|{SCENE_FORMAT_VERSION}|{self.scene}|{self.area}"
        return f"{self.camera_id}-{self.role}-{hashlib.sha1(key.encode()).hexdigest()[:10]}.ts"


def variant_of(spec: ClipSpec, variant: str) -> ClipSpec:
    """The clip a camera plays after an event (see network.PICTURE_OF_EVENT)."""
    if variant == "normal":
        return spec
    seconds = MOTION_SECONDS if variant == "motion" else min(spec.seconds, VARIANT_SECONDS)
    if variant == "cover":  # a covered lens looks the same on every camera: one clip per size and codec
        scene = "card" if spec.scene == "card" else "night"
        return ClipSpec(COVERED_LENS, "", "", spec.role, spec.codec, (14, 14, 14), seconds, "cover", scene=scene)
    return dataclasses.replace(spec, variant=variant, seconds=seconds)


def signature_colour(index: int, count: int) -> tuple[int, int, int]:
    """A distinct, mid-dark colour per camera: hues spread evenly, two brightness bands."""
    hue = (index * 0.61803398875) % 1.0  # golden-ratio spacing keeps neighbours apart
    value = 0.55 if index % 2 == 0 else 0.40
    red, green, blue = colorsys.hsv_to_rgb(hue, 0.75, value)
    return int(red * 255), int(green * 255), int(blue * 255)


def _escape_drawtext(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\u2019").replace("%", "\\%")


def encoder_options(codec: str, preset: str = "veryfast") -> list[str]:
    """The simulator's encoding: 1 s GOP, no B-frames, one slice; every clip of a camera the same."""
    if codec == "h265":
        return ["-c:v", "libx265", "-preset", "ultrafast", "-tune", "zerolatency", "-x265-params",
                f"keyint={FRAME_RATE}:min-keyint={FRAME_RATE}:bframes=0:repeat-headers=1:log-level=error"]  # fmt: skip
    return [
        "-c:v",
        "libx264",
        "-preset",
        preset,
        "-tune",
        "zerolatency",
        "-profile:v",
        "main",
        "-g",
        str(FRAME_RATE),
        "-keyint_min",
        str(FRAME_RATE),
        "-sc_threshold",
        "0",
        "-bf",
        "0",
        "-x264-params",
        "sliced-threads=0",
    ]  # fmt: skip  (one slice per frame, as most cameras send)


def scene_command(spec: ClipSpec, outputs: list[tuple[str, Path]]) -> list[str]:
    """The scene renderer's process for one clip in each of its roles (role, file)."""
    drawn = {"camera_id": spec.camera_id, "title": spec.title, "subtitle": spec.subtitle, "codec": spec.codec,
             "colour": list(spec.colour), "seconds": spec.seconds, "variant": spec.variant,
             "zone": [list(point) for point in spec.zone], "scene": spec.scene, "area": spec.area,
             "fps": FRAME_RATE}  # fmt: skip
    return [sys.executable, "-m", "console.sim.scene", json.dumps(drawn), *(f"{role}={path}" for role, path in outputs)]


def ffmpeg_command(spec: ClipSpec, output: Path) -> list[str]:
    width, height = SIZES[spec.role]
    scale = height / 720
    red, green, blue = spec.colour
    title = _escape_drawtext(spec.title)
    subtitle = _escape_drawtext(spec.subtitle)
    font_big, font_small = int(64 * scale), int(34 * scale)
    filters = ",".join(
        [
            # a darker "street" band and a moving vehicle-like block so the picture is visibly live
            "drawbox=x=0:y=ih*0.72:w=iw:h=ih*0.28:color=black@0.35:t=fill",
            f"drawtext=fontfile={FONT}:text='\u25a0\u25a0':fontsize={int(90 * scale)}:"
            f"fontcolor=white@0.85:x=mod(t*{int(220 * scale)}\\,w+tw)-tw:y=h*0.80",
            f"drawtext=fontfile={FONT}:text='{title}':fontsize={font_big}:fontcolor=white:x=(w-tw)/2:y=h*0.22",
            f"drawtext=fontfile={FONT}:text='{subtitle}':fontsize={font_small}:fontcolor=white@0.85:"
            f"x=(w-tw)/2:y=h*0.22+{int(84 * scale)}",
            f"drawtext=fontfile={FONT_MONO}:text='%{{pts\\:hms}}':fontsize={font_small}:"
            f"fontcolor=white:x=(w-tw)/2:y=h*0.52",
            f"drawtext=fontfile={FONT}:text='{spec.role.upper()} {width}x{height}':"
            f"fontsize={int(24 * scale)}:fontcolor=white@0.7:x=w-tw-{int(20 * scale)}:y=h-th-{int(16 * scale)}",
        ]
    )
    if spec.variant == "motion":  # a person-sized block walks across the zone in 5 s
        xs = [x for x, _ in spec.zone] or [0.3, 0.7]
        ys = [y for _, y in spec.zone] or [0.5, 0.9]
        left, right, bottom = min(xs), max(xs), max(ys)
        filters += (
            f",drawbox=x=iw*({left}+({right}-{left})*min(t\\,5)/5)-iw*0.03:y=ih*{bottom}-ih*0.25:"
            f"w=iw*0.06:h=ih*0.22:color=0xe0c090:t=fill"
        )
    elif spec.variant == "move":  # turned away: the picture shifted and tilted
        filters += ",rotate=0.2:fillcolor=0x303030,crop=iw*0.8:ih*0.8:iw*0.2:ih*0.1,scale=" + f"{width}:{height}"
    elif spec.variant == "cover":  # a hand or a bag over the lens: dark, flat, a little sensor noise
        filters = "noise=alls=6:allf=t"
        red, green, blue = 14, 12, 10
    source = f"color=c=0x{red:02x}{green:02x}{blue:02x}:s={width}x{height}:r={FRAME_RATE}:d={spec.seconds}"
    bitrate = BITRATES_KBPS[spec.role]
    codec = encoder_options(spec.codec)
    return [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", source, "-vf", filters,
        *codec, "-b:v", f"{bitrate}k", "-maxrate", f"{bitrate * 2}k", "-bufsize", f"{bitrate}k",
        "-pix_fmt", "yuv420p", "-f", "mpegts", str(output),
    ]  # fmt: skip


def ensure_clips(
    specs: list[ClipSpec],
    cache_dir: Path,
    parallel: int = 2,
    progress: Callable[[int, int], None] | None = None,
    niceness: int = 0,
) -> dict[ClipSpec, Path]:
    """Generate the clips that are not cached yet; return each spec's file.

    ``progress(done, total)`` is called after each clip, so a first start can say how far it is.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    paths = {spec: cache_dir / spec.cache_name() for spec in specs}
    missing = [spec for spec, path in paths.items() if not path.exists()]
    # a scene is drawn once for all its roles: one job makes its main and sub clips
    jobs: dict[ClipSpec, list[ClipSpec]] = {}
    for spec in missing:
        key = dataclasses.replace(spec, role="main") if spec.scene != "card" else spec
        jobs.setdefault(key, []).append(spec)
    running: list[tuple[subprocess.Popen, list[tuple[Path, Path]]]] = []
    made = 0

    def finish_one() -> None:
        nonlocal made
        process, files = running[0]
        _, error = process.communicate()  # a stop (Ctrl+C) while it waits: still in ``running``, so it is ended
        running.pop(0)
        if process.returncode != 0:
            for partial, _final in files:
                partial.unlink(missing_ok=True)
            names = ", ".join(final.name for _, final in files)
            raise RuntimeError(f"could not make {names}: {error.decode(errors='replace').strip()[-400:]}")
        for partial, final in files:
            partial.rename(final)
        made += len(files)
        if progress is not None:
            progress(made, len(missing))

    waiting = list(jobs.values())
    try:
        while waiting:
            if len(running) >= parallel:
                finish_one()
                continue
            group = waiting.pop(0)
            files = [(paths[spec].with_suffix(".partial.ts"), paths[spec]) for spec in group]
            if group[0].scene == "card":
                command = ffmpeg_command(group[0], files[0][0])
            else:
                roles = [(spec.role, partial) for spec, (partial, _) in zip(group, files, strict=True)]
                command = scene_command(group[0], roles)
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=_REPO,
                                       preexec_fn=lambda: _prepare_maker(niceness))  # fmt: skip
            running.append((process, files))
        while running:
            finish_one()
    finally:
        for process, files in running:  # a failure or a stop ends the others: no half-made clip left behind
            try:  # the maker and its encoder (its process group): an encoder left alone opens its output late
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            for partial, _final in files:
                partial.unlink(missing_ok=True)
    return paths


def _prepare_maker(niceness: int) -> None:
    """In a clip maker before exec: it ends with the thread that started it (a stopped simulator), at its priority."""
    os.setpgid(0, 0)  # a group of its own with its encoder: a stop ends both (and a terminal's Ctrl+C is ours)
    if _LIBC is not None:
        _LIBC.prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    if niceness:
        os.nice(niceness)


try:
    _LIBC: ctypes.CDLL | None = ctypes.CDLL("libc.so.6", use_errno=True)  # loaded before any fork
except OSError:
    _LIBC = None
_REPO = Path(__file__).resolve().parents[2]  # where ``python -m console.sim.scene`` finds the package
