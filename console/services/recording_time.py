"""Times of the archive as people type them: ISO 8601 in UTC (``2026-12-05T10:00:00Z``), and the spans they make.

A recording's time is UTC everywhere (the index, the audit log, the manifest); a time typed
without its zone is refused rather than guessed (a local time read as UTC is an hour off, and
the wrong hour's footage). Refusals are worded (translated when shown) and name the rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from console.store.backend import utc_text
from console.wording import QT_TRANSLATE_NOOP, WordedError


class BadTime(WordedError, ValueError):
    """A time or a span that cannot be taken: malformed, without its zone, reversed, in the future."""


def parse_utc(text: str, what: str = "--from") -> dt.datetime:
    """``2026-12-05T10:00:00Z`` (or ``+00:00``, fractions allowed) as an aware UTC datetime; BadTime otherwise."""
    shown = text if len(text) <= 40 else text[:40] + "\u2026"
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadTime(QT_TRANSLATE_NOOP("Domain", "{what}: '{text}' is not a time; write it as ISO 8601 in UTC, "
                                        "e.g. 2026-12-05T10:00:00Z"), what=what, text=shown) from None  # fmt: skip
    if moment.tzinfo is None or moment.utcoffset() != dt.timedelta(0):
        raise BadTime(QT_TRANSLATE_NOOP("Domain", "{what}: '{text}' is not in UTC; end it with Z, e.g. "
                                        "2026-12-05T10:00:00Z"), what=what, text=shown)  # fmt: skip
    return moment.astimezone(dt.UTC)


@dataclass(frozen=True)
class Span:
    """[start, end) of recording time, in UTC."""

    start: dt.datetime
    end: dt.datetime

    @property
    def start_utc(self) -> str:
        return utc_text(self.start)

    @property
    def end_utc(self) -> str:
        return utc_text(self.end)


def checked_span(start: dt.datetime, end: dt.datetime, now: dt.datetime) -> Span:
    """A span that ends after it starts and lies in the past (nothing is recorded later than now); BadTime if not."""
    if end <= start:
        raise BadTime(QT_TRANSLATE_NOOP("Domain", "the span ends ({end}) before it starts ({start})"),
                      start=utc_text(start), end=utc_text(end))  # fmt: skip
    if start > now:
        raise BadTime(QT_TRANSLATE_NOOP("Domain", "the span starts in the future ({start}; it is now {now})"),
                      start=utc_text(start), now=utc_text(now))  # fmt: skip
    if end > now:
        raise BadTime(QT_TRANSLATE_NOOP("Domain", "the span ends in the future ({end}; it is now {now})"),
                      end=utc_text(end), now=utc_text(now))  # fmt: skip
    return Span(start, end)
