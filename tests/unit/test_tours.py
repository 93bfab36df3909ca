from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.paths import DEFAULT_CONFIG_DIR
from console.services.tour_log import TourLog
from console.store import open_store
from console.tours.config import load_tours, save_tours
from console.tours.model import Tour, TourStep
from console.tours.runner import PrerollDue, RunEnded, RunState, StepShown, TourRun


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def folder(tmp_path):
    shutil.copy(DEFAULT_CONFIG_DIR / "cameras.yaml", tmp_path / "cameras.yaml")
    return tmp_path


def config_with_tours(folder, text):
    (folder / "tours.yaml").write_text(text)
    return load_camera_config(folder, {})


def test_the_demo_tours_are_valid():
    tours = load_tours(load_camera_config(DEFAULT_CONFIG_DIR, {}))
    assert len(tours) >= 2 and all(tour.steps for tour in tours)


def test_tours_file_errors_name_line_and_suggest(folder):
    config = config_with_tours(
        folder,
        "version: 1\ntours:\n  - id: ronde\n    name: Ronde\n    area: statoin\n    steps:\n"
        "      - layout: 2x3\n        cameras: [station-01]\n"
        "      - layout: 1x1\n        cameras: [station-01, station-02]\n"
        "      - layout: 2x2\n        cameras: [staton-01, mobbox-1-ptz1]\n"
        "        presets: {station-02: '1', mobbox-1-ptz2: '2'}\n        dwel_s: 4\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_tours(config)
    errors = [str(issue) for issue in caught.value.issues]
    path = folder / "tours.yaml"
    assert f"{path}:7:17: tours[0].steps[0].layout: unknown layout '2x3' (did you mean '3x3'?); one of " \
           "1x1, 2x2, 3x3, 4x4, 1+5, 1+7, 5x5, 6x6" in errors  # fmt: skip
    assert f"{path}:14:9: tours[0].steps[2].dwel_s: unknown key 'dwel_s' (did you mean 'dwell_s'?)" in errors
    with pytest.raises(ConfigError) as caught:
        load_tours(config_with_tours(folder, (folder / "tours.yaml").read_text().replace("2x3", "2x2")
                                     .replace("        dwel_s: 4\n", "")))  # fmt: skip
    errors = [str(issue) for issue in caught.value.issues]
    assert any(":5:11: tours[0].area: unknown area 'statoin' (did you mean 'station'?)" in e for e in errors)
    assert any("tours[0].steps[1].cameras: 2 cameras for a 1x1 layout of 1 tiles" in e for e in errors)
    assert any(":12:19: tours[0].steps[2].cameras[0]: unknown camera 'staton-01' (did you mean 'station-01'?)" in e
               for e in errors)  # fmt: skip
    assert any("presets.station-02: 'station-02' is not a PTZ camera" in e for e in errors)
    assert any("presets.mobbox-1-ptz2: 'mobbox-1-ptz2' is not shown in this step" in e for e in errors)


def test_tours_round_trip_through_the_file(folder):
    config = load_camera_config(folder, {})
    tour = Tour("nacht", 'Nacht "ronde"', "nightlife", (
        TourStep("2x2", ("nightlife-01", None, "mobbox-2-ptz1"), 12.0, {"mobbox-2-ptz1": "Plein"}),
        TourStep("1x1", ("nightlife-03",), 20.0),
    ))  # fmt: skip
    save_tours(folder, [tour])
    assert load_tours(config) == (tour,)


def make_tour(*dwells):
    return Tour("t", "T", None, tuple(TourStep("1x1", (f"cam-{i}",), dwell) for i, dwell in enumerate(dwells)))


def test_a_run_advances_on_time_and_prerolls_the_next_step_ahead():
    clock = Clock()
    run = TourRun(make_tour(10, 10, 10), clock, preroll_s=3)
    assert run.start() == [StepShown(0, run.tour.steps[0])]
    clock.now += 6.9
    assert run.tick() == []
    clock.now += 0.2
    assert run.tick() == [PrerollDue(1, run.tour.steps[1])]
    assert run.tick() == []  # once
    clock.now += 3
    assert run.tick() == [StepShown(1, run.tour.steps[1])] and run.time_left_s() == 10
    clock.now += 10
    assert run.tick() == [PrerollDue(2, run.tour.steps[2]), StepShown(2, run.tour.steps[2])]
    clock.now += 10
    assert run.tick() == [RunEnded(RunState.FINISHED)] and not run.is_active and run.steps_shown == 3


def test_a_repeating_run_goes_round_again_warm_until_stopped():
    clock = Clock()
    run = TourRun(make_tour(10, 10), clock, preroll_s=3, is_repeating=True)
    run.start()
    clock.now += 10
    assert run.tick() == [PrerollDue(1, run.tour.steps[1]), StepShown(1, run.tour.steps[1])]
    clock.now += 7.5
    assert run.tick() == [PrerollDue(0, run.tour.steps[0])]  # the first step again, prepared ahead
    clock.now += 2.5
    assert run.tick() == [StepShown(0, run.tour.steps[0])] and run.rounds_completed == 1 and run.is_active
    for _ in range(6):  # a night of rounds: never finished by itself
        clock.now += 10
        run.tick()
    assert run.is_active and run.rounds_completed == 4 and run.steps_shown == 9
    assert run.stop() == [RunEnded(RunState.STOPPED)]


def test_pause_hold_next_previous_and_stop():
    clock = Clock()
    run = TourRun(make_tour(10, 10), clock)
    run.start()
    clock.now += 4
    run.hold()
    clock.now += 60
    assert run.tick() == [] and run.time_left_s() == 6  # hold stops the countdown
    run.toggle_hold()
    clock.now += 2
    assert run.time_left_s() == 4
    run.toggle_pause()
    assert run.state == RunState.PAUSED
    clock.now += 30
    assert run.tick() == [] and run.time_left_s() == 4
    run.toggle_pause()
    assert run.next() == [StepShown(1, run.tour.steps[1])]
    assert run.previous() == [StepShown(0, run.tour.steps[0])]
    assert run.stop() == [RunEnded(RunState.STOPPED)] and run.stop() == []
    assert run.steps_shown == 3


def test_the_tour_log_is_kept_in_sqlite(tmp_path):
    database = open_store(tmp_path)
    tour_log = TourLog(database)
    run = tour_log.start("t", "Ronde", "an", "WS-01", "wall 1", "2026-11-22T10:00:00Z", 4)
    tour_log.progress(run, 2, {"cam-9"})
    tour_log.end(run, "2026-11-22T10:01:00Z", "stopped", 3, {"cam-9", "cam-2"})
    tour_log.close()  # what was handed over is written first
    database.close()
    reopened = open_store(tmp_path)
    [record] = TourLog(reopened).runs()
    assert (record.tour_name, record.outcome, record.steps_shown, record.steps_total) == ("Ronde", "stopped", 3, 4)
    assert record.offline_cameras == ("cam-2", "cam-9") and record.ended_utc == "2026-11-22T10:01:00Z"
    reopened.close()


def test_a_tour_repeats_unless_its_file_says_repeat_false(tmp_path):
    from console.config.loader import load_camera_config
    from console.paths import DEFAULT_CONFIG_DIR
    from console.tours.config import load_tours, save_tours

    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    config = load_camera_config(folder)
    tours = load_tours(config)
    assert tours and all(tour.repeats for tour in tours)  # a patrol goes round by default
    once = replace(tours[0], repeats=False)
    save_tours(folder, (once, *tours[1:]))
    assert "repeat: false" in (folder / "tours.yaml").read_text()
    again = load_tours(load_camera_config(folder))
    assert not again[0].repeats and all(tour.repeats for tour in again[1:])
