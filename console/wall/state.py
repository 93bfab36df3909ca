"""Which camera is on which tile of a wall window: pure state, saved between runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.wall.layouts import DEFAULT_LAYOUT, LAYOUTS, Direction, Layout, neighbour


@dataclass
class WallState:
    layout_name: str = DEFAULT_LAYOUT
    assignments: list[str | None] = field(default_factory=list)  # camera id per tile, None for empty
    selected: int = 0
    enlarged: int | None = None

    def __post_init__(self) -> None:
        self.set_layout(self.layout_name)

    @property
    def layout(self) -> Layout:
        return LAYOUTS[self.layout_name]

    def set_layout(self, name: str) -> None:
        """Change the grid; cameras keep their order, those beyond the new tile count are kept for later."""
        if name not in LAYOUTS:
            raise ValueError(f"unknown layout {name!r}; choose one of {', '.join(LAYOUTS)}")
        self.layout_name = name
        count = LAYOUTS[name].tile_count
        if len(self.assignments) < count:
            self.assignments += [None] * (count - len(self.assignments))
        self.selected = min(self.selected, count - 1)
        self.enlarged = None

    def visible(self) -> list[str | None]:
        return self.assignments[: self.layout.tile_count]

    def assign(self, tile: int, camera_id: str | None) -> None:
        self._check(tile)
        self.assignments[tile] = camera_id

    def swap(self, first: int, second: int) -> None:
        self._check(first)
        self._check(second)
        self.assignments[first], self.assignments[second] = self.assignments[second], self.assignments[first]

    def select(self, tile: int) -> None:
        self._check(tile)
        self.selected = tile

    def move_selection(self, direction: Direction) -> int:
        self.selected = neighbour(self.layout, self.selected, direction)
        return self.selected

    def fill(self, camera_ids: list[str]) -> None:
        """Put cameras on the empty visible tiles, in order (used for a first start)."""
        queue = [camera for camera in camera_ids if camera not in self.visible()]
        for tile, current in enumerate(self.visible()):
            if current is None and queue:
                self.assignments[tile] = queue.pop(0)

    def forget_unknown(self, known_ids: set[str]) -> None:
        self.assignments = [camera if camera in known_ids else None for camera in self.assignments]

    def _check(self, tile: int) -> None:
        if not 0 <= tile < self.layout.tile_count:
            raise IndexError(f"tile {tile + 1} is not on the {self.layout_name} layout")

    def to_dict(self) -> dict[str, Any]:
        return {"layout": self.layout_name, "assignments": list(self.assignments), "selected": self.selected}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WallState:
        layout = data.get("layout", DEFAULT_LAYOUT)
        if layout not in LAYOUTS:
            layout = DEFAULT_LAYOUT
        assignments = [item if isinstance(item, str) else None for item in data.get("assignments", [])]
        state = cls(layout, assignments)
        selected = data.get("selected", 0)
        state.selected = selected if isinstance(selected, int) and 0 <= selected < state.layout.tile_count else 0
        return state
