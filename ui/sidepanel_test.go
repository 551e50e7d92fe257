package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The dashboard goes below the worklist when the window cannot hold both
// side by side, and never squeezes the worklist under its minimum.
func TestSidePanelBesideOrBelow(t *testing.T) {
	for _, c := range []struct {
		width  float32
		beside bool
	}{
		{860, false},  // 1024×700 less the navigation
		{1100, true},  // 1366×768 less the navigation
		{1700, true},  // a wide office screen
		{1000, false}, // the panel would be narrower than it may be
	} {
		main, side := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
		box := newSidePanel(main, side, 790)
		box.Resize(fyne.NewSize(c.width, 600))
		box.Layout.Layout(box.Objects, box.Size())
		got := side.Position().X > 0
		if got != c.beside {
			t.Errorf("width %v: beside = %v, want %v", c.width, got, c.beside)
		}
		if main.Size().Width < 790 && main.Size().Width != c.width {
			t.Errorf("width %v: worklist squeezed to %v", c.width, main.Size().Width)
		}
		if !got && side.Position().Y <= 0 {
			t.Errorf("width %v: panel neither beside nor below", c.width)
		}
	}
}
