"""A desk's start-up on the real simulated network: the wall's streams open while the user signs in, out of sight."""

from __future__ import annotations

import json
import subprocess
import sys

from console.audit.log import KEY_FILE, AuditLog
from console.paths import REPO_ROOT, AppPaths
from console.store import open_store
from tests.integration.conftest import LOADED_MS

FIRST_WALL = ["cam-a", "cam-b", "cam-c", "cam-hevc"]  # a first start's 2x2 wall: the configuration's first cameras


def test_the_walls_streams_open_while_the_sign_in_dialog_is_up_and_nothing_shows_or_is_logged_before(city, tmp_path):
    """Behind the sign-in dialog the decoding process already pulls and decodes the wall's streams (as a tour step's
    pre-roll does): no window but the dialog shows, and the audit log gets no view. After the sign-in and the reason
    each view is logged before its tile shows, and each tile's first picture is the newest one then, not the first
    decoded: the pictures decoded meanwhile were never shown. The dialogs are driven by a timer in a desk of its own
    (``signing_in_desk.py``): the session runner changes its process for good."""
    paths = AppPaths.resolve(tmp_path / "data")
    shot = tmp_path / "wall.png"
    desk = subprocess.run(
        [sys.executable, "-m", "tests.integration.signing_in_desk", str(city.folder), str(paths.data_dir), str(shot),
         str(LOADED_MS / 1000)],
        capture_output=True, text=True, timeout=240, cwd=REPO_ROOT,
    )  # fmt: skip
    assert desk.returncode == 0, desk.stderr[-2000:]
    seen = json.loads(desk.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["connections"] >= len(FIRST_WALL), "the wall's streams were not opened during the sign-in"
    assert seen["decoded during the sign-in"]
    assert seen["shown during the sign-in"] == ["LoginDialog"]  # no wall, no picture before someone signs in
    log = AuditLog(open_store(paths.data_dir), paths.data_dir / KEY_FILE)
    try:
        actions = [(entry.action, entry.camera) for entry in log.entries()]
    finally:
        log.database.close()
    views = [index for index, (action, _) in enumerate(actions) if action == "view start"]
    assert sorted(actions[index][1] for index in views) == sorted(FIRST_WALL)
    signed_in = actions.index(("login", None))
    reason_given = next(index for index, (action, _) in enumerate(actions) if action == "reason set")
    assert signed_in < reason_given < min(views)  # no view before the sign-in and its reason
    assert shot.exists()
    report = seen["report"]
    assert sorted(tile["camera"] for tile in report["tiles"]) == sorted(FIRST_WALL)
    for tile in report["tiles"]:  # decoded before its view was logged; painted only after, its newest picture
        assert tile["decoder_first_published"] < tile["view_logged"] <= tile["first_painted"], tile
        assert tile["first_painted_sequence"] >= 2, tile
