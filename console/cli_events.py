"""``events``: the room's events service (one per room; a lone desk runs it as its child); ``alarms``: the queue.

``events`` follows every camera with an ONVIF endpoint (its own events) and runs the console's
detectors on the cameras ``alarms.yaml`` watches, on their sub-streams: through the room's relay
when room.yaml names one, as a service puller with its own name and secret (one pull upstream
for the relay, the recorders, the detectors and the desks), each stream's pull an audit entry
'detector pull'. Events go to the room's alarm queue; the service reports itself for ``room
status``. SIGTERM or Ctrl+C stops it cleanly (the subscriptions given back).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from console.cli_options import add_store_option, open_store_and_log
from console.config.loader import CameraConfig
from console.config.secrets import mask
from console.event_intake.service import WatchTarget
from console.paths import DEFAULT_CONFIG_DIR, AppPaths, warn_if_opened

LOGGER = logging.getLogger("uitkijk.events")
PULL_ACTION = "detector pull"
NAME_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    events = commands.add_parser("events", help="the room's events service: cameras' events and the console's "
                                                "detectors into the alarm queue, until stopped")  # fmt: skip
    events.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
    events.add_argument("--data", type=Path, default=None, metavar="DIR")
    add_store_option(events)
    events.add_argument("--name", default=None, metavar="NAME",
                        help="its name in the store and at the relay (default: events-HOSTNAME)")  # fmt: skip
    events.add_argument("--processes", type=int, default=1, metavar="N",
                        help="the detectors' worker processes (default 1)")  # fmt: skip
    events.add_argument("--verbose", action="store_true", help="log details to the terminal")
    alarms = commands.add_parser("alarms", help="the room's alarms and their states")
    alarms.add_argument("--open", action="store_true", help="only the alarms not closed")
    alarms.add_argument("--json", action="store_true", help="JSON with stable English keys")
    alarms.add_argument("--last", type=int, default=50, metavar="N",
                        help="besides the open alarms, the N newest closed ones (default 50)")  # fmt: skip
    alarms.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR",
                        help="the cameras' names (and room.yaml's store when --store is not given)")  # fmt: skip
    alarms.add_argument("--data", type=Path, default=None, metavar="DIR")
    add_store_option(alarms)


def default_name() -> str:
    host = re.sub(r"[^a-z0-9-]+", "-", socket.gethostname().lower()).strip("-") or "localhost"
    return f"events-{host}"[:64]


def watch_targets(config: CameraConfig, rules: Any, relay: Any | None, name: str) -> tuple[list[WatchTarget],
                                                                                            list[str]]:  # fmt: skip
    """The cameras alarms.yaml watches, each on its sub-stream (from the relay as ``name`` in a room); the problems."""
    cameras = {camera.id: camera for camera in config.cameras}
    detectors = rules.file.detectors
    targets: list[WatchTarget] = []
    problems: list[str] = []
    as_puller = relay.pulled_by(name) if relay is not None else None
    takeover_s = relay_takeover_s() if as_puller is not None else 0.0
    for camera_id in rules.watched_cameras():
        camera = cameras.get(camera_id)
        if camera is None:
            continue
        url = camera.stream_url("sub")
        if url is None:
            problems.append(f"{camera_id}: no stream in cameras.yaml: the detectors cannot watch it")
            continue
        if as_puller is not None:
            url = as_puller.url(camera_id, "sub")
        targets.append(WatchTarget(camera_id, url, rules.zones_of(camera_id), detectors.tamper, detectors.frozen,
                                   detectors.fps, takeover_s))  # fmt: skip
    return targets, problems


def relay_takeover_s() -> float:
    """How long after its relay died a camera may wait to be pulled from another relay of the room: its claim goes
    stale, a live relay's next look takes it, the events service's next read of the claims moves the pull there. A
    room of one relay holds as long (nobody takes its cameras: a relay started again within it loses no picture)."""
    from console.relay.claims import READ_EVERY_S, RENEW_EVERY_S, STALE_AFTER_S

    return STALE_AFTER_S + RENEW_EVERY_S + READ_EVERY_S


def follow_the_relays(database: Any, relay: Any | None, name: str, watched: list[WatchTarget],
                      move: Callable[[str, str], None],
                      relay_seen: Callable[[Mapping[str, float]], None] | None = None) -> Any | None:  # fmt: skip
    """A room of several relays: each watched camera's stream moved to the relay that claims it, now and whenever a
    relay takes it (``move(camera, url)``), and when the heartbeat of the relay it is pulled from was last seen to
    change, told at each read (``relay_seen(camera -> monotonic s)``: a relay gone silent holds its cameras' video
    loss for the take-over, also while its claims are stale); None with one relay or none (the reader is started by
    the caller)."""
    if relay is None or not relay.is_shared:
        return None
    from console.relay.claims import RelayClaimsReader

    as_puller = relay.pulled_by(name)
    urls = {target.camera_id: target.url for target in watched}

    def on_change(addresses: Mapping[str, str]) -> None:
        for camera, url in list(urls.items()):
            address = addresses.get(camera)
            moved = as_puller.at(address).url(camera, "sub") if address else url
            if moved != url:
                LOGGER.info("the detectors pull %s from the relay %s now", camera, address)
                urls[camera] = moved
                move(camera, moved)

    def on_heartbeats(changed: Mapping[str, float]) -> None:
        # The relay each camera is pulled from now (its URL's), whether its claim is live or stale.
        pulled_from = {camera: url.rpartition("@")[2].split("/")[0] for camera, url in urls.items()}
        seen = {camera: changed[address] for camera, address in pulled_from.items() if address in changed}
        if seen and relay_seen is not None:
            relay_seen(seen)

    return RelayClaimsReader(database, on_change, on_heartbeats=on_heartbeats if relay_seen is not None else None)


def real_follower_factory() -> Any | None:
    """h1's ONVIF follower, when this build has it."""
    try:
        from console.event_intake.onvif_follower import OnvifEventFollower
    except ImportError:
        return None
    return OnvifEventFollower


