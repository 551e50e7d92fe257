package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// exportButtons finds the enabled, visible "Xuất Excel" buttons in o's
// tree, selecting every tab of the tab containers on the way.
func exportButtons(o fyne.CanvasObject) int {
	n := 0
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == i18n.T("report.ui.export") && !x.Disabled() && x.Visible() {
			n++
		}
	case *container.AppTabs:
		for i, it := range x.Items {
			x.SelectIndex(i)
			n += exportButtons(it.Content)
		}
	case *container.Split:
		n += exportButtons(x.Leading) + exportButtons(x.Trailing)
	case *container.Scroll:
		n += exportButtons(x.Content)
	case *fyne.Container:
		for _, c := range x.Objects {
			n += exportButtons(c)
		}
	}
	return n
}

func TestEveryListHasAnExportButton(t *testing.T) {
	u, _ := newTestUI(t)
	want := map[string]int{
		"nav.overview": 1, // worklist
		"nav.caseload": 1,
		"nav.visits":   2, // visit log, HCD-09 list
		"nav.mentors":  1,
		"nav.models":   1,
		"nav.support":  4, // loans, Mẫu 01, supports, exemplary
	}
	for area, n := range want {
		u.ShowArea(area)
		if got := exportButtons(u.content); got < n {
			t.Errorf("%s: %d export buttons, want %d", area, got, n)
		}
	}
}
