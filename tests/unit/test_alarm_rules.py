"""alarms.yaml: checked with file, line and key; routed by the first rule that matches, schedules over midnight."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from console.alarms.config import ALARMS_FILE, load_alarm_rules
from console.alarms.model import AlarmKind, Recipient
from console.config.errors import ConfigError
from console.config.loader import load_camera_config
from console.paths import REPO_ROOT


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(REPO_ROOT / "camera_config", tmp_path / "config")
    return tmp_path / "config"


def test_the_demo_rules_route_a_night_motion_in_the_park_to_the_operators_at_priority_1(folder):
    rules = load_alarm_rules(load_camera_config(folder))
    night = dt.datetime(2026, 12, 5, 23, 30)  # a Saturday
    morning = dt.datetime(2026, 12, 6, 5, 59)  # the same period, after midnight
    day = dt.datetime(2026, 12, 6, 14, 0)
    assert rules.route("park-01", AlarmKind.MOTION, night).priority == 1
    assert rules.route("park-01", AlarmKind.MOTION, morning).rule == "Speeltuin 's nachts"
    assert rules.route("park-01", AlarmKind.MOTION, day).rule == ""  # the default: priority 2
    battery = rules.route("mobbox-1-ptz1", AlarmKind.BATTERY, day)
    assert (battery.recipient, battery.priority) == (Recipient.TEAM_CHIEF, 3)
    assert "park-01" in rules.watched_cameras()


def test_a_broken_alarms_file_names_every_fault_with_its_line(folder):
    text = (folder / ALARMS_FILE).read_text()
    text = text.replace("kinds: [door]", "kinds: [dor]").replace("camera: park-01", "camera: park-99")
    text = text.replace('{from: "22:00", to: "06:00"}', '{from: "25:00", to: "06:00"}', 1)
    (folder / ALARMS_FILE).write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_alarm_rules(load_camera_config(folder))
    messages = [str(issue) for issue in raised.value.issues]
    assert any("alarms.yaml:9:" in m and "unknown kind 'dor'" in m for m in messages), messages
    assert any("'25:00' is not a time of day" in m for m in messages), messages


def test_an_unknown_camera_in_a_zone_is_named_with_a_suggestion(folder):
    text = (folder / ALARMS_FILE).read_text().replace("camera: park-01", "camera: park-99")
    (folder / ALARMS_FILE).write_text(text)
    with pytest.raises(ConfigError, match=r"zones\[0\]\.camera: unknown camera 'park-99'"):
        load_alarm_rules(load_camera_config(folder))
