#!/usr/bin/env bash
# Makes the Debian tools the integration tests drive available:
# - chromium for the browser tests (Playwright's own browser download cannot work here: no network but the
#   package registries), with IPAex Gothic so that screenshots show Japanese, not boxes;
# - pdftoppm (poppler-utils) to render PDFs (print files, reports) to PNG for barcode decoding and looking;
# - soffice (libreoffice-calc-nogui) to check that the XLSX reports open in LibreOffice.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ] || [ -e /usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf ] \
  || fc-list 2>/dev/null | grep -qi ipaex || missing+=(fonts-ipaexfont-gothic)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the integration tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "WARNING: could not install ${missing[*]}; the browser, PDF and XLSX tests need them (apt-get install ${missing[*]})" >&2
exit 0
