#!/bin/sh
# Runs the real GUI under Xvfb on a demo ward, once per main screen, and
# saves a PNG of each into docs/screenshots/. Needs bin/hoanhap (make build),
# xvfb-run and ImageMagick's import.
set -eu
out=docs/screenshots
mkdir -p "$out"
data=$(mktemp -d)
./bin/hoanhap-cli --data "$data" init --unit "Phường Hòa Bình" >/dev/null
./bin/hoanhap-cli --data "$data" demo >/dev/null
shot() { # name, then app arguments
	name=$1; shift
	xvfb-run -a -s "-screen 0 1280x800x24" sh -c "
		./bin/hoanhap --data '$data' $* > '$data/$name.log' 2>&1 &
		pid=\$!
		sleep 7
		import -window root '$out/$name.png'
		kill \$pid
		# Fyne quits on SIGTERM through its event loop; should that ever
		# hang (seen once under Xvfb), do not wait for ever.
		for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 \$pid 2>/dev/null || break; sleep 0.5; done
		kill -9 \$pid 2>/dev/null || true
		wait \$pid 2>/dev/null || true
	"
	echo "$out/$name.png"
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
rm -rf "$data"
