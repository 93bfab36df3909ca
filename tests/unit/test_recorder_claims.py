"""Which recorder records which camera, decided in the store (both backends), on an injected clock."""

from __future__ import annotations

import dataclasses

import pytest

from console.recorder.claims import RECORDER_DOWN, Claimed, ClaimKeeper, Lost, Offered, epoch_utc, fair_share
from console.store import archive
from console.store.archive import RecorderRecord

CAMERAS = ("cam-1", "cam-2", "cam-3", "cam-4", "cam-5")
START_S = 1_800_000_000.0  # 2027-01-15, epoch seconds like the claims'


class Clock:
    def __init__(self) -> None:
        self.now = START_S

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def report(problem: str | None = None) -> RecorderRecord:
    return RecorderRecord("", "pc-1", "/srv/recordings", epoch_utc(START_S), "", 10**11, 10**12, problem)


def look(database, keeper: ClaimKeeper, problem: str | None = None) -> list:
    with database.write() as transaction:
        return keeper.tick(transaction, report(problem))


def holders(database) -> dict[str, str]:
    with database.read() as transaction:
        return {claim.camera: claim.recorder for claim in archive.read_claims(transaction)}


def every(database, clock, keepers, seconds: float = 2.0, looks: int = 1, problems=None) -> dict[str, list]:
    """Each keeper looks ``looks`` times, the clock going on ``seconds`` before each round."""
    events: dict[str, list] = {keeper.recorder: [] for keeper in keepers}
    for _ in range(looks):
        clock.now += seconds
        for keeper in keepers:
            events[keeper.recorder] += look(database, keeper, (problems or {}).get(keeper.recorder))
    return events


def index_segment(database, camera: str, end_s: float, recorder: str) -> None:
    with database.write() as transaction:
        archive.add_segment(transaction, archive.SegmentRecord(0, camera, epoch_utc(end_s - 60), epoch_utc(end_s),
                                                               f"/srv/{recorder}/{camera}/{end_s}.ts", 1000, "h264",
                                                               None, recorder, "camera"))  # fmt: skip


def test_two_recorders_started_together_share_the_cameras_each_recorded_once(database, clock):
    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    events = every(database, clock, [first, second], looks=3)
    assert sorted(holders(database).items()) == sorted((camera, "rec-1" if camera in first.held else "rec-2")
                                                       for camera in CAMERAS)  # fmt: skip
    assert first.held.isdisjoint(second.held) and first.held | second.held == set(CAMERAS)
    assert sorted([len(first.held), len(second.held)]) == [2, 3]
    claimed = [event.camera for name in events for event in events[name] if isinstance(event, Claimed)]
    assert sorted(claimed) == sorted(CAMERAS)  # each camera started once, nothing handed to and fro
    assert not any(isinstance(event, (Lost, Offered)) for name in events for event in events[name])


def test_a_dead_recorders_cameras_are_taken_within_10_s_and_the_hole_is_a_recorder_down_gap(database, clock):
    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    dead = sorted(first.held)
    for camera in dead:
        index_segment(database, camera, clock.now - 0.5, "rec-1")  # its last indexed packet, half a second ago
    died_s = clock.now
    taken: list = []
    while not set(dead) <= second.held:
        taken += every(database, clock, [second], seconds=2.0)["rec-2"]  # rec-1 looks no more
        assert clock.now - died_s <= 10.0
    assert {event.camera: event.taken_from for event in taken if isinstance(event, Claimed)} == dict.fromkeys(
        dead, "rec-1"
    )
    assert set(holders(database).values()) == {"rec-2"}
    with database.read() as transaction:
        found = archive.gaps(transaction)
    assert [(gap.camera, gap.start_utc, gap.end_utc, gap.cause, gap.recorder) for gap in found] == [
        (camera, epoch_utc(died_s - 0.5), None, RECORDER_DOWN, "rec-2") for camera in dead
    ]  # ended by the new segment


def test_a_recorder_that_comes_back_after_its_cameras_were_taken_stops_them(database, clock):
    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    had = set(first.held)
    every(database, clock, [second], looks=5)  # rec-1 frozen 10 s (a stalled PC): its claims went stale
    events = every(database, clock, [first])["rec-1"]
    assert {event.camera for event in events if isinstance(event, Lost)} == had
    assert all(event.holder == "rec-2" and not event.was_offered for event in events if isinstance(event, Lost))
    assert first.held == set() and second.held == set(CAMERAS)
    every(database, clock, [first, second], looks=4)  # back in the room: the share is fair again
    assert sorted([len(first.held), len(second.held)]) == [2, 3]
    assert first.held.isdisjoint(second.held)


