"""The room's relay faults as the team chief and the IT department read them: a relay that stopped reporting, the
room without a spare, and the take-overs one line per event."""

from __future__ import annotations

import datetime as dt

from console.cli_room import takeover_events
from console.services.room_faults import chip_name, relay_name, relays_down
from console.store.backend import utc_text
from console.store.relay import RelayRow, Takeover

NOW = dt.datetime(2026, 12, 5, 8, 7, 20, tzinfo=dt.UTC)
ROOM = ("relay-1.zone.local:8654", "relay-2.zone.local:8654")


def report(address: str, seconds_ago: float) -> RelayRow:
    seen = NOW - dt.timedelta(seconds=seconds_ago)
    return RelayRow(address, utc_text(NOW - dt.timedelta(minutes=30)), utc_text(seen), ())


def test_a_relay_is_named_by_its_host_and_by_its_port_only_when_two_share_a_host():
    assert relay_name("relay-2.zone.local:8654", ROOM) == "relay-2.zone.local"
    assert relay_name("127.0.0.1:18655", ("127.0.0.1:18654", "127.0.0.1:18655")) == "127.0.0.1:18655"
    assert chip_name("relay-2.zone.local:8654", ROOM) == "relay-2"
    assert chip_name("127.0.0.1:18655", ("127.0.0.1:18654", "127.0.0.1:18655")) is None  # too long: "relay"
    assert chip_name("10.0.0.7:8654", ("10.0.0.7:8654", "10.0.0.8:8654")) == "10.0.0.7"


def test_a_relay_silent_past_the_limit_is_down_and_the_room_left_on_one_has_no_spare():
    assert relays_down([report(ROOM[0], 1), report(ROOM[1], 2)], ROOM, NOW) is None
    alert = relays_down([report(ROOM[0], 1), report(ROOM[1], 13)], ROOM, NOW)
    assert alert is not None and alert.kind == "relay" and alert.count == 1 and alert.is_urgent
    assert str(alert.chip) == "relay-2 down, no spare"  # short on its chip, whole in its text
    since = (NOW - dt.timedelta(seconds=13)).astimezone().strftime("%H:%M:%S")
    assert str(alert.text) == (f"relay relay-2.zone.local (relay-2.zone.local:8654) silent since {since} \u2013 the "
                               "room runs on one relay, without a spare: call IT")  # fmt: skip
    three = (*ROOM, "relay-3.zone.local:8654")  # one of three down: a spare is left
    alert = relays_down([report(three[0], 1), report(three[1], 1), report(three[2], 60)], three, NOW)
    assert alert is not None and str(alert.chip) == "Relay relay-3 down"
    assert str(alert.text).endswith("the room runs on 2 of 3 relays: call IT")
    # A room of several: a relay that never reported is down too; every one down: no relay.
    alert = relays_down([report(ROOM[1], 30)], ROOM, NOW)
    assert alert is not None and alert.count == 2 and str(alert.chip) == "No relay"
    # One relay alone that never reported says nothing (it may run without the store: its desks say it).
    assert relays_down([], ROOM[:1], NOW) is None


def test_a_relays_death_in_a_200_camera_room_is_one_take_over_line_not_one_per_camera():
    at = NOW - dt.timedelta(seconds=5)
    cameras = [f"cam-{number:03d}" for number in range(100)]
    taken = [Takeover(utc_text(at + dt.timedelta(milliseconds=number * 40)), camera, ROOM[0], ROOM[1], "relay down")
             for number, camera in enumerate(cameras)]  # fmt: skip
    earlier = Takeover(utc_text(NOW - dt.timedelta(hours=1)), "cam-007", ROOM[1], None, "handed over")
    lines = takeover_events([*reversed(taken), earlier])  # newest first, as the store gives them
    assert lines == [f"{taken[-1].at_utc}  {ROOM[0]} took 100 cameras from {ROOM[1]} (relay down): cam-000, cam-001,"
                     " cam-002, cam-003, cam-004 and 95 more",
                     f"{earlier.at_utc}  {ROOM[1]} took 1 camera from - (handed over): cam-007"]  # fmt: skip
