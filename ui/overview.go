package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// worklistSource is what the worklist needs from the store.
type worklistSource interface {
	peopleLister
	Worklist(ctx context.Context, today caseload.Date) ([]caseload.WorkItem, error)
	WorklistFor(ctx context.Context, today caseload.Date, mentorID string) ([]caseload.WorkItem, error)
	// FrozenPeople are the people a transfer order froze here: the
	// worklist offers no task for them and says how many there are.
	FrozenPeople(ctx context.Context) (map[string]bool, error)
}

// workCols are the message keys of the worklist columns.
var workCols = []string{"svui.work.col.due", "svui.work.col.kind", "svui.work.col.person", "svui.work.col.rule"}

// workRow is one worklist row: the short cells formatted when the list is
// filtered, the rule text (the longest) when the row is first shown, so
// that tens of thousands of items do not hold their sentences in memory.
type workRow struct {
	item  caseload.WorkItem
	due   dueState
	cells [4]string
}

// cell returns the text of column col.
func (r *workRow) cell(col int) string {
	if col == 3 && r.cells[3] == "" {
		r.cells[3] = i18n.TMap(r.item.Rule, r.item.Args.Map())
	}
	return r.cells[col]
}

// dueState is when a worklist item falls due, seen from today: already
// past (overdue, red), today (due, orange), or later. An item due today
// is not overdue: it still can be done in time.
type dueState int

const (
	dueLater dueState = iota
	dueToday
	dueOverdue
)

// dueOf is the state of an item due on due when today is today.
func dueOf(due, today caseload.Date) dueState {
	switch c := due.Compare(today); {
	case c < 0:
		return dueOverdue
	case c == 0:
		return dueToday
	}
	return dueLater
}

