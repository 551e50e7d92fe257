package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"hoanhap/demo"
)

// TestSupportShots saves PNGs of the support, models and person support
// screens (every tab) of the demo ward at 1280x800, drawn by Fyne's
// software painter, into the folder named by HOANHAP_SHOTS (skipped when
// it is not set). It is a tool for looking at the screens without a
// display.
func TestSupportShots(t *testing.T) {
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
	for _, screen := range []string{"support", "models", "person-support"} {
		u.Open(screen)
		tabs := supFindTabs(u.content)
		if tabs == nil || screen == "person-support" {
			shot(screen)
			continue
		}
		for i := range tabs.Items {
			tabs.SelectIndex(i)
			shot(screen + "-" + strconv.Itoa(i))
		}
	}
}

// supFindTabs returns the first tab container in o's tree.
func supFindTabs(o fyne.CanvasObject) *container.AppTabs {
	switch x := o.(type) {
	case *container.AppTabs:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if t := supFindTabs(c); t != nil {
				return t
			}
		}
	}
	return nil
}
