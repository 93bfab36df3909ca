"""The board: the data-protection officer's view (the audit log only, search, verify, no video tabs), and a
Dutch team chief's, whose walls, PTZ holders and audit actions are stored in English and said in Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget

from console.access.permissions import Role
from console.access.session import Session
from console.access.users import User
from console.audit.log import KEY_FILE, AuditLog
from console.audit.writer import AuditWriter
from console.services.supervision import Supervision
from console.store import open_store_file
from console.ui.accountability import Accountability
from console.ui.board import BoardWindow


@pytest.fixture
def dpo_board(qtbot, tmp_path):
    database = tmp_path / "store.sqlite3"
    log = AuditLog(open_store_file(database), tmp_path / KEY_FILE)
    reason = {"kind": "judicial police", "category": "incident", "reference": "PV 2026/0412"}
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-a", {"tile": 1}, reason)
    log.append("an.peeters", "operator", "ws-04", "view stop", "cam-a", {"tile": 1}, reason)
    log.append("demo", "operator", "ws-05", "view start", "cam-b", {"tile": 1}, None)
    writer = AuditWriter(log)
    session = Session(User("karel.maes", "Karel Maes", Role.DATA_PROTECTION_OFFICER, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {"cam-a": "Camera A"})
    qtbot.addWidget(board)
    yield board, log
    board.shutdown()
    writer.close()
    log.database.close()


def test_the_data_protection_officer_searches_and_verifies_the_log_but_sees_no_viewing(qtbot, dpo_board):
    board, log = dpo_board
    tabs = board.findChild(QTabWidget)
    assert [tabs.tabText(index) for index in range(tabs.count())] == ["Audit log"]
    assert any(button.text().startswith("Export") for button in board.findChildren(QPushButton))
    board.camera_edit.setText("cam-a")
    board.reason_edit.setText("0412")
    board.search()
    qtbot.waitUntil(lambda: board.results_table.rowCount() == 2, timeout=3000)
    assert [board.results_table.item(row, 4).text() for row in range(2)] == ["viewing stopped", "viewing started"]
    assert board.results_table.item(0, 5).text() == "Camera A"
    assert board.results_table.item(0, 6).text() == "incident (judicial police): PV 2026/0412"
    qtbot.waitUntil(lambda: len(list(log.entries(action="audit search"))) == 1, timeout=3000)  # logged first
    board.verify()
    qtbot.waitUntil(lambda: board.search_note.text().startswith("Audit log:"), timeout=3000)
    assert board.search_note.text() == "Audit log: 4 entries, chain intact"  # the search itself was logged
    assert [entry.user for entry in log.entries(action="audit search")] == ["karel.maes"]


def test_a_dutch_board_says_walls_holders_and_audit_actions_in_dutch(qtbot, tmp_path):
    """ "wall 1", "Tom Claes (team chief, ws-09)" and "view start" are what the store keeps: the board words them."""
    import time

    from console.store import leases, presence
    from console.store.backend import utc_text
    from console.ui.language import install_language

    assert install_language("nl")
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    reason = {"kind": "administrative police", "category": "virtual patrol", "reference": "stationsbuurt"}
    log.append("an.peeters", "operator", "ws-04", "view start", "cam-a", {"tile": 1}, reason)
    log.append("tom.claes", "team chief", "ws-09", "ptz lease", "cam-ptz", {"priority": "team_chief"}, reason)
    log.append("an.peeters", "operator", "ws-04", "an action of a newer desk", None, {}, None)
    who = {"user": "an.peeters", "role": "operator", "workstation": "ws-04"}
    effects = [*presence.session_started("s-1", who, "An Peeters", utc_text()),
               *presence.view_started("s-1", "wall 1", 1, "cam-a", reason),
               *presence.tour_started("s-1", "wall 2", "Stationsronde", reason)]  # fmt: skip
    now = time.time()
    with log.database.write() as transaction:
        for effect in effects:
            effect(transaction)
        for camera, holder in (
            ("cam-ptz", ("tom.claes", "Tom Claes", "ws-09", 3, "team chief", "")),
            ("cam-b", ("an.peeters", "An Peeters", "ws-04", 0, "operator", "Stationsronde")),
        ):
            user, name, workstation, priority, role, tour = holder
            record = leases.LeaseRecord(camera, user, name, workstation, priority, now, now, 30.0, role, tour)
            assert leases.compare_and_set(transaction, camera, None, record)
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {"cam-a": "Camera A"})
    qtbot.addWidget(board)
    try:
        qtbot.waitUntil(lambda: board.leases_table.rowCount() == 2 and board.views_table.rowCount() == 1,
                        timeout=5000)  # fmt: skip
        assert board.views_table.item(0, 2).text() == "wand 1" and board.tours_table.item(0, 2).text() == "wand 2"
        assert [board.leases_table.item(row, 1).text() for row in range(2)] == [
            "ronde Stationsronde (An Peeters (operator, ws-04))", "Tom Claes (teamchef, ws-09)"]  # fmt: skip
        board.search()
        qtbot.waitUntil(lambda: board.results_table.rowCount() >= 3, timeout=3000)
        rows = board.results_table.rowCount()
        actions = {board.results_table.item(row, 4).text(): board.results_table.item(row, 2).text()
                   for row in range(rows)}  # fmt: skip
        assert {"an action of a newer desk": "operator", "PTZ-besturing genomen": "teamchef",
                "bekijken gestart": "operator"}.items() <= actions.items(), actions  # fmt: skip
    finally:
        board.shutdown()
        writer.close()
        log.database.close()
        install_language("en")


@pytest.fixture
def chief_board(qtbot, tmp_path):
    """The team chief's board as a desk opens it beside its wall (Ctrl+B)."""
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {"cam-a": "Camera A"},
                        is_beside_a_wall=True)  # fmt: skip
    qtbot.addWidget(board)
    yield board
    board.shutdown()
    writer.close()
    log.database.close()


