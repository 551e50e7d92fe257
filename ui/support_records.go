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

// supportsView lists support measures with search and a kind filter.
type supportsView struct {
	s      *supportScreen
	all    []store.SupportRow
	loads  loader // the list read off the UI thread
	Shown  []store.SupportRow
	Search *searchBox
	Kind   *enumSelect
	Table  *widget.Table
	Count  *widget.Label
	root   fyne.CanvasObject
}

func newSupportsView(s *supportScreen) *supportsView {
	v := &supportsView{s: s}
	v.Search = newSearchBox(i18n.T("support.ui.search_supports"), func(string) { v.filter() })
	v.Kind = newSupFilter("support.kind", enumValues(caseload.SupportKinds), "support.filter.kind_all", func(string) { v.reload() })
	v.Count = widget.NewLabel("")
	headers := headerTexts("support.col.date", "support.col.person", "support.col.kind", "support.col.provider",
		"support.col.detail", "support.col.amount")
	widths := []float32{92, 180, 180, 180, 200, 115}
	v.Table = dataTable(headers, widths, func() int { return len(v.Shown) }, v.cell, func(row int) { v.openForm(v.Shown[row].Support) })
	newBtn := widget.NewButtonWithIcon(i18n.T("support.ui.support_new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Support{}) })
	newBtn.Importance = widget.HighImportance
	s.writers = append(s.writers, newBtn)
	top := container.NewVBox(supFilterBar(v.Search, v.Kind), container.NewHBox(newBtn, exportButton(s.data, "supports", nil), v.Count))
	v.root = container.NewBorder(top, nil, nil, nil, fillTable(v.Table, headers, widths, 4))
	v.reload()
	return v
}

func (v *supportsView) reload() {
	flt := store.SupportFilter{Kind: caseload.SupportKind(v.Kind.Value())}
	loadList(&v.loads, v.Count, func() ([]store.SupportRow, error) { return v.s.data.Supports(opCtx(), flt) },
		func(rows []store.SupportRow) { v.all = rows; v.filter() })
}

func (v *supportsView) filter() {
	v.Shown = matching(v.all, v.Search.Value(), func(r store.SupportRow) []string { return []string{r.PersonName, r.Provider, r.Outcome, r.Employer} })
	v.Table.UnselectAll()
	v.Table.Refresh()
	v.Count.SetText(i18n.T("support.ui.supports_count", "Count", i18n.Number(len(v.Shown))))
}

func (v *supportsView) cell(row, col int) string {
	r := v.Shown[row]
	switch col {
	case 0:
		return showDate(r.Date)
	case 1:
		return r.PersonName
	case 2:
		return enumLabel("support.kind", string(r.Kind))
	case 3:
		return r.Provider
	case 4:
		return supSupportDetail(r.Support)
	case 5:
		if r.Amount == 0 {
			return ""
		}
		return i18n.Money(r.Amount)
	}
	return ""
}

// supSupportDetail is the outcome, or for a job the employer and income.
func supSupportDetail(s caseload.Support) string {
	if s.Kind == caseload.SupportEmployment {
		t := s.Employer
		if s.Income > 0 {
			t += " — " + i18n.T("support.ui.income_month", "Income", i18n.Money(s.Income))
		}
		if !s.EndedOn.IsZero() {
			t += " (" + i18n.T("support.ui.ended_on", "Date", showDate(s.EndedOn)) + ")"
		}
		return t
	}
	return s.Outcome
}

func (v *supportsView) openForm(rec caseload.Support) *supportForm {
	f := newSupportForm(v.s.win, v.s.data, rec, func() { v.s.reloadAll() })
	v.s.showForm(f.formFrame)
	return f
}
