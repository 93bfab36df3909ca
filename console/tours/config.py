"""``tours.yaml``: the tours, checked like the camera configuration and written back by the console."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic import field_validator as validator

from console.config.errors import ConfigError, ConfigIssue
from console.config.files import present
from console.config.loader import CameraConfig, did_you_mean, load_checked
from console.config.one_line import OneLineText
from console.config.schema import Identifier, Strict
from console.tours.model import DEFAULT_DWELL_S, Tour, TourStep
from console.wall.layouts import LAYOUTS

TOURS_FILE = "tours.yaml"
MIN_DWELL_S, MAX_DWELL_S = 3.0, 600.0


class StepEntry(Strict):
    layout: str
    cameras: list[str | None] = Field(min_length=1, max_length=16)
    dwell_s: float | None = Field(default=None, ge=MIN_DWELL_S, le=MAX_DWELL_S)
    presets: dict[str, str] = Field(default_factory=dict)

    @validator("layout")
    @classmethod
    def _known_layout(cls, value: str) -> str:
        if value not in LAYOUTS:
            raise ValueError(f"unknown layout '{value}'{did_you_mean(value, LAYOUTS)}; one of {', '.join(LAYOUTS)}")
        return value


class TourEntry(Strict):
    id: str = Identifier
    name: OneLineText = Field(min_length=1, max_length=80)
    area: str | None = None
    dwell_s: float = Field(default=DEFAULT_DWELL_S, ge=MIN_DWELL_S, le=MAX_DWELL_S)  # for steps that give none
    repeat: bool = True  # a patrol goes round until it is stopped; false: once, then the wall comes back
    steps: list[StepEntry] = Field(min_length=1, max_length=100)


class ToursFile(Strict):
    version: Literal[1]
    tours: list[TourEntry] = Field(default_factory=list)


def load_tours(config: CameraConfig) -> tuple[Tour, ...]:
    """Read ``tours.yaml`` beside the camera configuration (none: no tours); every problem at once."""
    path = config.folder / TOURS_FILE
    if not present(path):
        return ()
    source, parsed = load_checked(path, ToursFile)
    cameras = {camera.id: camera for camera in config.cameras}
    areas = [area.id for area in config.areas]
    issues: list[ConfigIssue] = []
    seen: set[str] = set()
    for tour_index, tour in enumerate(parsed.tours):
        where = ("tours", tour_index)
        if tour.id in seen:
            issues.append(source.issue((*where, "id"), f"duplicate tour id '{tour.id}'"))
        seen.add(tour.id)
        if tour.area is not None and tour.area not in areas:
            issues.append(source.issue((*where, "area"), f"unknown area '{tour.area}'{did_you_mean(tour.area, areas)}"))
        for step_index, step in enumerate(tour.steps):
            step_where = (*where, "steps", step_index)
            tiles = LAYOUTS[step.layout].tile_count
            if len(step.cameras) > tiles:
                message = f"{len(step.cameras)} cameras for a {step.layout} layout of {tiles} tiles"
                issues.append(source.issue((*step_where, "cameras"), message))
            for camera_index, camera_id in enumerate(step.cameras):
                if camera_id is not None and camera_id not in cameras:
                    message = f"unknown camera '{camera_id}'{did_you_mean(camera_id, cameras)}"
                    issues.append(source.issue((*step_where, "cameras", camera_index), message))
            for camera_id in step.presets:
                if camera_id not in cameras:
                    message = f"unknown camera '{camera_id}'{did_you_mean(camera_id, cameras)}"
                elif cameras[camera_id].kind != "ptz":
                    message = f"'{camera_id}' is not a PTZ camera: it has no presets"
                elif camera_id not in step.cameras:
                    message = f"'{camera_id}' is not shown in this step"
                else:
                    continue
                issues.append(source.issue((*step_where, "presets", camera_id), message, prefer_key=True))
    if issues:
        raise ConfigError(issues)
    return tuple(
        Tour(
            tour.id,
            tour.name,
            tour.area,
            tuple(
                TourStep(step.layout, tuple(step.cameras), step.dwell_s or tour.dwell_s, dict(step.presets))
                for step in tour.steps
            ),
            tour.repeat,
        )  # fmt: skip
        for tour in parsed.tours
    )


def save_tours(folder: Path, tours: tuple[Tour, ...] | list[Tour]) -> None:
    """Write the tours back (atomically); the console's tour editing goes through here."""
    lines = ["# Virtual-patrol tours. Edited by the console (Tours menu) or by hand; checked at start.", "version: 1",
             "tours:" if tours else "tours: []"]  # fmt: skip
    for tour in tours:
        lines += [f"  - id: {tour.id}", f"    name: {_quote(tour.name)}"]
        if tour.area:
            lines.append(f"    area: {tour.area}")
        if not tour.repeats:
            lines.append("    repeat: false")
        lines.append("    steps:")
        for step in tour.steps:
            cameras = ", ".join(camera or "null" for camera in step.cameras)
            lines += [f"      - layout: {_quote(step.layout)}", f"        cameras: [{cameras}]",
                      f"        dwell_s: {step.dwell_s:g}"]  # fmt: skip
            if step.presets:
                presets = ", ".join(f"{camera}: {_quote(preset)}" for camera, preset in step.presets.items())
                lines.append(f"        presets: {{{presets}}}")
    path = folder / TOURS_FILE
    partial = path.with_suffix(".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(partial, path)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
