package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestReportLockTamperAndRoles(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	from, to := caseload.D(2026, 5, 15), caseload.D(2026, 6, 14)
	if _, err := s.LockedReport(ctx, "month", from, to); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unlocked: %v", err)
	}
	if err := s.LockReport(ctx, "month", from, to, []byte(`{"a":1}`), to.AddDays(2)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LockedReport(ctx, "month", from, to); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE report_lock SET figures = '{"a":2}'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LockedReport(ctx, "month", from, to); !errors.Is(err, ErrLockTampered) {
		t.Errorf("tampered: %v", err)
	}
	// A leader reads but cannot lock; nothing is written.
	s.SetSession(caseload.User{Name: "lanh.dao", Role: caseload.RoleLeader})
	if err := s.LockReport(ctx, "year", from, to, []byte(`{}`), to); !errors.Is(err, ErrReadOnly) {
		t.Errorf("leader lock: %v", err)
	}
	if n := svCount(t, s, `SELECT count(*) FROM report_lock`); n != 1 {
		t.Errorf("%d locks", n)
	}
}
