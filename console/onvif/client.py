"""An ONVIF camera over onvif-zeep-async: typed results, typed errors, a time-out on every call.

onvif-zeep-async is the maintained, asynchronous fork of onvif-zeep (same
ONVIFCamera API; the old one leaks subscriptions and blocks: DESIGN.md). Its
WSDL documents are parsed once per process and shared by every camera.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import errno
import functools
import logging
import socket
import types
from collections.abc import Awaitable
from typing import Any, TypeVar

import aiohttp
import zeep.exceptions
from lxml import etree

from console.config.secrets import mask, register_secret
from console.onvif.directory import with_credentials
from console.onvif.models import (
    CameraFault,
    CameraProbe,
    CameraTimeout,
    CameraUnreachable,
    DeviceInfo,
    MediaProfile,
    NotAuthorised,
    NotSupported,
    OnvifError,
    Preset,
    PtzCommand,
    PtzStatus,
)
from console.wording import QT_TRANSLATE_NOOP

LOGGER = logging.getLogger("uitkijk.onvif")
PTZ_NAMESPACE = "http://www.onvif.org/ver20/ptz/wsdl"
T = TypeVar("T")
MAX_ANSWER_BYTES = 4_000_000  # the largest ONVIF answer read; a GetProfiles of many profiles is some 100 KB
MAX_REASON_CHARACTERS = 300  # of a camera's own words in a fault: enough to read, not a page


class AnswerTooLarge(CameraFault):
    """The camera sent more than any ONVIF answer needs (an endless body): read no further."""


# What a camera did, as an operator reads it (worded in the operator's language where it is shown). A camera's own
# words ({message}) and the system's ({why}) are told as they came.
TOO_LARGE = QT_TRANSLATE_NOOP("Domain", "the camera's answer is larger than {megabytes} MB")
NO_ANSWER = QT_TRANSLATE_NOOP("Domain", "no answer from {host} within {seconds} s")
NOT_A_FAULT = QT_TRANSLATE_NOOP("Domain", "the camera answered with an error that is not an ONVIF fault")
NOT_AUTHORISED = QT_TRANSLATE_NOOP("Domain", "not authorised: {message}")
NOT_SUPPORTED = QT_TRANSLATE_NOOP("Domain", "not supported by the camera: {message}")
REFUSED = QT_TRANSLATE_NOOP("Domain", "the camera refused: {message}")
WRONG_LOGIN = QT_TRANSLATE_NOOP("Domain", "not authorised: the camera refused the user name or password")
NOT_XML = QT_TRANSLATE_NOOP("Domain", "the camera's answer is not valid ONVIF (not XML)")
HTTP_STATUS = QT_TRANSLATE_NOOP("Domain", "the camera answered HTTP {status}")
CONNECTION_REFUSED = QT_TRANSLATE_NOOP("Domain", "cannot reach {host}: connection refused")
NO_ROUTE = QT_TRANSLATE_NOOP("Domain", "cannot reach {host}: no route to it")
NAME_UNKNOWN = QT_TRANSLATE_NOOP("Domain", "cannot reach {host}: its name is not known")
CANNOT_REACH = QT_TRANSLATE_NOOP("Domain", "cannot reach {host}: {why}")
NOT_ONVIF = QT_TRANSLATE_NOOP("Domain", "the camera's answer is not valid ONVIF: {detail}")
NOT_ONVIF_KIND = QT_TRANSLATE_NOOP("Domain", "the camera's answer is not valid ONVIF ({kind})")
CAMERAS_WORDS = "{message}"  # a fault in the camera's own words only


class BoundedResponse(aiohttp.ClientResponse):
    """An HTTP answer read up to MAX_ANSWER_BYTES; a camera cannot fill the desk's memory.

    aiohttp reads a whole body before zeep sees it, and onvif-zeep-async builds its own session,
    so the bound is the response class of every session it makes (set in ``_import_onvif``).
    """

    async def read(self) -> bytes:
        if self._body is None:
            if (self.content_length or 0) > MAX_ANSWER_BYTES:
                self.close()
                raise AnswerTooLarge(TOO_LARGE, megabytes=MAX_ANSWER_BYTES // 1_000_000)
            body = bytearray()
            async for chunk in self.content.iter_chunked(65536):
                body += chunk
                if len(body) > MAX_ANSWER_BYTES:
                    self.close()
                    raise AnswerTooLarge(TOO_LARGE, megabytes=MAX_ANSWER_BYTES // 1_000_000)
            self._body = bytes(body)
        return await super().read()


def _camera_words(text: str) -> str:
    """A camera's own message, masked first (a cut could split a credential), then bounded."""
    words = mask(text).strip()
    return words if len(words) <= MAX_REASON_CHARACTERS else words[:MAX_REASON_CHARACTERS] + "\u2026"


