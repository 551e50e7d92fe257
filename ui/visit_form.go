package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// visitForm records a visit (or a correction of one) with the keyboard
// alone: person (search without diacritics), date (today by default), kind
// (Left/Right change it), the observations, the next planned date. Ctrl+S
// (or Enter on the last field) saves and clears the form for the next
// visit.
type visitForm struct {
	src      visitSource
	sess     session
	scope    func() map[string]bool
	personID string // fixed person (profile tab); "" with the picker

	Picker      *personPicker
	Date        *DateEntry
	Kind        *enumSelect
	Attitude    *keyEntry
	Employment  *keyEntry
	Income      *keyEntry
	Family      *keyEntry
	Health      *keyEntry
	Risks       *keyEntry
	HelpNeeded  *keyEntry
	HelpGiven   *keyEntry
	NextPlanned *DateEntry
	Notes       *keyEntry
	Save        *widget.Button
	Status      *widget.Label
	Title       *widget.Label

	correcting string // id of the visit being corrected
	onSaved    func(caseload.Visit)
	content    fyne.CanvasObject
}

// newVisitForm builds the form; with personID the person is fixed and the
// picker hidden.
func newVisitForm(src visitSource, sess session, scope func() map[string]bool, personID string) *visitForm {
	f := &visitForm{src: src, sess: sess, scope: scope, personID: personID}
	f.Picker = newPersonPicker(src, scope, caseload.StatusManaged, caseload.StatusExpected)
	f.Date = NewDateEntry()
	f.Kind = newEnumSelect("svui.visit.kind", enumValues(caseload.VisitKinds), false, nil)
	f.Kind.SetValue(string(caseload.VisitHome))
	f.Attitude, f.Employment, f.Income = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.Family, f.Health, f.Risks = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.HelpNeeded, f.HelpGiven, f.Notes = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.NextPlanned = NewDateEntry()
	f.Notes.OnSubmitted = func(string) { f.save() }
	f.Save = widget.NewButtonWithIcon(i18n.T("svui.visit.save"), theme.DocumentSaveIcon(), f.save)
	f.Save.Importance = widget.HighImportance
	f.Status = newStatusLabel()
	f.Title = heading("svui.visit.new")
	items := []*widget.FormItem{}
	if personID == "" {
		items = append(items, widget.NewFormItem(i18n.T("svui.field.person_id"), f.Picker.Object()))
	}
	items = append(items,
		widget.NewFormItem(i18n.T("svui.field.date"), f.Date),
		widget.NewFormItem(i18n.T("svui.field.kind"), f.Kind),
		widget.NewFormItem(i18n.T("svui.field.attitude"), f.Attitude),
		widget.NewFormItem(i18n.T("svui.field.employment"), f.Employment),
		widget.NewFormItem(i18n.T("svui.field.income"), f.Income),
		widget.NewFormItem(i18n.T("svui.field.family"), f.Family),
		widget.NewFormItem(i18n.T("svui.field.health"), f.Health),
		widget.NewFormItem(i18n.T("svui.field.risks"), f.Risks),
		widget.NewFormItem(i18n.T("svui.field.help_needed"), f.HelpNeeded),
		widget.NewFormItem(i18n.T("svui.field.help_given"), f.HelpGiven),
		widget.NewFormItem(i18n.T("svui.field.next_planned"), f.NextPlanned),
		widget.NewFormItem(i18n.T("svui.field.notes"), f.Notes),
	)
	form := widget.NewForm(items...)
	top := []fyne.CanvasObject{f.Title}
	hint := wrapLabel(i18n.T("svui.visit.hint"))
	hint.Importance = widget.LowImportance
	f.content = container.NewVBox(append(top, form, container.NewHBox(f.Save), f.Status, hint)...)
	if sess.readOnly() {
		f.Save.Disable()
	}
	f.reset()
	return f
}

