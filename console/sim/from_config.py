"""Build the simulated network for the cameras of a configuration that point at loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from console.config.errors import ConfigError
from console.config.files import present
from console.config.loader import CameraConfig, did_you_mean, load_checked
from console.config.schema import Camera, Strict
from console.sim.clips import CLIP_SECONDS, ClipSpec, signature_colour
from console.sim.network import SIM_HOSTS, SimCamera, SimMount, SimNetwork, SimPtz, SimulationError, sim_port_and_path

SIMULATION_FILE = "simulation.yaml"


class SimulatedPreset(Strict):
    pan: float = Field(ge=-1, le=1)
    tilt: float = Field(ge=-1, le=1)
    zoom: float = Field(default=0.0, ge=0, le=1)


class SimulatedCamera(Strict):
    codec: Literal["h264", "h265"] = "h264"
    transports: Literal["any", "udp"] = "any"
    clock_offset_s: float = Field(default=0.0, ge=-86400, le=86400)  # a PTZ camera whose clock is off
    presets: dict[str, SimulatedPreset] = Field(default_factory=dict)  # a PTZ camera's presets at start


class SimulationFile(Strict):
    version: Literal[1]
    # the fixed cameras' street: by the room's clock (night from 22:00 to 06:00, the PC's local time), or always
    # day or night; "card" (when not said: tests' configurations): a flat card per camera, its colour and name
    scene: Literal["auto", "day", "night", "card"] = "card"
    rtsp_port: int = Field(default=8554, ge=1, le=65535)  # used when no camera names a loopback stream
    cameras: dict[str, SimulatedCamera] = {}


def load_simulation(config: CameraConfig) -> SimulationFile:
    path = config.folder / SIMULATION_FILE
    if not present(path):
        return SimulationFile(version=1)
    source, parsed = load_checked(path, SimulationFile)
    known = [camera.id for camera in config.cameras]
    issues = [
        source.issue(("cameras", camera_id), f"unknown camera '{camera_id}'{did_you_mean(camera_id, known)}", True)
        for camera_id in parsed.cameras
        if camera_id not in known
    ]
    if issues:
        raise ConfigError(issues)
    return parsed


def simulated_port(config: CameraConfig) -> int | None:
    """The loopback RTSP port the configuration's simulated cameras use (the first one found)."""
    for camera in config.cameras:
        found = sim_port_and_path(camera.streams.main) if camera.streams else None
        if found:
            return found[0]
    return None


def is_simulated_ptz(camera: Camera) -> bool:
    """A PTZ camera with a loopback ONVIF endpoint and no configured streams: drawn live by the simulator."""
    return (
        camera.kind == "ptz" and camera.streams is None and camera.onvif is not None and camera.onvif.host in SIM_HOSTS
    )


def camera_colour(config: CameraConfig, camera_id: str) -> tuple[int, int, int]:
    """The signature colour the simulator paints behind a camera's picture."""
    index = [camera.id for camera in config.cameras].index(camera_id)
    return signature_colour(index, len(config.cameras))


def first_zones(config: CameraConfig) -> dict[str, tuple[tuple[float, float], ...]]:
    """Each camera's first motion zone of alarms.yaml (where ``sim event CAMERA motion`` crosses); {} without one."""
    from console.alarms.config import ALARMS_FILE, load_alarm_rules

    if not present(config.folder / ALARMS_FILE):
        return {}
    try:
        rules = load_alarm_rules(config)
    except ConfigError:
        return {}  # check-config says what is wrong; the simulator does without zones
    zones: dict[str, tuple[tuple[float, float], ...]] = {}
    for camera in config.cameras:
        found = rules.zones_of(camera.id)
        if found:
            zones[camera.id] = tuple((float(x), float(y)) for x, y in found[0].polygon)
    return zones


def build_network(
    config: CameraConfig,
    clip_dir: Path,
    clip_seconds: int = CLIP_SECONDS,
    niceness: int = 0,
    control_dir: Path | None = None,
) -> SimNetwork:
    """The simulated network for a configuration; ``niceness`` for its processes (see REMOTE_NICENESS);
    ``control_dir``: the data folder where ``sim event`` finds it."""
    simulation = load_simulation(config)
    port = simulated_port(config)
    if port is None and any(is_simulated_ptz(camera) for camera in config.cameras):
        port = simulation.rtsp_port
    if port is None:
        raise SimulationError("no camera in the configuration points at the simulator (rtsp://127.0.0.1:PORT/...)")
    cameras = []
    zones = first_zones(config)
    for index, camera in enumerate(config.cameras):
        settings = simulation.cameras.get(camera.id, SimulatedCamera())
        if is_simulated_ptz(camera):
            endpoint = camera.onvif
            assert endpoint is not None  # is_simulated_ptz: it has one
            presets = {name: (preset.pan, preset.tilt, preset.zoom) for name, preset in settings.presets.items()}
            ptz = SimPtz(camera.name, endpoint.port, endpoint.username or "", endpoint.password or "",
                         settings.clock_offset_s, seed=index + 1, presets=presets)  # fmt: skip
            mounts = [SimMount(f"/{camera.id}", None), SimMount(f"/{camera.id}-sub", None)]
            cameras.append(SimCamera(camera.id, mounts, ptz, camera.mobbox))
            continue
        colour = camera_colour(config, camera.id)
        subtitle = f"{config.area_name(camera.area)} \u00b7 {camera.kind.upper()}"
        mounts = []
        if camera.streams is None:
            continue
        for role, url in (("main", camera.streams.main), ("sub", camera.streams.sub)):
            found = sim_port_and_path(url) if url else None
            if found and found[0] == port:
                clip = ClipSpec(camera.id, camera.name, subtitle, role, settings.codec, colour, clip_seconds,
                                zone=zones.get(camera.id, ()), area=camera.area,
                                scene="card" if simulation.scene == "card" else "day")  # fmt: skip
                mounts.append(SimMount(found[1], clip, settings.transports, settings.codec))
        if mounts:
            cameras.append(SimCamera(camera.id, mounts, mobbox=camera.mobbox))
    scene = None if simulation.scene in ("auto", "card") else simulation.scene
    return SimNetwork(cameras, port, clip_dir, niceness=niceness, control_dir=control_dir, scene=scene)
