#!/bin/sh
# Tests the Windows build under Wine, from the installer on:
#  1. a fresh Wine prefix (scripts/wine/env.sh: test-only bcryptprimitives shim);
#  2. msiexec /i bin/HoaNhap-<version>.msi /qn: files in Program Files\HoaNhap,
#     Start-menu and desktop shortcuts, the product registered as "Hòa Nhập";
#  3. the INSTALLED hoanhap-cli.exe runs scripts/wine/cli-scenario.sh with the
#     data folder in %APPDATA%\HoaNhap (the default) and in a folder whose path
#     has Vietnamese letters and spaces; each dump must equal the Linux CLI's
#     on the same scenario (ids and times aside: scripts/wine/dumpnorm.jq);
#  4. uninstall (msiexec /x): the program and shortcuts go, both data folders
#     stay; reinstall: the data opens unchanged; upgrade in place to a .msi
#     one patch version higher: still one registered product, new version;
#     installing the older one again is refused.
# Needs: make windows cli installer; wine64 (or wine), jq, mingw-w64, wixl.
# KEEP_WINE=1 keeps the prefix (its path is printed). Exit status 0 = pass.
set -eu
cd "$(dirname "$0")/.."
. scripts/wine/env.sh
trap wine_clean EXIT

version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
msi=bin/HoaNhap-$version.msi
for f in "$msi" bin/hoanhap-cli; do
	[ -f "$f" ] || { echo "wine-test: $f is missing (make windows cli installer)" >&2; exit 1; }
done
fail() { printf "wine-test: FAIL: %s\n" "$*" >&2; exit 1; }
t0=$(date +%s)

echo "wine-test: prefix $WINEPREFIX ($WINE)"
wine_prefix
user_dir=$(wine_user_dir)
user=$(basename "$user_dir")
echo "wine-test: prefix ready in $(($(date +%s) - t0)) s, Windows user $user"

winpath() { "$WINE" winepath -w "$1" 2>/dev/null | tr -d '\r'; }
msiexec() { rc=0; "$WINE" msiexec "$@" || rc=$?; "$WINESERVER" -w; return $rc; }

installed="$WINEPREFIX/drive_c/Program Files/HoaNhap"
start_lnk="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
common_lnk="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs"
# The product name as Wine's registry file stores it: code page 1258 keeps
# Vietnamese letters as base letter + combining mark (see docs/TESTING.md).
reg_name='"DisplayName"="Ho\x0300a Nh\xe2\x323p"'

