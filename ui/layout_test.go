package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"hoanhap/demo"
)

// TestEveryScreenFitsTheWindow checks that no area and no tab of a
// person's profile needs more than the 1280x800 default window, so nothing
// is clipped on a ward office screen (a widget whose minimum size is wider
// forces the whole window wider than the screen).
func TestEveryScreenFitsTheWindow(t *testing.T) {
	u, st := newTestUI(t)
	if err := demo.Ensure(st); err != nil {
		t.Fatal(err)
	}
	limit := fyne.NewSize(1280, 800)
	fits := func(what string) {
		t.Helper()
		if m := u.win.Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
			t.Errorf("%s needs %v, more than the %v window", what, m, limit)
		}
	}
	for i, a := range u.areas {
		u.show(i)
		fits(a.key)
	}
	for _, screen := range []string{"person-new", "person-first", "person-support", "reception", "quarter-list", "mentors", "models"} {
		u.Open(screen)
		fits(screen)
	}
	u.Open("person-first")
	tabs, ok := u.list.stack.Objects[0].(*container.AppTabs)
	if !ok {
		t.Fatal("the profile is not a tab container")
	}
	for i, it := range tabs.Items {
		tabs.SelectIndex(i)
		fits("profile tab " + it.Text)
	}
}
