"""Which relay serves which camera when a room runs several, decided in the store (both backends), on an injected
clock; and where a desk then pulls each camera."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from console.config.room import WHEN_DOWN, Relay
from console.config.schema import Camera
from console.onvif.directory import StreamDirectory
from console.relay.claims import STALE_AFTER_S, Claimed, Lost, Offered, RelayClaimKeeper, live_claims
from console.store import presence
from console.store import relay as table

CAMERAS = ("cam-1", "cam-2", "cam-3", "cam-4", "cam-5")
START_S = 1_800_000_000.0
RELAY_A, RELAY_B, RELAY_C = "relay-a.zone:8654", "relay-b.zone:8654", "relay-c.zone:8654"


class Clock:
    def __init__(self) -> None:
        self.now = START_S

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def look(database, keeper: RelayClaimKeeper) -> list:
    with database.write() as transaction:
        return keeper.tick(transaction)


def holders(database) -> dict[str, str]:
    with database.read() as transaction:
        return {claim.camera: claim.relay for claim in table.read_claims(transaction)}


def every(database, clock, keepers, seconds: float = 2.0, looks: int = 1) -> dict[str, list]:
    events: dict[str, list] = {keeper.relay: [] for keeper in keepers}
    for _ in range(looks):
        clock.now += seconds
        for keeper in keepers:
            events[keeper.relay] += look(database, keeper)
    return events


def test_two_relays_started_together_share_the_cameras_each_served_by_one(database, clock):
    first, second = RelayClaimKeeper(RELAY_A, CAMERAS, clock), RelayClaimKeeper(RELAY_B, CAMERAS, clock)
    events = every(database, clock, [first, second], looks=3)
    assert first.held.isdisjoint(second.held) and first.held | second.held == set(CAMERAS)
    assert sorted([len(first.held), len(second.held)]) == [2, 3]
    assert holders(database) == {camera: RELAY_A if camera in first.held else RELAY_B for camera in CAMERAS}
    claimed = [event.camera for name in events for event in events[name] if isinstance(event, Claimed)]
    assert sorted(claimed) == sorted(CAMERAS)  # each mounted once, nothing handed to and fro
    assert not any(isinstance(event, (Lost, Offered)) for name in events for event in events[name])


def test_a_claim_is_compare_and_set_a_live_relays_camera_is_never_taken(database, clock):
    with database.write() as transaction:
        assert table.claim(transaction, "cam-1", RELAY_A, clock.now, clock.now - STALE_AFTER_S)
        assert not table.claim(transaction, "cam-1", RELAY_B, clock.now + 1, clock.now + 1 - STALE_AFTER_S)
        assert table.claim(transaction, "cam-1", RELAY_A, clock.now + 2, clock.now + 2 - STALE_AFTER_S)  # renewed
    clock.now += 2 + STALE_AFTER_S - 0.5
    with database.write() as transaction:  # not yet stale
        assert not table.claim(transaction, "cam-1", RELAY_B, clock.now, clock.now - STALE_AFTER_S)
    clock.now += 1
    with database.write() as transaction:  # stale: the first of the others to ask takes it, the second does not
        assert table.claim(transaction, "cam-1", RELAY_B, clock.now, clock.now - STALE_AFTER_S)
        assert not table.claim(transaction, "cam-1", RELAY_C, clock.now, clock.now - STALE_AFTER_S)
    assert holders(database) == {"cam-1": RELAY_B}


def test_a_dead_relays_cameras_are_taken_within_10_s_and_the_take_over_is_a_fact(database, clock):
    first, second = RelayClaimKeeper(RELAY_A, CAMERAS, clock), RelayClaimKeeper(RELAY_B, CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    dead = set(second.held)
    died_s = clock.now
    taken_at_s = None
    while taken_at_s is None:  # only the first relay looks on
        clock.now += 2.0
        look(database, first)
        if first.held == set(CAMERAS):
            taken_at_s = clock.now
    assert taken_at_s - died_s <= 8.0  # stale after 6 s, seen at the next look (2 s): mounted well within 10 s
    with database.read() as transaction:
        takeovers = table.read_takeovers(transaction)
    assert {(takeover.camera, takeover.relay, takeover.taken_from, takeover.cause) for takeover in takeovers} == {
        (camera, RELAY_A, RELAY_B, table.RELAY_DOWN) for camera in dead
    }
    assert {event.camera for event in look(database, second) if isinstance(event, Lost)} == dead  # it came back


def test_a_new_relay_gets_its_share_by_hand_over_and_a_clean_stop_gives_all_back(database, clock):
    first = RelayClaimKeeper(RELAY_A, CAMERAS, clock)
    every(database, clock, [first], looks=2)
    assert first.held == set(CAMERAS)
    second = RelayClaimKeeper(RELAY_B, CAMERAS, clock)
    every(database, clock, [first, second], looks=4)
    assert sorted([len(first.held), len(second.held)]) == [2, 3] and first.held.isdisjoint(second.held)
    with database.read() as transaction:
        assert {takeover.cause for takeover in table.read_takeovers(transaction)} == {table.HANDED_OVER}
    with database.write() as transaction:
        given = first.release_all(transaction)
    assert {event.camera for event in given} == set(CAMERAS) - second.held
    every(database, clock, [second], looks=1)
    assert second.held == set(CAMERAS)  # at its next look, not after a staleness


def test_room_status_shows_which_relay_serves_which_camera_and_the_take_overs(database, clock):
    from console.cli_room import room_text

    first, second = RelayClaimKeeper(RELAY_A, CAMERAS, clock), RelayClaimKeeper(RELAY_B, CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    dead = sorted(second.held)
    clock.now += STALE_AFTER_S + 2.0
    look(database, first)
    with database.read() as transaction:
        text = room_text(presence.read_presence(transaction, dt.datetime.fromtimestamp(clock.now, dt.UTC)))
    assert f"{RELAY_A:22} serves 5: {', '.join(CAMERAS)}" in text
    # One line for the event (its cameras named), not one per camera.
    assert f"{RELAY_A} took {len(dead)} cameras from {RELAY_B} (relay down): {', '.join(dead)}" in text
    assert sum(1 for line in text.splitlines() if "(relay down)" in line) == 1, text


def test_a_desk_pulls_each_camera_from_the_relay_that_claims_it_and_moves_with_the_claim():
    cameras = [Camera.model_validate({"id": camera, "name": camera, "kind": kind, "area": "a",
                                      "location": {"street": "s", "lat": 50.8, "lon": 3.2},
                                      "streams": {"main": f"rtsp://10.0.0.1/{camera}"}})
               for camera, kind in (("cam-1", "fixed"), ("cam-2", "fixed"))]  # fmt: skip
    relay = Relay("relay-a.zone", 8654, "0.0.0.0", 10.0, {**WHEN_DOWN, "fixed": "wait"}, "Desk-Secret-1", "ws-01",
                  others=(RELAY_B,))  # fmt: skip
    directory = StreamDirectory(cameras, relay=relay)
    told: list[str] = []
    directory.streams_changed.connect(told.append)
    claims = [table.RelayClaim("cam-1", RELAY_A, START_S, START_S), table.RelayClaim("cam-2", RELAY_B, START_S, 1.0)]
    directory.set_relay_addresses(live_claims(claims, START_S + 1))
    assert directory.url(cameras[0], "sub") == "rtsp://ws-01:Desk-Secret-1@relay-a.zone:8654/cam-1/sub"
    assert directory.url(cameras[1], "sub") == "rtsp://ws-01:Desk-Secret-1@relay-a.zone:8654/cam-2/sub"  # waits
    assert told == ["cam-1", "cam-2"]  # the first answer: every camera looks again where it is
    directory.set_relay_addresses({"cam-1": RELAY_B, "cam-2": RELAY_B})  # the first relay died: b took its cameras
    assert directory.url(cameras[0], "sub") == "rtsp://ws-01:Desk-Secret-1@relay-b.zone:8654/cam-1/sub"
    assert directory.is_relayed(directory.url(cameras[0], "sub"))
    assert told == ["cam-1", "cam-2", "cam-1", "cam-2"]
    # A camera that may be pulled directly: at the first relay until the claims are read (never the camera at the
    # start: the desk opens streams before its first read), the camera itself while no live relay claims it.
    direct = StreamDirectory(cameras, relay=dataclasses.replace(relay, when_down=dict(WHEN_DOWN)))
    assert direct.url(cameras[1], "sub") == "rtsp://ws-01:Desk-Secret-1@relay-a.zone:8654/cam-2/sub"
    direct.set_relay_addresses({"cam-1": RELAY_A})
    assert direct.url(cameras[1], "main") == "rtsp://10.0.0.1/cam-2"


def test_room_yaml_names_several_relays_each_started_by_its_host_and_a_relay_named_twice_is_a_fault(tmp_path):
    from console.config.errors import ConfigError
    from console.config.room import load_room_file

    path = tmp_path / "room.yaml"
    path.write_text("version: 1\nrelay:\n  host: relay-a.zone\n  also:\n    - {host: relay-b.zone, listen: 10.0.0.2}\n"
                    "    - {host: relay-c.zone, port: 8655}\n", encoding="utf-8")  # fmt: skip
    relay = load_room_file(path, {}).relay
    assert relay is not None and relay.is_shared and relay.address == "relay-a.zone:8654"
    assert relay.others == ("relay-b.zone:8654", "relay-c.zone:8655")
    second = relay.one_of_the_room("relay-b.zone")
    assert second is not None and (second.address, second.listen) == ("relay-b.zone:8654", "10.0.0.2")
    assert second.others == ("relay-a.zone:8654", "relay-c.zone:8655") and second.is_shared
    assert relay.one_of_the_room("relay-z.zone") is None
    path.write_text("version: 1\nrelay:\n  host: relay-a.zone\n  also:\n    - {host: relay-a.zone, port: 8654}\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(ConfigError, match="the relay relay-a.zone:8654 is named twice"):
        load_room_file(path, {})
    path.write_text("version: 1\nrelay:\n  host: relay-a.zone\n", encoding="utf-8")
    alone = load_room_file(path, {}).relay
    assert alone is not None and not alone.is_shared  # today's room.yaml: one relay, no claims


def test_a_service_opens_a_relay_url_at_the_relay_that_claims_its_camera_now(database, clock):
    from console.relay.claims import RelayLocator

    relay = Relay("relay-a.zone", 8654, "0.0.0.0", 10.0, dict(WHEN_DOWN), "Recorder-Secret-1", "recorder-1",
                  others=(RELAY_B,))  # fmt: skip
    locate = RelayLocator(database, relay, clock)
    with database.write() as transaction:
        table.claim(transaction, "cam-1", RELAY_B, clock.now, clock.now - STALE_AFTER_S)
    assert locate(relay.url("cam-1", "main")) == "rtsp://recorder-1:Recorder-Secret-1@relay-b.zone:8654/cam-1/main"
    assert locate(relay.at(RELAY_C).url("cam-1", "main")) == relay.at(RELAY_C).url("cam-1", "main")  # not ours
    relay_b = relay.at(RELAY_B)
    with database.write() as transaction:
        table.claim(transaction, "cam-3", RELAY_A, clock.now, clock.now - STALE_AFTER_S)
    assert locate(relay_b.url("cam-3", "sub")) == relay.url("cam-3", "sub")  # at the other relay of the room: moved
    assert locate(relay.url("cam-2", "sub")) == relay.url("cam-2", "sub")  # nobody claims it: where it was
    assert locate("rtsp://10.0.0.1/cam-1") == "rtsp://10.0.0.1/cam-1"  # the camera itself: not the relay's
    clock.now += STALE_AFTER_S + 1
    assert locate(relay.url("cam-1", "main")) == relay.url("cam-1", "main")  # its relay is dead: no live claim
    alone = Relay("relay-a.zone", 8654, "0.0.0.0", 10.0, dict(WHEN_DOWN), "Recorder-Secret-1", "recorder-1")
    assert RelayLocator(database, alone, clock)(alone.url("cam-1", "main")) == alone.url("cam-1", "main")


def report_pulled(database, relay: str, cameras) -> None:
    """The relay's report: the sub stream of each of ``cameras`` pulled by a desk."""
    rows = [table.RelayStreamRow(relay, f"/{camera}/sub", camera, "sub", True, 1, 0, 0, 1, "h264", 0.1, None,
                                 ("ws-01",)) for camera in cameras]  # fmt: skip
    with database.write() as transaction:
        table.write_report(transaction, relay, "2027-01-15T08:00:00Z", "2027-01-15T08:00:00Z", rows)


