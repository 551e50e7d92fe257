package ui

import (
	"fyne.io/fyne/v2/dialog"

	"hoanhap/i18n"
)

// hasUnsavedChanges reports whether leaving the area on screen would lose
// typed input: a person register form open in the caseload area with
// changes not saved yet (read-only forms never count).
func (u *App) hasUnsavedChanges() bool {
	v := u.list
	if v == nil || v.form == nil || !v.active() {
		return false
	}
	return v.form.dirty && !v.form.readOnly
}

// confirmLeave runs next at once when nothing is unsaved; otherwise it
// asks "Bỏ các thay đổi chưa lưu?" and runs next only when the user
// chooses to discard the changes.
func (u *App) confirmLeave(next func()) { u.confirmLeaveOr(next, nil) }

// confirmLeaveOr is confirmLeave with cancel run when the user chooses to
// stay (cancel may be nil).
func (u *App) confirmLeaveOr(next, cancel func()) {
	if !u.hasUnsavedChanges() {
		next()
		return
	}
	form := u.list.form
	ask := dialog.NewConfirm(i18n.T("leave.title"), i18n.T("leave.body"), func(discard bool) {
		if !discard {
			if cancel != nil {
				cancel()
			}
			return
		}
		// Close the form without saving (stops its pending duplicate
		// check) before the next screen replaces it.
		form.dirty = false
		form.close()
		next()
	}, u.win)
	ask.SetConfirmText(i18n.T("leave.discard"))
	ask.SetDismissText(i18n.T("leave.stay"))
	dialogKeys(u.win, ask, nil, ask.Hide)
	ask.Show()
}

// navigate is what the navigation does when area id is selected: it opens
// the area, asking first when unsaved changes would be lost. When the user
// stays, the navigation goes back to the area on screen (selecting the
// area already on screen does nothing).
func (u *App) navigate(id int) {
	if id == u.current && u.content != nil && len(u.content.Objects) > 0 {
		return
	}
	u.confirmLeaveOr(func() { u.show(id) }, func() { u.nav.Select(u.current) })
}
