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

// caseEndSource is what the "Kết thúc" tab needs from the store.
type caseEndSource interface {
	EndCase(ctx context.Context, c *caseload.CaseEnd) error
	CaseEnds(ctx context.Context, personID string) ([]caseload.CaseEnd, error)
	AddRecidivism(ctx context.Context, r *caseload.Recidivism, end *caseload.CaseEnd) error
	Recidivisms(ctx context.Context, personID string) ([]caseload.Recidivism, error)
}

// caseEndTab is the "Kết thúc" tab: end of management on one of the six
// grounds of TT 10/2024 Art. 14 with the proposal (HCD-10) and decision
// (HCD-11), the destination when moving away; and recording a new
// conviction (recidivism), which may end management.
type caseEndTab struct {
	src      caseEndSource
	personID string

	Reason       *enumSelect
	ProposalNo   *keyEntry
	ProposalDate *DateEntry
	DecisionNo   *keyEntry
	DecisionDate *DateEntry
	Destination  *keyEntry
	Notes        *keyEntry
	End          *widget.Button
	EndStatus    *widget.Label

	RDate      *DateEntry
	ROffenseOn *DateEntry // the day the new offence was committed (BLHS Art. 73(2))
	ROffense   *keyEntry
	RJudgment  *keyEntry
	RCourt     *keyEntry
	REnds      *widget.Check
	Record     *widget.Button
	RStatus    *widget.Label

	History *fyne.Container
	content fyne.CanvasObject
}

func (u *App) newCaseEndTab(personID string) *caseEndTab {
	t := &caseEndTab{src: u.st, personID: personID}
	t.Reason = newEnumSelect("svui.end.reason", enumValues(caseload.EndReasons), false, func(v string) {
		if v == string(caseload.EndMovedAway) {
			t.Destination.Enable()
		} else {
			t.Destination.Disable()
		}
	})
	t.ProposalNo, t.DecisionNo, t.Destination, t.Notes = newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	t.Destination.Disable()
	t.ProposalDate, t.DecisionDate = NewDateEntry(), NewDateEntry()
	t.EndStatus, t.RStatus = newStatusLabel(), newStatusLabel()
	t.End = widget.NewButtonWithIcon(i18n.T("svui.end.save"), theme.ConfirmIcon(), t.endCase)
	t.End.Importance = widget.DangerImportance
	t.RDate, t.ROffense, t.RJudgment, t.RCourt = NewDateEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	t.ROffenseOn = NewDateEntry()
	t.REnds = widget.NewCheck(i18n.T("svui.recid.ends"), nil)
	t.REnds.SetChecked(true)
	t.Record = widget.NewButtonWithIcon(i18n.T("svui.recid.save"), theme.DocumentSaveIcon(), t.recordRecidivism)
	if u.sess.readOnly() || u.sess.isMentor() {
		t.End.Disable()
		t.Record.Disable()
	}
	endForm := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.reason"), t.Reason),
		widget.NewFormItem(i18n.T("svui.field.proposal.number"), t.ProposalNo),
		widget.NewFormItem(i18n.T("svui.field.proposal.date"), t.ProposalDate),
		widget.NewFormItem(i18n.T("svui.field.decision_end.number"), t.DecisionNo),
		widget.NewFormItem(i18n.T("svui.field.decision.date"), t.DecisionDate),
		widget.NewFormItem(i18n.T("svui.field.destination"), t.Destination),
		widget.NewFormItem(i18n.T("svui.field.notes"), t.Notes),
	)
	recForm := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.recid_date"), t.RDate),
		widget.NewFormItem(i18n.T("svui.field.recid_offense_on"), t.ROffenseOn),
		widget.NewFormItem(i18n.T("svui.field.offense"), t.ROffense),
		widget.NewFormItem(i18n.T("svui.field.judgment.number"), t.RJudgment),
		widget.NewFormItem(i18n.T("svui.field.judgment.court"), t.RCourt),
		widget.NewFormItem("", t.REnds),
	)
	t.History = container.NewVBox()
	rule := wrapLabel(i18n.T("svui.end.rule"))
	rule.Importance = widget.LowImportance
	t.content = container.NewVScroll(container.NewVBox(
		heading("svui.end.title"), rule, endForm, container.NewHBox(t.End), t.EndStatus, widget.NewSeparator(),
		heading("svui.recid.title"), recForm, container.NewHBox(t.Record), t.RStatus, widget.NewSeparator(),
		heading("svui.end.history"), t.History))
	t.load()
	return t
}

// endCase ends management.
func (t *caseEndTab) endCase() {
	c := caseload.CaseEnd{PersonID: t.personID, Reason: caseload.EndReason(t.Reason.Value()),
		Proposal:    caseload.Decision{Number: t.ProposalNo.Value(), Date: t.ProposalDate.Date()},
		Decision:    caseload.Decision{Number: t.DecisionNo.Value(), Date: t.DecisionDate.Date()},
		Destination: t.Destination.Value(), Notes: t.Notes.Value()}
	if err := t.src.EndCase(opCtx(), &c); err != nil {
		setStatus(t.EndStatus, err, "")
		return
	}
	setStatus(t.EndStatus, nil, i18n.T("svui.end.saved"))
	t.load()
}

// recordRecidivism records a new conviction; with REnds checked it also
// ends management as "serving a new sentence", with the decision above.
func (t *caseEndTab) recordRecidivism() {
	r := caseload.Recidivism{PersonID: t.personID, Date: t.RDate.Date(), OffenseOn: t.ROffenseOn.Date(), Offense: t.ROffense.Value(),
		Judgment: caseload.Judgment{Number: t.RJudgment.Value(), Date: t.RDate.Date(), Court: t.RCourt.Value()}}
	var end *caseload.CaseEnd
	if t.REnds.Checked {
		end = &caseload.CaseEnd{PersonID: t.personID, Reason: caseload.EndNewSentence,
			Proposal: caseload.Decision{Number: t.ProposalNo.Value(), Date: t.ProposalDate.Date()},
			Decision: caseload.Decision{Number: t.DecisionNo.Value(), Date: t.DecisionDate.Date()},
			Notes:    t.Notes.Value()}
	}
	if err := t.src.AddRecidivism(opCtx(), &r, end); err != nil {
		setStatus(t.RStatus, err, "")
		return
	}
	setStatus(t.RStatus, nil, i18n.T("svui.recid.saved"))
	t.load()
}

// load lists the ends and the recidivism records of the person.
func (t *caseEndTab) load() {
	t.History.RemoveAll()
	ctx := opCtx()
	ends, err := t.src.CaseEnds(ctx, t.personID)
	if err != nil {
		t.History.Add(wrapLabel(errorText(err)))
	}
	for _, c := range ends {
		line := i18n.T("svui.end.history_line", "Reason", enumLabel("svui.end.reason", string(c.Reason)), "Decision", decisionText(c.Decision))
		if c.Destination != "" {
			line += " — " + i18n.T("svui.field.destination") + ": " + c.Destination
		}
		t.History.Add(wrapLabel(line))
	}
	recs, err := t.src.Recidivisms(ctx, t.personID)
	if err != nil {
		t.History.Add(wrapLabel(errorText(err)))
	}
	for _, r := range recs {
		t.History.Add(wrapLabel(i18n.T("svui.recid.history_line", "Date", showDate(r.Date), "Offense", r.Offense)))
	}
	if len(ends) == 0 && len(recs) == 0 {
		t.History.Add(widget.NewLabel(i18n.T("svui.common.empty")))
	}
}
