"""A desk at 1366x768 in Dutch and French: no word of the main window, the board or the dispatch panel is cut,
and every window it opens lies within the screen.

The desk runs in a process of its own (``tests/desk_1366.py``) on an offscreen screen of 1366x768: the
windows open as they do on such a desk (the test session's screen is Qt's 800x800).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from console.paths import REPO_ROOT
from tests.screens import offscreen_platform


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_no_word_of_the_desk_is_cut_and_no_window_leaves_a_1366_by_768_screen(language, tmp_path):
    environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_platform(tmp_path, 1366, 768)}
    probe = subprocess.run([sys.executable, "-m", "tests.desk_1366", language, str(tmp_path / "data")], cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=240, env=environment)  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    print(f"{language}: {len(found['cut'])} cut, {len(found['outside'])} outside, {len(found['hidden'])} hidden",
          *found["cut"], *found["outside"], *found["hidden"], sep="\n  ")  # fmt: skip
    assert not found["outside"], "\n".join(found["outside"])
    assert not found["hidden"], "\n".join(found["hidden"])
    assert not found["cut"], f"{len(found['cut'])} texts cut at 1366x768 in {language}:\n" + "\n".join(found["cut"])
