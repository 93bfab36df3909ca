"""A sealed export: recordings as MP4 per camera (remuxed, never re-encoded) with a manifest that seals them.

The manifest (``manifest.json``, stable English keys) says what was exported, by whom,
when, why, under which decision, for whom, the SHA-256 of every file and the span's gaps;
its own SHA-256 goes into the ``recording export`` audit entry. Years later a copy is
checked with :func:`verify_export`: on any machine the files against the manifest, and
where the store is, the manifest's hash against the audit chain (:func:`find_in_audit`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from console.config.files import FileRefused, read_bounded
from console.config.one_line import shown_on_one_line
from console.store import archive
from console.store import audit as audit_table
from console.store.backend import Database, utc_moment
from console.video.remux import OlderThanAllowed, Piece, Remuxed, remux_to_mp4

MANIFEST = "manifest.json"
FORMAT = "uitkijk sealed export 1"
RECORDING_EXPORT = "recording export"
SEGMENT_MISSING = "segment missing"
SEGMENT_CHANGED = "segment changed since it was recorded"
SEGMENT_UNREADABLE = "segment unreadable"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK = 1 << 20
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # a manifest of thousands of files is a few MB; /dev/zero never ends


def iso(moment: dt.datetime) -> str:
    """A moment as the audit entries and manifests give it: ISO 8601 UTC, to the millisecond."""
    text = moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_name(camera: str) -> str:
    """A camera's (or device's) MP4 in the export folder: its id, made safe as a file name."""
    return (_SAFE_NAME.sub("_", camera).strip("._") or "camera") + ".mp4"


@dataclass(frozen=True)
class CameraFootage:
    """What the index says of one camera in the span: its segments (oldest first) and its gaps."""

    camera: str
    segments: Sequence[archive.SegmentRecord]
    gaps: Sequence[tuple[dt.datetime, dt.datetime, str]]  # start, end, cause (clipped to the span)


@dataclass
class Written:
    """The export's files on disk, before the audit entry makes them final."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    manifest_sha256: str = ""

    def discard(self) -> None:
        """The audit log refused: nothing is handed over that the log does not hold."""
        for path in [*self.files, self.folder / MANIFEST]:
            path.unlink(missing_ok=True)


def check_segments(footage: CameraFootage) -> tuple[list[archive.SegmentRecord], list[tuple]]:
    """The segments fit to export, and the findings (missing, changed since closed) as gaps."""
    fit: list[archive.SegmentRecord] = []
    findings: list[tuple] = []
    for segment in footage.segments:
        path = Path(segment.path)
        span = (utc_moment(segment.start_utc), utc_moment(segment.end_utc))
        if not path.is_file():
            findings.append((*span, SEGMENT_MISSING))
        elif segment.sha256 is not None and sha256_of(path) != segment.sha256:
            findings.append((*span, SEGMENT_CHANGED))
        else:
            fit.append(segment)
    return fit, findings


