package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
)

// previewCols are the preview's columns: the row number, the mapped
// fields in the order of importxlsx.Fields, then the row's state.
type previewCol struct {
	field importxlsx.Field // "" for the row number and the state
	state bool
}

// newPreviewTable builds the preview table (columns set by previewColumns).
func (v *importView) newPreviewTable() *widget.Table {
	t := &widget.Table{ShowHeaderRow: true}
	t.Length = func() (int, int) { return len(v.preview), len(v.previewCols()) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		cols := v.previewCols()
		l := o.(*widget.Label)
		if id.Row < 0 || id.Row >= len(v.preview) || id.Col < 0 || id.Col >= len(cols) {
			l.SetText("")
			return
		}
		l.SetText(previewCell(v.preview[id.Row], cols[id.Col]))
	}
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		cols := v.previewCols()
		l := o.(*widget.Label)
		if id.Col < 0 || id.Col >= len(cols) {
			l.SetText("")
			return
		}
		l.SetText(previewHead(cols[id.Col]))
	}
	return t
}

// previewCols lists the preview's columns under the current mapping.
func (v *importView) previewCols() []previewCol {
	cols := []previewCol{{}}
	if v.sheet != nil {
		for _, f := range importxlsx.Fields {
			if _, ok := v.sheet.Mapping[f]; ok {
				cols = append(cols, previewCol{field: f})
			}
		}
	}
	return append(cols, previewCol{state: true})
}

// previewColumns sets the column widths for the current mapping.
func (v *importView) previewColumns() {
	for i, c := range v.previewCols() {
		w := float32(110)
		switch {
		case c.state:
			w = 90
		case c.field == "":
			w = 55
		case c.field == importxlsx.FullName || c.field == importxlsx.Offense || c.field == importxlsx.Address:
			w = 170
		case c.field == importxlsx.Group || c.field == importxlsx.Gender:
			w = 75
		}
		v.table.SetColumnWidth(i, w)
	}
}

func previewHead(c previewCol) string {
	switch {
	case c.state:
		return i18n.T("import.ui.col.state")
	case c.field == "":
		return i18n.T("import.ui.col.line")
	}
	return i18n.T("import.field." + string(c.field))
}

// previewCell is a row's value of column c as it will be stored.
func previewCell(r importxlsx.Row, c previewCol) string {
	p := r.Person
	switch {
	case c.state:
		switch {
		case len(r.Errors) > 0:
			return i18n.T("import.ui.state.error")
		case len(r.Warns) > 0:
			return i18n.T("import.ui.state.duplicate")
		}
		return i18n.T("import.ui.state.ok")
	case c.field == "":
		return strconv.Itoa(r.Line)
	}
	switch c.field {
	case importxlsx.FullName:
		return p.FullName
	case importxlsx.BirthDate:
		return showBirth(p.BirthDate)
	case importxlsx.Gender:
		return enumLabel("person.gender", string(p.Gender))
	case importxlsx.CitizenID:
		return p.CitizenID
	case importxlsx.Address:
		return p.Address
	case importxlsx.Hamlet:
		return p.Hamlet
	case importxlsx.Offense:
		return p.Offense
	case importxlsx.Sentence:
		return sentenceText(p)
	case importxlsx.CompletedOn:
		return showDate(p.CompletedOn)
	case importxlsx.ReturnedOn:
		return showDate(p.ReturnedOn)
	case importxlsx.Amnesty:
		return enumLabel("person.release", string(p.ReleaseKind))
	case importxlsx.Group:
		return string(p.Group)
	case importxlsx.Status:
		return enumLabel("person.status", string(p.Status))
	case importxlsx.Phone:
		return p.Phone
	case importxlsx.Notes:
		return p.Notes
	}
	return ""
}

// sentenceText is "Tù có thời hạn, 36 tháng" (the kind, and the months
// when counted).
func sentenceText(p caseload.Person) string {
	s := enumLabel("person.sentence", string(p.SentenceKind))
	if p.SentenceMonths > 0 {
		s = i18n.T("import.ui.sentence", "Kind", s, "Months", p.SentenceMonths)
	}
	return s
}

// maxProblems is how many row problems the screen lists (the count says
// how many there are in all).
const maxProblems = 200

// showProblems lists the problems of the last check, or of the preview
// rows before any check: "Dòng 11: …", errors first marked as such.
func (v *importView) showProblems() {
	rows := v.preview
	if v.checked != nil {
		rows = v.checked.rows
	}
	var items []fyne.CanvasObject
	errs, warns := 0, 0
	add := func(r importxlsx.Row, m importxlsx.Message, bad bool) {
		if len(items) >= maxProblems {
			return
		}
		icon, key := theme.WarningIcon(), "import.ui.problem_warn"
		if bad {
			icon, key = theme.ErrorIcon(), "import.ui.problem_error"
		}
		l := wrapLabel(i18n.T(key, "Line", r.Line, "Text", m.Text()))
		if bad {
			l.Importance = widget.DangerImportance
		}
		items = append(items, container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l))
	}
	for _, r := range rows {
		if len(r.Errors) > 0 {
			errs++
		} else if len(r.Warns) > 0 {
			warns++
		}
		for _, m := range r.Errors {
			add(r, m, true)
		}
		for _, m := range r.Warns {
			add(r, m, false)
		}
	}
	switch {
	case v.checked != nil:
		v.problemsHead.SetText(i18n.T("import.ui.problems_checked", "Rows", i18n.Number(len(rows)),
			"Errors", i18n.Number(errs), "Warns", i18n.Number(warns)))
	case len(rows) > 0:
		v.problemsHead.SetText(i18n.T("import.ui.problems_preview", "Errors", errs, "Warns", warns))
	default:
		v.problemsHead.SetText(i18n.T("import.ui.problems"))
	}
	if len(items) == maxProblems {
		items = append(items, widget.NewLabel(i18n.T("import.ui.problems_more", "Count", maxProblems)))
	}
	v.problems.Objects = items
	v.problems.Refresh()
}
