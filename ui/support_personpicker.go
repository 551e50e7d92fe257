package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// supPeopleSource lists people for the picker (*store.Store satisfies it).
type supPeopleSource interface {
	People(f store.PersonFilter) []store.PersonRow
}

// supPersonPicker chooses a person: type part of a name, citizen ID or
// phone, then pick from the matches (at most supPickerMax are shown).
type supPersonPicker struct {
	Search  *keyEntry
	Choices *widget.Select
	src     supPeopleSource
	rows    []store.PersonRow
	chosen  store.PersonRow
	// OnChanged is called when the chosen person changes.
	OnChanged func(store.PersonRow)
	root      fyne.CanvasObject
}

const supPickerMax = 50

func newSupPersonPicker(src supPeopleSource) *supPersonPicker {
	p := &supPersonPicker{src: src, Search: newKeyEntry()}
	p.Search.PlaceHolder = i18n.T("support.ui.person_search")
	p.Choices = widget.NewSelect(nil, func(string) {
		i := p.Choices.SelectedIndex()
		if i < 0 || i >= len(p.rows) {
			return
		}
		p.chosen = p.rows[i]
		if p.OnChanged != nil {
			p.OnChanged(p.chosen)
		}
	})
	p.Choices.PlaceHolder = i18n.T("support.ui.person_choose")
	p.Search.OnChanged = func(string) { p.refresh() }
	p.refresh()
	p.root = container.NewGridWithColumns(2, p.Search, p.Choices)
	return p
}

func (p *supPersonPicker) refresh() {
	rows := p.src.People(store.PersonFilter{Query: p.Search.Value()})
	if len(rows) > supPickerMax {
		rows = rows[:supPickerMax]
	}
	p.rows = rows
	labels := make([]string, len(rows))
	for i, r := range rows {
		labels[i] = supPersonLabel(r)
	}
	p.Choices.SetOptions(labels)
	if len(rows) == 1 {
		p.Choices.SetSelectedIndex(0)
	}
}

// supPersonLabel is "Name (1985, Thôn 3)".
func supPersonLabel(r store.PersonRow) string {
	extra := ""
	if r.BirthYear != 0 {
		extra = strconv.Itoa(r.BirthYear)
	}
	if r.Hamlet != "" {
		if extra != "" {
			extra += ", "
		}
		extra += r.Hamlet
	}
	if extra == "" {
		return r.FullName
	}
	return r.FullName + " (" + extra + ")"
}

// ID returns the chosen person's id ("" when none).
func (p *supPersonPicker) ID() string { return p.chosen.ID }

// Chosen returns the chosen person's row.
func (p *supPersonPicker) Chosen() store.PersonRow { return p.chosen }

// SetID chooses the person with id, if it exists.
func (p *supPersonPicker) SetID(id string) {
	for _, r := range p.src.People(store.PersonFilter{Statuses: caseload.Statuses}) {
		if r.ID == id {
			p.chosen = r
			p.rows = []store.PersonRow{r}
			p.Choices.SetOptions([]string{supPersonLabel(r)})
			p.Choices.SetSelectedIndex(0)
			return
		}
	}
}

// Object returns the widget to place in a form.
func (p *supPersonPicker) Object() fyne.CanvasObject { return p.root }