def real_pool_factory(processes: int) -> Any | None:
    """The detector pool (``console.detectors``), the targets handed over as its ``WatchedCamera``s."""
    try:
        from console.detectors import DetectorPool, WatchedCamera
    except ImportError:  # OpenCV or PyAV missing on this PC
        return None

    def make(targets: list[WatchTarget], on_event: Any, on_state: Any) -> Any:
        cameras = [WatchedCamera(target.camera_id, target.url, target.zones, target.tamper, target.frozen,
                                 target.fps, target.relay_takeover_s) for target in targets]  # fmt: skip
        return DetectorPool(cameras, on_event, on_state, processes)

    return make


def relay_of_the_room(config: CameraConfig, name: str) -> tuple[bool, Any | None]:
    """(fine, the room's relay or None). Not fine (said why) when room.yaml is broken or gives no secret here."""
    from console.config.errors import ConfigError
    from console.config.room import load_room

    try:
        room = load_room(config)
    except ConfigError as error:
        print(mask(str(error)), file=sys.stderr)
        return False, None
    if room is None or room.relay is None:
        return True, None
    if not room.relay.password:
        print(f"room.yaml names a relay: this events service pulls from it as '{name}' with its own secret"
              " (relay.password, its variable set on this PC; the relay's PC knows it under relay.services)",
              file=sys.stderr)  # fmt: skip
        return False, None
    return True, room.relay


