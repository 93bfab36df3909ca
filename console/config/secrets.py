"""The one place that hides credentials before text reaches a log, the UI or a file.

Two things are masked: the user-info part of any URL (``rtsp://user:pass@host``
becomes ``rtsp://***@host``), and every secret value the config loader took
from the environment, wherever it appears.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
_URL_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s'\"]+)@")
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary words

_known_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Remember a secret value (a password from ``${ENV}``) so that it is masked everywhere."""
    if len(value) >= _MIN_SECRET_LENGTH:
        with _lock:
            _known_secrets.add(value)


def mask(text: str) -> str:
    """The text with URL credentials and known secret values replaced by ``***``."""
    masked = _URL_USERINFO.sub(lambda match: f"{match['scheme']}{MASK}@", text)
    with _lock:
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        masked = masked.replace(secret, MASK)
    return masked


class MaskingFilter(logging.Filter):
    """A logging filter that masks every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def install_masking(logger: logging.Logger | None = None) -> None:
    """Mask everything the given logger's handlers (default: root) write."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(existing, MaskingFilter) for existing in handler.filters):
            handler.addFilter(MaskingFilter())
