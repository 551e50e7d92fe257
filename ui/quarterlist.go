package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// quarterListSource is what the quarterly list by group (HCD-09) needs
// from the store; *store.Store satisfies it.
type quarterListSource interface {
	peopleLister
	QuarterList(ctx context.Context, quarter string) ([]caseload.Classification, error)
}

// quarterListQuarters is how many quarters the picker offers, the current
// one first.
const quarterListQuarters = 12

// quarterPickerWidth fits the longest quarter label with its dates.
const quarterPickerWidth = 340

// Columns of the quarterly list table.
const (
	qlColNo = iota
	qlColName
	qlColBirth
	qlColHamlet
	qlColGroup
	qlColReason
	qlColDate
	qlColBy
	qlCols
)

// qlColKeys are the header keys of the columns, in column order.
var qlColKeys = [qlCols]string{"quarterlist.col.no", "quarterlist.col.name", "quarterlist.col.birth",
	"quarterlist.col.hamlet", "quarterlist.col.group", "quarterlist.col.reason", "quarterlist.col.date", "quarterlist.col.by"}

// qlColWidths are the column widths of the table.
var qlColWidths = [qlCols]float32{40, 170, 75, 125, 55, 160, 110, 95}

// Section kinds beside the groups: every classified person, and the
// managed people not classified for the quarter.
const (
	qlSectionAll  = "all"
	qlSectionNone = "none"
)

// qlRow is one pre-formatted row of the table.
type qlRow struct {
	personID string
	group    caseload.Group
	cells    [qlCols]string
}

// quarterListView is the "Danh sách phân loại quý (HCD-09)" tab of the
// visits area: a quarter picker, the counts per group, the sections
// (all, A, B, C, D, not classified) with the Art. 12 definitions, and the
// people of the chosen section.
type quarterListView struct {
	src   quarterListSource
	scope func() map[string]bool // nil map = everybody (see App.personScope)
	open  func(personID string)  // opens a profile; nil in tests

	quarters   []string // "2026-Q3", newest first, parallel to Quarter.Options
	Quarter    *widget.Select
	Summary    *widget.Label
	Sections   *widget.List
	Definition *widget.Label
	Table      *widget.Table
	Empty      *widget.Label

	sections   []string // qlSectionAll, "A".."D", qlSectionNone
	section    int      // index of the section shown
	classified []qlRow  // ordered by group then Vietnamese name order
	unclassed  []qlRow  // managed people with no classification this quarter
	counts     map[caseload.Group]int
	rows       []qlRow // the rows of the section shown
	loads      loader
	content    fyne.CanvasObject
}

// newQuarterListTab builds the quarterly list tab for the logged-in user:
// a mentor sees only their own people.
func (u *App) newQuarterListTab() fyne.CanvasObject {
	return newQuarterListView(u.st, u.personScope, u.svOpenPerson, svToday()).content
}

