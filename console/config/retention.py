"""``retention.yaml``: how long the console keeps the personal data it holds, within the law's 12 months.

A camera's recordings are kept for its own ``recording.retention_days`` (cameras.yaml); this file holds
the rest: how long administrative police may consult a recording (the law's first month, configurable
lower, never higher), and the periods of the other personal data the console keeps (ANPR hits with
their images, evidence stills not linked to an open incident, footage imported from a bodycam or a
drone, the stills of closed alarms). Absent file: the defaults below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from console.config.files import present
from console.config.loader import load_checked
from console.config.schema import RETENTION_MAX_DAYS, Strict

RETENTION_FILE = "retention.yaml"
ADMINISTRATIVE_CONSULT_MAX_DAYS = 30  # domain.md rule 3: administrative police consult only during the first month
DEFAULT_ANPR_HIT_DAYS = 30  # a hit is checked and dispatched within minutes; one that became a file lives there
DEFAULT_EVIDENCE_STILL_DAYS = 90  # time for an investigator to take a still into a file before it goes
DEFAULT_ALARM_STILL_DAYS = 30  # a closed alarm's picture: long enough to look back on a shift's alarms
DEFAULT_IMPORTED_FOOTAGE_DAYS = 90  # a bodycam's or drone's recording, counted from its recording time like a camera's


class RetentionFile(Strict):
    """The retention periods, in days; each bound by the law's 12 months (the consult window by its month)."""

    version: Literal[1] = 1
    administrative_consult_days: int = Field(default=ADMINISTRATIVE_CONSULT_MAX_DAYS, ge=1,
                                             le=ADMINISTRATIVE_CONSULT_MAX_DAYS)  # fmt: skip
    anpr_hit_days: int = Field(default=DEFAULT_ANPR_HIT_DAYS, ge=1, le=RETENTION_MAX_DAYS)
    evidence_still_days: int = Field(default=DEFAULT_EVIDENCE_STILL_DAYS, ge=1, le=RETENTION_MAX_DAYS)
    imported_footage_days: int = Field(default=DEFAULT_IMPORTED_FOOTAGE_DAYS, ge=1, le=RETENTION_MAX_DAYS)
    alarm_still_days: int = Field(default=DEFAULT_ALARM_STILL_DAYS, ge=1, le=RETENTION_MAX_DAYS)

    def summary(self) -> str:
        return (f"retention: administrative consultation {self.administrative_consult_days} days, ANPR hits "
                f"{self.anpr_hit_days} days, evidence stills {self.evidence_still_days} days, imported footage "
                f"{self.imported_footage_days} days, alarm stills {self.alarm_still_days} days")  # fmt: skip


Retention = RetentionFile  # what the services read: the validated file (or its defaults)


def load_retention(folder: Path) -> Retention:
    """``retention.yaml`` in ``folder``, checked (ConfigError with file and line); the defaults when it is absent."""
    path = folder / RETENTION_FILE
    if not present(path):
        return RetentionFile()
    return load_checked(path, RetentionFile)[1]