// importance is how a state's cells are drawn.
func (d dueState) importance() widget.Importance {
	switch d {
	case dueOverdue:
		return widget.DangerImportance
	case dueToday:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// dueText is the due cell: the date, marked today or overdue.
func dueText(due caseload.Date, d dueState) string {
	switch d {
	case dueOverdue:
		return i18n.T("work.due.overdue", "Date", showDate(due))
	case dueToday:
		return i18n.T("work.due.today", "Date", showDate(due))
	}
	return showDate(due)
}

// workKindText is the kind cell: a visit due today is "due", not
// "overdue".
func workKindText(it caseload.WorkItem, d dueState) string {
	if it.Kind == caseload.WorkVisitOverdue && d != dueOverdue {
		return i18n.T("work.kind.visit_due")
	}
	return workKindLabel(it.Kind)
}

// overviewArea is "Tổng quan": the worklist ("Việc cần làm") with a filter
// by kind, and the screens opened from it (prison notices, reception),
// shown in place with a "back" button.
type overviewArea struct {
	u     *App
	src   worklistSource
	stack *fyne.Container
	home  fyne.CanvasObject

	Kind      *widget.Select
	Table     *widget.Table
	Count     *widget.Label
	Frozen    *widget.Label   // "N người đang chuyển đi", hidden when none
	tableBox  *fyne.Container // the table, its rule column filling the width
	loads     loader
	NewNotice *widget.Button
	Notices   *widget.Button

	items  []caseload.WorkItem
	frozen map[string]bool // people frozen here by a transfer order
	rows   []workRow
	kinds  []string // "" (all) then caseload.WorkKinds
}

// newOverviewArea builds the "overview" area.
func (u *App) newOverviewArea() fyne.CanvasObject { return u.buildOverviewArea().stack }

// buildOverviewArea builds the area and loads the worklist.
func (u *App) buildOverviewArea() *overviewArea {
	a := &overviewArea{u: u, src: u.st}
	a.kinds = append([]string{""}, caseload.WorkKinds...)
	labels := make([]string, len(a.kinds))
	for i, k := range a.kinds {
		if k == "" {
			labels[i] = i18n.T("svui.work.all_kinds")
		} else {
			labels[i] = workKindLabel(k)
		}
	}
	a.Kind = widget.NewSelect(labels, func(string) { a.filter() })
	a.Kind.SetSelectedIndex(0)
	a.Count = widget.NewLabel("")
	a.Frozen = widget.NewLabel("")
	a.Frozen.Wrapping = fyne.TextWrapWord
	a.Frozen.Hide()
	a.NewNotice = widget.NewButtonWithIcon(i18n.T("svui.notice.new"), theme.MailComposeIcon(), func() { a.push(u.newNoticeView(a, "").content) })
	a.NewNotice.Importance = widget.HighImportance
	a.Notices = widget.NewButtonWithIcon(i18n.T("svui.notice.list"), theme.ListIcon(), func() { a.push(u.newNoticeList(a).content) })
	if u.sess.readOnly() {
		a.NewNotice.Disable()
	}
	if u.sess.isMentor() {
		// Prison notices concern people not yet assigned to anyone: a
		// mentor has no business with them (docs/ARCHITECTURE.md section 11).
		a.NewNotice.Hide()
		a.Notices.Hide()
	}
	a.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(a.rows), len(workCols) },
		// Two lines per row: the rule behind an item is a sentence the
		// officer must be able to read; the rare longer one (a long name)
		// ends with an ellipsis instead of spilling into the next row.
		func() fyne.CanvasObject { return widget.NewLabel("00/00/0000\n00/00/0000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
			if id.Col == len(workCols)-1 {
				l.Wrapping = fyne.TextWrapWord
			}
			if id.Row < 0 || id.Row >= len(a.rows) || id.Col < 0 || id.Col >= len(workCols) {
				l.SetText("")
				return
			}
			r := &a.rows[id.Row]
			l.Importance = widget.MediumImportance
			if id.Col == 0 || id.Col == 1 {
				l.Importance = r.due.importance()
			}
			l.SetText(r.cell(id.Col))
		})
	a.Table.ShowHeaderColumn = false
	a.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(workCols) {
			o.(*widget.Label).SetText(i18n.T(workCols[id.Col]))
		}
	}
	widths := []float32{165, 160, 170, 280}
	for i, w := range widths {
		a.Table.SetColumnWidth(i, w)
	}
	a.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(a.rows) {
			a.Table.UnselectAll()
			a.act(a.rows[id.Row].item)
		}
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, heading("svui.work.title"), container.NewHBox(exportButton(a.src, "worklist", a.exportFilter), a.Notices, a.NewNotice)),
		container.NewBorder(nil, nil, widget.NewLabel(i18n.T("svui.work.filter")), a.Count,
			container.NewGridWrap(fyne.NewSize(280, a.Kind.MinSize().Height), a.Kind)),
		a.Frozen)
	// The rule column takes the width the window leaves: at 1024×700 the
	// rule is still read in full on its two lines.
	headers := make([]string, len(workCols))
	for i, k := range workCols {
		headers[i] = i18n.T(k)
	}
	a.tableBox = fillTable(a.Table, headers, widths, len(workCols)-1)
	a.home = container.NewBorder(top, nil, nil, nil, a.tableBox)
	if !u.sess.isMentor() { // the dashboard counts the whole ward (dashboard.go)
		var need float32
		for _, w := range widths {
			need += w
		}
		a.home = newSidePanel(a.home, u.newDashboard().content, need+theme.Padding()*float32(len(widths)+2))
	}
	a.stack = container.NewStack(a.home)
	a.load()
	return a
}

// workKindLabel is the translated label of a worklist item kind.
func workKindLabel(kind string) string { return i18n.T("svui.work.kind." + kind) }

// load computes the worklist for today (only the mentor's items for a
// mentor user), synchronously.
func (a *overviewArea) load() {
	mentor, mentorID, today := a.u.sess.isMentor(), a.u.sess.MentorID, svToday()
	a.loads.status = a.Count
	type loaded struct {
		items  []caseload.WorkItem
		frozen map[string]bool
	}
	runLoad(&a.loads, func() (loaded, error) {
		var l loaded
		var err error
		if mentor {
			l.items, err = a.src.WorklistFor(opCtx(), today, mentorID)
		} else {
			l.items, err = a.src.Worklist(opCtx(), today)
		}
		if err == nil {
			l.frozen, err = a.src.FrozenPeople(opCtx())
		}
		return l, err
	}, func(err error) { a.Count.SetText(errorText(err)) }, func(l loaded) {
		a.items, a.frozen = l.items, l.frozen
		a.filter()
	})
}

