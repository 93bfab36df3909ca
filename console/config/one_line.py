"""One rule for every one-line text that enters the console, from any door.

A name, a type, an address, a system's ``--by``, a workstation's name: each is shown
on one line, in a list, a tile, a log entry. What is stored must show as it is: no
control character (CR, LF, TAB, ESC, BEL, ...), no bidi control (U+202E turns
"fight XSS" into "fight SSX" on screen), no line or paragraph separator, no invisible
format character (BOM, zero-width space), no noncharacter (U+FFFF), and no lone
surrogate (bytes that were not UTF-8). The configuration's schema, the command line
(intake, ``--by``, ``user add``) and the environment (``UITKIJK_WORKSTATION``) all
ask :func:`one_line_problem`; lists show old records through :func:`shown_on_one_line`.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator

MAX_ONE_LINE = 200  # the bound when a field has none of its own
_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiner: needed to write some scripts' names, and harmless
_BIDI = {"\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
MULTILINE_ALLOWED = "\n\t\r"  # what a multi-line text (a description) may hold besides one-line text


def forbidden_kind(character: str) -> str | None:
    """Why ``character`` may not stand in one-line text (a few English words), or None when it may."""
    code = ord(character)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    if code < 0x7F:
        return None
    if character in _BIDI:
        return "a bidi control (it changes the order text shows in)"
    if 0xD800 <= code <= 0xDFFF:
        return "a byte that is not UTF-8 text"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "a noncharacter"
    category = unicodedata.category(character)
    if category in ("Zl", "Zp"):
        return "a line or paragraph separator"
    if category == "Cf" and character not in _JOINERS:
        return "an invisible formatting character"
    return None


def character_name(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the character named, never shown (it is invisible or harmful)."""
    name = unicodedata.name(character, "")
    if not name and ord(character) < 0x20:
        name = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB", "\x1b": "ESCAPE", "\x07": "BELL"}.get(
            character, "CONTROL"
        )
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def first_forbidden(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` that one-line text may not hold (``allowed`` aside), or None."""
    if text.isprintable():  # at C speed: every character the rule refuses is one Python calls unprintable
        return None
    for character in text:
        if character not in allowed and forbidden_kind(character) is not None:
            return character
    return None


def one_line_problem(text: str, limit: int = MAX_ONE_LINE, allowed: str = "") -> str | None:
    """Why ``text`` cannot be taken as one line of at most ``limit`` characters, in English; None when it can.

    The text itself is never repeated (it may hold a secret or a terminal's escape sequence)."""
    if len(text) > limit:
        return f"is longer than {limit} characters ({len(text)})"
    bad = first_forbidden(text, allowed)
    if bad is not None:
        return f"holds {character_name(bad)}, {forbidden_kind(bad)}: one line of visible text, please"
    return None


def checked_one_line(text: str, limit: int = MAX_ONE_LINE) -> str:
    """``text`` when it is one line of visible text, else ValueError saying which character or why."""
    problem = one_line_problem(text, limit)
    if problem is not None:
        raise ValueError(problem)
    return text


def shown_on_one_line(text: str) -> str:
    """Text for a one-line listing: every character the rule refuses shown as U+FFFD, never obeyed."""
    if text.isprintable():
        return text
    return "".join("\ufffd" if forbidden_kind(character) else character for character in text)


def _check_before_strip(value: Any) -> Any:
    """Before the schema strips whitespace: a trailing LF or U+2028 is refused, not silently dropped."""
    if isinstance(value, str):
        bad = first_forbidden(value)
        if bad is not None:
            raise ValueError(f"holds {character_name(bad)}, {forbidden_kind(bad)}: one line of visible text, please")
    return value


OneLineText = Annotated[str, BeforeValidator(_check_before_strip)]
"""A schema field of one-line text; its length bound stays the field's own ``Field(max_length=...)``."""
