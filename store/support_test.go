package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"hoanhap/caseload"
)

// supOpen opens a new store in a temporary folder, closed at the end.
func supOpen(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "support.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// supPerson saves a valid managed person who completed the sentence on
// completed and returns it.
func supPerson(t testing.TB, s *Store, name string, completed caseload.Date) caseload.Person {
	t.Helper()
	p := caseload.Person{
		FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985},
		Hamlet: "Tổ dân phố 3", Offense: "Trộm cắp tài sản",
		SentenceKind: caseload.SentencePrison, SentenceMonths: 24, ReleaseKind: caseload.ReleaseCompleted,
		CompletedOn: completed, ReturnedOn: completed.AddDays(1), Status: caseload.StatusManaged,
	}
	if err := s.SavePerson(context.Background(), &p); err != nil {
		t.Fatalf("save person: %v", err)
	}
	return p
}

func supCount(t testing.TB, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestSaveSupportRoundTripAuditConflict(t *testing.T) {
	s := supOpen(t)
	s.SetActor("canbo1")
	ctx := context.Background()
	p := supPerson(t, s, "Nguyễn Văn Đức", caseload.D(2024, 3, 1))
	rec := caseload.Support{PersonID: p.ID, Kind: caseload.SupportEmployment, Date: caseload.D(2024, 5, 2),
		Employer: "Xưởng mộc Hòa Bi\u0300nh", Income: 7_500_000, Provider: "Hội Cựu chiến binh"}
	if err := s.SaveSupport(ctx, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.ID == "" || rec.Ver != 1 || rec.UpdatedBy != "canbo1" || rec.Owner != s.Node().ID {
		t.Fatalf("sync fields not set: %+v", rec.Meta)
	}
	got, err := s.Support(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Employer != "Xưởng mộc Hòa Bình" || got.Income != 7_500_000 || got.Date != caseload.D(2024, 5, 2) {
		t.Errorf("round trip = %+v", got)
	}
	stale := got
	got.Outcome = "Đang làm việc ổn định"
	if err := s.SaveSupport(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if got.Ver != 2 {
		t.Errorf("ver = %d", got.Ver)
	}
	if err := s.SaveSupport(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Errorf("stale save: %v, want ErrConflict", err)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'support' AND record_id = ?`, rec.ID); n != 2 {
		t.Errorf("audit rows = %d, want 2", n)
	}
	e, ok, err := s.CurrentEmployment(ctx, p.ID, caseload.D(2025, 1, 1))
	if err != nil || !ok || e.ID != rec.ID {
		t.Errorf("CurrentEmployment = %v %v %v", e.ID, ok, err)
	}
	if err := s.DeleteSupport(ctx, rec.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Support(ctx, rec.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if list, _ := s.PersonSupports(ctx, p.ID); len(list) != 0 {
		t.Errorf("deleted support still listed")
	}
}

func TestSaveSupportInvalidWritesNothing(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		rec   caseload.Support
		field string
	}{
		{"no date", caseload.Support{PersonID: "x", Kind: caseload.SupportCounselling}, "date"},
		{"unknown person", caseload.Support{PersonID: "nobody", Kind: caseload.SupportCounselling, Date: caseload.D(2025, 1, 1)}, "person_id"},
		{"employment without employer", caseload.Support{PersonID: "x", Kind: caseload.SupportEmployment, Date: caseload.D(2025, 1, 1)}, "employer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.SaveSupport(ctx, &tt.rec)
			var v *caseload.ValidationError
			if !errors.As(err, &v) || len(v.For(tt.field)) == 0 {
				t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
	if n := supCount(t, s, `SELECT count(*) FROM support`); n != 0 {
		t.Errorf("rows written: %d", n)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'support'`); n != 0 {
		t.Errorf("audit rows written: %d", n)
	}
}

func TestSupportsFilterAndDump(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	p := supPerson(t, s, "Trần Thị Lan", caseload.D(2023, 1, 1))
	for i, k := range []caseload.SupportKind{caseload.SupportCounselling, caseload.SupportTraining, caseload.SupportCounselling} {
		rec := caseload.Support{PersonID: p.ID, Kind: k, Date: caseload.D(2024, time.Month(1+i), 1), Amount: int64(i) * 1_000_000}
		if err := s.SaveSupport(ctx, &rec); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.Supports(ctx, SupportFilter{Kind: caseload.SupportCounselling})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].PersonName != "Trần Thị Lan" || rows[0].Date != caseload.D(2024, 3, 1) {
		t.Errorf("filtered rows = %+v", rows)
	}
	rows, _ = s.Supports(ctx, SupportFilter{From: caseload.D(2024, 2, 1), To: caseload.D(2024, 2, 28)})
	if len(rows) != 1 || rows[0].Kind != caseload.SupportTraining {
		t.Errorf("date-filtered rows = %+v", rows)
	}
	d, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"support", "loan", "model", "model_member", "model_link", "business", "exemplary"} {
		if _, ok := d[table]; !ok {
			t.Errorf("dump lacks table %s", table)
		}
	}
	if len(d["support"]) != 3 {
		t.Errorf("dump support = %d records", len(d["support"]))
	}
}
