#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser test (BrowserIT). Playwright's own browser download
# cannot work here (no network but the package registries), so the test drives /usr/bin/chromium.
set -u
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser test..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "WARNING: chromium is not installed and could not be installed; BrowserIT will fail. Install it with: apt-get install chromium" >&2
exit 0
