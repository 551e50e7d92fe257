#!/bin/sh
# Builds bin/HoaNhap-<version>.msi from bin/hoanhap.exe and bin/hoanhap-cli.exe
# (make windows) with msitools: wixl compiles assets/windows/hoanhap.wxs,
# msibuild then writes the Vietnamese texts.
#
# Why two steps: wixl 0.101 ignores Product/@Codepage and stores the tables'
# strings in the build machine's ANSI code page (1252), and crashes
# (segfault) on a letter outside it such as "ậ". So the .wxs holds ASCII
# placeholders ("Hoa Nhap"); this script sets the database code page to 1258
# (Windows Vietnamese, an officially supported MSI code page) by importing a
# _ForceCodepage table, then updates the product name, manufacturer,
# shortcut names and descriptions, feature title and the downgrade message. libmsi converts them
# to 1258, where Vietnamese letters are stored with combining tone marks
# (ậ = â + U+0323), as Windows itself does in that code page.
#
# Signing (optional): with HOANHAP_SIGN_CERT (PEM or DER certificate chain)
# and HOANHAP_SIGN_KEY (PEM private key; HOANHAP_SIGN_PASS if encrypted), or
# HOANHAP_SIGN_PFX (+ HOANHAP_SIGN_PASS), the .msi is signed with
# osslsigncode (SHA-256; timestamped when HOANHAP_SIGN_TIMESTAMP is an
# RFC 3161 URL). Without them the .msi is left unsigned.
#
# Usage: sh scripts/installer.sh [VERSION]   (default: Version in FyneApp.toml)
# OUT=path overrides the output file.
set -eu
cd "$(dirname "$0")/.."
version=${1:-$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
case "$version" in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "installer: bad version '$version' (want X.Y.Z)" >&2; exit 2 ;;
esac
out=${OUT:-bin/HoaNhap-$version.msi}
for f in bin/hoanhap.exe bin/hoanhap-cli.exe; do
	[ -f "$f" ] || { echo "installer: $f is missing: run make windows first" >&2; exit 1; }
done
command -v wixl >/dev/null || { echo "installer: wixl is missing (apt-get install wixl msitools)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# wixl resolves sources relative to the current folder and leaves .gsf-save
# temporaries on a crash: run it in the work folder.
mkdir -p "$work/bin" "$work/assets/windows"
cp bin/hoanhap.exe bin/hoanhap-cli.exe "$work/bin/"
cp assets/icon.ico "$work/assets/"
cp assets/windows/hoanhap.wxs "$work/assets/windows/"
(cd "$work" && wixl -a x64 -D Version="$version" -D BinDir=bin -D AssetsDir=assets \
	-o hoanhap.msi assets/windows/hoanhap.wxs)

# Vietnamese texts (NFC here; libmsi converts them to code page 1258).
name="Hòa Nhập"
desc="Quản lý người chấp hành xong án phạt tù tái hòa nhập cộng đồng"
newer="Máy này đã cài phiên bản Hòa Nhập mới hơn. / A newer version of Hòa Nhập is already installed."
printf '\r\n\r\n1258\t_ForceCodepage\r\n' > "$work/_ForceCodepage.idt"
(cd "$work" && msibuild hoanhap.msi -i _ForceCodepage.idt)
msibuild "$work/hoanhap.msi" \
	-q "UPDATE Property SET Value='$name' WHERE Property='ProductName'" \
	-q "UPDATE Property SET Value='$name' WHERE Property='Manufacturer'" \
	-q "UPDATE Feature SET Title='$name' WHERE Feature='Main'" \
	-q "UPDATE LaunchCondition SET Description='$newer' WHERE Condition='NOT WIX_DOWNGRADE_DETECTED'" \
	-q "UPDATE Shortcut SET Name='HOANHAP|$name', Description='$desc' WHERE Shortcut='StartMenuShortcut'" \
	-q "UPDATE Shortcut SET Name='HOANHAP|$name', Description='$desc' WHERE Shortcut='DesktopShortcut'"
# Check: the strings read back are the Vietnamese ones.
got=$(msiinfo export "$work/hoanhap.msi" Property | sed -n 's/^ProductName\t//p' | tr -d '\r')
if [ "$got" != "$name" ]; then
	echo "installer: ProductName reads back as '$got', want '$name'" >&2
	exit 1
fi

if [ -n "${HOANHAP_SIGN_PFX:-}" ] || [ -n "${HOANHAP_SIGN_CERT:-}" ]; then
	command -v osslsigncode >/dev/null || { echo "installer: osslsigncode is missing" >&2; exit 1; }
	set -- -h sha256 -n "$name" -i "https://example.invalid/hoanhap"
	if [ -n "${HOANHAP_SIGN_PFX:-}" ]; then
		set -- "$@" -pkcs12 "$HOANHAP_SIGN_PFX"
	else
		set -- "$@" -certs "$HOANHAP_SIGN_CERT" -key "${HOANHAP_SIGN_KEY:?HOANHAP_SIGN_KEY is needed with HOANHAP_SIGN_CERT}"
	fi
	[ -n "${HOANHAP_SIGN_PASS:-}" ] && set -- "$@" -pass "$HOANHAP_SIGN_PASS"
	[ -n "${HOANHAP_SIGN_TIMESTAMP:-}" ] && set -- "$@" -ts "$HOANHAP_SIGN_TIMESTAMP"
	osslsigncode sign "$@" -in "$work/hoanhap.msi" -out "$work/signed.msi"
	mv "$work/signed.msi" "$work/hoanhap.msi"
	echo "installer: signed"
fi
mkdir -p "$(dirname "$out")"
mv "$work/hoanhap.msi" "$out"
echo "installer: $out ($(wc -c < "$out") bytes)"
