package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// loansView lists loans with search and filters by status, purpose and
// borrower kind; the selected loan's QĐ 22/2023 warnings show below.
type loansView struct {
	s       *supportScreen
	all     []store.LoanRow
	loads   loader // the list read off the UI thread
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
	headers := headerTexts("loan.col.borrower", "loan.col.purpose", "loan.col.amount", "loan.col.requested_on",
		"loan.col.disbursed_on", "loan.col.term", "loan.col.status", "loan.col.warnings")
	widths := []float32{190, 95, 122, 92, 92, 76, 104, 150}
	v.Table = dataTable(headers, widths, func() int { return len(v.Shown) }, v.cell, v.selected)
	newBtn := widget.NewButtonWithIcon(i18n.T("support.ui.loan_new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Loan{}) })
	newBtn.Importance = widget.HighImportance
	editBtn := widget.NewButtonWithIcon(i18n.T("support.ui.edit"), theme.DocumentCreateIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			v.openForm(v.Shown[v.sel].Loan)
		}
	})
	s.writers = append(s.writers, newBtn, editBtn)
	top := container.NewVBox(supFilterBar(v.Search, v.Status, v.Purpose, v.Kind), container.NewHBox(newBtn, editBtn, exportButton(s.data, "loans", nil), v.Count))
	v.root = container.NewBorder(top, v.Detail, nil, nil, fillTable(v.Table, headers, widths, 7))
	v.reload()
	return v
}

// reload reads the loans matching the filters, then applies the search.
func (v *loansView) reload() {
	flt := store.LoanFilter{
		Status:       caseload.LoanStatus(v.Status.Value()),
		Purpose:      caseload.LoanPurpose(v.Purpose.Value()),
		BorrowerKind: caseload.BorrowerKind(v.Kind.Value()),
	}
	loadList(&v.loads, v.Count, func() ([]store.LoanRow, error) { return v.s.data.Loans(opCtx(), flt) },
		func(rows []store.LoanRow) { v.all = rows; v.filter() })
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
	v.s.showForm(f.formFrame)
	return f
}
