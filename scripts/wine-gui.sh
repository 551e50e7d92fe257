#!/bin/sh
# The GUI hoanhap.exe under Wine and Xvfb, installed from the .msi:
#  smoke   start it on a demo ward, wait for its window (xdotool search
#          --sync, bounded), take docs/screenshots/wine-gui.png, close it
#          with WM_CLOSE (taskkill without /f) and check that it exits;
#          fails if the window never appears.
#  typing  tools/typetest (built here, never shipped) types what Unikey
#          sends for Telex "Nguyeenx Vawn Ddwcs" and VNI "Nguye6n4 Va8n
#          D9u7c1" (and Telex with decomposed output) into a new person
#          form, saves with Ctrl+S and checks with the installed CLI that
#          the store holds "Nguyễn Văn Đức" in NFC; then once more with the
#          hook off (HOANHAP_TYPING_HOOK=off), where the name must come out
#          garbled.
# Usage: sh scripts/wine-gui.sh [smoke] [typing]   (default: both)
# With WINE_WORK set to the folder of an earlier scripts/wine-test.sh run
# (KEEP_WINE=1) the prefix and installation are reused.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
# Go's caches stay where they are: env.sh gives Wine a HOME of its own.
GOMODCACHE=$("$GO" env GOMODCACHE) GOCACHE=$("$GO" env GOCACHE)
export GOMODCACHE GOCACHE
. scripts/wine/env.sh
steps=${*:-smoke typing}
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
msi=bin/HoaNhap-$version.msi
fail() { printf 'wine-gui: FAIL: %s\n' "$*" >&2; exit 1; }
t0=$(date +%s)