// newQuarterListView builds the view over src and shows the quarter before
// today's (the one classified at the start of a quarter, TT 10/2024 Art. 12).
func newQuarterListView(src quarterListSource, scope func() map[string]bool, open func(string), today caseload.Date) *quarterListView {
	v := &quarterListView{src: src, scope: scope, open: open}
	v.sections = []string{qlSectionAll}
	for _, g := range caseload.Groups {
		v.sections = append(v.sections, string(g))
	}
	v.sections = append(v.sections, qlSectionNone)

	y, q := caseload.QuarterOf(today)
	var labels []string
	for i := 0; i < quarterListQuarters; i++ {
		v.quarters = append(v.quarters, caseload.QuarterLabel(y, q))
		labels = append(labels, quarterText(y, q))
		y, q = caseload.PreviousQuarter(y, q)
	}
	v.Quarter = widget.NewSelect(labels, func(string) { v.load() })
	v.Summary = wrapLabel("")
	v.Definition = wrapLabel("")
	v.Empty = widget.NewLabel(i18n.T("quarterlist.empty"))
	v.Empty.Hide()

	v.Sections = widget.NewList(
		func() int { return len(v.sections) },
		func() fyne.CanvasObject { return widget.NewLabel("Tất cả đã phân loại (0000)") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.sectionText(id)) },
	)
	v.Sections.OnSelected = func(id widget.ListItemID) { v.showSection(id) }

	v.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.rows), qlCols },
		func() fyne.CanvasObject { return widget.NewLabel("Nguyễn Văn Anh Tuấn") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(v.cell(id.Row, id.Col))
		})
	v.Table.ShowHeaderColumn = false
	v.Table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < qlCols {
			o.(*widget.Label).SetText(i18n.T(qlColKeys[id.Col]))
		}
	}
	// Each column at least as wide as its bold header (HCD-09's headers
	// were clipped).
	headers := make([]string, qlCols)
	for i, k := range qlColKeys {
		headers[i] = i18n.T(k)
	}
	for i, w := range columnWidths(headers, qlColWidths[:]) {
		v.Table.SetColumnWidth(i, w+2*theme.Padding())
	}
	v.Table.OnSelected = func(id widget.TableCellID) {
		v.Table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.rows) && v.open != nil {
			v.open(v.rows[id.Row].personID)
		}
	}

	hint := widget.NewLabel(i18n.T("quarterlist.open_hint"))
	hint.Importance = widget.LowImportance
	top := container.NewVBox(
		heading("quarterlist.title"),
		container.NewHBox(widget.NewLabel(i18n.T("quarterlist.quarter")),
			container.NewGridWrap(fyne.NewSize(quarterPickerWidth, v.Quarter.MinSize().Height), v.Quarter),
			exportButton(v.src, "hcd09", v.exportFilter)),
		v.Summary,
		widget.NewSeparator(),
	)
	right := container.NewBorder(container.NewVBox(v.Definition, hint), nil, nil, nil,
		container.NewStack(v.Table, container.NewVBox(v.Empty)))
	split := container.NewHSplit(v.Sections, right)
	split.Offset = 0.18
	v.content = container.NewBorder(top, nil, nil, nil, split)

	py, pq := caseload.PreviousQuarter(caseload.QuarterOf(today))
	v.setQuarter(caseload.QuarterLabel(py, pq))
	v.Sections.Select(0)
	return v
}

// quarterText is the picker label of a quarter: "Quý 3/2026 (01/07/2026 –
// 30/09/2026)".
func quarterText(year, q int) string {
	first := caseload.QuarterFirstDay(year, q)
	return i18n.T("quarterlist.quarter_label", "Q", q, "Year", year,
		"From", showDate(first), "To", showDate(first.AddMonths(3).AddDays(-1)))
}

// setQuarter shows the quarter with the canonical label ("2026-Q3"); it
// reports false when the picker does not offer it.
func (v *quarterListView) setQuarter(quarter string) bool {
	for i, q := range v.quarters {
		if q == quarter {
			v.Quarter.SetSelectedIndex(i) // loads through OnChanged
			return true
		}
	}
	return false
}

// quarter returns the canonical label of the chosen quarter.
func (v *quarterListView) quarter() string {
	i := v.Quarter.SelectedIndex()
	if i < 0 || i >= len(v.quarters) {
		return ""
	}
	return v.quarters[i]
}

// load reads the classifications of the chosen quarter and the managed
// people, and rebuilds the sections.
func (v *quarterListView) load() {
	quarter := v.quarter()
	year, q, err := caseload.ParseQuarter(quarter)
	if err != nil {
		return
	}
	var only map[string]bool
	if v.scope != nil {
		only = v.scope()
	}
	v.loads.status = v.Summary
	runLoad(&v.loads, func() (qlData, error) { return v.read(quarter, year, q, only) }, func(err error) {
		v.classified, v.unclassed, v.counts = nil, nil, map[caseload.Group]int{}
		v.Summary.SetText(errorText(err))
		v.refreshSections()
	}, func(d qlData) {
		v.classified, v.unclassed, v.counts = d.classified, d.unclassed, d.counts
		v.Summary.SetText(i18n.T("quarterlist.summary", "Q", q, "Year", year, "Classified", len(v.classified),
			"A", v.counts[caseload.GroupA], "B", v.counts[caseload.GroupB], "C", v.counts[caseload.GroupC],
			"D", v.counts[caseload.GroupD], "Unclassified", len(v.unclassed)))
		v.refreshSections()
	})
}

// qlData is what a load of the quarterly list reads.
type qlData struct {
	classified, unclassed []qlRow
	counts                map[caseload.Group]int
}

