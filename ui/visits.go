package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// visitSource is what the visit screens need from the store.
type visitSource interface {
	peopleLister
	AddVisit(ctx context.Context, v *caseload.Visit) error
	CorrectVisit(ctx context.Context, oldID string, v *caseload.Visit) error
	VisitLog(ctx context.Context, personID string) ([]caseload.VisitLogEntry, error)
	RecentVisits(ctx context.Context, limit int, only map[string]bool) ([]caseload.VisitLogEntry, error)
	Mentor(ctx context.Context, id string) (caseload.Mentor, error)
}

// recentVisitLimit is how many visits the visits area lists.
const recentVisitLimit = 500

// visitRow is one pre-formatted row of the recent visits table.
type visitRow struct {
	cells [5]string
	entry caseload.VisitLogEntry
}

// visitsArea is the "Thăm gặp" area: recent visits across the caseload and
// the fast keyboard-only entry form.
type visitsArea struct {
	u     *App
	src   visitSource
	Form  *visitForm
	Table *widget.Table
	Count *widget.Label
	rows  []visitRow
}

// newVisitsArea builds the "visits" area: the visit log and entry form,
// and the quarterly list by group (HCD-09, quarterlist.go).
func (u *App) newVisitsArea() fyne.CanvasObject {
	return container.NewAppTabs(
		container.NewTabItem(i18n.T("quarterlist.tab.visits"), u.buildVisitsArea().content()),
		container.NewTabItem(i18n.T("quarterlist.tab.list"), u.newQuarterListTab()),
	)
}

// buildVisitsArea builds the area and loads the recent visits.
func (u *App) buildVisitsArea() *visitsArea {
	a := &visitsArea{u: u, src: u.st}
	a.Form = newVisitForm(u.st, u.sess, u.personScope, "")
	a.Form.onSaved = func(caseload.Visit) { a.load() }
	a.Count = widget.NewLabel("")
	a.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(a.rows), 5 },
		func() fyne.CanvasObject { return widget.NewLabel("Nguyễn Văn Anh Tuấn") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(a.rows) || id.Col < 0 || id.Col >= 5 {
				l.SetText("")
				return
			}
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(a.rows[id.Row].cells[id.Col])
		})
	a.Table.ShowHeaderColumn = false
	a.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	a.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		keys := []string{"svui.visit.col.date", "svui.visit.col.person", "svui.visit.col.kind", "svui.visit.col.author", "svui.visit.col.summary"}
		if id.Col >= 0 && id.Col < len(keys) {
			o.(*widget.Label).SetText(i18n.T(keys[id.Col]))
		}
	}
	for i, w := range []float32{100, 190, 130, 150, 260} {
		a.Table.SetColumnWidth(i, w)
	}
	a.Table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(a.rows) {
			a.Table.UnselectAll()
			u.svOpenPerson(a.rows[id.Row].entry.PersonID)
		}
	}
	a.load()
	cv := u.win.Canvas()
	bindKeys(cv, func() bool { return u.areaShown("nav.visits") }, keyActions{
		save:      a.Form.save,
		newRecord: a.Form.clear,
		find:      func() { cv.Focus(a.Form.Picker.Entry) },
	})
	return a
}

// content lays the area out: the list on the left, the entry form on the
// right.
func (a *visitsArea) content() fyne.CanvasObject {
	left := container.NewBorder(container.NewVBox(heading("svui.visit.recent"), a.Count), nil, nil, nil, a.Table)
	split := container.NewHSplit(left, container.NewVScroll(a.Form.content))
	split.Offset = 0.56
	return split
}

// load reads the recent visits (synchronously; the list is bounded).
func (a *visitsArea) load() {
	only := a.u.personScope()
	list, err := a.src.RecentVisits(svCtx(), recentVisitLimit, only)
	if err != nil {
		a.Count.SetText(errorText(err))
		return
	}
	names := personNames(a.src, only)
	a.rows = a.rows[:0]
	for _, e := range list {
		a.rows = append(a.rows, visitRow{entry: e, cells: [5]string{
			showDate(e.Date), names[e.PersonID], visitKindText(e), e.AuthorName, visitSummary(e.Visit),
		}})
	}
	a.Count.SetText(i18n.T("svui.visit.count", "Count", i18n.Number(len(a.rows))))
	a.Table.Refresh()
}

