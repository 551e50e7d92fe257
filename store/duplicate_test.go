package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// TestSavePersonRefusesDuplicateCitizenID: a second live person with the
// same 12-digit citizen id is refused, naming the existing one, and
// nothing is written; SavePersonConfirmed stores it.
func TestSavePersonRefusesDuplicateCitizenID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := testPerson("Nguyễn Văn An", caseload.Male, 1985, "001085012345")
	mustSave(t, s, &first)
	before := countRows(t, s, `SELECT count(*) FROM person`)
	audits := countRows(t, s, `SELECT count(*) FROM audit`)

	// Typed with spaces and dots: the same id once normalised.
	second := testPerson("Trần Văn Bình", caseload.Male, 1985, "001 085.012345")
	err := s.SavePerson(ctx, &second)
	var de *DuplicateError
	if !errors.As(err, &de) {
		t.Fatalf("SavePerson of a duplicate citizen id: %v, want *DuplicateError", err)
	}
	if de.CitizenID != "001085012345" || len(de.Existing) != 1 || de.Existing[0].ID != first.ID {
		t.Fatalf("DuplicateError = %+v", de)
	}
	if second.ID != "" {
		t.Errorf("refused person got id %q", second.ID)
	}
	if n := countRows(t, s, `SELECT count(*) FROM person`); n != before {
		t.Errorf("%d persons after refusal, want %d", n, before)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit`); n != audits {
		t.Errorf("%d audit rows after refusal, want %d", n, audits)
	}
	if got := s.People(PersonFilter{Query: "Bình"}); len(got) != 0 {
		t.Errorf("refused person is in the index: %v", got)
	}
	i18n.SetLanguage("vi")
	msg := i18n.Error(err)
	for _, want := range []string{"001085012345", "Nguyễn Văn An", first.ID} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.ToLower(de.Error()) != de.Error() {
		t.Errorf("Error() not lower case: %q", de.Error())
	}

	// The officer confirms: stored.
	if err := s.SavePersonConfirmed(ctx, &second); err != nil {
		t.Fatalf("SavePersonConfirmed: %v", err)
	}
	// A later edit that keeps the confirmed id is not asked again.
	second.Phone = "0912345678"
	if err := s.SavePerson(ctx, &second); err != nil {
		t.Fatalf("edit of a confirmed duplicate: %v", err)
	}
	// A third one names both existing people.
	third := testPerson("Lê Văn Cường", caseload.Male, 1985, "001085012345")
	err = s.SavePerson(ctx, &third)
	if !errors.As(err, &de) || len(de.Existing) != 2 {
		t.Fatalf("third duplicate: %v", err)
	}
	if msg := i18n.Error(err); !strings.Contains(msg, "Nguyễn Văn An") || !strings.Contains(msg, "Trần Văn Bình") {
		t.Errorf("message %q does not name both", msg)
	}
}

// TestUpdateToDuplicateCitizenID: changing a person's citizen id to one
// another person holds is refused like an insert; a deleted person's id
// can be reused.
func TestUpdateToDuplicateCitizenID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := testPerson("Nguyễn Văn An", caseload.Male, 1985, "001085012345")
	b := testPerson("Trần Văn Bình", caseload.Male, 1985, "001085099999")
	mustSave(t, s, &a)
	mustSave(t, s, &b)
	edit := b
	edit.CitizenID = a.CitizenID
	var de *DuplicateError
	if err := s.SavePerson(ctx, &edit); !errors.As(err, &de) {
		t.Fatalf("update to a duplicate: %v", err)
	}
	if got, _ := s.Person(ctx, b.ID); got.CitizenID != "001085099999" || got.Ver != b.Ver {
		t.Errorf("refused update was written: %+v", got)
	}
	// An id of fewer than 12 digits is a validation matter, not a duplicate.
	if err := s.DeletePerson(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePerson(ctx, &edit); err != nil {
		t.Errorf("reuse of a deleted person's id: %v", err)
	}
}

// TestSavePeopleRefusesDuplicateCitizenID: the batch is refused, all or
// nothing, both against stored people and within the batch itself.
func TestSavePeopleRefusesDuplicateCitizenID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := testPerson("Nguyễn Văn An", caseload.Male, 1985, "001085012345")
	mustSave(t, s, &a)
	for name, batch := range map[string][]caseload.Person{
		"stored": {testPerson("Trần Văn Bình", caseload.Male, 1985, "001085000001"),
			testPerson("Lê Văn Cường", caseload.Male, 1985, "001085012345")},
		"within": {testPerson("Trần Văn Bình", caseload.Male, 1985, "001085000002"),
			testPerson("Lê Văn Cường", caseload.Male, 1985, "001085000002")},
	} {
		var de *DuplicateError
		if err := s.SavePeople(ctx, batch); !errors.As(err, &de) {
			t.Errorf("%s: SavePeople = %v, want *DuplicateError", name, err)
		}
		if n := countRows(t, s, `SELECT count(*) FROM person`); n != 1 {
			t.Errorf("%s: %d persons after a refused batch, want 1", name, n)
		}
	}
}

// TestAddNoticeRefusesDuplicateCitizenID: a prison notice cannot create a
// second person with a citizen id already on the register.
func TestAddNoticeRefusesDuplicateCitizenID(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := testPerson("Nguyễn Văn An", caseload.Male, 1985, "001085012345")
	mustSave(t, s, &a)
	today := caseload.Today()
	n := caseload.Notice{Sender: "Trại giam Xuân Lộc", NoticeDate: today, ExpectedRelease: today.AddDays(30)}
	p := caseload.Person{FullName: "Nguyễn Văn An", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985},
		CitizenID: "001085012345"}
	var de *DuplicateError
	if err := s.AddNotice(ctx, &n, &p); !errors.As(err, &de) {
		t.Fatalf("AddNotice with a duplicate citizen id: %v", err)
	}
	if c := countRows(t, s, `SELECT count(*) FROM notice`); c != 0 {
		t.Errorf("%d notices after refusal", c)
	}
}

// TestDuplicateCheckUsesTheIndex: the duplicate lookup runs on every
// save and every person of a batch; it must search the citizen-id index,
// not scan the table (100,000 people).
func TestDuplicateCheckUsesTheIndex(t *testing.T) {
	s := openTest(t)
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+duplicateSQL, "001085012345", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if len(plan) == 0 || !strings.Contains(plan[0], "USING INDEX person_citizen") {
		t.Errorf("query plan %q does not use person_citizen", plan)
	}
}
