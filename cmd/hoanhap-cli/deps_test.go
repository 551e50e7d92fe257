package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCLILinksNoFyne checks that the command-line tool does not link the
// GUI toolkit: it must build and run on a server without a display, and
// stay small.
func TestCLILinksNoFyne(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	out, err := exec.Command(goBin, "list", "-deps", "hoanhap/cmd/hoanhap-cli").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	var fyne []string
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") {
			fyne = append(fyne, pkg)
		}
	}
	if len(fyne) > 0 {
		t.Errorf("hoanhap-cli links %d Fyne packages, want none; first: %s", len(fyne), fyne[0])
	}
	if !strings.Contains(string(out), "hoanhap/store") {
		t.Errorf("go list -deps output does not name hoanhap/store; the check would pass vacuously:\n%.500s", out)
	}
}
