"""Every ONVIF camera of the configuration on one asyncio loop thread.

At start all cameras are connected in parallel (WSDLs are parsed once and
shared); their streams go into the :class:`StreamDirectory` and their PTZ
capabilities are kept. A camera that fails is retried in the background. All
methods return at once with a concurrent Future; nothing here blocks a caller.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar

from console.config.schema import Camera
from console.events import Event
from console.onvif.client import OnvifClient, load_service_descriptions
from console.onvif.loop import AsyncLoopThread
from console.onvif.models import (
    NOT_ANSWERED_YET,
    PROBLEM,
    CameraProbe,
    NotSupported,
    OnvifError,
    Preset,
    PtzStatus,
    onvif_problem,
)
from console.wording import Worded

LOGGER = logging.getLogger("uitkijk.onvif")
RETRY_S = 30.0
T = TypeVar("T")


class FoundStreams(Protocol):
    """Where the service says what it found: the console's stream directory, or the ONVIF process's reports."""

    def problem(self, camera_id: str) -> Worded | None: ...

    def set_found(self, camera_id: str, main: str, sub: str | None) -> None: ...

    def set_problem(self, camera_id: str, problem: Worded) -> None: ...


class OnvifService:
    def __init__(self, cameras: tuple[Camera, ...] | list[Camera], directory: FoundStreams,
                 timeout_s: float = 5.0) -> None:  # fmt: skip
        self.directory = directory
        self.timeout_s = timeout_s
        self._cameras = {camera.id: camera for camera in cameras if camera.onvif is not None}
        self._clients: dict[str, OnvifClient] = {}
        self.probes: dict[str, CameraProbe] = {}
        self.probed: Event[[str, CameraProbe | None, str | None]] = Event("onvif.probed", LOGGER)  # id, probe, problem
        self._loop = AsyncLoopThread()
        self._retry_tasks: set[asyncio.Task] = set()

    @property
    def camera_ids(self) -> list[str]:
        return list(self._cameras)

    def warm_up(self, timeout_s: float = 30.0) -> None:
        """Parse the ONVIF service descriptions before the wall shows (blocks; call at start-up only)."""
        try:
            self._loop.run(load_service_descriptions(), timeout_s)
        except Exception as error:  # noqa: BLE001 - expected on a loaded machine: one line, no traceback
            said = str(error) or (f"not done in {timeout_s:g} s" if isinstance(error, TimeoutError) else "")
            LOGGER.warning("could not preload the ONVIF service descriptions (%s); each camera loads them when it "
                           "connects", said or type(error).__name__)  # fmt: skip

    def start(self) -> concurrent.futures.Future[None]:
        """Connect every ONVIF camera, all at once."""
        return self._loop.submit(self._connect_all())

    async def _connect_all(self) -> None:
        await asyncio.gather(*(self._connect(camera_id) for camera_id in self._cameras))

    async def _connect(self, camera_id: str) -> None:
        camera = self._cameras[camera_id]
        endpoint = camera.onvif
        assert endpoint is not None
        client = OnvifClient(endpoint.host, endpoint.port, endpoint.username, endpoint.password, self.timeout_s)
        try:
            probe = await client.connect()
        except asyncio.CancelledError:
            await client.close()  # the console is closing
            raise
        except OnvifError as error:
            await client.close()
            problem = onvif_problem(error)  # a fact: its tiles word it
            LOGGER.warning("%s: %s; retrying in %g s", camera_id, error, RETRY_S)
            self.directory.set_problem(camera_id, problem)
            self._announce(camera_id, None, str(problem))
            task = asyncio.get_running_loop().create_task(self._retry_later(camera_id))
            self._retry_tasks.add(task)
            task.add_done_callback(self._retry_tasks.discard)
            return
        old = self._clients.pop(camera_id, None)
        if old is not None:
            await old.close()
        self._clients[camera_id] = client
        self.probes[camera_id] = probe
        main, sub = probe.main_profile, probe.sub_profile
        if main is not None:
            self.directory.set_found(camera_id, main.stream_uri, sub.stream_uri if sub else None)
        LOGGER.info("%s: ONVIF %s %s, %d profiles, PTZ %s", camera_id, probe.device.manufacturer,
                    probe.device.model, len(probe.profiles), "yes" if probe.has_ptz else "no")  # fmt: skip
        self._announce(camera_id, probe, None)

    async def _retry_later(self, camera_id: str) -> None:
        await asyncio.sleep(RETRY_S)
        await self._connect(camera_id)

    def _announce(self, camera_id: str, probe: CameraProbe | None, problem: str | None) -> None:
        self.probed.emit(camera_id, probe, problem)

    # -- PTZ (each returns a Future; errors arrive as OnvifError) ----------------------------------
    def _with_client(self, camera_id: str, action: Callable[[OnvifClient], Coroutine[Any, Any, T]]
                     ) -> concurrent.futures.Future[T]:  # fmt: skip
        async def run() -> T:
            client = self._clients.get(camera_id)
            if client is None:
                problem = self.directory.problem(camera_id)
                raise NotSupported(PROBLEM, problem=problem) if problem else NotSupported(NOT_ANSWERED_YET)
            return await action(client)

        return self._loop.submit(run())

    def continuous_move(self, camera_id: str, pan: float, tilt: float, zoom: float,
                        timeout_s: float = 1.0) -> concurrent.futures.Future[None]:  # fmt: skip
        return self._with_client(camera_id, lambda c: c.continuous_move(pan, tilt, zoom, timeout_s))

    def stop_move(self, camera_id: str) -> concurrent.futures.Future[None]:
        return self._with_client(camera_id, lambda c: c.stop())

    def status(self, camera_id: str) -> concurrent.futures.Future[PtzStatus]:
        return self._with_client(camera_id, lambda c: c.status())

    def presets(self, camera_id: str) -> concurrent.futures.Future[tuple[Preset, ...]]:
        return self._with_client(camera_id, lambda c: c.presets())

    def goto_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]:
        return self._with_client(camera_id, lambda c: c.goto_preset(token))

    def set_preset(self, camera_id: str, name: str) -> concurrent.futures.Future[str]:
        return self._with_client(camera_id, lambda c: c.set_preset(name))

    def remove_preset(self, camera_id: str, token: str) -> concurrent.futures.Future[None]:
        return self._with_client(camera_id, lambda c: c.remove_preset(token))

    def absolute_move(self, camera_id: str, pan: float, tilt: float, zoom: float) -> concurrent.futures.Future[None]:
        return self._with_client(camera_id, lambda c: c.absolute_move(pan, tilt, zoom))

    def goto_home(self, camera_id: str) -> concurrent.futures.Future[None]:
        return self._with_client(camera_id, lambda c: c.goto_home())

    def shutdown(self, timeout_s: float = 5.0) -> bool:
        async def close_all() -> None:
            for task in list(self._retry_tasks):
                task.cancel()
            for client in list(self._clients.values()):
                await client.close()

        try:
            self._loop.run(close_all(), timeout_s)
        except (concurrent.futures.TimeoutError, RuntimeError):
            pass
        return self._loop.stop(timeout_s)
