package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/store"
)

// findButton returns the button with the given text under o (widgets are
// walked through their renderers), or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// overlayButton returns the button with text on the top overlay of the
// main window (a dialog), or fails the test.
func overlayButton(t *testing.T, u *App, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog shown, want one with the button %q", text)
	}
	b := findButton(top, text)
	if b == nil {
		t.Fatalf("the dialog has no button %q", text)
	}
	return b
}

// areaIndex returns the navigation index of the area with key.
func areaIndex(t *testing.T, u *App, key string) int {
	t.Helper()
	for i, a := range u.areas {
		if a.key == key {
			return i
		}
	}
	t.Fatalf("no area %q", key)
	return -1
}

// openCaseloadForm opens the caseload area and an empty register form in
// it.
func openCaseloadForm(t *testing.T, u *App) *personForm {
	t.Helper()
	u.ShowArea("nav.caseload")
	if u.current != areaIndex(t, u, "nav.caseload") || u.list == nil || !u.list.active() {
		t.Fatalf("the caseload area is not on screen after login (current %d)", u.current)
	}
	u.list.newPerson()
	if u.list.form == nil {
		t.Fatal("no register form opened")
	}
	u.list.form.dupDeb.delay = 0 // duplicate check runs synchronously
	return u.list.form
}

func TestLeaveWithoutChangesDoesNotAsk(t *testing.T) {
	u, _ := newTestUI(t)
	openCaseloadForm(t, u)
	visits := areaIndex(t, u, "nav.visits")
	u.nav.Select(visits)
	if u.current != visits {
		t.Fatalf("current area = %d, want %d (visits)", u.current, visits)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog was shown although nothing was typed")
	}
	ran := false
	u.confirmLeave(func() { ran = true })
	if !ran {
		t.Error("confirmLeave did not run next at once with nothing unsaved")
	}
}

func TestLeaveWithUnsavedChangesAsks(t *testing.T) {
	u, st := newTestUI(t)
	caseloadIdx, visits := areaIndex(t, u, "nav.caseload"), areaIndex(t, u, "nav.visits")
	f := openCaseloadForm(t, u)
	test.Type(f.fullName, "Nguyễn Văn Đức")
	if !u.hasUnsavedChanges() {
		t.Fatal("typing a name did not count as an unsaved change")
	}
	shown := u.content.Objects[0]

	// Choosing another area asks; "Ở lại" keeps everything as it was.
	u.nav.Select(visits)
	overlayButton(t, u, "Bỏ thay đổi")
	test.Tap(overlayButton(t, u, "Ở lại"))
	if u.current != caseloadIdx || u.content.Objects[0] != shown {
		t.Fatalf("staying switched the area (current %d)", u.current)
	}
	if u.list.form != f || f.fullName.Text != "Nguyễn Văn Đức" {
		t.Fatal("staying lost the form or what was typed")
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog is still shown after staying")
	}

	// The navigation went back to the caseload: choosing the visits again
	// asks again (a list ignores selecting its selected item).
	u.nav.Select(visits)
	test.Tap(overlayButton(t, u, "Bỏ thay đổi"))
	if u.current != visits {
		t.Fatalf("discarding did not open the visits area (current %d)", u.current)
	}
	if _, ok := u.content.Objects[0].(*container.AppTabs); !ok {
		t.Errorf("content is %T, want the visits area tabs", u.content.Objects[0])
	}
	if u.list.form != nil {
		t.Error("the discarded form is still open")
	}
	if n := len(st.People(store.PersonFilter{Statuses: caseload.Statuses})); n != 0 {
		t.Errorf("discarding saved %d people", n)
	}
	if u.hasUnsavedChanges() {
		t.Error("unsaved changes reported after leaving the caseload")
	}
}

func TestConfirmLeaveRunsNextOnlyOnDiscard(t *testing.T) {
	u, _ := newTestUI(t)
	f := openCaseloadForm(t, u)
	test.Type(f.fullName, "Trần Thị Bình")
	ran := 0
	u.confirmLeave(func() { ran++ })
	if ran != 0 {
		t.Fatal("next ran before the user answered")
	}
	test.Tap(overlayButton(t, u, "Ở lại"))
	if ran != 0 {
		t.Fatal("next ran although the user stayed")
	}
	u.confirmLeave(func() { ran++ })
	test.Tap(overlayButton(t, u, "Bỏ thay đổi"))
	if ran != 1 {
		t.Fatalf("next ran %d times after discarding, want 1", ran)
	}
}

func TestLeaveAfterSaveDoesNotAsk(t *testing.T) {
	u, _ := newTestUI(t)
	f := openCaseloadForm(t, u)
	fillMinimal(f, "Lê Văn Cường")
	if err := f.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	visits := areaIndex(t, u, "nav.visits")
	u.nav.Select(visits)
	if u.current != visits {
		t.Fatalf("a saved form blocked leaving (current %d)", u.current)
	}
}
