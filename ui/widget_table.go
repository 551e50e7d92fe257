package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// dataTable builds a virtualised table with a header row over a row
// count and a cell text function; widths in points per column. A column
// is never narrower than its header, so header texts do not overlap.
func dataTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string, selected func(row int)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(headers) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= rows() || id.Col < 0 || id.Col >= len(headers) {
				l.SetText("")
				return
			}
			l.SetText(cell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range columnWidths(headers, widths) {
		t.SetColumnWidth(i, w)
	}
	if selected != nil {
		t.OnSelected = func(id widget.TableCellID) {
			if id.Row >= 0 && id.Row < rows() {
				selected(id.Row)
			}
		}
	}
	return t
}

// columnWidths widens each width to fit its bold header text.
func columnWidths(headers []string, widths []float32) []float32 {
	out := make([]float32, len(headers))
	for i, h := range headers {
		if i < len(widths) {
			out[i] = widths[i]
		}
		min := widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width
		if out[i] < min {
			out[i] = float32(math.Ceil(float64(min)))
		}
	}
	return out
}

// fillTable puts t in a container that gives column flex whatever width the
// other columns leave, so that the table fills its space without a
// horizontal scroll bar when the window is wide enough; flex never gets
// narrower than its own width in widths.
func fillTable(t *widget.Table, headers []string, widths []float32, flex int) *fyne.Container {
	return container.New(&fillLayout{t: t, widths: columnWidths(headers, widths), flex: flex}, t)
}

// fillLayout sizes the flexible column of a table on every layout.
type fillLayout struct {
	t      *widget.Table
	widths []float32
	flex   int
	last   float32
}

// Layout gives the table the whole space and stretches the flex column.
func (l *fillLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if l.flex < 0 || l.flex >= len(l.widths) {
		return
	}
	w := l.FlexWidth(size.Width)
	if w != l.last {
		l.last = w
		l.t.SetColumnWidth(l.flex, w)
	}
}

// FlexWidth is the flex column's width when the table is total wide: the
// width left after the other columns and the gaps between columns (a
// theme padding each), with a small margin for the vertical scroll bar.
func (l *fillLayout) FlexWidth(total float32) float32 {
	gap := theme.Padding()
	used := gap*float32(len(l.widths)-1) + supScrollMargin
	for i, w := range l.widths {
		if i != l.flex {
			used += w
		}
	}
	w := float32(math.Floor(float64(total - used)))
	if w < l.widths[l.flex] {
		w = l.widths[l.flex]
	}
	return w
}

// MinSize is the table's own (small: it scrolls).
func (l *fillLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// headerTexts translates header keys.
func headerTexts(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = i18n.T(k)
	}
	return out
}

// readableWidth lays its objects out from the left at most max wide (the
// whole width when narrower), so a form stays readable on a wide screen
// and still fits a 1024-wide one; its minimum is its objects'.
type readableWidth struct{ max float32 }

// Layout gives every object the width min(size, max).
func (l *readableWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if w > l.max {
		w = l.max
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// MinSize is the largest minimum of the objects.
func (l *readableWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// minWidth keeps o at least w wide (a split's side, a panel of wrapping
// labels that would otherwise shrink to a few letters).
func minWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(r, o)
}
