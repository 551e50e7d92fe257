package ui

import (
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
)

// mappingChanged shows the sheet's mapping in the selects (each field's
// choices: "not imported", then every column as "B · Họ và tên") and the
// preview under it; an earlier check no longer holds.
func (v *importView) mappingChanged() {
	v.checked = nil
	v.colNames = v.colNames[:0]
	for c, text := range v.sheet.Columns() {
		name := importxlsx.ColumnLetter(c)
		if text != "" {
			name += " · " + text
		}
		v.colNames = append(v.colNames, name)
	}
	opts := append([]string{i18n.T("import.ui.map_none")}, v.colNames...)
	v.syncing = true
	for _, f := range importxlsx.Fields {
		s := v.mapSel[f]
		s.Options = opts
		if c, ok := v.sheet.Mapping[f]; ok && c >= 0 && c < len(v.colNames) {
			s.SetSelectedIndex(c + 1)
		} else {
			s.SetSelectedIndex(0)
		}
	}
	v.syncing = false
	v.showPreview()
}

// mappingChosen takes the officer's correction of field f's column.
func (v *importView) mappingChosen(f importxlsx.Field) {
	if v.syncing || v.sheet == nil {
		return
	}
	if v.sheet.Mapping == nil {
		v.sheet.Mapping = importxlsx.Mapping{}
	}
	if i := v.mapSel[f].SelectedIndex(); i > 0 {
		v.sheet.Mapping[f] = i - 1
	} else {
		delete(v.sheet.Mapping, f)
	}
	if v.sheet.Header < 0 {
		v.sheet.Header = 0 // mapped by hand: the data starts under row 1
	}
	v.checked = nil
	v.showPreview()
}

// setMapping sets field f to the 0-based column c (-1: not imported) as
// the officer would in its select.
func (v *importView) setMapping(f importxlsx.Field, c int) {
	v.mapSel[f].SetSelectedIndex(c + 1)
}

// showPreview parses the first rows with the current mapping (a few
// rows: on the UI thread) and shows them as they will be stored.
func (v *importView) showPreview() {
	v.preview = nil
	if v.sheet != nil && v.sheet.Header >= 0 {
		v.preview = v.sheet.ParseWith(caseload.Today(), importxlsx.Options{Limit: previewRows})
	}
	v.previewColumns()
	v.table.Refresh()
	v.showProblems()
	v.update()
	switch {
	case v.sheet == nil:
	case v.sheet.Header < 0:
		v.say(i18n.T("import.error.no_header"), widget.WarningImportance)
	case !v.hasName():
		v.say(i18n.T("import.ui.need_name"), widget.WarningImportance)
	default:
		v.say(i18n.T("import.ui.ready", "Rows", i18n.Number(v.sheet.DataRows()),
			"Header", v.sheet.Header+1, "Sheet", v.sheet.Name), widget.MediumImportance)
	}
}

// hasName reports whether a column is mapped to the full name.
func (v *importView) hasName() bool {
	_, ok := v.sheet.Mapping[importxlsx.FullName]
	return ok
}
