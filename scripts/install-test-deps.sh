#!/usr/bin/env bash
# Everything the tests need on a fresh Debian machine: Debian's Chromium
# (Playwright drives it; we never download a browser of Playwright's own),
# fonts for Arabic-script pages, nginx (the documented deploy is tried),
# kiwix-tools (kiwix-serve and kiwix-search read the ZIM books we write), and
# the Python packages.
set -euo pipefail
PACKAGES="chromium fonts-noto-core nginx-light kiwix-tools"
missing=""
for package in $PACKAGES; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
  # Debian starts nginx on port 80 when it is installed; the tests start their own.
  if command -v service >/dev/null 2>&1; then $SUDO service nginx stop >/dev/null 2>&1 || true; fi
fi
python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
