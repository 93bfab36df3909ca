"""Where the console keeps its state: one place decides, ``--data DIR`` overrides.

What is kept there (who watched which camera and why, incidents, ANPR images) is
for the console's own account only: folders 0700, files 0600, checked at start.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "uitkijk"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = REPO_ROOT / "camera_config"
RESOURCES_DIR = REPO_ROOT / "resources"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path  # the store, logs
    settings_dir: Path  # window arrangement and per-user views
    cache_dir: Path  # the simulator's generated clips
    tightened: tuple[str, ...] = field(default=(), compare=False)  # what was too open at start, now closed

    @classmethod
    def resolve(cls, data_dir: Path | None = None) -> AppPaths:
        if data_dir is not None:
            data_dir = data_dir.expanduser().resolve()
            paths = cls(data_dir, data_dir / "settings", data_dir / "cache")
        else:
            paths = cls(
                Path(platformdirs.user_data_dir(APP_NAME)),
                Path(platformdirs.user_config_dir(APP_NAME)),
                Path(platformdirs.user_cache_dir(APP_NAME)),
            )
        tightened: list[str] = []
        for folder in (paths.data_dir, paths.settings_dir, paths.cache_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            tightened += close_to_others(folder)
        return cls(paths.data_dir, paths.settings_dir, paths.cache_dir, tuple(tightened))


PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def close_to_others(folder: Path) -> list[str]:
    """Make a state folder and the files directly in it private; say what was open (for a warning)."""
    found: list[str] = []
    for path, wanted in [(folder, PRIVATE_FOLDER)] + [(child, PRIVATE_FILE) for child in _files(folder)]:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                os.chmod(path, wanted if wanted == PRIVATE_FOLDER else mode & 0o700)
                found.append(f"{path} was readable by others ({mode:o}); now {wanted:o}")
        except OSError as error:  # not ours to change: say so, do not stop
            found.append(f"{path} is open to others and could not be closed: {error.strerror}")
    return found


def _files(folder: Path) -> list[Path]:
    try:
        return [child for child in folder.iterdir() if child.is_file() and not child.is_symlink()]
    except OSError:
        return []


def private_files_from_now_on() -> None:
    """Everything this process creates (store, log, key, evidence) is for its own account only."""
    os.umask(0o077)


def warn_if_opened(paths: AppPaths) -> AppPaths:
    """Say which state folders or files other accounts could read (they are closed now)."""
    for finding in paths.tightened:
        logging.getLogger("uitkijk").warning("%s", finding)
    return paths
