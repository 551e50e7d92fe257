package store

import (
	"context"
	"errors"
	"sync"
	"testing"

	"hoanhap/caseload"
)

func TestOneActiveMentorConcurrent(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Trần Thị Mai", caseload.D(2026, 10, 1))
	const n = 8
	mentors := make([]caseload.Mentor, n)
	for i := range mentors {
		mentors[i] = svMentor(t, s, "Người giúp đỡ "+string(rune('A'+i)))
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			a := caseload.Assignment{PersonID: p.ID, MentorID: mentors[i].ID, From: caseload.D(2026, 10, 2),
				Decision: caseload.Decision{Number: "1/QĐ", Date: caseload.D(2026, 10, 2)}}
			errs[i] = s.Assign(ctx, &a)
		}(i)
	}
	close(start)
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case errors.Is(err, ErrActiveMentor):
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d assignments won, want exactly 1", wins)
	}
	if c := svCount(t, s, `SELECT count(*) FROM assignment WHERE person_id = ? AND to_date = ''`, p.ID); c != 1 {
		t.Fatalf("%d active rows", c)
	}
}

func TestActiveMentorUniqueIndex(t *testing.T) {
	// The partial unique index holds even for writes that bypass Assign
	// (e.g. a sync import).
	s := svOpen(t)
	p := svManaged(t, s, "Lê Văn Nam", caseload.D(2026, 10, 1))
	m := svMentor(t, s, "Hội Phụ nữ phường")
	svAssign(t, s, p, m, caseload.D(2026, 10, 2))
	_, err := s.db.Exec(`INSERT INTO assignment (id, owner, ver, updated_at, updated_by, hlc, person_id, mentor_id, from_date)
		VALUES ('x', 'n', 1, '', '', '', ?, ?, '2026-10-03')`, p.ID, m.ID)
	if err == nil {
		t.Fatal("second active assignment accepted by the database")
	}
}

func TestReassignAndHistory(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Phạm Văn Hùng", caseload.D(2026, 8, 3))
	m1, m2 := svMentor(t, s, "Bà Nguyễn Thị Lan"), svMentor(t, s, "Ông Đỗ Văn Bình")
	svAssign(t, s, p, m1, caseload.D(2026, 8, 5))
	next := caseload.Assignment{MentorID: m2.ID, From: caseload.D(2026, 10, 1),
		Decision: caseload.Decision{Number: "45/QĐ-UBND", Date: caseload.D(2026, 9, 30)}}
	if err := s.Reassign(ctx, p.ID, &next, "", ""); err == nil {
		t.Fatal("reassign without a reason accepted")
	}
	if err := s.Reassign(ctx, p.ID, &next, "chuyển công tác", "đã bàn giao hồ sơ"); err != nil {
		t.Fatal(err)
	}
	hist, err := s.Assignments(ctx, p.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if !hist[0].Active() || hist[0].MentorID != m2.ID {
		t.Errorf("newest = %+v", hist[0])
	}
	if old := hist[1]; old.To != caseload.D(2026, 10, 1) || old.ChangeReason != "chuyển công tác" || old.Handover != "đã bàn giao hồ sơ" {
		t.Errorf("closed = %+v", old)
	}
	ids, err := s.MentorPersonIDs(ctx, m2.ID)
	if err != nil || !ids[p.ID] || len(ids) != 1 {
		t.Errorf("m2 people = %v, %v", ids, err)
	}
	if ids, _ := s.MentorPersonIDs(ctx, m1.ID); len(ids) != 0 {
		t.Errorf("m1 still has %v", ids)
	}
}

func TestAssignFailuresWriteNothing(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Vũ Thị Hoa", caseload.D(2026, 10, 1))
	m := svMentor(t, s, "Ông Hoàng Văn Tư")
	m.Active = false
	if err := s.SaveMentor(ctx, &m); err != nil {
		t.Fatal(err)
	}
	before := svCount(t, s, `SELECT count(*) FROM audit`)
	cases := []struct {
		name string
		a    caseload.Assignment
		want error
	}{
		{"inactive mentor", caseload.Assignment{PersonID: p.ID, MentorID: m.ID}, ErrMentorInactive},
		{"unknown person", caseload.Assignment{PersonID: "nobody", MentorID: m.ID}, ErrNotFound},
		{"unknown mentor", caseload.Assignment{PersonID: p.ID, MentorID: "nobody"}, ErrNotFound},
	}
	for _, c := range cases {
		c.a.From = caseload.D(2026, 10, 2)
		c.a.Decision = caseload.Decision{Number: "3/QĐ", Date: caseload.D(2026, 10, 2)}
		if err := s.Assign(ctx, &c.a); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	if c := svCount(t, s, `SELECT count(*) FROM assignment`); c != 0 {
		t.Errorf("%d assignments written", c)
	}
	if after := svCount(t, s, `SELECT count(*) FROM audit`); after != before {
		t.Errorf("audit grew from %d to %d", before, after)
	}
}

// TestReassignFailingOpenKeepsOldAssignment: Reassign closes the active
// assignment, then opens the new one; when the second step fails (the new
// mentor is inactive or does not exist) the transaction is rolled back:
// the old assignment stays active and unchanged, and no audit row is
// written.
func TestReassignFailingOpenKeepsOldAssignment(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Đinh Văn Quang", caseload.D(2026, 8, 3))
	m1 := svMentor(t, s, "Bà Nguyễn Thị Lan")
	inactive := svMentor(t, s, "Ông Hoàng Văn Tư")
	inactive.Active = false
	if err := s.SaveMentor(ctx, &inactive); err != nil {
		t.Fatal(err)
	}
	old := svAssign(t, s, p, m1, caseload.D(2026, 8, 5))
	for _, c := range []struct {
		name   string
		mentor string
		want   error
	}{
		{"inactive mentor", inactive.ID, ErrMentorInactive},
		{"unknown mentor", "nobody", ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			auditBefore := svCount(t, s, `SELECT count(*) FROM audit`)
			next := caseload.Assignment{MentorID: c.mentor, From: caseload.D(2026, 10, 1),
				Decision: caseload.Decision{Number: "45/QĐ-UBND", Date: caseload.D(2026, 9, 30)}}
			err := s.Reassign(ctx, p.ID, &next, "chuyển công tác", "đã bàn giao")
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if next.ID != "" {
				t.Errorf("the refused assignment got an id: %+v", next.Meta)
			}
			active, err := s.ActiveAssignment(ctx, p.ID)
			if err != nil {
				t.Fatalf("no active assignment after the failed reassign: %v", err)
			}
			if active.ID != old.ID || active.MentorID != m1.ID || active.Ver != old.Ver || !active.To.IsZero() ||
				active.ChangeReason != "" || active.Handover != old.Handover {
				t.Errorf("old assignment changed: %+v, was %+v", active, old)
			}
			if n := svCount(t, s, `SELECT count(*) FROM assignment WHERE person_id = ?`, p.ID); n != 1 {
				t.Errorf("%d assignments, want 1", n)
			}
			if after := svCount(t, s, `SELECT count(*) FROM audit`); after != auditBefore {
				t.Errorf("%d audit rows written", after-auditBefore)
			}
		})
	}
}
