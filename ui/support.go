package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// newSupportArea builds the "support" area: loans (with the monthly
// Mẫu 01 list), support measures and exemplary people.
func (u *App) newSupportArea() fyne.CanvasObject {
	s := newSupportScreen(u.win, u.st)
	if u.sess.readOnly() || u.sess.isMentor() {
		s.setReadOnly()
	}
	root := s.Root
	active := func() bool { return len(u.content.Objects) > 0 && u.content.Objects[0] == root }
	s.bind = func() {
		bindKeys(u.win.Canvas(), active, keyActions{find: s.focusSearch, newRecord: s.newRecord})
	}
	s.bind()
	return root
}

// supportScreen is the support area: one tab per list.
type supportScreen struct {
	win  fyne.Window
	data supportData
	bind func() // re-binds the area's shortcuts (after a form closes)

	readOnly bool               // leader: nothing can be added or changed
	writers  []fyne.Disableable // the buttons that add or change records

	Tabs      *container.AppTabs
	Loans     *loansView
	Mau01     *mau01View
	Supports  *supportsView
	Exemplary *exemplaryView
	Root      fyne.CanvasObject
}

func newSupportScreen(win fyne.Window, data supportData) *supportScreen {
	s := &supportScreen{win: win, data: data, bind: func() {}}
	s.Loans = newLoansView(s)
	s.Mau01 = newMau01View(s)
	s.Supports = newSupportsView(s)
	s.Exemplary = newExemplaryView(s)
	s.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_loans"), theme.ListIcon(), s.Loans.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_mau01"), theme.DocumentIcon(), s.Mau01.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_supports"), theme.ContentAddIcon(), s.Supports.root),
		container.NewTabItemWithIcon(i18n.T("support.ui.tab_exemplary"), theme.ConfirmIcon(), s.Exemplary.root),
	)
	s.Tabs.OnSelected = func(*container.TabItem) { s.reloadAll() }
	s.Root = s.Tabs
	return s
}

func (s *supportScreen) reloadAll() {
	s.Loans.reload()
	s.Mau01.reload()
	s.Supports.reload()
	s.Exemplary.reload()
}

// focusSearch puts the cursor in the current tab's search box (Ctrl+F).
func (s *supportScreen) focusSearch() {
	var e fyne.Focusable
	switch s.Tabs.SelectedIndex() {
	case 0:
		e = s.Loans.Search
	case 2:
		e = s.Supports.Search
	case 3:
		e = s.Exemplary.Search
	default:
		return
	}
	s.win.Canvas().Focus(e)
}

// newRecord opens the current tab's "new" form (Ctrl+N).
func (s *supportScreen) newRecord() {
	if s.readOnly {
		return
	}
	switch s.Tabs.SelectedIndex() {
	case 0, 1:
		s.Loans.openForm(caseload.Loan{})
	case 2:
		s.Supports.openForm(caseload.Support{})
	case 3:
		s.Exemplary.openForm(caseload.Exemplary{})
	}
}

// showForm shows a form and restores the area's shortcuts when it
// closes; in a read-only session the form is a view.
func (s *supportScreen) showForm(f *supForm) {
	f.restore = func() { s.bind() }
	if s.readOnly {
		f.setViewOnly()
	}
	f.Show()
}

// setReadOnly makes the area read-only (a leader): the buttons that add,
// change or mark records are disabled, Ctrl+N does nothing and the forms
// open as views.
func (s *supportScreen) setReadOnly() {
	s.readOnly = true
	for _, w := range s.writers {
		w.Disable()
	}
	s.Mau01.reload()
}

// loansView lists loans with search and filters by status, purpose and
// borrower kind; the selected loan's QĐ 22/2023 warnings show below.
type loansView struct {
	s       *supportScreen
	all     []store.LoanRow
	Shown   []store.LoanRow
	Search  *searchBox
	Status  *enumSelect
	Purpose *enumSelect
	Kind    *enumSelect
	Table   *widget.Table
	Count   *widget.Label
	Detail  *widget.Label
	sel     int
	root    fyne.CanvasObject
}

