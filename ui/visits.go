package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// visitSource is what the visit screens need from the store.
type visitSource interface {
	peopleLister
	AddVisit(ctx context.Context, v *caseload.Visit) error
	CorrectVisit(ctx context.Context, oldID string, v *caseload.Visit) error
	VisitLog(ctx context.Context, personID string) ([]caseload.VisitLogEntry, error)
	RecentVisits(ctx context.Context, limit int, only map[string]bool) ([]caseload.VisitLogEntry, error)
	Mentor(ctx context.Context, id string) (caseload.Mentor, error)
}

// recentVisitLimit is how many visits the visits area lists.
const recentVisitLimit = 500

// visitRow is one pre-formatted row of the recent visits table.
type visitRow struct {
	cells [5]string
	entry caseload.VisitLogEntry
}

// visitsArea is the "Thăm gặp" area: recent visits across the caseload and
// the fast keyboard-only entry form.
type visitsArea struct {
	u     *App
	src   visitSource
	Form  *visitForm
	Table *widget.Table
	Count *widget.Label
	loads loader
	rows  []visitRow
}

// newVisitsArea builds the "visits" area: the visit log and entry form,
// and the quarterly list by group (HCD-09, quarterlist.go).
func (u *App) newVisitsArea() fyne.CanvasObject {
	return container.NewAppTabs(
		container.NewTabItem(i18n.T("quarterlist.tab.visits"), u.buildVisitsArea().content()),
		container.NewTabItem(i18n.T("quarterlist.tab.list"), u.newQuarterListTab()),
	)
}

// buildVisitsArea builds the area and loads the recent visits.
func (u *App) buildVisitsArea() *visitsArea {
	a := &visitsArea{u: u, src: u.st}
	a.Form = newVisitForm(u.st, u.sess, u.personScope, "")
	a.Form.onSaved = func(caseload.Visit) { a.load() }
	a.Count = widget.NewLabel("")
	a.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(a.rows), 5 },
		func() fyne.CanvasObject { return widget.NewLabel("Nguyễn Văn Anh Tuấn") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(a.rows) || id.Col < 0 || id.Col >= 5 {
				l.SetText("")
				return
			}
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(a.rows[id.Row].cells[id.Col])
		})
	a.Table.ShowHeaderColumn = false
	a.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		keys := []string{"svui.visit.col.date", "svui.visit.col.person", "svui.visit.col.kind", "svui.visit.col.author", "svui.visit.col.summary"}
		if id.Col >= 0 && id.Col < len(keys) {
			o.(*widget.Label).SetText(i18n.T(keys[id.Col]))
		}
	}
	for i, w := range []float32{100, 190, 130, 150, 260} {
		a.Table.SetColumnWidth(i, w)
	}
	a.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(a.rows) {
			a.Table.UnselectAll()
			u.svOpenPerson(a.rows[id.Row].entry.PersonID)
		}
	}
	a.load()
	cv := u.win.Canvas()
	bindKeys(cv, func() bool { return u.areaShown("nav.visits") }, keyActions{
		save:      a.Form.save,
		newRecord: a.Form.clear,
		find:      func() { cv.Focus(a.Form.Picker.Entry) },
	})
	return a
}

// visitFormMinWidth keeps the visit form's fields wide enough for their
// placeholders beside the list in a 1024-wide window.
const visitFormMinWidth = 450

// content lays the area out: the list on the left, the entry form on the
// right.
func (a *visitsArea) content() fyne.CanvasObject {
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, a.exportButton(), heading("svui.visit.recent")), a.Count), nil, nil, nil, a.Table)
	split := container.NewHSplit(left, container.NewVScroll(minWidth(visitFormMinWidth, a.Form.content)))
	split.Offset = 0.56
	return split
}

// load reads the recent visits (synchronously; the list is bounded).
func (a *visitsArea) load() {
	only := a.u.personScope()
	a.loads.status = a.Count
	runLoad(&a.loads, func() ([]visitRow, error) {
		list, err := a.src.RecentVisits(opCtx(), recentVisitLimit, only)
		if err != nil {
			return nil, err
		}
		names := personNames(a.src, only)
		rows := make([]visitRow, 0, len(list))
		for _, e := range list {
			rows = append(rows, visitRow{entry: e, cells: [5]string{
				showDate(e.Date), names[e.PersonID], visitKindText(e), e.AuthorName, visitSummary(e.Visit),
			}})
		}
		return rows, nil
	}, func(err error) { a.Count.SetText(errorText(err)) }, func(rows []visitRow) {
		a.rows = rows
		a.Count.SetText(i18n.T("svui.visit.count", "Count", i18n.Number(len(a.rows))))
		a.Table.Refresh()
	})
}

// visitKindText is the kind label, marked when the entry was corrected.
func visitKindText(e caseload.VisitLogEntry) string {
	s := enumLabel("svui.visit.kind", string(e.Kind))
	if e.Corrected() {
		s += " · " + i18n.T("svui.visit.corrected")
	}
	return s
}

// visitSummary joins the filled observation fields in one line.
func visitSummary(v caseload.Visit) string {
	var out string
	add := func(key, val string) {
		if val == "" {
			return
		}
		if out != "" {
			out += "; "
		}
		out += i18n.T(key) + ": " + val
	}
	add("svui.field.attitude", v.Attitude)
	add("svui.field.employment", v.Employment)
	add("svui.field.risks", v.Risks)
	add("svui.field.help_needed", v.HelpNeeded)
	add("svui.field.help_given", v.HelpGiven)
	add("svui.field.family", v.Family)
	add("svui.field.health", v.Health)
	add("svui.field.income", moneyOrText(v.Income))
	return out
}

// moneyOrText shows a free-text amount typed as a bare number ("3000000")
// as money ("3.000.000 đ"); other text stays as typed.
func moneyOrText(s string) string {
	if n, err := i18n.ParseMoney(s); err == nil && n > 0 {
		return i18n.Money(n)
	}
	return s
}

// areaShown reports whether the area with the navigation key is on screen.
func (u *App) areaShown(key string) bool {
	return u.current >= 0 && u.current < len(u.areas) && u.areas[u.current].key == key
}
