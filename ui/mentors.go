package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// mentorSource is what the mentor roster needs from the store.
type mentorSource interface {
	peopleLister
	SaveMentor(ctx context.Context, m *caseload.Mentor) error
	Mentors(ctx context.Context, activeOnly bool) ([]caseload.Mentor, error)
	MentorLoads(ctx context.Context) (map[string]int, error)
	MentorAssignments(ctx context.Context, mentorID string, activeOnly bool) ([]caseload.Assignment, error)
	WorklistFor(ctx context.Context, today caseload.Date, mentorID string) ([]caseload.WorkItem, error)
}

// mentorCols are the message keys of the roster columns.
var mentorCols = []string{"svui.mentor.col.name", "svui.mentor.col.kind", "svui.mentor.col.org",
	"svui.mentor.col.position", "svui.mentor.col.phone", "svui.mentor.col.load", "svui.mentor.col.active"}

// mentorRow is one pre-formatted roster row.
type mentorRow struct {
	m     caseload.Mentor
	cells []string
}

// mentorsArea is the roster of mentors ("Người giúp đỡ"): a filtered table,
// the add/edit form and, for the selected mentor, their people and their
// overdue visits.
type mentorsArea struct {
	u   *App
	src mentorSource

	Search     *widget.Entry
	OrgFilter  *enumSelect
	ActiveOnly *widget.Check
	Table      *widget.Table
	Count      *widget.Label
	Add, Edit  *widget.Button

	PanelTitle *widget.Label
	People     *fyne.Container
	Overdue    *fyne.Container

	all      []caseload.Mentor
	loads    map[string]int
	rows     []mentorRow
	selected string
}

// newMentorsArea builds the "mentors" area.
func (u *App) newMentorsArea() fyne.CanvasObject { return u.buildMentorsArea().content() }

// buildMentorsArea builds the roster and loads it.
func (u *App) buildMentorsArea() *mentorsArea {
	a := &mentorsArea{u: u, src: u.st}
	a.Search = widget.NewEntry()
	a.Search.PlaceHolder = i18n.T("svui.mentor.search")
	a.Search.OnChanged = func(string) { a.filter() }
	a.OrgFilter = newEnumSelect("svui.org", enumValues(caseload.OrgTypes), true, func(string) { a.filter() })
	a.OrgFilter.PlaceHolder = i18n.T("svui.mentor.all_orgs")
	a.ActiveOnly = widget.NewCheck(i18n.T("svui.mentor.active_only"), func(bool) { a.filter() })
	a.ActiveOnly.SetChecked(true)
	a.Count = widget.NewLabel("")
	a.Add = widget.NewButtonWithIcon(i18n.T("svui.mentor.add"), theme.ContentAddIcon(), func() { a.openForm(caseload.Mentor{}) })
	a.Add.Importance = widget.HighImportance
	a.Edit = widget.NewButtonWithIcon(i18n.T("svui.mentor.edit"), theme.DocumentCreateIcon(), func() {
		for _, m := range a.all {
			if m.ID == a.selected {
				a.openForm(m)
			}
		}
	})
	a.Edit.Disable()
	if u.sess.readOnly() || u.sess.isMentor() {
		a.Add.Disable()
	}
	a.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(a.rows), len(mentorCols) },
		func() fyne.CanvasObject { return widget.NewLabel("Hội Liên hiệp Phụ nữ") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			if id.Row < 0 || id.Row >= len(a.rows) || id.Col < 0 || id.Col >= len(mentorCols) {
				l.SetText("")
				return
			}
			l.SetText(a.rows[id.Row].cells[id.Col])
		})
	a.Table.ShowHeaderColumn = false
	a.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(mentorCols) {
			o.(*widget.Label).SetText(i18n.T(mentorCols[id.Col]))
		}
	}
	for i, w := range []float32{240, 90, 180, 150, 110, 80, 140} {
		a.Table.SetColumnWidth(i, w)
	}
	a.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(a.rows) {
			a.selectMentor(a.rows[id.Row].m.ID)
		}
	}
	a.PanelTitle = heading("svui.mentor.panel_empty")
	a.People = container.NewVBox()
	a.Overdue = container.NewVBox()
	a.load()
	return a
}

// content lays out the filters and table above the per-mentor panel.
func (a *mentorsArea) content() fyne.CanvasObject {
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(210, a.OrgFilter.MinSize().Height), a.OrgFilter), a.ActiveOnly, a.Add, a.Edit),
		a.Search)
	top := container.NewVBox(heading("svui.mentor.title"), filters, a.Count)
	list := container.NewBorder(top, nil, nil, nil, a.Table)
	panel := container.NewVScroll(container.NewVBox(a.PanelTitle,
		heading("svui.mentor.people"), a.People, widget.NewSeparator(),
		heading("svui.mentor.overdue"), a.Overdue))
	split := container.NewVSplit(list, panel)
	split.Offset = 0.6
	return split
}