func newLoansView(s *supportScreen) *loansView {
	v := &loansView{s: s, sel: -1}
	v.Search = newSearchBox(i18n.T("support.ui.search_loans"), func(string) { v.filter() })
	refilter := func(string) { v.reload() }
	v.Status = newSupFilter("support.loan.status", enumValues(caseload.LoanStatuses), "support.filter.status_all", refilter)
	v.Purpose = newSupFilter("support.loan.purpose", enumValues(caseload.LoanPurposes), "support.filter.purpose_all", refilter)
	v.Kind = newSupFilter("support.filter.borrower", enumValues(caseload.BorrowerKinds), "support.filter.borrower_all", refilter)
	v.Count = widget.NewLabel("")
	v.Detail = widget.NewLabel("")
	v.Detail.Wrapping = fyne.TextWrapWord
	headers := supHeaders("loan.col.borrower", "loan.col.purpose", "loan.col.amount", "loan.col.requested_on",
		"loan.col.disbursed_on", "loan.col.term", "loan.col.status", "loan.col.warnings")
	widths := []float32{190, 95, 122, 92, 92, 76, 104, 150}
	v.Table = supTable(headers, widths, func() int { return len(v.Shown) }, v.cell, v.selected)
	newBtn := widget.NewButtonWithIcon(i18n.T("support.ui.loan_new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Loan{}) })
	newBtn.Importance = widget.HighImportance
	editBtn := widget.NewButtonWithIcon(i18n.T("support.ui.edit"), theme.DocumentCreateIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			v.openForm(v.Shown[v.sel].Loan)
		}
	})
	s.writers = append(s.writers, newBtn, editBtn)
	top := container.NewVBox(supFilterBar(v.Search, v.Status, v.Purpose, v.Kind), container.NewHBox(newBtn, editBtn, v.Count))
	v.root = container.NewBorder(top, v.Detail, nil, nil, supFill(v.Table, headers, widths, 7))
	v.reload()
	return v
}

// reload reads the loans matching the filters, then applies the search.
func (v *loansView) reload() {
	rows, err := v.s.data.Loans(supCtx(), store.LoanFilter{
		Status:       caseload.LoanStatus(v.Status.Value()),
		Purpose:      caseload.LoanPurpose(v.Purpose.Value()),
		BorrowerKind: caseload.BorrowerKind(v.Kind.Value()),
	})
	if err != nil {
		v.Count.SetText(i18n.Error(err))
		return
	}
	v.all = rows
	v.filter()
}

// filter applies the search box to the loaded rows.
func (v *loansView) filter() {
	q := v.Search.Value()
	v.Shown = v.Shown[:0:0]
	var total int64
	for _, r := range v.all {
		if supMatch(q, r.BorrowerName, r.BankBranch, r.Hamlet) {
			v.Shown = append(v.Shown, r)
			total += r.Amount
		}
	}
	v.sel = -1
	v.showDetail(widget.LowImportance, i18n.T("support.ui.loan_pick"))
	v.Table.UnselectAll()
	v.Table.Refresh()
	v.Count.SetText(i18n.T("support.ui.loans_count", "Count", i18n.Number(len(v.Shown)), "Total", i18n.Money(total)))
}

func (v *loansView) cell(row, col int) string {
	r := v.Shown[row]
	switch col {
	case 0:
		return r.BorrowerName
	case 1:
		return enumLabel("support.loan.purpose_short", string(r.Purpose))
	case 2:
		return i18n.Money(r.Amount)
	case 3:
		return showDate(r.RequestedOn)
	case 4:
		return showDate(r.DisbursedOn)
	case 5:
		if r.TermMonths == 0 {
			return ""
		}
		return i18n.T("support.ui.term_months", "Months", r.TermMonths)
	case 6:
		return enumLabel("support.loan.status", string(r.Status))
	case 7:
		return supWarningsShort(r.Warnings)
	}
	return ""
}

func (v *loansView) selected(row int) {
	v.sel = row
	r := v.Shown[row]
	if len(r.Warnings) == 0 {
		v.showDetail(widget.SuccessImportance, i18n.T("support.ui.loan_no_warnings"))
		return
	}
	v.showDetail(widget.WarningImportance, supWarningsText(r.Warnings))
}