// visitKindText is the kind label, marked when the entry was corrected.
func visitKindText(e caseload.VisitLogEntry) string {
	s := enumLabel("svui.visit.kind", string(e.Kind))
	if e.Corrected() {
		s += " · " + i18n.T("svui.visit.corrected")
	}
	return s
}

// visitSummary joins the filled observation fields in one line.
func visitSummary(v caseload.Visit) string {
	var out string
	add := func(key, val string) {
		if val == "" {
			return
		}
		if out != "" {
			out += "; "
		}
		out += i18n.T(key) + ": " + val
	}
	add("svui.field.attitude", v.Attitude)
	add("svui.field.employment", v.Employment)
	add("svui.field.risks", v.Risks)
	add("svui.field.help_needed", v.HelpNeeded)
	add("svui.field.help_given", v.HelpGiven)
	add("svui.field.family", v.Family)
	add("svui.field.health", v.Health)
	add("svui.field.income", v.Income)
	return out
}

// areaShown reports whether the area with the navigation key is on screen.
func (u *App) areaShown(key string) bool {
	return u.current >= 0 && u.current < len(u.areas) && u.areas[u.current].key == key
}

// visitForm records a visit (or a correction of one) with the keyboard
// alone: person (search without diacritics), date (today by default), kind
// (Left/Right change it), the observations, the next planned date. Ctrl+S
// (or Enter on the last field) saves and clears the form for the next
// visit.
type visitForm struct {
	src      visitSource
	sess     session
	scope    func() map[string]bool
	personID string // fixed person (profile tab); "" with the picker

	Picker      *personPicker
	Date        *DateEntry
	Kind        *enumSelect
	Attitude    *keyEntry
	Employment  *keyEntry
	Income      *keyEntry
	Family      *keyEntry
	Health      *keyEntry
	Risks       *keyEntry
	HelpNeeded  *keyEntry
	HelpGiven   *keyEntry
	NextPlanned *DateEntry
	Notes       *keyEntry
	Save        *widget.Button
	Status      *widget.Label
	Title       *widget.Label

	correcting string // id of the visit being corrected
	onSaved    func(caseload.Visit)
	content    fyne.CanvasObject
}

// newVisitForm builds the form; with personID the person is fixed and the
// picker hidden.
func newVisitForm(src visitSource, sess session, scope func() map[string]bool, personID string) *visitForm {
	f := &visitForm{src: src, sess: sess, scope: scope, personID: personID}
	f.Picker = newPersonPicker(src, scope)
	f.Date = NewDateEntry()
	f.Kind = newEnumSelect("svui.visit.kind", enumValues(caseload.VisitKinds), false, nil)
	f.Kind.SetValue(string(caseload.VisitHome))
	f.Attitude, f.Employment, f.Income = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.Family, f.Health, f.Risks = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.HelpNeeded, f.HelpGiven, f.Notes = newKeyEntry(), newKeyEntry(), newKeyEntry()
	f.NextPlanned = NewDateEntry()
	f.Notes.OnSubmitted = func(string) { f.save() }
	f.Save = widget.NewButtonWithIcon(i18n.T("svui.visit.save"), theme.DocumentSaveIcon(), f.save)
	f.Save.Importance = widget.HighImportance
	f.Status = newStatusLabel()
	f.Title = heading("svui.visit.new")
	items := []*widget.FormItem{}
	if personID == "" {
		items = append(items, widget.NewFormItem(i18n.T("svui.field.person_id"), f.Picker.Entry))
	}
	items = append(items,
		widget.NewFormItem(i18n.T("svui.field.date"), f.Date),
		widget.NewFormItem(i18n.T("svui.field.kind"), f.Kind),
		widget.NewFormItem(i18n.T("svui.field.attitude"), f.Attitude),
		widget.NewFormItem(i18n.T("svui.field.employment"), f.Employment),
		widget.NewFormItem(i18n.T("svui.field.income"), f.Income),
		widget.NewFormItem(i18n.T("svui.field.family"), f.Family),
		widget.NewFormItem(i18n.T("svui.field.health"), f.Health),
		widget.NewFormItem(i18n.T("svui.field.risks"), f.Risks),
		widget.NewFormItem(i18n.T("svui.field.help_needed"), f.HelpNeeded),
		widget.NewFormItem(i18n.T("svui.field.help_given"), f.HelpGiven),
		widget.NewFormItem(i18n.T("svui.field.next_planned"), f.NextPlanned),
		widget.NewFormItem(i18n.T("svui.field.notes"), f.Notes),
	)
	form := widget.NewForm(items...)
	top := []fyne.CanvasObject{f.Title}
	if personID == "" {
		top = append(top, f.Picker.Chosen, f.Picker.Matches)
	}
	hint := wrapLabel(i18n.T("svui.visit.hint"))
	hint.Importance = widget.LowImportance
	f.content = container.NewVBox(append(top, form, container.NewHBox(f.Save), f.Status, hint)...)
	if sess.readOnly() {
		f.Save.Disable()
	}
	f.reset()
	return f
}

