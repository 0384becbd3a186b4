#!/bin/sh
# The system packages the tests use, from Debian's (or Ubuntu's) archive: LibreOffice to open the
# deck as PowerPoint would, poppler and qpdf to read and check PDFs, and the fonts the outputs are
# measured and printed with (fonts-symbola: emoji in black and white). Installs only what is
# missing; uses sudo when not run as root.
set -eu
packages="libreoffice-impress poppler-utils qpdf fonts-crosextra-carlito fonts-crosextra-caladea
fonts-liberation2 fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum fonts-symbola"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install these packages with your system's package manager:$missing" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
