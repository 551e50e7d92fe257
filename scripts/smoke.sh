#!/bin/sh
# Starts the real Linux GUI under Xvfb with the demo ward for a few seconds;
# fails if it exits (crashes) before then.
set -eu
data=$(mktemp -d)
log="$data/smoke.log"
xvfb-run -a -s "-screen 0 1280x800x24" sh -c "
	./bin/hoanhap --data '$data' --demo > '$log' 2>&1 &
	pid=\$!
	sleep 8
	if ! kill -0 \$pid 2>/dev/null; then
		echo 'smoke: the app exited early'; cat '$log'; exit 1
	fi
	kill \$pid
	# Fyne quits on SIGTERM through its event loop; should that ever
	# hang (seen once under Xvfb), do not wait for ever.
	for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 \$pid 2>/dev/null || break; sleep 0.5; done
	kill -9 \$pid 2>/dev/null || true
	wait \$pid 2>/dev/null || true
"
echo "smoke: the GUI ran for 8 seconds under Xvfb"
rm -rf "$data"
