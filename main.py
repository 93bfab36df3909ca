"""Uitkijk: live video-wall dispatch console. See README.md."""

import ctypes
import sys


def limit_malloc_arenas(count: int = 2) -> None:
    """Few glibc malloc arenas, set before anything starts a thread (importing NumPy and OpenCV does).

    Each short-lived thread otherwise gets an arena of its own, whose freed memory is not given
    back: with a reader thread per stream (a night of tours starts and ends thousands), 19 MB per
    hour in the 20-minute soak with glibc's default, 4 MB per hour with two (bench/soak.py). The
    readers now run in the decoding process, which gets the same limit through MALLOC_ARENA_MAX.
    """
    if sys.platform != "linux":
        return
    try:
        ctypes.CDLL("libc.so.6").mallopt(-8, count)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass  # not glibc: no such arenas


limit_malloc_arenas()

from console.cli import main  # noqa: E402 - after the arenas are limited

if __name__ == "__main__":
    sys.exit(main())
