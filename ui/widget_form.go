package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// formFrame is a modal form: labelled fields, an error area, a live
// warning area, and Save / Cancel buttons. Ctrl+S saves and Esc closes
// while it is open; close restores the screen's own shortcuts.
type formFrame struct {
	form     *widget.Form
	errors   *widget.Label
	warnings *widget.Label
	dlg      dialog.Dialog
	win      fyne.Window
	title    string
	save     func() error // returns the error to show, nil to close
	restore  func()       // re-binds the screen's shortcuts after closing
	errPref  string
	closed   bool
	viewOnly bool // read-only session: fields disabled, no Save
	onSaved  func()
}

// newFormFrame builds (but does not show) a form with title over items.
// save validates and writes; errPrefix is the i18n prefix of field labels
// used in validation messages.
func newFormFrame(win fyne.Window, title string, items []*widget.FormItem, errPrefix string, save func() error) *formFrame {
	f := &formFrame{win: win, title: title, save: save, errPref: errPrefix}
	f.errors = widget.NewLabel("")
	f.errors.Wrapping = fyne.TextWrapWord
	f.errors.Importance = widget.DangerImportance
	f.warnings = widget.NewLabel("")
	f.warnings.Wrapping = fyne.TextWrapWord
	f.warnings.Importance = widget.WarningImportance
	f.form = &widget.Form{Items: items, SubmitText: i18n.T("support.ui.save"), CancelText: i18n.T("support.ui.cancel"),
		OnSubmit: f.Submit, OnCancel: f.Close}
	return f
}

// Show opens the form and binds Ctrl+S and Esc to it. When the screen
// did not say how to restore its shortcuts, the ones bound on the window
// now are bound again when the form closes (a person's profile, for one).
func (f *formFrame) Show() {
	c := f.win.Canvas()
	restore := f.restore
	release := formKeys(c, f.Submit, f.Close)
	f.restore = func() {
		release()
		if restore != nil {
			restore()
		}
	}
	title := keysTitle(f.title, true)
	if f.viewOnly {
		title = keysTitle(f.title+" ("+i18n.T("support.ui.view_only")+")", false)
	}
	content := container.NewVScroll(container.NewVBox(f.form, f.warnings, f.errors))
	content.SetMinSize(fyne.NewSize(620, 520))
	f.dlg = dialog.NewCustomWithoutButtons(title, content, f.win)
	f.dlg.Show()
}

// setViewOnly turns the form into a view for a read-only session: every
// field disabled, no Save button (Ctrl+S does nothing), Cancel reads
// "Đóng".
func (f *formFrame) setViewOnly() {
	f.viewOnly = true
	for _, it := range f.form.Items {
		disableAll(it.Widget)
	}
	f.form.OnSubmit = nil
	f.form.CancelText = i18n.T("support.ui.close_button")
	f.form.Refresh()
}

// disableAll disables o and, for a container, everything in it.
func disableAll(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *DateEntry:
		x.SetReadOnly(true)
	case *fyne.Container:
		for _, c := range x.Objects {
			disableAll(c)
		}
	case fyne.Disableable:
		x.Disable()
	}
}

// Submit saves; on failure the errors are shown and the form stays open.
func (f *formFrame) Submit() {
	if f.closed || f.viewOnly {
		return
	}
	if err := f.save(); err != nil {
		f.errors.SetText(supErrorText(err, f.errPref))
		return
	}
	f.errors.SetText("")
	f.Close()
	if f.onSaved != nil {
		f.onSaved()
	}
}

// Close hides the form without saving.
func (f *formFrame) Close() {
	if f.closed {
		return
	}
	f.closed = true
	if f.dlg != nil {
		f.dlg.Hide()
	}
	if f.restore != nil {
		f.restore()
	}
}

// open shows the form for a screen: as a view when readOnly, and
// rebind (the screen's own shortcuts) bound again when it closes.
func (f *formFrame) open(readOnly bool, rebind func()) {
	f.restore = rebind
	if readOnly {
		f.setViewOnly()
	}
	f.Show()
}

// formKeys gives a form shown on canvas c the same keys everywhere:
// Ctrl+S saves and Esc closes (save may be nil for a view). The shortcuts
// bound on c before are bound again by release, which the form calls when
// it closes (once; later calls do nothing).
func formKeys(c fyne.Canvas, save, close func()) (release func()) {
	restore := boundKeys(c)
	open := true
	bindKeys(c, func() bool { return open }, keyActions{save: save, escape: close})
	mine := bindingSerial(c)
	return func() {
		if !open {
			return
		}
		open = false
		if bindingSerial(c) == mine {
			restore()
		}
	}
}

// showFormDialog shows content (a form with its own Save button) in a
// dialog over win, with the keys of every form: Ctrl+S runs save (nil:
// none) and Esc closes. closeText labels a close button under the form
// ("" for none: the form has its own Cancel).
func showFormDialog(win fyne.Window, title string, content fyne.CanvasObject, size fyne.Size, closeText string, save func()) dialog.Dialog {
	var d dialog.Dialog
	if closeText != "" {
		d = dialog.NewCustom(keysTitle(title, save != nil), closeText, content, win)
	} else {
		d = dialog.NewCustomWithoutButtons(keysTitle(title, save != nil), content, win)
	}
	release := formKeys(win.Canvas(), save, d.Hide)
	d.SetOnClosed(release)
	d.Resize(size)
	d.Show()
	return d
}

