"""The people who may sign in: ``users.yaml`` beside the camera configuration.

Passwords are kept only as Argon2id hashes (argon2-cffi, the reference
implementation's bindings); a wrong name and a wrong password take the same
time and get the same answer. The file is checked like the camera file: a
problem names file, line and key.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from pydantic import Field, ValidationError
from pydantic import field_validator as validator

from console.access.permissions import Role
from console.config.errors import ConfigError, ConfigIssue
from console.config.loader import did_you_mean, load_checked
from console.config.one_line import OneLineText
from console.config.schema import Strict
from console.wording import QT_TRANSLATE_NOOP, WordedError

USERS_FILE = "users.yaml"
ROLES = {role.value: role for role in Role}
DEFAULT_LOCK_AFTER_MIN = 10.0
_HASHER = PasswordHasher()  # Argon2id, RFC 9106 low-memory profile: 64 MiB, 3 passes
_DUMMY_HASH = _HASHER.hash("no such user: spend the same time")
NAME_RULE = re.compile(r"[a-z][a-z0-9._-]{1,39}")  # fullmatch: no '$' that lets a final newline through
NAME_HINT = "a user name is 2 to 40 characters: a lower-case letter, then lower-case letters, digits and . _ -"
MAX_HASH_MEMORY_KIB = 1_048_576  # 1 GiB: a hash past it makes every sign-in a memory hog
MAX_HASH_PASSES = 64
_HASH_FORM = re.compile(r"\$argon2id\$v=19\$m=[0-9]{1,8},t=[0-9]{1,4},p=[0-9]{1,3}\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+")


class LoginRefused(WordedError):
    """Wrong user name or password, or an account that may not sign in: one message for all."""


@dataclass(frozen=True)
class User:
    name: str
    full_name: str
    role: Role
    password_hash: str
    language: str | None = None  # "nl", "fr" or "en": the console speaks it once this user signs in

    def __repr__(self) -> str:  # never the hash in a log line
        return f"User({self.name!r}, {self.role.value})"


@dataclass(frozen=True)
class Policy:
    lock_after_min: float = DEFAULT_LOCK_AFTER_MIN  # the screen locks after this long without input


class UserEntry(Strict):
    name: OneLineText = Field(description="lower-case login name")
    full_name: OneLineText = Field(min_length=1, max_length=80)
    role: str
    password: str = Field(min_length=20, description="an Argon2id hash: python main.py user add/passwd")
    language: Literal["nl", "fr", "en"] | None = Field(default=None, description="nl, fr or en (else --lang)")

    @validator("name")
    @classmethod
    def _a_login_name(cls, value: str) -> str:
        if not NAME_RULE.fullmatch(value):
            raise ValueError(NAME_HINT)
        return value

    @validator("role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        if value not in ROLES:
            raise ValueError(f"unknown role '{value}'{did_you_mean(value, ROLES)}; one of {', '.join(ROLES)}")
        return value

    @validator("password")
    @classmethod
    def _a_hash(cls, value: str) -> str:
        return checked_hash(value)


def checked_hash(value: str) -> str:
    """``value`` when it is an Argon2id hash that a sign-in can check, else ValueError saying what is wrong.

    A text that merely starts like a hash would lock its user out for good; parameters past the bounds
    would make every sign-in take minutes or gigabytes."""
    if not value.startswith("$argon2"):
        raise ValueError("not an Argon2 hash: never write a password here; use 'python main.py user passwd'")
    again = "; set the password again with 'python main.py user passwd NAME'"
    if not _HASH_FORM.fullmatch(value):
        raise ValueError(f"not an Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$SALT$HASH){again}")
    try:
        parameters = extract_parameters(value)
        salt, digest = (base64.b64decode(part + "=" * (-len(part) % 4), validate=True) for part in value.split("$")[4:])
    except (InvalidHashError, ValueError):
        raise ValueError(f"an Argon2id hash that cannot be read{again}") from None
    if len(salt) < 8 or len(digest) < 16:
        raise ValueError(f"an Argon2id hash with a salt under 8 or a hash under 16 bytes{again}")
    if not (8 <= parameters.memory_cost <= MAX_HASH_MEMORY_KIB and 1 <= parameters.time_cost <= MAX_HASH_PASSES
            and 1 <= parameters.parallelism <= 64):  # fmt: skip
        raise ValueError(f"an Argon2id hash whose cost is out of bounds (m <= {MAX_HASH_MEMORY_KIB}, "
                         f"t <= {MAX_HASH_PASSES}){again}")  # fmt: skip
    return value


class PolicyEntry(Strict):
    lock_after_min: float = Field(default=DEFAULT_LOCK_AFTER_MIN, ge=0.5, le=240)


class UsersFile(Strict):
    version: Literal[1]
    policy: PolicyEntry = Field(default_factory=PolicyEntry)
    users: list[UserEntry] = Field(default_factory=list)


def dummy_hash_like(hashes: Iterable[str]) -> str:
    """A hash of nothing, made with the cost most of ``hashes`` have (the library's default when none)."""
    costs: Counter[tuple[int, int, int, int, int]] = Counter()
    for value in hashes:
        try:
            costs[_cost(value)] += 1
        except InvalidHashError:  # a user who cannot sign in
            continue
    if not costs:
        return _DUMMY_HASH
    cost = costs.most_common(1)[0][0]
    if cost == _cost(_DUMMY_HASH):
        return _DUMMY_HASH
    time_cost, memory_cost, parallelism, hash_len, salt_len = cost
    return PasswordHasher(time_cost, memory_cost, parallelism, hash_len, salt_len).hash("no such user")


def _cost(value: str) -> tuple[int, int, int, int, int]:
    parameters = extract_parameters(value)
    return (parameters.time_cost, parameters.memory_cost, parameters.parallelism, parameters.hash_len,
            parameters.salt_len)  # fmt: skip


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    return _HASHER.hash(password)


class UserDirectory:
    def __init__(self, users: tuple[User, ...], policy: Policy = Policy(), path: Path | None = None) -> None:
        self.users = {user.name: user for user in users}
        self.policy = policy
        self.path = path
        self.dummy_hash = dummy_hash_like(user.password_hash for user in users)

    def authenticate(self, name: str, password: str) -> User:
        """The user, or :class:`LoginRefused`; as slow for an unknown name as for a wrong password.

        An unknown name verifies a hash made with the users' own cost: a time that differs tells a name."""
        user = self.users.get(name.strip().lower())
        try:
            _HASHER.verify(user.password_hash if user else self.dummy_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise LoginRefused(QT_TRANSLATE_NOOP("Domain", "wrong user name or password")) from None
        if user is None:
            raise LoginRefused(QT_TRANSLATE_NOOP("Domain", "wrong user name or password"))
        return user


def load_users(folder: Path) -> UserDirectory:
    """Read ``users.yaml`` in ``folder``; every problem at once, with file, line and key."""
    path = folder / USERS_FILE
    if not path.exists():
        hint = "no users yet: add the first with 'python main.py user add NAME --role administrator --full-name TEXT'"
        raise ConfigError([ConfigIssue(str(path), 1, 1, "", hint)])
    return _load_users_file(path)


def _load_users_file(path: Path, shown_as: Path | None = None) -> UserDirectory:
    """The users in the file at ``path``; its problems named as ``shown_as``'s (a new version checked before use)."""
    try:
        source, parsed = load_checked(path, UsersFile)
    except ConfigError as error:
        if shown_as is None:
            raise
        raise ConfigError([dataclasses.replace(issue, file=str(shown_as)) for issue in error.issues]) from None
    issues: list[ConfigIssue] = []
    seen: set[str] = set()
    for index, entry in enumerate(parsed.users):
        if entry.name in seen:
            issues.append(source.issue(("users", index, "name"), f"duplicate user '{entry.name}'"))
        seen.add(entry.name)
    if issues:
        if shown_as is not None:
            issues = [dataclasses.replace(issue, file=str(shown_as)) for issue in issues]
        raise ConfigError(issues)
    users = tuple(User(entry.name, entry.full_name, ROLES[entry.role], entry.password, entry.language)
                  for entry in parsed.users)  # fmt: skip
    return UserDirectory(users, Policy(parsed.policy.lock_after_min), shown_as or path)


# -- the administrator's changes: users.yaml edited where the change is, checked by the loader, then replaced ----
NEW_FILE = """# Who may sign in to Uitkijk. Passwords are Argon2id hashes only:
# python main.py user add NAME --role ROLE --full-name TEXT, python main.py user passwd NAME
version: 1
policy:
  lock_after_min: 10
users:
"""
_ARGUMENTS = {"name": "NAME", "full_name": "--full-name", "role": "--role"}


class UsersFileUnchanged(ValueError):
    """The change cannot be written (its reasons in ``problems``); users.yaml is as it was."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def entry_problems(name: str, full_name: str, role: str) -> list[str]:
    """Why a new user cannot be added, by command-line argument, with the loader's own rules (no file read)."""
    try:
        UserEntry.model_validate({"name": name, "full_name": full_name, "role": role, "password": _DUMMY_HASH})
    except ValidationError as error:
        details = error.errors(include_url=False)
        return [f"{_ARGUMENTS.get(str(detail['loc'][0]), detail['loc'][0])}: "
                f"{detail['msg'].removeprefix('Value error, ')}" for detail in details]  # fmt: skip
    return []


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: one-line visible text (checked before) needs only \\ and \" escaped.

    Quoting every value keeps 'yes', 'null', '012' or '#1' from being read as something else."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class PreparedUsersFile:
    """A new users.yaml, written beside the old one and read back by the loader; ``commit`` puts it in place.

    Between the two the change is logged: a change that cannot be logged is never made, and a file the
    loader would refuse (every desk would stop at its start) is never written."""

    def __init__(self, path: Path, text: str, check: Callable[[UserDirectory], str | None]) -> None:
        self.path = path
        self._partial: Path | None = None
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)  # 0600
        self._partial = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            self._keep_mode_and_owner()
            try:
                directory = _load_users_file(self._partial, shown_as=path)
            except ConfigError as error:
                raise UsersFileUnchanged([str(issue) for issue in error.issues]) from None
            problem = check(directory)
            if problem is not None:
                raise UsersFileUnchanged([problem])
            self.directory = directory
        except BaseException:
            self.discard()
            raise

    def _keep_mode_and_owner(self) -> None:
        assert self._partial is not None
        if not self.path.exists():
            return  # mkstemp's 0600: the hashes are for the console's account only
        status = self.path.stat()
        os.chmod(self._partial, status.st_mode & 0o7777)
        if hasattr(os, "chown"):
            try:
                os.chown(self._partial, status.st_uid, status.st_gid)
            except PermissionError:
                pass  # not root: the file becomes the administrator's, as any edit would make it

    def commit(self) -> UserDirectory:
        assert self._partial is not None
        os.replace(self._partial, self.path)
        self._partial = None
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)  # the rename itself survives a power cut
        finally:
            os.close(folder)
        return self.directory

    def discard(self) -> None:
        if self._partial is not None:
            self._partial.unlink(missing_ok=True)
            self._partial = None