def test_a_relay_that_comes_back_takes_no_watched_camera_only_unwatched_ones(database, clock):
    first, second = RelayClaimKeeper(RELAY_A, CAMERAS, clock), RelayClaimKeeper(RELAY_B, CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    clock.now += STALE_AFTER_S + 2.0  # the second dies: the first takes all
    look(database, first)
    assert first.held == set(CAMERAS)
    watched = {"cam-4", "cam-5"}  # desks watch these through the first relay now
    pulled = {camera: 1 for camera in watched}
    report_pulled(database, RELAY_A, watched)
    back = RelayClaimKeeper(RELAY_B, CAMERAS, clock)  # the second relay comes back
    events: list = []
    for _ in range(5):
        clock.now += 2.0
        events += _tick(database, first, pulled)
        events += look(database, back)
    assert watched <= first.held and back.held and back.held.isdisjoint(watched)
    assert not any(isinstance(event, Lost) and event.camera in watched for event in events)  # no desk blinked
    assert len(back.held) == 3  # the load shared: the first 2 watched cameras (weight 2 each) + 0, the second 3


def _tick(database, keeper: RelayClaimKeeper, pulled) -> list:
    with database.write() as transaction:
        return keeper.tick(transaction, pulled)


def test_a_dead_relays_watched_cameras_are_spread_over_the_others_by_load(database, clock):
    cameras = tuple(f"cam-{index}" for index in range(1, 10))
    keepers = [RelayClaimKeeper(relay, cameras, clock) for relay in (RELAY_A, RELAY_B, RELAY_C)]
    every(database, clock, keepers, looks=3)
    assert sorted(len(keeper.held) for keeper in keepers) == [3, 3, 3]
    dead = keepers[2]
    report_pulled(database, dead.relay, sorted(dead.held)[:2])  # its last report: two of its cameras watched
    watched = set(sorted(dead.held)[:2])
    every(database, clock, keepers[:2], looks=5)  # the third is dead: the others look on
    assert {keeper.relay for keeper in keepers[:2] if keeper.held & watched} == {RELAY_A, RELAY_B}  # one each
    assert keepers[0].held | keepers[1].held == set(cameras)
