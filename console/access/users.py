"""The people who may sign in: ``users.yaml`` beside the camera configuration.

Passwords are kept only as Argon2id hashes (argon2-cffi, the reference
implementation's bindings); a wrong name and a wrong password take the same
time and get the same answer. The file is checked like the camera file: a
problem names file, line and key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from pydantic import Field
from pydantic import field_validator as validator

from console.access.permissions import Role
from console.config.errors import ConfigError, ConfigIssue
from console.config.loader import did_you_mean, load_checked
from console.config.schema import Strict
from console.wording import QT_TRANSLATE_NOOP, WordedError

USERS_FILE = "users.yaml"
ROLES = {role.value: role for role in Role}
DEFAULT_LOCK_AFTER_MIN = 10.0
_HASHER = PasswordHasher()  # Argon2id, RFC 9106 low-memory profile: 64 MiB, 3 passes
_DUMMY_HASH = _HASHER.hash("no such user: spend the same time")
NAME_PATTERN = r"^[a-z][a-z0-9._-]{1,39}$"


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
    name: str = Field(pattern=NAME_PATTERN, description="lower-case login name")
    full_name: str = Field(min_length=1, max_length=80)
    role: str
    password: str = Field(min_length=20, description="an Argon2id hash: python main.py user add/passwd")
    language: Literal["nl", "fr", "en"] | None = Field(default=None, description="nl, fr or en (else --lang)")

    @validator("role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        if value not in ROLES:
            raise ValueError(f"unknown role '{value}'{did_you_mean(value, ROLES)}; one of {', '.join(ROLES)}")
        return value

    @validator("password")
    @classmethod
    def _a_hash(cls, value: str) -> str:
        if not value.startswith("$argon2"):
            raise ValueError("not an Argon2 hash: never write a password here; use 'python main.py user passwd'")
        return value


class PolicyEntry(Strict):
    lock_after_min: float = Field(default=DEFAULT_LOCK_AFTER_MIN, ge=0.5, le=240)


class UsersFile(Strict):
    version: Literal[1]
    policy: PolicyEntry = Field(default_factory=PolicyEntry)
    users: list[UserEntry] = Field(default_factory=list)


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    return _HASHER.hash(password)


class UserDirectory:
    def __init__(self, users: tuple[User, ...], policy: Policy = Policy(), path: Path | None = None) -> None:
        self.users = {user.name: user for user in users}
        self.policy = policy
        self.path = path

    def authenticate(self, name: str, password: str) -> User:
        """The user, or :class:`LoginRefused`; as slow for an unknown name as for a wrong password."""
        user = self.users.get(name.strip().lower())
        try:
            _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
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
    source, parsed = load_checked(path, UsersFile)
    issues: list[ConfigIssue] = []
    seen: set[str] = set()
    for index, entry in enumerate(parsed.users):
        if entry.name in seen:
            issues.append(source.issue(("users", index, "name"), f"duplicate user '{entry.name}'"))
        seen.add(entry.name)
    if issues:
        raise ConfigError(issues)
    users = tuple(User(entry.name, entry.full_name, ROLES[entry.role], entry.password, entry.language)
                  for entry in parsed.users)  # fmt: skip
    return UserDirectory(users, Policy(parsed.policy.lock_after_min), path)


def save_users(directory: UserDirectory) -> None:
    """Write the users back atomically (the administrator's ``user add`` and ``user passwd``)."""
    assert directory.path is not None
    lines = ["# Who may sign in to Uitkijk. Passwords are Argon2id hashes only:",
             "# python main.py user add NAME --role ROLE --full-name TEXT, python main.py user passwd NAME",
             "version: 1", "policy:", f"  lock_after_min: {directory.policy.lock_after_min:g}",
             "users:" if directory.users else "users: []"]  # fmt: skip
    for user in directory.users.values():
        full_name = user.full_name.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f"  - name: {user.name}", f'    full_name: "{full_name}"', f"    role: {user.role.value}",
                  f"    password: '{user.password_hash}'"]  # fmt: skip
    partial = directory.path.with_suffix(".partial")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(partial, directory.path)
