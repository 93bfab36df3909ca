import pytest

from console.wall.layouts import LAYOUTS, Direction, neighbour
from console.wall.state import WallState


def test_layouts_cover_their_grid_exactly_once():
    expected = {"1x1": 1, "2x2": 4, "3x3": 9, "4x4": 16, "1+5": 6, "1+7": 8, "5x5": 25, "6x6": 36}
    assert {name: layout.tile_count for name, layout in LAYOUTS.items()} == expected
    for layout in LAYOUTS.values():
        covered = [
            (row, column)
            for cell in layout.cells
            for row in range(cell.row, cell.row + cell.row_span)
            for column in range(cell.column, cell.column + cell.column_span)
        ]
        assert sorted(covered) == [(r, c) for r in range(layout.rows) for c in range(layout.columns)]


def test_arrow_navigation_on_grids_and_one_plus_layouts():
    grid = LAYOUTS["3x3"]
    assert neighbour(grid, 4, Direction.UP) == 1
    assert neighbour(grid, 4, Direction.LEFT) == 3
    assert neighbour(grid, 0, Direction.LEFT) == 0  # the edge stays put
    one_plus_five = LAYOUTS["1+5"]  # big tile 0, right column 1-2, bottom row 3-5
    assert neighbour(one_plus_five, 0, Direction.RIGHT) in (1, 2)
    assert neighbour(one_plus_five, 0, Direction.DOWN) in (3, 4)
    assert neighbour(one_plus_five, 5, Direction.UP) == 2
    assert neighbour(one_plus_five, 1, Direction.LEFT) == 0


def test_overview_grids_navigate_to_their_far_corner():
    grid = LAYOUTS["6x6"]
    index = 0
    for direction in [Direction.RIGHT] * 7 + [Direction.DOWN] * 7:  # past the edge: stays there
        index = neighbour(grid, index, direction)
    assert index == 35 and grid.cells[index] == grid.cells[-1]
    state = WallState("2x2", ["a", "b", None, "d"])
    state.set_layout("5x5")
    assert state.layout.tile_count == 25 and state.visible()[:4] == ["a", "b", None, "d"]


def test_wall_state_assign_swap_layout_and_round_trip():
    state = WallState("2x2")
    state.fill(["a", "b", "c", "d", "e"])
    assert state.visible() == ["a", "b", "c", "d"]
    state.swap(0, 3)
    assert state.visible() == ["d", "b", "c", "a"]
    state.set_layout("1x1")
    assert state.visible() == ["d"]
    state.set_layout("3x3")
    assert state.visible()[:4] == ["d", "b", "c", "a"]  # cameras come back when the grid grows
    with pytest.raises(IndexError):
        state.assign(9, "x")
    state.select(8)
    copy = WallState.from_dict(state.to_dict())
    assert copy.visible() == state.visible() and copy.selected == 8 and copy.layout_name == "3x3"
    copy.forget_unknown({"b", "c"})
    assert copy.visible()[:4] == [None, "b", "c", None]


def test_broken_saved_state_falls_back_to_defaults():
    state = WallState.from_dict({"layout": "9x9", "assignments": [3, "a"], "selected": 77})
    assert state.layout_name == "2x2" and state.visible() == [None, "a", None, None] and state.selected == 0