// read reads the classifications of the quarter and the people in scope
// (off the UI thread: it touches no widget).
func (v *quarterListView) read(quarter string, year, q int, only map[string]bool) (qlData, error) {
	list, err := v.src.QuarterList(opCtx(), quarter)
	if err != nil {
		return qlData{}, err
	}
	people := v.src.People(store.PersonFilter{Statuses: allStatuses, Only: only})
	byID := make(map[string]store.PersonRow, len(people))
	members := make([]caseload.QuarterMember, len(people))
	for i, p := range people {
		byID[p.ID] = p
		members[i] = caseload.QuarterMember{ID: p.ID, Status: p.Status, ReturnedOn: p.ReturnedOn, Group: p.Group}
	}
	ql := caseload.Quarterly(year, q, members, list)
	d := qlData{counts: ql.Counts}
	for _, c := range ql.Classified {
		p := byID[c.PersonID]
		d.classified = append(d.classified, qlRow{personID: c.PersonID, group: c.Group, cells: [qlCols]string{
			qlColName: p.FullName, qlColBirth: birthYearText(p.BirthYear), qlColHamlet: p.Hamlet,
			qlColGroup: string(c.Group), qlColReason: oneLine(c.Reason), qlColDate: showDate(c.On), qlColBy: c.By,
		}})
	}
	for _, m := range ql.Due {
		p := byID[m.ID]
		reason := i18n.T("quarterlist.not_classified")
		if p.Group != "" {
			reason = i18n.T("quarterlist.not_classified_was", "Group", string(p.Group))
		}
		d.unclassed = append(d.unclassed, qlRow{personID: p.ID, group: p.Group, cells: [qlCols]string{
			qlColName: p.FullName, qlColBirth: birthYearText(p.BirthYear), qlColHamlet: p.Hamlet, qlColReason: reason,
		}})
	}
	return d, nil
}

// refreshSections redraws the section list and the section shown.
func (v *quarterListView) refreshSections() {
	v.Sections.Refresh()
	v.showSection(v.section)
}

// sectionText is the label of section i with its count.
func (v *quarterListView) sectionText(i int) string {
	if i < 0 || i >= len(v.sections) {
		return ""
	}
	switch s := v.sections[i]; s {
	case qlSectionAll:
		return i18n.T("quarterlist.section.all", "Count", len(v.classified))
	case qlSectionNone:
		return i18n.T("quarterlist.section.none", "Count", len(v.unclassed))
	default:
		return i18n.T("quarterlist.section.group", "Group", s, "Count", v.counts[caseload.Group(s)])
	}
}

// showSection shows the people and the definition of section i.
func (v *quarterListView) showSection(i int) {
	if i < 0 || i >= len(v.sections) {
		return
	}
	v.section = i
	v.rows = v.rows[:0]
	switch s := v.sections[i]; s {
	case qlSectionAll:
		v.rows = append(v.rows, v.classified...)
		var defs []string
		for _, g := range caseload.Groups {
			defs = append(defs, i18n.T(caseload.GroupDefinitionKey(g)))
		}
		v.Definition.SetText(strings.Join(defs, "\n"))
	case qlSectionNone:
		v.rows = append(v.rows, v.unclassed...)
		v.Definition.SetText(i18n.T("quarterlist.none_hint"))
	default:
		for _, r := range v.classified {
			if string(r.group) == s {
				v.rows = append(v.rows, r)
			}
		}
		v.Definition.SetText(i18n.T(caseload.GroupDefinitionKey(caseload.Group(s))))
	}
	if len(v.rows) == 0 {
		v.Empty.Show()
	} else {
		v.Empty.Hide()
	}
	v.Table.ScrollToTop()
	v.Table.Refresh()
}

// cell returns the text of a cell of the section shown; the first column
// numbers the rows from 1.
func (v *quarterListView) cell(row, col int) string {
	if row < 0 || row >= len(v.rows) || col < 0 || col >= qlCols {
		return ""
	}
	if col == qlColNo {
		return strconv.Itoa(row + 1)
	}
	return v.rows[row].cells[col]
}

// birthYearText shows a birth year, "" when unknown.
func birthYearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// oneLine joins the lines of a multi-line text for a table cell.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
