"""``relay``: the room's relay on this PC, re-serving every camera to the desks, each pulled once."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from console.cli_options import add_store_option
from console.config.errors import ConfigError, ConfigIssue
from console.config.loader import CameraConfig
from console.config.room import DEFAULT_RELAY_PORT, ROOM_FILE, WHEN_DOWN, Relay, load_room
from console.config.secrets import mask
from console.paths import DEFAULT_CONFIG_DIR, AppPaths

CHECK_EVERY_S = 1.0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    relay = commands.add_parser("relay", help="re-serve every camera to the room's desks, each pulled once")
    relay.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR")
    relay.add_argument("--data", type=Path, default=None, metavar="DIR")
    relay.add_argument("--port", type=int, default=None, metavar="N",
                       help=f"the RTSP port (default: room.yaml's relay port, else {DEFAULT_RELAY_PORT})")  # fmt: skip
    relay.add_argument("--host", default=None, metavar="HOST",
                       help="which of room.yaml's relays this PC is (relay.host or one of relay.also; default: the "
                            "first): with several, they share the cameras by claims in the room's store")  # fmt: skip
    add_store_option(relay)


def room_relay(config: CameraConfig, host: str | None = None, port: int | None = None) -> Relay:
    """room.yaml's relay (the one at ``host``), with every desk's and service's secret; without one, a relay no one
    may pull from. ConfigError when room.yaml names no relay at ``host``."""
    room = load_room(config, reader="relay")
    if room is not None and room.relay is not None:
        if host is None:
            return room.relay
        relay = room.relay.one_of_the_room(host, port) or room.relay.one_of_the_room(host)
        if relay is None:
            known = ", ".join((room.relay.address, *room.relay.others))
            raise ConfigError([ConfigIssue(str(config.folder / ROOM_FILE), 1, 1, "relay",
                                           f"names no relay at {host} (its relays: {known})")])  # fmt: skip
        return relay
    return Relay(host or "127.0.0.1", DEFAULT_RELAY_PORT, "127.0.0.1", 10.0, dict(WHEN_DOWN))


def run(arguments: argparse.Namespace, config: CameraConfig, paths: AppPaths) -> int:
    from console.relay.process import RelayError
    from console.relay.service import RelayService
    from console.store import StoreUnavailable, open_store

    try:
        relay = room_relay(config, arguments.host, arguments.port)
    except ConfigError as error:
        for issue in error.issues:
            print(mask(str(issue)), file=sys.stderr)
        return 1
    try:
        database = open_store(paths.data_dir, arguments.store)
    except StoreUnavailable as error:
        print(mask(str(error)), file=sys.stderr)
        return 1
    from console.store import STORE_VARIABLE

    is_room_store = bool(arguments.store or os.environ.get(STORE_VARIABLE))  # room.yaml's store is in --store by now
    if not relay.pullers:
        print("warning: room.yaml's relay names no desks or services (relay.desks, relay.services): every pull is "
              "refused", file=sys.stderr)  # fmt: skip
    elif not is_room_store and any(puller.is_desk for puller in relay.pullers):
        print("warning: no room store: the relay cannot see who is signed in, so a desk's secret alone lets it "
              "pull, whatever role is signed in there", file=sys.stderr)  # fmt: skip
    service = RelayService(config, relay, paths.data_dir, database, arguments.port, check_desks=is_room_store)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        service.start()
    except RelayError as error:
        print(str(error), file=sys.stderr)
        database.close()
        return 1
    if service.is_shared:
        print(f"Relay {service.name}: one of {len(relay.others) + 1} relays sharing the cameras (claims in the "
              f"room's store)", flush=True)  # fmt: skip
    print(f"Relay: {len(service.mounted())} streams on rtsp://{service.name}/CAMERA/main|sub for "
          f"{len(relay.pullers)} desks and services (digest), a camera pulled once for every desk, dropped "
          f"{relay.linger_s:g} s after its last  (Ctrl+C stops)", flush=True)  # fmt: skip
    try:
        while not stop.wait(CHECK_EVERY_S):
            if not service.is_running():
                print("the relay's server stopped: see the log", file=sys.stderr)
                return 1
        return 0
    finally:
        service.stop()
        database.close()
