package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// exemplaryView lists the exemplary people (gương hoàn lương) with a
// search box (diacritic- and case-insensitive).
type exemplaryView struct {
	s      *supportScreen
	all    []store.ExemplaryRow
	loads  loader               // the list read off the UI thread
	Rows   []store.ExemplaryRow // the rows shown
	Search *searchBox
	Table  *widget.Table
	Count  *widget.Label
	root   fyne.CanvasObject
}

func newExemplaryView(s *supportScreen) *exemplaryView {
	v := &exemplaryView{s: s}
	v.Search = newSearchBox(i18n.T("exemplary.ui.search"), func(string) { v.filter() })
	v.Count = widget.NewLabel("")
	headers := headerTexts("exemplary.field.person_id", "exemplary.field.recognition", "exemplary.field.recognized_by",
		"exemplary.field.recognized_on", "exemplary.field.story")
	widths := []float32{180, 230, 160, 92, 240}
	v.Table = dataTable(headers, widths, func() int { return len(v.Rows) }, v.cell, func(row int) { v.openForm(v.Rows[row].Exemplary) })
	newBtn := widget.NewButtonWithIcon(i18n.T("exemplary.ui.new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Exemplary{}) })
	newBtn.Importance = widget.HighImportance
	s.writers = append(s.writers, newBtn)
	top := container.NewVBox(supFilterBar(v.Search), container.NewHBox(newBtn, exportButton(s.data, "exemplary", nil), v.Count))
	v.root = container.NewBorder(top, nil, nil, nil, fillTable(v.Table, headers, widths, 4))
	v.reload()
	return v
}

func (v *exemplaryView) reload() {
	loadList(&v.loads, v.Count, func() ([]store.ExemplaryRow, error) { return v.s.data.Exemplaries(opCtx()) },
		func(rows []store.ExemplaryRow) { v.all = rows; v.filter() })
}

// filter applies the search box to the loaded rows: name, recognition,
// recognising body and story.
func (v *exemplaryView) filter() {
	v.Rows = matching(v.all, v.Search.Value(), func(r store.ExemplaryRow) []string {
		return []string{r.PersonName, r.Recognition, r.RecognizedBy, r.Story}
	})
	v.Table.UnselectAll()
	v.Table.Refresh()
	v.Count.SetText(i18n.T("exemplary.ui.count", "Count", len(v.Rows)))
}

func (v *exemplaryView) cell(row, col int) string {
	r := v.Rows[row]
	switch col {
	case 0:
		return r.PersonName
	case 1:
		return r.Recognition
	case 2:
		return r.RecognizedBy
	case 3:
		return showDate(r.RecognizedOn)
	case 4:
		return r.Story
	}
	return ""
}

func (v *exemplaryView) openForm(rec caseload.Exemplary) *exemplaryForm {
	f := newExemplaryForm(v.s.win, v.s.data, rec, func() { v.s.reloadAll() })
	v.s.showForm(f.formFrame)
	return f
}
