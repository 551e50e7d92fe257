package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestReportShots saves PNGs of the report screen and of the overview with
// its dashboard on the demo ward at 1280x800, drawn by Fyne's software
// painter, into the folder named by HOANHAP_SHOTS (skipped when unset).
func TestReportShots(t *testing.T) {
	u, shot := shotsUI(t)
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