// load reads the roster and the number of people per mentor.
func (a *mentorsArea) load() {
	ctx := svCtx()
	all, err := a.src.Mentors(ctx, false)
	if err != nil {
		a.Count.SetText(errorText(err))
		return
	}
	loads, err := a.src.MentorLoads(ctx)
	if err != nil {
		a.Count.SetText(errorText(err))
		return
	}
	a.all, a.loads = all, loads
	a.filter()
}

// filter applies the search text, the organisation and the active filter.
func (a *mentorsArea) filter() {
	if a.Table == nil || a.Count == nil {
		return // still being built
	}
	q := i18n.Fold(a.Search.Text)
	org := a.OrgFilter.Value()
	a.rows = a.rows[:0]
	for _, m := range a.all {
		if a.ActiveOnly.Checked && !m.Active {
			continue
		}
		if org != "" && string(m.Organisation) != org {
			continue
		}
		if q != "" && !strings.Contains(i18n.Fold(m.Name+" "+m.Position+" "+m.Phone), q) {
			continue
		}
		active := i18n.T("svui.mentor.inactive")
		if m.Active {
			active = i18n.T("svui.mentor.active")
		}
		a.rows = append(a.rows, mentorRow{m: m, cells: []string{
			m.Name, enumLabel("svui.mentor.kind", string(m.Kind)), enumLabel("svui.org", string(m.Organisation)),
			m.Position, m.Phone, strconv.Itoa(a.loads[m.ID]), active,
		}})
	}
	a.Count.SetText(i18n.T("svui.mentor.count", "Count", i18n.Number(len(a.rows))))
	a.Table.Refresh()
}

// selectMentor fills the panel: the mentor's people and overdue visits.
func (a *mentorsArea) selectMentor(id string) {
	a.selected = id
	if !a.u.sess.readOnly() && !a.u.sess.isMentor() {
		a.Edit.Enable()
	}
	var m caseload.Mentor
	for _, x := range a.all {
		if x.ID == id {
			m = x
		}
	}
	a.PanelTitle.SetText(i18n.T("svui.mentor.panel", "Name", m.Name))
	ctx := svCtx()
	names := personNames(a.src, nil)
	a.People.RemoveAll()
	list, err := a.src.MentorAssignments(ctx, id, true)
	if err != nil {
		a.People.Add(wrapLabel(errorText(err)))
	}
	for _, as := range list {
		pid := as.PersonID
		b := widget.NewButton(i18n.T("svui.mentor.person_line", "Name", names[pid], "From", showDate(as.From)), func() { a.u.svOpenPerson(pid) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		a.People.Add(b)
	}
	if len(list) == 0 && err == nil {
		a.People.Add(widget.NewLabel(i18n.T("svui.mentor.no_people")))
	}
	a.Overdue.RemoveAll()
	items, err := a.src.WorklistFor(ctx, svToday(), id)
	if err != nil {
		a.Overdue.Add(wrapLabel(errorText(err)))
	}
	n := 0
	for _, it := range items {
		if it.Kind != caseload.WorkVisitOverdue {
			continue
		}
		n++
		l := wrapLabel(showDate(it.Due) + " — " + i18n.TMap(it.Rule, it.Args))
		if it.Overdue {
			l.Importance = widget.DangerImportance
		}
		a.Overdue.Add(l)
	}
	if n == 0 && err == nil {
		a.Overdue.Add(widget.NewLabel(i18n.T("svui.mentor.no_overdue")))
	}
}

// openForm shows the add/edit form of a mentor in a dialog.
func (a *mentorsArea) openForm(m caseload.Mentor) {
	f := newMentorForm(a.src, m)
	title := i18n.T("svui.mentor.add")
	if m.ID != "" {
		title = i18n.T("svui.mentor.edit")
	}
	d := dialog.NewCustomWithoutButtons(title, f.content, a.u.win)
	f.onDone = func(saved bool) {
		d.Hide()
		if saved {
			a.load()
			a.selectMentor(f.m.ID)
		}
	}
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	a.u.win.Canvas().Focus(f.Name)
}

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
	if err := f.src.SaveMentor(svCtx(), &m); err != nil {
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
	ctx := svCtx()
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
		err = f.src.Reassign(svCtx(), f.personID, &a, f.Reason.Value(), f.Handover.Value())
	} else {
		err = f.src.Assign(svCtx(), &a)
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
	d := dialog.NewCustomWithoutButtons(title, f.content, u.win)
	f.onDone = func(ok bool) {
		d.Hide()
		if ok && saved != nil {
			saved()
		}
	}
	d.Resize(fyne.NewSize(600, 480))
	d.Show()
	return f
}
