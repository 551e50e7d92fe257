package ui

import (
	"slices"
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// caseloadSource is what the caseload area needs from the store.
type caseloadSource interface {
	personSource
	People(f store.PersonFilter) []store.PersonRow
}

// Columns of the caseload table.
const (
	colName = iota
	colBirthYear
	colGender
	colHamlet
	colOffense
	colReturned
	colGroup
	colStatus
	colWard // an office's merged caseload only (office_caseload.go)
	numCols
)

// colKeys are the header message keys; colWidths fit 1280×800.
var (
	colKeys = [numCols]string{"ui.list.col.name", "ui.list.col.birth_year", "ui.list.col.gender",
		"ui.list.col.hamlet", "ui.list.col.offense", "ui.list.col.returned", "ui.list.col.group", "ui.list.col.status", "office.list.col.ward"}
	colWidths = [numCols]float32{190, 80, 75, 120, 165, 100, 60, 110, 150}
)

// Status filter choices, in the order of the select.
const (
	statusActive = "active" // expected + managed (the store's default)
	statusAll    = "all"
)

// listRow is one row of the table, formatted once when loaded so that
// updating a cell is a slice index.
type listRow struct {
	id    string
	cells [numCols]string
	long  uint16 // bit c set: cell c may be too wide and needs an ellipsis
	order int    // position in Vietnamese name order
	row   store.PersonRow
}

// safeRunes is, per column, how many characters surely fit its width even
// in wide letters. Shorter cells skip Fyne's ellipsis measuring, which
// shapes the text again on every update and is the slow part of a scroll.
//
// It is computed on first use, not when the package is initialised: the
// theme's sizes need the running app (read before it, Fyne logs "Attempt
// to access current Fyne app when none is started" once per call).
var safeRunes = sync.OnceValue(func() (out [numCols]int) {
	const widest = 0.95 // widest glyph of the UI font, in ems
	for c, w := range colWidths {
		if colMins[c] > 0 && colMins[c] < w {
			w = colMins[c] // the narrowest the column gets (caseload_columns.go)
		}
		out[c] = int((w - 2*theme.Padding()) / (theme.TextSize() * widest))
	}
	return out
})

// caseloadView is the caseload area: the list of people with search,
// filters and sorting, and the profile of the person opened from it.
type caseloadView struct {
	u        *App
	src      caseloadSource
	win      fyne.Window
	readOnly bool

	rows     []listRow // shown, in the current sort order
	sortCol  int
	sortDesc bool

	search       *searchBox
	status       *widget.Select
	statusValues []string
	group        *widget.Select
	hamlet       *widget.Select
	hamletValues []string
	count        *widget.Label
	loads        loader // the list read off the UI thread
	add          *widget.Button
	table        *widget.Table
	columns      *caseloadColumns
	list         fyne.CanvasObject
	stack        *fyne.Container
	form         *personForm // the open profile, or nil
	imp          *importView // the open import screen, or nil (import.go)
	root         fyne.CanvasObject
	office       *caseloadOffice // an office's ward filter and column, or nil
	order        []int           // the columns shown, left to right (data columns col*)
	foreignWard  string          // the ward owning the open profile's record, when not this installation
	frozen       map[string]bool // people frozen here by a transfer order (caseload_columns.go)

	cellsCreated int // for tests: how many cell widgets the table made
}

// newCaseloadArea builds the "caseload" area.
func (u *App) newCaseloadArea() fyne.CanvasObject {
	u.list = u.newCaseloadView(u.st)
	return u.list.root
}

// newCaseloadView builds the caseload list over src and loads it.
func (u *App) newCaseloadView(src caseloadSource) *caseloadView {
	v := &caseloadView{u: u, src: src, win: u.win, readOnly: u.sess.readOnly() || u.sess.isMentor()}
	v.build()
	v.reload()
	bindKeys(u.win.Canvas(), v.active, keyActions{
		find:      v.focusSearch,
		newRecord: v.newPerson,
		save: func() {
			if v.form != nil {
				_ = v.form.Save()
			}
		},
		escape: v.escape,
	})
	return v
}

// setHamlets fills the hamlet filter, keeping the chosen hamlet.
func (v *caseloadView) setHamlets(hamlets []string) {
	chosen := ""
	if i := v.hamlet.SelectedIndex(); i > 0 && i < len(v.hamletValues) {
		chosen = v.hamletValues[i]
	}
	v.hamletValues = append([]string{""}, hamlets...)
	v.hamlet.SetOptions(append([]string{i18n.T("ui.filter.hamlet_all")}, hamlets...))
	selectQuietly(v.hamlet, max(0, slices.Index(v.hamletValues, chosen)))
}

func (v *caseloadView) build() {
	v.search = newSearchBox(i18n.T("ui.list.search_placeholder"), func(string) { v.reload() })

	v.statusValues = []string{statusActive, statusAll}
	statusLabels := []string{i18n.T("ui.filter.status_active"), i18n.T("ui.filter.status_all")}
	for _, s := range caseload.Statuses {
		v.statusValues = append(v.statusValues, string(s))
		statusLabels = append(statusLabels, enumLabel("person.status", string(s)))
	}
	v.status = widget.NewSelect(statusLabels, func(string) { v.reload() })

	groupLabels := []string{i18n.T("ui.filter.group_all")}
	for _, g := range caseload.Groups {
		groupLabels = append(groupLabels, enumLabel("person.group", string(g)))
	}
	v.group = widget.NewSelect(groupLabels, func(string) { v.reload() })

	// The hamlets come from the search index, which may still be being
	// built right after launch: the filter offers "all" until they arrive.
	v.hamletValues = []string{""}
	v.hamlet = widget.NewSelect([]string{i18n.T("ui.filter.hamlet_all")}, func(string) { v.reload() })
	var hamlets []string
	inBackground(nil, func() error { hamlets = v.src.Hamlets(); return nil },
		func(error) { v.setHamlets(hamlets) })
	if v.u != nil && v.u.isOffice() {
		v.office = newCaseloadOffice(v.u, func() { v.reload() })
	}

	// Select the defaults without triggering reloads before the table exists.
	for _, s := range []*widget.Select{v.status, v.group, v.hamlet} {
		selectQuietly(s, 0)
	}

	v.count = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.add = widget.NewButtonWithIcon(i18n.T("ui.list.add"), theme.ContentAddIcon(), v.newPerson)
	v.add.Importance = widget.HighImportance
	if v.readOnly || v.office != nil {
		v.add.Disable()
	}
	if v.office != nil { // an office keeps no people of its own
		v.add.Hide()
	}

	v.sortCol = colName
	v.table = &widget.Table{
		Length: func() (int, int) { return len(v.rows), len(v.order) },
		CreateCell: func() fyne.CanvasObject {
			v.cellsCreated++
			return widget.NewLabel("")
		},
		UpdateCell:    v.updateCell,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			b.IconPlacement = widget.ButtonIconTrailingText
			return b
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			col := v.dataCol(id.Col)
			b.SetText(v.headerText(col))
			b.SetIcon(v.headerIcon(col))
			b.OnTapped = func() { v.sortBy(col) }
		},
	}
	v.table.ExtendBaseWidget(v.table)
	v.order = wardOrder
	if v.office != nil {
		v.order = officeOrder
	}
	v.columns = newCaseloadColumns(v.table, v.order) // caseload_columns.go
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.rows) {
			v.openPerson(v.rows[id.Row].id)
		}
	}

	labelled := func(key string, s *widget.Select) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(i18n.T(key)), nil, s)
	}
	// The group and hamlet filters need no label of their own: their first
	// choice names them ("Tất cả nhóm", "Tất cả thôn/tổ"); without the
	// labels the row fits a 1024-wide window.
	filters := container.NewGridWithColumns(3, labelled("ui.filter.status", v.status), v.group, v.hamlet)
	if v.office != nil {
		filters = container.NewGridWithColumns(4, v.status, v.group, v.hamlet, v.office.Ward)
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(v.count, exportButton(v.src, "caseload", v.exportFilter), v.importButton(), v.add), v.search),
		filters,
		widget.NewSeparator(),
	)
	v.list = container.NewBorder(top, nil, nil, nil, container.New(v.columns, v.table))
	v.stack = container.NewStack(v.list)
	v.root = container.NewPadded(v.stack)
}

