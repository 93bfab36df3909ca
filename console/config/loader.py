"""Loading the configuration folder: YAML, ${ENV} secrets, the schema, cross-checks.

Every problem is collected and reported at once as ``FILE:LINE:COL: key.path:
message``, with a "did you mean" for misspelt keys and names. Secret values
taken from the environment are registered with the masking helper, so no error
message or log line can show them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from console.config.errors import MAX_ISSUES_PER_FILE, ConfigError, ConfigIssue, more_faults
from console.config.files import present
from console.config.schema import Area, Camera, CameraFile, Mobbox
from console.config.secrets import register_secret
from console.config.yaml_source import YamlSource, load_yaml

CAMERAS_FILE = "cameras.yaml"
Model = typing.TypeVar("Model", bound=BaseModel)
_MAX_LOOKS = 1_000  # unknown keys compared with the missing ones ("did you mean"), per file
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")  # ${NAME} or ${NAME:-default}


@dataclass(frozen=True)
class CameraConfig:
    """The validated camera network: areas, cameras (Mobbox cameras included) and Mobbox units."""

    folder: Path
    areas: tuple[Area, ...]
    cameras: tuple[Camera, ...]
    mobboxes: tuple[Mobbox, ...]

    def camera(self, camera_id: str) -> Camera:
        for camera in self.cameras:
            if camera.id == camera_id:
                return camera
        raise KeyError(camera_id)

    def area_name(self, area_id: str) -> str:
        return next((area.name for area in self.areas if area.id == area_id), area_id)

    def summary(self) -> str:
        kinds = {kind: sum(1 for c in self.cameras if c.kind == kind) for kind in ("fixed", "ptz", "anpr")}
        return (
            f"{len(self.cameras)} cameras ({kinds['fixed']} fixed, {kinds['ptz']} PTZ, {kinds['anpr']} ANPR) "
            f"in {len(self.areas)} areas, {len(self.mobboxes)} Mobbox units"
        )


def closest(word: str, choices: typing.Iterable[str]) -> str | None:
    """The one of ``choices`` a mistyped ``word`` most likely meant, if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    match = closest(word, choices)
    return f" (did you mean '{match}'?)" if match is not None else ""


def substitute_environment(source: YamlSource, environ: typing.Mapping[str, str]) -> list[ConfigIssue]:
    """Replace ``${NAME}`` (or ``${NAME:-default}``) in every string; register the values as secrets."""
    issues: list[ConfigIssue] = []

    def walk(value: Any, path: tuple[str | int, ...]) -> Any:
        if isinstance(value, dict):
            return {key: walk(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, (*path, index)) for index, item in enumerate(value)]
        if isinstance(value, str) and "${" in value:

            def replace(match: re.Match[str]) -> str:
                name, default = match[1], match[2]
                value = environ.get(name, default)
                if value is None:
                    issues.append(source.issue(path, f"environment variable {name} is not set"))
                    return ""
                register_secret(value)
                return value

            return _PLACEHOLDER.sub(replace, value)
        return value

    source.data = walk(source.data, ())
    return issues


