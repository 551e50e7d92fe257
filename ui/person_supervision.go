package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// svToday returns the date the supervision screens count from; tests
// replace it to get fixed dates.
var svToday = caseload.Today

// svCtx is the context of the supervision screens' store calls.
func svCtx() context.Context { return context.Background() }

// allStatuses selects every person, ended ones included.
var allStatuses = []caseload.Status{caseload.StatusExpected, caseload.StatusManaged, caseload.StatusEnded}

// peopleLister is the part of the store that lists people from the index.
type peopleLister interface {
	People(f store.PersonFilter) []store.PersonRow
}

// personNames maps person id to full name for every person in scope.
func personNames(src peopleLister, only map[string]bool) map[string]string {
	rows := src.People(store.PersonFilter{Statuses: allStatuses, Only: only})
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.FullName
	}
	return out
}

// fieldLabel is the translated label of a record field for error
// messages ("decision.number" -> "Số quyết định").
func fieldLabel(field string) string {
	key := "svui.field." + field
	if i18n.Has(key) {
		return i18n.T(key)
	}
	return field
}

// errorText is the user-facing text of an error from the store: every
// field error of a validation error on its own line with its field label,
// otherwise the translated message.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	var ve *caseload.ValidationError
	if errors.As(err, &ve) {
		lines := make([]string, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			lines = append(lines, fieldLabel(fe.Field)+": "+i18n.TMap(fe.Key, fe.Args))
		}
		return strings.Join(lines, "\n")
	}
	return i18n.Error(err)
}

// newStatusLabel is the line under a form that shows what happened: an
// error (red) or a confirmation.
func newStatusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setStatus shows err (red) or, when err is nil, the confirmation ok.
func setStatus(l *widget.Label, err error, ok string) {
	if err != nil {
		l.Importance = widget.DangerImportance
		l.SetText(errorText(err))
		return
	}
	l.Importance = widget.SuccessImportance
	l.SetText(ok)
}

