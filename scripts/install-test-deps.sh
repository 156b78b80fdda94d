#!/usr/bin/env bash
# Everything the tests need on a fresh Debian machine: Debian's Chromium
# (Playwright drives it; we never download a browser of Playwright's own),
# fonts for Arabic-script pages, and the Python packages.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
    chromium fonts-noto-core
fi
python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