@pytest.mark.parametrize("key", [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                                 (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)])  # fmt: skip
def test_esc_or_ctrl_b_closes_the_team_chiefs_board(qtbot, chief_board, key):
    chief_board.show()
    chief_board.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is chief_board, timeout=3000)
    qtbot.keyClick(chief_board.focusWidget() or chief_board, key[0], key[1])
    qtbot.waitUntil(lambda: not chief_board.isVisible(), timeout=3000)


def test_the_data_protection_officers_board_is_not_closed_by_esc(qtbot, dpo_board):
    """It is that session's only window: a key pressed by accident must not end it."""
    board, _ = dpo_board
    board.show()
    board.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is board, timeout=3000)
    qtbot.keyClick(board.focusWidget() or board, Qt.Key.Key_Escape)  # a shortcut acts in the key's own event
    assert board.isVisible()


def test_the_board_opens_within_its_screen(qtbot, chief_board):
    """1400x820 at first: at 1366x768 its close button was off the screen. Qt's offscreen screen is 800x800."""
    chief_board.show()
    qtbot.waitExposed(chief_board)
    available = chief_board.screen().availableGeometry()
    assert available.contains(chief_board.frameGeometry()), (chief_board.frameGeometry(), available)


def test_the_team_chiefs_board_says_a_recorders_full_disk_and_the_cameras_nobody_records_in_dutch(qtbot, tmp_path):
    """A live recorder with a full disk, and a dead one's camera: both in the board's note, red; a stopped recorder
    and a recorded camera held by a live recorder say nothing."""
    import datetime as dt
    import time

    from console.store import archive
    from console.store.backend import utc_text
    from console.ui.language import install_language

    assert install_language("nl")
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    now = time.time()
    with log.database.write() as transaction:
        recorders = [("rec-full", 1, "disk full", ["cam-a"]), ("rec-dead", 30, None, ["cam-b"]),
                     ("rec-ok", 1, None, ["cam-c"]), ("rec-gone", 1, "stopped", [])]  # fmt: skip
        for name, seen_s_ago, problem, cameras in recorders:
            seen_utc = utc_text(dt.datetime.fromtimestamp(now - seen_s_ago, dt.UTC))
            archive.report_recorder(transaction, archive.RecorderRecord(name, "pc", "/srv", utc_text(), seen_utc,
                                                                        10**9, 10**12, problem))  # fmt: skip
            for camera in cameras:
                assert archive.claim(transaction, camera, name, now - seen_s_ago, now - 6)
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log),
                        {"cam-a": "Camera A", "cam-b": "Camera B", "cam-c": "Camera C"},
                        recorded_cameras=["cam-a", "cam-b", "cam-c"])  # fmt: skip
    qtbot.addWidget(board)
    try:
        with qtbot.waitExposed(board):  # its size from the window system is in: the width read is the shown one
            board.show()
        note = board.recording_note  # in the board's status line, in sight on every tab
        qtbot.waitUntil(lambda: note.isVisible(), timeout=5000)
        said = "recorder rec-full: schijf vol \u00b7 2 camera's nu niet opgenomen"
        assert note.text() == said, note.text()
        assert note.toolTip() == said + "\nNu niet opgenomen: Camera A, Camera B" and note.property("alarm") is True
        width, least_px = board.width(), board.minimumSizeHint().width()
        # A hundred cameras more: the line says more, the window keeps its size (and the size it may shrink to).
        board.recorded_cameras = (*board.recorded_cameras, *(f"cam-{index}" for index in range(100)))
        qtbot.waitUntil(lambda: "102 camera's" in note.toolTip(), timeout=5000)
        assert board.width() == width and board.minimumSizeHint().width() == least_px
        # Less room than the text wants, whatever the font: cut with an ellipsis, the whole of it in the tooltip.
        note.setFixedWidth(note.fontMetrics().horizontalAdvance("recorder") + 2 * note.fontMetrics().height())
        qtbot.waitUntil(lambda: note.text().endswith("\u2026"), timeout=5000)
        assert note.toolTip().startswith("recorder rec-full: schijf vol \u00b7 102 camera's nu niet opgenomen\n")
        assert board.width() == width and board.minimumSizeHint().width() == least_px
    finally:
        board.shutdown()
        writer.close()
        log.database.close()
        install_language("en")