def test_a_new_recorder_gets_its_share_by_hand_over_without_a_gap(database, clock):
    first = ClaimKeeper("rec-1", CAMERAS, clock)
    every(database, clock, [first], looks=2)
    assert first.held == set(CAMERAS)
    for camera in CAMERAS:
        index_segment(database, camera, clock.now, "rec-1")
    second = ClaimKeeper("rec-2", CAMERAS, clock)
    events = every(database, clock, [first, second], looks=4)
    offered = [event.camera for event in events["rec-1"] if isinstance(event, Offered)]
    assert len(offered) == 2 and second.held == set(offered)  # offered, recorded on, then taken
    assert [event.taken_from for event in events["rec-2"] if isinstance(event, Claimed)] == ["rec-1", "rec-1"]
    assert all(event.gap_from_utc is None for event in events["rec-2"] if isinstance(event, Claimed))
    lost = [event for event in events["rec-1"] if isinstance(event, Lost)]
    assert {event.camera for event in lost} == set(offered) and all(event.was_offered for event in lost)
    with database.read() as transaction:
        assert archive.gaps(transaction) == []


def test_a_recorder_with_a_full_disk_offers_every_camera_and_takes_them_back_when_space_returns(database, clock):
    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    events = every(database, clock, [first, second], looks=3, problems={"rec-1": "disk full"})
    assert second.held == set(CAMERAS) and first.held == set()
    assert all(event.was_offered for event in events["rec-1"] if isinstance(event, Lost))
    every(database, clock, [first, second], looks=4)
    assert sorted([len(first.held), len(second.held)]) == [2, 3]


def test_a_recorder_alone_with_a_full_disk_keeps_its_cameras(database, clock):
    """Nobody else can record them: offered, they stay its own (it resumes when space returns)."""
    first = ClaimKeeper("rec-1", CAMERAS, clock)
    every(database, clock, [first], looks=2)
    every(database, clock, [first], looks=2, problems={"rec-1": "disk full"})
    assert first.held == set(CAMERAS) == set(first.offered)
    every(database, clock, [first], looks=1)
    assert first.held == set(CAMERAS) and first.offered == set()


def test_a_clean_stop_gives_the_cameras_back_at_once_and_the_taker_marks_the_hole(database, clock):
    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    given = sorted(first.held)
    index_segment(database, given[0], clock.now, "rec-1")
    with database.write() as transaction:
        assert {event.camera for event in first.release_all(transaction)} == set(given)
    stopped_s = clock.now
    events = every(database, clock, [second])["rec-2"]  # its next look, not 6 s later
    assert second.held == set(CAMERAS)
    gaps = {event.camera: event.gap_from_utc for event in events if isinstance(event, Claimed)}
    assert gaps == {given[0]: epoch_utc(stopped_s), **dict.fromkeys(given[1:])}  # never recorded: no gap


def test_a_camera_no_longer_recorded_is_given_back(database, clock):
    first = ClaimKeeper("rec-1", CAMERAS, clock)
    every(database, clock, [first], looks=2)
    first.cameras = CAMERAS[:3]
    events = every(database, clock, [first])["rec-1"]
    assert {event.camera for event in events if isinstance(event, Lost)} == set(CAMERAS[3:])
    assert sorted(holders(database)) == list(CAMERAS[:3])


def test_the_fair_share_lets_the_live_recorders_hold_every_camera():
    assert [fair_share(5, recorders) for recorders in (1, 2, 3, 5, 6)] == [5, 3, 2, 1, 1]
    assert fair_share(5, 0) == 0


