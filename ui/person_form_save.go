package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func (f *personForm) updateTitle() {
	if f.person.ID == "" {
		f.title.SetText(i18n.T("ui.person.new_title"))
		return
	}
	f.title.SetText(f.person.FullName)
}

// changed marks the form dirty and refreshes what depends on the input.
func (f *personForm) changed() {
	if f.loading {
		return
	}
	f.dirty = true
	f.hideSaved()
	f.refreshPanel()
	f.dupDeb.call(f.checkDuplicates)
	if f.live {
		f.revalidate()
	}
}

// revalidate checks the form as a save would, without saving, and shows
// the messages that remain (none: the messages go away).
func (f *personForm) revalidate() {
	p, local := f.collect()
	err := local.OrNil()
	if err == nil {
		caseload.Normalize(&p)
		err = caseload.ValidatePerson(p, f.today())
	}
	var verr *caseload.ValidationError
	if errors.As(err, &verr) {
		f.showErrors(verr)
		return
	}
	f.clearErrors()
}

func (f *personForm) refreshPanel() {
	p, _ := f.collect()
	f.panel.update(p, f.today())
}

// clearErrors hides every inline message.
func (f *personForm) clearErrors() {
	for _, l := range f.errLabels {
		l.SetText("")
		l.Hide()
	}
	f.generalErr.SetText("")
	f.generalErr.Hide()
	f.relayout()
}

// relayout lays the form out again after messages appeared or vanished.
func (f *personForm) relayout() {
	for _, o := range f.sections.Objects {
		o.Refresh()
	}
	f.sections.Refresh()
	f.root.Refresh()
}

// labelFor finds the inline label of a field name as the validator gives
// it: exact ("citizen_id"), dotted or underscored ("judgment_date"), or by
// its prefix ("supplementary[0].ends_on").
func (f *personForm) labelFor(field string) (*widget.Label, string) {
	cands := []string{field, strings.Replace(field, "_", ".", 1)}
	if i := strings.IndexAny(field, ".["); i > 0 {
		cands = append(cands, field[:i])
	}
	for _, c := range cands {
		if l, ok := f.errLabels[c]; ok {
			return l, c
		}
	}
	return nil, ""
}

// showErrors puts each message under its field (unknown fields go to the
// general line at the top) and returns the summary lines.
func (f *personForm) showErrors(v *caseload.ValidationError) []string {
	f.clearErrors()
	var summary, general []string
	for _, e := range v.Errors {
		msg := i18n.Error(e)
		l, field := f.labelFor(e.Field)
		if l == nil {
			general = append(general, msg)
			summary = append(summary, "• "+msg)
			continue
		}
		if l.Text != "" {
			msg = l.Text + "\n" + msg
		}
		l.SetText(msg)
		l.Show()
		summary = append(summary, "• "+i18n.T(f.fieldKeys[field])+": "+i18n.Error(e))
	}
	if len(general) > 0 {
		f.generalErr.SetText(strings.Join(general, "\n"))
		f.generalErr.Show()
	}
	f.relayout()
	return summary
}

// Save validates and saves the form with one store call, synchronously.
// On failure everything typed stays and the messages are shown.
func (f *personForm) Save() error {
	if f.readOnly {
		return errReadOnly
	}
	p, local := f.collect()
	if err := local.OrNil(); err != nil {
		f.live = true
		f.showSummary(f.showErrors(local))
		return err
	}
	f.clearErrors()
	if others := f.namesakes(p); len(others) > 0 {
		f.askNamesake(p, others)
		return errNeedsConfirmation
	}
	return f.write(p, false)
}

// write saves p, as confirmed by the officer when confirmed (a citizen ID
// another record holds), and shows the outcome.
func (f *personForm) write(p caseload.Person, confirmed bool) error {
	var err error
	if confirmed {
		err = f.src.SavePersonConfirmed(opCtx(), &p)
	} else {
		err = f.src.SavePerson(opCtx(), &p)
	}
	var verr *caseload.ValidationError
	var dup *store.DuplicateError
	switch {
	case errors.As(err, &dup):
		f.askDuplicate(p, dup)
		return err
	case errors.As(err, &verr):
		f.live = true
		f.showSummary(f.showErrors(verr))
		return err
	case errors.Is(err, store.ErrConflict):
		showMessage(i18n.T("ui.error.title"), i18n.T("ui.error.conflict"), f.win)
		return err
	case err != nil:
		showMessage(i18n.T("ui.error.title"), i18n.Error(err), f.win)
		return err
	}
	f.dupDeb.cancel()
	f.live = false
	f.load(p)
	f.showSaved(p)
	if f.OnSaved != nil {
		f.OnSaved(p.ID)
	}
	return nil
}

func (f *personForm) showSummary(lines []string) {
	if f.win == nil || len(lines) == 0 {
		return
	}
	showMessage(i18n.T("ui.error.title"), i18n.T("ui.error.fix_fields")+"\n"+strings.Join(lines, "\n"), f.win)
}

// checkDuplicates looks for people who may be this one (same CCCD, or
// same folded name and birth year) and shows or hides the banner.
func (f *personForm) checkDuplicates() {
	p, _ := f.collect()
	f.dupID = ""
	if p.FullName == "" && p.CitizenID == "" {
		f.dupBanner.Hide()
		f.root.Refresh()
		return
	}
	var others []store.PersonRow
	for _, r := range f.src.Duplicates(p) {
		if r.ID != f.person.ID || f.person.ID == "" {
			others = append(others, r)
		}
	}
	if len(others) == 0 {
		f.dupBanner.Hide()
		f.root.Refresh()
		return
	}
	r := others[0]
	f.dupID = r.ID
	who := r.FullName
	var facts []string
	if r.BirthYear != 0 {
		facts = append(facts, strconv.Itoa(r.BirthYear))
	}
	if r.CitizenID != "" {
		facts = append(facts, i18n.T("ui.person.cccd", "Number", r.CitizenID))
	}
	if len(facts) > 0 {
		who += " (" + strings.Join(facts, ", ") + ")"
	}
	text := i18n.T("ui.person.duplicate", "Who", who)
	if len(others) > 1 {
		text += " " + i18n.T("ui.person.duplicate_more", "Count", len(others)-1)
	}
	f.dupLabel.SetText(text)
	f.savedNote.Hide()
	f.dupBanner.Show()
	f.root.Refresh()
}

// RequestClose closes the form, asking first when there are unsaved
// changes.
func (f *personForm) RequestClose() { f.closeThen(nil) }

// closeThen closes the form (asking first when there are unsaved changes)
// and then runs next, if any.
func (f *personForm) closeThen(next func()) {
	done := func() {
		f.close()
		if next != nil {
			next()
		}
	}
	if !f.dirty || f.readOnly || f.win == nil {
		done()
		return
	}
	f.closeAsk = dialog.NewConfirm(i18n.T("ui.person.unsaved_title"), i18n.T("ui.person.unsaved_body"),
		func(discard bool) {
			if discard {
				done()
			}
		}, f.win)
	f.closeAsk.SetConfirmText(i18n.T("ui.person.discard"))
	f.closeAsk.SetDismissText(i18n.T("ui.person.keep_editing"))
	dialogKeys(f.win, f.closeAsk, nil, f.closeAsk.Hide)
	f.closeAsk.Show()
}

func (f *personForm) close() {
	f.dupDeb.cancel()
	if f.OnClose != nil {
		f.OnClose()
	}
}