// filter keeps the items of the chosen kind and formats them.
func (a *overviewArea) filter() {
	if a.Table == nil {
		return
	}
	kind := ""
	if i := a.Kind.SelectedIndex(); i > 0 && i < len(a.kinds) {
		kind = a.kinds[i]
	}
	scope := a.u.personScope()
	names := personNames(a.src, scope)
	a.rows = a.rows[:0]
	overdue, dueNow := 0, 0
	today := svToday()
	for _, it := range a.items {
		if kind != "" && it.Kind != kind {
			continue
		}
		if it.PersonID != "" && names[it.PersonID] == "" {
			continue // outside the user's scope
		}
		if scope != nil && it.PersonID == "" {
			continue // a unit-wide task (loan list…): not a mentor's
		}
		d := dueOf(it.Due, today)
		switch d {
		case dueOverdue:
			overdue++
		case dueToday:
			dueNow++
		}
		a.rows = append(a.rows, workRow{item: it, due: d, cells: [4]string{dueText(it.Due, d), workKindText(it, d),
			names[it.PersonID], ""}})
	}
	a.Count.SetText(i18n.T("work.count", "Count", i18n.Number(len(a.rows)), "Overdue", i18n.Number(overdue),
		"Today", i18n.Number(dueNow)))
	a.showFrozen(names)
	a.Table.Refresh()
}

// showFrozen says how many of the user's people are being transferred
// away (frozen here until the office completes the transfer): the store
// leaves their items out, and the line says why they are missing.
func (a *overviewArea) showFrozen(names map[string]string) {
	n := 0
	for id := range a.frozen {
		if names[id] != "" {
			n++
		}
	}
	if n == 0 {
		a.Frozen.Hide()
		return
	}
	a.Frozen.SetText(i18n.T("transfer.ui.worklist_frozen", "Count", i18n.Number(n)))
	a.Frozen.Show()
}

// act opens what a worklist item asks for.
func (a *overviewArea) act(it caseload.WorkItem) {
	u := a.u
	switch it.Kind {
	case caseload.WorkAddressCheck, caseload.WorkSenderAnswer, caseload.WorkNotReported, caseload.WorkUpwardReport:
		a.push(u.newNoticeView(a, it.RecordID).content)
	case caseload.WorkMentorDecision:
		u.showAssignDialog(it.PersonID, a.load)
	case caseload.WorkFileOpen:
		a.push(u.newReceptionView(a, it.PersonID).content)
	case caseload.WorkVisitOverdue, caseload.WorkQuarterlyReport:
		u.showVisitDialog(it.PersonID, it.Kind == caseload.WorkQuarterlyReport, a.load)
	case caseload.WorkLoanList:
		u.ShowArea("nav.support")
	default:
		if it.PersonID != "" {
			u.svOpenPerson(it.PersonID)
		}
	}
}

// push shows a screen in place of the worklist, with a back button.
func (a *overviewArea) push(content fyne.CanvasObject) {
	back := widget.NewButtonWithIcon(i18n.T("svui.common.back"), theme.NavigateBackIcon(), a.pop)
	a.stack.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(back), nil, nil, nil, content)}
	a.stack.Refresh()
}

// pop goes back to the worklist and reloads it.
func (a *overviewArea) pop() {
	a.stack.Objects = []fyne.CanvasObject{a.home}
	a.stack.Refresh()
	a.load()
}

// showVisitDialog opens the visit entry for one person in a dialog (from
// the worklist); quarterly preselects the mentor's quarterly report.
func (u *App) showVisitDialog(personID string, quarterly bool, saved func()) *visitForm {
	f := newVisitForm(u.st, u.sess, u.personScope, personID)
	if quarterly {
		f.Kind.SetValue(string(caseload.VisitQuarterlyReport))
	}
	var d dialog.Dialog
	f.onSaved = func(caseload.Visit) {
		d.Hide()
		if saved != nil {
			saved()
		}
	}
	var save func()
	if !f.Save.Disabled() {
		save = f.save
	}
	d = showFormDialog(u.win, i18n.T("svui.visit.new"), container.NewVScroll(f.content), fyne.NewSize(640, 640),
		i18n.T("svui.common.close"), save)
	f.focusFirst()
	return f
}
