package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func svVisit(p caseload.Person, d caseload.Date, kind caseload.VisitKind) caseload.Visit {
	return caseload.Visit{PersonID: p.ID, Date: d, AuthorKind: caseload.AuthorOfficer, AuthorName: "Lê Văn Hải",
		Kind: kind, Employment: "làm thợ xây", Attitude: "chấp hành tốt"}
}

func TestCorrectVisitSupersedes(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Nguyễn Văn An", caseload.D(2026, 6, 1))
	v1 := svVisit(p, caseload.D(2026, 7, 1), caseload.VisitHome)
	v2 := svVisit(p, caseload.D(2026, 8, 1), caseload.VisitPhone)
	for _, v := range []*caseload.Visit{&v1, &v2} {
		if err := s.AddVisit(ctx, v); err != nil {
			t.Fatal(err)
		}
	}
	fix := svVisit(p, caseload.D(2026, 7, 2), caseload.VisitHome)
	fix.Employment = "làm thợ mộc"
	if err := s.CorrectVisit(ctx, v1.ID, &fix); err != nil {
		t.Fatal(err)
	}
	again := svVisit(p, caseload.D(2026, 7, 3), caseload.VisitHome)
	if err := s.CorrectVisit(ctx, v1.ID, &again); !errors.Is(err, ErrAlreadyCorrected) {
		t.Fatalf("second correction: %v", err)
	}
	log, err := s.VisitLog(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 {
		t.Fatalf("log has %d entries", len(log))
	}
	// Newest first: 01/08, 02/07 (correction), 01/07 (corrected, kept).
	if log[0].ID != v2.ID || log[1].ID != fix.ID || log[2].ID != v1.ID {
		t.Fatalf("order = %s %s %s", log[0].ID, log[1].ID, log[2].ID)
	}
	if !log[2].Corrected() || log[2].SupersededBy != fix.ID || log[2].Employment != "làm thợ xây" {
		t.Errorf("original = %+v", log[2])
	}
	if log[1].Corrected() || log[1].Supersedes != v1.ID {
		t.Errorf("correction = %+v", log[1])
	}
	// The summary ignores the corrected entry.
	var last string
	if err := s.db.QueryRow(`SELECT last_visit FROM visit_summary WHERE person_id = ?`, p.ID).Scan(&last); err != nil || last != "2026-08-01" {
		t.Errorf("summary last = %q, %v", last, err)
	}
	// Correcting a visit of another person is refused.
	q := svManaged(t, s, "Trần Văn Bảo", caseload.D(2026, 6, 1))
	other := svVisit(q, caseload.D(2026, 7, 5), caseload.VisitHome)
	if err := s.CorrectVisit(ctx, v2.ID, &other); !errors.Is(err, ErrNotFound) {
		t.Errorf("cross-person correction: %v", err)
	}
}

func TestVisitSummaryCorrectionMovesDateBack(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Đặng Thị Thu", caseload.D(2026, 6, 1))
	v := svVisit(p, caseload.D(2026, 9, 30), caseload.VisitQuarterlyReport)
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	fix := svVisit(p, caseload.D(2026, 9, 3), caseload.VisitHome) // wrong date and kind typed before
	if err := s.CorrectVisit(ctx, v.ID, &fix); err != nil {
		t.Fatal(err)
	}
	var last, report string
	if err := s.db.QueryRow(`SELECT last_visit, last_report FROM visit_summary WHERE person_id = ?`, p.ID).Scan(&last, &report); err != nil {
		t.Fatal(err)
	}
	if last != "2026-09-03" || report != "" {
		t.Errorf("summary = %q %q", last, report)
	}
}

func TestMentorSessionVisitsOnlyOwnPeople(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	mine := svManaged(t, s, "Bùi Văn Cường", caseload.D(2026, 6, 1))
	theirs := svManaged(t, s, "Ngô Thị Dung", caseload.D(2026, 6, 1))
	m := svMentor(t, s, "Chị Lý Thị Hạnh")
	svAssign(t, s, mine, m, caseload.D(2026, 6, 2))
	s.SetSession(caseload.User{Name: "hanh", DisplayName: "Lý Thị Hạnh", Role: caseload.RoleMentor, MentorID: m.ID})
	defer s.ClearSession()
	v := svVisit(mine, caseload.D(2026, 7, 1), caseload.VisitHome)
	v.AuthorKind, v.AuthorName = "", ""
	if err := s.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if v.AuthorKind != caseload.AuthorMentor || v.MentorID != m.ID || v.AuthorName != "Lý Thị Hạnh" || v.UpdatedBy != "hanh" {
		t.Errorf("visit = %+v", v)
	}
	w := svVisit(theirs, caseload.D(2026, 7, 1), caseload.VisitHome)
	if err := s.AddVisit(ctx, &w); !errors.Is(err, ErrNotMyPerson) {
		t.Fatalf("visit for another mentor's person: %v", err)
	}
	s.SetSession(caseload.User{Name: "chutich", Role: caseload.RoleLeader})
	if err := s.AddVisit(ctx, &w); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("leader write: %v", err)
	}
	if c := svCount(t, s, `SELECT count(*) FROM visit WHERE person_id = ?`, theirs.ID); c != 0 {
		t.Errorf("%d visits written", c)
	}
}

func TestRecentVisitsFiltered(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	a := svManaged(t, s, "Cao Văn Đạt", caseload.D(2026, 6, 1))
	b := svManaged(t, s, "Hồ Thị Em", caseload.D(2026, 6, 1))
	for i := 1; i <= 5; i++ {
		for _, p := range []caseload.Person{a, b} {
			v := svVisit(p, caseload.D(2026, 7, i), caseload.VisitHome)
			if err := s.AddVisit(ctx, &v); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := s.RecentVisits(ctx, 3, map[string]bool{b.ID: true})
	if err != nil || len(got) != 3 {
		t.Fatalf("recent = %d, %v", len(got), err)
	}
	for i, e := range got {
		if e.PersonID != b.ID || e.Date != caseload.D(2026, 7, 5-i) {
			t.Errorf("entry %d = %s %s", i, e.PersonID, e.Date)
		}
	}
}
