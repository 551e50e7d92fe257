package ui

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// colMins are the narrowest the caseload's columns get in a small window
// (1024×700: the navigation leaves about 820 px); the last columns then
// stay on screen and the name, offense and hamlet end with an ellipsis.
var colMins = [numCols]float32{150, 70, 60, 90, 95, 95, 50, 0, 110}

// shrinkOrder is which columns give up width first when the window is
// narrow, and growCol takes the width a wide window leaves.
var shrinkOrder = []int{colOffense, colName, colHamlet, colWard}

const growCol = colOffense

// columnsFor are the caseload's base widths in the current language: each
// column at least as wide as its header and, for the short enum columns
// (gender, group, status), as its longest label ("Under management").
func columnsFor() (base, mins [numCols]float32) {
	base, mins = colWidths, colMins
	fit := func(c int, texts ...string) {
		for _, s := range texts {
			w := float32(math.Ceil(float64(widget.NewLabel(s).MinSize().Width)))
			if w > base[c] {
				base[c] = w
			}
			if c != colName && c != colOffense && c != colHamlet && c != colWard && w > mins[c] {
				mins[c] = w
			}
		}
	}
	for c := range base {
		bold := widget.NewLabelWithStyle(i18n.T(colKeys[c]), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w := float32(math.Ceil(float64(bold.MinSize().Width)))
		if w > mins[c] {
			mins[c] = w
		}
		if w > base[c] {
			base[c] = w
		}
	}
	for _, s := range caseload.Statuses {
		fit(colStatus, enumLabel("person.status", string(s)))
	}
	fit(colStatus, i18n.T("transfer.ui.status_frozen"))
	for _, g := range []caseload.Gender{caseload.Male, caseload.Female} {
		fit(colGender, enumLabel("person.gender", string(g)))
	}
	return base, mins
}

// fitColumns are the widths for a table total wide: the base widths, the
// grow column taking what is left, or the shrink columns giving up width
// (down to their minimum) when the window is narrower than the base.
func fitColumns(base, mins [numCols]float32, total float32) [numCols]float32 {
	w := base
	avail := total - theme.Padding()*float32(numCols-1) - supScrollMargin
	var sum float32
	for _, x := range w {
		sum += x
	}
	if avail >= sum {
		w[growCol] += float32(math.Floor(float64(avail - sum)))
		return w
	}
	deficit := sum - avail
	for _, c := range shrinkOrder {
		give := w[c] - mins[c]
		if give <= 0 {
			continue
		}
		if give > deficit {
			give = deficit
		}
		w[c] -= float32(math.Ceil(float64(give)))
		deficit -= give
		if deficit <= 0 {
			break
		}
	}
	return w
}

// caseloadColumns lays the table out over its whole space and fits its
// columns to the width on every layout.
type caseloadColumns struct {
	t          *widget.Table
	order      []int // the data column shown in each table column
	base, mins [numCols]float32
	last       [numCols]float32
}

func newCaseloadColumns(t *widget.Table, order []int) *caseloadColumns {
	l := &caseloadColumns{t: t, order: order}
	l.base, l.mins = columnsFor()
	shown := map[int]bool{}
	for _, c := range order {
		shown[c] = true
	}
	for c := range l.base {
		if !shown[c] { // takes no width
			l.base[c], l.mins[c] = 0, 0
		}
	}
	l.apply(l.base)
	return l
}

// apply sets the widths that changed.
func (l *caseloadColumns) apply(w [numCols]float32) {
	for i, c := range l.order {
		if w[c] != l.last[c] {
			l.t.SetColumnWidth(i, w[c])
		}
	}
	l.last = w
}

// Layout gives the table the whole space and fits the columns.
func (l *caseloadColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.apply(fitColumns(l.base, l.mins, size.Width))
}

// MinSize is the table's own (small: it scrolls).
func (l *caseloadColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// frozenLister gives the people a transfer order froze at this ward;
// *store.Store satisfies it.
type frozenLister interface {
	FrozenPeople(ctx context.Context) (map[string]bool, error)
}

// frozenOf returns the people frozen here by a transfer order, or nil when
// src cannot tell or the table cannot be read (the list then shows their
// plain status; the profile checks again when it is opened).
func frozenOf(src any) map[string]bool {
	fl, ok := src.(frozenLister)
	if !ok {
		return nil
	}
	m, err := fl.FrozenPeople(opCtx())
	if err != nil {
		return nil
	}
	return m
}

// statusText is the status cell of a row: "Đang chuyển đi" for a person
// frozen here by a transfer order, else the person's status.
func (v *caseloadView) statusText(r store.PersonRow) string {
	if v.frozen[r.ID] {
		return i18n.T("transfer.ui.status_frozen")
	}
	return enumLabel("person.status", string(r.Status))
}
