"""YAML read into plain data plus a map from every key path to its line and column.

PyYAML's composer keeps each node's position; we walk the node tree once,
building the data and the positions together, so that any later error (from
the schema or from cross-checks) can point at the exact place in the file.
"""

from __future__ import annotations

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


def load_yaml(path: Path, display_name: str | None = None) -> YamlSource:
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([ConfigIssue(name, 1, 1, "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError([ConfigIssue(name, 1, 1, "", f"cannot read the file: {error}")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError([ConfigIssue(name, line, column, "", f"not valid YAML: {error.problem}")]) from None
    source = YamlSource(name, None)
    issues: list[ConfigIssue] = []
    source.data = _convert(node, (), source, issues) if node is not None else None
    if issues:
        raise ConfigError(issues)
    return source


def _convert(node: yaml.Node, path: Path_, source: YamlSource, issues: list[ConfigIssue]) -> Any:
    source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            key_path = (*path, str(key))
            if str(key) in result:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                issues.append(ConfigIssue(source.file, line, column, format_path(key_path), "duplicate key"))
                continue
            source.key_positions[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[str(key)] = _convert(value_node, key_path, source, issues)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, index), source, issues) for index, item in enumerate(node.value)]
    return _scalar(node)


_SCALAR_LOADER = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node (its tag was resolved while composing)."""
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return _SCALAR_LOADER.construct_object(node, deep=True)