def test_room_status_shows_each_recorder_its_cameras_disk_last_segment_problem_and_what_nobody_records(database, clock):
    import datetime as dt

    from console.cli_room import room_text
    from console.store.presence import read_presence

    first, second = ClaimKeeper("rec-1", CAMERAS, clock), ClaimKeeper("rec-2", CAMERAS, clock)
    every(database, clock, [first, second], looks=3)
    index_segment(database, sorted(second.held)[0], clock.now - 1, "rec-2")
    every(database, clock, [second], problems={"rec-2": "disk full"})  # rec-1 is killed meanwhile
    with database.read() as transaction:
        presence = read_presence(transaction, dt.datetime.fromtimestamp(clock.now + 5, dt.UTC))  # 7 s after rec-1
    rows = {row.name: row for row in presence.recorders}
    assert rows["rec-1"].is_stale and not rows["rec-2"].is_stale
    assert set(rows["rec-1"].cameras) == first.held and set(rows["rec-2"].cameras) == second.held
    assert (rows["rec-2"].problem, rows["rec-2"].last_camera) == ("disk full", sorted(second.held)[0])
    assert presence.unrecorded([*CAMERAS, "cam-9"]) == [*CAMERAS, "cam-9"]  # one dead, one with a full disk
    text = room_text(presence, list(CAMERAS))
    assert f"rec-1            no report since {epoch_utc(clock.now - 2)}  pc-1:/srv/recordings  disk 100.0 GB free of" \
           " 1000.0 GB" in text  # fmt: skip
    assert "    PROBLEM: disk full" in text
    assert f"    cameras (3): {', '.join(sorted(first.held))}" in text
    assert f"    last segment: {sorted(second.held)[0]} until {epoch_utc(clock.now - 3)}" in text
    assert f"NOT RECORDED NOW (no live recorder): {', '.join(CAMERAS)}" in text


class FakeService:
    """What the claims drive, without recording: the record and stop calls in order."""

    def __init__(self, name: str) -> None:
        self.name, self.host, self.root, self.started_utc = name, "pc-1", "/srv/recordings", epoch_utc(START_S)
        self.last_space = None
        self.problem = None
        self.calls: list[tuple[str, str]] = []
        self.closed = False

    def record(self, camera_id: str) -> None:
        self.calls.append(("record", camera_id))

    def stop(self, camera_id: str, cause: str | None = None) -> None:
        assert cause is None  # a hand-over overlaps; a take-over's gap is the taker's
        self.calls.append(("stop", camera_id))

    def close(self) -> None:
        self.closed = True


def test_a_recorder_records_what_it_claims_stops_what_it_lost_and_gives_all_back_when_it_stops(database, clock):
    from console.recorder.sharing import SharedRecording

    services = [FakeService("rec-1"), FakeService("rec-2")]
    first, second = (SharedRecording(database, service, CAMERAS, clock) for service in services)
    for _ in range(2):
        clock.now += 2
        first.look()
    for _ in range(4):
        clock.now += 2
        first.look()
        second.look()
    first.close()  # every action done, the service closed, then the claims given back
    assert services[0].closed
    recorded = [camera for action, camera in services[0].calls if action == "record"]
    stopped = [camera for action, camera in services[0].calls if action == "stop"]
    assert recorded == list(CAMERAS) and len(stopped) == 2  # its share went to rec-2 by hand-over
    clock.now += 2
    second.look()
    second.close()
    assert sorted(camera for action, camera in services[1].calls if action == "record") == sorted(CAMERAS)
    with database.read() as transaction:
        assert archive.read_claims(transaction) == []
        assert {record.name: record.problem for record in archive.read_recorders(transaction)} == {
            "rec-1": "stopped", "rec-2": "stopped"}  # fmt: skip


def test_a_recorder_pulls_each_camera_from_the_relay_as_itself():
    import dataclasses

    from console.config.room import WHEN_DOWN, Relay
    from console.recorder.sharing import relayed_sources

    source_class = dataclasses.make_dataclass("RecordingSource", ["camera", "url", "stream"], frozen=True)
    relay = Relay("relay.room", 8654, "0.0.0.0", 10.0, dict(WHEN_DOWN), password="Opname-Geheim-77")
    found = relayed_sources({"cam-1": source_class("cam-1", "rtsp://admin:pw@10.0.0.5/h264", "sub")}, relay,
                            "recorder-1")  # fmt: skip
    assert found["cam-1"].url == "rtsp://recorder-1:Opname-Geheim-77@relay.room:8654/cam-1/sub"


