package ui

import (
	"fyne.io/fyne/v2"

	"hoanhap/i18n"
)

// svOpenPerson opens the profile of a person (register form and tabs) in
// its own window, so the screen the officer came from stays as it was.
func (u *App) svOpenPerson(id string) {
	if !u.inScope(id) { // a mentor opens only the people assigned to them
		showMessage(i18n.T("svui.error.title"), i18n.T("scope.denied"), u.win)
		return
	}
	ctx := opCtx()
	p, err := u.st.Person(ctx, id)
	if err != nil {
		u.svShowError(err)
		return
	}
	if err := u.st.LogView(ctx, "person", id); err != nil {
		u.svShowError(err)
		return
	}
	w := u.fyne.NewWindow(p.FullName)
	// A mentor reads the register but may not change it (the store
	// refuses their writes anyway).
	// A person being transferred away is read-only here (person_profile.go).
	frozen, _ := personFrozen(u.st, id)
	f := newPersonForm(u.st, w, p, u.sess.readOnly() || u.sess.isMentor() || frozen)
	f.OnClose = w.Close
	// The same keys as the profile in the main window: Ctrl+S saves the
	// register, Esc closes (asking first when changes are unsaved).
	formKeys(w.Canvas(), func() { _ = f.Save() }, f.RequestClose)
	w.SetCloseIntercept(f.RequestClose)
	w.SetContent(u.personProfile(f))
	w.Resize(fyne.NewSize(1100, 760))
	w.Show()
}

// svShowError shows an error in a dialog over the main window.
func (u *App) svShowError(err error) {
	showMessage(i18n.T("svui.error.title"), errorText(err), u.win)
}

// reloadIfStale reloads the register form from the store when the person
// was changed elsewhere since it was loaded (a reception, classification
// or end of management saved in another tab of the profile), unless the
// form holds unsaved typing. The profile calls it when the register tab is
// shown again, so it never shows an old status nor saves over a newer
// version.
func (f *personForm) reloadIfStale() {
	if f.person.ID == "" || f.dirty {
		return
	}
	p, err := f.src.Person(opCtx(), f.person.ID)
	if err != nil || p.Ver == f.person.Ver {
		return
	}
	f.load(p)
}
