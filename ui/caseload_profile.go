package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// newPerson opens an empty register form.
func (v *caseloadView) newPerson() {
	if v.readOnly || v.office != nil || v.form != nil || v.imp != nil {
		return
	}
	v.foreignWard = ""
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
	v.foreignWard = ""
	ro := v.readOnly
	if frozen, _ := personFrozen(v.src, id); frozen {
		ro = true // being transferred away: read-only here (person_profile.go)
	}
	if v.office != nil && v.office.foreign(p) {
		// A ward's record: the office reads it, the ward alone changes it.
		ro, v.foreignWard = true, v.office.name(p.Owner)
	}
	v.showForm(newPersonForm(v.src, v.win, p, ro))
}

// profile builds the profile of the form's person; a ward's record opened
// at the office says which ward owns it, and no tab offers a change.
func (v *caseloadView) profile(f *personForm) fyne.CanvasObject {
	if v.foreignWard == "" || f.person.ID == "" {
		return v.u.personProfile(f)
	}
	return container.NewBorder(ownedBanner(v.foreignWard), nil, nil, nil, v.u.readOnlyApp().personProfile(f))
}

func (v *caseloadView) showForm(f *personForm) {
	wasNew := f.person.ID == ""
	f.OnSaved = func(string) {
		v.reload()
		if wasNew {
			wasNew = false
			v.stack.Objects = []fyne.CanvasObject{v.profile(f)}
			v.stack.Refresh()
		}
	}
	f.OnClose = v.closeForm
	f.OnOpen = v.openPerson
	v.form = f
	v.stack.Objects = []fyne.CanvasObject{v.profile(f)}
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
