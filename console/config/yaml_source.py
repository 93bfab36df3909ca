"""YAML read into plain data plus a map from every key path to its line and column.

The file is read with the bounded reader (files.py), parsed by libyaml (PyYAML's C parser,
ten times faster than its Python one: a 2 MB file takes half a second, not ten) and the
node tree is built here from the parser's events without recursion, bounded in depth and
in nodes. We then walk the tree once, building the data and the positions together, so
that any later error (from the schema or from cross-checks) can point at the exact place.

Faults in values (an impossible date, a duplicate key, a control character, an unknown
tag, an integer of 5000 digits) are kept on the source, not raised: the loaders report
them together with the schema's faults. Only what stops the reading (no file, not YAML,
too big) raises at once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from console.config.errors import MAX_ISSUES_PER_FILE, ConfigError, ConfigIssue, format_path, more_faults
from console.config.files import FileRefused, read_bounded

Path_ = tuple[str | int, ...]


@dataclass
class YamlSource:
    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # path -> (line, column)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # where the key itself stands
    faults: list[ConfigIssue] = field(default_factory=list)  # in values: reported with the schema's
    fault_paths: set[Path_] = field(default_factory=set)  # where they are (the schema says nothing more there)

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

    def is_faulty(self, path: Path_) -> bool:
        """Whether a fault in the file itself already stands at ``path`` or above it."""
        return any(path[:length] in self.fault_paths for length in range(len(path) + 1))


MAX_FILE_BYTES = 2_000_000  # a zone's cameras.yaml of 200 cameras is some 60 KB
MAX_NODES = 100_000  # keys and values as written (200 cameras: some 5,000; 7,000 watch-list entries fit)
MAX_VALUES = 200_000  # after aliases are expanded: a "billion laughs" file stops here, not at 4 GB
MAX_DEPTH = 40  # the deepest real file nests 6 levels
_STANDARD_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                  ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}  # fmt: skip
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_MAX_NUMBER_CHARACTERS = 100  # a coordinate with all its decimals is some 20
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# What YAML refuses outright (its reader stops at the first); each is replaced, noted, and reported where it stands.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REPLACEMENT = "\ufffd"
_TOO_DEEP = "tag:uitkijk,2026:too-deep"  # stands for a part nested past MAX_DEPTH (skipped while parsing)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same events from either; libyaml's are faster


class _TooMuch(Exception):
    """The file expands past MAX_VALUES: stop converting (the issue is already recorded)."""


def load_yaml(path: Path, display_name: str | None = None) -> YamlSource:
    """Read a YAML file into data, positions and its faults in values; what stops the reading raises ConfigError.

    Never a traceback, never a hang: a pipe, a device, a link that loops are one line each."""
    name = display_name or str(path)
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except FileRefused as refused:
        raise ConfigError([ConfigIssue(name, 1, 1, "", str(refused))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        message = f"not UTF-8 text (byte 0x{raw[error.start]:02x}): save the file as UTF-8"
        raise ConfigError([ConfigIssue(name, line, column, "", message)]) from None
    bad_characters: list[tuple[int, str]] = []  # (offset, character), in order

    def note(match: re.Match[str]) -> str:
        bad_characters.append((match.start(), match.group()))
        return _REPLACEMENT

    text = _NOT_YAML.sub(note, text)
    node = _compose(text, name)
    source = YamlSource(name, None)
    converter = _Converter(source, text, bad_characters)
    if node is not None:
        try:
            source.data = converter.convert(node, (), 0)
        except _TooMuch:
            raise ConfigError(converter.issues()) from None
    source.faults = converter.issues()
    return source


def _compose(text: str, name: str) -> yaml.Node | None:
    """The document's node tree, or ConfigError (one issue) when the text is not one YAML document."""
    loader = _Loader(text)
    try:
        return _EventComposer(loader, name).single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError([ConfigIssue(name, line, column, "", f"not valid YAML: {error.problem}")]) from None
    except yaml.reader.ReaderError as error:
        code = ord(error.character) if isinstance(error.character, str) else int(error.character)
        message = f"character U+{code:04X} is not allowed in a configuration file"
        raise ConfigError([ConfigIssue(name, *_line_and_column(text, error.position), "", message)]) from None
    except yaml.YAMLError as error:
        raise ConfigError([ConfigIssue(name, 1, 1, "", f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()


def _line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    newline = "\n" if isinstance(text, str) else b"\n"
    offset = max(0, min(offset, len(text)))
    line = text.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - (text.rfind(newline, 0, offset) + 1) + 1  # type: ignore[arg-type]


class _EventComposer:
    """PyYAML's Composer without recursion, bounded: a part nested past MAX_DEPTH is skipped (and reported by the
    converter where it stands), a file of more than MAX_NODES keys and values stops there."""

    def __init__(self, loader: Any, name: str) -> None:
        self.loader, self.name = loader, name
        self.anchors: dict[str, yaml.Node] = {}
        self.nodes = 0

    def single_node(self) -> yaml.Node | None:
        loader = self.loader
        loader.get_event()  # the stream's start
        document = None
        if not loader.check_event(yaml.StreamEndEvent):
            loader.get_event()  # the document's start
            document = self._document()
            loader.get_event()  # its end
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            raise yaml.composer.ComposerError("expected a single document in the stream",
                                              document.start_mark if document else None,
                                              "but found another document", event.start_mark)  # fmt: skip
        return document

    def _document(self) -> yaml.Node:
        stack: list[list[Any]] = []  # open collections: [node, the key waiting for its value (mappings)]
        get_event = self.loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            node: yaml.Node
            if kind is yaml.ScalarEvent:  # most events: kept short
                node = self._new_scalar(event)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                node = stack.pop()[0]
                node.end_mark = event.end_mark
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                                      event.start_mark)  # fmt: skip
                node = self.anchors[event.anchor]
            else:
                node = self._new_collection(event, is_too_deep=len(stack) > MAX_DEPTH)
                if isinstance(node, yaml.CollectionNode):
                    stack.append([node, None])
                    continue
            if not stack:
                return node
            frame = stack[-1]
            if type(frame[0]) is yaml.SequenceNode:
                frame[0].value.append(node)
            elif frame[1] is None:
                frame[1] = node
            else:
                frame[0].value.append((frame[1], node))
                frame[1] = None

    def _counted(self, event: Any) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            mark = event.start_mark
            message = f"more than {MAX_NODES:,} keys and values: far more than a configuration file holds"
            raise ConfigError([ConfigIssue(self.name, mark.line + 1, mark.column + 1, "", message)])
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise yaml.composer.ComposerError(f"found duplicate anchor {anchor!r}; first occurrence",
                                              self.anchors[anchor].start_mark, "second occurrence",
                                              event.start_mark)  # fmt: skip

    def _new_scalar(self, event: Any) -> yaml.Node:
        self._counted(event)
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(yaml.ScalarNode, event.value,
                                                                                 event.implicit)  # fmt: skip
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _new_collection(self, event: Any, is_too_deep: bool) -> yaml.Node:
        self._counted(event)
        node: yaml.Node
        if is_too_deep:
            node = yaml.ScalarNode(_TOO_DEEP, "", event.start_mark, event.start_mark)
            if event.anchor is not None:
                self.anchors[event.anchor] = node
            node.end_mark = self._skip(node)
            return node
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        tag = event.tag if event.tag not in (None, "!") else self.loader.resolve(kind, None, event.implicit)
        node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        return node

    def _skip(self, marker: yaml.Node) -> Any:
        """Read past the collection just opened; its anchors stand for the marker. The end's mark."""
        depth = 1
        while depth:
            event = self.loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.NodeEvent) and not isinstance(event, yaml.AliasEvent):
                self.nodes += 1
                if event.anchor is not None:
                    self.anchors[event.anchor] = marker
        return event.end_mark


class _Converter:
    """The node tree to plain data and positions, with bounds: depth, values after aliases, alias loops.

    A value that cannot be read is None in the data and a fault at its path; the reading goes on."""

    def __init__(self, source: YamlSource, text: str, bad_characters: list[tuple[int, str]]) -> None:
        self.source, self.text = source, text
        self.bad_characters = bad_characters
        self.bad_offsets = [offset for offset, _ in bad_characters]
        self.reported: set[int] = set()  # the bad characters already reported in a value
        self.faults: list[ConfigIssue] = []
        self.left_out: list[tuple[int, int]] = []  # where the faults past the bound stand
        self.values = 0
        self.open: set[int] = set()  # the nodes being converted now: one seen again is an alias to itself

    def issues(self) -> list[ConfigIssue]:
        """The faults found, the bad characters outside values (in comments) with them, the rest counted."""
        for offset, character in self.bad_characters:
            if offset not in self.reported:
                line, column = _line_and_column(self.text, offset)
                self._add(line, column, (), f"character U+{ord(character):04X} is not allowed in a configuration file")
        found = list(self.faults)
        if self.left_out:
            found.append(more_faults(self.source.file, *min(self.left_out), len(self.left_out)))
        return found

    def fault(self, node: yaml.Node, path: Path_, message: str, is_value_lost: bool = True) -> None:
        if is_value_lost:
            self.source.fault_paths.add(path)
        self._add(node.start_mark.line + 1, node.start_mark.column + 1, path, message)

    def _add(self, line: int, column: int, path: Path_, message: str) -> None:
        if len(self.faults) < MAX_ISSUES_PER_FILE:
            self.faults.append(ConfigIssue(self.source.file, line, column, format_path(path), message))
        else:
            self.left_out.append((line, column))

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        self.values += 1
        if self.values > MAX_VALUES:
            self.fault(node, path, f"more than {MAX_VALUES:,} values once aliases are expanded (an alias bomb?)")
            raise _TooMuch
        if depth > MAX_DEPTH or node.tag == _TOO_DEEP:
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
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _TOO_DEEP:
                self.fault(key_node, path, "a key must be a plain word, not a list or a mapping", is_value_lost=False)
                continue
            faults_before = len(self.faults) + len(self.left_out)
            key = self.scalar(key_node, path, is_key=True)
            if len(self.faults) + len(self.left_out) > faults_before:
                continue  # the key itself is unreadable: said, and its value left out
            key_path = (*path, str(key))
            if str(key) in result:
                self.fault(key_node, key_path, "duplicate key", is_value_lost=False)
                continue
            self.source.key_positions[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[str(key)] = self.convert(value_node, key_path, depth + 1)
        return result

    def scalar(self, node: yaml.Node, path: Path_, is_key: bool = False) -> Any:
        """The Python value of a scalar node (its tag was resolved while composing), or None with a fault."""
        is_value_lost = not is_key  # a key's fault loses the entry, not what its parent holds
        if node.tag not in _STANDARD_TAGS:
            message = f"unknown tag '{_short(node.tag)}': this file uses plain values, no tags"
            self.fault(node, path, message, is_value_lost)
            return None
        start = end = 0
        if self.bad_offsets:
            start = bisect.bisect_left(self.bad_offsets, node.start_mark.index)
            end = bisect.bisect_left(self.bad_offsets, node.end_mark.index)
        if end > start:  # a character YAML refuses, replaced while reading: this value is where it stands
            for offset, _ in self.bad_characters[start:end]:
                self.reported.add(offset)
            character = self.bad_characters[start][1]
            where = "key" if is_key else "value"
            self.fault(node, path, f"control character U+{ord(character):04X} in the {where}", is_value_lost)
            return None
        if node.tag in _NUMBER_TAGS and len(node.value) > _MAX_NUMBER_CHARACTERS:  # int() of 5000 digits: refused
            message = f"a number of {len(node.value):,} characters: far too long for any setting"
            self.fault(node, path, message, is_value_lost)
            return None
        if node.tag == _STR_TAG:  # most values: no constructor needed
            value = node.value
            if (bad := _BAD_CHARACTER.search(value)) is not None:
                self.fault(node, path, f"control character U+{ord(bad.group()):04X} in the value", is_value_lost)
                return None
            return value
        try:
            value = _SCALAR_LOADER.construct_object(node, deep=True)
        except Exception as error:  # noqa: BLE001 - PyYAML's constructors raise what they meet (KeyError for 'maybe')
            tag = str(node.tag).rsplit(":", 1)[-1]
            problem = getattr(error, "problem", None) or (f"not a {tag}" if isinstance(error, KeyError) else str(error))
            message = f"cannot read the value {_short(str(node.value))!r}: {_short(problem, 120)}"
            self.fault(node, path, message, is_value_lost)
            return None
        if isinstance(value, str) and (bad := _BAD_CHARACTER.search(value)):
            self.fault(node, path, f"control character U+{ord(bad.group()):04X} in the value", is_value_lost)
            return None
        return value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "\u2026"


_SCALAR_LOADER = yaml.SafeLoader("")
