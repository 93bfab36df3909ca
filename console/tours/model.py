"""Virtual-patrol tours: named rounds over cameras, a step at a time."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_DWELL_S = 15.0  # domain.md: 10-20 s per step is our default choice


@dataclass(frozen=True)
class TourStep:
    layout: str
    cameras: tuple[str | None, ...]  # per tile; None leaves the tile empty
    dwell_s: float = DEFAULT_DWELL_S
    presets: dict[str, str] = field(default_factory=dict)  # PTZ camera id -> preset (name or token)

    def camera_ids(self) -> list[str]:
        return [camera for camera in self.cameras if camera]


@dataclass(frozen=True)
class Tour:
    id: str
    name: str
    area: str | None
    steps: tuple[TourStep, ...]
    repeats: bool = True  # round after round until stopped (tours.yaml: repeat: false runs it once)

    @property
    def length_s(self) -> float:
        return sum(step.dwell_s for step in self.steps)
