"""Uitkijk: live video-wall dispatch console. See README.md."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
