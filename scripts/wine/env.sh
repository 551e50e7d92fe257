# Sourced from the repository root by the Wine test scripts (scripts/wine-*.sh):
# a fresh, private
# Wine prefix with the test-only bcryptprimitives shim.
#
# Debian 12's Wine is 8.0; its 64-bit loader is /usr/lib/wine/wine64 (no
# "wine64" on PATH). Wine 8.0 has no bcryptprimitives.dll, which Go >= 1.22
# executables load at start ("fatal error: bcryptprimitives.dll not found"):
# wine_prefix builds a shim from scripts/wine/bcryptprimitives.c with mingw
# and puts it in the prefix's system32 only. Real Windows 10/11 have the
# DLL; the shim is never shipped in the .msi.
#
# Everything lives under $WINE_WORK (a temp folder): the prefix, and a HOME
# of its own, since Wine links the prefix's Desktop/Documents to $HOME and
# writes menu entries there; winemenubuilder is disabled as well.

WINE=${WINE:-}
if [ -z "$WINE" ]; then
	for w in /usr/lib/wine/wine64 "$(command -v wine64 || true)" "$(command -v wine || true)"; do
		if [ -n "$w" ] && [ -x "$w" ]; then WINE=$w; break; fi
	done
fi
[ -n "$WINE" ] || { echo "wine: no Wine found (apt-get install wine64)" >&2; exit 1; }
WINESERVER=${WINESERVER:-$(dirname "$WINE")/wineserver}
[ -x "$WINESERVER" ] || WINESERVER=$(command -v wineserver || echo wineserver)

WINE_WORK=${WINE_WORK:-$(mktemp -d /tmp/hoanhap-wine.XXXXXX)}
export WINEPREFIX="$WINE_WORK/prefix"
export HOME="$WINE_WORK/home"
export WINEDEBUG=${WINEDEBUG:--all}
export WINEARCH=win64
# mscoree/mshtml: no Mono or Gecko download prompts; bcryptprimitives: the
# native shim; winemenubuilder: no menu entries in $HOME; winedbg: a crash
# ends the process (and is reported from its log) instead of hanging in
# Wine's debugger.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n;winemenubuilder.exe=d;winedbg.exe=d"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset HOANHAP_DATA HOANHAP_TYPING_HOOK
mkdir -p "$HOME"

# wine_prefix creates the prefix and installs the shim.
wine_prefix() {
	[ -f "$WINEPREFIX/system.reg" ] && return 0
	"$WINE" wineboot --init >"$WINE_WORK/wineboot.log" 2>&1 || {
		cat "$WINE_WORK/wineboot.log" >&2
		return 1
	}
	"$WINESERVER" -w
	x86_64-w64-mingw32-gcc -O2 -shared -Wl,--kill-at \
		-o "$WINE_WORK/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32
	cp "$WINE_WORK/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
	# A Windows desktop folder is never empty (desktop.ini); Wine's is, and
	# an uninstall then removes it as an empty folder the package used,
	# so that a reinstall finds no desktop. Give it its desktop.ini.
	printf '[.ShellClassInfo]\r\n' >"$(wine_user_dir)/Desktop/desktop.ini"
	# The Windows user name Wine gives the prefix (the Unix one).
	WINE_USER=$(ls "$WINEPREFIX/drive_c/users" | grep -v '^Public$' | head -n 1)
}

# wine_user_dir prints the Unix path of C:\users\<user>.
wine_user_dir() { echo "$WINEPREFIX/drive_c/users/$(ls "$WINEPREFIX/drive_c/users" | grep -v '^Public$' | head -n 1)"; }

# wine_stop ends the prefix's wineserver and its processes.
wine_stop() { "$WINESERVER" -k 2>/dev/null || true; }

# wine_clean stops Wine and removes the work folder (unless KEEP_WINE=1).
wine_clean() {
	wine_stop
	if [ "${KEEP_WINE:-}" = 1 ]; then
		echo "wine: kept $WINE_WORK"
	else
		rm -rf "$WINE_WORK"
	fi
}
