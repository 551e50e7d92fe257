package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"
)

// Screen shortcuts (docs/ARCHITECTURE.md section 9): Ctrl+F search, Ctrl+N new,
// Ctrl+S save, Esc close.
var (
	shortcutFind = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// keyActions are what a screen does on its keyboard shortcuts; nil
// actions are ignored.
type keyActions struct {
	find, newRecord, save, escape func()
	// enter runs on Enter when no field has the focus (a dialog's OK).
	enter func()
}

// bindKeys registers the actions on the window's canvas. active tells
// whether the screen is the one shown, so that a screen that was left
// does not react any more. A later bindKeys replaces the earlier one.
func bindKeys(c fyne.Canvas, active func() bool, a keyActions) {
	rememberKeys(c, active, a) // so a form can restore them (widget_form.go)
	run := func(f func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if f != nil && active() {
				f()
			}
		}
	}
	c.AddShortcut(shortcutFind, run(a.find))
	c.AddShortcut(shortcutNew, run(a.newRecord))
	c.AddShortcut(shortcutSave, run(a.save))
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape && a.escape != nil && active():
			a.escape()
		case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && a.enter != nil && active():
			a.enter()
		}
	})
}

// areaKeys binds the keys of an area whose screen is root in the main
// window, active while root is on screen, and returns the function that
// binds them again (a form closing hands the keys back with it).
func (u *App) areaKeys(root fyne.CanvasObject, a keyActions) (bind func()) {
	active := func() bool { return len(u.content.Objects) > 0 && u.content.Objects[0] == root }
	bind = func() { bindKeys(u.win.Canvas(), active, a) }
	bind()
	return bind
}

// keyEntry is a widget.Entry that passes the screen shortcuts (Ctrl+S,
// Ctrl+N, Ctrl+F) and Esc on to its canvas. A focused widget.Entry
// swallows them, so without this Ctrl+S would not work while typing.
type keyEntry struct {
	widget.Entry
	owner fyne.CanvasObject // the widget on screen when keyEntry is embedded (searchBox)
}

// self is the object on screen: the embedding widget, or the entry.
func (e *keyEntry) self() fyne.CanvasObject {
	if e.owner != nil {
		return e.owner
	}
	return e
}

// newKeyEntry returns a single-line entry that forwards screen shortcuts.
func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newKeyMultiLine returns a wrapping multi-line entry that forwards screen
// shortcuts.
func newKeyMultiLine() *keyEntry {
	e := newKeyEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// TypedShortcut handles the entry's own shortcuts (copy, paste, ...) and
// forwards the others to the canvas.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*desktop.CustomShortcut); ok {
		if c, ok := canvasOf(e.self()).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey forwards Esc to the canvas and handles every other key.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if !forwardEscape(e.self(), ev) {
		e.Entry.TypedKey(ev)
	}
}

// forwardEscape hands Esc typed on the focused field o to its canvas (the
// screen's "close"), which a focused widget would otherwise swallow, and
// reports whether it did.
func forwardEscape(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape {
		return false
	}
	c := canvasOf(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}

// Value returns the text trimmed and normalised to NFC (Unikey's
// "Unicode tổ hợp" mode types decomposed letters).
func (e *keyEntry) Value() string { return nfc(e.Text) }

// canvasOf returns the canvas showing o, or nil.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return a.Driver().CanvasForObject(o)
}

// nfc trims s and normalises it to NFC.
func nfc(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }
