package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"hoanhap/demo"
)

// TestReportShots saves PNGs of the report screen and of the overview with
// its dashboard on the demo ward at 1280x800, drawn by Fyne's software
// painter, into the folder named by HOANHAP_SHOTS (skipped when unset).
func TestReportShots(t *testing.T) {
	dir := os.Getenv("HOANHAP_SHOTS")
	if dir == "" {
		t.Skip("set HOANHAP_SHOTS to a folder to save the screenshots")
	}
	u, st := newTestUI(t)
	if err := demo.Ensure(st); err != nil {
		t.Fatal(err)
	}
	shot := func(name string) {
		for _, w := range []float32{1279, 1280} {
			u.win.Resize(fyne.NewSize(w, 800))
			u.win.Content().Refresh()
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	a := u.buildReportsArea()
	u.replaceContent(a.content)
	waitFor(t, "the report", func() bool { return a.current != nil && a.pending == 0 })
	shot("reports")
	ov := u.buildOverviewArea()
	u.replaceContent(ov.stack)
	waitFor(t, "the dashboard", func() bool { return u.win.Content() != nil })
	// The dashboard loads in the background: give it a moment.
	for i := 0; i < 50; i++ {
		fyne.DoAndWait(func() {})
	}
	shot("overview-dashboard")
}
