package store

import (
	"context"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
)

// SearchVisits filters by person, mentor and date range and reaches the
// whole history page by page, in and out of a mentor's scope.
func TestSearchVisits(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "hoanhap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	for _, n := range []string{"Lê Văn An", "Trần Thị Bình"} {
		p := caseload.Person{FullName: n, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985},
			Status: caseload.StatusManaged, ReturnedOn: caseload.D(2024, 1, 2), ReleaseKind: caseload.ReleaseCompleted}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	start := caseload.D(2024, 1, 10)
	for i := 0; i < 30; i++ {
		for _, id := range ids {
			v := caseload.Visit{PersonID: id, Date: start.AddDays(7 * i), Kind: caseload.VisitHome,
				AuthorKind: caseload.AuthorOfficer, AuthorName: "canbo", Attitude: "Tốt"}
			if err := s.AddVisit(ctx, &v); err != nil {
				t.Fatalf("add visit: %v", err)
			}
		}
	}
	count := func(q VisitQuery) int {
		t.Helper()
		total := 0
		for page := 0; ; page++ {
			q.Offset, q.Limit = page*7, 7
			list, err := s.SearchVisits(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i < len(list); i++ {
				if list[i].Date.After(list[i-1].Date) {
					t.Fatalf("page %d not newest first", page)
				}
			}
			total += len(list)
			if len(list) < 7 {
				return total
			}
		}
	}
	if n := count(VisitQuery{}); n != 60 {
		t.Errorf("whole history: %d visits, want 60", n)
	}
	if n := count(VisitQuery{PersonIDs: ids[:1]}); n != 30 {
		t.Errorf("one person: %d visits, want 30", n)
	}
	if n := count(VisitQuery{PersonIDs: []string{}}); n != 0 {
		t.Errorf("nobody matched: %d visits", n)
	}
	if n := count(VisitQuery{From: start.AddDays(7), To: start.AddDays(21)}); n != 6 {
		t.Errorf("three weeks: %d visits, want 6", n)
	}
	if n := count(VisitQuery{Only: map[string]bool{ids[1]: true}}); n != 30 {
		t.Errorf("in scope: %d visits, want 30", n)
	}
	if n := count(VisitQuery{MentorID: "nobody"}); n != 0 {
		t.Errorf("unknown mentor: %d visits", n)
	}
}
