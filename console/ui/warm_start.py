"""The wall's streams opened while the user signs in, as a tour step's before it shows: nothing shown or logged.

A desk's wall took 1-2 s after its window showed to be live: the decoding process
started, then every stream was set up and waited for its first key frame, in turn
after the sign-in and the window (``bench.run --startup``). Here the streams the wall
will most likely show are pulled and decoded from launch, during the sign-in, into the
decoding process's memory and nowhere else: no window exists, no picture is drawn, and
no view is logged, since nobody watches. Once someone signs in, the desk's tiles take
the same streams from the hub, each tile stays veiled until its view is in the audit
log under the user's reason (``ViewingLog``), and then shows the newest picture at once.
The warm handles are let go as soon as the tiles hold theirs (or at once, for a session
that watches no video): a stream no tile shows stops.
"""

from __future__ import annotations

import logging
from pathlib import Path

from console.access.session import workstation_name
from console.config.loader import CameraConfig
from console.config.room import load_room
from console.onvif.directory import StreamDirectory
from console.paths import AppPaths
from console.startup import mark
from console.ui.window_store import FILE_NAME, WindowStore, arrangement_file_name
from console.video.hub import StreamHandle, StreamHub
from console.video.stream import Frame
from console.wall.state import WallState

LOGGER = logging.getLogger("uitkijk.ui")
WARM_SIZE = (320, 180)  # a 4x4 tile's; the tiles ask for their own size as soon as they exist


def desk_directory(config: CameraConfig, paths: AppPaths, workstation: str) -> StreamDirectory:
    """Where this workstation pulls each camera: the room's relay (as the workstation, with its own secret from
    room.yaml's relay.password), or the cameras themselves; streams found over ONVIF are remembered."""
    room = load_room(config)  # checked with the configuration: None when the desk is alone
    relay = room.relay if room is not None else None
    if relay is not None:
        relay = relay.pulled_by(workstation)
        if relay.password is None:
            LOGGER.warning("room.yaml gives this desk (%s) no secret for the relay (relay.password): the relay "
                           "will refuse its pulls", workstation)  # fmt: skip
    return StreamDirectory(config.cameras, paths.data_dir / "onvif-streams.json", relay)


def likely_walls(config: CameraConfig, settings_dir: Path, workstation: str, user: str | None,
                 layout: str | None) -> list[WallState]:  # fmt: skip
    """The walls a desk will most likely open: the user's saved arrangement on this workstation (``user`` known
    before the sign-in: a wall PC), else the last one saved on this workstation by anyone, else the first start's
    wall. A wrong guess costs only the speed: the tiles open what they show."""
    arrangement = WindowStore(settings_dir, workstation, user).load() if user else None
    if arrangement is None or not arrangement.windows:
        store = WindowStore(settings_dir)  # the old shared file, when this workstation saved none of its own
        prefix = arrangement_file_name(workstation, "").removesuffix(".json")  # walls-WORKSTATION- (safe characters)
        saved = [path for path in settings_dir.glob(f"{prefix}*.json") if path.name != FILE_NAME]
        if saved:
            store.path = max(saved, key=lambda path: path.stat().st_mtime)
        arrangement = store.load()
    walls = [window.wall for window in arrangement.windows] if arrangement is not None else []
    if not walls:
        first = WallState(layout) if layout else WallState()
        first.fill([camera.id for camera in config.cameras])
        walls = [first]
    elif layout:
        walls[0].set_layout(layout)
    return walls


class WarmStart:
    """Streams pulled and decoded behind the veil while nobody is signed in yet (see the module's docstring)."""

    def __init__(self, hub: StreamHub, directory: StreamDirectory, config: CameraConfig) -> None:
        self.hub = hub
        self.directory = directory
        self._cameras = {camera.id: camera for camera in config.cameras}
        self._handles: list[StreamHandle] = []
        self.is_handed_over = False  # a session took the hub: it ends it

    def hand_over(self) -> WarmStart:
        """A session takes the hub (and ends it); the warm claims stay until :meth:`release`."""
        self.is_handed_over = True
        return self

    def open(self, walls: list[WallState]) -> int:
        """Start pulling the sub-streams of these walls' visible cameras; how many streams."""
        if self.directory.relay is not None:  # the relay refuses a desk where nobody who watches video is signed in
            LOGGER.info("the room's relay lets this desk pull once someone is signed in: the wall's streams open then")
            return 0
        urls: dict[str, str] = {}
        for wall in walls:
            for camera_id in wall.visible():
                camera = self._cameras.get(camera_id) if camera_id else None
                url = self.directory.url(camera, "sub") if camera is not None else None
                if camera is not None and url is not None:
                    urls.setdefault(url, f"{camera.id}.sub")
        self._handles = [self.hub.acquire(url, name, _ignore, WARM_SIZE) for url, name in urls.items()]
        mark("streams opened")
        LOGGER.info("opened %d streams while signing in (decoded out of sight: nothing shown, no view)", len(urls))
        return len(urls)

    @property
    def urls(self) -> list[str]:
        return [handle.url for handle in self._handles]

    def newest_frames(self) -> list[Frame | None]:
        """Each warm stream's newest decoded picture (held in the decoding process's memory, shown nowhere)."""
        return [handle.latest() for handle in self._handles]

    def end(self) -> None:
        """Nobody took the streams (no sign-in, or the console stops): they and the decoding process end."""
        if not self.is_handed_over:
            self.is_handed_over = True
            self.release()
            self.hub.shutdown()

    def release(self) -> None:
        """The desk's tiles hold the streams they show (or nobody watches): the warm claims go."""
        for handle in self._handles:
            handle.release()
        self._handles = []


def _ignore(status: object) -> None:
    """Nobody is shown a warm stream's state: its tile will say it."""


def warm_start(config: CameraConfig, paths: AppPaths, directory: StreamDirectory, layout: str | None,
               user: str | None) -> WarmStart:  # fmt: skip
    """The decoding process, and the streams of the wall the desk will most likely show, started now (before the
    sign-in, and before the console has imported Qt: no window is needed to pull a stream)."""
    hub = StreamHub()
    hub.start_decoding()
    warm = WarmStart(hub, directory, config)
    workstation = workstation_name()
    warm.open(likely_walls(config, paths.settings_dir, workstation, user.strip().lower() if user else None, layout))
    return warm