// updateCell fills one cell from the pre-formatted row: O(1).
func (v *caseloadView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	c := v.dataCol(id.Col)
	if id.Row < 0 || id.Row >= len(v.rows) || c < 0 {
		l.SetText("")
		return
	}
	r := &v.rows[id.Row]
	trunc := fyne.TextTruncateOff
	if r.long&(1<<c) != 0 {
		trunc = fyne.TextTruncateEllipsis
	}
	if l.Text == r.cells[c] && l.Truncation == trunc {
		return // unchanged: skip re-shaping the text
	}
	l.Truncation = trunc
	l.SetText(r.cells[c])
}

// headerText is the column title.
func (v *caseloadView) headerText(col int) string {
	if col < 0 || col >= numCols {
		return ""
	}
	return i18n.T(colKeys[col])
}

// headerIcon is the sort arrow of the sorted column (nil on the others):
// an icon of the theme, drawn as a vector, so that it cannot go missing
// from a font as "▲" did under Wine ("�").
func (v *caseloadView) headerIcon(col int) fyne.Resource {
	if col != v.sortCol {
		return nil
	}
	if v.sortDesc {
		return theme.MenuDropDownIcon()
	}
	return theme.MenuDropUpIcon()
}

// filter reads the search box and the filter selects.
func (v *caseloadView) filter() store.PersonFilter {
	f := store.PersonFilter{Query: v.search.Value()}
	switch st := v.statusValues[max(v.status.SelectedIndex(), 0)]; st {
	case statusActive:
	case statusAll:
		f.Statuses = caseload.Statuses
	default:
		f.Statuses = []caseload.Status{caseload.Status(st)}
	}
	if i := v.group.SelectedIndex(); i > 0 {
		f.Group = caseload.Groups[i-1]
	}
	if i := v.hamlet.SelectedIndex(); i > 0 && i < len(v.hamletValues) {
		f.Hamlet = v.hamletValues[i]
	}
	// A mentor sees only the people assigned to them.
	if v.u != nil && v.u.sess.isMentor() {
		f.Only = v.u.personScope()
	}
	return f
}