// showDetail sets the text under the table: a hint, the all-clear or the
// warnings of the selected loan, each in its own colour.
func (v *loansView) showDetail(imp widget.Importance, text string) {
	v.Detail.Importance = imp
	v.Detail.SetText(text)
}

// openForm opens the loan form for rec (a new loan when rec.ID is empty).
func (v *loansView) openForm(rec caseload.Loan) *loanForm {
	f := newLoanForm(v.s.win, v.s.data, rec, func() { v.s.reloadAll() })
	v.s.showForm(f.supForm)
	return f
}

// mau01View is the monthly Mẫu 01 list: people who want a loan and are
// eligible on the 5th of the month (QĐ 22/2023 Art. 14(2)(c)), with the
// requests that cannot go on it and why.
type mau01View struct {
	s      *supportScreen
	year   int
	month  int
	Rows   []caseload.Mau01Row // eligible first
	Title  *widget.Label
	Count  *widget.Label
	Table  *widget.Table
	MarkBt *widget.Button
	root   fyne.CanvasObject
}

func newMau01View(s *supportScreen) *mau01View {
	first := supNextMau01(caseload.Today())
	v := &mau01View{s: s, year: first.Year, month: int(first.Month)}
	v.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Count = widget.NewLabel("")
	headers := supHeaders("support.mau01.col.no", "support.mau01.col.name", "support.mau01.col.hamlet",
		"support.mau01.col.completed", "support.mau01.col.window_end", "support.mau01.col.amount",
		"support.mau01.col.purpose", "support.mau01.col.eligible")
	widths := []float32{44, 180, 120, 92, 92, 122, 95, 180}
	v.Table = supTable(headers, widths, func() int { return len(v.Rows) }, v.cell, nil)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.shift(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.shift(1) })
	v.MarkBt = widget.NewButtonWithIcon(i18n.T("support.mau01.mark_sent"), theme.MailSendIcon(), v.confirmMark)
	s.writers = append(s.writers, v.MarkBt)
	note := widget.NewLabel(i18n.T("support.mau01.note"))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(prev, v.Title, next, v.MarkBt), v.Count, note)
	v.root = container.NewBorder(top, nil, nil, nil, supFill(v.Table, headers, widths, 7))
	v.reload()
	return v
}

// supNextMau01 is the date of the next list to send: the 5th of this
// month, or of next month once this month's 5th has passed.
func supNextMau01(today caseload.Date) caseload.Date {
	d := caseload.Mau01Date(today.Year, int(today.Month))
	if d.Before(today) {
		d = d.AddMonths(1)
	}
	return d
}

// ListDate is the date of the list shown: the 5th of the month.
func (v *mau01View) ListDate() caseload.Date { return caseload.Mau01Date(v.year, v.month) }

// SetMonth shows the list of another month.
func (v *mau01View) SetMonth(year, month int) {
	v.year, v.month = year, month
	v.reload()
}

func (v *mau01View) shift(n int) {
	d := v.ListDate().AddMonths(n)
	v.SetMonth(d.Year, int(d.Month))
}

func (v *mau01View) reload() {
	d := v.ListDate()
	v.Title.SetText(i18n.T("support.mau01.title", "Date", showDate(d)))
	rows, err := v.s.data.Mau01List(supCtx(), d)
	if err != nil {
		v.Count.SetText(i18n.Error(err))
		return
	}
	var ok, no []caseload.Mau01Row
	for _, r := range rows {
		if r.Eligible {
			ok = append(ok, r)
		} else {
			no = append(no, r)
		}
	}
	v.Rows = append(ok, no...)
	v.Count.SetText(i18n.T("support.mau01.count", "Eligible", len(ok), "Other", len(no)))
	if len(ok) == 0 || v.s.readOnly {
		v.MarkBt.Disable()
	} else {
		v.MarkBt.Enable()
	}
	v.Table.Refresh()
}

func (v *mau01View) cell(row, col int) string {
	r := v.Rows[row]
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		return r.Person.FullName
	case 2:
		return r.Person.Hamlet
	case 3:
		return showDate(r.Person.CompletedOn)
	case 4:
		return showDate(r.WindowEnd)
	case 5:
		return i18n.Money(r.Loan.Amount)
	case 6:
		return enumLabel("support.loan.purpose_short", string(r.Loan.Purpose))
	case 7:
		if r.Eligible {
			return i18n.T("support.mau01.eligible")
		}
		return i18n.T("support.mau01.not_eligible") + ": " + supWarningsJoin(r.Warnings)
	}
	return ""
}

