package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// supportTabs returns the support tabs of a person's profile: one "Hỗ
// trợ" tab with the current job at a glance, the support history, the
// loans and any recognition as an exemplary person.
func (u *App) supportTabs(personID string) []*container.TabItem {
	if personID == "" {
		return nil
	}
	v := newPersonSupportView(u.win, u.st, personID)
	if u.sess.readOnly() || u.sess.isMentor() {
		v.setReadOnly()
	}
	return []*container.TabItem{container.NewTabItemWithIcon(i18n.T("support.ui.person_tab"), theme.ListIcon(), v.Root)}
}

// personSupportView is the "Hỗ trợ" tab of one person.
type personSupportView struct {
	win      fyne.Window
	data     supportData
	personID string

	Employment *widget.Label
	Supports   []caseload.Support
	Loans      *widget.Label
	Exemplary  *widget.Label
	Links      *widget.Label
	History    *widget.Table
	Root       fyne.CanvasObject

	readOnly bool               // leader or mentor: forms open as views
	writers  []fyne.Disableable // the buttons that add records
}

func newPersonSupportView(win fyne.Window, data supportData, personID string) *personSupportView {
	v := &personSupportView{win: win, data: data, personID: personID}
	wrap := func(l *widget.Label) *widget.Label { l.Wrapping = fyne.TextWrapWord; return l }
	v.Employment = wrap(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.Loans = wrap(widget.NewLabel(""))
	v.Exemplary = wrap(widget.NewLabel(""))
	v.Links = wrap(widget.NewLabel(""))
	headers := headerTexts("support.col.date", "support.col.kind", "support.col.provider", "support.col.detail", "support.col.amount")
	widths := []float32{92, 200, 200, 220, 115}
	v.History = dataTable(headers, widths, func() int { return len(v.Supports) }, v.cell, func(row int) { v.openSupport(v.Supports[row]) })
	addSupport := widget.NewButtonWithIcon(i18n.T("support.ui.support_new"), theme.ContentAddIcon(), func() {
		v.openSupport(caseload.Support{PersonID: personID})
	})
	addLoan := widget.NewButtonWithIcon(i18n.T("support.ui.loan_new"), theme.ContentAddIcon(), func() {
		v.openLoan(caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: personID})
	})
	addEx := widget.NewButtonWithIcon(i18n.T("exemplary.ui.new"), theme.ConfirmIcon(), func() {
		v.openExemplary(caseload.Exemplary{PersonID: personID})
	})
	v.writers = []fyne.Disableable{addSupport, addLoan, addEx}
	glance := container.NewVBox(
		widget.NewCard(i18n.T("support.ui.employment_now"), "", v.Employment),
		container.NewGridWithColumns(2,
			widget.NewCard(i18n.T("support.ui.person_loans"), "", v.Loans),
			widget.NewCard(i18n.T("support.ui.person_exemplary"), "", container.NewVBox(v.Exemplary, v.Links))),
		container.NewHBox(addSupport, addLoan, addEx),
		widget.NewLabelWithStyle(i18n.T("support.ui.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	v.Root = container.NewBorder(glance, nil, nil, nil, fillTable(v.History, headers, widths, 3))
	v.Reload()
	return v
}

// Reload reads the person's support, loans and recognitions again.
func (v *personSupportView) Reload() {
	ctx := opCtx()
	list, err := v.data.PersonSupports(ctx, v.personID)
	if err != nil {
		v.Employment.SetText(i18n.Error(err))
		return
	}
	v.Supports = list
	v.Employment.SetText(supEmploymentText(list, caseload.Today()))
	v.History.Refresh()

	var lines []string
	if loans, err := v.data.Loans(ctx, storeLoanFilterPerson(v.personID)); err == nil {
		for _, l := range loans {
			line := i18n.T("support.ui.loan_line", "Amount", i18n.Money(l.Amount),
				"Purpose", enumLabel("support.loan.purpose", string(l.Purpose)),
				"Status", enumLabel("support.loan.status", string(l.Status)), "Date", showDate(l.RequestedOn))
			if len(l.Warnings) > 0 {
				line += "\n" + supWarningsText(l.Warnings)
			}
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		lines = append(lines, i18n.T("support.ui.loans_none"))
	}
	if p, err := v.data.Person(ctx, v.personID); err == nil && !p.CompletedOn.IsZero() {
		end := caseload.LoanWindowClose(p.CompletedOn)
		key := "support.ui.window_open"
		if caseload.Today().After(end) {
			key = "support.ui.window_closed"
		}
		lines = append(lines, i18n.T(key, "Date", showDate(end)))
	}
	v.Loans.SetText(strings.Join(lines, "\n"))

	var ex []string
	if recs, err := v.data.PersonExemplary(ctx, v.personID); err == nil {
		for _, r := range recs {
			ex = append(ex, i18n.T("support.ui.exemplary_line", "Recognition", r.Recognition, "By", r.RecognizedBy,
				"Date", showDate(r.RecognizedOn)))
		}
	}
	if len(ex) == 0 {
		ex = append(ex, i18n.T("support.ui.exemplary_none"))
	}
	v.Exemplary.SetText(strings.Join(ex, "\n"))
	if links, err := v.data.PersonLinks(ctx, v.personID); err == nil && len(links) > 0 {
		models, biz := 0, 0
		for _, l := range links {
			if l.Kind == caseload.LinkModelPerson {
				models++
			} else {
				biz++
			}
		}
		var parts []string
		if models > 0 {
			parts = append(parts, i18n.T("support.ui.person_models", "Count", models))
		}
		if biz > 0 {
			parts = append(parts, i18n.T("support.ui.person_businesses", "Count", biz))
		}
		v.Links.SetText(strings.Join(parts, " "))
	} else {
		v.Links.SetText("")
	}
}

// supEmploymentText is the current job at a glance ("Đang làm việc tại
// … từ … — thu nhập 5.100.000 đ/tháng"), or that none is recorded.
func supEmploymentText(list []caseload.Support, day caseload.Date) string {
	e, ok := caseload.CurrentEmployment(list, day)
	if !ok {
		return i18n.T("support.ui.employment_none")
	}
	return i18n.T("support.ui.employment_line", "Employer", e.Employer, "Since", showDate(e.Date)) + supIncome(e.Income)
}

func supIncome(v int64) string {
	if v <= 0 {
		return ""
	}
	return " — " + i18n.T("support.ui.income_month", "Income", i18n.Money(v))
}

func (v *personSupportView) cell(row, col int) string {
	r := v.Supports[row]
	switch col {
	case 0:
		return showDate(r.Date)
	case 1:
		return enumLabel("support.kind", string(r.Kind))
	case 2:
		return r.Provider
	case 3:
		return supSupportDetail(r)
	case 4:
		if r.Amount == 0 {
			return ""
		}
		return i18n.Money(r.Amount)
	}
	return ""
}

// setReadOnly disables the buttons that add records; forms then open
// as views.
func (v *personSupportView) setReadOnly() {
	v.readOnly = true
	for _, w := range v.writers {
		w.Disable()
	}
}

// show opens a form of the tab: as a view in a read-only session. Closing
// it gives the profile its shortcuts back (formFrame.Show).
func (v *personSupportView) show(f *formFrame) { f.open(v.readOnly, nil) }

func (v *personSupportView) openSupport(rec caseload.Support) *supportForm {
	f := newSupportForm(v.win, v.data, rec, v.Reload)
	v.show(f.formFrame)
	return f
}

func (v *personSupportView) openLoan(rec caseload.Loan) *loanForm {
	f := newLoanForm(v.win, v.data, rec, v.Reload)
	v.show(f.formFrame)
	return f
}

func (v *personSupportView) openExemplary(rec caseload.Exemplary) *exemplaryForm {
	f := newExemplaryForm(v.win, v.data, rec, v.Reload)
	v.show(f.formFrame)
	return f
}
