"""Saved views: a named layout with its cameras, per user, recalled from a menu or Alt+number."""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from console.wall.layouts import LAYOUTS

LOGGER = logging.getLogger("uitkijk.wall")


@dataclass(frozen=True)
class SavedView:
    name: str
    layout: str
    cameras: tuple[str | None, ...]


class ViewStore:
    def __init__(self, settings_dir: Path, user: str) -> None:
        safe_user = re.sub(r"[^A-Za-z0-9_.-]", "_", user) or "user"
        self.path = settings_dir / f"views-{safe_user}.json"

    def load(self) -> list[SavedView]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as error:
            LOGGER.warning("ignoring saved views in %s: %s", self.path, error)
            return []
        views = []
        for item in raw.get("views", []) if isinstance(raw, dict) else []:
            if isinstance(item, dict) and item.get("layout") in LAYOUTS and isinstance(item.get("name"), str):
                cameras = tuple(c if isinstance(c, str) else None for c in item.get("cameras", []))
                views.append(SavedView(item["name"], item["layout"], cameras))
        return views

    def save(self, views: list[SavedView]) -> None:
        data = {
            "version": 1,
            "views": [{"name": v.name, "layout": v.layout, "cameras": list(v.cameras)} for v in views],
        }
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(partial, self.path)

    def put(self, view: SavedView) -> list[SavedView]:
        """Add or replace (by name) a view; returns the list now saved."""
        views = [existing for existing in self.load() if existing.name != view.name] + [view]
        self.save(views)
        return views
