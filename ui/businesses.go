package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// businessesView lists the partner businesses with search; the people
// linked to the selected business show below the list.
type businessesView struct {
	s      *modelsScreen
	all    []store.BusinessRow
	loads  loader // the list read off the UI thread
	Shown  []store.BusinessRow
	Search *searchBox
	Table  *widget.Table
	Count  *widget.Label
	sel    int
	root   fyne.CanvasObject

	// People are the people linked to the selected business; PeopleBox
	// shows one row each: the name (opens the profile) and "Bỏ liên kết".
	People      []store.LinkedPerson
	PeopleTitle *widget.Label
	PeopleBox   *fyne.Container
}

func newBusinessesView(s *modelsScreen) *businessesView {
	v := &businessesView{s: s, sel: -1}
	v.Search = newSearchBox(i18n.T("business.ui.search"), func(string) { v.filter() })
	v.Count = widget.NewLabel("")
	headers := headerTexts("business.col.name", "business.field.address", "business.col.workers",
		"business.col.returnees", "business.col.share", "business.col.people", "business.col.income")
	widths := []float32{210, 190, 80, 80, 60, 80, 200}
	v.Table = dataTable(headers, widths, func() int { return len(v.Shown) }, v.cell, func(row int) {
		v.sel = row
		v.showPeople()
	})
	newBtn := widget.NewButtonWithIcon(i18n.T("business.ui.new")+" (Ctrl+N)", theme.ContentAddIcon(), func() { v.openForm(caseload.Business{}) })
	newBtn.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon(i18n.T("support.ui.edit"), theme.DocumentCreateIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			v.openForm(v.Shown[v.sel].Business)
		}
	})
	link := widget.NewButtonWithIcon(i18n.T("business.ui.link_person"), theme.AccountIcon(), func() {
		if v.sel >= 0 && v.sel < len(v.Shown) {
			s.openLinkPerson(caseload.LinkBusinessPerson, v.Shown[v.sel].ID)
		}
	})
	s.writers = append(s.writers, newBtn, edit, link)
	v.PeopleTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.PeopleTitle.Wrapping = fyne.TextWrapWord
	v.PeopleBox = container.NewVBox()
	height := canvas.NewRectangle(color.Transparent)
	height.SetMinSize(fyne.NewSize(0, 150))
	people := container.NewVBox(widget.NewSeparator(), v.PeopleTitle,
		container.NewStack(height, container.NewVScroll(v.PeopleBox)))
	v.root = container.NewBorder(container.NewVBox(v.Search, container.NewHBox(newBtn, edit, link, v.Count)), people, nil, nil,
		fillTable(v.Table, headers, widths, 6))
	v.showPeople()
	return v
}

// current returns the selected business.
func (v *businessesView) current() (store.BusinessRow, bool) {
	if v.sel < 0 || v.sel >= len(v.Shown) {
		return store.BusinessRow{}, false
	}
	return v.Shown[v.sel], true
}

// showPeople lists the people linked to the selected business.
func (v *businessesView) showPeople() {
	v.PeopleBox.RemoveAll()
	v.People = nil
	b, ok := v.current()
	if !ok {
		v.PeopleTitle.SetText(i18n.T("business.ui.pick"))
		return
	}
	people, err := v.s.data.LinkedPeople(opCtx(), caseload.LinkBusinessPerson, b.ID)
	if err != nil {
		v.PeopleTitle.SetText(i18n.Error(err))
		return
	}
	v.People = people
	if len(people) == 0 {
		v.PeopleTitle.SetText(i18n.T("business.ui.people_none", "Business", b.Name))
		return
	}
	v.PeopleTitle.SetText(i18n.T("business.ui.people", "Business", b.Name, "Count", len(people)))
	for _, p := range people {
		text := p.Name
		if p.Hamlet != "" {
			text += " — " + p.Hamlet
		}
		name := widget.NewButtonWithIcon(text, theme.AccountIcon(), func() {
			if v.s.openPerson != nil {
				v.s.openPerson(p.Link.ToID)
			}
		})
		name.Alignment = widget.ButtonAlignLeading
		name.Importance = widget.LowImportance
		if v.s.openPerson == nil {
			name.Disable()
		}
		unlink := widget.NewButtonWithIcon(i18n.T("model.ui.unlink_person"), theme.ContentRemoveIcon(), func() { v.AskUnlinkPerson(p) })
		if v.s.readOnly {
			unlink.Disable()
		}
		v.PeopleBox.Add(container.NewBorder(nil, nil, nil, unlink, name))
	}
}

// AskUnlinkPerson asks, then unlinks a person from the selected business
// (the person's record is not touched).
func (v *businessesView) AskUnlinkPerson(p store.LinkedPerson) {
	b, ok := v.current()
	if v.s.readOnly || !ok {
		return
	}
	v.s.confirm("model.ui.unlink_person", i18n.T("business.ui.unlink_person_ask", "Name", p.Name, "Business", b.Name),
		"model.ui.unlink_person", func() { v.s.deleteLink(p.Link.ID) })
}

func (v *businessesView) reload() {
	loadList(&v.loads, v.Count, func() ([]store.BusinessRow, error) { return v.s.data.Businesses(opCtx()) },
		func(rows []store.BusinessRow) { v.all = rows; v.filter() })
}

// filter applies the search box, keeping the selected business when it is
// still shown.
func (v *businessesView) filter() {
	keep := ""
	if b, ok := v.current(); ok {
		keep = b.ID
	}
	v.Shown = matching(v.all, v.Search.Value(), func(b store.BusinessRow) []string { return []string{b.Name, b.Address, b.Representative} })
	v.sel = -1
	v.Table.UnselectAll()
	for i, b := range v.Shown {
		if b.ID == keep {
			v.sel = i
			v.Table.Select(widget.TableCellID{Row: i, Col: 0})
			if v.Table.Size().Height < 1 {
				v.Table.ScrollToTop()
			}
			v.Table.ScrollToLeading()
		}
	}
	v.Table.Refresh()
	v.showPeople()
	v.Count.SetText(i18n.T("business.ui.count", "Count", len(v.Shown)))
}

func (v *businessesView) cell(row, col int) string {
	b := v.Shown[row]
	switch col {
	case 0:
		return b.Name
	case 1:
		return b.Address
	case 2:
		return strconv.Itoa(b.Workers)
	case 3:
		return strconv.Itoa(b.ReturneeWorkers)
	case 4:
		pct := strconv.Itoa(b.ReturneePercent()) + " %"
		if b.Workers > 0 && b.ReturneeWorkers*100 < b.Workers*caseload.LoanMinReturneePercent {
			pct += " ⚠"
		}
		return pct
	case 5:
		return strconv.Itoa(b.People)
	case 6:
		return b.IncomeNotes
	}
	return ""
}

func (v *businessesView) openForm(rec caseload.Business) *businessForm {
	f := newBusinessForm(v.s.win, v.s.data, rec, v.s.Reload)
	v.s.show(f.formFrame)
	return f
}