def write_export(folder: Path, footage: Sequence[CameraFootage], header: dict, from_utc: dt.datetime,
                 to_utc: dt.datetime, not_before: dt.datetime | None = None) -> Written:  # fmt: skip
    """Write each camera's MP4 and the manifest into ``folder`` (existing, empty), no picture older than
    ``not_before``. ValueError when a camera has nothing that can be read in the span (OlderThanAllowed: only from
    an older keyframe); the files written so far are removed."""
    written = Written(folder)
    files: list[dict] = []
    spans: list[dict] = []
    gaps: list[dict] = []
    try:
        for camera in footage:
            fit, findings = check_segments(camera)
            path = folder / file_name(camera.camera)
            pieces = [Piece(Path(segment.path), utc_moment(segment.start_utc)) for segment in fit]
            written.files.append(path)
            try:
                remuxed = remux_to_mp4(pieces, from_utc, to_utc, path, not_before)
            except OlderThanAllowed as error:
                raise OlderThanAllowed(error.keyframe_utc, camera.camera) from None
            except ValueError:
                raise ValueError(camera.camera) from None
            unreadable = {str(p) for p, _ in remuxed.unreadable}
            findings += [(utc_moment(s.start_utc), utc_moment(s.end_utc), SEGMENT_UNREADABLE) for s in fit
                         if s.path in unreadable]  # fmt: skip
            files.append(_file_entry(camera.camera, path, remuxed))
            spans.append({"camera": camera.camera, "from": iso(remuxed.first_utc or from_utc),
                          "to": iso(remuxed.end_utc or to_utc)})  # fmt: skip
            for start, end, cause in sorted([*camera.gaps, *findings], key=lambda gap: gap[0]):
                start, end = max(start, from_utc), min(end, to_utc)
                if end > start:
                    gaps.append({"camera": camera.camera, "from": iso(start), "to": iso(end), "cause": cause})
        manifest = {"format": FORMAT, **header, "cameras": [camera.camera for camera in footage],
                    "span": {"from": iso(from_utc), "to": iso(to_utc)}, "spans": spans, "files": files,
                    "gaps": gaps}  # fmt: skip
        data = (json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()
        with (folder / MANIFEST).open("xb") as handle:
            handle.write(data)
        written.manifest = manifest
        written.manifest_sha256 = hashlib.sha256(data).hexdigest()
    except BaseException:
        written.discard()
        raise
    return written


def _file_entry(camera: str, path: Path, remuxed: Remuxed) -> dict:
    return {"file": path.name, "camera": camera, "sha256": sha256_of(path), "bytes": path.stat().st_size,
            "from": iso(remuxed.first_utc) if remuxed.first_utc else None,
            "to": iso(remuxed.end_utc) if remuxed.end_utc else None, "codec": remuxed.codec,
            "width": remuxed.width, "height": remuxed.height, "packets": remuxed.packets}  # fmt: skip


# Verification -------------------------------------------------------------------------------------------------------


@dataclass
class Verification:
    """The files of an export against its manifest: English lines for the terminal."""

    folder: Path
    manifest_sha256: str = ""
    manifest: dict = field(default_factory=dict)
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # files beside the manifest it does not name (not checked)

    @property
    def is_intact(self) -> bool:
        return not self.problems and self.checked > 0


def shown(value: object, limit: int = 80) -> str:
    """A name or value read from the folder or its manifest, for the terminal: shortened, and every control or
    invisible character shown as U+FFFD (an escape sequence in a file's name must not hide a FAILED line)."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "\u2026"
    return shown_on_one_line(text)


def verify_export(folder: Path) -> Verification:
    """Every file the manifest names: present, its size and SHA-256 as the manifest says.

    The manifest is read only if it is a regular file of at most MAX_MANIFEST_BYTES (a copy's manifest.json may be
    a pipe or a link to /dev/zero); what it and the folder hold is shown with :func:`shown`."""
    result = Verification(folder)
    path = folder / MANIFEST
    try:
        data = read_bounded(path, MAX_MANIFEST_BYTES)
    except FileRefused as error:
        result.problems.append(f"no manifest: {shown(path, 400)} ({error})")
        return result
    result.manifest_sha256 = hashlib.sha256(data).hexdigest()
    try:
        manifest = json.loads(data)
        entries = manifest["files"]
        assert isinstance(entries, list) and entries
    except (ValueError, KeyError, TypeError, AssertionError, RecursionError):  # RecursionError: [[[[... nested
        result.problems.append(f"{shown(path, 400)} is not an export's manifest (no list of files)")
        return result
    result.manifest = manifest
    for entry in entries:
        name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
        if not name or Path(name).name != name or name == MANIFEST:
            result.problems.append(f"the manifest names a file outside the folder: {shown(repr(name))}")
            continue
        try:
            problem = _file_problem(folder / name, entry)
        except (OSError, ValueError) as error:  # a name too long, a byte the file system refuses
            problem = f"cannot be read ({error.strerror if isinstance(error, OSError) else error})"
        if problem is None:
            result.checked += 1
        else:
            result.problems.append(f"{shown(name)}: {problem}")
    named = {str(entry.get("file")) for entry in entries if isinstance(entry, dict)} | {MANIFEST}
    result.unlisted = sorted(p.name for p in folder.iterdir() if p.name not in named)
    return result


def _file_problem(file: Path, entry: dict) -> str | None:
    """What is wrong with one file the manifest names (its size, its SHA-256), or None."""
    if not file.is_file():
        return "missing"
    size = file.stat().st_size
    if size != entry.get("bytes"):
        return f"{size} bytes, the manifest says {shown(entry.get('bytes'))}"
    if sha256_of(file) != entry.get("sha256"):
        return "its SHA-256 differs from the manifest's: the file was changed"
    return None


def find_in_audit(database: Database, manifest_sha256: str) -> list[dict]:
    """The ``recording export`` entries that sealed this manifest (one per exported camera), as their fields.

    Read without the log's key: a store alone tells where the hash is; the key tells whether the chain holds."""
    with database.read() as transaction:
        rows = audit_table.find_entries(transaction, action=RECORDING_EXPORT)
    found = []
    for row in rows:
        entry = dict(zip(audit_table.FIELDS, row, strict=True))
        try:
            detail = json.loads(entry["detail"] or "{}")
        except ValueError:
            continue
        if isinstance(detail, dict) and detail.get("manifest_sha256") == manifest_sha256:
            found.append(entry)
    return found
