"""What the console knows about an ONVIF camera: small typed models, probed once."""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from console.events import Event
from console.wording import QT_TRANSLATE_NOOP, Worded, WordedError


class PtzCommand(Enum):
    """The PTZ operations the console sends; each is checked against the camera's capabilities."""

    CONTINUOUS_MOVE = "ContinuousMove"
    STOP = "Stop"
    RELATIVE_MOVE = "RelativeMove"
    ABSOLUTE_MOVE = "AbsoluteMove"
    GET_STATUS = "GetStatus"
    GET_PRESETS = "GetPresets"
    GOTO_PRESET = "GotoPreset"
    SET_PRESET = "SetPreset"
    REMOVE_PRESET = "RemovePreset"
    GOTO_HOME = "GotoHomePosition"


@dataclass(frozen=True)
class DeviceInfo:
    manufacturer: str
    model: str
    firmware: str
    serial: str


@dataclass(frozen=True)
class MediaProfile:
    token: str
    name: str
    encoding: str
    width: int
    height: int
    stream_uri: str = ""  # with the camera's credentials added when it has them: mask before showing

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True)
class Preset:
    token: str
    name: str


@dataclass(frozen=True)
class PtzStatus:
    pan: float
    tilt: float
    zoom: float
    is_moving: bool


@dataclass(frozen=True)
class CameraProbe:
    """Everything probed from a camera at connection time."""

    device: DeviceInfo
    profiles: tuple[MediaProfile, ...]
    clock_offset_s: float
    ptz_commands: frozenset[PtzCommand] = field(default_factory=frozenset)
    presets: tuple[Preset, ...] = ()
    snapshot_uri: str = ""

    @property
    def has_ptz(self) -> bool:
        return PtzCommand.CONTINUOUS_MOVE in self.ptz_commands

    @property
    def main_profile(self) -> MediaProfile | None:
        return self.profiles[0] if self.profiles else None

    @property
    def sub_profile(self) -> MediaProfile | None:
        """The lowest-resolution profile other than the main one, if any."""
        others = [profile for profile in self.profiles[1:] if profile.pixels < self.profiles[0].pixels]
        return min(others, key=lambda profile: profile.pixels) if others else None


class OnvifError(WordedError):
    """A camera did not do what was asked: a short reason for an operator, as a template and its values (worded
    in the operator's language where it is shown; ``str()`` is the English for the log)."""

    kind = "error"

    def __reduce__(self) -> tuple:
        """Whole across the ONVIF process's wire: its template and values, not only the English sentence."""
        return _rebuilt, (type(self), self.worded.template, self.worded.values)


def _rebuilt(kind: type[OnvifError], template: str, values: dict) -> OnvifError:
    return kind(template, **values)


# Why an ONVIF camera's streams are not known (what its tiles say while they wait for them)
ONVIF_PROBLEM = QT_TRANSLATE_NOOP("Domain", "ONVIF: {error}")
NOT_ANSWERED_YET = QT_TRANSLATE_NOOP("Domain", "ONVIF has not answered yet")
PROBLEM = "{problem}"  # a problem told again as it was found


def onvif_problem(error: OnvifError) -> Worded:
    """A camera's look-up failure, as the directory keeps it (and its tiles say it)."""
    return Worded(ONVIF_PROBLEM, error=error.worded)


class CameraUnreachable(OnvifError):
    kind = "unreachable"


class CameraTimeout(OnvifError):
    kind = "timeout"


class NotAuthorised(OnvifError):
    kind = "not authorised"


class NotSupported(OnvifError):
    kind = "not supported"


class CameraFault(OnvifError):
    """The camera answered with a SOAP fault (its own message) or with something that is not ONVIF."""

    kind = "fault"


class OnvifCameras(Protocol):
    """A desk's ONVIF cameras as the PTZ control sees them: in this process (``OnvifService``) or a child's
    (``OnvifProcess``). Every command returns at once; its errors arrive as :class:`OnvifError`."""

    probes: dict[str, CameraProbe]
    probed: Event[[str, CameraProbe | None, str | None]]  # camera id, probe, problem

    def continuous_move(self, camera_id: str, pan: float, tilt: float, zoom: float,
                        timeout_s: float = 1.0) -> concurrent.futures.Future[None]: ...  # fmt: skip

    def stop_move(self, camera_id: str) -> concurrent.futures.Future[None]: ...

    def status(self, camera_id: str) -> concurrent.futures.Future[PtzStatus]: ...

    def presets(self, camera_id: str) -> concurrent.futures.Future[tuple[Preset, ...]]: ...

    def goto_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]: ...

    def set_preset(self, camera_id: str, name: str) -> concurrent.futures.Future[str]: ...

    def remove_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]: ...

    def absolute_move(self, camera_id: str, pan: float, tilt: float, zoom: float
                      ) -> concurrent.futures.Future[None]: ...  # fmt: skip

    def goto_home(self, camera_id: str) -> concurrent.futures.Future[None]: ...
