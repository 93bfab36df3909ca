"""Command-line options that several commands share."""

from __future__ import annotations

import argparse

from console.store import STORE_VARIABLE


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", default=None, metavar="URL",
        help=f"the store: sqlite:///PATH or postgresql://USER@HOST/DATABASE (default: ${STORE_VARIABLE}, "
             "else the SQLite file in the data folder)",
    )  # fmt: skip
