"""What comes in from other systems is checked before anything else reads it.

Text is bounded and single-line where a listing prints it on one line (a CR/LF in a
type would forge a line of ``incidents``); bytes that are not UTF-8 (Python keeps
them as lone surrogates) and control characters are refused; an image is decoded
for real, its size bounded before decoding, and stored re-encoded, so what is kept
is a picture and nothing riding along with it.
"""

from __future__ import annotations

import re
import struct

import cv2
import numpy as np

from console.wording import QT_TRANSLATE_NOOP, Worded

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_PIXELS = 4096 * 4096  # an ANPR overview is at most a few megapixels
_CONTROL_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # newlines and tabs are text here
_NOT_UTF8 = re.compile("[\ud800-\udfff]")


def text_problems(name: str, value: str, limit: int, is_multiline: bool = False) -> list[Worded]:
    """Why a field cannot be taken (empty list: it can); the value itself is never repeated."""
    if len(value) > limit:
        return [
            Worded(
                QT_TRANSLATE_NOOP("Domain", "the {field} is longer than {limit} characters"), field=name, limit=limit
            )
        ]
    if _NOT_UTF8.search(value):
        return [Worded(QT_TRANSLATE_NOOP("Domain", "the {field} holds bytes that are not UTF-8 text"), field=name)]
    bad = (_CONTROL_IN_TEXT if is_multiline else _CONTROL_IN_LINE).search(value)
    if bad:
        return [
            Worded(
                QT_TRANSLATE_NOOP("Domain", "the {field} holds a control character (U+{code})"),
                field=name,
                code=f"{ord(bad.group()):04X}",
            )
        ]
    return []


def one_line(text: str) -> str:
    """Text for a one-line listing: control characters shown as such, never obeyed."""
    return _CONTROL_IN_LINE.sub("\ufffd", _NOT_UTF8.sub("\ufffd", text))


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
