package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestReceptionMakesManaged(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	_, p := svNotice(t, s, "Lương Văn Khải", caseload.D(2026, 8, 1))
	r := caseload.Reception{PersonID: p.ID, SessionDate: caseload.D(2026, 10, 5), Officer: "Lê Văn Hải",
		CounsellingDone: true, Guidance: []caseload.GuidanceTopic{caseload.GuidanceIDCard, caseload.GuidanceLoans, caseload.GuidanceIDCard}}
	if err := s.RecordReception(ctx, &r); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Status != caseload.StatusManaged || got.ReturnedOn != r.SessionDate || got.ReportedOn != r.SessionDate || got.Ver != 2 {
		t.Fatalf("person = %+v", got)
	}
	if rows := s.People(PersonFilter{Query: "khai"}); len(rows) != 1 || rows[0].Status != caseload.StatusManaged {
		t.Errorf("index rows = %+v", rows)
	}
	rec, err := s.LatestReception(ctx, p.ID)
	if err != nil || len(rec.Guidance) != 2 || !rec.CounsellingDone {
		t.Fatalf("reception = %+v, %v", rec, err)
	}
	rec.FileOpenedOn = caseload.D(2026, 10, 9)
	if err := s.UpdateReception(ctx, &rec); err != nil {
		t.Fatal(err)
	}
	if c := svCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'person' AND record_id = ? AND action = 'update'`, p.ID); c != 1 {
		t.Errorf("person audit updates = %d", c)
	}
}

func TestReceptionFailuresWriteNothing(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	r := caseload.Reception{PersonID: "no-such-person", SessionDate: caseload.D(2026, 10, 5), Officer: "Hải", CounsellingDone: true}
	if err := s.RecordReception(ctx, &r); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
	_, p := svNotice(t, s, "Mai Văn Lực", caseload.D(2026, 8, 1))
	r = caseload.Reception{PersonID: p.ID, SessionDate: caseload.D(2026, 10, 5), Officer: "Hải"} // no counselling
	var v *caseload.ValidationError
	if err := s.RecordReception(ctx, &r); !errors.As(err, &v) || len(v.For("counselling_done")) != 1 {
		t.Fatalf("err = %v", err)
	}
	if c := svCount(t, s, `SELECT count(*) FROM reception`); c != 0 {
		t.Errorf("%d receptions", c)
	}
	if got, _ := s.Person(ctx, p.ID); got.Status != caseload.StatusExpected || got.Ver != 1 {
		t.Errorf("person changed: %+v", got.Meta)
	}
}

func TestClassifyUpdatesGroupAndHistory(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Tạ Văn Minh", caseload.D(2026, 3, 2))
	for _, c := range []caseload.Classification{
		{PersonID: p.ID, Quarter: "2026-Q2", Group: caseload.GroupB, Reason: "chưa có việc làm", On: caseload.D(2026, 7, 6)},
		{PersonID: p.ID, Quarter: "2026-q3", Group: caseload.GroupA, Reason: "có việc ổn định", On: caseload.D(2026, 10, 5)},
	} {
		if err := s.Classify(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Group != caseload.GroupA {
		t.Errorf("group = %q", got.Group)
	}
	if rows := s.People(PersonFilter{Group: caseload.GroupA}); len(rows) != 1 {
		t.Errorf("index not updated: %d rows in group A", len(rows))
	}
	hist, err := s.Classifications(ctx, p.ID)
	if err != nil || len(hist) != 2 || hist[0].Quarter != "2026-Q3" || hist[0].By != "system" {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	list, err := s.QuarterList(ctx, "2026-Q2")
	if err != nil || len(list) != 1 || list[0].Group != caseload.GroupB {
		t.Errorf("quarter list = %+v, %v", list, err)
	}
	bad := caseload.Classification{PersonID: p.ID, Quarter: "2026-Q9", Group: "E", On: caseload.D(2026, 10, 5)}
	var v *caseload.ValidationError
	if err := s.Classify(ctx, &bad); !errors.As(err, &v) || len(v.Errors) != 3 {
		t.Errorf("bad classification: %v", err)
	}
}

func TestEndCaseClosesAssignment(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Quách Văn Nghĩa", caseload.D(2026, 3, 2))
	m := svMentor(t, s, "Ông Chu Văn Ba")
	svAssign(t, s, p, m, caseload.D(2026, 3, 4))
	end := caseload.CaseEnd{PersonID: p.ID, Reason: caseload.EndMovedAway,
		Decision: caseload.Decision{Number: "88/QĐ-UBND", Date: caseload.D(2026, 10, 20)}}
	var v *caseload.ValidationError
	if err := s.EndCase(ctx, &end); !errors.As(err, &v) || len(v.For("destination")) != 1 {
		t.Fatalf("moving away without destination: %v", err)
	}
	end.Destination = "Phường Dịch Vọng, Hà Nội"
	if err := s.EndCase(ctx, &end); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Status != caseload.StatusEnded || got.EndReason != caseload.EndMovedAway || got.EndDecision.Number != "88/QĐ-UBND" {
		t.Fatalf("person = %+v", got)
	}
	if _, err := s.ActiveAssignment(ctx, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("assignment still active: %v", err)
	}
	if rows := s.People(PersonFilter{}); len(rows) != 0 {
		t.Errorf("ended person in default list")
	}
	if err := s.EndCase(ctx, &end); !errors.Is(err, ErrPersonEnded) {
		t.Errorf("ending twice: %v", err)
	}
}

func TestRecidivismEndsManagement(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Kiều Văn Phúc", caseload.D(2025, 3, 2))
	q := svManaged(t, s, "Kim Thị Quyên", caseload.D(2025, 3, 2))
	r := caseload.Recidivism{PersonID: p.ID, Date: caseload.D(2026, 9, 1), Offense: "Trộm cắp tài sản"}
	end := caseload.CaseEnd{Decision: caseload.Decision{Number: "90/QĐ", Date: caseload.D(2026, 9, 20)}}
	if err := s.AddRecidivism(ctx, &r, &end); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.Status != caseload.StatusEnded || got.EndReason != caseload.EndNewSentence {
		t.Errorf("person = %s %s", got.Status, got.EndReason)
	}
	r2 := caseload.Recidivism{PersonID: q.ID, Date: caseload.D(2026, 10, 1), Offense: "Đánh bạc"}
	if err := s.AddRecidivism(ctx, &r2, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Person(ctx, q.ID); got.Status != caseload.StatusManaged {
		t.Errorf("q status = %s", got.Status)
	}
	n, err := s.RecidivismCount(ctx, caseload.D(2026, 1, 1), caseload.D(2026, 12, 31))
	if err != nil || n != 2 {
		t.Errorf("count = %d, %v", n, err)
	}
	// A failing end (no decision) leaves no recidivism row behind.
	r3 := caseload.Recidivism{PersonID: q.ID, Date: caseload.D(2026, 10, 2), Offense: "Cố ý gây thương tích"}
	if err := s.AddRecidivism(ctx, &r3, &caseload.CaseEnd{}); err == nil {
		t.Fatal("end without decision accepted")
	}
	if n, _ := s.RecidivismCount(ctx, caseload.Date{}, caseload.Date{}); n != 2 {
		t.Errorf("count after failure = %d", n)
	}
}
