package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestAddNoticeCreatesExpectedPerson(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	n, p := svNotice(t, s, "  Nguyễn Văn Đức ", caseload.D(2026, 9, 1))
	if n.PersonID != p.ID || p.ID == "" || n.ID == "" {
		t.Fatalf("ids not filled: notice %+v person %s", n.Meta, p.ID)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != caseload.StatusExpected || got.FullName != "Nguyễn Văn Đức" || got.Facility != "Trại giam Ba Sao" ||
		got.CompletedOn != caseload.D(2026, 11, 1) {
		t.Fatalf("person = %+v", got)
	}
	if rows := s.People(PersonFilter{Query: "nguyen van duc"}); len(rows) != 1 {
		t.Fatalf("index: %d rows", len(rows))
	}
	for _, tbl := range []string{"person", "notice"} {
		if c := svCount(t, s, `SELECT count(*) FROM audit WHERE tbl = ? AND action = 'insert'`, tbl); c != 1 {
			t.Errorf("audit rows for %s = %d", tbl, c)
		}
	}
	// Follow up: address changed, answer the sender.
	n.AddressCheck, n.AddressCheckedOn, n.NewAddress = caseload.AddressChanged, caseload.D(2026, 9, 3), "Thôn 5"
	n.SenderAnsweredOn = caseload.D(2026, 9, 4)
	if err := s.UpdateNotice(ctx, &n); err != nil {
		t.Fatal(err)
	}
	stale := n
	stale.Ver--
	if err := s.UpdateNotice(ctx, &stale); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	open, err := s.Notices(ctx, true)
	if err != nil || len(open) != 1 || open[0].AddressCheck != caseload.AddressChanged || open[0].Ver != 2 {
		t.Fatalf("open notices = %+v, %v", open, err)
	}
}

func TestAddNoticeInvalidWritesNothing(t *testing.T) {
	s := svOpen(t)
	p := caseload.Person{FullName: "Đức", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985}}
	n := caseload.Notice{NoticeDate: caseload.D(2026, 9, 1)} // no sender, no release
	err := s.AddNotice(context.Background(), &n, &p)
	var v *caseload.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v", err)
	}
	for _, f := range []string{"full_name", "sender", "expected_release"} {
		if len(v.For(f)) == 0 {
			t.Errorf("no error for %s in %v", f, v)
		}
	}
	if n.ID != "" || p.ID != "" {
		t.Fatal("records changed on failure")
	}
	for _, tbl := range []string{"person", "notice"} {
		if c := svCount(t, s, `SELECT count(*) FROM `+tbl); c != 0 {
			t.Errorf("%s has %d rows", tbl, c)
		}
	}
	if c := svCount(t, s, `SELECT count(*) FROM audit WHERE tbl IN ('person', 'notice')`); c != 0 {
		t.Errorf("%d audit rows", c)
	}
}
