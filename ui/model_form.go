package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// modelForm adds or edits a reintegration model.
type modelForm struct {
	*formFrame
	rec          caseload.Model
	Name         *keyEntry
	Type         *widget.SelectEntry // the types of the settings, or any typed
	Types        []string            // the choices Type offers
	LeadOrg      *keyEntry
	DecisionNo   *keyEntry
	DecisionDate *DateEntry
	StartedOn    *DateEntry
	Status       *enumSelect
	RecognizedBy *keyEntry
	RecognizedOn *DateEntry
	Notes        *keyEntry
}

func newModelForm(win fyne.Window, data modelData, rec caseload.Model, saved func()) *modelForm {
	types, _ := data.ModelTypes(opCtx())
	f := &modelForm{rec: rec, Name: newKeyEntry(), Type: widget.NewSelectEntry(types), Types: types, LeadOrg: newKeyEntry(),
		DecisionNo: newKeyEntry(), DecisionDate: NewDateEntry(), StartedOn: NewDateEntry(),
		Status:       newEnumSelect("model.status", enumValues(caseload.ModelStatuses), false, nil),
		RecognizedBy: newKeyEntry(), RecognizedOn: NewDateEntry(), Notes: newKeyMultiLine()}
	if rec.Status == "" {
		rec.Status = caseload.ModelActive
	}
	f.Name.SetText(rec.Name)
	f.Type.SetText(rec.Type)
	f.LeadOrg.SetText(rec.LeadOrg)
	f.DecisionNo.SetText(rec.Decision.Number)
	f.DecisionDate.SetDate(rec.Decision.Date)
	f.StartedOn.SetDate(rec.StartedOn)
	f.Status.SetValue(string(rec.Status))
	f.RecognizedBy.SetText(rec.RecognizedBy)
	f.RecognizedOn.SetDate(rec.RecognizedOn)
	f.Notes.SetText(rec.Notes)
	items := []*widget.FormItem{
		formItem("model.field.name", f.Name),
		formItem("model.field.type", f.Type),
		formItem("model.field.lead_org", f.LeadOrg),
		formItem("model.field.decision_number", f.DecisionNo),
		formItem("model.field.decision_date", f.DecisionDate),
		formItem("model.field.started_on", f.StartedOn),
		formItem("model.field.status", f.Status.Select),
		formItem("model.field.recognized_by", f.RecognizedBy),
		formItem("model.field.recognized_on", f.RecognizedOn),
		formItem("model.field.notes", f.Notes),
	}
	title := i18n.T("model.ui.new")
	if rec.ID != "" {
		title = i18n.T("model.ui.edit")
	}
	f.formFrame = newFormFrame(win, title, items, "model.field.", func() error {
		r := f.rec
		r.Name, r.Type, r.LeadOrg = f.Name.Value(), nfc(f.Type.Text), f.LeadOrg.Value()
		r.Decision = caseload.Decision{Number: f.DecisionNo.Value(), Date: f.DecisionDate.Date()}
		r.StartedOn, r.RecognizedOn = f.StartedOn.Date(), f.RecognizedOn.Date()
		r.Status = caseload.ModelStatus(f.Status.Value())
		r.RecognizedBy, r.Notes = f.RecognizedBy.Value(), f.Notes.Value()
		for _, d := range []*DateEntry{f.DecisionDate, f.StartedOn, f.RecognizedOn} {
			if err := d.Err(); err != nil {
				return err
			}
		}
		if err := data.SaveModel(opCtx(), &r); err != nil {
			return err
		}
		f.rec = r
		return nil
	})
	f.onSaved = saved
	return f
}

// memberForm adds or edits a member of a model.
type memberForm struct {
	*formFrame
	rec          caseload.ModelMember
	Name         *keyEntry
	Role         *enumSelect
	Organisation *keyEntry
	Phone        *keyEntry
}

func newMemberForm(win fyne.Window, data modelData, rec caseload.ModelMember, saved func()) *memberForm {
	f := &memberForm{rec: rec, Name: newKeyEntry(), Role: newEnumSelect("model.role", enumValues(caseload.MemberRoles), false, nil),
		Organisation: newKeyEntry(), Phone: newKeyEntry()}
	if rec.Role == "" {
		rec.Role = caseload.RoleMember
	}
	f.Name.SetText(rec.Name)
	f.Role.SetValue(string(rec.Role))
	f.Organisation.SetText(rec.Organisation)
	f.Phone.SetText(rec.Phone)
	items := []*widget.FormItem{
		formItem("model.field.member_name", f.Name),
		formItem("model.field.role", f.Role.Select),
		formItem("model.field.organisation", f.Organisation),
		formItem("model.field.phone", f.Phone),
	}
	f.formFrame = newFormFrame(win, i18n.T("model.ui.member"), items, "model.field.", func() error {
		r := f.rec
		r.Name, r.Role, r.Organisation, r.Phone = f.Name.Value(), caseload.MemberRole(f.Role.Value()), f.Organisation.Value(), f.Phone.Value()
		if err := data.SaveModelMember(opCtx(), &r); err != nil {
			return err
		}
		f.rec = r
		return nil
	})
	f.onSaved = saved
	return f
}