// eligibleIDs are the loan ids of the eligible rows.
func (v *mau01View) eligibleIDs() []string {
	var ids []string
	for _, r := range v.Rows {
		if r.Eligible {
			ids = append(ids, r.Loan.ID)
		}
	}
	return ids
}

func (v *mau01View) confirmMark() {
	ids := v.eligibleIDs()
	d := dialog.NewConfirm(i18n.T("support.mau01.mark_sent"),
		i18n.T("support.mau01.mark_confirm", "Count", len(ids), "Date", showDate(v.ListDate())),
		func(ok bool) {
			if ok {
				v.MarkSent()
			}
		}, v.s.win)
	d.SetConfirmText(i18n.T("support.ui.confirm"))
	d.SetDismissText(i18n.T("support.ui.cancel"))
	d.Show()
}

// MarkSent records the list date on the eligible requests.
func (v *mau01View) MarkSent() {
	if v.s.readOnly {
		return
	}
	if err := v.s.data.MarkMau01Sent(supCtx(), v.ListDate(), v.eligibleIDs()); err != nil {
		dialog.ShowError(supUserError{i18n.Error(err)}, v.s.win)
	}
	v.s.reloadAll()
}

// supUserError is an error whose text is already translated.
type supUserError struct{ text string }

func (e supUserError) Error() string { return e.text }

// MessageKey passes the text through i18n.Error unchanged.
func (e supUserError) MessageKey() string { return "support.ui.text" }

// MessageArgs returns the text.
func (e supUserError) MessageArgs() map[string]any { return map[string]any{"Text": e.text} }

// supportsView lists support measures with search and a kind filter.
type supportsView struct {
	s      *supportScreen
	all    []store.SupportRow
	Shown  []store.SupportRow
	Search *searchBox
	Kind   *enumSelect
	Table  *widget.Table
	Count  *widget.Label
	root   fyne.CanvasObject
}

