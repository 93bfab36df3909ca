"""The room demo with two relays (``demo --desks N --relays 2``), against real parts: its room.yaml is valid and names
both relays, and both start as ``main.py relay`` processes of their own that share the cameras by claims."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from console.config.loader import load_camera_config
from console.config.room import WHEN_DOWN, Puller, Relay, load_room
from console.paths import REPO_ROOT
from console.room_demo import EVENTS_NAME, desk_secrets, relay_variable, room_config, start_relays
from console.sim.network import free_port
from console.store import open_store
from console.store import relay as table

pytestmark = pytest.mark.integration


def test_the_room_demo_with_two_relays_has_a_valid_room_and_starts_both_relays_sharing_the_cameras(
    qtbot, city, tmp_path
):
    store_url = f"sqlite:///{tmp_path / 'room.sqlite3'}"  # one SQLite file for both relays: one PC
    made = desk_secrets(2, 1) | {EVENTS_NAME: "events-secret-of-the-demo"}
    relay = Relay("127.0.0.1", free_port(), "127.0.0.1", 10.0, dict(WHEN_DOWN),
                  pullers=tuple(Puller(name, secret, is_desk=name.startswith("ws-")) for name, secret in made.items()),
                  others=(f"127.0.0.1:{free_port()}",))  # fmt: skip
    folder = room_config(city.config, tmp_path / "camera_config", store_url, relay, 2)
    environment = {key: value for key, value in os.environ.items() if key != "UITKIJK_STORE"}
    secrets_of_the_relay = {relay_variable(name): secret for name, secret in made.items()}
    checked = subprocess.run([sys.executable, "main.py", "check-config", str(folder)], cwd=REPO_ROOT,
                             env={**environment, **secrets_of_the_relay}, capture_output=True, text=True,
                             timeout=120)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    room = load_room(load_camera_config(folder, {}), secrets_of_the_relay, reader="relay")
    assert room is not None and room.relay is not None and room.relay.is_shared
    assert (room.relay.address, room.relay.others) == (relay.address, relay.others)
    assert {puller.name: puller.password for puller in room.relay.pullers} == made
    cameras = {camera.id for camera in city.config.cameras}
    database = open_store(tmp_path / "room", store_url)
    processes = start_relays(folder, tmp_path / "room", store_url, relay, environment)
    try:

        def claims() -> dict[str, str]:
            with database.read() as transaction:
                return {claim.camera: claim.relay for claim in table.read_claims(transaction)}

        qtbot.waitUntil(lambda: set(claims()) == cameras and set(claims().values()) == {relay.address, *relay.others},
                        timeout=60_000)  # fmt: skip
        assert all(process.poll() is None for process in processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(30)
        database.close()
