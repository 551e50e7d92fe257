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

// newSupFilter builds a list filter over the values of an enum: its first
// choice is the "all" option, labelled by allKey ("Tất cả trạng thái") so
// that the filter always shows what it filters by, and it starts there
// instead of showing Fyne's empty placeholder. changed, if not nil, is
// called with the new canonical value ("" for all) when the choice changes.
func newSupFilter(prefix string, values []string, allKey string, changed func(string)) *enumSelect {
	e := newEnumSelect(prefix, values, true, nil)
	e.Options[0] = i18n.T(allKey)
	e.SetSelectedIndex(0)
	e.OnChanged = func(string) {
		if changed != nil {
			changed(e.Value())
		}
	}
	return e
}

// supFilterBar lays out a list's search box and its filters on one line:
// each filter as wide as its longest choice, so that its label is never
// cut, and the search box takes the rest.
func supFilterBar(search fyne.CanvasObject, filters ...*enumSelect) fyne.CanvasObject {
	boxes := make([]fyne.CanvasObject, len(filters))
	for i, f := range filters {
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(supSelectWidth(f.Select), 0))
		boxes[i] = container.NewStack(spacer, f.Select)
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(boxes...), search)
}

// supSelectWidth is the width a select needs to show its longest choice
// beside its drop-down icon.
func supSelectWidth(s *widget.Select) float32 {
	th := s.Theme()
	var text float32
	for _, o := range s.Options {
		if w := fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width; w > text {
			text = w
		}
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	return float32(math.Ceil(float64(text + 4*pad + th.Size(theme.SizeNameInlineIcon))))
}
