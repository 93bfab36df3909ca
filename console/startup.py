"""The desk's start-up on one clock: when each step on the way to a live wall happened.

Steps of the session (``mark``) and of each tile's stream (a reader's ``phases``, a tile's
own moments) are taken on ``time.monotonic``, which on Linux is one clock for every
process of the machine: the decoding process's moments line up with the console's. When a
wall is first live, the desk logs them all (``wall N start-up: {json}``), so the log and
``bench.run`` say where the time went.
"""

from __future__ import annotations

import time

import psutil

_MARKS_S: dict[str, float] = {}  # step -> time.monotonic() when it first happened in this process


def mark(step: str) -> None:
    """The first time ``step`` happened in this process (later ones are not the start-up's)."""
    _MARKS_S.setdefault(step, time.monotonic())


def marks_s() -> dict[str, float]:
    return dict(_MARKS_S)


def forget_marks() -> None:
    """A new session in the same process (after a sign-out): its steps are its own."""
    _MARKS_S.clear()


def process_started_monotonic_s() -> float:
    """When this process was created, on the monotonic clock (the process's creation is on the wall clock)."""
    return time.monotonic() - (time.time() - psutil.Process().create_time())
