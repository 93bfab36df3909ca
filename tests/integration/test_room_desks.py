"""Desks of one room seen from each other: a PTZ camera taken from a desk, a desk gone quiet on the board.

Real consoles (the room fixture: one store, the simulated network) with a signed-in session each.
"""

from __future__ import annotations

import pytest

from tests.integration.conftest import LOADED_MS

pytestmark = pytest.mark.integration


def test_a_take_over_is_told_once_on_the_desk_that_lost_the_camera(qtbot, room):
    operator = room.desk("an.peeters", [None, None, None, None])
    chief = room.desk("tom.claes", [None, None, None, None], workstation="ws-01")
    window = operator.windows[0]
    played: list[str] = []
    operator.alert_sound.played.connect(played.append)
    operator.ptz.take("cam-ptz")
    qtbot.waitUntil(lambda: operator.ptz.is_mine("cam-ptz"), timeout=LOADED_MS)
    assert played == [] and "took over" not in window.statusBar().currentMessage()  # a free camera: nothing to tell

    chief.ptz.take("cam-ptz")  # the team chief pre-empts the operator, from another desk
    qtbot.waitUntil(lambda: "Tom Claes" in window.statusBar().currentMessage(), timeout=LOADED_MS)  # the room's leases
    said = window.statusBar().currentMessage()
    assert said.startswith("Tom Claes (team chief, ws-01) took over control of Camera PTZ at "), said
    assert played == [said]  # and the alert sound, once
    assert window.notice.isVisible() and window.notice.full_text == said
    assert window.wall.tiles[0].isVisible()  # over the wall, in the layout of nothing: the wall kept its size

    for _ in range(3):  # the desk reads the room's leases again every second: nothing is said again
        with qtbot.waitSignal(operator.ptz._expiry.timeout, timeout=LOADED_MS):
            pass
    qtbot.waitUntil(lambda: not operator.ptz.leases._is_reading, timeout=LOADED_MS)
    assert played == [said]
    window.notice.close_button.click()  # the operator closes it: it stays closed
    with qtbot.waitSignal(operator.ptz._expiry.timeout, timeout=LOADED_MS):
        pass
    assert not window.notice.isVisible() and played == [said]
    assert not chief.windows[0].notice.isVisible()  # the desk that took it is told nothing


def test_a_desk_gone_quiet_is_unmistakable_on_the_board_and_its_pictures_end_until_it_is_back(qtbot, room):
    operator = room.desk("an.peeters", ["cam-a", "cam-b", None, None])
    chief = room.desk("tom.claes", [None, None, None, None], workstation="ws-01")
    chief.show_board()
    board, miniatures = chief.board, chief.board.miniatures
    session = operator.accountability.session.id
    qtbot.waitUntil(lambda: session in miniatures.cards and "wall 1" in miniatures.cards[session]._walls,
                    timeout=LOADED_MS)  # fmt: skip
    card = miniatures.cards[session]
    wall = card._walls["wall 1"]
    qtbot.waitUntil(lambda: {camera for camera, _ in wall.cameras.values()} == {"cam-a", "cam-b"}, timeout=LOADED_MS)
    miniatures.pictures_box.setChecked(True)
    qtbot.waitUntil(lambda: miniatures.picture("cam-a") is not None and miniatures.picture("cam-b") is not None,
                    timeout=LOADED_MS)  # fmt: skip
    assert board.now_note.text().startswith("2 signed in, 1 watching 2 tiles \u00b7 updated ")

    def by_board(action: str) -> list[str]:
        return sorted(e.camera for e in room.entries(user="tom.claes") if e.action == action and "board" in e.detail)

    operator.accountability._heartbeat.stop()  # the desk goes quiet as a killed one does: its rows stay, no heartbeat
    qtbot.waitUntil(lambda: any(row.is_stale for row in board.presence.sessions), timeout=LOADED_MS)
    qtbot.waitUntil(lambda: miniatures.picture("cam-a") is None and miniatures.picture("cam-b") is None,
                    timeout=LOADED_MS)  # fmt: skip
    assert card.gone_band.isVisible() and card.gone_band.text().startswith("NO CONTACT since ")
    assert card.property("gone") is True and wall.is_gone  # the whole card: red frame, band, its wall dimmed
    assert chief.hub.reader_count() == 0  # nothing is pulled for a desk that is gone ...
    assert by_board("view stop") == ["cam-a", "cam-b"]  # ... nor logged as viewed
    asked: list[str] = []
    pictures, wall._pictures = wall._pictures, lambda camera: asked.append(camera)
    wall.grab()
    wall._pictures = pictures
    assert asked == []  # its last known wall is drawn without pictures
    assert board.now_note.text().startswith("1 signed in, 0 watching 0 tiles \u00b7 1 without contact \u00b7 ")

    operator.accountability._heartbeat.start()  # it answers again: its pictures come back, logged again
    operator.accountability.rules.heartbeat()
    qtbot.waitUntil(lambda: not card.is_gone and miniatures.picture("cam-a") is not None, timeout=LOADED_MS)
    assert not card.gone_band.isVisible() and card.property("gone") is False
    assert by_board("view start") == ["cam-a", "cam-a", "cam-b", "cam-b"]
    chief.board.close()
