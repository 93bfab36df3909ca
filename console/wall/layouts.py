"""Wall layouts: a named set of grids, and the pure math of which tile sits where."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1

    @property
    def centre(self) -> tuple[float, float]:
        return (self.row + self.row_span / 2, self.column + self.column_span / 2)


@dataclass(frozen=True)
class Layout:
    name: str
    rows: int
    columns: int
    cells: tuple[Cell, ...]

    @property
    def tile_count(self) -> int:
        return len(self.cells)


def _grid(size: int) -> Layout:
    cells = tuple(Cell(row, column) for row in range(size) for column in range(size))
    return Layout(f"{size}x{size}", size, size, cells)


def _one_plus(size: int) -> Layout:
    """One big tile over (size-1)^2 cells in the top left, small tiles around it."""
    big = size - 1
    cells = [Cell(0, 0, big, big)]
    cells += [Cell(row, size - 1) for row in range(big)]
    cells += [Cell(size - 1, column) for column in range(size)]
    return Layout(f"1+{len(cells) - 1}", size, size, tuple(cells))


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (_grid(1), _grid(2), _grid(3), _grid(4), _one_plus(3), _one_plus(4), _grid(5), _grid(6))
}
DEFAULT_LAYOUT = "2x2"  # detection falls with more screens: the operator default is small (domain.md)
# Grids for an overview monitor (the room's wall, the team chief), not for an operator's desk: an
# operator watching nine screens or more detects about half of what happens (domain.md).
OVERVIEW_LAYOUTS = ("5x5", "6x6")
MAX_GRID_SIDE = max(max(layout.rows, layout.columns) for layout in LAYOUTS.values())


class Direction(Enum):
    UP = (-1, 0)
    DOWN = (1, 0)
    LEFT = (0, -1)
    RIGHT = (0, 1)


def neighbour(layout: Layout, index: int, direction: Direction) -> int:
    """The tile reached from ``index`` by an arrow key: the nearest tile that lies that way."""
    row_step, column_step = direction.value
    origin_row, origin_column = layout.cells[index].centre
    best: tuple[float, int] | None = None
    for candidate, cell in enumerate(layout.cells):
        if candidate == index:
            continue
        row, column = cell.centre
        along = (row - origin_row) * row_step + (column - origin_column) * column_step
        if along <= 0:
            continue
        across = abs((row - origin_row) * column_step) + abs((column - origin_column) * row_step)
        score = along + 2 * across
        if best is None or score < best[0]:
            best = (score, candidate)
    return index if best is None else best[1]