// reset clears the fields for the next visit: today's date, a home visit.
func (f *visitForm) reset() {
	f.correcting = ""
	f.Title.SetText(i18n.T("svui.visit.new"))
	f.Picker.clear()
	f.Date.SetDate(svToday())
	f.Kind.SetValue(string(caseload.VisitHome))
	for _, e := range f.texts() {
		e.SetText("")
	}
	f.NextPlanned.SetDate(caseload.Date{})
}

// clear resets the form, forgets any message and puts the cursor on the
// first field.
func (f *visitForm) clear() {
	f.reset()
	f.Status.SetText("")
	f.focusFirst()
}

// focusFirst puts the cursor in the person search (or the date).
func (f *visitForm) focusFirst() {
	var target fyne.Focusable = f.Picker.Entry
	if f.personID != "" {
		target = f.Date.Entry
	}
	if c := canvasOf(f.Date); c != nil {
		c.Focus(target)
	}
}

func (f *visitForm) texts() []*keyEntry {
	return []*keyEntry{f.Attitude, f.Employment, f.Income, f.Family, f.Health, f.Risks, f.HelpNeeded, f.HelpGiven, f.Notes}
}

// startCorrection fills the form with an entry to correct; saving creates
// a superseding entry.
func (f *visitForm) startCorrection(v caseload.Visit) {
	f.correcting = v.ID
	f.Title.SetText(i18n.T("svui.visit.correcting", "Date", showDate(v.Date)))
	f.Date.SetDate(v.Date)
	f.Kind.SetValue(string(v.Kind))
	vals := []string{v.Attitude, v.Employment, v.Income, v.Family, v.Health, v.Risks, v.HelpNeeded, v.HelpGiven, v.Notes}
	for i, e := range f.texts() {
		e.SetText(vals[i])
	}
	f.NextPlanned.SetDate(v.NextPlanned)
	f.Status.SetText("")
}

// visit builds the record from the fields.
func (f *visitForm) visit() caseload.Visit {
	v := caseload.Visit{
		PersonID: f.personID, Date: f.Date.Date(), Kind: caseload.VisitKind(f.Kind.Value()),
		Attitude: f.Attitude.Value(), Employment: f.Employment.Value(), Income: f.Income.Value(),
		Family: f.Family.Value(), Health: f.Health.Value(), Risks: f.Risks.Value(),
		HelpNeeded: f.HelpNeeded.Value(), HelpGiven: f.HelpGiven.Value(), Notes: f.Notes.Value(),
		NextPlanned: f.NextPlanned.Date(),
		AuthorKind:  caseload.AuthorOfficer, AuthorName: f.sess.UserName,
	}
	if v.PersonID == "" {
		v.PersonID = f.Picker.SelectedID()
	}
	if f.sess.isMentor() {
		v.AuthorKind, v.MentorID = caseload.AuthorMentor, f.sess.MentorID
		if m, err := f.src.Mentor(svCtx(), f.sess.MentorID); err == nil && m.Name != "" {
			v.AuthorName = m.Name
		}
	}
	return v
}

// save writes the visit (or the correction); on success it clears the
// form for the next one and reports what was saved.
func (f *visitForm) save() {
	if f.sess.readOnly() {
		return
	}
	for _, d := range []*DateEntry{f.Date, f.NextPlanned} {
		if err := d.Err(); err != nil {
			setStatus(f.Status, err, "")
			return
		}
	}
	v := f.visit()
	var err error
	if f.correcting != "" {
		err = f.src.CorrectVisit(svCtx(), f.correcting, &v)
	} else {
		err = f.src.AddVisit(svCtx(), &v)
	}
	if err != nil {
		setStatus(f.Status, err, "")
		return
	}
	name := f.Picker.SelectedName()
	f.reset()
	setStatus(f.Status, nil, i18n.T("svui.visit.saved", "Name", name, "Date", showDate(v.Date)))
	f.focusFirst()
	if f.onSaved != nil {
		f.onSaved(v)
	}
}