def test_an_operators_alarm_tile_reads_as_alarm_0042_on_his_miniature_not_as_a_2x2_wall(qtbot):
    from console.store.presence import SessionRow, ViewRow
    from console.ui.miniatures import MINIATURE, DeskCard

    card = DeskCard(lambda camera: None)
    qtbot.addWidget(card)
    session = SessionRow("s1", "an.peeters", "An Peeters", "operator", "ws-04", "2026-12-05T05:00:00.000Z",
                         "2026-12-05T05:00:00.000Z", "active", None, False)  # fmt: skip
    alarm = {"kind": "administrative", "category": "alarm", "reference": "alarm 0042"}
    views = [ViewRow("s1", "an.peeters", "ws-04", "wall 1", 1, "station-01", "2026-12-05T05:00:00.000Z", None),
             ViewRow("s1", "an.peeters", "ws-04", "alarm tile", 1, "park-01", "2026-12-05T05:00:00.000Z", alarm),
             ViewRow("s1", "an.peeters", "ws-04", "alarm tile", 2, "park-01", "2026-12-05T05:00:00.000Z", alarm,
                     "2026-12-05T04:59:50.000Z", "2026-12-05T05:00:00.000Z")]  # fmt: skip
    card.show_desk(session, {"wall 1": "2x2"}, views, {"park-01": "Kennedypark", "station-01": "Station"}, "")
    card.show()
    walls = card._walls
    assert walls["alarm tile"].alarm_text == "ALARM 0042" and walls["wall 1"].alarm_text == ""
    assert walls["alarm tile"].height() < MINIATURE[1]  # its two pictures side by side, not a 2x2 wall's four cells
    picture = walls["alarm tile"].grab().toImage()
    assert picture.pixelColor(picture.width() // 2, 10).name() == "#ff4d4f"  # the band in the alarm's red


def test_the_team_chiefs_board_says_a_relays_death_and_who_took_its_cameras_in_dutch(qtbot, tmp_path):
    """Several relays: a take-over from a dead relay in the last minutes is in the board's status line, worded from
    the stored fact; a routine hand-over (a relay came) and an old take-over say nothing."""
    import datetime as dt

    from console.store import relay as relay_table
    from console.store.backend import utc_text
    from console.ui.language import install_language

    assert install_language("nl")
    log = AuditLog(open_store_file(tmp_path / "store.sqlite3"), tmp_path / KEY_FILE)
    now = dt.datetime.now(dt.UTC)
    with log.database.write() as transaction:
        for camera, minutes_ago, cause in (("cam-a", 1, "relay down"), ("cam-b", 1, "relay down"),
                                           ("cam-c", 1, "handed over"), ("cam-d", 60, "relay down")):  # fmt: skip
            at_utc = utc_text(now - dt.timedelta(minutes=minutes_ago))
            relay_table.add_takeover(transaction, relay_table.Takeover(at_utc, camera, "relay-b:8654", "relay-a:8654",
                                                                       cause))  # fmt: skip
    writer = AuditWriter(log)
    session = Session(User("tom.claes", "Tom Claes", Role.TEAM_CHIEF, "-"), "ws-09")
    board = BoardWindow(Accountability(writer, session), Supervision(log.database, log),
                        {"cam-a": "Camera A", "cam-b": "Camera B"})  # fmt: skip
    qtbot.addWidget(board)
    try:
        board.show()
        note = board.relay_note
        qtbot.waitUntil(lambda: note.isVisible(), timeout=5000)
        taken_at = (now - dt.timedelta(minutes=1)).astimezone().strftime("%H:%M:%S")
        # Its time first (a line cut at its end keeps it), the relays by their hosts as room.yaml names them.
        said = f"{taken_at}: relay relay-a uitgevallen, relay-b nam 2 camera's over"
        assert note.text() == said, note.text()
        assert note.toolTip() == said + "\nOvergenomen: Camera A, Camera B" and note.property("alarm") is True
    finally:
        board.shutdown()
        writer.close()
        log.database.close()
        install_language("en")


def test_a_miniature_whose_picture_stopped_being_new_is_dimmed_and_says_no_signal_and_its_age(qtbot):
    """A relay that died or a camera that dropped leaves the board with its last picture: it must not pass for live."""
    from PySide6.QtGui import QColor, QImage

    from console.store.presence import SessionRow, ViewRow
    from console.ui.miniatures import DeskCard, MiniPicture
    from console.ui.video_tile import ALARM

    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor(240, 240, 240))  # a bright picture: dimmed it is no longer bright
    age_s = {"station-01": 0.2}
    card = DeskCard(lambda camera: MiniPicture(image, age_s[camera]))
    qtbot.addWidget(card)
    session = SessionRow("s1", "an.peeters", "An Peeters", "operator", "ws-04", "2026-12-05T05:00:00.000Z",
                         "2026-12-05T05:00:00.000Z", "active", None, False)  # fmt: skip
    views = [ViewRow("s1", "an.peeters", "ws-04", "wall 1", 1, "station-01", "2026-12-05T05:00:00.000Z", None)]
    card.show_desk(session, {"wall 1": "1x1"}, views, {"station-01": "Station"}, "")
    card.show()
    wall = card._walls["wall 1"]
    live = wall.grab().toImage()
    middle = (live.width() // 2, live.height() // 4)
    assert live.pixelColor(*middle).lightness() > 200  # live: the picture as it is, nothing over it
    assert live.pixelColor(2, live.height() // 2) != ALARM

    age_s["station-01"] = 14.0  # no new picture for 14 s
    still = wall.grab().toImage()
    assert still.pixelColor(*middle).lightness() < 120  # dimmed, as a tile's last picture
    assert still.pixelColor(2, still.height() // 2) == ALARM  # edged in the tile's red
    assert wall.stale_text(14.0) == "NO SIGNAL \u00b7 14 s ago"


def test_a_miniature_follows_its_camera_to_where_the_desk_pulls_it_now_and_keeps_its_last_picture_meanwhile(
    qtbot, chief_board
):
    """A relay died (its cameras taken by another) or came back (took them back): the desk's directory says the new
    address; the miniature moves there as the tiles do, its view going on (nothing logged again)."""
    import time

    from console.access.reasons import Category, Kind, Reason
    from console.ui.miniatures import DeskMiniatures
    from console.video.hub import StreamHub
    from tests.gui.test_tiles_and_wall import StillReader

    readers: dict[str, StillReader] = {}

    def factory(url, name):
        readers[url] = StillReader(url, name)
        return readers[url]

    hub = StreamHub(reader_factory=factory)
    served_by = {"cam-a": "rtsp://ws-09:x@relay-1:8554/cam-a/sub"}
    accountability = chief_board.accountability
    with qtbot.waitSignal(accountability.reason_changed, timeout=5000):
        accountability.set_reason(Reason(Kind.ADMINISTRATIVE, Category.VIRTUAL_PATROL, "toezicht"))
    miniatures = DeskMiniatures(accountability, {"cam-a": "Camera A"}, served_by.get, hub)
    qtbot.addWidget(miniatures)
    miniatures._watched = {"cam-a"}  # on an operator's wall, as the room's presence says
    miniatures.pictures_box.setChecked(True)
    qtbot.waitUntil(lambda: miniatures.picture("cam-a") is not None, timeout=5000)
    first = readers[served_by["cam-a"]]
    first.frame = first.frame and type(first.frame)(**{**first.frame.__dict__,
                                                       "arrived_monotonic_s": time.monotonic() - 9})  # fmt: skip
    assert miniatures.shown_picture("cam-a").is_stale  # type: ignore[union-attr]

    served_by["cam-a"] = "rtsp://ws-09:x@relay-2:8554/cam-a/sub"  # relay-1 died: relay-2 took the camera
    readers_before = set(readers)
    with qtbot.waitSignal(miniatures._painter.timeout, timeout=5000):
        pass
    assert set(readers) - readers_before == {served_by["cam-a"]}
    assert hub.viewer_count("rtsp://ws-09:x@relay-1:8554/cam-a/sub") == 0  # the dead relay is let go
    assert miniatures._handles["cam-a"].url == served_by["cam-a"]
    assert not miniatures.shown_picture("cam-a").is_stale  # type: ignore[union-attr]  # new pictures from relay-2

    served_by["cam-a"] = "rtsp://ws-09:x@relay-1:8554/cam-a/sub"  # relay-1 back: it took the camera back
    with qtbot.waitSignal(miniatures._painter.timeout, timeout=5000):
        pass
    assert miniatures._handles["cam-a"].url == served_by["cam-a"] and hub.reader_count() == 1
    log = accountability.writer.log
    assert accountability.writer.flush()
    assert [entry.camera for entry in log.entries(action="view start")] == ["cam-a"]  # one view, logged once
    assert list(log.entries(action="view stop")) == []
    miniatures.shutdown()


def test_a_dutch_board_says_what_the_verify_found_in_dutch(qtbot, tmp_path):
    """The verify's findings were English sentences ("changed after it was written", "the log's head ... is
    missing", "cut recorded at entry ...") in a Dutch board: they are facts now, worded where shown."""
    import sqlite3

    from console.ui.language import install_language
    from tests.unit.test_sessions_and_log import _delete_newest, _logged, _opened

    assert install_language("nl")
    try:
        for name in ("changed", "head", "cut"):
            (tmp_path / name).mkdir()
        changed = _logged(tmp_path / "changed", 3)
        with sqlite3.connect(changed.database.path) as raw:
            raw.execute("UPDATE audit_log SET camera = 'cam-9' WHERE seq = 2")
        headless = _logged(tmp_path / "head", 3)
        headless.head_path.unlink()
        cut = _logged(tmp_path / "cut", 4)
        _delete_newest(cut.database.path, 2)
        cut.database.close()
        resumed = _opened(tmp_path / "cut")
        resumed.resume("root", "administrator (command line)", "pc", "PV 2026/1234")
        said = {}
        for name, log in (("changed", changed), ("head", headless), ("cut", resumed)):
            writer = AuditWriter(log)
            session = Session(User("karel.maes", "Karel Maes", Role.DATA_PROTECTION_OFFICER, "-"), "ws-09")
            board = BoardWindow(Accountability(writer, session), Supervision(log.database, log), {})
            qtbot.addWidget(board)
            board.verify()
            qtbot.waitUntil(lambda b=board: b.search_note.text().startswith("Auditlog:"), timeout=3000)
            said[name] = board.search_note.text()
            board.shutdown()
            writer.close()
            log.database.close()
        assert said["changed"] == "Auditlog: GEBROKEN bij regel 2: gewijzigd nadat de regel geschreven werd"
        assert said["head"] == ("Auditlog: GEBROKEN: de kop van de log (audit.key.head) ontbreekt: hij kan "
                                "verwijderde regels verbergen")  # fmt: skip
        assert said["cut"].startswith("Auditlog: 3 regels, keten intact; snede vastgelegd in regel 3 door root (")
        assert said["cut"].endswith(
            "): de log eindigde bij regel 2; er zijn regels verwijderd: de log eindigt bij regel 2, deze werkpost "
            "schreef of zag regel 4; notitie: PV 2026/1234"
        )
    finally:
        install_language("en")