// keysTitle is a form's title with the keys it answers to.
func keysTitle(title string, canSave bool) string {
	if !canSave {
		return title + "  (Esc: " + i18n.T("support.ui.close") + ")"
	}
	return title + "  (Ctrl+S: " + i18n.T("support.ui.save") + ", Esc: " + i18n.T("support.ui.close") + ")"
}

// dialogKeys gives a dialog shown on win the keys of the form behind it
// while it is open: Enter runs enter and Esc runs escape (nil: the key
// does nothing), and nothing passes through to the form (no second dialog
// stacked by an Esc). The form's own keys come back when the dialog closes.
func dialogKeys(win fyne.Window, d dialog.Dialog, enter, escape func()) {
	c := win.Canvas()
	restore := boundKeys(c)
	open := true
	bindKeys(c, func() bool { return open }, keyActions{enter: enter, escape: escape})
	mine := bindingSerial(c)
	d.SetOnClosed(func() {
		if !open {
			return
		}
		open = false
		// What the dialog's answer did may have bound other keys (a screen
		// opened, another dialog shown): those stay.
		if bindingSerial(c) == mine {
			restore()
		}
	})
}

// showMessage shows a message (an error, a notice) with one OK button;
// Enter and Esc close it.
func showMessage(title, text string, win fyne.Window) dialog.Dialog {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, i18n.T("ui.action.ok"), msg, win)
	d.Resize(fyne.NewSize(messageWidth, 0))
	dialogKeys(win, d, d.Hide, d.Hide)
	d.Show()
	return d
}

// messageWidth is the width of a message dialog: long Vietnamese
// sentences wrap instead of widening the dialog past a 1024-wide screen.
const messageWidth = 520

// keyBinding is what bindKeys last registered on a canvas.
type keyBinding struct {
	active  func() bool
	actions keyActions
	serial  uint64 // which bindKeys call, counted from 1
}

// keyBindings remembers, per canvas, what bindKeys last registered
// (bindKeys calls rememberKeys), so that a form that takes the shortcuts
// over while it is open can hand them back when it closes.
var keyBindings = struct {
	sync.Mutex
	m      map[fyne.Canvas]keyBinding
	serial uint64
}{m: map[fyne.Canvas]keyBinding{}}

// rememberKeys records what bindKeys registers on c.
func rememberKeys(c fyne.Canvas, active func() bool, a keyActions) {
	keyBindings.Lock()
	keyBindings.serial++
	keyBindings.m[c] = keyBinding{active: active, actions: a, serial: keyBindings.serial}
	keyBindings.Unlock()
}

// bindingSerial is the serial of what is bound on c now (0: nothing).
func bindingSerial(c fyne.Canvas) uint64 {
	keyBindings.Lock()
	defer keyBindings.Unlock()
	return keyBindings.m[c].serial
}

// boundKeys returns a function that binds again on c what is bound on it
// now. When nothing is, the function unbinds the shortcuts and forgets c
// (so that a closed window is not kept).
func boundKeys(c fyne.Canvas) func() {
	keyBindings.Lock()
	b, ok := keyBindings.m[c]
	keyBindings.Unlock()
	if !ok {
		return func() {
			bindKeys(c, func() bool { return false }, keyActions{})
			keyBindings.Lock()
			delete(keyBindings.m, c)
			keyBindings.Unlock()
		}
	}
	return func() { bindKeys(c, b.active, b.actions) }
}

// askConfirm asks before a destructive action, with Vietnamese buttons:
// confirmText (for example "Xóa") and "Hủy". ok runs on confirmation. The
// dialog is returned shown.
func askConfirm(win fyne.Window, title, message, confirmText string, ok func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, func(yes bool) {
		if yes {
			ok()
		}
	}, win)
	d.SetConfirmText(confirmText)
	d.SetDismissText(i18n.T("support.ui.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	dialogKeys(win, d, nil, d.Hide)
	d.Show()
	return d
}

// formItem is a form item labelled by an i18n key.
func formItem(key string, w fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(i18n.T(key), w)
}

// fieldWithError puts w over a message line for field (hidden while
// empty), registered in errs, so a refused save says what is wrong at
// the field itself.
func fieldWithError(errs map[string]*widget.Label, field string, w fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	errs[field] = l
	return container.NewVBox(w, l)
}

// showFieldErrors shows each error of v under its field; errors about
// fields without a line go to status. It reports whether there was any
// error (nil v clears every line).
func showFieldErrors(errs map[string]*widget.Label, v *caseload.ValidationError, status *widget.Label) bool {
	for _, l := range errs {
		l.SetText("")
		l.Hide()
	}
	if v == nil || len(v.Errors) == 0 {
		return false
	}
	var rest []string
	for _, fe := range v.Errors {
		l, ok := errs[fe.Field]
		if !ok {
			rest = append(rest, fieldLabel(fe.Field)+": "+i18n.Error(fe))
			continue
		}
		if l.Text != "" {
			l.SetText(l.Text + "\n" + i18n.Error(fe))
		} else {
			l.SetText(i18n.Error(fe))
		}
		l.Show()
	}
	status.Importance = widget.DangerImportance
	if len(rest) > 0 {
		status.SetText(strings.Join(rest, "\n"))
	} else {
		status.SetText(i18n.T("ui.error.fix_fields"))
	}
	status.Show()
	return true
}
