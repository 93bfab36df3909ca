"""Relay failover: from a relay's SIGKILL to its cameras claimed by the other, and a viewer's picture back through it.

Real parts started here: a PostgreSQL cluster, the simulated network, and two relays (``main.py relay --host --port``,
each a process of its own) sharing the cameras by claims in the store. Each round kills the relay of the first
camera and measures (1) when the survivor has claimed every camera of the killed one (the store), and (2) when a
viewer that pulled the first camera through the killed relay decodes a key frame again through the survivor (a
service puller: the store's claims resolved as a recorder does, then PyAV). The reference measured in the same run:
a cold pull of the same camera at the survivor, from asking to its first key frame (what any reconnect costs), and
the claims' own limit (stale after 6 s, looked at every 2 s: 8 s). Then the killed relay starts again and the share
settles by hand-over. The target: within 10 s. Exits non-zero when a figure could not be measured.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.relay_failover [--rounds 3] [--cameras 6]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av

from bench.room_parts import kill_rounds, wait_for
from bench.run import save_results
from console.config.room import load_room
from console.relay.claims import RENEW_EVERY_S, STALE_AFTER_S, RelayLocator
from console.store import relay as table
from tests.integration.relay_room import RECORDER_SECRET, TwoRelays

TARGET_S = 10.0
SETTLE_TIMEOUT_S = 90.0
VIEW_TIMEOUT_S = 60.0


def first_key_frame_s(url: str) -> float:
    """From asking to the first decoded key frame of ``url`` (raises when it does not come)."""
    started = time.monotonic()
    with av.open(url, options={"rtsp_transport": "tcp", "timeout": "5000000"}) as container:
        for frame in container.decode(video=0):
            if frame.key_frame:
                return time.monotonic() - started
    raise RuntimeError(f"no key frame from {url.rpartition('@')[2]}")


def settled(relays: TwoRelays, cameras: list[str], addresses: set[str]) -> bool:
    """Every camera claimed, both relays holding some, each mounting exactly its own."""
    claims = relays.claims()
    if sorted(claims) != cameras or set(claims.values()) != addresses:
        return False
    return relays.mounted() == {relay: {camera for camera, holder in claims.items() if holder == relay}
                                for relay in addresses}  # fmt: skip


def one_round(relays: TwoRelays, cameras: list[str], locate: RelayLocator, template: str) -> dict:
    addresses = {relays.address(port) for port in relays.ports}
    wait_for(lambda: settled(relays, cameras, addresses), SETTLE_TIMEOUT_S, "the relays did not share the cameras")
    claims = relays.claims()
    camera = cameras[0]
    dead = claims[camera]
    survivor = next(address for address in addresses if address != dead)
    taken = sorted(name for name, holder in claims.items() if holder == dead)
    assert locate(template.format(camera=camera)).rpartition("@")[2].startswith(dead)
    first_key_frame_s(locate(template.format(camera=camera)))  # the viewer pulled it through the dead relay
    relays.kill(int(dead.rpartition(":")[2]))
    killed = time.monotonic()
    claimed_s: float | None = None
    viewed_s: float | None = None
    while viewed_s is None or claimed_s is None:
        if time.monotonic() - killed > VIEW_TIMEOUT_S:
            raise TimeoutError(f"no picture of {camera} through {survivor} after the kill of {dead}")
        if claimed_s is None and all(relays.claims().get(name) == survivor for name in taken):
            claimed_s = time.monotonic() - killed
        url = locate(template.format(camera=camera))  # the viewer's reconnect, as a recorder's: where is it now?
        if viewed_s is None and survivor in url:
            try:
                first_key_frame_s(url)
                viewed_s = time.monotonic() - killed
            except (av.error.FFmpegError, RuntimeError, OSError):
                pass  # mounted a moment later: the next try
        time.sleep(0.2)  # a viewer's retry period
    cold_s = first_key_frame_s(locate(template.format(camera=cameras[-1])))  # the reference: any cold pull
    down = [t for t in relays.takeovers() if t.cause == table.RELAY_DOWN and t.taken_from == dead]
    relays.start(int(dead.rpartition(":")[2]))  # back, for the next round: the share settles again by hand-over
    return {"killed": dead, "cameras": taken, "claimed_s": claimed_s, "viewed_s": viewed_s, "cold_pull_s": cold_s,
            "takeovers_logged": len({t.camera for t in down} & set(taken))}  # fmt: skip


def begin(relays: TwoRelays) -> Callable[[list[str]], dict]:
    """Both relays started; a round as a service's PC pulls (its store's claims resolved as a recorder does)."""
    for port in relays.ports:
        relays.start(port)
    room = load_room(relays.config, {"UITKIJK_RELAY_PASSWORD": RECORDER_SECRET})  # a service's PC
    assert room is not None and room.relay is not None
    as_service = room.relay.pulled_by("recorder-1")
    template = as_service.url("{camera}", "sub")
    locate = RelayLocator(relays.database, as_service)
    return lambda cameras: one_round(relays, cameras, locate, template)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="kills")
    parser.add_argument("--cameras", type=int, default=6, help="cameras shared by two relays")
    arguments = parser.parse_args()
    rounds = kill_rounds("relay", "two relays", arguments.cameras, arguments.rounds,
                         lambda url, folder, source, _: TwoRelays(folder, url, source), begin,
                         (RuntimeError, TimeoutError, OSError, AssertionError, av.error.FFmpegError))  # fmt: skip
    if rounds is None:
        return 1
    claimed = [row["claimed_s"] for row in rounds]
    viewed = [row["viewed_s"] for row in rounds]
    cold = [row["cold_pull_s"] for row in rounds]
    taken = sum(len(row["cameras"]) for row in rounds)
    results = {"rounds": rounds, "cameras_taken": taken,
               "claimed_s": {"median": statistics.median(claimed), "min": min(claimed), "max": max(claimed)},
               "viewed_s": {"median": statistics.median(viewed), "min": min(viewed), "max": max(viewed)},
               "cold_pull_s": {"median": statistics.median(cold), "min": min(cold), "max": max(cold)},
               "claims_limit_s": STALE_AFTER_S + RENEW_EVERY_S,
               "takeovers_logged": sum(row["takeovers_logged"] for row in rounds), "target_s": TARGET_S}  # fmt: skip
    print_table(results)
    save_results("relay_failover", results)
    return 0 if results["takeovers_logged"] == taken else 1


def print_table(results: dict) -> None:
    print("\nUitkijk relay failover (two relays, PostgreSQL, loopback, this machine)")
    print(f"{'figure':68} {'median':>7} {'min':>7} {'max':>7}  target")
    for key, label in (("claimed_s", "SIGKILL -> every camera of the killed relay claimed by the other (s)"),
                       ("viewed_s", "SIGKILL -> a viewer's key frame again through the survivor (s)"),
                       ("cold_pull_s", "reference: a cold pull at the survivor, to its key frame (s)")):  # fmt: skip
        figure = results[key]
        print(f"{label:68} {figure['median']:>7.1f} {figure['min']:>7.1f} {figure['max']:>7.1f}  "
              f"< {results['target_s']:.0f}")  # fmt: skip
    print(f"{'reference: the claims limit (stale after + one look) (s)':68} {results['claims_limit_s']:>7.1f}")
    print(f"{'cameras taken over; their take-over a fact in the store':68} {results['cameras_taken']:>7} "
          f"{results['takeovers_logged']:>7}  all")  # fmt: skip
    print()


if __name__ == "__main__":
    sys.exit(main())
