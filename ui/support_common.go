package ui

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Helpers shared by the support, loan, model, business and exemplary
// screens.

func supCtx() context.Context { return context.Background() }

// supMatch reports whether every folded word of query prefixes a folded
// word of one of texts (diacritic- and case-insensitive, any order).
func supMatch(query string, texts ...string) bool {
	q := i18n.FoldWords(query)
	if len(q) == 0 {
		return true
	}
	var words []string
	for _, t := range texts {
		words = append(words, i18n.FoldWords(t)...)
	}
	for _, w := range q {
		found := false
		for _, x := range words {
			if strings.HasPrefix(x, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// supWarningText translates a loan warning with money as "1.000.000 đ" and
// dates as dd/mm/yyyy.
func supWarningText(w caseload.LoanWarning) string {
	args := make(map[string]any, len(w.Args))
	for k, v := range w.Args {
		switch x := v.(type) {
		case int64:
			args[k] = i18n.Money(x)
		case caseload.Date:
			args[k] = showDate(x)
		default:
			args[k] = v
		}
	}
	return i18n.TMap(w.Key, args)
}

// supWarningShort is the short form of a loan warning for a table cell
// ("Vượt mức vay tối đa"); the full text shows when the row is selected.
func supWarningShort(w caseload.LoanWarning) string {
	if k := strings.Replace(w.Key, "loan.warn.", "loan.warn_short.", 1); k != w.Key && i18n.Has(k) {
		return i18n.T(k)
	}
	return supWarningText(w)
}

// supWarningsJoin joins the short forms of the warnings with "; ".
func supWarningsJoin(ws []caseload.LoanWarning) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = supWarningShort(w)
	}
	return strings.Join(parts, "; ")
}

// supWarningsShort is a table cell for a loan's warnings: "" when there
// are none, else "⚠ " and their short forms.
func supWarningsShort(ws []caseload.LoanWarning) string {
	if len(ws) == 0 {
		return ""
	}
	return "⚠ " + supWarningsJoin(ws)
}

// supWarningsText joins the translated warnings, one per line.
func supWarningsText(ws []caseload.LoanWarning) string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = "⚠ " + supWarningText(w)
	}
	return strings.Join(lines, "\n")
}

// supErrorText renders a save error for a form: one line per field for a
// validation error (the field's label from prefix+field, then the
// message), else the translated error.
func supErrorText(err error, prefix string) string {
	var ve *caseload.ValidationError
	if !errors.As(err, &ve) {
		return i18n.Error(err)
	}
	lines := make([]string, 0, len(ve.Errors))
	for _, fe := range ve.Errors {
		label := fe.Field
		if i18n.Has(prefix + fe.Field) {
			label = i18n.T(prefix + fe.Field)
		}
		lines = append(lines, label+": "+i18n.Error(fe))
	}
	return strings.Join(lines, "\n")
}

// supMoneyEntry is an entry for an amount of đồng typed as "1.234.567",
// "1234567" or "1.234.567 đ". Empty means 0.
type supMoneyEntry struct{ *keyEntry }

func newSupMoneyEntry() *supMoneyEntry {
	e := &supMoneyEntry{newKeyEntry()}
	e.PlaceHolder = i18n.T("support.ui.money_placeholder")
	e.Validator = func(string) error {
		if _, err := e.Amount(); err != nil {
			return errors.New(i18n.Error(err))
		}
		return nil
	}
	return e
}

// Amount returns the typed amount (0 when empty).
func (e *supMoneyEntry) Amount() (int64, error) {
	if strings.TrimSpace(e.Text) == "" {
		return 0, nil
	}
	return i18n.ParseMoney(e.Text)
}

// SetAmount shows v formatted ("" for 0).
func (e *supMoneyEntry) SetAmount(v int64) {
	if v == 0 {
		e.SetText("")
		return
	}
	e.SetText(i18n.Money(v))
}

// supIntEntry is an entry for a whole number; empty means 0.
type supIntEntry struct{ *keyEntry }

func newSupIntEntry() *supIntEntry {
	e := &supIntEntry{newKeyEntry()}
	e.Validator = func(string) error {
		if _, err := e.Int(); err != nil {
			return errors.New(i18n.T("support.ui.not_a_number"))
		}
		return nil
	}
	return e
}

