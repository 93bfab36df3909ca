"""The room's technical faults the team chief must see at once: a relay of the room that stopped reporting.

A relay writes its report into the room's store every 2 s (``relay_state``); one silent for longer than a desk's
heartbeat limit is down (killed, its PC off, cut off), or stopped. In a room of several relays another takes its
cameras, so the desks' pictures come back and the loss goes unseen: the room now runs on fewer relays, perhaps on
one without a spare. Said as an alert on the team chief's strip, naming the relay as room.yaml does (its host).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Sequence

from console.services.alerts import Alert
from console.store.backend import utc_moment
from console.store.presence import STALE_AFTER_S
from console.store.relay import RelayRow
from console.wording import QT_TRANSLATE_NOOP, Worded

CHIP_NAME_CHARS = 12  # a relay's name on its chip when it is this short (else the chip says "relay"): whole at 1366


def relay_name(address: str, addresses: Sequence[str]) -> str:
    """A relay as room.yaml names it: its host; ``host:port`` when another relay of the room has the same host."""
    host = address.rpartition(":")[0] or address
    return address if sum(1 for other in addresses if other.rpartition(":")[0] == host) > 1 else host


def chip_name(address: str, addresses: Sequence[str]) -> str | None:
    """A relay's name short enough for its chip: its host's first label ("relay-2" of relay-2.zone.local) when no other
    relay of the room shares it; None when even that is long (an address): the tooltip names it whole."""
    name = relay_name(address, addresses)
    host = address.rpartition(":")[0] or address
    try:
        ipaddress.ip_address(host)
    except ValueError:
        label = host.split(".")[0]
        if sum(1 for other in addresses if (other.rpartition(":")[0] or other).split(".")[0] == label) == 1:
            name = label
    return name if len(name) <= CHIP_NAME_CHARS else None


def relays_down(relays: Sequence[RelayRow], configured: Sequence[str], now: dt.datetime) -> Alert | None:
    """The alert for the room's relays (``configured``: room.yaml's, host:port) that stopped reporting; None when
    every one that reported is live. A relay that never reported is down only in a room of several (one relay alone
    may run without the store; its desks say when it does not answer)."""
    seen = {row.relay: row.last_seen_utc for row in relays}
    stale_before = now - dt.timedelta(seconds=STALE_AFTER_S)
    down = [address for address in configured
            if (address in seen and utc_moment(seen[address]) < stale_before)
            or (address not in seen and len(configured) > 1)]  # fmt: skip
    if not down:
        return None
    live = len(configured) - len(down)
    names = [relay_name(address, configured) for address in down]
    first = down[0]
    short = chip_name(first, configured) if len(down) == 1 else None
    if first in seen:
        since = utc_moment(seen[first]).astimezone().strftime("%H:%M:%S")
        said = Worded(QT_TRANSLATE_NOOP("Domain", "relay {name} ({address}) silent since {time}"),
                      name=names[0], address=first, time=since)  # fmt: skip
    else:
        said = Worded(QT_TRANSLATE_NOOP("Domain", "relay {name} ({address}) has not reported"),
                      name=names[0], address=first)  # fmt: skip
    if len(down) > 1:
        said = Worded(QT_TRANSLATE_NOOP("Domain", "{first}; also down: {others}"), first=said,
                      others=", ".join(names[1:]))  # fmt: skip
    if live == 0:
        room = Worded(QT_TRANSLATE_NOOP("Domain", "no relay serves the cameras: each desk pulls them itself or waits"))
        chip = Worded(QT_TRANSLATE_NOOP("Domain", "No relay"))
    elif live == 1 and len(configured) > 1:
        room = Worded(QT_TRANSLATE_NOOP("Domain", "the room runs on one relay, without a spare: call IT"))
        chip = (Worded(QT_TRANSLATE_NOOP("Domain", "{name} down, no spare"), name=short) if short
                else Worded(QT_TRANSLATE_NOOP("Domain", "Relay down, no spare")))  # fmt: skip
    else:
        room = Worded(QT_TRANSLATE_NOOP("Domain", "the room runs on {live} of {total} relays: call IT"), live=live,
                      total=len(configured))  # fmt: skip
        chip = (Worded(QT_TRANSLATE_NOOP("Domain", "Relay {name} down"), name=short) if short
                else Worded(QT_TRANSLATE_NOOP("Domain", "{count} relays down"), count=len(down)))  # fmt: skip
    text = Worded(QT_TRANSLATE_NOOP("Domain", "{relay} \u2013 {room}"), relay=said, room=room)
    return Alert("relay", len(down), text, "relay:" + first, True, chip)
