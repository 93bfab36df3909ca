"""The room's alarm queue on both stores: an alarm in and out, taken once by compare-and-set, steps, health."""

from __future__ import annotations

from console.store import alarms

ROW = {"camera": "park-01", "kind": "motion", "source": "detector", "detail": {"zone": "speeltuin", "area_pct": 2.5},
       "message": {}, "priority": 1, "recipient": "operators", "rule": "Speeltuin", "show": "alarm tile",
       "event_utc": "2026-12-05T23:10:00.000000Z", "raised_utc": "2026-12-05T23:10:00.200000Z",
       "last_utc": "2026-12-05T23:10:00.000000Z", "state": "new", "escalate_after_s": 60.0,
       "still_jpeg": b"\xff\xd8jpeg", "revision": 1}  # fmt: skip


def test_an_alarm_is_kept_with_its_facts_and_still_and_taken_only_once(database):
    with database.write() as transaction:
        alarm_id = alarms.insert_alarm(transaction, ROW)
        assert alarms.next_revision(transaction) == 1
    with database.read() as transaction:
        row = alarms.alarm_row(transaction, alarm_id)
        assert alarms.alarm_still(transaction, alarm_id) == b"\xff\xd8jpeg"
        assert alarms.open_alarm_for(transaction, "park-01", "motion")["id"] == alarm_id
    assert row["detail"] == {"zone": "speeltuin", "area_pct": 2.5} and row["state"] == "new"
    taken = {"state": "in progress", "taken_by": "an.peeters", "revision": 2}
    with database.write() as transaction:
        assert alarms.update_alarm(transaction, alarm_id, taken, expected_revision=1)
    with database.write() as transaction:  # a second desk that read revision 1 loses
        assert not alarms.update_alarm(transaction, alarm_id, {**taken, "taken_by": "jan.claes"}, expected_revision=1)
        alarms.add_step(transaction, alarm_id, "2026-12-05T23:10:05.000000Z", "an.peeters", "taken", {"desk": "pc-2"})
    with database.read() as transaction:
        assert alarms.alarm_row(transaction, alarm_id)["taken_by"] == "an.peeters"
        assert [(s["kind"], s["facts"]) for s in alarms.steps(transaction, alarm_id)] == [("taken", {"desk": "pc-2"})]
        assert [r["id"] for r in alarms.alarm_rows(transaction)] == [alarm_id]


def test_the_events_service_and_a_mobbox_health_are_reported(database):
    with database.write() as transaction:
        alarms.report_intake(transaction, "events-1", "pc-1", "2026-12-05T20:00:00Z", "2026-12-05T20:00:02Z",
                             {"mobbox-1-ptz1": {"subscription": "active"}}, None)  # fmt: skip
        alarms.set_health(transaction, {"device": "mobbox-1", "camera": "mobbox-1-ptz1", "door": "open",
                                        "updated_utc": "2026-12-05T20:00:01Z"})  # fmt: skip
        alarms.set_health(transaction, {"device": "mobbox-1", "camera": "mobbox-1-ptz2", "battery_pct": 41.0,
                                        "updated_utc": "2026-12-05T20:00:03Z"})  # fmt: skip
    with database.read() as transaction:
        intakes = alarms.read_intakes(transaction)
        health = alarms.read_health(transaction)
    assert intakes[0]["cameras"] == {"mobbox-1-ptz1": {"subscription": "active"}}
    assert [(h["door"], h["battery_pct"], h["camera"]) for h in health] == [("open", 41.0, "mobbox-1-ptz2")]
