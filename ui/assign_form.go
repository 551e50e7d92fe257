package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// assignSource is what the assignment dialog and the "Giúp đỡ" tab need.
type assignSource interface {
	Mentors(ctx context.Context, activeOnly bool) ([]caseload.Mentor, error)
	Mentor(ctx context.Context, id string) (caseload.Mentor, error)
	Assign(ctx context.Context, a *caseload.Assignment) error
	Reassign(ctx context.Context, personID string, next *caseload.Assignment, reason, handover string) error
	ActiveAssignment(ctx context.Context, personID string) (caseload.Assignment, error)
	Assignments(ctx context.Context, personID string) ([]caseload.Assignment, error)
}

// assignForm assigns a mentor to a person by the Chairman's decision
// (HCD-07), or reassigns in one step with a reason and a handover note.
type assignForm struct {
	src      assignSource
	personID string
	mentors  []caseload.Mentor
	current  *caseload.Assignment // the active assignment when reassigning

	Mentor       *widget.Select
	DecisionNo   *keyEntry
	DecisionDate *DateEntry
	From         *DateEntry
	Reason       *keyEntry
	Handover     *keyEntry
	Save, Cancel *widget.Button
	Status       *widget.Label
	onDone       func(saved bool)
	content      fyne.CanvasObject
}

func newAssignForm(src assignSource, personID string) *assignForm {
	f := &assignForm{src: src, personID: personID}
	ctx := opCtx()
	f.Status = newStatusLabel()
	ms, err := src.Mentors(ctx, true)
	if err != nil {
		setStatus(f.Status, err, "")
	}
	if cur, err := src.ActiveAssignment(ctx, personID); err == nil {
		f.current = &cur
	}
	var labels []string
	for _, m := range ms {
		if f.current != nil && m.ID == f.current.MentorID {
			continue
		}
		f.mentors = append(f.mentors, m)
		labels = append(labels, m.Name+" — "+enumLabel("svui.org", string(m.Organisation)))
	}
	f.Mentor = widget.NewSelect(labels, nil)
	f.Mentor.PlaceHolder = i18n.T("svui.assign.choose_mentor")
	f.DecisionNo = newKeyEntry()
	f.DecisionNo.PlaceHolder = i18n.T("svui.assign.decision_placeholder")
	f.DecisionDate, f.From = NewDateEntry(), NewDateEntry()
	f.DecisionDate.SetDate(svToday())
	f.From.SetDate(svToday())
	f.Reason, f.Handover = newKeyEntry(), newKeyMultiLine()
	f.Save = widget.NewButtonWithIcon(i18n.T("svui.common.save"), theme.DocumentSaveIcon(), f.save)
	f.Save.Importance = widget.HighImportance
	f.Cancel = widget.NewButton(i18n.T("svui.common.cancel"), func() { f.done(false) })
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("svui.field.mentor_id"), f.Mentor),
		widget.NewFormItem(i18n.T("svui.field.decision.number"), f.DecisionNo),
		widget.NewFormItem(i18n.T("svui.field.decision.date"), f.DecisionDate),
		widget.NewFormItem(i18n.T("svui.field.from"), f.From),
	}
	var intro fyne.CanvasObject = wrapLabel(i18n.T("svui.assign.intro"))
	if f.current != nil {
		items = append(items,
			widget.NewFormItem(i18n.T("svui.field.change_reason"), f.Reason),
			widget.NewFormItem(i18n.T("svui.field.handover"), f.Handover))
		intro = wrapLabel(i18n.T("svui.assign.reassign_intro"))
	}
	f.content = container.NewVBox(intro, widget.NewForm(items...), f.Status,
		container.NewHBox(layout.NewSpacer(), f.Cancel, f.Save))
	return f
}

// chooseMentor selects the mentor with id in the list (for tests and for
// reopening).
func (f *assignForm) chooseMentor(id string) {
	for i, m := range f.mentors {
		if m.ID == id {
			f.Mentor.SetSelectedIndex(i)
		}
	}
}

// save assigns, or reassigns when the person already has a mentor.
func (f *assignForm) save() {
	for _, d := range []*DateEntry{f.DecisionDate, f.From} {
		if err := d.Err(); err != nil {
			setStatus(f.Status, err, "")
			return
		}
	}
	a := caseload.Assignment{PersonID: f.personID,
		Decision: caseload.Decision{Number: f.DecisionNo.Value(), Date: f.DecisionDate.Date()},
		From:     f.From.Date()}
	if i := f.Mentor.SelectedIndex(); i >= 0 && i < len(f.mentors) {
		a.MentorID = f.mentors[i].ID
	}
	var err error
	if f.current != nil {
		err = f.src.Reassign(opCtx(), f.personID, &a, f.Reason.Value(), f.Handover.Value())
	} else {
		err = f.src.Assign(opCtx(), &a)
	}
	if err != nil {
		setStatus(f.Status, err, "")
		return
	}
	f.done(true)
}

func (f *assignForm) done(saved bool) {
	if f.onDone != nil {
		f.onDone(saved)
	}
}

// showAssignDialog opens the assignment dialog for a person; after a save
// it calls saved.
func (u *App) showAssignDialog(personID string, saved func()) *assignForm {
	f := newAssignForm(u.st, personID)
	title := i18n.T("svui.assign.title")
	if f.current != nil {
		title = i18n.T("svui.assign.reassign_title")
	}
	var d dialog.Dialog
	f.onDone = func(ok bool) {
		d.Hide()
		if ok && saved != nil {
			saved()
		}
	}
	d = showFormDialog(u.win, title, f.content, fyne.NewSize(600, 480), "", f.save)
	return f
}
