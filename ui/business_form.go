package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// businessForm adds or edits a partner business.
type businessForm struct {
	*formFrame
	rec             caseload.Business
	Name            *keyEntry
	Address         *keyEntry
	Representative  *keyEntry
	Phone           *keyEntry
	Workers         *intEntry
	ReturneeWorkers *intEntry
	IncomeNotes     *keyEntry
	Notes           *keyEntry
}

func newBusinessForm(win fyne.Window, data modelData, rec caseload.Business, saved func()) *businessForm {
	f := &businessForm{rec: rec, Name: newKeyEntry(), Address: newKeyEntry(), Representative: newKeyEntry(), Phone: newKeyEntry(),
		Workers: newIntEntry(), ReturneeWorkers: newIntEntry(), IncomeNotes: newKeyMultiLine(), Notes: newKeyMultiLine()}
	f.Name.SetText(rec.Name)
	f.Address.SetText(rec.Address)
	f.Representative.SetText(rec.Representative)
	f.Phone.SetText(rec.Phone)
	f.Workers.SetInt(rec.Workers)
	f.ReturneeWorkers.SetInt(rec.ReturneeWorkers)
	f.IncomeNotes.SetText(rec.IncomeNotes)
	f.Notes.SetText(rec.Notes)
	items := []*widget.FormItem{
		formItem("business.field.name", f.Name),
		formItem("business.field.address", f.Address),
		formItem("business.field.representative", f.Representative),
		formItem("business.field.phone", f.Phone),
		formItem("business.field.workers", f.Workers),
		formItem("business.field.returnee_workers", f.ReturneeWorkers),
		formItem("business.field.income_notes", f.IncomeNotes),
		formItem("business.field.notes", f.Notes),
	}
	title := i18n.T("business.ui.new")
	if rec.ID != "" {
		title = i18n.T("business.ui.edit")
	}
	f.formFrame = newFormFrame(win, title, items, "business.field.", func() error {
		r := f.rec
		r.Name, r.Address, r.Representative, r.Phone = f.Name.Value(), f.Address.Value(), f.Representative.Value(), f.Phone.Value()
		r.IncomeNotes, r.Notes = f.IncomeNotes.Value(), f.Notes.Value()
		var err error
		if r.Workers, err = f.Workers.Int(); err != nil {
			return supUserError{i18n.T("business.field.workers") + ": " + i18n.T("support.ui.not_a_number")}
		}
		if r.ReturneeWorkers, err = f.ReturneeWorkers.Int(); err != nil {
			return supUserError{i18n.T("business.field.returnee_workers") + ": " + i18n.T("support.ui.not_a_number")}
		}
		if err := data.SaveBusiness(opCtx(), &r); err != nil {
			return err
		}
		f.rec = r
		return nil
	})
	f.onSaved = saved
	return f
}