check_installed() {
	want_version=$1
	[ -f "$installed/hoanhap.exe" ] || fail "hoanhap.exe not installed in Program Files\\HoaNhap"
	[ -f "$installed/hoanhap-cli.exe" ] || fail "hoanhap-cli.exe not installed"
	[ ! -e "$installed/bcryptprimitives.dll" ] || fail "the test shim was installed"
	# Shortcuts (.lnk); Wine puts per-machine shortcuts in the user's
	# folders, Windows in ProgramData and Public\Desktop: accept either.
	ls "$start_lnk"/*.lnk "$common_lnk"/*.lnk 2>/dev/null | grep -q 'Nh' || fail "no Start-menu shortcut"
	ls "$user_dir"/Desktop/*.lnk "$WINEPREFIX/drive_c/users/Public/Desktop"/*.lnk 2>/dev/null | grep -q 'Nh' ||
		fail "no desktop shortcut"
	n=$(grep -cF "$reg_name" "$WINEPREFIX/system.reg" || true)
	[ "$n" -ge 1 ] || fail "product \"Hòa Nhập\" not registered (Uninstall DisplayName)"
	grep -qF "\"DisplayVersion\"=\"$want_version\"" "$WINEPREFIX/system.reg" || fail "DisplayVersion $want_version not registered"
	echo "wine-test: installed $want_version: $(ls "$installed" | tr '\n' ' '), shortcuts, $n registry entries named Hòa Nhập"
}

echo "== install $msi"
msiexec /i "$(winpath "$PWD/$msi")" /qn /l*v 'C:\install.log' || fail "msiexec /i exited $?"
check_installed "$version"
entries=$(grep -cF "$reg_name" "$WINEPREFIX/system.reg")

# The Linux run of the scenario: the reference.
ref=$WINE_WORK/linux
mkdir -p "$ref/data"
out=$ref
cli() { ./bin/hoanhap-cli --data "$ref/data" "$@"; }
. scripts/wine/cli-scenario.sh
scenario || fail "the Linux CLI scenario failed"
jq -S -f scripts/wine/dumpnorm.jq "$ref/dump.txt" >"$ref/norm.json"

cli_exe='C:\Program Files\HoaNhap\hoanhap-cli.exe'
viet_dir="C:\\users\\$user\\Dữ liệu Phường Bến Nghé\\Hòa Nhập 2026"
viet_unix="$user_dir/Dữ liệu Phường Bến Nghé/Hòa Nhập 2026"
appdata_unix="$user_dir/AppData/Roaming/HoaNhap"

run_windows() { # run name, then --data DIR or nothing
	run=$1
	shift
	out=$WINE_WORK/$run
	mkdir -p "$out"
	t=$(date +%s)
	if [ $# -gt 0 ]; then
		data=$1
		cli() { "$WINE" "$cli_exe" --data "$data" "$@"; }
	else
		cli() { "$WINE" "$cli_exe" "$@"; }
	fi
	scenario || fail "the Windows CLI scenario ($run) failed"
	jq -S -f scripts/wine/dumpnorm.jq "$out/dump.txt" >"$out/norm.json"
	if ! cmp -s "$ref/norm.json" "$out/norm.json"; then
		diff "$ref/norm.json" "$out/norm.json" | head -n 40 >&2
		fail "the Windows dump ($run) differs from the Linux one"
	fi
	echo "wine-test: scenario $run: dump equals the Linux CLI's ($(wc -c <"$out/dump.txt") bytes, $(($(date +%s) - t)) s)"
}

echo "== installed CLI, data in %APPDATA%\\\\HoaNhap"
run_windows appdata
[ -f "$appdata_unix/hoanhap.db" ] || fail "the store is not in %APPDATA%\\HoaNhap"
grep -qF 'AppData\Roaming\HoaNhap\hoanhap.db' "$WINE_WORK/appdata/init.txt" || fail "init did not report %APPDATA%\\HoaNhap"

printf '%s\n' "== installed CLI, data in \"$viet_dir\""
run_windows vietnamese "$viet_dir"
[ -f "$viet_unix/hoanhap.db" ] || fail "the store is not in $viet_dir"

echo "== uninstall"
msiexec /x "$(winpath "$PWD/$msi")" /qn || fail "msiexec /x exited $?"
[ ! -e "$installed/hoanhap-cli.exe" ] || fail "hoanhap-cli.exe is still installed"
! ls "$start_lnk"/*.lnk "$common_lnk"/*.lnk 2>/dev/null | grep -q 'Nh' || fail "the Start-menu shortcut is still there"
! grep -qF "$reg_name" "$WINEPREFIX/system.reg" || fail "the product is still registered"
[ -f "$appdata_unix/hoanhap.db" ] || fail "uninstall removed %APPDATA%\\HoaNhap"
[ -f "$viet_unix/hoanhap.db" ] || fail "uninstall removed $viet_dir"
echo "wine-test: uninstalled; both data folders kept"

echo "== reinstall: the kept data opens unchanged"
msiexec /i "$(winpath "$PWD/$msi")" /qn || fail "reinstall: msiexec /i exited $?"
check_installed "$version"
"$WINE" "$cli_exe" dump >"$WINE_WORK/after-reinstall.json" || fail "dump after reinstall"
cmp -s "$WINE_WORK/appdata/dump.txt" "$WINE_WORK/after-reinstall.json" || fail "the data changed across uninstall and reinstall"
echo "wine-test: reinstalled; the dump is byte-identical to the one before uninstalling"

echo "== upgrade in place to the next patch version"
next=$(echo "$version" | awk -F. '{printf "%d.%d.%d", $1, $2, $3 + 1}')
OUT="$WINE_WORK/HoaNhap-$next.msi" sh scripts/installer.sh "$next" >/dev/null
msiexec /i "$(winpath "$WINE_WORK/HoaNhap-$next.msi")" /qn /l*v 'C:\upgrade.log' || fail "upgrade: msiexec /i exited $?"
check_installed "$next"
n=$(grep -cF "$reg_name" "$WINEPREFIX/system.reg")
[ "$n" -eq "$entries" ] || fail "after the upgrade \"Hòa Nhập\" is registered $n times, want $entries (one product)"
! grep -qF "\"DisplayVersion\"=\"$version\"" "$WINEPREFIX/system.reg" || fail "the old version $version is still registered"
"$WINE" "$cli_exe" dump >"$WINE_WORK/after-upgrade.json" || fail "dump after upgrade"
cmp -s "$WINE_WORK/appdata/dump.txt" "$WINE_WORK/after-upgrade.json" || fail "the data changed across the upgrade"
echo "wine-test: upgraded $version → $next in place; data unchanged"

echo "== downgrade is refused"
if msiexec /i "$(winpath "$PWD/$msi")" /qn; then fail "installing $version over $next succeeded"; fi
grep -qF "\"DisplayVersion\"=\"$next\"" "$WINEPREFIX/system.reg" || fail "the downgrade attempt changed the installed version"
[ -f "$installed/hoanhap-cli.exe" ] || fail "the downgrade attempt removed the program"
echo "wine-test: installing $version over $next was refused; $next stays"

echo "wine-test: OK in $(($(date +%s) - t0)) s"
