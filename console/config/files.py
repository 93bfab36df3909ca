"""Reading a file someone else wrote (configuration, an intake image): regular files only, bounded.

``open().read()`` hangs on a named pipe with no writer, reads ``/dev/zero`` until memory runs
out, and ``Path.exists()`` takes a symbolic link that loops for an absent file. Every
configuration and input file is read here instead: the file is looked at before it is opened
(a device is never opened), opened without blocking, looked at again (the file opened is the
one checked), and read up to its bound. Whatever is wrong is one English line (FileRefused).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_CHUNK_BYTES = 1 << 20


class FileRefused(Exception):
    """A file that cannot or must not be read; the message is one line that says why."""


def present(path: Path) -> bool:
    """Whether anything stands at ``path``: a link that loops or leads nowhere is present (and refused when read),
    never taken for an absent file (a desk would quietly work without the room's file)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True  # a name too long, a folder we may not enter: the reader says which
    return True


def check_regular(path: Path, max_bytes: int) -> os.stat_result:
    """The file's status when it is a regular file of at most ``max_bytes``; FileRefused otherwise."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise FileRefused(reason(error)) from None
    _check_status(status, max_bytes)
    return status


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; FileRefused (one line) for anything else."""
    check_regular(path, max_bytes)  # a pipe or a device is refused before it is opened
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise FileRefused(reason(error)) from None
    try:
        _check_status(os.fstat(descriptor), max_bytes)  # swapped for a pipe between the look and the open
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(_CHUNK_BYTES, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise FileRefused(reason(error)) from None
    finally:
        os.close(descriptor)
    if total > max_bytes:  # it grew while being read
        raise FileRefused(_too_large(total, max_bytes))
    return b"".join(chunks)


def reason(error: OSError) -> str:
    """An OSError as a line a user can act on."""
    if error.errno == errno.ENOENT:
        return "file not found"
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops (it leads back to itself)"
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    if error.errno == errno.ENOTDIR:
        return "file not found (a part of its path is not a folder)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read the file: {error.strerror or type(error).__name__}"


def _check_status(status: os.stat_result, max_bytes: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise FileRefused("a folder, not a file")
    if stat.S_ISFIFO(mode):
        raise FileRefused("a named pipe (FIFO), not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise FileRefused("a device, not a regular file")
    if stat.S_ISSOCK(mode):
        raise FileRefused("a socket, not a regular file")
    if not stat.S_ISREG(mode):
        raise FileRefused("not a regular file")
    if status.st_size > max_bytes:
        raise FileRefused(_too_large(status.st_size, max_bytes))


def _too_large(size: int, max_bytes: int) -> str:
    return f"the file is {size:,} bytes, more than the {max_bytes:,} it may be"
