"""Saved views and tour editing from a wall window (fake streams)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.services.ptz_control import local_holder
from console.tours.model import Tour, TourStep
from console.ui.main_window import WallWindow
from console.ui.tour_player import TourPlayer
from console.wall.state import WallState
from console.wall.views import SavedView, ViewStore
from tests.gui.test_tiles_and_wall import config, hub, make_frame  # noqa: F401 - fixtures


def make_window(qtbot, config, hub, tmp_path, tours):  # noqa: F811
    window = WallWindow(config, hub, WallState("2x2", ["station-01", "station-02", None, None]), 1)
    qtbot.addWidget(window)
    player = TourPlayer(window.wall, hub, None, None, "wall 1", local_holder(), parent=window)
    saved = []
    window.attach_tours(player, lambda: tuple(tours), lambda new: (saved.append(tuple(new)), tours.__setitem__(
        slice(None), list(new))), ViewStore(tmp_path, "an"))  # fmt: skip
    return window, saved


def test_views_are_saved_per_user_and_recalled(qtbot, config, hub, tmp_path):  # noqa: F811
    window, _ = make_window(qtbot, config, hub, tmp_path, [])
    store = ViewStore(tmp_path, "an")
    store.put(SavedView("Station", "1+5", ("station-03", "station-04", "anpr-01")))
    store.put(SavedView("Park", "1x1", ("park-01",)))
    assert [view.name for view in ViewStore(tmp_path, "an").load()] == ["Station", "Park"]
    assert ViewStore(tmp_path, "bart").load() == []  # per user
    window._recall_number(1)
    assert window.wall.state.layout_name == "1+5" and window.layout_actions["1+5"].isChecked()
    assert [tile.camera.id if tile.camera else None for tile in window.wall.tiles[:4]] == [
        "station-03", "station-04", "anpr-01", None]  # fmt: skip
    window._recall_number(9)  # no ninth view: nothing changes
    assert window.wall.state.layout_name == "1+5"


def test_the_current_wall_becomes_a_tour_step(qtbot, config, hub, tmp_path):  # noqa: F811
    tours = [Tour("ronde", "Ronde", None, (TourStep("1x1", ("park-01",), 10.0),))]
    window, saved = make_window(qtbot, config, hub, tmp_path, tours)
    window._add_step_to(tours[0])
    [new_tours] = saved
    assert new_tours[0].steps[-1] == TourStep("2x2", ("station-01", "station-02", None, None))
    assert len(new_tours[0].steps) == 2


def test_a_tour_goes_round_until_stopped_and_then_the_wall_comes_back(qtbot, config, hub, tmp_path):  # noqa: F811
    tours = [Tour("ronde", "Ronde", None, (TourStep("1x1", ("park-01",), 10.0), TourStep("1x1", ("park-02",), 10.0)))]
    window, _ = make_window(qtbot, config, hub, tmp_path, tours)
    before = (window.wall.state.layout_name, window.wall.state.visible())
    player = window.tour_player
    player.start(tours[0])
    assert player.is_running and window.wall.state.visible() == ["park-01"]
    player.next()
    player.next()  # past the last step: round two, not the end
    assert player.is_running and player.run.rounds_completed == 1 and window.wall.state.visible() == ["park-01"]
    assert window.saved().wall.visible() == before[1]  # what is kept is the wall the operator set up
    player.stop()
    assert not player.is_running and (window.wall.state.layout_name, window.wall.state.visible()) == before


def test_a_tour_that_runs_once_ends_on_its_own_and_puts_the_wall_back(qtbot, config, hub, tmp_path):  # noqa: F811
    once = Tour("eens", "Eens", None, (TourStep("1x1", ("park-01",), 10.0),), repeats=False)
    window, _ = make_window(qtbot, config, hub, tmp_path, [once])
    before = window.wall.state.visible()
    window.tour_player.start(once)
    window.tour_player.next()  # past its only step: done
    assert not window.tour_player.is_running and window.wall.state.visible() == before


def test_the_tour_bar_flags_only_cameras_that_are_offline_now(qtbot, config, hub, tmp_path):  # noqa: F811
    from console.video.stream import StreamState, StreamStatus

    tours = [Tour("ronde", "Ronde", None, (TourStep("2x2", ("park-01", "park-02", None, None), 30.0),))]
    window, _ = make_window(qtbot, config, hub, tmp_path, tours)
    player = window.tour_player
    player.start(tours[0])
    slow = next(reader for url, reader in hub.readers.items() if "park-02" in url or url.endswith("park-02"))
    slow.state, slow.frame = StreamStatus(StreamState.CONNECTING), None  # a slow camera at first
    player.switched_at -= 3  # past the grace a new step's cameras get
    player._on_timer_timeout()
    assert player.offline_now == {"park-02"} and "offline:" in window.tour_bar.flags.full_text
    slow.state, slow.frame = StreamStatus(StreamState.LIVE), make_frame((0, 200, 0))  # it came
    player._on_timer_timeout()
    assert player.offline_now == set() and "offline" not in window.tour_bar.flags.full_text  # no stale flag
    assert "park-02" in player.offline  # the tour log still says it was late
    player.stop()


def test_a_warm_tour_switch_shows_its_picture_at_once(qtbot, config, hub, tmp_path):  # noqa: F811
    from console.access.permissions import Role
    from console.access.reasons import Category, Kind, Reason
    from console.access.session import Session
    from console.access.users import User
    from console.audit.log import AuditLog
    from console.audit.writer import AuditWriter
    from console.store import open_store
    from console.ui.accountability import Accountability, ViewingLog

    log = AuditLog(open_store(tmp_path), tmp_path / "audit.key")
    writer = AuditWriter(log)
    accountability = Accountability(writer, Session(User("an", "An", Role.OPERATOR, "-"), "ws-01"))
    with qtbot.waitSignal(accountability.reason_changed, timeout=3000):
        accountability.set_reason(Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "ronde"))
    steps = (TourStep("1x1", ("park-01",), 30.0), TourStep("2x2", ("park-02", "park-03", None, None), 30.0))
    tour = Tour("ronde", "Ronde", None, steps)
    window, _ = make_window(qtbot, config, hub, tmp_path, [tour])
    viewing = ViewingLog(accountability, window.wall, "wall 1", parent=window)
    player = window.tour_player
    player.step_coming.connect(viewing.log_ahead)
    player.step_shown.connect(viewing.settle_ahead)
    player.start(tour)
    qtbot.waitUntil(lambda: window.wall.tiles[0].is_cleared, timeout=3000)
    player._prepare(steps[1])  # the pre-roll: the next step's views go to the log now
    qtbot.waitUntil(lambda: len(viewing._durable) == 2, timeout=3000)
    with qtbot.waitSignal(player.step_shown, timeout=3000):  # its tiles change a few per pass, then it is shown
        player.next()
    shown = [tile for tile in window.wall.tiles if tile.camera is not None]
    assert len(shown) == 2 and all(tile.is_cleared for tile in shown)  # no "recording the viewing" veil
    assert not viewing._durable  # nothing kept per view: a tour runs all night
    writer.flush()
    ahead = [entry for entry in log.entries(action="view start") if "logged_ahead" in entry.detail]
    assert sorted(entry.camera for entry in ahead) == ["park-02", "park-03"]
    player._prepare(steps[0])  # logged ahead for a step that never comes
    qtbot.waitUntil(lambda: len(viewing._durable) == 1, timeout=3000)
    player.stop()
    viewing.settle_ahead()  # as the tour's end does
    assert not viewing._durable
    writer.flush()
    assert [entry.camera for entry in log.entries(action="view start withdrawn")] == ["park-01"]
    viewing.stop_all()
    assert writer.close()
    log.database.close()


# -- every way a tour starts and stops: the wall from before comes back exactly ------------------------------------
STATION_ROUND = Tour("station-round", "Stationsronde", None, (
    TourStep("2x2", ("station-01", "station-02", "station-03", "station-04"), 15.0),
    TourStep("1+5", ("station-05", "station-01", "station-02", "station-03", "station-04", "anpr-01"), 12.0),
    TourStep("1x1", ("station-03",), 10.0)))  # fmt: skip
SHOPPING = Tour("shopping-streets", "Winkelstraten", None, (
    TourStep("2x2", ("shopping-01", "shopping-02", "shopping-03", "shopping-04"), 15.0),))  # fmt: skip
# The wall: 3x3 with a camera chosen for tile 7 (the others as the operator left them).
OPERATORS_WALL = ("3x3", ["park-01", "park-02", None, "station-05", None, None, "mobbox-1-ptz1", None, "anpr-02"])


def operators_window(qtbot, config, hub, tmp_path, tours):  # noqa: F811
    window, _ = make_window(qtbot, config, hub, tmp_path, tours)
    window.wall.show_step(*OPERATORS_WALL)
    return window


def wall_of(window) -> tuple[str, list[str | None]]:
    return window.wall.state.layout_name, list(window.wall.state.assignments)


def menu_action(menu, starting: str):
    menu.aboutToShow.emit()  # as the menu bar fills it when it opens
    return next(action for action in menu.actions() if action.text().startswith(starting))


def start_from_the_menu(window, tour: Tour) -> None:
    menu_action(window.tours_menu, f"Start \u201c{tour.name}\u201d").trigger()


def stop_by_the_bar(qtbot, window) -> None:
    qtbot.mouseClick(window.tour_bar.buttons["stop"], Qt.MouseButton.LeftButton)  # \u25a0 Stop: clicked(checked)


def stop_from_the_menu(qtbot, window) -> None:
    menu_action(window.tours_menu, "Stop the tour").trigger()  # triggered(checked)


def stop_by_escape(qtbot, window) -> None:
    qtbot.keyClick(window.wall, Qt.Key.Key_Escape)


def stop_by_another_tour_then_the_bar(qtbot, window) -> None:
    start_from_the_menu(window, SHOPPING)  # it replaces the first: its wall is never the one that comes back
    assert window.tour_player.is_running and window.tour_player.run.tour is SHOPPING
    assert wall_of(window)[1][:4] == ["shopping-01", "shopping-02", "shopping-03", "shopping-04"]
    stop_by_the_bar(qtbot, window)


@pytest.mark.parametrize("stop", [stop_by_the_bar, stop_from_the_menu, stop_by_escape,
                                  stop_by_another_tour_then_the_bar])  # fmt: skip
def test_a_tour_started_from_the_menu_and_stopped_puts_back_the_wall_from_before(qtbot, config, hub, tmp_path, stop):  # noqa: F811
    window = operators_window(qtbot, config, hub, tmp_path, [STATION_ROUND, SHOPPING])
    window.wall.select(6)  # tile 7, where the operator chose its camera
    before = wall_of(window)
    start_from_the_menu(window, STATION_ROUND)
    player = window.tour_player
    assert player.is_running and wall_of(window)[0] == "2x2"  # step 1's wall
    player._prepare(STATION_ROUND.steps[1])  # 7 s into a 10 s dwell: the next step is being pre-rolled
    assert window.tour_bar.isVisibleTo(window)
    stop(qtbot, window)
    assert not player.is_running and not window.tour_bar.isVisibleTo(window)
    assert wall_of(window) == before  # the layout and every tile's camera
    assert [tile.camera.id if tile.camera else None for tile in window.wall.tiles] == before[1]
    assert window.layout_actions["3x3"].isChecked()
    assert window.wall.state.selected == 6 and window.wall.tiles[6].is_selected  # and the tile that was selected


def test_esc_with_a_tile_enlarged_goes_back_to_the_grid_and_the_tour_goes_on(qtbot, config, hub, tmp_path):  # noqa: F811
    window = operators_window(qtbot, config, hub, tmp_path, [STATION_ROUND])
    before = wall_of(window)
    start_from_the_menu(window, STATION_ROUND)
    window.wall.enlarge(0)  # the tour pauses while the operator looks closer
    qtbot.keyClick(window.wall, Qt.Key.Key_Escape)
    assert window.wall.state.enlarged is None and window.tour_player.is_running
    qtbot.keyClick(window.wall, Qt.Key.Key_Escape)  # the second stops it
    assert not window.tour_player.is_running and wall_of(window) == before


def test_a_tour_that_ends_by_itself_puts_back_the_wall_from_before(qtbot, config, hub, tmp_path):  # noqa: F811
    once = Tour("once", "Eens", None, STATION_ROUND.steps[:2], repeats=False)
    window = operators_window(qtbot, config, hub, tmp_path, [once])
    before = wall_of(window)
    start_from_the_menu(window, once)
    window.tour_player.next()
    window.tour_player.next()  # past its last step: it ends
    assert not window.tour_player.is_running and wall_of(window) == before


def test_a_view_recalled_during_a_tour_replaces_it_and_is_the_wall_kept(qtbot, config, hub, tmp_path):  # noqa: F811
    window = operators_window(qtbot, config, hub, tmp_path, [STATION_ROUND])
    start_from_the_menu(window, STATION_ROUND)
    window.recall_view(SavedView("Park", "1+5", ("park-03", "park-04")))
    assert not window.tour_player.is_running
    shown = ("1+5", ["park-03", "park-04", None, None, None, None])
    assert (window.wall.state.layout_name, window.wall.state.visible()) == shown  # the view, not the tour's step
    assert (window.saved().wall.layout_name, window.saved().wall.visible()) == shown


def test_video_follows_during_a_tour_and_back_brings_the_wall_from_before_the_tour(qtbot, config, hub, tmp_path):  # noqa: F811
    window = operators_window(qtbot, config, hub, tmp_path, [STATION_ROUND])
    before = wall_of(window)
    start_from_the_menu(window, STATION_ROUND)
    window.show_for_incident(SavedView("incident 2026-0001", "1x1", ("shopping-05",)))
    assert not window.tour_player.is_running and window.wall.state.visible() == ["shopping-05"]
    assert (window.saved().wall.layout_name, window.saved().wall.assignments) == before  # kept if the desk closes
    window.go_back()
    assert wall_of(window) == before  # the operator's wall, not the tour's step that was on screen
