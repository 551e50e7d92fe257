package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
)

// reportRow is one row of the figures table: a section heading or a
// figure with its value as shown.
type reportRow struct {
	label, value string
	section      bool
	changed      bool
}

// reportsArea is "Báo cáo": pick the kind and the period (presets with
// their dates, or any range), see every figure at once, export the
// workbook, lock the figures as sent and see what changed since.
type reportsArea struct {
	u      *App
	cutoff int

	Kind    *widget.Select
	Period  *widget.Select
	From    *DateEntry
	To      *DateEntry
	Compute *widget.Button
	Export  *widget.Button
	Lock    *widget.Button
	Busy    *widget.ProgressBarInfinite
	Status  *widget.Label
	Table   *widget.Table
	custom  *fyne.Container // the date range of a custom report

	presets []report.Period
	pending int // computations under way
	current *report.Report
	amend   []report.Amendment
	rows    []reportRow
	content fyne.CanvasObject
}

// newReportsArea builds the "reports" area.
func (u *App) newReportsArea() fyne.CanvasObject { return u.buildReportsArea().content }

func (u *App) buildReportsArea() *reportsArea {
	a := &reportsArea{u: u, cutoff: report.CutoffDay(exportCtx(), u.st.Setting)}
	kinds := make([]string, len(report.Kinds))
	for i, k := range report.Kinds {
		kinds[i] = i18n.T("report.kind." + string(k))
	}
	a.Period = widget.NewSelect(nil, func(string) { a.compute() })
	a.From, a.To = NewDateEntry(), NewDateEntry()
	a.Kind = widget.NewSelect(kinds, func(string) { a.kindChanged() })
	a.Compute = widget.NewButtonWithIcon(i18n.T("report.ui.compute"), theme.ViewRefreshIcon(), a.compute)
	a.Export = widget.NewButtonWithIcon(i18n.T("report.ui.export"), theme.DocumentSaveIcon(), a.export)
	a.Lock = widget.NewButtonWithIcon(i18n.T("report.ui.lock"), theme.ConfirmIcon(), a.lock)
	a.Busy = widget.NewProgressBarInfinite()
	a.Busy.Hide()
	a.Status = widget.NewLabel("")
	a.Status.Wrapping = fyne.TextWrapWord
	a.Export.Disable()
	a.Lock.Disable()
	a.Table = widget.NewTable(
		func() (int, int) { return len(a.rows), 2 },
		func() fyne.CanvasObject { return widget.NewLabel("000.000.000.000 đ") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(a.rows) {
				l.SetText("")
				return
			}
			r := a.rows[id.Row]
			l.TextStyle = fyne.TextStyle{Bold: r.section}
			l.Importance = widget.MediumImportance
			if r.changed {
				l.Importance = widget.WarningImportance
			}
			l.Truncation = fyne.TextTruncateEllipsis
			if id.Col == 0 {
				l.Alignment = fyne.TextAlignLeading
				l.SetText(r.label)
			} else {
				l.Alignment = fyne.TextAlignTrailing
				l.SetText(r.value)
			}
		})
	a.Table.SetColumnWidth(0, 640)
	a.Table.SetColumnWidth(1, 180)
	a.custom = container.NewHBox(widget.NewLabel(i18n.T("report.ui.from")), a.From, widget.NewLabel(i18n.T("report.ui.to")), a.To)
	// The actions share the title's row so that the period, with its
	// dates, is read in full at 1024×700.
	title := container.NewBorder(nil, nil, heading("report.ui.title"), container.NewHBox(a.Compute, a.Export, a.Lock))
	pick := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(i18n.T("report.ui.kind")),
		container.NewGridWrap(fyne.NewSize(130, a.Kind.MinSize().Height), a.Kind)), nil,
		container.NewStack(a.Period, a.custom))
	top := container.NewVBox(title, pick, a.Busy, a.Status)
	a.content = container.NewBorder(top, nil, nil, nil, a.Table)
	if u.sess.readOnly() {
		a.Lock.Hide()
	}
	a.Kind.SetSelectedIndex(0)
	return a
}

// kind is the kind chosen.
func (a *reportsArea) kind() report.Kind {
	i := a.Kind.SelectedIndex()
	if i < 0 {
		return report.Month
	}
	return report.Kinds[i]
}

