package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"hoanhap/caseload"
)

// TestOneActiveMentorAcrossConnections races assignments for one person
// through separate stores open on the same file, as the GUI and a CLI
// import would be: each has its own connection, so SQLite's locking (the
// immediate transactions, the busy timeout) and the partial unique index,
// not the single writer connection of one Store, must keep exactly one
// active mentor.
func TestOneActiveMentorAcrossConnections(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	ctx := context.Background()
	p := svManaged(t, first, "Võ Thị Hạnh", caseload.D(2026, 10, 1))
	const n = 6
	stores := []*Store{first}
	for len(stores) < n {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores = append(stores, s)
	}
	mentors := make([]caseload.Mentor, n)
	for i := range mentors {
		mentors[i] = svMentor(t, first, "Tổ trưởng tổ dân phố "+string(rune('1'+i)))
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			a := caseload.Assignment{PersonID: p.ID, MentorID: mentors[i].ID, From: caseload.D(2026, 10, 2),
				Decision: caseload.Decision{Number: "7/QĐ-UBND", Date: caseload.D(2026, 10, 2)}}
			errs[i] = stores[i].Assign(ctx, &a)
		}(i)
	}
	close(start)
	wg.Wait()
	wins := 0
	for i, err := range errs {
		switch {
		case err == nil:
			wins++
		case errors.Is(err, ErrActiveMentor):
		default:
			t.Errorf("store %d: unexpected error: %v", i, err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d assignments won, want exactly 1", wins)
	}
	if c := svCount(t, first, `SELECT count(*) FROM assignment WHERE person_id = ? AND to_date = '' AND deleted = 0`, p.ID); c != 1 {
		t.Fatalf("%d active assignment rows", c)
	}
	// Every store sees the one winner.
	for i, s := range stores {
		a, err := s.ActiveAssignment(ctx, p.ID)
		if err != nil || a.ID == "" {
			t.Errorf("store %d: active assignment = %+v, %v", i, a, err)
		}
	}
}

// A person still expected (not received) gets no mentor: the assignment
// follows the reception session (TT 10/2024 Art. 10); nothing is written.
func TestAssignRefusedBeforeReception(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	_, p := svNotice(t, s, "Đinh Văn Khải", caseload.D(2026, 10, 1))
	m := svMentor(t, s, "Chi hội Cựu chiến binh tổ 4")
	before := batchSnapshot(t, s)
	a := caseload.Assignment{PersonID: p.ID, MentorID: m.ID, From: caseload.D(2026, 10, 2),
		Decision: caseload.Decision{Number: "9/QĐ-UBND", Date: caseload.D(2026, 10, 2)}}
	err := s.Assign(ctx, &a)
	if !errors.Is(err, ErrPersonNotManaged) {
		t.Fatalf("assign to an expected person: %v", err)
	}
	checkAborted(t, s, err, "", isErr(ErrPersonNotManaged), before)
}
