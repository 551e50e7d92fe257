package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// topOverlay returns the top overlay of w (a dialog), or fails.
func topOverlay(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	return top
}

// typeShortcut types a screen shortcut on w's canvas.
func typeShortcut(w fyne.Window, s fyne.Shortcut) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// hasCard reports whether a card titled title is under o.
func hasCard(o fyne.CanvasObject, title string) bool {
	switch x := o.(type) {
	case *widget.Card:
		if x.Title == title {
			return true
		}
		return x.Content != nil && hasCard(x.Content, title)
	case *container.AppTabs:
		for _, it := range x.Items {
			if hasCard(it.Content, title) {
				return true
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if hasCard(c, title) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if hasCard(c, title) {
				return true
			}
		}
	}
	return false
}

// A form opened from the profile's "Hỗ trợ" tab hands the profile its
// shortcuts back when it closes, whether cancelled or saved.
func TestProfileShortcutsAfterSupportForm(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Đỗ Thị Giang")
	typeShortcut(u.win, shortcutSave)
	if f.person.ID == "" {
		t.Fatal("first Ctrl+S did not save")
	}
	id := f.person.ID
	u.list = v
	u.selectProfileTab(i18n.T("support.ui.person_tab"))
	add := findButton(v.stack, i18n.T("support.ui.support_new"))
	if add == nil {
		t.Fatal("the profile has no support tab button")
	}

	// Cancel: the support form closes, then Ctrl+S saves the profile.
	test.Tap(add)
	test.Tap(overlayButton(t, u, i18n.T("support.ui.cancel")))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the support form did not close")
	}
	f.fullName.SetText("Đỗ Thị Giang Hương")
	typeShortcut(u.win, shortcutSave)
	if p, _ := st.Person(context.Background(), id); p.FullName != "Đỗ Thị Giang Hương" {
		t.Fatalf("Ctrl+S after closing the support form: stored name %q", p.FullName)
	}

	// Save: Ctrl+S first saves the support form (counselling, today), then
	// the profile again.
	test.Tap(add)
	typeShortcut(u.win, shortcutSave)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Ctrl+S did not save and close the support form")
	}
	if list, _ := st.PersonSupports(context.Background(), id); len(list) != 1 {
		t.Fatalf("supports saved = %d", len(list))
	}
	f.fullName.SetText("Đỗ Thị Hương")
	typeShortcut(u.win, shortcutSave)
	if p, _ := st.Person(context.Background(), id); p.FullName != "Đỗ Thị Hương" {
		t.Fatalf("Ctrl+S after saving the support form: stored name %q", p.FullName)
	}

	// The loan form too; then Esc closes the (saved) profile and Ctrl+F
	// reaches the list's search box.
	test.Tap(findButton(v.stack, i18n.T("support.ui.loan_new")))
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the loan form")
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.form != nil {
		t.Fatal("Esc after the loan form did not close the profile")
	}
	typeShortcut(u.win, shortcutFind)
	if u.win.Canvas().Focused() != v.search {
		t.Error("Ctrl+F after the forms did not focus the search box")
	}
}

// A form shown where no screen bound shortcuts (a profile in its own
// window) leaves none bound once it closes.
func TestFormInWindowWithoutShortcuts(t *testing.T) {
	st, duc, _ := supTestStore(t)
	w := supTestWindow(t)
	v := newPersonSupportView(w, st, duc.ID)
	w.SetContent(v.Root)
	f := v.openSupport(caseload.Support{PersonID: duc.ID})
	f.Close()
	typeShortcut(w, shortcutSave)
	if list, _ := st.PersonSupports(context.Background(), duc.ID); len(list) != 0 {
		t.Errorf("Ctrl+S after closing saved %d supports", len(list))
	}
	keyBindings.Lock()
	_, kept := keyBindings.m[w.Canvas()]
	keyBindings.Unlock()
	if kept {
		t.Error("the window's canvas is still remembered")
	}
}
