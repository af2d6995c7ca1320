#!/usr/bin/env bash
# Makes the Debian tools the integration tests drive available:
# - chromium for the browser tests (Playwright's own browser download cannot work here: no network but the
#   package registries), with IPAex Gothic so that screenshots show Japanese, not boxes;
# - IPAmj Mincho (fonts-ipamj-mincho, IPA Font License, ~48 MB: not bundled), the print and screen fallback for
#   characters the bundled IPAex fonts lack (𠮷); its tests skip with a message without it;
# - pdftoppm (poppler-utils) to render PDFs (print files, reports) to PNG for barcode decoding and looking;
# - soffice (libreoffice-calc-nogui) to check that the XLSX reports open in LibreOffice.
# Installs what is missing with apt-get when running as root (CI machines); otherwise says what is missing and how
# to install it, and lets the build go on (the tests that need a missing tool then fail and name it). Never fails
# the build itself.
set -u
me="ensure-test-tools"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || [ -e /usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf ] \
  || { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi ipaex; } || missing+=(fonts-ipaexfont-gothic)
[ -e /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] || missing+=(fonts-ipamj-mincho)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
needed_by="the browser, PDF, font and XLSX integration tests need them"
if [ "$(id -u)" != "0" ]; then
  echo "[$me] SKIPPED installing ${missing[*]}: not running as root (uid $(id -u)). $needed_by:" \
       "sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[$me] SKIPPED installing ${missing[*]}: no apt-get on this machine. $needed_by; install them with the" \
       "system's package manager." >&2
  exit 0
fi
echo "[$me] Installing ${missing[*]} for the integration tests..."
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; then
  exit 0
fi
echo "[$me] WARNING: apt-get could not install ${missing[*]} (see its messages above); $needed_by." >&2
exit 0
