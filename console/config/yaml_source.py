"""YAML read into plain data plus a map from every key path to its line and column.

PyYAML's composer keeps each node's position; we walk the node tree once,
building the data and the positions together, so that any later error (from
the schema or from cross-checks) can point at the exact place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from console.config.errors import ConfigError, ConfigIssue, format_path

Path_ = tuple[str | int, ...]


@dataclass
class YamlSource:
    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # path -> (line, column)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where the key itself stands

    def position(self, path: Path_, prefer_key: bool = False) -> tuple[int, int]:
        """The position of the longest known prefix of ``path``."""
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            if prefer_key and prefix in self.key_positions:
                return self.key_positions[prefix]
            if prefix in self.positions:
                return self.positions[prefix]
        return (1, 1)

    def issue(self, path: Path_, message: str, prefer_key: bool = False) -> ConfigIssue:
        line, column = self.position(path, prefer_key)
        return ConfigIssue(self.file, line, column, format_path(path), message)


MAX_FILE_BYTES = 2_000_000  # a zone's cameras.yaml of 200 cameras is some 60 KB
MAX_VALUES = 200_000  # after aliases are expanded: a "billion laughs" file stops here, not at 4 GB
MAX_DEPTH = 40  # the deepest real file nests 6 levels
_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                  ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}  # fmt: skip
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class _TooMuch(Exception):
    """The file expands past MAX_VALUES: stop converting (the issue is already recorded)."""


def load_yaml(path: Path, display_name: str | None = None) -> YamlSource:
    """Read a YAML file into data and positions; every fault is a ConfigIssue with its line, never a traceback."""
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a configuration file may be"
            raise ConfigError([ConfigIssue(name, 1, 1, "", message)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError([ConfigIssue(name, 1, 1, "", "file not found")]) from None
    except OSError as error:
        raise ConfigError([ConfigIssue(name, 1, 1, "", f"cannot read the file: {error.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        message = f"not UTF-8 text (byte 0x{raw[error.start]:02x}): save the file as UTF-8"
        raise ConfigError([ConfigIssue(name, line, column, "", message)]) from None
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)  # refuses characters YAML does not allow, at once
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else _reached(loader)
        raise ConfigError([ConfigIssue(name, line, column, "", f"not valid YAML: {error.problem}")]) from None
    except yaml.reader.ReaderError as error:
        line, column = _line_and_column(text, error.position)
        code = ord(error.character) if isinstance(error.character, str) else int(error.character)
        message = f"character U+{code:04X} is not allowed in a configuration file"
        raise ConfigError([ConfigIssue(name, line, column, "", message)]) from None
    except RecursionError:
        message = f"nested too deeply (more than {MAX_DEPTH} levels)"
        raise ConfigError([ConfigIssue(name, *_reached(loader), "", message)]) from None
    except yaml.YAMLError as error:
        raise ConfigError([ConfigIssue(name, *_reached(loader), "", f"not valid YAML: {error}")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    source = YamlSource(name, None)
    issues: list[ConfigIssue] = []
    if node is not None:
        try:
            source.data = _Converter(source, issues).convert(node, (), 0)
        except _TooMuch:
            pass
    if issues:
        raise ConfigError(issues)
    return source


def _reached(loader: yaml.SafeLoader | None) -> tuple[int, int]:
    """Where the reader stood when it gave up."""
    return (loader.line + 1, loader.column + 1) if loader is not None else (1, 1)


def _line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - (text.rfind(newline, 0, offset) + 1) + 1  # type: ignore[arg-type]


class _Converter:
    """The node tree to plain data and positions, with bounds: depth, values after aliases, alias loops."""

    def __init__(self, source: YamlSource, issues: list[ConfigIssue]) -> None:
        self.source, self.issues = source, issues
        self.values = 0
        self.open: set[int] = set()  # the nodes being converted now: one seen again is an alias to itself

    def fault(self, node: yaml.Node, path: Path_, message: str) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.issues.append(ConfigIssue(self.source.file, line, column, format_path(path), message))

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        self.values += 1
        if self.values > MAX_VALUES:
            self.fault(node, path, f"more than {MAX_VALUES:,} values once aliases are expanded (an alias bomb?)")
            raise _TooMuch
        if depth > MAX_DEPTH:
            self.fault(node, path, f"nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        if node.tag not in _STANDARD_TAGS:
            self.fault(node, path, f"unknown tag '{_short(node.tag)}': this file uses plain values, no tags")
            return None
        if id(node) in self.open:
            self.fault(node, path, "an alias that contains itself")
            return None
        if isinstance(node, yaml.MappingNode):
            self.open.add(id(node))
            try:
                return self._mapping(node, path, depth)
            finally:
                self.open.discard(id(node))
        if isinstance(node, yaml.SequenceNode):
            self.open.add(id(node))
            try:
                return [self.convert(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
            finally:
                self.open.discard(id(node))
        return self.scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fault(key_node, path, "a key must be a plain word, not a list or a mapping")
                continue
            key = self.scalar(key_node, path)
            key_path = (*path, str(key))
            if str(key) in result:
                self.fault(key_node, key_path, "duplicate key")
                continue
            self.source.key_positions[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[str(key)] = self.convert(value_node, key_path, depth + 1)
        return result

    def scalar(self, node: yaml.Node, path: Path_) -> Any:
        """The Python value of a scalar node (its tag was resolved while composing), or None with an issue."""
        try:
            value = _SCALAR_LOADER.construct_object(node, deep=True)
        except Exception as error:  # noqa: BLE001 - PyYAML's constructors raise what they meet (KeyError for 'maybe')
            tag = str(node.tag).rsplit(":", 1)[-1]
            problem = getattr(error, "problem", None) or (f"not a {tag}" if isinstance(error, KeyError) else str(error))
            self.fault(node, path, f"cannot read the value {_short(str(node.value))!r}: {_short(problem, 120)}")
            return None
        if isinstance(value, str) and (bad := _BAD_CHARACTER.search(value)):
            self.fault(node, path, f"control character U+{ord(bad.group()):04X} in the value")
            return None
        return value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "\u2026"


_SCALAR_LOADER = yaml.SafeLoader("")
