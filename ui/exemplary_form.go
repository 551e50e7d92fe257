package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// exemplaryForm records the recognition of an exemplary person (gương
// hoàn lương).
type exemplaryForm struct {
	*formFrame
	rec          caseload.Exemplary
	Person       *personPicker
	Recognition  *keyEntry
	RecognizedBy *keyEntry
	RecognizedOn *DateEntry
	Story        *keyEntry
}

func newExemplaryForm(win fyne.Window, data supportData, rec caseload.Exemplary, saved func()) *exemplaryForm {
	f := &exemplaryForm{rec: rec, Person: newPersonPicker(data, nil), Recognition: newKeyEntry(), RecognizedBy: newKeyEntry(),
		RecognizedOn: NewDateEntry(), Story: newKeyMultiLine()}
	if rec.PersonID != "" {
		f.Person.SetID(rec.PersonID)
	}
	f.Recognition.SetText(rec.Recognition)
	f.RecognizedBy.SetText(rec.RecognizedBy)
	f.RecognizedOn.SetDate(rec.RecognizedOn)
	f.Story.SetText(rec.Story)
	f.Story.SetMinRowsVisible(6)
	items := []*widget.FormItem{
		formItem("exemplary.field.person_id", f.Person.Object()),
		formItem("exemplary.field.recognition", f.Recognition),
		formItem("exemplary.field.recognized_by", f.RecognizedBy),
		formItem("exemplary.field.recognized_on", f.RecognizedOn),
		formItem("exemplary.field.story", f.Story),
	}
	f.formFrame = newFormFrame(win, i18n.T("exemplary.ui.title"), items, "exemplary.field.", func() error {
		r := f.rec
		r.PersonID, r.Recognition, r.RecognizedBy = f.Person.ID(), f.Recognition.Value(), f.RecognizedBy.Value()
		r.RecognizedOn, r.Story = f.RecognizedOn.Date(), f.Story.Value()
		if err := f.RecognizedOn.Err(); err != nil {
			return err
		}
		if err := data.SaveExemplary(opCtx(), &r); err != nil {
			return err
		}
		f.rec = r
		return nil
	})
	f.onSaved = saved
	return f
}
