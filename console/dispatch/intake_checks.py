"""What comes in from other systems is checked before anything else reads it.

Text is bounded and single-line where a listing prints it on one line (a CR/LF in a
type would forge a line of ``incidents``, a U+202E would show "fight XSS" as "fight SSX");
bytes that are not UTF-8 (Python keeps them as lone surrogates), control, bidi,
separator and invisible characters are refused (the console's one rule, ``config.one_line``); an image is decoded
for real, its size bounded before decoding, and stored re-encoded, so what is kept
is a picture and nothing riding along with it.
"""

from __future__ import annotations

import struct

import cv2
import numpy as np

from console.config.one_line import MULTILINE_ALLOWED, character_name, first_forbidden, shown_on_one_line
from console.wording import QT_TRANSLATE_NOOP, Worded

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_PIXELS = 4096 * 4096  # an ANPR overview is at most a few megapixels


def text_problems(name: str, value: str, limit: int, is_multiline: bool = False) -> list[Worded]:
    """Why a field cannot be taken (empty list: it can); the value itself is never repeated.

    One-line fields follow the console's one rule (``config.one_line``): no control, bidi, separator or
    invisible character; a multi-line field may also hold line breaks and tabs."""
    if len(value) > limit:
        return [
            Worded(
                QT_TRANSLATE_NOOP("Domain", "the {field} is longer than {limit} characters"), field=name, limit=limit
            )
        ]
    bad = first_forbidden(value, MULTILINE_ALLOWED if is_multiline else "")
    if bad is None:
        return []
    if 0xD800 <= ord(bad) <= 0xDFFF:
        return [Worded(QT_TRANSLATE_NOOP("Domain", "the {field} holds bytes that are not UTF-8 text"), field=name)]
    if ord(bad) < 0x20 or 0x7F <= ord(bad) <= 0x9F:
        return [
            Worded(
                QT_TRANSLATE_NOOP("Domain", "the {field} holds a control character (U+{code})"),
                field=name,
                code=f"{ord(bad):04X}",
            )
        ]
    return [
        Worded(
            QT_TRANSLATE_NOOP(
                "Domain", "the {field} holds {character}, a character that shows other than it is stored"
            ),
            field=name,
            character=character_name(bad),
        )
    ]


def one_line(text: str) -> str:
    """Text for a one-line listing: what the one-line rule refuses is shown as U+FFFD, never obeyed."""
    return shown_on_one_line(text)


def clean_png(data: bytes) -> bytes:
    """The picture in ``data`` as a fresh PNG; ValueError (in words) when it is not a readable PNG image."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 33:
        raise ValueError("is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0 or width * height > MAX_IMAGE_PIXELS:
        raise ValueError(f"is {width} x {height} pixels: more than an ANPR image can be")
    picture = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if picture is None or picture.shape[1] != width or picture.shape[0] != height:
        raise ValueError("is not a PNG image that can be read")
    is_encoded, encoded = cv2.imencode(".png", picture)
    if not is_encoded:
        raise ValueError("could not be stored as PNG")
    return encoded.tobytes()
