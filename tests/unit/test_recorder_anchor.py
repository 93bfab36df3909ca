"""The live time of a camera's PTS: the least delayed arrival over the last seconds, a jump starts it again."""

from console.recorder.camera import LiveAnchor

FRAME_S = 0.04


def test_late_arrivals_do_not_push_the_live_time_later():
    anchor = LiveAnchor(window_s=10.0, jump_s=5.0)
    live_at_pts_zero = 1000.0
    delays = [0.010, 0.150, 0.012, 0.300, 0.011, 0.010, 0.090]  # a busy machine wakes the reader late now and then
    for number, delay in enumerate(delays * 10):
        assert not anchor.add(live_at_pts_zero + number * FRAME_S + delay, number * FRAME_S)
    assert abs(anchor.value - (live_at_pts_zero + 0.010)) < 1e-9  # the least delayed: the network's own


def test_a_camera_clock_that_drifts_is_followed_within_the_window():
    anchor = LiveAnchor(window_s=10.0, jump_s=5.0)
    for number in range(25 * 60):  # a minute of a camera whose clock runs 1 ms a second slow
        pts_s = number * FRAME_S
        anchor.add(1000.0 + pts_s * 1.001 + 0.010, pts_s)
    assert abs(anchor.value - (1000.0 + 0.010 + 0.001 * 50)) < 0.015  # the last 10 s, not the first packet's


def test_a_jump_of_the_camera_clock_starts_the_estimate_again():
    anchor = LiveAnchor(window_s=10.0, jump_s=5.0)
    for number in range(50):
        anchor.add(1000.0 + number * FRAME_S + 0.02, number * FRAME_S)
    assert anchor.add(1002.0 + 0.02, 3600.0)  # the camera restarted its clock an hour on
    assert abs(anchor.value - (1002.0 + 0.02 - 3600.0)) < 1e-9
