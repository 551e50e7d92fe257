package store

import (
	"context"
	"testing"

	"hoanhap/caseload"
)

// TestWorklistLeavesOutFrozenPeople: once a transfer order froze a person
// at this ward, the worklist (the ward's and a mentor's) offers no task
// for the person (none could be saved), and the other people's stay.
func TestWorklistLeavesOutFrozenPeople(t *testing.T) {
	ctx := context.Background()
	s := svOpen(t)
	today := caseload.D(2026, 7, 3)
	gone := svManaged(t, s, "Nguyễn Văn Đức", caseload.D(2026, 3, 2))
	stays := svManaged(t, s, "Trần Thị Mai", caseload.D(2026, 3, 2))
	m := svMentor(t, s, "Lê Thị Hoa")
	svAssign(t, s, gone, m, caseload.D(2026, 3, 4))
	svAssign(t, s, stays, m, caseload.D(2026, 3, 4))
	items, err := s.Worklist(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if !wlHas(items, caseload.WorkQuarterlyReport, gone.ID) || !wlHas(items, caseload.WorkQuarterlyReport, stays.ID) {
		t.Fatalf("before the order: %s", wlKinds(items))
	}
	// The order arrived in a sync file (store/transfer_sync.go afterWrite).
	if _, err := s.db.ExecContext(ctx, `INSERT INTO transfer_freeze (person_id, transfer_id, frozen_at) VALUES (?, 't1', '2026-07-01')`,
		gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Worklist(ctx, today); err != nil { // the cached path too
		t.Fatal(err)
	}
	for name, get := range map[string]func() ([]caseload.WorkItem, error){
		"ward":   func() ([]caseload.WorkItem, error) { return s.Worklist(ctx, today) },
		"mentor": func() ([]caseload.WorkItem, error) { return s.WorklistFor(ctx, today, m.ID) },
	} {
		items, err := get()
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if it.PersonID == gone.ID {
				t.Errorf("%s: frozen person still offered: %s", name, wlKinds(items))
				break
			}
		}
		if !wlHas(items, caseload.WorkQuarterlyReport, stays.ID) {
			t.Errorf("%s: the other person's task is gone: %s", name, wlKinds(items))
		}
	}
}
