package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
)

// The visit log searches by person, mentor and date range, and "Xem
// thêm" reaches the whole history a page at a time.
func TestVisitLogSearchAndPages(t *testing.T) {
	st := svStore(t)
	u := svApp(t, st)
	u.sess.Role = string(caseload.RoleOfficer)
	an := svManaged(t, st, "Lê Văn An")
	binh := svManaged(t, st, "Trần Thị Bình")
	first := svToday().AddDays(-60)
	for i := 0; i < 5; i++ {
		for _, p := range []caseload.Person{an, binh} {
			v := caseload.Visit{PersonID: p.ID, Date: first.AddDays(7 * i), Kind: caseload.VisitHome,
				AuthorKind: caseload.AuthorOfficer, AuthorName: "canbo", Attitude: "Tốt"}
			if err := st.AddVisit(context.Background(), &v); err != nil {
				t.Fatal(err)
			}
		}
	}
	old := recentVisitLimit
	recentVisitLimit = 4
	defer func() { recentVisitLimit = old }()

	a := u.buildVisitsArea()
	if len(a.rows) != 4 || !a.f.More.Visible() {
		t.Fatalf("first page: %d rows, more %v", len(a.rows), a.f.More.Visible())
	}
	for a.f.More.Visible() {
		test.Tap(a.f.More)
	}
	if len(a.rows) != 10 {
		t.Fatalf("the whole history: %d visits, want 10", len(a.rows))
	}
	a.f.Person.deb.delay = 0
	test.Type(a.f.Person, "tran thi")
	for a.f.More.Visible() {
		test.Tap(a.f.More)
	}
	if len(a.rows) != 5 {
		t.Fatalf("Bình's visits: %d, want 5", len(a.rows))
	}
	for _, r := range a.rows {
		if r.entry.PersonID != binh.ID {
			t.Fatalf("a visit of someone else: %+v", r.cells)
		}
	}
	test.Type(a.f.From.Entry, showDate(first.AddDays(7)))
	test.Type(a.f.To.Entry, showDate(first.AddDays(14)))
	if len(a.rows) != 2 {
		t.Fatalf("Bình's visits in two weeks: %d, want 2", len(a.rows))
	}
	a.f.Person.SetText("khong co ai")
	a.f.Person.Flush()
	if len(a.rows) != 0 {
		t.Errorf("a search matching nobody shows %d visits", len(a.rows))
	}
}
