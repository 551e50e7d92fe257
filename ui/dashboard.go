package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
)

// barChart is a bar chart drawn with Fyne canvas primitives (rectangles
// and text), laid out afresh at every size, so it stays crisp at any
// scale: no bitmap is ever stretched.
type barChart struct {
	widget.BaseWidget
	bars   []report.Bar
	format func(float64) string
	color  color.Color
}

func newBarChart(format func(float64) string, c color.Color) *barChart {
	b := &barChart{format: format, color: c}
	b.ExtendBaseWidget(b)
	return b
}

// SetBars replaces the bars and redraws.
func (b *barChart) SetBars(bars []report.Bar) {
	b.bars = bars
	b.Refresh()
}

func (b *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{chart: b}
	r.rebuild()
	return r
}

type barRenderer struct {
	chart  *barChart
	rects  []*canvas.Rectangle
	values []*canvas.Text
	labels []*canvas.Text
	axis   *canvas.Line
	objs   []fyne.CanvasObject
}

func (r *barRenderer) rebuild() {
	r.rects, r.values, r.labels = nil, nil, nil
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameForeground))
	r.objs = []fyne.CanvasObject{r.axis}
	size := theme.TextSize() * 0.85
	for _, bar := range r.chart.bars {
		rect := canvas.NewRectangle(r.chart.color)
		v := canvas.NewText(r.chart.format(bar.Value), theme.Color(theme.ColorNameForeground))
		v.TextSize, v.Alignment = size, fyne.TextAlignCenter
		l := canvas.NewText(bar.Label, theme.Color(theme.ColorNameForeground))
		l.TextSize, l.Alignment = size, fyne.TextAlignCenter
		r.rects, r.values, r.labels = append(r.rects, rect), append(r.values, v), append(r.labels, l)
		r.objs = append(r.objs, rect, v, l)
	}
}

func (r *barRenderer) Layout(s fyne.Size) {
	n := len(r.rects)
	if n == 0 {
		return
	}
	textH := r.labels[0].MinSize().Height
	top, bottom := textH, s.Height-textH
	maxV := 0.0
	for _, bar := range r.chart.bars {
		if bar.Value > maxV {
			maxV = bar.Value
		}
	}
	slot := s.Width / float32(n)
	for i, bar := range r.chart.bars {
		h := float32(0)
		if maxV > 0 {
			h = float32(bar.Value/maxV) * (bottom - top)
		}
		x := slot * float32(i)
		r.rects[i].Move(fyne.NewPos(x+slot*0.15, bottom-h))
		r.rects[i].Resize(fyne.NewSize(slot*0.7, h))
		r.values[i].Move(fyne.NewPos(x, bottom-h-textH))
		r.values[i].Resize(fyne.NewSize(slot, textH))
		r.labels[i].Move(fyne.NewPos(x, bottom))
		r.labels[i].Resize(fyne.NewSize(slot, textH))
	}
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(0, bottom), fyne.NewPos(s.Width, bottom)
}

func (r *barRenderer) MinSize() fyne.Size {
	return fyne.NewSize(float32(24*len(r.rects)), 8*theme.TextSize())
}

func (r *barRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barRenderer) Destroy()                     {}

// dashboard is the panel of figures beside the worklist on "Tổng quan".
type dashboard struct {
	Groups, Returns, Recidivism *barChart
	Overdue, Models             *widget.Label
	Busy                        *widget.ProgressBarInfinite
	content                     fyne.CanvasObject
}

// newDashboard builds the dashboard and loads it in the background.
func (u *App) newDashboard() *dashboard {
	primary := theme.Color(theme.ColorNamePrimary)
	count := func(v float64) string { return i18n.Number(int(v)) }
	d := &dashboard{
		Groups:     newBarChart(count, primary),
		Returns:    newBarChart(count, primary),
		Recidivism: newBarChart(report.Percent, color.NRGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}),
		Overdue:    widget.NewLabel(""),
		Models:     widget.NewLabel(""),
		Busy:       widget.NewProgressBarInfinite(),
	}
	title := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	d.content = container.NewVScroll(container.NewVBox(
		heading("report.dash.title"), d.Busy,
		title("report.dash.groups"), d.Groups,
		title("report.dash.returns"), d.Returns,
		title("report.dash.recidivism"), d.Recidivism,
		d.Overdue, d.Models))
	d.load(u)
	return d
}

// load computes the figures off the UI thread.
func (d *dashboard) load(u *App) {
	var res *report.Dashboard
	inBackground(d.Busy, func() (err error) {
		res, err = report.ComputeDashboard(exportCtx(), u.st, caseload.Today())
		return err
	}, func(err error) {
		if err != nil {
			d.Overdue.SetText(i18n.Error(err))
			return
		}
		d.Groups.SetBars(res.Groups)
		d.Returns.SetBars(res.Returns)
		d.Recidivism.SetBars(res.Recidivism)
		d.Overdue.SetText(i18n.T("report.dash.overdue", "Count", i18n.Number(res.VisitsOverdue)))
		d.Models.SetText(i18n.T("report.dash.models", "Count", i18n.Number(res.ModelsActive)))
	})
}