// reset clears the fields for the next visit: today's date, a home visit.
func (f *visitForm) reset() {
	f.correcting = ""
	f.Title.SetText(i18n.T("svui.visit.new"))
	f.Picker.clear()
	f.Date.SetDate(svToday())
	f.Kind.SetValue(string(caseload.VisitHome))
	for _, e := range f.texts() {
		e.SetText("")
	}
	f.NextPlanned.SetDate(caseload.Date{})
}

// clear resets the form, forgets any message and puts the cursor on the
// first field.
func (f *visitForm) clear() {
	f.reset()
	f.Status.SetText("")
	f.focusFirst()
}

// focusFirst puts the cursor in the person search (or the date).
func (f *visitForm) focusFirst() {
	var target fyne.Focusable = f.Picker.Entry
	if f.personID != "" {
		target = f.Date.Entry
	}
	if c := canvasOf(f.Date); c != nil {
		c.Focus(target)
	}
}

func (f *visitForm) texts() []*keyEntry {
	return []*keyEntry{f.Attitude, f.Employment, f.Income, f.Family, f.Health, f.Risks, f.HelpNeeded, f.HelpGiven, f.Notes}
}

// startCorrection fills the form with an entry to correct; saving creates
// a superseding entry.
func (f *visitForm) startCorrection(v caseload.Visit) {
	f.correcting = v.ID
	f.Title.SetText(i18n.T("svui.visit.correcting", "Date", showDate(v.Date)))
	f.Date.SetDate(v.Date)
	f.Kind.SetValue(string(v.Kind))
	vals := []string{v.Attitude, v.Employment, v.Income, v.Family, v.Health, v.Risks, v.HelpNeeded, v.HelpGiven, v.Notes}
	for i, e := range f.texts() {
		e.SetText(vals[i])
	}
	f.NextPlanned.SetDate(v.NextPlanned)
	f.Status.SetText("")
}

// visit builds the record from the fields.
func (f *visitForm) visit() caseload.Visit {
	v := caseload.Visit{
		PersonID: f.personID, Date: f.Date.Date(), Kind: caseload.VisitKind(f.Kind.Value()),
		Attitude: f.Attitude.Value(), Employment: f.Employment.Value(), Income: f.Income.Value(),
		Family: f.Family.Value(), Health: f.Health.Value(), Risks: f.Risks.Value(),
		HelpNeeded: f.HelpNeeded.Value(), HelpGiven: f.HelpGiven.Value(), Notes: f.Notes.Value(),
		NextPlanned: f.NextPlanned.Date(),
		AuthorKind:  caseload.AuthorOfficer, AuthorName: f.sess.UserName,
	}
	if v.PersonID == "" {
		v.PersonID = f.Picker.ID()
	}
	if f.sess.isMentor() {
		v.AuthorKind, v.MentorID = caseload.AuthorMentor, f.sess.MentorID
		if m, err := f.src.Mentor(opCtx(), f.sess.MentorID); err == nil && m.Name != "" {
			v.AuthorName = m.Name
		}
	}
	return v
}

// save writes the visit (or the correction); on success it clears the
// form for the next one and reports what was saved.
func (f *visitForm) save() {
	if f.sess.readOnly() {
		return
	}
	for _, d := range []*DateEntry{f.Date, f.NextPlanned} {
		if err := d.Err(); err != nil {
			setStatus(f.Status, err, "")
			return
		}
	}
	v := f.visit()
	var err error
	if f.correcting != "" {
		err = f.src.CorrectVisit(opCtx(), f.correcting, &v)
	} else {
		err = f.src.AddVisit(opCtx(), &v)
	}
	if err != nil {
		setStatus(f.Status, err, "")
		return
	}
	name := f.Picker.Name()
	f.reset()
	setStatus(f.Status, nil, i18n.T("svui.visit.saved", "Name", name, "Date", showDate(v.Date)))
	f.focusFirst()
	if f.onSaved != nil {
		f.onSaved(v)
	}
}
