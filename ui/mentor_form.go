package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// mentorForm edits one mentor of the roster.
type mentorForm struct {
	src      mentorSource
	m        caseload.Mentor
	Kind     *enumSelect
	Name     *keyEntry
	Org      *enumSelect
	Position *keyEntry
	Phone    *keyEntry
	Address  *keyEntry
	Active   *widget.Check
	Notes    *keyEntry
	Save     *widget.Button
	Cancel   *widget.Button
	Status   *widget.Label
	onDone   func(saved bool)
	content  fyne.CanvasObject
}

func newMentorForm(src mentorSource, m caseload.Mentor) *mentorForm {
	f := &mentorForm{src: src, m: m}
	f.Kind = newEnumSelect("svui.mentor.kind", enumValues(caseload.MentorKinds), false, nil)
	f.Org = newEnumSelect("svui.org", enumValues(caseload.OrgTypes), false, nil)
	f.Name, f.Position, f.Phone, f.Address, f.Notes = newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.Active = widget.NewCheck(i18n.T("svui.mentor.active"), nil)
	if m.ID == "" {
		m.Kind, m.Active = caseload.MentorPerson, true
	}
	f.Kind.SetValue(string(m.Kind))
	f.Org.SetValue(string(m.Organisation))
	f.Name.SetText(m.Name)
	f.Position.SetText(m.Position)
	f.Phone.SetText(m.Phone)
	f.Address.SetText(m.Address)
	f.Notes.SetText(m.Notes)
	f.Active.SetChecked(m.Active)
	f.Status = newStatusLabel()
	f.Save = widget.NewButtonWithIcon(i18n.T("svui.common.save"), theme.DocumentSaveIcon(), f.save)
	f.Save.Importance = widget.HighImportance
	f.Cancel = widget.NewButton(i18n.T("svui.common.cancel"), func() { f.done(false) })
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.kind"), f.Kind),
		widget.NewFormItem(i18n.T("svui.field.name"), f.Name),
		widget.NewFormItem(i18n.T("svui.field.organisation"), f.Org),
		widget.NewFormItem(i18n.T("svui.field.position"), f.Position),
		widget.NewFormItem(i18n.T("svui.field.phone"), f.Phone),
		widget.NewFormItem(i18n.T("svui.field.address"), f.Address),
		widget.NewFormItem("", f.Active),
		widget.NewFormItem(i18n.T("svui.field.notes"), f.Notes),
	)
	f.content = container.NewVBox(form, f.Status, container.NewHBox(layout.NewSpacer(), f.Cancel, f.Save))
	return f
}

// save writes the mentor; errors stay in the form.
func (f *mentorForm) save() {
	m := f.m
	m.Kind = caseload.MentorKind(f.Kind.Value())
	m.Organisation = caseload.OrgType(f.Org.Value())
	m.Name, m.Position, m.Phone = f.Name.Value(), f.Position.Value(), f.Phone.Value()
	m.Address, m.Notes, m.Active = f.Address.Value(), f.Notes.Value(), f.Active.Checked
	if err := f.src.SaveMentor(opCtx(), &m); err != nil {
		setStatus(f.Status, err, "")
		return
	}
	f.m = m
	f.done(true)
}

func (f *mentorForm) done(saved bool) {
	if f.onDone != nil {
		f.onDone(saved)
	}
}