// reload queries the store with the current search and filters,
// synchronously, and shows the result.
func (v *caseloadView) reload() {
	f := v.filter()
	v.loads.status = v.count
	if v.office != nil {
		v.office.reload(&v.loads, f, v.src, v.setRows) // office_caseload.go
		return
	}
	type loaded struct {
		rows   []store.PersonRow
		frozen map[string]bool
	}
	runLoad(&v.loads, func() (loaded, error) { return loaded{v.src.People(f), frozenOf(v.src)}, nil }, nil, func(l loaded) {
		v.frozen = l.frozen
		v.setRows(l.rows)
	})
}

// setRows formats rows (given in Vietnamese name order) and shows them in
// the current sort order.
func (v *caseloadView) setRows(rows []store.PersonRow) {
	out := make([]listRow, len(rows))
	for i, r := range rows {
		out[i] = listRow{id: r.ID, order: i, row: r, cells: [numCols]string{
			r.FullName, yearText(r.BirthYear), enumLabel("person.gender", string(r.Gender)), r.Hamlet,
			r.Offense, showDate(r.ReturnedOn), string(r.Group), v.statusText(r), v.wardOf(r.ID),
		}}
		for c, text := range out[i].cells {
			if safe := safeRunes()[c]; len(text) > safe && utf8.RuneCountInString(text) > safe {
				out[i].long |= 1 << c
			}
		}
	}
	v.rows = out
	v.applySort()
	v.count.SetText(i18n.T("ui.list.count", "Count", i18n.Number(len(out))))
	v.table.Refresh()
}

// active reports whether this view is the one on screen.
func (v *caseloadView) active() bool {
	c := v.u.content
	return c != nil && len(c.Objects) > 0 && c.Objects[0] == v.root
}

func (v *caseloadView) focusSearch() {
	if v.form != nil || v.imp != nil {
		return
	}
	v.win.Canvas().Focus(v.search)
}

func (v *caseloadView) escape() {
	switch {
	case v.imp != nil:
		v.imp.close()
	case v.form != nil:
		v.form.RequestClose()
	case v.search.Text != "":
		v.search.SetText("")
		v.search.Flush()
	}
}
