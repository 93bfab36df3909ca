"""Where the console keeps its state: one place decides, ``--data DIR`` overrides."""

from __future__ import annotations

from dataclasses import dataclass
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
        for folder in (paths.data_dir, paths.settings_dir, paths.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return paths
