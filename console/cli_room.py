"""``room status``: who is signed in where, what each desk shows and why, tours, PTZ holders, recorders, events
services (any terminal)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from console.cli_options import add_store_option
from console.config.secrets import mask
from console.paths import DEFAULT_CONFIG_DIR, AppPaths, warn_if_opened
from console.ptz.lease import Priority, holder_worded
from console.services.supervision import Supervision
from console.store.backend import Database, utc_moment, utc_text
from console.store.presence import STALE_AFTER_S, Presence
from console.store.relay import Takeover
from console.wording import from_record


def add_parsers(commands: argparse._SubParsersAction) -> None:
    room = commands.add_parser("room", help="the room: desks, what they show and why, tours, PTZ holders")
    room_commands = room.add_subparsers(dest="room_command", required=True)
    status = room_commands.add_parser("status", help="the room now, for the team chief at any terminal or monitoring")
    status.add_argument("--json", action="store_true", help="JSON for monitoring")
    status.add_argument("--data", type=Path, default=None, metavar="DIR")
    status.add_argument("--config", type=Path, default=DEFAULT_CONFIG_DIR, metavar="DIR",
                        help="where room.yaml names the room's store (when --store is not given)")  # fmt: skip
    add_store_option(status)


def status(arguments: argparse.Namespace) -> int:
    from console.store import StoreUnavailable, open_store

    paths = warn_if_opened(AppPaths.resolve(arguments.data))
    try:
        database = open_store(paths.data_dir, arguments.store)
    except StoreUnavailable as error:
        print(mask(str(error)), file=sys.stderr)
        return 1
    try:
        presence = Supervision(database).presence()  # no key needed: presence is not the log
        intakes = read_intakes(database)
    except StoreUnavailable as error:
        print(mask(str(error)), file=sys.stderr)
        return 1
    finally:
        database.close()
    recorded = recorded_cameras(arguments.config)
    if arguments.json:
        shown = dataclasses.asdict(presence)
        shown["unrecorded"] = None if recorded is None else presence.unrecorded(recorded)
        shown["event_intakes"] = intakes
        print(json.dumps(shown, indent=2, ensure_ascii=False))
    else:
        print(room_text(presence, recorded, intakes))
    return 0


def read_intakes(database: Database) -> list[dict]:
    """The events services' rows (``event_intakes``), each with ``is_stale`` (no report for STALE_AFTER_S)."""
    from console.store import alarms
    from console.store.backend import utc_moment

    with database.read() as transaction:
        rows = alarms.read_intakes(transaction)
    now = dt.datetime.now(dt.UTC)
    for row in rows:
        row["is_stale"] = (now - utc_moment(row["last_seen_utc"])).total_seconds() > STALE_AFTER_S
    return rows


def recorded_cameras(config_dir: Path) -> list[str] | None:
    """The cameras with ``recording:`` (None: the configuration cannot be read here, so nothing is said of them)."""
    from console.config.errors import ConfigError
    from console.config.loader import load_camera_config

    try:
        config = load_camera_config(config_dir)
    except (ConfigError, OSError):
        return None
    return [camera.id for camera in config.cameras if camera.recording is not None]


def recorders_text(presence: Presence, recorded: list[str] | None) -> list[str]:
    """Each recorder: live or not, its cameras, its disk, its last segment, its problem; then what nobody records."""
    lines = [f"Recorders ({len(presence.recorders)}):"] if presence.recorders or recorded else []
    for recorder in presence.recorders:
        state = f"no report since {recorder.last_seen_utc}" if recorder.is_stale else "live"
        gigabyte = 1e9
        lines.append(f"  {recorder.name:16} {state}  {recorder.host}:{recorder.root}  disk "
                     f"{recorder.disk_free_bytes / gigabyte:.1f} GB free of {recorder.disk_total_bytes / gigabyte:.1f}"
                     f" GB")  # fmt: skip
        if recorder.problem:
            lines.append(f"    PROBLEM: {recorder.problem}")
        cameras = ", ".join(recorder.cameras) if recorder.cameras else "none"
        lines.append(f"    cameras ({len(recorder.cameras)}): {cameras}")
        if recorder.last_camera is not None:
            lines.append(f"    last segment: {recorder.last_camera} until {recorder.last_end_utc}")
    unrecorded = presence.unrecorded(recorded) if recorded is not None else []
    if unrecorded:
        lines.append(f"  NOT RECORDED NOW (no live recorder): {', '.join(unrecorded)}")
    return lines


def relay_claims_text(presence: Presence) -> list[str]:
    """Several relays: which serves which cameras (a dead one's claims until another takes them), the take-overs."""
    if not presence.relay_claims and not presence.relay_takeovers:
        return []
    served: dict[str, list[str]] = {}
    stale: dict[str, list[str]] = {}
    for claim in presence.relay_claims:
        (stale if claim.is_stale else served).setdefault(claim.relay, []).append(claim.camera)
    relays = sorted(set(served) | set(stale))
    lines = [f"Relays sharing the cameras ({len(relays)}):"]
    for relay in relays:
        cameras = served.get(relay, [])
        lines.append(f"  {relay:22} serves {len(cameras)}: {', '.join(cameras) or '-'}")
        if stale.get(relay):
            lines.append(f"    NOT RENEWED (dead or handing over; another relay takes them): {', '.join(stale[relay])}")
    if presence.relay_takeovers:
        lines.append("Relay take-overs (newest first):")
        lines += [f"  {line}" for line in takeover_events(presence.relay_takeovers)]
    return lines


