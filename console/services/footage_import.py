"""Outside footage (a bodycam's, a drone's, another system's recording) into the archive, under the archive's rules.

The file is probed whole before anything is written (not a video, cut short, damaged: refused);
its start is the recording time of its first picture, never in the future and not older than
the law's 12 months. It is then cut into MPEG-TS segments without re-encoding, under
``ROOT/DEVICE/YYYY/MM/DD/HHMMSS.ts`` like a camera's, hashed, and indexed under its device id
(``source`` bodycam | drone | other) in the transaction of its audit entry (``footage imported``).
The segment files are written as ``.part`` and take their names only once the index holds them:
a refusal (the device id is a camera's, the span was imported already, the incident does not
exist) or a crash leaves no footage that nothing indexes. The device id then works wherever a
camera id does (``recordings``, ``export --camera``, locks), and the sweeper deletes it after
``imported_footage_days`` (retention.yaml) unless a lock holds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.access.permissions import Action, Role, require
from console.config.files import FileRefused, check_regular
from console.config.one_line import shown_on_one_line
from console.config.schema import RETENTION_MAX_DAYS
from console.dispatch.service import Change
from console.services.evidence_locks import INCIDENT_ID
from console.store import archive
from console.store import dispatch as dispatch_rows
from console.store.backend import ChangeRefused, Transaction, utc_text
from console.video.footage import FootageUnreadable, Piece, Probed, probe, remux
from console.wording import QT_TRANSLATE_NOOP, WordedError

FOOTAGE_IMPORTED = "footage imported"
SOURCES = ("bodycam", "drone", "other")
DEVICE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")  # a camera id's own rule (config/schema.py)
MAX_IMPORT_BYTES = 64 * 1024**3


class ImportRefused(WordedError, ValueError):
    """Footage the archive does not take; the text names the rule, and nothing was stored."""


@dataclass(frozen=True)
class ImportRequest:
    file: Path
    source: str
    device: str
    start: dt.datetime  # the recording time of the file's first picture (UTC)
    incident: str | None = None


@dataclass(frozen=True)
class Prepared:
    """A probed and remuxed file, its segments still ``.part``: ``change`` indexes them, ``finish`` names them."""

    request: ImportRequest
    probed: Probed
    pieces: tuple[Piece, ...]
    file_sha256: str
    change: Change

    def finish(self) -> None:
        """Once the change is durable: each segment takes its name (the index already holds it)."""
        for piece in self.pieces:
            _part(piece.path).rename(piece.path)

    def discard(self) -> None:
        """Refused or failed: nothing stays on disk."""
        for piece in self.pieces:
            _part(piece.path).unlink(missing_ok=True)
            _remove_empty(piece.path.parent)


def check_request(role: Role, request: ImportRequest, cameras: Collection[str], now: dt.datetime) -> None:
    """What can be refused before the file is read: the right, the source, the device id, the start."""
    require(role, Action.IMPORT_FOOTAGE)
    if request.source not in SOURCES:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "the source is one of bodycam, drone, other (not '{source}')"),
                            source=request.source[:40])  # fmt: skip
    if not DEVICE_ID.match(request.device):
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "a device id is 1 to 64 lower-case letters, digits and '-', "
                                              "like a camera's (not '{device}')"),
                            device=request.device[:64])  # fmt: skip
    if request.device in cameras:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "'{device}' is a camera's id: an imported device needs an id "
                                              "of its own (e.g. bodycam-{device})"), device=request.device)  # fmt: skip
    if request.start > now:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "the footage starts in the future ({start}; it is now {now})"),
                            start=utc_text(request.start), now=utc_text(now))  # fmt: skip
    if request.start < now - dt.timedelta(days=RETENTION_MAX_DAYS):
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "the footage is older than the law's 12 months ({start}): it "
                                              "may no longer be kept"), start=utc_text(request.start))  # fmt: skip
    if request.incident is not None and not INCIDENT_ID.match(request.incident):
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "'{incident}' is not an incident number (like 2026-0042)"),
                            incident=request.incident[:40])  # fmt: skip


def prepare(who: dict[str, str], role: Role, request: ImportRequest, cameras: Collection[str], root: Path,
            now: dt.datetime) -> Prepared:  # fmt: skip
    """Check, probe, hash and remux the file (its segments as ``.part``); ImportRefused with nothing stored."""
    check_request(role, request, cameras, now)
    root = root.resolve()  # the index holds absolute paths
    try:
        check_regular(request.file, MAX_IMPORT_BYTES)  # a pipe would hang the probe, a device never end
    except FileRefused as error:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "{file} is refused: {problem}"), file=file_name(request),
                            problem=str(error)) from None  # fmt: skip
    try:
        probed = probe(request.file)
    except FootageUnreadable as error:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "{file} is refused: it {problem}"), file=file_name(request),
                            problem=str(error)) from None  # fmt: skip
    end = request.start + dt.timedelta(seconds=probed.duration_s)
    if end > now:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "the footage would end in the future ({end}; it is now {now}):"
                                              " is its start right?"), end=utc_text(end),
                            now=utc_text(now))  # fmt: skip
    file_sha256 = _sha256(request.file)
    taken: set[Path] = set()

    def place(offset_s: float) -> Path:
        moment = request.start + dt.timedelta(seconds=offset_s)
        folder = root / request.device / moment.strftime("%Y/%m/%d")
        folder.mkdir(parents=True, exist_ok=True)
        name, suffix = moment.strftime("%H%M%S"), 0
        while True:  # a second segment in the same second: -1, -2 ... (the contract's names)
            path = folder / (f"{name}.ts" if suffix == 0 else f"{name}-{suffix}.ts")
            if path not in taken and not path.exists() and not _part(path).exists():
                taken.add(path)
                return path
            suffix += 1

    try:
        pieces = tuple(remux(request.file, place))
    except FootageUnreadable as error:
        raise ImportRefused(QT_TRANSLATE_NOOP("Domain", "{file} is refused: it {problem}"), file=file_name(request),
                            problem=str(error)) from None  # fmt: skip
    change = _change(who, request, probed, pieces, file_sha256)
    return Prepared(request, probed, pieces, file_sha256, change)


def _change(who: dict[str, str], request: ImportRequest, probed: Probed, pieces: tuple[Piece, ...],
            file_sha256: str) -> Change:  # fmt: skip
    start_utc = utc_text(request.start)
    end_utc = utc_text(request.start + dt.timedelta(seconds=probed.duration_s))
    imported_utc = utc_text()
    detail: dict[str, Any] = {"device": request.device, "source": request.source, "from": start_utc, "to": end_utc,
                              "file": file_name(request), "file_sha256": file_sha256, "codec": probed.codec,
                              "segments": len(pieces), "bytes": sum(piece.bytes for piece in pieces)}  # fmt: skip
    if request.incident is not None:
        detail["incident"] = request.incident

    def effect(transaction: Transaction) -> None:
        if request.incident is not None and dispatch_rows.incident_row(transaction, request.incident) is None:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "there is no incident {incident}"),
                                incident=request.incident)  # fmt: skip
        known = {device.device: device for device in archive.read_devices(transaction)}
        earlier = known.get(request.device)
        if earlier is None and request.device in archive.segment_cameras(transaction):
            # A camera no longer configured whose recordings are still in the archive: its footage would merge
            # with the import's, and be kept as long as imported footage is (not its own, shorter, period).
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "'{device}' is a camera's id: an imported device needs an "
                                                  "id of its own (e.g. bodycam-{device})"),
                                device=request.device)  # fmt: skip
        if earlier is not None and earlier.source != request.source:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "device '{device}' was imported as a {source} before: "
                                                  "give this {new} an id of its own"), device=request.device,
                                source=earlier.source, new=request.source)  # fmt: skip
        overlap = archive.segments(transaction, request.device, start_utc, end_utc)
        if overlap:
            raise ChangeRefused(QT_TRANSLATE_NOOP("Domain", "device '{device}' already has footage from {start} to "
                                                  "{end}: this file overlaps it (imported already?)"),
                                device=request.device, start=overlap[0].start_utc,
                                end=overlap[-1].end_utc)  # fmt: skip
        if earlier is None:
            archive.add_device(transaction, archive.DeviceRecord(request.device, request.source, who["user"],
                                                                 imported_utc, request.incident))  # fmt: skip
        for piece in pieces:
            piece_start = request.start + dt.timedelta(seconds=piece.offset_s)
            piece_end = piece_start + dt.timedelta(seconds=piece.duration_s)
            archive.add_segment(transaction, archive.SegmentRecord(
                0, request.device, utc_text(piece_start), utc_text(piece_end), str(piece.path.resolve()), piece.bytes,
                probed.codec, piece.sha256, who["user"], request.source))  # fmt: skip

    return Change(FOOTAGE_IMPORTED, detail, effect, request.device)


def file_name(request: ImportRequest) -> str:
    """The file's name as the audit entry and every message give it: a name off a USB stick may hold an escape
    sequence or a U+202E, shown as U+FFFD and never obeyed (its SHA-256 says which file it was)."""
    return shown_on_one_line(request.file.name)


def _sha256(path: Path) -> str:
    """The imported file's own hash (in the entry: the copy handed over can be checked against it)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _remove_empty(folder: Path) -> None:
    for _ in range(4):  # day, month, year, device
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