// personPicker finds a person as you type, without diacritics ("nguyen
// van duc" finds "Nguyễn Văn Đức"); Up/Down move the choice, the first
// match is chosen by default.
type personPicker struct {
	src     peopleLister
	scope   func() map[string]bool
	Entry   *pickerEntry
	Matches *widget.List
	Chosen  *widget.Label
	rows    []store.PersonRow
	sel     int
}

// pickerMax is how many matches the picker lists.
const pickerMax = 6

func newPersonPicker(src peopleLister, scope func() map[string]bool) *personPicker {
	p := &personPicker{src: src, scope: scope, sel: -1}
	p.Entry = &pickerEntry{picker: p}
	p.Entry.ExtendBaseWidget(p.Entry)
	p.Entry.PlaceHolder = i18n.T("svui.picker.placeholder")
	p.Entry.OnChanged = func(string) { p.search() }
	p.Chosen = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Matches = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("Nguyễn Văn Anh Tuấn (1985)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(p.rows) {
				o.(*widget.Label).SetText(rowLabel(p.rows[id]))
			}
		})
	p.Matches.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.rows) && id != p.sel {
			p.sel = id
			p.showChosen()
		}
	}
	p.Matches.Hide()
	return p
}

// rowLabel shows a person as "Name (1985) · hamlet".
func rowLabel(r store.PersonRow) string {
	s := r.FullName
	if r.BirthYear != 0 {
		s += " (" + strconv.Itoa(r.BirthYear) + ")"
	}
	if r.Hamlet != "" {
		s += " · " + r.Hamlet
	}
	return s
}

// search lists the managed and expected people matching the text.
func (p *personPicker) search() {
	q := nfc(p.Entry.Text)
	p.rows = nil
	if q != "" {
		var only map[string]bool
		if p.scope != nil {
			only = p.scope()
		}
		rows := p.src.People(store.PersonFilter{Query: q, Statuses: []caseload.Status{caseload.StatusManaged, caseload.StatusExpected}, Only: only})
		if len(rows) > pickerMax {
			rows = rows[:pickerMax]
		}
		p.rows = rows
	}
	p.sel = -1
	if len(p.rows) > 0 {
		p.sel = 0
		p.Matches.Show()
	} else {
		p.Matches.Hide()
	}
	p.Matches.Refresh()
	if p.sel >= 0 {
		p.Matches.Select(p.sel)
	} else {
		p.Matches.UnselectAll()
	}
	p.showChosen()
}

// move changes the choice by delta (Up/Down).
func (p *personPicker) move(delta int) {
	if len(p.rows) == 0 {
		return
	}
	p.sel = (p.sel + delta + len(p.rows)) % len(p.rows)
	p.Matches.Select(p.sel)
	p.showChosen()
}

func (p *personPicker) showChosen() {
	switch {
	case p.sel >= 0:
		p.Chosen.SetText(i18n.T("svui.picker.chosen", "Name", rowLabel(p.rows[p.sel])))
	case nfc(p.Entry.Text) != "":
		p.Chosen.SetText(i18n.T("svui.picker.none"))
	default:
		p.Chosen.SetText("")
	}
}

// SelectedID is the id of the chosen person, "" when none.
func (p *personPicker) SelectedID() string {
	if p.sel < 0 || p.sel >= len(p.rows) {
		return ""
	}
	return p.rows[p.sel].ID
}

// SelectedName is the name of the chosen person, "" when none.
func (p *personPicker) SelectedName() string {
	if p.sel < 0 || p.sel >= len(p.rows) {
		return ""
	}
	return p.rows[p.sel].FullName
}

func (p *personPicker) clear() {
	p.Entry.SetText("")
	p.search()
}

// pickerEntry is the search field of the person picker: Up/Down change
// the chosen match, Enter moves on to the next field.
type pickerEntry struct {
	keyEntry
	picker *personPicker
}

// TypedKey handles Up, Down and Enter; other keys edit the text.
func (e *pickerEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.picker.move(1)
	case fyne.KeyUp:
		e.picker.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		if c := canvasOf(e); c != nil {
			c.FocusNext()
		}
	default:
		e.keyEntry.TypedKey(ev)
	}
}

// TypedShortcut forwards the screen shortcuts (Ctrl+S, ...) to the canvas
// and handles the entry's own (copy, paste, ...).
func (e *pickerEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*desktop.CustomShortcut); ok {
		if c, ok := canvasOf(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}
