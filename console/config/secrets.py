"""The one place that hides credentials before text reaches a log, the UI or a file.

Three things are masked: the user-info part of any URL (``rtsp://user:pass@host``
becomes ``rtsp://***@host``), a URL's ``password=`` parameter (libpq takes one), and every
secret value the config loader took from the environment, wherever it appears.
"""

from __future__ import annotations

import logging
import re
import threading

MASK = "***"
_USERINFO = re.compile(r"[^/@\s'\"]+@")  # what stands between "scheme://" and "@"
# libpq takes the password in a URL's query too (postgresql://user@host/db?password=...): one literal to find,
# then the value up to the next parameter (linear, whatever the text).
_QUERY_PASSWORD = re.compile(r"([?&](?:ssl)?password=)[^&#\s'\"]*", re.IGNORECASE)
_SCHEME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary words

_known_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Remember a secret value (a password from ``${ENV}``) so that it is masked everywhere."""
    if len(value) >= _MIN_SECRET_LENGTH:
        with _lock:
            _known_secrets.add(value)


def mask(text: str) -> str:
    """The text with URL credentials (user info, a ``password=`` parameter) and known secret values replaced by
    ``***``."""
    masked = _mask_userinfo(text)
    if "password=" in masked.lower():
        masked = _QUERY_PASSWORD.sub(lambda found: found.group(1) + MASK, masked)
    with _lock:
        secrets = sorted(_known_secrets, key=len, reverse=True)
    for secret in secrets:
        masked = masked.replace(secret, MASK)
    return masked


def _mask_userinfo(text: str) -> str:
    """``scheme://user:pass@`` becomes ``scheme://***@``, in one pass over the text.

    A regular expression for the whole URL tried a scheme at every letter and scanned on from
    there: quadratic (a 100 KB SOAP fault took 19 s). Here each "://" is looked at once: back
    over the scheme (it ends at the previous "://"), forward over the user information.
    """
    parts: list[str] = []
    copied = searched = 0
    while (separator := text.find("://", searched)) >= 0:
        searched = separator + 3
        userinfo = _USERINFO.match(text, searched)
        if userinfo is None or not _has_scheme_before(text, separator):
            continue
        parts += [text[copied:searched], MASK, "@"]
        copied = searched = userinfo.end()
    parts.append(text[copied:])
    return "".join(parts)


def _has_scheme_before(text: str, separator: int) -> bool:
    """A scheme is scheme characters right before "://", at least one of them a letter."""
    position = separator - 1
    while position >= 0 and text[position] in _SCHEME_CHARACTERS:
        if text[position].isascii() and text[position].isalpha():
            return True
        position -= 1
    return False


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
