package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// supportForm adds or edits a support measure.
type supportForm struct {
	*formFrame
	rec      caseload.Support
	Person   *personPicker
	Kind     *enumSelect
	Date     *DateEntry
	Provider *keyEntry
	Outcome  *keyEntry
	Amount   *moneyEntry
	Employer *keyEntry
	Income   *moneyEntry
	EndedOn  *DateEntry
	Notes    *keyEntry
}

// newSupportForm builds the form for rec; a non-empty rec.PersonID fixes
// the person (from a profile).
func newSupportForm(win fyne.Window, data supportData, rec caseload.Support, saved func()) *supportForm {
	f := &supportForm{rec: rec, Person: newPersonPicker(data, nil), Date: NewDateEntry(), Provider: newKeyEntry(),
		Outcome: newKeyEntry(), Amount: newMoneyEntry(), Employer: newKeyEntry(), Income: newMoneyEntry(),
		EndedOn: NewDateEntry(), Notes: newKeyMultiLine()}
	f.Kind = newEnumSelect("support.kind", enumValues(caseload.SupportKinds), false, func(string) { f.showKindFields() })
	if rec.PersonID != "" {
		f.Person.SetID(rec.PersonID)
	}
	if rec.Kind == "" {
		rec.Kind = caseload.SupportCounselling
	}
	if rec.Date.IsZero() {
		rec.Date = caseload.Today()
	}
	f.Kind.SetValue(string(rec.Kind))
	f.Date.SetDate(rec.Date)
	f.Provider.SetText(rec.Provider)
	f.Outcome.SetText(rec.Outcome)
	f.Amount.SetAmount(rec.Amount)
	f.Employer.SetText(rec.Employer)
	f.Income.SetAmount(rec.Income)
	f.EndedOn.SetDate(rec.EndedOn)
	f.Notes.SetText(rec.Notes)
	items := []*widget.FormItem{
		formItem("support.field.person_id", f.Person.Object()),
		formItem("support.field.kind", f.Kind.Select),
		formItem("support.field.date", f.Date),
		formItem("support.field.provider", f.Provider),
		formItem("support.field.outcome", f.Outcome),
		formItem("support.field.amount", f.Amount),
		formItem("support.field.employer", f.Employer),
		formItem("support.field.income", f.Income),
		formItem("support.field.ended_on", f.EndedOn),
		formItem("support.field.notes", f.Notes),
	}
	title := i18n.T("support.ui.support_new")
	if rec.ID != "" {
		title = i18n.T("support.ui.support_edit")
	}
	f.formFrame = newFormFrame(win, title, items, "support.field.", func() error { return f.save(data) })
	f.onSaved = saved
	f.showKindFields()
	return f
}

// showKindFields enables the employment fields only for employment and the
// amount only where it applies.
func (f *supportForm) showKindFields() {
	k := caseload.SupportKind(f.Kind.Value())
	for _, w := range []*keyEntry{f.Employer, f.Income.keyEntry} {
		if k == caseload.SupportEmployment {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if k == caseload.SupportEmployment {
		f.EndedOn.SetReadOnly(false)
	} else {
		f.EndedOn.SetReadOnly(true)
	}
	if k.HasAmount() {
		f.Amount.Enable()
	} else {
		f.Amount.Disable()
	}
}

func (f *supportForm) save(data supportData) error {
	r := f.rec
	r.PersonID = f.Person.ID()
	r.Kind = caseload.SupportKind(f.Kind.Value())
	r.Date = f.Date.Date()
	r.Provider, r.Outcome, r.Notes = f.Provider.Value(), f.Outcome.Value(), f.Notes.Value()
	var err error
	if r.Amount, err = f.Amount.Amount(); err != nil {
		return err
	}
	r.Employer, r.EndedOn = "", caseload.Date{}
	r.Income = 0
	if r.Kind == caseload.SupportEmployment {
		r.Employer, r.EndedOn = f.Employer.Value(), f.EndedOn.Date()
		if r.Income, err = f.Income.Amount(); err != nil {
			return err
		}
	}
	if !r.Kind.HasAmount() {
		r.Amount = 0
	}
	if err := f.Date.Err(); err != nil {
		return err
	}
	if err := data.SaveSupport(opCtx(), &r); err != nil {
		return err
	}
	before := f.rec.PersonID
	f.rec = r
	// The profile's side panel shows the current job: refresh it.
	panelJobsChanged(r.PersonID)
	if before != "" && before != r.PersonID {
		panelJobsChanged(before)
	}
	return nil
}
