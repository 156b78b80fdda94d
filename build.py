#!/usr/bin/env python3
"""Waymark's command line from a checkout: the same as the installed `waymark`
command (see `waymark/cli.py`)."""
from waymark.cli import run

if __name__ == "__main__":
    run()
