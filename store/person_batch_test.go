package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
)

// batchNames are interleaved in Vietnamese name order with the persons
// saved one by one, so the index merge is exercised.
var batchNames = []string{"Trần Văn An", "Lê Thị Yến", "Phạm Văn Cường", "Hoàng Thị Ánh", "Vũ Văn Đức", "Ngô Thị Bích"}

func TestSavePeopleBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "batch.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	s.SetActor("canbo1")
	ctx := context.Background()
	existing := testPerson("Nguyễn Văn Bình", caseload.Male, 1980, "")
	mustSave(t, s, &existing)
	other := testPerson("Đỗ Thị Hương", caseload.Female, 1990, "")
	mustSave(t, s, &other)
	auditBefore := countRows(t, s, `SELECT count(*) FROM audit`)

	batch := make([]caseload.Person, 0, len(batchNames)+1)
	for i, name := range batchNames {
		p := testPerson(name+" ", caseload.Male, 1970+i, "")
		p.Address = "To\u0302\u0309 4" // decomposed: must be stored NFC
		batch = append(batch, p)
	}
	upd := existing
	upd.Notes = "Đã chuyển nơi làm việc"
	batch = append(batch, upd)

	if err := s.SavePeople(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for i, p := range batch[:len(batchNames)] {
		if p.ID == "" || p.Ver != 1 || p.UpdatedBy != "canbo1" || p.Owner != s.Node().ID {
			t.Errorf("batch[%d] meta = %+v", i, p.Meta)
		}
		if p.FullName != batchNames[i] || p.Address != "Tổ 4" {
			t.Errorf("batch[%d] not normalised: %q %q", i, p.FullName, p.Address)
		}
		got, err := s.Person(ctx, p.ID)
		if err != nil || got.FullName != batchNames[i] {
			t.Errorf("stored batch[%d] = %+v, %v", i, got.FullName, err)
		}
	}
	if u := batch[len(batch)-1]; u.ID != existing.ID || u.Ver != 2 {
		t.Errorf("update meta = %+v", u.Meta)
	}
	if got, _ := s.Person(ctx, existing.ID); got.Notes != "Đã chuyển nơi làm việc" || got.Ver != 2 {
		t.Errorf("update not stored: %q ver %d", got.Notes, got.Ver)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit`) - auditBefore; n != len(batch) {
		t.Errorf("%d audit rows, want %d", n, len(batch))
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit WHERE action = 'update' AND record_id = ?`, existing.ID); n != 1 {
		t.Errorf("%d update audit rows for the updated person", n)
	}
	if n := countRows(t, s, `SELECT count(*) FROM person`); n != len(batchNames)+2 {
		t.Errorf("%d person rows", n)
	}
	// The index after the batch equals the index built from the file.
	live := names(s.People(PersonFilter{}))
	if len(live) != len(batchNames)+2 {
		t.Fatalf("index holds %d people: %v", len(live), live)
	}
	if rows := s.People(PersonFilter{Query: "vu van duc"}); len(rows) != 1 || rows[0].ID != batch[4].ID {
		t.Errorf("search after batch = %+v", rows)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	reopened := names(s.People(PersonFilter{}))
	if fmt.Sprint(live) != fmt.Sprint(reopened) {
		t.Errorf("index after batch\n %v\nindex after reopen\n %v", live, reopened)
	}
}

func TestSavePeopleInvalidWritesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	existing := testPerson("Nguyễn Văn Bình", caseload.Male, 1980, "")
	mustSave(t, s, &existing)
	stale := existing
	mustSave(t, s, &existing) // stale now has an old Ver

	for name, bad := range map[string]struct {
		p          caseload.Person
		validation bool
		want       error
	}{
		"blank name": {p: testPerson("  ", caseload.Male, 1980, ""), validation: true},
		"invalid status": {p: func() caseload.Person {
			p := testPerson("Võ Thị Lan", caseload.Female, 1991, "")
			p.Status = "gone"
			return p
		}(), validation: true},
		"stale version": {p: stale, want: ErrConflict},
		"unknown id": {p: func() caseload.Person {
			p := testPerson("Lý Văn Tú", caseload.Male, 1985, "")
			p.ID, p.Ver = NewID(), 1
			return p
		}(), want: ErrNotFound},
	} {
		t.Run(name, func(t *testing.T) {
			auditBefore := countRows(t, s, `SELECT count(*) FROM audit`)
			indexBefore := names(s.People(PersonFilter{}))
			batch := []caseload.Person{
				testPerson("Trần Văn An", caseload.Male, 1975, ""),
				testPerson("Lê Thị Yến", caseload.Female, 1988, ""),
				bad.p,
				testPerson("Phạm Văn Cường", caseload.Male, 1979, ""),
			}
			err := s.SavePeople(ctx, batch)
			var v *caseload.ValidationError
			if bad.validation && !errors.As(err, &v) {
				t.Fatalf("err = %v, want *caseload.ValidationError", err)
			}
			if bad.want != nil && !errors.Is(err, bad.want) {
				t.Fatalf("err = %v, want %v", err, bad.want)
			}
			for i, p := range batch[:2] {
				if p.ID != "" || p.Ver != 0 {
					t.Errorf("batch[%d] changed: %+v", i, p.Meta)
				}
			}
			if n := countRows(t, s, `SELECT count(*) FROM person`); n != 1 {
				t.Errorf("%d person rows, want 1", n)
			}
			if n := countRows(t, s, `SELECT count(*) FROM audit`); n != auditBefore {
				t.Errorf("audit rows %d, want %d", n, auditBefore)
			}
			if got := names(s.People(PersonFilter{})); fmt.Sprint(got) != fmt.Sprint(indexBefore) {
				t.Errorf("index changed: %v", got)
			}
		})
	}
}

func TestSavePeopleEmpty(t *testing.T) {
	s := openTest(t)
	before := countRows(t, s, `SELECT count(*) FROM audit`)
	if err := s.SavePeople(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `SELECT count(*) FROM audit`) - before; n != 0 {
		t.Errorf("%d audit rows for an empty batch", n)
	}
}