TAKEOVER_EVENT_S = 10.0  # take-overs by one relay from another within this long are one event (one look, or a few)
NAMES_SHOWN = 5  # an event's cameras named on its line; the rest counted


def takeover_events(takeovers: Sequence[Takeover]) -> list[str]:
    """The take-overs (newest first) as one line per event: a relay that took a dead relay's cameras in one or a few
    looks is one line (its time, by, from, why, how many, the first few names), not one line per camera."""
    events: list[list[Takeover]] = []
    for takeover in takeovers:
        last = events[-1] if events else None
        if (
            last is not None
            and (last[0].relay, last[0].taken_from, last[0].cause)
            == (takeover.relay, takeover.taken_from, takeover.cause)
            and (utc_moment(last[0].at_utc) - utc_moment(takeover.at_utc)).total_seconds() <= TAKEOVER_EVENT_S
        ):
            last.append(takeover)
        else:
            events.append([takeover])
    lines = []
    for event in events:
        cameras = sorted({takeover.camera for takeover in event})
        named = ", ".join(cameras[:NAMES_SHOWN]) + (f" and {len(cameras) - NAMES_SHOWN} more"
                                                     if len(cameras) > NAMES_SHOWN else "")  # fmt: skip
        first = event[0]
        count = f"{len(cameras)} camera{'s' if len(cameras) != 1 else ''}"
        lines.append(f"{first.at_utc}  {first.relay} took {count} from {first.taken_from or '-'} "
                     f"({first.cause}): {named}")  # fmt: skip
    return lines


def room_text(presence: Presence, recorded: list[str] | None = None, intakes: list[dict] | None = None) -> str:
    read = dt.datetime.strptime(presence.read_utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    stale_before = utc_text(read - dt.timedelta(seconds=STALE_AFTER_S))
    lines = [f"The room at {presence.read_utc}"]
    lines.append(f"Desks ({len(presence.sessions)}):")
    for desk in presence.sessions:
        contact = f"no contact since {desk.last_seen_utc}" if desk.is_stale else desk.state
        lines.append(f"  {desk.user:16} {desk.role:24} {desk.workstation:12} {contact}")
        if desk.audit_problem:
            lines.append(f"    AUDIT LOG NOT WRITTEN: {from_record(desk.audit_problem)}")
    lines.append(f"Tiles ({len(presence.views)}):")
    for view in presence.views:
        why = view.reason.get("reference") or view.reason.get("category") if view.reason else "-"
        lines.append(f"  {view.workstation:12} {view.wall:8} tile {view.tile:<2} {view.camera:20} since "
                     f"{view.since_utc}  reason: {why}")  # fmt: skip
    lines.append(f"Tours ({len(presence.tours)}):")
    for tour in presence.tours:
        lines.append(f"  {tour.workstation:12} {tour.wall:8} {tour.tour}")
    lines.append(f"PTZ holders ({len(presence.leases)}):")
    for lease in presence.leases:
        holder = holder_worded(lease.holder, lease.role, lease.workstation, lease.tour)
        lines.append(f"  {lease.camera:20} {holder} ({Priority(lease.priority).word}) since {lease.since_utc}"
                     f", until {lease.expires_utc} without input")  # fmt: skip
    # Pullers that are no desk: the recorders and the events services (their names in the store), named apart.
    services = {recorder.name for recorder in presence.recorders} | {str(row["name"]) for row in intakes or ()}
    for relay in presence.relays:
        pulled = [stream for stream in relay.streams if stream.pulled]
        if relay.last_seen_utc < stale_before:  # dead or stopped: what it last said it pulled is no longer so
            lines.append(f"Relay {relay.relay}: no report since {relay.last_seen_utc} (it then pulled {len(pulled)}"
                         f" of {len(relay.streams)} streams; not listed)")  # fmt: skip
            continue
        lines.append(f"Relay {relay.relay}: reporting, {len(pulled)} of {len(relay.streams)} streams pulled")
        for stream in pulled:
            trouble = f"  {stream.problem}" if stream.problem else ""
            desks = sorted(set(stream.pullers) - services)
            others = sorted(set(stream.pullers) & services)
            count = len(desks) if stream.pullers else stream.viewers
            pullers = f"  {', '.join(desks)}" if desks else ""  # which desks pull it, then which services
            pullers += f"{';' if desks else ' '} services: {', '.join(others)}" if others else ""
            lines.append(f"  {stream.path:28} {count} desk{'s' if count != 1 else ' '}  "
                         f"in {stream.bytes_in / 1e6:8.1f} MB  out {stream.bytes_out / 1e6:8.1f} MB  "
                         f"pulled {stream.pulls}x{pullers}{trouble}")  # fmt: skip
    lines += relay_claims_text(presence)
    lines += recorders_text(presence, recorded)
    if intakes is not None:
        from console.cli_events import intakes_text

        lines += intakes_text(intakes)
    return "\n".join(lines)