def run(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> int:
    from console.alarms.config import load_alarm_rules
    from console.cli_record import name_problem
    from console.config.errors import ConfigError
    from console.event_intake.service import EventsService, FollowedCamera
    from console.services.alarm_queue import SERVICE_ROLE, AlarmIntake

    name = arguments.name or default_name()
    if not NAME_RULE.fullmatch(name):
        print("--name: an events service's name is 1 to 64 letters, digits and . _ - (like events-1)", file=sys.stderr)
        return 1
    refused = name_problem(name, config)
    if refused is not None:
        print(refused.replace("a recorder's", "a service's"), file=sys.stderr)
        return 1
    if not 1 <= arguments.processes <= 16:
        print("--processes: 1 to 16 worker processes", file=sys.stderr)
        return 1
    try:
        rules = load_alarm_rules(config)
    except ConfigError as error:
        for issue in error.issues:
            print(mask(str(issue)), file=sys.stderr)
        return 1
    is_fine, relay = relay_of_the_room(config, name)
    if not is_fine:
        return 1
    opened = open_store_and_log(paths, arguments.store)
    if opened is None:
        return 1
    database, log = opened
    host = socket.gethostname()
    followed = [FollowedCamera(camera.id, camera.onvif) for camera in config.cameras if camera.onvif is not None]
    watched, problems = watch_targets(config, rules, relay, name)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    follower_factory = real_follower_factory()
    pool_factory = real_pool_factory(arguments.processes)
    missing = []
    if followed and follower_factory is None:
        missing.append("ONVIF events not followed: this build has no ONVIF event follower")
    if watched and pool_factory is None:
        missing.append("detectors not running: this build has no detector pool")
    for problem in missing:
        print(f"warning: {problem}", file=sys.stderr)

    def audit_pull(camera: str, detail: dict) -> None:
        log.append(name, SERVICE_ROLE, host, PULL_ACTION, camera, detail)

    intake = AlarmIntake(database, log, rules, name, host)
    devices = {camera.id: camera.mobbox for camera in config.cameras if camera.mobbox}
    service = EventsService(database, intake, name, followed=followed, watched=watched,
                            follower_factory=follower_factory, pool_factory=pool_factory, devices=devices,
                            audit_pull=audit_pull, host=host, detector_processes=arguments.processes,
                            problems=missing)  # fmt: skip
    relays = follow_the_relays(database, relay, name, watched, service.move_stream, service.relay_seen)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if relays is not None:
        relays.read()  # before the detectors start: each camera pulled from its relay from the first
    try:
        service.start()
        if relays is not None:
            relays.start()
        through = " through the room's relay" if relay is not None else ""
        print(f"Events service {name}: {len(followed)} cameras followed, {len(watched)} watched by the detectors"
              f"{through}  (Ctrl+C stops)", flush=True)  # fmt: skip
        stop.wait()
        return 0
    finally:
        if relays is not None:
            relays.stop()
        service.stop()
        database.close()


# -- alarms: the queue on the command line ------------------------------------------------------------------------
def alarm_json(alarm: Any, camera_names: dict[str, str]) -> dict[str, Any]:
    """An alarm with stable English keys (the still stays in the store)."""
    return {
        "id": alarm.id, "label": alarm.label, "camera": alarm.camera, "camera_name": camera_names.get(alarm.camera),
        "kind": alarm.kind.value, "source": alarm.source.value, "priority": alarm.priority,
        "recipient": alarm.recipient.value, "rule": alarm.rule, "show": alarm.show, "state": alarm.state.value,
        "event_utc": alarm.event_utc, "raised_utc": alarm.raised_utc, "last_utc": alarm.last_utc,
        "repeats": alarm.repeats, "escalated_utc": alarm.escalated_utc, "taken_by": alarm.taken_by,
        "taken_name": alarm.taken_name, "taken_workstation": alarm.taken_workstation, "taken_utc": alarm.taken_utc,
        "closed_by": alarm.closed_by, "closed_utc": alarm.closed_utc,
        "outcome": alarm.outcome.value if alarm.outcome else None, "incident": alarm.incident, "note": alarm.note,
        "detail": alarm.detail,
    }  # fmt: skip


def _local_time(utc: str) -> str:
    from console.store.backend import utc_moment

    return utc_moment(utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def alarm_line(alarm: Any, camera_names: dict[str, str]) -> str:
    from console.config.one_line import shown_on_one_line

    state = alarm.state.value + (", escalated" if alarm.is_escalated else "")
    who = alarm.taken_name or alarm.taken_by or "-"
    end = alarm.outcome.value if alarm.outcome else "-"
    if alarm.incident:
        end += f", incident {alarm.incident}"
    camera = shown_on_one_line(camera_names.get(alarm.camera, alarm.camera))[:32]
    return (f"{alarm.label}  {_local_time(alarm.raised_utc)}  {camera:32}  {alarm.kind.value:14}  P{alarm.priority}  "
            f"{state:22}  {shown_on_one_line(who)[:24]:24}  {shown_on_one_line(end)}")  # fmt: skip


def camera_names_of(config_dir: Path) -> dict[str, str]:
    from console.config.errors import ConfigError
    from console.config.loader import load_camera_config

    try:
        config = load_camera_config(config_dir)
    except (ConfigError, OSError):
        return {}  # the ids then: the list is still worth reading
    return {camera.id: camera.name for camera in config.cameras}


def list_alarms(arguments: argparse.Namespace) -> int:
    from console.services.alarm_queue import read_queue
    from console.store import FILE_NAME, STORE_VARIABLE, StoreUnavailable, open_store

    if arguments.last < 0:
        print("--last cannot be negative", file=sys.stderr)
        return 1
    paths = warn_if_opened(AppPaths.resolve(arguments.data))
    alarms: list = []
    if arguments.store or os.environ.get(STORE_VARIABLE) or (paths.data_dir / FILE_NAME).exists():
        try:
            database = open_store(paths.data_dir, arguments.store)
        except StoreUnavailable as error:
            print(mask(str(error)), file=sys.stderr)
            return 1
        try:
            alarms = read_queue(database, recent_closed=0 if arguments.open else arguments.last)
        except StoreUnavailable as error:
            print(mask(str(error)), file=sys.stderr)
            return 1
        finally:
            database.close()
    alarms = sorted((alarm for alarm in alarms if alarm.is_open or not arguments.open), key=lambda alarm: alarm.id)
    names = camera_names_of(arguments.config)
    if arguments.json:
        print(json.dumps([alarm_json(alarm, names) for alarm in alarms], indent=2, ensure_ascii=False))
        return 0
    if not alarms:
        print("no open alarms" if arguments.open else "no alarms")
    for alarm in alarms:
        print(alarm_line(alarm, names))
    return 0


def intakes_text(intakes: list[dict[str, Any]]) -> list[str]:
    """``room status``: each events service, live or stale, its cameras' subscriptions and detectors, problems."""
    from console.event_intake.service import (
        DETECTORS_CONNECTING,
        DETECTORS_DOWN,
        DETECTORS_WATCHING,
        SUBSCRIPTION_ACTIVE,
        SUBSCRIPTION_REFUSED,
        SUBSCRIPTION_RETRYING,
    )

    lines = [f"Events services ({len(intakes)}):"]
    for intake in intakes:
        state = f"no report since {intake['last_seen_utc']}" if intake.get("is_stale") else "live"
        cameras: dict[str, dict[str, Any]] = intake["cameras"] or {}
        followed = [c for c in cameras.values() if c.get("subscription")]
        watched = [c for c in cameras.values() if c.get("detectors")]

        def count(items: list[dict[str, Any]], key: str, word: str) -> int:
            return sum(1 for item in items if item.get(key) == word)

        lines.append(f"  {intake['name']:16} {state}  host {intake['host']}  since {intake['started_utc']}")
        lines.append(f"    cameras followed: {len(followed)}  subscriptions: "
                     f"{count(followed, 'subscription', SUBSCRIPTION_ACTIVE)} active, "
                     f"{count(followed, 'subscription', SUBSCRIPTION_RETRYING)} retrying, "
                     f"{count(followed, 'subscription', SUBSCRIPTION_REFUSED)} refused")  # fmt: skip
        watching = [c for c in watched if c.get("detectors") == DETECTORS_WATCHING]
        learning = sum(1 for c in watching if (c.get("detectors_state") or {}).get("learning"))
        behind = sum(1 for c in watching if (c.get("detectors_state") or {}).get("behind"))
        notes = [f"{learning} learning the scene, no motion alarm yet"] if learning else []
        notes += [f"{behind} behind, pictures decoded late: the machine is loaded"] if behind else []
        lines.append(f"    detectors: {len(watching)} watching{' (' + '; '.join(notes) + ')' if notes else ''}, "
                     f"{count(watched, 'detectors', DETECTORS_CONNECTING)} connecting, "
                     f"{count(watched, 'detectors', DETECTORS_DOWN)} down")  # fmt: skip
        events = sum(int(c.get("events") or 0) for c in cameras.values())
        dropped = sum(int(c.get("dropped") or 0) for c in cameras.values())
        per_s = sum(float(c.get("events_per_s") or 0) for c in cameras.values())
        lines.append(f"    events: {events} ({per_s:.1f}/s now), dropped {dropped}")
        if intake.get("problem"):
            lines.append(f"    PROBLEM: {intake['problem']}")
        for camera, shown in sorted(cameras.items()):
            if shown.get("problem"):
                lines.append(f"    {camera}: {shown['problem']}")
    return lines
