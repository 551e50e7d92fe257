package ui

import (
	"fmt"
	"io"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
)

// officeReportsArea is an office's "Báo cáo": the statistics of the
// wards' reports for a period, one column per ward and the total of the
// office (the province), or one ward beside the total; exported to Excel
// with one column per ward and the total.
type officeReportsArea struct {
	u      *App
	cutoff int

	Kind     *widget.Select
	Period   *widget.Select
	From, To *DateEntry
	Ward     *widget.Select
	Compute  *widget.Button
	Export   *widget.Button
	Progress *widget.ProgressBar
	Status   *widget.Label
	Table    *widget.Table
	custom   *fyne.Container
	fit      *growFirst // the figure names take the width the columns leave
	box      *fyne.Container

	wards   []report.Ward // every enrolled ward, in name order
	presets []report.Period
	current *report.Consolidated
	cols    []int // the columns shown: indexes into current.Each, -1 other, -2 total
	rows    []officeReportRow
	content fyne.CanvasObject
}

type officeReportRow struct {
	label   string
	values  []string // one per shown column
	section bool
}

const (
	colOther = -1
	colTotal = -2
)

func (u *App) newOfficeReportsArea() fyne.CanvasObject { return u.buildOfficeReportsArea().content }

func (u *App) buildOfficeReportsArea() *officeReportsArea {
	a := &officeReportsArea{u: u, cutoff: report.CutoffDay(exportCtx(), u.st.Setting)}
	names := u.wardNames()
	for owner, name := range names {
		a.wards = append(a.wards, report.Ward{Owner: owner, Name: name})
	}
	sortWards(a.wards)
	kinds := make([]string, len(report.Kinds))
	for i, k := range report.Kinds {
		kinds[i] = i18n.T("report.kind." + string(k))
	}
	a.Period = widget.NewSelect(nil, func(string) { a.compute() })
	a.From, a.To = NewDateEntry(), NewDateEntry()
	a.Kind = widget.NewSelect(kinds, func(string) { a.kindChanged() })
	wardLabels := []string{i18n.T("office.report.all_wards")}
	for _, w := range a.wards {
		wardLabels = append(wardLabels, w.Name)
	}
	a.Ward = widget.NewSelect(wardLabels, func(string) { a.showCurrent() })
	a.Ward.SetSelectedIndex(0)
	a.Compute = widget.NewButtonWithIcon(i18n.T("report.ui.compute"), theme.ViewRefreshIcon(), a.compute)
	a.Export = widget.NewButtonWithIcon(i18n.T("report.ui.export"), theme.DocumentSaveIcon(), a.export)
	a.Export.Disable()
	a.Progress = widget.NewProgressBar()
	a.Progress.Hide()
	a.Status = widget.NewLabel("")
	a.Status.Wrapping = fyne.TextWrapWord
	a.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(a.rows), 1 + len(a.cols) },
		func() fyne.CanvasObject { return widget.NewLabel("000.000.000.000 đ") },
		a.updateCell)
	a.Table.ShowHeaderColumn = false
	a.Table.StickyColumnCount = 1
	a.Table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	a.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Col == 0:
			l.Alignment = fyne.TextAlignLeading
			l.SetText(i18n.T("report.xlsx.indicator"))
		case id.Col-1 < len(a.cols):
			l.Alignment = fyne.TextAlignCenter
			l.SetText(a.headers()[id.Col-1])
		default:
			l.SetText("")
		}
	}
	a.fit = &growFirst{t: a.Table, widths: []float32{300}}
	a.box = container.New(a.fit, a.Table)
	a.custom = container.NewHBox(widget.NewLabel(i18n.T("report.ui.from")), a.From, widget.NewLabel(i18n.T("report.ui.to")), a.To)
	title := container.NewBorder(nil, nil, heading("office.report.title"), container.NewHBox(a.Compute, a.Export))
	pick := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(i18n.T("report.ui.kind")),
		container.NewGridWrap(fyne.NewSize(130, a.Kind.MinSize().Height), a.Kind)), nil,
		container.NewStack(a.Period, a.custom))
	ward := container.NewBorder(nil, nil, widget.NewLabel(i18n.T("office.report.ward")), nil, a.Ward)
	top := container.NewVBox(title, pick, ward, a.Progress, a.Status)
	a.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, a.box))
	a.Kind.SetSelectedIndex(0)
	return a
}

func (a *officeReportsArea) kind() report.Kind {
	i := a.Kind.SelectedIndex()
	if i < 0 {
		return report.Month
	}
	return report.Kinds[i]
}

// kindChanged lists the periods of the kind (as the ward's report screen).
func (a *officeReportsArea) kindChanged() {
	if a.kind() == report.Custom {
		a.Period.Hide()
		a.custom.Show()
		if a.From.Date().IsZero() {
			today := caseload.Today()
			a.From.SetDate(caseload.D(today.Year(), 1, 1))
			a.To.SetDate(today)
		}
		return
	}
	a.custom.Hide()
	a.Period.Show()
	a.presets = presetPeriods(a.kind(), caseload.Today(), a.cutoff)
	labels := make([]string, len(a.presets))
	for i, p := range a.presets {
		labels[i] = periodLabel(p)
	}
	a.Period.Options = labels
	if len(labels) > 0 {
		a.Period.SetSelectedIndex(0) // computes
	}
}

