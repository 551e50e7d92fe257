package store

import (
	"context"
	"path/filepath"
	"testing"

	"hoanhap/caseload"
)

// svOpen opens a fresh store in a temporary folder.
func svOpen(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sv.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// svCount counts rows with a raw query.
func svCount(t testing.TB, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// svNotice records a notice creating an expected person and returns both.
func svNotice(t testing.TB, s *Store, name string, noticeDate caseload.Date) (caseload.Notice, caseload.Person) {
	t.Helper()
	p := caseload.Person{FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985},
		Hamlet: "Tổ 3", Address: "12 Lê Lợi", SentenceKind: caseload.SentencePrison, SentenceMonths: 36}
	n := caseload.Notice{Sender: "Trại giam Ba Sao", NoticeDate: noticeDate, ExpectedRelease: noticeDate.AddMonths(2)}
	if err := s.AddNotice(context.Background(), &n, &p); err != nil {
		t.Fatalf("add notice: %v", err)
	}
	return n, p
}

// svManaged creates a managed person received on session.
func svManaged(t testing.TB, s *Store, name string, session caseload.Date) caseload.Person {
	t.Helper()
	_, p := svNotice(t, s, name, session.AddMonths(-2))
	r := caseload.Reception{PersonID: p.ID, SessionDate: session, Officer: "Thượng úy Lê Văn Hải",
		MinutesDone: true, InfoSheetDone: true, CounsellingDone: true}
	if err := s.RecordReception(context.Background(), &r); err != nil {
		t.Fatalf("reception: %v", err)
	}
	got, err := s.Person(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// svMentor adds an active mentor.
func svMentor(t testing.TB, s *Store, name string) caseload.Mentor {
	t.Helper()
	m := caseload.Mentor{Kind: caseload.MentorPerson, Name: name, Organisation: caseload.OrgWomenUnion, Active: true,
		Phone: "0912 345 678"}
	if err := s.SaveMentor(context.Background(), &m); err != nil {
		t.Fatalf("save mentor: %v", err)
	}
	return m
}

// svAssign assigns m to p from the given date.
func svAssign(t testing.TB, s *Store, p caseload.Person, m caseload.Mentor, from caseload.Date) caseload.Assignment {
	t.Helper()
	a := caseload.Assignment{PersonID: p.ID, MentorID: m.ID, From: from,
		Decision: caseload.Decision{Number: "12/QĐ-UBND", Date: from}}
	if err := s.Assign(context.Background(), &a); err != nil {
		t.Fatalf("assign: %v", err)
	}
	return a
}
