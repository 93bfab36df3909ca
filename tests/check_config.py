"""``check-config`` run in this process, as the config tests read it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from console import cli


def check_config(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    """The exit code, stdout and the non-blank lines of stderr; the root logger is left as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        code = cli.main(["check-config", str(folder)])
    finally:
        root.handlers[:], root.level = handlers, level
    captured = capsys.readouterr()
    return code, captured.out, [line for line in captured.err.splitlines() if line.strip()]
