"""Command-line options that several commands share."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from console.config.secrets import mask
from console.store import STORE_VARIABLE

if TYPE_CHECKING:
    from console.audit.log import AuditLog
    from console.paths import AppPaths
    from console.store import Database


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", default=None, metavar="URL",
        help=f"the store: sqlite:///PATH or postgresql://USER@HOST/DATABASE (default: ${STORE_VARIABLE}, "
             "else the SQLite file in the data folder)",
    )  # fmt: skip


def open_store_and_log(paths: AppPaths, store_url: str | None) -> tuple[Database, AuditLog] | None:
    """A service's store and audit log (the recorder's, the events service's); None when either cannot be opened,
    its one line said on stderr (masked)."""
    from console.audit.log import KEY_FILE, AuditKeyError, AuditLog
    from console.store import StoreUnavailable, open_store

    try:
        database = open_store(paths.data_dir, store_url)
    except StoreUnavailable as error:
        print(mask(str(error)), file=sys.stderr)
        return None
    try:
        return database, AuditLog(database, paths.data_dir / KEY_FILE)
    except (AuditKeyError, StoreUnavailable) as error:
        print(mask(str(error)), file=sys.stderr)
        database.close()
        return None
