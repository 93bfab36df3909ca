"""The playback reader on real MPEG-TS segments indexed in a real store: times, boundaries, gaps, speeds, steps."""

from __future__ import annotations

import numpy as np
import pytest

from console.store import open_store
from console.video.playback_reader import (
    PlaybackClock,
    PlaybackReader,
    PlaybackState,
    segments_in_store,
)
from tests.integration.recorded_segments import (
    CLIP_S,
    T0,
    index,
    make_clips,
    picture_at,
    record_three_segments,
    remux,
)

SIZE = (320, 180)
FRAME_S = 0.04


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    return make_clips(tmp_path_factory.mktemp("recorded-clips"))


@pytest.fixture
def database(tmp_path):
    database = open_store(tmp_path)
    yield database
    database.close()


@pytest.fixture
def recording(database, clips, tmp_path):
    return record_three_segments(database, clips, tmp_path / "recordings")


@pytest.fixture
def readers():
    made: list[PlaybackReader] = []

    def make(camera, database, clock):
        reader = PlaybackReader(camera, segments_in_store(database, camera), clock, target_size=SIZE)
        made.append(reader)
        reader.start()
        return reader

    yield make
    for reader in made:
        reader.stop()
    assert all(reader.join(5.0) for reader in made)


def shown_at(reader, offset_s):
    frame = reader.latest()
    return frame is not None and abs(frame.recorded_s - (T0 + offset_s)) < 0.001


def test_a_recording_time_shows_its_frame_stamped_with_start_utc_plus_the_pts_offset(qtbot, recording, database,
                                                                                     readers):  # fmt: skip
    clock = PlaybackClock(T0 + 5.5, is_playing=False)
    reader = readers(recording.camera, database, clock)
    qtbot.waitUntil(lambda: reader.latest() is not None, timeout=10_000)
    frame = reader.latest()
    assert frame.recorded_s == pytest.approx(T0 + 5.48, abs=1e-6)  # the last frame at or before 5.5 s
    assert reader.status().state == PlaybackState.SHOWING
    assert np.array_equal(frame.pixels, picture_at(recording.first, 5.48, SIZE))
    assert not np.array_equal(frame.pixels, picture_at(recording.first, 4.48, SIZE))  # the picture moves
    clock.play()
    qtbot.waitUntil(lambda: reader.latest().recorded_s >= T0 + 6.0, timeout=10_000)
    assert abs(reader.latest().recorded_s - clock.now_s()) < 0.5  # it keeps up with the clock at 1x


def test_playing_crosses_a_segment_boundary_and_a_gap_that_it_says(qtbot, recording, database, readers):
    clock = PlaybackClock(T0 + CLIP_S - 0.5, speed=2.0)
    reader = readers(recording.camera, database, clock)
    qtbot.waitUntil(lambda: reader.latest() is not None and reader.latest().recorded_s >= T0 + CLIP_S + 0.2,
                    timeout=10_000)  # fmt: skip
    frame = reader.latest()
    offset_s = round(frame.recorded_s - T0 - CLIP_S, 2)
    assert np.array_equal(frame.pixels, picture_at(recording.second, offset_s, SIZE))  # the second segment's own
    clock.set_speed(8.0)
    clock.seek(T0 + 2 * CLIP_S - 1)
    qtbot.waitUntil(lambda: reader.status().state == PlaybackState.NOTHING_RECORDED, timeout=10_000)
    status = reader.status()
    assert status.message == "nothing recorded at this time"
    assert status.next_recorded_s == pytest.approx(T0 + 30)
    qtbot.waitUntil(lambda: reader.latest().recorded_s >= T0 + 30, timeout=10_000)
    assert reader.status().state == PlaybackState.SHOWING


def test_reverse_play_shows_earlier_frames_back_across_a_boundary(qtbot, recording, database, readers):
    clock = PlaybackClock(T0 + CLIP_S + 0.6, speed=-1.0)
    reader = readers(recording.camera, database, clock)
    seen: list[float] = []

    def went_back() -> bool:
        frame = reader.latest()
        if frame is not None and (not seen or seen[-1] != frame.recorded_s):
            seen.append(frame.recorded_s)
        return bool(seen) and seen[-1] <= T0 + CLIP_S - 0.4

    qtbot.waitUntil(went_back, timeout=10_000)
    assert seen == sorted(seen, reverse=True)
    assert len(seen) >= 10  # frame by frame, not keyframes only, at 1x
    frame = reader.latest()
    assert np.array_equal(frame.pixels, picture_at(recording.first, round(frame.recorded_s - T0, 2), SIZE))


def test_steps_go_one_frame_back_and_forward_across_a_keyframe_and_pause(qtbot, recording, database, readers):
    clock = PlaybackClock(T0 + 5.0, is_playing=False)
    reader = readers(recording.camera, database, clock)
    qtbot.waitUntil(lambda: shown_at(reader, 5.0), timeout=10_000)
    for offset_s, direction in ((4.96, -1), (4.92, -1), (4.96, 1), (5.0, 1), (5.04, 1)):
        reader.step(direction)
        qtbot.waitUntil(lambda offset_s=offset_s: shown_at(reader, offset_s), timeout=10_000)
        assert clock.now_s() == pytest.approx(T0 + offset_s, abs=1e-6)
    assert not clock.is_playing
    assert np.array_equal(reader.latest().pixels, picture_at(recording.first, 5.04, SIZE))


