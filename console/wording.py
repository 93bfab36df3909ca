"""What the domain tells a user, kept Qt-free: an English template and its values, worded by the UI.

A refused change, a reason rule or a lost log is raised or sent as a :class:`Worded` (or a
:class:`WordedError`): ``str()`` gives the English sentence for logs and the command line, and the UI
(``console.ui.words.say``) looks the template up in the user's language and fills in the values,
domain words (states, kinds, roles) worded too. Templates are marked with ``QT_TRANSLATE_NOOP`` so
that Qt's ``lupdate`` finds them in these Qt-free modules.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

DOMAIN = "Domain"  # the translation context of every template raised or sent by the domain


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; the UI translates it when it shows it."""
    return text


def english(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(english(item) for item in value)
    return str(value)


class Worded:
    """A sentence for a user: ``template`` in English with ``{name}`` places, and their ``values``."""

    def __init__(self, template: str, **values: Any) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return fill(self.template, self.values, english)

    def __repr__(self) -> str:
        return f"Worded({self.template!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Worded) and (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)


def as_record(message: Worded | BaseException | str) -> dict[str, Any]:
    """A message stored as a fact (its template and values, nested ones too), to be worded when it is read."""
    if isinstance(message, WordedError):
        message = message.worded
    if not isinstance(message, Worded):
        return {"template": "{error}", "values": {"error": str(message)}}
    values = {name: as_record(value) if isinstance(value, (Worded, WordedError)) else english(value)
              if isinstance(value, Enum) else value for name, value in message.values.items()}  # fmt: skip
    return {"template": message.template, "values": values}


def from_record(record: dict[str, Any]) -> Worded:
    """The message :func:`as_record` stored."""
    values = {name: from_record(value) if isinstance(value, dict) and "template" in value else value
              for name, value in dict(record.get("values") or {}).items()}  # fmt: skip
    return Worded(str(record.get("template", "")), **values)


class WordedError(Exception):
    """An error a user reads: the refusal's template and values (``str()`` is the English sentence)."""

    def __init__(self, template: str = "", **values: Any) -> None:
        self.worded = Worded(template, **values)
        super().__init__(str(self.worded))


def fill(template: str, values: dict[str, Any], word: Any) -> str:
    """``template`` with its places filled by ``word(value)``; a template without places is left as it is."""
    if not values:
        return template
    return template.format(**{name: word(value) for name, value in values.items()})
