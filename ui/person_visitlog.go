package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

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
	list, err := t.src.VisitLog(opCtx(), t.personID)
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
			showMessage(i18n.T("svui.visit.correction_title", "Date", showDate(corr.Date)),
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
