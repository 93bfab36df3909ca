"""The recordings' index on both stores: segments, gaps, claims by compare-and-set, evidence locks."""

from __future__ import annotations

from console.store import archive


def test_a_segment_is_indexed_open_grows_and_closes_with_its_hash(database):
    with database.write() as transaction:
        segment_id = archive.open_segment(transaction, "station-01", "2026-12-05T10:00:00.000000Z", "/r/a.ts",
                                          "h264", "rec-1")  # fmt: skip
    with database.write() as transaction:
        archive.grow_segment(transaction, segment_id, "2026-12-05T10:00:30.000000Z", 1000)
    with database.read() as transaction:
        assert [s.is_closed for s in archive.open_segments(transaction, "rec-1")] == [False]
    with database.write() as transaction:
        archive.close_segment(transaction, segment_id, "2026-12-05T10:01:00.000000Z", 2000, "ab" * 32)
    with database.read() as transaction:
        found = archive.segments(transaction, "station-01", "2026-12-05T10:00:59.000000Z",
                                 "2026-12-05T10:02:00.000000Z")  # fmt: skip
        outside = archive.segments(transaction, "station-01", "2026-12-05T10:01:00.000000Z", None)
        assert archive.open_segments(transaction, "rec-1") == []
        assert archive.last_segments(transaction)["rec-1"].id == segment_id
    assert [(s.bytes, s.sha256, s.end_utc) for s in found] == [(2000, "ab" * 32, "2026-12-05T10:01:00.000000Z")]
    assert outside == []


def test_an_open_gap_is_kept_once_and_ends_when_recording_goes_on(database):
    with database.write() as transaction:
        first = archive.open_gap(transaction, "station-01", "2026-12-05T10:00:00.000000Z", "camera down", "rec-1")
        again = archive.open_gap(transaction, "station-01", "2026-12-05T10:00:05.000000Z", "camera down", "rec-1")
    with database.write() as transaction:
        assert archive.close_gaps(transaction, "station-01", "2026-12-05T10:00:20.000000Z") == 1
    with database.read() as transaction:
        found = archive.gaps(transaction, "station-01")
    assert first == again
    assert [(g.start_utc, g.end_utc, g.cause) for g in found] == [
        ("2026-12-05T10:00:00.000000Z", "2026-12-05T10:00:20.000000Z", "camera down")
    ]


def test_a_camera_is_claimed_by_one_live_recorder_and_taken_over_when_its_heartbeat_is_stale(database):
    with database.write() as transaction:
        assert archive.claim(transaction, "station-01", "rec-1", now_s=100.0, stale_before_s=90.0)
        assert not archive.claim(transaction, "station-01", "rec-2", now_s=101.0, stale_before_s=91.0)
        assert archive.claim(transaction, "station-01", "rec-1", now_s=105.0, stale_before_s=95.0)  # a heartbeat
    with database.write() as transaction:
        assert not archive.claim(transaction, "station-01", "rec-2", now_s=114.0, stale_before_s=104.0)
        assert archive.claim(transaction, "station-01", "rec-2", now_s=116.0, stale_before_s=106.0)
        assert not archive.release(transaction, "station-01", "rec-1")
    with database.read() as transaction:
        claims = archive.read_claims(transaction)
    assert [(c.camera, c.recorder, c.since_s) for c in claims] == [("station-01", "rec-2", 116.0)]


def test_a_lock_covers_its_cameras_and_span_until_released_once(database):
    with database.write() as transaction:
        lock_id = archive.place_lock(transaction, ["station-02", "station-01"], "2026-12-05T10:00:00.000000Z",
                                     "2026-12-05T10:10:00.000000Z", "2026-0012", None, "theft at the station",
                                     "an.peeters", "operator", "2026-12-05T11:00:00.000000Z")  # fmt: skip
    with database.read() as transaction:
        assert [lock.id for lock in archive.locks(transaction, "station-01", "2026-12-05T10:09:00.000000Z",
                                                  "2026-12-05T10:20:00.000000Z")] == [lock_id]  # fmt: skip
        assert archive.locks(transaction, "station-03") == []
        assert archive.locks(transaction, "station-01", "2026-12-05T10:10:00.000000Z", None) == []
    with database.write() as transaction:
        assert archive.release_lock(transaction, lock_id, "jan.claes", "team chief", "2026-12-05T12:00:00.000000Z",
                                    "file closed")  # fmt: skip
        assert not archive.release_lock(transaction, lock_id, "jan.claes", "team chief",
                                        "2026-12-05T12:00:01.000000Z", "again")  # fmt: skip
    with database.read() as transaction:
        assert archive.locks(transaction, "station-01") == []
        released = archive.read_lock(transaction, lock_id)
    assert released is not None and released.cameras == ("station-01", "station-02") and not released.is_held
    assert released.incident == "2026-0012"  # an incident's id is text (PostgreSQL's INTEGER column refused it)
