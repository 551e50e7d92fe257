package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// Possible duplicates on save. The same 12-digit citizen ID is refused by
// the store unless the officer confirms that this is another person; the
// same folded name and birth year asks before saving. Either way the
// existing records are listed and each can be opened.

// errNeedsConfirmation is returned by Save when the officer is asked to
// confirm a possible duplicate first: nothing was written yet.
var errNeedsConfirmation = errors.New("ui: possible duplicate, waiting for the officer")

// namesakes are the other people with the same folded name and birth year
// as p, asked about when p is new or its name or birth year changed.
func (f *personForm) namesakes(p caseload.Person) []store.PersonRow {
	if f.person.ID != "" && fold(f.person.FullName) == fold(p.FullName) && f.person.BirthDate.Year == p.BirthDate.Year {
		return nil // asked when the record got this name, or stored before
	}
	var out []store.PersonRow
	for _, r := range f.src.Duplicates(p) {
		if r.ID == f.person.ID || (p.CitizenID != "" && r.CitizenID == p.CitizenID) {
			continue // itself; a shared citizen ID is the store's refusal
		}
		if fold(r.FullName) == fold(p.FullName) && r.BirthYear == p.BirthDate.Year && p.BirthDate.Year != 0 {
			out = append(out, r)
		}
	}
	return out
}

// fold is a name compared without case or diacritics.
func fold(s string) string { return i18n.Fold(s) }

// askNamesake asks whether p, who has the name and birth year of others,
// is another person; saving goes on only on "yes".
func (f *personForm) askNamesake(p caseload.Person, others []store.PersonRow) {
	f.askSave(i18n.T("profile.dup.namesake_title"),
		i18n.T("profile.dup.namesake", "Name", p.FullName, "Year", p.BirthDate.Year), others,
		func() { _ = f.write(p, false) })
}

// askDuplicate shows the store's refusal of a citizen ID another record
// holds, with the records; saving anyway needs the officer's word.
func (f *personForm) askDuplicate(p caseload.Person, dup *store.DuplicateError) {
	f.askSave(i18n.T("profile.dup.citizen_title"), i18n.Error(dup), dup.Existing,
		func() { _ = f.write(p, true) })
}

// askSave shows message, the existing records (each with a button that
// opens it in its own window) and two answers: "save: another person"
// runs save, "cancel" keeps the form as typed. Esc cancels.
func (f *personForm) askSave(title, message string, existing []store.PersonRow, save func()) {
	if f.win == nil {
		return
	}
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, r := range existing {
		id := r.ID
		open := widget.NewButtonWithIcon(i18n.T("profile.dup.open"), theme.VisibilityIcon(), func() {
			if f.OpenElsewhere != nil {
				f.OpenElsewhere(id)
			}
		})
		who := widget.NewLabel(dupWho(r))
		who.Wrapping = fyne.TextWrapWord
		list.Add(container.NewBorder(nil, nil, nil, open, who))
	}
	content := container.NewVBox(msg, widget.NewSeparator(), list)
	d := dialog.NewCustomConfirm(title, i18n.T("profile.dup.save_anyway"), i18n.T("profile.dup.cancel"), content,
		func(yes bool) {
			f.dupAsk = nil
			if yes {
				save()
			}
		}, f.win)
	d.Resize(fyne.NewSize(messageWidth+80, 0))
	dialogKeys(f.win, d, nil, d.Hide)
	f.dupAsk = d
	d.Show()
}

// dupWho shows an existing record: name, birth year, citizen ID, hamlet.
func dupWho(r store.PersonRow) string {
	s := rowLabel(r)
	if r.CitizenID != "" {
		s += " · " + i18n.T("ui.person.cccd", "Number", r.CitizenID)
	}
	return s
}

// showSaved says the save succeeded, in the space of the banner, until
// the next change.
func (f *personForm) showSaved(p caseload.Person) {
	f.savedText.SetText(i18n.T("profile.saved", "Name", p.FullName, "Time", time.Now().Format("15:04")))
	f.dupBanner.Hide()
	f.savedNote.Show()
}

// hideSaved hides the saved note (the form changed since).
func (f *personForm) hideSaved() {
	if f.savedNote != nil && f.savedNote.Visible() {
		f.savedNote.Hide()
	}
}