def _import_onvif() -> types.ModuleType:
    """Import onvif-zeep-async without letting it reconfigure the root logger."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import onvif
    from onvif import client as onvif_client

    root.handlers[:], root.level = handlers, level
    if onvif_client.ClientSession is aiohttp.ClientSession:  # every session it makes reads bounded answers
        onvif_client.ClientSession = functools.partial(aiohttp.ClientSession, response_class=BoundedResponse)
    return onvif


async def load_service_descriptions() -> None:
    """Parse the device, media and PTZ WSDLs now (once per process; every camera shares them).

    Parsing takes a few hundred milliseconds of pure Python; done before the wall
    shows, it never competes with the GUI thread while cameras connect.
    """
    _import_onvif()
    from pathlib import Path

    from onvif import client as onvif_client
    from onvif.definition import SERVICES

    await onvif_client._get_shared_sqlite_cache()
    for name in ("devicemgmt", "media", "ptz"):
        await onvif_client._cached_document(str(Path(onvif_client._WSDL_PATH) / SERVICES[name]["wsdl"]))


def translate_error(error: BaseException, timeout_s: float, host: str) -> OnvifError:
    """Any failure of a call, as one of the typed errors with an operator-readable reason."""
    if isinstance(error, OnvifError):
        return error
    if isinstance(error, asyncio.TimeoutError | TimeoutError):
        return CameraTimeout(NO_ANSWER, host=host, seconds=f"{timeout_s:g}")
    if isinstance(error, zeep.exceptions.Fault):
        subcodes = " ".join(str(code) for code in (error.subcodes or []))
        message = _camera_words(str(error.message or ""))
        if not message or message.startswith("Unknown fault"):  # zeep's words for a non-SOAP error page
            return CameraFault(NOT_A_FAULT)
        if "NotAuthorized" in subcodes or "not authori" in message.lower():
            return NotAuthorised(NOT_AUTHORISED, message=message)
        if "ActionNotSupported" in subcodes or "not supported" in message.lower():
            return NotSupported(NOT_SUPPORTED, message=message)
        return CameraFault(REFUSED, message=message)
    if isinstance(error, zeep.exceptions.TransportError):
        if error.status_code == 401:
            return NotAuthorised(WRONG_LOGIN)
        if error.status_code == 200:  # zeep's words for an answer it could not read as XML
            return CameraFault(NOT_XML)
        return CameraFault(HTTP_STATUS, status=error.status_code)
    if isinstance(error, aiohttp.ClientConnectorError | ConnectionError | OSError):
        return _unreachable(error, host)
    if isinstance(error, aiohttp.ClientError):
        return CameraUnreachable(CANNOT_REACH, host=host, why=mask(str(error)))
    if isinstance(error, etree.XMLSyntaxError | zeep.exceptions.XMLParseError | zeep.exceptions.Error):
        return CameraFault(NOT_ONVIF, detail=_camera_words(str(error))[:160])
    _import_onvif()
    from onvif.exceptions import ONVIFAuthError, ONVIFError, ONVIFTimeoutError

    if isinstance(error, ONVIFAuthError):
        return NotAuthorised(NOT_AUTHORISED, message=_camera_words(str(error)))
    if isinstance(error, ONVIFTimeoutError):
        return CameraTimeout(NO_ANSWER, host=host, seconds=f"{timeout_s:g}")
    if isinstance(error, ONVIFError):
        cause = error.__cause__ or error.__context__
        if cause is not None and cause is not error:
            return translate_error(cause, timeout_s, host)
        return CameraFault(CAMERAS_WORDS, message=_camera_words(str(error)))
    return CameraFault(NOT_ONVIF_KIND, kind=type(error).__name__)


def _unreachable(error: BaseException, host: str) -> CameraUnreachable:
    """The camera could not be reached: the common causes worded, any other in the system's words."""
    cause = getattr(error, "os_error", None) or error  # aiohttp's connector error carries the system's
    if isinstance(cause, ConnectionRefusedError):
        return CameraUnreachable(CONNECTION_REFUSED, host=host)
    if isinstance(cause, socket.gaierror):
        return CameraUnreachable(NAME_UNKNOWN, host=host)
    if isinstance(cause, OSError) and cause.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return CameraUnreachable(NO_ROUTE, host=host)
    return CameraUnreachable(CANNOT_REACH, host=host, why=mask(str(getattr(error, "strerror", None) or error)))


