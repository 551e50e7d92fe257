package store

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// openTest opens a new store in a temporary folder, closed at the end.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testPerson returns a valid person under management, born in year.
func testPerson(name string, gender caseload.Gender, year int, cid string) caseload.Person {
	return caseload.Person{
		FullName:     name,
		Gender:       gender,
		BirthDate:    caseload.BirthDate{Year: year},
		CitizenID:    cid,
		Hamlet:       "Thôn 1",
		Offense:      "Trộm cắp tài sản",
		SentenceKind: caseload.SentencePrison, SentenceMonths: 24,
		ReleaseKind: caseload.ReleaseCompleted,
		CompletedOn: caseload.D(2024, 3, 1),
		ReturnedOn:  caseload.D(2024, 3, 2),
		Status:      caseload.StatusManaged,
	}
}

// mustSave saves p and fails the test on error.
func mustSave(t testing.TB, s *Store, p *caseload.Person) {
	t.Helper()
	if err := s.SavePerson(context.Background(), p); err != nil {
		t.Fatalf("save %s: %v", p.FullName, err)
	}
}

func countRows(t *testing.T, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestSavePersonInsertUpdate(t *testing.T) {
	s := openTest(t)
	s.SetActor("canbo1")
	ctx := context.Background()
	p := testPerson("  Nguyễn   Văn Đức ", caseload.Male, 1985, "001 085 012345")
	p.Supplementary = []caseload.Supplementary{{Kind: " quản chế ", Months: 12}}
	mustSave(t, s, &p)
	if p.ID == "" || p.Ver != 1 || p.Owner != s.Node().ID || p.UpdatedBy != "canbo1" || p.HLC == "" {
		t.Fatalf("meta after insert = %+v", p.Meta)
	}
	if p.FullName != "Nguyễn Văn Đức" || p.CitizenID != "001085012345" {
		t.Errorf("not normalised: %q %q", p.FullName, p.CitizenID)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(p)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("round trip differs:\n saved %s\n read  %s", a, b)
	}

	got.Phone = "0912 345 678"
	mustSave(t, s, &got)
	if got.Ver != 2 || got.ID != p.ID || got.Phone != "0912345678" {
		t.Errorf("after update: ver %d id %s phone %q", got.Ver, got.ID, got.Phone)
	}
	audit, err := s.Audit(ctx, "person", p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(audit) != 2 || audit[0].Action != "insert" || audit[1].Action != "update" {
		t.Fatalf("audit = %+v", audit)
	}
	var old, nw caseload.Person
	if err := json.Unmarshal([]byte(audit[1].Old), &old); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(audit[1].New), &nw); err != nil {
		t.Fatal(err)
	}
	if old.Ver != 1 || old.Phone != "" || nw.Ver != 2 || nw.Phone != "0912345678" || audit[1].Who != "canbo1" {
		t.Errorf("audit old/new = %+v / %+v", old.Meta, nw.Meta)
	}
	if audit[0].Old != "" {
		t.Errorf("insert audit has old %q", audit[0].Old)
	}
}

func TestSavePersonConflict(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := testPerson("Trần Thị Hoa", caseload.Female, 1990, "")
	mustSave(t, s, &p)
	a, _ := s.Person(ctx, p.ID)
	b, _ := s.Person(ctx, p.ID)
	a.Notes = "first"
	mustSave(t, s, &a)
	b.Notes = "second"
	before := b
	err := s.SavePerson(ctx, &b)
	if !errors.Is(err, ErrConflict) {
		t.Fatalf("stale save: err = %v, want ErrConflict", err)
	}
	if msg := i18n.Error(err); msg != i18n.T("ui.error.conflict") || msg == "ui.error.conflict" {
		t.Errorf("conflict message = %q", msg)
	}
	if b.Ver != before.Ver || b.Notes != "second" || b.HLC != before.HLC {
		t.Errorf("p changed by failed save")
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Notes != "first" || got.Ver != 2 {
		t.Errorf("stored = %q v%d", got.Notes, got.Ver)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit WHERE tbl='person' AND record_id=?`, p.ID); n != 2 {
		t.Errorf("audit rows = %d, want 2", n)
	}
	// Updating an id that does not exist.
	ghost := testPerson("Lê Văn Ma", caseload.Male, 1980, "")
	ghost.ID, ghost.Ver = NewID(), 1
	if err := s.SavePerson(ctx, &ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("save unknown id: %v", err)
	}
}

func TestSavePersonInvalidWritesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	good := testPerson("Phạm Văn Bình", caseload.Male, 1980, "")
	mustSave(t, s, &good)
	auditBefore := countRows(t, s, `SELECT count(*) FROM audit`)

	for name, mutate := range map[string]func(p *caseload.Person){
		"blank name":     func(p *caseload.Person) { p.FullName = "   " },
		"invalid status": func(p *caseload.Person) { p.Status = "gone" },
	} {
		t.Run(name, func(t *testing.T) {
			// a new person
			p := testPerson("Võ Thị Lan", caseload.Female, 1991, "")
			mutate(&p)
			before := p
			err := s.SavePerson(ctx, &p)
			var v *caseload.ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("err = %v, want *caseload.ValidationError", err)
			}
			if p.ID != "" || p.Ver != 0 || p.FullName != before.FullName {
				t.Errorf("p changed: %+v", p.Meta)
			}
			// an update of an existing person
			q, _ := s.Person(ctx, good.ID)
			mutate(&q)
			if err := s.SavePerson(ctx, &q); !errors.As(err, &v) {
				t.Fatalf("update err = %v", err)
			}
			if q.Ver != 1 {
				t.Errorf("ver changed to %d", q.Ver)
			}
			if n := countRows(t, s, `SELECT count(*) FROM audit`); n != auditBefore {
				t.Errorf("audit rows %d, want %d", n, auditBefore)
			}
			if n := countRows(t, s, `SELECT count(*) FROM person`); n != 1 {
				t.Errorf("person rows %d, want 1", n)
			}
			if rows := s.People(PersonFilter{}); len(rows) != 1 || rows[0].FullName != "Phạm Văn Bình" {
				t.Errorf("index changed: %+v", rows)
			}
		})
	}
}

func TestSavePersonRollbackOnAuditFailure(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	// Make the audit insert fail inside the transaction.
	if _, err := s.db.Exec(`CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END`); err != nil {
		t.Fatal(err)
	}
	p := testPerson("Đỗ Văn Hùng", caseload.Male, 1979, "")
	if err := s.SavePerson(ctx, &p); err == nil {
		t.Fatal("save succeeded although audit failed")
	}
	if p.ID != "" {
		t.Errorf("p got id %s", p.ID)
	}
	if n := countRows(t, s, `SELECT count(*) FROM person`); n != 0 {
		t.Errorf("person written without audit: %d rows", n)
	}
	if s.PeopleCount() != 0 {
		t.Errorf("index has %d people", s.PeopleCount())
	}
}

func TestDeletePersonTombstone(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p := testPerson("Hoàng Văn Nam", caseload.Male, 1982, "001082000111")
	mustSave(t, s, &p)
	if err := s.DeletePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Person(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Person after delete: %v", err)
	}
	var ver, deleted int
	if err := s.db.QueryRow(`SELECT ver, deleted FROM person WHERE id = ?`, p.ID).Scan(&ver, &deleted); err != nil {
		t.Fatal(err)
	}
	if ver != 2 || deleted != 1 {
		t.Errorf("tombstone ver %d deleted %d", ver, deleted)
	}
	if len(s.People(PersonFilter{Query: "nam"})) != 0 || s.PeopleCount() != 0 {
		t.Errorf("deleted person still in index")
	}
	if len(s.Duplicates(testPerson("X", caseload.Male, 1982, "001082000111"))) != 0 {
		t.Errorf("deleted person reported as duplicate")
	}
	audit, _ := s.Audit(ctx, "person", p.ID)
	if len(audit) != 2 || audit[1].Action != "delete" || audit[1].Old == "" {
		t.Errorf("audit = %+v", audit)
	}
	if err := s.DeletePerson(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	live, _ := s.AllPersons(ctx)
	all, _ := s.AllPersonsWithDeleted(ctx)
	if len(live) != 0 || len(all) != 1 || !all[0].Deleted || all[0].Ver != 2 {
		t.Errorf("AllPersons %d, with deleted %+v", len(live), all)
	}
	// Reopening rebuilds the index without the tombstone.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.PeopleCount() != 0 {
		t.Errorf("reopened index has %d people", s2.PeopleCount())
	}
}

func TestAllPersonsByID(t *testing.T) {
	s := openTest(t)
	for _, n := range []string{"Trần Văn C", "Lê Thị B", "Nguyễn Văn A"} {
		p := testPerson(n, caseload.Male, 1980, "")
		mustSave(t, s, &p)
	}
	all, err := s.AllPersons(context.Background())
	if err != nil || len(all) != 3 {
		t.Fatalf("AllPersons: %d %v", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].ID >= all[i].ID {
			t.Errorf("not ordered by id: %s %s", all[i-1].ID, all[i].ID)
		}
	}
}