def prepare_add(path: Path, user: User) -> PreparedUsersFile:
    """users.yaml with ``user`` appended to its list; every other line, key and comment as it was."""
    problems = entry_problems(user.name, user.full_name, user.role.value)
    if problems:
        raise UsersFileUnchanged(problems)
    before = _load_users_file(path).users if path.exists() else {}
    text = path.read_bytes().decode("utf-8") if path.exists() else NEW_FILE  # its own line ends kept
    new_text = _with_user_added(text, user)

    def check(directory: UserDirectory) -> str | None:
        if directory.users.get(user.name) != user or {**before, user.name: user} != directory.users:
            return f"{path.name} would not read back as written; add {user.name} by hand"
        return None

    return PreparedUsersFile(path, new_text, check)


def prepare_password(path: Path, name: str, password_hash: str) -> PreparedUsersFile:
    """users.yaml with ``name``'s password replaced; its language and every other line as they were."""
    before = _load_users_file(path).users
    old = before[name]
    text = path.read_bytes().decode("utf-8")
    node = _users_node(text)
    entry = next((item for item in (node.value if isinstance(node, yaml.SequenceNode) else [])
                  if isinstance(item, yaml.MappingNode) and _scalar(item, "name") == name), None)  # fmt: skip
    value = _value_node(entry, "password") if entry is not None else None
    if not isinstance(value, yaml.ScalarNode):
        raise UsersFileUnchanged([f"{path.name}: cannot find {name}'s password to replace; set it by hand"])
    new_text = text[: value.start_mark.index] + f"'{password_hash}'" + text[value.end_mark.index :]
    changed = dataclasses.replace(old, password_hash=password_hash)

    def check(directory: UserDirectory) -> str | None:
        if {**before, name: changed} != directory.users:
            return f"{path.name} would not read back as written; set the password by hand"
        return None

    return PreparedUsersFile(path, new_text, check)