def test_a_recorder_in_a_room_without_its_relay_secret_says_so_and_pulls_nothing(tmp_path, monkeypatch, capsys):
    from console.cli_record import pulled_through_the_room
    from console.config.loader import load_camera_config

    (tmp_path / "cameras.yaml").write_text(
        "version: 1\nareas:\n  - {id: station, name: Station}\ncameras:\n  - id: cam-1\n    name: Camera 1\n"
        "    kind: fixed\n    area: station\n    location: {street: Teststraat, lat: 50.8, lon: 3.2}\n"
        "    streams: {main: 'rtsp://admin:Camera-Geheim-1@10.0.0.5/main'}\n"
        "    recording: {stream: main, retention_days: 30}\n", encoding="utf-8")  # fmt: skip
    (tmp_path / "room.yaml").write_text(
        "version: 1\nrelay:\n  host: relay.room\n  password: ${UITKIJK_RELAY_PASSWORD}\n", encoding="utf-8"
    )
    config = load_camera_config(tmp_path, {})
    sources = {"cam-1": dataclasses.make_dataclass("Source", ["camera", "url", "stream"])(
        "cam-1", config.cameras[0].streams.main, "main")}  # fmt: skip
    monkeypatch.delenv("UITKIJK_RELAY_PASSWORD", raising=False)
    assert pulled_through_the_room(config, sources, "recorder-1") is None
    assert "this recorder pulls from it as 'recorder-1' with its own secret" in capsys.readouterr().err
    monkeypatch.setenv("UITKIJK_RELAY_PASSWORD", "Opname-Geheim-77")
    pulled = pulled_through_the_room(config, sources, "recorder-1")
    assert pulled["cam-1"].url == "rtsp://recorder-1:Opname-Geheim-77@relay.room:8654/cam-1/main"
    (tmp_path / "room.yaml").unlink()  # a desk alone: the camera itself
    assert pulled_through_the_room(config, sources, "recorder-1") is sources


def test_room_status_counts_a_recorder_that_pulls_a_stream_as_no_desk():
    from console.cli_room import room_text
    from console.store.presence import Presence, RecorderRow
    from console.store.relay import RelayRow, RelayStreamRow

    now = epoch_utc(START_S)
    streams = (RelayStreamRow("relay", "/cam-1/sub", "cam-1", "sub", True, 3, 10**6, 3 * 10**6, 1, "h264", 0.1, None,
                              ("recorder-1", "ws-01", "ws-02")),
               RelayStreamRow("relay", "/cam-2/sub", "cam-2", "sub", True, 1, 10**6, 10**6, 1, "h264", 0.1, None,
                              ("recorder-1",)))  # fmt: skip
    recorder = RecorderRow("recorder-1", "pc", "/srv", now, now, False, 10**9, 10**12, None, ("cam-1", "cam-2"))
    text = room_text(Presence((), (), (), (), now, (RelayRow("relay", now, now, streams),), (), (recorder,)))
    assert (
        "/cam-1/sub                   2 desks  in" in text and "pulled 1x  ws-01, ws-02; services: recorder-1" in text
    )
    assert "/cam-2/sub                   0 desks  in" in text and "pulled 1x  services: recorder-1" in text


def test_room_status_counts_desks_as_desks_names_services_apart_and_lists_no_stream_of_a_silent_relay():
    """The events service is no desk either (it was counted as one); a relay that stopped reporting (killed) lists
    none of the streams it last said it pulled: they are not pulled now."""
    from console.cli_room import room_text
    from console.store.presence import STALE_AFTER_S, Presence, RecorderRow
    from console.store.relay import RelayRow, RelayStreamRow

    now = epoch_utc(START_S)
    silent = epoch_utc(START_S - STALE_AFTER_S - 30)
    live = (RelayStreamRow("relay-1:8654", "/cam-1/sub", "cam-1", "sub", True, 4, 10**6, 4 * 10**6, 1, "h264", 0.1,
                           None, ("events-1", "recorder-1", "ws-01", "ws-02")),)  # fmt: skip
    dead = (RelayStreamRow("relay-2:8654", "/cam-9/sub", "cam-9", "sub", True, 2, 10**6, 2 * 10**6, 1, "h264", 0.1,
                           None, ("ws-01", "ws-09")),)  # fmt: skip
    recorder = RecorderRow("recorder-1", "pc", "/srv", now, now, False, 10**9, 10**12, None, ("cam-1",))
    intakes = [{"name": "events-1", "host": "pc", "started_utc": now, "last_seen_utc": now, "cameras": {},
                "problem": None, "is_stale": False}]  # fmt: skip
    relays = (RelayRow("relay-1:8654", now, now, live), RelayRow("relay-2:8654", now, silent, dead))
    text = room_text(Presence((), (), (), (), now, relays, (), (recorder,)), None, intakes)
    assert "/cam-1/sub                   2 desks  in" in text, text
    assert "pulled 1x  ws-01, ws-02; services: events-1, recorder-1" in text
    assert f"Relay relay-2:8654: no report since {silent} (it then pulled 1 of 1 streams; not listed)" in text
    assert "/cam-9/sub" not in text
