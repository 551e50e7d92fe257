package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// refusalRow is one date on which a court refused to expunge the record
// (BLHS Art. 71(3): a new petition only after 1 year, then 2 years).
type refusalRow struct {
	date *DateEntry
	row  fyne.CanvasObject
}

// newRefusalsEditor builds the list of court refusal dates with its "add"
// button; the rows live in f.refusals and f.refusalBox.
func (f *personForm) newRefusalsEditor() fyne.CanvasObject {
	f.refusalBox = container.NewVBox()
	add := widget.NewButtonWithIcon(i18n.T("ui.person.add_court_refusal"), theme.ContentAddIcon(), func() {
		f.addRefusal(caseload.Date{})
		f.changed()
	})
	f.inputs = append(f.inputs, add)
	hint := widget.NewLabel(i18n.T("ui.person.court_refusal_hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVBox(f.refusalBox, container.NewHBox(add), hint)
}

// addRefusal adds a row for the refusal date d (zero for a new, empty row).
func (f *personForm) addRefusal(d caseload.Date) {
	r := &refusalRow{date: f.dateEntry(false)}
	r.date.SetDate(d)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.row = container.NewBorder(nil, nil, nil, remove, r.date)
	remove.OnTapped = func() {
		for i, x := range f.refusals {
			if x == r {
				f.refusals = append(f.refusals[:i], f.refusals[i+1:]...)
				break
			}
		}
		f.refusalBox.Remove(r.row)
		f.changed()
	}
	if f.readOnly {
		remove.Disable()
		r.date.SetReadOnly(true)
	}
	f.refusals = append(f.refusals, r)
	f.refusalBox.Add(r.row)
}

// loadRefusals shows the refusal dates of a loaded person.
func (f *personForm) loadRefusals(ds []caseload.Date) {
	f.refusals = nil
	f.refusalBox.RemoveAll()
	for _, d := range ds {
		f.addRefusal(d)
	}
}

// collectRefusals reads the refusal dates, skipping empty rows.
func (f *personForm) collectRefusals(v *caseload.ValidationError) []caseload.Date {
	var out []caseload.Date
	for _, r := range f.refusals {
		if d := readDate(v, "court_refusals", r.date); !d.IsZero() {
			out = append(out, d)
		}
	}
	return out
}
