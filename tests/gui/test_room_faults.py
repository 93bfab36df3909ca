"""The team chief's alert strip says a relay of the room that stopped reporting, and that the room has no spare."""

from __future__ import annotations

import datetime as dt

import pytest

from console.store import open_store_file
from console.store import relay as relay_table
from console.store.backend import utc_text
from console.ui.alert_strip import AlertStrip
from console.ui.language import install_language
from console.ui.watchers import RoomWatchers

ROOM = ("relay-1.zone.local:8654", "relay-2.zone.local:8654")


def report(database, address: str, seconds_ago: float) -> None:
    now = dt.datetime.now(dt.UTC)
    with database.write() as transaction:
        relay_table.write_report(transaction, address, utc_text(now - dt.timedelta(hours=1)),
                                 utc_text(now - dt.timedelta(seconds=seconds_ago)), [])  # fmt: skip


@pytest.mark.parametrize(
    ("language", "chip"), [("nl", "\u26a0 relay-2 uit, geen reserve"), ("fr", "\u26a0 relay-2 HS, sans réserve")]
)
def test_a_dead_relay_is_a_chip_on_the_strip_in_the_users_language_until_it_reports_again(qtbot, tmp_path, language,
                                                                                           chip):  # fmt: skip
    assert install_language(language)
    database = open_store_file(tmp_path / "store.sqlite3")
    report(database, ROOM[0], 1)
    report(database, ROOM[1], 30)  # killed half a minute ago: its report is old
    watchers = RoomWatchers(database, None, None, (), relays=ROOM)
    strip = AlertStrip()
    qtbot.addWidget(strip)
    watchers.relays_changed.connect(lambda alert: strip.show_alerts([alert] if alert is not None else []))
    try:
        strip.show()
        with qtbot.waitSignal(watchers.relays_changed, timeout=5000):
            watchers.start()
        assert strip.chip("relay") == chip and not strip.calm.isVisible()
        assert "relay-2.zone.local:8654" in strip.buttons["relay"].toolTip()
        report(database, ROOM[1], 0)  # back
        with qtbot.waitSignal(watchers.relays_changed, timeout=5000) as changed:
            watchers.read()
        assert changed.args == [None]
        qtbot.waitUntil(lambda: strip.chip("relay") == "" and strip.calm.isVisible(), timeout=5000)
    finally:
        watchers.shutdown()
        database.close()
        install_language("en")
