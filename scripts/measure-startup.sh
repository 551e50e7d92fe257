#!/bin/sh
# Measures the real GUI at office scale: seconds from launch until the main
# window exists, and the resident memory (VmRSS) of the process then, once
# start-up work has settled, and with the worklist (Tổng quan) shown.
#
#   sh scripts/measure-startup.sh DATA_DIR [BINARY] [RUNS]
#
# DATA_DIR holds a store, e.g. 100,000 demo people:
#   go run ./cmd/hoanhap-cli --data /tmp/big init --unit X
#   go run ./cmd/hoanhap-cli --data /tmp/big demo --persons 100000
# BINARY defaults to bin/hoanhap (make build). Needs xvfb-run and xdotool
# (whose name match is ASCII only: it looks for "Nh.*p" of "Hòa Nhập").
set -eu
data=${1:?usage: measure-startup.sh DATA_DIR [BINARY] [RUNS]}
bin=${2:-./bin/hoanhap}
runs=${3:-3}
settle=${SETTLE:-8}

one() { # one run; $1 = extra arguments
	xvfb-run -a -s "-screen 0 1366x768x24" sh -c '
		rss() { awk "/^VmRSS/ {print int(\$2/1024)}" /proc/$1/status 2>/dev/null || echo 0; }
		t0=$(date +%s.%N)
		"$1" --data "$2" $3 >/dev/null 2>&1 &
		pid=$!
		timeout 120 xdotool search --sync --onlyvisible --name "Nh.*p" >/dev/null 2>&1
		t1=$(date +%s.%N)
		r1=$(rss $pid)
		peak=$r1
		i=0
		while [ $i -lt $(( $4 * 4 )) ]; do
			sleep 0.25
			r=$(rss $pid); [ "$r" -gt "$peak" ] && peak=$r
			i=$((i + 1))
		done
		r2=$(rss $pid)
		kill $pid 2>/dev/null
		for k in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
		kill -9 $pid 2>/dev/null || true
		echo "$t0 $t1 $r1 $r2 $peak" | awk "{printf \"window %.2f s  rss at window %d MB  after %ss %d MB  peak %d MB\n\", \$2-\$1, \$3, $4, \$4, \$5}"
	' sh "$bin" "$data" "$1" "$settle"
}

echo "== start (opens on the default screen): $bin --data $data"
i=0; while [ $i -lt "$runs" ]; do one ""; i=$((i + 1)); done
echo "== start on the worklist: $bin --data $data --screen overview"
i=0; while [ $i -lt "$runs" ]; do one "--screen overview"; i=$((i + 1)); done
