package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// personPicker is the one person picker of every form (visits, loans,
// supports, exemplary people, model links): type part of a name without
// diacritics ("nguyen van duc" finds "Nguyễn Văn Đức"), a citizen ID or a
// phone; the first match is chosen, Up/Down move the choice, Enter goes on
// to the next field. The matches have a space of their own under the
// search, kept while empty, so the form does not jump while typing.
type personPicker struct {
	src      peopleLister
	scope    func() map[string]bool // nil map = everybody (see App.personScope)
	statuses []caseload.Status      // nil = the store's default (expected and managed)

	Entry   *pickerEntry
	Matches *matchList
	Choice  *widget.Label // "Đã chọn: …", or that nothing matches
	// OnChanged is called when the chosen person changes.
	OnChanged func(store.PersonRow)

	rows     []store.PersonRow
	sel      int
	quiet    bool // SetID is writing the entry: no search
	matchBox *fyne.Container
	root     fyne.CanvasObject
}

// pickerMax is how many matches the picker lists; pickerRows how many
// show without scrolling (the space kept for them).
const (
	pickerMax  = 6
	pickerRows = 3
)

// newPersonPicker returns a picker over src, limited to scope (nil: all)
// and to statuses (nil: the store's default).
func newPersonPicker(src peopleLister, scope func() map[string]bool, statuses ...caseload.Status) *personPicker {
	p := &personPicker{src: src, scope: scope, statuses: statuses, sel: -1}
	p.Entry = &pickerEntry{picker: p}
	p.Entry.ExtendBaseWidget(p.Entry)
	p.Entry.PlaceHolder = i18n.T("svui.picker.placeholder")
	p.Entry.OnChanged = func(string) {
		if !p.quiet {
			p.search()
		}
	}
	p.Choice = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Choice.Truncation = fyne.TextTruncateEllipsis
	p.Matches = &matchList{}
	p.Matches.Length = func() int { return len(p.rows) }
	p.Matches.CreateItem = func() fyne.CanvasObject {
		l := widget.NewLabel("Nguyễn Văn Anh Tuấn (1985) · Thôn 3")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	p.Matches.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= 0 && id < len(p.rows) {
			o.(*widget.Label).SetText(rowLabel(p.rows[id]))
		}
	}
	p.Matches.ExtendBaseWidget(p.Matches)
	p.Matches.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.rows) && id != p.sel {
			p.sel = id
			p.showChosen()
		}
	}
	p.Matches.Hide()
	row := widget.NewLabel("X").MinSize().Height
	reserve := fyne.NewSize(10, pickerRows*(row+p.Matches.Theme().Size("padding")))
	p.matchBox = container.NewStack(container.NewGridWrap(reserve), p.Matches)
	p.root = container.NewVBox(p.Entry, p.Choice, p.matchBox)
	return p
}

// matchList is the list of matches: clicked with the mouse, chosen with
// Up/Down from the search, and never in the Tab order (the focus manager
// passes over a widget that says it is disabled), so Tab and Enter go
// from the search straight to the next field.
type matchList struct{ widget.List }

// Disabled keeps the list out of the Tab order; it still takes clicks.
func (l *matchList) Disabled() bool { return true }

// Enable and Disable do nothing: see Disabled.
func (l *matchList) Enable()  {}
func (l *matchList) Disable() {}

// Object returns the widget to place in a form.
func (p *personPicker) Object() fyne.CanvasObject { return p.root }

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

// search lists the people matching the text.
func (p *personPicker) search() {
	q := nfc(p.Entry.Text)
	p.rows = nil
	if q != "" {
		var only map[string]bool
		if p.scope != nil {
			only = p.scope()
		}
		rows := p.src.People(store.PersonFilter{Query: q, Statuses: p.statuses, Only: only})
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

// showChosen shows the choice and tells OnChanged.
func (p *personPicker) showChosen() {
	switch {
	case p.sel >= 0:
		p.Choice.SetText(i18n.T("svui.picker.chosen", "Name", rowLabel(p.rows[p.sel])))
	case nfc(p.Entry.Text) != "":
		p.Choice.SetText(i18n.T("svui.picker.none"))
	default:
		p.Choice.SetText("")
	}
	if p.OnChanged != nil {
		p.OnChanged(p.Row())
	}
}

// Row is the chosen person's row, zero when none.
func (p *personPicker) Row() store.PersonRow {
	if p.sel < 0 || p.sel >= len(p.rows) {
		return store.PersonRow{}
	}
	return p.rows[p.sel]
}

// ID is the id of the chosen person, "" when none.
func (p *personPicker) ID() string { return p.Row().ID }

// Name is the name of the chosen person, "" when none.
func (p *personPicker) Name() string { return p.Row().FullName }

// SetID chooses the person with id (any status), if it exists: the entry
// shows the name and the choice is that person only.
func (p *personPicker) SetID(id string) {
	var only map[string]bool
	if p.scope != nil {
		only = p.scope()
	}
	for _, r := range p.src.People(store.PersonFilter{Statuses: allStatuses, Only: only}) {
		if r.ID == id {
			p.quiet = true
			p.Entry.SetText(r.FullName)
			p.quiet = false
			p.rows, p.sel = []store.PersonRow{r}, 0
			p.Matches.Hide()
			p.Matches.Refresh()
			p.showChosen()
			return
		}
	}
}

// SetDisabled disables or enables the search.
func (p *personPicker) SetDisabled(off bool) {
	if off {
		p.Entry.Disable()
	} else {
		p.Entry.Enable()
	}
}

// clear empties the search and the choice.
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
