"""The reason for viewing (domain.md, rule 1): kind, category, and a reference or free text.

Live view, a tour, a PTZ lease and a snapshot each need one. One reason covers a
whole wall session or a whole tour until it is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from console.config.one_line import one_line_problem, shown_on_one_line
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError

MAX_REFERENCE = 120


class Kind(Enum):
    ADMINISTRATIVE = "administrative police"
    JUDICIAL = "judicial police"


class Category(Enum):
    VIRTUAL_PATROL = "virtual patrol"
    INCIDENT = "incident"
    ANPR_HIT = "ANPR hit"
    INVESTIGATOR_REQUEST = "request from an investigator"
    OTHER = "other"
    ALARM = "alarm"  # a view an alarm brought to the desk: the reference names it ("alarm 0042"); never typed


# Categories an operator chooses in the reason dialog (an alarm's reason comes with its alarm only).
CHOSEN = tuple(category for category in Category if category is not Category.ALARM)


# Categories that point at a file: the incident or report number is the reason's substance.
NEEDS_REFERENCE = frozenset({Category.INCIDENT, Category.ANPR_HIT, Category.INVESTIGATOR_REQUEST, Category.OTHER,
                             Category.ALARM})  # fmt: skip


class ReasonRequired(WordedError):
    """An action that shows or records images was asked for without a (valid) reason."""


class ReasonLapsed(ReasonRequired):
    """The reason names an incident that is finished (closed, cancelled or merged): it covers no new viewing."""

    def __init__(self, incident: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Domain", "incident {incident} is finished: its reason covers no new viewing; give a new reason (R)"
            ),
            incident=incident,
        )
        self.incident = incident


_THE_REFERENCE = Worded(QT_TRANSLATE_NOOP("Domain", "the reference"))
_THE_DECISION = Worded(QT_TRANSLATE_NOOP("Domain", "the decision's reference"))


@dataclass(frozen=True)
class Reason:
    kind: Kind
    category: Category
    reference: str = ""  # incident / report number, or free text
    # The prosecutor's or investigating judge's decision (judicial only): what opens footage past the
    # administrative window (domain.md rule 3); stored with every access it covers.
    decision: str = ""

    def __post_init__(self) -> None:
        reference = " ".join(self.reference.split())
        object.__setattr__(self, "reference", reference)
        decision = " ".join(self.decision.split())
        object.__setattr__(self, "decision", decision)
        if len(decision) > MAX_REFERENCE:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP("Domain", "the decision's reference is {length} characters long; at most {limit}"),
                length=len(decision),
                limit=MAX_REFERENCE,
            )
        if decision and self.kind != Kind.JUDICIAL:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP(
                    "Domain", "a prosecutor's or investigating judge's decision goes with a judicial reason only"
                )
            )
        if len(reference) > MAX_REFERENCE:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP("Domain", "the reference is {length} characters long; at most {limit}"),
                length=len(reference),
                limit=MAX_REFERENCE,
            )
        # One line of visible text, as every text from any door (one_line.py): the decision's reference is the
        # access's legal ground, in the audit log and the export's manifest; a U+202E or an escape would make it
        # show other than it is stored.
        for what, text in ((_THE_REFERENCE, reference), (_THE_DECISION, decision)):
            problem = one_line_problem(text, MAX_REFERENCE)
            if problem is not None:
                raise ReasonRequired("{what} {problem}", what=what, problem=problem)
        if self.category in NEEDS_REFERENCE and not reference:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP("Domain", "'{category}' needs an incident/report number or a text"),
                category=self.category,
            )
        if self.kind == Kind.JUDICIAL and not reference:
            raise ReasonRequired(
                QT_TRANSLATE_NOOP(
                    "Domain", "judicial police viewing needs the report (PV) number or the investigator's request"
                )
            )

    @property
    def incident(self) -> str | None:
        """The incident this reason names: it covers viewing only while that incident is open."""
        return self.reference if self.category == Category.INCIDENT and self.reference else None

    def as_record(self) -> dict[str, str]:
        """What goes into the audit log and the board."""
        record = {"kind": self.kind.value, "category": self.category.value, "reference": self.reference}
        if self.decision:
            record["decision"] = self.decision
        return record

    @classmethod
    def from_record(cls, record: dict[str, str]) -> Reason:
        """A stored reason (one written before the one-line rule held shows U+FFFD where it was not one line)."""
        reference, decision = record.get("reference", ""), record.get("decision", "")
        return cls(Kind(record["kind"]), Category(record["category"]), shown_on_one_line(reference),
                   shown_on_one_line(decision))  # fmt: skip

    @classmethod
    def parse(cls, text: str, kind: Kind = Kind.ADMINISTRATIVE) -> Reason:
        """``"CATEGORY: REFERENCE"`` as typed on a command line, e.g. ``"incident: PV 2026/0412"``."""
        category_text, _, reference = text.partition(":")
        wanted = category_text.strip().lower()
        for category in Category:
            if category.value.lower() == wanted or category.name.lower().replace("_", " ") == wanted:
                return cls(kind, category, reference)
        raise ReasonRequired(
            QT_TRANSLATE_NOOP("Domain", "unknown category '{category}'; one of {known}"),
            category=category_text.strip(),
            known=list(Category),
        )

    def __str__(self) -> str:
        text = f"{self.category.value} ({self.kind.value})"
        text = f"{text}: {self.reference}" if self.reference else text
        return f"{text}; decision {self.decision}" if self.decision else text