def test_a_step_back_from_a_segments_first_frame_shows_the_last_of_the_segment_before(qtbot, recording, database,
                                                                                      readers):  # fmt: skip
    clock = PlaybackClock(T0 + CLIP_S, is_playing=False)
    reader = readers(recording.camera, database, clock)
    qtbot.waitUntil(lambda: shown_at(reader, CLIP_S), timeout=10_000)
    reader.step(-1)
    qtbot.waitUntil(lambda: shown_at(reader, CLIP_S - FRAME_S), timeout=10_000)
    assert np.array_equal(reader.latest().pixels, picture_at(recording.first, CLIP_S - FRAME_S, SIZE))


def test_at_16x_only_keyframes_are_decoded(qtbot, recording, database, readers):
    clock = PlaybackClock(T0 + 0.5, speed=16.0)
    reader = readers(recording.camera, database, clock)
    seen: set[float] = set()

    def far_enough() -> bool:
        frame = reader.latest()
        if frame is not None:
            seen.add(round(frame.recorded_s - T0, 3))
        return frame is not None and frame.recorded_s >= T0 + 8

    qtbot.waitUntil(far_enough, timeout=10_000)
    assert seen and all(offset == int(offset) for offset in seen)  # a 1 s GOP: keyframes on whole seconds


def test_readers_on_one_clock_show_the_same_moment(qtbot, recording, database, clips, tmp_path, readers):
    other = record_three_segments(database, clips, tmp_path / "other", camera="cam-other")
    clock = PlaybackClock(T0 + 3.0, is_playing=False)
    first = readers(recording.camera, database, clock)
    second = readers(other.camera, database, clock)
    first.show_at(T0 + 20.0)
    qtbot.waitUntil(lambda: shown_at(first, 20.0) and shown_at(second, 20.0), timeout=10_000)


def test_a_missing_or_damaged_segment_is_said_and_playing_goes_on_after_it(qtbot, database, clips, tmp_path,
                                                                            readers):  # fmt: skip
    folder = tmp_path / "recordings" / "cam-x"
    damaged = folder / "100012.ts"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"\x47" + bytes(range(256)) * 40)
    index(database, "cam-x", folder / "100000.ts", T0, T0 + CLIP_S)  # never written
    index(database, "cam-x", damaged, T0 + CLIP_S, T0 + 2 * CLIP_S)
    good = remux(clips[sorted(clips, key=lambda spec: spec.camera_id)[0]], folder / "100024.ts")
    index(database, "cam-x", good, T0 + 2 * CLIP_S, T0 + 3 * CLIP_S)
    clock = PlaybackClock(T0 + 2.0, is_playing=False)
    reader = readers("cam-x", database, clock)
    qtbot.waitUntil(lambda: reader.status().state == PlaybackState.NOTHING_RECORDED, timeout=10_000)
    assert reader.status().message == "the recording's file is missing"
    clock.seek(T0 + CLIP_S + 2.0)
    qtbot.waitUntil(lambda: "damaged" in reader.status().message, timeout=10_000)
    clock.seek(T0 + 2 * CLIP_S + 2.0)
    qtbot.waitUntil(lambda: shown_at(reader, 2 * CLIP_S + 2.0), timeout=10_000)
    assert reader.is_running()


def test_a_segment_being_written_plays_to_its_last_whole_packet_and_on_as_it_grows(qtbot, database, clips, tmp_path,
                                                                                   readers):  # fmt: skip
    whole = remux(clips[sorted(clips, key=lambda spec: spec.camera_id)[0]], tmp_path / "whole.ts")
    growing = tmp_path / "recordings" / "cam-live" / "100000.ts"
    growing.parent.mkdir(parents=True)
    data = whole.read_bytes()
    growing.write_bytes(data[: len(data) // 2 + 101])  # cut inside a packet, as a crash or a write under way leaves it
    index(database, "cam-live", growing, T0, T0 + CLIP_S / 2, is_closed=False)
    clock = PlaybackClock(T0 + 1.0, speed=4.0)
    reader = readers("cam-live", database, clock)
    qtbot.waitUntil(lambda: reader.status().state == PlaybackState.NOTHING_RECORDED, timeout=10_000)
    assert reader.status().message == "not recorded yet"
    last = reader.latest()
    assert last is not None and T0 + 3 < last.recorded_s < T0 + CLIP_S / 2 + 1
    assert np.array_equal(last.pixels, picture_at(whole, round(last.recorded_s - T0, 2), SIZE))  # a whole picture
    with growing.open("ab") as file:
        file.write(data[len(data) // 2 + 101 :])
    qtbot.waitUntil(lambda: reader.latest().recorded_s >= T0 + CLIP_S - 2, timeout=10_000)


def test_nothing_recorded_for_a_camera_is_said(qtbot, database, readers):
    clock = PlaybackClock(T0, is_playing=False)
    reader = readers("cam-never", database, clock)
    qtbot.waitUntil(lambda: reader.status().state == PlaybackState.NOTHING_RECORDED, timeout=10_000)
    assert reader.status().message == "nothing recorded at this time"
    assert reader.latest() is None


def test_the_clock_refuses_speeds_outside_a_quarter_to_sixteen():
    with pytest.raises(ValueError):
        PlaybackClock(T0, speed=32.0)
    clock = PlaybackClock(T0, speed=-16.0)
    with pytest.raises(ValueError):
        clock.set_speed(0.1)
