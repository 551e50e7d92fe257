package ui

import (
	"fyne.io/fyne/v2"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// newPerson opens an empty register form.
func (v *caseloadView) newPerson() {
	if v.readOnly || v.form != nil || v.imp != nil {
		return
	}
	v.showForm(newPersonForm(v.src, v.win, caseload.Person{}, v.readOnly))
}

// openPerson opens the profile of the person with id and logs the view.
func (v *caseloadView) openPerson(id string) {
	ctx := opCtx()
	p, err := v.src.Person(ctx, id)
	if err != nil {
		showMessage(i18n.T("ui.error.title"), i18n.Error(err), v.win)
		return
	}
	if err := v.src.LogView(ctx, "person", id); err != nil {
		showMessage(i18n.T("ui.error.title"), i18n.Error(err), v.win)
		return
	}
	v.showForm(newPersonForm(v.src, v.win, p, v.readOnly))
}

func (v *caseloadView) showForm(f *personForm) {
	wasNew := f.person.ID == ""
	f.OnSaved = func(string) {
		v.reload()
		if wasNew {
			wasNew = false
			v.stack.Objects = []fyne.CanvasObject{v.u.personProfile(f)}
			v.stack.Refresh()
		}
	}
	f.OnClose = v.closeForm
	f.OnOpen = v.openPerson
	v.form = f
	v.stack.Objects = []fyne.CanvasObject{v.u.personProfile(f)}
	v.stack.Refresh()
	if !f.readOnly {
		v.win.Canvas().Focus(f.fullName)
	}
}

// closeForm goes back to the list, read again: the profile's other tabs
// (reception, classification, end of management) may have changed the
// person's status or group.
func (v *caseloadView) closeForm() {
	v.form = nil
	v.reload()
	v.stack.Objects = []fyne.CanvasObject{v.list}
	v.stack.Refresh()
}
