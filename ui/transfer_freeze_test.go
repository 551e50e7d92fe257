package ui

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/store"
)

// TestFrozenPersonRefusedInTheForm: once a transfer order froze a person
// at this ward, saving the person's form is refused and a message is shown
// (the store's Vietnamese explanation), and nothing is written.
func TestFrozenPersonRefusedInTheForm(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Hoàng Văn Khóa")
	test.Type(f.offense, "Trộm cắp tài sản")
	f.sentenceKind.SetValue(string(caseload.SentencePrison))
	test.Type(f.sentenceMonths, "30")
	test.Type(f.completedOn.Entry, "15/01/2024")
	test.Type(f.returnedOn.Entry, "16/01/2024")
	if err := f.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	id := f.person.ID
	// The order arrived in a sync file: the person is frozen here.
	db, err := sql.Open("sqlite", store.DSN(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO transfer_freeze (person_id, transfer_id, frozen_at) VALUES (?, 't1', '2026-12-04')`, id); err != nil {
		t.Fatal(err)
	}
	f.hamlet.SetText("Tổ 9")
	err = f.Save()
	if !errors.Is(err, store.ErrPersonFrozen) {
		t.Fatalf("save of a frozen person: %v", err)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no message shown")
	}
	if got, _ := st.Person(t.Context(), id); got.Hamlet == "Tổ 9" {
		t.Fatal("the frozen person was changed")
	}
}

// freezeHere freezes a person at this ward as a transfer order arriving in
// a sync file does (store/transfer_sync.go afterWrite).
func freezeHere(t *testing.T, st *store.Store, personID string) {
	t.Helper()
	db, err := sql.Open("sqlite", store.DSN(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO transfer (id, owner, ver, updated_at, updated_by, hlc, person_id, from_ward, to_ward,
		ordered_on, number, state) VALUES ('t1', 'office', 1, '2026-12-04T08:00:00Z', 'office', '0', ?, 'ward-a', 'ward-b',
		'2026-12-04', '15/QĐ-CAT', 'ordered')`, personID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO transfer_freeze (person_id, transfer_id, frozen_at) VALUES (?, 't1', '2026-12-04')`, personID); err != nil {
		t.Fatal(err)
	}
}

// findLabel returns the first shown label under o whose text contains s.
func findLabel(o fyne.CanvasObject, s string) *widget.Label {
	l, _ := shownObject(o, func(c fyne.CanvasObject) bool {
		l, ok := c.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	}).(*widget.Label)
	return l
}

// TestFrozenPersonShownAsLeaving: a person frozen at this ward by a
// transfer order is no task in the worklist (one line says how many are
// leaving), reads "Đang chuyển đi" in the caseload list, and the profile
// says why it is read-only and offers no button that writes, in the
// caseload area and in its own window.
func TestFrozenPersonShownAsLeaving(t *testing.T) {
	u, ids, _ := sweepFixture(t)
	st := u.st
	u.sess = session{UserName: "canbo", Role: "officer"}
	stays := svManaged(t, st, "Trần Văn Bình")
	leaving := ids[0]
	itemsOf := func(ov *overviewArea, id string) int {
		n := 0
		for _, r := range ov.rows {
			if r.item.PersonID == id {
				n++
			}
		}
		return n
	}
	ov := u.buildOverviewArea()
	if itemsOf(ov, leaving) == 0 || itemsOf(ov, stays.ID) == 0 {
		t.Fatalf("before the order: %d and %d items", itemsOf(ov, leaving), itemsOf(ov, stays.ID))
	}
	if ov.Frozen.Visible() {
		t.Errorf("leaving line shown with nobody leaving: %q", ov.Frozen.Text)
	}
	freezeHere(t, st, leaving)

	ov = u.buildOverviewArea()
	if n := itemsOf(ov, leaving); n != 0 {
		t.Errorf("the worklist still offers %d tasks for the person leaving", n)
	}
	if itemsOf(ov, stays.ID) == 0 {
		t.Error("the other person's tasks are gone")
	}
	want := "1 người đang chuyển đi (chờ Công an cấp trên hoàn tất) — không cần thao tác"
	if !ov.Frozen.Visible() || ov.Frozen.Text != want {
		t.Errorf("leaving line = %q (shown %v), want %q", ov.Frozen.Text, ov.Frozen.Visible(), want)
	}

	v := showCaseload(t, u, "officer")
	status := map[string]string{}
	for _, r := range v.rows {
		status[r.id] = r.cells[colStatus]
	}
	if status[leaving] != "Đang chuyển đi" || status[stays.ID] != "Đang quản lý" {
		t.Errorf("status cells: leaving %q, staying %q", status[leaving], status[stays.ID])
	}

	v.openPerson(leaving)
	if v.form == nil || !v.form.readOnly {
		t.Fatal("the profile of the person leaving is not read-only")
	}
	profile := v.stack.Objects[0]
	if findLabel(profile, "đang được chuyển sang phường, xã khác") == nil {
		t.Error("no banner on the profile")
	}
	if findLabel(profile, "15/QĐ-CAT ngày 04/12/2026") == nil {
		t.Error("the banner does not name the order")
	}
	if live := liveWriteButtons(profile); len(live) > 0 {
		t.Errorf("the profile of the person leaving offers %q", live)
	}
	v.form.close()
	v.openPerson(stays.ID)
	if live := liveWriteButtons(v.stack.Objects[0]); len(live) == 0 {
		t.Error("the profile of a person staying offers no write button")
	}
	v.form.close()

	before := len(u.fyne.Driver().AllWindows())
	u.svOpenPerson(leaving)
	wins := u.fyne.Driver().AllWindows()
	if len(wins) != before+1 {
		t.Fatalf("no profile window opened")
	}
	w := wins[len(wins)-1]
	defer w.Close()
	if findLabel(w.Content(), "đang được chuyển sang phường, xã khác") == nil {
		t.Error("no banner in the profile window")
	}
	if live := liveWriteButtons(w.Content()); len(live) > 0 {
		t.Errorf("the profile window of the person leaving offers %q", live)
	}
}
