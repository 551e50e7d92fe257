# The CLI scenario run by scripts/wine-test.sh with the Linux CLI and with
# the installed Windows CLI under Wine; the two dumps must match (ids and
# times aside). Sourced: the caller defines
#   cli ARGS...   run hoanhap-cli with its data folder (stdin passed through)
#   $out          a folder for this run's outputs
# To cover a new command, add a step here: `step NAME cli ARGS...` saves the
# output to $out/NAME.txt and stops the scenario when the command fails;
# `expect NAME TEXT` checks that the output holds TEXT. `read_step` is
# `step` for a command that writes nothing: when it fails having printed
# nothing at all (the CLI always explains a failure on stderr, so this is
# Wine's process dying, seen about once in a dozen CI runs), it is run once
# more and the retry is reported.

# Decomposed (NFD) Vietnamese, as Unikey's "Unicode tổ hợp" types it:
# "Lê Thị Hồng Nhung" with every accent a combining mark.
NFD_NAME=$(printf 'Le\314\202 Thi\314\243 Ho\314\202\314\200ng Nhung')
NFD_HONG=$(printf 'Ho\314\202\314\200ng')

step() {
	name=$1
	shift
	rc=0
	"$@" >"$out/$name.txt" 2>"$out/$name.err" || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "scenario: step $name failed (exit status $rc): $*" >&2
		cat "$out/$name.err" "$out/$name.txt" >&2
		return 1
	fi
}

read_step() {
	name=$1
	shift
	rc=0
	"$@" >"$out/$name.txt" 2>"$out/$name.err" || rc=$?
	[ "$rc" -eq 0 ] && return 0
	if [ -s "$out/$name.txt" ] || [ -s "$out/$name.err" ]; then
		echo "scenario: step $name failed (exit status $rc): $*" >&2
		cat "$out/$name.err" "$out/$name.txt" >&2
		return 1
	fi
	echo "scenario: step $name died silently (exit status $rc); running it once more" >&2
	step "$name" "$@"
}

expect() {
	if ! grep -qF -- "$2" "$out/$1.txt"; then
		echo "scenario: step $1: output lacks \"$2\":" >&2
		cat "$out/$1.txt" >&2
		return 1
	fi
}

scenario() {
	step init cli init --unit "Phường Bến Nghé" &&
	step demo cli demo --seed 7 --today 2026-12-01 --persons 40 &&
	# person add reads JSON on stdin; the name is NFD, the store keeps NFC.
	printf '{"full_name":"%s","gender":"female","birth_date":"1990","status":"managed","hamlet":"Tổ dân phố 3","offense":"Trộm cắp tài sản","sentence_kind":"prison","sentence_months":24,"completed_on":"2025-06-30","civil_obligations":{"none":true}}' \
		"$NFD_NAME" >"$out/person.json" &&
	step person_add cli person add <"$out/person.json" &&
	# Search without diacritics, and with a decomposed word on the command line.
	read_step search_plain cli search --json "le thi hong nhung" &&
	expect search_plain '"full_name": "Lê Thị Hồng Nhung"' &&
	read_step search_nfd cli search --json "$NFD_HONG" &&
	expect search_nfd '"full_name": "Lê Thị Hồng Nhung"' &&
	read_step person_list cli person list --json --status all --q "nhung" &&
	expect person_list '"full_name": "Lê Thị Hồng Nhung"' &&
	read_step worklist cli worklist --json --on 2026-12-01 &&
	read_step dump cli dump
}
