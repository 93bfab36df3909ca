"""Which alarm's camera a desk shows where (pure): by rule, the most urgent first, for the desks it is for."""

from __future__ import annotations

import dataclasses

from console.access.reasons import Category
from console.alarms.model import Alarm, AlarmKind, AlarmState, EventSource, Recipient
from console.services.alarm_video import ALARM_TILE, alarm_reason, waiting_count, wanted_video, window_of


def alarm(alarm_id: int, show: str, priority: int = 2, state: AlarmState = AlarmState.NEW,
          taken_by: str | None = None, recipient: Recipient = Recipient.OPERATORS) -> Alarm:  # fmt: skip
    return Alarm(alarm_id, "park-01", AlarmKind.MOTION, EventSource.DETECTOR, {}, {}, priority, recipient, "rule",
                 show, "2026-12-05T03:00:00Z", f"2026-12-05T03:00:{alarm_id:02d}Z", "2026-12-05T03:00:00Z", 0, state,
                 taken_by, None, None, None, None, 120.0, None, None, None, None, "", None, 1)  # fmt: skip


def test_the_reason_of_an_alarms_view_names_the_alarm():
    reason = alarm_reason(42)
    assert reason.category is Category.ALARM and reason.reference == "alarm 0042"
    assert window_of("window 3") == 3 and window_of(ALARM_TILE) is None and window_of("none") is None


def test_each_target_shows_its_most_urgent_alarm_and_a_missing_window_falls_back_to_the_alarm_tile():
    alarms = [alarm(1, ALARM_TILE, priority=2), alarm(2, ALARM_TILE, priority=1), alarm(3, "window 2"),
              alarm(4, "window 4"), alarm(5, "none", priority=1)]  # fmt: skip
    wanted = wanted_video(alarms, "an.peeters", "operator", set(), window_count=4)
    assert {target: each.id for target, each in wanted.items()} == {ALARM_TILE: 2, "window 2": 3, "window 4": 4}
    on_a_1x1 = wanted_video(alarms, "an.peeters", "operator", set(), window_count=1)
    assert {target: each.id for target, each in on_a_1x1.items()} == {ALARM_TILE: 2}
    assert waiting_count(alarms, "an.peeters", "operator", {2}, set()) == 3
    on_one_window = wanted_video([alarm(6, "window 1")], "an.peeters", "operator", set(), window_count=1)
    assert {target: each.id for target, each in on_one_window.items()} == {ALARM_TILE: 6}  # his only picture stays
    assert waiting_count(alarms, "an.peeters", "operator", {2}, {1}) == 2  # closed here: it waits for nothing


def test_the_alarm_this_desk_took_comes_before_the_more_urgent_others():
    older = alarm(6, ALARM_TILE, priority=1)
    taken = dataclasses.replace(alarm(11, "window 1", priority=2, state=AlarmState.IN_PROGRESS, taken_by="tom.claes"),
                                taken_workstation="ws-chief")  # fmt: skip
    wanted = wanted_video([older, taken], "tom.claes", "team chief", set(), 1, "ws-chief")
    assert wanted[ALARM_TILE].id == 11
    assert wanted_video([older, taken], "tom.claes", "team chief", set(), 1, "ws-other")[ALARM_TILE].id == 6


def test_an_alarm_taken_by_another_desk_or_for_the_team_chief_or_dismissed_shows_nothing_here():
    taken = alarm(1, ALARM_TILE, state=AlarmState.IN_PROGRESS, taken_by="demo")
    chiefs = alarm(2, ALARM_TILE, recipient=Recipient.TEAM_CHIEF)
    assert wanted_video([taken, chiefs], "an.peeters", "operator", set(), 4) == {}
    assert wanted_video([taken], "demo", "operator", set(), 4)[ALARM_TILE].id == 1  # the taker keeps it
    assert wanted_video([chiefs], "tom.claes", "team chief", set(), 4)[ALARM_TILE].id == 2
    assert wanted_video([alarm(3, ALARM_TILE)], "an.peeters", "operator", {3}, 4) == {}
    closed = dataclasses.replace(alarm(4, ALARM_TILE), state=AlarmState.CLOSED)
    assert wanted_video([closed], "an.peeters", "operator", set(), 4) == {}


def test_a_device_is_heard_only_through_a_live_events_service_with_an_active_subscription():
    import datetime as dt

    from console.services.alarm_video import heard_cameras

    now = dt.datetime(2026, 12, 5, 4, 0, tzinfo=dt.UTC)
    live = {"last_seen_utc": "2026-12-05T03:59:58Z", "cameras": {"a": {"subscription": "active"},
                                                                 "b": {"subscription": "retrying"}}}  # fmt: skip
    gone = {"last_seen_utc": "2026-12-05T03:59:00Z", "cameras": {"c": {"subscription": "active"}}}
    assert heard_cameras([live, gone], now) == {"a"}


def test_a_video_loss_whose_relay_was_down_says_so():
    """Issue 27: a video loss raised after the relay take-over's hold (no other relay took the camera) says why."""
    from console.services.alarm_desk import alarm_what

    plain = dataclasses.replace(alarm(1, ALARM_TILE), kind=AlarmKind.VIDEO_LOSS, source=EventSource.WATCHDOG,
                                detail={"after_s": 5.0})  # fmt: skip
    relay_down = dataclasses.replace(plain, detail={"after_s": 14.0, "relay_down": True})
    assert str(alarm_what(plain)) == "video loss"
    assert str(alarm_what(relay_down)) == "video loss (its relay was down)"