func newSupportsView(s *supportScreen) *supportsView {
	v := &supportsView{s: s}
	v.Search = newSearchBox(i18n.T("support.ui.search_supports"), func(string) { v.filter() })
	v.Kind = newSupFilter("support.kind", enumValues(caseload.SupportKinds), "support.filter.kind_all", func(string) { v.reload() })
	v.Count = widget.NewLabel("")
	headers := supHeaders("support.col.date", "support.col.person", "support.col.kind", "support.col.provider",
		"support.col.detail", "support.col.amount")
	widths := []float32{92, 180, 180, 180, 200, 115}
	v.Table = supTable(headers, widths, func() int { return len(v.Shown) }, v.cell, func(row int) { v.openForm(v.Shown[row].Support) })
	newBtn := widget.NewButtonWithIcon(i18n.T("support.ui.support_new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Support{}) })
	newBtn.Importance = widget.HighImportance
	s.writers = append(s.writers, newBtn)
	top := container.NewVBox(supFilterBar(v.Search, v.Kind), container.NewHBox(newBtn, v.Count))
	v.root = container.NewBorder(top, nil, nil, nil, supFill(v.Table, headers, widths, 4))
	v.reload()
	return v
}

func (v *supportsView) reload() {
	rows, err := v.s.data.Supports(supCtx(), store.SupportFilter{Kind: caseload.SupportKind(v.Kind.Value())})
	if err != nil {
		v.Count.SetText(i18n.Error(err))
		return
	}
	v.all = rows
	v.filter()
}

func (v *supportsView) filter() {
	q := v.Search.Value()
	v.Shown = v.Shown[:0:0]
	for _, r := range v.all {
		if supMatch(q, r.PersonName, r.Provider, r.Outcome, r.Employer) {
			v.Shown = append(v.Shown, r)
		}
	}
	v.Table.UnselectAll()
	v.Table.Refresh()
	v.Count.SetText(i18n.T("support.ui.supports_count", "Count", i18n.Number(len(v.Shown))))
}

func (v *supportsView) cell(row, col int) string {
	r := v.Shown[row]
	switch col {
	case 0:
		return showDate(r.Date)
	case 1:
		return r.PersonName
	case 2:
		return enumLabel("support.kind", string(r.Kind))
	case 3:
		return r.Provider
	case 4:
		return supSupportDetail(r.Support)
	case 5:
		if r.Amount == 0 {
			return ""
		}
		return i18n.Money(r.Amount)
	}
	return ""
}

// supSupportDetail is the outcome, or for a job the employer and income.
func supSupportDetail(s caseload.Support) string {
	if s.Kind == caseload.SupportEmployment {
		t := s.Employer
		if s.Income > 0 {
			t += " — " + i18n.T("support.ui.income_month", "Income", i18n.Money(s.Income))
		}
		if !s.EndedOn.IsZero() {
			t += " (" + i18n.T("support.ui.ended_on", "Date", showDate(s.EndedOn)) + ")"
		}
		return t
	}
	return s.Outcome
}

func (v *supportsView) openForm(rec caseload.Support) *supportForm {
	f := newSupportForm(v.s.win, v.s.data, rec, func() { v.s.reloadAll() })
	v.s.showForm(f.supForm)
	return f
}

// exemplaryView lists the exemplary people (gương hoàn lương) with a
// search box (diacritic- and case-insensitive).
type exemplaryView struct {
	s      *supportScreen
	all    []store.ExemplaryRow
	Rows   []store.ExemplaryRow // the rows shown
	Search *searchBox
	Table  *widget.Table
	Count  *widget.Label
	root   fyne.CanvasObject
}

func newExemplaryView(s *supportScreen) *exemplaryView {
	v := &exemplaryView{s: s}
	v.Search = newSearchBox(i18n.T("exemplary.ui.search"), func(string) { v.filter() })
	v.Count = widget.NewLabel("")
	headers := supHeaders("exemplary.field.person_id", "exemplary.field.recognition", "exemplary.field.recognized_by",
		"exemplary.field.recognized_on", "exemplary.field.story")
	widths := []float32{180, 230, 160, 92, 240}
	v.Table = supTable(headers, widths, func() int { return len(v.Rows) }, v.cell, func(row int) { v.openForm(v.Rows[row].Exemplary) })
	newBtn := widget.NewButtonWithIcon(i18n.T("exemplary.ui.new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Exemplary{}) })
	newBtn.Importance = widget.HighImportance
	s.writers = append(s.writers, newBtn)
	top := container.NewVBox(supFilterBar(v.Search), container.NewHBox(newBtn, v.Count))
	v.root = container.NewBorder(top, nil, nil, nil, supFill(v.Table, headers, widths, 4))
	v.reload()
	return v
}

func (v *exemplaryView) reload() {
	rows, err := v.s.data.Exemplaries(supCtx())
	if err != nil {
		v.Count.SetText(i18n.Error(err))
		return
	}
	v.all = rows
	v.filter()
}

// filter applies the search box to the loaded rows: name, recognition,
// recognising body and story.
func (v *exemplaryView) filter() {
	q := v.Search.Value()
	v.Rows = v.Rows[:0:0]
	for _, r := range v.all {
		if supMatch(q, r.PersonName, r.Recognition, r.RecognizedBy, r.Story) {
			v.Rows = append(v.Rows, r)
		}
	}
	v.Table.UnselectAll()
	v.Table.Refresh()
	v.Count.SetText(i18n.T("exemplary.ui.count", "Count", len(v.Rows)))
}

func (v *exemplaryView) cell(row, col int) string {
	r := v.Rows[row]
	switch col {
	case 0:
		return r.PersonName
	case 1:
		return r.Recognition
	case 2:
		return r.RecognizedBy
	case 3:
		return showDate(r.RecognizedOn)
	case 4:
		return r.Story
	}
	return ""
}

func (v *exemplaryView) openForm(rec caseload.Exemplary) *exemplaryForm {
	f := newExemplaryForm(v.s.win, v.s.data, rec, func() { v.s.reloadAll() })
	v.s.showForm(f.supForm)
	return f
}
