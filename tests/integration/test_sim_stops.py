"""``main.py sim`` stops at once on SIGTERM or Ctrl+C while it makes its clips (minutes on a first start), and leaves
no partial clip behind (it went on making them, and a user had to kill it and its makers by hand)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from console.paths import REPO_ROOT


def makers_of(folder: Path) -> list[int]:
    """Processes whose command line names ``folder`` (the clip makers and their encoders)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(folder) in command and "pytest" not in command:
            found.append(int(entry.name))
    return found


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_simulator_stops_while_it_makes_its_clips_and_leaves_no_partial_file(qtbot, tmp_path, stop):
    clips = tmp_path / "data" / "cache" / "sim-clips"
    process = subprocess.Popen([sys.executable, "main.py", "sim", "--data", str(tmp_path / "data")], cwd=REPO_ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})  # fmt: skip
    try:
        qtbot.waitUntil(lambda: clips.is_dir() and any(clips.glob("*.partial.ts")), timeout=120_000)  # one being made
        process.send_signal(stop)
        _, error = process.communicate(timeout=30)  # at once, not after the remaining clips
        assert process.returncode == 0, error.decode()
        qtbot.waitUntil(lambda: not makers_of(tmp_path), timeout=30_000)  # the clip makers end
        assert not list(clips.glob("*.partial.ts")), sorted(path.name for path in clips.glob("*.partial.ts"))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in makers_of(tmp_path):
            os.kill(pid, signal.SIGKILL)
