package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/store"
)

// pressKey types a key on the canvas of w as the driver does when no
// field has the focus (a dialog on top, or nothing focused).
func pressKey(w fyne.Window, k fyne.KeyName) {
	if f := w.Canvas().OnTypedKey(); f != nil {
		f(&fyne.KeyEvent{Name: k})
	}
}

// windowTitled returns the open window titled title, nil if none.
func windowTitled(u *App, title string) fyne.Window {
	for _, w := range u.fyne.Driver().AllWindows() {
		if w != u.win && w.Title() == title {
			return w
		}
	}
	return nil
}

// findEntry returns the entry under o whose text is text.
func findEntry(o fyne.CanvasObject, text string) *keyEntry {
	var found *keyEntry
	walk(o, func(x fyne.CanvasObject) {
		if e, ok := x.(*keyEntry); ok && found == nil && e.Text == text {
			found = e
		}
	})
	return found
}

// walk calls f on o and everything under it, tabs and scrolls included.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case *container.AppTabs:
		for _, it := range x.Items {
			walk(it.Content, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}

// The profile opened in its own window (from the visit log or the
// worklist) saves with Ctrl+S and closes with Esc, like the profile in
// the main window.
func TestProfileWindowShortcuts(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	u.sess.Role = string(caseload.RoleOfficer)
	ids := seed(t, st, caseload.Person{FullName: "Lý Văn Sơn"})
	u.svOpenPerson(ids[0])
	w := windowTitled(u, "Lý Văn Sơn")
	if w == nil {
		t.Fatal("the profile did not open in a window of its own")
	}
	name := findEntry(w.Content(), "Lý Văn Sơn")
	if name == nil {
		t.Fatal("no name field in the profile window")
	}
	name.SetText("Lý Văn Sơn Hải")
	typeShortcut(w, shortcutSave)
	if p, _ := st.Person(context.Background(), ids[0]); p.FullName != "Lý Văn Sơn Hải" {
		t.Fatalf("Ctrl+S in the profile window: stored name %q", p.FullName)
	}
	pressKey(w, fyne.KeyEscape)
	if windowTitled(u, "Lý Văn Sơn") != nil {
		t.Fatal("Esc did not close the saved profile's window")
	}

	// With unsaved changes Esc asks first, in that window.
	u.svOpenPerson(ids[0])
	w = windowTitled(u, "Lý Văn Sơn Hải")
	findEntry(w.Content(), "Lý Văn Sơn Hải").SetText("Chưa lưu")
	pressKey(w, fyne.KeyEscape)
	if windowTitled(u, "Lý Văn Sơn Hải") == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("Esc with unsaved changes closed the window without asking")
	}
}

// The mentor form, the assignment form and the visit entry shown from the
// worklist answer to the same keys: Ctrl+S saves, Esc closes.
func TestFormDialogsShortcuts(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	u.sess.Role = string(caseload.RoleOfficer)

	a := u.buildMentorsArea()
	a.openForm(caseload.Mentor{})
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the mentor form did not open")
	}
	pressKey(u.win, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the mentor form")
	}
	mf := a.openForm(caseload.Mentor{})
	mf.Name.SetText("Hội Phụ nữ phường")
	mf.Org.SetValue(string(caseload.OrgWomenUnion))
	typeShortcut(u.win, shortcutSave)
	if len(a.rows) != 1 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Ctrl+S did not save and close the mentor form (%d mentors)", len(a.rows))
	}

	p := svManaged(t, st, "Trần Văn Tư")
	u.showAssignDialog(p.ID, nil)
	pressKey(u.win, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the assignment form")
	}

	vf := u.showVisitDialog(p.ID, false, nil)
	vf.Attitude.SetText("Chấp hành tốt")
	typeShortcut(u.win, shortcutSave)
	if visits, _ := st.VisitLog(context.Background(), p.ID); len(visits) != 1 {
		t.Fatalf("Ctrl+S in the visit dialog saved %d visits", len(visits))
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the visit dialog did not close after its save")
	}
	u.showVisitDialog(p.ID, false, nil)
	pressKey(u.win, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the visit dialog")
	}
}

// An error dialog closes with Enter or Esc, and Esc does not reach the
// form behind it (no second dialog asking about unsaved changes).
func TestErrorDialogKeys(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	refuse := func(k fyne.KeyName) {
		t.Helper()
		f.fullName.SetText("An") // one word: refused
		f.citizenID.SetText("0123")
		_ = f.Save()
		if u.win.Canvas().Overlays().Top() == nil {
			t.Fatal("a refused save showed no message")
		}
		pressKey(u.win, k)
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("%s left a dialog open", k)
		}
		if v.form == nil {
			t.Fatalf("%s closed the form behind the message", k)
		}
	}
	refuse(fyne.KeyReturn)
	refuse(fyne.KeyEscape)
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 0 {
		t.Errorf("a refused form stored %d people", n)
	}
	// The form's own keys come back after the message.
	pressKey(u.win, fyne.KeyEscape)
	if f.closeAsk == nil {
		t.Error("Esc after the message did not reach the form")
	}
}

// Esc closes a form while a drop-down (the gender) has the focus, as it
// does from a text field: a focused Select used to swallow it.
func TestEscapeFromFocusedSelect(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	closed := 0
	bindKeys(u.win.Canvas(), func() bool { return true }, keyActions{escape: func() { closed++ }})
	g := newEnumSelect("person.gender", enumValues(caseload.Genders), true, nil)
	u.win.SetContent(g)
	u.win.Canvas().Focus(g.sel)
	if u.win.Canvas().Focused() == nil {
		t.Fatal("the select took no focus")
	}
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if closed != 1 {
		t.Fatalf("Esc on a focused select reached the screen %d times, want 1", closed)
	}
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if closed != 1 {
		t.Fatal("another key on the select reached the screen's Esc")
	}
}
