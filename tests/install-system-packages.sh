#!/bin/sh
# The system packages the tests use, from Debian's (or Ubuntu's) archive: LibreOffice to open the
# deck as PowerPoint would, poppler and qpdf to read and check PDFs, and the fonts the outputs are
# measured and printed with (fonts-symbola: emoji in black and white), Chromium to open the
# verification site as a visitor would, and Node.js for the independent credential verifier (the
# Digital Credentials Consortium's libraries, installed from npm into tests/verifier/). Installs
# only what is missing; uses sudo when not run as root.
set -eu
packages="libreoffice-impress poppler-utils qpdf fonts-crosextra-carlito fonts-crosextra-caladea
fonts-liberation2 fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola
chromium"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install these packages with your system's package manager:$missing" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# the credential verifier and the browser driver, at the versions package-lock.json pins
verifier="$(dirname "$0")/verifier"
if [ ! -f "$verifier/node_modules/.package-lock.json" ] || [ "$verifier/package-lock.json" -nt "$verifier/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$verifier" --no-audit --no-fund --loglevel=error
fi