// Int returns the number (0 when empty).
func (e *supIntEntry) Int() (int, error) {
	s := strings.TrimSpace(e.Text)
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// SetInt shows n ("" for 0).
func (e *supIntEntry) SetInt(n int) {
	if n == 0 {
		e.SetText("")
		return
	}
	e.SetText(strconv.Itoa(n))
}

// supForm is a modal form: labelled fields, an error area, a live
// warning area, and Save / Cancel buttons. Ctrl+S saves and Esc closes
// while it is open; close restores the screen's own shortcuts.
type supForm struct {
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

// newSupForm builds (but does not show) a form with title over items.
// save validates and writes; errPrefix is the i18n prefix of field labels
// used in validation messages.
func newSupForm(win fyne.Window, title string, items []*widget.FormItem, errPrefix string, save func() error) *supForm {
	f := &supForm{win: win, title: title, save: save, errPref: errPrefix}
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
func (f *supForm) Show() {
	c := f.win.Canvas()
	if f.restore == nil {
		f.restore = boundKeys(c)
	}
	bindKeys(c, func() bool { return !f.closed }, keyActions{save: f.Submit, escape: f.Close})
	title := f.title + "  (Ctrl+S: " + i18n.T("support.ui.save") + ", Esc: " + i18n.T("support.ui.close") + ")"
	if f.viewOnly {
		title = f.title + " (" + i18n.T("support.ui.view_only") + ")  (Esc: " + i18n.T("support.ui.close") + ")"
	}
	content := container.NewVScroll(container.NewVBox(f.form, f.warnings, f.errors))
	content.SetMinSize(fyne.NewSize(620, 520))
	f.dlg = dialog.NewCustomWithoutButtons(title, content, f.win)
	f.dlg.Show()
}

// setViewOnly turns the form into a view for a read-only session: every
// field disabled, no Save button (Ctrl+S does nothing), Cancel reads
// "Đóng".
func (f *supForm) setViewOnly() {
	f.viewOnly = true
	for _, it := range f.form.Items {
		supDisableAll(it.Widget)
	}
	f.form.OnSubmit = nil
	f.form.CancelText = i18n.T("support.ui.close_button")
	f.form.Refresh()
}

// supDisableAll disables o and, for a container, everything in it.
func supDisableAll(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *DateEntry:
		x.SetReadOnly(true)
	case *fyne.Container:
		for _, c := range x.Objects {
			supDisableAll(c)
		}
	case fyne.Disableable:
		x.Disable()
	}
}

// Submit saves; on failure the errors are shown and the form stays open.
func (f *supForm) Submit() {
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
func (f *supForm) Close() {
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

// keyBinding is what bindKeys last registered on a canvas.
type keyBinding struct {
	active  func() bool
	actions keyActions
}

// keyBindings remembers, per canvas, what bindKeys last registered
// (bindKeys calls rememberKeys), so that a form that takes the shortcuts
// over while it is open can hand them back when it closes.
var keyBindings = struct {
	sync.Mutex
	m map[fyne.Canvas]keyBinding
}{m: map[fyne.Canvas]keyBinding{}}

// rememberKeys records what bindKeys registers on c.
func rememberKeys(c fyne.Canvas, active func() bool, a keyActions) {
	keyBindings.Lock()
	keyBindings.m[c] = keyBinding{active: active, actions: a}
	keyBindings.Unlock()
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

// supConfirm asks before a destructive action, with Vietnamese buttons:
// confirmText (for example "Xóa") and "Hủy". ok runs on confirmation. The
// dialog is returned shown.
func supConfirm(win fyne.Window, title, message, confirmText string, ok func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, func(yes bool) {
		if yes {
			ok()
		}
	}, win)
	d.SetConfirmText(confirmText)
	d.SetDismissText(i18n.T("support.ui.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
	return d
}

// supItem is a form item labelled by an i18n key.
func supItem(key string, w fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(i18n.T(key), w)
}

// supTable builds a virtualised table with a header row over a row
// count and a cell text function; widths in points per column. A column
// is never narrower than its header, so header texts do not overlap.
func supTable(headers []string, widths []float32, rows func() int, cell func(row, col int) string, selected func(row int)) *widget.Table {
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
	for i, w := range supColumnWidths(headers, widths) {
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

// supColumnWidths widens each width to fit its bold header text.
func supColumnWidths(headers []string, widths []float32) []float32 {
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

// supFill puts t in a container that gives column flex whatever width the
// other columns leave, so that the table fills its space without a
// horizontal scroll bar when the window is wide enough; flex never gets
// narrower than its own width in widths.
func supFill(t *widget.Table, headers []string, widths []float32, flex int) *fyne.Container {
	return container.New(&supFillLayout{t: t, widths: supColumnWidths(headers, widths), flex: flex}, t)
}

// supFillLayout sizes the flexible column of a table on every layout.
type supFillLayout struct {
	t      *widget.Table
	widths []float32
	flex   int
	last   float32
}

// Layout gives the table the whole space and stretches the flex column.
func (l *supFillLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
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
func (l *supFillLayout) FlexWidth(total float32) float32 {
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

// supScrollMargin keeps the last column clear of the vertical scroll bar.
const supScrollMargin = 12

// MinSize is the table's own (small: it scrolls).
func (l *supFillLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// supHeaders translates header keys.
func supHeaders(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = i18n.T(k)
	}
	return out
}