xvfb_pid=""
gui_pid=""
cleanup() {
	[ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
	wine_clean
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

wine_prefix
user_dir=$(wine_user_dir)
user=$(basename "$user_dir")
installed="$WINEPREFIX/drive_c/Program Files/HoaNhap"
if [ ! -f "$installed/hoanhap.exe" ]; then
	[ -f "$msi" ] || fail "$msi is missing (make installer)"
	"$WINE" msiexec /i "$("$WINE" winepath -w "$PWD/$msi" | tr -d '\r')" /qn || fail "msiexec /i"
	"$WINESERVER" -w
fi
gui_exe='C:\Program Files\HoaNhap\hoanhap.exe'
cli_exe='C:\Program Files\HoaNhap\hoanhap-cli.exe'

# Xvfb on a free display.
rm -f "$WINE_WORK/display"
Xvfb -displayfd 9 -screen 0 1440x900x24 -nolisten tcp 9>"$WINE_WORK/display" 2>"$WINE_WORK/xvfb.log" &
xvfb_pid=$!
for i in $(seq 50); do [ -s "$WINE_WORK/display" ] && break; sleep 0.2; done
[ -s "$WINE_WORK/display" ] || fail "Xvfb did not start: $(cat "$WINE_WORK/xvfb.log")"
export DISPLAY=":$(cat "$WINE_WORK/display")"

# start_gui LOG ARGS...: starts the installed GUI (gui_pid) and waits for
# its window (it takes about 3 s); sets win to its X window id. Under
# Wine a start now and then never shows a window and prints nothing (seen
# once in CI, not reproduced in runs of the same build): the process is
# then killed and started once more, and the retry is reported. A start
# that prints anything before failing is not retried.
start_gui() {
	log=$1
	shift
	for try in 1 2; do
		"$WINE" "$gui_exe" "$@" >"$log" 2>&1 &
		gui_pid=$!
		win=$(timeout 60 xdotool search --sync --onlyvisible --name 'H.*a Nh' 2>/dev/null | head -n 1) || true
		[ -n "$win" ] && return 0
		echo "wine-gui: the window never appeared within 60 s (try $try); the app's log:" >&2
		cat "$log" >&2
		kill "$gui_pid" 2>/dev/null || true
		"$WINE" taskkill /f /im hoanhap.exe >/dev/null 2>&1 || true
		timeout 30 "$WINESERVER" -w 2>/dev/null || "$WINESERVER" -k 2>/dev/null || true
		[ -s "$log" ] && return 1
	done
	return 1
}

# stop_gui LOG: asks the app to close (WM_CLOSE, as the window's close
# button does) and waits for it to exit with status 0. Returns 1 if it
# does not exit within 30 s (then killed), 2 if it crashed while closing
# (Wine prints "Unhandled page fault/exception" in the log), 3 on another
# non-zero status.
stop_gui() {
	"$WINE" taskkill /im hoanhap.exe >/dev/null 2>&1 || true
	for i in $(seq 60); do
		kill -0 "$gui_pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$gui_pid" 2>/dev/null; then
		kill "$gui_pid" 2>/dev/null || true
		gui_pid=""
		echo "wine-gui: the app did not exit within 30 s of WM_CLOSE" >&2
		return 1
	fi
	rc=0
	wait "$gui_pid" || rc=$?
	gui_pid=""
	timeout 60 "$WINESERVER" -w || "$WINESERVER" -k || true
	if grep -q 'Unhandled' "$1"; then
		echo "wine-gui: the app crashed while closing: $(grep 'Unhandled' "$1" | head -n 1)" >&2
		return 2
	fi
	[ "$rc" -eq 0 ] || { echo "wine-gui: the app exited with status $rc" >&2; return 3; }
}

# new_store NAME [demo args]: a store made by the installed CLI; prints its
# Windows path.
new_store() {
	dir="C:\\users\\$user\\Hòa Nhập thử\\$1"
	rm -rf "$user_dir/Hòa Nhập thử/$1"
	shift
	"$WINE" "$cli_exe" --data "$dir" init --unit "Phường Bến Nghé" >/dev/null || return 1
	if [ $# -gt 0 ]; then "$WINE" "$cli_exe" --data "$dir" demo "$@" >/dev/null || return 1; fi
	printf '%s\n' "$dir"
}

# A crash while closing was seen once in six closes, inside Wine's OpenGL
# teardown (docs/TESTING.md): the smoke test tries twice before failing.
smoke() {
	echo "== GUI smoke test"
	data=$(new_store smoke --seed 7 --today 2026-12-01 --persons 60) || fail "the demo store"
	for try in 1 2; do
		t=$(date +%s)
		log=$WINE_WORK/gui-smoke-$try.log
		start_gui "$log" --data "$data" --screen caseload || fail "GUI smoke: no window"
		echo "wine-gui: window $win \"$(xdotool getwindowname "$win")\" after $(($(date +%s) - t)) s"
		sleep 8 # the caseload list fills
		mkdir -p docs/screenshots
		import -window "$win" docs/screenshots/wine-gui.png
		rc=0
		stop_gui "$log" || rc=$?
		if [ "$rc" -eq 0 ]; then
			echo "wine-gui: smoke OK: docs/screenshots/wine-gui.png, closed cleanly ($(($(date +%s) - t)) s)"
			return 0
		fi
		[ "$rc" -eq 2 ] && [ "$try" -eq 1 ] && { echo "wine-gui: trying the smoke test once more" >&2; continue; }
		cat "$log" >&2
		fail "GUI smoke: the app did not close cleanly"
	done
}

typing() {
	echo "== Vietnamese typing test"
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$GO" build -trimpath -o "$WINE_WORK/typetest.exe" ./tools/typetest
	typetest="$WINE_WORK/typetest.exe"
	for run in telex vni telex-nfd telex:nohook; do
		seq=${run%%:*}
		t=$(date +%s)
		data=$(new_store "typing-$seq-${run#*:}") || fail "typing: the store"
		log=$WINE_WORK/gui-$seq.log
		args=""
		hook=on
		if [ "$run" != "${run%:nohook}" ]; then hook=off; args=-expect-garbled; fi
		echo "-- $seq, hook $hook"
		export HOANHAP_TYPING_HOOK=$hook
		start_gui "$log" --data "$data" --screen caseload || fail "typing: no window"
		unset HOANHAP_TYPING_HOOK
		sleep 3
		rc=0
		"$WINE" "$typetest" -data "$data" -cli "$cli_exe" -seq "$seq" $args 2>&1 | tr -d '\r' | tee "$WINE_WORK/typetest-$seq-$hook.txt" || true
		grep -q '^typetest: OK' "$WINE_WORK/typetest-$seq-$hook.txt" || rc=1
		import -window "$win" "$WINE_WORK/typing-$seq-$hook.png"
		if [ "$rc" -ne 0 ]; then
			# A refused save leaves a dialog and unsaved input, and the app
			# then asks before closing: no clean close to wait for.
			kill "$gui_pid" 2>/dev/null || true
			gui_pid=""
			fail "typing: $seq with the hook $hook (screen: $WINE_WORK/typing-$seq-$hook.png, KEEP_WINE=1 keeps it)"
		fi
		# The verdict is the store's content; a crash while closing after
		# the save (Wine's OpenGL teardown) is reported, not fatal.
		rc=0
		stop_gui "$log" || rc=$?
		case $rc in
		0) ;;
		2) echo "wine-gui: WARNING: $seq: the app crashed while closing, after the check passed" >&2 ;;
		*) cat "$log" >&2; fail "typing: the app did not close cleanly" ;;
		esac
		echo "wine-gui: $seq with the hook $hook: $(($(date +%s) - t)) s"
	done
}

for s in $steps; do
	case $s in
	smoke) smoke ;;
	typing) typing ;;
	*) fail "unknown step $s (smoke, typing)" ;;
	esac
done
echo "wine-gui: OK in $(($(date +%s) - t0)) s"
