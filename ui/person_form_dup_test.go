package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/store"
)

// A second person with the same 12-digit CCCD is refused, with the
// existing record shown and openable; saved only when the officer
// confirms it is another person.
func TestDuplicateCitizenIDNeedsConfirmation(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Nguyễn Văn An", CitizenID: "001085012345"})
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	var opened string
	f.OpenElsewhere = func(id string) { opened = id }
	fillMinimal(f, "Trần Văn Bình")
	test.Type(f.citizenID, "001085012345")
	var dup *store.DuplicateError
	if err := f.Save(); !errors.As(err, &dup) {
		t.Fatalf("save with a CCCD on another record: %v, want a duplicate error", err)
	}
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 1 {
		t.Fatalf("the duplicate was stored before any confirmation (%d people)", n)
	}
	if f.dupAsk == nil {
		t.Fatal("no confirmation asked")
	}
	top := u.win.Canvas().Overlays().Top()
	if mk := test.RenderObjectToMarkup(top); !strings.Contains(mk, "Nguyễn Văn An") {
		t.Fatalf("the existing record is not shown:\n%.600s", mk)
	}
	test.Tap(findButton(top, "Mở hồ sơ này"))
	if opened != ids[0] {
		t.Errorf("the open button opened %q, want %q", opened, ids[0])
	}
	// Esc keeps the form as typed and stores nothing.
	pressKey(u.win, fyne.KeyEscape)
	if f.dupAsk != nil || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the confirmation")
	}
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 1 || f.fullName.Text != "Trần Văn Bình" {
		t.Fatalf("cancelling stored %d people or lost the typing (%q)", n, f.fullName.Text)
	}
	_ = f.Save()
	f.dupAsk.Confirm()
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 2 || f.person.ID == "" {
		t.Fatalf("confirmed save: %d people, id %q", n, f.person.ID)
	}
}

// The same folded name and birth year asks before saving (a dialog, not
// only a banner); "another person" saves.
func TestNamesakeAsksBeforeSaving(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st, caseload.Person{FullName: "Nguyễn Văn An", BirthDate: caseload.BirthDate{Year: 1985}})
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "nguyen van an") // fillMinimal types birth year 1985
	if err := f.Save(); err == nil || f.dupAsk == nil {
		t.Fatalf("a namesake born the same year saved without asking (err %v)", err)
	}
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 1 {
		t.Fatalf("stored before the answer: %d people", n)
	}
	f.dupAsk.Confirm()
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 2 {
		t.Fatalf("after 'another person': %d people", n)
	}
	// Saving the record again does not ask again.
	f.notes.SetText("Đã xác minh")
	if err := f.Save(); err != nil || f.dupAsk != nil {
		t.Fatalf("second save asked again (err %v)", err)
	}
}

// A successful save says so, in the space kept for the banner: the form
// below does not move when the note or the duplicate banner appears.
func TestPersonSavedNoteAndStillForm(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st, caseload.Person{FullName: "Nguyễn Văn An", CitizenID: "001085012345"})
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	h := f.notice.MinSize().Height
	test.Type(f.citizenID, "001085012345")
	f.checkDuplicates()
	if !f.dupBanner.Visible() || f.notice.MinSize().Height != h {
		t.Fatalf("banner shown %v; the banner space went from %v to %v", f.dupBanner.Visible(), h, f.notice.MinSize().Height)
	}
	f.citizenID.SetText("")
	fillMinimal(f, "Đỗ Thị Giang")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if !f.savedNote.Visible() || !strings.Contains(f.savedText.Text, "Đã lưu hồ sơ của Đỗ Thị Giang") {
		t.Fatalf("no confirmation after the save: visible %v, %q", f.savedNote.Visible(), f.savedText.Text)
	}
	if f.notice.MinSize().Height != h {
		t.Errorf("the saved note moved the form: %v, want %v", f.notice.MinSize().Height, h)
	}
	f.notes.SetText("thêm")
	if f.savedNote.Visible() {
		t.Error("the saved note stays after a change")
	}
}
