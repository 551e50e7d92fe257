package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A future birth date is marked wrong as it is typed, with the message
// the save gives: the field's mark and the save agree.
func TestBirthDateMarkAgreesWithSave(t *testing.T) {
	u, _ := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Đỗ Thị Giang")
	f.birth.Entry.SetText("01/01/2099")
	mark := f.birth.Entry.Validate()
	if mark == nil {
		t.Fatal("a future birth date is marked valid")
	}
	if err := f.Save(); err == nil {
		t.Fatal("a future birth date saved")
	}
	saved := f.errLabels["birth_date"].Text
	if saved == "" || !strings.Contains(saved, mark.Error()) && !strings.Contains(mark.Error(), saved) {
		t.Errorf("the mark says %q, the save %q", mark.Error(), saved)
	}
	f.birth.Entry.SetText("1985")
	if err := f.birth.Entry.Validate(); err != nil {
		t.Errorf("a past birth year is marked wrong: %v", err)
	}
}

// In the visit form Tab goes from the date to the kind without stopping
// on the calendar button, and a letter typed on the kind drop-down is not
// lost: it goes on to the next field.
func TestVisitFormTabAndTyping(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	p := svManaged(t, st, "Trần Văn Tư")
	f := newVisitForm(st, u.sess, nil, p.ID)
	w := test.NewWindow(f.content)
	defer w.Close()
	w.Resize(fyne.NewSize(700, 800))
	c := w.Canvas()
	c.Focus(f.Date.Entry)
	c.FocusNext()
	if _, onButton := c.Focused().(*widget.Button); onButton || c.Focused() == nil {
		t.Fatalf("Tab from the date went to %T", c.Focused())
	}
	if c.Focused() != fyne.Focusable(f.Kind.sel) {
		t.Fatalf("Tab from the date went to %T, want the kind", c.Focused())
	}
	kind := f.Kind.Value()
	for _, r := range "Tốt" { // as the driver does: to the focused widget
		c.Focused().TypedRune(r)
	}
	if f.Attitude.Text != "Tốt" || f.Kind.Value() != kind {
		t.Errorf("typed on the kind: attitude %q, kind %q (was %q)", f.Attitude.Text, f.Kind.Value(), kind)
	}
}
