package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// receptionSource is what the reception screen needs from the store.
type receptionSource interface {
	Person(ctx context.Context, id string) (caseload.Person, error)
	RecordReception(ctx context.Context, r *caseload.Reception) error
	UpdateReception(ctx context.Context, r *caseload.Reception) error
	LatestReception(ctx context.Context, personID string) (caseload.Reception, error)
	Calendar(ctx context.Context) (*caseload.Calendar, error)
}

// receptionView is the guided reception session (TT 10/2024 Art. 9) for an
// expected or newly arrived person: session date, officer, the checklist
// (commitment minutes HCD-05, information sheet HCD-02, compulsory
// counselling, guidance given) and the deadlines that follow from the
// session date (mentor decision within 3 working days, management file
// HCD-01 within 5).
type receptionView struct {
	u        *App
	src      receptionSource
	back     *overviewArea
	personID string
	rec      caseload.Reception // the recorded session, if any

	Person      *widget.Label
	SessionDate *DateEntry
	Officer     *keyEntry
	Minutes     *widget.Check
	InfoSheet   *widget.Check
	Counselling *widget.Check
	Guidance    map[caseload.GuidanceTopic]*widget.Check
	FileOpened  *DateEntry
	Notes       *keyEntry
	Deadlines   *widget.Label
	Save        *widget.Button
	Assign      *widget.Button
	Status      *widget.Label
	content     fyne.CanvasObject
	cal         *caseload.Calendar
	// onSaved, if set, is called after the session is saved (the person
	// profile refreshes its tab).
	onSaved func()
}

// newReceptionView opens the reception of a person: blank for a new
// session, or the latest recorded one (to note the file opening). It is
// reached from a prison notice, the worklist, or the person's profile for a
// walk-in without a notice (back is nil there).
func (u *App) newReceptionView(back *overviewArea, personID string) *receptionView {
	v := &receptionView{u: u, src: u.st, back: back, personID: personID}
	ctx := opCtx()
	v.cal, _ = u.st.Calendar(ctx)
	v.Person = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if p, err := u.st.Person(ctx, personID); err == nil {
		v.Person.SetText(i18n.T("svui.reception.person", "Name", p.FullName, "Status", enumLabel("svui.status", string(p.Status))))
	}
	v.SessionDate, v.FileOpened = NewDateEntry(), NewDateEntry()
	v.SessionDate.SetDate(svToday())
	v.SessionDate.OnChanged = v.showDeadlines
	v.Officer, v.Notes = newKeyEntry(), newKeyMultiLine()
	v.Officer.SetText(u.sess.UserName)
	v.Minutes = widget.NewCheck(i18n.T("svui.reception.minutes"), nil)
	v.InfoSheet = widget.NewCheck(i18n.T("svui.reception.info_sheet"), nil)
	v.Counselling = widget.NewCheck(i18n.T("svui.reception.counselling"), nil)
	v.Guidance = map[caseload.GuidanceTopic]*widget.Check{}
	guidance := container.NewVBox()
	for _, g := range caseload.GuidanceTopics {
		c := widget.NewCheck(i18n.T("svui.reception.guidance."+string(g)), nil)
		v.Guidance[g] = c
		guidance.Add(c)
	}
	v.Deadlines = wrapLabel("")
	v.Deadlines.Importance = widget.WarningImportance
	v.Status = newStatusLabel()
	v.Save = widget.NewButtonWithIcon(i18n.T("svui.reception.save"), theme.DocumentSaveIcon(), v.save)
	v.Save.Importance = widget.HighImportance
	v.Assign = widget.NewButtonWithIcon(i18n.T("svui.assign.title"), theme.AccountIcon(), func() {
		u.showAssignDialog(personID, nil)
	})
	v.Assign.Hide()
	if u.sess.readOnly() || u.sess.isMentor() {
		v.Save.Disable()
	}
	checklist := container.NewVBox(heading("svui.reception.checklist"), v.Minutes, v.InfoSheet, v.Counselling,
		heading("svui.reception.guidance"), guidance)
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.session_date"), v.SessionDate),
		widget.NewFormItem(i18n.T("svui.field.officer"), v.Officer),
		widget.NewFormItem(i18n.T("svui.field.file_opened_on"), v.FileOpened),
		widget.NewFormItem(i18n.T("svui.field.notes"), v.Notes),
	)
	intro := wrapLabel(i18n.T("svui.reception.intro"))
	intro.Importance = widget.LowImportance
	v.content = container.NewVScroll(container.NewVBox(heading("svui.reception.title"), v.Person, intro,
		container.NewGridWithColumns(2, form, checklist), v.Deadlines, container.NewHBox(v.Save, v.Assign), v.Status))
	if !u.inScope(personID) {
		v.Save.Disable()
		v.content = outOfScope()
		return v
	}
	if r, err := u.st.LatestReception(ctx, personID); err == nil {
		v.fill(r)
	}
	v.showDeadlines()
	return v
}

// fill shows a recorded session.
func (v *receptionView) fill(r caseload.Reception) {
	v.rec = r
	v.SessionDate.SetDate(r.SessionDate)
	v.Officer.SetText(r.Officer)
	v.Minutes.SetChecked(r.MinutesDone)
	v.InfoSheet.SetChecked(r.InfoSheetDone)
	v.Counselling.SetChecked(r.CounsellingDone)
	for g, c := range v.Guidance {
		c.SetChecked(r.HasGuidance(g))
	}
	v.FileOpened.SetDate(r.FileOpenedOn)
	v.Notes.SetText(r.Notes)
	if !v.u.sess.readOnly() && !v.u.sess.isMentor() {
		v.Assign.Show()
	}
}

// showDeadlines computes the deadlines from the session date.
func (v *receptionView) showDeadlines() {
	r := caseload.Reception{SessionDate: v.SessionDate.Date()}
	if r.SessionDate.IsZero() {
		v.Deadlines.SetText("")
		return
	}
	v.Deadlines.SetText(i18n.T("svui.reception.deadlines",
		"Mentor", showDate(r.MentorDecisionDue(v.cal)), "File", showDate(r.FileDue(v.cal))))
}

// reception builds the record from the fields.
func (v *receptionView) reception() caseload.Reception {
	r := v.rec
	r.PersonID = v.personID
	r.SessionDate, r.FileOpenedOn = v.SessionDate.Date(), v.FileOpened.Date()
	r.Officer, r.Notes = v.Officer.Value(), v.Notes.Value()
	r.MinutesDone, r.InfoSheetDone, r.CounsellingDone = v.Minutes.Checked, v.InfoSheet.Checked, v.Counselling.Checked
	r.Guidance = nil
	for _, g := range caseload.GuidanceTopics {
		if v.Guidance[g].Checked {
			r.Guidance = append(r.Guidance, g)
		}
	}
	return r
}

// save records the session (the person becomes managed) or updates it.
func (v *receptionView) save() {
	for _, d := range []*DateEntry{v.SessionDate, v.FileOpened} {
		if err := d.Err(); err != nil {
			setStatus(v.Status, err, "")
			return
		}
	}
	r := v.reception()
	var err error
	if r.ID == "" {
		err = v.src.RecordReception(opCtx(), &r)
	} else {
		err = v.src.UpdateReception(opCtx(), &r)
	}
	if err != nil {
		setStatus(v.Status, err, "")
		return
	}
	v.fill(r)
	setStatus(v.Status, nil, i18n.T("svui.reception.saved"))
	if v.onSaved != nil {
		v.onSaved()
	}
}
