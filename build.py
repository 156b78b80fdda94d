#!/usr/bin/env python3
"""Waymark's command line from a checkout: the same as the installed `waymark`
command (see `waymark/cli.py`)."""
import sys

from waymark.cli import main

if __name__ == "__main__":
    sys.exit(main())
