package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// mentorTab is the "Giúp đỡ" tab: the current mentor, the history of
// assignments and the assign/reassign action; for a person not yet
// received (expected, or managed without any reception record) also the
// "Tiếp nhận" action, which opens the reception session in place: the way
// to receive a walk-in who reports without a prison notice.
type mentorTab struct {
	u        *App
	src      assignSource
	people   walkInSource
	personID string
	Current  *widget.Label
	Assign   *widget.Button
	History  *fyne.Container

	// Receive opens the reception session; it and its hint show only
	// while the person needs one, and never for a leader or a mentor.
	Receive     *widget.Button
	ReceiveHint *widget.Label
	Status      *widget.Label
	// Reception is the open reception session, nil when none is open.
	Reception *receptionView

	receiveBox *fyne.Container
	home       fyne.CanvasObject
	stack      *fyne.Container
	content    fyne.CanvasObject
}

// walkInSource is what the tab needs to tell whether the person still
// needs a reception session.
type walkInSource interface {
	Person(ctx context.Context, id string) (caseload.Person, error)
	LatestReception(ctx context.Context, personID string) (caseload.Reception, error)
}

func (u *App) newMentorTab(personID string) *mentorTab {
	t := &mentorTab{u: u, src: u.st, people: u.st, personID: personID}
	t.Current = wrapLabel("")
	t.Assign = widget.NewButtonWithIcon(i18n.T("svui.assign.title"), theme.AccountIcon(), func() {
		u.showAssignDialog(personID, t.load)
	})
	t.Assign.Importance = widget.HighImportance
	t.Receive = widget.NewButtonWithIcon(i18n.T("walkin.action"), theme.LoginIcon(), t.openReception)
	t.Receive.Importance = widget.HighImportance
	t.ReceiveHint = wrapLabel(i18n.T("walkin.hint"))
	t.ReceiveHint.Importance = widget.WarningImportance
	t.receiveBox = container.NewVBox(t.ReceiveHint, container.NewHBox(t.Receive), widget.NewSeparator())
	t.receiveBox.Hide()
	t.Status = newStatusLabel()
	t.History = container.NewVBox()
	t.home = container.NewVScroll(container.NewVBox(t.receiveBox, t.Status, heading("svui.mentor.current"), t.Current,
		container.NewHBox(t.Assign), widget.NewSeparator(), heading("svui.mentor.history"), t.History))
	t.stack = container.NewStack(t.home)
	t.content = t.stack
	t.load()
	return t
}

// needsReception reports whether person p has still to be received:
// expected, or managed without any reception record.
func (t *mentorTab) needsReception(ctx context.Context, p caseload.Person) bool {
	switch p.Status {
	case caseload.StatusExpected:
		return true
	case caseload.StatusManaged:
		_, err := t.people.LatestReception(ctx, t.personID)
		return errors.Is(err, store.ErrNotFound)
	}
	return false
}

// openReception shows the reception session in place of the tab, with a
// back button; saving it goes back to the refreshed tab.
func (t *mentorTab) openReception() {
	if t.u.sess.readOnly() || t.u.sess.isMentor() {
		return
	}
	v := t.u.newReceptionView(nil, t.personID)
	v.onSaved = func() {
		t.closeReception()
		setStatus(t.Status, nil, i18n.T("walkin.saved"))
	}
	t.Reception = v
	back := widget.NewButtonWithIcon(i18n.T("svui.common.back"), theme.NavigateBackIcon(), t.closeReception)
	t.stack.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(back), nil, nil, nil, v.content)}
	t.stack.Refresh()
}

// closeReception goes back to the tab and reloads it.
func (t *mentorTab) closeReception() {
	t.Reception = nil
	t.stack.Objects = []fyne.CanvasObject{t.home}
	t.stack.Refresh()
	t.load()
}

// load reads the assignments of the person and whether they still need
// a reception session.
func (t *mentorTab) load() {
	ctx := opCtx()
	writer := !t.u.sess.readOnly() && !t.u.sess.isMentor()
	p, err := t.people.Person(ctx, t.personID)
	known := writer && err == nil
	if known && t.needsReception(ctx, p) {
		t.receiveBox.Show()
	} else {
		t.receiveBox.Hide()
	}
	// A mentor is assigned after the reception (TT 10/2024 Art. 10).
	if known && p.Status == caseload.StatusManaged {
		t.Assign.Enable()
	} else {
		t.Assign.Disable()
	}
	list, err := t.src.Assignments(ctx, t.personID)
	t.History.RemoveAll()
	if err != nil {
		t.Current.SetText(errorText(err))
		return
	}
	mentorName := func(id string) string {
		if m, err := t.src.Mentor(ctx, id); err == nil {
			return m.Name + " (" + enumLabel("svui.org", string(m.Organisation)) + ")"
		}
		return id
	}
	t.Current.SetText(i18n.T("svui.mentor.none_current"))
	t.Assign.SetText(i18n.T("svui.assign.title"))
	for _, a := range list {
		name := mentorName(a.MentorID)
		if a.Active() {
			t.Current.SetText(i18n.T("svui.mentor.current_line", "Name", name,
				"Decision", decisionText(a.Decision), "From", showDate(a.From)))
			t.Assign.SetText(i18n.T("svui.assign.reassign_title"))
		}
		to := showDate(a.To)
		if a.Active() {
			to = i18n.T("svui.mentor.now")
		}
		line := i18n.T("svui.mentor.history_line", "From", showDate(a.From), "To", to, "Name", name, "Decision", decisionText(a.Decision))
		if a.ChangeReason != "" {
			line += "\n" + i18n.T("svui.field.change_reason") + ": " + a.ChangeReason
		}
		if a.Handover != "" {
			line += "\n" + i18n.T("svui.field.handover") + ": " + a.Handover
		}
		t.History.Add(wrapLabel(line))
	}
	if len(list) == 0 {
		t.History.Add(widget.NewLabel(i18n.T("svui.common.empty")))
	}
}