def _model_at(model: type[BaseModel], location: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The schema model that the data at ``location`` is validated against."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) in (list, typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation = args[0] if args else None
    return annotation


def schema_issues(source: YamlSource, model: type[BaseModel], error: ValidationError) -> list[ConfigIssue]:
    """The schema's faults placed in the file: none where the file's own fault already stands (a value that
    could not be read is None to the schema), the first MAX_ISSUES_PER_FILE listed and the rest counted."""
    details = [detail for detail in error.errors(include_url=False, include_input=False)
               if not source.is_faulty(tuple(detail["loc"]))]  # fmt: skip
    # A misspelt key is one fault, not two: its "missing" twin (the key it should have been) is left out.
    missing = {tuple(detail["loc"])[:-1] for detail in details if detail["type"] == "missing"}
    misspelt: set[tuple] = set()
    looked_at = 0
    for detail in details:
        parent_location = tuple(detail["loc"])[:-1]
        if detail["type"] == "extra_forbidden" and parent_location in missing and looked_at < _MAX_LOOKS:
            looked_at += 1  # bounded: 100,000 unknown keys beside a missing one are not each compared
            parent = _model_at(model, parent_location)
            matches = difflib.get_close_matches(str(detail["loc"][-1]), list(parent.model_fields) if parent else [],
                                                n=1, cutoff=0.6)  # fmt: skip
            misspelt.update((*parent_location, match) for match in matches)
    issues: list[ConfigIssue] = []
    left_out: list[tuple[str | int, ...]] = []
    for detail in details:
        location = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "missing" and location in misspelt:
            continue
        if len(issues) >= MAX_ISSUES_PER_FILE:
            left_out.append(location)  # counted, not worded: the work stays bounded
            continue
        if kind == "extra_forbidden":
            key = str(location[-1])
            parent = _model_at(model, location[:-1])
            hint = did_you_mean(key, parent.model_fields) if parent else ""
            issues.append(source.issue(location, f"unknown key '{key}'{hint}", prefer_key=True))
        elif kind == "missing":
            issues.append(source.issue(location, f"missing required key '{location[-1]}'"))
        elif kind in ("literal_error", "enum"):
            choices = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
            given = value_at(source.data, location)
            shown = str(given) if len(str(given)) <= 40 else str(given)[:40] + "\u2026"
            hint = did_you_mean(str(given), choices) if isinstance(given, str) else ""
            message = detail["msg"].removeprefix("Input should be ")
            issues.append(source.issue(location, f"'{shown}' is not one of {message}{hint}"))
        else:
            message = detail["msg"].removeprefix("Value error, ")
            issues.append(source.issue(location, message))
    if left_out:
        first = min(source.position(location, prefer_key=True) for location in left_out)
        issues.append(more_faults(source.file, *first, len(left_out)))
    return issues


def value_at(data: Any, location: tuple[str | int, ...]) -> Any:
    """The raw value at a schema error's location (None when the path does not lead anywhere)."""
    for part in location:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def load_checked(path: Path, model: type[Model]) -> tuple[YamlSource, Model]:
    """A configuration file read and validated against its schema; the file's faults and the schema's at once."""
    source = load_yaml(path)
    issues = list(source.faults)
    parsed: Model | None = None
    try:
        parsed = model.model_validate(source.data)
    except ValidationError as error:
        issues += schema_issues(source, model, error)
    if issues or parsed is None:
        raise ConfigError(issues)
    return source, parsed


def check_file(path: Path, model: type[BaseModel]) -> list[ConfigIssue]:
    """A file's own faults and its schema's, when its cross-checks cannot run (the cameras it names are unknown)."""
    if not present(path):
        return []
    try:
        load_checked(path, model)
    except ConfigError as error:
        return error.issues
    return []


def load_camera_config(folder: Path, environ: typing.Mapping[str, str] | None = None) -> CameraConfig:
    """Read and check ``cameras.yaml`` in ``folder``; raise :class:`ConfigError` listing every problem.

    Schema faults and cross-references are found in one pass: the cross-checks read the raw data,
    so an item the schema refuses (a misspelt kind) still has its id, area and deployment checked.
    """
    environ = os.environ if environ is None else environ
    path = folder / CAMERAS_FILE
    source = load_yaml(path)
    issues = [*source.faults, *substitute_environment(source, environ)]
    if not isinstance(source.data, dict):
        raise ConfigError([*issues, source.issue((), "expected a mapping with version, areas and cameras")])
    parsed: CameraFile | None = None
    try:
        parsed = CameraFile.model_validate(source.data)
    except ValidationError as error:
        issues += schema_issues(source, CameraFile, error)
    issues += cross_check(source)
    if issues or parsed is None:
        raise ConfigError(sorted(set(issues)))
    cameras = list(parsed.cameras)
    for box in parsed.mobboxes:
        cameras += [camera.model_copy(update={"mobbox": box.id}) for camera in box.cameras]
    return CameraConfig(folder, tuple(parsed.areas), tuple(cameras), tuple(parsed.mobboxes))


def _items(data: Any, key: str) -> list[tuple[int, dict]]:
    """The mappings listed under ``key`` (others are the schema's to report), with their index."""
    listed = data.get(key) if isinstance(data, dict) else None
    return (
        [(index, item) for index, item in enumerate(listed) if isinstance(item, dict)]
        if isinstance(listed, list)
        else []
    )


def _text(item: dict, key: str) -> str | None:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else None


def cross_check(source: YamlSource) -> list[ConfigIssue]:
    """What a schema cannot see: unique ids, areas that exist, Mobbox cameras that can move; on the raw data."""
    issues: list[ConfigIssue] = []
    data = source.data
    area_ids = [identifier for _, area in _items(data, "areas") if (identifier := _text(area, "id"))]
    seen: dict[str, tuple[str | int, ...]] = {}

    def unique(kind: str, item: dict, path: tuple[str | int, ...]) -> None:
        identifier = _text(item, "id")
        if identifier is None:
            return
        key = f"{kind}:{identifier}"
        if key in seen:
            first_line = source.position(seen[key])[0]
            issues.append(source.issue(path, f"duplicate {kind} id '{identifier}' (first used on line {first_line})"))
        else:
            seen[key] = path

    def known_area(item: dict, path: tuple[str | int, ...]) -> None:
        area = _text(item, "area")
        if area is not None and area not in area_ids:
            issues.append(source.issue(path, f"unknown area '{area}'{did_you_mean(area, area_ids)}"))

    for index, area in _items(data, "areas"):
        unique("area", area, ("areas", index, "id"))
    camera_paths: list[tuple[dict, tuple[str | int, ...]]] = [
        (camera, ("cameras", index)) for index, camera in _items(data, "cameras")
    ]
    for box_index, box in _items(data, "mobboxes"):
        unique("mobbox", box, ("mobboxes", box_index, "id"))
        deployment = box.get("deployment")
        if isinstance(deployment, dict):
            known_area(deployment, ("mobboxes", box_index, "deployment", "area"))
            since, until = deployment.get("since"), deployment.get("until")
            if isinstance(since, dt.date) and isinstance(until, dt.date) and until < since:
                issues.append(source.issue(("mobboxes", box_index, "deployment", "until"), "ends before it starts"))
        for camera_index, camera in _items(box, "cameras"):
            path: tuple[str | int, ...] = ("mobboxes", box_index, "cameras", camera_index)
            camera_paths.append((camera, path))
            if camera.get("kind") in ("fixed", "anpr"):
                issues.append(source.issue((*path, "kind"), "a Mobbox carries PTZ cameras: kind must be 'ptz'"))
    for camera, path in camera_paths:
        unique("camera", camera, (*path, "id"))
        known_area(camera, (*path, "area"))
        onvif = camera.get("onvif")
        if isinstance(onvif, dict) and isinstance(onvif.get("password"), str):
            register_secret(onvif["password"])  # a password is a secret even when written in the file
    return issues
