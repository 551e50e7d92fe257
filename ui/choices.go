package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// enumSelect is a widget.Select over the values of a domain enum
// (caseload.Gender, caseload.Status, ...) that shows translated labels
// ("person.gender.male" -> "Nam") and reads back the canonical value.
//
// It is a widget of its own that draws the inner *widget.Select, so either
// the enumSelect itself or its Select field can be put on screen.
type enumSelect struct {
	widget.BaseWidget
	*widget.Select
	notFocusable
	prefix string
	values []string // canonical values; "" when the empty choice is allowed
	sel    *runeSelect
}

// runeSelect is the Select drawn by an enumSelect. A letter typed while
// it has the focus is not lost (a plain Select drops it): the focus moves
// on to the next field and the letter is typed there, so an officer who
// tabbed one field too few keeps what they typed. Left/Right still change
// the choice and Space opens the list.
type runeSelect struct{ widget.Select }

// TypedRune moves the focus to the next field and types r there.
func (s *runeSelect) TypedRune(r rune) {
	c := canvasOf(s)
	if c == nil {
		return
	}
	c.FocusNext()
	if next := c.Focused(); next != nil && next != fyne.Focusable(s) {
		next.TypedRune(r)
	}
}

// TypedKey passes Esc on to the screen (close) and handles every other key.
func (s *runeSelect) TypedKey(ev *fyne.KeyEvent) {
	if !forwardEscape(s, ev) {
		s.Select.TypedKey(ev)
	}
}

// notFocusable hides the inner Select's focus and tap methods from the
// wrapper (two embedded types with the same method cancel out), so that
// focus traversal and taps reach only the inner Select.
type notFocusable struct{}

func (notFocusable) FocusGained()                {}
func (notFocusable) FocusLost()                  {}
func (notFocusable) TypedRune(rune)              {}
func (notFocusable) TypedKey(*fyne.KeyEvent)     {}
func (notFocusable) Tapped(*fyne.PointEvent)     {}
func (notFocusable) TypedShortcut(fyne.Shortcut) {}
func (notFocusable) MouseIn(*fyne.PointEvent)    {}
func (notFocusable) MouseMoved(*fyne.PointEvent) {}
func (notFocusable) MouseOut()                   {}

// CreateRenderer draws the inner Select.
func (e *enumSelect) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(e.sel) }

// MinSize is the inner Select's.
func (e *enumSelect) MinSize() fyne.Size { return e.BaseWidget.MinSize() }

// Move moves the wrapper.
func (e *enumSelect) Move(p fyne.Position) { e.BaseWidget.Move(p) }

// Position is the wrapper's position.
func (e *enumSelect) Position() fyne.Position { return e.BaseWidget.Position() }

// Resize resizes the wrapper (and so the inner Select).
func (e *enumSelect) Resize(s fyne.Size) { e.BaseWidget.Resize(s) }

// Size is the wrapper's size.
func (e *enumSelect) Size() fyne.Size { return e.BaseWidget.Size() }

// Hide hides the wrapper.
func (e *enumSelect) Hide() { e.BaseWidget.Hide() }

// Show shows the wrapper.
func (e *enumSelect) Show() { e.BaseWidget.Show() }

// Visible reports whether the wrapper is shown.
func (e *enumSelect) Visible() bool { return e.BaseWidget.Visible() }

// Refresh redraws the inner Select.
func (e *enumSelect) Refresh() { e.Select.Refresh(); e.BaseWidget.Refresh() }

// enumValues converts a typed enum slice to plain strings.
func enumValues[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// enumLabel is the translated label of value under prefix: the key is
// prefix + "." + value. The empty value is "not chosen".
func enumLabel(prefix, value string) string {
	if value == "" {
		return ""
	}
	return i18n.T(prefix + "." + value)
}

// newEnumSelect builds a select over values, labelled by the keys
// prefix.value. With allowEmpty the first choice is "— not chosen —" and
// stands for the empty value. changed, if not nil, is called with the new
// canonical value.
func newEnumSelect(prefix string, values []string, allowEmpty bool, changed func(string)) *enumSelect {
	e := &enumSelect{prefix: prefix}
	if allowEmpty {
		e.values = append(e.values, "")
	}
	e.values = append(e.values, values...)
	labels := make([]string, len(e.values))
	for i, v := range e.values {
		if v == "" {
			labels[i] = i18n.T("ui.choice.none")
		} else {
			labels[i] = enumLabel(prefix, v)
		}
	}
	e.sel = &runeSelect{}
	e.sel.Options = labels
	e.sel.OnChanged = func(string) {
		if changed != nil {
			changed(e.Value())
		}
	}
	e.sel.ExtendBaseWidget(e.sel)
	e.Select = &e.sel.Select
	e.PlaceHolder = i18n.T("ui.choice.placeholder")
	e.ExtendBaseWidget(e)
	return e
}

// Value returns the canonical value of the selected choice ("" if none).
func (e *enumSelect) Value() string {
	i := e.SelectedIndex()
	if i < 0 || i >= len(e.values) {
		return ""
	}
	return e.values[i]
}

// SetValue selects the choice with the canonical value v; an unknown or
// empty value clears the selection (or picks the empty choice).
func (e *enumSelect) SetValue(v string) {
	for i, x := range e.values {
		if x == v {
			e.SetSelectedIndex(i)
			return
		}
	}
	e.ClearSelected()
}

// selectQuietly selects option i of s without calling its OnChanged (a
// filter filled or reset by the program must not start a reload).
func selectQuietly(s *widget.Select, i int) {
	cb := s.OnChanged
	s.OnChanged = nil
	s.SetSelectedIndex(i)
	s.OnChanged = cb
}
