package ui

import (
	"database/sql"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

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
