#!/usr/bin/env bash
# Makes Debian's Chromium available for the browser test (BrowserIT). Playwright's own browser download
# cannot work here (no network but the package registries), so the test drives /usr/bin/chromium.
# A Japanese font (IPAex Gothic) is installed with it, so that the screenshots show Japanese, not boxes.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || [ -e /usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf ] \
  || fc-list 2>/dev/null | grep -qi ipaex || missing+=(fonts-ipaexfont-gothic)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser test..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "WARNING: could not install ${missing[*]}; BrowserIT needs chromium (apt-get install ${missing[*]})" >&2
exit 0