// heading is a bold section title.
func heading(key string, kv ...any) *widget.Label {
	return widget.NewLabelWithStyle(i18n.T(key, kv...), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapLabel is a word-wrapping label.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// decisionText shows a decision as "số 12/QĐ-UBND ngày 05/03/2026".
func decisionText(d caseload.Decision) string {
	if d.Number == "" && d.Date.IsZero() {
		return i18n.T("svui.common.none")
	}
	return i18n.T("svui.common.decision", "Number", d.Number, "Date", showDate(d.Date))
}

// supervisionTabs returns the supervision tabs of a person's profile:
// mentor ("Giúp đỡ"), visits ("Thăm gặp"), classification ("Phân loại")
// and end of management ("Kết thúc").
func (u *App) supervisionTabs(personID string) []*container.TabItem {
	if personID == "" {
		return nil
	}
	return []*container.TabItem{
		container.NewTabItem(i18n.T("svui.tab.mentor"), u.newMentorTab(personID).content),
		container.NewTabItem(i18n.T("svui.tab.visits"), u.newVisitLogTab(personID).content),
		container.NewTabItem(i18n.T("svui.tab.classify"), u.newClassifyTab(personID).content),
		container.NewTabItem(i18n.T("svui.tab.end"), u.newCaseEndTab(personID).content),
	}
}

// svOpenPerson opens the profile of a person (register form and tabs) in
// its own window, so the screen the officer came from stays as it was.
func (u *App) svOpenPerson(id string) {
	if !u.inScope(id) { // a mentor opens only the people assigned to them
		dialog.ShowInformation(i18n.T("svui.error.title"), i18n.T("scope.denied"), u.win)
		return
	}
	ctx := svCtx()
	p, err := u.st.Person(ctx, id)
	if err != nil {
		u.svShowError(err)
		return
	}
	if err := u.st.LogView(ctx, "person", id); err != nil {
		u.svShowError(err)
		return
	}
	w := u.fyne.NewWindow(p.FullName)
	// A mentor reads the register but may not change it (the store
	// refuses their writes anyway).
	f := newPersonForm(u.st, w, p, u.sess.readOnly() || u.sess.isMentor())
	f.OnClose = w.Close
	w.SetContent(u.personProfile(f))
	w.Resize(fyne.NewSize(1100, 760))
	w.Show()
}

// svShowError shows an error in a dialog over the main window.
func (u *App) svShowError(err error) {
	dialog.ShowInformation(i18n.T("svui.error.title"), errorText(err), u.win)
}

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
	ctx := svCtx()
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

// visitLogTab is the "Thăm gặp" tab: the append-only log, newest first;
// corrected entries stay, labelled, with a link to their correction.
type visitLogTab struct {
	u        *App
	src      visitSource
	personID string
	Form     *visitForm
	New      *widget.Button
	Log      *fyne.Container
	entries  []caseload.VisitLogEntry
	// Edit holds the "Sửa" button of each entry that can be corrected, by
	// visit id; Links the "Xem bản sửa" button of each corrected entry.
	Edit, Links map[string]*widget.Button
	formBox     *fyne.Container
	content     fyne.CanvasObject
}

func (u *App) newVisitLogTab(personID string) *visitLogTab {
	t := &visitLogTab{u: u, src: u.st, personID: personID}
	t.Form = newVisitForm(u.st, u.sess, u.personScope, personID)
	t.Form.onSaved = func(caseload.Visit) { t.formBox.Hide(); t.load() }
	t.formBox = container.NewVBox(t.Form.content, widget.NewSeparator())
	t.formBox.Hide()
	t.New = widget.NewButtonWithIcon(i18n.T("svui.visit.new"), theme.ContentAddIcon(), func() {
		t.Form.clear()
		t.formBox.Show()
		t.Form.focusFirst()
	})
	t.New.Importance = widget.HighImportance
	if u.sess.readOnly() {
		t.New.Disable()
	}
	t.Log = container.NewVBox()
	t.content = container.NewVScroll(container.NewVBox(container.NewHBox(t.New), t.formBox, t.Log))
	t.load()
	return t
}

// load reads the log of the person.
func (t *visitLogTab) load() {
	t.Log.RemoveAll()
	t.Edit, t.Links = map[string]*widget.Button{}, map[string]*widget.Button{}
	list, err := t.src.VisitLog(svCtx(), t.personID)
	if err != nil {
		t.Log.Add(wrapLabel(errorText(err)))
		return
	}
	t.entries = list
	byID := make(map[string]caseload.VisitLogEntry, len(list))
	for _, e := range list {
		byID[e.ID] = e
	}
	for _, e := range list {
		t.Log.Add(t.entryView(e, byID))
	}
	if len(list) == 0 {
		t.Log.Add(widget.NewLabel(i18n.T("svui.visit.none")))
	}
}

// entryView shows one entry of the log.
func (t *visitLogTab) entryView(e caseload.VisitLogEntry, byID map[string]caseload.VisitLogEntry) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(showDate(e.Date)+" · "+enumLabel("svui.visit.kind", string(e.Kind))+" · "+e.AuthorName,
		fyne.TextAlignLeading, fyne.TextStyle{Bold: !e.Corrected(), Italic: e.Corrected()})
	body := wrapLabel(visitSummary(e.Visit))
	var notes []fyne.CanvasObject
	if !e.NextPlanned.IsZero() {
		notes = append(notes, widget.NewLabel(i18n.T("svui.field.next_planned")+": "+showDate(e.NextPlanned)))
	}
	if e.Supersedes != "" {
		orig := byID[e.Supersedes]
		notes = append(notes, widget.NewLabel(i18n.T("svui.visit.is_correction", "Date", showDate(orig.Date))))
	}
	actions := container.NewHBox()
	if e.Corrected() {
		head.Importance, body.Importance = widget.LowImportance, widget.LowImportance
		tag := widget.NewLabelWithStyle(i18n.T("svui.visit.corrected"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		tag.Importance = widget.WarningImportance
		corr := byID[e.SupersededBy]
		link := widget.NewButtonWithIcon(i18n.T("svui.visit.see_correction"), theme.NavigateNextIcon(), func() {
			dialog.ShowInformation(i18n.T("svui.visit.correction_title", "Date", showDate(corr.Date)),
				visitSummary(corr.Visit), t.u.win)
		})
		link.Importance = widget.LowImportance
		t.Links[e.ID] = link
		actions.Add(tag)
		actions.Add(link)
	} else if !t.u.sess.readOnly() {
		ent := e
		edit := widget.NewButtonWithIcon(i18n.T("svui.visit.edit"), theme.DocumentCreateIcon(), func() {
			t.Form.startCorrection(ent.Visit)
			t.formBox.Show()
		})
		edit.Importance = widget.LowImportance
		t.Edit[e.ID] = edit
		actions.Add(edit)
	}
	objs := append([]fyne.CanvasObject{container.NewBorder(nil, nil, nil, actions, head), body}, notes...)
	return container.NewVBox(append(objs, widget.NewSeparator())...)
}

// reloadIfStale reloads the register form from the store when the person
// was changed elsewhere since it was loaded (a reception, classification
// or end of management saved in another tab of the profile), unless the
// form holds unsaved typing. The profile calls it when the register tab is
// shown again, so it never shows an old status nor saves over a newer
// version.
func (f *personForm) reloadIfStale() {
	if f.person.ID == "" || f.dirty {
		return
	}
	p, err := f.src.Person(svCtx(), f.person.ID)
	if err != nil || p.Ver == f.person.Ver {
		return
	}
	f.load(p)
}
