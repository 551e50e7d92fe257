package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/i18n"
)

// layoutSizes are the windows every main screen must be usable in: a
// common ward laptop (1024×700 once the taskbar is counted), a common
// office screen, and the default window.
var layoutSizes = []fyne.Size{{Width: 1024, Height: 700}, {Width: 1366, Height: 768}, {Width: 1280, Height: 800}}

// TestEveryScreenFitsTheWindow checks that no area and no tab of a
// person's profile needs more than each window of layoutSizes, so nothing
// is clipped on a ward office screen (a widget whose minimum size is wider
// forces the whole window wider than the screen).
func TestEveryScreenFitsTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	if err := demo.Ensure(st); err != nil {
		t.Fatal(err)
	}
	for _, size := range layoutSizes {
		t.Run(sizeName(size), func(t *testing.T) { screensFit(t, u, size) })
	}
}

// sizeName is "1024x700".
func sizeName(s fyne.Size) string { return fmt.Sprintf("%.0fx%.0f", s.Width, s.Height) }

// screensFit opens every area, screen and profile tab in a window of
// size limit and checks that none needs more.
func screensFit(t *testing.T, u *App, limit fyne.Size) {
	u.win.Resize(limit)
	fits := func(what string) {
		t.Helper()
		if m := u.win.Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
			t.Errorf("%s needs %v, more than the %v window", what, m, limit)
		}
	}
	for i, a := range u.areas {
		u.show(i)
		fits(a.key)
	}
	for _, screen := range []string{"person-new", "person-first", "person-support", "reception", "quarter-list", "mentors", "models"} {
		u.Open(screen)
		fits(screen)
	}
	u.Open("person-first")
	tabs, ok := u.list.stack.Objects[0].(*container.AppTabs)
	if !ok {
		t.Fatal("the profile is not a tab container")
	}
	for i, it := range tabs.Items {
		tabs.SelectIndex(i)
		fits("profile tab " + it.Text)
	}
}

// TestMainScreensUsableAtSmallSizes checks, in each window of
// layoutSizes, what was cut at 1024×700: every caseload column on
// screen (the status in English too), the worklist's rule column on
// screen, the profile's summary at its readable width, and the visit
// form's fields wide enough for their placeholders.
func TestMainScreensUsableAtSmallSizes(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, size := range layoutSizes {
			t.Run(lang+"-"+sizeName(size), func(t *testing.T) {
				i18n.SetLanguage(lang)
				defer i18n.SetLanguage("vi")
				u, st := newTestUI(t)
				seed(t, st, caseload.Person{FullName: "Nguyễn Thị Phương Thảo", Hamlet: "Tổ dân phố số 12",
					Offense: "Trộm cắp tài sản", Status: caseload.StatusManaged})
				u.win.Resize(size)
				screensUsable(t, u)
			})
		}
	}
}

func screensUsable(t *testing.T, u *App) {
	t.Helper()
	// Caseload: the columns fit the table's width.
	u.ShowArea("nav.caseload")
	v := u.list
	v.columns.Layout([]fyne.CanvasObject{v.table}, v.table.Size())
	var sum float32
	for _, w := range v.columns.last {
		sum += w
	}
	sum += theme.Padding() * float32(numCols-1)
	if sum > v.table.Size().Width {
		t.Errorf("caseload columns need %v, the table is %v wide: the last column is off-screen", sum, v.table.Size().Width)
	}
	status := widget.NewLabel(enumLabel("person.status", string(caseload.StatusManaged))).MinSize().Width
	if v.columns.last[colStatus] < status {
		t.Errorf("status column %v narrower than %q (%v)", v.columns.last[colStatus],
			enumLabel("person.status", string(caseload.StatusManaged)), status)
	}

	// Worklist: the rule column on screen.
	ov := u.buildOverviewArea()
	u.content.Objects = []fyne.CanvasObject{ov.stack}
	u.content.Refresh()
	var wl float32
	for c := range workCols {
		wl += workColWidth(ov, c)
	}
	wl += theme.Padding() * float32(len(workCols)-1)
	if tw := ov.Table.Size().Width; wl > tw {
		t.Errorf("worklist columns need %v, the table is %v wide: the rule is cut", wl, tw)
	}

	// Profile: the summary beside the form keeps its width.
	u.ShowArea("nav.caseload")
	u.list.openPerson(u.list.rows[0].id)
	if w := u.list.form.panel.root.Size().Width; w < panelMinWidth-1 {
		t.Errorf("the profile's summary is %v wide, want at least %v", w, panelMinWidth)
	}
	u.list.form.RequestClose()

	// Visit form: every field shows its whole placeholder.
	va := u.buildVisitsArea()
	u.content.Objects = []fyne.CanvasObject{va.content()}
	u.content.Refresh()
	for _, e := range []*widget.Entry{&va.Form.Picker.Entry.Entry, &va.Form.Date.Entry.Entry} {
		need := widget.NewLabel(e.PlaceHolder).MinSize().Width
		if e.Size().Width < need {
			t.Errorf("a visit field is %v wide, its placeholder %q needs %v", e.Size().Width, e.PlaceHolder, need)
		}
	}
}

// workColWidth is the width of worklist column c as laid out.
func workColWidth(ov *overviewArea, c int) float32 {
	l := ov.tableBox.Layout.(*fillLayout)
	if c == l.flex {
		return l.last
	}
	return l.widths[c]
}
