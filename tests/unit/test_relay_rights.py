"""Which desks the relay lets pull: someone whose role watches video must be signed in there."""

from __future__ import annotations

from console.relay.service import VIDEO_ROLES, desk_rights


def test_a_desk_may_pull_only_while_a_role_that_watches_video_is_signed_in_on_it():
    sessions = [("ws-01", "operator"), ("ws-02", "call-taker"), ("ws-03", "data-protection officer"),
                ("ws-03", "team chief"), ("ws-04", "administrator"), ("ws-06", "someone unknown")]  # fmt: skip
    rights = desk_rights(["ws-01", "ws-02", "ws-03", "ws-04", "ws-05", "ws-06"], sessions)
    assert rights == {
        "ws-01": None,
        "ws-02": "signed in as call-taker: watches no video",
        "ws-03": None,  # two desks on one PC: the team chief's makes the pulls
        "ws-04": "signed in as administrator: watches no video",
        "ws-05": "nobody is signed in there",
        "ws-06": "signed in as someone unknown: watches no video",
    }
    assert VIDEO_ROLES == {"operator", "team chief"}