func (a *officeReportsArea) period() (report.Period, error) {
	return chosenPeriod(a.kind(), a.From, a.To, a.Period, a.presets)
}

// compute counts every ward's report and the total in the background,
// the progress bar counting the columns.
func (a *officeReportsArea) compute() {
	p, err := a.period()
	if err != nil {
		a.Status.SetText(i18n.Error(err))
		return
	}
	a.Compute.Disable()
	a.Export.Disable()
	a.Status.SetText(i18n.T("report.ui.computing"))
	a.Progress.Max = float64(len(a.wards) + 1)
	a.Progress.SetValue(0)
	var c *report.Consolidated
	progress := func(done, all int) {
		fyne.Do(func() {
			a.Progress.Max = float64(all)
			a.Progress.SetValue(float64(done))
		})
	}
	inBackground(a.Progress, func() (err error) {
		c, err = report.Consolidate(exportCtx(), a.u.st, p, a.wards, progress)
		return err
	}, func(err error) {
		a.Compute.Enable()
		if err != nil {
			a.Status.SetText(i18n.Error(err))
			return
		}
		a.current = c
		a.Export.Enable()
		a.Status.SetText(report.Title(c.Period) + " — " + report.PeriodText(c.Period))
		a.showCurrent()
	})
}

// showCurrent fills the table: every ward and the total, or the ward
// chosen beside the total.
func (a *officeReportsArea) showCurrent() {
	c := a.current
	if c == nil {
		return
	}
	// The total first, so that it stays in sight however many wards.
	a.cols = append(a.cols[:0], colTotal)
	if i := a.Ward.SelectedIndex(); i > 0 && i <= len(c.Each) {
		a.cols = append(a.cols, i-1)
	} else {
		for i := range c.Each {
			a.cols = append(a.cols, i)
		}
		if c.Other != nil {
			a.cols = append(a.cols, colOther)
		}
	}
	reports := make([]*report.Report, len(a.cols))
	for i, col := range a.cols {
		reports[i] = consolidatedColumn(c, col)
	}
	a.rows = a.rows[:0]
	lines := make([][]report.Line, len(reports))
	for i, r := range reports {
		lines[i] = report.Lines(r.Indicators)
	}
	section := ""
	for j, l := range lines[0] {
		if l.Section != section {
			section = l.Section
			a.rows = append(a.rows, officeReportRow{label: report.SectionTitle(section), section: true, values: make([]string, len(a.cols))})
		}
		row := officeReportRow{label: l.Label(), values: make([]string, len(a.cols))}
		for i := range reports {
			row.values[i] = report.Format(lines[i][j].Value, lines[i][j].Unit)
		}
		a.rows = append(a.rows, row)
	}
	a.fit.widths = []float32{300}
	for i, h := range a.headers() {
		// As wide as the ward's name (a figure is shorter), within bounds.
		w := widget.NewLabelWithStyle(h, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}).MinSize().Width
		w = min(max(w+2*theme.Padding(), 130), 240)
		a.Table.SetColumnWidth(1+i, w)
		a.fit.widths = append(a.fit.widths, w)
	}
	a.fit.last = 0
	a.box.Refresh()
	a.Table.Refresh()
}

// headers are the shown columns' titles.
func (a *officeReportsArea) headers() []string {
	out := make([]string, len(a.cols))
	for i, col := range a.cols {
		switch col {
		case colTotal:
			out[i] = i18n.T("office.report.total")
		case colOther:
			out[i] = i18n.T("office.report.other")
		default:
			out[i] = a.current.Wards[col].Name
		}
	}
	return out
}

func (a *officeReportsArea) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row < 0 || id.Row >= len(a.rows) {
		l.SetText("")
		return
	}
	r := a.rows[id.Row]
	l.TextStyle = fyne.TextStyle{Bold: r.section || id.Col == 1} // the total
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
		l.SetText(r.label)
		return
	}
	l.Alignment = fyne.TextAlignTrailing
	if id.Col-1 < len(r.values) {
		l.SetText(r.values[id.Col-1])
	} else {
		l.SetText("")
	}
}

// Value is the text of a figure in a shown column (tests read it).
func (a *officeReportsArea) Value(label string, col int) string {
	for _, r := range a.rows {
		if r.label == label && col < len(r.values) {
			return r.values[col]
		}
	}
	return ""
}

// export saves the consolidated workbook: one column per ward and the total.
func (a *officeReportsArea) export() {
	c := a.current
	if c == nil {
		return
	}
	name := fmt.Sprintf("%s %s_%s.xlsx", i18n.T("office.report.file"), c.Period.From, c.Period.To)
	saveExcel(a.u.win, name, func(w io.Writer) error {
		return report.WriteConsolidated(w, c, report.Doc{}, i18n.T("office.report.total"), i18n.T("office.report.other"))
	})
}

// consolidatedColumn is the report of a shown column.
func consolidatedColumn(c *report.Consolidated, col int) *report.Report {
	switch col {
	case colTotal:
		return c.Total
	case colOther:
		return c.Other
	}
	return c.Each[col]
}

// sortWards orders wards by name, the Vietnamese way.
func sortWards(ws []report.Ward) {
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	sort.Slice(ws, func(i, j int) bool { return c.CompareString(ws[i].Name, ws[j].Name) < 0 })
}
