package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"hoanhap/demo"
)

// shotsUI opens the demo ward for the screenshot tests and returns the
// app and a function saving what the window shows, at 1280×800 drawn by
// Fyne's software painter, as NAME.png into the folder named by
// HOANHAP_SHOTS. The test is skipped when that variable is not set: the
// screenshot tests are tools for looking at the screens without a display.
func shotsUI(t *testing.T) (*App, func(name string)) {
	t.Helper()
	dir := os.Getenv("HOANHAP_SHOTS")
	if dir == "" {
		t.Skip("set HOANHAP_SHOTS to a folder to save the screenshots")
	}
	u, st := newTestUI(t)
	if err := demo.Ensure(st); err != nil {
		t.Fatal(err)
	}
	shot := func(name string) {
		// Wrapped labels know their height after a first layout: lay out
		// twice, as a real window does while it settles.
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
	return u, shot
}
