package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	busy       loader
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
	// The actions share the title's row and the filters the search's, so
	// the roster fits a 1024-wide window.
	title := container.NewBorder(nil, nil, heading("svui.mentor.title"),
		container.NewHBox(a.Add, a.Edit, exportButton(a.src, "mentors", nil)))
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(210, a.OrgFilter.MinSize().Height), a.OrgFilter), a.ActiveOnly),
		a.Search)
	top := container.NewVBox(title, filters, a.Count)
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
	type roster struct {
		all   []caseload.Mentor
		loads map[string]int
	}
	a.busy.status = a.Count
	runLoad(&a.busy, func() (roster, error) {
		ctx := opCtx()
		all, err := a.src.Mentors(ctx, false)
		if err != nil {
			return roster{}, err
		}
		loads, err := a.src.MentorLoads(ctx)
		return roster{all, loads}, err
	}, func(err error) { a.Count.SetText(errorText(err)) }, func(r roster) {
		a.all, a.loads = r.all, r.loads
		a.filter()
	})
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
	ctx := opCtx()
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
		l := wrapLabel(showDate(it.Due) + " — " + i18n.TMap(it.Rule, it.Args.Map()))
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
func (a *mentorsArea) openForm(m caseload.Mentor) *mentorForm {
	f := newMentorForm(a.src, m)
	title := i18n.T("svui.mentor.add")
	if m.ID != "" {
		title = i18n.T("svui.mentor.edit")
	}
	var d dialog.Dialog
	f.onDone = func(saved bool) {
		d.Hide()
		if saved {
			a.load()
			a.selectMentor(f.m.ID)
		}
	}
	var save func()
	if !f.Save.Disabled() {
		save = f.save
	}
	d = showFormDialog(a.u.win, title, f.content, fyne.NewSize(560, 520), "", save)
	a.u.win.Canvas().Focus(f.Name)
	return f
}
