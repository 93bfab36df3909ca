"""The camera configuration's strict schema: unknown keys are errors, fields have bounds."""

from __future__ import annotations

import datetime as dt
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from console.config.one_line import OneLineText
from console.config.secrets import mask

Identifier = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="lower-case letters, digits and '-'")
STREAM_SCHEMES = ("rtsp", "rtsps")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Area(Strict):
    id: str = Identifier
    name: OneLineText = Field(min_length=1, max_length=80)


class Location(Strict):
    street: OneLineText = Field(min_length=1, max_length=120)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    # The map: which way it looks (a PTZ camera: its bearing at pan 0), how wide, from how high.
    heading_deg: float | None = Field(default=None, ge=0, lt=360)
    fov_deg: float = Field(default=60.0, gt=0, le=360)
    height_m: float = Field(default=6.0, ge=0, le=200)
    tilt_range_deg: float = Field(default=90.0, gt=0, le=180)  # a PTZ camera's tilt -1..1 spans +- this


def check_stream_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in STREAM_SCHEMES:
        raise ValueError(f"must be an rtsp:// URL, got {mask(url)!r}")
    if not parts.hostname:
        raise ValueError(f"has no host: {mask(url)!r}")
    try:
        _ = parts.port  # raises on a bad port
    except ValueError:
        raise ValueError(f"has a bad port: {mask(url)!r}") from None
    return url


class Streams(Strict):
    main: OneLineText
    sub: OneLineText | None = None  # low-bitrate stream for tiles; main is used when absent

    _check = field_validator("main", "sub")(lambda cls, value: value if value is None else check_stream_url(value))


class OnvifEndpoint(Strict):
    """Where the camera answers ONVIF; its streams are then found there (and PTZ, when it has it)."""

    host: OneLineText = Field(min_length=1, max_length=253)
    port: int = Field(default=80, ge=1, le=65535)
    username: OneLineText | None = Field(default=None, max_length=64)
    password: str | None = Field(default=None, max_length=128)  # use ${ENV}; always masked


RETENTION_MAX_DAYS = 365  # domain.md rule 3: recorded images are kept at most 12 months


class Recording(Strict):
    """What the recorder keeps of a camera: which stream, and for how many days (the law's 12 months at most)."""

    stream: Literal["main", "sub"] = "main"
    retention_days: int = Field(default=30, ge=1, le=RETENTION_MAX_DAYS)


class Camera(Strict):
    id: str = Identifier
    name: OneLineText = Field(min_length=1, max_length=80)
    kind: Literal["fixed", "ptz", "anpr"]
    area: str
    location: Location
    streams: Streams | None = None
    onvif: OnvifEndpoint | None = None
    recording: Recording | None = None  # absent: the camera is not recorded
    mobbox: str | None = Field(default=None, exclude=True)  # set by the loader for Mobbox cameras

    @model_validator(mode="after")
    def _has_a_source(self) -> Camera:
        if self.streams is None and self.onvif is None:
            raise ValueError("a camera needs 'streams', 'onvif', or both")
        return self

    def stream_url(self, role: Literal["main", "sub"]) -> str | None:
        """The configured URL for a role ("sub" falls back to "main"); None when ONVIF must find it."""
        if self.streams is None:
            return None
        return self.streams.sub if role == "sub" and self.streams.sub else self.streams.main


class Deployment(Strict):
    site: OneLineText = Field(min_length=1, max_length=120)
    area: str
    since: dt.date
    until: dt.date | None = None
    purpose: OneLineText = Field(min_length=1, max_length=200)
    authorisation: OneLineText | None = Field(default=None, max_length=120)  # the decision that allows the placement


class Mobbox(Strict):
    id: str = Identifier
    name: OneLineText = Field(min_length=1, max_length=80)
    deployment: Deployment
    cameras: list[Camera] = Field(min_length=1, max_length=4)


class CameraFile(Strict):
    version: Literal[1]
    areas: list[Area] = Field(min_length=1)
    cameras: list[Camera] = Field(default_factory=list)
    mobboxes: list[Mobbox] = Field(default_factory=list)