def _users_node(text: str) -> yaml.Node | None:
    root = yaml.SafeLoader(text).get_single_node()  # the file was read by the loader just before: it is sound
    return _value_node(root, "users") if isinstance(root, yaml.MappingNode) else None


def _value_node(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((value for key_node, value in mapping.value if key_node.value == key), None)


def _scalar(mapping: yaml.MappingNode, key: str) -> str | None:
    value = _value_node(mapping, key)
    return value.value.strip() if isinstance(value, yaml.ScalarNode) else None


def _last_index(node: yaml.Node) -> int:
    """Where the last value written inside ``node`` ends (a block's end mark lies past its comments)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.index
    children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) else node.value
    return max([_last_index(child) for child in children], default=node.start_mark.index)


def _with_user_added(text: str, user: User) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    root = yaml.SafeLoader(text).get_single_node()
    if root is None:
        text, root = NEW_FILE, yaml.SafeLoader(NEW_FILE).get_single_node()
    node = _value_node(root, "users")
    dash, indent = 2, 4
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        dash, indent = node.start_mark.column, node.value[0].start_mark.column
        end = _last_index(node.value[-1])
        line_end = text.find("\n", end - 1 if text[end - 1 : end] == "\n" else end)
        at, prefix = (len(text), newline) if line_end < 0 else (line_end + 1, "")
    elif (
        node is None
        or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"))
        or (isinstance(node, yaml.SequenceNode) and not node.value)
    ):
        if node is None:  # no users key at all: one at the end
            text = text + ("" if text.endswith("\n") or not text else newline) + "users:" + newline
            at, prefix = len(text), ""
        else:  # "users:", "users: ~" or "users: []": the list begins on the next line
            kept = text[: node.start_mark.index].rstrip(" ")
            text = kept + text[node.end_mark.index :]
            line_end = text.find("\n", len(kept))
            at, prefix = (len(text), newline) if line_end < 0 else (line_end + 1, "")
    else:
        raise UsersFileUnchanged(
            [
                f"{USERS_FILE} lists its users in a form this command does not edit (a flow "
                "list, or not a list); write one '- name: ...' block per user, or add it by hand"
            ]
        )
    pad = " " * indent
    lines = [" " * dash + "- " + " " * (indent - dash - 2) + f"name: {_quoted(user.name)}",
             f"{pad}full_name: {_quoted(user.full_name)}", f"{pad}role: {_quoted(user.role.value)}",
             *([f"{pad}language: {user.language}"] if user.language else []),
             f"{pad}password: '{user.password_hash}'"]  # fmt: skip
    return text[:at] + prefix + newline.join(lines) + newline + text[at:]
