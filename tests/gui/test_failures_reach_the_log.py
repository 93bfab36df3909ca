"""No traceback reaches the user: a failure inside the event loop or in a thread is one line, its traceback logged.

The README promises it for every failure; Python's own hooks printed the whole traceback of an
exception raised in a Qt slot or a thread to the terminal (issue 24: "RuntimeError: dictionary
changed size during iteration" at shutdown). The desk runs in a process of its own here, with the
logging and the hooks ``cli.main`` sets up.
"""

from __future__ import annotations

import os
import subprocess
import sys

from console.paths import REPO_ROOT

A_DESK_THAT_FAILS = """
import sys, threading
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from console import cli
from console.paths import AppPaths

cli.setup_logging(AppPaths.resolve(Path(sys.argv[1])))
cli.install_failure_hooks()
app = QCoreApplication([])

def in_a_slot():
    raise RuntimeError("dictionary changed size during iteration")

def in_a_thread():
    raise ValueError("a worker's fault")

QTimer.singleShot(0, in_a_slot)
QTimer.singleShot(10, lambda: (threading.Thread(target=in_a_thread, name="decoder-1").start()))
QTimer.singleShot(300, app.quit)
app.exec()
print("the desk went on")
"""


def test_a_failure_in_a_slot_or_a_thread_is_one_line_and_its_traceback_is_logged(tmp_path):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ran = subprocess.run([sys.executable, "-c", A_DESK_THAT_FAILS, str(tmp_path / "data")], cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60, env=environment)  # fmt: skip
    assert ran.returncode == 0 and "the desk went on" in ran.stdout
    assert "Traceback" not in ran.stderr, ran.stderr
    lines = [line for line in ran.stderr.splitlines() if "unexpected failure" in line]
    assert len(lines) == 2, ran.stderr
    assert "RuntimeError: dictionary changed size during iteration" in lines[0]
    assert "in thread decoder-1" in lines[1] and "ValueError: a worker's fault" in lines[1]
    log = (tmp_path / "data" / "uitkijk.log").read_text(encoding="utf-8")
    assert log.count("Traceback") == 2 and "in in_a_slot" in log and "in in_a_thread" in log
