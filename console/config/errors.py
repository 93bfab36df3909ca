"""Configuration errors that name the file, line, column and key path."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_ISSUES_PER_FILE = 100  # a file with 190,000 unknown keys is listed up to here, then counted


@dataclass(frozen=True, order=True)
class ConfigIssue:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    key_path: str  # "cameras[3].streams.main"
    message: str
    more: int = field(default=0, compare=False)  # > 0: a line that stands for this many faults not listed

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.key_path or '(top)'}: {self.message}"


def more_faults(file: str, line: int, column: int, count: int) -> ConfigIssue:
    """The line that stands for ``count`` faults not listed, placed at the first of them."""
    message = f"and {count:,} more fault{'s' if count != 1 else ''} in this file from here on, not listed"
    return ConfigIssue(file, line, column, "", message, more=count)


class ConfigError(Exception):
    """One or more problems in the configuration, all collected before reporting (up to a bound per file)."""

    def __init__(self, issues: list[ConfigIssue]) -> None:
        self.issues = _capped(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


def _capped(issues: list[ConfigIssue]) -> list[ConfigIssue]:
    """Sorted, each file's first MAX_ISSUES_PER_FILE listed and the rest counted on one line after them."""
    listed: list[ConfigIssue] = []
    for file in sorted({issue.file for issue in issues}):
        own = sorted(issue for issue in issues if issue.file == file and not issue.more)
        counted = [issue for issue in issues if issue.file == file and issue.more]
        left_out = own[MAX_ISSUES_PER_FILE:]
        listed += own[:MAX_ISSUES_PER_FILE]
        count = len(left_out) + sum(issue.more for issue in counted)
        if count:
            first = min([*left_out, *counted], key=lambda issue: (issue.line, issue.column))
            listed.append(more_faults(file, first.line, first.column, count))
    return listed


def format_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
