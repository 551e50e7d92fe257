#!/bin/sh
# Runs the real GUI under Xvfb on a demo ward, once per main screen and
# window size, and saves a PNG of each into docs/screenshots/ as
# NAME-1024.png (a 1024×700 ward laptop) and NAME-1366.png (a 1366×768
# office screen). Needs bin/hoanhap (make build), xvfb-run and
# ImageMagick's import.
set -eu
out=docs/screenshots
mkdir -p "$out"
data=$(mktemp -d)
./bin/hoanhap-cli --data "$data" init --unit "Phường Hòa Bình" >/dev/null
./bin/hoanhap-cli --data "$data" demo >/dev/null
# The import screen reads the caseload list the app exports (its rows are
# flagged as already in the data, as a list imported twice would be).
./bin/hoanhap-cli --data "$data" export caseload --out "$data/danh-sach.xlsx" >/dev/null
sizes=${SIZES:-"1024x700 1366x768"}
# Seconds the GUI gets before the picture: the lists load in the
# background and say "Đang tải…" until then (longer on a busy machine).
wait=${SLEEP:-12}
# ONLY="import reports" takes only the screens named.
only=${ONLY:-}
shot() { # name, then app arguments; one PNG per size
	name=$1; shift
	if [ -n "$only" ]; then
		case " $only " in *" $name "*) ;; *) return 0 ;; esac
	fi
	for size in $sizes; do
		one "$name-${size%x*}" "$size" "$@"
	done
}
one() { # file name, size, then app arguments (sh has no local variables:
	# names of its own, so that shot's $name is left alone)
	file=$1; size=$2; shift 2
	xvfb-run -a -s "-screen 0 ${size}x24" sh -c "
		./bin/hoanhap --data '$data' --size $size $* > '$data/$file.log' 2>&1 &
		pid=\$!
		sleep $wait
		import -window root '$out/$file.png'
		kill \$pid
		# Fyne quits on SIGTERM through its event loop; should that ever
		# hang (seen once under Xvfb), do not wait for ever.
		for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 \$pid 2>/dev/null || break; sleep 0.5; done
		kill -9 \$pid 2>/dev/null || true
		wait \$pid 2>/dev/null || true
	"
	if [ -s "$data/$file.log" ]; then
		echo "$file: the GUI printed:" >&2
		cat "$data/$file.log" >&2
	fi
	echo "$out/$file.png"
}
shot caseload-list --screen caseload
shot person-form-new --screen person-new
shot person-form --screen person-first
shot overview-worklist --screen overview
shot reception --screen reception
shot mentors --screen mentors
shot visit-entry --screen visits
shot quarter-list-hcd09 --screen quarter-list
shot person-support --screen person-support
shot loans --screen support
shot model-members --screen models
shot settings --screen settings
shot settings-lists --screen settings-lists
shot businesses --screen businesses
shot reports --screen reports
shot sync --screen sync
shot import --screen "import:$data/danh-sach.xlsx"

# Office mode: an office with the demo ward and a second ward enrolled
# through the real enrolment files, each ward's file read by the office.
office=$(mktemp -d); ward2=$(mktemp -d); usb=$(mktemp -d)
cli() { ./bin/hoanhap-cli "$@" >/dev/null; }
cli --data "$office" init --unit "Công an tỉnh Hòa Bình" --kind office
cli --data "$ward2" init --unit "Xã Yên Mông"
cli --data "$ward2" demo
i=0
for w in "$data" "$ward2"; do
	i=$((i + 1))
	cli --data "$w" enrol request --out "$usb/request-$i.hne"
	cli --data "$office" enrol accept "$usb/request-$i.hne" --fingerprint "$(./bin/hoanhap-cli --data "$w" keys fingerprint)" --out "$usb/reply-$i.hne"
	cli --data "$w" enrol finish "$usb/reply-$i.hne" --fingerprint "$(./bin/hoanhap-cli --data "$office" keys fingerprint)"
	cli --data "$w" sync export --out "$usb"
done
cli --data "$office" sync import "$usb"/*.hnx
odata=$data; data=$office
shot office-wards --screen wards
shot office-caseload-ward --screen caseload-ward
shot office-report --screen reports
shot office-sync --screen sync
data=$odata
rm -rf "$office" "$ward2" "$usb"

# Screens in a prepared state the command line cannot reach (a refused
# file explained, enrolment before any peer, a ward's record opened at
# the office), drawn by Fyne's software painter at the same two sizes.
HOANHAP_SHOTS=$(pwd)/$out CGO_ENABLED=0 ${GO:-go} test -tags ci,migrated_fynedo -count=1 -run TestOfficeShots ./ui/ >/dev/null
ls "$out"/office-wards-choose-*.png "$out"/office-wards-read-*.png "$out"/office-notices-*.png "$out"/office-transfers-*.png "$out"/office-person-read-only-*.png "$out"/sync-rejected-*.png "$out"/sync-enrol-*.png
rm -rf "$data"