class OnvifClient:
    """One camera. All methods are coroutines for the ONVIF loop thread; each is bounded by ``timeout_s``."""

    def __init__(
        self, host: str, port: int, username: str | None, password: str | None, timeout_s: float = 5.0
    ) -> None:
        self.host, self.port = host, port
        self.username, self.password = username, password
        self.timeout_s = timeout_s
        if password:
            register_secret(password)
        self._camera: Any = None
        self._ptz: Any = None
        self.probe: CameraProbe | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    async def _call(self, awaitable: Awaitable[T]) -> T:
        try:
            return await asyncio.wait_for(awaitable, self.timeout_s)
        except Exception as error:
            raise translate_error(error, self.timeout_s, self.address) from error

    # -- connecting ---------------------------------------------------------------------
    async def connect(self) -> CameraProbe:
        """Find the camera's clock offset, services, identity, profiles, streams and PTZ."""
        onvif = _import_onvif()
        self._camera = onvif.ONVIFCamera(self.host, self.port, self.username, self.password, adjust_time=True)
        try:
            await self._call(self._camera.update_xaddrs())
        except (NotAuthorised, CameraFault) as first:
            # Some cameras refuse GetSystemDateAndTime: take the clock from the HTTP Date header instead.
            offset = await self._offset_from_http_date()
            if offset is None:
                raise first from None
            self._camera.adjust_time = False
            self._camera.dt_diff = dt.timedelta(seconds=offset)
            for stale in list(self._camera.services.values()):  # built before the offset was known
                await stale.close()
            self._camera.services.clear()
            devicemgmt = await self._call(self._camera.create_devicemgmt_service())
            if not await self._call(self._camera._update_xaddrs_from_services(devicemgmt)):
                await self._call(self._camera._update_xaddrs_from_capabilities(devicemgmt))
        offset_s = self._camera.dt_diff.total_seconds() if self._camera.dt_diff is not None else 0.0
        if PTZ_NAMESPACE not in self._camera.xaddrs:
            # GetServices listed no PTZ: older firmware may still name it in GetCapabilities.
            try:
                await self._call(self._camera.get_capabilities())
            except OnvifError as error:
                LOGGER.debug("%s: GetCapabilities failed: %s", self.address, error)
        devicemgmt = await self._call(self._camera.create_devicemgmt_service())
        info = await self._call(devicemgmt.GetDeviceInformation())
        device = DeviceInfo(
            str(info.Manufacturer or ""),
            str(info.Model or ""),
            str(info.FirmwareVersion or ""),
            str(info.SerialNumber or ""),
        )
        profiles, snapshot_uri = await self._media()
        commands: frozenset[PtzCommand] = frozenset()
        presets: tuple[Preset, ...] = ()
        if PTZ_NAMESPACE in self._camera.xaddrs and profiles:
            self._ptz = await self._call(self._camera.create_ptz_service())
            commands = frozenset(PtzCommand)
            try:
                presets = await self._presets(self._ptz, profiles[0].token)
            except NotSupported:
                commands = commands - {PtzCommand.GET_PRESETS, PtzCommand.GOTO_PRESET, PtzCommand.SET_PRESET,
                                       PtzCommand.REMOVE_PRESET}  # fmt: skip
        self.probe = CameraProbe(device, profiles, offset_s, commands, presets, snapshot_uri)
        return self.probe

    async def _offset_from_http_date(self) -> float | None:
        url = f"http://{self.host}:{self.port}/onvif/device_service"
        try:
            async with aiohttp.ClientSession() as session:
                async with session.get(url, timeout=aiohttp.ClientTimeout(total=self.timeout_s)) as response:
                    header = response.headers.get("Date")
        except (TimeoutError, aiohttp.ClientError):
            return None
        if not header:
            return None
        camera_time = email.utils.parsedate_to_datetime(header)
        return (camera_time - dt.datetime.now(dt.UTC)).total_seconds()

    async def _media(self) -> tuple[tuple[MediaProfile, ...], str]:
        media = await self._call(self._camera.create_media_service())
        raw_profiles = await self._call(media.GetProfiles())
        profiles = []
        for raw in raw_profiles or []:
            encoder = getattr(raw, "VideoEncoderConfiguration", None)
            if encoder is None:
                continue
            resolution = encoder.Resolution
            setup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
            uri = await self._call(media.GetStreamUri({"StreamSetup": setup, "ProfileToken": raw.token}))
            profiles.append(
                MediaProfile(
                    str(raw.token),
                    str(raw.Name or raw.token),
                    str(encoder.Encoding),
                    int(resolution.Width),
                    int(resolution.Height),
                    with_credentials(str(uri.Uri), self.username, self.password),
                )
            )
        snapshot_uri = ""
        if profiles:
            try:
                snapshot = await self._call(media.GetSnapshotUri({"ProfileToken": profiles[0].token}))
                snapshot_uri = str(snapshot.Uri)
            except OnvifError:
                pass
        return tuple(profiles), snapshot_uri

    # -- PTZ ----------------------------------------------------------------------------------
    def _require(self, command: PtzCommand) -> Any:
        if self.probe is None or command not in self.probe.ptz_commands or self._ptz is None:
            raise NotSupported(NOT_SUPPORTED, message=command.value)
        return self._ptz

    @property
    def _profile_token(self) -> str:
        assert self.probe is not None and self.probe.main_profile is not None
        return self.probe.main_profile.token

    async def continuous_move(self, pan: float, tilt: float, zoom: float, timeout_s: float = 1.0) -> None:
        """Move at these speeds (-1..1). The camera stops by itself after ``timeout_s``: a lost Stop is harmless."""
        ptz = self._require(PtzCommand.CONTINUOUS_MOVE)
        velocity = {"PanTilt": {"x": pan, "y": tilt}, "Zoom": {"x": zoom}}
        request = {"ProfileToken": self._profile_token, "Velocity": velocity, "Timeout": _duration(timeout_s)}
        await self._call(ptz.ContinuousMove(request))

    async def stop(self) -> None:
        ptz = self._require(PtzCommand.STOP)
        await self._call(ptz.Stop({"ProfileToken": self._profile_token, "PanTilt": True, "Zoom": True}))

    async def relative_move(self, pan: float, tilt: float, zoom: float) -> None:
        ptz = self._require(PtzCommand.RELATIVE_MOVE)
        translation = {"PanTilt": {"x": pan, "y": tilt}, "Zoom": {"x": zoom}}
        await self._call(ptz.RelativeMove({"ProfileToken": self._profile_token, "Translation": translation}))

    async def absolute_move(self, pan: float, tilt: float, zoom: float) -> None:
        ptz = self._require(PtzCommand.ABSOLUTE_MOVE)
        position = {"PanTilt": {"x": pan, "y": tilt}, "Zoom": {"x": zoom}}
        await self._call(ptz.AbsoluteMove({"ProfileToken": self._profile_token, "Position": position}))

    async def status(self) -> PtzStatus:
        ptz = self._require(PtzCommand.GET_STATUS)
        raw = await self._call(ptz.GetStatus({"ProfileToken": self._profile_token}))
        position = raw.Position
        moving = raw.MoveStatus
        is_moving = bool(moving) and "MOVING" in (str(moving.PanTilt), str(moving.Zoom))
        return PtzStatus(float(position.PanTilt.x), float(position.PanTilt.y), float(position.Zoom.x), is_moving)

    async def _presets(self, ptz: Any, token: str) -> tuple[Preset, ...]:
        raw = await self._call(ptz.GetPresets({"ProfileToken": token}))
        return tuple(Preset(str(item.token), str(item.Name or item.token)) for item in raw or [])

    async def presets(self) -> tuple[Preset, ...]:
        return await self._presets(self._require(PtzCommand.GET_PRESETS), self._profile_token)

    async def goto_preset(self, token: str) -> None:
        ptz = self._require(PtzCommand.GOTO_PRESET)
        await self._call(ptz.GotoPreset({"ProfileToken": self._profile_token, "PresetToken": token}))

    async def set_preset(self, name: str) -> str:
        ptz = self._require(PtzCommand.SET_PRESET)
        return str(await self._call(ptz.SetPreset({"ProfileToken": self._profile_token, "PresetName": name})))

    async def remove_preset(self, token: str) -> None:
        ptz = self._require(PtzCommand.REMOVE_PRESET)
        await self._call(ptz.RemovePreset({"ProfileToken": self._profile_token, "PresetToken": token}))

    async def goto_home(self) -> None:
        ptz = self._require(PtzCommand.GOTO_HOME)
        await self._call(ptz.GotoHomePosition({"ProfileToken": self._profile_token}))

    async def close(self) -> None:
        if self._camera is not None:
            try:
                await self._camera.close()
            except Exception:
                LOGGER.debug("%s: close failed", self.address, exc_info=True)
            self._camera = None


def _duration(seconds: float) -> str:
    return f"PT{seconds:g}S"