// kindChanged lists the preset periods of the kind (the current one and
// those before it), or shows the date range for a custom report.
func (a *reportsArea) kindChanged() {
	k := a.kind()
	custom := k == report.Custom
	if custom {
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
	a.presets = presetPeriods(k, caseload.Today(), a.cutoff)
	labels := make([]string, len(a.presets))
	for i, p := range a.presets {
		labels[i] = periodLabel(p)
	}
	a.Period.Options = labels
	if len(labels) > 0 {
		a.Period.SetSelectedIndex(0) // computes
	}
}

// presetPeriods are the periods of kind k from the one holding today back:
// 24 months, 8 quarters, 4 half-years or 5 years.
func presetPeriods(k report.Kind, today caseload.Date, cutoff int) []report.Period {
	n := map[report.Kind]int{report.Month: 24, report.Quarter: 8, report.Half: 4, report.Year: 5}[k]
	var out []report.Period
	p := report.Current(k, today, cutoff)
	for i := 0; i < n; i++ {
		out = append(out, p)
		p = report.Current(k, p.From.AddDays(-1), cutoff)
	}
	return out
}

// periodLabel names a preset with its dates: "Tháng 6/2026 (15/05/2026 –
// 14/06/2026)".
func periodLabel(p report.Period) string {
	var name string
	switch p.Kind {
	case report.Month:
		name = i18n.T("report.ui.month", "Month", fmt.Sprintf("%d/%d", int(p.To.Month()), p.To.Year()))
	case report.Quarter:
		name = i18n.T("report.ui.quarter", "Quarter", fmt.Sprintf("%d/%d", (int(p.To.Month())-1)/3+1, p.To.Year()))
	case report.Half:
		name = i18n.T("report.ui.half", "Year", p.To.Year())
	default:
		name = i18n.T("report.ui.year", "Year", p.To.Year())
	}
	return name + " (" + showDate(p.From) + " – " + showDate(p.To) + ")"
}

// period is the period chosen, or an error message key.
func (a *reportsArea) period() (report.Period, error) {
	return chosenPeriod(a.kind(), a.From, a.To, a.Period, a.presets)
}

// chosenPeriod is the period a report screen's controls name: the custom
// range typed in from and to, or the preset selected in sel (the ward's
// and the office's report screens share it).
func chosenPeriod(k report.Kind, from, to *DateEntry, sel *widget.Select, presets []report.Period) (report.Period, error) {
	if k == report.Custom {
		if err := from.Err(); err != nil {
			return report.Period{}, err
		}
		if err := to.Err(); err != nil {
			return report.Period{}, err
		}
		return report.CustomRange(from.Date(), to.Date())
	}
	i := sel.SelectedIndex()
	if i < 0 || i >= len(presets) {
		return report.Period{}, &report.PeriodError{Key: "report.ui.pick_period"}
	}
	return presets[i], nil
}

// compute counts the report off the UI thread and shows it.
func (a *reportsArea) compute() {
	p, err := a.period()
	if err != nil {
		a.Status.SetText(i18n.Error(err))
		return
	}
	a.Compute.Disable()
	a.pending++
	a.Status.SetText(i18n.T("report.ui.computing"))
	var r *report.Report
	var am []report.Amendment
	var lockedOn string
	inBackground(a.Busy, func() (err error) {
		if r, err = report.Compute(exportCtx(), a.u.st, p); err != nil {
			return err
		}
		am, lockedOn, err = report.Amendments(exportCtx(), a.u.st, r)
		return err
	}, func(err error) {
		defer func() { a.pending-- }()
		a.Compute.Enable()
		if err != nil {
			a.Status.SetText(i18n.Error(err))
			return
		}
		a.show(r, am, lockedOn)
	})
}

// show fills the table with the report's figures.
func (a *reportsArea) show(r *report.Report, am []report.Amendment, lockedOn string) {
	defer func() { a.current, a.amend = r, am }()
	changed := map[string]bool{}
	for _, x := range am {
		changed[x.Key] = true
	}
	a.rows = a.rows[:0]
	section := ""
	for _, l := range report.Lines(r.Indicators) {
		if l.Section != section {
			section = l.Section
			a.rows = append(a.rows, reportRow{label: report.SectionTitle(section), section: true})
		}
		a.rows = append(a.rows, reportRow{label: l.Label(), value: report.Format(l.Value, l.Unit), changed: changed[l.Key]})
	}
	a.rows = append(a.rows, reportRow{label: i18n.T("report.xlsx.years"), section: true})
	for _, y := range r.Years {
		a.rows = append(a.rows, reportRow{label: i18n.T("report.ui.year_row", "Year", y.Year, "Returned", i18n.Number(y.Returned),
			"Managed", i18n.Number(y.ManagedDuring), "Recid", i18n.Number(y.Recidivism)), value: report.Percent(y.RecidivismRate)})
	}
	a.Table.Refresh()
	status := report.Title(r.Period) + " — " + report.PeriodText(r.Period)
	switch {
	case lockedOn == "":
		status += "\n" + i18n.T("report.ui.not_locked")
	case len(am) == 0:
		status += "\n" + i18n.T("report.ui.locked_same", "Date", showDate(caseload.MustDate(lockedOn)))
	default:
		status += "\n" + i18n.T("report.ui.locked_changed", "Date", showDate(caseload.MustDate(lockedOn)), "Count", len(am))
	}
	a.Status.SetText(status)
	a.Export.Enable()
	if !a.u.sess.readOnly() {
		a.Lock.Enable()
	}
}

// export saves the workbook of the report shown.
func (a *reportsArea) export() {
	r, am := a.current, a.amend
	if r == nil {
		return
	}
	name := fmt.Sprintf("%s %s_%s.xlsx", report.Form(r.Period.Kind), r.Period.From, r.Period.To)
	saveExcel(a.u.win, name, func(w io.Writer) error { return report.WriteReport(w, r, report.Doc{}, am) })
}

// lock marks the report shown as sent, after a confirmation.
func (a *reportsArea) lock() {
	r := a.current
	if r == nil {
		return
	}
	dialog.ShowConfirm(i18n.T("report.ui.lock"), i18n.T("report.ui.lock_confirm", "Title", report.Title(r.Period)), func(ok bool) {
		if !ok {
			return
		}
		inBackground(a.Busy, func() error { return report.Lock(exportCtx(), a.u.st, r) }, func(err error) {
			if err != nil {
				a.Status.SetText(i18n.Error(err))
				return
			}
			a.compute()
		})
	}, a.u.win)
}
