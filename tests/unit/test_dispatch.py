"""Dispatch: the state machines, the queue, places, the configuration files, and changes on a real SQLite store."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil

import pytest

from console.audit.log import AuditLog, ChangeRefused, Record
from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.dispatch import service, timeline
from console.dispatch.config import (
    BadPlate,
    load_units,
    load_watchlists,
    normalise_plate,
)
from console.dispatch.model import (
    INCIDENT_TRANSITIONS,
    UNIT_TRANSITIONS,
    IllegalChange,
    Incident,
    IncidentState,
    Place,
    Source,
    UnitState,
    cameras_for,
    check_incident_transition,
    check_unit_transition,
    locate,
    overdue,
    queue_order,
)
from console.dispatch.service import Draft, Read
from console.paths import DEFAULT_CONFIG_DIR
from console.services.dispatch_reads import DispatchReader
from console.store import open_store

WHO = {"user": "an.peeters", "role": "operator", "workstation": "desk-2"}
TODAY = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 21, 0, tzinfo=dt.UTC)

LEGAL_INCIDENT = {
    ("new", "dispatched"), ("new", "cancelled"), ("new", "merged"),
    ("dispatched", "on scene"), ("dispatched", "new"), ("dispatched", "cancelled"), ("dispatched", "merged"),
    ("on scene", "closed"), ("on scene", "merged"),
}  # fmt: skip
LEGAL_UNIT = {
    ("available", "dispatched"), ("available", "busy"), ("available", "out of service"),
    ("dispatched", "en route"), ("dispatched", "available"), ("en route", "on scene"), ("en route", "available"),
    ("on scene", "available"), ("busy", "available"), ("busy", "out of service"), ("out of service", "available"),
}  # fmt: skip


# -- the state machines: every pair --------------------------------------------------------------------
@pytest.mark.parametrize(("current", "wanted"), list(itertools.product(IncidentState, IncidentState)))
def test_incident_transitions(current, wanted):
    if (current.value, wanted.value) in LEGAL_INCIDENT:
        check_incident_transition("2026-0001", current, wanted)
    else:
        with pytest.raises(IllegalChange, match="2026-0001"):
            check_incident_transition("2026-0001", current, wanted)


@pytest.mark.parametrize(("current", "wanted"), list(itertools.product(UnitState, UnitState)))
def test_unit_transitions(current, wanted):
    if (current.value, wanted.value) in LEGAL_UNIT:
        check_unit_transition("Leie 11", current, wanted)
    else:
        with pytest.raises(IllegalChange, match=f"Leie 11 cannot go from {current.value} to {wanted.value}"):
            check_unit_transition("Leie 11", current, wanted)


def test_the_tables_are_the_ones_domain_md_describes():
    assert {(a.value, b.value) for a, targets in INCIDENT_TRANSITIONS.items() for b in targets} == LEGAL_INCIDENT
    assert {(a.value, b.value) for a, targets in UNIT_TRANSITIONS.items() for b in targets} == LEGAL_UNIT
    with pytest.raises(IllegalChange, match="dispatch a unit first"):
        check_incident_transition("2026-0001", IncidentState.NEW, IncidentState.ON_SCENE)
    with pytest.raises(IllegalChange, match="it cannot change any more"):
        check_incident_transition("2026-0001", IncidentState.CLOSED, IncidentState.NEW)


# -- the queue -------------------------------------------------------------------------------------------
def incident(number: int, priority: int, minutes_ago: float, state=IncidentState.NEW, **more) -> Incident:
    created = (NOW - dt.timedelta(minutes=minutes_ago)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return Incident(f"2026-{number:04d}", Source.PHONE, "fight", priority, state, created, "an", **more)


def test_the_queue_is_open_incidents_by_priority_then_longest_waiting():
    incidents = [incident(1, 3, 50), incident(2, 1, 5), incident(3, 2, 30), incident(4, 1, 20),
                 incident(5, 1, 90, IncidentState.CLOSED), incident(6, 2, 40, IncidentState.ON_SCENE)]  # fmt: skip
    assert [i.id for i in queue_order(incidents)] == ["2026-0004", "2026-0002", "2026-0006", "2026-0003", "2026-0001"]


def test_within_a_priority_a_call_waiting_for_a_unit_comes_before_one_that_has_one():
    served = incident(7, 1, 30, IncidentState.DISPATCHED, first_dispatched_utc="2026-11-22T20:40:00.000000Z")
    waiting = incident(8, 1, 4)
    assert [i.id for i in queue_order([served, waiting, incident(9, 2, 60)])] == ["2026-0008", "2026-0007", "2026-0009"]


def test_only_undispatched_priority_one_incidents_past_the_limit_are_overdue():
    dispatched = incident(3, 1, 10, IncidentState.DISPATCHED, first_dispatched_utc="2026-11-22T20:55:00.000000Z")
    incidents = [incident(1, 1, 3), incident(2, 1, 1), dispatched, incident(4, 2, 30)]
    assert [i.id for i in overdue(incidents, NOW, wait_s=120)] == ["2026-0001"]
    assert incidents[0].waiting_s(NOW) == pytest.approx(180)
    assert dispatched.waiting_s(NOW) == 0


# -- places -------------------------------------------------------------------------------------------------
PLACES = [
    Place("a", "station", "Stationsplein", 50.8245, 3.2646), Place("b", "station", "Stationsplein", 50.8241, 3.2660),
    Place("c", "station", "Leiestraat", 50.8262, 3.2653), Place("d", "park", "Parkstraat", 50.8300, 3.2400),
    Place("e", "station", "Ring", 50.8100, 3.3000), Place("anpr", "station", "Stationsplein", 50.8243, 3.2650, "anpr"),
]  # fmt: skip


def test_video_follows_an_incident_linked_first_then_nearest_then_its_area():
    near_b = incident(1, 1, 1, lat=50.8241, lon=3.2659, area="station", cameras=("d",))
    assert cameras_for(near_b, PLACES) == ["d", "b", "a", "c"]
    assert cameras_for(near_b, PLACES, count=6) == ["d", "b", "a", "c", "e"]  # e: same area, 1.8 km away
    assert cameras_for(incident(2, 1, 1, area="park"), PLACES) == ["d"]  # no coordinates: the area's cameras


def test_an_address_on_a_known_street_is_placed_at_its_cameras():
    found = locate("fight in front of STATIONSPLEIN 12", PLACES)
    assert found is not None and found.street == "Stationsplein" and found.area == "station"
    assert found.lat == pytest.approx((50.8245 + 50.8241 + 50.8243) / 3)
    assert locate("Somewhere else 3", PLACES) is None


# -- configuration -----------------------------------------------------------------------------------------
def test_the_demo_units_and_watchlists_load():
    config = load_camera_config(DEFAULT_CONFIG_DIR)
    units = load_units(config)
    assert len(units.units) >= 6 and {unit.kind.value for unit in units.units} == {"car", "bike", "foot"}
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    assert lists.expired(TODAY) and all(entry.is_expired(TODAY) for entry in lists.expired(TODAY))


def units_errors(tmp_path, text: str) -> str:
    if not (tmp_path / "cfg").exists():
        shutil.copytree(DEFAULT_CONFIG_DIR, tmp_path / "cfg")
    (tmp_path / "cfg" / "units.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_units(load_camera_config(tmp_path / "cfg"))
    return str(caught.value)


def test_a_broken_units_file_names_file_line_and_key(tmp_path):
    text = units_errors(tmp_path, "version: 1\nunits:\n  - {call_sign: Leie 11, kind: car}\n"
                        "  - {call_sign: Leie 11, kind: boat}\n  - {call_sign: Leie 12, kind: car, area: statoin}\n"
                        "  - {call_sign: Leie 13, knd: car}\n")  # fmt: skip
    assert "units.yaml:4:" in text and "units[1].kind" in text
    assert "units.yaml:6:" in text and "unknown key 'knd' (did you mean 'kind'?)" in text
    text = units_errors(tmp_path, "version: 1\nunits:\n  - {call_sign: Leie 11, kind: car}\n"
                        "  - {call_sign: leie 11, kind: bike}\n"
                        "  - {call_sign: Leie 12, kind: car, area: statoin}\n")  # fmt: skip
    assert "units.yaml:4:" in text and "duplicate call sign 'leie 11' (first on line 3)" in text
    assert "units.yaml:5:" in text and "unknown area 'statoin' (did you mean 'station'?)" in text


def test_a_broken_watchlist_names_line_and_key(tmp_path):
    (tmp_path / "watchlists.yaml").write_text(
        "version: 1\nentries:\n  - {plate: 1-ABC-234, list: stolen, reason: x, owner: y, expires: 2027-01-01}\n"
        "  - {plate: '1-AB?', list: stolen, reason: x, owner: y, expires: 2027-01-01}\n"
        "  - {plate: 1ABC234, list: stolen, reason: x, owner: y, expires: 2027-01-01}\n")  # fmt: skip
    with pytest.raises(ConfigError) as caught:
        load_watchlists(tmp_path)
    text = str(caught.value)
    assert "watchlists.yaml:4:" in text and "is not a number plate" in text


def test_plates_are_compared_without_dashes_spaces_or_case():
    assert normalise_plate(" 1-abc 234 ") == "1ABC234"
    with pytest.raises(BadPlate, match="not a number plate"):
        normalise_plate("1-ABC-23$")


def test_an_expired_list_entry_never_matches():
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    expired = lists.expired(TODAY)[0]
    assert lists.match(expired.plate, expired.country, TODAY) is None
    assert lists.match(expired.plate, expired.country, expired.expires) is not None  # its last day still counts
    assert lists.match("1 ktr 482", "b", TODAY).list == "gestolen voertuig"
    assert lists.match("1-KTR-482", "NL", TODAY) is None


# -- changes on a real store ----------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path, store_url):
    """The dispatch rules on a real store: the desk's SQLite file and a room's PostgreSQL."""
    log = AuditLog(open_store(tmp_path, store_url), tmp_path / "audit.key")
    units = load_units(load_camera_config(DEFAULT_CONFIG_DIR))
    log.commit(service.ensure_units(units, "admin").record(WHO))
    yield log, DispatchReader(log.database)
    log.database.close()


def apply(log: AuditLog, change: service.Change) -> dict:
    return json.loads(log.commit(change.record(WHO)).detail)


def board(reader: DispatchReader) -> service.Board:
    return reader.board()


def test_a_call_is_dispatched_attended_and_closed_with_every_change_logged(store):
    log, reader = store
    created = apply(log, service.create_incident(Draft(Source.PHONE, "purse snatching", 1, "Stationsplein"), "an"))
    number = created["incident"]
    assert number == f"{dt.datetime.now(dt.UTC).year}-0001"
    apply(log, service.dispatch_unit(number, "Leie 11", "an"))
    apply(log, service.dispatch_unit(number, "Leie 31", "an"))
    assert board(reader).incident(number).state == IncidentState.DISPATCHED
    assert set(board(reader).incident(number).units) == {"Leie 11", "Leie 31"}
    apply(log, service.set_unit_state("Leie 11", UnitState.EN_ROUTE, "an"))
    apply(log, service.set_unit_state("Leie 11", UnitState.ON_SCENE, "an"))
    assert board(reader).incident(number).state == IncidentState.ON_SCENE
    apply(log, service.add_note(number, "suspect fled towards the park", "an"))
    apply(log, service.update_incident(number, {"report_number": "KO.55.L1.019001/2026"}, "an"))
    with pytest.raises(IllegalChange, match="closing needs an outcome"):
        service.finish_incident(number, IncidentState.CLOSED, "an")
    apply(log, service.finish_incident(number, IncidentState.CLOSED, "an", "suspect caught"))
    final = board(reader)
    closed = final.incident(number)
    assert closed.state == IncidentState.CLOSED and closed.outcome == "suspect caught" and closed.units == ()
    assert {final.unit("Leie 11").state, final.unit("Leie 31").state} == {UnitState.AVAILABLE}
    kinds = [event.kind for event in closed.timeline]
    assert kinds[0] == "created" and "note" in kinds and kinds.count("dispatch") == 2
    assert all(event.utc and event.user == "an" for event in closed.timeline)
    actions = [entry.action for entry in log.entries()]
    assert actions == ["units configured", "incident created", "unit dispatched", "unit dispatched", "unit state",
                       "unit state", "incident note", "incident updated", "incident closed"]  # fmt: skip
    assert log.verify().is_intact


def test_a_refused_change_changes_nothing_and_logs_nothing(store):
    log, reader = store
    number = apply(log, service.create_incident(Draft(Source.PHONE, "fight", 2, "Leiestraat"), "an"))["incident"]
    apply(log, service.dispatch_unit(number, "Leie 12", "an"))
    before_entries, before = len(list(log.entries())), board(reader)
    for change, message in (
        (service.dispatch_unit(number, "Leie 12", "an"), "Leie 12 is dispatched to .*not available"),
        (service.set_unit_state("Leie 12", UnitState.ON_SCENE, "an"), "it reports en route first"),
        (service.set_unit_state("Leie 14", UnitState.EN_ROUTE, "an"), "dispatch it to an incident first"),
        (service.dispatch_unit("2026-9999", "Leie 14", "an"), "there is no incident 2026-9999"),
        (service.finish_incident(number, IncidentState.CLOSED, "an", "x"), "a unit must be on scene first"),
    ):
        with pytest.raises(ChangeRefused, match=message):
            log.commit(change.record(WHO))
    assert len(list(log.entries())) == before_entries
    assert board(reader) == before


def test_one_refused_change_in_a_batch_leaves_the_others_written(store):
    log, reader = store
    number = apply(log, service.create_incident(Draft(Source.PHONE, "fight", 2, "Leiestraat"), "an"))["incident"]
    first, second = service.dispatch_unit(number, "Leie 21", "an"), service.dispatch_unit(number, "Leie 21", "tom")
    results = log.append_batch([first.record(WHO), Record("x", "operator", "ws", "view start", "a"),
                                second.record(WHO)])  # fmt: skip
    assert isinstance(results[2], ChangeRefused) and not isinstance(results[1], ChangeRefused)
    assert [entry.action for entry in log.entries()][-2:] == ["unit dispatched", "view start"]
    assert log.verify().is_intact


def test_standing_down_the_only_unit_puts_the_incident_back_in_the_queue(store):
    log, reader = store
    number = apply(log, service.create_incident(Draft(Source.CAMERA, "fight", 1, cameras=("station-01",)),
                                                "an"))["incident"]  # fmt: skip
    apply(log, service.dispatch_unit(number, "Leie 11", "an"))
    apply(log, service.set_unit_state("Leie 11", UnitState.AVAILABLE, "an"))
    stood_down = board(reader).incident(number)
    assert stood_down.state == IncidentState.NEW and stood_down.first_dispatched_utc is not None


def test_merging_moves_units_cameras_and_priority(store):
    log, reader = store
    first = apply(log, service.create_incident(Draft(Source.PHONE, "fight", 2, "Stationsplein",
                                                     cameras=("station-01",)), "an"))["incident"]  # fmt: skip
    second = apply(log, service.create_incident(Draft(Source.CAMERA, "fight", 1, "Stationsplein",
                                                      cameras=("station-02",)), "an"))["incident"]  # fmt: skip
    apply(log, service.dispatch_unit(second, "Leie 11", "an"))
    apply(log, service.merge_incident(second, first, "an"))
    merged, target = board(reader).incident(second), board(reader).incident(first)
    assert merged.state == IncidentState.MERGED and merged.merged_into == first
    assert target.cameras == ("station-01", "station-02") and target.priority == 1
    assert target.units == ("Leie 11",) and target.state == IncidentState.DISPATCHED
    with pytest.raises(ChangeRefused, match="merged: it cannot change any more"):
        log.commit(service.merge_incident(second, first, "an").record(WHO))


def test_an_anpr_hit_is_checked_before_it_becomes_an_incident(store):
    log, reader = store
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    nothing, entry = service.record_read(Read("anpr-01", "1-XYZ-999", "B", 0.97), lists, TODAY, "sim")
    assert nothing is None and entry is None  # reads matching no list are not kept
    expired = lists.expired(TODAY)[0]
    assert service.record_read(Read("anpr-01", expired.plate, expired.country, 0.9), lists, TODAY, "sim") == (
        None,
        None,
    )
    change, entry = service.record_read(Read("anpr-01", "1 KTR 482", "B", 0.91, "inbound"), lists, TODAY, "sim")
    hit_id = apply(log, change)["hit"]
    hit = board(reader).pending_hits[0]
    assert (hit.id, hit.plate, hit.list, hit.direction) == (hit_id, "1KTR482", "gestolen voertuig", "inbound")
    draft = service.hit_draft(hit, "station", "Kortrijkse Ring R8", 50.81, 3.29)
    with pytest.raises(ChangeRefused, match="not confirmed: compare the read with the image first"):
        log.commit(service.create_incident(draft, "an").record(WHO))
    assert board(reader).incidents == ()
    apply(log, service.record_hit_outcome(hit_id, "confirmed", "an"))
    with pytest.raises(ChangeRefused, match="already checked: confirmed"):
        log.commit(service.record_hit_outcome(hit_id, "misread", "tom").record(WHO))
    number = apply(log, service.create_incident(draft, "an"))["incident"]
    made = board(reader).incident(number)
    assert made.source == Source.ANPR and made.hit == hit_id and made.cameras == ("anpr-01",)
    assert "1KTR482 (B) on \u2018gestolen voertuig\u2019" in made.description
    with pytest.raises(ChangeRefused, match=f"already became incident {number}"):
        log.commit(service.create_incident(draft, "an").record(WHO))


def test_a_plate_read_again_joins_its_waiting_hit_or_its_open_incident(store):
    log, reader = store
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    first, _ = service.record_read(Read("anpr-01", "1-KTR-482", "B", 0.91, "inbound"), lists, TODAY, "sim")
    hit_id = apply(log, first)["hit"]
    again, _ = service.record_read(Read("anpr-03", "1 KTR 482", "B", 0.95, "outbound"), lists, TODAY, "sim")
    joined = apply(log, again)
    assert (joined["hit"], joined["joined_hit"]) == (hit_id, True)  # not a second check of the same car
    [hit] = board(reader).pending_hits
    assert (hit.id, hit.camera, hit.direction) == (hit_id, "anpr-03", "outbound")  # the newest read is checked
    apply(log, service.record_hit_outcome(hit_id, "confirmed", "an"))
    number = apply(log, service.create_incident(service.hit_draft(hit, "station", "Ring", 50.8, 3.2), "an"))["incident"]
    third, _ = service.record_read(Read("anpr-06", "1KTR482", "B", 0.9, "inbound"), lists, TODAY, "sim")
    assert apply(log, third)["joined_incident"] == number
    made = board(reader).incident(number)
    assert "anpr-06" in made.cameras and "read again by anpr-06" in str(timeline.worded(made.timeline[-1]))
    assert len(board(reader).hits) == 1 and board(reader).pending_hits == []  # no fresh "to check"


def test_a_plate_read_again_after_its_check_is_a_new_hit_that_names_the_one_before(store):
    """A read of a plate confirmed but not yet an incident was a fresh hit with no word of the confirmation."""
    log, reader = store
    lists = load_watchlists(DEFAULT_CONFIG_DIR)
    first, _ = service.record_read(Read("anpr-01", "1-KTR-482", "B", 0.91, "inbound"), lists, TODAY, "sim")
    hit_id = apply(log, first)["hit"]
    apply(log, service.record_hit_outcome(hit_id, "confirmed", "an"))
    again, _ = service.record_read(Read("anpr-03", "1 KTR 482", "B", 0.95, "outbound"), lists, TODAY, "sim")
    made = apply(log, again)
    assert made["hit"] != hit_id and made["earlier"] == hit_id  # a new read to compare, linked to the first
    [pending] = board(reader).pending_hits
    assert pending.earlier == service.Earlier(hit_id, pending.earlier.utc, "confirmed", "an", None)
    assert str(pending.before) == f"read before as hit {hit_id}: confirmed by an, not made an incident"
    apply(log, service.record_hit_outcome(pending.id, "misread", "an"))
    third, _ = service.record_read(Read("anpr-06", "1KTR482", "B", 0.9, "inbound"), lists, TODAY, "sim")
    newest_id = apply(log, third)["hit"]
    newest = next(hit for hit in board(reader).pending_hits if hit.id == newest_id)
    assert str(newest.before) == f"read before as hit {pending.id}: misread by an"  # the newest before it


def test_bad_reads_are_named():
    read = Read("anpr-99", "1-A?", "Belgium", 1.5, "sideways", plate_png=b"GIF89a")
    problems = read.problems(["anpr-01", "anpr-02"])
    assert any("is not an ANPR camera (did you mean 'anpr-0" in p for p in problems)
    assert any("not a number plate" in p for p in problems) and any("not a country code" in p for p in problems)
    assert any("confidence 1.5" in p for p in problems) and any("direction 'sideways'" in p for p in problems)
    assert any("plate image is not a PNG" in p for p in problems)
