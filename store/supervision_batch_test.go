package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"hoanhap/caseload"
)

// batchTables are the tables a failed batch must leave untouched.
var batchTables = []string{"person", "reception", "assignment", "notice", "visit", "classification",
	"support", "loan", "audit"}

// batchSnapshot counts the rows of batchTables and the stored versions of
// the persons, to check that a failed batch wrote nothing.
func batchSnapshot(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range batchTables {
		out[tbl] = svCount(t, s, `SELECT count(*) FROM `+tbl)
	}
	out["person versions"] = svCount(t, s, `SELECT coalesce(sum(ver), 0) FROM person`)
	return out
}

// checkAborted checks that err is a batch failure at position pos
// matching want, and that nothing was written.
func checkAborted(t *testing.T, s *Store, err error, pos string, want func(error) bool, before map[string]int) {
	t.Helper()
	if err == nil || !want(err) {
		t.Fatalf("error = %v", err)
	}
	if !strings.Contains(err.Error(), pos) {
		t.Errorf("error %q does not name %q", err, pos)
	}
	after := batchSnapshot(t, s)
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: %d after the failed batch, %d before", k, after[k], n)
		}
	}
}

func isValidation(err error) bool {
	var v *caseload.ValidationError
	return errors.As(err, &v)
}

func isErr(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

func TestRecordReceptions(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	_, p1 := svNotice(t, s, "Nguyễn Văn An", caseload.D(2026, 4, 1))
	_, p2 := svNotice(t, s, "Trần Thị Bình", caseload.D(2026, 4, 2))
	rec := func(p caseload.Person, d caseload.Date) caseload.Reception {
		return caseload.Reception{PersonID: p.ID, SessionDate: d, Officer: "Thượng úy Lê Văn Hải", MinutesDone: true, InfoSheetDone: true, CounsellingDone: true,
			Guidance: []caseload.GuidanceTopic{caseload.GuidanceJobs}}
	}
	auditBefore := svCount(t, s, `SELECT count(*) FROM audit`)
	rs := []caseload.Reception{rec(p1, caseload.D(2026, 6, 1)), rec(p2, caseload.D(2026, 6, 3))}
	if err := s.RecordReceptions(ctx, rs); err != nil {
		t.Fatal(err)
	}
	for i, r := range rs {
		if r.ID == "" || r.Ver != 1 {
			t.Errorf("reception %d meta not filled: %+v", i, r.Meta)
		}
		got, err := s.LatestReception(ctx, r.PersonID)
		if err != nil || got.ID != r.ID || got.SessionDate != r.SessionDate || len(got.Guidance) != 1 {
			t.Errorf("stored reception %d = %+v, %v", i, got, err)
		}
		p, _ := s.Person(ctx, r.PersonID)
		if p.Status != caseload.StatusManaged || p.ReturnedOn != r.SessionDate || p.ReportedOn != r.SessionDate {
			t.Errorf("person %d = %s returned %v reported %v", i, p.Status, p.ReturnedOn, p.ReportedOn)
		}
	}
	if n := svCount(t, s, `SELECT count(*) FROM audit`) - auditBefore; n != 4 {
		t.Errorf("%d audit rows, want 4 (2 receptions, 2 persons)", n)
	}
	if rows := s.People(PersonFilter{Statuses: []caseload.Status{caseload.StatusManaged}}); len(rows) != 2 {
		t.Errorf("search index: %d managed, want 2", len(rows))
	}

	_, p3 := svNotice(t, s, "Lê Văn Cường", caseload.D(2026, 4, 3))
	for _, c := range []struct {
		name string
		bad  caseload.Reception
		want func(error) bool
	}{
		{"invalid", caseload.Reception{PersonID: p3.ID, Officer: "Lê Văn Hải"}, isValidation},
		{"unknown person", rec(caseload.Person{Meta: caseload.Meta{ID: "nobody"}}, caseload.D(2026, 6, 5)), isErr(ErrNotFound)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			rs := []caseload.Reception{rec(p3, caseload.D(2026, 6, 4)), c.bad}
			err := s.RecordReceptions(ctx, rs)
			checkAborted(t, s, err, "reception 2", c.want, before)
			if rs[0].ID != "" {
				t.Errorf("first reception got an id: %+v", rs[0].Meta)
			}
			if p, _ := s.Person(ctx, p3.ID); p.Status != caseload.StatusExpected {
				t.Errorf("person status %s", p.Status)
			}
			if rows := s.People(PersonFilter{Statuses: []caseload.Status{caseload.StatusManaged}}); len(rows) != 2 {
				t.Errorf("search index: %d managed, want 2", len(rows))
			}
		})
	}
}

