package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// cadenceOf parses the JSON printed by "settings cadence".
func cadenceOf(t *testing.T, out string) map[string]int {
	t.Helper()
	var m map[string]int
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("settings cadence printed %q: %v", out, err)
	}
	return m
}

func TestSettingsCadence(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "", "init", "--unit", "Phường Hòa Bình")

	// No flags: the defaults of docs/ARCHITECTURE.md section 7.
	m := cadenceOf(t, mustCLI(t, dir, "", "settings", "cadence"))
	if m["A"] != 90 || m["B"] != 30 || m["C"] != 14 || m["D"] != 0 || len(m) != 4 {
		t.Fatalf("default cadence = %v", m)
	}

	// Change B and C; A and D stay.
	m = cadenceOf(t, mustCLI(t, dir, "", "settings", "cadence", "--b", "45", "--c", "10"))
	if m["A"] != 90 || m["B"] != 45 || m["C"] != 10 || m["D"] != 0 {
		t.Fatalf("after --b 45 --c 10: %v", m)
	}
	if m = cadenceOf(t, mustCLI(t, dir, "", "settings", "cadence")); m["B"] != 45 || m["C"] != 10 {
		t.Fatalf("cadence not kept: %v", m)
	}
	mustCLI(t, dir, "", "settings", "cadence", "--d", "60")
	mustCLI(t, dir, "", "settings", "cadence", "--d", "0")
	if m = cadenceOf(t, mustCLI(t, dir, "", "settings", "cadence")); m["D"] != 0 {
		t.Fatalf("--d 0 should mean no regular visits: %v", m)
	}

	// Refused values: usage error (exit 2), nothing written.
	for _, args := range [][]string{
		{"--b", "0"}, {"--a", "abc"}, {"--c", "366"}, {"--d", "-1"}, {"--b", "45", "--a", "0"},
	} {
		code, out, errOut := cli(t, dir, "", append([]string{"settings", "cadence"}, args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, "từ 1 đến 365") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if m = cadenceOf(t, mustCLI(t, dir, "", "settings", "cadence")); m["A"] != 90 || m["B"] != 45 || m["C"] != 10 {
		t.Fatalf("a refused change was written: %v", m)
	}

	// Misuse: unknown sub-command, stray argument, unknown flag.
	for _, args := range [][]string{{"settings"}, {"settings", "colour"}, {"settings", "cadence", "extra"}, {"settings", "cadence", "--e", "3"}} {
		if code, _, errOut := cli(t, dir, "", args...); code != 2 || !strings.Contains(errOut, "settings cadence") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}
