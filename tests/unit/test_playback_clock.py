"""The synchronised playback clock: one recording time, moved by an injected clock (no Qt, no sleeping)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.services.recordings import build_timeline
from console.store.archive import GapRecord, LockRecord, SegmentRecord
from console.store.backend import utc_text
from console.video.playback_clock import (
    SPEEDS,
    EdgeReached,
    Moved,
    PlaybackClock,
    Repositioned,
    drift_s,
    frame_at,
)
from console.video.playback_timeline import NOT_RECORDED, BandKind, timeline_from_spans

T0 = dt.datetime(2026, 12, 5, 10, 0, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now_s = 1000.0

    def __call__(self) -> float:
        return self.now_s

    def advance(self, seconds: float) -> None:
        self.now_s += seconds


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_paused_until_played_then_moves_at_the_speed() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1", "cam-2"], T0, clock)
    clock.advance(5)
    assert playback.position() == T0 and playback.tick() == []
    playback.play()
    clock.advance(2)
    assert playback.tick() == [Moved(at(2))]
    playback.set_speed(8.0)
    clock.advance(1.5)
    assert playback.position() == at(14)
    playback.set_speed(0.25)
    clock.advance(4)
    assert playback.position() == at(15)


def test_pause_keeps_the_position_and_play_goes_on_from_it() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1"], T0, clock)
    playback.play()
    clock.advance(3)
    playback.pause()
    clock.advance(60)
    assert playback.position() == at(3)
    playback.toggle()
    clock.advance(1)
    assert playback.position() == at(4)


def test_reverse_goes_back_in_recording_time_and_says_where_to_seek() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1"], at(100), clock)
    playback.play()
    clock.advance(10)
    assert playback.set_reverse(True) == [Repositioned(at(110), True)]
    playback.set_speed(4.0)
    clock.advance(5)
    assert playback.position() == at(90)
    assert playback.set_reverse(True) == []  # already in reverse: no reader seeks for nothing


def test_speeds_step_from_a_quarter_to_sixteen_and_stop_at_the_ends() -> None:
    playback = PlaybackClock(["cam-1"], T0, FakeClock())
    for _ in range(10):
        playback.faster()
    assert playback.speed == 16.0
    for _ in range(10):
        playback.slower()
    assert playback.speed == 0.25
    assert SPEEDS == (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
    with pytest.raises(ValueError, match="3x"):
        playback.set_speed(3.0)


def test_step_pauses_and_moves_one_frame_or_to_the_next_frames_own_time() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1"], T0, clock)
    playback.play()
    clock.advance(1)
    assert playback.step(1) == [Repositioned(at(1.04), False)]
    assert not playback.is_playing
    assert playback.step(-1, frame_s=0.5) == [Repositioned(at(0.54), False)]
    assert playback.step(1, to=at(0.6)) == [Repositioned(at(0.6), False)]


def test_seek_goes_to_a_date_and_time_inside_what_may_be_shown() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1"], at(30), clock, earliest=T0, latest=at(120))
    assert playback.seek(at(75)) == [Repositioned(at(75), False)]
    assert playback.seek(at(500)) == [Repositioned(at(120), False)]
    assert playback.seek(at(-5)) == [Repositioned(T0, False)]
    with pytest.raises(ValueError, match="time zone"):
        playback.seek(dt.datetime(2026, 12, 5, 10, 0))


def test_playing_stops_at_the_end_of_the_span_and_in_reverse_at_its_start() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1"], at(110), clock, earliest=T0, latest=at(120))
    playback.play()
    clock.advance(30)
    assert playback.tick() == [Moved(at(120)), EdgeReached(at(120))]
    assert not playback.is_playing
    assert playback.play() == [EdgeReached(at(120))]  # nothing further to play forwards
    playback.set_reverse(True)
    playback.set_speed(16.0)
    playback.play()
    clock.advance(10)
    assert playback.tick() == [Moved(T0), EdgeReached(T0)]


def test_at_most_four_cameras() -> None:
    with pytest.raises(ValueError, match="at most 4"):
        PlaybackClock(["a", "b", "c", "d", "e"], T0, FakeClock())
    with pytest.raises(ValueError, match="at least one"):
        PlaybackClock([], T0, FakeClock())


def test_frame_at_shows_the_newest_frame_not_after_the_position() -> None:
    stamps = [at(0), at(0.04), at(0.08)]
    assert frame_at(stamps, at(-0.01)) is None
    assert frame_at(stamps, at(0)) == 0
    assert frame_at(stamps, at(0.079)) == 1
    assert frame_at(stamps, at(10)) == 2


@pytest.mark.parametrize("speed", [1.0, 8.0])
def test_four_cameras_stay_within_one_frame_for_a_minute_of_uneven_ticks(speed: float) -> None:
    """Four cameras at different frame rates and offsets, ticked at uneven moments for 60 s: the frames they
    show at each tick are never more than one frame interval apart (the drift is bounded by construction)."""
    clock = FakeClock()
    intervals_s = {"a": 0.04, "b": 0.04, "c": 1 / 30, "d": 0.08}
    offsets_s = {"a": 0.0, "b": 0.013, "c": 0.021, "d": 0.005}
    length_s = 60 * speed + 5
    stamps = {camera: [at(offsets_s[camera] + index * step) for index in range(int(length_s / step))]
              for camera, step in intervals_s.items()}  # fmt: skip
    playback = PlaybackClock(list(stamps), at(1), clock)
    playback.set_speed(speed)
    playback.play()
    worst_s = 0.0
    tick_s = (0.016, 0.041, 0.007, 0.033)
    ticks = 0
    while clock.now_s < 1060:
        clock.advance(tick_s[ticks % len(tick_s)])
        ticks += 1
        (moved,) = playback.tick()
        assert isinstance(moved, Moved)
        shown = []
        for camera_stamps in stamps.values():
            index = frame_at(camera_stamps, moved.position)
            shown.append(camera_stamps[index] if index is not None else None)
        worst_s = max(worst_s, drift_s(shown, moved.position))
    assert abs((playback.position() - at(1 + 60 * speed)).total_seconds()) < 0.05 * speed
    assert worst_s < max(intervals_s.values())


# The timeline ---------------------------------------------------------------------------------------------------------


def _segment(index: int, start_s: float, end_s: float) -> SegmentRecord:
    text = lambda seconds: utc_text(at(seconds))  # noqa: E731
    return SegmentRecord(index, "cam-1", text(start_s), text(end_s), f"/r/{index}.ts", 1, "h264", "ab", "rec-1")


def test_timeline_joins_segments_keeps_gap_causes_and_says_what_nothing_covers() -> None:
    segments = [_segment(1, 0, 60), _segment(2, 60.5, 120), _segment(3, 300, 360)]
    gaps = [GapRecord(1, "cam-1", utc_text(at(120)), utc_text(at(200)), "camera down", "rec-1"),
            GapRecord(2, "cam-2", utc_text(at(120)), None, "disk full", "rec-1")]  # fmt: skip
    lock = LockRecord(1, ("cam-1", "cam-3"), utc_text(at(30)), utc_text(at(90)), "2026-0042", None, "theft", "an",
                      "operator", utc_text(at(400)))  # fmt: skip
    # the window's path: the service reads the camera's timeline, the window turns it into bands
    read = build_timeline("cam-1", segments, [gap for gap in gaps if gap.camera == "cam-1"], [lock], T0, at(390))
    timeline = timeline_from_spans("cam-1", T0, at(390), [(span.start_utc, span.end_utc) for span in read.spans],
                                   [(gap.start_utc, gap.end_utc, gap.cause) for gap in read.gaps], read.locks,
                                   now=at(390), segments=read.segments)  # fmt: skip
    assert [(band.kind, band.start, band.end, band.cause) for band in timeline.bands] == [
        (BandKind.RECORDED, T0, at(120), None),
        (BandKind.GAP, at(120), at(200), "camera down"),
        (BandKind.GAP, at(200), at(300), NOT_RECORDED),
        (BandKind.RECORDED, at(300), at(360), None),
        (BandKind.GAP, at(360), at(390), NOT_RECORDED),
    ]
    assert timeline.band_at(at(150)).cause == "camera down"
    assert timeline.is_recorded_at(at(60.2)) and not timeline.is_recorded_at(at(250))
    assert timeline.recorded() == (T0, at(360))
    assert [lock.incident for lock in timeline.locks_at(at(45))] == ["2026-0042"]
    assert timeline.locks_at(at(100)) == []
    nothing = timeline_from_spans("cam-1", T0, at(400), [], [(at(100), None, "disk full")], [], now=at(390))
    assert [(band.start, band.end, band.cause) for band in nothing.bands] == [
        (T0, at(100), NOT_RECORDED),
        (at(100), at(390), "disk full"),
    ]  # up to now, not into the future


def test_a_camera_that_cannot_keep_up_holds_the_others_back_instead_of_falling_behind() -> None:
    clock = FakeClock()
    playback = PlaybackClock(["cam-1", "cam-2"], T0, clock)
    playback.set_speed(8.0)
    playback.play()
    clock.advance(1)
    assert playback.tick(horizon=at(3)) == [Moved(at(3))]  # 8 s wanted, the slowest decoder has 3 s
    clock.advance(1)
    assert playback.tick(horizon=at(2)) == [Moved(at(3))]  # never back in time while going forwards
    clock.advance(0.5)
    assert playback.tick(horizon=at(30)) == [Moved(at(7))]  # on from where it was held, at 8x
    playback.set_reverse(True)
    clock.advance(0.25)
    assert playback.tick(horizon=at(6)) == [Moved(at(6))]
