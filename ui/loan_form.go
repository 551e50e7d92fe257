package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// loanForm adds or edits a loan under QĐ 22/2023. The rules of the
// decision are re-checked on every change and shown as warnings that cite
// the article; they do not block saving.
type loanForm struct {
	*formFrame
	rec        caseload.Loan
	businesses []store.BusinessRow

	Kind           *enumSelect
	Person         *personPicker
	Business       *widget.Select
	Purpose        *enumSelect
	Amount         *moneyEntry
	TrainingMonths *intEntry
	Bank           *keyEntry
	RequestedOn    *DateEntry
	ListDate       *DateEntry
	DisbursedOn    *DateEntry
	Term           *intEntry
	Status         *enumSelect
	Notes          *keyEntry
}

func newLoanForm(win fyne.Window, data supportData, rec caseload.Loan, saved func()) *loanForm {
	f := &loanForm{rec: rec, Person: newPersonPicker(data, nil), Amount: newMoneyEntry(), TrainingMonths: newIntEntry(),
		Bank: newKeyEntry(), RequestedOn: NewDateEntry(), ListDate: NewDateEntry(), DisbursedOn: NewDateEntry(),
		Term: newIntEntry(), Notes: newKeyMultiLine()}
	f.businesses, _ = data.Businesses(opCtx())
	names := make([]string, len(f.businesses))
	for i, b := range f.businesses {
		names[i] = b.Name
	}
	changed := func(string) { f.recheck() }
	f.Business = widget.NewSelect(names, changed)
	f.Business.PlaceHolder = i18n.T("support.ui.business_choose")
	f.Kind = newEnumSelect("support.loan.borrower", enumValues(caseload.BorrowerKinds), false, func(string) { f.showKind(); f.recheck() })
	f.Purpose = newEnumSelect("support.loan.purpose", enumValues(caseload.LoanPurposes), false, changed)
	f.Status = newEnumSelect("support.loan.status", enumValues(caseload.LoanStatuses), false, changed)
	f.Person.OnChanged = func(store.PersonRow) { f.recheck() }
	for _, e := range []*keyEntry{f.Amount.keyEntry, f.TrainingMonths.keyEntry, f.Term.keyEntry} {
		e.OnChanged = changed
	}
	for _, d := range []*DateEntry{f.RequestedOn, f.ListDate, f.DisbursedOn} {
		d.OnChanged = f.recheck
	}

	if rec.BorrowerKind == "" {
		rec.BorrowerKind = caseload.BorrowerPerson
	}
	if rec.Purpose == "" {
		rec.Purpose = caseload.PurposeBusiness
	}
	if rec.Status == "" {
		rec.Status = caseload.LoanRequested
	}
	if rec.RequestedOn.IsZero() {
		rec.RequestedOn = caseload.Today()
	}
	f.Kind.SetValue(string(rec.BorrowerKind))
	if rec.PersonID != "" {
		f.Person.SetID(rec.PersonID)
	}
	for i, b := range f.businesses {
		if b.ID == rec.BusinessID {
			f.Business.SetSelectedIndex(i)
		}
	}
	f.Purpose.SetValue(string(rec.Purpose))
	f.Amount.SetAmount(rec.Amount)
	f.TrainingMonths.SetInt(rec.TrainingMonths)
	f.Bank.SetText(rec.BankBranch)
	f.RequestedOn.SetDate(rec.RequestedOn)
	f.ListDate.SetDate(rec.ListDate)
	f.DisbursedOn.SetDate(rec.DisbursedOn)
	f.Term.SetInt(rec.TermMonths)
	f.Status.SetValue(string(rec.Status))
	f.Notes.SetText(rec.Notes)

	items := []*widget.FormItem{
		formItem("loan.field.borrower_kind", f.Kind.Select),
		formItem("loan.field.person_id", f.Person.Object()),
		formItem("loan.field.business_id", f.Business),
		formItem("loan.field.purpose", f.Purpose.Select),
		formItem("loan.field.amount", f.Amount),
		formItem("loan.field.training_months", f.TrainingMonths),
		formItem("loan.field.term_months", f.Term),
		formItem("loan.field.bank_branch", f.Bank),
		formItem("loan.field.requested_on", f.RequestedOn),
		formItem("loan.field.list_date", f.ListDate),
		formItem("loan.field.disbursed_on", f.DisbursedOn),
		formItem("loan.field.status", f.Status.Select),
		formItem("loan.field.notes", f.Notes),
	}
	title := i18n.T("support.ui.loan_new")
	if rec.ID != "" {
		title = i18n.T("support.ui.loan_edit")
	}
	f.formFrame = newFormFrame(win, title, items, "loan.field.", func() error { return f.save(data) })
	f.onSaved = saved
	f.showKind()
	f.recheck()
	return f
}

// showKind enables the person or the business field.
func (f *loanForm) showKind() {
	if caseload.BorrowerKind(f.Kind.Value()) == caseload.BorrowerBusiness {
		f.Person.SetDisabled(true)
		f.Business.Enable()
	} else {
		f.Person.SetDisabled(false)
		f.Business.Disable()
	}
}

// collect reads the widgets into a loan; amounts that do not parse are
// reported as the error.
func (f *loanForm) collect() (caseload.Loan, error) {
	r := f.rec
	r.BorrowerKind = caseload.BorrowerKind(f.Kind.Value())
	r.PersonID, r.BusinessID = "", ""
	if r.BorrowerKind == caseload.BorrowerPerson {
		r.PersonID = f.Person.ID()
	} else if i := f.Business.SelectedIndex(); i >= 0 && i < len(f.businesses) {
		r.BusinessID = f.businesses[i].ID
	}
	r.Purpose = caseload.LoanPurpose(f.Purpose.Value())
	r.Status = caseload.LoanStatus(f.Status.Value())
	r.BankBranch, r.Notes = f.Bank.Value(), f.Notes.Value()
	r.RequestedOn, r.ListDate, r.DisbursedOn = f.RequestedOn.Date(), f.ListDate.Date(), f.DisbursedOn.Date()
	var err error
	if r.Amount, err = f.Amount.Amount(); err != nil {
		return r, err
	}
	if r.TrainingMonths, err = f.TrainingMonths.Int(); err != nil {
		return r, err
	}
	if r.TermMonths, err = f.Term.Int(); err != nil {
		return r, err
	}
	for _, d := range []*DateEntry{f.RequestedOn, f.ListDate, f.DisbursedOn} {
		if err := d.Err(); err != nil {
			return r, err
		}
	}
	return r, nil
}

// facts returns what the rules need about the chosen borrower.
func (f *loanForm) facts(r caseload.Loan) caseload.LoanFacts {
	if r.BorrowerKind == caseload.BorrowerBusiness {
		for _, b := range f.businesses {
			if b.ID == r.BusinessID {
				return b.LoanFacts()
			}
		}
		return caseload.LoanFacts{}
	}
	return caseload.LoanFacts{CompletedOn: f.Person.Row().CompletedOn}
}

// recheck shows the QĐ 22/2023 warnings for the loan as typed.
func (f *loanForm) recheck() {
	if f.formFrame == nil {
		return
	}
	r, err := f.collect()
	if err != nil || (r.PersonID == "" && r.BusinessID == "") {
		f.warnings.SetText("")
		return
	}
	f.warnings.SetText(supWarningsText(caseload.CheckLoan(r, f.facts(r))))
}

func (f *loanForm) save(data supportData) error {
	r, err := f.collect()
	if err != nil {
		return err
	}
	if err := data.SaveLoan(opCtx(), &r); err != nil {
		return err
	}
	f.rec = r
	return nil
}