func TestAssignMany(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p1 := svManaged(t, s, "Nguyễn Văn An", caseload.D(2026, 6, 1))
	p2 := svManaged(t, s, "Trần Thị Bình", caseload.D(2026, 6, 1))
	m := svMentor(t, s, "Chị Lý Thị Hạnh")
	asg := func(p caseload.Person, mentor string) caseload.Assignment {
		d := caseload.D(2026, 6, 3)
		return caseload.Assignment{PersonID: p.ID, MentorID: mentor, From: d, To: d.AddDays(9), ChangeReason: "x",
			Decision: caseload.Decision{Number: "12/QĐ-UBND", Date: d}}
	}
	as := []caseload.Assignment{asg(p1, m.ID), asg(p2, m.ID)}
	if err := s.AssignMany(ctx, as); err != nil {
		t.Fatal(err)
	}
	for i, a := range as {
		got, err := s.ActiveAssignment(ctx, a.PersonID)
		if err != nil || got.ID != a.ID || a.ID == "" || !a.To.IsZero() || a.ChangeReason != "" {
			t.Errorf("assignment %d = %+v / %+v, %v", i, a, got, err)
		}
	}
	if n := svCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'assignment' AND action = 'insert'`); n != 2 {
		t.Errorf("%d audit rows", n)
	}

	p3 := svManaged(t, s, "Lê Văn Cường", caseload.D(2026, 6, 1))
	for _, c := range []struct {
		name string
		bad  caseload.Assignment
		want func(error) bool
	}{
		{"invalid", caseload.Assignment{PersonID: p3.ID, MentorID: m.ID}, isValidation},
		{"second mentor in the batch", asg(p3, m.ID), isErr(ErrActiveMentor)},
		{"person already assigned", asg(p1, m.ID), isErr(ErrActiveMentor)},
		{"unknown mentor", asg(p2, "nobody"), isErr(ErrNotFound)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			as := []caseload.Assignment{asg(p3, m.ID), c.bad}
			checkAborted(t, s, s.AssignMany(ctx, as), "assignment 2", c.want, before)
			if as[0].ID != "" {
				t.Errorf("first assignment got an id")
			}
		})
	}
}

func TestAddNotices(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	_, p1 := svNotice(t, s, "Nguyễn Văn An", caseload.D(2026, 4, 1))
	p2 := svManaged(t, s, "Trần Thị Bình", caseload.D(2026, 6, 1))
	note := func(p caseload.Person) caseload.Notice {
		return caseload.Notice{PersonID: p.ID, Sender: "  Trại giam Xuân Lộc ", NoticeDate: caseload.D(2026, 7, 1),
			ExpectedRelease: caseload.D(2026, 9, 1)}
	}
	ns := []caseload.Notice{note(p1), note(p2)}
	if err := s.AddNotices(ctx, ns); err != nil {
		t.Fatal(err)
	}
	for i, n := range ns {
		got, err := s.Notice(ctx, n.ID)
		if err != nil || got.PersonID != n.PersonID || got.Sender != "Trại giam Xuân Lộc" {
			t.Errorf("notice %d = %+v, %v", i, got, err)
		}
	}
	if p, _ := s.Person(ctx, p2.ID); p.Ver != p2.Ver || p.Status != caseload.StatusManaged {
		t.Errorf("person changed: %+v", p.Meta)
	}

	for _, c := range []struct {
		name string
		bad  caseload.Notice
		want func(error) bool
	}{
		{"no person", caseload.Notice{Sender: "Trại giam", NoticeDate: caseload.D(2026, 7, 1), ExpectedRelease: caseload.D(2026, 9, 1)}, isValidation},
		{"unknown person", note(caseload.Person{Meta: caseload.Meta{ID: "nobody"}}), isErr(ErrNotFound)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			ns := []caseload.Notice{note(p1), c.bad}
			checkAborted(t, s, s.AddNotices(ctx, ns), "notice 2", c.want, before)
			if ns[0].ID != "" {
				t.Errorf("first notice got an id")
			}
		})
	}
}

func TestAddVisits(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	mine := svManaged(t, s, "Bùi Văn Cường", caseload.D(2026, 6, 1))
	theirs := svManaged(t, s, "Ngô Thị Dung", caseload.D(2026, 6, 1))
	m := svMentor(t, s, "Chị Lý Thị Hạnh")
	svAssign(t, s, mine, m, caseload.D(2026, 6, 2))
	old := svVisit(mine, caseload.D(2026, 6, 20), caseload.VisitHome)
	if err := s.AddVisit(ctx, &old); err != nil {
		t.Fatal(err)
	}
	vs := []caseload.Visit{svVisit(mine, caseload.D(2026, 7, 1), caseload.VisitHome),
		svVisit(theirs, caseload.D(2026, 7, 2), caseload.VisitPhone)}
	vs[0].Supersedes = old.ID // ignored: a batch only appends
	if err := s.AddVisits(ctx, vs); err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		got, err := s.Visit(ctx, v.ID)
		if err != nil || got.PersonID != v.PersonID || got.Supersedes != "" || got.Employment != "làm thợ xây" {
			t.Errorf("visit %d = %+v, %v", i, got, err)
		}
	}

	s.SetSession(caseload.User{Name: "hanh", DisplayName: "Lý Thị Hạnh", Role: caseload.RoleMentor, MentorID: m.ID})
	defer s.ClearSession()
	own := []caseload.Visit{svVisit(mine, caseload.D(2026, 8, 1), caseload.VisitHome)}
	own[0].AuthorKind, own[0].AuthorName = "", ""
	if err := s.AddVisits(ctx, own); err != nil {
		t.Fatal(err)
	}
	if v := own[0]; v.AuthorKind != caseload.AuthorMentor || v.MentorID != m.ID || v.AuthorName != "Lý Thị Hạnh" || v.UpdatedBy != "hanh" {
		t.Errorf("mentor visit = %+v", v)
	}
	for _, c := range []struct {
		name string
		bad  caseload.Visit
		want func(error) bool
	}{
		{"invalid", caseload.Visit{PersonID: mine.ID, Kind: caseload.VisitHome}, isValidation},
		{"another mentor's person", svVisit(theirs, caseload.D(2026, 8, 2), caseload.VisitHome), isErr(ErrNotMyPerson)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			vs := []caseload.Visit{svVisit(mine, caseload.D(2026, 8, 3), caseload.VisitHome), c.bad}
			checkAborted(t, s, s.AddVisits(ctx, vs), "visit 2", c.want, before)
			if vs[0].ID != "" {
				t.Errorf("first visit got an id")
			}
		})
	}
	s.SetSession(caseload.User{Name: "chutich", Role: caseload.RoleLeader})
	before := batchSnapshot(t, s)
	err := s.AddVisits(ctx, []caseload.Visit{svVisit(mine, caseload.D(2026, 8, 3), caseload.VisitHome)})
	checkAborted(t, s, err, "add visits", isErr(ErrReadOnly), before)
}

func TestClassifyMany(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p1 := svManaged(t, s, "Tạ Văn Minh", caseload.D(2026, 3, 2))
	p2 := svManaged(t, s, "Đỗ Thị Ngọc", caseload.D(2026, 3, 2))
	cl := func(p caseload.Person, q string, g caseload.Group) caseload.Classification {
		return caseload.Classification{PersonID: p.ID, Quarter: q, Group: g, Reason: "chấp hành tốt", On: caseload.D(2026, 7, 6)}
	}
	cs := []caseload.Classification{cl(p1, "2026-Q2", caseload.GroupB), cl(p2, "2026-q2", caseload.GroupC),
		cl(p1, "2026-Q3", caseload.GroupA)}
	cs[2].On = caseload.D(2026, 10, 5)
	if err := s.ClassifyMany(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if cs[1].Quarter != "2026-Q2" || cs[1].By != "system" || cs[1].ID == "" {
		t.Errorf("classification not normalised / filled: %+v", cs[1])
	}
	for _, c := range []struct {
		p caseload.Person
		g caseload.Group
	}{{p1, caseload.GroupA}, {p2, caseload.GroupC}} {
		if got, _ := s.Person(ctx, c.p.ID); got.Group != c.g {
			t.Errorf("%s: group %q, want %q", c.p.FullName, got.Group, c.g)
		}
		if rows := s.People(PersonFilter{Group: c.g}); len(rows) != 1 || rows[0].ID != c.p.ID {
			t.Errorf("search index, group %s: %+v", c.g, rows)
		}
	}
	if hist, err := s.Classifications(ctx, p1.ID); err != nil || len(hist) != 2 {
		t.Errorf("history = %+v, %v", hist, err)
	}

	_, expected := svNotice(t, s, "Hà Văn Phúc", caseload.D(2026, 4, 1))
	for _, c := range []struct {
		name string
		bad  caseload.Classification
		want func(error) bool
	}{
		{"invalid", cl(p2, "2026-Q9", "E"), isValidation},
		{"person not managed", cl(expected, "2026-Q3", caseload.GroupA), isErr(ErrPersonNotManaged)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			cs := []caseload.Classification{cl(p2, "2026-Q3", caseload.GroupD), c.bad}
			checkAborted(t, s, s.ClassifyMany(ctx, cs), "classification 2", c.want, before)
			if got, _ := s.Person(ctx, p2.ID); got.Group != caseload.GroupC {
				t.Errorf("group changed to %q", got.Group)
			}
			if rows := s.People(PersonFilter{Group: caseload.GroupD}); len(rows) != 0 {
				t.Errorf("search index changed: %+v", rows)
			}
		})
	}
}
