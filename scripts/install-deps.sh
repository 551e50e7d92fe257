#!/bin/sh
# Installs the Debian/Ubuntu packages Hòa Nhập needs to build and run:
# the C toolchain and X11/OpenGL headers for Fyne (cgo), and with "all" also
# mingw-w64 (Windows build), Xvfb and ImageMagick (screenshots, smoke test),
# and for the installer and the Windows tests under Wine: wixl and msitools
# (.msi), osslsigncode and openssl (signing), wine64, jq and xdotool.
# Only missing packages are installed; nothing happens when all are present.
set -eu
pkgs="make curl unzip gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libgl1-mesa-dri"
if [ "${1:-}" = "all" ]; then
	pkgs="$pkgs gcc-mingw-w64-x86-64 xvfb xauth imagemagick"
	pkgs="$pkgs wixl msitools osslsigncode openssl wine64 jq xdotool"
fi
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Cài đặt gói còn thiếu / installing missing packages:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
